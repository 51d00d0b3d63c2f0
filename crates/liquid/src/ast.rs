//! The parsed form of a template: a tree of blocks of nodes.

use crate::context::Context;
use crate::engine::Render;
use crate::error::Error;
use crate::expr::Variable;
use crate::value::Value;

/// One node of a block.
pub(crate) enum Node {
    /// Literal text.
    Text(Box<str>),
    /// `{{ ... }}`, with the byte offset of its `{{`.
    Output(Box<Variable>, usize),
    /// A tag, with its byte offset and whether it is blank.
    Tag(Box<dyn Render>, usize),
}

/// A parsed sequence of nodes: a template body or a block tag's body.
pub struct Block {
    pub(crate) nodes: Vec<Node>,
    pub(crate) blank: bool,
}

impl Block {
    pub(crate) fn new(nodes: Vec<Node>, blank: bool) -> Block {
        Block { nodes, blank }
    }

    /// Whether the block outputs nothing but whitespace and blank tags.
    pub fn is_blank(&self) -> bool {
        self.blank
    }

    /// Drops whitespace text, as Ruby does for blank `if`/`for`/`case` bodies.
    pub(crate) fn remove_blank_strings(&mut self) {
        self.nodes.retain(|n| !matches!(n, Node::Text(_)));
    }

    /// Renders the block, appending to `out`. Stops early on `break`/`continue`.
    pub fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        for node in &self.nodes {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Output(v, offset) => {
                    v.render(ctx, out).map_err(|e| locate(e, ctx, *offset))?;
                    if ctx.interrupt.is_some() {
                        break;
                    }
                }
                Node::Tag(t, offset) => {
                    t.render(ctx, out).map_err(|e| locate(e, ctx, *offset))?;
                    if ctx.interrupt.is_some() {
                        break;
                    }
                }
            }
            ctx.step(out.len())?;
        }
        Ok(())
    }

    /// Renders the block into a new string.
    pub fn render_to_string(&self, ctx: &mut Context) -> Result<String, Error> {
        let mut s = String::new();
        self.render(ctx, &mut s)?;
        Ok(s)
    }

    /// Renders the block into a string value. A block that is one `{{ }}`
    /// of a string (`{% capture raw %}{{ content }}{% endcapture %}`) keeps
    /// that string, O(1), instead of copying it into a buffer and again
    /// into the value.
    pub(crate) fn render_to_value(&self, ctx: &mut Context) -> Result<Value, Error> {
        if let [Node::Output(v, offset)] = self.nodes.as_slice() {
            let value = v.evaluate(ctx).map_err(|e| locate(e, ctx, *offset))?;
            let value = match value {
                Value::Str(_) => value,
                _ => Value::str(value.to_liquid_string()),
            };
            ctx.step(value.as_str().map_or(0, str::len))?;
            return Ok(value);
        }
        self.render_to_string(ctx).map(Value::str)
    }
}

fn locate(e: Error, ctx: &Context, offset: usize) -> Error {
    if e.has_location() {
        return match ctx.locate(offset) {
            Some(loc) => e.set_include_origin(loc),
            None => e,
        };
    }
    match ctx.locate(offset) {
        Some(loc) => e.with_location(loc),
        None => e,
    }
}
