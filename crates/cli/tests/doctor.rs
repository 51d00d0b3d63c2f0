//! `hyde doctor` and `hyde build --strict` through the binary, on the doctor's
//! fixture sites (crates/doctor/tests/fixtures).

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../doctor/tests/fixtures")
        .join(name)
        .join("site")
}

fn hyde(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hyde"))
        .args(args)
        .output()
        .expect("hyde runs")
}

#[test]
fn doctor_exits_0_on_a_clean_site_and_1_on_errors() {
    let dest = tempfile::tempdir().unwrap();
    let clean = fixture("clean");
    let out = hyde(&[
        "doctor",
        "-s",
        clean.to_str().unwrap(),
        "-d",
        dest.path().to_str().unwrap(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.ends_with("hyde doctor: 0 errors, 0 warnings\n"),
        "{text}"
    );

    let findings = fixture("findings");
    let out = hyde(&[
        "doctor",
        "--format",
        "json",
        "-s",
        findings.to_str().unwrap(),
        "-d",
        dest.path().to_str().unwrap(),
    ]);
    let json = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{json}");
    assert!(json.contains("\"check\": \"link-target\""), "{json}");
    assert!(json.contains("\"summary\": {\"errors\": "), "{json}");
}

#[test]
fn build_strict_fails_on_doctor_errors() {
    let dest = tempfile::tempdir().unwrap();
    let findings = fixture("findings");
    let d = dest.path().to_str().unwrap();
    let plain = hyde(&["build", "-q", "-s", findings.to_str().unwrap(), "-d", d]);
    assert!(
        plain.status.success(),
        "{}",
        String::from_utf8_lossy(&plain.stderr)
    );
    let strict = hyde(&[
        "build",
        "-q",
        "--strict",
        "-s",
        findings.to_str().unwrap(),
        "-d",
        d,
    ]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&strict.stderr).contains("[link-target]"));
    let clean = fixture("clean");
    let ok = hyde(&[
        "build",
        "-q",
        "--strict",
        "-s",
        clean.to_str().unwrap(),
        "-d",
        d,
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
}

#[test]
fn github_pages_mode_turns_on_its_default_plugins_and_skips_others() {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(
        site.path().join("_config.yml"),
        "plugins: [jekyll-archives]\n",
    )
    .unwrap();
    std::fs::write(
        site.path().join("notes.md"),
        "# Notes\n\nNo front matter here.\n",
    )
    .unwrap();
    let plain = tempfile::tempdir().unwrap();
    let pages = tempfile::tempdir().unwrap();
    let run = |dest: &Path, extra: &[&str]| {
        let mut args = vec![
            "build",
            "-s",
            site.path().to_str().unwrap(),
            "-d",
            dest.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        hyde(&args)
    };
    assert!(run(plain.path(), &[]).status.success());
    let out = run(pages.path(), &["--github-pages"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // jekyll-optional-front-matter is one of GitHub Pages' default plugins:
    // without it the file is static, with it a page.
    assert!(plain.path().join("notes.md").exists());
    assert!(pages.path().join("notes.html").exists());
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        log.contains("'jekyll-archives' is not allowed on GitHub Pages"),
        "{log}"
    );
}
