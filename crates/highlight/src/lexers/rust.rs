//! Rouge's `rust` lexer (alias `rs`), with its nesting block comments and
//! bracket counting inside macro invocations.

use super::{lexer_def, Words};
use crate::engine::{Builder, Ctx, Def};
use crate::token::*;

lexer_def!(rust, build);

const KEYWORDS: &str = "as|async|await|break|const|continue|crate|dyn|else|enum|extern|false|fn|\
for|if|impl|in|let|log|loop|match|mod|move|mut|pub|ref|return|self|Self|static|struct|super|\
trait|true|type|unsafe|use|where|while|abstract|become|box|do|final|macro|override|priv|typeof|\
unsized|virtual|yield|try|union";
const BUILTINS: &str = "Add BitAnd BitOr BitXor bool c_char c_double c_float char c_int clock_t \
    c_long c_longlong Cons Const Copy c_schar c_short c_uchar c_uint c_ulong c_ulonglong c_ushort \
    c_void dev_t DIR dirent Div Either Eq Err f32 f64 Failure FILE float fpos_t i16 i32 i64 i8 \
    isize Index ino_t int intptr_t Left mode_t Modulo Mul Neg Nil None Num off_t Ok Option Ord \
    Owned pid_t Ptr ptrdiff_t Right Send Shl Shr size_t Some ssize_t str Sub Success time_t u16 \
    u32 u64 u8 usize uint uintptr_t Box Vec String Gc Rc Arc u128 i128 Result Sync Pin Unpin \
    Sized Drop drop Fn FnMut FnOnce Clone PartialEq PartialOrd AsMut AsRef From Into Default \
    DoubleEndedIterator ExactSizeIterator Extend IntoIterator Iterator";

const ID: &str = r"(?:[\p{XID_Start}_]\p{XID_Continue}*)";
const ESCAPES: &str = r#"(?:\\([nrt'"\\0]|x(?i:[0-9a-f]){2}|u\{((?i:[0-9a-f])_*){1,6}\}))"#;

fn delim_key(close: &str) -> &'static str {
    match close {
        "]" => "]",
        ")" => ")",
        _ => "}",
    }
}

fn macro_closed(c: &Ctx<'_>) -> bool {
    ["]", ")", "}"]
        .iter()
        .all(|k| c.lx.ints.get(k).copied().flatten().unwrap_or(0) == 0)
}

fn build() -> Def {
    let bi = Words::new(BUILTINS);
    let size = "(?:8|16|32|64|128|size)";
    let dot = "(?:[.][0-9][0-9_]*)";
    let exp = "(?:[eE][-+]?[0-9_]+)";
    let flt = "(?:f32|f64)";
    let mut b = Builder::new("rust");
    b.start(|c| c.push("bol"));
    b.state("bol")
        .mixin("whitespace")
        .r(r"#\s[^\n]*", CS)
        .rpop("", TEXT);
    b.state("attribute")
        .mixin("whitespace")
        .mixin("has_literals")
        .r("[(,)=:]", ND)
        .rpop(r"\]", ND)
        .r(ID, ND);
    b.state("whitespace").r(r"\s+", TEXT).mixin("comments");
    b.state("comments")
        .r(r"////+[^\n]*", C1)
        .r(r"//[/!][^\n]*", CD)
        .r(r"//[^\n]*", C1)
        .r(r"/\*\*\*?/", CM)
        .rp(r"/\*\*\*+", CM, "nested_plain_block")
        .rp(r"/[*][*!]", CD, "nested_doc_block")
        .rp(r"/[*]", CM, "nested_plain_block");
    for (state, tok) in [("nested_plain_block", CM), ("nested_doc_block", CD)] {
        b.state(state)
            .rpop(r"\*/", tok)
            .rp(r"/\*", tok, state)
            .r(r"[^*/]+|[*/]", tok);
    }
    b.state("root")
        .rp(r"\n", TEXT, "bol")
        .mixin("whitespace")
        .rp(r"#!?\[", ND, "attribute")
        .r(&format!(r"\b(?:{KEYWORDS})\b"), K)
        .mixin("has_literals")
        .r("[=-]>", K)
        .r("<->", K)
        .r(r"[()\[\]{}|,:;]", P)
        .r(r"[*/!@~&+%^<>=\?-]|\.{2,3}", O)
        .r(&format!(r"(?s)([.]\s*)?{ID}(?=\s*[(])"), NF)
        .r(r"[.]\s*await\b", K)
        .r(&format!(r"[.]\s*{ID}"), PY)
        .r(r"[.]\s*\d+", NA)
        .g(&format!(r"(?s)({ID})(::)"), &[NN, P])
        .rp(r"\bmacro_rules!", ND, "macro_rules")
        .rp(&format!("{ID}!"), ND, "macro")
        .r(r"'static\b", K)
        .r(&format!("'{ID}"), NV)
        .f(ID, move |c| {
            let tok = if bi.has(c.m0()) { NB } else { N };
            c.tok(tok);
        });
    b.state("macro")
        .mixin("has_literals")
        .f(r"[\[{(]", |c| {
            let key = match c.m0() {
                "[" => "]",
                "(" => ")",
                _ => "}",
            };
            let v = c.lx.ints.get(key).copied().flatten().unwrap_or(0);
            c.lx.ints.insert(key, Some(v + 1));
            c.tok(P);
        })
        .f(r"[\]})]", |c| {
            let key = delim_key(c.m0());
            let v = c.lx.ints.get(key).copied().flatten().unwrap_or(0);
            c.lx.ints.insert(key, Some(v - 1));
            if macro_closed(c) {
                c.pop(1);
            }
            c.tok(P);
        })
        .r(&format!("{ID}!"), ND)
        .mixin("root")
        .r(".", TEXT);
    b.state("macro_rules")
        .r(&format!("[$]{ID}(:{ID})?"), NV)
        .r("[$]", NV)
        .mixin("macro");
    b.state("has_literals")
        .r(r"\b(?:true|false)\b", KC)
        .r(&format!(r"b?'(?:{ESCAPES}|[^\\])'"), SC)
        .rp("b?\"", S, "string")
        .r(r#"(?s)b?r(#*)".*?"\1"#, S)
        .r(
            &format!(
                r"[0-9][0-9_]*({dot}{exp}?{flt}?|{dot}?{exp}{flt}?|{dot}?{exp}?{flt}|[.](?![._\p{{XID_Start}}]))"
            ),
            MF,
        )
        .r(
            &format!(r"(0b[10_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*)(u{size}?|i{size})?"),
            MI,
        );
    b.state("string")
        .rpop("\"", S)
        .r(ESCAPES, SE)
        .r(r#"(?s)[^"\\]+"#, S);
    b.build()
}
