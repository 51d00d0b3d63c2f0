//! Each known gap between grass 0.13 and dart-sass 1.78, pinned with the
//! output dart-sass gives (checked with `node` against the pinned version).

use std::fs;

use hyde_sass::{compile, SassOptions, Style, Syntax};

fn expanded(src: &str) -> String {
    compile(src, &SassOptions::default()).expect("compiles").css
}

fn compressed(src: &str) -> String {
    let opts = SassOptions {
        style: Style::Compressed,
        ..SassOptions::default()
    };
    compile(src, &opts).expect("compiles").css
}

#[test]
fn media_query_compressed_has_no_space_before_a_condition() {
    assert_eq!(
        compressed("@media (min-width: 10px) and (max-width: 20px), print { .a { b: c } }"),
        "@media(min-width: 10px)and (max-width: 20px),print{.a{b:c}}"
    );
    assert_eq!(
        compressed("@media screen and (min-width: 1px) { .a { b: c } }"),
        "@media screen and (min-width: 1px){.a{b:c}}"
    );
}

#[test]
fn supports_compressed_has_no_space_before_a_condition() {
    assert_eq!(
        compressed("@supports (display: grid) { .a { b: c } }"),
        "@supports(display: grid){.a{b:c}}"
    );
}

#[test]
fn plain_function_arguments_keep_leading_zero_in_compressed() {
    assert_eq!(
        compressed(".a { transform: scale(0.75); filter: drop-shadow(0 0 2px rgba(0,0,0,.3)); }"),
        ".a{transform:scale(0.75);filter:drop-shadow(0 0 2px rgba(0, 0, 0, 0.3))}"
    );
}

#[test]
fn negative_numbers_keep_leading_zero_in_compressed() {
    assert_eq!(
        compressed(".a { margin: -0.5em 0.5em; }"),
        ".a{margin:-0.5em .5em}"
    );
}

#[test]
fn colour_literals_in_custom_properties_are_kept_verbatim() {
    let src = "$w: #ffffff;\n:root { --a: #ffffff; --b: #{$w}; --c: 0.50; }";
    assert_eq!(
        compressed(src),
        ":root{--a: #ffffff;--b: #ffffff;--c: 0.50}"
    );
    assert_eq!(
        expanded(src),
        ":root {\n  --a: #ffffff;\n  --b: #ffffff;\n  --c: 0.50;\n}"
    );
}

#[test]
fn empty_rules_are_not_written() {
    // grass writes `nav{}` when a rule only held a comment.
    assert_eq!(
        compressed("nav {\n  /* note */\n}\n.a { b: c; }"),
        ".a{b:c}"
    );
}

#[test]
fn private_use_characters_are_escaped_in_expanded() {
    let src = ".i:before { content: \"\\f101\"; }\n.j:before { content: \"\\e900 a\"; }";
    assert_eq!(
        expanded(src),
        ".i:before {\n  content: \"\\f101\";\n}\n\n.j:before {\n  content: \"\\e900 a\";\n}"
    );
    // Compressed output keeps the character (and so needs a BOM).
    assert_eq!(
        compressed(".i:before { content: \"\\f101\"; }"),
        "\u{feff}.i:before{content:\"\u{f101}\"}"
    );
}

#[test]
fn charset_only_when_the_output_is_not_ascii() {
    assert_eq!(
        expanded("@charset \"UTF-8\";\n.a { b: c; }"),
        ".a {\n  b: c;\n}"
    );
    assert_eq!(
        expanded(".a:after { content: \"→\"; }"),
        "@charset \"UTF-8\";\n.a:after {\n  content: \"→\";\n}"
    );
}

#[test]
fn keyframe_selector_lists_compressed() {
    assert_eq!(
        compressed("@keyframes k { 0%, 100% { opacity: 1; } }"),
        "@keyframes k{0%,100%{opacity:1}}"
    );
}

#[test]
fn compressed_import_of_plain_css() {
    assert_eq!(
        compressed("@import url(foo.css);\n@import \"bar.css\" print;"),
        "@import\"foo.css\";@import\"bar.css\"print"
    );
}

#[test]
fn long_numbers_print_shortest_digits() {
    assert_eq!(
        expanded(".a { b: 123456789.123456789; }"),
        ".a {\n  b: 123456789.12345679;\n}"
    );
}

#[test]
fn import_with_explicit_extension_finds_partial_in_load_path() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("_vars.scss"), "$c: red;\n").unwrap();
    let opts = SassOptions {
        file: Some(dir.path().join("site/main.scss")),
        load_paths: vec![dir.path().to_path_buf()],
        ..SassOptions::default()
    };
    let out = compile("@import \"vars.scss\";\n.a { color: $c; }", &opts).unwrap();
    assert_eq!(out.css, ".a {\n  color: red;\n}");
}

#[test]
fn indented_syntax_unquoted_import() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("_vars.sass"), "$c: red\n").unwrap();
    let opts = SassOptions {
        syntax: Syntax::Sass,
        file: Some(dir.path().join("main.sass")),
        ..SassOptions::default()
    };
    let out = compile("@import vars\n.a\n  color: $c\n", &opts).unwrap();
    assert_eq!(out.css, ".a {\n  color: red;\n}");
}

#[test]
fn hsl_hue_is_written_without_deg() {
    assert_eq!(
        expanded(".a { b: hsl(120deg, 100%, 50%); c: hsla(120, 100%, 50%, 0.5); }"),
        ".a {\n  b: hsl(120, 100%, 50%);\n  c: hsla(120, 100%, 50%, 0.5);\n}"
    );
}

#[test]
fn hex_colours_with_alpha_are_written_as_rgba() {
    assert_eq!(
        expanded(".a { b: #f008; c: #abcdef80; d: \"#ff000080\"; e: ie-hex-str(#abcdef80); }"),
        ".a {\n  b: rgba(255, 0, 0, 0.5333333333);\n  c: rgba(171, 205, 239, 0.5019607843);\n  d: \"#ff000080\";\n  e: #80ABCDEF;\n}"
    );
}

#[test]
fn calc_drops_parentheses_precedence_does_not_need() {
    let cases = [
        (
            "calc(var(--w) - (var(--s) * 2))",
            "calc(var(--w) - var(--s) * 2)",
            "calc(var(--w) - var(--s)*2)",
        ),
        (
            "calc(1px + (2px * var(--a)))",
            "calc(1px + 2px * var(--a))",
            "calc(1px + 2px*var(--a))",
        ),
        (
            "calc((1px + var(--a)) * 2)",
            "calc((1px + var(--a)) * 2)",
            "calc((1px + var(--a))*2)",
        ),
        (
            "calc(10px / (var(--a) * 2))",
            "calc(10px / (var(--a) * 2))",
            "calc(10px/(var(--a)*2))",
        ),
        (
            "calc(10px * (var(--a) / 2))",
            "calc(10px * var(--a) / 2)",
            "calc(10px*var(--a)/2)",
        ),
        (
            "calc(var(--b) - (var(--a) + 2px))",
            "calc(var(--b) - (var(--a) + 2px))",
            "calc(var(--b) - (var(--a) + 2px))",
        ),
        (
            "calc(var(--b) + (var(--a) - 2px))",
            "calc(var(--b) + var(--a) - 2px)",
            "calc(var(--b) + var(--a) - 2px)",
        ),
        (
            "calc(1px + (var(--a)))",
            "calc(1px + (var(--a)))",
            "calc(1px + (var(--a)))",
        ),
        (
            "-webkit-calc(1px + (var(--a) * 2))",
            "-webkit-calc(1px + (var(--a) * 2))",
            "-webkit-calc(1px + (var(--a) * 2))",
        ),
    ];
    for (input, exp, comp) in cases {
        let src = format!(".a {{ b: {input}; }}");
        assert_eq!(expanded(&src), format!(".a {{\n  b: {exp};\n}}"), "{input}");
        assert_eq!(compressed(&src), format!(".a{{b:{comp}}}"), "{input}");
    }
}

#[test]
fn custom_property_names_keep_interpolated_colour_names() {
    let src =
        "$m: (grey: #828282, white: #fff);\n:root { @each $k, $v in $m { --c-#{$k}: #{$v}; } }";
    assert_eq!(compressed(src), ":root{--c-grey: #828282;--c-white: #fff}");
}

#[test]
fn trailing_comments_stay_on_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let opts = SassOptions {
        file: Some(dir.path().join("main.scss")),
        ..SassOptions::default()
    };
    let src = ".c {\n  margin: 0; /* 1 */\n  /* own */\n  border: 0;\n}\n.h { /* only */ }\n";
    assert_eq!(
        compile(src, &opts).unwrap().css,
        ".c {\n  margin: 0; /* 1 */\n  /* own */\n  border: 0;\n}\n\n.h { /* only */ }"
    );
}

#[test]
fn interpolated_colour_names_in_selectors_compile_when_compressed() {
    // grass alone fails here (`.fw-#000` is no selector).
    let src =
        "$w: (light: 300, black: 900);\n@each $n, $v in $w { .fw-#{$n} { font-weight: $v; } }";
    assert_eq!(
        compressed(src),
        ".fw-light{font-weight:300}.fw-black{font-weight:900}"
    );
}
