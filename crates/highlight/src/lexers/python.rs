//! Python, as Rouge's `python` lexer (alias `py`) tokenizes it.

use super::{lexer_def, TokWords};
use crate::engine::{Builder, Ctx, Def};
use crate::token::*;

lexer_def!(def, build);

const KEYWORDS: &str = "assert break continue del elif else except exec finally for global if \
    lambda pass print raise return try while yield as with from import async await nonlocal";
const BUILTINS: &str = "__import__ abs all any apply ascii basestring bin bool buffer bytearray \
    bytes callable chr classmethod cmp coerce compile complex delattr dict dir divmod enumerate \
    eval execfile exit file filter float format frozenset getattr globals hasattr hash hex id \
    input int intern isinstance issubclass iter len list locals long map max memoryview min next \
    object oct open ord pow property range raw_input reduce reload repr reversed round set \
    setattr slice sorted staticmethod str sum super tuple type unichr unicode vars xrange zip";
const PSEUDO: &str = "self None Ellipsis NotImplemented False True";
const EXCEPTIONS: &str = "ArithmeticError AssertionError AttributeError BaseException \
    BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError \
    ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError \
    DeprecationWarning EOFError EnvironmentError Exception FileExistsError FileNotFoundError \
    FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning \
    IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt \
    LookupError MemoryError ModuleNotFoundError NameError NotADirectoryError NotImplemented \
    NotImplementedError OSError OverflowError OverflowWarning PendingDeprecationWarning \
    ProcessLookupError RecursionError ReferenceError ResourceWarning RuntimeError \
    RuntimeWarning StandardError StopAsyncIteration StopIteration SyntaxError SyntaxWarning \
    SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError UnicodeDecodeError \
    UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError \
    VMSError Warning WindowsError ZeroDivisionError";

const IDENT: &str = r"[[:alpha:]_][[:alnum:]_]*";
const DOTTED: &str = r"[[:alpha:]_.][[:alnum:]_.]*";
const DIGITS: &str = r"[0-9](?:_?[0-9])*";

/// The innermost open string: its prefix letters and delimiter.
fn current<'c>(c: &'c Ctx<'_>) -> (&'c str, &'c str) {
    c.lx.strs
        .last()
        .and_then(|s| s.split_once('\0'))
        .unwrap_or(("", ""))
}

fn build() -> Def {
    // Rouge's order of tests: keywords, then exceptions and builtins,
    // then pseudo-builtins.
    let words = TokWords::new(&[
        (KEYWORDS, K),
        (EXCEPTIONS, NB),
        (BUILTINS, NB),
        (PSEUDO, BP),
    ]);
    let decimal = format!(r"(?:(?:{DIGITS})?\.{DIGITS}|{DIGITS}\.)");
    let exponent = format!(r"e[+-]?{DIGITS}");
    let mut b = Builder::new("python");
    b.state("root")
        .r(r"\n+", TEXT)
        .g(r#"(?si)^(:)(\s*)([ru]{,2}""".*?""")"#, &[P, TEXT, SD])
        .r(r"[^\S\n]+", TEXT)
        .r(r"#(.*)?\n?", C1)
        .r(r"[\[\]{}:(),;.]", P)
        .r(r"\\\n", TEXT)
        .r(r"\\", TEXT)
        .r(r"(in|is|and|or|not)\b", OW)
        .r(r"(<<|>>|//|\*\*)=?", O)
        .r(r"[-~+/*%=<>&^|@]=?|!=", O)
        .g(
            &format!(r"(from)((?:\\\s|\s)+)({DOTTED})((?:\\\s|\s)+)(import)"),
            &[KN, TEXT, NN, TEXT, KN],
        )
        .g(&format!(r"(import)(\s+)({DOTTED})"), &[KN, TEXT, NN])
        .gp(r"(def)((?:\s|\\\s)+)", &[K, TEXT], "funcname")
        .gp(r"(class)((?:\s|\\\s)+)", &[K, TEXT], "classname")
        .r(r"`.*?`", SB)
        .f(r#"(?i)([rfbu]{0,2})('''|"""|['"])"#, |c| {
            c.groups(&[SA, S]);
            let reg = format!("{}\0{}", c.m(1).to_lowercase(), c.m(2));
            c.lx.strs.push(reg);
            c.push("generic_string");
        })
        .r(&format!(r"(?i)@{DOTTED}"), ND)
        .f(&format!(r"(?<!\.){IDENT}"), move |c| {
            let tok = words.get(c.m0()).unwrap_or(N);
            c.tok(tok);
        })
        .r(IDENT, N)
        .r(&format!(r"(?i){decimal}(?:{exponent})?j?"), MF)
        .r(&format!(r"(?i){DIGITS}{exponent}j?"), MF)
        .r(&format!(r"(?i){DIGITS}j"), MF)
        .r(r"(?i)0b(_?[0-1])+", MB)
        .r(r"(?i)0o(_?[0-7])+", MO)
        .r(r"(?i)0x(_?[a-f0-9])+", MH)
        .r(r"\d+L", IL)
        .r(r"([1-9](_?[0-9])*|0(_?0)*)", MI);
    b.state("funcname").rpop(IDENT, NF);
    b.state("classname").rpop(IDENT, NC);
    b.state("generic_string")
        .r(r#"[^'"\\{]+"#, S)
        .r(r"\{\{", S)
        .f(r#"'''|"""|['"]"#, |c| {
            c.tok(S);
            if current(c).1 == c.m0() {
                c.lx.strs.pop();
                c.pop(1);
            }
        })
        .rp(r"(?=\\)", S, "generic_escape")
        .f(r"\{", |c| {
            if current(c).0.contains('f') {
                c.tok(SI);
                c.push("generic_interpol");
            } else {
                c.tok(S);
            }
        });
    b.state("generic_escape")
        .f(
            r#"(?x)\\
              ( [\\abfnrtv"']
              | \n
              | newline
              | N\{[a-zA-Z][a-zA-Z ]+[a-zA-Z]\}
              | u[a-fA-F0-9]{4}
              | U[a-fA-F0-9]{8}
              | x[a-fA-F0-9]{2}
              | [0-7]{1,3}
              )"#,
            |c| {
                let tok = if current(c).0.contains('r') { S } else { SE };
                c.tok(tok);
                c.pop(1);
            },
        )
        .rpop(r"\\.", S);
    b.state("generic_interpol")
        .f(r"[^{}!:]+", |c| {
            let t = c.m0();
            c.recurse(t);
        })
        .r(r"![asr]", SI)
        .r(r":", SI)
        .rp(r"\{", SI, "generic_interpol")
        .rpop(r"\}", SI);
    b.build()
}
