//! jekyll-github-metadata, offline: `site.github` from what the repository
//! itself knows (the `repository` key, `PAGES_REPO_NWO`, the `origin` remote
//! in `.git/config`), never from the network.

use hyde_liquid::{Map, Value};

use super::util;
use crate::site::Site;

/// `owner/name` of the repository, in the plugin's order of sources.
pub fn repository_nwo(site: &Site) -> Option<String> {
    if let Ok(v) = std::env::var("PAGES_REPO_NWO") {
        if !v.is_empty() {
            return Some(v);
        }
    }
    if let Some(v) = util::config(site, "repository") {
        return Some(v.to_liquid_string());
    }
    let cfg = std::fs::read_to_string(site.settings.source.join(".git/config")).ok()?;
    nwo_from_git_config(&cfg)
}

/// The `owner/name` of the `origin` remote (GitHub URLs only).
fn nwo_from_git_config(text: &str) -> Option<String> {
    let mut in_origin = false;
    for line in text.lines() {
        let l = line.trim();
        if l.starts_with('[') {
            in_origin = l == "[remote \"origin\"]";
            continue;
        }
        if in_origin {
            if let Some(url) = l
                .strip_prefix("url")
                .map(str::trim_start)
                .and_then(|r| r.strip_prefix('='))
            {
                let url = url.trim();
                let rest = url
                    .strip_prefix("git@github.com:")
                    .or_else(|| url.strip_prefix("https://github.com/"))
                    .or_else(|| url.strip_prefix("ssh://git@github.com/"))
                    .or_else(|| url.strip_prefix("git://github.com/"))?;
                let rest = rest.trim_end_matches('/').trim_end_matches(".git");
                return (rest.split('/').count() == 2).then(|| rest.to_string());
            }
        }
    }
    None
}

/// Sets `site.github` (merged under any `github` hash in the configuration)
/// and, as the plugin does, `title`, `description` and `url` defaults.
pub fn generate(site: &mut Site) {
    let Some(nwo) = repository_nwo(site) else {
        return;
    };
    let (owner, name) = nwo.split_once('/').unwrap_or((&nwo, ""));
    let user_site = name.eq_ignore_ascii_case(&format!("{owner}.github.io"));
    let pages_host = format!("{}.github.io", owner.to_lowercase());
    let url = if user_site {
        format!("https://{pages_host}")
    } else {
        format!("https://{pages_host}/{name}")
    };
    let base = if user_site {
        String::new()
    } else {
        format!("/{name}")
    };
    let repo_url = format!("https://github.com/{nwo}");
    let s = |v: &str| Value::str(v);
    let mut gh = util::hash(vec![
        ("environment", s("development")),
        ("hostname", s("github.com")),
        ("pages_env", s("development")),
        ("pages_hostname", s("github.io")),
        ("api_url", s("https://api.github.com")),
        ("help_url", s("https://help.github.com")),
        ("repository_nwo", s(&nwo)),
        ("project_title", s(name)),
        ("owner_name", s(owner)),
        (
            "owner_url",
            Value::str(format!("https://github.com/{owner}")),
        ),
        ("repository_name", s(name)),
        ("repository_url", s(&repo_url)),
        ("issues_url", Value::str(format!("{repo_url}/issues"))),
        ("clone_url", Value::str(format!("{repo_url}.git"))),
        ("releases_url", Value::str(format!("{repo_url}/releases"))),
        (
            "zip_url",
            Value::str(format!("{repo_url}/zipball/gh-pages")),
        ),
        (
            "tar_url",
            Value::str(format!("{repo_url}/tarball/gh-pages")),
        ),
        ("is_user_page", Value::Bool(user_site)),
        ("is_project_page", Value::Bool(!user_site)),
        ("url", s(&url)),
        ("baseurl", s(&base)),
        ("build_revision", Value::Nil),
    ]);
    if let Some(Value::Hash(user)) = util::config(site, "github") {
        crate::value::deep_merge(&mut gh, user);
    }
    let map: &mut Map = &mut site.raw.map;
    map.insert(Value::str("github"), Value::hash(gh));
    if util::config(site, "title").is_none() {
        site.raw.map.insert(Value::str("title"), Value::str(name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_remote_names_the_repository() {
        let cfg = "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = git@github.com:ada/notes.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n";
        assert_eq!(nwo_from_git_config(cfg).as_deref(), Some("ada/notes"));
        let https = "[remote \"origin\"]\n  url = https://github.com/ada/ada.github.io\n";
        assert_eq!(
            nwo_from_git_config(https).as_deref(),
            Some("ada/ada.github.io")
        );
        assert_eq!(
            nwo_from_git_config("[remote \"origin\"]\n url = https://gitlab.com/a/b\n"),
            None
        );
    }
}
