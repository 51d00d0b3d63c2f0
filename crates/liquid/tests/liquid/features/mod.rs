//! Tests named after features.

mod api;
mod errors;
mod limits;
mod regressions;
mod time_parse;
