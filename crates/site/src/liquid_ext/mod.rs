//! Jekyll's own Liquid filters and tags, registered on top of the standard
//! engine with [`register`].
//!
//! Filters and tags that need the site (URLs, includes, `link`/`post_url`,
//! converters) reach it through [`SiteContext`], which the site implements
//! and puts into each render context with [`install`] (Jekyll's
//! `registers[:site]`). `include_relative` also reads the `page` register,
//! and the date filters show times in the context's zone
//! (`Context::set_zone`, the site's `timezone`).
//!
//! Pure helpers live in one module per family (`slug`, `uri`, `punycode`,
//! `ruby`, `strict`); each filter family has its own module (`url`, `date`,
//! `text`, `array`, `exp`, `json`, `convert`) and the tags live in [`tags`].
//! `corpus_tests` replays what real Jekyll 4.3.1 produced for the cases and
//! generated inputs in `tests/jekyll_filters/` (written by its
//! `generate.rb`). Differences from Jekyll are listed in `docs/compat.md`
//! under "Liquid".

pub mod array;
pub mod convert;
#[cfg(test)]
mod corpus_tests;
pub mod date;
pub mod exp;
pub mod host;
pub mod json;
pub mod punycode;
pub mod ruby;
pub mod slug;
pub mod strict;
pub mod tags;
pub mod text;
pub mod uri;
pub mod url;

use hyde_liquid::Engine;

pub use host::{install, PostRef, SiteContext, SiteFile, SiteRef};

/// Installs every Jekyll filter and tag on `engine`. Jekyll's `sort`,
/// `where` and `find` replace the standard ones, as in Jekyll.
pub fn register(engine: &mut Engine) {
    // Jekyll patches Liquid so that filters receive `empty` and `blank`
    // themselves (`where` matches nil and [] for them), not "".
    engine.set_method_literal_values(true);
    engine.register_filter("relative_url", url::relative_url);
    engine.register_filter("absolute_url", url::absolute_url);
    engine.register_filter("strip_index", url::strip_index);
    engine.register_filter("cgi_escape", url::cgi_escape);
    engine.register_filter("uri_escape", url::uri_escape);
    engine.register_filter("xml_escape", text::xml_escape_filter);
    engine.register_filter("normalize_whitespace", text::normalize_whitespace_filter);
    engine.register_filter("number_of_words", text::number_of_words_filter);
    engine.register_filter(
        "array_to_sentence_string",
        text::array_to_sentence_string_filter,
    );
    engine.register_filter("slugify", text::slugify_filter);
    engine.register_filter("to_integer", text::to_integer_filter);
    engine.register_filter("date_to_xmlschema", date::date_to_xmlschema);
    engine.register_filter("date_to_rfc822", date::date_to_rfc822);
    engine.register_filter("date_to_string", date::date_to_string);
    engine.register_filter("date_to_long_string", date::date_to_long_string);
    engine.register_filter("jsonify", json::jsonify);
    engine.register_filter("inspect", json::inspect_filter);
    engine.register_filter("markdownify", convert::markdownify);
    engine.register_filter("smartify", convert::smartify);
    engine.register_filter("scssify", convert::scssify);
    engine.register_filter("sassify", convert::sassify);
    engine.register_filter("sort", array::sort);
    engine.register_filter("where", array::where_filter);
    engine.register_filter("find", array::find);
    engine.register_filter("group_by", array::group_by);
    engine.register_filter("pop", array::pop);
    engine.register_filter("push", array::push);
    engine.register_filter("shift", array::shift);
    engine.register_filter("unshift", array::unshift);
    engine.register_filter("sample", array::sample);
    engine.register_filter("where_exp", exp::where_exp);
    engine.register_filter("find_exp", exp::find_exp);
    engine.register_filter("group_by_exp", exp::group_by_exp);
    engine.register_tag("include", tags::IncludeTag(tags::IncludeKind::Includes));
    engine.register_tag(
        "include_relative",
        tags::IncludeTag(tags::IncludeKind::Relative),
    );
    engine.register_tag("highlight", tags::HighlightTag);
    engine.register_tag("link", tags::LinkTag);
    engine.register_tag("post_url", tags::PostUrlTag);
}
