//! The converter for sites with `markdown: CommonMark`: what jekyll-commonmark
//! 1.4 writes through commonmarker 0.23 (cmark-gfm), on pulldown-cmark.
//!
//! jekyll-commonmark reads `commonmark: {options: [...], extensions: [...]}`
//! and nothing from `kramdown:`. Parsing is pulldown-cmark's with the GFM
//! extensions the site names; the HTML is written the way commonmarker's
//! Ruby `HtmlRenderer` writes it (`<hr />`, `align="…"` table cells, raw
//! HTML omitted unless `UNSAFE`, footnotes in a `<section>`), with
//! jekyll-commonmark's code blocks: Rouge inside `highlighter-rouge`
//! wrappers, the lexer guessed from the code when the fence names none.

mod autolink;
mod render;

use crate::Options;

/// jekyll-commonmark's settings: commonmarker's parse and render options
/// (upper case in the config, `SMART`, `UNSAFE`…) and cmark-gfm extensions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommonMarkOptions {
    /// `SMART`: typographic quotes, dashes and ellipses.
    pub smart: bool,
    /// `UNSAFE`: raw HTML is written (otherwise `<!-- raw HTML omitted -->`).
    pub unsafe_html: bool,
    /// `HARDBREAKS`: a soft line break becomes `<br />`.
    pub hardbreaks: bool,
    /// `NOBREAKS`: a soft line break becomes a space.
    pub nobreaks: bool,
    /// `FOOTNOTES`: `[^label]` references and definitions.
    pub footnotes: bool,
    /// `GITHUB_PRE_LANG`: `data-lang` on the `<pre>` rather than the `<code>`.
    pub github_pre_lang: bool,
    /// `STRIKETHROUGH_DOUBLE_TILDE`: only `~~` strikes through.
    pub strikethrough_double_tilde: bool,
    /// Extension `strikethrough`.
    pub strikethrough: bool,
    /// Extension `table`.
    pub table: bool,
    /// Extension `autolink`: bare `www.`, `http(s)://`, `ftp://` and e-mail links.
    pub autolink: bool,
    /// Extension `tagfilter`: `<script>`, `<style>`… are escaped in raw HTML.
    pub tagfilter: bool,
    /// Extension `tasklist`: `- [ ]` and `- [x]` items.
    pub tasklist: bool,
}

/// commonmarker's option names (parse and render), as Jekyll accepts them.
const OPTION_NAMES: &[&str] = &[
    "DEFAULT",
    "SOURCEPOS",
    "UNSAFE",
    "VALIDATE_UTF8",
    "SMART",
    "LIBERAL_HTML_TAG",
    "FOOTNOTES",
    "STRIKETHROUGH_DOUBLE_TILDE",
    "HARDBREAKS",
    "NOBREAKS",
    "GITHUB_PRE_LANG",
    "TABLE_PREFER_STYLE_ATTRIBUTES",
    "FULL_INFO_STRING",
];

impl CommonMarkOptions {
    /// Turns on a commonmarker option named as in `commonmark.options`
    /// (Jekyll upper-cases it). Returns `false` for a name commonmarker does
    /// not have, which Jekyll reports as "not a valid option" and skips.
    /// Options that change nothing hyde writes (`SOURCEPOS`, `VALIDATE_UTF8`,
    /// `LIBERAL_HTML_TAG`…) are accepted and ignored (see docs/compat.md).
    pub fn set_option(&mut self, name: &str) -> bool {
        let name = name.to_uppercase();
        match name.as_str() {
            "SMART" => self.smart = true,
            "UNSAFE" => self.unsafe_html = true,
            "HARDBREAKS" => self.hardbreaks = true,
            "NOBREAKS" => self.nobreaks = true,
            "FOOTNOTES" => self.footnotes = true,
            "GITHUB_PRE_LANG" => self.github_pre_lang = true,
            "STRIKETHROUGH_DOUBLE_TILDE" => self.strikethrough_double_tilde = true,
            other => return OPTION_NAMES.contains(&other),
        }
        true
    }

    /// The settings of a site's `commonmark: {options: [...], extensions:
    /// [...]}`, with the warnings Jekyll logs for names it does not know
    /// (those names are skipped, as jekyll-commonmark skips them).
    pub fn from_config<'a>(
        options: impl IntoIterator<Item = &'a str>,
        extensions: impl IntoIterator<Item = &'a str>,
    ) -> (CommonMarkOptions, Vec<String>) {
        let mut out = CommonMarkOptions::default();
        let mut warnings = Vec::new();
        for o in options {
            if !out.set_option(o) {
                warnings.push(format!(
                    "CommonMark: {} is not a valid option",
                    o.to_uppercase()
                ));
            }
        }
        for e in extensions {
            if !out.set_extension(e) {
                warnings.push(format!("CommonMark: {e} is not a valid extension"));
            }
        }
        (out, warnings)
    }

    /// Turns on a cmark-gfm extension named as in `commonmark.extensions`
    /// (case-sensitive, as Jekyll compares them). Returns `false` for a name
    /// cmark-gfm does not have.
    pub fn set_extension(&mut self, name: &str) -> bool {
        match name {
            "strikethrough" => self.strikethrough = true,
            "table" => self.table = true,
            "autolink" => self.autolink = true,
            "tagfilter" => self.tagfilter = true,
            "tasklist" => self.tasklist = true,
            _ => return false,
        }
        true
    }
}

/// Converts CommonMark as jekyll-commonmark does for a site with no
/// `commonmark:` settings. The kramdown options are not used: Jekyll's
/// CommonMark converter ignores `kramdown:`.
pub fn commonmark_to_html(src: &str, _opts: &Options) -> String {
    commonmark_to_html_with(src, &CommonMarkOptions::default())
}

/// Converts CommonMark as jekyll-commonmark does with these settings.
pub fn commonmark_to_html_with(src: &str, opts: &CommonMarkOptions) -> String {
    render::render(src, opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_code() {
        let o = CommonMarkOptions::default();
        assert_eq!(
            commonmark_to_html_with("Hi *there*\n", &o),
            "<p>Hi <em>there</em></p>\n"
        );
        assert_eq!(
            commonmark_to_html_with("```text\na < b\n```\n", &o),
            "<div class=\"language-text highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code data-lang=\"text\">a &lt; b\n</code></pre></div></div>\n"
        );
        // Tables are an extension, off by default.
        assert!(!commonmark_to_html_with("|a|\n|-|\n|1|\n", &o).contains("<table>"));
        let mut gfm = CommonMarkOptions::default();
        assert!(gfm.set_extension("table"));
        assert!(commonmark_to_html_with("|a|\n|-|\n|1|\n", &gfm).contains("<table>"));
        assert!(!gfm.set_extension("Table"));
        assert!(gfm.set_option("unsafe") && gfm.unsafe_html);
        assert!(!gfm.set_option("NOPE"));
        let (o, w) = CommonMarkOptions::from_config(["smart", "bogus"], ["table", "Tables"]);
        assert!(o.smart && o.table);
        assert_eq!(
            w,
            [
                "CommonMark: BOGUS is not a valid option",
                "CommonMark: Tables is not a valid extension"
            ]
        );
    }
}
