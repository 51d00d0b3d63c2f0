//! The part of Addressable 2.8 that Jekyll's URL filters rely on:
//! `URI.normalize_component` (what `uri_escape` is) and
//! `URI.parse(...).normalize.to_s` (what `relative_url` and `absolute_url`
//! return), plus Ruby's `CGI.escape`.
//!
//! Addressable decodes every `%XX` first, applies Unicode NFKC when the result
//! is valid UTF-8, and then percent-encodes (upper-case hex) every byte outside
//! the component's character class; a stray `%` becomes `%25`.

use std::fmt::Write as _;

use unicode_normalization::UnicodeNormalization;

/// A URI that Addressable refuses (`Addressable::URI::InvalidURIError`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidUri(pub String);

impl std::fmt::Display for InvalidUri {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

const fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}
const fn sub_delim(b: u8) -> bool {
    matches!(
        b,
        b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
    )
}
fn reserved_or_unreserved(b: u8) -> bool {
    unreserved(b) || sub_delim(b) || matches!(b, b':' | b'/' | b'?' | b'#' | b'[' | b']' | b'@')
}
const fn pchar(b: u8) -> bool {
    unreserved(b) || sub_delim(b) || matches!(b, b':' | b'@')
}
fn scheme_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.')
}
fn host_char(b: u8) -> bool {
    unreserved(b) || sub_delim(b) || matches!(b, b'[' | b':' | b']')
}
fn fragment_char(b: u8) -> bool {
    pchar(b) || matches!(b, b'/' | b'?')
}
// Addressable's query class leaves out `&` and `;`; `%` only stays before `2B`.
fn query_char(b: u8) -> bool {
    unreserved(b)
        || matches!(
            b,
            b'!' | b'$'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b'='
                | b':'
                | b'@'
                | b'/'
                | b'?'
                | b'%'
        )
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// `URI.unencode`: every `%XX` decoded to its byte, except the bytes in `keep`.
fn unencode(input: &str, keep: &[u8]) -> Vec<u8> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                let b = h * 16 + l;
                if !keep.contains(&b) {
                    out.push(b);
                    i += 3;
                    continue;
                }
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

fn encode_bytes(bytes: &[u8], keep: impl Fn(u8) -> bool, out: &mut String) {
    for &b in bytes {
        if b.is_ascii() && keep(b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
}

/// `Addressable::URI.normalize_component(input, class)`.
fn normalize_with(input: &str, class: impl Fn(u8) -> bool, keep_encoded: &[u8]) -> String {
    let raw = unencode(input, keep_encoded);
    let mut out = String::with_capacity(raw.len() + 8);
    match String::from_utf8(raw) {
        // NFKC leaves ASCII unchanged.
        Ok(text) if text.is_ascii() => encode_bytes(text.as_bytes(), class, &mut out),
        Ok(text) => {
            let nfkc: String = text.nfkc().collect();
            encode_bytes(nfkc.as_bytes(), class, &mut out);
        }
        // Invalid UTF-8 cannot be normalised; Addressable then encodes with
        // its default class (reserved + unreserved).
        Err(err) => encode_bytes(err.as_bytes(), reserved_or_unreserved, &mut out),
    }
    out
}

/// One `&`-separated part of a query: `%2B` stays encoded (so `+` keeps
/// meaning a plus), any other `%` is encoded.
fn normalize_query_pair(pair: &str) -> String {
    let raw = unencode(pair, b"+");
    let text = match String::from_utf8(raw) {
        Ok(text) if text.is_ascii() => text,
        Ok(text) => text.nfkc().collect(),
        Err(err) => {
            let mut out = String::new();
            encode_bytes(err.as_bytes(), reserved_or_unreserved, &mut out);
            return out;
        }
    };
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(bytes.len() + 8);
    for (i, &b) in bytes.iter().enumerate() {
        let plus = b == b'%' && matches!(bytes.get(i + 1..i + 3), Some(b"2B" | b"2b"));
        if plus || (b != b'%' && b.is_ascii() && query_char(b)) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Jekyll's `uri_escape`: `Addressable::URI.normalize_component(input)`.
pub fn uri_escape(input: &str) -> String {
    normalize_with(input, reserved_or_unreserved, &[])
}

/// Ruby's `CGI.escape`: `+` for space, `%XX` for all but `a-zA-Z0-9_.-~`.
pub fn cgi_escape(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    for &b in input.as_bytes() {
        if b == b' ' {
            out.push('+');
        } else if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The parts of a URI as `Addressable::URI.parse` splits them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Uri<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

impl<'a> Uri<'a> {
    /// Splits like Addressable's `URIREGEX`
    /// (`^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$`).
    pub fn parse(input: &'a str) -> Result<Uri<'a>, InvalidUri> {
        let uri = Uri::split(input);
        validate(&uri)?;
        Ok(uri)
    }

    fn split(input: &'a str) -> Uri<'a> {
        let mut rest = input;
        let mut uri = Uri::default();
        if let Some(end) = rest.find([':', '/', '?', '#']) {
            if end > 0 && rest.as_bytes()[end] == b':' {
                uri.scheme = Some(&rest[..end]);
                rest = &rest[end + 1..];
            }
        }
        if let Some(after) = rest.strip_prefix("//") {
            let end = after.find(['/', '?', '#']).unwrap_or(after.len());
            uri.authority = Some(&after[..end]);
            rest = &after[end..];
        }
        let end = rest.find(['?', '#']).unwrap_or(rest.len());
        uri.path = &rest[..end];
        rest = &rest[end..];
        if let Some(after) = rest.strip_prefix('?') {
            let end = after.find('#').unwrap_or(after.len());
            uri.query = Some(&after[..end]);
            rest = &after[end..];
        }
        if let Some(after) = rest.strip_prefix('#') {
            uri.fragment = Some(after);
        }
        uri
    }

    /// `Addressable::URI#absolute?`: the URI has a scheme.
    pub fn is_absolute(&self) -> bool {
        self.scheme.is_some()
    }

    /// `Addressable::URI#normalize.to_s`.
    pub fn normalize(&self) -> Result<String, InvalidUri> {
        let scheme = self.scheme.map(|s| {
            let lower = s.trim().to_ascii_lowercase();
            if lower == "ssh+svn" {
                "svn+ssh".to_owned()
            } else {
                normalize_with(&lower, scheme_char, &[])
            }
        });
        let authority = match self.authority {
            Some(a) => Some(normalize_authority(a, scheme.as_deref())?),
            None => None,
        };
        let mut path = self.normalized_path(scheme.as_deref());
        if authority.is_some() && !path.is_empty() && !path.starts_with('/') {
            path.insert(0, '/');
        }
        if authority.is_none() && path.starts_with("//") {
            return Err(InvalidUri(format!(
                "Cannot have a path with two leading slashes without an authority set: '{path}'"
            )));
        }
        let query = self.query.and_then(|q| {
            let parts: Vec<String> = q
                .split('&')
                .map(|pair| upcase_plus(normalize_query_pair(pair)))
                .collect();
            let joined = parts.join("&");
            (!joined.is_empty()).then_some(joined)
        });
        let fragment = self
            .fragment
            .map(|f| normalize_with(f, fragment_char, &[]))
            .filter(|f| !f.is_empty());
        let mut out = String::with_capacity(self.path.len() + 16);
        if let Some(s) = &scheme {
            out.push_str(s);
            out.push(':');
        }
        if let Some(a) = &authority {
            out.push_str("//");
            out.push_str(a);
        }
        out.push_str(&path);
        if let Some(q) = &query {
            out.push('?');
            out.push_str(q);
        }
        if let Some(f) = &fragment {
            out.push('#');
            out.push_str(f);
        }
        Ok(out)
    }

    fn normalized_path(&self, scheme: Option<&str>) -> String {
        let mut path = self.path.to_owned();
        // A relative path whose first segment holds a colon would read as a scheme.
        if self.scheme.is_none() && !path.starts_with('/') {
            if let Some(colon) = path.find(':') {
                if !path[..colon].contains('/') {
                    path.replace_range(colon..colon + 1, "%2F");
                }
            }
        }
        let trimmed =
            path.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\0' || c == '\x0B');
        let segments: Vec<String> = trimmed
            .split('/')
            .map(|segment| normalize_with(segment, pchar, &[]))
            .collect();
        let mut result = remove_dot_segments(&segments.join("/"));
        if result.is_empty() && matches!(scheme, Some("http" | "https" | "ftp" | "tftp")) {
            result.push('/');
        }
        result
    }
}

// `%2b` left encoded in a query is upcased, as Addressable does.
fn upcase_plus(s: String) -> String {
    if s.contains("%2b") {
        s.replace("%2b", "%2B")
    } else {
        s
    }
}

fn default_port(scheme: &str) -> Option<&'static str> {
    Some(match scheme {
        "http" => "80",
        "https" => "443",
        "ftp" => "21",
        "tftp" => "69",
        "sftp" | "ssh" | "svn+ssh" => "22",
        "telnet" => "23",
        "nntp" => "119",
        "gopher" => "70",
        "wais" => "210",
        "ldap" => "389",
        "prospero" => "1525",
        _ => return None,
    })
}

/// An authority split as Addressable splits it: user info, host, port.
fn split_authority(authority: &str) -> (Option<&str>, &str, Option<&str>) {
    let (userinfo, hostport) = match authority.find('@') {
        Some(at) if !authority[..at].contains(['[', ']']) => {
            (Some(&authority[..at]), &authority[at + 1..])
        }
        _ => (None, authority),
    };
    let (host, port) = match hostport.rfind(':') {
        Some(colon) if !hostport[colon + 1..].contains(['@', '[', ']']) => {
            (&hostport[..colon], Some(&hostport[colon + 1..]))
        }
        _ => (hostport, None),
    };
    (userinfo, host, port.filter(|p| !p.is_empty()))
}

/// The checks `Addressable::URI.new` makes (scheme format, port, host
/// characters, missing hierarchical part, ambiguous relative path).
fn validate(uri: &Uri<'_>) -> Result<(), InvalidUri> {
    if let Some(scheme) = uri.scheme {
        let b = scheme.as_bytes();
        let valid = b.first().is_some_and(u8::is_ascii_alphabetic)
            && b[1..]
                .iter()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'+' | b'-'));
        if !valid {
            return Err(InvalidUri(format!("Invalid scheme format: '{scheme}'")));
        }
    }
    let mut host_empty = true;
    if let Some(authority) = uri.authority {
        let (_, host, port) = split_authority(authority);
        if let Some(p) = port {
            let p = String::from_utf8_lossy(&unencode(p, &[])).into_owned();
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(InvalidUri(format!("Invalid port number: {p:?}")));
            }
        }
        if host.contains(|c: char| "<>{}/\\?#@\"".contains(c) || c.is_whitespace()) {
            return Err(InvalidUri(format!("Invalid character in host: '{host}'")));
        }
        if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
            if !inner
                .bytes()
                .all(|b| unreserved(b) || sub_delim(b) || b == b':')
            {
                return Err(InvalidUri(format!("Invalid character in host: '{host}'")));
            }
        }
        host_empty = host.is_empty();
    }
    let ip_based = uri
        .scheme
        .is_some_and(|s| default_port(&s.to_ascii_lowercase()).is_some());
    if ip_based && host_empty && uri.path.is_empty() {
        return Err(InvalidUri(
            "Absolute URI missing hierarchical segment".to_owned(),
        ));
    }
    if uri.scheme.is_none() && !uri.path.starts_with('/') {
        if let Some(colon) = uri.path.find(':') {
            if !uri.path[..colon].contains('/') {
                return Err(InvalidUri(format!(
                    "Cannot assemble URI string with ambiguous path: '{}'",
                    uri.path
                )));
            }
        }
    }
    Ok(())
}

fn normalize_authority(authority: &str, scheme: Option<&str>) -> Result<String, InvalidUri> {
    let (userinfo, host, port) = split_authority(authority);
    let mut out = String::new();
    if let Some(info) = userinfo {
        let info = info.trim();
        out.push_str(&normalize_with(
            info,
            |b| unreserved(b) || sub_delim(b) || b == b':',
            &[],
        ));
        out.push('@');
    }
    let host = host.trim().to_lowercase();
    let host = String::from_utf8_lossy(&unencode(&host, &[])).into_owned();
    let mut host = crate::liquid_ext::punycode::host_to_ascii(&host);
    if host.len() > 1 && host.ends_with('.') && !host.ends_with("..") {
        host.pop();
    }
    out.push_str(&normalize_with(&host, host_char, &[]));
    if let Some(p) = port {
        let p = p.trim_start_matches('0');
        let p = if p.is_empty() { "0" } else { p };
        if scheme.and_then(default_port) != Some(p) {
            out.push(':');
            out.push_str(p);
        }
    }
    Ok(out)
}

/// `Addressable::URI.normalize_path`: RFC 3986 dot-segment removal, applied
/// rule by rule until nothing changes, as Addressable does it.
fn remove_dot_segments(path: &str) -> String {
    let mut path = path.to_owned();
    loop {
        if let Some(p) = replace_self_refs(&path) {
            path = p;
            continue;
        }
        if let Some(p) = collapse_parent(&path) {
            path = p;
            continue;
        }
        if let Some(rest) = strip_leading_dots(&path) {
            path = rest;
            continue;
        }
        if let Some(p) = strip_prefixed_parent(&path) {
            path = p;
            continue;
        }
        return path;
    }
}

// `/./` → `/` (all, non-overlapping), and a trailing `/.` → `/`.
fn replace_self_refs(path: &str) -> Option<String> {
    let mut out = String::with_capacity(path.len());
    let mut changed = false;
    let mut rest = path;
    while !rest.is_empty() {
        if rest.starts_with("/./") {
            out.push('/');
            rest = &rest[3..];
            changed = true;
        } else if rest == "/." {
            out.push('/');
            rest = "";
            changed = true;
        } else {
            let c = rest.chars().next().unwrap_or('\0');
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    changed.then_some(out)
}

// The first `/seg/../` (or trailing `/seg/..`) decides which segment name is
// collapsed; every `/seg/../` with that name is replaced by `/`.
fn collapse_parent(path: &str) -> Option<String> {
    // Addressable's eligibility test always passes: one side is always nil.
    let (parent, current) = first_parent_pair(path)?;
    let mut out = String::with_capacity(path.len());
    let mut changed = false;
    let mut rest = path;
    let needle = format!("/{}/../", parent.unwrap_or(""));
    let tail = format!("/{}/..", current.unwrap_or(""));
    while !rest.is_empty() {
        if rest.starts_with(&needle) {
            out.push('/');
            rest = &rest[needle.len()..];
            changed = true;
        } else if rest == tail {
            out.push('/');
            rest = "";
            changed = true;
        } else {
            let c = rest.chars().next().unwrap_or('\0');
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    changed.then_some(out)
}

// Regex `/([^/]*)/\.\./|/([^/]*)/\.\.$`, first match scanning left to right.
fn first_parent_pair(path: &str) -> Option<(Option<&str>, Option<&str>)> {
    let bytes = path.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b != b'/' {
            continue;
        }
        let rest = &path[i + 1..];
        let end = rest.find('/')?;
        let seg = &rest[..end];
        let after = &rest[end..];
        if after.starts_with("/../") {
            return Some((Some(seg), None));
        }
        if after == "/.." {
            return Some((None, Some(seg)));
        }
    }
    None
}

// Regex `^\.\.?/?` → "".
fn strip_leading_dots(path: &str) -> Option<String> {
    let rest = path.strip_prefix("..").or_else(|| path.strip_prefix('.'))?;
    Some(rest.strip_prefix('/').unwrap_or(rest).to_owned())
}

// Regex `^/\.\.?/|^(/\.\.?)+/?$` → "/".
fn strip_prefixed_parent(path: &str) -> Option<String> {
    for prefix in ["/../", "/./"] {
        if let Some(rest) = path.strip_prefix(prefix) {
            return Some(format!("/{rest}"));
        }
    }
    let mut rest = path;
    let mut any = false;
    loop {
        if let Some(r) = rest.strip_prefix("/..") {
            rest = r;
        } else if let Some(r) = rest.strip_prefix("/.") {
            rest = r;
        } else {
            break;
        }
        any = true;
    }
    (any && (rest.is_empty() || rest == "/")).then(|| "/".to_owned())
}

/// `Addressable::URI.parse(input).normalize.to_s`.
pub fn normalize(input: &str) -> Result<String, InvalidUri> {
    if is_normal_path(input) {
        return Ok(input.to_owned());
    }
    Uri::parse(input)?.normalize()
}

/// Whether `input` is an absolute path that normalising leaves as it is:
/// `/` then segments of path characters only (nothing to decode or encode,
/// no scheme, authority, query or fragment), none of them `.` or `..`.
/// Nearly every `relative_url` result is one, so this skips the full parse.
pub fn is_normal_path(input: &str) -> bool {
    let b = input.as_bytes();
    if b.first() != Some(&b'/') || b.get(1) == Some(&b'/') {
        return false;
    }
    if !b.iter().all(|&c| PATH_BYTE[usize::from(c)]) {
        return false;
    }
    b[1..]
        .split(|&c| c == b'/')
        .all(|seg| seg != b"." && seg != b"..")
}

/// [`pchar`] and `/`, as a table: [`is_normal_path`] runs for every URL filter.
const PATH_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = pchar(c as u8) || c == b'/' as usize;
        c += 1;
    }
    t
};

/// Whether `url` is `http://` or `https://` and a host that normalising
/// leaves as it is (lower-case ASCII letters, digits, `-` and inner dots; no
/// port, user, path, query or fragment), so that `url` followed by a
/// [normal path](is_normal_path) is already normal: the usual `site.url`.
pub fn is_normal_origin(url: &str) -> bool {
    let Some(host) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    !host.is_empty()
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

/// Whether the input has a scheme, without Addressable's validation; see
/// [`checked_is_absolute`] for the validating form.
pub fn is_absolute(input: &str) -> bool {
    Uri::split(input).is_absolute()
}

/// `Addressable::URI.parse(input).absolute?`, failing where the parse does.
pub fn checked_is_absolute(input: &str) -> Result<bool, InvalidUri> {
    // A path starting with one `/` has no scheme and always parses.
    if input.starts_with('/') && !input.starts_with("//") {
        return Ok(false);
    }
    Uri::parse(input).map(|u| u.is_absolute())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values produced by Addressable 2.8.1 / Ruby 3.1 CGI.
    #[test]
    fn uri_escape_decodes_then_encodes() {
        assert_eq!(
            uri_escape("a b%20c%zz%41/?#[]@!$&'()*+,;=é%FF|{}\\^`\"<>"),
            "a%20b%20c%25zzA/?#[]@!$&'()*+,;=%C3%A9%FF%7C%7B%7D%5C%5E%60%22%3C%3E"
        );
        assert_eq!(
            uri_escape("x\u{FB01} e\u{301} %C3%A9 %e2%82%ac ~"),
            "xfi%20%C3%A9%20%C3%A9%20%E2%82%AC%20~"
        );
        assert_eq!(uri_escape("%"), "%25");
    }

    #[test]
    fn cgi_escape_like_ruby() {
        assert_eq!(
            cgi_escape("a b~c*d'e!f(g)h/é\0"),
            "a+b~c%2Ad%27e%21f%28g%29h%2F%C3%A9%00"
        );
    }

    #[test]
    fn normalize_removes_dot_segments() {
        assert_eq!(normalize("/a/./b/../c").unwrap(), "/a/c");
        assert_eq!(normalize("/../a").unwrap(), "/a");
        assert_eq!(
            normalize("HTTP://Example.COM:80/a b").unwrap(),
            "http://example.com/a%20b"
        );
    }

    #[test]
    fn normal_paths_take_the_fast_path_unchanged() {
        for input in ["/", "/a/b/", "/a-b_c~d/e.html", "/x:y@z/!$&'()*+,;="] {
            assert!(is_normal_path(input), "{input}");
            assert_eq!(Uri::parse(input).unwrap().normalize().unwrap(), input);
        }
        for input in [
            "", "a", "//a", "/a/./b", "/a/../b", "/a/.", "/..", "/a b", "/%41", "/a?q", "/a#f",
            "/é",
        ] {
            assert!(!is_normal_path(input), "{input}");
        }
    }

    #[test]
    fn normal_origins_with_normal_paths_normalize_to_themselves() {
        for origin in [
            "https://example.com",
            "http://a-b.example.edu",
            "http://127.0.0.1",
        ] {
            assert!(is_normal_origin(origin), "{origin}");
            for path in ["/", "/a/b/", "/feed.xml"] {
                let url = format!("{origin}{path}");
                assert_eq!(normalize(&url).unwrap(), url);
            }
        }
        for origin in [
            "https://Example.com",
            "HTTP://a.com",
            "http://a.com:80",
            "http://a.com.",
            "http://a.com/",
            "http://u@a.com",
            "http://",
            "ftp://a.com",
            "http://xn--bcher-kva.example",
        ] {
            if is_normal_origin(origin) {
                // Only names already in their ASCII form may pass.
                assert_eq!(
                    normalize(&format!("{origin}/")).unwrap(),
                    format!("{origin}/")
                );
            }
        }
    }

    #[test]
    fn odd_urls_do_not_panic() {
        for input in [
            "",
            "%",
            "%%",
            "%4",
            "%4g",
            "[",
            "]",
            "http://[::1]:80/",
            "http://a:b@c:d/",
            "//@",
            "//:",
            "http://ü.example/",
            "a\0b",
            "http:",
            "x:",
            ":",
            "?",
            "#",
            "//[v1.x]/",
            "http://x.com:0080",
            "/./../.",
            "\u{10FFFF}",
            "ﬁ%FF%C3",
        ] {
            let _ = normalize(input);
            let _ = uri_escape(input);
            let _ = cgi_escape(input);
            let _ = checked_is_absolute(input);
        }
    }
}
