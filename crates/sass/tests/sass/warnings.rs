//! Warnings (deprecations, `@warn`, `@debug`) compared with dart-sass's on the corpus
//! (`tests/corpus/expected/warnings.json`, written by `warnings.js`), and
//! dart-sass's limit of five per kind.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use hyde_sass::{compile, SassOptions, Syntax, WarningKind};

use crate::corpus::{corpus_dir, Input};

/// The kinds hyde reports: deprecations by id, `@warn` (and dart-sass's
/// own plain warnings) as `warn`, `@debug` as `debug`.
const KINDS: &[&str] = &["slash-div", "mixed-decls", "warn", "debug"];

type Found = Vec<(String, String, usize)>;

/// The CSS corpus's inputs and `warnings/*.scss`, which only this test uses.
fn inputs() -> Vec<Input> {
    let mut list = crate::corpus::inputs();
    let dir = corpus_dir().join("warnings");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("warnings dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "scss"))
        .collect();
    files.sort();
    for file in files {
        list.push(Input {
            id: format!("warnings-{}", file.file_stem().unwrap().to_string_lossy()),
            file,
            load_paths: vec![dir.join("lib")],
            syntax: Syntax::Scss,
        });
    }
    list
}

/// `(kind, file, line)` of every warning, in order, as hyde reports it.
fn hyde_warnings(input: &Input, quiet: bool) -> Result<Found, String> {
    let src = fs::read_to_string(&input.file).expect("read input");
    // With `quiet_deps`, the load paths are given relative to the working
    // directory (the crate), as Jekyll users write them.
    let load_paths = if quiet {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        input
            .load_paths
            .iter()
            .map(|p| p.strip_prefix(here).unwrap_or(p).to_path_buf())
            .collect()
    } else {
        input.load_paths.clone()
    };
    let opts = SassOptions {
        syntax: input.syntax,
        load_paths,
        file: Some(input.file.clone()),
        verbose: true,
        quiet_deps: quiet,
        ..SassOptions::default()
    };
    let out = compile(&src, &opts).map_err(|e| e.to_string())?;
    let root = corpus_dir();
    Ok(out
        .warnings
        .iter()
        .map(|w| {
            let kind = match w.kind {
                WarningKind::Deprecation(kind) => kind,
                WarningKind::Warn => "warn",
                WarningKind::Debug => "debug",
            };
            let (file, line) = split_location(&w.location);
            let file = Path::new(file)
                .strip_prefix(&root)
                .map_or(file.to_string(), |p| p.to_string_lossy().into_owned());
            (kind.to_string(), file, line)
        })
        .collect())
}

/// dart-sass names a `@warn`'s file by its first stack frame: as the
/// import URL was written when found through a load path. Takes that name
/// where it is the end of hyde's path for the same warning.
fn align_warn_files(ours: Found, dart: &Found) -> Found {
    ours.into_iter()
        .zip(dart.iter().map(Some).chain(std::iter::repeat(None)))
        .map(|(mut w, d)| {
            if let Some(d) = d.filter(|d| d.0 == "warn" && w.0 == "warn") {
                if d.1 != w.1 && Path::new(&w.1).ends_with(&d.1) {
                    w.1 = d.1.clone();
                }
            }
            w
        })
        .collect()
}

fn split_location(location: &str) -> (&str, usize) {
    let mut parts = location.rsplitn(3, ':');
    let _column = parts.next();
    let line = parts.next().and_then(|l| l.parse().ok()).unwrap_or(0);
    (parts.next().unwrap_or(""), line)
}

fn expected() -> BTreeMap<String, serde_json::Value> {
    let text =
        fs::read_to_string(corpus_dir().join("expected/warnings.json")).expect("warnings.json");
    serde_json::from_str(&text).expect("JSON")
}

fn dart_warnings(entry: &serde_json::Value, kinds: Option<&[&str]>) -> Found {
    entry["all"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|w| {
            let kind = w["kind"].as_str()?;
            if kinds.is_some_and(|k| !k.contains(&kind)) {
                return None;
            }
            Some((
                kind.to_string(),
                w["file"].as_str()?.to_string(),
                w["line"].as_u64()? as usize,
            ))
        })
        .collect()
}

/// Every corpus input: hyde's deprecations (kind, file, line, in order)
/// against dart-sass's. A warning dart-sass does not give fails the test;
/// one hyde misses is counted.
#[test]
fn corpus_deprecations_match_dart_sass() {
    let expected = expected();
    let (mut same_all, mut same_kinds, mut total) = (0, 0, 0);
    let (mut dart_count, mut hyde_count) = (0, 0);
    let mut false_warnings = Vec::new();
    let mut misses = Vec::new();
    for input in inputs() {
        let Some(entry) = expected.get(&input.id) else {
            continue;
        };
        total += 1;
        let ours = match hyde_warnings(&input, false) {
            Ok(w) => w,
            Err(e) => panic!("{}: {e}", input.id),
        };
        let dart = dart_warnings(entry, Some(KINDS));
        dart_count += dart.len();
        hyde_count += ours.len();
        let ours = align_warn_files(ours, &dart);
        if ours == dart {
            same_kinds += 1;
        } else {
            misses.push(format!(
                "{}: dart {:?}\n    hyde {:?}",
                input.id, dart, ours
            ));
        }
        if ours == dart_warnings(entry, None) {
            same_all += 1;
        }
        for w in &ours {
            if !dart.contains(w) {
                false_warnings.push(format!("{}: {w:?}", input.id));
            }
        }
    }
    // `quiet_deps`: dart-sass's remaining warnings of hyde's kinds.
    let mut same_quiet = 0;
    for input in inputs() {
        let Some(entry) = expected.get(&input.id) else {
            continue;
        };
        let dart: Found = entry["quiet"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|w| {
                let (kind, place) = w.as_str()?.split_once(' ')?;
                let (file, line) = split_location(place);
                KINDS
                    .contains(&kind)
                    .then(|| (kind.to_string(), file.to_string(), line))
            })
            .collect();
        let ours = align_warn_files(hyde_warnings(&input, true).unwrap_or_default(), &dart);
        if ours == dart {
            same_quiet += 1;
        }
        for w in &ours {
            if !dart.contains(w) {
                false_warnings.push(format!("{} (quiet_deps): {w:?}", input.id));
            }
        }
    }
    eprintln!(
        "sass warnings with quiet_deps: {same_quiet} of {total} cases give the same warnings"
    );
    eprintln!(
        "sass warnings: {same_kinds} of {total} cases give the same warnings (kind, file, line, in order; kinds {KINDS:?}); \
         {same_all} of {total} give every warning dart-sass gives; \
         {hyde_count} of dart-sass's {dart_count} warnings found"
    );
    for m in misses.iter().take(8) {
        eprintln!("  {m}");
    }
    assert!(
        false_warnings.is_empty(),
        "{} warnings dart-sass does not give: {:?}",
        false_warnings.len(),
        &false_warnings[..false_warnings.len().min(8)]
    );
}

/// What the `sass` command prints for a compilation: each warning, an
/// empty line after each that is not a `@debug`, then the summary.
fn cli_log(out: &hyde_sass::CompiledCss) -> String {
    let mut log = String::new();
    for w in &out.warnings {
        log.push_str(&w.formatted);
        if !w.debug {
            log.push('\n');
        }
    }
    if let Some(summary) = out.omitted_summary() {
        log.push_str(&summary);
        log.push('\n');
    }
    log
}

fn compile_input(input: &Input) -> hyde_sass::CompiledCss {
    let src = fs::read_to_string(&input.file).expect("read input");
    let opts = SassOptions {
        syntax: input.syntax,
        load_paths: input.load_paths.clone(),
        file: Some(input.file.clone()),
        warning_root: Some(corpus_dir()),
        ..SassOptions::default()
    };
    compile(&src, &opts).expect("compiles")
}

/// The printed text, byte for byte (stack traces included), against
/// dart-sass's stderr, for every input whose deprecations hyde finds
/// completely (misses are counted by the test above).
#[test]
fn warning_text_matches_dart_sass() {
    let dir = corpus_dir().join("expected/warnings-stderr");
    let expected_json = expected();
    let (mut same, mut total) = (0, 0);
    let mut diffs = Vec::new();
    for input in inputs() {
        let Ok(expected) = fs::read_to_string(dir.join(format!("{}.txt", input.id))) else {
            continue;
        };
        let complete = expected_json.get(&input.id).is_some_and(|entry| {
            let dart = dart_warnings(entry, Some(KINDS));
            hyde_warnings(&input, false)
                .ok()
                .map(|ours| align_warn_files(ours, &dart))
                == Some(dart)
        });
        if !complete {
            continue;
        }
        total += 1;
        let log = cli_log(&compile_input(&input));
        if log == expected {
            same += 1;
        } else {
            diffs.push(format!(
                "{}:\n--- dart-sass\n{expected}\n--- hyde\n{log}",
                input.id
            ));
        }
    }
    eprintln!("sass warning text: {same} of {total} inputs print exactly as dart-sass");
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
    assert!(total >= 5, "only {total} inputs compared");
}

/// A stylesheet with 300 divisions in 300 places prints the first five
/// warnings and one "295 repetitive deprecation warnings omitted" line.
#[test]
fn three_hundred_divisions_print_five_warnings_and_one_summary() {
    let input = inputs()
        .into_iter()
        .find(|i| i.id == "warnings-slash-300")
        .expect("slash-300 input");
    let out = compile_input(&input);
    assert_eq!(out.warnings.len(), 5);
    assert_eq!(out.omitted_deprecations, 295);
    let log = out.warning_log();
    assert_eq!(log.matches("DEPRECATION WARNING").count(), 5);
    assert_eq!(
        log.matches("repetitive deprecation warnings omitted")
            .count(),
        1
    );
    assert!(log.ends_with(
        "WARNING: 295 repetitive deprecation warnings omitted.\nRun in verbose mode to see all warnings.\n"
    ));
    let verbose = compile(
        &fs::read_to_string(&input.file).unwrap(),
        &SassOptions {
            file: Some(input.file.clone()),
            verbose: true,
            ..SassOptions::default()
        },
    )
    .unwrap();
    assert_eq!(
        (verbose.warnings.len(), verbose.omitted_deprecations),
        (300, 0)
    );
}
