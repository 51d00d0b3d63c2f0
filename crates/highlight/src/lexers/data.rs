//! Data and configuration formats: Rouge's `json`, `ini`, `toml`, `properties` and `conf` lexers.

use super::lexer_def;
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(json, build_json);
lexer_def!(ini, build_ini);
lexer_def!(toml, build_toml);
lexer_def!(conf, build_conf);

fn build_json() -> Def {
    let mut b = Builder::new("json");
    b.state("whitespace").r(r"\s+", WS);
    b.state("root")
        .mixin("whitespace")
        .rp(r"\{", P, "object")
        .rp(r"\[", P, "array")
        .mixin("name")
        .mixin("value")
        .r(r"[\]}]", P);
    b.state("object")
        .mixin("whitespace")
        .mixin("name")
        .mixin("value")
        .rpop(r"\}", P)
        .r(",", P);
    b.state("name")
        .g(r#"("(?:\\.|[^"\\\n])*?")(\s*)(:)"#, &[NL, WS, P]);
    b.state("value")
        .mixin("whitespace")
        .mixin("constants")
        .rp("\"", S2, "string")
        .rp(r"\[", P, "array")
        .rp(r"\{", P, "object");
    b.state("string")
        .r(r#"[^\\"]+"#, S2)
        .r(r"\\.", SE)
        .rpop("\"", S2);
    b.state("array").mixin("value").rpop(r"\]", P).r(",", P);
    b.state("constants")
        .r("(?:true|false|null)", KC)
        .r(r"(?i)-?(?:0|[1-9]\d*)\.\d+(?:e[+-]?\d+)?", MF)
        .r(r"(?i)-?(?:0|[1-9]\d*)(?:e[+-]?\d+)?", MI);
    b.build()
}

fn build_ini() -> Def {
    let ident = r"[\w\-.]+";
    let mut b = Builder::new("ini");
    b.state("basic")
        .r(r"[;#].*?\n", C)
        .skip_run("[;#](?s:.*)")
        .r(r"\s+", TEXT)
        .r(r"\\\n", SE);
    b.state("root")
        .mixin("basic")
        .gp(&format!(r"({ident})(\s*)(=)"), &[PY, TEXT, P], "value")
        .skip_run(r"[\w\-.]+")
        .r(r"\[.*?\]", NN)
        .skip_run(r"\[.*");
    b.state("value")
        .rpop(r"\n", TEXT)
        .mixin("basic")
        .rp("\"", S, "dq")
        .r("'.*?'", S)
        .skip_run("'.*")
        .mixin("esc_str")
        .r(r"[^\\\n]+", S);
    b.state("dq")
        .rpop("\"", S)
        .mixin("esc_str")
        .r(r#"(?s)[^\\"]+"#, S);
    b.state("esc_str").r(r"(?s)\\.", SE);
    b.build()
}

const IDENTS: [&str; 3] = [r"\S+", r#""[^"]+""#, r"'[^']+'"];

fn build_toml() -> Def {
    let mut b = Builder::new("toml");
    b.state("basic")
        .r(r"\s+", TEXT)
        .r("#.*?$", C)
        .r("(true|false)", KC);
    // Rouge's key is `(?:\S+|"[^"]+"|'[^']+')`; one rule per alternative
    // finds the same match, and lets a failed `\S+` scan be remembered.
    for ident in IDENTS {
        b.gp(
            &format!(r"({ident})(\s*)(=)(\s*)(\{{)"),
            &[NN, TEXT, O, TEXT, P],
            "inline",
        );
        if ident == IDENTS[0] {
            b.skip_run(r"\S+");
        }
    }
    b.r(r"(?<!=)\s*\[[\S]+\]", NN)
        .skip_run(r"\s*\[\S*|\s+")
        .r(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", LD)
        .r(
            r"[+-]?\d+(?:_\d+)*\.\d+(?:_\d+)*(?:[eE][+-]?\d+(?:_\d+)*)?",
            MF,
        )
        .r(r"[+-]?\d+(?:_\d+)*[eE][+-]?\d+(?:_\d+)*", MF)
        .r(r"[+-]?(?:nan|inf)", MF)
        .r(r"0x\h+(?:_\h+)*", MH)
        .r(r"0o[0-7]+(?:_[0-7]+)*", MO)
        .r(r"0b[01]+(?:_[01]+)*", MB)
        .r(r"[+-]?\d+(?:_\d+)*", MI);
    b.state("root").mixin("basic");
    for ident in IDENTS {
        b.gp(&format!(r"({ident})(\s*)(=)"), &[PY, TEXT, P], "value");
        if ident == IDENTS[0] {
            b.skip_run(r"\S+");
        }
    }
    b.state("value").rpop(r"\n", TEXT).mixin("content");
    b.state("content").mixin("basic");
    for ident in IDENTS {
        b.g(&format!(r"({ident})(\s*)(=)"), &[PY, TEXT, P]);
        if ident == IDENTS[0] {
            b.skip_run(r"\S+");
        }
    }
    b.rp("\"\"\"", S, "mdq")
        .rp("\"", S, "dq")
        .rp("'''", S, "msq")
        .rp("'", S, "sq")
        .mixin("esc_str")
        .r(",", P)
        .rp(r"\[", P, "array");
    b.state("dq")
        .rpop("\"", S)
        .rpop(r"\n", ERR)
        .mixin("esc_str")
        .r(r#"[^\\"\n]+"#, S);
    b.state("mdq")
        .rpop("\"\"\"", S)
        .mixin("esc_str")
        .r(r#"[^\\"]+"#, S)
        .r("\"+", S);
    b.state("sq").rpop("'", S).rpop(r"\n", ERR).r(r"[^'\n]+", S);
    b.state("msq").rpop("'''", S).r("[^']+", S).r("'+", S);
    b.state("esc_str").r(r#"\\[0t\tn\n "\\r]"#, SE);
    b.state("array").mixin("content").rpop(r"\]", P);
    b.state("inline").mixin("content").rpop(r"\}", P);
    b.build()
}

lexer_def!(properties, build_properties);

/// Rouge's `properties` lexer (Java `.properties` files).
fn build_properties() -> Def {
    let mut b = Builder::new("properties");
    b.state("basic")
        .r(r"[!#].*?\n", C)
        .skip_run("[!#](?s:.*)")
        .r(r"\s+", TEXT)
        .r(r"\\\n", SE);
    b.state("root")
        .mixin("basic")
        .gp(r"([\w.-]+)(\s*)([=:])", &[PY, TEXT, P], "value")
        .skip_run(r"[\w.-]+");
    b.state("value")
        .rpop(r"\n", TEXT)
        .mixin("basic")
        .rp("\"", S, "dq")
        .r("'.*?'", S)
        .skip_run("'.*")
        .mixin("esc_str")
        .r(r"[^\\\n]+", S);
    b.state("dq")
        .rpop("\"", S)
        .mixin("esc_str")
        .r(r#"(?s)[^\\"]+"#, S);
    b.state("esc_str").r(r"\\u[0-9]{4}", SE).r(r"(?s)\\.", SE);
    b.build()
}

/// Rouge's `conf` (aliases `config`, `configuration`): comments, quoted
/// strings, names and numbers in a generic configuration file.
fn build_conf() -> Def {
    let mut b = Builder::new("conf");
    b.state("root")
        .r(r"#.*?\n", C)
        // Without a newline ahead, no later `#` on the line has one either.
        .skip_run(r"#[^\n]*")
        .r(r#"".*?""#, S2)
        .r("'.*?'", S1)
        .r(r"(?i)[a-z]\w*", N)
        .r(r"\d+", M)
        .r(r#"[^\w#"']+"#, TEXT);
    b.build()
}
