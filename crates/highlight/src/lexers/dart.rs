//! Rouge's `dart` lexer.

use super::lexer_def;
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(dart, build);

const KEYWORDS: &str = "as|assert|await|break|case|catch|continue|default|do|else|finally|for|\
if|in|is|new|rethrow|return|super|switch|this|throw|try|while|with|yield";
const DECLARATIONS: &str = "abstract|async|dynamic|const|covariant|external|extends|factory|\
final|get|implements|late|native|on|operator|required|set|static|sync|typedef|var";
const TYPES: &str = "bool|Comparable|double|Dynamic|enum|Function|int|List|Map|Never|Null|num|\
Object|Pattern|Set|String|Symbol|Type|Uri|void";
const IMPORTS: &str = r"import|deferred|export|library|part\s*of|part|source";

fn build() -> Def {
    let id = "[a-zA-Z_][0-9A-Za-z_]*";
    let mut b = Builder::new("dart");
    b.state("root")
        .f(
            r"^(\s*(?:[a-zA-Z_][a-zA-Z\d_.\[\]]*\s+)+?)([a-zA-Z_]\w*)(\s*)(\()",
            |c| {
                let (a, name, ws, paren) = (c.m(1), c.m(2), c.m(3), c.m(4));
                c.delegate_fresh(dart(), a);
                c.token(NF, name);
                c.token(TEXT, ws);
                c.token(P, paren);
            },
        )
        .r(r"\s+", TEXT)
        .r("//.*?$", C1)
        .r(r"(?s)/\*.*?\*/", CM)
        .rp("\"", S, "dqs")
        .rp("'", S, "sqs")
        .r("r\"[^\"]*\"", SX)
        .r("r'[^']*'", SX)
        .r(&format!("(?i)#{id}*"), SS)
        .r(&format!("@{id}"), ND)
        .r(&format!(r"(?:{KEYWORDS})\b"), K)
        .r(&format!(r"(?:{DECLARATIONS})\b"), KD)
        .r(&format!(r"(?:{TYPES})\b"), KT)
        .r(r"(?:true|false|null)\b", KC)
        .rp(r"(?:class|interface|mixin)\b", KD, "class")
        .rp(&format!(r"(?:{IMPORTS})\b"), KN, "import")
        .g(&format!(r"(\.)({id})"), &[O, NA])
        .r(&format!("{id}:"), NL)
        .r(&format!(r"\$?{id}"), N)
        .r(r"[~^*!%&\|+=:/?-]", O)
        .r(r"[\[\](){}<>\.,;]", P)
        .r(r"\d*\.\d+([eE]\-?\d+)?", MF)
        .r(r"0x[\da-fA-F]+", MH)
        .r(r"\d+L?", MI)
        .r(r"\n", TEXT);
    b.state("class").r(r"(?s)\s+", TEXT).rpop(id, NC);
    b.state("dqs")
        .rpop("\"", S)
        .r(r#"[^\\\$"]+"#, S)
        .mixin("string");
    b.state("sqs")
        .rpop("'", S)
        .r(r"[^\\\$']+", S)
        .mixin("string");
    b.state("import")
        .rpop(";", O)
        .r(r"(?:show|hide)\b", KD)
        .mixin("root");
    b.state("string")
        .mixin("interpolation")
        .r(r#"\\[nrt"'\\]"#, SE);
    b.state("interpolation")
        .r(&format!(r"\${id}"), SI)
        .r(r"\$\{[^\}]+\}", SI);
    b.build()
}
