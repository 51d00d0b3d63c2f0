//! hyde-sass: see the crate README (work in progress).
