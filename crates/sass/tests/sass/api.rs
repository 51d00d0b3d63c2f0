//! The public API: options, errors, warnings, imports, Jekyll's output.

use std::fs;
use std::path::PathBuf;

use hyde_sass::{compile, SassOptions, Style, Syntax, WarningKind};

fn scss(src: &str) -> String {
    compile(src, &SassOptions::default()).expect("compiles").css
}

#[test]
fn compiles_a_string_without_a_file() {
    assert_eq!(
        scss("$c: red;\n.a { color: $c; }"),
        ".a {\n  color: red;\n}"
    );
}

#[test]
fn compressed_style() {
    let opts = SassOptions {
        style: Style::Compressed,
        ..SassOptions::default()
    };
    let out = compile(".a { color: red; .b { margin: 0 auto; } }", &opts).unwrap();
    assert_eq!(out.css, ".a{color:red}.a .b{margin:0 auto}");
}

#[test]
fn style_from_jekyll_config() {
    assert_eq!(Style::from_config(":compressed"), Style::Compressed);
    assert_eq!(Style::from_config("compressed"), Style::Compressed);
    assert_eq!(Style::from_config("expanded"), Style::Expanded);
    // dart-sass has no nested/compact styles; they come out expanded.
    assert_eq!(Style::from_config("compact"), Style::Expanded);
    assert_eq!(Style::from_config("nested"), Style::Expanded);
}

#[test]
fn indented_syntax() {
    let opts = SassOptions {
        syntax: Syntax::Sass,
        ..SassOptions::default()
    };
    let out = compile(".a\n  color: red\n  .b\n    margin: 0\n", &opts).unwrap();
    assert_eq!(out.css, ".a {\n  color: red;\n}\n.a .b {\n  margin: 0;\n}");
    assert_eq!(Syntax::from_extension("SASS"), Some(Syntax::Sass));
    assert_eq!(Syntax::from_extension("css"), None);
}

#[test]
fn error_names_file_line_and_column_with_the_line() {
    let opts = SassOptions {
        file: Some(PathBuf::from("assets/css/main.scss")),
        ..SassOptions::default()
    };
    let err = compile(".a {\n  color: $missing;\n}\n", &opts).unwrap_err();
    assert_eq!(err.file, "assets/css/main.scss");
    assert_eq!((err.line, err.column), (2, 10));
    assert_eq!(err.source_line, "  color: $missing;");
    let shown = err.to_string();
    assert!(
        shown.starts_with("assets/css/main.scss:2:10: Undefined variable."),
        "{shown}"
    );
    assert!(shown.contains("2 |   color: $missing;"), "{shown}");
    assert!(shown.ends_with("  |          ^^^^^^^^"), "{shown}");
}

#[test]
fn error_in_a_partial_names_the_partial() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("_broken.scss"), ".x {\n  a: 1px +;\n}\n").unwrap();
    let opts = SassOptions {
        file: Some(dir.path().join("main.scss")),
        load_paths: vec![dir.path().to_path_buf()],
        ..SassOptions::default()
    };
    let err = compile("@import \"broken\";\n", &opts).unwrap_err();
    assert!(err.file.ends_with("_broken.scss"), "{}", err.file);
    assert_eq!(err.line, 2);
}

#[test]
fn error_for_a_missing_import() {
    let err = compile("@import \"nowhere\";", &SassOptions::default()).unwrap_err();
    assert_eq!((err.line, err.column), (1, 9));
    assert!(
        err.message.contains("Can't find stylesheet"),
        "{}",
        err.message
    );
}

#[test]
fn never_panics_on_broken_input() {
    let pieces = [
        "{",
        "}",
        "(",
        ")",
        "\"",
        "'",
        "#{",
        "@media",
        "@import",
        "@include",
        "@mixin m",
        "a",
        ":",
        ";",
        "$x",
        "/*",
        "*/",
        "//",
        "\\",
        "@if",
        "@else",
        "%p",
        "&",
        ",",
        "url(",
        "--x:",
        "!",
        "\n",
        " ",
        "1px",
        "/",
        "@extend",
        "@use",
        "@function f()",
        "@return",
        "\u{e000}",
        "é",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..1500 {
        let mut src = String::new();
        for _ in 0..(seed % 12) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            src.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        for style in [Style::Expanded, Style::Compressed] {
            let opts = SassOptions {
                style,
                source_map: true,
                ..SassOptions::default()
            };
            let _ = compile(&src, &opts);
        }
    }
}

/// dart-sass prints a `@warn` or `@debug` each time it runs (its limit of
/// five applies to deprecations only): a loop of five warns five times.
#[test]
fn warn_and_debug_print_each_time_they_run() {
    let src = "@for $i from 1 through 5 { @warn \"deprecated thing\"; .a-#{$i} { b: c; } }\n@debug 1 + 1;";
    let out = compile(src, &SassOptions::default()).unwrap();
    let warns: Vec<_> = out.warnings.iter().filter(|w| !w.debug).collect();
    assert_eq!(warns.len(), 5);
    assert_eq!(out.omitted_deprecations, 0);
    assert!(warns.iter().all(|w| w.message == "deprecated thing"));
    assert!(out.warnings.iter().any(|w| w.debug && w.message == "2"));
}

/// dart-sass's `quietDeps` silences deprecations raised in files found
/// through a load path; `@warn` still prints (checked with dart-sass 1.78).
#[test]
fn quiet_deps_silences_deprecations_from_load_paths() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    fs::create_dir(&lib).unwrap();
    fs::write(
        lib.join("_dep.scss"),
        "@warn \"from dep\";\n$w: 10px;\n.d { width: $w/2; }\n",
    )
    .unwrap();
    let mut opts = SassOptions {
        file: Some(dir.path().join("main.scss")),
        load_paths: vec![lib],
        ..SassOptions::default()
    };
    let src = "@import \"dep\";\n@warn \"from main\";\n.m { width: $w/4; }\n";
    let kinds = |opts: &SassOptions| -> Vec<(WarningKind, String)> {
        compile(src, opts)
            .unwrap()
            .warnings
            .iter()
            .map(|w| {
                (
                    w.kind,
                    w.location.rsplitn(3, ':').nth(2).unwrap().to_string(),
                )
            })
            .collect()
    };
    let dep = dir
        .path()
        .join("lib/_dep.scss")
        .to_string_lossy()
        .into_owned();
    let main = dir.path().join("main.scss").to_string_lossy().into_owned();
    let slash = WarningKind::Deprecation("slash-div");
    assert_eq!(
        kinds(&opts),
        vec![
            (WarningKind::Warn, dep.clone()),
            (slash, dep.clone()),
            (WarningKind::Warn, main.clone()),
            (slash, main.clone()),
        ]
    );
    opts.quiet_deps = true;
    assert_eq!(
        kinds(&opts),
        vec![
            (WarningKind::Warn, dep),
            (WarningKind::Warn, main.clone()),
            (slash, main),
        ]
    );
}

#[test]
fn loaded_files_lists_every_partial_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("_a.scss"), "@import \"b\";\n.a { x: y; }\n").unwrap();
    fs::write(dir.path().join("_b.scss"), ".b { x: y; }\n").unwrap();
    let opts = SassOptions {
        file: Some(dir.path().join("main.scss")),
        load_paths: vec![dir.path().to_path_buf()],
        ..SassOptions::default()
    };
    let out = compile("@import \"a\";\n@import \"b\";\n", &opts).unwrap();
    let names: Vec<String> = out
        .loaded_files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["_a.scss", "_b.scss"]);
}

#[test]
fn imports_resolve_index_files_and_partials_in_load_paths() {
    let dir = tempfile::tempdir().unwrap();
    let sass_dir = dir.path().join("_sass");
    fs::create_dir_all(sass_dir.join("vendor/grid")).unwrap();
    fs::write(
        sass_dir.join("vendor/grid/_index.scss"),
        ".grid { a: b; }\n",
    )
    .unwrap();
    fs::write(sass_dir.join("_base.scss"), ".base { a: b; }\n").unwrap();
    let opts = SassOptions {
        file: Some(dir.path().join("assets/main.scss")),
        load_paths: vec![sass_dir],
        ..SassOptions::default()
    };
    let out = compile(
        "@import \"base\", \"vendor/grid\";\n@import \"x.css\";\n",
        &opts,
    )
    .unwrap();
    assert_eq!(
        out.css,
        "@import \"x.css\";\n.base {\n  a: b;\n}\n\n.grid {\n  a: b;\n}"
    );
}

#[test]
fn jekyll_output_appends_newline_or_source_mapping_url() {
    let out = compile(".a { b: c; }", &SassOptions::default()).unwrap();
    assert_eq!(out.jekyll_output(None, false), ".a {\n  b: c;\n}\n");
    assert_eq!(
        out.jekyll_output(Some("main.css.map"), false),
        ".a {\n  b: c;\n}\n\n/*# sourceMappingURL=main.css.map */"
    );
    assert!(out
        .jekyll_output(Some("my main.css.map"), false)
        .ends_with("my%20main.css.map */"));
    let opts = SassOptions {
        style: Style::Compressed,
        ..SassOptions::default()
    };
    let bom = compile(".a:after { content: \"→\"; }", &opts).unwrap();
    assert!(bom.css.starts_with('\u{feff}'));
    assert_eq!(bom.jekyll_output(None, false), ".a:after{content:\"→\"}\n");
    assert_eq!(
        bom.jekyll_output(None, true),
        "@charset \"UTF-8\";.a:after{content:\"→\"}\n"
    );
}

#[test]
fn relative_imports_win_over_load_paths() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let lib = dir.path().join("lib");
    fs::create_dir_all(&site).unwrap();
    fs::create_dir_all(&lib).unwrap();
    fs::write(site.join("_colors.scss"), ".relative { a: b; }\n").unwrap();
    fs::write(lib.join("colors.sass"), ".load-path\n  a: b\n").unwrap();
    let opts = SassOptions {
        file: Some(site.join("main.scss")),
        load_paths: vec![lib],
        ..SassOptions::default()
    };
    let out = compile("@import \"colors\";\n", &opts).unwrap();
    assert_eq!(out.css, ".relative {\n  a: b;\n}");
}

#[test]
fn invalid_utf8_in_a_partial_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("_bad.scss"),
        b".a {\n  content: \"\xff\";\n}\n",
    )
    .unwrap();
    let opts = SassOptions {
        file: Some(dir.path().join("main.scss")),
        ..SassOptions::default()
    };
    let err = compile("@import \"bad\";\n", &opts).unwrap_err();
    assert!(err.file.ends_with("_bad.scss"), "{}", err.file);
    assert_eq!((err.line, err.column), (2, 13));
    assert_eq!(err.message, "Invalid UTF-8.");
}

/// Deprecations and `@warn` come in evaluation order; a `@warn` in a mixin
/// names the mixin as its frame, at the rule's own column, then the `@include`.
#[test]
fn warnings_in_evaluation_order_with_the_mixin_frame() {
    let src = "$a: 4px;\n@mixin m { .x { w: $a/2; @warn \"in m\"; } }\n.y { @include m; }\n";
    let out = compile(src, &SassOptions::default()).unwrap();
    let kinds: Vec<WarningKind> = out.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        vec![WarningKind::Deprecation("slash-div"), WarningKind::Warn]
    );
    let column = src.lines().nth(1).unwrap().find("@warn").unwrap() + 1;
    assert_eq!(
        out.warnings[1].formatted,
        // The whole stack, as the `sass` command prints it (dart-sass 1.78).
        format!(
            "WARNING: in m\n    stdin.scss 2:{column}  m()\n    stdin.scss 3:6   root stylesheet\n"
        )
    );
    assert!(out.warnings[0]
        .formatted
        .contains("Recommendation: math.div($a, 2) or calc($a / 2)"));
}

/// The deprecation probes hyde inserts into the sources move no `@warn`:
/// its line and column are the file's (checked with dart-sass 1.78).
#[test]
fn warn_positions_ignore_deprecation_probes() {
    let src = "$a: 4px;\n.a { width: $a/2; @warn \"one\"; }\n.b { @warn \"v #{$a/2}\"; }\n";
    let out = compile(src, &SassOptions::default()).unwrap();
    let warns: Vec<&str> = out
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::Warn)
        .map(|w| w.formatted.as_str())
        .collect();
    assert_eq!(
        warns,
        vec![
            "WARNING: one\n    stdin.scss 2:19  root stylesheet\n",
            "WARNING: v 2px\n    stdin.scss 3:6  root stylesheet\n",
        ]
    );
    assert_eq!(out.css, ".a {\n  width: 2px;\n}");
}

/// `mixed-decls`: a declaration after a nested rule (directly, or one a
/// mixin added) warns with both spans; a merged nested `@media` adds no
/// sibling; a colour with a name interpolated into a selector warns. The
/// text is dart-sass 1.78's (`sass t3.scss`, run in the file's folder).
#[test]
fn mixed_decls_and_colour_names_print_as_dart_sass() {
    let src = ".a {\n  .b { c: d; }\n  e: f;\n}\n@mixin m { .x { y: z; } }\n.g { @include m; h: i; }\n@media screen { .j { @media (min-width: 1px) { k: l; } m: n; } }\n$c: white;\n.p-#{$c} { q: r; }\n";
    let dir = tempfile::tempdir().unwrap();
    let opts = SassOptions {
        file: Some(dir.path().join("t3.scss")),
        warning_root: Some(dir.path().to_path_buf()),
        ..SassOptions::default()
    };
    let out = compile(src, &opts).unwrap();
    let mixed = "DEPRECATION WARNING: Sass's behavior for declarations that appear after nested\nrules will be changing to match the behavior specified by CSS in an upcoming\nversion. To keep the existing behavior, move the declaration above the nested\nrule. To opt into the new behavior, wrap the declaration in `& {}`.\n\nMore info: https://sass-lang.com/d/mixed-decls\n\n";
    let expected = [
        format!("{mixed}  ╷\n2 │   .b {{ c: d; }}\n  │   ━━━━━━━━━━━━ nested rule\n3 │   e: f;\n  │   ^^^^ declaration\n  ╵\n    t3.scss 3:3  root stylesheet\n"),
        format!("{mixed}  ╷\n5 │ @mixin m {{ .x {{ y: z; }} }}\n  │            ━━━━━━━━━━━━ nested rule\n6 │ .g {{ @include m; h: i; }}\n  │                  ^^^^ declaration\n  ╵\n    t3.scss 6:18  root stylesheet\n"),
        "WARNING: You probably don't mean to use the color value white in interpolation here.\nIt may end up represented as white, which will likely produce invalid CSS.\nAlways quote color names when using them as strings or map keys (for example, \"white\").\nIf you really want to use the color value here, use '\"\" + $c'.\n\n  ╷\n9 │ .p-#{$c} { q: r; }\n  │      ^^\n  ╵\n    t3.scss 9:6  root stylesheet\n".to_string(),
    ];
    let got: Vec<&str> = out.warnings.iter().map(|w| w.formatted.as_str()).collect();
    assert_eq!(got, expected);
    assert_eq!(
        out.warnings[0].kind,
        WarningKind::Deprecation("mixed-decls")
    );
    assert_eq!(out.warnings[2].kind, WarningKind::Warn);
}

/// A warning in a partial's mixin shows dart-sass's whole stack: the
/// mixin, the `@include` in the partial, the `@import` in the entry; a
/// partial found through a load path is named as the import wrote it.
#[test]
fn stack_trace_of_a_warning_in_a_partial_mixin() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    fs::create_dir(&lib).unwrap();
    fs::write(
        lib.join("_m.scss"),
        "@mixin m($w) {\n  @warn \"m #{$w}\";\n}\n",
    )
    .unwrap();
    fs::write(dir.path().join("_p.scss"), ".p {\n  @include m(1);\n}\n").unwrap();
    let src = "@import \"m\";\n@import \"p\";\n.q { @include m(2); }\n";
    let opts = SassOptions {
        file: Some(dir.path().join("main.scss")),
        load_paths: vec![lib],
        warning_root: Some(dir.path().to_path_buf()),
        ..SassOptions::default()
    };
    let out = compile(src, &opts).unwrap();
    let got: Vec<&str> = out.warnings.iter().map(|w| w.formatted.as_str()).collect();
    assert_eq!(
        got,
        vec![
            "WARNING: m 1\n    _m.scss 2:3    m()\n    _p.scss 2:3    @import\n    main.scss 2:9  root stylesheet\n",
            "WARNING: m 2\n    _m.scss 2:3    m()\n    main.scss 3:6  root stylesheet\n",
        ]
    );
}
