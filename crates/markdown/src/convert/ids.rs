//! Header ids: kramdown's `generate_id` (ASCII letters and digits, dashes,
//! numbered duplicates), with optional transliteration.

use super::html::Html;

impl Html<'_> {
    pub(super) fn generate_id(&mut self, s: &str) -> String {
        let mut id = if self.opts.transliterated_header_ids {
            basic_generate_id(&transliterate(s))
        } else {
            basic_generate_id(s)
        };
        if id.is_empty() {
            id = "section".to_string();
        }
        match self.used_ids.get_mut(&id) {
            Some(n) => {
                *n += 1;
                id = format!("{id}-{n}");
            }
            None => {
                self.used_ids.insert(id.clone(), 0);
            }
        }
        format!("{}{}", self.opts.auto_id_prefix, id)
    }
}

/// kramdown's `basic_generate_id`.
pub(crate) fn basic_generate_id(s: &str) -> String {
    let mut out = String::new();
    for line in s.split_inclusive('\n') {
        let t = line.trim_start_matches(|c: char| !c.is_ascii_alphabetic() && c != '\n');
        for c in t.chars() {
            if c.is_ascii_alphanumeric() || c == '-' {
                out.push(c.to_ascii_lowercase());
            } else if c == ' ' {
                out.push('-');
            }
        }
    }
    out
}

/// ASCII for Latin letters with diacritics (`transliterated_header_ids`).
/// kramdown uses the stringex gem's tables; this covers Latin-1 and Latin
/// Extended-A, and drops other characters as `basic_generate_id` would.
fn transliterate(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let r: &str = match c {
            'À'..='Å' => "A",
            'Æ' => "AE",
            'Ç' => "C",
            'È'..='Ë' => "E",
            'Ì'..='Ï' => "I",
            'Ð' => "D",
            'Ñ' => "N",
            'Ò'..='Ö' | 'Ø' => "O",
            'Ù'..='Ü' => "U",
            'Ý' => "Y",
            'Þ' => "Th",
            'ß' => "ss",
            'à'..='å' => "a",
            'æ' => "ae",
            'ç' => "c",
            'è'..='ë' => "e",
            'ì'..='ï' => "i",
            'ð' => "d",
            'ñ' => "n",
            'ò'..='ö' | 'ø' => "o",
            'ù'..='ü' => "u",
            'ý' | 'ÿ' => "y",
            'þ' => "th",
            'Œ' => "OE",
            'œ' => "oe",
            'Ł' => "L",
            'ł' => "l",
            '\u{100}'..='\u{17F}' => {
                // Latin Extended-A alternates upper/lower case of one base letter.
                const BASES: &str = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
                let i = (c as u32 - 0x100) as usize;
                match BASES.get(i..i + 1) {
                    Some(b) => {
                        out.push_str(b);
                        continue;
                    }
                    None => "",
                }
            }
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(r);
    }
    out
}
