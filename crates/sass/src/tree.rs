//! A small CSS tree read back from grass's output.
//!
//! grass already writes CSS close to dart-sass's; rather than re-deriving the
//! layout we keep each statement's raw text and only its shape (comment,
//! declaration, block, bodiless at-rule) plus where grass left blank lines, so
//! `format` can apply dart-sass's rules node by node and write the rest back
//! unchanged. The reader never fails: unbalanced input simply ends the tree.

/// A parsed stylesheet.
#[derive(Debug, Default, Clone)]
pub(crate) struct Sheet {
    /// Compressed output starts with a byte-order mark instead of `@charset`.
    pub(crate) bom: bool,
    pub(crate) items: Vec<Item>,
}

/// One node with the layout grass gave it.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// grass left an empty line before this node (expanded style).
    pub(crate) blank_before: bool,
    /// A comment that stood on the line of the node before it (or of its
    /// parent's `{`); dart-sass keeps it on that line.
    pub(crate) trailing: bool,
    pub(crate) node: Node,
}

#[derive(Debug, Clone)]
pub(crate) enum Node {
    /// `/* ... */`, raw.
    Comment(String),
    /// `prop: value`; `value` is everything after the colon, raw.
    Decl { prop: String, value: String },
    /// A style rule or an at-rule with a body; `prelude` is raw, trimmed.
    /// `origin` is the source position of the rule, when known.
    Block {
        prelude: String,
        children: Vec<Item>,
        origin: Option<Origin>,
    },
    /// A bodiless at-rule such as `@import "x"` (without the semicolon).
    Statement(String),
}

/// A position in a loaded source: index into the source list, 0-based line
/// and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Origin {
    pub(crate) source: u32,
    pub(crate) line: u32,
    pub(crate) column: u32,
}

impl Node {
    /// Declarations and bodiless at-rules are followed by a semicolon.
    pub(crate) fn needs_semicolon(&self) -> bool {
        matches!(self, Node::Decl { .. } | Node::Statement(_))
    }
}

/// Reads grass's CSS (either style).
pub(crate) fn parse(css: &str) -> Sheet {
    let (bom, body) = match css.strip_prefix('\u{feff}') {
        Some(rest) => (true, rest),
        None => (false, css),
    };
    let mut reader = Reader {
        src: body.as_bytes(),
        text: body,
        pos: 0,
    };
    let items = reader.items(0);
    Sheet { bom, items }
}

struct Reader<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn starts_with(&self, s: &str) -> bool {
        self.src[self.pos..].starts_with(s.as_bytes())
    }

    /// Skips whitespace; reports whether it held an empty line.
    fn skip_space(&mut self) -> bool {
        let mut newlines = 0;
        while let Some(c) = self.peek() {
            match c {
                b'\n' => newlines += 1,
                b' ' | b'\t' | b'\r' | b'\x0c' => {}
                _ => break,
            }
            self.pos += 1;
        }
        newlines >= 2
    }

    fn items(&mut self, depth: usize) -> Vec<Item> {
        let mut items = Vec::new();
        loop {
            let blank_before = self.skip_space();
            match self.peek() {
                None => break,
                Some(b'}') => {
                    self.pos += 1;
                    if depth > 0 {
                        break;
                    }
                    // A stray brace at top level: drop it and go on.
                }
                Some(b';') => self.pos += 1,
                Some(_) if self.starts_with("/*") => {
                    let start = self.pos;
                    self.skip_comment();
                    items.push(Item {
                        blank_before,
                        trailing: false,
                        node: Node::Comment(self.text[start..self.pos].to_string()),
                    });
                }
                Some(_) => {
                    let node = self.statement(depth);
                    items.push(Item {
                        blank_before,
                        trailing: false,
                        node,
                    });
                }
            }
        }
        items
    }

    fn skip_comment(&mut self) {
        self.pos += 2;
        while self.pos < self.src.len() && !self.starts_with("*/") {
            self.pos += 1;
        }
        self.pos = (self.pos + 2).min(self.src.len());
    }

    fn skip_string(&mut self, quote: u8) {
        self.pos += 1;
        while let Some(c) = self.peek() {
            self.pos += 1;
            if c == b'\\' {
                self.pos = (self.pos + 1).min(self.src.len());
            } else if c == quote || c == b'\n' {
                break;
            }
        }
    }

    /// Reads up to the `{`, `;` or `}` that ends a statement at bracket
    /// depth 0. Custom-property values may hold balanced braces.
    fn statement(&mut self, depth: usize) -> Node {
        let start = self.pos;
        let custom = self.starts_with("--");
        let mut nesting = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'"' | b'\'' => {
                    self.skip_string(c);
                    continue;
                }
                b'\\' => self.pos += 1,
                b'/' if self.starts_with("/*") => {
                    self.skip_comment();
                    continue;
                }
                b'(' | b'[' => nesting += 1,
                b')' | b']' => nesting = nesting.saturating_sub(1),
                b'{' if custom && self.text[start..self.pos].contains(':') => nesting += 1,
                b'}' if custom && nesting > 0 => nesting -= 1,
                b'{' if nesting == 0 => {
                    let prelude = self.text[start..self.pos].trim_end().to_string();
                    self.pos += 1;
                    let children = self.items(depth + 1);
                    return Node::Block {
                        prelude,
                        children,
                        origin: None,
                    };
                }
                b';' | b'}' if nesting == 0 => break,
                _ => {}
            }
            self.pos = (self.pos + 1).min(self.src.len());
        }
        let end = self.pos;
        if self.peek() == Some(b';') {
            self.pos += 1;
        }
        let raw = &self.text[start..end];
        if raw.starts_with('@') {
            return Node::Statement(raw.trim_end().to_string());
        }
        match raw.find(':') {
            Some(colon) => Node::Decl {
                prop: raw[..colon].to_string(),
                value: raw[colon + 1..].to_string(),
            },
            None => Node::Statement(raw.trim_end().to_string()),
        }
    }
}
