//! Psych's scalar patterns answered by hand for one-line ASCII scalars.
//!
//! `scalar::tokenize` tries up to fourteen regular expressions on a plain
//! scalar. Compiling them cost more at start-up (≈16 M instructions on the
//! first front matter of a build) than typing every scalar of a small site,
//! and nearly every scalar a site holds is one line of ASCII. For those the
//! patterns are decided here exactly; anything else (a non-ASCII character,
//! where `(?i)` folds Unicode, or a newline, where `(?m)` anchors lines)
//! still goes to the regexes. The rarer patterns (times, sexagesimal numbers)
//! get only a cheap necessary condition, so their regexes are compiled only
//! when a scalar might match them.

/// Whether `s` can be decided here: ASCII, one line.
pub(crate) fn simple(s: &str) -> bool {
    s.is_ascii() && !s.contains('\n')
}

fn digits(s: &[u8]) -> bool {
    s.iter().all(u8::is_ascii_digit)
}

/// `(?mi)^[^ytonf~]` for ASCII text of any number of lines: some line start
/// (not the very end) holds a character outside the set (`\n` included).
pub(crate) fn not_ytonf(s: &str) -> bool {
    let b = s.as_bytes();
    let bad = |i: usize| {
        !matches!(
            b[i].to_ascii_lowercase(),
            b'y' | b't' | b'o' | b'n' | b'f' | b'~'
        )
    };
    (!b.is_empty() && bad(0))
        || (0..b.len()).any(|i| b[i] == b'\n' && i + 1 < b.len() && bad(i + 1))
}

/// `(?mi)^(w1|w2…)$` for ASCII text: some line is one of the words.
pub(crate) fn line_is_word(s: &str, words: &[&str]) -> bool {
    s.split('\n')
        .any(|l| words.iter().any(|w| l.eq_ignore_ascii_case(w)))
}

/// A time's zone as `parse_time` reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zone<'a> {
    /// `Z`.
    Utc,
    /// Hours (with their sign) and minutes, as `TZ_PARTS` captures them.
    Offset(&'a str, Option<&'a str>),
}

/// The pieces of a time scalar, as Psych's patterns capture them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TimeFields<'a> {
    /// Year (with its sign), month, day.
    pub date: [&'a str; 3],
    /// Hours, minutes, seconds.
    pub hms: [&'a str; 3],
    /// The digits after the seconds' `.`.
    pub frac: &'a str,
    /// The zone, when written.
    pub zone: Option<Zone<'a>>,
}

/// Psych's `TIME` pattern and `parse_time`'s captures on one line of ASCII:
/// `Some(None)` when it is not a time, `None` when only the patterns can
/// tell (a separator other than `T` or a space).
pub(crate) fn time(s: &str) -> Option<Option<TimeFields<'_>>> {
    const WS: &[u8] = b" \t\x0B\x0C\r";
    let b = s.as_bytes();
    let run = |i: usize| {
        b[i.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = usize::from(b.first() == Some(&b'-'));
    if run(i) != 4 || b.get(i + 4) != Some(&b'-') {
        return Some(None);
    }
    let year = &s[..i + 4];
    i += 5;
    let part = |i: &mut usize, ends: &dyn Fn(Option<&u8>) -> bool| {
        let n = run(*i);
        let p = &s[*i..*i + n];
        *i += n;
        ((1..=2).contains(&n) && ends(b.get(*i))).then_some(p)
    };
    let Some(month) = part(&mut i, &|c| c == Some(&b'-')) else {
        return Some(None);
    };
    i += 1;
    let Some(day) = part(&mut i, &|c| {
        c.is_some_and(|c| matches!(c, b'T' | b't') || WS.contains(c))
    }) else {
        return Some(None);
    };
    match b[i] {
        b'T' | b't' => i += 1,
        b' ' => i += b[i..].iter().take_while(|c| WS.contains(c)).count(),
        _ => return None,
    }
    let Some(hour) = part(&mut i, &|c| c == Some(&b':')) else {
        return Some(None);
    };
    let two = |i: usize| run(i) == 2;
    if !(two(i + 1) && b.get(i + 3) == Some(&b':') && two(i + 4)) {
        return Some(None);
    }
    let (minute, second) = (&s[i + 1..i + 3], &s[i + 4..i + 6]);
    i += 6;
    let mut frac = "";
    if b.get(i) == Some(&b'.') {
        let n = run(i + 1);
        frac = &s[i + 1..i + 1 + n];
        i += 1 + n;
    }
    let fields = |zone| {
        Some(Some(TimeFields {
            date: [year, month, day],
            hms: [hour, minute, second],
            frac,
            zone,
        }))
    };
    if i == b.len() {
        return fields(None);
    }
    let rest = s[i..].trim_start_matches(|c: char| WS.contains(&(c as u8)));
    if rest == "Z" {
        return fields(Some(Zone::Utc));
    }
    let Some(tail) = rest.strip_prefix(['+', '-']) else {
        return Some(None);
    };
    let sign_len = rest.len() - tail.len();
    let t = tail.as_bytes();
    let zone = match tail.split_once(':') {
        None if (1..=4).contains(&t.len()) && digits(t) => {
            // `[+-]?[0-9]{1,2}` then up to two more digits.
            let h = sign_len + t.len().min(2);
            let m = (t.len() > 2).then(|| &rest[h..]);
            Zone::Offset(&rest[..h], m)
        }
        Some((h, m))
            if (1..=2).contains(&h.len())
                && digits(h.as_bytes())
                && (m.is_empty() || (m.len() == 2 && digits(m.as_bytes()))) =>
        {
            Zone::Offset(&rest[..sign_len + h.len()], (!m.is_empty()).then_some(m))
        }
        _ => return Some(None),
    };
    fields(Some(zone))
}

/// `(?m)^[0-9]{4}-(?:1[012]|0[0-9]|[0-9])-(?:[12][0-9]|3[01]|0[0-9]|[0-9])$`.
pub(crate) fn date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 8 || !digits(&b[..4]) || b[4] != b'-' {
        return false;
    }
    let Some((m, d)) = s[5..].split_once('-') else {
        return false;
    };
    let (m, d) = (m.as_bytes(), d.as_bytes());
    let month = match m {
        [x] => x.is_ascii_digit(),
        [b'1', y] => matches!(y, b'0'..=b'2'),
        [b'0', y] => y.is_ascii_digit(),
        _ => false,
    };
    let day = match d {
        [x] => x.is_ascii_digit(),
        [b'1' | b'2' | b'0', y] => y.is_ascii_digit(),
        [b'3', y] => matches!(y, b'0' | b'1'),
        _ => false,
    };
    month && day
}

/// `(?mi)^\+?\.inf$`, `(?mi)^-\.inf$`, `(?mi)^\.nan$`: which special float.
pub(crate) fn special_float(s: &str) -> Option<f64> {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    if body.eq_ignore_ascii_case(".inf") {
        return Some(if s.starts_with('-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    (s.eq_ignore_ascii_case(".nan")).then_some(f64::NAN)
}

/// `(?m)^:.` on one line.
pub(crate) fn symbol(s: &str) -> bool {
    s.len() >= 2 && s.starts_with(':')
}

/// `(?m)^[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?$` on one line.
pub(crate) fn float(s: &str) -> bool {
    let b = s.strip_prefix(['+', '-']).unwrap_or(s).as_bytes();
    let mut i = 0;
    if b.first().is_some_and(u8::is_ascii_digit) {
        while i < b.len() && matches!(b[i], b'0'..=b'9' | b'_' | b',') {
            i += 1;
        }
    }
    if b.get(i) != Some(&b'.') {
        return false;
    }
    i += 1;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == b.len() {
        return true;
    }
    matches!(b[i], b'e' | b'E')
        && matches!(b.get(i + 1), Some(b'-' | b'+'))
        && b.len() > i + 2
        && digits(&b[i + 2..])
}

/// `\A[-+]?\.\n?\z` on one line.
pub(crate) fn lone_dot(s: &str) -> bool {
    matches!(s, "." | "+." | "-.")
}

/// `s.gsub(/[,_]|\.([Ee]|$)/, '\1')` on one line: drops `,` and `_`, and a
/// `.` before an exponent or at the end.
pub(crate) fn float_clean(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in b.iter().enumerate() {
        match c {
            b',' | b'_' => {}
            b'.' if matches!(b.get(i + 1), None | Some(b'e' | b'E')) => {}
            _ => out.push(c as char),
        }
    }
    out
}

/// Psych's `INTEGER` pattern (binary, octal, decimal with `,`/`_` between
/// digits, hex) on one line.
pub(crate) fn integer(s: &str) -> bool {
    let r = s.strip_prefix(['+', '-']).unwrap_or(s).as_bytes();
    let all = |x: &[u8], ok: fn(u8) -> bool| !x.is_empty() && x.iter().all(|c| ok(*c));
    match r {
        [] => false,
        [b'0', b'b', rest @ ..] if all(rest, |c| matches!(c, b'0' | b'1' | b'_' | b',')) => true,
        [b'0', b'x', rest @ ..]
            if all(rest, |c| c.is_ascii_hexdigit() || c == b'_' || c == b',') =>
        {
            true
        }
        [b'0'] => true,
        [b'0', rest @ ..] => all(rest, |c| matches!(c, b'0'..=b'7' | b'_' | b',')),
        [b'1'..=b'9', rest @ ..] => {
            rest.iter()
                .all(|c| c.is_ascii_digit() || *c == b'_' || *c == b',')
                && rest.iter().enumerate().all(|(i, c)| {
                    c.is_ascii_digit() || rest.get(i + 1).is_some_and(u8::is_ascii_digit)
                })
        }
        _ => false,
    }
}

/// Every string of up to `len` characters over `alphabet`, the empty one
/// included, shortest first (the cases the pattern-equivalence tests of
/// this module and of `scalar` check).
#[cfg(test)]
pub(crate) fn strings(alphabet: &[char], len: usize) -> Vec<String> {
    let mut all = vec![String::new()];
    let mut last = vec![String::new()];
    for _ in 0..len {
        last = last
            .iter()
            .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
            .collect();
        all.extend(last.iter().cloned());
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agree(name: &str, pattern: &str, cases: &[String], hand: impl Fn(&str) -> bool) {
        let re = regex::Regex::new(pattern).unwrap();
        let differ: Vec<&String> = cases
            .iter()
            .filter(|s| simple(s) && hand(s) != re.is_match(s))
            .collect();
        assert!(
            differ.is_empty(),
            "{name}: {} of {} differ: {:?}",
            differ.len(),
            cases.len(),
            &differ[..differ.len().min(5)]
        );
    }

    #[test]
    fn numbers_match_psych_patterns() {
        let cases = strings(
            &[
                '0', '1', '7', '8', '9', 'a', 'b', 'e', 'E', 'x', '.', ',', '_', '-', '+', ':',
            ],
            4,
        );
        agree(
            "FLOAT",
            r"(?m)^[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?$",
            &cases,
            float,
        );
        agree(
            "INTEGER",
            r"(?m)^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$",
            &cases,
            integer,
        );
        agree("LONE_DOT", r"\A[-+]?\.\n?\z", &cases, lone_dot);
        agree("SYMBOL", r"(?m)^:.", &cases, symbol);
        let clean = regex::Regex::new(r"(?m)[,_]|\.([Ee]|$)").unwrap();
        for s in cases.iter().filter(|s| simple(s)) {
            assert_eq!(float_clean(s), clean.replace_all(s, "$1"), "{s:?}");
        }
    }

    #[test]
    fn dates_match_psych_patterns() {
        let mut cases = strings(&['0', '1', '2', '3', '4', '9', '-'], 5);
        cases = cases.into_iter().map(|s| format!("2024-{s}")).collect();
        cases.extend(
            [
                "2024-1-1",
                "1999-12-31",
                "0000-00-00",
                "12024-01-01",
                "2024-01-01 ",
            ]
            .map(String::from),
        );
        agree(
            "DATE",
            r"(?m)^[0-9]{4}-(?:1[012]|0[0-9]|[0-9])-(?:[12][0-9]|3[01]|0[0-9]|[0-9])$",
            &cases,
            date,
        );
    }

    #[test]
    fn words_match_psych_patterns() {
        let cases = strings(
            &['y', 'E', 's', 'o', 'N', 'f', 'l', 'u', '~', '\n', 'x', ' '],
            5,
        );
        let words = |pattern: &str, list: &'static [&'static str]| {
            agree_multiline(pattern, &cases, move |s| line_is_word(s, list))
        };
        words(r"(?mi)^null$", &["null"]);
        words(r"(?mi)^(yes|true|on)$", &["yes", "true", "on"]);
        words(r"(?mi)^(no|false|off)$", &["no", "false", "off"]);
        agree_multiline(r"(?mi)^[^ytonf~]", &cases, not_ytonf);
        let pos = regex::Regex::new(r"(?mi)^\+?\.inf$").unwrap();
        let neg = regex::Regex::new(r"(?mi)^-\.inf$").unwrap();
        let nan = regex::Regex::new(r"(?mi)^\.nan$").unwrap();
        for s in [
            ".inf", "+.INF", "-.Inf", ".NaN", "-.nan", "+.nan", "inf", "..inf",
        ] {
            let want = if pos.is_match(s) {
                Some(f64::INFINITY)
            } else if neg.is_match(s) {
                Some(f64::NEG_INFINITY)
            } else if nan.is_match(s) {
                Some(f64::NAN)
            } else {
                None
            };
            let got = special_float(s);
            assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{s}");
        }
    }

    /// The word checks also answer for ASCII text of several lines.
    fn agree_multiline(pattern: &str, cases: &[String], hand: impl Fn(&str) -> bool) {
        let re = regex::Regex::new(pattern).unwrap();
        for s in cases {
            assert_eq!(hand(s), re.is_match(s), "{pattern} on {s:?}");
        }
    }
}
