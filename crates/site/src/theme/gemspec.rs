//! Reading a gemspec without Ruby: the runtime dependencies (Jekyll
//! requires them with the theme) and what the `theme` drop shows.
//!
//! Gemspecs are Ruby. RubyGems writes installed ones as stubs of a fixed
//! shape (`s.authors = ["A".freeze]`, `s.add_runtime_dependency(%q<x>.freeze,
//! ["~> 1.0"])`); hand-written ones (a `path:` gem) use the same calls with
//! plain strings. Only string literals are read; anything computed is left out.

/// The parts of a gemspec the `theme` drop shows, read from the Ruby text
/// RubyGems writes (`s.authors = ["A".freeze]`) or a hand-written one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GemspecInfo {
    /// `authors`.
    pub authors: Vec<String>,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `metadata`, in order.
    pub metadata: Vec<(String, String)>,
    /// Runtime dependencies with their requirement as RubyGems prints it
    /// (`>= 3.5, < 5.0`; `>= 0` when none is given).
    pub dependencies: Vec<(String, String)>,
}

impl GemspecInfo {
    /// Reads what it can; anything else stays empty.
    pub fn read(spec: &str) -> GemspecInfo {
        let assigned = |attr: &str| -> Option<&str> {
            spec.lines().find_map(|l| {
                let (lhs, rhs) = l.split_once('=')?;
                let lhs = lhs.trim();
                (lhs.ends_with(&format!(".{attr}")) && !rhs.starts_with(['=', '~']))
                    .then_some(rhs.trim())
            })
        };
        let one = |attr: &str| assigned(attr).and_then(|v| ruby_strings(v).into_iter().next());
        let metadata = assigned("metadata")
            .map(|v| {
                let items = ruby_strings(v);
                items
                    .chunks(2)
                    .filter(|c| c.len() == 2)
                    .map(|c| (c[0].clone(), c[1].clone()))
                    .collect()
            })
            .unwrap_or_default();
        let runtime = runtime_dependencies(spec);
        let method = if spec.contains("add_runtime_dependency") {
            "add_runtime_dependency"
        } else {
            "add_dependency"
        };
        let mut dependencies = Vec::new();
        for line in spec.lines().filter(|l| l.contains(method)) {
            let args = ruby_strings(&line[line.find(method).unwrap_or(0) + method.len()..]);
            let Some((name, reqs)) = args.split_first() else {
                continue;
            };
            if !runtime.contains(name) || dependencies.iter().any(|(n, _)| n == name) {
                continue;
            }
            let reqs: Vec<String> = reqs.iter().map(|r| requirement(r)).collect();
            let req = if reqs.is_empty() {
                ">= 0".to_string()
            } else {
                reqs.join(", ")
            };
            dependencies.push((name.clone(), req));
        }
        GemspecInfo {
            authors: assigned("authors").map(ruby_strings).unwrap_or_default(),
            summary: one("summary"),
            description: one("description"),
            metadata,
            dependencies,
        }
    }
}

/// `Gem::Requirement.parse` printed back: `3.5` is `= 3.5`.
fn requirement(r: &str) -> String {
    let r = r.trim();
    let op_len = r
        .find(|c: char| !matches!(c, '=' | '!' | '>' | '<' | '~'))
        .unwrap_or(r.len());
    let (op, version) = r.split_at(op_len);
    let op = if op.is_empty() { "=" } else { op };
    format!("{op} {}", version.trim())
}

/// The string literals in a piece of Ruby (`"a"`, `'b'`, `%q<c>`), in order.
fn ruby_strings(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let close = match c {
            '"' => '"',
            '\'' => '\'',
            '%' if chars.peek() == Some(&'q') => {
                chars.next();
                match chars.next() {
                    Some('<') => '>',
                    Some('(') => ')',
                    Some('{') => '}',
                    Some('[') => ']',
                    Some(o) => o,
                    None => break,
                }
            }
            '#' => break,
            _ => continue,
        };
        let mut s = String::new();
        while let Some(ch) = chars.next() {
            if ch == close {
                break;
            }
            if ch == '\\' && close == '"' {
                match chars.next() {
                    Some('n') => s.push('\n'),
                    Some('t') => s.push('\t'),
                    Some(other) => s.push(other),
                    None => break,
                }
            } else {
                s.push(ch);
            }
        }
        out.push(s);
    }
    out
}

/// Runtime dependencies named in a gemspec (RubyGems' generated stub or a
/// hand-written one): `add_runtime_dependency`, or `add_dependency` (which
/// also means runtime) when the file has no `add_runtime_dependency`.
pub fn runtime_dependencies(spec: &str) -> Vec<String> {
    let calls = |method: &str| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut rest = spec;
        while let Some(i) = rest.find(method) {
            rest = &rest[i + method.len()..];
            let arg = rest.trim_start_matches(['(', ' ', '\t']);
            let name = if let Some(q) = arg.strip_prefix("%q<") {
                q.split('>').next()
            } else if let Some(q) = arg.strip_prefix('"') {
                q.split('"').next()
            } else if let Some(q) = arg.strip_prefix('\'') {
                q.split('\'').next()
            } else {
                None
            };
            if let Some(n) = name.filter(|n| !n.is_empty()) {
                if !out.iter().any(|o| o == n) {
                    out.push(n.to_string());
                }
            }
        }
        out
    };
    let runtime = calls("add_runtime_dependency");
    if runtime.is_empty() {
        calls("add_dependency")
    } else {
        runtime
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gemspec_runtime_dependencies_skip_development_ones() {
        let stub = "s.add_runtime_dependency(%q<jekyll>.freeze, [\">= 3.5\"])\n\
                    s.add_runtime_dependency(%q<jekyll-feed>.freeze, [\"~> 0.9\"])\n\
                    s.add_development_dependency(%q<bundler>.freeze, [\">= 1.15\"])\n\
                    else\n s.add_dependency(%q<bundler>.freeze, [\">= 1.15\"])\n";
        assert_eq!(runtime_dependencies(stub), ["jekyll", "jekyll-feed"]);
        let written = "spec.add_dependency \"jekyll-seo-tag\", \"~> 2.1\"\n\
                       spec.add_development_dependency \"rake\"\n";
        assert_eq!(runtime_dependencies(written), ["jekyll-seo-tag"]);
    }

    #[test]
    fn gemspec_fields_for_the_theme_drop() {
        let stub = "# stub: t 1.0 ruby lib\n\
                    Gem::Specification.new do |s|\n\
                    s.metadata = { \"plugin_type\" => \"theme\" } if s.respond_to? :metadata=\n\
                    s.authors = [\"Ann\".freeze, \"Bob\".freeze]\n\
                    s.summary = \"A theme.\".freeze\n\
                    s.add_runtime_dependency(%q<jekyll>.freeze, [\">= 3.5\", \"< 5.0\"])\n\
                    s.add_runtime_dependency(%q<jekyll-feed>.freeze, [\"~> 0.9\"])\n\
                    s.add_development_dependency(%q<rake>.freeze, [\"12\"])\n";
        let info = GemspecInfo::read(stub);
        assert_eq!(info.authors, ["Ann", "Bob"]);
        assert_eq!(info.summary.as_deref(), Some("A theme."));
        assert_eq!(info.description, None);
        assert_eq!(info.metadata, [("plugin_type".into(), "theme".into())]);
        assert_eq!(
            info.dependencies,
            [
                ("jekyll".to_string(), ">= 3.5, < 5.0".to_string()),
                ("jekyll-feed".to_string(), "~> 0.9".to_string())
            ]
        );
        let written =
            "spec.add_dependency \"jekyll-seo-tag\"\nspec.add_dependency \"x\", \"1.2\"\n";
        let info = GemspecInfo::read(written);
        assert_eq!(
            info.dependencies,
            [
                ("jekyll-seo-tag".to_string(), ">= 0".to_string()),
                ("x".to_string(), "= 1.2".to_string())
            ]
        );
    }
}
