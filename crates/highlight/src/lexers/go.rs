//! Rouge's `go` lexer (alias `golang`).

use super::lexer_def;
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(go, build);

fn build() -> Def {
    let keyword = concat!(
        r"\b(?:break|default|func|interface|select|case|defer|go|map|struct|chan|else|",
        r"goto|package|switch|const|fallthrough|if|range|type|continue|for|import|return|var)\b"
    );
    let decimals = "(?:[0-9]+)";
    let exponent = format!(r"(?:[eE][+\-]?{decimals})");
    let float = format!(
        r"(?:{decimals}\.{decimals}?{exponent}?|{decimals}{exponent}|\.{decimals}{exponent}?)"
    );
    let hex = "[0-9A-Fa-f]";
    let unicode_value = format!(r#"(?:[^\n]|\\u{hex}{{4}}|\\U{hex}{{8}}|\\[abfnrtv\\'"])"#);
    let byte_value = format!(r"(?:\\[0-7]{{3}}|\\x{hex}{{2}})");
    let mut b = Builder::new("go");
    b.state("simple_tokens")
        // Rouge writes these comments with lookaheads; lazy repetition is the
        // same language.
        .r(r"//.*|(?s:/\*.*?\*/)", C)
        .r(keyword, K)
        .r(
            concat!(r"\b(?:bool|byte|complex64|complex128|error|float32|float64|int8|int16|int32|int64|", r"int|rune|string|uint8|uint16|uint32|uint64|uintptr|uint)\b"),
            KT,
        )
        .r(
            concat!(r"\b(?:append|cap|close|complex|copy|delete|imag|len|make|new|panic|print|println|", r"real|recover)\b"),
            NB,
        )
        .r(r"\b(?:true|false|iota|nil)\b", NO)
        .r(&format!("(?:{decimals}|{float})i"), M)
        .r(&float, M)
        .r(&format!("0[xX]{hex}+|[0-9][0-9]*|0[0-7]*"), M)
        .r(&format!("'(?:{unicode_value}|{byte_value})'"), SC)
        .r(
            concat!(r"\+=|\+\+|\+|&\^=|&\^|&=|&&|&|==|=|!=|!|-=|--|-|\|=|\|\||\||<=|<-|<<=|<<|<|\*=|\*|", r"\^=|\^|>>=|>>|>=|>|/|/=|:=|%|%=|\.\.\.|\.|:"),
            O,
        )
        .r(r"\(|\)|\[|\]|\{|\}|,|;", P)
        .r(r"(?:[[:alpha:]]|_)(?:[[:alpha:]]|_|[[:digit:]])*", N)
        .r(r"\s+", TEXT);
    b.state("root")
        .mixin("simple_tokens")
        .rp("`", S, "raw_string")
        .rp("\"", S, "interpreted_string");
    b.state("interpreted_string")
        .r(
            &format!(r#"\\[abfnrtv\\'"]|\\u{hex}{{4}}|\\U{hex}{{8}}|\\x{hex}{{2}}"#),
            SE,
        )
        .r(r"\\.", ERR)
        .rpop("\"", S)
        .r(r#"[^"\\]+"#, S);
    b.state("raw_string").rpop("`", S).r("(?s)[^`]+", S);
    b.build()
}
