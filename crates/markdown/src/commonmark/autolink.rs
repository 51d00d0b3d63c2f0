//! cmark-gfm's `autolink` extension over pulldown-cmark's events: bare
//! `www.` domains (linked as `http://…`), `http://`, `https://` and `ftp://`
//! URLs, and e-mail addresses (`mailto:`), found in text outside links and
//! code, with GFM's rules for the domain and for trailing punctuation.

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

/// Rewrites text events, turning bare URLs and addresses into links.
/// `escaped[i]` tells whether event `i` begins with a backslash-escaped bracket.
pub(super) fn apply<'a>(events: Vec<Event<'a>>, escaped: &[bool]) -> Vec<Event<'a>> {
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    let mut skip = 0usize; // inside a link, image, code block or HTML block
                           // Merged text, whether `www.` may start it, offsets of escaped brackets.
    let mut pending: Option<Pending> = None;
    let mut prev_ok = true;
    // Unclosed `[` in the current block: cmark-gfm links nothing after one.
    let mut brackets = 0usize;
    for (i, ev) in events.into_iter().enumerate() {
        if let (Event::Text(t), 0) = (&ev, skip) {
            let p = pending.get_or_insert_with(|| Pending {
                text: String::new(),
                www_ok: prev_ok,
                escaped: Vec::new(),
            });
            if escaped.get(i).copied().unwrap_or(false) {
                p.escaped.push(p.text.len());
            }
            p.text.push_str(t);
            continue;
        }
        if let Some(p) = pending.take() {
            link_text(&p, &mut brackets, &mut out);
        }
        if let Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell | Tag::Item) = &ev
        {
            brackets = 0;
        }
        match &ev {
            Event::Start(
                Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_) | Tag::HtmlBlock,
            ) => skip += 1,
            Event::End(TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock | TagEnd::HtmlBlock) => {
                skip = skip.saturating_sub(1)
            }
            _ => {}
        }
        // What precedes the next text: emphasis delimiters, line breaks and
        // block starts allow a `www.` link; code, HTML and link ends do not.
        prev_ok = match &ev {
            Event::Code(_) | Event::InlineHtml(_) | Event::FootnoteReference(_) => false,
            Event::End(TagEnd::Link | TagEnd::Image) => false,
            Event::Text(t) => t.ends_with(|c: char| c.is_whitespace() || "*_~(".contains(c)),
            _ => true,
        };
        out.push(ev);
    }
    if let Some(p) = pending.take() {
        link_text(&p, &mut brackets, &mut out);
    }
    out
}

/// A run of text events, merged.
struct Pending {
    text: String,
    www_ok: bool,
    /// Byte offsets of backslash-escaped brackets in `text`.
    escaped: Vec<usize>,
}

/// Splits `text` into text and links.
fn link_text(p: &Pending, brackets: &mut usize, out: &mut Vec<Event<'_>>) {
    let (text, www_ok_at_start) = (p.text.as_str(), p.www_ok);
    let b = text.as_bytes();
    let mut last = 0; // start of text not yet written
    let mut i = 0;
    while i < b.len() {
        let found = match b[i] {
            b'[' | b']' if p.escaped.contains(&i) => None,
            b'[' => {
                *brackets += 1;
                None
            }
            b']' => {
                *brackets = brackets.saturating_sub(1);
                None
            }
            _ if *brackets > 0 => None,
            b'w' => {
                let ok = if i == 0 {
                    www_ok_at_start
                } else {
                    b"*_~(".contains(&b[i - 1]) || is_space(b[i - 1])
                };
                if ok {
                    www_match(&text[i..])
                        .map(|len| (i, i + len, format!("http://{}", &text[i..i + len])))
                } else {
                    None
                }
            }
            b':' => url_match(text, last, i)
                .map(|(start, end)| (start, end, text[start..end].to_string())),
            _ => None,
        };
        match found {
            Some((start, end, url)) => {
                emails(&text[last..start], out);
                push_link(out, url, &text[start..end]);
                last = end;
                i = end;
            }
            None => i += 1,
        }
    }
    emails(&text[last..], out);
}

fn push_link(out: &mut Vec<Event<'_>>, url: String, text: &str) {
    out.push(Event::Start(Tag::Link {
        link_type: LinkType::Autolink,
        dest_url: CowStr::from(url),
        title: CowStr::from(""),
        id: CowStr::from(""),
    }));
    out.push(Event::Text(CowStr::from(text.to_string())));
    out.push(Event::End(TagEnd::Link));
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// A host name character: ASCII alphanumeric, or any non-ASCII byte.
fn is_host(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

/// `www.domain…` at the start of `s`: the length linked.
fn www_match(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !s.starts_with("www.") {
        return None;
    }
    let mut end = check_domain(b, false)?;
    while end < b.len() && !is_space(b[end]) && b[end] != b'<' {
        end += 1;
    }
    let end = trim_end(b, end);
    (end > 0).then_some(end)
}

/// `scheme://domain…` around the `:` at `colon`: the byte range linked. The
/// scheme is the run of letters before the colon (not before `floor`).
fn url_match(text: &str, floor: usize, colon: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    if b.len() < colon + 4 || b[colon + 1] != b'/' || b[colon + 2] != b'/' {
        return None;
    }
    let mut start = colon;
    while start > floor && b[start - 1].is_ascii_alphabetic() {
        start -= 1;
    }
    let scheme = &text[start..colon];
    let safe = ["http", "https", "ftp"]
        .iter()
        .any(|s| scheme.eq_ignore_ascii_case(s));
    if !safe || !b.get(colon + 3).is_some_and(|&c| is_host(c)) {
        return None;
    }
    let domain = check_domain(&b[colon + 3..], true)?;
    let mut end = colon + 3 + domain;
    while end < b.len() && !is_space(b[end]) && b[end] != b'<' {
        end += 1;
    }
    let len = trim_end(&b[colon..], end - colon);
    (len > 0).then_some((start, colon + len))
}

/// GFM's domain check: host characters, `-`, `_` and `.`; no `_` in the
/// last two labels; at least one `.` unless `allow_short`. The scan starts
/// at the second byte and stops before the last, as cmark-gfm's does.
fn check_domain(b: &[u8], allow_short: bool) -> Option<usize> {
    let (mut np, mut us1, mut us2) = (0, 0, 0);
    let mut i = 1;
    while i + 1 < b.len() {
        match b[i] {
            b'_' => us2 += 1,
            b'.' => {
                us1 = us2;
                us2 = 0;
                np += 1;
            }
            c if is_host(c) || c == b'-' => {}
            _ => break,
        }
        i += 1;
    }
    if us1 > 0 || us2 > 0 || (!allow_short && np == 0) || i == 0 {
        return None;
    }
    Some(i)
}

/// GFM's trailing punctuation rule: drop `?!.,:*_~'"`, an entity-like
/// `&name;`, and unbalanced closing parentheses; stop at `<`.
fn trim_end(b: &[u8], mut end: usize) -> usize {
    if let Some(lt) = b[..end].iter().position(|&c| c == b'<') {
        end = lt;
    }
    let open = b[..end].iter().filter(|&&c| c == b'(').count();
    let mut close = b[..end].iter().filter(|&&c| c == b')').count();
    while end > 0 {
        match b[end - 1] {
            b')' => {
                if close <= open {
                    return end;
                }
                close -= 1;
                end -= 1;
            }
            b'?' | b'!' | b'.' | b',' | b':' | b'*' | b'_' | b'~' | b'\'' | b'"' => end -= 1,
            b';' => {
                let mut j = end.saturating_sub(2);
                while j > 0 && b[j].is_ascii_alphabetic() {
                    j -= 1;
                }
                if j + 2 < end && b[j] == b'&' {
                    end = j;
                } else {
                    end -= 1;
                }
            }
            _ => return end,
        }
    }
    end
}

/// E-mail addresses in plain text (cmark-gfm's text post-processing); a
/// `mailto:` or `xmpp:` written before the address joins the link.
fn emails(text: &str, out: &mut Vec<Event<'_>>) {
    let b = text.as_bytes();
    let mut last = 0;
    let mut from = 0;
    while let Some(rel) = b[from..].iter().position(|&c| c == b'@') {
        let at = from + rel;
        let mut start = at;
        let mut scheme = None;
        while start > last {
            let c = b[start - 1];
            if c.is_ascii_alphanumeric() || b".+-_".contains(&c) {
                start -= 1;
                continue;
            }
            if c == b':' && scheme.is_none() {
                let found = ["mailto", "xmpp"].into_iter().find(|p| {
                    text[last..start - 1].ends_with(p)
                        && (start - 1 - p.len() == last
                            || !b[start - 2 - p.len()].is_ascii_alphanumeric())
                });
                if let Some(p) = found {
                    scheme = Some(p);
                    start -= 1;
                    continue;
                }
            }
            break;
        }
        if start == at {
            from = at + 1;
            continue;
        }
        let xmpp = scheme == Some("xmpp");
        let mut end = at + 1;
        let mut np = 0;
        let mut again = false;
        while end < b.len() {
            let c = b[end];
            if c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || (c == b'/' && xmpp) {
                end += 1;
            } else if c == b'.' && b.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
                np += 1;
                end += 1;
            } else if c == b'@' {
                again = true;
                break;
            } else {
                break;
            }
        }
        if again {
            from = end;
            continue;
        }
        let tail = b[end - 1];
        if end - at < 2 || np == 0 || !(tail.is_ascii_alphabetic() || tail == b'.') {
            from = end.max(at + 1);
            continue;
        }
        let len = trim_end(&b[at..], end - at);
        if len == 0 {
            from = at + 1;
            continue;
        }
        let end = at + len;
        if last < start {
            out.push(Event::Text(CowStr::from(text[last..start].to_string())));
        }
        let prefix = if scheme.is_some() { "" } else { "mailto:" };
        push_link(
            out,
            format!("{prefix}{}", &text[start..end]),
            &text[start..end],
        );
        last = end;
        from = end;
    }
    if last < text.len() {
        out.push(Event::Text(CowStr::from(text[last..].to_string())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        let p = Pending {
            text: s.to_string(),
            www_ok: true,
            escaped: Vec::new(),
        };
        link_text(&p, &mut 0, &mut out);
        out.iter()
            .filter_map(|e| match e {
                Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn gfm_autolinks() {
        assert_eq!(
            links("see www.commonmark.org."),
            ["http://www.commonmark.org"]
        );
        assert_eq!(links("x http://a.b/c_(d)) y"), ["http://a.b/c_(d)"]);
        assert_eq!(links("mail foo.bar@ex.co.uk."), ["mailto:foo.bar@ex.co.uk"]);
        assert!(links("awww.x.com and nohttp:/x").is_empty());
        assert!(links("[open http://x.com").is_empty());
        assert_eq!(links("a https://x.org/?q=1&amp;"), ["https://x.org/?q=1"]);
    }
}
