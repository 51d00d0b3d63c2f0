//! Smart quotes: kramdown's ordered quote rules, applied at the character
//! before a quote or at the quote itself.

use super::{add_text, Parser, Src};
use crate::scan::{char_at, char_len, is_word_byte, is_word_char, is_ws};
use crate::tree::{El, Kind, LDQUO, LSQUO, RDQUO, RSQUO};

fn is_quote(b: Option<u8>) -> bool {
    matches!(b, Some(b'"' | b'\''))
}

fn left(q: u8) -> u32 {
    if q == b'"' {
        LDQUO
    } else {
        LSQUO
    }
}

fn right(q: u8) -> u32 {
    if q == b'"' {
        RDQUO
    } else {
        RSQUO
    }
}

/// `SQ_PUNCT`.
fn is_sq_punct(c: u8) -> bool {
    b"!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~".contains(&c)
}

enum Piece {
    Text(usize, usize),
    Quote(u32),
}

/// Applies the first matching rule at `i`: (pieces, end).
fn rules(s: &str, i: usize) -> Option<(Vec<Piece>, usize)> {
    let b = s.as_bytes();
    let at = |k: usize| b.get(k).copied();
    let ws = |k: usize| at(k).is_some_and(is_ws);
    let word = |k: usize| at(k).is_some_and(is_word_byte);
    // 1: quote before emphasis
    if is_quote(at(i))
        && matches!(at(i + 1), Some(b'_' | b'*'))
        && at(i + 2).is_some_and(|c| !is_ws(c))
    {
        return Some((vec![Piece::Quote(left(b[i]))], i + 1));
    }
    // 2: quote before punctuation not followed by "..", then \B
    if is_quote(at(i)) {
        if let Some(p) = at(i + 1).filter(|&p| is_sq_punct(p)) {
            let not_dots = !s[i + 2..].starts_with("..");
            let p_word = p == b'_';
            let next_word = char_at(s, i + 2).is_some_and(is_word_char);
            if not_dots && p_word == next_word {
                return Some((vec![Piece::Quote(right(b[i]))], i + 1));
            }
        }
    }
    // 3, 4: `"'` / `'"` before a word char, optional leading space
    for (a, bq, qa, qb) in [(b'"', b'\'', LDQUO, LSQUO), (b'\'', b'"', LSQUO, LDQUO)] {
        for sp in [1usize, 0] {
            if sp == 1 && !ws(i) {
                continue;
            }
            if at(i + sp) == Some(a) && at(i + sp + 1) == Some(bq) && word(i + sp + 2) {
                return Some((
                    vec![Piece::Text(i, i + sp), Piece::Quote(qa), Piece::Quote(qb)],
                    i + sp + 2,
                ));
            }
        }
    }
    // 5: `'` before two digits and an s ('80s)
    for sp in [1usize, 0] {
        if sp == 1 && !ws(i) {
            continue;
        }
        let k = i + sp;
        if at(k) == Some(b'\'')
            && at(k + 1).is_some_and(|c| c.is_ascii_digit())
            && at(k + 2).is_some_and(|c| c.is_ascii_digit())
            && at(k + 3) == Some(b's')
        {
            return Some((vec![Piece::Text(i, k), Piece::Quote(RSQUO)], k + 1));
        }
    }
    // 6: space, quote, word char
    if ws(i) && is_quote(at(i + 1)) && word(i + 2) {
        return Some((
            vec![Piece::Text(i, i + 1), Piece::Quote(left(b[i + 1]))],
            i + 2,
        ));
    }
    // 7: closing quote after a non-space character
    let c0 = char_at(s, i)?;
    let cl = c0.len_utf8();
    if !matches!(c0, ' ' | '\\' | '\t' | '\r' | '\n' | '[' | '{' | '(' | '-')
        && is_quote(at(i + cl))
    {
        return Some((
            vec![Piece::Text(i, i + cl), Piece::Quote(right(b[i + cl]))],
            i + cl + 1,
        ));
    }
    // 8: quote before space, `s\b` or end of line
    if is_quote(at(i)) {
        let k = i + 1;
        let s_b = at(k) == Some(b's') && !char_at(s, k + 1).is_some_and(is_word_char);
        if ws(k) || s_b || at(k).is_none() || at(k) == Some(b'\n') {
            return Some((vec![Piece::Quote(right(b[i]))], k));
        }
    }
    // 9, 10: any character (optional) then quote
    for q in [b'\'', b'"'] {
        let l = char_len(s, i);
        if i < s.len() && at(i + l) == Some(q) {
            return Some((
                vec![Piece::Text(i, i + l), Piece::Quote(left(q))],
                i + l + 1,
            ));
        }
        if at(i) == Some(q) {
            return Some((vec![Piece::Quote(left(q))], i + 1));
        }
    }
    None
}

impl Parser<'_> {
    pub(super) fn parse_smart_quotes(&mut self, sc: &mut Src, el: &mut El) {
        let s = sc.s;
        match rules(s, sc.pos) {
            Some((pieces, end)) => {
                for p in pieces {
                    match p {
                        Piece::Text(a, b) => add_text(el, &s[a..b], Kind::Text),
                        Piece::Quote(q) => {
                            let mut e = El::new(Kind::SmartQuote);
                            e.num = q;
                            el.children.push(e);
                        }
                    }
                }
                sc.pos = end;
            }
            None => {
                let l = char_len(s, sc.pos);
                add_text(el, &s[sc.pos..sc.pos + l], Kind::Text);
                sc.pos += l;
            }
        }
    }
}
