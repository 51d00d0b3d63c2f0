//! Parsed templates: immutable, shareable across threads, rendered many times.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crate::ast::Block;
use crate::context::{Context, Frame};
use crate::engine::Engine;
use crate::error::{Error, Warning};
use crate::value::Str;

/// A parsed template.
pub struct Template {
    name: Option<Str>,
    source: Str,
    root: Block,
    warnings: Vec<Warning>,
    /// The length of the last output of [`Template::render`], to size the
    /// next one's buffer (renders of one template are alike in length).
    last_len: AtomicUsize,
}

impl Template {
    /// Parses an unnamed template.
    pub fn parse(source: &str, engine: &Engine) -> Result<Template, Error> {
        Template::parse_inner(source, None, engine)
    }

    /// Parses a template named `name` (a path, usually), which errors show.
    pub fn parse_named(source: &str, name: &str, engine: &Engine) -> Result<Template, Error> {
        Template::parse_inner(source, Some(name.into()), engine)
    }

    fn parse_inner(source: &str, name: Option<Str>, engine: &Engine) -> Result<Template, Error> {
        let source: Str = source.into();
        let (root, warnings) = crate::parser::parse_document(&source, name.as_ref(), engine)?;
        Ok(Template {
            name,
            source,
            root,
            warnings,
            last_len: AtomicUsize::new(0),
        })
    }

    /// The template's name.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The source text.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Warnings collected while parsing in `warn` mode.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// Renders to a new string.
    pub fn render(&self, ctx: &mut Context) -> Result<String, Error> {
        let hint = self.last_len.load(Ordering::Relaxed);
        let mut out = String::with_capacity(hint.max(self.source.len()));
        self.render_to(ctx, &mut out)?;
        if out.len() != hint {
            self.last_len.store(out.len(), Ordering::Relaxed);
        }
        Ok(out)
    }

    /// Renders, appending to `out`.
    pub fn render_to(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        ctx.frames.push(Frame {
            name: self.name.clone(),
            source: self.source.clone(),
        });
        let r = self.root.render(ctx, out);
        ctx.frames.pop();
        r
    }

    /// Parses `source` and wraps it in an `Arc` for sharing.
    pub fn parse_shared(source: &str, name: &str, engine: &Engine) -> Result<Arc<Template>, Error> {
        Template::parse_named(source, name, engine).map(Arc::new)
    }
}
