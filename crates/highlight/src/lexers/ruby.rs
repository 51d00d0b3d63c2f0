//! Rouge's `ruby` lexer (alias `rb`): heredocs, `%`-literals with any
//! delimiter, interpolation and the expression-start tracking that tells a
//! regex from a division.

use std::sync::OnceLock;

use super::lexer_def;
use crate::engine::{Builder, Ctx, Def};
use crate::re::Re;
use crate::token::*;

lexer_def!(ruby, build);

const KEYWORDS: &str = "BEGIN|END|alias|begin|break|case|defined\\?|do|else|elsif|end|ensure|for|\
if|in|next|redo|rescue|raise|retry|return|super|then|undef|unless|until|when|while|yield";
const PSEUDO: &str = "loop|include|extend|raise|alias_method|attr|catch|throw|private|\
module_function|public|protected|true|false|nil|__FILE__|__LINE__";
const BUILTINS_G: &str = "attr_reader|attr_writer|attr_accessor|__id__|__send__|abort|\
ancestors|at_exit|autoload|binding|callcc|caller|catch|chomp|chop|class_eval|class_variables|\
clone|const_defined\\?|const_get|const_missing|const_set|constants|display|dup|eval|exec|exit|\
extend|fail|fork|format|freeze|getc|gets|global_variables|gsub|hash|id|included_modules|\
inspect|instance_eval|instance_method|instance_methods|instance_variable_get|\
instance_variable_set|instance_variables|lambda|load|local_variables|loop|method|\
method_missing|methods|module_eval|name|object_id|open|p|print|printf|private_class_method|\
private_instance_methods|private_methods|proc|protected_instance_methods|protected_methods|\
public_class_method|public_instance_methods|public_methods|putc|puts|raise|rand|readline|\
readlines|require|require_relative|scan|select|self|send|set_trace_func|singleton_methods|\
sleep|split|sprintf|srand|sub|syscall|system|taint|test|throw|to_a|to_s|trace_var|trap|\
untaint|untrace_var|warn";
const BUILTINS_Q: &str = "autoload|block_given|const_defined|eql|equal|frozen|include|\
instance_of|is_a|iterator|kind_of|method_defined|nil|private_method_defined|\
protected_method_defined|public_method_defined|respond_to|tainted";

fn ruby_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r' | '\0')
}

/// The innermost open `%`-literal: its token, whether it interpolates, and
/// its opening and closing delimiters.
struct Sigil {
    tok: Tok,
    interp: bool,
    open: char,
    close: char,
}

fn sigil_top(c: &Ctx<'_>) -> Option<Sigil> {
    let s = c.lx.stacks.get("sigil")?.last()?;
    let mut it = s.chars();
    Some(Sigil {
        tok: if it.next()? == 'r' { SR } else { SX },
        interp: it.next()? == '1',
        open: it.next()?,
        close: it.next()?,
    })
}

fn intp_res() -> &'static [Re; 3] {
    static RES: OnceLock<[Re; 3]> = OnceLock::new();
    RES.get_or_init(|| {
        let re = |p: &str| Re::new(p).unwrap_or_else(|e| panic!("{e}"));
        [
            re(r"(?i)#(@@?|\$)[a-z_]\w*"),
            re(r#"\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})"#),
            re(r"\\."),
        ]
    })
}

/// One step inside a `%`-literal, as the anonymous state Rouge builds for
/// its delimiters.
fn sigil_step(c: &mut Ctx<'_>) {
    let Some(sg) = sigil_top(c) else {
        c.reject();
        return;
    };
    let rest = c.rest();
    let special = |ch: char| ch == '#' || ch == sg.open || ch == sg.close || ch == '\\';
    // `uniq_chars` is emptied for `%#…#`, but `#` is in the class anyway.
    let mut chars = rest.chars();
    let first = chars.next().unwrap_or('\0');
    if first == '\\' {
        if let Some(n) = chars.next().filter(|&n| special(n)) {
            let len = 1 + n.len_utf8();
            c.token(SE, &rest[..len]);
            c.set_len(len);
            return;
        }
    }
    if sg.open != sg.close && first == sg.open {
        c.token(sg.tok, &rest[..first.len_utf8()]);
        c.set_len(first.len_utf8());
        let top = c.lx.stacks.get("sigil").and_then(|s| s.last().cloned());
        if let Some(top) = top {
            c.lx.stacks.entry("sigil").or_default().push(top);
        }
        c.push_self();
        return;
    }
    if first == sg.close {
        c.token(sg.tok, &rest[..first.len_utf8()]);
        c.set_len(first.len_utf8());
        if let Some(s) = c.lx.stacks.get_mut("sigil") {
            s.pop();
        }
        c.pop(1);
        return;
    }
    if sg.interp {
        if rest.starts_with("#{") {
            c.token(SI, "#{");
            c.set_len(2);
            c.push("in_interp");
            return;
        }
        let res = intp_res();
        for (re, tok) in res.iter().zip([SI, SE, SE]) {
            if let Some(sp) = re.match_at_start(rest, false) {
                let len = sp[0].map_or(0, |(_, e)| e);
                c.token(tok, &rest[..len]);
                c.set_len(len);
                return;
            }
        }
        if first == '#' {
            c.token(sg.tok, "#");
            c.set_len(1);
            return;
        }
    } else if first == '\\' || first == '#' {
        c.token(sg.tok, &rest[..1]);
        c.set_len(1);
        return;
    }
    let len = rest.find(special).unwrap_or(rest.len());
    if len == 0 {
        c.reject();
        return;
    }
    c.token(sg.tok, &rest[..len]);
    c.set_len(len);
}

fn build() -> Def {
    let mut b = Builder::new("ruby");
    b.start(|c| c.push("expr_start"));
    b.state("symbols")
        .r(r"(?i):@{0,2}[a-z_]\w*[!?]?", SS)
        .r(
            r":(?:\*\*|[-+]@|[/\%&\|^`~]|\[\]=?|<<|>>|<=?>|<=?|===?)",
            SS,
        )
        .r(r":'(\\\\|\\'|[^'])*'", SS)
        .rp(":\"", SS, "simple_sym");
    b.state("sigil_strings")
        .f(r"%([rqswQWxiI])?([^\w\s])", |c| {
            let (kind, open) = (c.m(1), c.m(2));
            let open_ch = open.chars().next().unwrap_or('%');
            let close_ch = match open_ch {
                '{' => '}',
                '[' => ']',
                '(' => ')',
                '<' => '>',
                ch => ch,
            };
            let interp = matches!(kind, "r" | "Q" | "W" | "x" | "I");
            let tok = if kind == "r" { SR } else { SX };
            if kind == "r" {
                c.push("regex_flags");
            }
            c.tok(tok);
            let params = format!(
                "{}{}{open_ch}{close_ch}",
                if kind == "r" { 'r' } else { 'x' },
                if interp { '1' } else { '0' }
            );
            c.lx.stacks.entry("sigil").or_default().push(params);
            c.push("sigil");
        });
    b.state("sigil").f(r"(?s).", sigil_step);
    b.state("strings")
        .mixin("symbols")
        .rp(r"\b[a-z_]\w*?[?!]?:\s+", SS, "expr_start")
        .r(r"'(\\\\|\\'|[^'])*'", S1)
        .rp("\"", S2, "simple_string")
        .rp(r"(?<!\.)`", SB, "simple_backtick");
    b.state("regex_flags").rpop("[mixounse]*", SR);
    for (name, tok, fin) in [
        ("simple_string", S2, "\""),
        ("simple_sym", SS, "\""),
        ("simple_backtick", SB, "`"),
    ] {
        b.state(name)
            .mixin("string_intp_escaped")
            .r(&format!(r"(?s)[^\\{fin}#]+"), tok)
            .r(r"[\\#]", tok)
            .rpop(fin, tok);
    }
    b.state("whitespace")
        .mixin("inline_whitespace")
        .rp(r"(?s)\n\s*", TEXT, "expr_start")
        .r("#.*$", C1)
        .r(r"(?s)=begin\b.*?\n=end\b", CM);
    b.state("inline_whitespace").r(r"[ \t\r]+", TEXT);
    let decimal = r"(?:[\d]+(?:_\d+)*)";
    let exp = r"(?i:e[+-]?\d+)";
    b.state("root")
        .mixin("whitespace")
        .rp("__END__", CP, "end_part")
        .r("0_?[0-7]+(?:_[0-7]+)*", MO)
        .r("0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*", MH)
        .r("0b[01]+(?:_[01]+)*", MB)
        .r(&format!(r"{decimal}(?:\.{decimal}{exp}?|{exp})"), MF)
        .r(decimal, MI)
        .r(r"(?i)@@[a-z_]\w*", VC)
        .r(r"(?i)@[a-z_]\w*", VI)
        .r(r"\$\w+", VG)
        .r(r#"\$[!@&`'+~=/\\,;.<>_*\$?:"]"#, VG)
        .r(r"\$-[0adFiIlpvw]", VG)
        .r("::", O)
        .mixin("strings")
        .rp(&format!(r"(?:{KEYWORDS})(?=\W|$)"), K, "expr_start")
        .rp(&format!(r"(?:{PSEUDO})\b"), KP, "expr_start")
        .g(
            r"(module)(\s+)([a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*)",
            &[K, TEXT, NN],
        )
        .gp(r"(def\b)(\s*)", &[K, TEXT], "funcname")
        .gp(r"(class\b)(\s*)", &[K, TEXT], "classname")
        .rp(&format!("(?:{BUILTINS_Q})[?]"), NB, "expr_start")
        .rp("(?:chomp|chop|exit|gsub|sub)!", NB, "expr_start")
        .rp(&format!(r"(?<!\.)(?:{BUILTINS_G})\b"), NB, "method_call")
        .mixin("has_heredocs")
        .rp(r"\.{2,3}", O, "expr_start")
        .rp("[A-Z][a-zA-Z0-9_]*", NO, "method_call")
        .gp(
            r"(\.|::)(\s*)([a-z_]\w*[!?]?|[*%&^`~+-/\[<>=])",
            &[P, TEXT, NF],
            "method_call",
        )
        .rp(r"[a-zA-Z_]\w*[?!]", N, "expr_start")
        .rp(r"[a-zA-Z_]\w*", N, "method_call")
        .rp(
            r"\*\*|<<?|>>?|>=|<=|<=>|=~|={3}|!~|&&?|\|\||\.",
            O,
            "expr_start",
        )
        .rp(r"[-+/*%=<>&!^|~]=?", O, "expr_start")
        .f("[?]", |c| {
            c.tok(P);
            c.push("ternary");
            c.push("expr_start");
        })
        .rp(r"[\[({,:\\;/]", P, "expr_start")
        .r(r"[\])}]", P);
    b.state("has_heredocs")
        .f(r#"(?<!\w)(<<[-~]?)(["`']?)([a-zA-Z_]\w*)(\2)"#, |c| {
            let (op, q1, name, q2) = (c.m(1), c.m(2), c.m(3), c.m(4));
            c.token(O, op);
            c.token(NO, &format!("{q1}{name}{q2}"));
            let tolerant = if op == "<<-" || op == "<<~" { '1' } else { '0' };
            c.lx.stacks
                .entry("heredoc")
                .or_default()
                .push(format!("{tolerant}{name}"));
            if !c.state_is("heredoc_queue") {
                c.push("heredoc_queue");
            }
        })
        .f(r#"(<<[-~]?)(["'])(\2)"#, |c| {
            let (op, q1, q2) = (c.m(1), c.m(2), c.m(3));
            c.token(O, op);
            c.token(NO, &format!("{q1}{q2}"));
            let tolerant = if op == "<<-" || op == "<<~" { '1' } else { '0' };
            c.lx.stacks
                .entry("heredoc")
                .or_default()
                .push(tolerant.to_string());
            if !c.state_is("heredoc_queue") {
                c.push("heredoc_queue");
            }
        });
    b.state("heredoc_queue")
        .f(r"(?=\n)", |c| c.goto("resolve_heredocs"))
        .mixin("root");
    b.state("resolve_heredocs")
        .mixin("string_intp_escaped")
        .rp(r"\n", SH, "test_heredoc")
        .r(r"[#\\\n]", SH)
        .r(r"[^#\\\n]+", SH);
    b.state("test_heredoc")
        .f(r"[^#\\\n]*$", |c| {
            let m = c.m0();
            let first =
                c.lx.stacks
                    .get("heredoc")
                    .and_then(|q| q.first().cloned())
                    .unwrap_or_default();
            let (tolerant, name) = first.split_at(first.len().min(1));
            let check = if tolerant == "1" {
                m.trim_matches(ruby_ws)
            } else {
                m.trim_end_matches(ruby_ws)
            };
            if check == name {
                let q = c.lx.stacks.entry("heredoc").or_default();
                if !q.is_empty() {
                    q.remove(0);
                }
                if q.is_empty() {
                    c.pop(1);
                }
                c.tok(NO);
            } else {
                c.tok(SH);
            }
            c.pop(1);
        })
        .rpop("", TEXT);
    b.state("funcname")
        .r(r"\s+", TEXT)
        .rp(r"\(", P, "defexpr")
        .gpop(
            r"(?:([a-zA-Z_]\w*)(\.))?([a-zA-Z_]\w*[!?]?|\*\*?|[-+]@?|[/%&\|^`~]|\[\]=?|<<?|>>?|<=>?|>=|===?)",
            &[NC, O, NF],
        )
        .rpop("", TEXT);
    b.state("classname")
        .r(r"\s+", TEXT)
        .r(r"\w+(::\w+)+", NC)
        .f(r"\(", |c| {
            c.tok(P);
            c.push("defexpr");
            c.push("expr_start");
        })
        .rg("<<", O, "expr_start")
        .rpop(r"[A-Z_]\w*", NC)
        .rpop("", TEXT);
    b.state("ternary")
        .gg(r"(:)(\s+)", &[P, TEXT], "expr_start")
        .rg(r":(?![^#\n]*?[:\\])", P, "expr_start")
        .mixin("root");
    b.state("defexpr")
        .gpop(r"(\))(\.|::)?", &[P, O])
        .f(r"\(", |c| {
            c.tok(P);
            c.push("defexpr");
            c.push("expr_start");
        })
        .mixin("root");
    b.state("in_interp").rpop(r"\}", SI).mixin("root");
    b.state("string_intp")
        .rp("[#][{]", SI, "in_interp")
        .r(r"(?i)#(@@?|\$)[a-z_]\w*", SI);
    b.state("string_intp_escaped")
        .mixin("string_intp")
        .r(r#"\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})"#, SE)
        .r(r"\\.", SE);
    b.state("method_call")
        .rg("/|%", O, "expr_start")
        .rpop(r"(?=\n)", TEXT)
        .f("", |c| c.goto("method_call_spaced"));
    b.state("method_call_spaced")
        .mixin("whitespace")
        .rg("[%/]=", O, "expr_start")
        .rg(r"(/)(?=\S|\s*/)", SR, "slash_regex")
        .mixin("sigil_strings")
        .rpop(r"(?=\s*/)", TEXT)
        .rg(r"\s+", TEXT, "expr_start")
        .rpop("", TEXT);
    b.state("expr_start")
        .mixin("inline_whitespace")
        .rg("/", SR, "slash_regex")
        .rpop(
            r#"[?](\\[MC]-)*(\\([\\abefnrstv\#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})|\S)(?!\w)"#,
            SC,
        )
        .gpop(r"(\s*)(%[rqswQWxiI]? \S* )", &[TEXT, SX])
        .mixin("sigil_strings")
        .rpop("", TEXT);
    b.state("slash_regex")
        .mixin("string_intp")
        .r(r"\\\\", SR)
        .r(r"\\/", SR)
        .r(r"[\\#]", SR)
        .r(r"(?s)[^\\/#]+", SR)
        .rg("/", SR, "regex_flags");
    b.state("end_part").rpop("(?s).+", CP);
    b.build()
}
