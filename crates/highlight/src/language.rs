//! The lexer registry: Rouge's tags and aliases, looked up the way
//! `Rouge::Lexer.find_fancy` looks them up.

/// A Rouge-compatible lexer, found by tag or alias.
#[derive(Debug)]
pub struct Language {
    tag: &'static str,
}

impl Language {
    /// Rouge's tag for this lexer (`"python"` for `py`).
    pub fn tag(&self) -> &'static str {
        self.tag
    }
}

static PLAINTEXT: Language = Language { tag: "plaintext" };

/// Rouge's PlainText lexer: the fallback when no lexer is found.
pub fn plaintext() -> &'static Language {
    &PLAINTEXT
}

/// Finds a language the way Rouge's `Lexer.find_fancy` does for a name.
///
/// Like Rouge, the lookup of a tag or alias is exact (case-sensitive); options
/// after `?` are ignored. `None` when Rouge would find none.
pub fn find_language(name: &str) -> Option<&'static Language> {
    let name = name.split('?').next().unwrap_or("");
    match name {
        "plaintext" | "text" => Some(&PLAINTEXT),
        _ => None,
    }
}
