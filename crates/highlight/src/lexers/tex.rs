//! Rouge's `tex` lexer (aliases `TeX`, `LaTeX`, `latex`).

use super::lexer_def;
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(tex, build);

const COMMAND: &str = r"(?i)\\([a-z]+|\s+|.)";

fn build() -> Def {
    let mut b = Builder::new("tex");
    b.state("general").r("%.*$", C).r("[{}&_^]", P);
    b.state("root")
        .rp(r"\\\[", P, "displaymath")
        .rp(r"\\\(", P, "inlinemath")
        .rp(r"\$\$", P, "displaymath")
        .rp(r"\$", P, "inlinemath")
        .r(r"\\(begin|end)\{.*?\}", NT)
        .g(r"(\\verb)\b(\S)(.*?)(\2)", &[NB, KP, SX, KP])
        .rp(COMMAND, K, "command")
        .mixin("general")
        .r(r"[^\\$%&_^{}]+", TEXT);
    b.state("math")
        .r(COMMAND, NV)
        .mixin("general")
        .r("[0-9]+", M)
        .r(r"[-=!+*/()\[\]]", O)
        .r(r"[^=!+*/()\[\]\\$%&_^{}0-9-]+", NB);
    b.state("inlinemath")
        .rpop(r"\\\)", P)
        .rpop(r"\$", P)
        .mixin("math");
    b.state("displaymath")
        .rpop(r"\\\]", P)
        .rpop(r"\$\$", P)
        .r(r"\$", NB)
        .mixin("math");
    b.state("command")
        .r(r"\[.*?\]", NA)
        .r(r"\*", K)
        .rpop("", TEXT);
    b.build()
}

lexer_def!(bibtex, build_bibtex);

/// Rouge's `bibtex` lexer (alias `bib`).
fn build_bibtex() -> Def {
    let name = r"(?i:[a-z_@!$&.\\:;<>?\[\]^`|~*/+\-][\w@!$&.\\:;<>?\[\]^`|~*/+\-]*)";
    let mut b = Builder::new("bibtex");
    b.state("root")
        .mixin("whitespace")
        .f(&format!("@({name})"), |c| {
            let kind = c.m(1).to_lowercase();
            match kind.as_str() {
                "comment" => c.tok(C),
                "preamble" => {
                    c.tok(NC);
                    c.push("closing_brace");
                    c.push("value");
                    c.push("opening_brace");
                }
                "string" => {
                    c.tok(NC);
                    c.push("closing_brace");
                    c.push("field");
                    c.push("opening_brace");
                }
                _ => {
                    c.tok(NC);
                    c.push("closing_brace");
                    c.push("command_body");
                    c.push("opening_brace");
                }
            }
        })
        .r(".+", C);
    b.state("opening_brace").mixin("whitespace").rpop("[{(]", P);
    b.state("closing_brace").mixin("whitespace").rpop("[})]", P);
    b.state("command_body")
        .mixin("whitespace")
        .f(r"[^\s\,\}]+", |c| {
            c.tok(NL);
            c.pop(1);
            c.push("fields");
        });
    b.state("fields")
        .mixin("whitespace")
        .rp(",", P, "field")
        .rpop("", TEXT);
    b.state("field")
        .mixin("whitespace")
        .f(name, |c| {
            c.tok(NA);
            c.push("value");
            c.push("equal_sign");
        })
        .rpop("", TEXT);
    b.state("equal_sign").mixin("whitespace").rpop("=", P);
    b.state("value")
        .mixin("whitespace")
        .r(name, NV)
        .rp("\"", S, "quoted_string")
        .rp(r"\{", S, "braced_string")
        .r(r"\d+", M)
        .r("#", P)
        .rpop("", TEXT);
    b.state("quoted_string")
        .rp(r"\{", S, "braced_string")
        .rpop("\"", S)
        .r(r#"[^\{"]+"#, S);
    b.state("braced_string")
        .rp(r"\{", S, "braced_string")
        .rpop(r"\}", S)
        .r(r"[^\{\}]+", S);
    b.state("whitespace").r(r"\s+", TEXT);
    b.build()
}
