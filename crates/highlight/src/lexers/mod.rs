//! The ported lexers, one module per language family.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::engine::Def;
use crate::format::Out;
use crate::token::Tok;

mod c;
mod cmake;
mod coq;
mod csharp;
mod css;
mod dart;
mod data;
mod diff;
mod fortran;
mod go;
mod groovy;
mod haskell;
mod java;
mod javascript;
mod jinja;
mod julia;
mod julia_types;
mod kotlin;
mod lean;
mod liquid;
mod lisp;
mod lua;
mod lua_builtins;
mod markdown;
mod markup;
mod mathematica;
mod mathematica_builtins;
mod matlab;
mod matlab_builtins;
mod misc;
mod perl;
mod php;
mod php_builtins;
mod powershell;
mod python;
mod r;
mod ruby;
mod rust;
mod sas;
mod sas_words;
mod scala;
mod shell;
mod sql;
mod stan;
mod stan_words;
mod stata;
mod stata_words;
mod swift;
mod tex;
mod verilog;
mod yaml;

/// How a ported lexer runs.
#[derive(Clone, Copy)]
pub(crate) enum Lex {
    /// A `RegexLexer` port.
    Regex(fn() -> &'static Def),
    /// A hand-written lexer (Rouge's plain `Lexer` subclasses).
    Func(fn(&str, &mut Out)),
}

impl std::fmt::Debug for Lex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Lex::Regex(d) => write!(f, "Regex({})", d().tag),
            Lex::Func(_) => f.write_str("Func"),
        }
    }
}

/// The port of the Rouge lexer with this tag, if hyde has one.
pub(crate) fn by_tag(tag: &str) -> Option<Lex> {
    if tag == "console" {
        return Some(Lex::Func(shell::console));
    }
    Some(Lex::Regex(match tag {
        "python" => python::def,
        "shell" => shell::shell,
        "javascript" => javascript::javascript,
        "typescript" => javascript::typescript,
        "jsx" => javascript::jsx,
        "tsx" => javascript::tsx,
        "nginx" => markup::nginx,
        "docker" => shell::docker,
        "make" => shell::make,
        "json" => data::json,
        "groovy" => groovy::groovy,
        "protobuf" => misc::protobuf,
        "ocaml" => misc::ocaml,
        "prolog" => misc::prolog,
        "vhdl" => misc::vhdl,
        "verilog" => verilog::verilog,
        "scheme" => lisp::scheme,
        "clojure" => lisp::clojure,
        "lean" => lean::lean,
        "sas" => sas::sas,
        "dart" => dart::dart,
        "scala" => scala::scala,
        "fortran" => fortran::fortran,
        "php" => php::php,
        "swift" => swift::swift,
        "kotlin" => kotlin::kotlin,
        "properties" => data::properties,
        "haskell" => haskell::haskell,
        "lua" => lua::lua,
        "csharp" => csharp::csharp,
        "bibtex" => tex::bibtex,
        "erb" => markup::erb,
        "liquid" => liquid::liquid,
        "julia" => julia::julia,
        "matlab" => matlab::matlab,
        "r" => r::r,
        "tex" => tex::tex,
        "ruby" => ruby::ruby,
        "markdown" => markdown::markdown,
        "sql" => sql::sql,
        "rust" => rust::rust,
        "java" => java::java,
        "go" => go::go,
        "c" => c::c,
        "cpp" => c::cpp,
        "cuda" => c::cuda,
        "glsl" => c::glsl,
        "yaml" => yaml::yaml,
        "html" => markup::html,
        "xml" => markup::xml,
        "css" => css::css,
        "scss" => css::scss,
        "sass" => css::sass,
        "jinja" => jinja::jinja,
        "coq" => coq::coq,
        "ini" => data::ini,
        "toml" => data::toml,
        "diff" => diff::diff,
        "powershell" => powershell::powershell,
        "stata" => stata::stata,
        "mathematica" => mathematica::mathematica,
        "conf" => data::conf,
        "cmake" => cmake::cmake,
        "stan" => stan::stan,
        "perl" => perl::perl,
        _ => return None,
    }))
}

/// A keyword list, as Rouge's `Set.new %w(...)`.
pub(crate) struct Words(HashSet<&'static str, BuildHasherDefault<Fnv>>);

impl Words {
    pub(crate) fn new(words: &'static str) -> Words {
        Words(words.split_whitespace().collect())
    }
    pub(crate) fn has(&self, w: &str) -> bool {
        self.0.contains(w)
    }
}

/// Several keyword lists, each with its token, looked up with one hash: a
/// word in more than one list takes the token of the first.
pub(crate) struct TokWords(HashMap<&'static str, Tok, BuildHasherDefault<Fnv>>);

impl TokWords {
    pub(crate) fn new(lists: &[(&'static str, Tok)]) -> TokWords {
        let mut map = HashMap::default();
        for &(words, tok) in lists {
            for w in words.split_whitespace() {
                map.entry(w).or_insert(tok);
            }
        }
        TokWords(map)
    }
    pub(crate) fn get(&self, w: &str) -> Option<Tok> {
        self.0.get(w).copied()
    }
}

/// FNV-1a: keyword lookups hash one short word per identifier, where
/// SipHash's set-up costs more than the word.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
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

#[cfg(test)]
mod tests {
    use super::{by_tag, Lex};

    /// Each rule serves a haystack that is ASCII to its end with its ASCII
    /// variant: on every corpus input, each such match must be what the full
    /// pattern finds.
    #[test]
    fn ascii_variants_match_as_full_patterns() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/expected");
        let (mut inputs, mut diffs) = (0, Vec::new());
        for dir in std::fs::read_dir(root).expect("corpus").flatten() {
            let name = dir.file_name().to_string_lossy().into_owned();
            let Some(lang) = crate::find_language(&name) else {
                continue;
            };
            for f in std::fs::read_dir(dir.path()).expect("dir").flatten() {
                if f.path().extension().is_some_and(|e| e == "in") {
                    let text = std::fs::read_to_string(f.path()).expect("input");
                    inputs += 1;
                    diffs.extend(crate::re::cross_check::during(|| {
                        crate::highlight(lang, &text);
                    }));
                }
            }
        }
        assert!(inputs > 1000, "only {inputs} inputs");
        assert!(
            diffs.is_empty(),
            "{} matches differ:\n{}",
            diffs.len(),
            diffs[..diffs.len().min(10)].join("\n")
        );
    }

    /// Rules are compiled on first use, so a pattern no engine accepts would
    /// only show when some input reaches it: compile them all here.
    #[test]
    fn every_rule_compiles() {
        let mut tags: Vec<&str> = crate::rouge_names::ROUGE_NAMES
            .iter()
            .map(|&(_, tag)| tag)
            .collect();
        tags.sort_unstable();
        tags.dedup();
        let mut errors = Vec::new();
        let mut checked = 0;
        for tag in tags {
            if let Some(Lex::Regex(def)) = by_tag(tag) {
                errors.extend(def().compile_errors());
                checked += 1;
            }
        }
        assert!(checked > 50, "only {checked} lexers checked");
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }
}
