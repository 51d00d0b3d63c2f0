//! The ported lexers, one module per language family.

use std::collections::HashSet;

use crate::engine::Def;

mod data;
mod diff;
mod python;

/// The port of the Rouge lexer with this tag, if hyde has one.
pub(crate) fn by_tag(tag: &str) -> Option<fn() -> &'static Def> {
    Some(match tag {
        "python" => python::def,
        "json" => data::json,
        "ini" => data::ini,
        "toml" => data::toml,
        "diff" => diff::diff,
        _ => return None,
    })
}

/// A keyword list, as Rouge's `Set.new %w(...)`.
pub(crate) struct Words(HashSet<&'static str>);

impl Words {
    pub(crate) fn new(words: &'static str) -> Words {
        Words(words.split_whitespace().collect())
    }
    pub(crate) fn has(&self, w: &str) -> bool {
        self.0.contains(w)
    }
}

/// Defines `def()`, building the lexer once on first use.
macro_rules! lexer_def {
    ($name:ident, $build:expr) => {
        pub(crate) fn $name() -> &'static $crate::engine::Def {
            static DEF: std::sync::OnceLock<$crate::engine::Def> = std::sync::OnceLock::new();
            DEF.get_or_init($build)
        }
    };
}
pub(crate) use lexer_def;
