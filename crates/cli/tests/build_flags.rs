//! `jekyll build`'s flags that set configuration keys (`--layouts`,
//! `-p/--plugins`, `--strict_front_matter`, `-I`, `--lsi`, `--force_polling`)
//! and `build --watch`, through the binary, on small sites made here.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn hyde(site: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hyde"))
        .args(args)
        .current_dir(site)
        .output()
        .expect("hyde runs")
}

fn read(site: &Path, rel: &str) -> String {
    std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The flags become the configuration keys Jekyll's options set, which
/// `site.*` shows, and `--layouts` moves the layouts folder.
#[test]
fn flags_set_the_configuration_keys_jekyll_sets() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path();
    write(site, "_config.yml", "title: t\n");
    write(site, "elsewhere/page.html", "[{{ content }}]");
    write(site, "_layouts/page.html", "wrong layouts folder");
    write(
        site,
        "index.html",
        "---\nlayout: page\n---\n{{ site.layouts_dir }} {{ site.plugins_dir | join: ',' }} \
         {{ site.strict_front_matter }} {{ site.incremental }} {{ site.lsi }} {{ site.force_polling }}",
    );
    let out = hyde(site, &["build", "-q"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(read(site, "_site/index.html"), "wrong layouts folder");
    let out = hyde(
        site,
        &[
            "build",
            "-q",
            "--layouts",
            "elsewhere",
            "-p",
            "a,b",
            "--strict_front_matter",
            "-I",
            "--lsi",
            "--force_polling",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        read(site, "_site/index.html"),
        "[elsewhere a,b true true true true]"
    );
}

/// Front matter that does not parse is a warning, and with
/// `--strict_front_matter` an error naming the file.
#[test]
fn strict_front_matter_turns_the_warning_into_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path();
    write(site, "_config.yml", "title: t\n");
    write(site, "bad.md", "---\ntitle: [unclosed\n---\nbody\n");
    let out = hyde(site, &["build", "-q"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = hyde(site, &["build", "-q", "--strict_front_matter"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.md"), "{err}");
}

/// `build --watch` builds, then rebuilds when a source changes.
#[test]
fn build_watch_rebuilds_on_change() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().to_path_buf();
    write(&site, "_config.yml", "title: t\n");
    write(&site, "index.html", "---\n---\none");
    let mut child = Command::new(env!("CARGO_BIN_EXE_hyde"))
        .args(["build", "--watch"])
        .current_dir(&site)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("hyde runs");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut wait_for = |text: &str| {
        for line in lines.by_ref() {
            if line.unwrap().contains(text) {
                return;
            }
        }
        panic!("hyde exited before printing {text:?}");
    };
    wait_for("Auto-regeneration: enabled for");
    assert_eq!(read(&site, "_site/index.html"), "one");
    write(&site, "index.html", "---\n---\ntwo");
    wait_for("...done in");
    let deadline = Instant::now() + Duration::from_secs(20);
    while read(&site, "_site/index.html") != "two" && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(read(&site, "_site/index.html"), "two");
}

/// `hyde clean` logs as `jekyll clean` does (compared by hand with Jekyll
/// 4.3.1 on the same tree): the configuration file, then each of Jekyll's
/// four paths, removed only when it is what Jekyll expects (a folder, the
/// metadata a file), the Sass cache named relative to the current folder.
#[test]
fn clean_removes_and_logs_as_jekyll_does() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().canonicalize().unwrap();
    write(&site, "_config.yml", "title: t\n");
    write(&site, "_site/index.html", "x");
    write(&site, ".sass-cache/x", "x");
    write(
        &site,
        ".jekyll-metadata/keep",
        "a folder, not Jekyll's file",
    );
    let out = hyde(&site, &["clean"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = site.display();
    let want = format!(
        "Configuration file: {s}/_config.yml\n\
         \x20          Cleaner: Removing {s}/_site...\n\
         \x20          Cleaner: Nothing to do for {s}/.jekyll-metadata.\n\
         \x20          Cleaner: Nothing to do for {s}/.jekyll-cache.\n\
         \x20          Cleaner: Removing .sass-cache...\n"
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
    assert!(!site.join("_site").exists() && !site.join(".sass-cache").exists());
    assert!(site.join(".jekyll-metadata/keep").exists());
}
