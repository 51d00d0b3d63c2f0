//! The engine: the registry of tags and filters a template is parsed with,
//! and the traits through which other crates extend it.

use std::collections::HashMap;
use std::sync::Arc;

use crate::ast::Block;
use crate::context::Context;
use crate::error::Error;
use crate::value::{Str, Value};

/// How lax the parser is, as Ruby Liquid's `error_mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ErrorMode {
    /// Accept bad syntax silently.
    Lax,
    /// Accept bad syntax, collecting a warning (Jekyll's default).
    #[default]
    Warn,
    /// Reject what the strict parser rejects.
    Strict,
}

/// The arguments of a filter call: `{{ x | f: 1, 2, key: 3 }}`.
#[derive(Debug, Clone, Copy)]
pub struct FilterArgs<'a> {
    /// Positional arguments, evaluated.
    pub positional: &'a [Value],
    /// Keyword arguments (`key: value`), evaluated, in order.
    pub keyword: &'a [(Str, Value)],
}

impl<'a> FilterArgs<'a> {
    /// The `i`th positional argument.
    pub fn get(&self, i: usize) -> Option<&'a Value> {
        self.positional.get(i)
    }

    /// A keyword argument by name.
    pub fn keyword(&self, name: &str) -> Option<&'a Value> {
        self.keyword
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v)
    }

    /// The number of arguments as Ruby counts them (keywords are one more).
    pub fn ruby_arity(&self) -> usize {
        self.positional.len() + usize::from(!self.keyword.is_empty())
    }

    /// Fails with Ruby's message unless `min..=max` arguments (besides the
    /// input) were given.
    pub fn check_arity(&self, min: usize, max: usize) -> Result<(), Error> {
        let given = self.ruby_arity();
        if given < min || given > max {
            let expected = if min == max {
                (min + 1).to_string()
            } else {
                format!("{}..{}", min + 1, max + 1)
            };
            return Err(Error::argument(format!(
                "wrong number of arguments (given {}, expected {})",
                given + 1,
                expected
            )));
        }
        Ok(())
    }
}

/// A filter: `input | name: args`.
///
/// Implemented for every `Fn(&Value, &FilterArgs, &mut Context) -> Result<Value, Error>`.
pub trait Filter: Send + Sync {
    /// Applies the filter.
    fn call(&self, input: &Value, args: &FilterArgs<'_>, ctx: &mut Context)
        -> Result<Value, Error>;

    /// Applies the filter to an input the caller no longer needs (the
    /// result of the previous filter in a chain), so that a filter can
    /// reuse it, e.g. reorder an array in place. Defaults to [`Filter::call`].
    fn call_owned(
        &self,
        input: Value,
        args: &FilterArgs<'_>,
        ctx: &mut Context,
    ) -> Result<Value, Error> {
        self.call(&input, args, ctx)
    }

    /// Applies the filter as the last one of a `{{ }}` output, appending
    /// its result to `out` as the output prints it. A filter that builds a
    /// long string (`join` of a page's words) can write it there directly
    /// instead of into a value that is copied and dropped. Defaults to
    /// [`Filter::call_owned`] and printing the value.
    fn write_owned(
        &self,
        input: Value,
        args: &FilterArgs<'_>,
        ctx: &mut Context,
        out: &mut String,
    ) -> Result<(), Error> {
        self.call_owned(input, args, ctx)?.write_to(out);
        Ok(())
    }
}

impl<F> Filter for F
where
    F: Fn(&Value, &FilterArgs<'_>, &mut Context) -> Result<Value, Error> + Send + Sync,
{
    fn call(
        &self,
        input: &Value,
        args: &FilterArgs<'_>,
        ctx: &mut Context,
    ) -> Result<Value, Error> {
        self(input, args, ctx)
    }
}

/// A parsed tag, ready to render any number of times, from any thread.
pub trait Render: Send + Sync {
    /// Appends the tag's output to `out`.
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error>;

    /// Whether the tag never outputs anything (like `assign`); a block made
    /// only of blank tags and whitespace drops that whitespace, as Ruby does.
    fn is_blank(&self) -> bool {
        false
    }
}

/// What follows a tag in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// A simple tag, like `{% include x %}`.
    None,
    /// A block whose body is Liquid, closed by `{% end<name> %}`.
    Block,
    /// A block whose body is raw text up to `{% end<name> %}` (like `raw` or
    /// Jekyll's `highlight`).
    Raw,
}

/// The body handed to [`Tag::parse`], as asked for by [`Tag::body`].
pub enum Body {
    /// No body.
    None,
    /// The parsed Liquid body; render it with [`Block::render`].
    Block(Block),
    /// The raw text of the body.
    Raw(String),
}

/// What a tag parser sees of its tag.
#[derive(Clone, Copy)]
pub struct TagInput<'a> {
    /// The tag name.
    pub name: &'a str,
    /// Everything after the name, up to `%}` (unstripped of inner spaces).
    pub markup: &'a str,
    /// The engine parsing the template (to parse expressions or nested templates).
    pub engine: &'a Engine,
    /// 1-based line of the tag.
    pub line: usize,
}

/// A tag implementation, registered with [`Engine::register_tag`].
pub trait Tag: Send + Sync {
    /// Whether the tag takes a body; simple tags by default.
    fn body(&self) -> BodyKind {
        BodyKind::None
    }

    /// Parses one occurrence of the tag.
    fn parse(&self, tag: TagInput<'_>, body: Body) -> Result<Box<dyn Render>, Error>;
}

#[derive(Clone, Default)]
pub(crate) struct Registry {
    pub(crate) tags: HashMap<String, Arc<dyn Tag>>,
    pub(crate) filters: HashMap<String, Arc<dyn Filter>>,
    pub(crate) error_mode: ErrorMode,
    pub(crate) strict_filters: bool,
    pub(crate) strict_variables: bool,
    pub(crate) method_literal_values: bool,
}

/// A registry of tags and filters plus parse options. Cheap to clone; a
/// clone shares the registry until it is changed.
#[derive(Clone)]
pub struct Engine {
    pub(crate) reg: Arc<Registry>,
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

impl Engine {
    /// An engine with Liquid's standard filters, in `warn` mode.
    /// (Standard tags are built into the parser and always available, but a
    /// registered tag of the same name takes precedence.)
    pub fn new() -> Engine {
        let mut e = Engine::empty();
        crate::filters::register_standard(&mut e);
        e
    }

    /// An engine with no filters.
    pub fn empty() -> Engine {
        Engine {
            reg: Arc::new(Registry::default()),
        }
    }

    /// Registers (or replaces) a filter.
    pub fn register_filter<F: Filter + 'static>(&mut self, name: &str, filter: F) {
        Arc::make_mut(&mut self.reg)
            .filters
            .insert(name.to_string(), Arc::new(filter));
    }

    /// Registers (or replaces) a tag.
    pub fn register_tag<T: Tag + 'static>(&mut self, name: &str, tag: T) {
        Arc::make_mut(&mut self.reg)
            .tags
            .insert(name.to_string(), Arc::new(tag));
    }

    /// Removes a registered filter.
    pub fn unregister_filter(&mut self, name: &str) {
        Arc::make_mut(&mut self.reg).filters.remove(name);
    }

    /// Sets the error mode (default: warn).
    pub fn set_error_mode(&mut self, mode: ErrorMode) {
        Arc::make_mut(&mut self.reg).error_mode = mode;
    }

    /// The error mode.
    pub fn error_mode(&self) -> ErrorMode {
        self.reg.error_mode
    }

    /// Makes unknown filters an error (Liquid's `strict_filters`).
    pub fn set_strict_filters(&mut self, on: bool) {
        Arc::make_mut(&mut self.reg).strict_filters = on;
    }

    /// Makes undefined variables an error (Liquid's `strict_variables`).
    pub fn set_strict_variables(&mut self, on: bool) {
        Arc::make_mut(&mut self.reg).strict_variables = on;
    }

    /// Makes `empty` and `blank` outside conditions evaluate to their
    /// method-literal objects ([`crate::MethodLiteral`], printed as `""`)
    /// instead of `""`: Liquid 4's behaviour, which Jekyll 4 restores on
    /// Liquid 5 so that its filters can recognise them. Off by default, as
    /// in Liquid 5.4.
    pub fn set_method_literal_values(&mut self, on: bool) {
        Arc::make_mut(&mut self.reg).method_literal_values = on;
    }

    /// Looks up a filter.
    pub fn filter(&self, name: &str) -> Option<&Arc<dyn Filter>> {
        self.reg.filters.get(name)
    }

    /// Parses a template (shorthand for [`crate::Template::parse`]).
    pub fn parse(&self, source: &str) -> Result<crate::Template, Error> {
        crate::Template::parse(source, self)
    }
}
