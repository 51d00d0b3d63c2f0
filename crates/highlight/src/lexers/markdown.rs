//! Rouge's `markdown` lexer (aliases `md`, `mkd`): YAML front matter,
//! fenced code blocks highlighted with the named language, and inline HTML.

use super::{lexer_def, markup, yaml, Lex};
use crate::engine::{Builder, Ctx, Def};
use crate::language::{find_language, plaintext};
use crate::token::*;

lexer_def!(markdown, build);

const EDOT: &str = r"(?:\\.|[^\\\n])";

/// Lexes a code block's text as Rouge's markdown lexer does: with the fence's
/// language, plain text when the name is empty (Rouge guesses; see
/// docs/compat.md), or as `Str::Backtick` when Rouge knows no such language.
fn delegate_fence(c: &mut Ctx<'_>, name: &str, text: &str) {
    let lang = if name.is_empty() {
        Some(plaintext())
    } else {
        find_language(name)
    };
    match lang.map(|l| l.lex_kind()) {
        None => c.token(SB, text),
        Some(None) => c.token(TEXT, text),
        Some(Some(Lex::Regex(d))) => c.delegate_as("fence", d(), text),
        Some(Some(Lex::Func(f))) => f(text, c.out),
    }
}

/// Rouge's ``(`+)(?:\\.|[^\\\n]|\n)+?\1`` (a code span closed by as many
/// backticks as it opened with, trying the longest opening first), found in
/// one scan instead of by backtracking.
fn inline_code(c: &mut Ctx<'_>) {
    let text = c.rest();
    let bytes = text.as_bytes();
    let k = c.m0().len();
    let run_at = |q: usize| bytes[q..].iter().take_while(|&&b| b == b'`').count();
    // Unit boundaries after the opening run, up to a backslash that cannot
    // start a unit (before a newline or at the end).
    let mut best: Option<(usize, usize)> = None; // (group length, first boundary)
    let mut firsts: Vec<Option<usize>> = vec![None; k + 1];
    let mut p = k;
    while p < bytes.len() {
        let unit = match bytes[p] {
            b'\\' => match text[p + 1..].chars().next() {
                Some(ch) if ch != '\n' => 1 + ch.len_utf8(),
                _ => break,
            },
            _ => text[p..].chars().next().map_or(1, char::len_utf8),
        };
        p += unit;
        let run = run_at(p).min(k);
        for g in (1..=run).rev() {
            if firsts[g].is_some() {
                break;
            }
            firsts[g] = Some(p);
        }
        if run == k {
            break; // the longest opening closes here: nothing can beat it
        }
    }
    for g in (1..=k).rev() {
        // Inside the opening run: g backticks, at least one as content, g more.
        let inside = (2 * g < k).then_some(g + 1);
        if let Some(q) = inside.or(firsts[g]) {
            best = Some((g, q));
            break;
        }
    }
    match best {
        Some((g, q)) => {
            c.token(SB, &text[..q + g]);
            c.set_len(q + g);
        }
        None => c.reject(),
    }
}

fn ruby_strip(s: &str) -> &str {
    s.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r' | '\0'))
}

fn build() -> Def {
    let mut b = Builder::new("markdown");
    b.start(|c| c.reset_sub(markup::html));
    b.state("root")
        .f(r"(?s)\A(---\s*\n.*?\n?)^(---\s*$\n?)", |c| {
            let t = c.m0();
            c.delegate_fresh(yaml::yaml(), t);
        })
        .r(r"\\.", SE)
        .r(r"^[\S ]+\n(?:---*)\n", GH)
        .r(r"^[\S ]+\n(?:===*)\n", GU)
        .r(r"^#(?=[^#]).*?$", GH)
        .r(r"^##*.*?$", GU)
        // `^([ \t]*)(`{3,}|~{3,})([^\n]*\n)((.*?)(\n\1)(\2))?` in Rouge; the
        // closing fence is found with a plain search instead of backtracking.
        .f(r"^([ \t]*)(`{3,}|~{3,})([^\n]*\n)", |c| {
            let (indent, fence, info) = (c.m(1), c.m(2), c.m(3));
            let name = ruby_strip(info).to_string();
            let head = c.m0().len();
            let rest = &c.rest()[head..];
            let close = format!("\n{indent}{fence}");
            c.reset_key("fence");
            c.token(TEXT, indent);
            c.token(P, fence);
            c.token(NL, info);
            match rest.find(&close) {
                Some(at) => {
                    delegate_fence(c, &name, &rest[..at]);
                    c.token(TEXT, &close[..close.len() - fence.len()]);
                    c.token(P, fence);
                    c.set_len(head + at + close.len());
                }
                None => {
                    c.set_var("fence", fence);
                    c.set_var("fence_lang", name);
                    c.push("fenced");
                }
            }
        })
        .r(r"\n\n((    |\t).*?\n|\n)+", SB)
        .f("`+", inline_code)
        .r(r"^(\s*[*]){3,}\s*$", P)
        .r(r"^(\s*[-]){3,}\s*$", P)
        .r(r"^\s*[*+-](?=\s)", P)
        .r(r"^\s*\d+\.", P)
        .r(r"^\s*>.*?$", GT)
        .f(&format!(r"^(\s*)(\[)({EDOT}+?)(\])(\s*)(:)"), |c| {
            c.groups(&[TEXT, P, SS, P, TEXT, P]);
            c.push("title");
            c.push("url");
        })
        .gp(
            &format!(r"(!?\[)({EDOT}*?|[^\]]*?)(\])(?=[\[(])"),
            &[P, NV, P],
            "link",
        )
        .skip_run(r"!?\[[^\\\n\]]*")
        .r(&format!(r"[*][*]{EDOT}*?[*][*]"), GS)
        .r(&format!("__{EDOT}*?__"), GS)
        .r(&format!(r"[*]{EDOT}*?[*]"), GE)
        .r(&format!("_{EDOT}*?_"), GE)
        .r(r"<.*?@.+[.].+>", NV)
        .skip_run("<.*")
        .r(&format!(r"<(https?|mailto|ftp)://{EDOT}*?>"), NV)
        .r(r"[^\\`\[*\n&<]+", TEXT)
        .f(r"&\S*;", |c| {
            let t = c.m0();
            c.delegate(markup::html, t);
        })
        .skip_run(r"&\S*")
        .f(&format!("<{EDOT}*?>"), |c| {
            let t = c.m0();
            c.delegate(markup::html, t);
        })
        .skip_run(r"<[^\\\n]*")
        .r("[&<]", TEXT)
        .r(r"\[", TEXT)
        .r(r"\n", TEXT);
    // Rouge pushes an anonymous state for a fence left open: a line starting
    // with the same fence closes it; any other whole line is code.
    b.state("fenced").f(r"^([ \t]*)(.*)(\n?)", |c| {
        let (indent, rest, nl) = (c.m(1), c.m(2), c.m(3));
        let fence = c.var("fence").to_string();
        if rest.starts_with(fence.as_str()) {
            c.pop(1);
            c.token(TEXT, indent);
            c.token(P, &fence);
            c.set_len(indent.len() + fence.len());
        } else if nl.is_empty() {
            c.reject();
        } else {
            let name = c.var("fence_lang").to_string();
            let line = c.m0();
            delegate_fence(c, &name, line);
        }
    });
    b.state("link")
        .gpop(&format!(r"(\[)({EDOT}*?)(\])"), &[P, SS, P])
        .f("[(]", |c| {
            c.tok(P);
            c.push("inline_title");
            c.push("inline_url");
        })
        .r(r"[ \t]+", TEXT)
        .rpop("", TEXT);
    b.state("url")
        .r(r"[ \t]+", TEXT)
        .gpop(&format!("(<)({EDOT}*?)(>)"), &[NT, SX, NT])
        .rpop(r"\S+", SX);
    b.state("title")
        .r(&format!("\"{EDOT}*?\""), NN)
        .r(&format!("'{EDOT}*?'"), NN)
        .r(&format!("[(]{EDOT}*?[)]"), NN)
        .r(r#"\s*(?=["'()])"#, TEXT)
        .rpop("", TEXT);
    b.state("inline_title").rpop("[)]", P).mixin("title");
    b.state("inline_url")
        .rpop(r"[^<\s)]+", SX)
        .r(r"(?s)\s+", TEXT)
        .mixin("url");
    b.build()
}
