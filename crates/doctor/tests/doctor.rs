//! `hyde doctor` on sites built by real Jekyll: one with an instance of every
//! check, compared with its golden JSON report, and one that is clean.
//!
//! Set `HYDE_BLESS=1` to rewrite the golden report after a deliberate change.

use std::path::{Path, PathBuf};

use hyde_doctor::{check, Input, Report};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn run(name: &str, github_pages: bool) -> Report {
    let dir = fixture(name);
    let source = dir.join("site");
    let text = std::fs::read_to_string(source.join("_config.yml")).unwrap();
    let config = hyde_yaml::load(&text, &Default::default()).unwrap();
    check(&Input {
        source: &source,
        destination: &dir.join("built"),
        config: &config,
        config_file: Path::new("_config.yml"),
        outputs: &[],
        github_pages,
        excluded: Some(&|rel: &str| rel.starts_with("drafts-old/")),
    })
}

/// Every file of a built site, as outputs with no known source.
fn walk(root: &Path, dir: &Path, out: &mut Vec<hyde_doctor::Output>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(root, &path, out);
        } else {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push(hyde_doctor::Output {
                path: rel,
                source: None,
            });
        }
    }
}

#[test]
fn every_check_fires_on_the_findings_fixture() {
    // What the build wrote, plus a second page written to the same path, as
    // two pages with one permalink would be.
    let dir = fixture("findings");
    let source = dir.join("site");
    let built = dir.join("built");
    let mut outputs = Vec::new();
    walk(&built, &built, &mut outputs);
    outputs.push(hyde_doctor::Output {
        path: "about/index.html".into(),
        source: Some("about-copy.md".into()),
    });
    let text = std::fs::read_to_string(source.join("_config.yml")).unwrap();
    let config = hyde_yaml::load(&text, &Default::default()).unwrap();
    let report = check(&Input {
        source: &source,
        destination: &built,
        config: &config,
        config_file: Path::new("_config.yml"),
        outputs: &outputs,
        github_pages: true,
        excluded: Some(&|rel: &str| rel.starts_with("drafts-old/")),
    });
    let json = report.to_json();
    let golden = fixture("findings/report.json");
    if std::env::var_os("HYDE_BLESS").is_some() {
        std::fs::write(&golden, &json).unwrap();
    }
    let expected = std::fs::read_to_string(&golden).unwrap();
    assert_eq!(
        json, expected,
        "the report changed; review it and bless with HYDE_BLESS=1"
    );
    for check in [
        "conflict",
        "pages-liquid",
        "url",
        "deprecated-setting",
        "pages-plugin",
        "pages-override",
        "posts-location",
        "dropped-file",
        "case-conflict",
        "link-target",
        "link-baseurl",
        "link-fragment",
        "asset",
        "math",
    ] {
        assert!(
            report.findings.iter().any(|f| f.check == check),
            "no `{check}` finding"
        );
    }
    assert!(report.has_errors());
}

#[test]
fn github_pages_mode_makes_unsupported_plugins_errors() {
    let plain = run("findings", false);
    let pages = run("findings", true);
    let errors = |r: &Report, check: &str| {
        r.findings
            .iter()
            .filter(|f| f.check == check && f.severity == hyde_doctor::Severity::Error)
            .count()
    };
    assert_eq!(errors(&plain, "pages-plugin"), 0);
    assert_eq!(errors(&pages, "pages-plugin"), 2, "{}", pages.to_text());
    // Liquid 5 / Jekyll 4 features: checked only for GitHub Pages.
    assert_eq!(errors(&plain, "pages-liquid"), 0);
    assert_eq!(errors(&pages, "pages-liquid"), 1, "{}", pages.to_text());
    let find = pages
        .findings
        .iter()
        .find(|f| f.message.contains("`find` filter"))
        .expect("find filter");
    assert_eq!(find.severity, hyde_doctor::Severity::Warning);
    assert_eq!(
        find.file.as_deref(),
        Some(Path::new("_includes/modern.html"))
    );
    assert_eq!(find.line, Some(3));
}

#[test]
fn a_clean_site_reports_nothing() {
    let report = run("clean", true);
    assert!(report.findings.is_empty(), "{}", report.to_text());
    assert!(report
        .to_text()
        .ends_with("hyde doctor: 0 errors, 0 warnings\n"));
}

#[test]
fn text_report_shows_the_line_and_a_caret() {
    let text = run("findings", false).to_text();
    assert!(text.contains("_site/index.html:7:"), "{text}");
    assert!(
        text.contains("    | A <a href=\"/proj/missing/\">missing page</a>"),
        "{text}"
    );
}

#[test]
fn outputs_written_twice_are_conflicts() {
    let dir = fixture("clean");
    let source = dir.join("site");
    let config = hyde_yaml::load("url: https://a.github.io\n", &Default::default()).unwrap();
    let output = |path: &str, source: &str| hyde_doctor::Output {
        path: path.into(),
        source: Some(source.into()),
    };
    let outputs = [
        output("index.html", "index.md"),
        output("notes/index.html", "notes.md"),
        output("notes/index.html", "_posts/2024-01-01-notes.md"),
    ];
    let report = check(&Input {
        source: &source,
        destination: &dir.join("built"),
        config: &config,
        config_file: Path::new("_config.yml"),
        outputs: &outputs,
        github_pages: false,
        excluded: None,
    });
    let conflict = report
        .findings
        .iter()
        .find(|f| f.check == "conflict")
        .expect("a conflict");
    assert_eq!(conflict.severity, hyde_doctor::Severity::Error);
    assert!(
        conflict
            .message
            .contains("notes.md, _posts/2024-01-01-notes.md"),
        "{}",
        conflict.message
    );
}
