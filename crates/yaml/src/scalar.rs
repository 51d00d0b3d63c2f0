//! Scalar typing: the decisions Psych's `ScalarScanner#tokenize` and
//! `ToRuby#deserialize` make for one scalar, written from their documented
//! behaviour.
//!
//! Quirks kept on purpose because Jekyll sees them: `1e3` and `1.0e3` are
//! Strings (a float needs a `.` and a signed exponent), `1:30` is 5400
//! (Psych weighs the first part as hours), `08` is a String, `0o17` is a
//! String, `1,000` is 1000, a time with `-00:30` lands at `+00:30`, a time
//! without an offset is read as UTC and shown in the local zone, `:sym`
//! raises `DisallowedClass` (Jekyll's safe_load permits only Date and Time).

use std::sync::LazyLock;

use regex::Regex;

use crate::chrono_lite::{days_from_civil, Date, Time, Zone};
use crate::plain;
use crate::rubyfmt::{
    decimal_mul_add, int_from_digits, ruby_float, ruby_integer, ruby_to_f, ruby_to_i,
};
use crate::value::Yaml;

/// A Ruby exception raised while turning a parsed scalar into a value.
#[derive(Clone, Debug, PartialEq)]
pub enum ConvError {
    /// `Psych::DisallowedClass` for the named class.
    Disallowed(String),
    /// `ArgumentError` with Ruby's message.
    Argument(String),
    /// `TypeError` with Ruby's message.
    Type(String),
}

macro_rules! re {
    ($(#[$m:meta])* $name:ident, $pat:expr) => {
        $(#[$m])*
        static $name: LazyLock<Regex> = LazyLock::new(|| Regex::new($pat).expect("valid regex"));
    };
}

// Ruby's `\s` and `\d` are ASCII-only; `^`/`$` are line anchors.
/// Psych's `/^[^\d.:-]?[[:alpha:]_\s!@#$%\^&*(){}<>|\/\\~;=]+/`: at some
/// line start, a character of the class, or one character that is not a
/// digit, `.`, `:` or `-` followed by one of the class. Written by hand: the
/// regex's Unicode `Alphabetic` class cost more to compile (at the first
/// plain scalar of every build) than all the scalars of a site to type.
fn stringish(s: &str) -> bool {
    fn in_class(c: char) -> bool {
        c.is_alphabetic() || "_ \t\n\x0B\x0C\r!@#$%^&*(){}<>|/\\~;=".contains(c)
    }
    let at_line_start = |line: &str| {
        let mut chars = line.chars();
        match chars.next() {
            Some(c) if in_class(c) => true,
            Some(c) if !matches!(c, '0'..='9' | '.' | ':' | '-') => {
                chars.next().is_some_and(in_class)
            }
            _ => false,
        }
    };
    at_line_start(s)
        || s.match_indices('\n')
            .any(|(i, _)| at_line_start(&s[i + 1..]))
}

re!(NOT_YTONF, r"(?mi)^[^ytonf~]");
re!(NULL_WORD, r"(?mi)^null$");
re!(TRUE_WORD, r"(?mi)^(yes|true|on)$");
re!(FALSE_WORD, r"(?mi)^(no|false|off)$");
re!(
    TIME,
    r"(?m)^-?[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t\n\x0B\x0C\r]+)[0-9]{1,2}:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t\n\x0B\x0C\r]*(?:Z|[-+][0-9]{1,2}:?(?:[0-9][0-9])?))?$"
);
re!(
    #[cfg(test)]
    DATE,
    r"(?m)^[0-9]{4}-(?:1[012]|0[0-9]|[0-9])-(?:[12][0-9]|3[01]|0[0-9]|[0-9])$"
);
re!(
    #[cfg(test)]
    POS_INF,
    r"(?mi)^\+?\.inf$"
);
re!(
    #[cfg(test)]
    NEG_INF,
    r"(?mi)^-\.inf$"
);
re!(
    #[cfg(test)]
    NAN,
    r"(?mi)^\.nan$"
);
re!(
    #[cfg(test)]
    SYMBOL,
    r"(?m)^:."
);
re!(SEXA_INT, r"(?m)^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}$");
re!(
    SEXA_FLOAT,
    r"(?m)^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}\.[0-9_]*$"
);
re!(
    #[cfg(test)]
    FLOAT,
    r"(?m)^[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?$"
);
re!(
    #[cfg(test)]
    LONE_DOT,
    r"\A[-+]?\.\n?\z"
);
re!(
    #[cfg(test)]
    FLOAT_CLEAN,
    r"(?m)[,_]|\.([Ee]|$)"
);
re!(
    #[cfg(test)]
    INTEGER,
    r"(?m)^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$"
);
re!(TIME_DATE, r"^(-?[0-9]{4})-([0-9]{1,2})-([0-9]{1,2})");
re!(
    TIME_PARTS,
    r"([0-9]+:[0-9]+:[0-9]+)(?:\.([0-9]*))?[ \t\n\x0B\x0C\r]*(Z|[-+][0-9]+(:[0-9][0-9])?)?"
);
re!(TZ_PARTS, r"^([+\-]?[0-9]{1,2}):?([0-9]{1,2})?$");

/// Type a plain, untagged scalar (Psych's `tokenize`).
pub fn tokenize(s: &str, local: &dyn Fn(i64) -> i32) -> Result<Yaml, ConvError> {
    if s.is_empty() {
        return Ok(Yaml::Null);
    }
    if stringish(s) || s.contains('\n') {
        // `(?i)` folds Unicode, but only `ſ` and the Kelvin sign fold to ASCII
        // letters: any other text is decided by the ASCII checks.
        let by_hand = !s.contains(['\u{17F}', '\u{212A}']);
        let word = |re: &LazyLock<Regex>, words: &[&str]| {
            if by_hand {
                plain::line_is_word(s, words)
            } else {
                LazyLock::force(re).is_match(s)
            }
        };
        let long = if s.is_ascii() {
            s.len() > 5
        } else {
            s.chars().count() > 5
        };
        if long
            || (if by_hand {
                plain::not_ytonf(s)
            } else {
                NOT_YTONF.is_match(s)
            })
        {
            return Ok(Yaml::Str(s.into()));
        }
        return Ok(if s == "~" || word(&NULL_WORD, &["null"]) {
            Yaml::Null
        } else if word(&TRUE_WORD, &["yes", "true", "on"]) {
            Yaml::Bool(true)
        } else if word(&FALSE_WORD, &["no", "false", "off"]) {
            Yaml::Bool(false)
        } else {
            Yaml::Str(s.into())
        });
    }
    if plain::simple(s) {
        tokenize_simple(s, local)
    } else {
        Ok(tokenize_non_ascii_line(s)?)
    }
}

/// [`tokenize`] for one line with a non-ASCII character that is not
/// stringish. Every pattern of [`tokenize_regex`] is anchored at both ends of
/// the line and spells only ASCII characters (none of their letters has a
/// non-ASCII case fold), except the symbol's `^:.`: so the text is a symbol
/// or a string, and no pattern needs compiling.
fn tokenize_non_ascii_line(s: &str) -> Result<Yaml, ConvError> {
    if s.starts_with(':') && s.len() > 1 {
        return Err(ConvError::Disallowed("Symbol".into()));
    }
    Ok(Yaml::Str(s.into()))
}

/// The typing of a scalar that is not stringish, by Psych's patterns (what
/// [`tokenize_simple`] and [`tokenize_non_ascii_line`] answer by hand).
#[cfg(test)]
fn tokenize_regex(s: &str, local: &dyn Fn(i64) -> i32) -> Result<Yaml, ConvError> {
    if TIME.is_match(s) {
        return match parse_time(s, local)? {
            Some(t) => Ok(Yaml::Time(t)),
            None => Ok(Yaml::Str(s.into())),
        };
    }
    if DATE.is_match(s) {
        return Ok(date_value(s));
    }
    if POS_INF.is_match(s) {
        return Ok(Yaml::Float(f64::INFINITY));
    }
    if NEG_INF.is_match(s) {
        return Ok(Yaml::Float(f64::NEG_INFINITY));
    }
    if NAN.is_match(s) {
        return Ok(Yaml::Float(f64::NAN));
    }
    if SYMBOL.is_match(s) {
        return Err(ConvError::Disallowed("Symbol".into()));
    }
    if SEXA_INT.is_match(s) {
        return Ok(sexagesimal_int(s));
    }
    if SEXA_FLOAT.is_match(s) {
        return Ok(sexagesimal_float(s));
    }
    if FLOAT.is_match(s) {
        if LONE_DOT.is_match(s) {
            return Ok(Yaml::Str(s.into()));
        }
        return float_value(&FLOAT_CLEAN.replace_all(s, "$1"));
    }
    if INTEGER.is_match(s) {
        return integer_value(s);
    }
    Ok(Yaml::Str(s.into()))
}

/// [`tokenize`] for one line of ASCII: the same decisions, in the same
/// order, made by [`plain`] without compiling the patterns (the time and
/// sexagesimal ones only when the text could match them).
fn tokenize_simple(s: &str, local: &dyn Fn(i64) -> i32) -> Result<Yaml, ConvError> {
    let fields = match plain::time(s) {
        Some(fields) => fields.map(Ok),
        None => TIME.is_match(s).then(|| time_fields(s)),
    };
    if let Some(fields) = fields {
        return match time_value(fields?, local) {
            Some(t) => Ok(Yaml::Time(t)),
            None => Ok(Yaml::Str(s.into())),
        };
    }
    if plain::date(s) {
        return Ok(date_value(s));
    }
    if let Some(f) = plain::special_float(s) {
        return Ok(Yaml::Float(f));
    }
    if plain::symbol(s) {
        return Err(ConvError::Disallowed("Symbol".into()));
    }
    let colon = s.contains(':');
    if colon && SEXA_INT.is_match(s) {
        return Ok(sexagesimal_int(s));
    }
    if colon && SEXA_FLOAT.is_match(s) {
        return Ok(sexagesimal_float(s));
    }
    if plain::float(s) {
        if plain::lone_dot(s) {
            return Ok(Yaml::Str(s.into()));
        }
        return float_value(&plain::float_clean(s));
    }
    if plain::integer(s) {
        return integer_value(s);
    }
    Ok(Yaml::Str(s.into()))
}

fn date_value(s: &str) -> Yaml {
    let mut it = s.split('-').map(|p| p.parse::<i64>().unwrap_or(0));
    let (y, m, d) = (
        it.next().unwrap_or(0),
        it.next().unwrap_or(0),
        it.next().unwrap_or(0),
    );
    Date::new(y, m, d).map_or_else(|| Yaml::Str(s.into()), Yaml::Date)
}

fn sexagesimal_float(s: &str) -> Yaml {
    let parts: Vec<&str> = s.split(':').collect();
    let mut acc = 0.0;
    for (e, p) in parts.iter().enumerate() {
        acc += ruby_to_f(p) * 60f64.powi((e as i32 - 2).abs());
    }
    Yaml::Float(acc)
}

fn float_value(cleaned: &str) -> Result<Yaml, ConvError> {
    ruby_float(cleaned).map(Yaml::Float).ok_or_else(|| {
        ConvError::Argument(format!(
            "invalid value for Float(): {}",
            Yaml::Str(cleaned.into()).inspect()
        ))
    })
}

fn integer_value(s: &str) -> Result<Yaml, ConvError> {
    let cleaned: String = s.chars().filter(|c| *c != ',' && *c != '_').collect();
    ruby_integer(&cleaned).ok_or_else(|| {
        ConvError::Argument(format!(
            "invalid value for Integer(): {}",
            Yaml::Str(cleaned).inspect()
        ))
    })
}

/// `1:30` → 1*3600 + 30*60; `1:02:03` → 1*3600 + 2*60 + 3 (Psych's weights).
fn sexagesimal_int(s: &str) -> Yaml {
    let parts: Vec<&str> = s.split(':').collect();
    let weight = |e: usize| 60i64.pow((e as i32 - 2).unsigned_abs());
    let rest: i64 = parts
        .iter()
        .enumerate()
        .skip(1)
        .map(|(e, p)| p.parse::<i64>().unwrap_or(0) * weight(e))
        .sum();
    match ruby_to_i(parts[0]) {
        Yaml::Int(first) => match first
            .checked_mul(weight(0))
            .and_then(|v| v.checked_add(rest))
        {
            Some(v) => Yaml::Int(v),
            None => {
                let v = first as i128 * weight(0) as i128 + rest as i128;
                let neg = v < 0;
                int_from_digits(neg, 10, &v.unsigned_abs().to_string())
            }
        },
        Yaml::BigInt(b) if !b.starts_with('-') => {
            Yaml::BigInt(decimal_mul_add(&b, weight(0) as u64, rest as u64))
        }
        // A negative first part beyond i64 times 3600, minus the rest: the
        // rest is below 3600 and cannot change the leading digits' sign.
        Yaml::BigInt(b) => {
            let abs = decimal_mul_add(&b[1..], weight(0) as u64, 0);
            let lowered = subtract_small(&abs, rest as u64);
            Yaml::BigInt(format!("-{lowered}"))
        }
        other => other,
    }
}

fn subtract_small(digits: &str, sub: u64) -> String {
    let mut d: Vec<u8> = digits.bytes().map(|b| b - b'0').collect();
    let mut borrow = sub;
    for x in d.iter_mut().rev() {
        if borrow == 0 {
            break;
        }
        let take = (borrow % 10) as u8;
        borrow /= 10;
        if *x >= take {
            *x -= take;
        } else {
            *x = *x + 10 - take;
            borrow += 1;
        }
    }
    let s: String = d.iter().map(|x| (x + b'0') as char).collect();
    let t = s.trim_start_matches('0');
    if t.is_empty() {
        "0".into()
    } else {
        t.into()
    }
}

/// Psych's `parse_time`. `Ok(None)` is an `ArgumentError` that Psych rescues
/// (the scalar stays a String).
#[cfg(test)]
fn parse_time(s: &str, local: &dyn Fn(i64) -> i32) -> Result<Option<Time>, ConvError> {
    Ok(time_value(time_fields(s)?, local))
}

/// The pieces `parse_time` cuts a time into with its patterns.
fn time_fields(s: &str) -> Result<plain::TimeFields<'_>, ConvError> {
    let mut split = s.splitn(2, [' ', 't', 'T']);
    let date = split.next().unwrap_or("");
    let Some(time) = split.next() else {
        return Err(ConvError::Type(
            "undefined method `match' for nil:NilClass".into(),
        ));
    };
    let Some(dc) = TIME_DATE.captures(date) else {
        return Err(ConvError::Type(
            "undefined method `captures' for nil:NilClass".into(),
        ));
    };
    let group = |i: usize| dc.get(i).map_or("", |m| m.as_str());
    let Some(md) = TIME_PARTS.captures(time) else {
        return Err(ConvError::Type(
            "undefined method `[]' for nil:NilClass".into(),
        ));
    };
    let mut hms = md.get(1).map_or("", |m| m.as_str()).split(':');
    let mut next = || hms.next().unwrap_or("");
    let hms = [next(), next(), next()];
    let zone = match md.get(3).map(|z| z.as_str()) {
        None => None,
        Some("Z") => Some(plain::Zone::Utc),
        Some(z) => match TZ_PARTS.captures(z) {
            Some(tz) => Some(plain::Zone::Offset(
                tz.get(1).map_or("", |m| m.as_str()),
                tz.get(2).map(|m| m.as_str()),
            )),
            None => {
                return Err(ConvError::Type(
                    "undefined method `[]' for nil:NilClass".into(),
                ))
            }
        },
    };
    Ok(plain::TimeFields {
        date: [group(1), group(2), group(3)],
        hms,
        frac: md.get(2).map_or("", |m| m.as_str()),
        zone,
    })
}

/// The time `parse_time` makes of its pieces (`None`: Ruby's rescued
/// `ArgumentError`).
fn time_value(f: plain::TimeFields<'_>, local: &dyn Fn(i64) -> i32) -> Option<Time> {
    let num = |x: &str| x.parse::<i64>().unwrap_or(0);
    let (yy, m, dd) = (num(f.date[0]), num(f.date[1]), num(f.date[2]));
    let hms = f.hms.map(|x| x.parse().unwrap_or(i64::MAX));
    let (hh, mm, ss) = (hms[0], hms[1], hms[2]);
    let mut nanos = 0u32;
    for (i, c) in f.frac.chars().take(9).enumerate() {
        nanos += c.to_digit(10).unwrap_or(0) * 10u32.pow(8 - i as u32);
    }
    if !(1..=12).contains(&m)
        || !(1..=31).contains(&dd)
        || !(0..=24).contains(&hh)
        || !(0..=59).contains(&mm)
        || !(0..=60).contains(&ss)
        || (hh == 24 && (mm > 0 || ss > 0 || nanos > 0))
    {
        return None;
    }
    let wall = (days_from_civil(yy, m, 1) + dd - 1) * 86_400 + hh * 3600 + mm * 60 + ss;
    match f.zone {
        Some(plain::Zone::Utc) => Some(Time {
            unix: wall,
            nanos,
            offset: 0,
            zone: Zone::Utc,
        }),
        None => Some(Time {
            unix: wall,
            nanos,
            offset: local(wall),
            zone: Zone::Local,
        }),
        Some(plain::Zone::Offset(h, min)) => {
            let hours: i64 = h.parse().unwrap_or(0);
            let mins: i64 = min.map_or(0, |m| m.parse().unwrap_or(0));
            let mut offset = hours * 3600;
            // Psych adds the minutes unless the hour part is negative, so
            // "-00:30" becomes +00:30.
            if offset < 0 {
                offset -= mins * 60;
            } else {
                offset += mins * 60;
            }
            if offset <= -86_400 || offset >= 86_400 {
                // Ruby's "utc_offset out of range", rescued by Psych.
                return None;
            }
            Some(Time {
                unix: wall - offset,
                nanos,
                offset: offset as i32,
                zone: Zone::Fixed,
            })
        }
    }
}

/// Decode `!!binary` as Ruby's lenient `unpack('m')`.
fn base64_decode(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => continue,
        };
        buf = (buf << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
            buf &= (1 << bits) - 1;
        }
    }
    out
}

re!(STR_TAG, r"^!(?:str|ruby/string)(?::(.*))?$");
re!(SYM_TAG, r"^!ruby/sym(bol)?:?(.*)?$");

/// Psych's `deserialize` for one scalar: its text, whether it was written
/// quoted or as a block scalar (libyaml's `quoted_implicit`), and its tag.
pub fn scalar_value(
    value: &str,
    quoted: bool,
    tag: Option<&str>,
    local: &dyn Fn(i64) -> i32,
) -> Result<Yaml, ConvError> {
    let Some(tag) = tag else {
        return if quoted {
            Ok(Yaml::Str(value.into()))
        } else {
            tokenize(value, local)
        };
    };
    let disallowed = |c: &str| Err(ConvError::Disallowed(c.into()));
    match tag {
        "!binary" | "tag:yaml.org,2002:binary" => Ok(Yaml::Str(
            String::from_utf8_lossy(&base64_decode(value)).into_owned(),
        )),
        "tag:yaml.org,2002:str" => Ok(Yaml::Str(value.into())),
        t if STR_TAG.is_match(t) => match STR_TAG.captures(t).and_then(|c| c.get(1)) {
            Some(class) if !class.as_str().is_empty() => disallowed(class.as_str()),
            _ => Ok(Yaml::Str(value.into())),
        },
        "!ruby/object:BigDecimal" => disallowed("BigDecimal"),
        "!ruby/object:DateTime" => disallowed("DateTime"),
        "!ruby/object:Complex" => disallowed("Complex"),
        "!ruby/object:Rational" => disallowed("Rational"),
        "!ruby/encoding" => Err(ConvError::Type("unsupported tag !ruby/encoding".into())),
        "!ruby/class" | "!ruby/module" => disallowed(value),
        "!ruby/regexp" => disallowed("Regexp"),
        "!ruby/range" => disallowed("Range"),
        t if SYM_TAG.is_match(t) => disallowed("Symbol"),
        "tag:yaml.org,2002:float" | "!float" => match tokenize(value, local)? {
            Yaml::Float(f) => Ok(Yaml::Float(f)),
            Yaml::Int(i) => Ok(Yaml::Float(i as f64)),
            Yaml::BigInt(b) => Ok(Yaml::Float(b.parse().unwrap_or(f64::NAN))),
            Yaml::Str(s) => ruby_float(&s).map(Yaml::Float).ok_or_else(|| {
                ConvError::Argument(format!(
                    "invalid value for Float(): {}",
                    Yaml::Str(s).inspect()
                ))
            }),
            Yaml::Null => Err(ConvError::Type("can't convert nil into Float".into())),
            Yaml::Bool(b) => Err(ConvError::Type(format!("can't convert {b} into Float"))),
            other => Err(ConvError::Type(format!(
                "can't convert {} into Float",
                other.ruby_class()
            ))),
        },
        _ => tokenize(value, local),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Yaml {
        tokenize(s, &|_| 0).unwrap()
    }

    #[test]
    fn psych_quirks() {
        assert_eq!(t("1e3"), Yaml::Str("1e3".into()));
        assert_eq!(t("1.e+3"), Yaml::Float(1000.0));
        assert_eq!(t("1:30"), Yaml::Int(5400));
        assert_eq!(t("08"), Yaml::Str("08".into()));
        assert_eq!(t("1,000"), Yaml::Int(1000));
        assert_eq!(t("On"), Yaml::Bool(true));
        assert_eq!(t("n"), Yaml::Str("n".into()));
        assert_eq!(t("2024-02-31"), Yaml::Str("2024-02-31".into()));
        assert_eq!(
            tokenize(":sym", &|_| 0),
            Err(ConvError::Disallowed("Symbol".into()))
        );
    }

    /// One-line ASCII scalars are typed by hand as the patterns type them.
    #[test]
    fn simple_scalars_typed_as_by_patterns() {
        let alphabet = [
            '0', '1', '2', '7', '9', 'b', 'x', 'e', 'E', 'f', '.', ',', '_', '-', '+', ':', ' ',
            'T',
        ];
        let mut cases = plain::strings(&alphabet, 4);
        cases.extend(
            [
                "2024-01-05",
                "2024-1-5",
                "2024-13-01",
                "2024-02-31",
                "2024-01-05 10:20:30",
                "2024-01-05T10:20:30.5Z",
                "2024-01-05 10:20:30 +0530",
                "2024-01-05 25:00:00",
                ".inf",
                "-.Inf",
                "+.INF",
                ".NaN",
                ":sym",
                "1:30",
                "-1:30:15",
                "1:30.5",
                "0x1F",
                "0b101",
                "017",
                "08",
                "1,000",
                "1_000",
                "1e3",
                "1.e+3",
                "3.14",
                "-.5",
                "+.",
                "12345678901234567890",
                "-9223372036854775809",
            ]
            .map(String::from),
        );
        let local = |_| 3600;
        let considered: Vec<&String> = cases
            .iter()
            .filter(|s| plain::simple(s) && !stringish(s))
            .collect();
        // Debug text, so that NaN equals NaN.
        assert_none_differ(&considered, |s| {
            format!("{:?}", tokenize_simple(s, &local))
                != format!("{:?}", tokenize_regex(s, &local))
        });
    }

    /// Short stringish scalars are told from null and booleans by hand as
    /// the case-insensitive patterns tell them, in any script.
    #[test]
    fn words_decided_as_by_patterns() {
        let alphabet = [
            'y', 'E', 's', 'n', 'o', 'f', '~', 'é', 'ſ', 'K', 'ı', '\n', ' ',
        ];
        let mut cases = plain::strings(&alphabet, 5);
        cases.extend(["Null", "nULL", "oN", "OFF", "fAlSe", "yeſ", "yes\nno"].map(String::from));
        let by_patterns = |s: &str| {
            if NOT_YTONF.is_match(s) {
                "str"
            } else if s == "~" || NULL_WORD.is_match(s) {
                "null"
            } else if TRUE_WORD.is_match(s) {
                "true"
            } else if FALSE_WORD.is_match(s) {
                "false"
            } else {
                "str"
            }
        };
        let by_tokenize = |s: &str| match tokenize(s, &|_| 0) {
            Ok(Yaml::Null) => "null",
            Ok(Yaml::Bool(true)) => "true",
            Ok(Yaml::Bool(false)) => "false",
            _ => "str",
        };
        let considered: Vec<&String> = cases
            .iter()
            .filter(|s| (stringish(s) || s.contains('\n')) && s.chars().count() <= 5)
            .collect();
        assert!(considered.len() > 10_000, "{}", considered.len());
        assert_none_differ(&considered, |s| by_patterns(s) != by_tokenize(s));
    }

    /// One-line scalars with a non-ASCII character are typed as the
    /// patterns type them.
    #[test]
    fn non_ascii_lines_typed_as_by_patterns() {
        let alphabet = [
            '0', '1', '.', ',', '-', '+', ':', ' ', 'i', 'n', 'f', 'a', 'e', 'T', 'é', 'K', 'ſ',
            'İ', 'ı', '٣', '１', '\u{300}', '…',
        ];
        let mut cases = plain::strings(&alphabet, 4);
        cases.extend(
            [
                ".ınf",
                ".İnf",
                "-.INF",
                "2024-01-0５",
                ":é",
                "1:3٠",
                "2nd Workshop — Paris",
            ]
            .map(String::from),
        );
        let local = |_| 0;
        let considered: Vec<&String> = cases
            .iter()
            .filter(|s| !s.is_ascii() && !s.contains('\n') && !stringish(s))
            .collect();
        assert!(considered.len() > 1000, "{}", considered.len());
        assert_none_differ(&considered, |s| {
            format!("{:?}", tokenize_non_ascii_line(s))
                != format!("{:?}", tokenize_regex(s, &local))
        });
    }

    /// Times are cut into the pieces the patterns capture.
    #[test]
    fn simple_times_cut_as_by_patterns() {
        let mut cases = Vec::new();
        for date in [
            "2024-01-05",
            "-2024-1-5",
            "2024-001-05",
            "224-01-05",
            "2024-01-5x",
        ] {
            for sep in ["T", "t", " ", "  ", " \t", "\t", "", "x"] {
                for time in [
                    "10:20:30",
                    "1:02:03",
                    "10:2:30",
                    "10:20:3",
                    "10:20:301",
                    "100:20:30",
                ] {
                    for frac in ["", ".", ".5", ".123456789123"] {
                        for zone in [
                            "", "Z", " Z", "+05:30", "-0530", " +530", "+5", "-05", "+05:", "+5:3",
                            "+123", "+12345", " ", "z", "+", "+05:30x",
                        ] {
                            cases.push(format!("{date}{sep}{time}{frac}{zone}"));
                        }
                    }
                }
            }
        }
        let mut checked = 0;
        for s in &cases {
            let by_patterns = TIME.is_match(s).then(|| time_fields(s));
            match plain::time(s) {
                None => assert!(!s.contains('T') && !s.contains('t'), "unsure on {s:?}"),
                Some(hand) => {
                    checked += 1;
                    assert_eq!(hand.map(Ok), by_patterns, "{s:?}");
                }
            }
        }
        assert!(checked > cases.len() / 2, "{checked} of {}", cases.len());
    }

    /// The hand-written check answers as the pattern it replaces, on every
    /// string of up to three characters drawn from the interesting ones.
    #[test]
    fn stringish_matches_psych_pattern() {
        let re = regex::Regex::new(
            r"(?m)^[^0-9.:\-]?[\p{Alphabetic}_ \t\n\x0B\x0C\r!@#$%^&*(){}<>|/\\~;=]+",
        )
        .unwrap();
        let alphabet = [
            'a', 'Z', '0', '9', '.', ':', '-', '_', ' ', '\t', '\n', '\r', '\x0B', '!', '=', '+',
            ',', '"', '\'', '?', '[', 'é', 'ß', 'Ⅻ', '中', '٣', '😀', '\u{300}', '\u{345}',
        ];
        let cases = plain::strings(&alphabet, 3);
        let considered: Vec<&String> = cases.iter().collect();
        assert_none_differ(&considered, |s| stringish(s) != re.is_match(s));
    }

    /// Fails naming how many of `cases` (and the first few) the hand-written
    /// path and the patterns answer differently, by `differs`.
    fn assert_none_differ(cases: &[&String], differs: impl Fn(&str) -> bool) {
        let differ: Vec<&String> = cases.iter().copied().filter(|s| differs(s)).collect();
        assert!(
            differ.is_empty(),
            "{} of {} differ: {:?}",
            differ.len(),
            cases.len(),
            &differ[..differ.len().min(5)]
        );
    }
}
