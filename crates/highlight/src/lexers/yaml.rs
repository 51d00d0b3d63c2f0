//! Rouge's `yaml` lexer (alias `yml`), with its indentation tracking: an
//! indent stack, the indent of the line being read, and the indent of the
//! current block scalar.

use super::lexer_def;
use crate::engine::{Builder, Ctx, Def};
use crate::token::*;

lexer_def!(yaml, build);

const PLAIN_START: &str = r#"[^ \t\n\r\f\v?:,\[\]{}#&*!\|>'"%@`]"#;

fn reset_indent(c: &mut Ctx<'_>) {
    c.lx.nums = vec![0];
    c.lx.ints.insert("next", Some(0));
    c.lx.ints.insert("block", None);
}

fn indent(c: &Ctx<'_>) -> i64 {
    c.lx.nums.last().copied().unwrap_or(0)
}

fn next_indent(c: &Ctx<'_>) -> i64 {
    c.lx.ints.get("next").copied().flatten().unwrap_or(0)
}

fn block_indent(c: &Ctx<'_>) -> Option<i64> {
    c.lx.ints.get("block").copied().flatten()
}

/// Ruby's `s[0...n]` and `s[n..-1]` for an ASCII run of spaces.
fn split_at_ruby(s: &str, n: i64) -> (&str, &str) {
    let len = s.len() as i64;
    let i = if n < 0 { len + n } else { n };
    if i < 0 {
        return ("", "");
    }
    let i = i.min(len) as usize;
    (&s[..i], &s[i..])
}

/// Records the indent of a new line, popping deeper levels; returns the part
/// within the current level and the excess.
fn save_indent<'a>(c: &mut Ctx<'_>, m: &'a str) -> (&'a str, &'a str) {
    let next = m.len() as i64;
    c.lx.ints.insert("next", Some(next));
    if next < indent(c) {
        while next < indent(c) && c.lx.nums.len() > 1 {
            c.lx.nums.pop();
        }
        split_at_ruby(m, indent(c))
    } else {
        (m, "")
    }
}

fn continue_indent(c: &mut Ctx<'_>, m: &str) {
    let n = next_indent(c) + m.len() as i64;
    c.lx.ints.insert("next", Some(n));
}

fn set_indent(c: &mut Ctx<'_>, m: &str, implicit: bool) {
    let next = next_indent(c);
    if indent(c) < next {
        c.lx.nums.push(next);
    }
    if !implicit {
        c.lx.ints.insert("next", Some(next + m.len() as i64));
    }
}

/// Ruby's `String#to_i` on an indentation indicator such as `2-` or `-2`.
fn ruby_to_i(s: &str) -> i64 {
    let (sign, rest) = match s.as_bytes().first() {
        Some(b'-') => (-1, &s[1..]),
        Some(b'+') => (1, &s[1..]),
        _ => (1, s),
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    sign * digits.parse::<i64>().unwrap_or(0)
}

fn build() -> Def {
    let mut b = Builder::new("yaml");
    b.start(reset_indent);
    b.state("basic").r("#.*$", C1);
    b.state("root")
        .mixin("basic")
        .r(r"\n+", TEXT)
        .r("[ ]+(?=#|$)", TEXT)
        .f(r"^%YAML\b", |c| {
            c.tok(NT);
            reset_indent(c);
            c.push("yaml_directive");
        })
        .f(r"^%TAG\b", |c| {
            c.tok(NT);
            reset_indent(c);
            c.push("tag_directive");
        })
        .f(r"^(?:---|\.\.\.)(?= |$)", |c| {
            c.tok(NN);
            reset_indent(c);
            c.push("block_line");
        })
        .f(r"[ ]*(?!\s|$)", |c| {
            let m = c.m0();
            let (text, err) = save_indent(c, m);
            c.token(TEXT, text);
            c.token(ERR, err);
            c.push("block_line");
            c.push("indentation");
        });
    b.state("indentation")
        .f(r"\s*?\n", |c| {
            c.tok(TEXT);
            c.pop(2);
        })
        .f("[ ]+(?=[-:?](?:[ ]|$))", |c| {
            c.tok(TEXT);
            let m = c.m0();
            continue_indent(c, m);
        })
        .f("[?:-](?=[ ]|$)", |c| {
            let m = c.m0();
            set_indent(c, m, false);
            c.tok(PI);
        })
        .f("[ ]*", |c| {
            c.tok(TEXT);
            let m = c.m0();
            continue_indent(c, m);
            c.pop(1);
        });
    b.state("block_line")
        .rpop("[ ]*(?=#|$)", TEXT)
        .r("[ ]+", TEXT)
        .mixin("descriptors")
        .mixin("block_nodes")
        .mixin("flow_nodes")
        .rp(
            &format!(r"(?={PLAIN_START}|[?:-][^ \t\n\r\f\v])"),
            NV,
            "plain_scalar_in_block_context",
        );
    b.state("descriptors")
        .r(r"!<[0-9A-Za-z;/?:@&=+$,_.!~*'()\[\]%-]+>", KT)
        .r(r"(?:![\w-]+)?!(?:[\w;/?:@&=+$,.!~*'()\[\]%-]*)", KT)
        .r(r"&[\p{L}\p{Nl}\p{Nd}_-]+", NL)
        .r(r"\*[\p{L}\p{Nl}\p{Nd}_-]+", NV);
    b.state("block_nodes")
        .f(r#"([^#,:?\[\]{}"'\n]+)(:)(?=\s|$)"#, |c| {
            c.groups(&[NA, PI]);
            let m = c.m0();
            set_indent(c, m, true);
        })
        .skip_run(r#"[^#,:?\[\]{}"'\n]+"#)
        .f(r"[\|>][+-]?", |c| {
            c.tok(PI);
            c.push("block_scalar_content");
            c.push("block_scalar_header");
        });
    b.state("flow_nodes")
        .rp(r"\[", PI, "flow_sequence")
        .rp(r"\{", PI, "flow_mapping")
        .rp("'", S1, "single_quoted_scalar")
        .rp("\"", S2, "double_quoted_scalar");
    b.state("flow_collection")
        .r(r"(?s)\s+", TEXT)
        .mixin("basic")
        .r("[?:,]", PI)
        .mixin("descriptors")
        .mixin("flow_nodes")
        .f(&format!("(?={PLAIN_START})"), |c| {
            c.push("plain_scalar_in_flow_context")
        });
    b.state("flow_sequence")
        .rpop(r"\]", PI)
        .mixin("flow_collection");
    b.state("flow_mapping")
        .rpop(r"\}", PI)
        .mixin("flow_collection");
    b.state("block_scalar_content")
        .r(r"\n+", TEXT)
        .f("^[ ]+$", |c| {
            let text = c.m0();
            let mark = block_indent(c).unwrap_or(text.len() as i64);
            let (a, rest) = split_at_ruby(text, mark);
            c.token(TEXT, a);
            c.token(NO, rest);
        })
        .f("^[ ]*", |c| {
            c.tok(TEXT);
            let m = c.m0();
            let size = m.len() as i64;
            let dedent_level = block_indent(c).unwrap_or_else(|| indent(c));
            if block_indent(c).is_none() {
                c.lx.ints.insert("block", Some(size));
            }
            if size < dedent_level {
                save_indent(c, m);
                c.pop(1);
                c.push("indentation");
            }
        })
        .r(r"[^\n\r\f\v]+", S);
    b.state("block_scalar_header")
        .f(r"(?x)( ([1-9])[+-]? | [+-]?([1-9])? )(?=[ ]|$)", |c| {
            c.lx.ints.insert("block", None);
            c.goto("ignored_line");
            if c.m0().is_empty() {
                return;
            }
            // Rouge reads the whole indicator (group 1), not just its digit.
            let inc = if c.has(1) { c.m(1) } else { c.m(2) };
            let level = indent(c) + ruby_to_i(inc);
            c.lx.ints.insert("block", Some(level));
            c.tok(PI);
        });
    b.state("ignored_line")
        .mixin("basic")
        .r("[ ]+", TEXT)
        .rpop(r"\n", TEXT);
    b.state("quoted_scalar_whitespaces")
        .r("^[ ]+", TEXT)
        .r("[ ]+$", TEXT)
        .r(r"(?s)\n+", TEXT)
        .r("[ ]+", NV);
    b.state("single_quoted_scalar")
        .mixin("quoted_scalar_whitespaces")
        .r(r"\\'", SE)
        .rpop("'", S)
        .r(r"[^\s']+", S);
    b.state("double_quoted_scalar")
        .rpop("\"", S)
        .mixin("quoted_scalar_whitespaces")
        .r(r#"\\[0abt\tn\nvfre "\\N_LP]"#, SE)
        .r(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})", SE)
        .r(r#"[^ \t\n\r\f\v"\\]+"#, S);
    b.state("plain_scalar_in_block_context_new_line")
        .r(r"^[ ]+\n", TEXT)
        .r(r"(?s)\n+", TEXT)
        .f(r"^(?=---|\.\.\.)", |c| c.pop(3))
        .f("^[ ]*", |c| {
            c.tok(TEXT);
            c.pop(1);
            let m = c.m0();
            if (m.len() as i64) <= indent(c) {
                c.pop(1);
                save_indent(c, m);
                c.push("indentation");
            }
        });
    b.state("plain_scalar_in_block_context")
        .rpop("[ ]*(?=:[ \n]|:$)", TEXT)
        .r(r"[ ]*:\S+", S)
        .rpop("[ ]+(?=#)", TEXT)
        .r("[ ]+$", TEXT)
        .f(r"\n+", |c| {
            c.tok(TEXT);
            c.push("plain_scalar_in_block_context_new_line");
        })
        .r("[ ]+", S)
        .r("true|false|null", NO)
        .rpop(r"\d+(?:\.\d+)?(?=(\r?\n)| +#)", M)
        .r(r"[^\s:]+", S);
    b.state("plain_scalar_in_flow_context")
        .rpop(r"[ ]*(?=[,:?\[\]{}])", TEXT)
        .rpop("[ ]+(?=#)", TEXT)
        .r("^[ ]+", TEXT)
        .r("[ ]+$", TEXT)
        .r(r"\n+", TEXT)
        .r("[ ]+", NV)
        .r(r"[^\s,:?\[\]{}]+", NV);
    b.state("yaml_directive")
        .gg(r"([ ]+)(\d+\.\d+)", &[TEXT, M], "ignored_line");
    b.state("tag_directive").gg(
        r"([ ]+)(!|![\w-]*!)([ ]+)(!|!?[\w;/?:@&=+$,.!~*'()\[\]%-]+)",
        &[TEXT, KT, TEXT, KT],
        "ignored_line",
    );
    b.build()
}
