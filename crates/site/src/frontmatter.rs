//! Front matter: detecting it and splitting it from the content.
//!
//! A file has front matter when its first line is `---` followed only by
//! whitespace (Jekyll's `has_yaml_header?`). The block runs to the next line
//! that is `---` or `...`; the YAML text handed to the parser includes the
//! opening `---` line, as Jekyll's regexp captures it, so line numbers in YAML
//! errors are line numbers in the file.

/// Whether `bytes` starts with a front-matter header line.
pub fn has_front_matter(bytes: &[u8]) -> bool {
    if !bytes.starts_with(b"---") {
        return false;
    }
    for &b in &bytes[3..] {
        match b {
            b'\n' => return true,
            b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => {}
            _ => return false,
        }
    }
    false
}

/// A file split into its front matter (YAML text) and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML text, starting with the `---` line.
    pub yaml: &'a str,
    /// The content after the closing line.
    pub content: &'a str,
    /// 1-based line where the content starts.
    pub content_line: usize,
}

/// Splits `text` as Jekyll's `YAML_FRONT_MATTER_REGEXP` does, or `None` when
/// there is no complete front-matter block (the whole text is content then).
pub fn split(text: &str) -> Option<Split<'_>> {
    // `\A---\s*\n`: `\s*` may span blank lines, as in Ruby.
    let rest = text.strip_prefix("---")?;
    let ws = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_ascii_whitespace())
            .len();
    let head = &rest[..ws];
    let nl = head.rfind('\n')?;
    let body_start = 3 + nl + 1;
    // Find a line `---` or `...` followed by optional whitespace up to end of line.
    // The lazy `.*?\n?` lets the closing line be the very next line.
    let mut pos = body_start;
    // The closing line may also directly follow the header (empty front matter).
    loop {
        let line_end = text[pos..]
            .find('\n')
            .map(|i| pos + i)
            .unwrap_or(text.len());
        let line = &text[pos..line_end];
        if line.starts_with("---") || line.starts_with("...") {
            // `\s*$\n?`: greedy whitespace, so blank lines after the closing
            // line are swallowed too, back to the last line end.
            let after = pos + 3;
            let ws_end = after + text[after..].len()
                - text[after..]
                    .trim_start_matches(|c: char| c.is_ascii_whitespace())
                    .len();
            let stop = if ws_end == text.len() {
                Some(text.len())
            } else {
                text[after..ws_end].rfind('\n').map(|i| after + i)
            };
            if let Some(k) = stop {
                let yaml = &text[..pos];
                let content_start = if k < text.len() { k + 1 } else { k };
                let content_line = text[..content_start].matches('\n').count() + 1;
                return Some(Split {
                    yaml,
                    content: &text[content_start..],
                    content_line,
                });
            }
        }
        if line_end >= text.len() {
            return None;
        }
        pos = line_end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_split() {
        let s = split("---\ntitle: x\n---\nbody\n").unwrap();
        assert_eq!(s.yaml, "---\ntitle: x\n");
        assert_eq!(s.content, "body\n");
        assert_eq!(s.content_line, 4);
        assert_eq!(split("---\na: 1\n---\n\n\n  x").unwrap().content, "  x");
        let e = split("---\n---\nhi").unwrap();
        assert_eq!(e.content, "hi");
        assert!(split("---\ntitle: x\n").is_none());
        assert!(has_front_matter(b"---  \r\nx"));
        assert!(!has_front_matter(b"----\n"));
    }
}
