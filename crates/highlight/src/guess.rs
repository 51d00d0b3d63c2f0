//! Rouge's guesser for a source without a language name
//! (`Lexer.find_fancy(nil, code)` or `find_fancy("guess", code)`): an Emacs
//! or Vim modeline first, then each lexer's `detect?` test (shebangs,
//! doctypes, `%YAML`, `\documentclass`…). Exactly one answer wins; none gives
//! plain text. Rouge raises on an ambiguous guess; hyde answers plain text.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use regex::Regex;

use crate::language::{find_language, plaintext, Language};

/// The lexer Rouge's guessers pick for `source`.
pub fn guess_language(source: &str) -> &'static Language {
    let text = source.strip_prefix('\u{feff}').unwrap_or(source);
    let normalized;
    let text = if text.contains("\r\n") {
        normalized = text.replace("\r\n", "\n");
        normalized.as_str()
    } else {
        text
    };
    let from_modeline = modeline_languages(text);
    let detected: Vec<&'static str> = DETECTORS
        .iter()
        .filter(|(tag, _)| {
            from_modeline.is_empty() || from_modeline.iter().any(|l| l.tag() == *tag)
        })
        .filter(|(_, detect)| detect(text))
        .map(|(tag, _)| *tag)
        .collect();
    let found = match (detected.as_slice(), from_modeline.as_slice()) {
        ([tag], _) => find_language(tag),
        ([], [one]) => Some(*one),
        _ => None,
    };
    found.unwrap_or_else(plaintext)
}

/// The lexers named by modelines in the first and last five lines.
fn modeline_languages(text: &str) -> Vec<&'static Language> {
    static RES: OnceLock<Vec<fancy_regex::Regex>> = OnceLock::new();
    let res = RES.get_or_init(|| {
        [
            r"(?i)-\*-\s*(?:(?!mode)[\w-]+\s*:\s*(?:[\w+-]+)\s*;?\s*)*(?:mode\s*:)?\s*([\w+-]+)\s*(?:;\s*(?!mode)[\w-]+\s*:\s*[\w+-]+\s*)*;?\s*-\*-",
            r"(?i)(?:vim|vi|ex):\s*(?:ft|filetype|syntax)=(\w+)\s?",
            r"(?i)(?:vim|vi|Vim|ex):\s*se(?:t)?.*\s(?:ft|filetype|syntax)=(\w+)\s?.*:",
        ]
        .iter()
        .filter_map(|re| fancy_regex::Regex::new(&crate::re::translate(re)).ok())
        .collect()
    });
    let lines: Vec<&str> = text.split('\n').collect();
    // Ruby's split drops trailing empty fields.
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    let lines = &lines[..end];
    let mut space: Vec<&str> = lines.iter().take(5).copied().collect();
    space.extend(&lines[lines.len().saturating_sub(5)..]);
    let space = space.join("\n");
    let mut out: Vec<&'static Language> = Vec::new();
    for re in res {
        if let Ok(Some(c)) = re.captures(&space) {
            if let Some(lang) = c.get(1).and_then(|m| find_language(m.as_str())) {
                if !out.iter().any(|l| std::ptr::eq(*l, lang)) {
                    out.push(lang);
                }
            }
        }
    }
    out
}

type Detect = fn(&str) -> bool;

/// Rouge's `detect?` tests, by lexer tag.
const DETECTORS: &[(&str, Detect)] = &[
    ("awk", |t| shebang_is(t, "awk")),
    ("xml", |t| {
        let doctype = doctype(t);
        if doctype.is_some_and(|d| d.contains("html")) {
            return false;
        }
        t.starts_with("<?xml") && word_after(t, 5) || doctype.is_some()
    }),
    ("biml", |t| matches(t, r"<\s*Biml\b")),
    ("coffeescript", |t| shebang_is(t, "coffee")),
    ("crystal", |t| shebang_is(t, "crystal")),
    ("python", |t| shebang_is(t, r"pythonw?(?:[23](?:\.\d+)?)?")),
    ("diff", |t| {
        t.starts_with("Index: ")
            || matches(t, r"\Adiff[^\n]*?\ba/[^\n]*\bb/")
            || matches(t, r"---.*?\n[+][+][+]")
            || matches(t, r"[+][+][+].*?\n---")
    }),
    ("yaml", |t| matches(t, r"\A\s*%YAML")),
    ("factor", |t| shebang_is(t, "factor")),
    ("gherkin", |t| shebang_is(t, "cucumber")),
    ("groovy", |t| shebang_is(t, "groovy")),
    ("php", |t| {
        shebang_is(t, "php") || !matches(t, r"(?m)^<\?hh") && matches(t, r"(?m)^<\?php")
    }),
    ("hack", |t| {
        t.contains("<?hh")
            || shebang_is(t, "hhvm")
            || matches(t, "async function [a-zA-Z]")
            || t.contains("): Awaitable<")
    }),
    ("haskell", |t| shebang_is(t, "runhaskell")),
    ("haxe", |t| shebang_is(t, "haxe")),
    ("html", |t| {
        if doctype(t).is_some_and(|d| matches(d, r"(?i)\bhtml\b")) {
            return true;
        }
        if t.starts_with("<?xml") && word_after(t, 5) {
            return false;
        }
        matches(t, r"<\s*html\b")
    }),
    ("io", |t| shebang_is(t, "io")),
    ("ruby", |t| shebang_is(t, "ruby")),
    ("javascript", |t| {
        shebang_is(t, "node") || shebang_is(t, "jsc")
    }),
    ("julia", |t| shebang_is(t, "julia")),
    ("lasso", |t| {
        shebang_is(t, "lasso9") || matches(t, r"\A.*?<\?(lasso(script)?|=)")
    }),
    ("livescript", |t| shebang_is(t, "lsc")),
    ("lua", |t| shebang_is(t, "lua")),
    ("moonscript", |t| shebang_is(t, "moon")),
    ("mosel", |t| matches(t, r"(?m)^\s*(model|package)\s+")),
    ("perl", |t| shebang_is(t, "perl")),
    ("postscript", |t| matches(t, r"(?m)^%!")),
    ("praat", |t| shebang_is(t, "praat")),
    ("puppet", |t| {
        shebang_is(t, "puppet-apply") || shebang_is(t, "puppet")
    }),
    ("r", |t| shebang_is(t, "Rscript")),
    ("racket", |t| {
        regex_cached(r"\A#lang[ \t\n\x0B\x0C\r]*(.*)")
            .captures(t)
            .and_then(|c| c.get(1))
            .is_some_and(|m| matches(first_line(m.as_str()), "racket|scribble"))
    }),
    ("rust", |t| shebang_is(t, "rustc")),
    ("sed", |t| shebang_is(t, "sed")),
    ("shell", |t| shebang_is(t, "(ba|z|k)?sh")),
    ("solidity", |t| t.starts_with("pragma solidity")),
    ("tcl", |t| {
        shebang_is(t, "tclsh") || shebang_is(t, "wish") || shebang_is(t, "jimsh")
    }),
    ("tex", |t| {
        matches(
            t,
            r"\A\s*\\(documentclass|input|documentstyle|relax|ProvidesPackage|ProvidesClass)",
        )
    }),
    ("tulip", |t| shebang_is(t, "tulip")),
];

fn first_line(s: &str) -> &str {
    s.split('\n').next().unwrap_or(s)
}

/// `\b` after byte `i`: the next character is not a word character.
fn word_after(t: &str, i: usize) -> bool {
    !t[i..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// A compiled pattern, kept for the next guess. It is leaked rather than
/// cloned out of the cache: a clone starts a fresh match cache on every
/// call, and the patterns are the fixed set in [`DETECTORS`].
fn regex_cached(re: &str) -> &'static Regex {
    static CACHE: OnceLock<Mutex<HashMap<String, &'static Regex>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut map = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(compiled) = map.get(re) {
        return compiled;
    }
    let compiled = Regex::new(&crate::re::translate(re))
        .unwrap_or_else(|_| Regex::new("$^").expect("empty regex"));
    let compiled: &'static Regex = Box::leak(Box::new(compiled));
    map.insert(re.to_string(), compiled);
    compiled
}

fn matches(t: &str, re: &str) -> bool {
    regex_cached(re).is_match(t)
}

/// `TextAnalyzer#shebang`: what follows `#!` on the first non-blank line.
fn shebang(t: &str) -> Option<&str> {
    let rest = t.trim_start_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']);
    let line = rest.strip_prefix("#!")?;
    Some(first_line(line))
}

/// `TextAnalyzer#shebang?(word)`: `/\bword(\s|$)/` in the shebang.
fn shebang_is(t: &str, word: &str) -> bool {
    shebang(t).is_some_and(|s| matches(s, &format!(r"\b(?:{word})(\s|$)")))
}

/// `TextAnalyzer#doctype`: the name in a leading `<!DOCTYPE …>`.
fn doctype(t: &str) -> Option<&str> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?s)\A[\t\n\x0B\x0C\r ]*(?:<\?.*?\?>[\t\n\x0B\x0C\r ]*)?<!DOCTYPE[\t\n\x0B\x0C\r ]+(.+?)>")
            .expect("doctype regex")
    });
    re.captures(t).and_then(|c| c.get(1)).map(|m| m.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_like_rouge() {
        assert_eq!(guess_language("#!/bin/bash\necho hi\n").tag(), "shell");
        assert_eq!(
            guess_language("  #!/usr/bin/env python3\nx\n").tag(),
            "python"
        );
        assert_eq!(
            guess_language("<!DOCTYPE html>\n<html></html>\n").tag(),
            "html"
        );
        assert_eq!(
            guess_language("<?xml version=\"1.0\"?>\n<a/>\n").tag(),
            "xml"
        );
        assert_eq!(guess_language("%YAML 1.2\n---\na: 1\n").tag(), "yaml");
        assert_eq!(guess_language("package main\n").tag(), "mosel");
        assert_eq!(guess_language("def x\n  1\nend\n").tag(), "plaintext");
        assert_eq!(guess_language("# vim: ft=ruby\nx = 1\n").tag(), "ruby");
        let f = crate::find_fancy;
        assert_eq!(
            f("guess", "#!/usr/bin/env ruby\n").map(|l| l.tag()),
            Some("ruby")
        );
        assert_eq!(f("guess?x=1", "x\n").map(|l| l.tag()), Some("plaintext"));
        assert_eq!(f("py", "#!/bin/sh\n").map(|l| l.tag()), Some("python"));
        // Two lexers claim it: Rouge raises, hyde answers plain text.
        assert_eq!(
            guess_language("package x\nasync function f() {}\n").tag(),
            "plaintext"
        );
    }
}
