//! Stylesheets: Rouge's `css` lexer, and `scss` and `sass` (the indented
//! syntax), which share Rouge's `SassCommon` states and CSS's word lists.

use super::{lexer_def, Words};
use crate::engine::{Builder, Ctx, Def};
use crate::token::*;

lexer_def!(css, build_css);
lexer_def!(scss, build_scss);
lexer_def!(sass, build_sass);

const IDENT: &str = r"[\p{L}_-][\p{Word}\p{Cf}-]*";
const NUMBER: &str = r"-?(?:[0-9]+(\.[0-9]+)?|\.[0-9]+)";

fn build_css() -> Def {
    let (attrs, bi, cons) = (
        Words::new(ATTRIBUTES),
        Words::new(BUILTINS),
        Words::new(CONSTANTS),
    );
    let vendor: Vec<&'static str> = VENDOR_PREFIXES.split_whitespace().collect();
    let mut b = Builder::new("css");
    b.state("root")
        .mixin("basics")
        .rp(r"\{", P, "stanza")
        .r(&format!(r":[:]?{IDENT}"), ND)
        .r(&format!(r"\.{IDENT}"), NC)
        .r(&format!(r"#{IDENT}"), NF)
        .rp(&format!(r"@{IDENT}"), K, "at_rule")
        .r(IDENT, NT)
        .r(r"[~^*!%&\[\]()<>|+=@:;,./?-]", O)
        .r(r#""(\\\\|\\"|[^"])*""#, S1)
        .r(r"'(\\\\|\\'|[^'])*'", S2);
    b.state("value")
        .mixin("basics")
        .r(r"url\(.*?\)", SX)
        .r(r"(?i)#[0-9a-f]{1,6}", M)
        .r(
            &format!(
                r"{NUMBER}(?:%|(?:em|px|pt|pc|in|mm|cm|ex|rem|ch|vw|vh|vmin|vmax|dpi|dpcm|dppx|deg|grad|rad|turn|s|ms|Hz|kHz)\b)?"
            ),
            M,
        )
        .r(r"[\[\]():/.,]", P)
        .r(r#""(\\\\|\\"|[^"])*""#, S1)
        .r(r"'(\\\\|\\'|[^'])*'", S2)
        .f(IDENT, move |c| {
            let w = c.m0();
            let tok = if cons.has(w) {
                NO
            } else if bi.has(w) {
                NB
            } else {
                N
            };
            c.tok(tok);
        });
    b.state("at_rule")
        .rp(&format!(r"(?s)\{{(?=\s*{IDENT}\s*:)"), P, "at_stanza")
        .rp(r"\{", P, "at_body")
        .rpop(";", P)
        .mixin("value");
    b.state("at_body").mixin("at_content").mixin("root");
    b.state("at_stanza").mixin("at_content").mixin("stanza");
    b.state("at_content").rpopn(r"\}", P, 2);
    b.state("basics")
        .r(r"(?s)\s+", TEXT)
        .r(r"(?s)/\*(?:.*?)\*/", C);
    b.state("stanza").mixin("basics").rpop(r"\}", P).f(
        &format!(r"(?s)({IDENT})(\s*)(:)"),
        move |c| {
            let name = c.m(1);
            let tok = if attrs.has(name) || vendor.iter().any(|p| name.starts_with(p)) {
                NL
            } else {
                PY
            };
            c.groups(&[tok, TEXT, P]);
            c.push("stanza_value");
        },
    );
    b.state("stanza_value")
        .rpop(";", P)
        .rpop(r"(?=\})", TEXT)
        .r(r"!\s*important\b", CP)
        .r(r"^@.*?$", CP)
        .mixin("value");
    b.build()
}

const SASS_ID: &str = r"[\w-]+";

fn build_scss() -> Def {
    let mut b = Builder::new("scss");
    b.state("root")
        .r(r"\s+", TEXT)
        .r("//.*?$", C1)
        .r(r"(?s)/[*].*?[*]/", CM)
        .rp(r"@import\b", K, "value")
        .mixin("content_common")
        .f(r"(?=[^;{}][;}])", |c| c.push("attribute"))
        .f(r"(?=[^;{}:\[]+:[^a-z])", |c| c.push("attribute"))
        .f("", |c| c.push("selector"));
    b.state("end_section").r(r"\n", TEXT).f("[;{}]", |c| {
        c.tok(P);
        c.reset_stack();
    });
    sass_common(&mut b);
    b.build()
}

/// Rouge's `sass` with its `Indentation` mixin: a line indented deeper
/// than a `//` or `/*` line continues that comment.
fn build_sass() -> Def {
    let id = SASS_ID;
    let mut b = Builder::new("sass");
    b.state("root").r(r"[ \t]*\n", TEXT).f(r"[ \t]*", |c| {
        c.tok(TEXT);
        let indent = c.m0().to_string();
        let block = c.var("block_state").to_string();
        let block_indent = c.var("block_indentation").to_string();
        c.set_var("last_indentation", indent.clone());
        if !block.is_empty() && indent.starts_with(&block_indent) && indent != block_indent {
            c.push(&block);
        } else {
            c.set_var("block_state", "");
            c.set_var("block_indentation", "");
            c.push("content");
        }
    });
    let starts_block = |c: &mut Ctx<'_>, state: &'static str| {
        let last = c.var("last_indentation").to_string();
        c.set_var("block_state", state);
        c.set_var("block_indentation", last);
    };
    b.state("content")
        .f("//.*?$", move |c| {
            c.tok(C1);
            c.pop(1);
            starts_block(c, "single_comment");
        })
        .f(r"/[*].*?\n", move |c| {
            c.tok(CM);
            c.pop(1);
            starts_block(c, "multi_comment");
        })
        .rp(r"@import\b", K, "import")
        .mixin("content_common")
        .rp(&format!("={id}"), NF, "value")
        .rp(&format!("[+]{id}"), ND, "value")
        .rp(":", NA, "old_style_attr")
        .f(r"(?=[^\[\n]+?:([^a-z]|$))", |c| c.push("attribute"))
        .f("", |c| c.push("selector"));
    b.state("single_comment").rpop(".*?$", C1);
    b.state("multi_comment").rpop(r".*?\n", CM);
    b.state("import")
        .r(r"[ \t]+", TEXT)
        .r(r"\S+", S)
        .rpop(r"\n", TEXT);
    b.state("old_style_attr").mixin("attr_common").f("", |c| {
        c.pop(1);
        c.push("value");
    });
    b.state("end_section").f(r"\n", |c| {
        c.tok(TEXT);
        c.reset_stack();
    });
    sass_common(&mut b);
    b.build()
}

/// The states Rouge's `SassCommon` gives both `scss` and `sass`.
fn sass_common(b: &mut Builder) {
    let id = SASS_ID;
    let (attrs, bi, cons) = (
        Words::new(ATTRIBUTES),
        Words::new(BUILTINS),
        Words::new(CONSTANTS),
    );
    b.state("content_common")
        .rp(r"@for\b", K, "for")
        .rp(r"@(debug|warn|if|each|while|else|return|media)", K, "value")
        .gp(&format!(r"(@mixin)(\s+)({id})"), &[K, TEXT, NF], "value")
        .gp(&format!(r"(@function)(\s+)({id})"), &[K, TEXT, NF], "value")
        .rp(r"@extend\b", K, "selector")
        .gp(&format!(r"(@include)(\s+)({id})"), &[K, TEXT, ND], "value")
        .rp(&format!("@{id}"), K, "selector")
        .rp("&", K, "selector")
        .gp(&format!(r"([$]{id})([ \t]*)(:)"), &[NV, TEXT, P], "value");
    b.state("value")
        .mixin("end_section")
        .r(r"[ \t]+", TEXT)
        .r(&format!("[$]{id}"), NV)
        .rp("url[(]", SX, "string_url")
        .r(&format!(r"{id}(?=\s*[(])"), NF)
        .r(&format!("%{id}"), ND)
        .r(r"(true|false)\b", BP)
        .r(r"(and|or|not)\b", OW)
        .r("(?i)#[a-z0-9]{1,6}", MH)
        .r(r"-?\d+(%|[a-z]+)?", M)
        .r(r"-?\d*\.\d+(%|[a-z]+)?", MI)
        .mixin("has_strings")
        .mixin("has_interp")
        .r(r"[~^*!&%<>\|+=@:,./?-]+", O)
        .r(r"[\[\]()]+", P)
        .rp("/[*]", CM, "inline_comment")
        .r(r"//[^\n]*", C1)
        .f(id, move |c| {
            let w = c.m0();
            let tok = if bi.has(w) {
                NB
            } else if cons.has(w) {
                NO
            } else {
                N
            };
            c.tok(tok);
        });
    b.state("has_interp").rp("[#][{]", SI, "interpolation");
    b.state("has_strings").rp("\"", S2, "dq").rp("'", S1, "sq");
    b.state("interpolation").rpop(r"\}", SI).mixin("value");
    b.state("selector")
        .mixin("end_section")
        .mixin("has_strings")
        .mixin("has_interp")
        .r(r"[ \t]+", TEXT)
        .rp(":", ND, "pseudo_class")
        .rp("[.]", NC, "class")
        .rp("#", NN, "id")
        .rp("%", NV, "placeholder")
        .r(id, NT)
        .r("&", K)
        .r(r"[~^*!&\[\]()<>\|+=@:;,./?-]", O);
    b.state("dq")
        .rpop("\"", S2)
        .mixin("has_interp")
        .r(r##"(\\.|#(?![{])|[^\n"#])+"##, S2);
    b.state("sq")
        .rpop("'", S1)
        .mixin("has_interp")
        .r(r"(\\.|#(?![{])|[^\n'#])+", S1);
    b.state("string_url")
        .rpop("[)]", SX)
        .r(r"(\\.|#(?![{])|[^\n)#])+", SX)
        .mixin("has_interp");
    b.state("selector_piece").mixin("has_interp").rpop("", TEXT);
    b.state("pseudo_class").r(id, ND).mixin("selector_piece");
    b.state("class").r(id, NC).mixin("selector_piece");
    b.state("id").r(id, NN).mixin("selector_piece");
    b.state("placeholder").r(id, NV).mixin("selector_piece");
    b.state("for").r("(from|to|through)", OW).mixin("value");
    b.state("attr_common").mixin("has_interp").f(id, move |c| {
        let tok = if attrs.has(c.m0()) { NL } else { NA };
        c.tok(tok);
    });
    b.state("attribute")
        .mixin("attr_common")
        .gp(r"([ \t]*)(:)", &[TEXT, P], "value");
    b.state("inline_comment")
        .r(r"(\\#|#(?=[^\n{])|\*(?=[^\n/])|[^\n#*])+", CM)
        .mixin("has_interp")
        .rpop("[*]/", CM);
}

const ATTRIBUTES: &str =
    "align-content align-items align-self alignment-adjust alignment-baseline all anchor-point \
    animation animation-delay animation-direction animation-duration animation-fill-mode \
    animation-iteration-count animation-name animation-play-state animation-timing-function \
    appearance azimuth backface-visibility background background-attachment background-clip \
    background-color background-image background-origin background-position background-repeat \
    background-size baseline-shift binding bleed bookmark-label bookmark-level bookmark-state \
    bookmark-target border border-bottom border-bottom-color border-bottom-left-radius \
    border-bottom-right-radius border-bottom-style border-bottom-width border-collapse \
    border-color border-image border-image-outset border-image-repeat border-image-slice \
    border-image-source border-image-width border-left border-left-color border-left-style \
    border-left-width border-radius border-right border-right-color border-right-style \
    border-right-width border-spacing border-style border-top border-top-color \
    border-top-left-radius border-top-right-radius border-top-style border-top-width \
    border-width bottom box-align box-decoration-break box-direction box-flex box-flex-group \
    box-lines box-ordinal-group box-orient box-pack box-shadow box-sizing break-after \
    break-before break-inside caption-side clear clip clip-path clip-rule color color-profile \
    columns column-count column-fill column-gap column-rule column-rule-color column-rule-style \
    column-rule-width column-span column-width content counter-increment counter-reset crop cue \
    cue-after cue-before cursor direction display dominant-baseline drop-initial-after-adjust \
    drop-initial-after-align drop-initial-before-adjust drop-initial-before-align \
    drop-initial-size drop-initial-value elevation empty-cells filter fit fit-position flex \
    flex-basis flex-direction flex-flow flex-grow flex-shrink flex-wrap float float-offset font \
    font-family font-feature-settings font-kerning font-language-override font-size \
    font-size-adjust font-stretch font-style font-synthesis font-variant \
    font-variant-alternates font-variant-caps font-variant-east-asian font-variant-ligatures \
    font-variant-numeric font-variant-position font-weight grid-cell grid-column \
    grid-column-align grid-column-sizing grid-column-span grid-columns grid-flow grid-row \
    grid-row-align grid-row-sizing grid-row-span grid-rows grid-template hanging-punctuation \
    height hyphenate-after hyphenate-before hyphenate-character hyphenate-lines \
    hyphenate-resource hyphens icon image-orientation image-rendering image-resolution ime-mode \
    inline-box-align justify-content left letter-spacing line-break line-height line-stacking \
    line-stacking-ruby line-stacking-shift line-stacking-strategy list-style list-style-image \
    list-style-position list-style-type margin margin-bottom margin-left margin-right \
    margin-top mark marker-offset marks mark-after mark-before marquee-direction marquee-loop \
    marquee-play-count marquee-speed marquee-style mask max-height max-width min-height \
    min-width move-to nav-down nav-index nav-left nav-right nav-up object-fit object-position \
    opacity order orphans outline outline-color outline-offset outline-style outline-width \
    overflow overflow-style overflow-wrap overflow-x overflow-y padding padding-bottom \
    padding-left padding-right padding-top page page-break-after page-break-before \
    page-break-inside page-policy pause pause-after pause-before perspective perspective-origin \
    phonemes pitch pitch-range play-during pointer-events position presentation-level \
    punctuation-trim quotes rendering-intent resize rest rest-after rest-before richness right \
    rotation rotation-point ruby-align ruby-overhang ruby-position ruby-span size speak \
    speak-as speak-header speak-numeral speak-punctuation speech-rate src stress string-set \
    tab-size table-layout target target-name target-new target-position text-align \
    text-align-last text-combine-horizontal text-decoration text-decoration-color \
    text-decoration-line text-decoration-skip text-decoration-style text-emphasis \
    text-emphasis-color text-emphasis-position text-emphasis-style text-height text-indent \
    text-justify text-orientation text-outline text-overflow text-rendering text-shadow \
    text-space-collapse text-transform text-underline-position text-wrap top transform \
    transform-origin transform-style transition transition-delay transition-duration \
    transition-property transition-timing-function unicode-bidi vertical-align visibility \
    voice-balance voice-duration voice-family voice-pitch voice-pitch-range voice-range \
    voice-rate voice-stress voice-volume volume white-space widows width word-break \
    word-spacing word-wrap writing-mode z-index";
const BUILTINS: &str =
    "above absolute always armenian aural auto avoid left bottom baseline behind below \
    bidi-override blink block bold bolder both capitalize center center-left center-right \
    circle cjk-ideographic close-quote collapse condensed continuous crop cross crosshair \
    cursive dashed decimal decimal-leading-zero default digits disc dotted double e-resize \
    embed expanded extra-condensed extra-expanded fantasy far-left far-right fast faster fixed \
    georgian groove hebrew help hidden hide high higher hiragana hiragana-iroha icon inherit \
    inline inline-table inset inside invert italic justify katakana katakana-iroha landscape \
    large larger left-side leftwards level lighter line-through list-item loud low lower \
    lower-alpha lower-greek lower-roman lowercase ltr medium message-box middle mix monospace \
    n-resize narrower ne-resize no-close-quote no-open-quote no-repeat none normal nowrap \
    nw-resize oblique once open-quote outset outside overline pointer portrait px relative \
    repeat repeat-x repeat-y rgb ridge right right-side rightwards s-resize sans-serif scroll \
    se-resize semi-condensed semi-expanded separate serif show silent slow slower small-caps \
    small-caption smaller soft solid spell-out square static status-bar super sw-resize \
    table-caption table-cell table-column table-column-group table-footer-group \
    table-header-group table-row table-row-group text text-bottom text-top thick thin top \
    transparent ultra-condensed ultra-expanded underline upper-alpha upper-latin upper-roman \
    uppercase url visible w-resize wait wider x-fast x-high x-large x-loud x-low x-small x-soft \
    xx-large xx-small yes";
const CONSTANTS: &str =
    "indigo gold firebrick indianred yellow darkolivegreen darkseagreen mediumvioletred \
    mediumorchid chartreuse mediumslateblue black springgreen crimson lightsalmon brown \
    turquoise olivedrab cyan silver skyblue gray darkturquoise goldenrod darkgreen darkviolet \
    darkgray lightpink teal darkmagenta lightgoldenrodyellow lavender yellowgreen thistle \
    violet navy orchid blue ghostwhite honeydew cornflowerblue darkblue darkkhaki mediumpurple \
    cornsilk red bisque slategray darkcyan khaki wheat deepskyblue darkred steelblue aliceblue \
    gainsboro mediumturquoise floralwhite coral purple lightgrey lightcyan darksalmon beige \
    azure lightsteelblue oldlace greenyellow royalblue lightseagreen mistyrose sienna \
    lightcoral orangered navajowhite lime palegreen burlywood seashell mediumspringgreen \
    fuchsia papayawhip blanchedalmond peru aquamarine white darkslategray ivory dodgerblue \
    lemonchiffon chocolate orange forestgreen slateblue olive mintcream antiquewhite darkorange \
    cadetblue moccasin limegreen saddlebrown darkslateblue lightskyblue deeppink plum aqua \
    darkgoldenrod maroon sandybrown magenta tan rosybrown pink lightblue palevioletred \
    mediumseagreen dimgray powderblue seagreen snow mediumblue midnightblue paleturquoise \
    palegoldenrod whitesmoke darkorchid salmon lightslategray lawngreen lightgreen tomato \
    hotpink lightyellow lavenderblush linen mediumaquamarine green blueviolet peachpuff";
const VENDOR_PREFIXES: &str =
    "-ah- -atsc- -hp- -khtml- -moz- -ms- -o- -rim- -ro- -tc- -wap- -webkit- -xv- mso- prince-";
