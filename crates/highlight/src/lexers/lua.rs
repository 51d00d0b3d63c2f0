//! Rouge's `lua` lexer.

use super::lua_builtins::LUA_BUILTINS;
use super::{lexer_def, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(lua, build);

fn build() -> Def {
    let bi = Words::new(LUA_BUILTINS);
    let mut b = Builder::new("lua");
    b.state("root").r("#!(.*?)$", CP).rp("", TEXT, "base");
    b.state("base")
        .r(r"(?s)--\[(=*)\[.*?\]\1\]", CM)
        .r("--.*$", C1)
        // Rouge's float rule ends in a stray `'`, kept for parity.
        .r(r"(?i)(\d*\.\d+|\d+\.\d*)(e[+-]?\d+)?'", MF)
        .r(r"(?i)\d+e[+-]?\d+", MF)
        .r("(?i)0x[0-9a-f]*", MH)
        .r(r"\d+", MI)
        .r(r"\n", TEXT)
        .r(r"[^\S\n]", TEXT)
        .r(r"(?s)\[(=*)\[.*?\]\1\]", S)
        .r(r"(==|~=|<=|>=|\.\.\.|\.\.|[=+\-*/%^<>#])", O)
        .r(r"[\[\]\{\}\(\)\.,:;]", P)
        .r(r"(and|or|not)\b", OW)
        .r(
            r"(break|do|else|elseif|end|for|if|in|repeat|return|then|until|while)\b",
            K,
        )
        .r(r"(local)\b", KD)
        .r(r"(true|false|nil)\b", KC)
        .rp(r"(function)\b", K, "function_name")
        .f(
            r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?",
            move |c| {
                let name = c.m0();
                if name == "gsub" {
                    c.tok(NB);
                    c.push("gsub");
                } else if bi.has(name) {
                    c.tok(NB);
                } else if let Some((a, b)) = name.split_once('.') {
                    c.token(N, a);
                    c.token(P, ".");
                    c.token(N, b);
                } else {
                    c.tok(N);
                }
            },
        )
        .rp("'", S1, "escape_sqs")
        .rp("\"", S2, "escape_dqs");
    b.state("function_name")
        .r(r"\s+", TEXT)
        .gpop(
            r"(?:([A-Za-z_][A-Za-z0-9_]*)(\.))?([A-Za-z_][A-Za-z0-9_]*)",
            &[NC, P, NF],
        )
        .rpop(r"\(", P);
    b.state("gsub")
        .rpop(r"\)", P)
        .r("[(,]", P)
        .r(r"\s+", TEXT)
        .rp("\"", SR, "regex");
    b.state("regex")
        .rg("\"", SR, "regex_end")
        .rp(r"\[\^?", SE, "regex_group")
        .r(r"\\.", SE)
        .r("[(][?][:=<!]", SE)
        .r(r"[{][\d,]+[}]", SE)
        .r("[()?]", SE)
        .r(".", SR);
    b.state("regex_end").rpop("[$]+", SR).rpop("", TEXT);
    b.state("regex_group")
        .r("/", SE)
        .rpop(r"\]", SE)
        .g(r"(\\)(.)", &[SE, SR])
        .r(".", SR);
    b.state("escape_sqs").mixin("string_escape").mixin("sqs");
    b.state("escape_dqs").mixin("string_escape").mixin("dqs");
    b.state("string_escape")
        .r(r#"\\([abfnrtv\\"']|\d{1,3})"#, SE);
    b.state("sqs").rpop("'", S1).r("[^']+", S1);
    b.state("dqs").rpop("\"", S2).r("[^\"]+", S2);
    b.build()
}
