//! The differential corpus: templates rendered by Ruby Liquid 5.4 with
//! Jekyll's settings (see `corpus/generate.rb`), compared with ours.

use std::collections::HashMap;
use std::sync::Arc;

use hyde_liquid::{Context, Engine, Map, Template};

use crate::common::{from_json, MemoryFs};

#[test]
fn corpus_matches_ruby_liquid() {
    let raw = include_str!("../corpus/cases.json");
    let doc: serde_json::Value = serde_json::from_str(raw).expect("corpus JSON");
    let partials: HashMap<String, String> = doc["partials"]
        .as_object()
        .expect("partials")
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
        .collect();
    let fs = Arc::new(MemoryFs(partials));
    let mut datasets: HashMap<String, Map> = HashMap::new();
    for (name, data) in doc["data"].as_object().expect("data") {
        let mut m = Map::new();
        for (k, v) in data.as_object().expect("dataset") {
            m.insert(hyde_liquid::Value::str(k.as_str()), from_json(v));
        }
        datasets.insert(name.clone(), m);
    }
    let known: serde_json::Value =
        serde_json::from_str(include_str!("../corpus/known_divergences.json"))
            .expect("known divergences JSON");
    let known: Vec<&str> = known
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|k| k["template"].as_str())
        .collect();
    let engine = Engine::new();
    let mut lax = Engine::new();
    lax.set_error_mode(hyde_liquid::ErrorMode::Lax);
    let mut strict = Engine::new();
    strict.set_error_mode(hyde_liquid::ErrorMode::Strict);
    // Jekyll's patch: `empty`/`blank` evaluate to method-literal objects.
    let mut jekyll_literals = Engine::new();
    jekyll_literals.set_method_literal_values(true);
    let cases = doc["cases"].as_array().expect("cases");
    let mut known_hit = 0;
    let mut warning_diffs = Vec::new();
    let mut same_messages = 0;
    let mut message_diffs: Vec<String> = Vec::new();
    let mut failures = Vec::new();
    for case in cases {
        let src = case["template"].as_str().unwrap_or_default();
        let engine = match case["mode"].as_str() {
            Some("lax") => &lax,
            Some("strict") => &strict,
            Some("jekyll_literals") => &jekyll_literals,
            _ => &engine,
        };
        let data = datasets
            .get(case["data"].as_str().unwrap_or("main"))
            .cloned()
            .unwrap_or_default();
        let want_warnings = case["warnings"].as_u64().unwrap_or(0) as usize;
        if let (Ok(t), true) = (Template::parse(src, engine), case["output"].is_string()) {
            if t.warnings().len() != want_warnings {
                warning_diffs.push(format!(
                    "#{} {:?}: want {} warnings, got {}",
                    case["id"],
                    src,
                    want_warnings,
                    t.warnings().len()
                ));
            }
        }
        let result = Template::parse(src, engine).and_then(|t| {
            let mut ctx = Context::new(engine);
            ctx.set_globals(data);
            ctx.set_file_system(fs.clone());
            t.render(&mut ctx)
        });
        let expected = case["output"].as_str();
        if let (Err(e), Some(want)) = (&result, case["error"].as_str()) {
            // Ruby's message is "Class: message"; compare the message part.
            let want = want.split_once(": ").map_or(want, |(_, m)| m);
            if e.ruby_message() == want {
                same_messages += 1;
            } else {
                message_diffs.push(format!(
                    "{src:?}\n    ruby: {want}\n    ours: {}",
                    e.ruby_message()
                ));
            }
        }
        let ok = match (&result, expected) {
            (Ok(got), Some(want)) => got == want,
            (Err(_), None) => true,
            _ => false,
        };
        if !ok && known.contains(&src) {
            known_hit += 1;
        } else if !ok {
            failures.push(format!(
                "#{} {:?}\n    want: {}\n    got:  {}",
                case["id"],
                src,
                expected.map_or_else(
                    || format!("error ({})", case["error"].as_str().unwrap_or("")),
                    |s| format!("{s:?}")
                ),
                match &result {
                    Ok(s) => format!("{s:?}"),
                    Err(e) => format!("error ({})", e.ruby_message()),
                }
            ));
        }
    }
    let total = cases.len();
    eprintln!(
        "liquid corpus: {} of {} cases identical ({} known divergences, listed in known_divergences.json)",
        total - failures.len() - known_hit,
        total,
        known_hit
    );
    eprintln!(
        "liquid corpus: {} cases with a different number of parse warnings",
        warning_diffs.len()
    );
    for w in warning_diffs.iter().take(30) {
        eprintln!("  {w}");
    }
    eprintln!(
        "liquid corpus: error messages identical to Ruby's in {} of {} error cases",
        same_messages,
        same_messages + message_diffs.len()
    );
    if std::env::var_os("LIQUID_SHOW_MESSAGE_DIFFS").is_some() {
        for d in &message_diffs {
            eprintln!("  {d}");
        }
    }
    assert!(
        warning_diffs.is_empty(),
        "parse warnings differ from Ruby's"
    );
    if !failures.is_empty() {
        let shown: Vec<&String> = failures.iter().take(200).collect();
        panic!(
            "{} of {} cases differ; first {}:\n{}",
            failures.len(),
            total,
            shown.len(),
            shown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}
