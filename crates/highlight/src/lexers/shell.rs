//! Shells: Rouge's `shell` (bash, sh, zsh, ksh), `console` sessions and
//! `docker` (whose `RUN` lines are shell).

use super::lexer_def;
use crate::engine::{Builder, Def, Lexer};
use crate::format::Out;
use crate::token::*;

lexer_def!(shell, build_shell);
lexer_def!(docker, build_docker);

const KEYWORDS: &str =
    "if|fi|else|while|do|done|for|then|return|function|select|continue|until|esac|elif|in";
const BUILTINS: &str = "alias|bg|bind|break|builtin|caller|cd|command|compgen|complete|declare|\
dirs|disown|enable|eval|exec|exit|export|false|fc|fg|getopts|hash|help|history|jobs|let|local|\
logout|mapfile|popd|pushd|pwd|read|readonly|set|shift|shopt|source|suspend|test|time|times|trap|\
true|type|typeset|ulimit|umask|unalias|unset|wait|cat|tac|nl|od|base32|base64|fmt|pr|fold|head|\
tail|split|csplit|wc|sum|cksum|b2sum|md5sum|sha1sum|sha224sum|sha256sum|sha384sum|sha512sum|\
sort|shuf|uniq|comm|ptx|tsort|cut|paste|join|tr|expand|unexpand|ls|dir|vdir|dircolors|cp|dd|\
install|mv|rm|shred|link|ln|mkdir|mkfifo|mknod|readlink|rmdir|unlink|chown|chgrp|chmod|touch|\
df|du|stat|sync|truncate|echo|printf|yes|expr|tee|basename|dirname|pathchk|mktemp|realpath|pwd|\
stty|printenv|tty|id|logname|whoami|groups|users|who|date|arch|nproc|uname|hostname|hostid|\
uptime|chcon|runcon|chroot|env|nice|nohup|stdbuf|timeout|kill|sleep|factor|numfmt|seq|tar|grep|\
sudo|awk|sed|gzip|gunzip";

fn build_shell() -> Def {
    let mut b = Builder::new("shell");
    b.state("basic")
        .r("#.*$", C)
        .r(&format!(r"\b({KEYWORDS})\s*\b"), K)
        .rp(r"\bcase\b", K, "case")
        .r(&format!(r"\b({BUILTINS})\s*\b(?!(\.|-))"), NB)
        .r(r"[.](?=\s)", NB)
        .g(r"(\b\w+)(=)", &[NV, O])
        .r(r"[\[\]{}()!=>]", O)
        .r(r"&&|\|\|", O)
        .r("<<<", O)
        .f(r#"(<<-?)(\s*)(['"]?)(\\?)(\w+)(\3)"#, |c| {
            c.groups(&[O, TEXT, SH, SH, NO, SH]);
            let word = c.m(5).to_string();
            c.set_var("heredoc", word);
            c.push("heredoc");
        });
    b.state("heredoc")
        .rp(r"\n", SH, "heredoc_nl")
        .r(r"[^$\n\\]+", SH)
        .mixin("interp")
        .r("[$]", SH);
    b.state("heredoc_nl")
        .f(r"\s*(\w+)\s*\n", |c| {
            if c.m(1) == c.var("heredoc") {
                c.tok(NO);
                c.pop(2);
            } else {
                c.tok(SH);
            }
        })
        .rpop("", TEXT);
    b.state("double_quotes")
        .rpop("(?:\\$#?)?\"", S2)
        .mixin("interp")
        .r(r#"[^"`\\$]+"#, S2);
    b.state("ansi_string")
        .r(r"\\.", SE)
        .r(r"[^\\']+", S1)
        .mixin("single_quotes");
    b.state("single_quotes").rpop("'", S1).r("[^']+", S1);
    b.state("data")
        .r(r"\s+", TEXT)
        .r(r"\\.", SE)
        .rp("\\$?\"", S2, "double_quotes")
        .rp(r"\$'", S1, "ansi_string")
        .rp("'", S1, "single_quotes")
        .r(r"\*", K)
        .r(";", P)
        .r(r"--?[\w-]+", NT)
        .r(r#"[^=\*\s{}()$"'`;\\<]+"#, TEXT)
        .r(r"\d+(?= |\Z)", M)
        .r("<", TEXT)
        .mixin("interp");
    b.state("curly")
        .rpop(r"\}", K)
        .r(":-", K)
        .r("[a-zA-Z0-9_]+", NV)
        .r(r#"[^}:"`'$]+"#, P)
        .mixin("root");
    b.state("paren_interp")
        .rpop(r"\)", SI)
        .rp(r"\(", O, "paren_inner")
        .mixin("root");
    b.state("paren_inner")
        .rps(r"\(", O)
        .rpop(r"\)", O)
        .mixin("root");
    b.state("math")
        .rpop(r"\)\)", K)
        .r(r"[-+*/%^|&!]|\*\*|\|\|", O)
        .r(r"\d+(#\w+)?", M)
        .mixin("root");
    b.state("case")
        .rpop(r"\besac\b", K)
        .r(r"\|", P)
        .rp(r"\)", P, "case_stanza")
        .mixin("root");
    b.state("case_stanza").rpop(";;", P).mixin("root");
    b.state("backticks").rpop("`", SB).mixin("root");
    b.state("interp")
        .r(r"\\$", SE)
        .r(r"\\.", SE)
        .rp(r"\$\(\(", K, "math")
        .rp(r"\$\(", SI, "paren_interp")
        .rp(r"\$\{#?", K, "curly")
        .rp("`", SB, "backticks")
        .r(r"\$#?(\w+|.)", NV)
        .r(r"\$[*@]", NV);
    b.state("root").mixin("basic").mixin("data");
    b.build()
}

fn build_docker() -> Def {
    let kw = "FROM|MAINTAINER|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|\
STOPSIGNAL|HEALTHCHECK|SHELL";
    let mut b = Builder::new("docker");
    b.state("root")
        .r(r"\s+", TEXT)
        .g(
            r"(?i)^(FROM)(\s+)(.*)(\s+)(AS)(\s+)(.*)",
            &[K, WS, S, WS, K, WS, S],
        )
        .g(&format!(r"(?i)^(ONBUILD)(\s+)({kw})(.*)"), &[K, WS, K, S])
        .g(&format!(r"(?i)^({kw})\b(.*)"), &[K, S])
        .r("#.*?$", C)
        .f(r"(?i)^(ONBUILD\s+)?RUN(\s+)", |c| {
            c.tok(K);
            c.push("run");
            c.reset_sub(shell);
        })
        .r(r"\w+", TEXT)
        .r(r"[^\w]+", TEXT)
        .r(".", TEXT);
    b.state("run")
        .rpop(r"\n", TEXT)
        .r(r"(?s)\\.", SE)
        .f(r"(\\.|[^\n\\])+", |c| {
            let t = c.m0();
            c.delegate(shell, t);
        });
    b.build()
}

/// Rouge's `console` lexer with its default options: a line holding one of
/// `$ # > ;` is a prompt (up to the first of them) followed by shell; a line
/// of only dots or `<...>` is an elision comment; anything else is output.
pub(crate) fn console(code: &str, out: &mut Out) {
    let mut lang = Lexer::new(shell());
    let mut rest = code;
    while !rest.is_empty() {
        let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let line = &rest[..end];
        rest = &rest[end..];
        if is_elision(line) {
            lang.reset();
            out.push(C, line);
        } else if let Some(i) = line.find(['$', '#', '>', ';']) {
            out.push(GP, &line[..=i]);
            let after = &line[i + 1..];
            let ws = after.len() - after.trim_start_matches(is_ruby_space).len();
            out.push(WS, &after[..ws]);
            lang.run(&after[ws..], out);
        } else {
            lang.reset();
            out.push(GO, line);
        }
    }
}

fn is_ruby_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r')
}

/// `\A\s*(?:<[.]+>|[.]+)\s*\z`
fn is_elision(line: &str) -> bool {
    let t = line.trim_matches(is_ruby_space);
    let dots = |s: &str| !s.is_empty() && s.bytes().all(|b| b == b'.');
    dots(t)
        || t.strip_prefix('<')
            .and_then(|s| s.strip_suffix('>'))
            .is_some_and(dots)
}

lexer_def!(make, build_make);

const MAKE_FUNCTIONS: &str = "abspath|addprefix|addsuffix|and|basename|call|dir|error|eval|file|\
filter|filter-out|findstring|firstword|flavor|foreach|if|join|lastword|notdir|or|origin|\
patsubst|realpath|shell|sort|strip|subst|suffix|value|warning|wildcard|word|wordlist|words";

/// Rouge's `make` lexer (aliases `makefile`, `mf`, `gnumake`, `bsdmake`):
/// recipe lines and variable values go to a kept shell lexer.
fn build_make() -> Def {
    let mut b = Builder::new("make");
    b.start(|c| c.reset_sub(shell));
    b.state("root")
        .r(r"\s+", TEXT)
        .r(r"#.*?\n", C)
        .g(r"([-s]?include)((?:[\t ]+[^\t\n #]+)+)", &[K, SX])
        .g(r"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)", &[K, TEXT, NV])
        .r(r"(?:else|endif)[\t ]*(?=[#\n])", K)
        .gp(
            r"(export)([\t ]+)(?=[\w\${}()\t -]+\n)",
            &[K, TEXT],
            "export",
        )
        .r(r"export[\t ]+", K)
        .gp(
            r"(?s)([\w${}().-]+)([\t ]*)([!?:+]?=)",
            &[NV, TEXT, O],
            "shell_line",
        )
        .r(r#""(\\\\|\\.|[^"\\])*""#, S2)
        .r(r"'(\\\\|\\.|[^'\\])*'", S1)
        .gp(r"([^\n:]+)(:+)([ \t]*)", &[NL, O, TEXT], "block_header");
    b.state("export")
        .r(r"[\w\${}()-]", NV)
        .rpop(r"\n", TEXT)
        .r(r"[\t ]+", TEXT);
    b.state("block_header")
        .r(r"[^,\\\n#]+", NF)
        .r(",", P)
        .r("#.*?", C)
        .r(r"\\\n", TEXT)
        .r(r"\\.", TEXT)
        .rg(r"\n", TEXT, "block_body");
    b.state("block_body")
        .g(
            r"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)(#.*)?(\n)",
            &[K, TEXT, NV, C, TEXT],
        )
        .g(r"(else|endif)([\t ]*)(#.*)?(\n)", &[K, TEXT, C, TEXT])
        .gp(r"(\t[\t ]*)([@-]?)", &[TEXT, P], "shell_line")
        .f("", |c| {
            c.reset_sub(shell);
            c.pop(1);
        });
    let to_shell = |c: &mut crate::engine::Ctx<'_>| {
        let t = c.m0();
        c.delegate(shell, t);
    };
    b.state("shell")
        .r(r"(?i)\$[({][\t ]*\w[\w:=%.]*[\t ]*[)}]", NV)
        .gp(
            &format!(r"(?s)(\$[({{])([\t ]*)({MAKE_FUNCTIONS})([\t ]+)"),
            &[NF, TEXT, NB, TEXT],
            "shell_expr",
        )
        .f(r"(?s)\\.", to_shell)
        .f(r"(?s).+?(?=\$\(|\$\{|\(|\)|\}|\\|$)", to_shell)
        .f(r"\$\(|\$\{|\(|\)|\}|\\|$", to_shell);
    b.state("shell_expr")
        .f("[({]", |c| {
            let t = c.m0();
            c.delegate(shell, t);
            c.push_self();
        })
        .rpop("[)}]", NF)
        .mixin("shell");
    b.state("shell_line").rpop(r"\n", TEXT).mixin("shell");
    b.build()
}
