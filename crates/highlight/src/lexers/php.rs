//! Rouge's `php` lexer (aliases `php3`, `php4`, `php5`): PHP inside HTML,
//! or inline PHP when the text does not start with markup.

use std::sync::OnceLock;

use super::php_builtins::PHP_BUILTINS;
use super::{lexer_def, markup, Words};
use crate::engine::{Builder, Ctx, Def};
use crate::re::Re;
use crate::token::*;

lexer_def!(php, build);

const KEYWORDS: &str = "old_function cfunction __class__ __dir__ __file__ __function__ \
    __halt_compiler __line__ __method__ __namespace__ __trait__ abstract and array as break case \
    catch clone continue declare default die do echo else elseif empty enddeclare endfor \
    endforeach endif endswitch endwhile eval exit extends final finally fn for foreach global \
    goto if implements include include_once instanceof insteadof isset list match new or parent \
    print private protected public readonly require require_once return self static switch throw \
    try unset var while xor yield";

const ID: &str = r"(?:[\p{L}_][\p{L}\p{N}_]*)";

fn words() -> &'static (Words, Words) {
    static W: OnceLock<(Words, Words)> = OnceLock::new();
    W.get_or_init(|| (Words::new(KEYWORDS), Words::new(PHP_BUILTINS)))
}

/// The name shapes Rouge tests with `=~` in its `names` state.
fn shapes() -> &'static [Re; 4] {
    static S: OnceLock<[Re; 4]> = OnceLock::new();
    S.get_or_init(|| {
        let re = |p: &str| Re::new(p).unwrap_or_else(|e| panic!("{e}"));
        [
            re(r"^__.*?__$"),
            re(r"^(E|PHP)(_[[:upper:]]+)+$"),
            re(r"(?s).*?(\\|^)[[:upper:]][[[:upper:]][[:digit:]]_]+$"),
            re(r"(?s).*?(\\|^)[[:upper:]][[:alnum:]]*?$"),
        ]
    })
}

fn name_token(c: &mut Ctx<'_>) {
    let w = c.m0();
    let name = w.to_lowercase();
    let (kw, _) = words();
    match name.as_str() {
        "use" => {
            c.push("in_use");
            c.tok(KN);
        }
        "const" => {
            c.push("in_const");
            c.tok(K);
        }
        "catch" => {
            c.push("in_catch");
            c.tok(K);
        }
        "public" | "protected" | "private" => {
            c.push("in_visibility");
            c.tok(K);
        }
        // Rouge compares the downcased name with "stdClass", which never
        // matches, so `stdClass` is classified by its shape like any name.
        _ if kw.has(&name) => c.tok(K),
        _ => {
            let s = shapes();
            let tok = if s[0].match_at_start(w, false).is_some() {
                NB
            } else if s[1].match_at_start(w, false).is_some() {
                KC
            } else if s[2].match_at_start(w, false).is_some() {
                NO
            } else if s[3].match_at_start(w, false).is_some() {
                NC
            } else {
                N
            };
            c.tok(tok);
        }
    }
}

fn build() -> Def {
    let ns = format!(r"(?:{ID}\\)+");
    let id_ns = format!("(?:(?:{ns})?{ID})");
    let mut b = Builder::new("php");
    b.start(|c| {
        c.reset_sub(markup::html);
        c.push("start");
    });
    b.state("escape").f(r"\?>", |c| {
        c.tok(CP);
        c.reset_stack();
    });
    b.state("return").rpop("", TEXT);
    b.state("start")
        .f(r"(?s)\s*(?=<)", |c| {
            let t = c.m0();
            c.delegate(markup::html, t);
            c.pop(1);
        })
        .f(r"(?i)[^$]+(?=<\?(php|=))", |c| {
            let t = c.m0();
            c.delegate(markup::html, t);
            c.pop(1);
        })
        .f("", |c| c.goto("php"));
    b.state("names")
        .f(&format!(r"{id_ns}(?=\s*\()"), |c| {
            let name = c.m0().to_lowercase();
            let (kw, bi) = words();
            let tok = if kw.has(&name) {
                K
            } else if bi.has(&name) {
                NB
            } else {
                NF
            };
            c.tok(tok);
        })
        .f(&id_ns, name_token);
    b.state("operators").r(r"[~!%^&*+\|:.<>/@-]+", O);
    b.state("string")
        .rpop("\"", S2)
        .r(r#"[^\\{$"]+"#, S2)
        .r(r"\\u\{[0-9a-fA-F]+\}", SE)
        .r(r#"\\([efrntv"$\\]|[0-7]{1,3}|[xX][0-9a-fA-F]{1,2})"#, SE)
        .r(&format!(r"\${ID}(\[\S+\]|->{ID})?"), NV)
        .rp(r"\{\$\{", SI, "string_interp_double")
        .rp(r"\{(?=\$)", SI, "string_interp_single")
        .g(r"(\{)(\S+)(\})", &[SI, NV, SI])
        .r(r"[${\\]+", S2);
    b.state("string_interp_double")
        .rpop(r"\}\}", SI)
        .mixin("php");
    b.state("string_interp_single").rpop(r"\}", SI).mixin("php");
    b.state("values")
        .r(&format!(r#"(?is)<<<(["']?)({ID})\1\n.*?\n\s*\2;?"#), SH)
        .r(r"(?i)(\d[_\d]*)?\.(\d[_\d]*)?(e[+-]?\d[_\d]*)?", MF)
        .r("0[0-7][0-7_]*", MO)
        .r("(?i)0b[01][01_]*", MB)
        .r("(?i)0x[a-f0-9][a-f0-9_]*", MH)
        .r(r"\d[_\d]*", MI)
        .r(r"'([^'\\]*(?:\\.[^'\\]*)*)'", S1)
        .r(r"`([^`\\]*(?:\\.[^`\\]*)*)`", SB)
        .rp("\"", S2, "string")
        .f(r"(?i)(function|fn)\b", |c| {
            c.push("in_function_return");
            c.push("in_function_params");
            c.push("in_function_name");
            c.tok(K);
        })
        .r(r"(?i)(true|false|null)\b", KC)
        .rp(r"(?i)new\b", K, "in_new");
    b.state("variables")
        .r(&format!(r"\$\{{\$+{ID}\}}"), NV)
        .r(&format!(r"\$+{ID}"), NV);
    b.state("whitespace")
        .r(r"\s+", TEXT)
        .r("#.*?$", C1)
        .r("//.*?$", C1)
        .r(r"(?s)/\*\*(?!/).*?\*/", CD)
        .r(r"(?s)/\*.*?\*/", CM);
    b.state("root")
        .rp(r"(?i)<\?(php|=)?", CP, "php")
        .f(r"(?s).*?(?=<\?)|.*", |c| {
            let t = c.m0();
            c.delegate(markup::html, t);
        });
    b.state("php")
        .mixin("escape")
        .mixin("whitespace")
        .mixin("variables")
        .mixin("values")
        .g(&format!(r"(?i)(namespace)(\s+)({id_ns})"), &[KN, TEXT, NN])
        .g(
            &format!(r"(?i)(class|interface|trait|extends|implements)(\s+)({id_ns})"),
            &[KD, TEXT, NC],
        )
        .mixin("names")
        .r(r"[;,\(\)\{\}\[\]]", P)
        .mixin("operators")
        .r("[=?]", O);
    b.state("in_assign")
        .rpop(",", P)
        .r(r"[\[\]]", P)
        .rp(r"\(", P, "in_assign_function")
        .mixin("escape")
        .mixin("whitespace")
        .mixin("values")
        .mixin("variables")
        .mixin("names")
        .mixin("operators")
        .mixin("return");
    b.state("in_assign_function")
        .rpop(r"\)", P)
        .r(",", P)
        .mixin("in_assign");
    b.state("in_catch")
        .r(r"\(", P)
        .r(r"\|", O)
        .r(ID, NC)
        .mixin("escape")
        .mixin("whitespace")
        .mixin("return");
    b.state("in_const")
        .r(ID, NO)
        .rp("=", O, "in_assign")
        .mixin("escape")
        .mixin("whitespace")
        .mixin("return");
    b.state("in_function_body")
        .rps(r"\{", P)
        .rpop(r"\}", P)
        .mixin("php");
    b.state("in_function_name")
        .r("&", O)
        .r(ID, N)
        .rpop(r"\(", P)
        .mixin("escape")
        .mixin("whitespace")
        .mixin("return");
    b.state("in_function_params")
        .rpop(r"\)", P)
        .r(",", P)
        .r("[.]{3}", P)
        .rp("=", O, "in_assign")
        .r(r"(?i)\b(?:public|protected|private|readonly)\b", K)
        .rp(&format!(r"\??{ID}"), KT, "in_assign")
        .mixin("escape")
        .mixin("whitespace")
        .mixin("variables")
        .mixin("return");
    b.state("in_function_return")
        .r(":", P)
        .rp(r"(?i)use\b", K, "in_function_use")
        .rp(&format!(r"\??{ID}"), KT, "in_assign")
        .rg(r"\{", P, "in_function_body")
        .mixin("escape")
        .mixin("whitespace")
        .mixin("return");
    b.state("in_function_use")
        .r(r"[,\(]", P)
        .r("&", O)
        .rpop(r"\)", P)
        .mixin("escape")
        .mixin("whitespace")
        .mixin("variables")
        .mixin("return");
    b.state("in_new")
        .rg(r"(?i)class\b", KD, "in_new_class")
        .rpop(&id_ns, NC)
        .mixin("escape")
        .mixin("whitespace")
        .mixin("return");
    b.state("in_new_class")
        .rpop(r"\}", P)
        .r(r"\{", P)
        .mixin("php");
    b.state("in_use")
        .r(r"[,\}]", P)
        .r(r"(?i)(function|const)\b", K)
        .g(&format!(r"({ns})(\{{)"), &[NN, P])
        .r(&format!("{id_ns}(_{ID})+"), NF)
        .mixin("escape")
        .mixin("whitespace")
        .mixin("names")
        .mixin("return");
    b.state("in_visibility")
        .r(r"(?i)\b(?:readonly|static)\b", K)
        .rpop(r"(?i)(?=(abstract|const|function)\b)", K)
        .rpop(&format!(r"\??{ID}"), KT)
        .mixin("escape")
        .mixin("whitespace")
        .mixin("return");
    b.build()
}
