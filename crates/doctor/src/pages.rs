//! Templates that GitHub Pages (Jekyll 3.10, Liquid 4) builds differently, or
//! not at all: the Jekyll 4.3 and Liquid 5 features listed in
//! docs/github-pages.md. Only with `--github-pages`.

use std::path::Path;

use crate::config::Settings;
use crate::report::{Finding, Report, Severity};

/// A pattern, whether GitHub Pages fails on it (error) or renders it
/// differently (warning), and what to say.
struct Rule {
    needle: &'static str,
    fails: bool,
    message: &'static str,
    hint: &'static str,
}

const RULES: &[Rule] = &[
    Rule { needle: "{% echo", fails: true, message: "the `echo` tag is Liquid 5; GitHub Pages' Liquid 4 fails on it", hint: "write `{{ … }}` instead" },
    Rule { needle: "{%- echo", fails: true, message: "the `echo` tag is Liquid 5; GitHub Pages' Liquid 4 fails on it", hint: "write `{{ … }}` instead" },
    Rule { needle: "{% liquid", fails: true, message: "the `liquid` tag is Liquid 5; GitHub Pages' Liquid 4 fails on it", hint: "write each statement as its own `{% … %}` tag" },
    Rule { needle: "{%- liquid", fails: true, message: "the `liquid` tag is Liquid 5; GitHub Pages' Liquid 4 fails on it", hint: "write each statement as its own `{% … %}` tag" },
    Rule { needle: "{% #", fails: true, message: "inline `{% # %}` comments are Liquid 5; GitHub Pages' Liquid 4 fails on them", hint: "use `{% comment %}…{% endcomment %}`" },
    Rule { needle: "allow_false", fails: true, message: "`default: …, allow_false: …` is Liquid 5; GitHub Pages' Liquid 4 raises an argument error", hint: "test the value with `{% if %}` instead" },
    Rule { needle: "| find:", fails: false, message: "the `find` filter is Jekyll 4; GitHub Pages ignores it and returns its input", hint: "use `where: …` and `| first`" },
    Rule { needle: "| find_exp:", fails: false, message: "the `find_exp` filter is Jekyll 4; GitHub Pages ignores it and returns its input", hint: "use `where_exp: …` and `| first`" },
    Rule { needle: "| base64_", fails: false, message: "the `base64_*` filters are Liquid 5; GitHub Pages ignores them", hint: "avoid them on GitHub Pages" },
    Rule { needle: "| replace_last", fails: false, message: "`replace_last` is Liquid 5; GitHub Pages ignores it", hint: "avoid it on GitHub Pages" },
    Rule { needle: "| remove_last", fails: false, message: "`remove_last` is Liquid 5; GitHub Pages ignores it", hint: "avoid it on GitHub Pages" },
];

/// `{% link %}` and `{% post_url %}` add `baseurl` in Jekyll 4 but not in 3.10.
const BASEURL_TAGS: &[&str] = &["{% link ", "{%- link ", "{% post_url ", "{%- post_url "];

fn is_template(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("html" | "htm" | "md" | "markdown" | "xml" | "liquid" | "json" | "txt" | "scss")
    )
}

pub(crate) fn check(
    source: &Path,
    destination: &Path,
    settings: &Settings<'_>,
    report: &mut Report,
) {
    let mut files = Vec::new();
    crate::source::walk_files(source, destination, &mut files);
    for file in files.iter().filter(|f| is_template(f)) {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        if !text.contains("{%") && !text.contains('|') {
            continue;
        }
        let rel = file.strip_prefix(source).unwrap_or(file).to_path_buf();
        for rule in RULES {
            if let Some(at) = text.find(rule.needle) {
                let severity = if rule.fails {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                report.push(
                    Finding::new(
                        severity,
                        "pages-liquid",
                        rule.message.to_string(),
                        rule.hint,
                    )
                    .in_file(rel.clone())
                    .at_offset(&text, at),
                );
            }
        }
        if !settings.base_prefix().is_empty() {
            if let Some(at) = BASEURL_TAGS.iter().filter_map(|t| text.find(t)).min() {
                report.push(
                    Finding::new(
                        Severity::Warning,
                        "pages-liquid",
                        "`{% link %}` and `{% post_url %}` leave out the baseurl on GitHub Pages (Jekyll 3.10)".into(),
                        "write `{{ site.baseurl }}{% link … %}` only if you build with Jekyll 3.10; `{% link … %}` alone is right for Jekyll 4",
                    )
                    .in_file(rel.clone())
                    .at_offset(&text, at),
                );
            }
        }
    }
}
