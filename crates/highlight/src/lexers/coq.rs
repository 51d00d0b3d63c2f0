//! Rouge's `coq` lexer: vernacular commands, Gallina keywords, tactics,
//! dotted names and sentence-ending dots, nested `(* *)` comments.

use std::sync::Arc;

use super::{lexer_def, Words};
use crate::engine::{Builder, Ctx, Def};
use crate::token::*;

lexer_def!(coq, build);

const GALLINA: &str = "as fun if in let match then else return end Type Set Prop forall";
const VERNACULAR: &str = "Definition Theorem Lemma Remark Example Fixpoint CoFixpoint Record \
    Inductive CoInductive Corollary Goal Proof Ltac Require Import Export Module Section End \
    Variable Context Polymorphic Monomorphic Universe Universes Variables Class Instance Global \
    Local Include Printing Notation Infix Arguments Hint Rewrite Immediate Qed Defined Opaque \
    Transparent Existing Compute Eval Print SearchAbout Search About Check";
const LTAC: &str = "apply eapply auto eauto rewrite setoid_rewrite with in as at destruct split \
    inversion injection intro intros unfold fold cbv cbn lazy subst clear symmetry \
    transitivity etransitivity erewrite edestruct constructor econstructor eexists exists \
    f_equal refine instantiate revert simpl specialize generalize dependent red induction beta \
    iota zeta delta exfalso autorewrite setoid_rewrite compute vm_compute native_compute";
const TACTICALS: &str = "repeat first try";
const TERMINATORS: &str = "omega solve congruence reflexivity exact assumption eassumption";
const KEYOPTS: &str = r":= => -> /\ \/ _ ; :> : ⇒ → ↔ ⇔ ≔ ≡ ∀ ∃ ∧ ∨ ¬ ⊤ ⊥ ⊢ ⊨ ∈";

struct Lists {
    vernacular: Words,
    gallina: Words,
    ltac: Words,
    terminators: Words,
    tacticals: Words,
}

impl Lists {
    /// Rouge's `Coq.classify`.
    fn classify(&self, name: &str) -> Tok {
        if self.vernacular.has(name) {
            K
        } else if self.gallina.has(name) {
            KR
        } else if self.ltac.has(name) {
            KP
        } else if self.terminators.has(name) {
            NE
        } else if self.tacticals.has(name) {
            KP
        } else {
            NO
        }
    }
}

/// The name the `continue_id` state holds, as a constant when it followed
/// a dot and classified otherwise.
fn flush_name(lists: &Lists, c: &mut Ctx<'_>) {
    let name = c.var("name").to_string();
    let tok = if c.var("continue").is_empty() {
        lists.classify(&name)
    } else {
        NO
    };
    c.token(tok, &name);
    c.set_var("name", "");
    c.set_var("continue", "");
}

fn build() -> Def {
    let lists = Arc::new(Lists {
        vernacular: Words::new(VERNACULAR),
        gallina: Words::new(GALLINA),
        ltac: Words::new(LTAC),
        terminators: Words::new(TERMINATORS),
        tacticals: Words::new(TACTICALS),
    });
    let keyopts = Words::new(KEYOPTS);
    let operator = regex::Regex::new(r"[\[\];,{}_()!$%&*+./:<=>?@^|~#-]+").expect("operator");
    let id = r"(?i:(?:[a-z][\w']*)|(?:[_a-z][\w']+))";
    let (l1, l2) = (Arc::clone(&lists), Arc::clone(&lists));
    let mut b = Builder::new("coq");
    b.state("root")
        .rp(r"[(][*](?![)])", C, "comment")
        .r(r"(?s)\s+", WS)
        .f(r"Module(\s+)Type(\s+)", |c| {
            c.token(K, "Module");
            c.token(WS, c.m(1));
            c.token(K, "Type");
            c.token(WS, c.m(2));
        })
        .f(
            r"(?s)(Set|Unset)(\s+)(Universe|Printing|Implicit|Strict)(\s+)(Polymorphism|All|Notations|Arguments|Universes|Implicit)(\s*)\.",
            |c| {
                c.token(K, c.m(1));
                c.token(WS, c.m(2));
                c.token(K, c.m(3));
                c.token(WS, c.m(4));
                c.token(K, c.m(5));
                // Rouge runs past its groups when a space precedes the dot.
                c.token(WS, c.m(6));
                c.token(PI, ".");
            },
        )
        .f(id, |c| {
            let name = c.m0().to_string();
            c.set_var("name", name);
            c.set_var("continue", "");
            c.push("continue_id");
        })
        .r(r"/\\", O)
        .r(r"\\/", O)
        .r(r"(?i)-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)", MF)
        .r(r"\d[\d_]*", MI)
        .r(r#"'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x\h{2}))'"#, SC)
        .r("'", K)
        .rp("\"", S2, "string")
        .r(&format!("[~?]{id}"), NV)
        .f(".", move |c| {
            let m = c.m0();
            let tok = if keyopts.has(m) {
                P
            } else if operator.is_match(m) {
                O
            } else {
                ERR
            };
            c.tok(tok);
        });
    b.state("comment")
        .r(r"[^(*)]+", C)
        .rps(r"[(][*]", C)
        .rpop(r"[*][)]", C)
        .r(r"[(*)]", C);
    b.state("string")
        .r(r#"(?:\\")+|[^"]"#, S2)
        .mixin("escape_sequence")
        .r(r"\\\n", S2)
        .rpop("\"", S2);
    b.state("escape_sequence").r(r#"\\[\\"'ntbr]"#, SE);
    b.state("continue_id")
        .f(&format!(r"\.({id})"), |c| {
            let name = c.var("name").to_string();
            c.token(NN, &name);
            c.token(P, ".");
            c.set_var("continue", "1");
            let next = c.m(1).to_string();
            c.set_var("name", next);
        })
        .f(r"\.(\s+)", move |c| {
            flush_name(&l1, c);
            c.token(PI, ".");
            c.token(WS, c.m(1));
            c.pop(1);
        })
        .f("", move |c| {
            flush_name(&l2, c);
            c.pop(1);
        });
    b.build()
}
