//! Rouge's `r` lexer (aliases `R`, `s`, `S`).

use super::{lexer_def, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(r, build);

const KEYWORDS: &str = "if else for while repeat in next break function";
const KEYWORD_CONSTANTS: &str =
    "NULL Inf TRUE FALSE NaN NA NA_integer_ NA_real_ NA_complex_ NA_character_";
const BUILTIN_CONSTANTS: &str = "LETTERS letters month.abb month.name pi T F";
const PRIMITIVES: &str = "abs|acos|acosh|all|any|anyNA|Arg|as.call|as.character|as.complex|\
as.double|as.environment|as.integer|as.logical|as.null.default|as.numeric|as.raw|asin|asinh|\
atan|atanh|attr|attributes|baseenv|browser|c|call|ceiling|class|Conj|cos|cosh|cospi|cummax|\
cummin|cumprod|cumsum|digamma|dim|dimnames|emptyenv|exp|expression|floor|forceAndCall|gamma|\
gc.time|globalenv|Im|interactive|invisible|is.array|is.atomic|is.call|is.character|\
is.complex|is.double|is.environment|is.expression|is.finite|is.function|is.infinite|\
is.integer|is.language|is.list|is.logical|is.matrix|is.na|is.name|is.nan|is.null|is.numeric|\
is.object|is.pairlist|is.raw|is.recursive|is.single|is.symbol|lazyLoadDBfetch|length|lgamma|\
list|log|max|min|missing|Mod|names|nargs|nzchar|oldClass|on.exit|pos.to.env|proc.time|prod|\
quote|range|Re|rep|retracemem|return|round|seq_along|seq_len|seq.int|sign|signif|sin|sinh|\
sinpi|sqrt|standardGeneric|substitute|sum|switch|tan|tanh|tanpi|tracemem|trigamma|trunc|\
unclass|untracemem|UseMethod|xtfrm";

fn build() -> Def {
    let (kw, kc, bc) = (
        Words::new(KEYWORDS),
        Words::new(KEYWORD_CONSTANTS),
        Words::new(BUILTIN_CONSTANTS),
    );
    let mut b = Builder::new("r");
    b.state("root")
        .r("#'.*?$", CD)
        .r("#.*?$", C1)
        .r(r"(?s)\s+", WS)
        .r("`[^`]+?`", N)
        .r(r"(?s)'(\\.|.)*?'", S1)
        .r(r#"(?s)"(\\.|.)*?""#, S2)
        .r("%[^%]*?%", O)
        .r("0[xX][a-fA-F0-9]+([pP][0-9]+)?[Li]?", MH)
        .r(r"[+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?[Li]?", M)
        // Rouge's `(?<!.)` cannot see before the scan position, so it
        // always holds; it is left out here.
        .r(&format!(r"\b({PRIMITIVES})(?=\()"), NF)
        .f(
            r"(?:(?:[[:alpha:]]|[.][._[:alpha:]])[._[:alnum:]]*)|[.]",
            move |c| {
                let w = c.m0();
                let tok = if kw.has(w) {
                    K
                } else if kc.has(w) {
                    KC
                } else if bc.has(w) {
                    NB
                } else {
                    N
                };
                c.tok(tok);
            },
        )
        .r(r"[\[\]{}();,]", P)
        .r(r"[-<>?*+^/!=~$@:%&|]", O);
    b.build()
}
