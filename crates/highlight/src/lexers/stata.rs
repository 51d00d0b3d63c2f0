//! Rouge's `stata` lexer: do-files and ado-files. Commands are keywords only
//! as the first word of a line; functions only when called; locals
//! (`` `x' ``) and globals (`$x`) are written as strings.

use super::stata_words::{STATA_FUNCTIONS, STATA_KEYWORDS};
use super::{lexer_def, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(stata, build);

const TYPES: &str = "byte int long float double str strL numeric string integer scalar matrix \
    local global numlist varlist newlist";
const RESERVED: &str = "if else foreach forv forva forval forvalu forvalue forvalues to while \
    in of continue break nobreak";

fn alternation(words: &str) -> String {
    words.split_whitespace().collect::<Vec<_>>().join("|")
}

fn build() -> Def {
    let (types, reserved) = (Words::new(TYPES), Words::new(RESERVED));
    let mut b = Builder::new("stata");
    b.state("root")
        .r(r"^\s*#.*$", CP)
        .r(r"^\*!.*$", CH)
        .r(r"^\s*\*.*$", C1)
        .r(&format!(r"^\s*({})\b", alternation(STATA_KEYWORDS)), K)
        .r("[ \t]+", WS)
        .r("[\n\r]+", TEXT)
        .r(r"//.*?$", C1)
        .r(r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", CM)
        // An unclosed quote fails again at every later position of its
        // line that comes before a closer: skip runs keep that linear.
        .r(r#"`"(\\.|.)*?"'"#, S2)
        .skip_run(r#"`"[^'\n]*"#)
        .r(r#""(\\.|.)*?""#, S2)
        .skip_run(r#""[^"\n]*"#)
        .r(r"`(\\.|.)*?'", S2)
        .skip_run(r#"`[^'\n]*"#)
        // Rouge's `(?<!\w)` cannot see before the scan position, so it
        // always holds; it is left out here.
        .r(r"\$\w+", S2)
        .r(r"%\S+", PY)
        .r(
            r"\bstr(204[0-5]|20[0-3][0-9]|[01][0-9][0-9][0-9]|[0-9][0-9][0-9]|[0-9][0-9]|[1-9])\b",
            KT,
        )
        .r(&format!(r"\b({})(?=\()", alternation(STATA_FUNCTIONS)), NF)
        .r(r"\.\.(?=.*\])", O)
        .r(r"[+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?", M)
        .r(r"\b[ICOicoLFDSlfds]\w*\.", O)
        .r(r"\b[ICOicoLFDSlfds]\w*(?=\(.*\)\.)", O)
        .f(r"\w+", move |c| {
            let w = c.m0();
            let tok = if reserved.has(w) {
                KR
            } else if types.has(w) {
                KT
            } else {
                N
            };
            c.tok(tok);
        })
        .r(r"[\[\]{}();,]", P)
        .r(r"[-<>?*+'^/\\!#.=~:&|]", O);
    b.build()
}
