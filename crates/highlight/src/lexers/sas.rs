//! Rouge's `sas` lexer: DATA steps and PROCs (each PROC's own keywords),
//! macro statements and variables, date literals, `datalines` blocks and
//! SAS's `* …;` comments.

use std::collections::HashMap;
use std::sync::Arc;

use super::sas_words::*;
use super::{lexer_def, Words};
use crate::engine::{Builder, Ctx, Def};
use crate::token::*;

lexer_def!(sas, build);

struct Lists {
    data_step: Words,
    functions: Words,
    macro_words: Words,
    procs: Words,
    proc_keywords: HashMap<&'static str, Words>,
}

/// Keyword or name for a word in a DATA step, or in the PROC `proc`.
fn word_token(l: &Lists, c: &Ctx<'_>, in_proc: bool) -> Tok {
    let w = c.m0().to_uppercase();
    let proc_kw = in_proc
        && l.proc_keywords
            .get(c.var("proc_name"))
            .is_some_and(|k| k.has(&w));
    if l.data_step.has(&w) || l.functions.has(&w) || proc_kw {
        K
    } else {
        N
    }
}

fn build() -> Def {
    let lists = Arc::new(Lists {
        data_step: Words::new(SAS_DATA_STEP_STATEMENTS),
        functions: Words::new(SAS_FUNCTIONS),
        macro_words: Words::new(SAS_MACRO_STATEMENTS),
        procs: Words::new(SAS_PROC_NAMES),
        proc_keywords: SAS_PROC_KEYWORDS
            .iter()
            .map(|(p, w)| (*p, Words::new(w)))
            .collect(),
    });
    let macro_functions = Words::new(SAS_MACRO_FUNCTIONS);
    let (l1, l2, l3, l4) = (
        Arc::clone(&lists),
        Arc::clone(&lists),
        Arc::clone(&lists),
        Arc::clone(&lists),
    );
    let mut b = Builder::new("sas");
    b.state("basics")
        .r(r"(?s)\s+", TEXT)
        .r(r"^\s*%?\*[^;]*;", C1)
        .g(r"(;)(\s*)(%?\*[^;]*;)", &[P, TEXT, C1])
        .r(r"(?s)/[*].*?[*]/", CM)
        .r(r"(?i)'[0-9a-z]+?'d", LD)
        .r(r"(?i)'.+?'dt", LD)
        .r(r"(?i)'[0-9:]+?([a|p]m)?'t", LD)
        .rp("'", S1, "single_string")
        .rp("\"", S2, "double_string")
        .r(r"(?i)&[a-z0-9_&.]+", NV)
        .r(r"(?i)\d[0-9a-f]*x", MH)
        .r(r"(?i)\d[0-9e\-.]+", M)
        .r(
            r"(?i)\b(_n_|_error_|_file_|_infile_|_msg_|_iorc_|_cmd_)\b",
            BP,
        )
        .r(r"(?i)\b(_character_|_numeric_|_all_)\b", NB)
        .gp(
            r"(?i)\b(datalines|cards)(\s*)(;)",
            &[K, TEXT, P],
            "datalines",
        )
        .gp(
            r"(?i)\b(datalines4|cards4)(\s*)(;)",
            &[K, TEXT, P],
            "datalines4",
        )
        .r(r"\*\*|[\*/\+-]", O)
        .r("[^¬~]?=:?|[<>]=?:?", O)
        .r(r"(?i)\b(eq|ne|gt|lt|ge|le|in)\b", OW)
        .r("[&|!¦¬∘~]", O)
        .r(r"(?i)\b(and|or|not)\b", OW)
        .r("(<>|><)", O)
        .r(r"\|\|", O)
        .r(r"(?i)\b(of)\b", OW)
        .r(r"(?i)\b(like)\b", OW)
        .r(r"\d+", MI)
        .r(r"\$", KT)
        .g(r"(?i)(%macro|%mend)(\s*)(\w+)", &[K, TEXT, NF])
        .r("%mend", K)
        .f(r"%\w+", move |c| {
            let w = c.m0().to_uppercase();
            let tok = if l1.macro_words.has(&w) || macro_functions.has(&w) {
                K
            } else {
                N
            };
            c.tok(tok);
        });
    b.state("basics2")
        .r(r"\s\.[;\s]", KC)
        .r(r"\s\.[a-z_]", NO)
        .r(r"[\(\),;:\{\}\[\]\\\.]", P)
        .r("@", SS)
        .r(r"\?", SS)
        .r(r"[^\s]+", TEXT);
    b.state("root")
        .mixin("basics")
        .f(r"(?i)(proc)(\s+)(\w+)", move |c| {
            let name = c.m(3).to_uppercase();
            let tok = if l2.procs.has(&name) { K } else { N };
            c.set_var("proc_name", name);
            c.groups(&[K, TEXT, tok]);
            c.push("proc");
        })
        .g(r"(?i)(data)(\s+)([\w\.]+)", &[K, TEXT, NV])
        .g(r"(?i)(libname)(\s+)(\w+)", &[K, TEXT, NV])
        .f(r"\w+", move |c| {
            let tok = word_token(&l3, c, false);
            c.tok(tok);
        })
        .mixin("basics2");
    b.state("single_string")
        .r("''", SE)
        .rpop("'", S1)
        .r("[^']+", S1);
    b.state("double_string")
        .r(r"(?i)&[a-z0-9_&]+\.?", SI)
        .r("\"\"", SE)
        .rpop("\"", S2)
        .r("[^&\"]+", S2)
        .r("&", S2);
    b.state("datalines").r("[^;]", SH).rpop(";", P);
    // Rouge raises when it first enters this state (its `;{,3}` rule can
    // match nothing); hyde lexes the block.
    b.state("datalines4")
        .rpop(";{4}", P)
        .r("[^;]", SH)
        .r(";{,3}", SH);
    b.state("proc")
        .rpop("(?i)(quit|run)", K)
        .mixin("basics")
        .f(r"\w+", move |c| {
            let tok = word_token(&l4, c, true);
            c.tok(tok);
        })
        .mixin("basics2");
    b.build()
}
