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
