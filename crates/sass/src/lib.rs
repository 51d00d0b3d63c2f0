//! hyde-sass: Jekyll's Sass conversion.
//!
//! Sass and SCSS are compiled with [grass]; its output is then re-serialised
//! the way dart-sass writes CSS (the reference for Jekyll 4.3 with
//! `sass-embedded`), so that hyde's CSS is byte-identical to dart-sass's in
//! both the `expanded` and the `compressed` style. [`compile`] is the single
//! entry point; it also resolves imports through the load paths, collects
//! `@warn`/`@debug` output once per message, and can build a v3 source map.

mod calc;
mod compile;
mod error;
mod fixes;
mod format;
mod instrument;
mod loader;
mod options;
mod sourcemap;
mod tree;
mod value;

pub use compile::{compile, CompiledCss, Warning};
pub use error::SassError;
pub use options::{SassOptions, Style, Syntax};
