//! Rouge's `liquid` lexer: Liquid tags and output in otherwise plain text.

use super::lexer_def;
use crate::engine::{Builder, Ctx, Def};
use crate::token::*;

lexer_def!(liquid, build);

/// Rouge picks a string token when the markup contains a quoted string
/// anywhere (an unanchored `case … when /'[^']*'/`).
fn markup_token(text: &str, otherwise: Tok) -> Tok {
    let quoted = |q: char| {
        let mut parts = text.split(q);
        parts.next();
        parts.count() >= 2
    };
    if quoted('\'') {
        S1
    } else if quoted('"') {
        S2
    } else {
        otherwise
    }
}

fn end_tag(c: &mut Ctx<'_>) {
    c.tok(P);
    c.reset_stack();
}

fn build() -> Def {
    let mut b = Builder::new("liquid");
    b.state("root")
        .r(r"[^\{]+", TEXT)
        .gp(r"(\{%-?)(\s*)", &[P, WS], "tag_or_block")
        .gp(r"(\{\{-?)(\s*)", &[P, WS], "output")
        .r(r"\{", TEXT);
    b.state("tag_or_block")
        .rp(r"(if|elsif|unless|case)\b", KR, "condition")
        .rp(r"(when)\b", KR, "when")
        .gpop(r"(else)(\s*)(-?%\})", &[KR, WS, P])
        .gpop(
            r"(capture|(?:in|de)crement)(\s+)([^\s%]+)(\s*)(-?%\})",
            &[NT, WS, NV, WS, P],
        )
        .gp(r"(comment)(\s*)(-?%\})", &[NT, WS, P], "comment")
        .gp(r"(raw)(\s*)(-?%\})", &[NT, WS, P], "raw")
        .gpop(r"(end(?:if|unless|case))(\s*)(-?%\})", &[KR, WS, P])
        .gpop(r"(end(?:[^\s%]+))(\s*)(-?%\})", &[NT, WS, P])
        .rp(r"(assign|echo)\b", NT, "assign")
        .rp(r"(include|render)\b", NT, "include")
        .f(r"(cycle)(\s+)(?:([^\s:]*)(\s*)(:))?(\s*)", |c| {
            let tok = markup_token(c.m(3), NA);
            c.groups(&[NT, WS, tok, WS, P, WS]);
            c.push("variable_tag_markup");
        })
        .f(
            r#"(for|tablerow)(\s+)([\w-]+)(\s+)(in)(\s+)((?:[^\s%,\|'"]|(?:"[^"]*"|'[^']*'))+)(\s*)"#,
            |c| {
                c.groups(&[NT, WS, NV, WS, NT, WS]);
                let (coll, ws) = (c.m(7), c.m(8));
                let tok = markup_token(coll, NV);
                c.token(tok, coll);
                c.token(WS, ws);
                c.push("tag_markup");
            },
        )
        .gp(r"([^\s%]+)(\s*)", &[NT, WS], "tag_markup");
    b.state("output")
        .gp(r"(\|)(\s*)([a-zA-Z_][^\s}\|:]*)", &[P, WS, NF], "filters")
        .mixin("end_of_tag")
        .mixin("generic");
    b.state("filters")
        .g(r"(\|)(\s*)([a-zA-Z_][^\s%}\|:]*)", &[P, WS, NF])
        .mixin("end_of_tag")
        .mixin("end_of_block")
        .mixin("variable_param_markup");
    b.state("condition")
        .r("([=!]=|[<>]=?)", O)
        .r(r"(and|or|contains)\b", OW)
        .mixin("end_of_block")
        .mixin("generic");
    b.state("when").mixin("end_of_block").mixin("generic");
    b.state("end_of_tag").f(r"-?\}\}", end_tag);
    b.state("end_of_block").f(r"-?%\}", end_tag);
    b.state("param_markup")
        .mixin("whitespace")
        .mixin("keyword")
        .mixin("string")
        .mixin("number")
        .g(r"([^\s=:]+)(\s*)(=|:)", &[NA, WS, O])
        .r("[,:]", P);
    b.state("default_param_markup")
        .mixin("param_markup")
        .r(r"\S+", TEXT);
    b.state("variable_param_markup")
        .mixin("param_markup")
        .mixin("variable")
        .r(r"\S+", TEXT);
    b.state("tag_markup")
        .r(r"(reversed)\b", NA)
        .mixin("end_of_block")
        .mixin("default_param_markup");
    b.state("variable_tag_markup")
        .mixin("end_of_block")
        .mixin("variable_param_markup");
    b.state("keyword").r(r"(false|true|nil)\b", KC);
    b.state("variable")
        .r(r"(empty|blank|forloop\.[^\s%}\|:]+)\b", NB)
        .r(r"\.(?=\w)|\[|\]", P)
        .r(r"(first|last|size)\b", NF)
        .r(r"[a-zA-Z_][\w-]*\??", NV);
    b.state("string").r("'[^']*'", S1).r("\"[^\"]*\"", S2);
    b.state("number").r("-", O).r(r"\d+\.\d+", MF).r(r"\d+", MI);
    b.state("generic")
        .mixin("whitespace")
        .mixin("keyword")
        .mixin("string")
        .mixin("number")
        .mixin("variable");
    b.state("whitespace").r(r"[ \t]+", WS);
    b.state("comment")
        .r(r"[^\{]+", C)
        .f(r"(\{%-?)(\s*)(endcomment)(\s*)(-?%\})", |c| {
            c.groups(&[P, WS, NT, WS, P]);
            c.reset_stack();
        })
        .r(r"\{", C);
    b.state("raw")
        .r(r"[^\{]+", TEXT)
        .f(r"(\{%-?)(\s*)(endraw)(\s*)(-?%\})", |c| {
            c.groups(&[P, WS, NT, WS, P]);
            c.reset_stack();
        })
        .r(r"\{", TEXT);
    b.state("assign")
        .r("=", O)
        .gp(r"(\|)(\s*)([a-zA-Z_][^\s%\|:]*)", &[P, WS, NF], "filters")
        .mixin("end_of_block")
        .mixin("generic");
    b.state("include")
        .gp(r"(\{\{-?)(\s*)", &[P, WS], "output_embed")
        .r(r"(with|for)\b", NT)
        .r(r"[/\w-]+(\.[\w-]+)+\b", TEXT)
        .mixin("variable_tag_markup");
    b.state("output_embed")
        .g(r"(\|)(\s*)([a-zA-Z_][^\s}\|:]*)", &[P, WS, NF])
        .rpop(r"-?\}\}", P)
        .mixin("variable_param_markup");
    b.build()
}
