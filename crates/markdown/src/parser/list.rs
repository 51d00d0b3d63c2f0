//! Ordered, unordered and definition lists, with kramdown's indentation,
//! lazy-continuation and loose/tight (`transparent` paragraph) rules, and
//! GFM task lists.

use super::{Parser, Src};
use crate::scan::*;
use crate::tree::{El, Ial, Kind};

/// The per-item patterns kramdown derives from an item's content indentation.
struct ItemRes {
    indent: usize,
}

impl ItemRes {
    /// `content_re`: a non-blank line indented by at least `indent` (tabs count four).
    fn content(&self, s: &str, pos: usize) -> Option<usize> {
        let b = s.as_bytes();
        let full = self.indent / 4;
        let rem = self.indent % 4;
        let units = |mut i: usize, n: usize| -> Option<usize> {
            for _ in 0..n {
                if b.get(i) == Some(&b'\t') {
                    i += 1;
                } else if s[i.min(s.len())..].starts_with("    ") {
                    i += 4;
                } else {
                    return None;
                }
            }
            Some(i)
        };
        let ok = units(pos, full)
            .and_then(|i| (spaces(s, i, rem) == rem).then_some(i + rem))
            .is_some()
            || units(pos, full + 1).is_some();
        if !ok {
            return None;
        }
        nonblank_rest(s, pos)
    }
    /// `lazy_re`: any non-blank line that is not an IAL or an HTML tag line.
    fn lazy(&self, s: &str, pos: usize) -> Option<usize> {
        let p = pos + spaces(s, pos, self.indent.min(3));
        // `(?!^ {0,n}(...))`: rejected with any number of spaces up to n.
        for k in 0..=(p - pos) {
            let q = pos + k;
            if ial_block(s, q).is_some() || lazy_html_stop(s, q) || lazy_html_start(s, q) {
                return None;
            }
        }
        nonblank_rest(s, pos)
    }
}

/// `.*\S.*\n`: a line with a non-whitespace character.
fn nonblank_rest(s: &str, pos: usize) -> Option<usize> {
    let e = line_end(s, pos)?;
    s.as_bytes()[pos..e].iter().any(|&c| !is_ws(c)).then_some(e)
}

/// `LIST_ITEM_IAL`: `{:...}` at the start of item content; returns (ial text, end).
fn list_item_ial(s: &str) -> Option<(&str, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && is_ws(b[i]) {
        i += 1;
    }
    if !s[i..].starts_with("{:") {
        return None;
    }
    let st = i + 2;
    if b.get(st) == Some(&b'/') {
        return None;
    }
    if let Some(e) = ald_id_end(s, st) {
        if b.get(e) == Some(&b':') {
            return None;
        }
    }
    if b.get(st) == Some(&b':') {
        return None;
    }
    let c = *ald_close_candidates(s, st).last()?;
    if c == st {
        return None;
    }
    let mut e = c + 1;
    while e < b.len() && is_ws(b[e]) {
        e += 1;
    }
    Some((&s[st..c], e))
}

/// `parse_first_list_line`: content, indentation.
fn first_list_line(indentation: usize, content: &str) -> (String, usize) {
    let check = match list_item_ial(content) {
        Some((_, e)) => content[e..].is_empty() || content[..e].ends_with('\n'),
        None => content.bytes().all(is_ws),
    };
    if check && content.ends_with('\n') {
        let c = content.trim_start_matches(|c: char| c.is_ascii() && is_ws(c as u8));
        return (c.to_string(), 4);
    }
    let sp = content.bytes().take_while(|&c| c == b' ').count();
    if content.as_bytes().get(sp) != Some(&b'\t') {
        // No tabs to expand (the usual case): one copy.
        let c = content.trim_start_matches(|c: char| c.is_ascii() && is_ws(c as u8));
        return (c.to_string(), indentation + sp);
    }
    let mut content = content.to_string();
    loop {
        let sp = content.bytes().take_while(|&c| c == b' ').count();
        let tabs = content.as_bytes()[sp..]
            .iter()
            .take_while(|&&c| c == b'\t')
            .count();
        if tabs == 0 {
            break;
        }
        let temp = sp + indentation;
        let n = 4 - (temp % 4) + (tabs - 1) * 4;
        content = format!(
            "{}{}{}",
            " ".repeat(sp),
            " ".repeat(n),
            &content[sp + tabs..]
        );
    }
    let ind = indentation + content.bytes().take_while(|&c| c == b' ').count();
    let c = content.trim_start_matches(|c: char| c.is_ascii() && is_ws(c as u8));
    (c.to_string(), ind)
}

fn expand_leading_tabs(line: &str) -> String {
    let tabs = line.bytes().take_while(|&c| c == b'\t').count();
    if tabs == 0 {
        line.to_string()
    } else {
        format!("{}{}", " ".repeat(4 * tabs), &line[tabs..])
    }
}

impl Parser<'_> {
    pub(super) fn parse_list(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        let s = sc.s;
        let kind = if list_start(s, sc.pos, Marker::Ul, 3).is_some() {
            Marker::Ul
        } else if list_start(s, sc.pos, Marker::Ol, 3).is_some() {
            Marker::Ol
        } else {
            return false;
        };
        if self.depth_exceeded() {
            return false;
        }
        let mut list = self.new_block_el(if kind == Marker::Ul {
            Kind::Ul
        } else {
            Kind::Ol
        });
        let mut items: Vec<(El, Vec<String>)> = Vec::new();
        let mut res = ItemRes { indent: 0 };
        let mut max_marker_indent = 3;
        let mut eob_found = false;
        let mut nested_list_found = false;
        let mut last_is_blank = false;
        let mut first_marker: Option<String> = None;
        while !sc.eos() {
            if last_is_blank && hr_end(s, sc.pos).is_some() {
                break;
            } else if let Some(e) = eob_marker(s, sc.pos) {
                sc.pos = e;
                eob_found = true;
                break;
            } else if let Some((me, le)) = list_start(s, sc.pos, kind, max_marker_indent) {
                first_marker.get_or_insert_with(|| s[sc.pos..me].trim().to_string());
                let (mut content, indentation) = first_list_line(me - sc.pos, &s[me..le]);
                sc.pos = le;
                let mut item = El::new(Kind::Li);
                item.block = true;
                if let Some((ial_text, e)) = list_item_ial(&content) {
                    let mut ial = Ial::default();
                    self.parse_attribute_list(ial_text, &mut ial);
                    item.set_ial(Some(ial));
                    content = content[e..].to_string();
                }
                res = ItemRes {
                    indent: indentation,
                };
                max_marker_indent = indentation.saturating_sub(1).min(3);
                nested_list_found = any_list_start(&content, 0);
                last_is_blank = false;
                items.push((item, vec![content]));
            } else if let Some(e) = res.content(s, sc.pos).or_else(|| {
                if last_is_blank {
                    None
                } else {
                    res.lazy(s, sc.pos)
                }
            }) {
                let mut result = expand_leading_tabs(&s[sc.pos..e]);
                sc.pos = e;
                let ind = res.indent;
                let found = spaces(&result, 0, ind) == ind && result.len() >= ind;
                if found {
                    result.drain(..ind);
                }
                let Some((_, chunks)) = items.last_mut() else {
                    break;
                };
                if !nested_list_found && found && any_list_start(&result, 0) {
                    chunks.push(String::new());
                    nested_list_found = true;
                } else if nested_list_found && !found && any_list_start(&result, 0) {
                    result = format!("{}{}", " ".repeat(ind + 4), result);
                }
                if let Some(c) = chunks.last_mut() {
                    c.push_str(&result);
                }
                last_is_blank = false;
            } else if let Some(e) = blank_end(s, sc.pos) {
                let Some((_, chunks)) = items.last_mut() else {
                    break;
                };
                nested_list_found = true;
                last_is_blank = true;
                if let Some(c) = chunks.last_mut() {
                    c.push_str(&s[sc.pos..e]);
                }
                sc.pos = e;
            } else {
                break;
            }
        }
        let _ = first_marker;
        let n = items.len();
        let mut last: Option<El> = None;
        let mut firsts: Vec<(bool, bool)> = Vec::with_capacity(n); // (first is p, transparent)
        for (idx, (mut item, chunks)) in items.into_iter().enumerate() {
            let mut temp = El::new(Kind::Temp);
            for c in &chunks {
                self.parse_blocks(c, &mut temp);
            }
            let mut ch = temp.children;
            if ch.is_empty() {
                firsts.push((false, false));
                list.children.push(item);
                continue;
            }
            if ch[0].kind == Kind::P
                && ch.len() >= 2
                && ch[1].kind == Kind::Eob
                && ch[0].ial().is_some()
            {
                ch.remove(1);
            }
            let is_last = idx + 1 == n;
            let prev_ok = !is_last
                || n == 1
                || firsts
                    .iter()
                    .any(|&(is_p, transparent)| !is_p || transparent);
            if ch[0].kind == Kind::P
                && (ch.len() < 2
                    || ch[1].kind != Kind::Blank
                    || (is_last && ch.len() == 2 && !eob_found))
                && prev_ok
            {
                if ch.len() > 1 && ch[1].kind != Kind::Blank {
                    if let Some(t) = ch[0].children.first_mut() {
                        t.value.push('\n');
                    }
                }
                ch[0].transparent = true;
            }
            firsts.push((
                ch[0].kind == Kind::P,
                ch[0].kind == Kind::P && ch[0].transparent,
            ));
            last = if ch.last().is_some_and(|c| c.kind == Kind::Blank) {
                ch.pop()
            } else {
                None
            };
            item.children = ch;
            list.children.push(item);
        }
        if self.gfm {
            task_list(&mut list);
        }
        tree.children.push(list);
        if let Some(l) = last {
            if !eob_found {
                tree.children.push(l);
            }
        }
        true
    }

    pub(super) fn parse_definition_list(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        let s = sc.s;
        if list_start(s, sc.pos, Marker::Dl, 3).is_none() {
            return false;
        }
        let ch = &tree.children;
        let len = ch.len();
        let ok = match len {
            0 => false,
            1 => ch[0].kind == Kind::P,
            _ => {
                ch[len - 1].kind == Kind::P
                    || (ch[len - 1].kind == Kind::Blank
                        && ch[len - 1].value == "\n"
                        && ch[len - 2].kind == Kind::P)
            }
        };
        if !ok || self.depth_exceeded() {
            return false;
        }
        let mut first_as_para = false;
        let mut deflist = self.new_block_el(Kind::Dl);
        let mut para = tree.children.pop().expect("checked above");
        if para.kind == Kind::Blank {
            para = tree.children.pop().expect("checked above");
            first_as_para = true;
        }
        let terms = para
            .children
            .first()
            .map(|c| c.value.clone())
            .unwrap_or_default();
        for term in terms.split('\n').filter(|t| !t.is_empty()) {
            let mut dt = El::new(Kind::Dt);
            dt.block = true;
            let mut term = term.to_string();
            if let Some((ial_text, e)) = list_item_ial(&term) {
                let mut ial = Ial::default();
                self.parse_attribute_list(ial_text, &mut ial);
                dt.set_ial(Some(ial));
                term = term[e..].to_string();
            }
            dt.extra_mut().raw_text = term.clone();
            dt.children.push(El::with_value(Kind::RawText, term));
            deflist.children.push(dt);
        }
        deflist.set_ial(para.take_ial());
        let mut dds: Vec<(usize, String)> = Vec::new();
        let mut res = ItemRes { indent: 0 };
        let mut max_marker_indent = 3;
        let mut last_is_blank = false;
        while !sc.eos() {
            if let Some((me, le)) = list_start(s, sc.pos, Marker::Dl, max_marker_indent) {
                let (mut content, indentation) = first_list_line(me - sc.pos, &s[me..le]);
                sc.pos = le;
                let mut dd = El::new(Kind::Dd);
                dd.block = true;
                dd.first_as_para = first_as_para;
                if let Some((ial_text, e)) = list_item_ial(&content) {
                    let mut ial = Ial::default();
                    self.parse_attribute_list(ial_text, &mut ial);
                    dd.set_ial(Some(ial));
                    content = content[e..].to_string();
                }
                res = ItemRes {
                    indent: indentation,
                };
                max_marker_indent = indentation.saturating_sub(1).min(3);
                first_as_para = false;
                last_is_blank = false;
                deflist.children.push(dd);
                dds.push((deflist.children.len() - 1, content));
            } else if eob_marker(s, sc.pos).is_some() {
                break;
            } else if let Some(e) = res.content(s, sc.pos).or_else(|| {
                if last_is_blank {
                    None
                } else {
                    res.lazy(s, sc.pos)
                }
            }) {
                let mut result = expand_leading_tabs(&s[sc.pos..e]);
                sc.pos = e;
                let ind = res.indent;
                if spaces(&result, 0, ind) == ind && result.len() >= ind {
                    result.drain(..ind);
                }
                let Some((_, v)) = dds.last_mut() else { break };
                v.push_str(&result);
                first_as_para = false;
                last_is_blank = false;
            } else if let Some(e) = blank_end(s, sc.pos) {
                let Some((_, v)) = dds.last_mut() else { break };
                v.push_str(&s[sc.pos..e]);
                sc.pos = e;
                first_as_para = true;
                last_is_blank = true;
            } else {
                break;
            }
        }
        let mut last: Option<El> = None;
        for (i, text) in dds {
            let it = &mut deflist.children[i];
            let mut tmp = El::new(Kind::Dd);
            self.parse_blocks(&text, &mut tmp);
            let it = {
                it.children = tmp.children;
                it
            };
            if it.children.is_empty() {
                continue;
            }
            last = if it.children.last().is_some_and(|c| c.kind == Kind::Blank) {
                it.children.pop()
            } else {
                None
            };
            let fap = std::mem::take(&mut it.first_as_para);
            let len = it.children.len();
            if it.children.first().is_some_and(|c| c.kind == Kind::P) && !fap {
                if len > 1 {
                    if let Some(t) = it.children[0].children.first_mut() {
                        t.value.push('\n');
                    }
                }
                it.children[0].transparent = true;
            }
        }
        let len = tree.children.len();
        if len >= 1 && tree.children[len - 1].kind == Kind::Dl {
            tree.children[len - 1]
                .children
                .append(&mut deflist.children);
        } else if len >= 2
            && tree.children[len - 1].kind == Kind::Blank
            && tree.children[len - 2].kind == Kind::Dl
        {
            tree.children.pop();
            tree.children[len - 2]
                .children
                .append(&mut deflist.children);
        } else {
            tree.children.push(deflist);
        }
        if let Some(l) = last {
            tree.children.push(l);
        }
        true
    }
}

const BOX_UNCHECKED: &str =
    "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />";
const BOX_CHECKED: &str =
    "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />";

/// GFM task list items: `[ ]` / `[x]` at the start of an item's first paragraph.
fn task_list(list: &mut El) {
    let mut is_tasklist = false;
    for li in &mut list.children {
        let Some(p) = li.children.first_mut() else {
            continue;
        };
        if p.kind != Kind::P {
            continue;
        }
        let Some(t) = p.children.first_mut() else {
            continue;
        };
        let mut changed = false;
        for (pat_x, repl) in [(false, BOX_UNCHECKED), (true, BOX_CHECKED)] {
            let v = &t.value;
            let lead = v.len()
                - v.trim_start_matches(|c: char| c.is_ascii() && is_ws(c as u8))
                    .len();
            let r = &v[lead..];
            let hit = if pat_x {
                r.len() >= 3 && (r.starts_with("[x]") || r.starts_with("[X]"))
            } else {
                r.starts_with("[ ]")
            };
            if hit {
                let after = &r[3..];
                let ws = after.len()
                    - after
                        .trim_start_matches(|c: char| c.is_ascii() && is_ws(c as u8))
                        .len();
                if ws > 0 {
                    t.value = format!("{}{}", repl, &after[ws..]);
                    changed = true;
                }
            }
        }
        is_tasklist |= changed;
        if is_tasklist {
            li.attr.set("class", "task-list-item".to_string());
        }
    }
    if is_tasklist {
        list.attr.set("class", "task-list".to_string());
    }
}
