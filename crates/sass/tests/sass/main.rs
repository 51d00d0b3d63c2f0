//! hyde-sass integration tests: the dart-sass corpus, the public API,
//! error reporting and source maps.

mod api;
mod corpus;
mod gaps;
mod sourcemap;
