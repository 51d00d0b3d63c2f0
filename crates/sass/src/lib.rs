//! hyde-sass: Jekyll's Sass conversion.
//!
//! Sass and SCSS are compiled with [grass]; its output is then re-serialised
//! the way dart-sass 1.78 writes CSS, so that hyde's CSS is byte-identical to
//! dart-sass's in both the `expanded` and the `compressed` style (the gaps
//! that remain are listed in `docs/compat.md`). [`compile`] is the single
//! entry point: it resolves `@import`/`@use` through the entry file's
//! directory and the load paths, collects `@warn`/`@debug` messages and
//! dart-sass's warnings, and can build a v3 source map.
//!
//! How Jekyll's `sass:` config maps onto [`SassOptions`]: `style` through
//! [`Style::from_config`]; `load_paths` (globs expanded by the caller), then
//! `sass_dir` (default `_sass`), then the theme's `_sass` go into
//! `load_paths` in that order; `sourcemap: always|development|never` decides
//! `source_map`, with `source_map_root` the site source; `quiet_deps` and
//! `verbose` as is. [`CompiledCss::warning_log`] is what Jekyll prints on
//! stderr: `@warn`/`@debug`, dart-sass's warning for colour names in
//! interpolation, and the deprecation warnings `slash-div` and `mixed-decls`
//! (found by hyde, since grass reports none) in dart-sass 1.78's text, with
//! its stack traces, five per deprecation unless `verbose`.
//! The page's path is `file`; its syntax comes from the extension. Jekyll
//! then writes [`CompiledCss::jekyll_output`] (which also drops the BOM of
//! compressed non-ASCII output, as Jekyll does) and, with a map, the map as
//! `<name>.css.map` next to the CSS. The `scssify`/`sassify` filters compile
//! with `file: None` and no source map.
//!
//! ```
//! use hyde_sass::{compile, SassOptions, Style};
//!
//! let opts = SassOptions { style: Style::Compressed, ..SassOptions::default() };
//! let out = compile("$c: #ff0000;\n.a { color: $c; .b { margin: 0.5em; } }", &opts).unwrap();
//! assert_eq!(out.css, ".a{color:red}.a .b{margin:.5em}");
//! ```

mod calc;
mod callgraph;
mod colour;
mod compile;
mod deprecation;
mod error;
mod fixes;
mod format;
mod highlight;
mod instrument;
mod listing;
mod loader;
mod mixed_decls;
mod options;
mod script;
mod slash_div;
mod sourcemap;
mod trace;
mod tree;
mod value;

pub use compile::{compile, CompiledCss, Warning, WarningKind};
pub use error::SassError;
pub use options::{SassOptions, Style, Syntax};
