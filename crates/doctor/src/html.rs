//! A small, forgiving HTML tag scanner: start tags with their attributes and
//! byte offsets, skipping comments and the raw text of `script` and `style`.
//! It only has to find links and ids in HTML that a site generator wrote.

/// A start tag.
#[derive(Debug)]
pub(crate) struct Tag {
    /// Lower-cased element name.
    pub(crate) name: String,
    /// Its attributes, in order.
    pub(crate) attrs: Vec<Attr>,
}

/// One attribute of a start tag.
#[derive(Debug)]
pub(crate) struct Attr {
    /// Lower-cased attribute name.
    pub(crate) name: String,
    /// The value with character references decoded.
    pub(crate) value: String,
    /// Byte offset of the value (or of the name, for a bare attribute).
    pub(crate) offset: usize,
}

impl Tag {
    pub(crate) fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|a| a.name == name)
    }
}

/// Every start tag in `html`.
pub(crate) fn tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(found) = memchr(b'<', &bytes[i..]) {
        i += found;
        if html[i..].starts_with("<!--") {
            i = html[i + 4..]
                .find("-->")
                .map_or(bytes.len(), |e| i + 4 + e + 3);
            continue;
        }
        let name_start = i + 1;
        let name_end = name_start
            + bytes[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
                .count();
        if name_end == name_start || !bytes[name_start].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let name = html[name_start..name_end].to_ascii_lowercase();
        let (attrs, end) = attributes(html, name_end);
        i = end;
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            i = find_ascii_ci(html, i, &close).unwrap_or(bytes.len());
        }
        out.push(Tag { name, attrs });
    }
    out
}

fn attributes(html: &str, mut i: usize) -> (Vec<Attr>, usize) {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return (attrs, i);
        }
        if bytes[i] == b'>' {
            return (attrs, i + 1);
        }
        let name_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let name = html[name_start..i].to_ascii_lowercase();
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'=' {
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let (value_start, value_end, next) = match bytes.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = memchr(q, &bytes[j + 1..]).map_or(bytes.len(), |e| j + 1 + e);
                    (j + 1, end, (end + 1).min(bytes.len()))
                }
                _ => {
                    let end = j + bytes[j..]
                        .iter()
                        .take_while(|b| !b.is_ascii_whitespace() && **b != b'>')
                        .count();
                    (j, end, end)
                }
            };
            attrs.push(Attr {
                name,
                value: decode_entities(&html[value_start..value_end]),
                offset: value_start,
            });
            i = next;
        } else {
            if name.is_empty() {
                i += 1;
                continue;
            }
            attrs.push(Attr {
                name,
                value: String::new(),
                offset: name_start,
            });
        }
    }
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find_ascii_ci(html: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = html.as_bytes();
    let needle = needle.as_bytes();
    (from..hay.len().saturating_sub(needle.len() - 1))
        .find(|&k| hay[k..k + needle.len()].eq_ignore_ascii_case(needle))
}

/// Decodes the character references a generator writes in attributes.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest[1..].find(';').map(|k| k + 1).filter(|&k| k <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_tags_and_attributes_with_offsets() {
        let html = "<p>x</p><a class=btn href=\"/a?x=1&amp;y=2\" download>go</a><img src='i.png'>";
        let found = tags(html);
        let a = found.iter().find(|t| t.name == "a").unwrap();
        let href = a.attr("href").unwrap();
        assert_eq!(href.value, "/a?x=1&y=2");
        assert_eq!(&html[href.offset..href.offset + 2], "/a");
        assert_eq!(a.attr("class").unwrap().value, "btn");
        assert!(a.attr("download").is_some());
        assert_eq!(
            found
                .iter()
                .find(|t| t.name == "img")
                .unwrap()
                .attr("src")
                .unwrap()
                .value,
            "i.png"
        );
    }

    #[test]
    fn skips_comments_and_script_text() {
        let html =
            "<!-- <a href=\"/c\"> --><script>var s = '<a href=\"/s\">';</script><a href=\"/real\">";
        let hrefs: Vec<String> = tags(html)
            .iter()
            .filter_map(|t| t.attr("href"))
            .map(|a| a.value.clone())
            .collect();
        assert_eq!(hrefs, vec!["/real"]);
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a&amp;b&#39;c&#x41;&bogus;&"),
            "a&b'cA&bogus;&"
        );
    }
}
