//! Rouge's `powershell` lexer (aliases `posh`, `microsoftshell`, `msshell`).
//!
//! Rouge lexes PowerShell as a command language: a bare word starts a
//! command whose arguments (`parameters`) run to the end of the line or to a
//! closing bracket, pipe or `=`. Strings interpolate `$var` and `$( … )`,
//! `<# … #>` comments pick out help keywords (`.SYNOPSIS`), and brackets
//! (`[string]`, `[CmdletBinding(…)]`) lex type names.

use super::{lexer_def, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(powershell, build);

/// `CmdletBinding` named arguments, which Rouge marks inside brackets.
const ATTRIBUTES: &str = "ConfirmImpact DefaultParameterSetName HelpURI PositionalBinding \
SupportsPaging SupportsShouldProcess";

/// Automatic variables, in Rouge's order (an alternation without a word
/// boundary: `$trueish` begins with `$true`).
const AUTO_VARS: &str = "$$ $? $^ $_ $args $ConsoleFileName $Error $Event $EventArgs \
$EventSubscriber $ExecutionContext $false $foreach $HOME $Host $input $IsCoreCLR $IsLinux \
$IsMacOS $IsWindows $LastExitCode $Matches $MyInvocation $NestedPromptLevel $null $PID \
$PROFILE $PSBoundParameters $PSCmdlet $PSCommandPath $PSCulture $PSDebugContext $PSHOME \
$PSItem $PSScriptRoot $PSSenderInfo $PSUICulture $PSVersionTable $PWD \
$REPORTERRORSHOWEXCEPTIONCLASS $REPORTERRORSHOWINNEREXCEPTION $REPORTERRORSHOWSOURCE \
$REPORTERRORSHOWSTACKTRACE $SENDER $ShellId $StackTrace $switch $this $true";

/// Reserved words, in Rouge's order.
const KEYWORDS: &str = "assembly|exit|process|base|filter|public|begin|finally|return|break|\
for|sequence|catch|foreach|static|class|from|switch|command|function|throw|configuration|\
hidden|trap|continue|if|try|data|in|type|define|inlinescript|until|do|interface|using|\
dynamicparam|module|var|else|namespace|while|elseif|parallel|workflow|end|param|enum|private";

/// Comparison, pattern and assignment operators, in Rouge's order.
const OPERATORS: &str = "-split -isplit -csplit -join -is -isnot -as -eq -ieq -ceq -ne -ine \
-cne -gt -igt -cgt -ge -ige -cge -lt -ilt -clt -le -ile -cle -like -ilike -clike -notlike \
-inotlike -cnotlike -match -imatch -cmatch -notmatch -inotmatch -cnotmatch -contains \
-icontains -ccontains -notcontains -inotcontains -cnotcontains -replace -ireplace -creplace \
-shl -shr -band -bor -bxor -and -or -xor -not += -= *= /= %=";

/// Comment-based help keywords (`.SYNOPSIS`).
const HELP_KEYWORDS: &str = "synopsis|description|parameter|example|inputs|outputs|notes|link|\
component|role|functionality|forwardhelptargetname|forwardhelpcategory|remotehelprunspace|\
externalhelp";

/// An alternation of the literal words of a whitespace-separated list.
fn alternation(words: &str) -> String {
    let escaped: Vec<String> = words.split_whitespace().map(regex::escape).collect();
    escaped.join("|")
}

fn build() -> Def {
    let (auto_vars, operators) = (alternation(AUTO_VARS), alternation(OPERATORS));
    let attributes = Words::new(ATTRIBUTES);
    let mut b = Builder::new("powershell");
    b.state("variable")
        .r(&auto_vars, BP)
        .g(
            r"(\$)(?:(\w+)(:))?(\w+|\{(?:[^`]|`.)+?\})",
            &[NV, NN, P, NV],
        )
        .r(r"\$\w+", NV)
        .r(r"\$\{(?:[^`]|`.)+?\}", NV);
    b.state("multiline")
        .r(&format!(r"(?i)\.(?:{HELP_KEYWORDS})"), CS)
        .rpop("#>", CM)
        .r(r"(?s)[^#.]+?", CM)
        .r(r"[#.]+", CM);
    b.state("interpol").rpop(r"\)", SI).mixin("root");
    b.state("dq")
        // `"abc$"` ends with a literal `$`, not a variable named `"`.
        .rpop(r#"(?:\$#?)?""#, S2)
        .rp(r"\$\(", SI, "interpol")
        .r("`$", SE)
        .r("`.", SE)
        .r(r#"[^"`$]+"#, S2)
        .mixin("variable");
    b.state("sq").rpop("'", S1).r("[^']+", S1);
    b.state("heredoc")
        .rpop(r#"(?:\$#?)?"@"#, SH)
        .rp(r"\$\(", SI, "interpol")
        .r("`$", SE)
        .r("`.", SE)
        .r(r#"(?s)[^"`$]+?"#, SH)
        .r(r#""+"#, SH)
        .mixin("variable");
    b.state("class")
        .rpop(r"\{", P)
        .r(r"\s+", WS)
        .r(r"\w+", NC)
        .r("[:,]", P);
    b.state("expr")
        .mixin("comments")
        .rp("\"", S2, "dq")
        .rp("'", S1, "sq")
        .rp("@\"", SH, "heredoc")
        .r(r"(?s)@'.*?'@", SH)
        .r(r"\d*\.\d+", MF)
        .r(r"\d+", MI)
        .rp(r"@\{", P, "hasht")
        .rp(r"@\(", P, "array")
        .rp(r"\{", P, "brace")
        .rp(r"\[", P, "bracket");
    b.state("hasht")
        .rpop(r"\}", P)
        .r("=", O)
        .r("[,;]", P)
        .mixin("expr")
        .r(r"\w+", NX)
        .mixin("variable");
    b.state("array")
        .r(r"\s+", WS)
        .rpop(r"\)", P)
        .r("[,;]", P)
        .mixin("expr")
        .mixin("variable");
    b.state("brace").rpop(r"\}", P).mixin("root");
    b.state("bracket")
        .rpop(r"\]", P)
        .r(r"[A-Za-z]\w+\.", N)
        .f(r"[A-Za-z]\w+", move |c| {
            let tok = if attributes.has(c.m0()) { BP } else { N };
            c.tok(tok);
        })
        .mixin("root");
    b.state("parameters")
        .r("(?s)`.", SE)
        .rpop(r"\s*?\n", WS)
        .rpop(r"[;(){}\]]", P)
        .rpop("[|=]", O)
        .r(r"[/\\~\w][-.:/\\~\w]*", NX)
        .r(r"\w[-\w]+", NX)
        .mixin("root");
    b.state("comments")
        .r(r"\s+", WS)
        .r("#.*", C)
        .rp("<#", CM, "multiline");
    b.state("root")
        .mixin("comments")
        // Shadowed by the comment rule above, as in Rouge.
        .r(r"#requires\s-version \d(?:\.\d+)?", CP)
        .r(r"\.\.(?=\.?\d)", O)
        .r(&format!(r"(?i)(?:{operators})\b"), O)
        .gp(r"(?i)(class)(\s+)(\w+)", &[KR, WS, NC], "class")
        .g(
            r"(?i)(function)(\s+)(?:(\w+)(:))?(\w[-\w]+)",
            &[KR, WS, NN, P, NF],
        )
        .r(&format!(r"(?i)(?:{KEYWORDS})\b(?![-.])"), KR)
        .r(r"-{1,2}\w+", NT)
        .gp(r"(\.)?([-\w]+)(\[)", &[O, N, P], "bracket")
        .gp(
            r"(?i)([/\\~[a-z]][-.:/\\~\w]*)(\n)?",
            &[N, WS],
            "parameters",
        )
        .f(r"(\.)([-\w]+)(?:(\()|(\n))?", |c| {
            c.groups(&[O, NF, P, WS]);
            if c.has(3) {
                c.push("parameters");
            }
        })
        .rp(r"\?", NF, "parameters")
        .mixin("expr")
        .mixin("variable")
        .r(r"[-+*/%=!.&|]", O)
        .r("[{}(),:;]", P);
    b.build()
}
