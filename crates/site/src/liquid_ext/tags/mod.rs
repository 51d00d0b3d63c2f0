//! Jekyll's tags: `include`, `include_relative`, `highlight`, `link` and
//! `post_url` (`raw` is standard Liquid).

pub mod highlight;
pub mod include;
pub mod link;

pub use highlight::HighlightTag;
pub use include::{IncludeKind, IncludeTag};
pub use link::{LinkTag, PostUrlTag};
