//! Rouge's `c` lexer and `cpp` (alias `c++`), which Rouge derives from it
//! with more words and prepended rules, and `cuda`, C++ with CUDA's
//! qualifiers and vector types.

use super::{lexer_def, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(c, || build_flavor(false, "", ""));
lexer_def!(cpp, || build_flavor(true, "", ""));
lexer_def!(cuda, || build_flavor(true, CUDA_KEYWORDS, CUDA_TYPES));

const ID: &str = "[a-zA-Z_][a-zA-Z0-9_]*";

const KEYWORDS: &str = "auto break case const continue default do else enum extern for goto if \
    register restricted return sizeof static struct switch typedef union volatile virtual while \
    _Alignas _Alignof _Atomic _Generic _Imaginary _Noreturn _Static_assert _Thread_local";
const TYPES: &str = "int long float short double char unsigned signed void jmp_buf FILE DIR \
    div_t ldiv_t mbstate_t sig_atomic_t fpos_t clock_t time_t va_list size_t ssize_t off_t \
    wchar_t ptrdiff_t wctrans_t wint_t wctype_t _Bool _Complex int8_t int16_t int32_t int64_t \
    uint8_t uint16_t uint32_t uint64_t int_least8_t int_least16_t int_least32_t int_least64_t \
    uint_least8_t uint_least16_t uint_least32_t uint_least64_t int_fast8_t int_fast16_t \
    int_fast32_t int_fast64_t uint_fast8_t uint_fast16_t uint_fast32_t uint_fast64_t intptr_t \
    uintptr_t intmax_t uintmax_t char16_t char32_t";
const RESERVED: &str = "__asm __int8 __based __except __int16 __stdcall __cdecl __fastcall \
    __int32 __declspec __finally __int61 __try __leave inline _inline __inline naked _naked \
    __naked restrict _restrict __restrict thread _thread __thread typename _typename __typename";
const CPP_KEYWORDS: &str = " asm auto catch char8_t concept consteval constexpr constinit \
    const_cast co_await co_return co_yield delete dynamic_cast explicit export friend mutable \
    namespace new operator private protected public reinterpret_cast requires restrict size_of \
    static_cast this throw throws typeid typename using virtual final override alignas alignof \
    decltype noexcept static_assert thread_local try";
const CPP_RESERVED: &str = " __virtual_inheritance __uuidof __super __single_inheritance \
    __multiple_inheritance __interface __event";

const CUDA_KEYWORDS: &str = " __global__ __device__ __host__ __noinline__ __forceinline__ \
    __constant__ __shared__ __managed__ __restrict__";
const CUDA_TYPES: &str = " char1 char2 char3 char4 uchar1 uchar2 uchar3 uchar4 short1 short2 \
    short3 short4 ushort1 ushort2 ushort3 ushort4 int1 int2 int3 int4 uint1 uint2 uint3 uint4 \
    long1 long2 long3 long4 ulong1 ulong2 ulong3 ulong4 longlong1 longlong2 longlong3 longlong4 \
    ulonglong1 ulonglong2 ulonglong3 ulonglong4 float1 float2 float3 float4 double1 double2 \
    double3 double4 dim3";

/// C (`cpp` false) or C++ with `more_keywords` and `more_types` (CUDA's).
fn build_flavor(cpp: bool, more_keywords: &str, more_types: &str) -> Def {
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let tag = match (cpp, more_keywords.is_empty()) {
        (false, _) => "c",
        (true, true) => "cpp",
        (true, false) => "cuda",
    };
    let (kw, ty, res) = if cpp {
        (
            Words::new(leak(format!("{KEYWORDS}{CPP_KEYWORDS}{more_keywords}"))),
            Words::new(leak(format!("{TYPES} bool{more_types}"))),
            Words::new(leak(format!("{RESERVED}{CPP_RESERVED}"))),
        )
    } else {
        (
            Words::new(KEYWORDS),
            Words::new(TYPES),
            Words::new(RESERVED),
        )
    };
    let ws = r"(?-s:(?:\s|//.*?\n|/[*].*?[*]/)+)";
    let mut b = Builder::new(tag);
    b.start(|c| c.push("bol"));
    b.state("expr_bol")
        .mixin("inline_whitespace")
        .rp(r"#if\s0", C, "if_0")
        .rp("#", CP, "macro")
        .rpop("", TEXT);
    b.state("bol")
        .r(&format!("{ID}:(?!:)"), NL)
        .mixin("expr_bol");
    b.state("inline_whitespace")
        .r(r"[ \t\r]+", TEXT)
        .r(r"\\\n", TEXT)
        .r(r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", CM)
        .skip_run(r"/(\\\n)?[*](?s:.*)");
    b.state("whitespace")
        .rp(r"\n+", TEXT, "bol")
        .rp(r"//(\\.|.)*?$", C1, "bol")
        .mixin("inline_whitespace");
    b.state("expr_whitespace")
        .rp(r"\n+", TEXT, "expr_bol")
        .mixin("whitespace");
    b.state("statements");
    if cpp {
        let dq = r"(?:\d('?\d)*)";
        b.rp(r"(class|struct)\b", K, "classname")
            .rp(r"template\b", K, "template")
            .r(
                &format!(
                    r"{dq}(\.{dq})?(?:y|d|h|(?:min)|s|(?:ms)|(?:us)|(?:ns)|i|(?:if)|(?:il))\b"
                ),
                MX,
            )
            .r(
                &format!(r"(?i)({dq}[.]{dq}?|[.]{dq})(e[+-]?{dq}[lu]*)?"),
                MF,
            )
            .r(&format!(r"(?i){dq}e[+-]?{dq}[lu]*"), MF)
            .r(r"(?i)0x\h('?\h)*[lu]*", MH)
            .r(r"0b[01]+('[01]+)*", MB)
            .r(r"(?i)0[0-7]('?[0-7])*[lu]*", MO)
            .r(&format!(r"(?i){dq}[lu]*"), MI)
            .r(r"\bnullptr\b", NB)
            .r(
                r#"(?s)(?:u8|u|U|L)?R"([a-zA-Z0-9_{}\[\]#<>%:;.?*\+\-/\^&|~!=,"']{,16})\(.*?\)\1""#,
                S,
            )
            .r("(::|<=>)", O)
            .r("[{}]", P);
    }
    b.mixin("whitespace")
        .rp(r#"(u8|u|U|L)?""#, S, "string")
        .r(
            r"(?i)(u8|u|U|L)?'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'",
            SC,
        )
        .r(r"(?i)(\d+[.]\d*|[.]?\d+)e[+-]?\d+[lu]*", MF)
        .r(r"(?i)\d+e[+-]?\d+[lu]*", MF)
        .r(r"(?i)0x[0-9a-f]+[lu]*", MH)
        .r(r"(?i)0[0-7]+[lu]*", MO)
        .r(r"(?i)\d+[lu]*", MI)
        .r(r"\*/", ERR)
        .r(r"[~!%^&*+=\|?:<>/-]", O)
        .r(r"[()\[\],.;]", P)
        .rp(r"\bcase\b", K, "case")
        .r(r"(?:true|false|NULL)\b", NB)
        .f(ID, move |c| {
            let w = c.m0();
            let tok = if kw.has(w) {
                K
            } else if ty.has(w) {
                KT
            } else if res.has(w) {
                KR
            } else {
                N
            };
            c.tok(tok);
        });
    b.state("case");
    if cpp {
        b.rpop(":(?!:)", P);
    } else {
        b.rpop(":", P);
    }
    b.mixin("statements");
    b.state("root");
    if cpp {
        b.r(r"(?:__offload|__blockingoffload|__outer)\b", KP);
    }
    b.mixin("expr_whitespace")
        .f(
            &format!(r"([\w*\s]+?[\s*])({ID})(\s*\([^;]*?\))({ws}?)(\{{|;)"),
            |c| {
                let (a, name, sig, w, p) = (c.m(1), c.m(2), c.m(3), c.m(4), c.m(5));
                c.recurse(a);
                c.token(NF, name);
                c.recurse(sig);
                c.recurse(w);
                c.token(P, p);
                if p == "{" {
                    c.push("function");
                }
            },
        )
        .skip_run(r"[\w*\s]+")
        // No `)` before the next `;`: no signature can close before it.
        .skip_run(r"[^;)]*(?:;|\z)")
        .rp(r"\{", P, "function")
        .mixin("statements");
    b.state("function")
        .mixin("whitespace")
        .mixin("statements")
        .r(";", P)
        .rp(r"\{", P, "function")
        .rpop(r"\}", P);
    b.state("string")
        .rpop("\"", S)
        .r(r#"\\([\\abfnrtv"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})"#, SE)
        .r(r#"[^\\"\n]+"#, S)
        .r(r"\\\n", S)
        .r(r"\\", S);
    b.state("macro")
        .mixin("include")
        .r(r"[^/\n\\]+", CP)
        .r(r"(?s)\\.", CP)
        .mixin("inline_whitespace")
        .r("/", CP)
        .rpop(r"\n", CP);
    b.state("include")
        .g(r"(include)(\s*)(<[^>]+>)([^\n]*)", &[CP, TEXT, CPF, C1])
        .g(r#"(include)(\s*)("[^"]+")([^\n]*)"#, &[CP, TEXT, CPF, C1]);
    b.state("if_0")
        .rp(r"^\s*#if", C, "if_0")
        .rpop(r"^\s*#\s*el(?:se|if)", C)
        .rpop(r"(?s)^\s*#\s*endif\b.*?(?<!\\)\n", C)
        .r(r".*?\n", C);
    if cpp {
        b.state("classname")
            .rpop(ID, NC)
            .mixin("whitespace")
            .r("[.]{3}", O)
            .rpop(",", P)
            .rpop("", TEXT);
        b.state("template")
            .rpop("[>;]", P)
            .rp(r"typename\b", K, "classname")
            .mixin("statements");
    }
    b.build()
}
