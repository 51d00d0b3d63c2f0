//! Every fixture site, built with hyde and compared with Jekyll's `expected/`.
//!
//! All fixtures are built and their numbers printed; the test fails only for
//! fixtures listed in `tests/passing.txt` (a fixture is listed there once it
//! fully matches), so progress is visible without breaking CI.

use std::collections::BTreeMap;
use std::time::Instant;

use hyde_site::{build_site, MemoryOutput, Site};
use hyde_tests::compare::{compare, read_tree, Comparison};
use hyde_tests::{
    copy_tree, fixed_mtime, fixture_cases, fixture_source, options_for, repo_root, touch_tree,
    Scratch,
};

fn build_fixture(case: &str) -> Result<BTreeMap<String, Vec<u8>>, String> {
    let scratch = Scratch::new(case);
    let source = scratch.path.join("site");
    copy_tree(&fixture_source(case), &source).map_err(|e| format!("copy: {e}"))?;
    touch_tree(&source, fixed_mtime()).map_err(|e| format!("touch: {e}"))?;
    let opts = options_for(case, &source);
    let site = Site::load(&opts).map_err(|e| e.report())?;
    let mut out = MemoryOutput::default();
    build_site(site, &mut out, Instant::now()).map_err(|e| e.report())?;
    Ok(out.files)
}

fn passing_list() -> Vec<String> {
    std::fs::read_to_string(repo_root().join("tests/passing.txt"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn fixtures_match_jekyll() {
    // Jekyll ran with TZ=UTC; sites without `timezone:` read it.
    std::env::set_var("TZ", "UTC");
    let passing = passing_list();
    let mut failures = Vec::new();
    let (mut total_match, mut total) = (0, 0);
    // HYDE_FIXTURE=name builds only that fixture and prints every difference.
    let only = std::env::var("HYDE_FIXTURE").ok();
    let shown = if only.is_some() { usize::MAX } else { 6 };
    for case in fixture_cases() {
        if only.as_ref().is_some_and(|o| *o != case) {
            continue;
        }
        let expected = read_tree(&repo_root().join("fixtures").join(&case).join("expected"));
        let dart = read_tree(
            &repo_root()
                .join("fixtures")
                .join(&case)
                .join("expected-dart-sass"),
        );
        let result = match build_fixture(&case) {
            Ok(files) => compare(&files, &expected, &dart),
            Err(e) => Comparison {
                expected: expected.len(),
                diffs: vec![format!("build failed: {e}")],
                ..Default::default()
            },
        };
        total_match += result.matching;
        total += result.expected;
        let status = if result.is_match() { "ok" } else { "differs" };
        println!(
            "{case}: {}/{} files match ({status})",
            result.matching, result.expected
        );
        for d in result.diffs.iter().take(shown) {
            println!("    {d}");
        }
        if result.diffs.len() > shown {
            println!("    … and {} more", result.diffs.len() - shown);
        }
        if passing.contains(&case) && !result.is_match() {
            failures.push(format!(
                "{case}: {}",
                result
                    .diffs
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
    }
    println!("total: {total_match}/{total} files match");
    if only.is_some() {
        return;
    }
    for p in &passing {
        if !fixture_cases().contains(p) {
            failures.push(format!(
                "{p}: listed in tests/passing.txt but no such fixture"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} listed fixture(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn parallel_build_equals_sequential_build() {
    std::env::set_var("TZ", "UTC");
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    let four = rayon::ThreadPoolBuilder::new()
        .num_threads(4)
        .build()
        .expect("pool");
    for case in ["example_academic", "posts", "collections"] {
        let sequential = one.install(|| build_fixture(case)).expect("builds");
        let parallel = four.install(|| build_fixture(case)).expect("builds");
        // Only the feed's build time may differ between two builds.
        let masked = |files: &BTreeMap<String, Vec<u8>>, k: &str| {
            files
                .get(k)
                .map(|b| hyde_tests::compare::mask_build_time(k, &String::from_utf8_lossy(b)))
        };
        let differing: Vec<&String> = sequential
            .keys()
            .chain(parallel.keys())
            .filter(|k| masked(&sequential, k) != masked(&parallel, k))
            .collect();
        assert!(
            differing.is_empty(),
            "{case}: 1 thread and 4 threads differ in {differing:?}"
        );
    }
}
