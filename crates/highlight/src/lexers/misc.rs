//! Smaller Rouge lexers: `protobuf` (alias `proto`), `ocaml`, `prolog` and `vhdl`.

use super::{lexer_def, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(protobuf, build_protobuf);
lexer_def!(ocaml, build_ocaml);
lexer_def!(prolog, build_prolog);
lexer_def!(vhdl, build_vhdl);

fn build_protobuf() -> Def {
    let mut b = Builder::new("protobuf");
    b.state("root")
        .r(r"[\s]+", TEXT)
        .r(r"[,;{}\[\]()]", P)
        .r(r"/(\\\n)?/($|(.|\n)*?[^\\]$)", C1)
        .r(r"/(\\\n)?\*(.|\n)*?\*(\\\n)?/", CM)
        .r(
            r"\b(ctype|default|extensions|import|max|oneof|option|optional|packed|repeated|required|returns|rpc|to)\b",
            K,
        )
        .r(
            r"\b(bool|bytes|double|fixed32|fixed64|float|int32|int64|sfixed32|sfixed64|sint32|sint64|string|uint32|uint64)\b",
            KT,
        )
        .r("true|false", KC)
        .gp(r"(package)(\s+)", &[KN, TEXT], "package")
        .gp(r"(message|extend)(\s+)", &[KD, TEXT], "message")
        .gp(r"(enum|group|service)(\s+)", &[KD, TEXT], "type")
        .r("\".*?\"", S)
        .r("'.*?'", S)
        .r(r"(\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+[LlUu]*", MF)
        .r(r"(\d+\.\d*|\.\d+|\d+[fF])[fF]?", MF)
        .r(r"(\-?(inf|nan))\b", MF)
        .r("0x[0-9a-fA-F]+[LlUu]*", MH)
        .r("0[0-7]+[LlUu]*", MO)
        .r(r"\d+[LlUu]*", MI)
        .r("[+-=]", O)
        .g(r"([a-zA-Z_][\w.]*)([ \t]*)(=)", &[NA, TEXT, O])
        .r(r"[a-zA-Z_][\w.]*", N);
    b.state("package").rpop(r"[a-zA-Z_]\w*", NN).rpop("", TEXT);
    b.state("message").rpop(r"[a-zA-Z_]\w*", NC).rpop("", TEXT);
    b.state("type").rpop(r"[a-zA-Z_]\w*", N).rpop("", TEXT);
    b.build()
}

const OCAML_KEYWORDS: &str = "as assert begin class constraint do done downto else end \
    exception external false for fun function functor if in include inherit initializer lazy \
    let module mutable new nonrec object of open rec sig struct then to true try type val \
    virtual when while with match raise";

fn build_ocaml() -> Def {
    let (kw, wops, prims) = (
        Words::new(OCAML_KEYWORDS),
        Words::new("and asr land lor lsl lxor mod or"),
        Words::new("unit int float bool string char list array"),
    );
    let op = r"[;,_!$%&*+./:<=>?@^|~#-]+";
    let id = r"(?i:[a-z_][\w']*)";
    let upper = r"[A-Z][\w']*";
    let mut b = Builder::new("ocaml");
    b.state("string")
        .r(r#"[^\\"]+"#, S2)
        .mixin("escape_sequence")
        .r(r"\\\n", S2)
        .rpop("\"", S2);
    b.state("escape_sequence")
        .r(r#"\\[\\"'ntbr]"#, SE)
        .r(r"\\\d{3}", SE)
        .r(r"\\x\h{2}", SE);
    b.state("dotted")
        .r(r"(?s)\s+", TEXT)
        .r("[.]", P)
        .r(&format!(r"{upper}(?=\s*[.])"), NN)
        .rpop(upper, NC)
        .rpop(id, N)
        .rpop(r"[({\[]", P);
    b.state("root")
        .r(r"(?s)\s+", TEXT)
        .r(r"false|true|[(][)]|\[\]", BP)
        .rp(&format!(r"{upper}(?=\s*[.])"), NN, "dotted")
        .r(&format!("`{id}"), NT)
        .r(upper, NC)
        .rp("[(][*](?![)])", C, "comment")
        .f(id, move |c| {
            let w = c.m0();
            let tok = if kw.has(w) {
                K
            } else if wops.has(w) {
                OW
            } else if prims.has(w) {
                KT
            } else {
                N
            };
            c.tok(tok);
        })
        .r(r"[(){}\[\];]+", P)
        .r(op, O)
        .r(r"(?i)-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)", MF)
        .r(r"(?i)0x\h[\h_]*", MH)
        .r("(?i)0o[0-7][0-7_]*", MO)
        .r("(?i)0b[01][01_]*", MB)
        .r(r"\d[\d_]*", MI)
        .r(r#"'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x\h{2}))'"#, SC)
        .r("'[.]'", SC)
        .r("'", K)
        .rp("\"", S2, "string")
        .r(&format!("[~?]{id}"), NV);
    b.state("comment")
        .r("[^(*)]+", C)
        .f("[(][*]", |c| {
            c.tok(C);
            c.push_self();
        })
        .rpop("[*][)]", C)
        .r("[(*)]", C);
    b.build()
}

/// Rouge's `prolog`: atoms as symbols, variables, `/* */` comments that
/// nest, and a `#` comment only on the first line.
fn build_prolog() -> Def {
    let mut b = Builder::new("prolog");
    b.start(|c| c.push("bol"));
    b.state("bol").r("#.*", C1).f("", |c| c.pop(1));
    b.state("basic")
        .r(r"\s+", TEXT)
        .r("%.*", C1)
        .rp(r"/\*", CM, "nested_comment")
        .r(r"[\[\](){}|.,;!]", P)
        .r(":-|-->", P)
        .r(r#""[^"]*""#, S2)
        .r(r"\d+\.\d+", MF)
        .r(r"\d+", M);
    b.state("atoms")
        .r(r"[[:lower:]]([[:word:]])*", SS)
        .r("'[^']*'", SS);
    b.state("operators")
        .r(r"(<|>|=<|>=|==|=:=|=|/|//|\*|\+|-)(?=\s|[a-zA-Z0-9\[])", O)
        .r("is", O)
        .r("(mod|div|not)", O)
        .r(r"[#&*+-./:<=>?@^~]+", O);
    b.state("variables")
        .r(r"[A-Z]+\w*", NV)
        .r(r"_[[:word:]]*", NV);
    b.state("root")
        .mixin("basic")
        .mixin("atoms")
        .mixin("variables")
        .mixin("operators");
    b.state("nested_comment")
        .rps(r"/\*", CM)
        .r(r"\s*\*[^*/]+", CM)
        .rpop(r"\*/", CM);
    b.build()
}

const VHDL_KEYWORDS: &str = "access after alias all architecture array assert assume \
    assume_guarantee attribute begin block body buffer bus case component configuration \
    constant context cover default disconnect downto else elsif end entity exit fairness file \
    for force function generate generic group guarded if impure in inertial inout is label \
    library linkage literal loop map new next null of on open others out package parameter \
    port postponed procedure process property protected pure range record register reject \
    release report return select sequence severity shared signal strong subtype then to \
    transport type unaffected units until use variable vmode vprop vunit wait when while with";
const VHDL_TYPES: &str = "bit bit_vector boolean boolean_vector character integer \
    integer_vector natural positive real real_vector severity_level signed std_logic \
    std_logic_vector std_ulogic std_ulogic_vector string unsigned time time_vector";
const VHDL_OPERATOR_WORDS: &str =
    "abs and mod nand nor not or rem rol ror sla sll sra srl xnor xor";

/// Rouge's `vhdl` (VHDL 2008): words are looked up lower-cased.
fn build_vhdl() -> Def {
    let (kw, types, ops) = (
        Words::new(VHDL_KEYWORDS),
        Words::new(VHDL_TYPES),
        Words::new(VHDL_OPERATOR_WORDS),
    );
    let id = "[a-zA-Z][a-zA-Z0-9_]*";
    let mut b = Builder::new("vhdl");
    b.state("whitespace")
        .r(r"\s+", TEXT)
        .r(r"\n", TEXT)
        .r("--.*$", C1);
    b.state("statements")
        .r(r"(?i)-?\d+", MI)
        .r(r"(?i)-?\d+[.]\d+", MF)
        .r(r#"(?i)[box]?"[^"]*""#, S1)
        .r("(?i)'[^']?'", SC)
        .r(&format!("(?i)'{id}"), NA)
        .r("[(),:;]", P)
        .r(r"(?i)(?:true|false|null)\b", NB)
        .f(id, move |c| {
            let w = c.m0().to_lowercase();
            let tok = if kw.has(&w) {
                K
            } else if types.has(&w) {
                KT
            } else if ops.has(&w) {
                OW
            } else {
                N
            };
            c.tok(tok);
        })
        .r(
            r"=>|[*][*]|:=|/=|>=|<=|<>|\?\?|\?=|\?/=|\?>|\?<|\?>=|\?<=|<<|>>|[#&'*+-./:<=>\?@^]",
            O,
        );
    b.state("root").mixin("whitespace").mixin("statements");
    b.build()
}
