//! hyde-highlight's features, tested against what Rouge 3.30 produces.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::Instant;

use hyde_highlight::{find_language, highlight, highlight_into, highlight_table, plaintext};

/// Corpus languages still known to differ from Rouge somewhere; every other
/// language's corpus must match byte for byte. Keep it empty.
const NOT_YET_CLEAN: &[&str] = &[];

#[test]
fn rouge_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/expected");
    let mut report: BTreeMap<String, (usize, usize, Vec<String>)> = BTreeMap::new();
    let mut dirs: Vec<_> = fs::read_dir(&root).expect("corpus").flatten().collect();
    dirs.sort_by_key(|d| d.file_name());
    for dir in dirs {
        let name = dir.file_name().to_string_lossy().into_owned();
        let lang = find_language(&name).unwrap_or_else(plaintext);
        let mut files: Vec<_> = fs::read_dir(dir.path()).expect("dir").flatten().collect();
        files.sort_by_key(|f| f.file_name());
        for f in files {
            let fname = f.file_name().to_string_lossy().into_owned();
            let Some(stem) = fname.strip_suffix(".in") else {
                continue;
            };
            let input = fs::read_to_string(f.path()).expect("input");
            let mut checks = vec![(format!("{stem}.html"), highlight(lang, &input))];
            if dir.path().join(format!("{stem}.table.html")).exists() {
                checks.push((format!("{stem}.table.html"), highlight_table(lang, &input)));
            }
            for (file, got) in checks {
                let want = fs::read_to_string(dir.path().join(&file)).expect("expected");
                let entry = report.entry(name.clone()).or_default();
                entry.1 += 1;
                if got == want {
                    entry.0 += 1;
                } else if entry.2.len() < 2 {
                    let at = got
                        .bytes()
                        .zip(want.bytes())
                        .position(|(a, b)| a != b)
                        .unwrap_or(got.len().min(want.len()));
                    let from = at.saturating_sub(80);
                    let snip = |s: &str| {
                        let mut a = from;
                        while !s.is_char_boundary(a) {
                            a -= 1;
                        }
                        let mut b = (at + 80).min(s.len());
                        while !s.is_char_boundary(b) {
                            b += 1;
                        }
                        s[a..b].to_string()
                    };
                    entry.2.push(format!(
                        "  {name}/{file}\n    want: {:?}\n    got:  {:?}",
                        snip(&want),
                        snip(&got)
                    ));
                }
            }
        }
    }
    let mut failed = Vec::new();
    let (mut same, mut total) = (0, 0);
    for (name, (ok, n, diffs)) in &report {
        same += ok;
        total += n;
        eprintln!("{name}: {ok} of {n} identical");
        for d in diffs {
            eprintln!("{d}");
        }
        if ok != n && !NOT_YET_CLEAN.contains(&name.as_str()) {
            failed.push(name.clone());
        }
    }
    eprintln!("corpus: {same} of {total} identical");
    assert!(
        failed.is_empty(),
        "corpus differs from Rouge for {failed:?}"
    );
}

#[test]
fn highlight_into_appends_what_highlight_returns() {
    let python = find_language("python").expect("python");
    let code = "def f(x):\n    return x < 1 and \"a\" or 'b'  # done\n";
    let mut out = String::from("<code>");
    highlight_into(python, code, &mut out);
    assert_eq!(out, format!("<code>{}", highlight(python, code)));
}

#[test]
fn find_language_by_tag_and_alias() {
    assert_eq!(find_language("python").map(|l| l.tag()), Some("python"));
    assert_eq!(find_language("py").map(|l| l.tag()), Some("python"));
    assert_eq!(find_language("py?foo=bar").map(|l| l.tag()), Some("python"));
    assert_eq!(find_language("c++").map(|l| l.tag()), Some("cpp"));
    assert_eq!(find_language("guess").map(|l| l.tag()), Some("plaintext"));
}

#[test]
fn unknown_language_is_none_like_rouge() {
    assert!(find_language("nosuchlang").is_none());
    assert!(find_language("").is_none());
    assert!(find_language("?x=1").is_none());
    // Rouge's registry is case-sensitive.
    assert!(find_language("Python").is_none());
}

/// Every ported language, by a name Rouge registers for it.
const PORTED: &[&str] = &[
    "plaintext",
    "python",
    "shell",
    "console",
    "javascript",
    "typescript",
    "json",
    "yaml",
    "html",
    "xml",
    "css",
    "scss",
    "ruby",
    "c",
    "cpp",
    "java",
    "r",
    "julia",
    "matlab",
    "tex",
    "markdown",
    "sql",
    "go",
    "rust",
    "diff",
    "docker",
    "toml",
    "ini",
    "liquid",
    "bibtex",
    "erb",
    "csharp",
    "jsx",
    "make",
    "lua",
    "haskell",
    "kotlin",
    "properties",
    "tsx",
    "nginx",
    "swift",
    "php",
    "fortran",
    "scala",
    "dart",
    "protobuf",
    "ocaml",
    "groovy",
    "powershell",
    "cuda",
    "stata",
    "mathematica",
    "conf",
    "cmake",
    "stan",
    "perl",
    "glsl",
    "prolog",
    "vhdl",
    "verilog",
    "scheme",
    "clojure",
    "lean",
    "sas",
    "sass",
    "jinja",
    "coq",
];

#[test]
fn every_required_language_is_ported() {
    for name in PORTED {
        let lang = find_language(name).expect(name);
        assert!(lang.is_ported(), "{name}");
    }
}

/// Rouge's `coq` drops an identifier that ends the input (its `continue_id`
/// state writes the name only when more text follows), and so does hyde;
/// the checks that no text is lost give these lexers a final newline.
const DROPS_FINAL_IDENTIFIER: &[&str] = &["coq"];

fn with_final_newline(name: &str, input: String) -> String {
    if DROPS_FINAL_IDENTIFIER.contains(&name) {
        input + "\n"
    } else {
        input
    }
}

fn pathological_inputs(n: usize) -> Vec<String> {
    let mut inputs: Vec<String> = [
        "\"", "'", "(", "/*", "<", "`", "\\", "{", "#", "a\n", "[", "*", "$(", "${", "%", "<<",
        "\"\"\"", "```\n", "- ", "  ", "/", "=", "?", ":", "é", "#=", "%{", "'a",
    ]
    .iter()
    .map(|p| p.repeat(n / p.len().max(1)))
    .collect();
    inputs.push("x = \"".to_string() + &"\\\"".repeat(n / 2));
    inputs.push("<a b=".repeat(n / 5));
    inputs.push("def f(".repeat(n / 6));
    inputs.push("int f(int a".repeat(n / 11));
    inputs
}

#[test]
fn pathological_inputs_stay_fast() {
    // A generous bound: this guards against quadratic blow-ups, it does not
    // measure speed (see benches/ for that).
    let budget = if cfg!(debug_assertions) {
        20_000
    } else {
        2_000
    };
    for name in PORTED {
        let lang = find_language(name).expect("lang");
        let mut worst = (0, String::new());
        for input in pathological_inputs(4_000) {
            let input = with_final_newline(name, input);
            let t = Instant::now();
            let html = highlight(lang, &input);
            assert!(html.len() >= input.len() / 2);
            let ms = t.elapsed().as_millis();
            if ms > worst.0 {
                worst = (ms, input.chars().take(8).collect());
            }
        }
        eprintln!("{name}: worst {} ms on {:?}", worst.0, worst.1);
        assert!(
            worst.0 < budget,
            "{name} took {} ms on {:?}…",
            worst.0,
            worst.1
        );
    }
}

#[test]
fn no_input_panics() {
    let samples = [
        "",
        "\n",
        "\r\n",
        "\0",
        "\u{feff}x",
        "é\u{301}",
        "🎉",
        "\t\t",
        "a\rb",
        "\\",
        "\"\\",
        "<<EOF\nx",
        "%w(",
        "%r{",
        "#{",
        "$((",
        "```",
        "---\n",
        "|\n  x",
        "? :",
        "&a *a",
        "\\begin{",
        "$$",
        "#=",
        "{%",
        "@@",
        "..",
        "'\\u{",
        "r#\"",
        "/**/",
        "*/",
        "<!--",
    ];
    for name in PORTED {
        let lang = find_language(name).expect("lang");
        for a in samples {
            for b in samples {
                let input = format!("{a}{b}\n{b}{a}");
                let html = highlight(lang, &input);
                let table = highlight_table(lang, &input);
                assert!(table.starts_with("<table"));
                assert!(html.len() >= input.len().saturating_sub(8) / 2);
            }
        }
    }
}

#[test]
fn random_inputs_never_panic() {
    // A fixed xorshift stream over characters every lexer treats specially.
    const ALPHABET: &[char] = &[
        'a', 'Z', '_', '0', '9', ' ', '\t', '\n', '\r', '"', '\'', '`', '\\', '/', '*', '#', '$',
        '%', '&', '<', '>', '=', '!', '?', ':', ';', ',', '.', '-', '+', '(', ')', '[', ']', '{',
        '}', '|', '^', '~', '@', 'é', '日', '🎉', '\u{0}', '\u{301}',
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for name in PORTED {
        let lang = find_language(name).expect("lang");
        for _ in 0..150 {
            let len = (next() % 120) as usize;
            let input: String = (0..len)
                .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
                .collect();
            let input = with_final_newline(name, input);
            let html = highlight(lang, &input);
            // Every input character comes out, escaped or not.
            let visible = html
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            let text: String = strip_tags(&visible);
            assert_eq!(text, input, "{name} lost text of {input:?}");
        }
    }
}

/// The text of Rouge's HTML: everything outside `<span …>` and `</span>`.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<span class=\"").or_else(|| rest.find("</span>")) {
        let j = rest.find("</span>").unwrap_or(usize::MAX);
        let k = rest.find("<span class=\"").unwrap_or(usize::MAX);
        let at = i.min(j).min(k);
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
