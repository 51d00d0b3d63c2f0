//! Content checks: files named in front matter that were never written, and
//! `$…$` math that Markdown turned into emphasis.

use crate::config::Settings;
use crate::report::{Finding, Report, Severity};
use crate::source::Document;
use crate::{Input, Output};

use hyde_yaml::{Node, Yaml};

/// Front-matter keys that name a file of the site, as dotted paths.
const ASSET_KEYS: &[&str] = &[
    "header.teaser",
    "header.image",
    "header.overlay_image",
    "image",
    "image.path",
    "teaser",
    "paperurl",
    "slidesurl",
    "bibtexurl",
];

fn lookup<'n>(root: &'n Node, dotted: &str) -> Option<&'n Node> {
    dotted
        .split('.')
        .try_fold(root, |node, key| node.value.as_map()?.get(key))
}

/// Is `value` a file of this site that exists in the destination?
/// Bare names are also looked up under `images/`, where academicpages and
/// Minimal Mistakes themes put teasers and avatars.
fn exists(input: &Input<'_>, settings: &Settings<'_>, value: &str) -> Option<bool> {
    let value = value.trim();
    if value.is_empty() || value.contains("://") || value.starts_with("//") || value.contains("{{")
    {
        return None;
    }
    if value.contains(':') && !value.starts_with('/') {
        return None; // mailto:, data: and the like
    }
    let base = settings.base_prefix();
    let path = value.split(['?', '#']).next().unwrap_or("");
    let path = if !base.is_empty() && path.starts_with(&format!("{base}/")) {
        &path[base.len()..]
    } else {
        path
    };
    let rel = path.trim_start_matches('/');
    let dest = input.destination;
    Some(
        dest.join(rel).is_file()
            || (!path.starts_with('/') && dest.join("images").join(rel).is_file()),
    )
}

pub(crate) fn check_assets(
    input: &Input<'_>,
    settings: &Settings<'_>,
    documents: &[Document],
    report: &mut Report,
) {
    for doc in documents {
        let Some(front) = &doc.front else { continue };
        for key in ASSET_KEYS {
            let Some(node) = lookup(front, key) else {
                continue;
            };
            let Yaml::Str(value) = &node.value else {
                continue;
            };
            if exists(input, settings, value) == Some(false) {
                report.push(
                    Finding::new(
                        Severity::Warning,
                        "asset",
                        format!("`{key}: {value}` names a file that is not in the built site"),
                        "add the file (images usually go in images/), or fix the path",
                    )
                    .in_file(doc.path.clone())
                    .at_line(doc.file_line(node.span.start.line), node.span.start.column),
                );
            }
        }
    }
    if let Some(avatar) = settings
        .get("author")
        .and_then(|a| a.value.as_map())
        .and_then(|a| a.get("avatar"))
    {
        if let Yaml::Str(value) = &avatar.value {
            if exists(input, settings, value) == Some(false) {
                report.push(
                    Finding::new(
                        Severity::Warning,
                        "asset",
                        format!(
                            "`author.avatar: {value}` names a file that is not in the built site"
                        ),
                        "put the picture in images/ and name it here",
                    )
                    .in_file(input.config_file)
                    .at_line(avatar.span.start.line, avatar.span.start.column),
                );
            }
        }
    }
}

/// Pages (files with front matter) that the site's `exclude:` list drops.
pub(crate) fn check_excluded(input: &Input<'_>, documents: &[Document], report: &mut Report) {
    let Some(excluded) = input.excluded else {
        return;
    };
    for doc in documents {
        let rel = crate::source::slash_path(&doc.path);
        if excluded(&rel) {
            report.push(
                Finding::new(
                    Severity::Warning,
                    "dropped-file",
                    format!("`{rel}` has front matter but matches `exclude:`, so Jekyll neither reads nor publishes it"),
                    "remove the matching pattern from `exclude:` in _config.yml if the page should be published",
                )
                .in_file(doc.path.clone()),
            );
        }
    }
}

/// Finds `$…$` spans whose contents Markdown turned into `<em>` or `<strong>`.
pub(crate) fn check_math(output: &Output, html: &str, report: &mut Report) {
    let mut line_start = 0;
    for line in html.split_inclusive('\n') {
        let dollars: Vec<usize> = line.match_indices('$').map(|(i, _)| i).collect();
        for pair in dollars.chunks_exact(2) {
            let inner = &line[pair[0] + 1..pair[1]];
            if ["<em>", "</em>", "<strong>", "</strong>"]
                .iter()
                .any(|t| inner.contains(t))
            {
                let hint = match &output.source {
                    Some(source) => format!(
                        "write the math as `$$…$$` (kramdown's math syntax) or escape `_` and `*` as `\\_` and `\\*` in {}",
                        source.display()
                    ),
                    None => "write the math as `$$…$$` (kramdown's math syntax), or escape `_` and `*` as `\\_` and `\\*`".into(),
                };
                let mut finding = Finding::new(
                    Severity::Warning,
                    "math",
                    "math between `$` signs was turned into emphasis by Markdown".into(),
                    "",
                )
                .in_file(format!("_site/{}", output.path))
                .at_offset(html, line_start + pair[0]);
                finding.hint = hint;
                report.push(finding);
            }
        }
        line_start += line.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mangled_math_is_found() {
        let out = Output {
            path: "a.html".into(),
            source: None,
        };
        let mut report = Report::default();
        check_math(
            &out,
            "<p>ok $x$ and</p>\n<p>bad $a<em>1 + b</em>2$ here</p>\n",
            &mut report,
        );
        assert_eq!(report.findings.len(), 1);
        assert_eq!(report.findings[0].line, Some(2));
        assert_eq!(report.findings[0].column, Some(8));
    }
}
