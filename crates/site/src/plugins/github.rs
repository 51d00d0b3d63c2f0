//! jekyll-github-metadata, offline: `site.github` from what the repository
//! itself knows (the `PAGES_REPO_NWO` variable, the `repository` key, the
//! `origin` remote in `.git/config`, a `CNAME` file, `.git/HEAD`), never
//! from the network.
//!
//! Every field the plugin computes without the API is filled as the plugin
//! does (its `Pages` environment variables included); fields only the API
//! knows (`public_repositories`, `contributors`, `releases`, `owner`,
//! `project_tagline`, `license`, `issues_url`, …) are left out, as the
//! plugin leaves them empty when it is offline. `url` and `baseurl` are the
//! exception: offline the plugin derives nonsense from a missing API answer,
//! so hyde gives what GitHub Pages serves (the `CNAME` domain, or
//! `https://<owner>.github.io[/<name>]`).

use std::path::Path;

use hyde_liquid::{Map, Value};

use super::util;
use crate::site::Site;

/// `owner/name` of the repository, in the plugin's order of sources
/// (`PAGES_REPO_NWO`, a `repository` string with a `/`, the `origin`
/// remote). The plugin reads the remote only in development; hyde always
/// does, since the repository is the same one GitHub Pages would build.
pub fn repository_nwo(site: &Site) -> Option<String> {
    nwo_from(
        &|k| std::env::var(k).ok(),
        util::config(site, "repository"),
        &site.settings.source,
    )
}

fn nwo_from(
    env: &dyn Fn(&str) -> Option<String>,
    repository: Option<&Value>,
    source: &Path,
) -> Option<String> {
    if let Some(v) = env("PAGES_REPO_NWO").filter(|v| !v.is_empty()) {
        return Some(v);
    }
    if let Some(Value::Str(v)) = repository {
        if v.contains('/') {
            return Some(v.to_string());
        }
    }
    let cfg = std::fs::read_to_string(source.join(".git/config")).ok()?;
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

/// The commit checked out (`git rev-parse HEAD`), read from `.git`.
fn head_revision(source: &Path) -> Option<String> {
    let git = source.join(".git");
    let head = std::fs::read_to_string(git.join("HEAD")).ok()?;
    let head = head.trim();
    let Some(reference) = head.strip_prefix("ref: ") else {
        return Some(head.to_string());
    };
    if let Ok(sha) = std::fs::read_to_string(git.join(reference)) {
        return Some(sha.trim().to_string());
    }
    let packed = std::fs::read_to_string(git.join("packed-refs")).ok()?;
    packed.lines().find_map(|l| {
        let (sha, name) = l.split_once(' ')?;
        (name == reference).then(|| sha.to_string())
    })
}

/// What the plugin's `Pages` class reads from the environment, with its
/// defaults (`PAGES_ENV` falls back to `JEKYLL_ENV`).
struct Pages<'a> {
    env: &'a dyn Fn(&str) -> Option<String>,
    jekyll_env: &'a str,
}

impl Pages<'_> {
    fn var(&self, key: &str, fallback: Option<String>, default: &str) -> String {
        (self.env)(key)
            .filter(|v| !v.is_empty())
            .or(fallback)
            .unwrap_or_else(|| default.to_string())
    }

    fn environment(&self) -> String {
        self.var(
            "PAGES_ENV",
            Some(self.jekyll_env.to_string()),
            "development",
        )
    }

    fn trimmed(&self, key: &str, alias: &str, default: &str) -> String {
        let v = self.var(key, (self.env)(alias), default);
        v.strip_suffix('/').map(str::to_string).unwrap_or(v)
    }

    fn github_hostname(&self) -> String {
        self.trimmed("PAGES_GITHUB_HOSTNAME", "GITHUB_HOSTNAME", "github.com")
    }

    fn pages_hostname(&self) -> String {
        let fallback = (self.env)("PAGES_HOSTNAME")
            .or_else(|| (self.environment() == "development").then(|| "localhost:4000".into()));
        let v = self.var("PAGES_PAGES_HOSTNAME", fallback, "github.io");
        v.strip_suffix('/').map(str::to_string).unwrap_or(v)
    }

    fn github_url(&self) -> String {
        let host = self.github_hostname();
        if self.environment() == "dotcom" || host == "github.com" {
            return "https://github.com".into();
        }
        let ssl = (self.env)("SSL").as_deref() == Some("true") || self.environment() == "test";
        format!("{}://{host}", if ssl { "https" } else { "http" })
    }
}

/// The offline `site.github` for the repository `nwo`; `cname` is the
/// content of the site's `CNAME` file, `revision` the checked-out commit.
fn metadata(nwo: &str, pages: &Pages, cname: Option<&str>, revision: Option<String>) -> Map {
    let (owner, name) = nwo.split_once('/').unwrap_or((nwo, ""));
    let name = name.rsplit('/').next().unwrap_or(name);
    let environment = pages.environment();
    let enterprise = environment == "enterprise";
    // `Repository#primary?` (a user or organisation site).
    let user_domain = if !enterprise && owner == "github" {
        format!("{owner}.{}", pages.github_hostname()).to_lowercase()
    } else if enterprise {
        pages.pages_hostname().to_lowercase()
    } else {
        format!("{owner}.{}", pages.pages_hostname()).to_lowercase()
    };
    let user_page = if enterprise {
        name.to_lowercase() == format!("{}.{}", owner.to_lowercase(), pages.github_hostname())
    } else {
        let lower = name.to_lowercase();
        lower == user_domain || lower == format!("{owner}.github.com").to_lowercase()
    };
    let branch = if user_page { "master" } else { "gh-pages" };
    let owner_url = format!("{}/{owner}", pages.github_url());
    let repo_url = format!("{owner_url}/{name}");
    // What GitHub Pages serves the site at (the API's `html_url`).
    let (url, baseurl) = match cname {
        Some(domain) => (format!("https://{domain}"), String::new()),
        None => {
            let host = format!("https://{}.github.io", owner.to_lowercase());
            if user_page {
                (host, String::new())
            } else {
                (format!("{host}/{name}"), format!("/{name}"))
            }
        }
    };
    let s = |v: &str| Value::str(v);
    util::hash(vec![
        (
            "api_url",
            s(&pages.trimmed("PAGES_API_URL", "API_URL", "https://api.github.com")),
        ),
        ("baseurl", s(&baseurl)),
        (
            "build_revision",
            Value::str(
                (pages.env)("JEKYLL_BUILD_REVISION")
                    .or(revision)
                    .unwrap_or_default(),
            ),
        ),
        ("clone_url", Value::str(format!("{repo_url}.git"))),
        ("environment", s(&environment)),
        (
            "help_url",
            s(&pages.trimmed("PAGES_HELP_URL", "HELP_URL", "https://help.github.com")),
        ),
        ("hostname", s(&pages.github_hostname())),
        ("is_project_page", Value::Bool(!user_page)),
        ("is_user_page", Value::Bool(user_page)),
        ("owner_gravatar_url", Value::str(format!("{owner_url}.png"))),
        ("owner_name", s(owner)),
        ("owner_url", s(&owner_url)),
        ("pages_env", s(&environment)),
        ("pages_hostname", s(&pages.pages_hostname())),
        ("project_title", s(name)),
        ("releases_url", Value::str(format!("{repo_url}/releases"))),
        ("repository_name", s(name)),
        ("repository_nwo", s(nwo)),
        ("repository_url", s(&repo_url)),
        (
            "source",
            Value::hash(util::hash(vec![("branch", s(branch)), ("path", s("/"))])),
        ),
        (
            "tar_url",
            Value::str(format!("{repo_url}/tarball/{branch}")),
        ),
        ("url", s(&url)),
        ("versions", Value::hash(Map::new())),
        (
            "zip_url",
            Value::str(format!("{repo_url}/zipball/{branch}")),
        ),
    ])
}

/// Sets `site.github` (merged under any `github` hash in the configuration)
/// and, as the plugin's `SiteGitHubMunger` does, the `title` fallback and,
/// in production, the `url` and `baseurl` fallbacks.
pub fn generate(site: &mut Site) {
    let Some(nwo) = repository_nwo(site) else {
        return;
    };
    let env = |k: &str| std::env::var(k).ok();
    let pages = Pages {
        env: &env,
        jekyll_env: &site.environment,
    };
    let source = site.settings.source.clone();
    let cname = std::fs::read_to_string(source.join("CNAME"))
        .ok()
        .and_then(|c| c.lines().next().map(|l| l.trim().to_string()))
        .filter(|c| !c.is_empty());
    let mut gh = metadata(&nwo, &pages, cname.as_deref(), head_revision(&source));
    // The plugin's title: the repository's name for a project site, the
    // owner's display name (API; offline the owner's login) for a user site.
    let field = |k: &str| {
        gh.get(&Value::str(k))
            .map(Value::to_liquid_string)
            .unwrap_or_default()
    };
    let name = if field("is_user_page") == "true" {
        field("owner_name")
    } else {
        field("repository_name")
    };
    let (url, baseurl) = (
        gh.get(&Value::str("url")).map(Value::to_liquid_string),
        gh.get(&Value::str("baseurl")).map(Value::to_liquid_string),
    );
    match util::config(site, "github") {
        Some(Value::Hash(user)) => crate::value::deep_merge(&mut gh, user),
        // A non-hash `github` setting replaces the metadata entirely.
        Some(other) => {
            let other = other.clone();
            site.raw.map.insert(Value::str("github"), other);
            return;
        }
        None => {}
    }
    site.raw.map.insert(Value::str("github"), Value::hash(gh));
    // `site.name` without `site.title`: the plugin warns and sets no title.
    if util::config(site, "title").is_none() && util::config(site, "name").is_none() {
        site.raw.map.insert(Value::str("title"), Value::str(name));
    }
    let page_build = std::env::var("PAGE_BUILD_ID").is_ok_and(|v| !v.is_empty());
    if site.environment == "production" || page_build {
        let url_host = url.map(|u| match u.find("://").map(|i| i + 3) {
            Some(start) => match u[start..].find('/') {
                Some(slash) => u[..start + slash].to_string(),
                None => u,
            },
            None => u,
        });
        if util::config(site, "url").is_none() {
            if let Some(u) = url_host {
                site.raw.map.insert(Value::str("url"), Value::str(u));
            }
        }
        let base = util::config(site, "baseurl").map(Value::to_liquid_string);
        if matches!(base.as_deref(), None | Some("/")) {
            let b = baseurl.unwrap_or_default();
            site.raw
                .map
                .insert(Value::str("baseurl"), Value::str(b.as_str()));
            site.settings.baseurl = b;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(m: &Map, k: &str) -> String {
        m.get(&Value::str(k))
            .map(Value::to_liquid_string)
            .unwrap_or_else(|| panic!("no {k}"))
    }

    fn offline(nwo: &str, vars: &[(&str, &str)], jekyll_env: &str, cname: Option<&str>) -> Map {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let env = move |k: &str| vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let pages = Pages {
            env: &env,
            jekyll_env,
        };
        metadata(nwo, &pages, cname, Some("abc123".into()))
    }

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
        let upstream = "[remote \"upstream\"]\n url = https://github.com/x/y\n";
        assert_eq!(nwo_from_git_config(upstream), None);
    }

    #[test]
    fn pages_repo_nwo_beats_repository_beats_the_remote() {
        let dir = std::env::temp_dir().join(format!("hyde-gh-nwo-{}", std::process::id()));
        std::fs::create_dir_all(dir.join(".git")).unwrap();
        std::fs::write(
            dir.join(".git/config"),
            "[remote \"origin\"]\n\turl = git@github.com:from/remote.git\n",
        )
        .unwrap();
        let env_set = |k: &str| (k == "PAGES_REPO_NWO").then(|| "from/env".to_string());
        let env_unset = |_: &str| None;
        let repo = Value::str("from/config");
        assert_eq!(
            nwo_from(&env_set, Some(&repo), &dir).as_deref(),
            Some("from/env")
        );
        assert_eq!(
            nwo_from(&env_unset, Some(&repo), &dir).as_deref(),
            Some("from/config")
        );
        // A `repository` without a slash is not a repository name.
        let bare = Value::str("notes");
        assert_eq!(
            nwo_from(&env_unset, Some(&bare), &dir).as_deref(),
            Some("from/remote")
        );
        assert_eq!(
            nwo_from(&env_unset, None, &dir).as_deref(),
            Some("from/remote")
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn repository_fields_of_a_project_page() {
        let m = offline("octo-org/handbook", &[], "production", None);
        assert_eq!(field(&m, "repository_nwo"), "octo-org/handbook");
        assert_eq!(field(&m, "owner_name"), "octo-org");
        assert_eq!(field(&m, "repository_name"), "handbook");
        assert_eq!(field(&m, "project_title"), "handbook");
        assert_eq!(field(&m, "owner_url"), "https://github.com/octo-org");
        assert_eq!(
            field(&m, "owner_gravatar_url"),
            "https://github.com/octo-org.png"
        );
        assert_eq!(
            field(&m, "repository_url"),
            "https://github.com/octo-org/handbook"
        );
        assert_eq!(
            field(&m, "clone_url"),
            "https://github.com/octo-org/handbook.git"
        );
        assert_eq!(
            field(&m, "releases_url"),
            "https://github.com/octo-org/handbook/releases"
        );
        assert_eq!(
            field(&m, "zip_url"),
            "https://github.com/octo-org/handbook/zipball/gh-pages"
        );
        assert_eq!(
            field(&m, "tar_url"),
            "https://github.com/octo-org/handbook/tarball/gh-pages"
        );
        assert_eq!(field(&m, "is_project_page"), "true");
        assert_eq!(field(&m, "is_user_page"), "false");
        assert_eq!(field(&m, "url"), "https://octo-org.github.io/handbook");
        assert_eq!(field(&m, "baseurl"), "/handbook");
        assert_eq!(field(&m, "build_revision"), "abc123");
        let source = m.get(&Value::str("source")).unwrap();
        assert_eq!(source.get("branch"), Some(Value::str("gh-pages")));
        assert_eq!(source.get("path"), Some(Value::str("/")));
        // Only the API knows these; offline the plugin leaves them empty.
        for k in [
            "issues_url",
            "wiki_url",
            "public_repositories",
            "project_tagline",
        ] {
            assert!(m.get(&Value::str(k)).is_none(), "{k}");
        }
    }

    #[test]
    fn user_pages_are_the_owners_github_io_repository() {
        for name in ["Ada.github.io", "ada.GitHub.com"] {
            let m = offline(&format!("ada/{name}"), &[], "production", None);
            assert_eq!(field(&m, "is_user_page"), "true", "{name}");
            assert_eq!(field(&m, "url"), "https://ada.github.io");
            assert_eq!(field(&m, "baseurl"), "");
            assert_eq!(
                field(&m, "zip_url"),
                format!("https://github.com/ada/{name}/zipball/master")
            );
        }
        let m = offline("ada/site", &[], "production", Some("www.ada.example"));
        assert_eq!(field(&m, "url"), "https://www.ada.example");
        assert_eq!(field(&m, "baseurl"), "");
    }

    #[test]
    fn environment_variables_as_the_plugin_reads_them() {
        let m = offline("a/b", &[], "production", None);
        assert_eq!(field(&m, "environment"), "production");
        assert_eq!(field(&m, "pages_env"), "production");
        assert_eq!(field(&m, "hostname"), "github.com");
        assert_eq!(field(&m, "pages_hostname"), "github.io");
        assert_eq!(field(&m, "api_url"), "https://api.github.com");
        assert_eq!(field(&m, "help_url"), "https://help.github.com");
        // In development the Pages host is the local server.
        let m = offline("a/b", &[], "development", None);
        assert_eq!(field(&m, "environment"), "development");
        assert_eq!(field(&m, "pages_hostname"), "localhost:4000");
        let m = offline(
            "a/b",
            &[
                ("PAGES_ENV", "dotcom"),
                ("PAGES_API_URL", "https://api.example/"),
                ("HELP_URL", "https://help.example"),
                ("PAGES_HOSTNAME", "pages.example"),
                ("JEKYLL_BUILD_REVISION", "feed"),
            ],
            "production",
            None,
        );
        assert_eq!(field(&m, "environment"), "dotcom");
        assert_eq!(field(&m, "api_url"), "https://api.example");
        assert_eq!(field(&m, "help_url"), "https://help.example");
        assert_eq!(field(&m, "pages_hostname"), "pages.example");
        assert_eq!(field(&m, "build_revision"), "feed");
        // GitHub Enterprise: the GitHub host names the owner's URLs.
        let m = offline(
            "a/b",
            &[("PAGES_GITHUB_HOSTNAME", "git.corp"), ("SSL", "true")],
            "production",
            None,
        );
        assert_eq!(field(&m, "owner_url"), "https://git.corp/a");
    }

    #[test]
    fn build_revision_comes_from_git_head() {
        let dir = std::env::temp_dir().join(format!("hyde-gh-head-{}", std::process::id()));
        std::fs::create_dir_all(dir.join(".git/refs/heads")).unwrap();
        std::fs::write(dir.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
        std::fs::write(dir.join(".git/refs/heads/main"), "0123abcd\n").unwrap();
        assert_eq!(head_revision(&dir).as_deref(), Some("0123abcd"));
        std::fs::remove_file(dir.join(".git/refs/heads/main")).unwrap();
        std::fs::write(
            dir.join(".git/packed-refs"),
            "# pack\n4567ef refs/heads/main\n",
        )
        .unwrap();
        assert_eq!(head_revision(&dir).as_deref(), Some("4567ef"));
        std::fs::write(dir.join(".git/HEAD"), "89ab\n").unwrap();
        assert_eq!(head_revision(&dir).as_deref(), Some("89ab"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn load(config: &str, env: &str) -> Site {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("hyde-gh-site-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("_config.yml"), config).unwrap();
        let opts = crate::config::BuildOptions {
            source: Some(dir.clone()),
            environment: Some(env.into()),
            ..Default::default()
        };
        let mut site = Site::load(&opts).unwrap();
        generate(&mut site);
        let _ = std::fs::remove_dir_all(&dir);
        site
    }

    fn site_value(site: &Site, key: &str) -> Option<String> {
        util::config(site, key).map(Value::to_liquid_string)
    }

    #[test]
    fn production_fills_title_url_and_baseurl_as_github_pages() {
        let site = load("repository: octo-org/handbook\n", "production");
        assert_eq!(site_value(&site, "title").as_deref(), Some("handbook"));
        assert_eq!(
            site_value(&site, "url").as_deref(),
            Some("https://octo-org.github.io")
        );
        assert_eq!(site_value(&site, "baseurl").as_deref(), Some("/handbook"));
        assert_eq!(site.settings.baseurl, "/handbook");
        // The site's own values win; `baseurl: /` counts as unset.
        let site = load(
            "repository: octo-org/handbook\ntitle: Mine\nurl: https://x.example\nbaseurl: /\n",
            "production",
        );
        assert_eq!(site_value(&site, "title").as_deref(), Some("Mine"));
        assert_eq!(
            site_value(&site, "url").as_deref(),
            Some("https://x.example")
        );
        assert_eq!(site.settings.baseurl, "/handbook");
        // A user site is titled after its owner.
        let site = load("repository: ada/ada.github.io\n", "production");
        assert_eq!(site_value(&site, "title").as_deref(), Some("ada"));
        assert_eq!(site.settings.baseurl, "");
    }

    #[test]
    fn development_sets_no_url_and_name_suppresses_the_title() {
        let site = load(
            "repository: octo-org/handbook\nname: Named\n",
            "development",
        );
        assert_eq!(site_value(&site, "title"), None);
        assert_eq!(site_value(&site, "url"), None);
        let gh = util::config(&site, "github").unwrap();
        assert_eq!(gh.get("pages_hostname"), Some(Value::str("localhost:4000")));
    }

    #[test]
    fn a_github_hash_in_the_config_is_merged_over_the_metadata() {
        let site = load(
            "repository: octo-org/handbook\ngithub:\n  repository_name: Renamed\n  extra: 1\n",
            "development",
        );
        let gh = util::config(&site, "github").unwrap();
        assert_eq!(gh.get("repository_name"), Some(Value::str("Renamed")));
        assert_eq!(gh.get("extra"), Some(Value::Int(1)));
        assert_eq!(gh.get("owner_name"), Some(Value::str("octo-org")));
    }
}
