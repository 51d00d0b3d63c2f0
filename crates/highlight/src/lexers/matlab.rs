//! Rouge's `matlab` lexer (alias `m`); `!` lines are shell commands.

use super::matlab_builtins::MATLAB_BUILTINS;
use super::{lexer_def, shell, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(matlab, build);

const KEYWORDS: &str = "arguments break case catch classdef continue else elseif end for \
    function global if import methods otherwise parfor persistent properties return spmd \
    switch try while";

fn build() -> Def {
    let (kw, bi) = (Words::new(KEYWORDS), Words::new(MATLAB_BUILTINS));
    let mut b = Builder::new("matlab");
    b.state("root")
        .r(r"(?s)\s+", TEXT)
        .r(r"(?s)[{]%.*?%[}]", CM)
        .r("%.*$", C1)
        .g(r"([.][.][.])(.*?)$", &[K, C])
        .f(r"^(!)(.*?)(?=%|$)", |c| {
            let (bang, cmd) = (c.m(1), c.m(2));
            c.token(K, bang);
            c.delegate_fresh(shell::shell(), cmd);
        })
        .f("[a-zA-Z][_a-zA-Z0-9]*", move |c| {
            let w = c.m0();
            let tok = if kw.has(w) {
                K
            } else if bi.has(w) {
                NB
            } else {
                N
            };
            c.tok(tok);
        })
        .r(r"[(){};:,/\\\]\[]", P)
        .r(r"~=|==|<<|>>|[-~+/*%=<>&^|.@]", O)
        .r(r"(?i)(\d+\.\d*|\d*\.\d+)(e[+-]?[0-9]+)?", MF)
        .r(r"(?i)\d+e[+-]?[0-9]+", MF)
        .r(r"\d+L", IL)
        .r(r"\d+", MI)
        // Rouge's `(?=(.*'))`: a lazy scan answers the same question sooner.
        .rp("'(?=.*?')", S1, "chararray")
        .rp("\"(?=.*?\")", S2, "string")
        .r("'", O);
    b.state("chararray")
        .r("[^']+", S1)
        .r("''", SE)
        .rpop("'", S1);
    b.state("string")
        .r("[^\"]+", S2)
        .r("\"\"", SE)
        .rpop("\"", S2);
    b.build()
}
