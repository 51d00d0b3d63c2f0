//! Ruby regular expressions, as Rouge's lexers use them, on Rust engines.
//!
//! Rouge scans with `StringScanner#skip`, which matches at the scan position
//! against the rest of the string as if it began there: lookbehind sees
//! nothing before the position and `\A`/`^` match at it. Matching each rule
//! on the slice `text[pos..]`, anchored with `\A`, gives exactly that.
//!
//! Ruby's `\w`, `\d`, `\s` and `\h` are ASCII-only while `^`/`$` are always
//! line anchors, so patterns are translated before compiling. A pattern the
//! `regex` crate cannot compile (lookaround, backreferences, atomic groups)
//! goes to `fancy-regex`.

use std::sync::{Mutex, OnceLock};

use regex_automata::meta;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::Hir;

use crate::simple::Simple;

/// A rule pattern, compiled on its first attempt: a lexer has dozens of
/// rules and a code block tries few of them, while compiling a pattern
/// (Unicode classes above all) costs far more than matching it. The bytes a
/// match can start with, when the pattern cannot match the empty string, are
/// read off the parsed pattern first, so a rule that never sees one of its
/// first bytes is never compiled.
///
/// Code is nearly always ASCII, and on a haystack that is ASCII to its end a
/// pattern matches exactly as its [ASCII variant](translate_ascii) does: every
/// Unicode class cut down to its ASCII members. That variant compiles in a
/// fraction of the time (no UTF-8 automata for `[[:alpha:]]`, `.` or `[^…]`),
/// so it serves such haystacks, and the full pattern is compiled only when a
/// haystack holds other text.
pub(crate) struct Rule {
    ruby: Box<str>,
    ascii: OnceLock<Option<Ascii>>,
    first: OnceLock<Option<Box<[bool; 256]>>>,
    re: OnceLock<Result<Re, String>>,
}

/// A rule's ASCII variant: its pattern, its possible ASCII first bytes and
/// its compiled form.
struct Ascii {
    src: String,
    first: Option<Box<[bool; 256]>>,
    /// The parsed pattern (for a backtracking one, its loosened form), kept
    /// from reading the first bytes until the pattern is compiled.
    parsed: Mutex<Option<Hir>>,
    fancy: bool,
    /// Whether a match can have group spans beyond the whole match: a rule
    /// without capture groups needs no capturing search, even when its
    /// callback asks for groups.
    captures: bool,
    /// The pattern as a plain sequence of byte sets, when it is one: whole
    /// matches then need no engine.
    simple: Option<Simple>,
    re: OnceLock<Option<Re>>,
}

impl Ascii {
    fn compiled(&self) -> Option<&Re> {
        self.re
            .get_or_init(|| {
                let hir = self.parsed.lock().ok()?.take()?;
                match self.fancy {
                    false => Re::meta(&hir, false).map(Re::Meta),
                    true => Re::fancy(&self.src, Re::meta(&hir, false)).ok(),
                }
            })
            .as_ref()
    }
}

impl Rule {
    pub(crate) fn new(ruby: &str) -> Rule {
        Rule {
            ruby: ruby.into(),
            ascii: OnceLock::new(),
            first: OnceLock::new(),
            re: OnceLock::new(),
        }
    }

    fn ascii(&self) -> Option<&Ascii> {
        self.ascii
            .get_or_init(|| {
                let src = translate_ascii(&self.ruby).map(|t| anchor(&t))?;
                // Loosening changes only what the `regex` crate rejects
                // (lookaround, backreferences, atomic groups).
                let loose = loosen(&src);
                let fancy = loose != src;
                let hir = parse_bytes(&loose)?;
                Some(Ascii {
                    src,
                    first: first_bytes(&hir),
                    simple: (!fancy).then(|| Simple::from_hir(&hir)).flatten(),
                    // Loosening may drop groups inside lookarounds: a
                    // backtracking pattern keeps its groups.
                    captures: fancy || hir.properties().explicit_captures_len() > 0,
                    parsed: Mutex::new(Some(hir)),
                    fancy,
                    re: OnceLock::new(),
                })
            })
            .as_ref()
    }

    /// Whether a match can begin with the byte `b`.
    pub(crate) fn may_start_with(&self, b: u8) -> bool {
        // The ASCII variant knows the ASCII first bytes of the full
        // pattern; a match may start with any other byte.
        if b >= 0x80 && self.ascii().is_some() {
            return true;
        }
        self.first_set().is_none_or(|set| set[usize::from(b)])
    }

    /// The bytes a match can begin with; `None` when it may be empty.
    fn first_set(&self) -> Option<&[bool; 256]> {
        match self.ascii() {
            Some(a) => a.first.as_deref(),
            None => self
                .first
                .get_or_init(|| rule_first_bytes(&self.ruby))
                .as_deref(),
        }
    }

    /// The compiled pattern, or why it does not compile (a bug in a lexer
    /// table, which `every_rule_compiles` catches; such a rule never matches).
    pub(crate) fn compiled(&self) -> Result<&Re, &str> {
        self.re
            .get_or_init(|| Re::new(&self.ruby))
            .as_ref()
            .map_err(String::as_str)
    }

    /// Matches at the start of `hay`, compiling the pattern if need be;
    /// `ascii` says that `hay` is ASCII to its end.
    #[cfg(test)]
    pub(crate) fn match_at_start(&self, hay: &str, ascii: bool, groups: bool) -> Option<Spans> {
        let mut spans = Spans::new();
        self.match_into(hay, ascii, groups, &mut spans)
            .then_some(spans)
    }

    /// [`Rule::match_at_start`] into a caller's buffer (one per lexer, so a
    /// match allocates nothing); false when the rule does not match.
    pub(crate) fn match_into(
        &self,
        hay: &str,
        ascii: bool,
        groups: bool,
        spans: &mut Spans,
    ) -> bool {
        if let Some(a) = self.ascii().filter(|_| ascii) {
            let groups = groups && a.captures;
            if let Some(simple) = a.simple.as_ref().filter(|_| !groups) {
                spans.clear();
                let found = simple
                    .match_len(hay.as_bytes())
                    .map(|n| spans.push(Some((0, n))));
                #[cfg(test)]
                cross_check::compare(self, hay, groups, &found.map(|()| spans.clone()));
                return found.is_some();
            }
            if let Some(re) = a.compiled() {
                let found = re.match_into(hay, groups, spans);
                #[cfg(test)]
                cross_check::compare(self, hay, groups, &found.then(|| spans.clone()));
                return found;
            }
        }
        self.compiled()
            .is_ok_and(|re| re.match_into(hay, groups, spans))
    }
}

/// For tests: every match by an ASCII variant checked against the full
/// pattern, while switched on for the current thread.
#[cfg(test)]
pub(crate) mod cross_check {
    use std::cell::RefCell;

    thread_local! {
        static DIFFS: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
    }

    /// Runs `f` with checking on; returns the differences found.
    pub(crate) fn during(f: impl FnOnce()) -> Vec<String> {
        DIFFS.with(|d| *d.borrow_mut() = Some(Vec::new()));
        f();
        DIFFS.with(|d| d.borrow_mut().take().unwrap_or_default())
    }

    pub(super) fn compare(
        rule: &super::Rule,
        hay: &str,
        groups: bool,
        found: &Option<super::Spans>,
    ) {
        DIFFS.with(|d| {
            if let Some(diffs) = d.borrow_mut().as_mut() {
                let full = rule
                    .compiled()
                    .ok()
                    .and_then(|re| re.match_at_start(hay, groups));
                if full != *found {
                    let at: String = hay.chars().take(40).collect();
                    diffs.push(format!(
                        "{:?} at {at:?}: {full:?} but ASCII {found:?}",
                        rule.ruby
                    ));
                }
            }
        });
    }
}

/// The first bytes of a rule's matches, from the pattern the `regex` crate
/// would compile, or from its loosened form when only `fancy-regex` can
/// (the loosened pattern matches at least as much, so its first bytes
/// include the real ones).
fn rule_first_bytes(ruby: &str) -> Option<Box<[bool; 256]>> {
    let src = anchored(ruby);
    let hir = match parse(&src) {
        Some(hir) => hir,
        None => parse(&loosen(&src))?,
    };
    first_bytes(&hir)
}

/// The possible first bytes of a match of `hir`, unless it matches the
/// empty string.
fn first_bytes(hir: &Hir) -> Option<Box<[bool; 256]>> {
    let mut set = Box::new([false; 256]);
    let nullable = first_of(hir, &mut set);
    (!nullable).then_some(set)
}

fn parse(src: &str) -> Option<Hir> {
    regex_syntax::ParserBuilder::new().build().parse(src).ok()
}

/// Parses as the ASCII variant is compiled: classes and `.` over bytes.
fn parse_bytes(src: &str) -> Option<Hir> {
    regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(src)
        .ok()
}

/// A Ruby pattern as matched at the scan position (see the module docs).
pub(crate) fn anchored(ruby: &str) -> String {
    anchor(&translate(ruby))
}

fn anchor(translated: &str) -> String {
    format!(r"(?m)\A(?:{translated})")
}

/// Adds the possible first bytes of `hir` to `set`; returns whether `hir`
/// can match the empty string.
fn first_of(hir: &Hir, set: &mut [bool; 256]) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(lit) => match lit.0.first() {
            Some(&b) => {
                set[usize::from(b)] = true;
                false
            }
            None => true,
        },
        HirKind::Class(Class::Unicode(cls)) => {
            for r in cls.iter() {
                let (lo, hi) = (utf8_first(r.start()), utf8_first(r.end()));
                for b in lo..=hi {
                    set[usize::from(b)] = true;
                }
            }
            false
        }
        HirKind::Class(Class::Bytes(cls)) => {
            for r in cls.iter() {
                for b in r.start()..=r.end() {
                    set[usize::from(b)] = true;
                }
            }
            false
        }
        HirKind::Repetition(rep) => {
            let empty = first_of(&rep.sub, set);
            empty || rep.min == 0
        }
        HirKind::Capture(cap) => first_of(&cap.sub, set),
        HirKind::Concat(subs) => {
            for sub in subs {
                if !first_of(sub, set) {
                    return false;
                }
            }
            true
        }
        HirKind::Alternation(subs) => {
            let mut empty = false;
            for sub in subs {
                empty |= first_of(sub, set);
            }
            empty
        }
    }
}

fn utf8_first(c: char) -> u8 {
    let mut buf = [0u8; 4];
    c.encode_utf8(&mut buf);
    buf[0]
}

/// A compiled rule pattern.
pub(crate) enum Re {
    Plain(regex::Regex),
    /// An ASCII variant, over bytes, built from its parsed pattern.
    Meta(meta::Regex),
    /// A backtracking pattern, with a looser linear-time pattern that must
    /// match first: a failing scan then costs what the `regex` crate costs.
    Fancy(fancy_regex::Regex, Option<meta::Regex>),
}

/// Capture group spans of one match, relative to the matched slice.
pub(crate) type Spans = Vec<Option<(usize, usize)>>;

impl Re {
    /// Compiles a Ruby-syntax pattern. Fails only on a pattern that neither
    /// engine accepts, which is a bug in a lexer table.
    pub(crate) fn new(ruby: &str) -> Result<Re, String> {
        let src = anchored(ruby);
        match regex::Regex::new(&src) {
            Ok(re) => Ok(Re::Plain(re)),
            Err(_) => {
                let pre = meta::Regex::new(&loosen(&src)).ok();
                Re::fancy(&src, pre).map_err(|e| format!("bad pattern {ruby:?}: {e}"))
            }
        }
    }

    /// The meta engine for a parsed pattern, configured as `regex` builds
    /// it (`utf8` false for a pattern over bytes), without a prefilter: every
    /// search is anchored.
    fn meta(hir: &Hir, utf8: bool) -> Option<meta::Regex> {
        meta::Builder::new()
            .configure(meta::Config::new().utf8_empty(utf8).auto_prefilter(false))
            .build_from_hir(hir)
            .ok()
    }

    fn fancy(src: &str, pre: Option<meta::Regex>) -> Result<Re, fancy_regex::Error> {
        fancy_regex::RegexBuilder::new(src)
            .backtrack_limit(200_000)
            .build()
            .map(|re| Re::Fancy(re, pre))
    }

    /// Matches at the start of `hay`; returns the group spans (group 0
    /// first, the others only when `groups` is asked for).
    pub(crate) fn match_at_start(&self, hay: &str, groups: bool) -> Option<Spans> {
        let mut spans = Spans::new();
        self.match_into(hay, groups, &mut spans).then_some(spans)
    }

    /// [`Re::match_at_start`] into `spans` (cleared first); false when
    /// there is no match.
    pub(crate) fn match_into(&self, hay: &str, groups: bool, spans: &mut Spans) -> bool {
        spans.clear();
        match self {
            Re::Plain(re) => {
                // Most attempts fail: find first, capture only on success.
                let Some(m) = re.find(hay) else { return false };
                if !groups || re.captures_len() == 1 {
                    spans.push(Some((m.start(), m.end())));
                    return true;
                }
                let mut locs = re.capture_locations();
                if re.captures_read(&mut locs, hay).is_none() {
                    return false;
                }
                spans.extend((0..locs.len()).map(|i| locs.get(i)));
                true
            }
            Re::Meta(re) => {
                let input = Input::new(hay).anchored(Anchored::Yes);
                let Some(m) = re.search(&input) else {
                    return false;
                };
                if !groups || re.group_info().group_len(regex_automata::PatternID::ZERO) == 1 {
                    spans.push(Some((m.start(), m.end())));
                    return true;
                }
                SLOTS.with_borrow_mut(|slots| {
                    slots.clear();
                    slots.resize(re.group_info().slot_len(), None);
                    if re.search_slots(&input, slots).is_none() {
                        return false;
                    }
                    spans.extend(slots.chunks_exact(2).map(|pair| match pair {
                        [Some(s), Some(e)] => Some((s.get(), e.get())),
                        _ => None,
                    }));
                    true
                })
            }
            Re::Fancy(re, pre) => {
                let input = Input::new(hay).anchored(Anchored::Yes);
                if pre.as_ref().is_some_and(|p| !p.is_match(input)) {
                    return false;
                }
                let Ok(Some(caps)) = re.captures(hay) else {
                    return false;
                };
                spans.extend((0..caps.len()).map(|i| caps.get(i).map(|m| (m.start(), m.end()))));
                true
            }
        }
    }
}

thread_local! {
    /// Capture slots for [`Re::match_into`], reused across matches.
    static SLOTS: std::cell::RefCell<Vec<Option<regex_automata::util::primitives::NonMaxUsize>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// A pattern matching at least what `src` matches, in the `regex` crate's
/// syntax: lookarounds dropped, backreferences widened to any text, atomic
/// groups and possessive quantifiers made ordinary.
fn loosen(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let mut class = 0usize;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            let next = chars.get(i + 1).copied().unwrap_or('\\');
            if class == 0 && (next.is_ascii_digit() && next != '0' || next == 'k') {
                out.push_str("(?s:.*?)");
                i += 2;
                if next == 'k' && chars.get(i) == Some(&'<') {
                    while i < chars.len() && chars[i] != '>' {
                        i += 1;
                    }
                    i += 1;
                }
                continue;
            }
            out.push(c);
            out.push(next);
            i += 2;
            continue;
        }
        if class > 0 {
            match c {
                '[' => class += 1,
                ']' => class -= 1,
                _ => {}
            }
            out.push(c);
            i += 1;
            continue;
        }
        if c == '[' {
            class = 1;
            out.push(c);
            i += 1;
            // A leading `]` or `^]` is literal.
            if chars.get(i) == Some(&'^') {
                out.push('^');
                i += 1;
            }
            continue;
        }
        let rest = &chars[i..];
        if rest.starts_with(&['(', '?', '='])
            || rest.starts_with(&['(', '?', '!'])
            || rest.starts_with(&['(', '?', '<', '='])
            || rest.starts_with(&['(', '?', '<', '!'])
        {
            i = skip_group(&chars, i);
            continue;
        }
        if rest.starts_with(&['(', '?', '>']) {
            out.push_str("(?:");
            i += 3;
            continue;
        }
        let quantified = i > 0
            && matches!(chars[i - 1], '*' | '+' | '?' | '}')
            && (i < 2 || chars[i - 2] != '\\');
        if c == '+' && quantified {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The index just past the group opening at `start`.
fn skip_group(chars: &[char], start: usize) -> usize {
    let mut depth = 0usize;
    let mut class = 0usize;
    let mut i = start;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' => class += 1,
            ']' if class > 0 => class -= 1,
            '(' if class == 0 => depth += 1,
            ')' if class == 0 => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    chars.len()
}

const WORD: &str = "0-9A-Za-z_";
const DIGIT: &str = "0-9";
const SPACE: &str = r"\t\n\x0B\x0C\r ";
const HEX: &str = "0-9A-Fa-f";

/// Rewrites Ruby regex syntax into syntax both Rust engines read with Ruby's
/// meaning. A leading `(?x)` is applied here (whitespace and `#` comments
/// outside classes dropped), since Rust's extended mode also strips
/// whitespace inside classes.
pub(crate) fn translate(ruby: &str) -> String {
    translate_mode(ruby, false).unwrap_or_default()
}

/// The pattern's ASCII variant: [`translate`]'s output with every Unicode
/// class (`[[:alpha:]]`, `\p{L}`, `\p{Word}`…) cut down to its ASCII members,
/// to be compiled without Unicode (`.`, `\b`, `(?i)` and negated classes then
/// act on bytes). On a haystack that is ASCII to its end it matches exactly
/// as the full pattern: only ASCII members can match there, and the case
/// folding of ASCII letters stays within ASCII. `None` when that cannot be
/// promised: a case-insensitive pattern with characters beyond ASCII (the
/// Kelvin sign and long s fold to `k` and `s`), or a property the `regex`
/// crate does not know.
pub(crate) fn translate_ascii(ruby: &str) -> Option<String> {
    let caseless = ruby.match_indices("(?").any(|(i, _)| {
        ruby[i + 2..]
            .chars()
            .take_while(|c| c.is_ascii_alphabetic() || *c == '-')
            .any(|c| c == 'i')
    });
    if caseless && (!ruby.is_ascii() || ruby.contains(r"\x{") || ruby.contains(r"\u")) {
        return None;
    }
    translate_mode(ruby, true)
}

fn translate_mode(ruby: &str, ascii: bool) -> Option<String> {
    let (extended, src) = match ruby.strip_prefix("(?x)") {
        Some(rest) => (true, rest),
        None => (false, ruby),
    };
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len() + 16);
    let mut depth = 0usize; // character class nesting
    let mut i = 0;
    // At the scan position a lookbehind sees nothing (see the module docs),
    // so a leading negative one always holds: dropping it leaves a pattern
    // the `regex` crate takes (Python's identifier rule, Ruby's builtins).
    while chars[i..].starts_with(&['(', '?', '<', '!']) {
        i = skip_group(&chars, i);
    }
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            let e = chars[i + 1];
            i += 2;
            let class = |set: &str, neg: bool, inside: bool| -> String {
                match (inside, neg) {
                    (false, false) => format!("[{set}]"),
                    (_, true) => format!("[^{set}]"),
                    (true, false) => set.to_string(),
                }
            };
            let inside = depth > 0;
            // Onigmo's `\p{Word}` is Unicode `\w`, which Rust spells `\w`.
            if e == 'p' && chars[i..].starts_with(&['{', 'W', 'o', 'r', 'd', '}']) {
                match ascii {
                    true => out.push_str(&class(WORD, false, inside)),
                    false => out.push_str(if inside { r"\w" } else { r"[\w]" }),
                }
                i += 6;
                continue;
            }
            if ascii && matches!(e, 'p' | 'P') {
                // `\pL`, `\p{L}`, `\p{^L}`, `\P{L}`: as written, for the parser.
                let len = match chars.get(i) {
                    Some('{') => chars[i..].iter().position(|&c| c == '}')? + 1,
                    Some(_) => 1,
                    None => return None,
                };
                let item: String = ['\\', e].iter().chain(&chars[i..i + len]).collect();
                out.push_str(&class(&ascii_members(&item)?, false, inside));
                i += len;
                continue;
            }
            match e {
                'w' => out.push_str(&class(WORD, false, inside)),
                'W' => out.push_str(&class(WORD, true, inside)),
                'd' => out.push_str(&class(DIGIT, false, inside)),
                'D' => out.push_str(&class(DIGIT, true, inside)),
                's' => out.push_str(&class(SPACE, false, inside)),
                'S' => out.push_str(&class(SPACE, true, inside)),
                'h' => out.push_str(&class(HEX, false, inside)),
                'H' => out.push_str(&class(HEX, true, inside)),
                'Z' if !inside => out.push_str(r"(?=\n?\z)"),
                _ => {
                    out.push('\\');
                    out.push(e);
                    // `\p{..}`, `\x{..}`, `\u{..}`: the braces are not a quantifier.
                    if matches!(e, 'p' | 'P' | 'x' | 'u') && chars.get(i) == Some(&'{') {
                        while i < chars.len() {
                            out.push(chars[i]);
                            i += 1;
                            if chars[i - 1] == '}' {
                                break;
                            }
                        }
                    }
                }
            }
            continue;
        }
        if depth > 0 {
            if c == '[' && chars.get(i + 1) == Some(&':') {
                if let Some(end) = (i + 2..chars.len().saturating_sub(1))
                    .find(|&j| chars[j] == ':' && chars[j + 1] == ']')
                {
                    let name: String = chars[i + 2..end].iter().collect();
                    out.push_str(if ascii {
                        posix_ascii(&name)
                    } else {
                        posix(&name)
                    });
                    i = end + 2;
                    continue;
                }
            }
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                // Rust reads `&&`, `--` and `~~` in a class as set operations.
                '-' if chars.get(i + 1) == Some(&'-') => {
                    out.push_str(r"\-");
                    i += 1;
                    continue;
                }
                '~' | '&' => {
                    out.push('\\');
                    out.push(c);
                    i += 1;
                    continue;
                }
                _ => {}
            }
            out.push(c);
            i += 1;
            if c == '[' && chars.get(i) == Some(&'^') {
                out.push('^');
                i += 1;
            }
            if c == '[' && chars.get(i) == Some(&']') {
                out.push_str(r"\]");
                i += 1;
            }
            continue;
        }
        if extended && c.is_whitespace() {
            i += 1;
            continue;
        }
        if extended && c == '#' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '{' {
            // A brace that is not a quantifier is a literal in Ruby.
            let close = chars[i + 1..].iter().position(|&x| x == '}');
            let body: String =
                close.map_or(String::new(), |n| chars[i + 1..i + 1 + n].iter().collect());
            let quantifier = !body.is_empty()
                && body != ","
                && body.chars().all(|x| x.is_ascii_digit() || x == ',')
                && body.matches(',').count() <= 1;
            if quantifier {
                out.push('{');
                if body.starts_with(',') {
                    out.push('0');
                }
                out.push_str(&body);
                out.push('}');
                i += body.chars().count() + 2;
            } else {
                out.push_str(r"\{");
                i += 1;
            }
            continue;
        }
        if c == '}' {
            out.push_str(r"\}");
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
        if c == '[' {
            depth = 1;
            if chars.get(i) == Some(&'^') {
                out.push('^');
                i += 1;
            }
            if chars.get(i) == Some(&']') {
                out.push_str(r"\]");
                i += 1;
            }
        }
    }
    Some(out)
}

/// The ASCII members of a Unicode property class (`\p{L}`, `\P{Lu}`…) in
/// class syntax, as the `regex` crate reads the property; `None` for one it
/// does not know or with no ASCII member.
fn ascii_members(item: &str) -> Option<String> {
    use regex_syntax::hir::{Class, HirKind};
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(item)
        .ok()?;
    let HirKind::Class(Class::Unicode(cls)) = hir.kind() else {
        return None;
    };
    let mut set = String::new();
    for r in cls.iter() {
        let (lo, hi) = (u32::from(r.start()), u32::from(r.end()).min(0x7F));
        if lo <= hi {
            set.push_str(&format!(r"\x{lo:02X}-\x{hi:02X}"));
        }
    }
    (!set.is_empty()).then_some(set)
}

/// [`posix`] restricted to ASCII, as the ASCII variant reads it.
fn posix_ascii(name: &str) -> &'static str {
    match name {
        "alpha" => "A-Za-z",
        "alnum" => "0-9A-Za-z",
        "upper" => "A-Z",
        "lower" => "a-z",
        "digit" => DIGIT,
        "space" => SPACE,
        "word" => WORD,
        "xdigit" => HEX,
        "punct" => r"!-/:-@\[-`{-~",
        "blank" => r"\t ",
        "cntrl" => r"\x00-\x1F\x7F",
        _ => WORD,
    }
}

/// Onigmo's POSIX bracket classes are Unicode-aware on UTF-8 strings.
fn posix(name: &str) -> &'static str {
    match name {
        "alpha" => r"\p{Alphabetic}",
        "alnum" => r"\p{Alphabetic}\p{Nd}",
        "upper" => r"\p{Uppercase}",
        "lower" => r"\p{Lowercase}",
        "digit" => r"\p{Nd}",
        "space" => r"\s",
        "word" => r"\w",
        "xdigit" => "0-9A-Fa-f",
        "punct" => r"\p{P}$+<=>^`|~",
        "blank" => r"\p{Zs}\t",
        "cntrl" => r"\p{Cc}",
        _ => r"\w",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_classes_and_posix() {
        assert_eq!(translate(r"\w+"), "[0-9A-Za-z_]+");
        assert_eq!(translate(r"[\w-]"), "[0-9A-Za-z_-]");
        assert_eq!(translate(r"[^\s]"), r"[^\t\n\x0B\x0C\r ]");
        assert_eq!(translate(r"[[:alpha:]_]"), r"[\p{Alphabetic}_]");
        assert_eq!(translate("(?x) a b # c\n d"), "abd");
        assert_eq!(translate("a{,2}b{2}{{"), r"a{0,2}b{2}\{\{");
        assert_eq!(translate(r"(?<!\.)(?<!x)a(?<!b)"), r"a(?<!b)");
    }

    #[test]
    fn loosened_patterns() {
        assert_eq!(loosen(r"a(?=b)c"), "ac");
        assert_eq!(loosen(r"(x)[(?=]\1"), r"(x)[(?=](?s:.*?)");
        assert_eq!(loosen(r"(?<!\.)(?>a)b*+"), "(?:a)b*");
        assert_eq!(loosen(r"(?<name>a)"), "(?<name>a)");
    }

    /// The ASCII variant's POSIX classes are the full ones' ASCII members.
    #[test]
    fn ascii_posix_classes() {
        let members = |src: &str, unicode: bool| -> Vec<u8> {
            let re = regex::bytes::RegexBuilder::new(src)
                .unicode(unicode)
                .build()
                .unwrap();
            (0..0x80u8).filter(|b| re.is_match(&[*b])).collect()
        };
        for name in [
            "alpha", "alnum", "upper", "lower", "digit", "space", "word", "xdigit", "punct",
            "blank", "cntrl", "graph",
        ] {
            let full = format!("[{}]", posix(name));
            let ascii = format!("[{}]", posix_ascii(name));
            assert_eq!(members(&full, true), members(&ascii, false), "{name}");
        }
    }

    #[test]
    fn ascii_variants() {
        assert_eq!(
            translate_ascii(r"[[:alpha:]_][[:alnum:]_]*").as_deref(),
            Some("[A-Za-z_][0-9A-Za-z_]*")
        );
        assert_eq!(
            translate_ascii(r"\p{Word}+").as_deref(),
            Some("[0-9A-Za-z_]+")
        );
        assert_eq!(
            translate_ascii(r"[\p{Lu}$]").as_deref(),
            Some(r"[\x41-\x5A$]")
        );
        assert_eq!(translate_ascii(r"\p{Mn}"), None); // no ASCII member
        assert_eq!(translate_ascii("(?i)caf\u{e9}"), None);
        assert_eq!(translate_ascii("(?i)\u{212A}"), None); // Kelvin sign
        assert!(translate_ascii("\u{212A}").is_some());
        let rule = Rule::new(r"(?i)[[:alpha:]]+");
        let ascii = rule.match_at_start("Kelvin!", true, false);
        assert_eq!(ascii, Some(vec![Some((0, 6))]));
        assert_eq!(
            rule.match_at_start("Kelvin\u{212A}!", false, false),
            Some(vec![Some((0, 9))])
        );
    }

    #[test]
    fn slice_semantics() {
        let re = Re::new(r"^b").unwrap();
        assert!(re.match_at_start("bc", true).is_some());
        // A leading negative lookbehind always holds at the scan position.
        let re = Re::new(r"(?<!a)b").unwrap();
        assert!(matches!(re, Re::Plain(_)));
        assert!(re.match_at_start("b", true).is_some());
        let re = Re::new(r"b(?<!ab)").unwrap();
        assert!(matches!(re, Re::Fancy(_, Some(_))));
        assert!(re.match_at_start("b", true).is_some());
    }
}
