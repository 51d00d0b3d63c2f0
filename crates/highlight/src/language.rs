//! The lexer registry: Rouge's tags and aliases, looked up the way
//! `Rouge::Lexer.find_fancy` looks them up.

use std::sync::OnceLock;

use crate::engine::Lexer;
use crate::format::Out;
use crate::lexers::{self, Lex};
use crate::rouge_names::ROUGE_NAMES;
use crate::token::TEXT;

/// A Rouge-compatible lexer, found by tag or alias.
#[derive(Debug)]
pub struct Language {
    tag: &'static str,
    def: Option<Lex>,
}

impl Language {
    /// Rouge's tag for this lexer (`"python"` for `py`).
    pub fn tag(&self) -> &'static str {
        self.tag
    }

    /// Whether hyde has a port of this Rouge lexer. Languages Rouge knows but
    /// hyde does not are lexed as plain text (see docs/compat.md).
    pub fn is_ported(&self) -> bool {
        self.def.is_some() || self.tag == "plaintext"
    }

    pub(crate) fn lex_kind(&self) -> Option<Lex> {
        self.def
    }

    pub(crate) fn lex_into(&self, code: &str, out: &mut Out) {
        match self.def {
            Some(Lex::Regex(def)) => Lexer::new(def()).run(code, out),
            Some(Lex::Func(f)) => f(code, out),
            None => out.push(TEXT, code),
        }
    }
}

fn languages() -> &'static [Language] {
    static LANGS: OnceLock<Vec<Language>> = OnceLock::new();
    LANGS.get_or_init(|| {
        let mut tags: Vec<&'static str> = ROUGE_NAMES.iter().map(|(_, t)| *t).collect();
        tags.sort_unstable();
        tags.dedup();
        tags.into_iter()
            .map(|tag| Language {
                tag,
                def: lexers::by_tag(tag),
            })
            .collect()
    })
}

fn by_tag(tag: &str) -> Option<&'static Language> {
    let langs = languages();
    langs
        .binary_search_by(|l| l.tag.cmp(tag))
        .ok()
        .map(|i| &langs[i])
}

/// Rouge's PlainText lexer: the fallback when no lexer is found.
pub fn plaintext() -> &'static Language {
    static PLAIN: Language = Language {
        tag: "plaintext",
        def: None,
    };
    by_tag("plaintext").unwrap_or(&PLAIN)
}

/// Finds a language the way Rouge's `Lexer.find_fancy` does for a name.
///
/// As in Rouge, a tag or alias must match exactly (Rouge's registry is
/// case-sensitive; Jekyll's highlight tag downcases first). Options after
/// `?` are ignored. `guess` (or `guess?…`) guesses from the source, which
/// hyde does not do: it answers plain text, Rouge's answer when nothing is
/// recognised. `None` when Rouge would find none.
pub fn find_language(name: &str) -> Option<&'static Language> {
    let base = match name.split_once('?') {
        Some((base, _)) => base,
        None => name,
    };
    if base == "guess" {
        return Some(plaintext());
    }
    let i = ROUGE_NAMES.binary_search_by(|(n, _)| n.cmp(&base)).ok()?;
    by_tag(ROUGE_NAMES[i].1)
}

/// Rouge's `Lexer.find_fancy(name, code)`: `find_language`, except that
/// `guess` (with or without `?options`) guesses from `code` as Rouge does
/// (see [`crate::guess_language`]).
pub fn find_fancy(name: &str, code: &str) -> Option<&'static Language> {
    let base = name.split_once('?').map_or(name, |(b, _)| b);
    if base == "guess" {
        return Some(crate::guess_language(code));
    }
    find_language(name)
}
