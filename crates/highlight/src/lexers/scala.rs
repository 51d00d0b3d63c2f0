//! Rouge's `scala` lexer.

use super::lexer_def;
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(scala, build);

const KEYWORDS: &str = "abstract|case|catch|def|do|else|extends|final|finally|for|forSome|if|\
implicit|lazy|match|new|override|private|protected|requires|return|sealed|super|this|throw|try|\
val|var|while|with|yield";

fn build() -> Def {
    let ws = r"\p{White_Space}";
    let letter = r"[\p{L}$_]";
    let upper = r"[\p{Lu}$_]";
    let op =
        format!(r#"(?:(?!{ws}|{letter}|[0-9]|[(){{}}\[\]]|[‘’".;,])[\x20-\x7F\p{{Sm}}\p{{So}}])"#);
    let idrest = format!(r"(?:{letter}(?:{letter}|[0-9])*(?:(?<=_){op}+)?)");
    let typechunk = format!(r"(?:{idrest}|{op}+`[^`]+`)");
    let mut b = Builder::new("scala");
    b.state("root")
        .gp(r"(class|trait|object)(\s+)", &[K, TEXT], "class")
        .r(&format!("'{idrest}(?!')"), SS)
        .r(r"[^\S\n]+", TEXT)
        .r("//.*", C1)
        .rp(r"/\*", CM, "comment")
        .r(&format!("@{idrest}"), ND)
        .g(
            &format!(r"(def)(\s+)({idrest}|{op}+|`[^`]+`)(\s*)"),
            &[K, TEXT, NF, TEXT],
        )
        .g(
            &format!(r"(val)(\s+)({idrest}|{op}+|`[^`]+`)(\s*)"),
            &[K, TEXT, NV, TEXT],
        )
        .g(&format!(r"(this)(\n*)(\.)({idrest})"), &[K, TEXT, O, PY])
        .g(
            &format!(r"({idrest}|_)(\n*)(\.)({idrest})"),
            &[NV, TEXT, O, PY],
        )
        .r(&format!(r"{upper}{idrest}\b"), NC)
        .g(&format!(r"({idrest})({ws}*)(\()"), &[NF, TEXT, O])
        .g(&format!(r"(\.)({idrest})"), &[O, PY])
        .r(
            &format!(r"({KEYWORDS})\b|(<[%:-]|=>|>:|[#=@_\x{{21D2}}\x{{2190}}])(\b|(?=\s)|$)"),
            K,
        )
        .rp(&format!(":(?!{op})"), K, "type")
        .r(r"(true|false|null)\b", KC)
        .gp(r"(import|package)(\s+)", &[K, TEXT], "import")
        .gp(r"(type)(\s+)", &[K, TEXT], "type")
        .r(r#"(?s)""".*?"""(?!")"#, S)
        .r(r#""(\\\\|\\"|[^"])*""#, S)
        .r(r"'\\.'|'[^\\]'|'\\u[0-9a-fA-F]{4}'", SC)
        .r(&idrest, N)
        .r("`[^`]+`", N)
        .rp(r"\[", O, "typeparam")
        .r(r"[\(\)\{\};,.#]", O)
        .r(&format!("{op}+"), O)
        .r(
            r"([0-9][0-9]*\.[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?[fFdD]?",
            MF,
        )
        .r("([0-9][0-9]*[fFdD])", MF)
        .r("0x[0-9a-fA-F]+", MH)
        .r("[0-9]+L?", MI)
        .r(r"\n", TEXT);
    b.state("class")
        .gp(
            &format!(r"({idrest}|{op}+|`[^`]+`)(\s*)(\[)"),
            &[NC, TEXT, O],
            "typeparam",
        )
        .r(r"\s+", TEXT)
        .rpop(r"\{", O)
        .rpop(r"\(", O)
        .rpop("//.*", C1)
        .rpop(&format!("{idrest}|{op}+|`[^`]+`"), NC);
    b.state("type")
        .r(r"\s+", TEXT)
        .r(r"<[%:]|>:|[#_\x{21D2}]|forSome|type", K)
        .gpop(r"([,\);}]|=>|=)(\s*)", &[O, TEXT])
        .rp(r"[\(\{]", O, "type")
        .f(&format!(r"({typechunk}(?:\.{typechunk})*)(\s*)(\[)"), |c| {
            c.groups(&[KT, TEXT, O]);
            c.pop(1);
            c.push("typeparam");
        })
        .gpop(
            &format!(r"({typechunk}(?:\.{typechunk})*)(\s*)$"),
            &[KT, TEXT],
        )
        .rpop("//.*", C1)
        .r(&format!(r"\.|{idrest}|{op}+|`[^`]+`"), KT);
    b.state("typeparam")
        .r(r"[\s,]+", TEXT)
        .r(r"<[%:]|=>|>:|[#_\x{21D2}]|forSome|type", K)
        .rpop(r"([\]\)\}])", O)
        .rp(r"[\(\[\{]", O, "typeparam")
        .r(&format!(r"\.|{idrest}|{op}+|`[^`]+`"), KT);
    b.state("comment")
        .r(r"[^/\*]+", CM)
        .rp(r"/\*", CM, "comment")
        .rpop(r"\*/", CM)
        .r("[*/]", CM);
    b.state("import").rpop(&format!(r"({idrest}|\.)+"), NN);
    b.build()
}
