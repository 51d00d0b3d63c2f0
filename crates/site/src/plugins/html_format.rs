//! The HTML round trip jemoji and jekyll-mentions put a page through (the
//! Ruby plugins parse it as a fragment with Nokogiri and print it again with
//! libxml2's formatting): a leading `<!DOCTYPE>` is dropped and newlines are
//! added around block children as libxml2's serializer adds them.
//!
//! Tags and text are otherwise kept as written; see docs/compat.md.

/// Elements libxml2 knows as inline (no newlines added around them).
const INLINE: &[&str] = &[
    "a", "abbr", "acronym", "applet", "b", "basefont", "bdo", "big", "br", "button", "cite",
    "code", "dfn", "em", "font", "i", "iframe", "img", "input", "kbd", "label", "map", "object",
    "q", "s", "samp", "script", "select", "small", "span", "strike", "strong", "sub", "sup",
    "textarea", "tt", "u", "var",
];

/// Block elements libxml2's HTML 4 table knows (HTML5 elements are unknown to it).
const BLOCK: &[&str] = &[
    "address",
    "area",
    "base",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "del",
    "dir",
    "div",
    "dl",
    "dt",
    "embed",
    "fieldset",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "html",
    "ins",
    "isindex",
    "legend",
    "li",
    "link",
    "menu",
    "meta",
    "noframes",
    "noscript",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "pre",
    "style",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

const VOID: &[&str] = &[
    "area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input", "isindex",
    "link", "meta", "param", "source", "track", "wbr",
];

enum Node {
    Element {
        name: String,
        start: String,
        children: Vec<Node>,
    },
    Text(String),
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Parses a fragment into a forest; unmatched end tags are dropped, open
/// elements are closed at the end.
fn parse(html: &str) -> Vec<Node> {
    // A stack of open elements: (name, start tag, children).
    let mut stack: Vec<(String, String, Vec<Node>)> =
        vec![(String::new(), String::new(), Vec::new())];
    let mut rest = html;
    fn push(stack: &mut [(String, String, Vec<Node>)], n: Node) {
        if let Some(top) = stack.last_mut() {
            top.2.push(n);
        }
    }
    fn close(stack: &mut Vec<(String, String, Vec<Node>)>) {
        if stack.len() > 1 {
            if let Some((name, start, children)) = stack.pop() {
                push(
                    stack,
                    Node::Element {
                        name,
                        start,
                        children,
                    },
                );
            }
        }
    }
    while !rest.is_empty() {
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map(|i| i + 3).unwrap_or(rest.len());
            push(&mut stack, Node::Text(rest[..end].to_string()));
            rest = &rest[end..];
            continue;
        }
        let is_tag = rest.starts_with('<')
            && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        if !is_tag {
            // Skip the first character whole (it may be multi-byte).
            let first = rest.chars().next().map_or(1, char::len_utf8);
            let end = rest[first..]
                .find('<')
                .map(|i| i + first)
                .unwrap_or(rest.len());
            push(&mut stack, Node::Text(rest[..end].to_string()));
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('>').map(|i| i + 1).unwrap_or(rest.len());
        let tag = &rest[..end];
        rest = &rest[end..];
        if tag.starts_with("<!") {
            // A doctype: a fragment has none.
            continue;
        }
        let name = tag_name(tag);
        if tag.starts_with("</") {
            if let Some(pos) = stack.iter().rposition(|(n, _, _)| *n == name) {
                if pos > 0 {
                    while stack.len() > pos {
                        close(&mut stack);
                    }
                }
            }
            continue;
        }
        if VOID.contains(&name.as_str()) {
            let start = match tag.strip_suffix("/>") {
                Some(s) => format!("{}>", s.trim_end()),
                None => tag.to_string(),
            };
            push(
                &mut stack,
                Node::Element {
                    name,
                    start,
                    children: Vec::new(),
                },
            );
            continue;
        }
        if name == "script" || name == "style" {
            let close_tag = format!("</{name}");
            let body_end = rest
                .to_ascii_lowercase()
                .find(&close_tag)
                .unwrap_or(rest.len());
            let body = rest[..body_end].to_string();
            rest = &rest[body_end..];
            let after = rest.find('>').map(|i| i + 1).unwrap_or(rest.len());
            rest = &rest[after..];
            let children = if body.is_empty() {
                Vec::new()
            } else {
                vec![Node::Text(body)]
            };
            push(
                &mut stack,
                Node::Element {
                    name,
                    start: tag.to_string(),
                    children,
                },
            );
            continue;
        }
        stack.push((name, tag.to_string(), Vec::new()));
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    stack.pop().map(|(_, _, c)| c).unwrap_or_default()
}

fn is_block(name: &str) -> bool {
    BLOCK.contains(&name) && !INLINE.contains(&name)
}

fn write(node: &Node, parent: Option<&str>, next: Option<&Node>, out: &mut String) {
    match node {
        Node::Text(t) => out.push_str(t),
        Node::Element {
            name,
            start,
            children,
        } => {
            out.push_str(start);
            if VOID.contains(&name.as_str()) {
                // Nothing inside, no end tag.
            } else {
                let formats = is_block(name) && !name.starts_with('p') && children.len() > 1;
                if formats && !matches!(children.first(), Some(Node::Text(_))) {
                    out.push('\n');
                }
                for (i, c) in children.iter().enumerate() {
                    write(c, Some(name), children.get(i + 1), out);
                }
                if formats && !matches!(children.last(), Some(Node::Text(_))) {
                    out.push('\n');
                }
                out.push_str("</");
                out.push_str(name);
                out.push('>');
            }
            let newline_after = is_block(name)
                && matches!(next, Some(Node::Element { .. }))
                && parent.is_some_and(|p| !p.starts_with('p'));
            if newline_after {
                out.push('\n');
            }
        }
    }
}

/// Splits a page as the plugins do: up to and including `<body…>` and the
/// whitespace after it, the body, and from `</body>` on. Without a body tag,
/// the whole page is the body.
pub fn split_body(html: &str) -> (&str, &str, &str) {
    match html.find("<body") {
        Some(start) => {
            let open_end = html[start..]
                .find('>')
                .map(|i| start + i + 1)
                .unwrap_or(html.len());
            let ws = html[open_end..].len() - html[open_end..].trim_start().len();
            let body_start = open_end + ws;
            let body_end = html[body_start..]
                .find("</body>")
                .map(|i| body_start + i)
                .unwrap_or(html.len());
            (
                &html[..body_start],
                &html[body_start..body_end],
                &html[body_end..],
            )
        }
        None => ("", html, ""),
    }
}

/// Parses and prints `html` as the Ruby plugins' round trip does.
pub fn round_trip(html: &str) -> String {
    let nodes = parse(html);
    let mut out = String::with_capacity(html.len() + 16);
    for n in &nodes {
        write(n, None, None, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doctype_goes_and_block_children_get_newlines() {
        let html = "<!DOCTYPE html><title>T</title><main><div class=\"home\"><p>a</p>\n\n<p>b</p>\n</div>\n</main>\n";
        assert_eq!(
            round_trip(html),
            "<title>T</title><main><div class=\"home\">\n<p>a</p>\n\n<p>b</p>\n</div>\n</main>\n"
        );
    }

    #[test]
    fn void_elements_lose_their_slash() {
        assert_eq!(round_trip("<p>a<br />b</p>"), "<p>a<br>b</p>");
    }

    #[test]
    fn sibling_blocks_are_separated() {
        assert_eq!(
            round_trip("<div><ul><li>x</li></ul><ul><li>y</li></ul></div>"),
            "<div>\n<ul><li>x</li></ul>\n<ul><li>y</li></ul>\n</div>"
        );
    }

    #[test]
    fn text_starting_with_a_multibyte_character_does_not_panic() {
        assert_eq!(round_trip("Ünï <b>x</b> é"), "Ünï <b>x</b> é");
    }
}
