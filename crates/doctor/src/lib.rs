//! hyde-doctor: what `hyde doctor` checks, before a site is published.
//!
//! Most sites that "worked locally and broke on GitHub Pages" have one of a
//! few faults: a wrong `url` or `baseurl`, links that leave out the
//! `baseurl`, files that are referenced but missing, math that Markdown
//! mangled, or plugins GitHub Pages will not run. This crate looks at the
//! built site and its source together and reports each fault with its file,
//! line, what is wrong and how to fix it. It never touches the network.
//!
//! The caller builds the site first and passes what the build knows in an
//! [`Input`]; [`check`] returns a [`Report`], printed as text or JSON.

mod config;
mod content;
mod html;
mod links;
mod pages;
mod report;
mod source;

use std::path::{Path, PathBuf};

pub use report::{Finding, Report, Severity};

use hyde_yaml::Node;

/// One file the build wrote.
#[derive(Debug, Clone)]
pub struct Output {
    /// Path relative to the destination, with `/` separators.
    pub path: String,
    /// The source file it came from, relative to the source, when known.
    pub source: Option<PathBuf>,
}

/// What the doctor looks at.
pub struct Input<'a> {
    /// The site's source folder.
    pub source: &'a Path,
    /// The folder the site was built into.
    pub destination: &'a Path,
    /// The site's configuration file as written (Jekyll's defaults not merged in).
    pub config: &'a Node,
    /// That file's path relative to the source, for locations (`_config.yml`).
    pub config_file: &'a Path,
    /// What the build wrote. When empty, the destination is walked instead
    /// (and checks that need to know the source of an output are skipped).
    pub outputs: &'a [Output],
    /// Also check what GitHub Pages does differently (`--github-pages`).
    pub github_pages: bool,
    /// Whether the site's `exclude:` list drops a source path (relative,
    /// `/`-separated), as the build decides it. `None` skips that check.
    pub excluded: Option<&'a (dyn Fn(&str) -> bool + 'a)>,
}

/// Runs every check.
pub fn check(input: &Input<'_>) -> Report {
    let mut report = Report::default();
    let outputs = if input.outputs.is_empty() {
        source::walk_outputs(input.destination)
    } else {
        input.outputs.to_vec()
    };
    let settings = config::Settings::read(input.config);
    config::check(input, &settings, &mut report);
    config::check_outputs(&outputs, &mut report);
    if input.github_pages {
        pages::check(input.source, input.destination, &settings, &mut report);
    }
    let documents = source::read_documents(input.source, input.destination);
    content::check_assets(input, &settings, &documents, &mut report);
    content::check_excluded(input, &documents, &mut report);
    let mut links = links::Links::default();
    for output in &outputs {
        if !output.path.ends_with(".html") && !output.path.ends_with(".htm") {
            continue;
        }
        let Ok(html) = std::fs::read_to_string(input.destination.join(&output.path)) else {
            continue;
        };
        links.check_page(input, &settings, output, &html, &mut report);
        content::check_math(output, &html, &mut report);
    }
    report.sort();
    report
}
