//! Rouge's `haskell` lexer (alias `hs`).

use super::{lexer_def, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(haskell, build);

const RESERVED: &str = "_ case class data default deriving do else if in infix infixl infixr \
    instance let newtype of then type where";
const ASCII: &str = "NUL|SOH|[SE]TX|EOT|ENQ|ACK|BEL|BS|HT|LF|VT|FF|CR|S[OI]|DLE|DC[1-4]|NAK|SYN|\
ETB|CAN|EM|SUB|ESC|[FGRU]S|SP|DEL";
const SYM: &str = r"[:!#\$\%&*+.\\/<=>?@^\|~-]";

fn build() -> Def {
    let reserved = Words::new(RESERVED);
    let mut b = Builder::new("haskell");
    b.state("basic")
        .r(r"(?s)\s+", TEXT)
        .rp(r"\{-#", CP, "comment_preproc")
        .rp(r"\{-", CM, "comment")
        .r(r"^--\s+\|.*?$", CD)
        .r(r"--(?![!#\$\%&*+./<=>?@\^\|_~]).*?$", C1);
    b.state("comment")
        .rpop(r"-\}", CM)
        .rp(r"\{-", CM, "comment")
        .r(r"[^-{}]+", CM)
        .r(r"[-{}]", CM);
    b.state("comment_preproc")
        .rpop(r"-\}", CP)
        .rp(r"\{-", CP, "comment")
        .r(r"[^-{}]+", CP)
        .r(r"[-{}]", CP);
    b.state("root")
        .mixin("basic")
        .rp(r"'(?=(?:.|\\\S+)')", SC, "character")
        .rp("\"", S, "string")
        .r(r"(?i)\d+e[+-]?\d+", MF)
        .r(r"(?i)\d+\.\d+(e[+-]?\d+)?", MF)
        .r("(?i)0o[0-7]+", MO)
        .r(r"(?i)0x[\da-f]+", MH)
        .r(r"\d+", MI)
        .f(r"[\w']+", move |c| {
            let w = c.m0();
            if w == "import" {
                c.tok(KR);
                c.push("import");
            } else if w == "module" {
                c.tok(KR);
                c.push("module");
            } else if reserved.has(w) {
                c.tok(KR);
            } else if w
                .strip_prefix('\'')
                .unwrap_or(w)
                .starts_with(|ch: char| ch.is_ascii_uppercase())
            {
                c.tok(KT);
            } else {
                c.tok(N);
            }
        })
        .r(&format!(r"\\(?!{SYM}+)"), NF)
        .r(&format!(r"(<-|::|->|=>|=)(?!{SYM}+)"), O)
        .r(&format!(r":{SYM}*"), O)
        .r(&format!(r"{SYM}+"), O)
        .r(r"\[\s*\]", KT)
        .r(r"\(\s*\)", NB)
        .gp(r"(\[)([_a-z][\w']*)(\|)", &[O, N, O], "quasiquotation")
        .r(r"[\[\](),;`{}]", P);
    b.state("import")
        .r(r"\s+", TEXT)
        .rp("\"", S, "string")
        .r(r"\bqualified\b", K)
        .gpop(
            r"([A-Z][\w.]*)(\s+)(as)(\s+)([A-Z][a-zA-Z0-9_.]*)",
            &[NN, TEXT, K, TEXT, N],
        )
        .gg(
            r"([A-Z][\w.]*)(\s+)(hiding)(\s+)(\()",
            &[NN, TEXT, K, TEXT, P],
            "funclist",
        )
        .gg(r"([A-Z][\w.]*)(\s+)(\()", &[NN, TEXT, P], "funclist")
        .rpop(r"[\w.]+", NN);
    b.state("module")
        .r(r"\s+", TEXT)
        .gp(r"([A-Z][\w.]*)(\s+)(\()", &[NN, TEXT, P], "funclist")
        .rpop(r"\bwhere\b", KR)
        .rpop("[A-Z][a-zA-Z0-9_.]*", NN);
    b.state("funclist")
        .mixin("basic")
        .r(r"[A-Z]\w*", KT)
        .r(r"(_[\w']+|[a-z][\w']*)", NF)
        .r(",", P)
        .r(r"[:!#\$\%&*+.\\/<=>?@^\|~-]+", O)
        .rp(r"\(", P, "funclist")
        .rpop(r"\)", P);
    b.state("character")
        .f(r"\\", |c| {
            c.tok(SE);
            c.goto("character_end");
            c.push("escape");
        })
        .f(".", |c| {
            c.tok(SC);
            c.goto("character_end");
        });
    b.state("character_end").rpop("'", SC).rpop(".", ERR);
    b.state("quasiquotation")
        .rpop(r"\|\]", O)
        .r(r"(?s)[^\|]+", TEXT)
        .r(r"\|", TEXT);
    b.state("string")
        .rpop("\"", S)
        .rp(r"\\", SE, "escape")
        .r(r#"[^\\"]+"#, S);
    b.state("escape")
        .rpop(r#"[abfnrtv"'&\\]"#, SE)
        .rpop(r"\^[\]\[A-Z@\^_]", SE)
        .rpop(ASCII, SE)
        .rpop("(?i)o[0-7]+", SE)
        .rpop(r"(?i)x[\da-f]+", SE)
        .rpop(r"\d+", SE)
        .rpop(r"\s+\\", SE);
    b.build()
}
