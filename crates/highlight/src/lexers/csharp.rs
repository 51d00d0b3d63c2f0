//! Rouge's `csharp` lexer (aliases `c#`, `cs`).

use super::lexer_def;
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(csharp, build);

const ID: &str = r"(?i:@?[_a-z]\w*)";
const KEYWORDS: &str = "abstract|as|base|break|case|catch|checked|const|continue|default|\
delegate|do|else|enum|event|explicit|extern|false|finally|fixed|for|foreach|goto|if|implicit|in|\
interface|internal|is|lock|new|null|operator|out|override|params|private|protected|public|\
readonly|ref|return|sealed|sizeof|stackalloc|static|switch|this|throw|true|try|typeof|\
unchecked|unsafe|virtual|void|volatile|while|add|alias|async|await|get|global|partial|remove|\
set|value|where|yield|nameof|ascending|by|descending|equals|from|group|in|into|join|let|on|\
orderby|select";
const TYPES: &str = "bool|byte|char|decimal|double|dynamic|float|int|long|object|sbyte|short|\
string|uint|ulong|ushort|var";
const CPP: &str = "if|endif|else|elif|define|undef|line|error|warning|region|endregion|pragma";

fn build() -> Def {
    let mut b = Builder::new("csharp");
    b.state("whitespace")
        .r(r"(?s)\s+", TEXT)
        .r("//.*?$", C1)
        .r(r"(?s)/[*].*?[*]/", CM);
    b.state("nest")
        .rp(r"\{", P, "nest")
        .rpop(r"\}", P)
        .mixin("root");
    b.state("splice_string")
        .r(r"\\.", S)
        .rp(r"\{", P, "nest")
        .rpop("\"|\\n", S)
        .r(".", S);
    b.state("splice_literal")
        .r("\"\"", S)
        .rp(r"\{", P, "nest")
        .rpop("\"", S)
        .r(".", S);
    b.state("root")
        .mixin("whitespace")
        .rp(r#"[$]\s*""#, S, "splice_string")
        .rp(r#"[$]@\s*""#, S, "splice_literal")
        .r(&format!(r"(<\[)\s*({ID}:)?"), K)
        .r(r"\]>", K)
        .r(r"[~!%^&*()+=|\[\]{}:;,.<>/?-]", P)
        .r(r#"(?s)@"(""|[^"])*""#, S)
        .r(r#""(\\.|.)*?["\n]"#, S)
        .r(r"'(\\.|.)'", SC)
        .r(r"(?i)0x[0-9a-f]+[lu]?", M)
        .r(r"(?i)[0-9]([.][0-9]*)?(e[+-][0-9]+)?[fldu]?", M)
        .rp(r"\b(?:class|struct|interface)\b", K, "class")
        .rp(r"\b(?:namespace|using)\b", K, "namespace")
        .r(&format!(r"^#[ \t]*({CPP})\b.*?\n"), CP)
        .r(&format!(r"\b({KEYWORDS})\b"), K)
        .r(&format!(r"\b({TYPES})\b"), KT)
        .r(&format!(r"{ID}(?=\s*[(])"), NF)
        .r(ID, N);
    b.state("class").mixin("whitespace").rpop(ID, NC);
    b.state("namespace")
        .mixin("whitespace")
        .rpop("(?=[(])", TEXT)
        .rpop(&format!("({ID}|[.])+"), NN);
    b.build()
}
