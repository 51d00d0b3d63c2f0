//! `hyde build`'s log against real Jekyll's: the lines Jekyll's logger
//! writes (topic right-aligned in 20 columns, jekyll-feed's line), and the
//! `--profile` report (tests/golden/profile-example.txt, made by
//! tests/golden/regen-profile.sh). Times differ from run to run and are
//! masked; the files profiled, their render counts and bytes are compared.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

mod common;
use common::copy_tree;

/// Jekyll on Debian names jekyll-redirect-from's built-in layout by its
/// path in the Ruby library folder; hyde has no such file (docs/compat.md).
const REDIRECT_LAYOUT: (&str, &str) = (
    "usr/lib/ruby/vendor_ruby/jekyll-redirect-from/redirect.html",
    "_layouts/redirect.html",
);

fn hyde_profile_log() -> String {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/academic");
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&example, &site);
    let _ = std::fs::remove_dir_all(site.join("_site"));
    let out = Command::new(env!("CARGO_BIN_EXE_hyde"))
        .args(["build", "--profile"])
        .current_dir(&site)
        .env("JEKYLL_ENV", "production")
        .env("TZ", "UTC")
        .output()
        .expect("hyde runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .replace(&site.display().to_string(), "SOURCE")
}

/// The log with each table replaced by a `<table>` line and the build time
/// masked, and the tables' rows split into trimmed cells.
fn parse(log: &str) -> (Vec<String>, Vec<Vec<Vec<String>>>) {
    let mut lines = Vec::new();
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    let mut in_table = false;
    for line in log.lines() {
        if line.starts_with('|') || line.starts_with('+') {
            if !in_table {
                lines.push("<table>".to_string());
                tables.push(Vec::new());
                in_table = true;
            }
            if line.starts_with('|') {
                let cells = line.trim_matches('|').split('|');
                let row = cells.map(|c| c.trim().to_string()).collect();
                tables.last_mut().unwrap().push(row);
            }
            continue;
        }
        in_table = false;
        let masked = match line.split_once("done in ") {
            Some((lead, _)) => format!("{lead}done in T seconds."),
            None => line.to_string(),
        };
        lines.push(masked);
    }
    (lines, tables)
}

fn is_seconds(s: &str, decimals: usize) -> bool {
    s.split_once('.').is_some_and(|(whole, frac)| {
        !whole.is_empty()
            && whole.bytes().all(|b| b.is_ascii_digit())
            && frac.len() == decimals
            && frac.bytes().all(|b| b.is_ascii_digit())
    })
}

#[test]
fn build_profile_log_is_jekylls() {
    let golden = include_str!("golden/profile-example.txt");
    let ours = hyde_profile_log();
    let (want_lines, want_tables) = parse(golden);
    let (got_lines, got_tables) = parse(&ours);
    assert_eq!(
        got_lines, want_lines,
        "log lines differ; hyde printed:\n{ours}"
    );
    assert_eq!(got_tables.len(), 2, "{ours}");

    // Phases: Jekyll's names and order, less the two hyde does not have.
    let names = |t: &Vec<Vec<String>>| t.iter().map(|r| r[0].clone()).collect::<Vec<_>>();
    let mut want_phases = names(&want_tables[0]);
    want_phases.retain(|p| p != "RESET" && p != "CLEANUP");
    assert_eq!(names(&got_tables[0]), want_phases, "{ours}");
    for row in &got_tables[0][1..] {
        assert!(is_seconds(&row[1], 4), "phase time {row:?}");
    }

    // Render stats: the same header, files, counts and bytes (and so the
    // same totals); times in Jekyll's format.
    let rows = |t: &Vec<Vec<String>>| -> BTreeSet<(String, String, String)> {
        t.iter()
            .map(|r| {
                let name = if r[0] == REDIRECT_LAYOUT.0 {
                    REDIRECT_LAYOUT.1
                } else {
                    &r[0]
                };
                (name.to_string(), r[1].clone(), r[2].clone())
            })
            .collect()
    };
    assert_eq!(rows(&got_tables[1]), rows(&want_tables[1]), "{ours}");
    assert_eq!(got_tables[1][0], want_tables[1][0]);
    assert!(got_tables[1].last().unwrap()[0].starts_with("TOTAL (for "));
    for row in &got_tables[1][1..] {
        assert!(is_seconds(&row[3], 3), "template time {row:?}");
    }
}

#[test]
fn profile_tables_are_aligned_as_terminal_table_draws_them() {
    let ours = hyde_profile_log();
    let mut table: Vec<&str> = Vec::new();
    let mut tables = Vec::new();
    for line in ours.lines().chain([""]) {
        if line.starts_with('|') || line.starts_with('+') {
            table.push(line);
        } else if !table.is_empty() {
            tables.push(std::mem::take(&mut table));
        }
    }
    assert_eq!(tables.len(), 2, "{ours}");
    for t in tables {
        // Header, separator, rows: every line as wide, the separator's `+`
        // where the rows' `|` are.
        assert!(t[1].starts_with('+') && t.iter().skip(2).all(|l| l.starts_with('|')));
        let bars = |l: &str| -> Vec<usize> {
            l.char_indices()
                .filter(|(_, c)| *c == '|' || *c == '+')
                .map(|(i, _)| i)
                .collect()
        };
        for l in &t {
            assert_eq!(bars(l), bars(t[0]), "{l:?} in\n{}", t.join("\n"));
        }
        // One space of padding: some cell of each column fills it.
        let cols = bars(t[0]);
        for w in cols.windows(2) {
            let widest = t
                .iter()
                .filter(|l| l.starts_with('|'))
                .map(|l| l[w[0] + 1..w[1]].trim().chars().count())
                .max()
                .unwrap();
            assert_eq!(widest + 2, w[1] - w[0] - 1, "{}", t.join("\n"));
        }
    }
}
