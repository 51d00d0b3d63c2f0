//! Rouge's `julia` lexer (alias `jl`).

use super::julia_types::JULIA_TYPES;
use super::lexer_def;
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(julia, build);

// Rouge writes these with `/x`, which also drops the spaces inside
// `mutable struct`, `abstract type` and `for outer`.
const BUILTINS: &str = r"\b(?:true|false|missing|nothing|Inf|Inf16|Inf32|Inf64|NaN|NaN16|NaN32|NaN64|stdout|stderr|stdin|devnull|pi|π|ℯ|im|ARGS|C_NULL|ENV|ENDIAN_BOM|VERSION|undef|(LOAD|DEPOT)_PATH)\b";
const KEYWORDS: &str = r"\b(?:function|return|module|import|export|if|else|elseif|end|for|in|isa|while|try|catch|const|local|global|using|struct|mutablestruct|abstracttype|finally|begin|do|quote|macro|forouter|where)\b";
const OPERATORS: &str = r"\+|=|-|\*|/|\\|&|\||\$|~|\^|%|!|>>>|>>|<<|&&|\|\||\+=|-=|\*=|/=|\\=|÷=|%=|\^=|&=|\|=|\$=|>>>=|>>=|<<=|==|!=|≠|<=|≤|>=|≥|\.|::|<:|->|\?|\.\*|\.\^|\.\\|\./|\\|<|>|÷|>:|:|===|!==|=>";

fn build() -> Def {
    let types = format!(
        r"\b(?:{})\b",
        JULIA_TYPES.split_whitespace().collect::<Vec<_>>().join("|")
    );
    let mut b = Builder::new("julia");
    b.state("root")
        .r(r"\n", TEXT)
        .r(r"[^\S\n]+", TEXT)
        .rp("#=", CM, "blockcomment")
        .r("#.*$", C)
        .r(OPERATORS, O)
        .r(r"\\\n", TEXT)
        .r(r"\\", TEXT)
        .gp(r"(function|macro)((?:\s|\\\s)+)", &[K, NF], "funcname")
        .gp(
            r"((?:mutable )?struct|(?:abstract|primitive) type)((?:\s|\\\s)+)",
            &[K, NC],
            "typename",
        )
        .r(&types, KT)
        .r(r"(local|global|const)\b", KD)
        .r(KEYWORDS, K)
        .r(BUILTINS, NB)
        .r("`.*?`", SB)
        .r(
            r"'(\\.|\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,3}|\\u[a-fA-F0-9]{1,4}|\\U[a-fA-F0-9]{1,6}|[^\\'\n])'",
            SC,
        )
        // Rouge's lookbehind cannot see before the scan position, so this
        // transpose rule never matches there either.
        .r(r"(?<=[.\w)\]])'+", O)
        .rp("(?:[IL])\"", S, "string")
        .rp("[E]?\"", S, "string")
        .r(r"@[\w.]+", ND)
        .r(
            r"(?:[a-zA-Z_\u00A1-\uffff]|[\u1000-\u10ff])(?:[a-zA-Z_0-9\u00A1-\uffff]|[\u1000-\u10ff])*!*",
            N,
        )
        .r(r"[\[\]{}\(\),;]", OTHER)
        .r(r"(\d+(_\d+)+\.\d*|\d*\.\d+(_\d+)+)([eEf][+-]?[0-9]+)?", MF)
        .r(r"(\d+\.\d*|\d*\.\d+)([eEf][+-]?[0-9]+)?", MF)
        .r(r"\d+(_\d+)+[eEf][+-]?[0-9]+", MF)
        .r(r"\d+[eEf][+-]?[0-9]+", MF)
        .r("0b[01]+(_[01]+)+", MB)
        .r("0b[01]+", MB)
        .r("0o[0-7]+(_[0-7]+)+", MO)
        .r("0o[0-7]+", MO)
        .r("0x[a-fA-F0-9]+(_[a-fA-F0-9]+)+", MH)
        .r("0x[a-fA-F0-9]+", MH)
        .r(r"\d+(_\d+)+", MI)
        .r(r"\d+", MI);
    b.state("funcname")
        .rpop(r"[\p{L}\p{Nl}\p{S}_][\p{Word}\p{S}\p{Po}!]*", NF)
        .rpop(r"\([^\s\w{]{1,2}\)", O)
        .rpop(r"[^\s\w{]{1,2}", O);
    b.state("typename")
        .rpop(r"[\p{L}\p{Nl}\p{S}_][\p{Word}\p{S}\p{Po}!]*", NC);
    b.state("stringescape").r(
        r#"\\([\\abfnrtv"']|\n|N\{.*?\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})"#,
        SE,
    );
    b.state("blockcomment")
        .r("[^=#]", CM)
        .rp("#=", CM, "blockcomment")
        .rpop("=#", CM)
        .r("[=#]", CM);
    b.state("string")
        .mixin("stringescape")
        .rpop("\"", S)
        .r(r#"\\\\|\\"|\\\n"#, SE)
        .r(r"\$(\(\w+\))?[-#0 +]*([0-9]+|[*])?(\.([0-9]+|[*]))?", SI)
        .r(r#"[^\\"$]+"#, S)
        .r(r#"["\\]"#, S)
        .r(r"\$", S);
    b.build()
}
