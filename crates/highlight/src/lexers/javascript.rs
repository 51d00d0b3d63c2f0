//! Rouge's `javascript` (alias `js`) lexer, and `typescript` (alias `ts`),
//! which Rouge derives from it with extra words and a few prepended rules.

use super::{lexer_def, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(javascript, || build(false, false));
lexer_def!(typescript, || build(true, false));
lexer_def!(jsx, || build(false, true));
lexer_def!(tsx, || build(true, true));

pub(crate) const ID: &str = r"(?i)[\p{L}\p{Nl}$_][\p{Word}]*";
const ID_PLAIN: &str = r"[\p{L}\p{Nl}$_][\p{Word}]*";

const KEYWORDS: &str = "as async await break case catch continue debugger default delete do \
    else export finally from for if import in instanceof new of return super switch this throw \
    try typeof void while yield";
const DECLARATIONS: &str = "var let const with function class extends constructor get set static";
const RESERVED: &str = "enum implements interface package private protected public";
const CONSTANTS: &str = "true false null NaN Infinity undefined";
const BUILTINS: &str = "Array Boolean Date Error Function Math netscape Number Object Packages \
    RegExp String sun decodeURI decodeURIComponent encodeURI encodeURIComponent Error eval \
    isFinite isNaN parseFloat parseInt document window navigator self global Promise Set Map \
    WeakSet WeakMap Symbol Proxy Reflect Int8Array Uint8Array Uint8ClampedArray Int16Array \
    Uint16Array Uint16ClampedArray Int32Array Uint32Array Uint32ClampedArray Float32Array \
    Float64Array DataView ArrayBuffer";

fn build(ts: bool, jsx: bool) -> Def {
    let (mut kw, mut decl, mut res, mut bi) = (
        KEYWORDS.to_string(),
        DECLARATIONS.to_string(),
        RESERVED.to_string(),
        BUILTINS.to_string(),
    );
    if ts {
        kw.push_str(" is namespace static private protected public implements readonly");
        decl.push_str(" type abstract");
        res.push_str(" string any void number namespace module declare default interface keyof");
        bi.push_str(" Pick Partial Readonly Record");
    }
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let (kw, decl, res, cons, bi) = (
        Words::new(leak(kw)),
        Words::new(leak(decl)),
        Words::new(leak(res)),
        Words::new(CONSTANTS),
        Words::new(leak(bi)),
    );
    let tag = match (ts, jsx) {
        (true, true) => "tsx",
        (true, false) => "typescript",
        (false, true) => "jsx",
        (false, false) => "javascript",
    };
    let mut b = Builder::new(tag);
    if jsx {
        b.start(|c| {
            c.reset_sub(super::markup::html);
            c.push("expr_start");
        });
        add_jsx_states(&mut b, ts);
    }
    b.state("multiline_comment")
        .rpop(r"[*]/", CM)
        .r(r"[^*/]+", CM)
        .r(r"[*/]", CM);
    b.state("comments_and_whitespace")
        .r(r"\s+", TEXT)
        .r("<!--", C)
        .r("//.*?$", C1)
        .rp(r"/[*]", CM, "multiline_comment");
    b.state("expr_start");
    if jsx {
        b.mixin("tag");
    }
    b.mixin("comments_and_whitespace")
        .rg("/", SR, "regex")
        .rg("[{]", P, "object")
        .rpop("", TEXT);
    b.state("regex")
        .rg("/", SR, "regex_end")
        .rpop(r"[^/]\n", ERR)
        .rpop(r"\n", ERR)
        .rp(r"\[\^", SE, "regex_group")
        .rp(r"\[", SE, "regex_group")
        .r(r"\\.", SE)
        .r(r"[(][?][:=<!]", SE)
        .r(r"[{][\d,]+[}]", SE)
        .r(r"[()?]", SE)
        .r(".", SR);
    b.state("regex_end").rpop("[gimuy]+", SR).rpop("", TEXT);
    b.state("regex_group")
        .r("/", SE)
        .rpopn(r"[^/]\n", ERR, 2)
        .rpop(r"\]", SE)
        .r(r"\\.", SE)
        .r(".", SR);
    b.state("root");
    if ts {
        b.r("[?][.]", P).r("[?]{2}", O);
    }
    b.rp(r"(?s)\A\s*#!.*?\n", CP, "statement")
        .rp(r"(?<=\n)(?=\s|/|<!--)", TEXT, "expr_start")
        .mixin("comments_and_whitespace")
        .rp(
            r"(?x)\+\+ | -- | ~ | \?\?=? | && | \|\| | \\(?=\n) | << | >>>? | === | !== ",
            O,
            "expr_start",
        )
        .rp(r"[-<>+*%&|\^/!=]=?", O, "expr_start")
        .rp(r"[(\[,]", P, "expr_start")
        .rp(";", P, "statement")
        .r(r"[)\].]", P)
        .rp("`", S2, "template_string")
        .r("[?][.]", P)
        .f("[?]", |c| {
            c.tok(P);
            c.push("ternary");
            c.push("expr_start");
        })
        .gp(r"(\@)(\w+)?", &[P, ND], "expr_start")
        .rp("[{}]", P, "statement")
        .f(ID, move |c| {
            let w = c.m0();
            if kw.has(w) {
                c.tok(K);
                c.push("expr_start");
            } else if decl.has(w) {
                c.tok(KD);
                c.push("expr_start");
            } else if res.has(w) {
                c.tok(KR);
            } else if cons.has(w) {
                c.tok(KC);
            } else if bi.has(w) {
                c.tok(NB);
            } else {
                c.tok(NX);
            }
        })
        .r(r"[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?", MF)
        .r(r"(?i)0x[0-9a-fA-F]+", MH)
        .r(r"(?i)0o[0-7][0-7_]*", MO)
        .r(r"(?i)0b[01][01_]*", MB)
        .r("[0-9]+", MI)
        .rp("\"", DL, "dq")
        .rp("'", DL, "sq")
        .r(":", P);
    b.state("dq")
        .r(r#"\\[\\nrt"]?"#, SE)
        .r(r#"[^\\"]+"#, S2)
        .rpop("\"", DL);
    b.state("sq")
        .r(r"\\[\\nrt']?", SE)
        .r(r"[^\\']+", S1)
        .rpop("'", DL);
    b.state("statement");
    if ts {
        b.gp(
            &format!(r"(?i)({ID_PLAIN})(\??)(\s*)(:)"),
            &[NL, P, TEXT, P],
            "expr_start",
        );
    }
    b.rg(r"case\b", K, "expr_start")
        .g(&format!(r"(?i)({ID_PLAIN})(\s*)(:)"), &[NL, TEXT, P])
        .mixin("expr_start");
    b.state("object")
        .mixin("comments_and_whitespace")
        .f("[{]", |c| {
            c.tok(P);
            c.push_self();
        })
        .rg("[}]", P, "statement")
        .gp(
            &format!(r"(?i)({ID_PLAIN})(\s*)(:)"),
            &[NA, TEXT, P],
            "expr_start",
        )
        .r(":", P)
        .mixin("root");
    b.state("ternary").rg(":", P, "expr_start").mixin("root");
    b.state("template_string")
        .rp(r"[$]\{", P, "template_string_expr")
        .rpop("`", S2)
        .r(r"\\[$`]", SE)
        .r(r"[^$`\\]+", S2)
        .r(r"[\\$]", S2);
    b.state("template_string_expr").rpop(r"\}", P).mixin("root");
    b.build()
}

/// The states Rouge's `jsx` lexer adds to JavaScript: elements, attributes,
/// `{…}` interpolation, and text between tags lexed as HTML.
fn add_jsx_states(b: &mut Builder, tsx: bool) {
    let open_tag = |c: &mut crate::engine::Ctx<'_>| {
        c.tok(P);
        c.push("tag_opening");
        c.push("element");
        c.push("element_name");
    };
    let interpolate = |c: &mut crate::engine::Ctx<'_>| {
        c.tok(SI);
        c.push("interpol");
        c.push("expr_start");
    };
    b.state("tag").f("<", open_tag);
    b.state("tag_opening")
        .f("</", |c| {
            c.tok(P);
            c.goto("element");
            c.push("element_name");
        })
        .mixin("tag")
        .f(r"\{", interpolate)
        .f(r"[^<{]+", |c| {
            let t = c.m0();
            c.delegate(super::markup::html, t);
        });
    b.state("element")
        .mixin("comments_and_whitespace")
        .f("/>", |c| {
            c.tok(P);
            c.pop(2);
        })
        .rpop(">", P)
        .f(r"\{", interpolate)
        .r(r"\w[\w-]*", NA)
        .r("=", P)
        .r(r#"(["']).*?(\1)"#, S);
    b.state("element_name");
    if tsx {
        // Rouge's `tsx` reads `<T,>` as a type parameter, not an element.
        b.f(r"(\w+)(,)", |c| {
            c.groups(&[NX, P]);
            c.pop(3);
        });
    }
    b.r(r"[A-Z]\w*", NC)
        .r(r"\w+", NT)
        .r(r"\.", P)
        .rpop("", TEXT);
    b.state("interpol")
        .rpop(r"\}", SI)
        .f(r"\{", |c| {
            c.tok(P);
            c.push("interpol_inner");
            c.push("statement");
        })
        .mixin("root");
    b.state("interpol_inner")
        .rg(r"\}", P, "statement")
        .mixin("root");
}
