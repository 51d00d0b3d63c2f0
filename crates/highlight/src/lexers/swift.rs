//! Rouge's `swift` lexer.

use super::{lexer_def, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(swift, build);

const ID: &str = r"(?:(?:_|(?!\p{Mc})\p{Alphabetic}|[^\x00-\x{FFFF}])(?:[\p{Alphabetic}\p{Nd}_]|[^\x00-\x{FFFF}])*)";

const KEYWORDS: &str = "await break case continue default do else fallthrough if in for return \
    switch where while try catch throw guard defer repeat as dynamicType is new super self Self \
    Type __COLUMN__ __FILE__ __FUNCTION__ __LINE__ associativity async didSet get infix inout \
    isolated mutating none nonmutating operator override postfix precedence prefix set unowned \
    weak willSet throws rethrows precedencegroup";
const DECLARATIONS: &str = "actor class deinit enum convenience extension final func import \
    init internal lazy let nonisolated optional private protocol public required static struct \
    subscript typealias var dynamic indirect associatedtype open fileprivate some";

fn upper_first(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn build() -> Def {
    let (kw, decl) = (Words::new(KEYWORDS), Words::new(DECLARATIONS));
    let mut b = Builder::new("swift");
    b.start(|c| c.push("bol"));
    b.state("bol")
        .r("#.*", CP)
        .mixin("inline_whitespace")
        .rpop("", TEXT);
    b.state("inline_whitespace")
        .r(r"(?s)\s+", TEXT)
        .mixin("has_comments");
    b.state("whitespace")
        .rp(r"(?s)\n+", TEXT, "bol")
        .rp("//.*?$", C1, "bol")
        .mixin("inline_whitespace");
    b.state("has_comments").rp("/[*]", CM, "nested_comment");
    b.state("nested_comment")
        .mixin("has_comments")
        .rpop("[*]/", CM)
        .r("(?s)[^*/]+", CM)
        .r(".", CM);
    b.state("root")
        .mixin("whitespace")
        .r(r"\$(([1-9]\d*)?\d)", NV)
        .r(r"[()\[\]{}:;,?\\]", P)
        .r(r"[-/=+*%<>!&|^.~]+", O)
        .rp("@?\"", S, "dq")
        .r(r"'(\\.|.)'", SC)
        .r(
            r"(?i)(\d+(?:_\d+)*\*|(?:\d+(?:_\d+)*)*\.\d+(?:_\d)*)(e[+-]?\d+(?:_\d)*)?",
            MF,
        )
        .r(r"(?i)\d+e[+-]?[0-9]+", MF)
        .r("0o?[0-7]+(?:_[0-7]+)*", MO)
        .r(
            r"0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*((\.[0-9A-F]+(?:_[0-9A-F]+)*)?p[+-]?\d+)?",
            MH,
        )
        .r("0b[01]+(?:_[01]+)*", MB)
        .r(r"[\d]+(?:_\d+)*", MI)
        .r(&format!("@{ID}"), KD)
        .f(r"(private|internal)(\([ ]*)(\w+)([ ]*\))", |c| {
            if c.m(3) == "set" {
                c.tok(KD);
            } else {
                c.groups(&[KD, KD, ERR, KD]);
            }
        })
        .f(r"(unowned\([ ]*)(\w+)([ ]*\))", |c| {
            if matches!(c.m(2), "safe" | "unsafe") {
                c.tok(KD);
            } else {
                c.groups(&[KD, ERR, KD]);
            }
        })
        .r(r"#available\([^)]+\)", KD)
        .g(
            r"(#(?:selector|keyPath)\()([^)]+?(?:[(].*?[)])?)(\))",
            &[KD, NF, KD],
        )
        .r("#(line|file|column|function|dsohandle)", KD)
        .g(&format!(r"(let|var)\b(\s*)({ID})"), &[K, TEXT, NV])
        .gp(r"(let|var)\b(\s*)([(])", &[K, TEXT, P], "tuple")
        .f(
            &format!(
                r"(?!\b(if|while|for|private|internal|unowned|switch|case)\b)\b{ID}(?=(\?|!)?\s*[(])"
            ),
            |c| {
                let tok = if upper_first(c.m0()) { KT } else { NF };
                c.tok(tok);
            },
        )
        .r(r"as[?!]?(?=\s)", K)
        .r(r"try[!]?(?=\s)", K)
        .g(
            &format!(r"(#?(?!default)(?![[:upper:]]){ID})(\s*)(:)"),
            &[NV, TEXT, P],
        )
        .f(ID, move |c| {
            let w = c.m0();
            let tok = if kw.has(w) {
                K
            } else if decl.has(w) {
                KD
            } else if matches!(w, "true" | "false" | "nil") {
                KC
            } else if upper_first(w) {
                KT
            } else {
                N
            };
            c.tok(tok);
        })
        .g(&format!("(`)({ID})(`)"), &[P, NV, P]);
    b.state("tuple")
        .r(&format!("({ID})"), NV)
        .g(&format!("(`)({ID})(`)"), &[P, NV, P])
        .r(",", P)
        .rps("[(]", P)
        .rpop("[)]", P)
        .mixin("inline_whitespace");
    b.state("dq")
        .r(r#"\\[\\0tnr'"]"#, SE)
        .rp(r"\\[(]", SE, "interp")
        .r(r"\\u\{\h{1,8}\}", SE)
        .r(r#"[^\\"]+"#, S)
        .rpop("\"\"\"", S)
        .rpop("\"", S);
    b.state("interp")
        .rp("[(]", P, "interp_inner")
        .rpop("[)]", SE)
        .mixin("root");
    b.state("interp_inner")
        .rps("[(]", P)
        .rpop("[)]", P)
        .mixin("root");
    b.build()
}
