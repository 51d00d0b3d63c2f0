//! Jekyll's text filters that need no site: `xml_escape`,
//! `normalize_whitespace`, `number_of_words` (with `cjk` and `auto`) and
//! `array_to_sentence_string`, plus the `slugify` and `to_integer` filters.
//!
//! Ruby's `\s` and `String#split` only know ASCII whitespace (space, `\t`,
//! `\n`, `\v`, `\f`, `\r`); a no-break space is part of a word.

use std::sync::OnceLock;

use hyde_liquid::{Context, Error, FilterArgs, Value};
use regex::Regex;

use super::ruby;
use super::slug::{slugify, SlugMode};

/// Ruby's `\s`: ASCII whitespace only.
pub fn is_ruby_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r')
}

/// `input.encode(xml: :attr)` without the surrounding quotes.
pub fn xml_escape(input: &str) -> String {
    // The five are ASCII: copy the runs between them whole (the sitemap
    // escapes every URL of the site).
    let mut out = String::with_capacity(input.len() + 8);
    let mut copied = 0;
    for (i, b) in input.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => continue,
        };
        out.push_str(&input[copied..i]);
        out.push_str(entity);
        copied = i + 1;
    }
    out.push_str(&input[copied..]);
    out
}

/// `input.gsub(/\s+/, " ").strip`.
pub fn normalize_whitespace(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut in_space = false;
    for c in input.chars() {
        if is_ruby_space(c) {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    // Ruby's strip also removes NUL at the ends.
    out.trim_matches(|c| c == ' ' || c == '\0').to_owned()
}

/// How `number_of_words` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordMode {
    /// Whitespace-separated words.
    Split,
    /// Each CJK character is a word, plus runs of other non-space text.
    Cjk,
    /// `Cjk` when the text has a CJK character, else `Split`.
    Auto,
}

impl WordMode {
    /// The mode for the filter's argument (anything else counts words).
    pub fn parse(mode: Option<&str>) -> WordMode {
        match mode {
            Some("cjk") => WordMode::Cjk,
            Some("auto") => WordMode::Auto,
            _ => WordMode::Split,
        }
    }
}

fn cjk_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"[\p{sc=Han}\p{sc=Katakana}\p{sc=Hiragana}\p{sc=Hangul}]").expect("valid regex")
    })
}

fn non_cjk_word_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"[^\p{sc=Han}\p{sc=Katakana}\p{sc=Hiragana}\p{sc=Hangul}\t\n\x0B\x0C\r ]+")
            .expect("valid regex")
    })
}

/// Ruby's `String#split` with no argument, counted.
pub fn split_count(input: &str) -> usize {
    // Ruby's spaces are ASCII, so bytes will do (no UTF-8 decoding): count
    // the starts of runs of non-space bytes, a non-space byte after a space
    // (or first). It runs over the whole page wherever a layout shows a
    // reading time, so it looks at eight bytes at a time.
    let bytes = input.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut words = 0;
    // The byte before the text counts as a space.
    let mut carry = 0x80;
    let mut count = |word: u64| {
        let space = space_bytes(word);
        let after_space = (space << 8) | carry;
        words += (!space & HI & after_space).count_ones() as usize;
        carry = space >> 56;
    };
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        count(u64::from_le_bytes(word));
    }
    // The last few bytes, padded with spaces (which start no word).
    let mut word = [b' '; 8];
    word[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    count(u64::from_le_bytes(word));
    words
}

/// Each byte's high bit, in a word of eight bytes.
const HI: u64 = 0x8080_8080_8080_8080;
/// Each byte's low bit.
const LO: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `word` that is one of Ruby's spaces: ` `,
/// or `\t` to `\r` (9 to 13). No sum below carries into the next byte:
/// each adds at most 0x7f to a byte's low seven bits.
fn space_bytes(word: u64) -> u64 {
    let low7 = word & !HI;
    let ascii = !word & HI;
    // A byte equal to ` ` is zero once xored with it.
    let x = word ^ (LO * u64::from(b' '));
    let blank = !(((x & !HI) + !HI) | x) & HI;
    // A seven-bit byte plus 0x77 reaches 0x80 from 9 on; plus 0x72, from 14.
    let from_tab = (low7 + LO * 0x77) & HI;
    let from_14 = (low7 + LO * 0x72) & HI;
    blank | (from_tab & !from_14 & ascii)
}

/// Jekyll's `number_of_words(input, mode)`.
pub fn number_of_words(input: &str, mode: WordMode) -> usize {
    match mode {
        WordMode::Split => split_count(input),
        WordMode::Cjk => {
            cjk_regex().find_iter(input).count() + non_cjk_word_regex().find_iter(input).count()
        }
        WordMode::Auto => match cjk_regex().find_iter(input).count() {
            0 => split_count(input),
            cjk => cjk + non_cjk_word_regex().find_iter(input).count(),
        },
    }
}

/// Jekyll's `array_to_sentence_string(items, connector)` over the items' `to_s`.
pub fn array_to_sentence_string(items: &[String], connector: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} {connector} {b}"),
        [init @ .., last] => format!("{}, {connector} {last}", init.join(", ")),
    }
}

/// The `xml_escape` filter.
pub fn xml_escape_filter(
    input: &Value,
    args: &FilterArgs<'_>,
    _ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 0)?;
    Ok(xml_escape(&ruby::to_s(input)).into())
}

/// The `normalize_whitespace` filter.
pub fn normalize_whitespace_filter(
    input: &Value,
    args: &FilterArgs<'_>,
    _ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 0)?;
    Ok(normalize_whitespace(&ruby::to_s(input)).into())
}

/// The `number_of_words` filter.
pub fn number_of_words_filter(
    input: &Value,
    args: &FilterArgs<'_>,
    _ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 1)?;
    let mode = WordMode::parse(args.get(0).and_then(Value::as_str));
    let method = if mode == WordMode::Split {
        "split"
    } else {
        "scan"
    };
    let text = ruby::expect_str(method, input)?;
    Ok(Value::Int(number_of_words(text, mode) as i64))
}

/// The `array_to_sentence_string` filter.
pub fn array_to_sentence_string_filter(
    input: &Value,
    args: &FilterArgs<'_>,
    _ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 1)?;
    let connector = args.get(0).map_or_else(|| "and".to_owned(), ruby::to_s);
    let items: Vec<String> = match input {
        Value::Array(items) => items.iter().map(ruby::to_s).collect(),
        // Ruby indexes a String by character and a Hash by key (0 and 1 are
        // missing, so nil); three or more need `join` on a slice and fail.
        Value::Str(s) if s.chars().count() < 3 => s.chars().map(String::from).collect(),
        Value::Hash(h) if h.len() < 3 => vec![String::new(); h.len()],
        // `array[0...-1].join`: a String slice, or nil for a Hash.
        Value::Str(s) => {
            let mut init = s.to_string();
            init.pop();
            return Err(ruby::no_method("join", &Value::from(init)));
        }
        Value::Hash(_) => return Err(ruby::no_method("join", &Value::Nil)),
        _ => return Err(ruby::no_method("length", input)),
    };
    Ok(array_to_sentence_string(&items, &connector).into())
}

/// The `slugify` filter: `Utils.slugify(input, mode: mode)`.
pub fn slugify_filter(
    input: &Value,
    args: &FilterArgs<'_>,
    _ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 1)?;
    if input.is_nil() {
        return Ok(Value::Nil);
    }
    let mode = match args.get(0) {
        None | Some(Value::Nil) => SlugMode::Default,
        Some(Value::Str(m)) => SlugMode::parse(Some(m)),
        Some(_) => SlugMode::None,
    };
    let method = if mode == SlugMode::None {
        "downcase"
    } else {
        "gsub"
    };
    let text = ruby::expect_str(method, input)?;
    Ok(slugify(text, mode, false).into())
}

/// The `to_integer` filter.
pub fn to_integer_filter(
    input: &Value,
    args: &FilterArgs<'_>,
    _ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 0)?;
    match input {
        Value::Bool(true) => Ok(Value::Int(1)),
        Value::Bool(false) => Ok(Value::Int(0)),
        // Beyond 64 bits Ruby gives a Bignum; its digits are the float's
        // exact value, which print the same.
        Value::Float(f) if f.is_finite() && f.trunc().abs() >= 9.2e18 => {
            Ok(Value::str(format!("{:.0}", f.trunc())))
        }
        // Integer#to_i is the number itself, String#to_i any size, and
        // Time#to_i the epoch seconds however far.
        Value::Int(_) | Value::BigInt(_) => Ok(input.clone()),
        Value::Str(s) => Ok(ruby::str_to_integer(s)),
        Value::Time(t) => Ok(Value::from(t.timestamp_big())),
        other => ruby::to_i(other).map(Value::Int),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values produced by Jekyll 4.3.1 / Ruby 3.1.
    #[test]
    fn xml_escape_quotes_and_apostrophes() {
        assert_eq!(xml_escape("a\"b'c<d>&e"), "a&quot;b&apos;c&lt;d&gt;&amp;e");
        assert_eq!(xml_escape("é<ü>"), "é&lt;ü&gt;");
        assert_eq!(xml_escape("&"), "&amp;");
        assert_eq!(xml_escape(""), "");
    }

    #[test]
    fn normalize_whitespace_keeps_no_break_space() {
        assert_eq!(normalize_whitespace("  a \u{a0} b  "), "a \u{a0} b");
    }

    #[test]
    fn number_of_words_modes() {
        assert_eq!(
            number_of_words("a\u{a0}b\u{3000}c\x0Bd\x0Ce\0f g", WordMode::Split),
            4
        );
        assert_eq!(
            number_of_words("hello 世界 and 日本語です", WordMode::Cjk),
            9
        );
        assert_eq!(number_of_words("hello world", WordMode::Auto), 2);
    }

    #[test]
    fn number_of_words_split_edges() {
        for (text, words) in [
            ("", 0),
            (" ", 0),
            ("a", 1),
            (" a", 1),
            ("a ", 1),
            ("\t\r\n\x0B\x0Ca\x0Cb\x0B", 2),
            ("one  two\n\nthree", 3),
            ("é ü", 2),
            ("\u{89}\u{8d}\u{a0} x", 2),
            ("a\x08b\x0Ec\x1Fd!e\x7F", 1),
            ("eight ch nine chars sixteen by tes", 7),
        ] {
            assert_eq!(split_count(text), words, "{text:?}");
        }
        // Every short mix of spaces, other bytes and multi-byte characters,
        // against a byte-at-a-time count.
        let one_at_a_time = |text: &str| {
            let mut words = 0;
            let mut in_word = false;
            for b in text.bytes() {
                let space = matches!(b, b' ' | b'\t'..=b'\r');
                words += usize::from(!space && !in_word);
                in_word = !space;
            }
            words
        };
        let pieces = [" ", "\t", "\r", "\x0B", "a", "\x08", "\x0E", "é", "\u{85}"];
        let mut text = String::new();
        for n in 0..40_000u32 {
            text.clear();
            let mut k = n;
            while k > 0 {
                text.push_str(pieces[(k % 9) as usize]);
                k /= 9;
            }
            assert_eq!(split_count(&text), one_at_a_time(&text), "{text:?}");
        }
    }

    #[test]
    fn array_to_sentence_string_joins() {
        let items: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(array_to_sentence_string(&items, "and"), "a, b, and c");
        assert_eq!(array_to_sentence_string(&items[..2], "or"), "a or b");
        assert_eq!(array_to_sentence_string(&items[..1], "or"), "a");
    }
}
