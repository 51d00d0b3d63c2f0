//! hyde-liquid: see the crate README (work in progress).
