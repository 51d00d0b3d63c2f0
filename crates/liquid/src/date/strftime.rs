//! Ruby's `Time#strftime`: every conversion, the `- _ 0 ^ #` flags, field
//! widths and the `:` modifiers of `%z`. Unknown directives print as written.

use chrono::{DateTime, FixedOffset};

use crate::value::{Civil, Time, TimeMode, Wide};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

#[derive(Default, Clone, Copy)]
struct Spec {
    pad: Option<u8>,
    no_pad: bool,
    upper: bool,
    swap: bool,
    width: Option<usize>,
    colons: usize,
}

/// Whether Ruby's `strftime` would fail with `Errno::ERANGE` for `fmt`:
/// its output may not pass 512 KiB per byte of format, and only widths
/// (`%1000000d`) make it that long.
pub(crate) fn output_too_long(fmt: &str) -> bool {
    let limit = 512 * 1024 * fmt.len() as u64;
    let b = fmt.as_bytes();
    let mut total = 0u64;
    let mut i = 0;
    while let Some(p) = b[i..].iter().position(|&c| c == b'%') {
        i += p + 1;
        while i < b.len() && b"-_0^#".contains(&b[i]) {
            i += 1;
        }
        let ws = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if let Ok(w) = fmt[ws..i].parse::<u32>() {
            if w <= i32::MAX as u32 {
                total += u64::from(w);
            }
        }
        if i < b.len() && b[i] == b'%' {
            i += 1;
        }
    }
    total > limit
}

/// Formats `t` like Ruby's `Time#strftime`; `zone` is what `%Z` prints.
pub fn strftime(t: &DateTime<FixedOffset>, fmt: &str, zone: &str) -> String {
    strftime_time(&Time::new(*t, TimeMode::Local), fmt, zone)
}

/// [`strftime`] of a [`Time`] (any year).
pub(crate) fn strftime_time(t: &Time, fmt: &str, zone: &str) -> String {
    let mut out = String::with_capacity(fmt.len() + 16);
    strftime_into(t, fmt, zone, &mut out);
    out
}

/// [`strftime_time`], appended to `out`.
pub(crate) fn strftime_into(t: &Time, fmt: &str, zone: &str, out: &mut String) {
    let mut budget = Budget::unlimited();
    let _ = format(t, fmt, zone, false, out, &mut budget, 0);
}

/// [`strftime_into`] with Ruby's limit on how far it grows its buffer
/// for a field: `Err` holds the format Ruby's `Errno::ERANGE` names (the
/// innermost, for `%F` and the like). Only a year or `%s` of about 500,000
/// digits or more reaches it; widths are [`output_too_long`]'s.
pub(crate) fn strftime_checked(
    t: &Time,
    fmt: &str,
    zone: &str,
    out: &mut String,
) -> Result<(), String> {
    let mut budget = Budget {
        max: fmt.len().saturating_mul(1 << 20),
        cap: 0,
    };
    format(t, fmt, zone, false, out, &mut budget, 0).map_err(str::to_string)
}

/// `Date#strftime`, which also knows `%Q` (milliseconds since the epoch)
/// and `%+`.
pub(crate) fn strftime_date(t: &DateTime<FixedOffset>, fmt: &str) -> String {
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut budget = Budget::unlimited();
    let t = Time::new(*t, TimeMode::Utc);
    let _ = format(&t, fmt, "+00:00", true, &mut out, &mut budget, 0);
    out
}

/// Ruby's output buffer as `strftime` grows it: to make room for `n` more
/// bytes it asks for twice that, and gives up with `ERANGE` past `max`
/// (1 MiB per byte of the format, the nested `%F` and such included).
struct Budget {
    max: usize,
    /// The buffer's capacity so far (as far as it matters: the big fields).
    cap: usize,
}

impl Budget {
    fn unlimited() -> Budget {
        Budget {
            max: usize::MAX,
            cap: 0,
        }
    }

    /// The capacity after making room for `n` bytes after `len`, or `None`
    /// where Ruby fails (never for a smaller `n` than one that fits).
    fn after(&self, len: usize, n: usize) -> Option<usize> {
        let cap = self.cap.max(len);
        if len < cap && n + 1 < cap - len {
            return Some(cap);
        }
        let want = n.saturating_mul(2).saturating_add(len);
        (want <= self.max).then_some(want)
    }
}

/// Formats `fmt` onto `out`; `before` is how much Ruby's buffer already
/// holds that `out` does not (the text around a nested `%F`).
fn format<'f>(
    t: &Time,
    fmt: &'f str,
    zone: &str,
    date: bool,
    out: &mut String,
    budget: &mut Budget,
    before: usize,
) -> Result<(), &'f str> {
    // The wall-clock fields, worked out once.
    let local = t.civil();
    let start = out.len();
    let b = fmt.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'%' {
            let next = crate::lex::find_ascii(&fmt[i..], b'%').map_or(fmt.len(), |p| i + p);
            out.push_str(&fmt[i..next]);
            i = next;
            continue;
        }
        let start_directive = i;
        i += 1;
        let mut spec = Spec::default();
        while i < b.len() {
            match b[i] {
                b'-' => spec.no_pad = true,
                b'_' => spec.pad = Some(b' '),
                b'0' => spec.pad = Some(b'0'),
                b'^' => spec.upper = true,
                b'#' => spec.swap = true,
                _ => break,
            }
            i += 1;
        }
        let ws = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        // Ruby reads the width as a C int; past that the directive is
        // unknown and prints as written.
        let mut bad_width = false;
        if i > ws {
            spec.width = fmt[ws..i]
                .parse::<u32>()
                .ok()
                .filter(|w| *w <= i32::MAX as u32)
                .map(|w| w as usize);
            bad_width = spec.width.is_none();
        }
        while i < b.len() && b[i] == b':' {
            spec.colons += 1;
            i += 1;
        }
        // `E` and `O` modifiers are accepted and ignored before the
        // conversions POSIX gives them; otherwise the directive is unknown.
        let modifies: &[u8] = match b.get(i) {
            Some(b'E') => b"cCxXyY",
            Some(b'O') => b"deHkIlmMSuUVwWy",
            _ => b"",
        };
        if b.get(i + 1).is_some_and(|c| modifies.contains(c)) {
            i += 1;
        }
        let Some(&conv) = b.get(i) else {
            out.push_str(&fmt[start_directive..]);
            break;
        };
        i += 1;
        // An unknown conversion may be a multi-byte character, copied whole.
        while !fmt.is_char_boundary(i) {
            i += 1;
        }
        if bad_width {
            out.push_str(&fmt[start_directive..i]);
            continue;
        }
        if spec.colons > 0 && conv != b'z' {
            out.push_str(&fmt[start_directive..i]);
            continue;
        }
        let mut field = Field {
            out: &mut *out,
            budget: &mut *budget,
            before: before.wrapping_sub(start),
        };
        let known = match conv {
            b'Q' if date => {
                let millis = t.timestamp_i128() * 1000 + i128::from(t.subsec_nanos() / 1_000_000);
                num(field.out, millis, 1, b'0', spec);
                Ok(true)
            }
            b'+' if date => {
                composite(t, "%a %b %e %H:%M:%S %Z %Y", spec, zone, &mut field).map(|()| true)
            }
            _ => directive(t, &local, conv, spec, zone, &mut field),
        };
        match known {
            Ok(true) => {}
            Ok(false) => out.push_str(&fmt[start_directive..i]),
            Err(None) => return Err(fmt),
            Err(Some(inner)) => return Err(inner),
        }
    }
    Ok(())
}

/// Where a directive writes: the output and Ruby's buffer budget.
struct Field<'o> {
    out: &'o mut String,
    budget: &'o mut Budget,
    /// Added (wrapping) to `out.len()`, gives the length of Ruby's buffer.
    before: usize,
}

impl Field<'_> {
    fn len(&self) -> usize {
        self.out.len().wrapping_add(self.before)
    }
}

/// Ruby's `Bignum` range starts at 2^62: a year or century past it is
/// padded as a string, the sign included (`0000-3168...`), where a smaller
/// one is padded by `printf` (`-000316`).
const FIXNUM: i128 = 1 << 62;

/// Writes a year-like number: as [`num`] in Ruby's Fixnum range, otherwise
/// as [`big_num`].
fn wide(
    f: &mut Field<'_>,
    v: &Wide,
    default_width: usize,
    spec: Spec,
) -> Result<(), Option<&'static str>> {
    match v.within(-FIXNUM, FIXNUM - 1) {
        Some(v) => {
            let width = if v < 0 {
                default_width + 1
            } else {
                default_width
            };
            num(f.out, v, width, b'0', spec);
            Ok(())
        }
        None => big_num(f, v, default_width, spec),
    }
}

/// Ruby's `FMTV` for a Bignum: the digits with their sign, padded on the
/// left to the width (with `0` unless `_` says spaces).
fn big_num(
    f: &mut Field<'_>,
    v: &Wide,
    default_width: usize,
    spec: Spec,
) -> Result<(), Option<&'static str>> {
    let width = if spec.no_pad {
        0
    } else {
        spec.width.unwrap_or(default_width)
    };
    let sign = usize::from(v.is_negative());
    // The decimal digits of a million-digit Bignum take a while to work
    // out: fail first if even the fewest its bit count allows would.
    if f.budget
        .after(f.len(), (v.min_digit_len() + sign).max(width))
        .is_none()
    {
        return Err(None);
    }
    let digits = v.magnitude_digits();
    let len = digits.len() + sign;
    f.budget.cap = f.budget.after(f.len(), len.max(width)).ok_or(None)?;
    let pad = if spec.pad == Some(b' ') { ' ' } else { '0' };
    f.out
        .extend(std::iter::repeat_n(pad, width.saturating_sub(len)));
    if v.is_negative() {
        f.out.push('-');
    }
    f.out.push_str(&digits);
    Ok(())
}

fn num(out: &mut String, v: i128, default_width: usize, default_pad: u8, spec: Spec) {
    let width = spec.width.unwrap_or(default_width);
    let pad = spec.pad.unwrap_or(default_pad);
    // The digits, right-aligned in a stack buffer.
    let mut buf = [0u8; 40];
    let mut at = buf.len();
    // u128 division is a library call; date fields fit a u64.
    let mut n = v.unsigned_abs();
    let mut small = u64::try_from(n).unwrap_or(0);
    while n > u128::from(u64::MAX) {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        small = u64::try_from(n).unwrap_or(0);
    }
    loop {
        at -= 1;
        buf[at] = b'0' + (small % 10) as u8;
        small /= 10;
        if small == 0 {
            break;
        }
    }
    let digits = &buf[at..];
    let push_digits = |out: &mut String| digits.iter().for_each(|&d| out.push(d as char));
    let sign = if v < 0 { "-" } else { "" };
    if spec.no_pad {
        out.push_str(sign);
        push_digits(out);
        return;
    }
    let len = digits.len() + sign.len();
    if pad == b'0' {
        out.push_str(sign);
        for _ in len..width {
            out.push('0');
        }
    } else {
        for _ in len..width {
            out.push(' ');
        }
        out.push_str(sign);
    }
    push_digits(out);
}

fn text(out: &mut String, s: &str, spec: Spec, swap_lower: bool) {
    let s: std::borrow::Cow<'_, str> = if spec.upper || (spec.swap && !swap_lower) {
        s.to_uppercase().into()
    } else if spec.swap && swap_lower {
        s.to_lowercase().into()
    } else {
        s.into()
    };
    if !spec.no_pad {
        if let Some(w) = spec.width {
            let pad = if spec.pad == Some(b'0') { '0' } else { ' ' };
            for _ in s.chars().count()..w {
                out.push(pad);
            }
        }
    }
    out.push_str(&s);
}

/// A directive that stands for a format (`%F`, `%c`…), padded as a whole;
/// `Err` names the format that ran out of room.
fn composite(
    t: &Time,
    fmt: &'static str,
    spec: Spec,
    zone: &str,
    f: &mut Field<'_>,
) -> Result<(), Option<&'static str>> {
    let mut s = String::new();
    let before = f.len();
    format(t, fmt, zone, false, &mut s, f.budget, before).map_err(Some)?;
    // Only `^` changes the case of a whole format (`#` does not).
    let spec = Spec {
        swap: false,
        ..spec
    };
    text(f.out, &s, spec, false);
    Ok(())
}

/// Writes one conversion; `false` when it is not a known directive.
fn directive(
    t: &Time,
    l: &Civil,
    conv: u8,
    spec: Spec,
    zone: &str,
    f: &mut Field<'_>,
) -> Result<bool, Option<&'static str>> {
    let hour12 = |h: u32| i128::from(if h % 12 == 0 { 12 } else { h % 12 });
    let out = &mut *f.out;
    match conv {
        b'Y' => wide(f, &l.year, 4, spec)?,
        b'C' => wide(f, &l.year.div_floor(100), 2, spec)?,
        b'y' => num(out, l.year.mod_floor(100), 2, b'0', spec),
        b'm' => num(out, l.month.into(), 2, b'0', spec),
        b'B' => text(out, MONTHS[l.month as usize - 1], spec, false),
        b'b' | b'h' => text(out, &MONTHS[l.month as usize - 1][..3], spec, false),
        b'd' => num(out, l.day.into(), 2, b'0', spec),
        b'e' => num(out, l.day.into(), 2, b' ', spec),
        b'j' => num(out, l.yday.into(), 3, b'0', spec),
        b'H' => num(out, l.hour.into(), 2, b'0', spec),
        b'k' => num(out, l.hour.into(), 2, b' ', spec),
        b'I' => num(out, hour12(l.hour), 2, b'0', spec),
        b'l' => num(out, hour12(l.hour), 2, b' ', spec),
        b'P' => text(out, if l.hour < 12 { "am" } else { "pm" }, spec, true),
        b'p' => text(out, if l.hour < 12 { "AM" } else { "PM" }, spec, true),
        b'M' => num(out, l.minute.into(), 2, b'0', spec),
        b'S' => num(out, l.second.into(), 2, b'0', spec),
        b'L' | b'N' => {
            let digits = spec.width.unwrap_or(if conv == b'L' { 3 } else { 9 });
            let mut s = format!("{:09}", l.nanos.min(999_999_999));
            if digits <= 9 {
                s.truncate(digits);
            } else {
                s.extend(std::iter::repeat_n('0', digits - 9));
            }
            out.push_str(&s);
        }
        b'z' => {
            let off = t.offset().local_minus_utc();
            let sign = if off < 0 { '-' } else { '+' };
            let a = off.unsigned_abs();
            let (h, m, s) = (a / 3600, a / 60 % 60, a % 60);
            let body = match spec.colons {
                0 => format!("{h:02}{m:02}"),
                1 => format!("{h:02}:{m:02}"),
                _ => format!("{h:02}:{m:02}:{s:02}"),
            };
            let full = format!("{sign}{body}");
            match spec.width {
                Some(w) if !spec.no_pad && w > full.len() => {
                    if spec.pad == Some(b' ') {
                        out.extend(std::iter::repeat_n(' ', w - full.len()));
                        out.push_str(&full);
                    } else {
                        out.push(sign);
                        out.extend(std::iter::repeat_n('0', w - full.len()));
                        out.push_str(&body);
                    }
                }
                _ => out.push_str(&full),
            }
        }
        b'Z' => text(out, zone, spec, true),
        b'A' => text(out, DAYS[l.wday as usize], spec, false),
        b'a' => text(out, &DAYS[l.wday as usize][..3], spec, false),
        b'u' => num(out, i128::from((l.wday + 6) % 7 + 1), 1, b'0', spec),
        b'w' => num(out, l.wday.into(), 1, b'0', spec),
        b'G' => wide(f, &l.iso_year, 4, spec)?,
        b'g' => num(out, l.iso_year.mod_floor(100), 2, b'0', spec),
        b'V' => num(out, l.iso_week.into(), 2, b'0', spec),
        b'U' => {
            let wd = i128::from(l.wday);
            num(out, (i128::from(l.yday) - 1 + 7 - wd) / 7, 2, b'0', spec)
        }
        b'W' => {
            let wd = i128::from((l.wday + 6) % 7);
            num(out, (i128::from(l.yday) - 1 + 7 - wd) / 7, 2, b'0', spec)
        }
        // Seconds that fit a `time_t` print through `printf`.
        b's' => match t.timestamp_wide() {
            Wide::Small(s) if i64::try_from(s).is_ok() => num(out, s, 1, b'0', spec),
            s => big_num(f, &s, 1, spec)?,
        },
        b'n' => out.push('\n'),
        b't' => out.push('\t'),
        b'%' => out.push('%'),
        b'c' => composite(t, "%a %b %e %H:%M:%S %Y", spec, zone, f)?,
        b'D' | b'x' => composite(t, "%m/%d/%y", spec, zone, f)?,
        b'F' => composite(t, "%Y-%m-%d", spec, zone, f)?,
        b'T' | b'X' => composite(t, "%H:%M:%S", spec, zone, f)?,
        b'R' => composite(t, "%H:%M", spec, zone, f)?,
        b'r' => composite(t, "%I:%M:%S %p", spec, zone, f)?,
        b'v' => composite(t, "%e-%^b-%4Y", spec, zone, f)?,
        _ => return Ok(false),
    }
    Ok(true)
}
