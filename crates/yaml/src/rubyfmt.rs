//! Ruby's number conversions that Psych relies on: `Integer()`, `Float()`,
//! `String#to_i`, `String#to_f`, and `Float#to_s`, plus the arbitrary-size
//! integers Ruby gives for long digit strings.

use crate::value::Yaml;

/// Ruby's `Float#to_s` (`1.0`, `1.0e+20`, `1.0e-05`, `Infinity`, `NaN`).
pub fn float_to_s(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    // Shortest round-trip digits and the decimal exponent.
    let mut e = format!("{:e}", f.abs());
    // When 17 digits are needed the last one can be a tie; Ruby's dtoa
    // rounds it half-to-even, which the exact formatter does too.
    if e.split_once('e').is_some_and(|(m, _)| m.len() == 18) {
        e = format!("{:.16e}", f.abs());
        if let Some((m, x)) = e.split_once('e') {
            e = format!("{}e{x}", m.trim_end_matches('0'));
        }
    }
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    let decpt = exp + 1;
    let mut out = String::new();
    if f < 0.0 {
        out.push('-');
    }
    let nd = digits.len() as i32;
    // Ruby prints digits in place while the point falls inside them (up to
    // 16 integer digits), pads with zeros up to 15 integer digits, and
    // switches to exponent form otherwise.
    if decpt > 0 && ((decpt < nd && decpt <= 16) || decpt <= 15) {
        if nd <= decpt {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', (decpt - nd) as usize));
            out.push_str(".0");
        } else {
            out.push_str(&digits[..decpt as usize]);
            out.push('.');
            out.push_str(&digits[decpt as usize..]);
        }
    } else if decpt <= 0 && decpt > -4 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-decpt) as usize));
        out.push_str(&digits);
    } else {
        out.push_str(&digits[..1]);
        out.push('.');
        out.push_str(if nd > 1 { &digits[1..] } else { "0" });
        let x = decpt - 1;
        out.push_str(&format!("e{}{:02}", if x < 0 { '-' } else { '+' }, x.abs()));
    }
    out
}

/// An unsigned big integer in base 10^9 limbs (little-endian), enough for
/// Ruby's Bignum results of parsing and small multiply/add steps.
#[derive(Clone, Debug, Default)]
struct Big(Vec<u32>);

const LIMB: u64 = 1_000_000_000;

impl Big {
    fn mul_add(&mut self, mul: u64, add: u64) {
        let mut carry = add;
        for l in &mut self.0 {
            let v = *l as u64 * mul + carry;
            *l = (v % LIMB) as u32;
            carry = v / LIMB;
        }
        while carry > 0 {
            self.0.push((carry % LIMB) as u32);
            carry /= LIMB;
        }
    }

    fn to_decimal(&self) -> String {
        let mut limbs = self.0.iter().rev().skip_while(|l| **l == 0);
        let Some(first) = limbs.next() else {
            return "0".into();
        };
        let mut s = first.to_string();
        for l in limbs {
            s.push_str(&format!("{l:09}"));
        }
        s
    }
}

/// Build an Integer value from digits in `radix`, choosing `Int` or `BigInt`.
pub fn int_from_digits(negative: bool, radix: u32, digits: &str) -> Yaml {
    let mut small: Option<i128> = Some(0);
    for c in digits.chars() {
        let d = c.to_digit(radix).unwrap_or(0) as i128;
        small = small.and_then(|v| v.checked_mul(radix as i128)?.checked_add(d));
    }
    if let Some(v) = small {
        let v = if negative { -v } else { v };
        if let Ok(i) = i64::try_from(v) {
            return Yaml::Int(i);
        }
    }
    let mut big = Big::default();
    for c in digits.chars() {
        big.mul_add(radix as u64, c.to_digit(radix).unwrap_or(0) as u64);
    }
    let s = big.to_decimal();
    Yaml::BigInt(if negative { format!("-{s}") } else { s })
}

/// Ruby's `Integer(str)` for the already de-underscored strings Psych passes:
/// optional sign, then `0b`, `0x`, `0o`, leading-`0` octal, or decimal.
pub fn ruby_integer(s: &str) -> Option<Yaml> {
    let (neg, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = rest.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0b") {
        (2, d)
    } else if let Some(d) = lower.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, &lower[1..])
    } else {
        (10, lower.as_str())
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    Some(int_from_digits(neg, radix, digits))
}

/// Ruby's strict `Float(str)`: underscores only between digits, a digit
/// after any `.`, hex integers allowed, surrounding whitespace ignored.
pub fn ruby_float(s: &str) -> Option<f64> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\0');
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        if !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            let v = hex
                .chars()
                .fold(0f64, |a, c| a * 16.0 + c.to_digit(16).unwrap_or(0) as f64);
            return Some(if neg { -v } else { v });
        }
        return None;
    }
    let b = body.as_bytes();
    let mut i = 0;
    let mut clean = String::new();
    let digits = |i: &mut usize, clean: &mut String| -> bool {
        let start = *i;
        while *i < b.len() {
            if b[*i].is_ascii_digit() {
                clean.push(b[*i] as char);
                *i += 1;
            } else if b[*i] == b'_' && *i > start && *i + 1 < b.len() && b[*i + 1].is_ascii_digit()
            {
                *i += 1;
            } else {
                break;
            }
        }
        *i > start
    };
    let int_part = digits(&mut i, &mut clean);
    let mut frac_part = false;
    if i < b.len() && b[i] == b'.' {
        clean.push('.');
        i += 1;
        frac_part = digits(&mut i, &mut clean);
        if !frac_part {
            return None;
        }
    }
    if !int_part && !frac_part {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        clean.push('e');
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            clean.push(b[i] as char);
            i += 1;
        }
        if !digits(&mut i, &mut clean) {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    let v: f64 = clean.parse().ok()?;
    Some(if neg { -v } else { v })
}

/// The longest prefix Ruby's `String#to_i`/`to_f` would read: sign, digits
/// with single underscores between them, and (for floats) a fraction and exponent.
fn numeric_prefix(s: &str, float: bool) -> (bool, String) {
    let b = s.trim_start().as_bytes();
    let mut i = 0;
    let mut neg = false;
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        neg = b[i] == b'-';
        i += 1;
    }
    let mut out = String::new();
    let digits = |i: &mut usize, out: &mut String| {
        let start = *i;
        while *i < b.len() {
            if b[*i].is_ascii_digit() {
                out.push(b[*i] as char);
                *i += 1;
            } else if b[*i] == b'_' && *i > start && *i + 1 < b.len() && b[*i + 1].is_ascii_digit()
            {
                *i += 1;
            } else {
                break;
            }
        }
        *i > start
    };
    digits(&mut i, &mut out);
    if float {
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            out.push('.');
            i += 1;
            digits(&mut i, &mut out);
        }
        if i < b.len() && (b[i] == b'e' || b[i] == b'E') && !out.is_empty() {
            let mut exp = String::from("e");
            let mut j = i + 1;
            if j < b.len() && (b[j] == b'-' || b[j] == b'+') {
                exp.push(b[j] as char);
                j += 1;
            }
            let mut ed = String::new();
            if digits(&mut j, &mut ed) {
                out.push_str(&exp);
                out.push_str(&ed);
            }
        }
    }
    (neg, out)
}

/// Ruby's `String#to_i` (base 10), as an Integer value.
pub fn ruby_to_i(s: &str) -> Yaml {
    let (neg, digits) = numeric_prefix(s, false);
    if digits.is_empty() {
        return Yaml::Int(0);
    }
    int_from_digits(neg, 10, &digits)
}

/// Ruby's `String#to_f`.
pub fn ruby_to_f(s: &str) -> f64 {
    let (neg, digits) = numeric_prefix(s, true);
    let v: f64 = digits.parse().unwrap_or(0.0);
    if neg {
        -v
    } else {
        v
    }
}

/// `value * mul + add` for a non-negative decimal digit string, exactly.
pub fn decimal_mul_add(digits: &str, mul: u64, add: u64) -> String {
    let mut big = Big::default();
    for c in digits.chars() {
        big.mul_add(10, c.to_digit(10).unwrap_or(0) as u64);
    }
    big.mul_add(mul, add);
    big.to_decimal()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_to_s_matches_ruby() {
        assert_eq!(float_to_s(1.0), "1.0");
        assert_eq!(float_to_s(1e16), "1.0e+16");
        assert_eq!(float_to_s(1e15), "1.0e+15");
        assert_eq!(float_to_s(999999999999999.9), "999999999999999.9");
        assert_eq!(float_to_s(1159145094868852.2), "1159145094868852.2");
        assert_eq!(float_to_s(1234567890123456.0), "1.234567890123456e+15");
        assert_eq!(float_to_s(0.0001), "0.0001");
        assert_eq!(float_to_s(0.00001), "1.0e-05");
        assert_eq!(float_to_s(-2.5), "-2.5");
        assert_eq!(float_to_s(1.2345e20), "1.2345e+20");
    }

    #[test]
    fn integers_beyond_i64_are_exact() {
        assert_eq!(
            int_from_digits(false, 10, "12345678901234567890123"),
            Yaml::BigInt("12345678901234567890123".into())
        );
        assert_eq!(ruby_integer("-0x1F"), Some(Yaml::Int(-31)));
        assert_eq!(ruby_integer("017"), Some(Yaml::Int(15)));
        assert_eq!(ruby_integer("0b"), None);
    }
}
