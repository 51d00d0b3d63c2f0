//! Rouge's `java` lexer.

use super::lexer_def;
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(java, build);

fn build() -> Def {
    let keywords = "assert|break|case|catch|continue|default|do|else|finally|for|if|goto|\
instanceof|new|return|switch|this|throw|try|while";
    let declarations = "abstract|const|enum|extends|final|implements|native|private|protected|\
public|static|strictfp|super|synchronized|throws|transient|volatile";
    let types = "boolean|byte|char|double|float|int|long|short|var|void";
    let id = r"(?:[[:alpha:]_][[:word:]]*)";
    let digit = "(?:[0-9]_+[0-9]|[0-9])";
    let bin = "(?:[01]_+[01]|[01])";
    let oct = "(?:[0-7]_+[0-7]|[0-7])";
    let hex = "(?i:[0-9a-f]_+[0-9a-f]|[0-9a-f])";
    let mut b = Builder::new("java");
    b.state("root")
        .r(r"[^\S\n]+", TEXT)
        .r("//.*?$", C1)
        .r(r"(?s)/\*.*?\*/", CM)
        .skip_run(r"/\*(?s:.*)")
        .r(&format!(r"(?:{keywords})\b"), K)
        .f(
            r"(\s*(?:[a-zA-Z_][a-zA-Z0-9_.\[\]<>]*\s+)+?)([a-zA-Z_][a-zA-Z0-9_]*)(\s*)(\()",
            |c| {
                let (a, name, ws, paren) = (c.m(1), c.m(2), c.m(3), c.m(4));
                c.delegate_fresh(java(), a);
                c.token(NF, name);
                c.token(TEXT, ws);
                c.token(O, paren);
            },
        )
        .skip_run(r"[a-zA-Z_\s]+")
        .r(&format!("@{id}"), ND)
        .r(&format!(r"(?:{declarations})\b"), KD)
        .r(&format!(r"(?:{types})\b"), KT)
        .r(r"(?:true|false|null)\b", KC)
        .rp(r"(?:class|interface)\b", KD, "class")
        .rp(r"(?:import|package)\b", KN, "import")
        .r(r#""(\\\\|\\"|[^"])*""#, S)
        .r(r"'(?:\\.|[^\\]|\\u[0-9a-f]{4})'", SC)
        .g(&format!(r"(\.)({id})"), &[O, NA])
        .r(&format!("{id}:"), NL)
        .r(r"[[:upper:]][[:upper:][:digit:]_]*\b", NO)
        .r(r"[[:upper:]][[:alnum:]]*\b", NC)
        .r(&format!(r"\$?{id}"), N)
        .r(r"[~^*!%&\[\](){}<>\|+=:;,./?-]", O)
        .r(&format!(r"{digit}+\.{digit}+([eE]{digit}+)?[fd]?"), MF)
        .r(&format!("(?i)0b{bin}+"), MB)
        .r(&format!("(?i)0x{hex}+"), MH)
        .r(&format!("0{oct}+"), MO)
        .r(&format!("{digit}+L?"), MI)
        .r(r"\n", TEXT);
    b.state("class").r(r"(?s)\s+", TEXT).rpop(id, NC);
    b.state("import")
        .r(r"(?s)\s+", TEXT)
        .rpop(r"(?i)[a-z0-9_.]+\*?", NN);
    b.build()
}
