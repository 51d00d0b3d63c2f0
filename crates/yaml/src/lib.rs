//! hyde-yaml: see the crate README (work in progress).
