//! Rouge's `jinja` lexer (alias `django`): `{% %}` statements, `{{ }}`
//! expressions, `{# #}` comments, `raw`/`verbatim` blocks; the text
//! between them goes to the HTML lexer, as Rouge's `TemplateLexer` does.

use super::markup::html;
use super::{lexer_def, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(jinja, build);

const KEYWORDS: &str = "as context do else extends from ignore missing import include \
    reversed recursive scoped autoescape endautoescape block endblock call endcall filter \
    endfilter for endfor if endif macro endmacro set endset trans endtrans with endwith without";
const TESTS: &str = "callable defined divisibleby equalto escaped even iterable lower mapping \
    none number odd sameas sequence string undefined upper";

fn build() -> Def {
    let (kw, tests, pseudo, word_ops) = (
        Words::new(KEYWORDS),
        Words::new(TESTS),
        Words::new("true false none True False None"),
        Words::new("is in and or not"),
    );
    let mut b = Builder::new("jinja");
    b.start(|c| c.reset_sub(html));
    b.state("root")
        .rp("\\{#", C, "comment")
        .r("##.*", C)
        .f(r"(\{%-?)(\s*)(raw|verbatim)(\s*)(-?%\})", |c| {
            c.groups(&[CP, TEXT, K, TEXT, CP]);
            let state = if c.m(3) == "raw" { "raw" } else { "verbatim" };
            c.push(state);
        })
        .rp(r"\{%", CP, "statement")
        .rp(r"\{\{", CP, "expression")
        .f(r"(?s)(.+?)(?=\\|\{\{|\{%|\{#|##)", |c| {
            let t = c.m0();
            c.delegate(html, t);
        })
        .f(r"(?s).+", |c| {
            let t = c.m0();
            c.delegate(html, t);
        });
    b.state("filter").g(r"(\|\s*)(\w+)", &[O, NF]);
    b.state("function").g(r"(\w+)(\()", &[NF, P]);
    b.state("text").r(r"(?s)\s+", TEXT);
    b.state("literal")
        .r(r#""(\\.|.)*?""#, S2)
        .r(r"'(\\.|.)*?'", S1)
        .r(r"\d+(?=\}\s)", M)
        .r(r"(\+|\-|\*|//?|\*\*?|=)", O)
        .r("(<=?|>=?|===?|!=)", O)
        .r(",", P)
        .r(r"\[", P)
        .r(r"\]", P)
        .r(r"\(", P)
        .r(r"\)", P);
    b.state("comment")
        .r("(?s)[^#]+", C)
        .rpop("#\\}", C)
        .r("#", C);
    b.state("expression")
        .r(r"(?s)\w+\.?", NV)
        .mixin("filter")
        .mixin("function")
        .mixin("literal")
        .mixin("text")
        .rpop(r"%\}|\}\}", CP);
    b.state("statement")
        .f(r"(\w+\.?)", move |c| {
            let w = c.m0();
            let tok = if kw.has(w) {
                K
            } else if pseudo.has(w) {
                KP
            } else if word_ops.has(w) {
                OW
            } else if tests.has(w) {
                NB
            } else {
                NV
            };
            c.tok(tok);
        })
        .mixin("filter")
        .mixin("function")
        .mixin("literal")
        .mixin("text")
        .rpop(r"%\}", CP);
    for (state, end) in [("raw", "endraw"), ("verbatim", "endverbatim")] {
        b.state(state)
            .gpop(
                &format!(r"(\{{%-?)(\s*)({end})(\s*)(-?%\}})"),
                &[CP, TEXT, K, TEXT, CP],
            )
            .r(r"[^{]+", TEXT)
            .r(r"\{", TEXT);
    }
    b.build()
}
