//! Front-matter defaults: the `defaults:` sets of the configuration, scoped by
//! `path` (a prefix, or a glob when it contains `*`) and `type`.
//!
//! As in Jekyll, every matching set is merged in order; a set whose scope is
//! more specific (a longer path, or a type where the previous had none) wins
//! over the sets merged before it, a less specific one only fills the gaps.

use hyde_liquid::value::map_get;
use hyde_liquid::{Map, Value};

use crate::value::deep_merge;

/// One `defaults:` entry.
#[derive(Debug, Clone)]
struct Set {
    path: Option<String>,
    kind: Option<String>,
    values: Map,
}

/// The site's front-matter defaults.
#[derive(Debug, Clone, Default)]
pub struct FrontMatterDefaults {
    sets: Vec<Set>,
    collections_dir: String,
}

impl FrontMatterDefaults {
    /// Reads the `defaults` configuration value; invalid sets are skipped (with a warning from the caller).
    pub fn new(
        config_defaults: Option<&Value>,
        collections_dir: &str,
    ) -> (FrontMatterDefaults, Vec<String>) {
        let mut sets = Vec::new();
        let mut warnings = Vec::new();
        if let Some(Value::Array(items)) = config_defaults {
            for item in items.iter() {
                let Some(Value::Hash(values)) = item.get("values") else {
                    warnings.push(format!(
                        "An invalid front-matter default set was found: {}",
                        item.inspect()
                    ));
                    continue;
                };
                let scope = item.get("scope");
                let path = scope
                    .as_ref()
                    .and_then(|s| s.get("path"))
                    .and_then(|p| p.as_str().map(str::to_string));
                let kind = scope.as_ref().and_then(|s| s.get("type")).map(|t| {
                    match t.to_liquid_string().as_str() {
                        "page" => "pages".to_string(),
                        "post" => "posts".to_string(),
                        "draft" => "drafts".to_string(),
                        other => other.to_string(),
                    }
                });
                sets.push(Set {
                    path,
                    kind,
                    values: (*values).clone(),
                });
            }
        }
        (
            FrontMatterDefaults {
                sets,
                collections_dir: collections_dir.to_string(),
            },
            warnings,
        )
    }

    /// Whether any set exists.
    pub fn is_empty(&self) -> bool {
        self.sets.is_empty()
    }

    /// Jekyll's `FrontmatterDefaults#all(path, type)`.
    pub fn all(&self, path: &str, kind: &str) -> Map {
        let mut out = Map::new();
        let mut old: Option<&Set> = None;
        for set in self.sets.iter().filter(|s| self.applies(s, path, kind)) {
            if has_precedence(old, set) {
                deep_merge(&mut out, &set.values);
                old = Some(set);
            } else {
                let mut merged = set.values.clone();
                deep_merge(&mut merged, &out);
                out = merged;
            }
        }
        out
    }

    /// Jekyll's `FrontmatterDefaults#find(path, type, key)`.
    pub fn find(&self, path: &str, kind: &str, key: &str) -> Option<Value> {
        let mut value = None;
        let mut old: Option<&Set> = None;
        for set in self.sets.iter().filter(|s| self.applies(s, path, kind)) {
            if let Some(v) = map_get(&set.values, key) {
                if has_precedence(old, set) {
                    value = Some(v.clone());
                    old = Some(set);
                }
            }
        }
        value
    }

    fn applies(&self, set: &Set, path: &str, kind: &str) -> bool {
        if let Some(k) = &set.kind {
            if k != kind {
                return false;
            }
        }
        let scope = match &set.path {
            None => return true,
            Some(p) if p.is_empty() => return true,
            Some(p) => p.as_str(),
        };
        let path = sanitize(path);
        if scope.contains('*') {
            let scope = self.strip_collections_dir(scope.trim_start_matches('/'));
            glob_prefix_match(&scope, &path)
        } else {
            path.starts_with(&self.strip_collections_dir(scope))
        }
    }

    fn strip_collections_dir(&self, path: &str) -> String {
        if self.collections_dir.is_empty() {
            return path.to_string();
        }
        let slashed = format!("{}/", self.collections_dir);
        path.strip_prefix(&slashed)
            .map(str::to_string)
            .unwrap_or_else(|| path.to_string())
    }
}

fn sanitize(path: &str) -> String {
    if let Some(rest) = path.strip_prefix('/') {
        rest.trim_end_matches('/').to_string()
    } else {
        path.to_string()
    }
}

fn scope_len(set: Option<&Set>) -> usize {
    set.and_then(|s| s.path.as_deref())
        .map(|p| sanitize_scope(p).len())
        .unwrap_or(0)
}

fn sanitize_scope(p: &str) -> String {
    // `gsub(%r!\A/|(?<=[^/])\z!, "")`: only the leading slash goes.
    p.strip_prefix('/').unwrap_or(p).to_string()
}

fn has_precedence(old: Option<&Set>, new: &Set) -> bool {
    let Some(o) = old else { return true };
    let (nl, ol) = (scope_len(Some(new)), scope_len(Some(o)));
    if nl != ol {
        nl >= ol
    } else if new.kind.is_some() {
        true
    } else {
        o.kind.is_none()
    }
}

/// Whether some path matched by the glob `pattern` (as `Dir.glob` expands it:
/// `*` within a segment, `**` across segments) is a prefix of `path`.
fn glob_prefix_match(pattern: &str, path: &str) -> bool {
    let pat: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
    let segs: Vec<&str> = path.split('/').collect();
    (1..=segs.len()).any(|n| segments_match(&pat, &segs[..n]))
}

fn segments_match(pat: &[&str], segs: &[&str]) -> bool {
    match pat.first() {
        None => segs.is_empty(),
        Some(&"**") => (0..=segs.len()).any(|i| segments_match(&pat[1..], &segs[i..])),
        Some(p) => {
            !segs.is_empty()
                && (!segs[0].starts_with('.') || p.starts_with('.'))
                && crate::fnmatch::fnmatch(p, segs[0])
                && segments_match(&pat[1..], &segs[1..])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::glob_prefix_match;

    #[test]
    fn glob_scopes() {
        assert!(glob_prefix_match("docs/*", "docs/a.md"));
        assert!(glob_prefix_match("docs/*/x", "docs/a/x/y.md"));
        assert!(!glob_prefix_match("docs/*.html", "docs/a.md"));
        assert!(glob_prefix_match("**/*.md", "a/b/c.md"));
    }
}
