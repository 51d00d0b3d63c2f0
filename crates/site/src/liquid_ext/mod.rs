//! Jekyll's own Liquid filters and tags, registered on top of the standard engine.
//!
//! Pure helpers live in one module per family (`slug`, `uri`, `text`); the
//! filters and tags that wrap them read the site through [`SiteContext`].

pub mod punycode;
pub mod slug;

pub mod uri;
