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
