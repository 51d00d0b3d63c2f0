//! Checks of the configuration and of the site as a whole: everything
//! `jekyll doctor` checks, plus what GitHub Pages does differently.

use std::collections::HashMap;
use std::path::Path;

use hyde_yaml::{Node, Yaml};

use crate::report::{Finding, Report, Severity};
use crate::{Input, Output};

/// Settings GitHub Pages forces, with the value it forces.
const PAGES_FORCED: &[(&str, &str)] = &[
    ("safe", "true"),
    ("lsi", "false"),
    ("incremental", "false"),
    ("highlighter", "rouge"),
];

/// The settings the checks read, with where they were written.
pub(crate) struct Settings<'a> {
    pub(crate) root: Option<&'a hyde_yaml::Map>,
    pub(crate) url: Option<String>,
    pub(crate) baseurl: String,
}

impl<'a> Settings<'a> {
    pub(crate) fn read(config: &'a Node) -> Settings<'a> {
        let root = config.value.as_map();
        let text = |key: &str| root.and_then(|m| m.get(key)).map(|n| n.value.to_ruby_s());
        Settings {
            root,
            url: text("url").filter(|u| !u.is_empty()),
            baseurl: text("baseurl").unwrap_or_default(),
        }
    }

    pub(crate) fn get(&self, key: &str) -> Option<&'a Node> {
        self.root.and_then(|m| m.get(key))
    }

    /// The `baseurl` as a path prefix: `""` or `/proj`.
    pub(crate) fn base_prefix(&self) -> String {
        let trimmed = self.baseurl.trim_matches('/');
        if trimmed.is_empty() {
            String::new()
        } else {
            format!("/{trimmed}")
        }
    }
}

fn at(finding: Finding, input: &Input<'_>, node: Option<&Node>) -> Finding {
    let finding = finding.in_file(input.config_file);
    match node {
        Some(node) => finding.at_line(node.span.start.line, node.span.start.column),
        None => finding,
    }
}

/// The configuration, plugins and the source folder's layout.
pub(crate) fn check(input: &Input<'_>, settings: &Settings<'_>, report: &mut Report) {
    check_url(input, settings, report);
    let pages_severity = if input.github_pages {
        Severity::Error
    } else {
        Severity::Warning
    };

    if let Some(node) = settings.get("gems") {
        let message = "the `gems` setting is deprecated".to_string();
        let hint = "rename `gems:` to `plugins:` (Jekyll 3.5 and later)";
        report.push(at(
            Finding::new(Severity::Warning, "deprecated-setting", message, hint),
            input,
            Some(node),
        ));
    }
    if let Some(node) = settings
        .get("relative_permalinks")
        .filter(|n| n.value.is_truthy())
    {
        // Jekyll 3 and 4 abort the build on this setting.
        let message = "`relative_permalinks` was removed in Jekyll 3: the build aborts".to_string();
        let hint =
            "remove it and give pages in subfolders permalinks relative to the site's source";
        report.push(at(
            Finding::new(Severity::Error, "deprecated-setting", message, hint),
            input,
            Some(node),
        ));
    }

    for key in ["plugins", "gems"] {
        for item in settings
            .get(key)
            .and_then(|n| n.value.as_seq())
            .unwrap_or(&[])
        {
            let name = item.value.to_ruby_s();
            if !hyde_site::plugins::github_pages::is_allowed(&name) {
                let message = format!("GitHub Pages will not run the plugin `{name}`");
                let hint =
                    "build with GitHub Actions instead of the Pages builder, or remove the plugin";
                report.push(at(
                    Finding::new(pages_severity, "pages-plugin", message, hint),
                    input,
                    Some(item),
                ));
            }
        }
    }
    if let Ok(entries) = std::fs::read_dir(input.source.join("_plugins")) {
        let mut names: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".rb"))
            .collect();
        names.sort();
        for name in names {
            let message = format!("GitHub Pages runs in safe mode and ignores `_plugins/{name}`");
            let hint = "what the plugin generates or filters will be missing on GitHub Pages";
            report.push(
                Finding::new(pages_severity, "pages-plugin", message, hint)
                    .in_file(format!("_plugins/{name}")),
            );
        }
    }
    for (key, forced) in PAGES_FORCED {
        if let Some(node) = settings.get(key) {
            if node.value.to_ruby_s() != *forced {
                let message = format!(
                    "GitHub Pages overrides `{key}: {}` with `{key}: {forced}`",
                    node.value.to_ruby_s()
                );
                let hint = "the site will build differently on GitHub Pages; use the forced value locally too";
                report.push(at(
                    Finding::new(Severity::Warning, "pages-override", message, hint),
                    input,
                    Some(node),
                ));
            }
        }
    }
    if let Some(engine) = settings
        .get("kramdown")
        .and_then(|k| k.value.as_map())
        .and_then(|k| k.get("math_engine"))
    {
        if !matches!(engine.value.to_ruby_s().as_str(), "mathjax" | "") {
            let message = format!(
                "GitHub Pages overrides `kramdown.math_engine: {}` with `mathjax`",
                engine.value.to_ruby_s()
            );
            let hint = "math will be written for MathJax on GitHub Pages";
            report.push(at(
                Finding::new(Severity::Warning, "pages-override", message, hint),
                input,
                Some(engine),
            ));
        }
    }

    check_posts_location(input, settings, report);
    check_dropped_files(input, settings, report);
}

fn check_url(input: &Input<'_>, settings: &Settings<'_>, report: &mut Report) {
    let node = settings.get("url");
    match &settings.url {
        None => report.push(at(
            Finding::new(
                Severity::Warning,
                "url",
                "`url` is not set, so absolute links (feed, sitemap, canonical links) have no host"
                    .into(),
                "set `url: https://USERNAME.github.io` (or your custom domain) in _config.yml",
            ),
            input,
            node,
        )),
        Some(url) => {
            let rest = url
                .strip_prefix("https://")
                .or_else(|| url.strip_prefix("http://"));
            match rest {
                None => report.push(at(
                    Finding::new(
                        Severity::Error,
                        "url",
                        format!("`url: {url}` is not an absolute http(s) URL"),
                        "write the scheme and host, e.g. `url: https://USERNAME.github.io`",
                    ),
                    input,
                    node,
                )),
                Some(rest) if rest.is_empty() || rest.starts_with('/') => report.push(at(
                    Finding::new(
                        Severity::Error,
                        "url",
                        format!("`url: {url}` has no host"),
                        "write the host, e.g. `url: https://USERNAME.github.io`",
                    ),
                    input,
                    node,
                )),
                Some(rest) => {
                    if let Some(slash) = rest.find('/') {
                        let path = &rest[slash..];
                        let hint = if path == "/" {
                            "remove the trailing slash: Jekyll joins `url` and paths that already start with `/`"
                        } else {
                            "keep only scheme and host in `url` and put the path in `baseurl`"
                        };
                        report.push(at(
                            Finding::new(
                                Severity::Warning,
                                "url",
                                format!("`url: {url}` contains a path"),
                                hint,
                            ),
                            input,
                            node,
                        ));
                    }
                }
            }
        }
    }
    let base = &settings.baseurl;
    if !base.is_empty() && (!base.starts_with('/') || (base.ends_with('/') && base != "/")) {
        report.push(at(
            Finding::new(
                Severity::Warning,
                "baseurl",
                format!("`baseurl: {base}` should start with `/` and not end with one"),
                "write it as `/project-name`; `{{ site.baseurl }}/page` then gives one slash",
            ),
            input,
            settings.get("baseurl"),
        ));
    }
}

fn check_posts_location(input: &Input<'_>, settings: &Settings<'_>, report: &mut Report) {
    let dir = settings
        .get("collections_dir")
        .map(|n| n.value.to_ruby_s())
        .unwrap_or_default();
    let dir = dir.trim_matches('/');
    if !dir.is_empty() && input.source.join("_posts").is_dir() {
        report.push(Finding::new(
            Severity::Warning,
            "posts-location",
            format!("`_posts` is at the top of the source, but `collections_dir: {dir}` makes Jekyll look in `{dir}/_posts`"),
            &format!("move the folder to `{dir}/_posts`, or these posts are not published"),
        ).in_file("_posts"));
    }
}

/// Folders whose leading underscore means something to Jekyll.
fn special_underscore(name: &str, collections: &[String]) -> bool {
    matches!(
        name,
        "_posts"
            | "_drafts"
            | "_layouts"
            | "_includes"
            | "_data"
            | "_sass"
            | "_plugins"
            | "_site"
            | "_config.yml"
            | "_config.yaml"
            | "_config.toml"
    ) || name.starts_with("_config")
        || collections.iter().any(|c| name == format!("_{c}"))
}

fn check_dropped_files(input: &Input<'_>, settings: &Settings<'_>, report: &mut Report) {
    let collections: Vec<String> = match settings.get("collections").map(|n| &n.value) {
        Some(Yaml::Map(map)) => map.iter().map(|(k, _)| k.value.to_ruby_s()).collect(),
        Some(Yaml::Seq(items)) => items.iter().map(|n| n.value.to_ruby_s()).collect(),
        _ => Vec::new(),
    };
    let included: Vec<String> = settings
        .get("include")
        .and_then(|n| n.value.as_seq())
        .map(|items| {
            items
                .iter()
                .map(|n| n.value.to_ruby_s().trim_matches('/').to_string())
                .collect()
        })
        .unwrap_or_default();
    let Ok(entries) = std::fs::read_dir(input.source) else {
        return;
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        if !name.starts_with('_')
            || special_underscore(&name, &collections)
            || included.contains(&name)
        {
            continue;
        }
        if !has_content(&input.source.join(&name)) {
            continue;
        }
        report.push(
            Finding::new(
                Severity::Warning,
                "dropped-file",
                format!("`{name}` starts with `_`, so Jekyll neither reads nor publishes it"),
                &format!("add `{name}` to `include:` in _config.yml, or make it a collection"),
            )
            .in_file(name.clone()),
        );
    }
}

/// True when the path is, or holds, a page-like file (Markdown or HTML).
fn has_content(path: &Path) -> bool {
    let is_page = |p: &Path| {
        matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("md" | "markdown" | "html" | "htm")
        )
    };
    if path.is_file() {
        return is_page(path);
    }
    std::fs::read_dir(path)
        .map(|entries| entries.flatten().any(|e| has_content(&e.path())))
        .unwrap_or(false)
}

/// Outputs written twice, or whose paths differ only in case.
pub(crate) fn check_outputs(outputs: &[Output], report: &mut Report) {
    let mut by_path: HashMap<&str, Vec<&Output>> = HashMap::new();
    for output in outputs {
        by_path
            .entry(output.path.as_str())
            .or_default()
            .push(output);
    }
    let mut paths: Vec<&&str> = by_path.keys().collect();
    paths.sort();
    for path in &paths {
        let writers = &by_path[**path];
        if writers.len() > 1 {
            let sources: Vec<String> = writers
                .iter()
                .map(|o| {
                    o.source
                        .as_ref()
                        .map_or("(generated)".into(), |s| s.display().to_string())
                })
                .collect();
            report.push(
                Finding::new(
                    Severity::Error,
                    "conflict",
                    format!(
                        "{} files are written to `{path}`: {}",
                        writers.len(),
                        sources.join(", ")
                    ),
                    "give all but one of them a different `permalink`",
                )
                .in_file(format!("_site/{path}")),
            );
        }
    }
    let mut by_lower: HashMap<String, Vec<&str>> = HashMap::new();
    for path in &paths {
        by_lower.entry(path.to_lowercase()).or_default().push(path);
    }
    let mut groups: Vec<Vec<&str>> = by_lower.into_values().filter(|g| g.len() > 1).collect();
    groups.sort();
    for group in groups {
        report.push(
            Finding::new(
                Severity::Warning,
                "case-conflict",
                format!("these outputs differ only in case: {}", group.join(", ")),
                "on macOS and Windows one overwrites the other; rename one of them",
            )
            .in_file(format!("_site/{}", group[0])),
        );
    }
}
