//! Rouge's `perl` lexer (alias `pl`): regex and quote-like operators with
//! any delimiter, interpolating strings, heredocs, POD blocks, `sub` and
//! `package` names, and the `__END__` section.

use super::lexer_def;
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(perl, build);

const KEYWORDS: &str = "case continue do else elsif for foreach if last my next our redo reset \
    then unless until while use print new BEGIN CHECK INIT END return";

const BUILTINS: &str = "abs accept alarm atan2 bind binmode bless caller chdir chmod chomp chop \
    chown chr chroot close closedir connect continue cos crypt dbmclose dbmopen defined delete \
    die dump each endgrent endhostent endnetent endprotoent endpwent endservent eof eval exec \
    exists exit exp fcntl fileno flock fork format formline getc getgrent getgrgid getgrnam \
    gethostbyaddr gethostbyname gethostent getlogin getnetbyaddr getnetbyname getnetent \
    getpeername getpgrp getppid getpriority getprotobyname getprotobynumber getprotoent getpwent \
    getpwnam getpwuid getservbyname getservbyport getservent getsockname getsockopt glob gmtime \
    goto grep hex import index int ioctl join keys kill last lc lcfirst length link listen local \
    localtime log lstat map mkdir msgctl msgget msgrcv msgsnd my next no oct open opendir ord our \
    pack package pipe pop pos printf prototype push quotemeta rand read readdir readline readlink \
    readpipe recv redo ref rename require reverse rewinddir rindex rmdir scalar seek seekdir \
    select semctl semget semop send setgrent sethostent setnetent setpgrp setpriority setprotoent \
    setpwent setservent setsockopt shift shmctl shmget shmread shmwrite shutdown sin sleep socket \
    socketpair sort splice split sprintf sqrt srand stat study substr symlink syscall sysopen \
    sysread sysseek system syswrite tell telldir tie tied time times tr truncate uc ucfirst umask \
    undef unlink unpack unshift untie utime values vec wait waitpid wantarray warn write";

fn alternation(words: &str) -> String {
    words.split_whitespace().collect::<Vec<_>>().join("|")
}

fn build() -> Def {
    let mut b = Builder::new("perl");
    // A delimited regex that finds no closer fails again at every later
    // opener before the next closer or backslash; the skip runs keep
    // unclosed `m{`, `s(`… linear.
    b.state("balanced_regex");
    for (re, run) in [
        (r"(?s)/(\\[\\/]|[^/])*/[egimosx]*", r"/[^/\\]*"),
        (r"(?s)!(\\[\\!]|[^!])*![egimosx]*", r"![^!\\]*"),
        (r"(?s)\\(\\\\|[^\\])*\\[egimosx]*", r"\\[^\\]*"),
        (r"\{(\\[\\}]|[^}])*\}[egimosx]*", r"\{[^}\\]*"),
        (r"<(\\[\\>]|[^>])*>[egimosx]*", r"<[^>\\]*"),
        (r"\[(\\[\\\]]|[^\]])*\][egimosx]*", r"\[[^\]\\]*"),
        (r"\((\\[\\\)]|[^\)])*\)[egimosx]*", r"\([^)\\]*"),
        (r"@(\\[\\@]|[^@])*@[egimosx]*", r"@[^@\\]*"),
        (r"%(\\[\\%]|[^%])*%[egimosx]*", r"%[^%\\]*"),
        (r"\$(\\[\\\$]|[^\$])*\$[egimosx]*", r"\$[^$\\]*"),
    ] {
        b.rpop(re, SR).skip_run(run);
    }
    // Onigmo reads `\1` inside a character class as the octal escape \x01.
    let delimited = r"((\\\\|\\\1)|[^\x01])*?\1";
    b.state("root")
        .r("#.*", C1)
        .r(r"(?s)^=[a-zA-Z0-9]+\s+.*?\n=cut", CM)
        .r(&format!(r"(?:{})\b", alternation(KEYWORDS)), K)
        .gp(
            r"(format)(\s+)([a-zA-Z0-9_]+)(\s*)(=)(\s*\n)",
            &[K, TEXT, N, TEXT, P, TEXT],
            "format",
        )
        .r(r"(?:eq|lt|gt|le|ge|ne|not|and|or|cmp)\b", OW)
        .rp(r"(?:s|tr|y)\{(\\\\|\\\}|[^}])*\}\s*", SR, "balanced_regex")
        .skip_run(r"(?:s|tr|y)\{[^}\\]*")
        .rp(r"(?:s|tr|y)<(\\\\|\\>|[^>])*>\s*", SR, "balanced_regex")
        .skip_run(r"(?:s|tr|y)<[^>\\]*")
        .rp(r"(?:s|tr|y)\[(\\\\|\\\]|[^\]])*\]\s*", SR, "balanced_regex")
        .skip_run(r"(?:s|tr|y)\[[^\]\\]*")
        .rp(r"(?:s|tr|y)\((\\\\|\\\)|[^\)])*\)\s*", SR, "balanced_regex")
        .skip_run(r"(?:s|tr|y)\([^)\\]*")
        .r(
            &format!(r"(?:s|tr|y)\s*([^\w\s]){delimited}{delimited}[msixpodualngcr]*"),
            SR,
        )
        .r(
            &format!(r"(?:s|tr|y)\s+(\w){delimited}{delimited}[msixpodualngcr]*"),
            SR,
        )
        .r(r"m?/(\\\\|\\/|[^/\n])*/[msixpodualngc]*", SR)
        .rp(r"m(?=[/!\\{<\[\(@%\$])", SR, "balanced_regex")
        .r(&format!(r"m\s*([^\w\s]){delimited}[msixpodualngc]*"), SR)
        .r(&format!(r"m\s+(\w){delimited}[msixpodualngc]*"), SR)
        // Rouge's lookbehind cannot see before the scan position, so this
        // rule never matches there either; kept for the rule order.
        .rp(
            r"((?<==~)|(?<=\())\s*/(\\\\|\\/|[^/])*/[msixpodualngc]*",
            SR,
            "balanced_regex",
        )
        .r(r"\s+", TEXT)
        .f(r"(?i)(?=[a-z_]\w*(\s*#.*\n)*\s*=>)", |c| {
            c.push("fat_comma")
        })
        .r(&format!(r"(?:{})\b", alternation(BUILTINS)), NB)
        .r(r"((__(DIE|WARN)__)|(DATA|STD(IN|OUT|ERR)))\b", BP)
        .r(r#"(?s)<<(['"]?)([a-zA-Z_][a-zA-Z0-9_]*)\1;?\n.*?\n\2\n"#, S)
        .rp(r"(__(END|DATA)__)\b", CP, "end_part")
        .r(r"\$\^[ADEFHILMOPSTWX]", VG)
        .r(r#"\$[\\"'\[\]&`+*.,;=%~?@$!<>(^\|/_-](?!\w)"#, VG)
        .rp(r"(?i)[$@%&*][$@%&*#_]*(?=[a-z{\[;])", NV, "varname")
        // Inside a run of sigils the lookahead sees the same end: linear.
        .skip_run(r"[$@%&*][$@%&*#_]*")
        .r(r"[-+/*%=<>&^\|!\\~]=?", O)
        .r(r"0_?[0-7]+(_[0-7]+)*", MO)
        .r(r"0x[0-9A-Fa-f]+(_[0-9A-Fa-f]+)*", MH)
        .r(r"0b[01]+(_[01]+)*", MB)
        .r(
            r"(?i)(\d*(_\d*)*\.\d+(_\d*)*|\d+(_\d*)*\.\d+(_\d*)*)(e[+-]?\d+)?",
            MF,
        )
        .r(r"(?i)\d+(_\d*)*e[+-]?\d+(_\d*)*", MF)
        .r(r"\d+(_\d+)*", MI)
        .rp("'", P, "sq")
        .rp("\"", P, "dq")
        .rp("`", P, "bq")
        .r(r"<([^\s>]+)>", SR)
        .rp(r"(q|qq|qw|qr|qx)\{", SX, "cb_string")
        .rp(r"(q|qq|qw|qr|qx)\(", SX, "rb_string")
        .rp(r"(q|qq|qw|qr|qx)\[", SX, "sb_string")
        .rp("(q|qq|qw|qr|qx)<", SX, "lt_string")
        .r(r"(q|qq|qw|qr|qx)(\W)(.|\n)*?\2", SX)
        .rp(r"package\s+", K, "modulename")
        .rp(r"sub\s+", K, "funcname")
        .r(
            r"\[\]|\*\*|::|<<|>>|>=|<=|<=>|={3}|!=|=~|!~|&&?|\|\||\.{1,3}",
            O,
        )
        .r(r"[()\[\]:;,<>/?{}]", P)
        .f(r"(?=\w)", |c| c.push("name"));
    b.state("format").rpop(r"\.\n", SI).r(r".*?\n", SI);
    b.state("fat_comma")
        .r("#.*", C1)
        .r(r"\w+", S)
        .r(r"\s+", TEXT)
        .rpop("=>", O);
    b.state("name_common").r(r"\w+::", NN).rpop(r"[\w:]+", NV);
    b.state("varname")
        .r(r"\s+", TEXT)
        .rpop(r"[{\[]", P)
        .rpop("[),]", P)
        .rpop("[;]", P)
        .mixin("name_common");
    b.state("name")
        .mixin("name_common")
        .rpop(r"[A-Z_]+(?=[^a-zA-Z0-9_])", NO)
        .f(r"(?=\W)", |c| c.pop(1));
    b.state("modulename").rpop(r"(?i)[a-z_]\w*", NN);
    b.state("funcname")
        .r(r"[a-zA-Z_]\w*[!?]?", NF)
        .r(r"\s+", TEXT)
        .g(r"(\([$@%]*\))(\s*)", &[P, TEXT])
        .rpop(r".*?\{", P)
        .rpop(";", P);
    b.state("sq")
        .r(r"\\[\\']", SE)
        .r(r"[^\\']+", S1)
        .rpop("'", P)
        .r(r"\\", S1);
    b.state("dq")
        .mixin("string_intp")
        .r(r#"\\[\\tnrabefluLUE"$@]"#, SE)
        .r(r"\\0\d{2}", SE)
        .r(r"\\o\{\d+\}", SE)
        .r(r"\\x\h{2}", SE)
        .r(r"\\x\{\h+\}", SE)
        .r(r"\\c.", SE)
        .r(r"\\N\{[^\}]+\}", SE)
        .r(r#"[^\\"]+?"#, S2)
        .rpop("\"", P)
        .r(r"\\", SE);
    b.state("bq")
        .mixin("string_intp")
        .r(r"\\[\\tnr`]", SE)
        .r(r"[^\\`]+?", SB)
        .rpop("`", P);
    for (name, open, close) in [
        ("cb_string", r"\{", r"\}"),
        ("rb_string", r"\(", r"\)"),
        ("sb_string", r"\[", r"\]"),
        ("lt_string", "<", ">"),
    ] {
        b.state(name)
            .r(&format!(r"\\[{open}{close}\\]"), SX)
            .r(r"\\", SX)
            .rps(open, SX)
            .rpop(close, SX)
            .r(&format!(r"[^{open}{close}\\]+"), SX);
    }
    b.state("in_interp")
        .rpop(r"\}", SI)
        .r(r"\s+", TEXT)
        .r(r"(?i)[a-z_]\w*", SI);
    b.state("string_intp")
        .rp(r"[$@][{]", SI, "in_interp")
        .r(r"(?i)[$@][a-z_]\w*", SI);
    b.state("end_part").rpop(r"(?s).+", CP);
    b.build()
}
