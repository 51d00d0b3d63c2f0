//! hyde-markdown: see the crate README (work in progress).
