//! Writes a [`Sheet`] in dart-sass's `expanded` or `compressed` layout.
//!
//! Expanded: two-space indentation, one node per line, the empty lines grass
//! placed between top-level groups kept. Compressed: no whitespace between
//! nodes, a semicolon only between two nodes (never before `}`). Either way
//! the output has no trailing newline, as dart-sass's `compileString`, and
//! starts with `@charset "UTF-8";` (expanded) or a byte-order mark
//! (compressed) exactly when it contains non-ASCII text.

use crate::options::Style;
use crate::tree::{Item, Node, Sheet};

/// Where a style rule's selector landed in the output (0-based line and
/// byte column), with the source position the rule came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) line: u32,
    pub(crate) column: u32,
    pub(crate) origin: crate::tree::Origin,
}

/// Writes the sheet in `style`.
pub(crate) fn write(sheet: &Sheet, style: Style) -> String {
    write_with_spans(sheet, style).0
}

/// Writes the sheet and reports where each rule with a known origin went.
pub(crate) fn write_with_spans(sheet: &Sheet, style: Style) -> (String, Vec<Span>) {
    let mut w = Writer {
        out: String::new(),
        style,
        spans: Vec::new(),
        line: 0,
        line_start: 0,
    };
    w.items(&sheet.items, 0);
    let mut out = w.out;
    let mut spans = w.spans;
    if !out.is_ascii() {
        match style {
            Style::Expanded => {
                out.insert_str(0, "@charset \"UTF-8\";\n");
                spans.iter_mut().for_each(|s| s.line += 1);
            }
            Style::Compressed => out.insert(0, '\u{feff}'),
        }
    }
    (out, spans)
}

struct Writer {
    out: String,
    style: Style,
    spans: Vec<Span>,
    line: u32,
    line_start: usize,
}

impl Writer {
    fn push(&mut self, text: &str) {
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                self.line += 1;
                self.line_start = self.out.len() + i + 1;
            }
        }
        self.out.push_str(text);
    }

    fn indent(&mut self, depth: usize) {
        if self.style == Style::Expanded {
            for _ in 0..depth {
                self.out.push_str("  ");
            }
        }
    }

    fn items(&mut self, items: &[Item], depth: usize) {
        let compressed = self.style == Style::Compressed;
        for (i, item) in items.iter().enumerate() {
            if i > 0 && item_needs_semicolon(&items[i - 1]) && compressed {
                self.push(";");
            }
            if !compressed && (i > 0 || depth > 0) {
                if item.trailing {
                    self.push(" ");
                } else {
                    self.push("\n");
                    if item.blank_before && i > 0 {
                        self.push("\n");
                    }
                    self.indent(depth);
                }
            }
            self.node(&item.node, depth);
            if !compressed && item.node.needs_semicolon() {
                self.push(";");
            }
        }
    }

    fn node(&mut self, node: &Node, depth: usize) {
        match node {
            Node::Comment(text) | Node::Statement(text) => self.push(text),
            Node::Decl { prop, value } => {
                self.push(prop);
                self.push(":");
                self.push(value);
            }
            Node::Block {
                prelude,
                children,
                origin,
            } => {
                if let Some(origin) = origin {
                    self.spans.push(Span {
                        line: self.line,
                        column: (self.out.len() - self.line_start) as u32,
                        origin: *origin,
                    });
                }
                if self.style == Style::Expanded
                    && prelude.contains('\n')
                    && !prelude.starts_with('@')
                {
                    // grass does not indent the continuation lines of a
                    // selector list inside an at-rule.
                    let mut lines = prelude.lines();
                    self.push(lines.next().unwrap_or_default());
                    for line in lines {
                        self.push("\n");
                        self.indent(depth);
                        self.push(line.trim_start());
                    }
                } else {
                    self.push(prelude);
                }
                if self.style == Style::Compressed {
                    self.push("{");
                    self.items(children, depth + 1);
                    self.push("}");
                } else if children.is_empty() {
                    self.push(" {}");
                } else {
                    self.push(" {");
                    self.items(children, depth + 1);
                    // dart-sass closes on the comment's line only when the
                    // comment is the block's only child (`.a { /* c */ }`).
                    if children.len() == 1 && children[0].trailing {
                        self.push(" }");
                    } else {
                        self.push("\n");
                        self.indent(depth);
                        self.push("}");
                    }
                }
            }
        }
    }
}

fn item_needs_semicolon(item: &Item) -> bool {
    item.node.needs_semicolon()
}
