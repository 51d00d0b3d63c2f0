//! Rouge's `kotlin` lexer.

use super::lexer_def;
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(kotlin, build);

const KEYWORDS: &str = "abstract|annotation|as|break|by|catch|class|companion|const|\
constructor|continue|crossinline|do|dynamic|else|enum|external|false|final|finally|for|fun|get|\
if|import|in|infix|inline|inner|interface|internal|is|lateinit|noinline|null|object|open|\
operator|out|override|package|private|protected|public|reified|return|sealed|set|super|\
suspend|tailrec|this|throw|true|try|typealias|typeof|val|var|vararg|when|where|while|yield";

fn build() -> Def {
    let name_chars = r"(?:[-_\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Nl}\p{Nd}\p{Pc}\p{Cf}\p{Mn}\p{Mc}]*)";
    let class_name = format!(r"(?:`?[\p{{Lu}}]{name_chars}`?)");
    let name = format!(r"(?:`?[_\p{{Lu}}\p{{Ll}}\p{{Lt}}\p{{Lm}}\p{{Nl}}]{name_chars}`?)");
    let dec = "(?:([0-9][0-9_]*[0-9])|[0-9])";
    let exponent = format!("(?:[eE][+-]?({dec}))");
    let double = format!(r"(?:(({dec})?\.{dec}({exponent})?)|({dec}{exponent}))");
    let mut b = Builder::new("kotlin");
    b.state("root")
        .g(r"\b(companion)(\s+)(object)\b", &[K, TEXT, K])
        .gp(
            r"\b(class|data\s+class|interface|object)(\s+)",
            &[KD, TEXT],
            "class",
        )
        .gp(r"\b(fun)(\s+)", &[K, TEXT], "function")
        .gp(r"\b(package|import)(\s+)", &[K, TEXT], "package")
        .gp(r"\b(val|var)(\s+)(\()", &[KD, TEXT, P], "destructure")
        .gp(r"\b(val|var)(\s+)", &[KD, TEXT], "property")
        .g(
            &format!(r"(return|continue|break|this|super)(@{name})?\b"),
            &[K, ND],
        )
        .r(r"\bfun\b", K)
        .r(&format!(r"\b(?:{KEYWORDS})\b"), K)
        .r(r"^\s*\[.*?\]", NA)
        .r(r"[^\S\n]+", TEXT)
        .r(r"\\\n", TEXT)
        .r("//.*?$", C1)
        .r("/[*].*[*]/", CM)
        .rp("/[*].*", CM, "comment")
        .r(r"\n", TEXT)
        .g("(::)(class)", &[O, K])
        .r(r"::|!!|\?[:.]", O)
        .r(r"(\.\.)", O)
        .r(&format!("({double}[fF]?)|({dec}[fF])"), MF)
        .r("0[bB]([01][01_]*[01]|[01])[uU]?L?", MB)
        .r(
            "0[xX]([0-9a-fA-F][0-9a-fA-F_]*[0-9a-fA-F]|[0-9a-fA-F])[uU]?L?",
            MH,
        )
        .r("(([1-9][0-9_]*[0-9])|[0-9])[uU]?L?", MI)
        .r(r"[~!%^&*()+=|\[\]:;,.<>/?-]", P)
        .r("[{}]", P)
        .r(r#"(?s)@"(""|[^"])*""#, S)
        .r(r#"(?s)""".*?""""#, S)
        .r(r#"(?s)"(\\\\|\\"|[^"\n])*["\n]"#, S)
        .r(r"'\\.'|'[^\\]'", SC)
        .r(&format!("(@{class_name})"), ND)
        .gp(
            &format!("({class_name})(<)"),
            &[NC, P],
            "generic_parameters",
        )
        .r(&class_name, NC)
        .r(&format!(r"({name})(?=\s*[({{])"), NF)
        .r(&format!("({name})@"), ND)
        .r(&name, N);
    b.state("package").rpop(r"\S+", NN);
    b.state("class").rpop(&class_name, NC);
    b.state("function")
        .rp("(<)", P, "generic_parameters")
        .r(r"(\s+)", TEXT)
        .g(&format!(r"({class_name})(\.)"), &[NC, P])
        .rpop(&name, NF);
    b.state("generic_parameters")
        .r(&class_name, NC)
        .rp("(<)", P, "generic_parameters")
        .r("(reified|out|in)", K)
        .r("([,:.?])", P)
        .r(r"(\s+)", TEXT)
        .rpop("(>)", P);
    b.state("property")
        .rp("(<)", P, "generic_parameters")
        .r(r"(\s+)", TEXT)
        .rpop(&name, PY);
    b.state("destructure")
        .r("(,)", P)
        .rpop(r"(\))", P)
        .r(r"(\s+)", TEXT)
        .r(&name, PY);
    b.state("comment")
        .rp("/[*]", CM, "comment")
        .rpop("[*]/", CM)
        .r("[^/*]+", CM)
        .r("[/*]", CM);
    b.build()
}
