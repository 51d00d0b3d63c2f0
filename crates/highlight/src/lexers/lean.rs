//! Rouge's `lean` lexer (Lean 3): keywords, `Sort`/`Prop`/`Type`, the
//! ASCII and Unicode operators, strings and `--` comments.

use super::{lexer_def, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(lean, build);

const KEYWORDS: &str = "abbreviation add_rewrite alias assume axiom begin by calc calc_refl \
    calc_subst calc_trans #check #eval #print #reduce coercion conjecture constant constants context corollary def \
    definition end example export expose exposing exit extends from fun have help hiding hott \
    hypothesis import include including inductive infix infixl infixr inline instance \
    irreducible lemma match namespace notation opaque opaque_hint open options parameter \
    parameters postfix precedence prefix private protected reducible renaming repeat section \
    set_option show tactic_hint theorem universe universes using variable variables with";

/// Rouge's operator alternation, joined as Rouge joins its list (its `/\`
/// and `\/` entries became the single alternative `/ \/`).
const OPERATORS: &str = r"!=|#|&|&&|\*|\+|-|/|@|!|`|-\.|->|\.|\.\.|\.\.\.|::|:>|;|;;|<|<-|=|==|>|_|\||\|\||~|=>|<=|>=|/ \/|∀|Π|λ|↔|∧|∨|≠|≤|≥|⊎|¬|⁻¹|⬝|▸|→|∃|ℕ|ℤ|≈|×|⌞|⌟|≡|⟨|⟩";

fn build() -> Def {
    let (kw, types) = (Words::new(KEYWORDS), Words::new("Sort Prop Type"));
    let mut b = Builder::new("lean");
    b.state("root")
        .r(r"\s*--+\s+.*?$", CD)
        .rp("\"", S, "string")
        .r(r"\d+", MI)
        .f(r"#?\w+", move |c| {
            let w = c.m0();
            let tok = if kw.has(w) {
                K
            } else if types.has(w) {
                KT
            } else {
                N
            };
            c.tok(tok);
        })
        .r("[λ]", K)
        .r(r"\:=?", TEXT)
        .r(r"\.[0-9]*", O)
        .r(OPERATORS, O)
        .r(r"[\s\(\),\[\]αβ‹›]+", TEXT)
        .r(".", ERR);
    b.state("string")
        .rpop("\"", S)
        .rp(r"\\", SE, "escape")
        .r(r#"[^\\"]+"#, S);
    b.state("escape")
        .rpop(r#"[nrt"'\\]"#, SE)
        .rpop(r"(?i)x[\da-f]+", SE);
    b.build()
}
