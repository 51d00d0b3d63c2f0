//! Loops: `for` (with `limit`, `offset`, `offset: continue`, `reversed`,
//! `else`, `break`, `continue`, `forloop`) and `tablerow`.

use std::sync::atomic::{AtomicI64, Ordering as AtomicOrdering};
use std::sync::Arc;

use num_traits::ToPrimitive;

use crate::ast::Block;
use crate::context::{Context, Interrupt};
use crate::engine::Render;
use crate::error::{Error, ErrorKind};
use crate::expr::{to_integer, Expression};
use crate::lex;
use crate::parser::Parser;
use crate::value::{Object, Value};

/// Ruby would build the array; we refuse absurd sizes instead of exhausting memory.
const MAX_SEGMENT: i64 = 50_000_000;

/// The `forloop` object. Like Ruby's, one object per loop whose index
/// advances, so each iteration costs no allocation.
pub(crate) struct ForloopDrop {
    pub(crate) name: crate::value::Str,
    pub(crate) length: i64,
    pub(crate) index0: AtomicI64,
    pub(crate) parent: Value,
}

impl ForloopDrop {
    pub(crate) fn new(name: crate::value::Str, length: i64, parent: Value) -> ForloopDrop {
        ForloopDrop {
            name,
            length,
            index0: AtomicI64::new(0),
            parent,
        }
    }

    pub(crate) fn advance(&self) {
        self.index0.fetch_add(1, AtomicOrdering::Relaxed);
    }
}

impl Object for ForloopDrop {
    fn get(&self, key: &str) -> Option<Value> {
        let (len, i) = (self.length, self.index0.load(AtomicOrdering::Relaxed));
        Some(match key {
            "name" => Value::Str(self.name.clone()),
            "length" => Value::Int(len),
            "index" => Value::Int(i + 1),
            "index0" => Value::Int(i),
            "rindex" => Value::Int(len - i),
            "rindex0" => Value::Int(len - i - 1),
            "first" => Value::Bool(i == 0),
            "last" => Value::Bool(i == len - 1),
            "parentloop" => self.parent.clone(),
            _ => return None,
        })
    }
    fn to_liquid_string(&self) -> String {
        "#<Liquid::ForloopDrop>".into()
    }
    fn type_name(&self) -> &'static str {
        "Liquid::ForloopDrop"
    }
}

/// `Utils.slice_collection`: the items from index `from` up to `to`.
pub(crate) fn slice(collection: &Value, from: i64, to: Option<i64>) -> Result<Vec<Value>, Error> {
    let keep = |i: i64| from <= i && to.is_none_or(|t| i < t);
    Ok(match collection {
        Value::Str(s) => {
            if s.is_empty() {
                vec![]
            } else {
                vec![collection.clone()]
            }
        }
        Value::Array(a) => {
            let start = from.max(0) as usize;
            let end = to.map_or(a.len(), |t| t.clamp(0, a.len() as i64) as usize);
            if start >= end {
                vec![]
            } else {
                a[start..end].to_vec()
            }
        }
        Value::Hash(h) => h
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(*i as i64))
            .map(|(_, (k, v))| Value::array(vec![k.clone(), v.clone()]))
            .collect(),
        Value::Range(a, b) => {
            let len = b.saturating_sub(*a).saturating_add(1).max(0);
            let start = from.max(0);
            let end = to.map_or(len, |t| t.clamp(0, len));
            if end - start > MAX_SEGMENT {
                return Err(Error::new(
                    ErrorKind::ResourceLimit,
                    "Memory limits exceeded",
                ));
            }
            (start..end).map(|i| Value::Int(a + i)).collect()
        }
        Value::BigRange(r) => {
            let len = (&r.1 - &r.0 + 1i32).to_i64().unwrap_or(i64::MAX).max(0);
            let start = from.max(0);
            let end = to.map_or(len, |t| t.clamp(0, len));
            if end.saturating_sub(start) > MAX_SEGMENT {
                return Err(Error::new(
                    ErrorKind::ResourceLimit,
                    "Memory limits exceeded",
                ));
            }
            (start..end.max(start))
                .map(|i| Value::integer(&r.0 + i))
                .collect()
        }
        Value::Object(o) => match o.to_array() {
            Some(v) => return slice(&v, from, to),
            None => vec![],
        },
        _ => vec![],
    })
}

/// The items a `for` loop visits. Ranges stay lazy, so `(1..1000000000)`
/// costs nothing until iterated (and resource limits can stop it).
enum Segment {
    Items(Vec<Value>),
    /// Part of an array, read in place (no pass copying every item).
    Slice {
        array: Arc<Vec<Value>>,
        start: usize,
        len: usize,
        reversed: bool,
    },
    Range {
        first: i64,
        len: usize,
        reversed: bool,
    },
    /// A range with a Bignum bound.
    BigRange {
        first: Arc<num_bigint::BigInt>,
        len: usize,
        reversed: bool,
    },
}

impl Segment {
    fn new(
        collection: &Value,
        from: i64,
        to: Option<i64>,
        reversed: bool,
    ) -> Result<Segment, Error> {
        if let Value::Range(a, b) = collection {
            let total = if b >= a {
                b.saturating_sub(*a).saturating_add(1)
            } else {
                0
            };
            let start = from.max(0).min(total);
            let end = to.map_or(total, |t| t.clamp(0, total)).max(start);
            let len = usize::try_from(end - start).unwrap_or(usize::MAX);
            return Ok(Segment::Range {
                first: a.saturating_add(start),
                len,
                reversed,
            });
        }
        if let Value::BigRange(r) = collection {
            let total =
                (&r.1 - &r.0 + 1i32)
                    .to_i64()
                    .unwrap_or(if r.1 >= r.0 { i64::MAX } else { 0 });
            let total = total.max(0);
            let start = from.max(0).min(total);
            let end = to.map_or(total, |t| t.clamp(0, total)).max(start);
            return Ok(Segment::BigRange {
                first: Arc::new(&r.0 + start),
                len: usize::try_from(end - start).unwrap_or(usize::MAX),
                reversed,
            });
        }
        if let Value::Array(a) = collection {
            let start = from.max(0) as usize;
            let end = to.map_or(a.len(), |t| t.clamp(0, a.len() as i64) as usize);
            return Ok(Segment::Slice {
                array: a.clone(),
                start,
                len: end.saturating_sub(start),
                reversed,
            });
        }
        if let Value::Object(o) = collection {
            if let Some(v @ Value::Array(_)) = o.to_array() {
                return Segment::new(&v, from, to, reversed);
            }
        }
        let mut items = slice(collection, from, to)?;
        if reversed {
            items.reverse();
        }
        Ok(Segment::Items(items))
    }

    fn len(&self) -> usize {
        match self {
            Segment::Items(v) => v.len(),
            Segment::Slice { len, .. }
            | Segment::Range { len, .. }
            | Segment::BigRange { len, .. } => *len,
        }
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn get(&self, i: usize) -> Value {
        match self {
            Segment::Items(v) => v[i].clone(),
            Segment::Slice {
                array,
                start,
                len,
                reversed,
            } => {
                let k = if *reversed { len - 1 - i } else { i };
                array[start + k].clone()
            }
            Segment::Range {
                first,
                len,
                reversed,
            } => {
                let k = if *reversed { len - 1 - i } else { i };
                Value::Int(first.saturating_add(k as i64))
            }
            Segment::BigRange {
                first,
                len,
                reversed,
            } => {
                let k = if *reversed { len - 1 - i } else { i };
                Value::integer(&**first + k)
            }
        }
    }
}

/// The `forloop` variable's name, shared by every loop.
static FORLOOP: std::sync::LazyLock<crate::value::Str> =
    std::sync::LazyLock::new(|| "forloop".into());

/// `{% for x in collection %}`
pub(crate) struct For {
    var: crate::value::Str,
    name: crate::value::Str,
    collection: Expression,
    reversed: bool,
    limit: Option<Expression>,
    offset: Offset,
    body: Block,
    else_body: Option<Block>,
    blank: bool,
}

enum Offset {
    None,
    Continue,
    Expr(Expression),
}

impl For {
    pub(crate) fn parse(p: &mut Parser<'_>, markup: &str, offset: usize) -> Result<For, Error> {
        let header = match crate::strict::for_header(p, markup, offset)? {
            Some(h) => h,
            None => lax_header(markup)?,
        };
        let mut limit = None;
        let mut from = Offset::None;
        for (k, v) in &header.attrs {
            match k.as_str() {
                "offset" if v == "continue" => from = Offset::Continue,
                "offset" => from = Offset::Expr(Expression::parse(v)),
                "limit" => limit = Some(Expression::parse(v)),
                _ => {}
            }
        }
        let (mut body, stop) = p.parse_body(offset)?;
        let mut else_body = None;
        match stop {
            None => return Err(p.never_closed("for", offset)),
            Some(s) if s.name == "endfor" => {}
            Some(s) if s.name == "else" => {
                let (b, stop) = p.parse_body(offset)?;
                match stop {
                    None => return Err(p.never_closed("for", offset)),
                    Some(s) if s.name == "endfor" => else_body = Some(b),
                    // Ruby starts a fresh else body and ends the `for`
                    // there; what follows belongs to the enclosing block.
                    Some(s) if s.name == "else" => else_body = Some(Block::new(Vec::new(), true)),
                    Some(s) => return Err(p.unknown_tag_error("for", &s)),
                }
            }
            Some(s) => return Err(p.unknown_tag_error("for", &s)),
        }
        let blank = body.is_blank() && else_body.as_ref().is_none_or(Block::is_blank);
        if blank {
            body.remove_blank_strings();
            if let Some(b) = &mut else_body {
                b.remove_blank_strings();
            }
        }
        Ok(For {
            name: format!("{}-{}", header.var, header.collection).into(),
            var: header.var.as_str().into(),
            collection: Expression::parse(&header.collection),
            reversed: header.reversed,
            limit,
            offset: from,
            body,
            else_body,
            blank,
        })
    }
}

/// `\A([\w-]+)\s+in\s+(QuotedFragment+)\s*(reversed)?` plus attributes.
fn lax_header(markup: &str) -> Result<crate::strict::ForHeader, Error> {
    let err =
        || Error::syntax("Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]");
    let s = markup.as_bytes();
    let mut i = 0;
    while i < s.len() && (lex::is_word(s[i]) || s[i] == b'-') {
        i += 1;
    }
    if i == 0 {
        return Err(err());
    }
    let var = &markup[..i];
    let j = lex::skip_space(s, i);
    if j == i || s.get(j..j + 2) != Some(b"in") {
        return Err(err());
    }
    let k = lex::skip_space(s, j + 2);
    if k == j + 2 {
        return Err(err());
    }
    let end = lex::quoted_fragments_at(s, k).ok_or_else(err)?;
    let collection = &markup[k..end];
    let r = lex::skip_space(s, end);
    let reversed = s.get(r..r + 8) == Some(b"reversed");
    let attrs = lex::tag_attributes(markup)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Ok(crate::strict::ForHeader {
        var: var.to_string(),
        collection: collection.to_string(),
        reversed,
        attrs,
    })
}

impl Render for For {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let from = match &self.offset {
            Offset::None => 0,
            Offset::Continue => ctx.state.for_offsets.get(&*self.name).copied().unwrap_or(0),
            Offset::Expr(e) => match e.evaluate(ctx)? {
                Value::Nil => 0,
                v => to_integer(&v)?,
            },
        };
        let collection = self.collection.evaluate(ctx)?;
        let to = match &self.limit {
            None => None,
            Some(e) => match e.evaluate(ctx)? {
                Value::Nil => None,
                v => Some(to_integer(&v)?.saturating_add(from)),
            },
        };
        let segment = Segment::new(&collection, from, to, self.reversed)?;
        // Ruby records where every loop stopped, for a later `offset:
        // continue`.
        let next = from + segment.len() as i64;
        match ctx.state.for_offsets.get_mut(&*self.name) {
            Some(slot) => *slot = next,
            None => {
                ctx.state.for_offsets.insert(self.name.clone(), next);
            }
        }
        if segment.is_empty() {
            if let Some(b) = &self.else_body {
                b.render(ctx, out)?;
            }
            return Ok(());
        }
        let parent = ctx.state.loops.last().cloned().unwrap_or_default();
        let length = segment.len() as i64;
        ctx.push_scope()?;
        let forloop = Arc::new(ForloopDrop::new(self.name.clone(), length, parent));
        ctx.set_local_str(&FORLOOP, Value::Object(forloop.clone()));
        ctx.state.loops.push(Value::Object(forloop.clone()));
        let r = (|| {
            for i in 0..segment.len() {
                ctx.set_local_str(&self.var, segment.get(i));
                self.body.render(ctx, out)?;
                forloop.advance();
                ctx.step(out.len())?;
                match ctx.interrupt.take() {
                    Some(Interrupt::Break) => break,
                    Some(Interrupt::Continue) | None => {}
                }
            }
            Ok(())
        })();
        ctx.state.loops.pop();
        ctx.pop_scope();
        r
    }
    fn is_blank(&self) -> bool {
        self.blank
    }
}

/// `{% tablerow x in collection cols: n %}`
pub(crate) struct TableRow {
    var: String,
    collection: Expression,
    attrs: Vec<(String, Expression)>,
    body: Block,
}

impl TableRow {
    pub(crate) fn parse(
        p: &mut Parser<'_>,
        markup: &str,
        offset: usize,
    ) -> Result<TableRow, Error> {
        let err = || {
            Error::syntax("Syntax Error in 'table_row loop' - Valid syntax: table_row [item] in [collection] cols=3")
        };
        let (var, collection) = tablerow_syntax(markup).ok_or_else(err)?;
        let attrs = lex::tag_attributes(markup)
            .into_iter()
            .map(|(k, v)| (k.to_string(), Expression::parse(v)))
            .collect();
        let body = p.parse_block_to_end("tablerow", offset)?;
        Ok(TableRow {
            var: var.to_string(),
            collection: Expression::parse(collection),
            attrs,
            body,
        })
    }

    fn attr(&self, name: &str) -> Option<&Expression> {
        self.attrs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }
}

/// `(\w+)\s+in\s+(QuotedFragment+)`, searched.
fn tablerow_syntax(markup: &str) -> Option<(&str, &str)> {
    let s = markup.as_bytes();
    let mut i = 0;
    while i < s.len() {
        if lex::is_word(s[i]) {
            let mut e = i;
            while e < s.len() && lex::is_word(s[e]) {
                e += 1;
            }
            let j = lex::skip_space(s, e);
            if j > e && s.get(j..j + 2) == Some(b"in") {
                let k = lex::skip_space(s, j + 2);
                if k > j + 2 {
                    if let Some(end) = lex::quoted_fragments_at(s, k) {
                        return Some((&markup[i..e], &markup[k..end]));
                    }
                }
            }
            // Later starts inside this word reach the same end.
            i = e;
        } else {
            i += 1;
        }
    }
    None
}

/// Ruby's `to_i` on a value, as `tablerow` applies it.
fn ruby_to_i(v: &Value) -> Result<i64, Error> {
    Ok(match v {
        Value::Nil => 0,
        Value::Int(i) => *i,
        Value::Float(f) if f.is_finite() => *f as i64,
        Value::Str(s) => lex::ruby_to_i(s),
        other => {
            return Err(Error::runtime(format!(
                "undefined method `to_i' for {}",
                other.type_name()
            )))
        }
    })
}

struct TableRowLoop {
    length: i64,
    cols: i64,
    row: i64,
    col: i64,
    index: i64,
}

impl Object for TableRowLoop {
    fn get(&self, key: &str) -> Option<Value> {
        let (len, i) = (self.length, self.index);
        Some(match key {
            "length" => Value::Int(len),
            "cols" => Value::Int(self.cols),
            "row" => Value::Int(self.row),
            "col" => Value::Int(self.col),
            "col0" => Value::Int(self.col - 1),
            "index" => Value::Int(i + 1),
            "index0" => Value::Int(i),
            "rindex" => Value::Int(len - i),
            "rindex0" => Value::Int(len - i - 1),
            "first" => Value::Bool(i == 0),
            "last" => Value::Bool(i == len - 1),
            "col_first" => Value::Bool(self.col == 1),
            "col_last" => Value::Bool(self.col == self.cols),
            _ => return None,
        })
    }
    fn type_name(&self) -> &'static str {
        "Liquid::TablerowloopDrop"
    }
}

impl Render for TableRow {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let collection = self.collection.evaluate(ctx)?;
        if !collection.is_truthy() {
            return Ok(());
        }
        let from = match self.attr("offset") {
            Some(e) => ruby_to_i(&e.evaluate(ctx)?)?,
            None => 0,
        };
        let to = match self.attr("limit") {
            Some(e) => Some(from.saturating_add(ruby_to_i(&e.evaluate(ctx)?)?)),
            None => None,
        };
        let items = slice(&collection, from, to)?;
        let cols = match self.attr("cols") {
            Some(e) => ruby_to_i(&e.evaluate(ctx)?)?,
            None => 0,
        };
        out.push_str("<tr class=\"row1\">\n");
        ctx.push_scope()?;
        let length = items.len() as i64;
        let r = (|| {
            let (mut row, mut col) = (1, 1);
            for (i, item) in items.into_iter().enumerate() {
                let state = TableRowLoop {
                    length,
                    cols,
                    row,
                    col,
                    index: i as i64,
                };
                ctx.set_local("tablerowloop", Value::object(state));
                ctx.set_local(&self.var, item);
                out.push_str(&format!("<td class=\"col{col}\">"));
                self.body.render(ctx, out)?;
                out.push_str("</td>");
                if col == cols && i as i64 != length - 1 {
                    out.push_str(&format!("</tr>\n<tr class=\"row{}\">", row + 1));
                }
                if col == cols {
                    col = 1;
                    row += 1;
                } else {
                    col += 1;
                }
                ctx.step(out.len())?;
            }
            Ok(())
        })();
        ctx.pop_scope();
        r?;
        out.push_str("</tr>\n");
        Ok(())
    }
}
