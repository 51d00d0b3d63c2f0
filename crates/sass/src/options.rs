//! Options of one compilation, as Jekyll's `sass:` configuration resolves them.

use std::path::PathBuf;

/// Output style. Jekyll 4.3 (with dart-sass) defaults to [`Style::Expanded`].
///
/// Jekyll also accepts `nested` and `compact`; dart-sass knows neither and
/// writes them as expanded, which [`Style::from_config`] reproduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// One declaration per line, two-space indentation.
    #[default]
    Expanded,
    /// Everything on one line, as few bytes as possible.
    Compressed,
}

impl Style {
    /// Reads the `style` value of Jekyll's `sass:` config (`:compressed` and
    /// `compressed` alike); unknown or legacy styles fall back to expanded.
    pub fn from_config(value: &str) -> Style {
        match value.trim().trim_start_matches(':') {
            "compressed" => Style::Compressed,
            _ => Style::Expanded,
        }
    }
}

/// Input syntax: SCSS (`.scss`) or the indented syntax (`.sass`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Syntax {
    /// Braces and semicolons.
    #[default]
    Scss,
    /// The indented syntax.
    Sass,
}

impl Syntax {
    /// The syntax a file extension (`scss`, `sass`) stands for.
    pub fn from_extension(ext: &str) -> Option<Syntax> {
        match ext.to_ascii_lowercase().as_str() {
            "scss" => Some(Syntax::Scss),
            "sass" => Some(Syntax::Sass),
            _ => None,
        }
    }
}

/// Everything one compilation needs besides the source text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SassOptions {
    /// Output style.
    pub style: Style,
    /// Input syntax of the entry source.
    pub syntax: Syntax,
    /// Directories searched by `@import`/`@use` after the entry file's own
    /// directory: the user's `load_paths`, the site's `sass_dir`, the theme's
    /// `_sass`, in that order.
    pub load_paths: Vec<PathBuf>,
    /// Path of the entry file (the `.scss` page). Relative imports resolve
    /// against its directory; errors and source maps name it. When `None`
    /// the source is called `stdin`.
    pub file: Option<PathBuf>,
    /// Build a v3 source map as well.
    pub source_map: bool,
    /// Source-map `sources` are written relative to this directory (Jekyll:
    /// the site source); absolute when `None`.
    pub source_map_root: Option<PathBuf>,
    /// Silence deprecation warnings raised in stylesheets found through the
    /// load paths (dependencies), as dart-sass's `quietDeps` does; `@warn`
    /// and `@debug` still print.
    pub quiet_deps: bool,
    /// Show every deprecation warning, not only the first five of each kind
    /// (Jekyll's `sass: verbose`).
    pub verbose: bool,
    /// Warnings name files relative to this directory, as dart-sass names
    /// them relative to its working directory; `None`: the current one.
    pub warning_root: Option<PathBuf>,
    /// Compile without looking for deprecations (no probes, no trace run):
    /// only `@warn` and `@debug` are reported. For measuring what the
    /// detection costs; Jekyll has no such setting.
    pub skip_deprecations: bool,
}
