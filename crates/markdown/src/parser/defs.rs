//! Definitions and directives: footnote, link and abbreviation definitions,
//! attribute list definitions (ALDs), block IALs and block extensions
//! (`{::comment}`, `{::nomarkdown}`, `{::options}`).

use super::block::{is_ruby_ws, strip_indent};
use super::{normalize_link_id, FootnoteDef, LinkDef, Parser, Src};
use crate::scan::*;
use crate::tree::{El, EobKind, Ial, Kind};

impl Parser<'_> {
    pub(super) fn parse_footnote_definition(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        let s = sc.s;
        let p = sc.pos + spaces(s, sc.pos, 3);
        if !s[p..].starts_with("[^") {
            return false;
        }
        let Some(ne) = ald_id_end(s, p + 2) else {
            return false;
        };
        if !s[ne..].starts_with("]:") {
            return false;
        }
        let name = s[p + 2..ne].to_string();
        // `\s*?(.*?\n CODEBLOCK_MATCH)`: the lazy spaces match nothing when the line has text.
        let mut cstart = ne + 2;
        let first_end = line_end(s, cstart).unwrap_or(s.len());
        if s[cstart..first_end].bytes().all(is_ws) {
            cstart = first_end - 1;
        } else {
            while matches!(
                s.as_bytes().get(cstart),
                Some(b' ' | b'\t' | b'\r' | 0x0b | 0x0c)
            ) {
                cstart += 1;
            }
        }
        let end = Self::codeblock_match_end(s, first_end);
        let content = strip_indent(&s[cstart..end]);
        sc.pos = end;
        if self.depth_exceeded() {
            return false;
        }
        let mut el = El::new(Kind::Temp);
        el.block = true;
        self.parse_blocks(&content, &mut el);
        if self.footnotes.contains_key(&name) {
            self.warning(format!("Duplicate footnote name '{name}' - overwriting"));
        } else {
            self.footnote_order.push(name.clone());
        }
        let mut eob = self.new_block_el(Kind::Eob);
        eob.extra_mut().eob = EobKind::FootnoteDef(name.clone());
        tree.children.push(eob);
        self.footnotes.insert(
            name,
            FootnoteDef {
                content: el,
                ial: None,
                referenced: false,
            },
        );
        true
    }

    pub(super) fn parse_link_definition(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        let Some(m) = link_def_match(sc.s, sc.pos) else {
            return false;
        };
        if m.bare_url && has_space_quote(&m.url) {
            return false;
        }
        sc.pos = m.end;
        let id = normalize_link_id(&m.id);
        if self.link_defs.contains_key(&id) {
            self.warning(format!("Duplicate link ID '{id}' - overwriting"));
        }
        let mut eob = self.new_block_el(Kind::Eob);
        eob.extra_mut().eob = EobKind::LinkDef(id.clone());
        let ial = eob.ial().cloned();
        tree.children.push(eob);
        self.link_defs.insert(
            id,
            LinkDef {
                url: m.url,
                title: m.title,
                ial,
            },
        );
        true
    }

    pub(super) fn parse_abbrev_definition(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        let s = sc.s;
        let p = sc.pos + spaces(s, sc.pos, 3);
        if !s[p..].starts_with("*[") {
            return false;
        }
        let Some(le) = line_end(s, p) else {
            return false;
        };
        let line = &s[p + 2..le - 1];
        // `\[(.+?)\]:` — the first `]:` after at least one character.
        let Some(close) = line.get(1..).and_then(|r| r.find("]:")).map(|i| i + 1) else {
            return false;
        };
        let id = line[..close].to_string();
        let text = line[close + 2..].trim_matches(is_ruby_ws).to_string();
        sc.pos = le;
        if self.abbrev_defs.contains_key(&id) {
            self.warning(format!("Duplicate abbreviation ID '{id}' - overwriting"));
        } else {
            self.abbrev_order.push(id.clone());
        }
        let mut eob = self.new_block_el(Kind::Eob);
        eob.extra_mut().eob = EobKind::AbbrevDef(id.clone());
        tree.children.push(eob);
        self.abbrev_defs.insert(id.clone(), text);
        self.abbrev_attrs.entry(id).or_default();
        true
    }

    pub(super) fn parse_block_extensions(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        let s = sc.s;
        let p = sc.pos + spaces(s, sc.pos, 3);
        if !s[p..].starts_with("{:") {
            return false;
        }
        // ALD: `{:name: attrs}`
        if let Some(ne) = ald_id_end(s, p + 2) {
            if s.as_bytes().get(ne) == Some(&b':') {
                for &c in ald_close_candidates(s, ne + 1).iter().rev() {
                    if c > ne + 1 {
                        if let Some(e) = ws_to_nl(s, c + 1) {
                            let name = s[p + 2..ne].to_string();
                            let mut ial = self.alds.remove(&name).unwrap_or_default();
                            self.parse_attribute_list(&s[ne + 1..c], &mut ial);
                            self.alds.insert(name, ial);
                            sc.pos = e;
                            let mut eob = self.new_block_el(Kind::Eob);
                            eob.extra_mut().eob = EobKind::Ald;
                            tree.children.push(eob);
                            return true;
                        }
                    }
                }
            }
        }
        if let Some(ext) = super::inline::ext_start(s, p, true) {
            return self.parse_extension_block(sc, tree, ext);
        }
        if let Some((content, end)) = ial_block(s, p) {
            sc.pos = end;
            let attach = match tree.children.last() {
                Some(l) => {
                    l.kind != Kind::Blank
                        && (l.kind != Kind::Eob
                            || matches!(
                                l.eob(),
                                EobKind::LinkDef(_)
                                    | EobKind::AbbrevDef(_)
                                    | EobKind::FootnoteDef(_)
                            ))
                }
                None => false,
            };
            if attach {
                let mut ial = tree
                    .children
                    .last_mut()
                    .and_then(El::take_ial)
                    .unwrap_or_default();
                self.parse_attribute_list(content, &mut ial);
                if let Some(last) = tree.children.last_mut() {
                    match last.eob().clone() {
                        EobKind::LinkDef(id) if last.kind == Kind::Eob => {
                            if let Some(d) = self.link_defs.get_mut(&id) {
                                d.ial = Some(ial.clone());
                            }
                        }
                        EobKind::FootnoteDef(name) if last.kind == Kind::Eob => {
                            if let Some(d) = self.footnotes.get_mut(&name) {
                                d.ial = Some(ial.clone());
                            }
                        }
                        _ => {}
                    }
                    last.set_ial(Some(ial));
                }
                if ial_block_start(s, sc.pos).is_none() {
                    let mut eob = self.new_block_el(Kind::Eob);
                    eob.extra_mut().eob = EobKind::Ial;
                    tree.children.push(eob);
                }
            } else {
                let mut ial = self.block_ial.take().unwrap_or_default();
                self.parse_attribute_list(content, &mut ial);
                self.block_ial = Some(ial);
            }
            return true;
        }
        false
    }

    fn parse_extension_block(
        &mut self,
        sc: &mut Src,
        tree: &mut El,
        ext: super::inline::ExtStart,
    ) -> bool {
        let s = sc.s;
        if ext.is_stop {
            self.warning("Invalid extension stop tag found - ignoring it");
            return false;
        }
        let mut opts = Ial::default();
        self.parse_attribute_list(&ext.attrs, &mut opts);
        let mut body = None;
        let mut end = ext.end;
        if !ext.self_closing {
            let stop = if sc.ext_stop_after(end) {
                find_block_ext_stop(s, end, &ext.name)
            } else {
                None
            };
            match stop {
                Some((bstart, bend)) => {
                    let mut b = s[end..bstart].to_string();
                    if b.ends_with('\n') {
                        b.pop();
                    }
                    body = Some(b);
                    end = bend;
                }
                None => {
                    self.warning(format!(
                        "No stop tag for extension '{}' found - ignoring it",
                        ext.name
                    ));
                    return false;
                }
            }
        }
        sc.pos = end;
        if !self.handle_extension(&ext.name, &opts, body, true, tree) {
            self.warning(format!(
                "Invalid extension with name '{}' specified - ignoring it",
                ext.name
            ));
            sc.pos = ext.start_pos;
            return false;
        }
        true
    }
}

/// `^ {0,3}\{:/(name)?\}\s*?\n` after `from`: returns (start of stop line, end).
fn find_block_ext_stop(s: &str, from: usize, name: &str) -> Option<(usize, usize)> {
    let mut i = from;
    while i < s.len() {
        // `^` inside the pattern: line starts only (or the scan position itself).
        if i == from || s.as_bytes()[i - 1] == b'\n' {
            let p = i + spaces(s, i, 3);
            let r = &s[p..];
            let tag_len = if r.starts_with("{:/}") {
                Some(4)
            } else if r.starts_with("{:/")
                && r[3..].starts_with(name)
                && r[3 + name.len()..].starts_with('}')
            {
                Some(4 + name.len())
            } else {
                None
            };
            if let Some(t) = tag_len {
                if let Some(e) = ws_to_nl(s, p + t) {
                    return Some((i, e));
                }
            }
        }
        i = line_end(s, i)?;
    }
    None
}

pub(super) struct LinkDefMatch {
    pub id: String,
    pub url: String,
    pub title: Option<String>,
    pub end: usize,
    pub bare_url: bool,
}

fn has_space_quote(url: &str) -> bool {
    let b = url.as_bytes();
    (1..b.len()).any(|i| (b[i] == b'"' || b[i] == b'\'') && (b[i - 1] == b' ' || b[i - 1] == b'\t'))
}

/// `LINK_DEFINITION_START` at `pos`.
fn link_def_match(s: &str, pos: usize) -> Option<LinkDefMatch> {
    let b = s.as_bytes();
    let p = pos + spaces(s, pos, 3);
    if b.get(p) != Some(&b'[') {
        return None;
    }
    let close = p + 1 + s[p + 1..].find([']', '\n'])?;
    if b[close] != b']' || close == p + 1 || b.get(close + 1) != Some(&b':') {
        return None;
    }
    let id = s[p + 1..close].to_string();
    let mut u = close + 2;
    while u < b.len() && (b[u] == b' ' || b[u] == b'\t') {
        u += 1;
    }
    let le = eol(s, u);
    if le >= b.len() {
        return None;
    }
    let line = &s[u..le];
    // Tail after the url: optional title, then `[ \t]*?\n`.
    let tail = |url_end: usize| -> Option<(Option<String>, usize)> {
        if let Some(t) = title_after(s, url_end, le) {
            return Some(t);
        }
        s[url_end..le]
            .bytes()
            .all(|c| c == b' ' || c == b'\t')
            .then_some((None, le + 1))
    };
    if line.starts_with('<') {
        for (gi, _) in line.match_indices('>') {
            if let Some((title, end)) = tail(u + gi + 1) {
                return Some(LinkDefMatch {
                    id,
                    url: line[1..gi].to_string(),
                    title,
                    end,
                    bare_url: false,
                });
            }
        }
    }
    let first_ns = line.find(|c: char| !is_ruby_ws(c))?;
    let mut e = u + first_ns + line[first_ns..].chars().next()?.len_utf8();
    loop {
        if let Some((title, end)) = tail(e) {
            return Some(LinkDefMatch {
                id,
                url: s[u..e].to_string(),
                title,
                end,
                bare_url: true,
            });
        }
        if e >= le {
            return None;
        }
        e += char_len(s, e);
    }
}

/// `(?:[ \t]*?\n|[ \t]+?)[ \t]*?(["'])(.+?)\4[ \t]*?\n` starting at `pos` (line ends at `le`).
fn title_after(s: &str, pos: usize, le: usize) -> Option<(Option<String>, usize)> {
    let b = s.as_bytes();
    let mut i = pos;
    while i < le && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    let (q_pos, line_end_pos) = if i < le {
        if i == pos {
            return None;
        }
        (i, le)
    } else {
        // Title on the next line.
        let mut j = le + 1;
        let nle = eol(s, j);
        if nle >= b.len() {
            return None;
        }
        while j < nle && (b[j] == b' ' || b[j] == b'\t') {
            j += 1;
        }
        (j, nle)
    };
    let q = *b.get(q_pos)?;
    if q != b'"' && q != b'\'' {
        return None;
    }
    let mut k = line_end_pos;
    while k > q_pos + 1 && (b[k - 1] == b' ' || b[k - 1] == b'\t') {
        k -= 1;
    }
    if k < q_pos + 3 || b[k - 1] != q {
        return None;
    }
    Some((Some(s[q_pos + 1..k - 1].to_string()), line_end_pos + 1))
}
