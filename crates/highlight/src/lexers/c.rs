//! Rouge's `c` lexer and `cpp` (alias `c++`), which Rouge derives from it
//! with more words and prepended rules; `cuda`, C++ with CUDA's qualifiers
//! and vector types; and `glsl`, C with GLSL's own word lists.

use super::{lexer_def, Words};
use crate::engine::{Builder, Def};
use crate::token::*;

lexer_def!(c, || {
    build(Flavor {
        tag: "c",
        cpp: false,
        keywords: KEYWORDS.into(),
        types: TYPES.into(),
        reserved: RESERVED.into(),
        builtins: "",
    })
});
lexer_def!(cpp, || {
    build(Flavor {
        tag: "cpp",
        cpp: true,
        keywords: format!("{KEYWORDS}{CPP_KEYWORDS}"),
        types: format!("{TYPES} bool"),
        reserved: format!("{RESERVED}{CPP_RESERVED}"),
        builtins: "",
    })
});
lexer_def!(cuda, || {
    build(Flavor {
        tag: "cuda",
        cpp: true,
        keywords: format!("{KEYWORDS}{CPP_KEYWORDS}{CUDA_KEYWORDS}"),
        types: format!("{TYPES} bool{CUDA_TYPES}"),
        reserved: format!("{RESERVED}{CPP_RESERVED}"),
        builtins: "",
    })
});
lexer_def!(glsl, || {
    build(Flavor {
        tag: "glsl",
        cpp: false,
        keywords: GLSL_KEYWORDS.into(),
        types: GLSL_TYPES.into(),
        reserved: GLSL_RESERVED.into(),
        builtins: GLSL_BUILTINS,
    })
});

/// One member of Rouge's C family: its tag, whether it takes C++'s extra
/// rules, and its word lists (whitespace-separated).
struct Flavor {
    tag: &'static str,
    cpp: bool,
    keywords: String,
    types: String,
    reserved: String,
    builtins: &'static str,
}

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

const GLSL_KEYWORDS: &str = "attribute const uniform varying layout centroid flat smooth \
    noperspective patch sample break continue do for while switch case default if else \
    subroutine in out inout invariant discard return struct precision";
const GLSL_TYPES: &str = "float double int void bool true false lowp mediump highp mat2 mat3 \
    mat4 dmat2 dmat3 dmat4 mat2x2 mat2x3 mat2x4 dmat2x2 dmat2x3 dmat2x4 mat3x2 mat3x3 mat3x4 \
    dmat3x2 dmat3x3 dmat3x4 mat4x2 mat4x3 mat4x4 dmat4x2 dmat4x3 dmat4x4 vec2 vec3 vec4 ivec2 \
    ivec3 ivec4 bvec2 bvec3 bvec4 dvec2 dvec3 dvec4 uint uvec2 uvec3 uvec4 sampler1D sampler2D \
    sampler3D samplerCube sampler1DShadow sampler2DShadow samplerCubeShadow sampler1DArray \
    sampler2DArray sampler1DArrayShadow sampler2DArrayShadow isampler1D isampler2D isampler3D \
    isamplerCube isampler1DArray isampler2DArray usampler1D usampler2D usampler3D usamplerCube \
    usampler1DArray usampler2DArray sampler2DRect sampler2DRectShadow isampler2DRect \
    usampler2DRect samplerBuffer isamplerBuffer usamplerBuffer sampler2DMS isampler2DMS \
    usampler2DMS sampler2DMSArray isampler2DMSArray usampler2DMSArray samplerCubeArray \
    samplerCubeArrayShadow isamplerCubeArray usamplerCubeArray";
const GLSL_RESERVED: &str = "common partition active asm class union enum typedef template \
    this packed goto inline noinline volatile public static extern external interface long \
    short half fixed unsigned superp input output hvec2 hvec3 hvec4 fvec2 fvec3 fvec4 \
    sampler3DRect filter image1D image2D image3D imageCube iimage1D iimage2D iimage3D \
    iimageCube uimage1D uimage2D uimage3D uimageCube image1DArray image2DArray iimage1DArray \
    iimage2DArray uimage1DArray uimage2DArray image1DShadow image2DShadow image1DArrayShadow \
    image2DArrayShadow imageBuffer iimageBuffer uimageBuffer sizeof cast namespace using \
    row_major";
const GLSL_BUILTINS: &str = "gl_VertexID gl_InstanceID gl_PerVertex gl_Position gl_PointSize \
    gl_ClipDistance gl_PrimitiveIDIn gl_InvocationID gl_PrimitiveID gl_Layer gl_ViewportIndex \
    gl_MaxPatchVertices gl_PatchVerticesIn gl_TessLevelOuter gl_TessLevelInner gl_TessCoord \
    gl_FragCoord gl_FrontFacing gl_PointCoord gl_SampleID gl_SamplePosition gl_FragColor \
    gl_FragData gl_MaxDrawBuffers gl_FragDepth gl_SampleMask gl_ClipVertex gl_FrontColor \
    gl_BackColor gl_FrontSecondaryColor gl_BackSecondaryColor gl_TexCoord gl_FogFragCoord \
    gl_Color gl_SecondaryColor gl_Normal gl_MultiTexCord0 gl_MultiTexCord1 gl_MultiTexCord2 \
    gl_MultiTexCord3 gl_MultiTexCord4 gl_MultiTexCord5 gl_MultiTexCord6 gl_MultiTexCord7 \
    gl_FogCoord gl_MaxVertexAttribs gl_MaxVertexUniformComponents gl_MaxVaryingFloats \
    gl_MaxVaryingComponents gl_MaxVertexOutputComponents gl_MaxGeometryInputComponents \
    gl_MaxGeometryOutputComponents gl_MaxFragmentInputComponents \
    gl_MaxVertexTextureImageUnits gl_MaxCombinedTextureImageUnits gl_MaxTextureImageUnits \
    gl_MaxFragmentUniformComponents gl_MaxClipDistances gl_MaxGeometryTextureImageUnits \
    gl_MaxGeometryUniformComponents gl_MaxGeometryVaryingComponents \
    gl_MaxTessControlInputComponents gl_MaxTessControlOutputComponents \
    gl_MaxTessControlTextureImageUnits gl_MaxTessControlUniformComponents \
    gl_MaxTessControlTotalOutputComponents gl_MaxTessEvaluationInputComponents \
    gl_MaxTessEvaluationOutputComponents gl_MaxTessEvaluationTextureImageUnits \
    gl_MaxTessEvaluationUniformComponents gl_MaxTessPatchComponents gl_MaxTessGenLevel \
    gl_MaxViewports gl_MaxVertexUniformVectors gl_MaxFragmentUniformVectors \
    gl_MaxVaryingVectors gl_MaxTextureUnits gl_MaxTextureCoords gl_MaxClipPlanes \
    gl_DepthRange gl_DepthRangeParameters gl_ModelViewMatrix gl_ProjectionMatrix \
    gl_ModelViewProjectionMatrix gl_TextureMatrix gl_NormalMatrix gl_ModelViewMatrixInverse \
    gl_ProjectionMatrixInverse gl_ModelViewProjectionMatrixInverse gl_TextureMatrixInverse \
    gl_ModelViewMatrixTranspose gl_ModelViewProjectionMatrixTranspose \
    gl_TextureMatrixTranspose gl_ModelViewMatrixInverseTranspose \
    gl_ProjectionMatrixInverseTranspose gl_ModelViewProjectionMatrixInverseTranspose \
    gl_TextureMatrixInverseTranspose gl_NormalScale gl_ClipPlane gl_PointParameters gl_Point \
    gl_MaterialParameters gl_FrontMaterial gl_BackMaterial gl_LightSourceParameters \
    gl_LightSource gl_MaxLights gl_LightModelParameters gl_LightModel gl_LightModelProducts \
    gl_FrontLightModelProduct gl_BackLightModelProduct gl_LightProducts gl_FrontLightProduct \
    gl_BackLightProduct gl_TextureEnvColor gl_EyePlaneS gl_EyePlaneT gl_EyePlaneR \
    gl_EyePlaneQ gl_ObjectPlaneS gl_ObjectPlaneT gl_ObjectPlaneR gl_ObjectPlaneQ \
    gl_FogParameters gl_Fog";

const CUDA_KEYWORDS: &str = " __global__ __device__ __host__ __noinline__ __forceinline__ \
    __constant__ __shared__ __managed__ __restrict__";
const CUDA_TYPES: &str = " char1 char2 char3 char4 uchar1 uchar2 uchar3 uchar4 short1 short2 \
    short3 short4 ushort1 ushort2 ushort3 ushort4 int1 int2 int3 int4 uint1 uint2 uint3 uint4 \
    long1 long2 long3 long4 ulong1 ulong2 ulong3 ulong4 longlong1 longlong2 longlong3 longlong4 \
    ulonglong1 ulonglong2 ulonglong3 ulonglong4 float1 float2 float3 float4 double1 double2 \
    double3 double4 dim3";

fn build(flavor: Flavor) -> Def {
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let cpp = flavor.cpp;
    let (kw, ty, res, builtins) = (
        Words::new(leak(flavor.keywords)),
        Words::new(leak(flavor.types)),
        Words::new(leak(flavor.reserved)),
        Words::new(flavor.builtins),
    );
    let ws = r"(?-s:(?:\s|//.*?\n|/[*].*?[*]/)+)";
    let mut b = Builder::new(flavor.tag);
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
            } else if builtins.has(w) {
                NB
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
