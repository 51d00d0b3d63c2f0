//! The standard tags. Each parses its markup the lax way Ruby Liquid does
//! and renders through the [`Render`] trait, like registered tags.

mod control;
mod iteration;
mod partial;
mod simple;

use crate::engine::Render;
use crate::error::Error;
use crate::parser::Parser;

pub(crate) use iteration::ForloopDrop;

/// A parsed tag and whether it is blank.
pub(crate) type Parsed = Option<(Box<dyn Render>, bool)>;

/// Parses a standard tag; `Ok(None)` when `name` is no tag (an end tag...).
pub(crate) fn parse_standard(
    p: &mut Parser<'_>,
    name: &str,
    markup: &str,
    offset: usize,
) -> Result<Parsed, Error> {
    let r: Box<dyn Render> = match name {
        "assign" => Box::new(simple::Assign::parse(p, markup, offset)?),
        "capture" => Box::new(simple::Capture::parse(p, markup, offset)?),
        "echo" => Box::new(simple::Echo::parse(p, markup, offset)?),
        "increment" => Box::new(simple::Counter::new(markup, true)),
        "decrement" => Box::new(simple::Counter::new(markup, false)),
        "cycle" => Box::new(simple::Cycle::parse(markup)?),
        "break" => Box::new(simple::Interrupt(crate::context::Interrupt::Break)),
        "continue" => Box::new(simple::Interrupt(crate::context::Interrupt::Continue)),
        "comment" => Box::new(simple::Comment::parse(p, offset)?),
        "#" => Box::new(simple::InlineComment::parse(markup)?),
        "raw" => Box::new(simple::Raw::parse(p, markup, offset)?),
        "if" => Box::new(control::If::parse(p, markup, offset, false)?),
        "unless" => Box::new(control::If::parse(p, markup, offset, true)?),
        "case" => Box::new(control::Case::parse(p, markup, offset)?),
        "ifchanged" => Box::new(control::IfChanged::parse(p, offset)?),
        "for" => Box::new(iteration::For::parse(p, markup, offset)?),
        "tablerow" => Box::new(iteration::TableRow::parse(p, markup, offset)?),
        "include" => Box::new(partial::Include::parse(markup)?),
        "render" => Box::new(partial::RenderTag::parse(markup)?),
        _ => return Ok(None),
    };
    let blank = r.is_blank();
    Ok(Some((r, blank)))
}
