//! Source maps: a valid v3 map whose rules point at their source file and
//! line, decoded here independently of the encoder.

use std::fs;

use hyde_sass::{compile, SassOptions, Style};

/// Decodes `mappings` into (generated line, generated column, source,
/// source line, source column), all 0-based.
pub(crate) fn decode(mappings: &str) -> Vec<(usize, i64, i64, i64, i64)> {
    const B64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut src, mut line, mut col) = (0i64, 0i64, 0i64);
    for (gen_line, segments) in mappings.split(';').enumerate() {
        let mut gen_col = 0i64;
        for seg in segments.split(',').filter(|s| !s.is_empty()) {
            let mut values = Vec::new();
            let (mut value, mut shift) = (0i64, 0);
            for c in seg.chars() {
                let digit = B64.find(c).expect("base64 digit") as i64;
                value += (digit & 31) << shift;
                if digit & 32 == 0 {
                    let v = if value & 1 == 1 {
                        -(value >> 1)
                    } else {
                        value >> 1
                    };
                    values.push(v);
                    value = 0;
                    shift = 0;
                } else {
                    shift += 5;
                }
            }
            assert_eq!(values.len(), 4, "segment {seg}");
            gen_col += values[0];
            src += values[1];
            line += values[2];
            col += values[3];
            out.push((gen_line, gen_col, src, line, col));
        }
    }
    out
}

fn site() -> (tempfile::TempDir, SassOptions, String) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("_sass")).unwrap();
    fs::create_dir_all(root.join("assets/css")).unwrap();
    fs::write(
        root.join("_sass/_buttons.scss"),
        "// buttons\n@mixin pad { padding: 1px; }\n\n.btn {\n  color: red;\n  &:hover { color: blue; }\n}\n",
    )
    .unwrap();
    let main = "@import \"buttons\";\n\n.page {\n  margin: 0;\n  .title { @include pad; }\n}\n";
    let opts = SassOptions {
        file: Some(root.join("assets/css/main.scss")),
        load_paths: vec![root.join("_sass")],
        source_map: true,
        source_map_root: Some(root.to_path_buf()),
        ..SassOptions::default()
    };
    (dir, opts, main.to_string())
}

fn check_map(style: Style) {
    let (_dir, mut opts, main) = site();
    opts.style = style;
    let out = compile(&main, &opts).unwrap();
    let plain = compile(
        &main,
        &SassOptions {
            source_map: false,
            ..opts.clone()
        },
    )
    .unwrap();
    assert_eq!(out.css, plain.css, "a source map must not change the CSS");
    let map: serde_json::Value = serde_json::from_str(out.source_map.as_deref().unwrap()).unwrap();
    assert_eq!(map["version"], 3);
    assert_eq!(map["file"], "main.css");
    let sources: Vec<&str> = map["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(sources, ["_sass/_buttons.scss", "assets/css/main.scss"]);
    assert_eq!(map["sourcesContent"][1], main.as_str());
    let css_lines: Vec<&str> = out.css.lines().collect();
    let mut seen = Vec::new();
    for (gl, gc, src, line, col) in decode(map["mappings"].as_str().unwrap()) {
        let content = map["sourcesContent"][src as usize].as_str().unwrap();
        let src_line = content.lines().nth(line as usize).unwrap();
        let generated = &css_lines[gl][gc as usize..];
        let source = &src_line[col as usize..];
        seen.push((
            generated.split('{').next().unwrap().trim().to_string(),
            source.to_string(),
        ));
    }
    let expect = [
        (".btn", ".btn {"),
        (".btn:hover", "&:hover { color: blue; }"),
        (".page", ".page {"),
        (".page .title", ".title { @include pad; }"),
    ];
    for (sel, src) in expect {
        assert!(
            seen.iter().any(|(g, s)| g == sel && s == src),
            "{sel} -> {src} not in {seen:?}"
        );
    }
}

#[test]
fn source_map_points_rules_at_file_and_line_expanded() {
    check_map(Style::Expanded);
}

#[test]
fn source_map_points_rules_at_file_and_line_compressed() {
    check_map(Style::Compressed);
}

#[test]
fn source_map_of_indented_syntax_is_still_valid() {
    let opts = SassOptions {
        syntax: hyde_sass::Syntax::Sass,
        source_map: true,
        ..SassOptions::default()
    };
    let out = compile(".a\n  b: c\n", &opts).unwrap();
    let map: serde_json::Value = serde_json::from_str(out.source_map.as_deref().unwrap()).unwrap();
    assert_eq!(map["version"], 3);
    assert_eq!(map["file"], "stdin.css");
}

#[test]
fn a_partial_imported_twice_is_listed_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("_rule.scss"), ".r { a: b; }\n").unwrap();
    let opts = SassOptions {
        file: Some(dir.path().join("main.scss")),
        source_map: true,
        source_map_root: Some(dir.path().to_path_buf()),
        ..SassOptions::default()
    };
    let out = compile("@import \"rule\";\n.m { @import \"rule\"; }\n", &opts).unwrap();
    let map: serde_json::Value = serde_json::from_str(out.source_map.as_deref().unwrap()).unwrap();
    assert_eq!(map["sources"], serde_json::json!(["_rule.scss"]));
    assert_eq!(decode(map["mappings"].as_str().unwrap()).len(), 2);
}
