//! Rouge's `stan` lexer: Stan model blocks, declarations, distributions
//! and builtin functions (called names), complex and real literals.
//! Rouge raises on a `"` (its `string` state is missing); see docs/compat.md.

use super::stan_words::*;
use super::{lexer_def, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(stan, build);

const OPS: &[&str] = &[
    "=", "<", "<=", ">", ">=", "==", "!=", "!", "&&", r"\|\|", r"\+", "-", r"\*", "/", r"\^", "'",
    r"\.\+", r"\.-", r"\.\*", r"\./", r"\.\^", r"\\", r"\+=", "-=", r"\*=", "/=", r"\.\*=",
    r"\./=", "~", r"\?", ":",
];

fn build() -> Def {
    let (keywords, types, reserved) = (
        Words::new(STAN_KEYWORDS),
        Words::new(STAN_TYPES),
        Words::new(STAN_RESERVED),
    );
    let (builtins, distributions, constants) = (
        Words::new(STAN_BUILTIN_FUNCTIONS),
        Words::new(STAN_DISTRIBUTIONS),
        Words::new(STAN_CONSTANTS),
    );
    let ws = r"(?-s:(?:\s|//.*?\n|/[*].*?[*]/)+)";
    let id = "[a-zA-Z_][a-zA-Z0-9_]*";
    let rt = r"(?:(?:[a-z_]\s*(?:\[[0-9, ]\])?)\s+)*";
    let real = r"((\d+[.]\d*|[.]?\d+)e[+-]?\d+|\d*[.]\d+|\d+)";
    let mut b = Builder::new("stan");
    b.state("root")
        .mixin("whitespace")
        .rp("#include", CP, "include")
        .r("#.*$", GD)
        .r(
            r"functions|(?:transformed\s+)?data|(?:transformed\s+)?parameters|model|generated\s+quantities",
            NN,
        )
        .rp(r"\{", P, "bracket_scope")
        .mixin("scope");
    b.state("include").f(r"(\s+)(\S+)(\s*)", |c| {
        c.groups(&[TEXT, CPF, TEXT]);
        c.pop(1);
    });
    b.state("whitespace")
        .r(r"\n+", TEXT)
        .r(r"//(\\.|.)*?$", C1)
        .mixin("inline_whitespace");
    b.state("inline_whitespace")
        .r(r"[ \t\r]+", TEXT)
        .r(r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", CM);
    b.state("statements")
        .mixin("whitespace")
        .rp("#include", CP, "include")
        .r("#.*$", GD)
        // Rouge pushes a `string` state it never defines, and raises; a
        // quote is written as a string token and lexing goes on.
        .r("\"", S)
        .r(
            &format!(
                r"({real}({ws})[+-]({ws}){real}i)|{real}i|((\d+[.]\d*|[.]?\d+)e[+-]?\d+|\d*[.]\d+)"
            ),
            MF,
        )
        .r(r"\d+", MI)
        .r(r"\*/", ERR)
        .r(&OPS.join("|"), O)
        .r(r"[\[\],.;]", P)
        .r(r"[|](?![|])", P)
        .r(r"T\b", KR)
        .r(r"(lower|upper)\b", NA)
        .f(id, move |c| {
            let w = c.m0();
            let tok = if keywords.has(w) {
                K
            } else if types.has(w) {
                KT
            } else if reserved.has(w) {
                KR
            } else {
                NV
            };
            c.tok(tok);
        });
    b.state("scope")
        .mixin("whitespace")
        .f(&format!(r"({rt})({id})(?=\([^;]*?\))"), move |c| {
            let (ret, name) = (c.m(1), c.m(2));
            c.recurse(ret);
            if builtins.has(name) || distributions.has(name) {
                c.token(NB, name);
            } else if constants.has(name) {
                // Rouge writes the whole match here, the return type again.
                c.tok(KC);
            } else {
                c.token(NF, name);
            }
        })
        // Every letter inside a failed return-type run starts one of its
        // units, so the rule fails there too (keeps runs of `a\n` linear).
        .skip_run(rt)
        .rp(r"\{", P, "bracket_scope")
        .rp(r"\(", P, "parens_scope")
        .mixin("statements");
    b.state("bracket_scope").mixin("scope").rpop(r"\}", P);
    b.state("parens_scope").mixin("scope").rpop(r"\)", P);
    b.build()
}
