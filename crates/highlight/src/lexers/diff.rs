//! Rouge's `diff` lexer (aliases `patch`, `udiff`).

use super::lexer_def;
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(diff, build);

fn build() -> Def {
    let mut b = Builder::new("diff");
    b.state("root")
        .r(r"^ .*$\n?", TEXT)
        .r(r"^---$\n?", P)
        .r(r"^[+>]+.*$\n?", GI)
        .r(r"^\+.*$\n?", GI)
        .r(r"^[-<]+.*$\n?", GD)
        .r(r"^!.*$\n?", GS)
        .r(r"^([Ii]ndex|diff).*$\n?", GH)
        .g(r"^(@@[^@]*@@)([^\n]*\n)", &[P, TEXT])
        .r(r"^\w.*$\n?", P)
        .r(r"^=.*$\n?", GH)
        .r(r"\s.*$\n?", TEXT);
    b.build()
}
