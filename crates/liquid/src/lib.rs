//! hyde-liquid: a Liquid template engine that renders exactly what Ruby
//! Liquid 5.4 renders in Jekyll's settings (`error_mode: warn`, lax parsing,
//! `render!` so runtime errors abort). It knows nothing of Jekyll: Jekyll's
//! tags and filters are registered by the host through [`Engine`].
//!
//! - [`Value`] models Ruby values: ordered hashes, Ruby float printing,
//!   dates and times, and host objects ([`Object`]) read lazily by reference.
//!   Cloning a value is O(1).
//! - [`Template`]s are parsed once and rendered many times, from any thread.
//! - A [`Context`] holds one render's variables, registers and host state.
//! - Errors ([`Error`]) carry file, line, column, the source line and the
//!   include stack; parse warnings are collected, not printed.
//!
//! ```
//! use hyde_liquid::{Context, Engine, FilterArgs, Template, Value};
//!
//! let mut engine = Engine::new();
//! engine.register_filter("shout", |input: &Value, _args: &FilterArgs<'_>, _ctx: &mut Context| {
//!     Ok(Value::str(input.to_liquid_string().to_uppercase() + "!"))
//! });
//! let template = Template::parse_named("{% for x in list %}{{ x | shout }} {% endfor %}", "page.html", &engine)?;
//! let mut ctx = Context::new(&engine);
//! ctx.set_global("list", Value::array(vec![Value::str("a"), Value::Int(1)]));
//! assert_eq!(template.render(&mut ctx)?, "A! 1! ");
//! # Ok::<(), hyde_liquid::Error>(())
//! ```
//!
//! Host hooks: a [`FileSystem`] serves `include`/`render` partials (override
//! [`FileSystem::load`] to share parsed templates across renders); a
//! [`Zone`] sets the local time zone (Ruby's `TZ`); [`Context::set_register`]
//! and [`Context::set_host`] carry per-render host state; [`Limits`] caps
//! output, steps and nesting. [`ruby`] has Ruby's conversions for hosts that
//! write filters, and [`to_date`] is Liquid's date coercion.
//!
//! Tags are registered with [`Engine::register_tag`]; see [`Tag`] and
//! [`Render`]. A tag receives its raw markup and, for block tags, its parsed
//! [`Block`] (or raw text); it can evaluate [`Expression`]s, [`Variable`]s
//! (markup with filters) and [`Condition`]s against the [`Context`].
//!
//! ```
//! use hyde_liquid::{Block, Body, BodyKind, Context, Engine, Error, Expression, Object, Render, Tag, TagInput, Template, Value};
//!
//! // A block tag: `{% box title %}...{% endbox %}` wraps its rendered body.
//! struct BoxTag;
//! struct BoxNode { title: Expression, body: Block }
//! impl Tag for BoxTag {
//!     fn body(&self) -> BodyKind { BodyKind::Block } // `BodyKind::Raw` gives the unparsed text
//!     fn parse(&self, tag: TagInput<'_>, body: Body) -> Result<Box<dyn Render>, Error> {
//!         let Body::Block(body) = body else { unreachable!() };
//!         Ok(Box::new(BoxNode { title: Expression::parse(tag.markup), body }))
//!     }
//! }
//! impl Render for BoxNode {
//!     fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
//!         let title = self.title.evaluate(ctx)?;
//!         out.push_str(&format!("<div title=\"{title}\">"));
//!         self.body.render(ctx, out)?;
//!         out.push_str("</div>");
//!         Ok(())
//!     }
//! }
//!
//! // A host object, read lazily.
//! struct Site;
//! impl Object for Site {
//!     fn get(&self, key: &str) -> Option<Value> {
//!         (key == "title").then(|| Value::str("My site"))
//!     }
//! }
//!
//! let mut engine = Engine::new();
//! engine.register_tag("box", BoxTag);
//! let t = Template::parse("{% box site.title %}{{ site.title }}{% endbox %}", &engine)?;
//! let mut ctx = Context::new(&engine);
//! ctx.set_global("site", Value::object(Site));
//! assert_eq!(t.render(&mut ctx)?, "<div title=\"My site\">My site</div>");
//! # Ok::<(), Error>(())
//! ```

#![warn(missing_docs)]

mod ast;
mod condition;
mod context;
mod date;
mod engine;
mod error;
mod expr;
mod filters;
mod lex;
mod parser;
mod render;
pub mod ruby;
mod strict;
mod tags;
mod template;
pub mod value;

pub use ast::Block;
pub use condition::Condition;
pub use context::{Context, FileSystem, Limits};
pub use date::{parse_time, parse_time_with_mode, strftime, time_parse, UtcZone, Zone};
pub use engine::{Body, BodyKind, Engine, ErrorMode, Filter, FilterArgs, Render, Tag, TagInput};
pub use error::{Error, ErrorKind, IncludeFrame, Location, Warning};
pub use expr::{Expression, Variable};
pub use filters::date::{time_zone_name, to_date, to_time, zone_name};
/// Ruby's Bignum: the integer type of [`Value::BigInt`].
pub use num_bigint::BigInt;
pub use template::Template;
pub use value::{Map, MethodLiteral, Object, Str, Time, TimeMode, Value};
