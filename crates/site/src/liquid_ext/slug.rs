//! `Jekyll::Utils.slugify` in every mode (`raw`, `default`, `pretty`, `ascii`,
//! `latin`, `none`), as the `slugify` filter and permalinks use it.
//!
//! The character classes are Ruby's: `\s` is ASCII whitespace only, and the
//! default class keeps letters (`\p{L}`), marks (`\p{M}`) and decimal digits
//! (`\p{Nd}`). The `latin` mode first transliterates with I18n's default
//! approximations (Latin-1 and Latin Extended-A letters; anything else
//! non-ASCII becomes `?`).

use std::sync::OnceLock;

use regex::Regex;

/// How `slugify` replaces characters; `Mode::parse` maps the filter argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlugMode {
    /// Runs of whitespace become a hyphen.
    Raw,
    /// Everything but letters, marks and digits becomes a hyphen.
    Default,
    /// As `Default`, but keeps `._~!$&'()+,;=@`.
    Pretty,
    /// Everything but ASCII letters and digits becomes a hyphen.
    Ascii,
    /// Transliterates accented Latin letters, then as `Default`.
    Latin,
    /// Any other mode name: the string is only downcased.
    None,
}

impl SlugMode {
    /// The mode for a filter argument; `None` (absent) is `default`, an
    /// unknown name behaves like `none`, as in Jekyll.
    pub fn parse(mode: Option<&str>) -> SlugMode {
        match mode.unwrap_or("default") {
            "raw" => SlugMode::Raw,
            "default" => SlugMode::Default,
            "pretty" => SlugMode::Pretty,
            "ascii" => SlugMode::Ascii,
            "latin" => SlugMode::Latin,
            _ => SlugMode::None,
        }
    }
}

fn class(mode: SlugMode) -> &'static Regex {
    static RAW: OnceLock<Regex> = OnceLock::new();
    static DEFAULT: OnceLock<Regex> = OnceLock::new();
    static PRETTY: OnceLock<Regex> = OnceLock::new();
    static ASCII: OnceLock<Regex> = OnceLock::new();
    let (cell, pattern) = match mode {
        SlugMode::Raw => (&RAW, r"[\t\n\x0B\x0C\r ]+"),
        SlugMode::Pretty => (&PRETTY, r"[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+"),
        SlugMode::Ascii => (&ASCII, r"[^A-Za-z0-9]+"),
        _ => (&DEFAULT, r"[^\p{M}\p{L}\p{Nd}]+"),
    };
    cell.get_or_init(|| Regex::new(pattern).expect("slug pattern is valid"))
}

/// Which ASCII characters `mode`'s class keeps (the complement is replaced).
fn ascii_kept(mode: SlugMode) -> Option<fn(u8) -> bool> {
    Some(match mode {
        SlugMode::Raw => |c| !matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '),
        SlugMode::Pretty => |c: u8| c.is_ascii_alphanumeric() || b"._~!$&'()+,;=@".contains(&c),
        SlugMode::Ascii | SlugMode::Default | SlugMode::Latin => |c: u8| c.is_ascii_alphanumeric(),
        SlugMode::None => return None,
    })
}

/// Each run of ASCII characters that `keep` rejects, replaced by one `-`.
fn replace_runs(s: &str, keep: fn(u8) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_run = false;
    for &c in s.as_bytes() {
        if keep(c) {
            out.push(c as char);
            in_run = false;
        } else if !in_run {
            out.push('-');
            in_run = true;
        }
    }
    out
}

/// `Jekyll::Utils.slugify(input, mode:, cased:)`.
pub fn slugify(input: &str, mode: SlugMode, cased: bool) -> String {
    if mode == SlugMode::None {
        return if cased {
            input.to_owned()
        } else {
            ruby_downcase(input)
        };
    }
    let transliterated;
    let source = if mode == SlugMode::Latin {
        transliterated = transliterate(input);
        transliterated.as_str()
    } else {
        input
    };
    // ASCII text (and every transliterated one) needs no Unicode classes:
    // compiling `\p{L}` costs more than slugifying a whole site.
    let replaced = match ascii_kept(mode) {
        Some(keep) if source.is_ascii() => std::borrow::Cow::Owned(replace_runs(source, keep)),
        _ => class(mode).replace_all(source, "-"),
    };
    // `gsub(/^-|-$/, "")`: one hyphen at each end (no newlines remain here).
    let mut slug: &str = &replaced;
    if let Some(rest) = slug.strip_prefix('-') {
        slug = rest;
    }
    if let Some(rest) = slug.strip_suffix('-') {
        slug = rest;
    }
    if cased {
        slug.to_owned()
    } else {
        ruby_downcase(slug)
    }
}

/// Ruby's `String#downcase` (full Unicode case mapping, no final-sigma rule).
pub fn ruby_downcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == 'Σ' {
            out.push('σ');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// ASCII approximations for U+00C0..=U+017E, `|`-separated, in code point
/// order; derived from the Unicode decompositions plus the letters that have
/// none (Æ, Ð, Ø, Þ, ß, Ł, Œ…), as I18n's default transliterator maps them.
const LATIN: &str = "A|A|A|A|A|A|AE|C|E|E|E|E|I|I|I|I|D|N|O|O|O|O|O|x|O|U|U|U|U|Y|Th|ss|\
a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o|?|o|u|u|u|u|y|th|y|\
A|a|A|a|A|a|C|c|C|c|C|c|C|c|D|d|D|d|E|e|E|e|E|e|E|e|E|e|G|g|G|g|G|g|G|g|H|h|H|h|\
I|i|I|i|I|i|I|i|I|i|IJ|ij|J|j|K|k|k|L|l|L|l|L|l|L|l|L|l|N|n|N|n|N|n|'n|NG|ng|\
O|o|O|o|O|o|OE|oe|R|r|R|r|R|r|S|s|S|s|S|s|S|s|T|t|T|t|T|t|U|u|U|u|U|u|U|u|U|u|U|u|\
W|w|Y|y|Y|Z|z|Z|z|Z|z";

fn latin_table() -> &'static [&'static str] {
    static TABLE: OnceLock<Vec<&'static str>> = OnceLock::new();
    TABLE.get_or_init(|| LATIN.split('|').collect())
}

/// `I18n.transliterate` with the default (English) rules.
pub fn transliterate(input: &str) -> String {
    let table = latin_table();
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        let cp = c as usize;
        if c.is_ascii() {
            out.push(c);
        } else if (0xC0..0xC0 + table.len()).contains(&cp) {
            out.push_str(table[cp - 0xC0]);
        } else {
            out.push('?');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(s: &str, mode: &str) -> String {
        slugify(s, SlugMode::parse(Some(mode)), false)
    }

    // Expected values below were produced by Jekyll 4.3.1's Utils.slugify.
    const SAMPLE: &str = "  The _config.yml FILE — naïve café (2) ~x ½ ÷ ";

    #[test]
    fn slugify_every_mode() {
        assert_eq!(
            slug(SAMPLE, "raw"),
            "the-_config.yml-file-—-naïve-café-(2)-~x-½-÷"
        );
        assert_eq!(
            slug(SAMPLE, "default"),
            "the-config-yml-file-naïve-café-2-x"
        );
        assert_eq!(
            slug(SAMPLE, "pretty"),
            "the-_config.yml-file-naïve-café-(2)-~x"
        );
        assert_eq!(slug(SAMPLE, "ascii"), "the-config-yml-file-na-ve-caf-2-x");
        assert_eq!(slug(SAMPLE, "latin"), "the-config-yml-file-naive-cafe-2-x");
        assert_eq!(
            slug(SAMPLE, "none"),
            "  the _config.yml file — naïve café (2) ~x ½ ÷ "
        );
        assert_eq!(slug(SAMPLE, "bogus"), slug(SAMPLE, "none"));
    }

    #[test]
    fn slugify_default_keeps_letters_marks_and_decimal_digits() {
        assert_eq!(
            slugify(
                "  Hello,  World!! _foo_ ÉtéÆ 中文 ٣ ½ x²",
                SlugMode::Default,
                false
            ),
            "hello-world-foo-étéæ-中文-٣-x"
        );
    }

    #[test]
    fn slugify_cased_keeps_case() {
        assert_eq!(
            slugify("The _config.yml file", SlugMode::Pretty, true),
            "The-_config.yml-file"
        );
    }

    /// ASCII text is slugified without the regexes, as the regexes would.
    #[test]
    fn slugify_ascii_runs_match_the_classes() {
        let alphabet = [
            b'a', b'Z', b'0', b' ', b'\t', b'-', b'_', b'.', b'~', b'(', b'@', b'#', b'\n', b'/',
        ];
        let mut cases = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..4 {
            last = last
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{}", *c as char)))
                .collect();
            cases.extend(last.iter().cloned());
        }
        for mode in [
            SlugMode::Raw,
            SlugMode::Default,
            SlugMode::Pretty,
            SlugMode::Ascii,
        ] {
            let keep = ascii_kept(mode).unwrap();
            for s in &cases {
                assert_eq!(
                    replace_runs(s, keep),
                    class(mode).replace_all(s, "-"),
                    "{mode:?} {s:?}"
                );
            }
        }
    }

    #[test]
    fn transliterate_covers_latin_extended_a() {
        assert_eq!(transliterate("ÆÐ×ØÞß÷ĲŉŊŒſ"), "AEDxOThss?IJ'nNGOE?");
    }
}
