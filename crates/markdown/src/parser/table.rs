//! Tables: pipe rows, header/body/footer separator lines, alignment, and
//! kramdown's check that every row has a pipe outside code spans.

use super::span::Set;
use super::{Parser, Src};
use crate::scan::*;
use crate::tree::{Align, El, Kind};

/// `TABLE_PIPE_CHECK` at the start of `line`.
fn pipe_check(line: &str) -> bool {
    let b = line.as_bytes();
    if b.first() == Some(&b'|') {
        return true;
    }
    memchr::memchr_iter(b'|', b).any(|i| i > 0 && b[i - 1] != b'\\' && b[i - 1] != b'\n')
}

/// `TABLE_LINE` at `pos`: a line with an unescaped pipe.
fn table_line(s: &str, pos: usize) -> bool {
    line_end(s, pos).is_some_and(|e| pipe_check(&s[pos..e - 1]))
}

/// `TABLE_SEP_LINE` / `TABLE_FSEP_LINE`: (content without trailing blanks, end).
fn sep_line(s: &str, pos: usize, dash: u8) -> Option<(&str, usize)> {
    let e = line_end(s, pos)?;
    let line = &s[pos..e - 1];
    let ok = line
        .bytes()
        .all(|c| matches!(c, b'+' | b'|' | b':' | b' ' | b'\t') || c == dash)
        && line.bytes().any(|c| c == dash);
    ok.then(|| (line.trim_end_matches([' ', '\t']), e))
}

fn alignments(sep: &str) -> Vec<Align> {
    let b = sep.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let mut j = i;
        if matches!(b[j], b' ' | b'\t') && b.get(j + 1).is_some_and(|&c| c == b':' || c == b'-') {
            j += 1;
        }
        let left = b.get(j) == Some(&b':') && b.get(j + 1) == Some(&b'-');
        if left {
            j += 1;
        }
        if b.get(j) != Some(&b'-') {
            i += 1;
            continue;
        }
        while b.get(j) == Some(&b'-') {
            j += 1;
        }
        let right = b.get(j) == Some(&b':');
        if right {
            j += 1;
        }
        if matches!(b.get(j), Some(b' ' | b'\t')) {
            j += 1;
        }
        out.push(match (left, right) {
            (false, false) => Align::Default,
            (true, false) => Align::Left,
            (false, true) => Align::Right,
            (true, true) => Align::Center,
        });
        i = j;
    }
    out
}

/// Splits on `(<code.*?>.*?</code>)`, keeping the code parts (odd indices).
fn split_code_html(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut last = 0;
    let mut i = 0;
    while let Some(off) = find_str(&s[i..], "<code") {
        let st = i + off;
        let Some(gt) = s[st..].find('>') else { break };
        let Some(close) = find_str(&s[st + gt..], "</code>") else {
            break;
        };
        let en = st + gt + close + 7;
        out.push(&s[last..st]);
        out.push(&s[st..en]);
        last = en;
        i = en;
    }
    out.push(&s[last..]);
    out
}

/// `\\|` as `|`.
fn unescape_pipes(s: &str) -> String {
    if memchr::memchr(b'\\', s.as_bytes()).is_some() {
        s.replace("\\|", "|")
    } else {
        s.to_string()
    }
}

/// Splits text at unescaped pipes: the first piece continues the last cell,
/// the others start new ones.
fn split_pipes(cells: &mut Vec<String>, v: &str) {
    let b = v.as_bytes();
    let mut last = 0;
    let mut first = true;
    let mut add = |cells: &mut Vec<String>, piece: String| match cells.last_mut() {
        Some(c) if std::mem::take(&mut first) => c.push_str(&piece),
        _ => {
            first = false;
            cells.push(piece);
        }
    };
    for k in memchr::memchr_iter(b'|', b) {
        if k == 0 || b[k - 1] != b'\\' {
            add(cells, unescape_pipes(&v[last..k]));
            last = k + 1;
        }
    }
    add(cells, unescape_pipes(&v[last..]));
}

fn push_cell(cells: &mut Vec<String>, s: &str) {
    match cells.last_mut() {
        Some(c) => c.push_str(s),
        None => cells.push(s.to_string()),
    }
}

impl Parser<'_> {
    fn row_cells(&mut self, row: &str) -> Vec<String> {
        let mut cells: Vec<String> = Vec::new();
        if memchr::memchr(b'`', row.as_bytes()).is_none() && find_str(row, "<code").is_none() {
            // No code span or `<code>` to keep whole: the row is one text,
            // split at its pipes.
            if !row.is_empty() {
                split_pipes(&mut cells, row);
            }
            return cells;
        }
        for (i, part) in split_code_html(row).into_iter().enumerate() {
            if i % 2 == 1 {
                push_cell(&mut cells, part);
                continue;
            }
            let mut root = El::new(Kind::Root);
            let saved = std::mem::take(&mut self.span_stack);
            let mut sc = Src::new(part);
            self.parse_spans(&mut sc, &mut root, None, Set::Codespan);
            self.span_stack = saved;
            for c in root.children {
                if c.kind == Kind::Codespan {
                    let max = c
                        .value
                        .split(|ch| ch != '`')
                        .map(str::len)
                        .max()
                        .unwrap_or(0);
                    let delim = "`".repeat(max + 1);
                    let sp = if delim.len() > 1 { " " } else { "" };
                    push_cell(&mut cells, &format!("{delim}{sp}{}{sp}{delim}", c.value));
                } else {
                    split_pipes(&mut cells, &c.value);
                }
            }
        }
        cells
    }

    pub(super) fn parse_table(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        let s = sc.s;
        let p = sc.pos + spaces(s, sc.pos, 3);
        if s.as_bytes().get(p).is_none_or(|&c| is_ws(c)) || !table_line(s, p) {
            return false;
        }
        let last_ok = match tree.children.last() {
            None => true,
            Some(l) => {
                l.kind == Kind::Blank
                    || (l.kind == Kind::Eob && *l.eob() == crate::tree::EobKind::Plain)
                    || self.block_ial.is_some()
            }
        };
        if !last_ok {
            return false;
        }
        // kramdown creates the table element (taking any pending block IAL) before
        // it knows whether the lines form a table.
        let pending_ial = self.block_ial.take();
        let orig = sc.pos;
        let leading_pipe = s[orig..]
            .trim_start_matches(|c: char| c.is_ascii() && is_ws(c as u8))
            .starts_with('|');
        if let Some((_, e)) = sep_line(s, sc.pos, b'-') {
            sc.pos = e;
        }
        let mut table = El::new(Kind::Table);
        table.block = true;
        let mut rows: Vec<El> = Vec::new();
        let mut has_footer = false;
        let mut have_align = false;
        let mut columns = 0usize;
        let add =
            |table: &mut El, rows: &mut Vec<El>, kind: Kind, force: bool, has_footer: bool| {
                if !has_footer || kind != Kind::Tbody || force {
                    let mut c = El::new(kind);
                    c.block = true;
                    c.children = std::mem::take(rows);
                    table.children.push(c);
                }
            };
        while !sc.eos() {
            if !table_line(s, sc.pos) {
                break;
            }
            if let Some((sep, e)) = sep_line(s, sc.pos, b'-') {
                sc.pos = e;
                if rows.is_empty() {
                } else if !have_align && !has_footer {
                    add(&mut table, &mut rows, Kind::Thead, false, has_footer);
                    table.extra_mut().align = alignments(sep);
                    have_align = true;
                } else {
                    add(&mut table, &mut rows, Kind::Tbody, false, has_footer);
                }
            } else if let Some((_, e)) = sep_line(s, sc.pos, b'=') {
                sc.pos = e;
                if !rows.is_empty() {
                    add(&mut table, &mut rows, Kind::Tbody, true, has_footer);
                }
                has_footer = true;
            } else if let Some(e) = line_end(s, sc.pos) {
                let row = s[sc.pos..e - 1].trim_end_matches([' ', '\t']);
                sc.pos = e;
                let mut cells = self.row_cells(row);
                if leading_pipe
                    && cells
                        .first()
                        .is_some_and(|c| c.trim_matches(super::block::is_ruby_ws).is_empty())
                {
                    cells.remove(0);
                }
                if cells
                    .last()
                    .is_some_and(|c| c.trim_matches(super::block::is_ruby_ws).is_empty())
                {
                    cells.pop();
                }
                let mut tr = El::new(Kind::Tr);
                tr.block = true;
                for c in &cells {
                    let mut td = El::new(Kind::Td);
                    td.block = true;
                    let t = c.trim_matches(super::block::is_ruby_ws);
                    if !t.is_empty() {
                        td.children.push(El::with_value(Kind::RawText, t));
                    }
                    tr.children.push(td);
                }
                columns = columns.max(cells.len());
                rows.push(tr);
            } else {
                break;
            }
        }
        if !block_boundary(s, sc.pos) {
            sc.pos = orig;
            return false;
        }
        // Every line needs a pipe outside code spans and HTML.
        let text = &s[orig..sc.pos.saturating_sub(1).max(orig)];
        let mut root = El::new(Kind::Root);
        let saved = std::mem::take(&mut self.span_stack);
        let mut tsc = Src::new(text);
        // A string of its own: a fresh budget, as `parse_spans_root` gives.
        self.span_budget = super::guard::budget_for(text.len());
        self.parse_spans(&mut tsc, &mut root, None, Set::CodespanHtml);
        self.span_stack = saved;
        let mut pipe_on_line = false;
        for c in &root.children {
            let v = c.value.as_str();
            let mut lines: Vec<&str> = v.split('\n').collect();
            while lines.last().is_some_and(|l| l.is_empty()) {
                lines.pop();
            }
            if c.kind == Kind::Codespan {
                if lines.len() > 2 || (lines.len() == 2 && !pipe_on_line) {
                    break;
                } else if lines.len() == 2 && pipe_on_line {
                    pipe_on_line = false;
                }
            } else {
                if lines.len() > 1 && !pipe_on_line && !lines.first().is_some_and(|l| pipe_check(l))
                {
                    break;
                }
                pipe_on_line = (if lines.len() > 1 { false } else { pipe_on_line })
                    || lines.last().is_some_and(|l| pipe_check(l));
            }
        }
        if !pipe_on_line {
            sc.pos = orig;
            return false;
        }
        if !rows.is_empty() {
            add(
                &mut table,
                &mut rows,
                if has_footer { Kind::Tfoot } else { Kind::Tbody },
                false,
                has_footer,
            );
        }
        if !table.children.iter().any(|c| c.kind == Kind::Tbody) {
            self.warning("Found table without body - ignoring it");
            sc.pos = orig;
            return false;
        }
        for part in &mut table.children {
            for row in &mut part.children {
                while row.children.len() < columns {
                    let mut td = El::new(Kind::Td);
                    td.block = true;
                    row.children.push(td);
                }
            }
        }
        table.extra_mut().align.resize(columns, Align::Default);
        table.set_ial(pending_ial);
        tree.children.push(table);
        true
    }
}
