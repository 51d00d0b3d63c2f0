//! Differential corpus: every case in tests/corpus/cases/*.yamls loaded by
//! hyde-yaml must give the same typed dump (or the same exception) that
//! Jekyll 4.3's `Jekyll::Utils.safe_load_yaml` gave (tests/corpus/expected,
//! written by tests/corpus/generate.rb). Cases listed in
//! tests/corpus/known_divergences.txt are reported but do not fail; the
//! doubly broken `stress_*` cases must match at a rate of at least 96%.

use std::fmt::Write;
use std::path::Path;

use hyde_yaml::{load, ErrorKind, LoadOptions};

/// Asia/Kolkata, the zone generate.rb runs Ruby in.
fn kolkata(_: i64) -> i32 {
    19_800
}

fn parse_cases(text: &str) -> Vec<(String, String)> {
    let mut cases: Vec<(String, String)> = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("=== ") {
            cases.push((
                name.trim_end_matches(['\n', '\r']).to_string(),
                String::new(),
            ));
        } else if let Some((_, src)) = cases.last_mut() {
            src.push_str(
                line.strip_prefix('\\')
                    .filter(|l| l.starts_with("=== "))
                    .unwrap_or(line),
            );
        }
    }
    cases
}

fn json_str(s: &str) -> String {
    let mut out = String::new();
    hyde_yaml::write_json_str(&mut out, s);
    out
}

/// The line generate.rb writes for one case.
fn actual_line(name: &str, src: &str) -> String {
    let opts = LoadOptions {
        local_offset: &kolkata,
        ..LoadOptions::default()
    };
    let mut out = format!("{{\"name\":{},", json_str(name));
    match load(src, &opts) {
        Ok(node) => {
            let _ = write!(out, "\"value\":{}}}", hyde_yaml::to_json(&node.value));
        }
        Err(e) => {
            let class = match e.kind {
                ErrorKind::RecursiveAlias(_) | ErrorKind::TooDeep => "SystemStackError",
                _ => e.ruby_class(),
            };
            let _ = write!(
                out,
                "\"error\":{{\"class\":{},\"message\":{}}}}}",
                json_str(class),
                json_str(&e.ruby_message(None))
            );
        }
    }
    out
}

/// The line generate.rb writes for a TOML case (errors compare by class only).
fn toml_line(name: &str, src: &str) -> String {
    match hyde_yaml::load_toml(src) {
        Ok(node) => format!(
            "{{\"name\":{},\"value\":{}}}",
            json_str(name),
            hyde_yaml::to_json(&node.value)
        ),
        Err(_) => format!(
            "{{\"name\":{},\"error\":{{\"class\":\"Tomlrb::ParseError\",\"message\":\"\"}}}}",
            json_str(name)
        ),
    }
}

#[test]
fn yaml_corpus_matches_jekyll() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let known_text = std::fs::read_to_string(dir.join("known_divergences.txt")).unwrap_or_default();
    let known: Vec<&str> = known_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split(" -- ").next().unwrap_or(l).trim())
        .collect();
    let mut files: Vec<_> = std::fs::read_dir(dir.join("cases"))
        .expect("cases dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yamls" || x == "tomls"))
        .collect();
    files.sort();
    let (mut total, mut same, mut known_diff) = (0, 0, 0);
    let (mut stress_total, mut stress_same) = (0, 0);
    let mut failures = Vec::new();
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let cases = parse_cases(&std::fs::read_to_string(&path).unwrap());
        let expected_text =
            std::fs::read_to_string(dir.join("expected").join(format!("{stem}.jsonl"))).unwrap();
        let expected: Vec<&str> = expected_text.lines().collect();
        assert_eq!(
            cases.len(),
            expected.len(),
            "{stem}: cases and expected lines differ in number"
        );
        let toml = path.extension().is_some_and(|x| x == "tomls");
        for ((name, src), want) in cases.iter().zip(expected) {
            let got = if toml {
                toml_line(name, src)
            } else {
                actual_line(name, src)
            };
            // Doubly broken YAML: only the match rate is checked below.
            if stem.starts_with("stress_") {
                stress_total += 1;
                stress_same += usize::from(got == want);
                if got != want && std::env::var_os("YAML_STRESS_DIFFS").is_some() {
                    eprintln!("[stress] {name}\n  ruby: {want}\n  hyde: {got}");
                }
                continue;
            }
            total += 1;
            if got == want {
                same += 1;
            } else if known.contains(&name.as_str()) {
                known_diff += 1;
            } else {
                let cut = |s: &str| s.chars().take(400).collect::<String>();
                failures.push(format!(
                    "[{stem}] {name}\n  ruby: {}\n  hyde: {}",
                    cut(want),
                    cut(&got)
                ));
            }
        }
    }
    eprintln!(
        "yaml corpus: {same} of {total} identical, {known_diff} known divergences, {} failures",
        failures.len()
    );
    eprintln!("yaml stress corpus: {stress_same} of {stress_total} identical");
    assert!(
        stress_same * 100 >= stress_total * 96,
        "stress corpus fell below 96% identical: {stress_same} of {stress_total}"
    );
    for f in failures.iter().take(80) {
        eprintln!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {total} cases differ from Jekyll",
        failures.len()
    );
}
