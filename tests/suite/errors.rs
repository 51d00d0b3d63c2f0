//! Bad input: every case gives `file:line:column`, the offending line with a
//! caret and a hint; warnings where Jekyll warns, errors where it aborts;
//! nothing outside the destination changes.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::{Instant, SystemTime};

use hyde_site::{build_site, BuildOptions, DiskOutput, Site};
use hyde_tests::Scratch;

/// Every file below `dir` except the destination, with contents and mtime.
fn snapshot(dir: &Path, skip: &Path) -> BTreeMap<String, (Vec<u8>, Option<SystemTime>)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.starts_with(skip) {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                let meta = fs::metadata(&p).ok();
                out.insert(
                    p.to_string_lossy().into_owned(),
                    (
                        fs::read(&p).unwrap_or_default(),
                        meta.and_then(|m| m.modified().ok()),
                    ),
                );
            }
        }
    }
    out
}

fn write(root: &Path, rel: &str, text: &[u8]) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    fs::write(p, text).expect("write");
}

/// Builds `site` into `site/_site`; returns the error report or the warnings.
fn run(root: &Path) -> Result<Vec<String>, String> {
    let src = root.join("site");
    let dest = src.join("_site");
    let before = snapshot(root, &dest);
    let opts = BuildOptions {
        source: Some(src.clone()),
        destination: Some(dest.clone()),
        ..Default::default()
    };
    let result = Site::load(&opts).and_then(|site| {
        let mut out = DiskOutput::new(&dest);
        build_site(site, &mut out, Instant::now())
    });
    let after = snapshot(root, &dest);
    assert_eq!(before, after, "files outside the destination changed");
    match result {
        Ok(r) => Ok(r.warnings.iter().map(|w| w.report()).collect()),
        Err(e) => Err(e.report()),
    }
}

/// Checks `file:line:column` with a line among `lines`, a caret and a hint.
fn assert_shape_in(report: &str, file: &str, lines: &[usize]) {
    let line = lines
        .iter()
        .copied()
        .find(|l| report.starts_with(&format!("{file}:{l}:")))
        .unwrap_or_else(|| panic!("no {file}:{lines:?}:col in {report:?}"));
    assert_shape(report, file, line);
}

/// Checks `file:line:column`, a caret under the line and a hint.
fn assert_shape(report: &str, file: &str, line: usize) {
    let head = report.lines().next().unwrap_or("");
    assert!(
        head.starts_with(&format!("{file}:{line}:")),
        "no {file}:{line}:col in {report:?}"
    );
    let col: String = head[file.len() + line.to_string().len() + 2..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    assert!(!col.is_empty(), "no column in {report:?}");
    assert!(
        report.lines().any(|l| l.trim() == "^"),
        "no caret in {report:?}"
    );
    assert!(
        report.lines().any(|l| l.trim_start().starts_with("hint: ")),
        "no hint in {report:?}"
    );
}

#[test]
fn broken_yaml_in_config_is_an_error() {
    let s = Scratch::new("bad-config");
    write(
        &s.path,
        "site/_config.yml",
        b"title: ok\nbroken: [unclosed\nother: 1\n",
    );
    write(&s.path, "site/index.html", b"---\n---\nhi\n");
    let err = run(&s.path).expect_err("must fail");
    // libyaml reports the unclosed flow sequence where it starts or where it fails.
    assert_shape_in(&err, "_config.yml", &[2, 3]);
}

#[test]
fn broken_yaml_in_front_matter_is_a_warning() {
    let s = Scratch::new("bad-fm");
    write(&s.path, "site/index.html", b"---\ntitle: [oops\n---\nhi\n");
    let warnings = run(&s.path).expect("Jekyll warns and goes on");
    let w = warnings
        .iter()
        .find(|w| w.contains("YAML Exception"))
        .expect("a YAML warning");
    assert_shape(w, "index.html", 2);
    assert!(s.path.join("site/_site/index.html").is_file());
}

#[test]
fn missing_layout_is_a_warning() {
    let s = Scratch::new("no-layout");
    write(
        &s.path,
        "site/about.md",
        b"---\ntitle: About\nlayout: nowhere\n---\nhi\n",
    );
    let warnings = run(&s.path).expect("Jekyll warns and goes on");
    let w = warnings
        .iter()
        .find(|w| w.contains("Layout 'nowhere'"))
        .expect("a layout warning");
    assert_shape(w, "about.md", 3);
}

#[test]
fn invalid_date_is_an_error() {
    let s = Scratch::new("bad-date");
    write(
        &s.path,
        "site/_posts/2024-01-01-x.md",
        b"---\ntitle: X\ndate: 2024-13-45\n---\nhi\n",
    );
    let err = run(&s.path).expect_err("must fail");
    assert_shape(&err, "_posts/2024-01-01-x.md", 3);
    assert!(err.contains("Invalid date"), "{err}");
}

#[test]
fn invalid_utf8_is_reported_with_its_position() {
    let s = Scratch::new("bad-utf8");
    write(
        &s.path,
        "site/page.html",
        b"---\ntitle: x\n---\nfine\nbad \xff byte\n",
    );
    let warnings = run(&s.path).expect("the page is skipped with a warning");
    let w = warnings
        .iter()
        .find(|w| w.contains("UTF-8"))
        .expect("a UTF-8 warning");
    assert_shape(w, "page.html", 5);
}

#[test]
fn invalid_utf8_in_config_is_an_error() {
    let s = Scratch::new("bad-utf8-config");
    write(&s.path, "site/_config.yml", b"title: \xfe\n");
    let err = run(&s.path).expect_err("must fail");
    assert_shape(&err, "_config.yml", 1);
}

#[test]
fn permalink_collision_is_a_warning() {
    let s = Scratch::new("collision");
    write(&s.path, "site/a.md", b"---\npermalink: /same/\n---\na\n");
    write(&s.path, "site/b.md", b"---\npermalink: /same/\n---\nb\n");
    let warnings = run(&s.path).expect("Jekyll warns and goes on");
    let w = warnings
        .iter()
        .find(|w| w.contains("Conflict"))
        .expect("a conflict warning");
    assert!(w.starts_with("a.md:2:") || w.starts_with("b.md:2:"), "{w}");
    assert_shape(w, &w[..4], 2);
}

#[test]
fn unreadable_file_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new("unreadable");
    write(&s.path, "site/secret.html", b"---\n---\nx\n");
    let p = s.path.join("site/secret.html");
    fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::read(&p).is_ok() {
        // Running as root: permissions do not apply.
        return;
    }
    let err = run(&s.path);
    fs::set_permissions(&p, fs::Permissions::from_mode(0o644)).expect("chmod back");
    let err = err.expect_err("must fail");
    assert!(err.starts_with("secret.html"), "{err}");
    assert!(err.contains("hint: "), "{err}");
}

#[test]
fn destination_that_is_the_source_is_refused() {
    let s = Scratch::new("dest-is-source");
    let src = s.path.join("site");
    write(&s.path, "site/index.html", b"---\n---\nhi\n");
    let before = snapshot(&s.path, &s.path.join("nothing"));
    for dest in [src.clone(), s.path.clone()] {
        let opts = BuildOptions {
            source: Some(src.clone()),
            destination: Some(dest),
            ..Default::default()
        };
        let err = Site::load(&opts).expect_err("must refuse");
        assert!(err.report().contains("hint: "), "{}", err.report());
    }
    assert_eq!(before, snapshot(&s.path, &s.path.join("nothing")));
}

#[test]
fn stale_files_are_removed_but_keep_files_stay() {
    let s = Scratch::new("clean");
    write(&s.path, "site/_config.yml", b"keep_files: [keep]\n");
    write(&s.path, "site/index.html", b"---\n---\nhi\n");
    write(&s.path, "site/_site/old.html", b"old");
    write(&s.path, "site/_site/keep/x.txt", b"kept");
    run(&s.path).expect("builds");
    assert!(!s.path.join("site/_site/old.html").exists());
    assert!(s.path.join("site/_site/keep/x.txt").exists());
    assert!(s.path.join("site/_site/index.html").exists());
}

#[test]
fn missing_include_is_an_error() {
    let s = Scratch::new("no-include");
    write(
        &s.path,
        "site/index.html",
        b"---\ntitle: x\n---\nline\n{% include nope.html %}\n",
    );
    let err = run(&s.path).expect_err("must fail");
    assert_shape(&err, "index.html", 5);
    assert!(err.contains("nope.html"), "{err}");
}

#[test]
fn missing_include_inside_an_include_names_the_chain() {
    let s = Scratch::new("no-include-nested");
    write(
        &s.path,
        "site/page.html",
        b"---\n---\n{% include outer.html %}\n",
    );
    write(
        &s.path,
        "site/_includes/outer.html",
        b"x\n{% include gone.html %}\n",
    );
    let err = run(&s.path).expect_err("must fail");
    assert_shape(&err, "_includes/outer.html", 2);
    assert!(err.contains("included from page.html:3"), "{err}");
}

#[test]
fn symlink_in_destination_is_replaced_not_followed() {
    let s = Scratch::new("dest-symlink");
    write(&s.path, "site/sub/page.html", b"---\n---\nnew\n");
    write(&s.path, "outside/page.html", b"precious");
    fs::create_dir_all(s.path.join("site/_site")).expect("mkdir");
    std::os::unix::fs::symlink(s.path.join("outside"), s.path.join("site/_site/sub"))
        .expect("symlink");
    run(&s.path).expect("builds");
    assert_eq!(
        fs::read(s.path.join("outside/page.html")).expect("read"),
        b"precious"
    );
    assert_eq!(
        fs::read(s.path.join("site/_site/sub/page.html")).expect("read"),
        b"new\n"
    );
}

/// academicpages writes `{% include /analytics-providers/google-universal.html %}`;
/// Jekyll joins the name to `_includes` (`File.join`), so the leading slash is harmless.
#[test]
fn include_name_with_a_leading_slash_is_found() {
    let s = Scratch::new("include-slash");
    write(
        &s.path,
        "site/index.html",
        b"---\n---\n{% include /sub/x.html %}\n",
    );
    write(&s.path, "site/_includes/sub/x.html", b"found");
    run(&s.path).expect("builds");
    assert_eq!(
        fs::read(s.path.join("site/_site/index.html")).expect("read"),
        b"found\n"
    );
}

/// A tag only a Ruby plugin defines fails at its position, and the hint names the plugin.
#[test]
fn unknown_tag_names_the_plugin_that_defines_it() {
    let s = Scratch::new("foreign-tag");
    write(
        &s.path,
        "site/publications.md",
        b"---\ntitle: Papers\n---\n# Papers\n\n{% bibliography --file papers %}\n",
    );
    let err = run(&s.path).expect_err("must fail");
    assert_shape(&err, "publications.md", 6);
    assert!(err.contains("Unknown tag 'bibliography'"), "{err}");
    assert!(err.contains("jekyll-scholar"), "{err}");
}
