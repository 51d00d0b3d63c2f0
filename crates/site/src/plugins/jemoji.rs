//! jemoji 0.13: `:shortcode:` in rendered HTML becomes GitHub's emoji image,
//! except inside `pre`, `code` and `tt` elements and inside tags.
//!
//! jemoji runs html-pipeline's `EmojiFilter` over the `<body>` of each
//! written HTML page or document (the whole output when there is no
//! `<body`), with the `align` attribute removed, so an emoji becomes
//! `<img class="emoji" title=":name:" alt=":name:" src="…" height="20"
//! width="20">`. The filter skips text below `pre`, `code` and `tt` only
//! (`script` and `style` are not skipped). The shortcodes are GitHub's
//! (gemoji's) set, as carried by the `emojis` crate. Images point at
//! `emoji.src`, else at `$ASSET_HOST_URL/images/icons/`, else at GitHub's
//! asset host: `<src>emoji/unicode/<codepoints>.png`.

use hyde_liquid::Value;

use super::util;
use crate::site::Site;

/// GitHub's emoji asset root.
const DEFAULT_SRC: &str = "https://github.githubassets.com/images/icons/";

/// The asset root: `emoji.src` from the configuration, or GitHub's.
fn asset_root(site: &Site) -> String {
    match util::config_in(site, "emoji", "src") {
        Some(v @ Value::Str(_)) => v.to_liquid_string(),
        _ => match std::env::var("ASSET_HOST_URL") {
            Ok(host) if !host.is_empty() => format!("{}/images/icons/", host.trim_end_matches('/')),
            _ => DEFAULT_SRC.to_string(),
        },
    }
}

/// gemoji's `image_filename`: the code points in hex, without variation
/// selectors and zero-width joiners at the end of a group.
fn image_filename(emoji: &str) -> String {
    let hex: Vec<String> = emoji.chars().map(|c| format!("{:04x}", c as u32)).collect();
    let joined = hex.join("-");
    let mut out = String::new();
    for (i, part) in joined.split('-').enumerate() {
        if i > 0 && (part == "fe0f" || part == "200d") {
            continue;
        }
        if i > 0 {
            out.push('-');
        }
        out.push_str(part);
    }
    format!("unicode/{out}.png")
}

/// Appends the `<img>` for the shortcode `name` of `emoji`.
fn push_image(root: &str, name: &str, emoji: &emojis::Emoji, out: &mut String) {
    use std::fmt::Write;
    let slash = if root.ends_with('/') { "" } else { "/" };
    let _ = write!(
        out,
        "<img class=\"emoji\" title=\":{name}:\" alt=\":{name}:\" src=\"{root}{slash}emoji/{}\" height=\"20\" width=\"20\">",
        image_filename(emoji.as_str())
    );
}

/// Whether jemoji processes a document (`Jekyll::Emoji.emojiable?`): pages
/// and written documents whose output extension is `.html`, and anything
/// whose `permalink` ends in `/`.
pub fn emojiable(doc: &crate::document::Document) -> bool {
    let written = matches!(doc.kind, crate::document::Kind::Page) || doc.write;
    let permalink_dir = doc
        .data
        .get(&Value::str("permalink"))
        .is_some_and(|p| p.to_liquid_string().ends_with('/'));
    (written && doc.output_ext == ".html") || permalink_dir
}

/// Replaces shortcodes in text outside tags and outside `pre`/`code`/`tt`.
pub fn emojify(site: &Site, html: &str) -> String {
    if !html.contains(':') {
        return html.to_string();
    }
    emojify_with(&asset_root(site), html)
}

fn emojify_with(root: &str, html: &str) -> String {
    if !has_shortcode(html) {
        return html.to_string();
    }
    let (head, body, tail) = super::html_format::split_body(html);
    let replaced = replace_outside_code(root, body);
    // The plugin prints the body back through Nokogiri.
    format!("{head}{}{tail}", super::html_format::round_trip(&replaced))
}

/// Whether the page has a shortcode of GitHub's set anywhere.
fn has_shortcode(html: &str) -> bool {
    shortcodes(html).next().is_some()
}

fn replace_outside_code(root: &str, html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut ignored_depth = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        if rest.starts_with('<') {
            let end = rest.find('>').map(|i| i + 1).unwrap_or(rest.len());
            let tag = &rest[..end];
            let name: String = tag
                .trim_start_matches('<')
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if matches!(name.as_str(), "pre" | "code" | "tt") {
                if tag.starts_with("</") {
                    ignored_depth = ignored_depth.saturating_sub(1);
                } else if !tag.ends_with("/>") {
                    ignored_depth += 1;
                }
            }
            out.push_str(tag);
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..end];
        if ignored_depth > 0 {
            out.push_str(text);
        } else {
            replace_text(root, text, &mut out);
        }
        rest = &rest[end..];
    }
    out
}

fn replace_text(root: &str, text: &str, out: &mut String) {
    let mut copied = 0;
    for (start, end, emoji) in shortcodes(text) {
        out.push_str(&text[copied..start]);
        push_image(root, &text[start + 1..end - 1], emoji, out);
        copied = end;
    }
    out.push_str(&text[copied..]);
}

/// The `:name:` shortcodes of GitHub's set in `text`, left to right, as
/// (start, end) byte ranges with their emoji. A colon that closes one
/// shortcode does not open the next.
fn shortcodes(text: &str) -> impl Iterator<Item = (usize, usize, &'static emojis::Emoji)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let start = i;
            i += 1;
            if bytes[start] != b':' {
                continue;
            }
            let name_len = bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-'))
                .count();
            let close = i + name_len;
            if name_len > 0 && close < bytes.len() && bytes[close] == b':' {
                if let Some(emoji) = emojis::get_by_shortcode(&text[i..close]) {
                    i = close + 1;
                    return Some((start, i, emoji));
                }
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcodes_become_images() {
        let out = emojify_with(DEFAULT_SRC, "<p>Hi :smile: and :+1:</p>");
        assert!(out.contains("title=\":smile:\" alt=\":smile:\" src=\"https://github.githubassets.com/images/icons/emoji/unicode/1f604.png\""));
        assert!(out.contains("emoji/unicode/1f44d.png"));
    }

    #[test]
    fn code_and_unknown_names_are_left_alone() {
        let html = "<code>:smile:</code><pre>:smile:</pre> :not_an_emoji_at_all: <a title=\":smile:\">x</a>";
        assert_eq!(replace_outside_code(DEFAULT_SRC, html), html);
        assert_eq!(
            emojify_with(DEFAULT_SRC, "<p>:not_an_emoji_at_all:</p>"),
            "<p>:not_an_emoji_at_all:</p>"
        );
    }

    #[test]
    fn emoji_src_is_honoured() {
        let out = emojify_with("https://cdn.example.org/", ":tada:");
        assert!(out.contains("src=\"https://cdn.example.org/emoji/unicode/1f389.png\""));
    }

    /// Pages run through html-pipeline 2.14's real `EmojiFilter` and
    /// Nokogiri as jemoji 0.13 calls them (`jemoji_corpus/generate.rb`, with
    /// a stand-in for the gemoji gem, which Debian does not package).
    #[test]
    fn jemoji_corpus_matches_html_pipeline() {
        let cases = include_str!("jemoji_corpus/cases.txt");
        let expected = include_str!("jemoji_corpus/expected.txt");
        let cases: Vec<&str> = cases.split("\n=====\n").collect();
        let expected: Vec<&str> = expected.split("\n=====\n").collect();
        assert_eq!(cases.len(), expected.len());
        let mut differ = Vec::new();
        for (i, (case, want)) in cases.iter().zip(&expected).enumerate() {
            let got = emojify_with(DEFAULT_SRC, case);
            if got != *want {
                differ.push(format!(
                    "case {i}:\n  expected: {want:?}\n  hyde:     {got:?}"
                ));
            }
        }
        assert!(
            differ.is_empty(),
            "{} of {} cases differ:\n{}",
            differ.len(),
            cases.len(),
            differ.join("\n")
        );
    }

    #[test]
    fn emoji_markup_has_no_align_attribute() {
        // jemoji passes `img_attrs: {align: nil}` to the filter (its spec's
        // expected markup has no `align`).
        let out = emojify_with(DEFAULT_SRC, "<p>:+1:</p>");
        assert_eq!(
            out,
            "<p><img class=\"emoji\" title=\":+1:\" alt=\":+1:\" src=\"https://github.githubassets.com/images/icons/emoji/unicode/1f44d.png\" height=\"20\" width=\"20\"></p>"
        );
    }

    #[test]
    fn shortcodes_in_script_and_style_are_replaced_too() {
        // The filter skips only `pre`, `code` and `tt` ancestors.
        let out = replace_outside_code(DEFAULT_SRC, "<style>:smile:</style>");
        assert!(out.contains("<img"), "{out}");
    }
}
