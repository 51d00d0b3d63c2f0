//! Rouge's `groovy` lexer.

use super::{lexer_def, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(groovy, build);

const KEYWORDS: &str = "assert break case catch continue default do else finally for if goto \
    instanceof new return switch this throw try while in as";
const DECLARATIONS: &str = "abstract const enum extends final implements native private \
    protected public static strictfp super synchronized throws transient volatile";
const TYPES: &str = "def boolean byte char double float int long short void";

fn build() -> Def {
    let (kw, decl, ty) = (
        Words::new(KEYWORDS),
        Words::new(DECLARATIONS),
        Words::new(TYPES),
    );
    let mut b = Builder::new("groovy");
    b.state("root")
        .f(r"^(\s*(?:\w[\w.\[\]]*\s+)+?)(\w\w*)(\s*)(\()", |c| {
            let (a, name, ws, paren) = (c.m(1), c.m(2), c.m(3), c.m(4));
            c.continue_self(a);
            c.token(NF, name);
            c.token(TEXT, ws);
            c.token(O, paren);
        })
        .r(r"[^\S\n]+", TEXT)
        .r("//.*?$", C1)
        .r(r"(?s)/[*].*?[*]/", CM)
        .r(r"@\w[\w.]*", ND)
        .rp(r"(class|interface|trait)\b", KD, "class")
        .rp(r"package\b", KN, "import")
        .rp(r"import\b", KN, "import")
        .r(r#"(?s)""".*?""""#, S2)
        .r(r"(?s)'''.*?'''", S1)
        .r(r#""(\\.|\\\n|.)*?""#, S2)
        .r(r"'(\\.|\\\n|.)*?'", S1)
        .r(r"(?s)\$/(\$.|.)*?/\$", S)
        .r(r"/(\\.|\\\n|.)*?/", S)
        .r(r"'\\.'|'[^\\]'|'\\u[0-9a-f]{4}'", SC)
        .g(r"(\.)([a-zA-Z_][a-zA-Z0-9_]*)", &[O, NA])
        .r("[a-zA-Z_][a-zA-Z0-9_]*:", NL)
        .f(r"[a-zA-Z_\$][a-zA-Z0-9_]*", move |c| {
            let w = c.m0();
            let tok = if kw.has(w) {
                K
            } else if decl.has(w) {
                KD
            } else if ty.has(w) {
                KT
            } else if matches!(w, "true" | "false" | "null") {
                KC
            } else {
                N
            };
            c.tok(tok);
        })
        .r(r"[~^*!%&\[\](){}<>\|+=:;,./?-]", O)
        .r(r"\d+\.\d+([eE]\d+)?[fd]?", MF)
        .r("0x[0-9a-f]+", MH)
        .r("[0-9]+L?", MI)
        .r(r"\n", TEXT);
    b.state("class").r(r"\s+", TEXT).rpop(r"\w\w*", NC);
    b.state("import").r(r"\s+", TEXT).rpop(r"[\w.]+[*]?", NN);
    b.build()
}
