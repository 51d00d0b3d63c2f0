//! Tests named after features.

mod api;
