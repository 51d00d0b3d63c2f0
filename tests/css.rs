//! A small CSS canonicaliser: comments dropped, whitespace collapsed, no
//! spaces around punctuation, no last semicolon in a block, lowercase hex
//! colours and zero units unified, so that libsass, dart-sass and hyde output
//! compare equal when they mean the same thing.

/// The canonical form of a stylesheet.
pub fn canonical(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let b: Vec<char> = css.chars().collect();
    let mut i = 0;
    let mut pending_space = false;
    let mut quote: Option<char> = None;
    while i < b.len() {
        let c = b[i];
        if let Some(q) = quote {
            out.push(c);
            if c == '\\' && i + 1 < b.len() {
                out.push(b[i + 1]);
                i += 2;
                continue;
            }
            if c == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        if c == '/' && b.get(i + 1) == Some(&'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                i += 1;
            }
            i += 2;
            pending_space = true;
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            i += 1;
            continue;
        }
        let punct = "{}:;,>+~()".contains(c);
        if pending_space
            && !out.is_empty()
            && !punct
            && !out.ends_with(|p: char| "{}:;,>+~(".contains(p))
        {
            out.push(' ');
        }
        pending_space = false;
        if c == '"' || c == '\'' {
            quote = Some(c);
        }
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
        i += 1;
    }
    // Lowercase hex colours.
    let mut res = String::with_capacity(out.len());
    let chars: Vec<char> = out.chars().collect();
    let mut j = 0;
    while j < chars.len() {
        if chars[j] == '#' {
            let mut k = j + 1;
            while k < chars.len() && chars[k].is_ascii_hexdigit() {
                k += 1;
            }
            if matches!(k - j - 1, 3 | 6) && chars.get(k).is_none_or(|c| !c.is_alphanumeric()) {
                res.push('#');
                res.extend(chars[j + 1..k].iter().map(|c| c.to_ascii_lowercase()));
                j = k;
                continue;
            }
        }
        res.push(chars[j]);
        j += 1;
    }
    let res = res.replace("@charset \"UTF-8\";", "");
    res.replace('}', "}\n")
}

#[cfg(test)]
mod tests {
    use super::canonical;

    #[test]
    fn css_canonical_form() {
        let a = "a {\n  color: #FFF;\n  margin: 0 auto;\n}\n/* c */\n";
        let b = "a{color:#fff;margin:0 auto}";
        assert_eq!(canonical(a), canonical(b));
        assert_ne!(canonical("a{margin:0 auto}"), canonical("a{margin:0auto}"));
    }
}
