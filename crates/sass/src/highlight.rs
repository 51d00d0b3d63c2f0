//! The source excerpt under a warning, drawn as dart-sass draws it
//! (source_span's highlighter, without colour): one or more spans, each
//! with an optional label, over one or more files; a span on one line is
//! underlined (`^` for the primary, `━` for the others), a longer one gets
//! an arm in a column left of the text (`┌` … `└`).

/// One span to draw.
pub(crate) struct Span<'a> {
    /// The whole text of its file.
    pub(crate) text: &'a str,
    /// The file as shown when spans come from more than one file.
    pub(crate) url: String,
    /// Byte range in `text`.
    pub(crate) range: (usize, usize),
    pub(crate) label: Option<&'a str>,
    pub(crate) primary: bool,
}

#[derive(Clone, Copy, PartialEq)]
struct Mark {
    id: usize,
    start_line: usize,
    start_col: usize,
    end_line: usize,
    end_col: usize,
    primary: bool,
}

impl Mark {
    fn multiline(&self) -> bool {
        self.start_line != self.end_line
    }
}

struct Line {
    text: String,
    number: usize,
    url: usize,
    marks: Vec<Mark>,
}

/// 0-based line and column (in characters) of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let start = before.rfind('\n').map_or(0, |p| p + 1);
    (
        before.matches('\n').count(),
        before[start..].chars().count(),
    )
}

/// The excerpt for `spans` (the primary first), ending in `╵` and a newline.
pub(crate) fn render(spans: &[Span<'_>]) -> String {
    let mut h = Highlighter::new(spans);
    h.highlight();
    h.out.push('\n');
    h.out
}

struct Highlighter<'a> {
    lines: Vec<Line>,
    labels: Vec<Option<&'a str>>,
    urls: Vec<String>,
    padding: usize,
    max_multiline: usize,
    multiple_files: bool,
    out: String,
}

impl<'a> Highlighter<'a> {
    fn new(spans: &[Span<'a>]) -> Highlighter<'a> {
        // Group by file, in order of first appearance.
        let mut urls: Vec<String> = Vec::new();
        let mut groups: Vec<Vec<(Mark, &str)>> = Vec::new();
        for (id, s) in spans.iter().enumerate() {
            let (start_line, start_col) = position(s.text, s.range.0);
            let (end_line, end_col) = position(s.text, s.range.1);
            let mark = Mark {
                id,
                start_line,
                start_col,
                end_line,
                end_col,
                primary: s.primary,
            };
            match urls.iter().position(|u| *u == s.url) {
                Some(g) => groups[g].push((mark, s.text)),
                None => {
                    urls.push(s.url.clone());
                    groups.push(vec![(mark, s.text)]);
                }
            }
        }
        let mut lines: Vec<Line> = Vec::new();
        for (g, group) in groups.iter_mut().enumerate() {
            group.sort_by_key(|(m, _)| (m.start_line, m.start_col, m.end_line, m.end_col));
            let first = lines.len();
            for (m, text) in group.iter() {
                for n in m.start_line..=m.end_line {
                    let last = lines[first..].last().map(|l| l.number);
                    if last.is_none_or(|l| n > l) {
                        lines.push(Line {
                            text: text
                                .split('\n')
                                .nth(n)
                                .unwrap_or("")
                                .trim_end_matches('\r')
                                .to_string(),
                            number: n,
                            url: g,
                            marks: Vec::new(),
                        });
                    }
                }
            }
            let mut active: Vec<Mark> = Vec::new();
            let mut next = 0;
            for line in &mut lines[first..] {
                active.retain(|m| m.end_line >= line.number);
                while next < group.len() && group[next].0.start_line <= line.number {
                    active.push(group[next].0);
                    next += 1;
                }
                line.marks = active.clone();
            }
        }
        let contiguous = lines
            .windows(2)
            .all(|w| w[0].number + 1 == w[1].number || w[0].url != w[1].url);
        let last = lines.last().map_or(1, |l| l.number + 1);
        let padding = 1 + last.to_string().len().max(if contiguous { 0 } else { 3 });
        let max_multiline = lines
            .iter()
            .map(|l| l.marks.iter().filter(|m| m.multiline()).count())
            .max()
            .unwrap_or(0);
        let multiple_files = urls.len() > 1;
        Highlighter {
            lines,
            labels: spans.iter().map(|s| s.label).collect(),
            urls,
            padding,
            max_multiline,
            multiple_files,
            out: String::new(),
        }
    }

    fn highlight(&mut self) {
        let lines = std::mem::take(&mut self.lines);
        self.file_start(lines.first().map_or(0, |l| l.url));
        let mut columns: Vec<Option<Mark>> = vec![None; self.max_multiline];
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                let last = &lines[i - 1];
                if last.url != line.url {
                    self.sidebar(Some("╵"), None);
                    self.out.push('\n');
                    self.file_start(line.url);
                } else if last.number + 1 != line.number {
                    self.sidebar(None, Some("..."));
                    self.out.push('\n');
                }
            }
            for m in line.marks.iter().rev() {
                if m.multiline()
                    && m.start_line == line.number
                    && only_whitespace(&line.text, m.start_col)
                {
                    if let Some(slot) = columns.iter_mut().find(|c| c.is_none()) {
                        *slot = Some(*m);
                    }
                }
            }
            self.sidebar(None, Some(&(line.number + 1).to_string()));
            self.out.push(' ');
            self.multiline_marks(line, &columns, None);
            if self.max_multiline != 0 {
                self.out.push(' ');
            }
            self.text(&line.text);
            self.out.push('\n');
            if let Some(primary) = line.marks.iter().find(|m| m.primary) {
                self.indicator(line, *primary, &mut columns);
            }
            for m in line.marks.iter().filter(|m| !m.primary) {
                self.indicator(line, *m, &mut columns);
            }
        }
        self.sidebar(Some("╵"), None);
    }

    fn file_start(&mut self, url: usize) {
        if self.multiple_files {
            self.sidebar(Some("┌"), None);
            self.out.push_str("──> ");
            let url = self.urls[url].clone();
            self.out.push_str(&url);
        } else {
            self.sidebar(Some("╷"), None);
        }
        self.out.push('\n');
    }

    fn sidebar(&mut self, end: Option<&str>, text: Option<&str>) {
        let text = text.unwrap_or("");
        self.out.push_str(text);
        for _ in text.chars().count()..self.padding {
            self.out.push(' ');
        }
        self.out.push_str(end.unwrap_or("│"));
    }

    fn text(&mut self, text: &str) {
        for c in text.chars() {
            if c == '\t' {
                self.out.push_str("    ");
            } else {
                self.out.push(c);
            }
        }
    }

    fn multiline_marks(&mut self, line: &Line, columns: &[Option<Mark>], current: Option<Mark>) {
        let mut opened = false;
        let mut found_current = false;
        for column in columns {
            match column {
                Some(m) if current.is_some_and(|c| c.id == m.id) => {
                    self.out.push(if m.start_line == line.number {
                        '┌'
                    } else {
                        '└'
                    });
                    found_current = true;
                }
                _ if found_current => self.out.push(if column.is_none() { '─' } else { '┼' }),
                None => self.out.push(if opened { '─' } else { ' ' }),
                Some(m) => {
                    let vertical = if opened { '┼' } else { '│' };
                    if current.is_some() {
                        self.out.push(vertical);
                    } else if m.start_line == line.number {
                        self.out.push(if opened { '┬' } else { '┌' });
                        opened = true;
                    } else if m.end_line == line.number && m.end_col == line.text.chars().count() {
                        self.out.push(if self.labels[m.id].is_none() {
                            '└'
                        } else {
                            vertical
                        });
                    } else {
                        self.out.push(vertical);
                    }
                }
            }
        }
    }

    fn indicator(&mut self, line: &Line, m: Mark, columns: &mut [Option<Mark>]) {
        let chars: Vec<char> = line.text.chars().collect();
        let tabs = |from: usize, to: usize| -> usize {
            chars[from.min(chars.len())..to.min(chars.len())]
                .iter()
                .filter(|c| **c == '\t')
                .count()
        };
        if !m.multiline() {
            self.sidebar(None, None);
            self.out.push(' ');
            self.multiline_marks(line, columns, Some(m));
            if !columns.is_empty() {
                self.out.push(' ');
            }
            let before = tabs(0, m.start_col);
            let inside = tabs(m.start_col, m.end_col);
            let start = m.start_col + before * 3;
            let width = (m.end_col + (before + inside) * 3)
                .saturating_sub(start)
                .max(1);
            let glyph = if m.primary { "^" } else { "━" };
            self.out.push_str(&" ".repeat(start));
            self.out.push_str(&glyph.repeat(width));
            self.label(m, columns, start + width);
        } else if m.start_line == line.number {
            if columns.iter().any(|c| c.is_some_and(|c| c.id == m.id)) {
                return;
            }
            if let Some(slot) = columns.iter_mut().find(|c| c.is_none()) {
                *slot = Some(m);
            }
            self.sidebar(None, None);
            self.out.push(' ');
            self.multiline_marks(line, columns, Some(m));
            let t = tabs(0, m.start_col);
            self.out.push_str(&"─".repeat(1 + m.start_col + t * 3));
            self.out.push('^');
            self.out.push('\n');
        } else if m.end_line == line.number {
            let whole = m.end_col == chars.len();
            if whole && self.labels[m.id].is_none() {
                clear(columns, m);
                return;
            }
            self.sidebar(None, None);
            self.out.push(' ');
            self.multiline_marks(line, columns, Some(m));
            let written = if whole {
                self.out.push_str("───");
                3
            } else {
                let col = m.end_col.saturating_sub(1);
                let t = tabs(0, col + 1);
                let n = 1 + col + t * 3;
                self.out.push_str(&"─".repeat(n));
                self.out.push('^');
                n + 1
            };
            self.label(m, columns, written);
            clear(columns, m);
        }
    }

    fn label(&mut self, m: Mark, columns: &[Option<Mark>], underline: usize) {
        let Some(label) = self.labels[m.id] else {
            self.out.push('\n');
            return;
        };
        let mut parts = label.split('\n');
        self.out.push(' ');
        self.out.push_str(parts.next().unwrap_or(""));
        self.out.push('\n');
        for part in parts {
            self.sidebar(None, None);
            self.out.push(' ');
            for c in columns {
                match c {
                    Some(c) if c.id != m.id => self.out.push('│'),
                    _ => self.out.push(' '),
                }
            }
            self.out.push_str(&" ".repeat(underline));
            self.out.push(' ');
            self.out.push_str(part);
            self.out.push('\n');
        }
    }
}

fn clear(columns: &mut [Option<Mark>], m: Mark) {
    for c in columns.iter_mut() {
        if c.is_some_and(|c| c.id == m.id) {
            *c = None;
        }
    }
}

fn only_whitespace(text: &str, col: usize) -> bool {
    text.chars().take(col).all(|c| c == ' ' || c == '\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_span_is_underlined() {
        let text = "a\n.b { c: d/2; }\n";
        let out = render(&[Span {
            text,
            url: "x.scss".into(),
            range: (9, 12),
            label: None,
            primary: true,
        }]);
        assert_eq!(out, "  ╷\n2 │ .b { c: d/2; }\n  │        ^^^\n  ╵\n");
    }

    #[test]
    fn two_files_and_a_multi_line_span() {
        let a = "x\n  color: red;\n";
        let b = ".r {\n  y: z;\n}\n";
        let out = render(&[
            Span {
                text: a,
                url: "a.scss".into(),
                range: (4, 14),
                label: Some("declaration"),
                primary: true,
            },
            Span {
                text: b,
                url: "b.scss".into(),
                range: (0, 14),
                label: Some("nested rule"),
                primary: false,
            },
        ]);
        assert_eq!(
            out,
            "  ┌──> a.scss\n2 │     color: red;\n  │     ^^^^^^^^^^ declaration\n  ╵\n  ┌──> b.scss\n1 │ ┌ .r {\n2 │ │   y: z;\n3 │ │ }\n  │ └─── nested rule\n  ╵\n"
        );
    }
}
