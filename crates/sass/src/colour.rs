//! Colours as dart-sass writes them where grass differs: hue without a unit,
//! hex-with-alpha literals as `rgba()`, and the table of named colours.

use crate::value::{is_name_byte, quoted_end};

/// CSS's named colours, which Sass reads as colour values.
pub(crate) const COLOR_NAMES: &[&str] = &[
    "aliceblue",
    "antiquewhite",
    "aqua",
    "aquamarine",
    "azure",
    "beige",
    "bisque",
    "black",
    "blanchedalmond",
    "blue",
    "blueviolet",
    "brown",
    "burlywood",
    "cadetblue",
    "chartreuse",
    "chocolate",
    "coral",
    "cornflowerblue",
    "cornsilk",
    "crimson",
    "cyan",
    "darkblue",
    "darkcyan",
    "darkgoldenrod",
    "darkgray",
    "darkgreen",
    "darkgrey",
    "darkkhaki",
    "darkmagenta",
    "darkolivegreen",
    "darkorange",
    "darkorchid",
    "darkred",
    "darksalmon",
    "darkseagreen",
    "darkslateblue",
    "darkslategray",
    "darkslategrey",
    "darkturquoise",
    "darkviolet",
    "deeppink",
    "deepskyblue",
    "dimgray",
    "dimgrey",
    "dodgerblue",
    "firebrick",
    "floralwhite",
    "forestgreen",
    "fuchsia",
    "gainsboro",
    "ghostwhite",
    "gold",
    "goldenrod",
    "gray",
    "green",
    "greenyellow",
    "grey",
    "honeydew",
    "hotpink",
    "indianred",
    "indigo",
    "ivory",
    "khaki",
    "lavender",
    "lavenderblush",
    "lawngreen",
    "lemonchiffon",
    "lightblue",
    "lightcoral",
    "lightcyan",
    "lightgoldenrodyellow",
    "lightgray",
    "lightgreen",
    "lightgrey",
    "lightpink",
    "lightsalmon",
    "lightseagreen",
    "lightskyblue",
    "lightslategray",
    "lightslategrey",
    "lightsteelblue",
    "lightyellow",
    "lime",
    "limegreen",
    "linen",
    "magenta",
    "maroon",
    "mediumaquamarine",
    "mediumblue",
    "mediumorchid",
    "mediumpurple",
    "mediumseagreen",
    "mediumslateblue",
    "mediumspringgreen",
    "mediumturquoise",
    "mediumvioletred",
    "midnightblue",
    "mintcream",
    "mistyrose",
    "moccasin",
    "navajowhite",
    "navy",
    "oldlace",
    "olive",
    "olivedrab",
    "orange",
    "orangered",
    "orchid",
    "palegoldenrod",
    "palegreen",
    "paleturquoise",
    "palevioletred",
    "papayawhip",
    "peachpuff",
    "peru",
    "pink",
    "plum",
    "powderblue",
    "purple",
    "rebeccapurple",
    "red",
    "rosybrown",
    "royalblue",
    "saddlebrown",
    "salmon",
    "sandybrown",
    "seagreen",
    "seashell",
    "sienna",
    "silver",
    "skyblue",
    "slateblue",
    "slategray",
    "slategrey",
    "snow",
    "springgreen",
    "steelblue",
    "tan",
    "teal",
    "thistle",
    "tomato",
    "transparent",
    "turquoise",
    "violet",
    "wheat",
    "white",
    "whitesmoke",
    "yellow",
    "yellowgreen",
];

/// dart-sass writes the hue of `hsl()`/`hsla()` colours as a bare number;
/// grass appends `deg` (`hsl(120deg, 100%, 50%)`).
pub(crate) fn hsl_hue_without_unit(s: &str) -> String {
    if !s.contains("hsl") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find("hsl") {
        let after = &rest[pos..];
        let open = if after.starts_with("hsla(") {
            5
        } else if after.starts_with("hsl(") {
            4
        } else {
            out.push_str(&rest[..pos + 3]);
            rest = &rest[pos + 3..];
            continue;
        };
        out.push_str(&rest[..pos + open]);
        let args = &after[open..];
        let num_len = args
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .unwrap_or(args.len());
        if num_len > 0 && args[num_len..].starts_with("deg,") {
            out.push_str(&args[..num_len]);
            rest = &args[num_len + 3..];
        } else {
            rest = args;
        }
    }
    out.push_str(rest);
    out
}

/// Expanded dart-sass writes a hex colour with an alpha channel
/// (`#ff000080`, `#f008`) as `rgba()`; grass keeps the literal.
pub(crate) fn hex_alpha_as_rgba(s: &str) -> String {
    if !s.contains('#') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' => {
                i += quoted_end(&s[i..]).unwrap_or(1);
                continue;
            }
            b'#' if i == 0 || !is_name_byte(bytes[i - 1]) => {
                let len = bytes[i + 1..]
                    .iter()
                    .take_while(|b| is_name_byte(**b))
                    .count();
                let word = &s[i + 1..i + 1 + len];
                if let Some(rgba) = hex_alpha(word) {
                    out.push_str(&s[last..i]);
                    out.push_str(&rgba);
                    last = i + 1 + len;
                }
                i += 1 + len;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out.push_str(&s[last..]);
    out
}

/// Eight-digit words without a lower-case letter are left alone: that is
/// how `ie-hex-str()` writes its `#AARRGGBB` strings, which dart-sass keeps.
fn hex_alpha(word: &str) -> Option<String> {
    let lower = word.bytes().any(|b| b.is_ascii_lowercase());
    if !word.bytes().all(|b| b.is_ascii_hexdigit()) || (word.len() == 8 && !lower) {
        return None;
    }
    let channels: Vec<u32> = match word.len() {
        8 => (0..4)
            .map(|k| u32::from_str_radix(&word[2 * k..2 * k + 2], 16).ok())
            .collect::<Option<_>>()?,
        4 => word
            .chars()
            .map(|c| c.to_digit(16).map(|d| d * 17))
            .collect::<Option<_>>()?,
        _ => return None,
    };
    if channels[3] == 255 {
        return None;
    }
    let alpha = f64::from(channels[3]) / 255.0;
    let mut a = format!("{alpha:.10}");
    a = a.trim_end_matches('0').trim_end_matches('.').to_string();
    Some(format!(
        "rgba({}, {}, {}, {a})",
        channels[0], channels[1], channels[2]
    ))
}

/// CSS colour names by value (red, green, blue, alpha), one name per value:
/// of two names for one colour, the first in alphabetical order, as
/// dart-sass names a colour in its warnings.
const NAMES_BY_VALUE: &[(&str, [u8; 4])] = &[
    ("aliceblue", [240, 248, 255, 1]),
    ("antiquewhite", [250, 235, 215, 1]),
    ("aqua", [0, 255, 255, 1]),
    ("aquamarine", [127, 255, 212, 1]),
    ("azure", [240, 255, 255, 1]),
    ("beige", [245, 245, 220, 1]),
    ("bisque", [255, 228, 196, 1]),
    ("black", [0, 0, 0, 1]),
    ("blanchedalmond", [255, 235, 205, 1]),
    ("blue", [0, 0, 255, 1]),
    ("blueviolet", [138, 43, 226, 1]),
    ("brown", [165, 42, 42, 1]),
    ("burlywood", [222, 184, 135, 1]),
    ("cadetblue", [95, 158, 160, 1]),
    ("chartreuse", [127, 255, 0, 1]),
    ("chocolate", [210, 105, 30, 1]),
    ("coral", [255, 127, 80, 1]),
    ("cornflowerblue", [100, 149, 237, 1]),
    ("cornsilk", [255, 248, 220, 1]),
    ("crimson", [220, 20, 60, 1]),
    ("darkblue", [0, 0, 139, 1]),
    ("darkcyan", [0, 139, 139, 1]),
    ("darkgoldenrod", [184, 134, 11, 1]),
    ("darkgray", [169, 169, 169, 1]),
    ("darkgreen", [0, 100, 0, 1]),
    ("darkkhaki", [189, 183, 107, 1]),
    ("darkmagenta", [139, 0, 139, 1]),
    ("darkolivegreen", [85, 107, 47, 1]),
    ("darkorange", [255, 140, 0, 1]),
    ("darkorchid", [153, 50, 204, 1]),
    ("darkred", [139, 0, 0, 1]),
    ("darksalmon", [233, 150, 122, 1]),
    ("darkseagreen", [143, 188, 143, 1]),
    ("darkslateblue", [72, 61, 139, 1]),
    ("darkslategray", [47, 79, 79, 1]),
    ("darkturquoise", [0, 206, 209, 1]),
    ("darkviolet", [148, 0, 211, 1]),
    ("deeppink", [255, 20, 147, 1]),
    ("deepskyblue", [0, 191, 255, 1]),
    ("dimgray", [105, 105, 105, 1]),
    ("dodgerblue", [30, 144, 255, 1]),
    ("firebrick", [178, 34, 34, 1]),
    ("floralwhite", [255, 250, 240, 1]),
    ("forestgreen", [34, 139, 34, 1]),
    ("fuchsia", [255, 0, 255, 1]),
    ("gainsboro", [220, 220, 220, 1]),
    ("ghostwhite", [248, 248, 255, 1]),
    ("gold", [255, 215, 0, 1]),
    ("goldenrod", [218, 165, 32, 1]),
    ("gray", [128, 128, 128, 1]),
    ("green", [0, 128, 0, 1]),
    ("greenyellow", [173, 255, 47, 1]),
    ("honeydew", [240, 255, 240, 1]),
    ("hotpink", [255, 105, 180, 1]),
    ("indianred", [205, 92, 92, 1]),
    ("indigo", [75, 0, 130, 1]),
    ("ivory", [255, 255, 240, 1]),
    ("khaki", [240, 230, 140, 1]),
    ("lavender", [230, 230, 250, 1]),
    ("lavenderblush", [255, 240, 245, 1]),
    ("lawngreen", [124, 252, 0, 1]),
    ("lemonchiffon", [255, 250, 205, 1]),
    ("lightblue", [173, 216, 230, 1]),
    ("lightcoral", [240, 128, 128, 1]),
    ("lightcyan", [224, 255, 255, 1]),
    ("lightgoldenrodyellow", [250, 250, 210, 1]),
    ("lightgray", [211, 211, 211, 1]),
    ("lightgreen", [144, 238, 144, 1]),
    ("lightpink", [255, 182, 193, 1]),
    ("lightsalmon", [255, 160, 122, 1]),
    ("lightseagreen", [32, 178, 170, 1]),
    ("lightskyblue", [135, 206, 250, 1]),
    ("lightslategray", [119, 136, 153, 1]),
    ("lightsteelblue", [176, 196, 222, 1]),
    ("lightyellow", [255, 255, 224, 1]),
    ("lime", [0, 255, 0, 1]),
    ("limegreen", [50, 205, 50, 1]),
    ("linen", [250, 240, 230, 1]),
    ("maroon", [128, 0, 0, 1]),
    ("mediumaquamarine", [102, 205, 170, 1]),
    ("mediumblue", [0, 0, 205, 1]),
    ("mediumorchid", [186, 85, 211, 1]),
    ("mediumpurple", [147, 112, 219, 1]),
    ("mediumseagreen", [60, 179, 113, 1]),
    ("mediumslateblue", [123, 104, 238, 1]),
    ("mediumspringgreen", [0, 250, 154, 1]),
    ("mediumturquoise", [72, 209, 204, 1]),
    ("mediumvioletred", [199, 21, 133, 1]),
    ("midnightblue", [25, 25, 112, 1]),
    ("mintcream", [245, 255, 250, 1]),
    ("mistyrose", [255, 228, 225, 1]),
    ("moccasin", [255, 228, 181, 1]),
    ("navajowhite", [255, 222, 173, 1]),
    ("navy", [0, 0, 128, 1]),
    ("oldlace", [253, 245, 230, 1]),
    ("olive", [128, 128, 0, 1]),
    ("olivedrab", [107, 142, 35, 1]),
    ("orange", [255, 165, 0, 1]),
    ("orangered", [255, 69, 0, 1]),
    ("orchid", [218, 112, 214, 1]),
    ("palegoldenrod", [238, 232, 170, 1]),
    ("palegreen", [152, 251, 152, 1]),
    ("paleturquoise", [175, 238, 238, 1]),
    ("palevioletred", [219, 112, 147, 1]),
    ("papayawhip", [255, 239, 213, 1]),
    ("peachpuff", [255, 218, 185, 1]),
    ("peru", [205, 133, 63, 1]),
    ("pink", [255, 192, 203, 1]),
    ("plum", [221, 160, 221, 1]),
    ("powderblue", [176, 224, 230, 1]),
    ("purple", [128, 0, 128, 1]),
    ("rebeccapurple", [102, 51, 153, 1]),
    ("red", [255, 0, 0, 1]),
    ("rosybrown", [188, 143, 143, 1]),
    ("royalblue", [65, 105, 225, 1]),
    ("saddlebrown", [139, 69, 19, 1]),
    ("salmon", [250, 128, 114, 1]),
    ("sandybrown", [244, 164, 96, 1]),
    ("seagreen", [46, 139, 87, 1]),
    ("seashell", [255, 245, 238, 1]),
    ("sienna", [160, 82, 45, 1]),
    ("silver", [192, 192, 192, 1]),
    ("skyblue", [135, 206, 235, 1]),
    ("slateblue", [106, 90, 205, 1]),
    ("slategray", [112, 128, 144, 1]),
    ("snow", [255, 250, 250, 1]),
    ("springgreen", [0, 255, 127, 1]),
    ("steelblue", [70, 130, 180, 1]),
    ("tan", [210, 180, 140, 1]),
    ("teal", [0, 128, 128, 1]),
    ("thistle", [216, 191, 216, 1]),
    ("tomato", [255, 99, 71, 1]),
    ("transparent", [0, 0, 0, 0]),
    ("turquoise", [64, 224, 208, 1]),
    ("violet", [238, 130, 238, 1]),
    ("wheat", [245, 222, 179, 1]),
    ("white", [255, 255, 255, 1]),
    ("whitesmoke", [245, 245, 245, 1]),
    ("yellow", [255, 255, 0, 1]),
    ("yellowgreen", [154, 205, 50, 1]),
];

/// The CSS name of a colour given as `ie-hex-str` writes it (`#AARRGGBB`),
/// if the colour has one (fully opaque or fully transparent only).
pub(crate) fn name_of_ie_hex(hex: &str) -> Option<&'static str> {
    let digits = hex.strip_prefix('#')?;
    if digits.len() != 8 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok();
    let alpha = match byte(0)? {
        255 => 1,
        0 => 0,
        _ => return None,
    };
    let value = [byte(2)?, byte(4)?, byte(6)?, alpha];
    NAMES_BY_VALUE
        .iter()
        .find(|(_, v)| *v == value)
        .map(|(name, _)| *name)
}
