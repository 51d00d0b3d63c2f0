//! hyde-sass integration tests: the dart-sass corpus, the public API,
//! error reporting, source maps and deprecation warnings.

mod api;
mod corpus;
mod gaps;
mod sourcemap;
mod warnings;
