//! hyde-highlight: see the crate README (work in progress).
