//! Rouge's `mathematica` lexer (alias `wl`): Wolfram Language symbols
//! (builtins, `Module`/`With`/`Block`, variables), numbers with bases and
//! precision marks, slots, `In[n]:=` prompts and nested `(* *)` comments.

use super::mathematica_builtins::MATHEMATICA_BUILTINS;
use super::{lexer_def, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(mathematica, build);

fn build() -> Def {
    let (keywords, builtins) = (
        Words::new("Module With Block"),
        Words::new(MATHEMATICA_BUILTINS),
    );
    let number = r"(?:\.\d+|\d+\.\d*|\d+)";
    let number_base = r"(?:\.\w+|\w+\.\w*|\w+)";
    let precision = format!("(?:`(`?{number})?)");
    let string = r#"(?:"(\\\\|\\"|[^"])*")"#;
    let identifier = "(?:[a-zA-Z$][$a-zA-Z0-9]*)";
    let named_character = format!(r"(?:\\\[{identifier}\])");
    let symbol = format!("(?:({identifier}|{named_character})+)");
    let context_symbol = format!("(?:`?{symbol}(`{symbol})*`?)");
    let association_slot = format!(r#"(?:#({identifier}|"{identifier}"))"#);
    let slot = format!("(?:{association_slot}|#[0-9]*)");
    let mut b = Builder::new("mathematica");
    b.state("root")
        .r(r"\s+", WS)
        .rp(r"\(\*", C, "comment")
        .r(
            &format!(r"(?:\d+)\^\^{number_base}{precision}?(\*\^[+-]?\d+)?"),
            M,
        )
        .r(&format!(r"(?:{number}{precision}?(?:\*\^[+-]?\d+)?)"), M)
        .r(&format!("::({identifier}|{string})"), NT)
        .r(r"(In|Out)\[[0-9]+\]:?=", GP)
        .f(&context_symbol, move |c| {
            let w = c.m0();
            let tok = if keywords.has(w) {
                BP
            } else if builtins.has(w) {
                NB
            } else {
                NV
            };
            c.tok(tok);
        })
        .r(&slot, NF)
        .r(r"[+\-*/|,;.:@~=><&`'^?!_%]", O)
        .r(r"[\[\](){}]", P)
        .r(string, S);
    b.state("comment")
        .rps(r"\(\*", C)
        .rpop(r"\*\)", C)
        .r(&format!("::{identifier}::"), CP)
        .r(&format!(r"[ ]:({identifier}|[^\S])+:[ ]"), CP)
        .r(".", C);
    b.build()
}
