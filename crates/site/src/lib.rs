//! hyde-site: see the crate README (work in progress).
