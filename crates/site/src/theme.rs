//! Gem-based themes (`theme: NAME`), found and read as Jekyll 4.3 does, with
//! no Ruby.
//!
//! Jekyll asks RubyGems for the theme's gem (`Gem::Specification.find_by_name`)
//! and uses its `_layouts`, `_includes`, `_sass`, `assets`, `_data` and
//! `_config.yml`. hyde finds the same gem directory by reading the places
//! RubyGems and Bundler install to, in a fixed order ([`GemEnv::gem_dirs`]):
//! Bundler's path when the site has a Gemfile (and `path:` gems from
//! `Gemfile.lock`), `GEM_HOME`, `GEM_PATH`, the user gem folders, the Ruby
//! version managers' folders, then the system's. The version is the one
//! `Gemfile.lock` pins when it is installed, else the highest installed
//! (releases before pre-releases, as RubyGems picks).
//!
//! Each theme folder is resolved as `Jekyll::Theme#path_for` does: the real
//! path (symlinks followed) must stay inside the gem's real root.

use std::path::{Path, PathBuf};

mod gemspec;
pub use gemspec::{runtime_dependencies, GemspecInfo};

/// A theme gem found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// The gem's name as Jekyll keeps it (downcased, trimmed).
    pub name: String,
    /// The gem's version (`2.5.1`).
    pub version: String,
    /// The gem's folder, with symlinks resolved (Jekyll's `theme.root`).
    pub root: PathBuf,
    /// The gems the gemspec declares as runtime dependencies (Jekyll
    /// requires them, so a theme's plugins run without `plugins:`).
    pub runtime_dependencies: Vec<String>,
    /// What the gemspec says about the gem (for the `theme` drop).
    pub gemspec: GemspecInfo,
    /// `_includes`, when the theme has it.
    pub includes_path: Option<PathBuf>,
    /// `_layouts`, when the theme has it.
    pub layouts_path: Option<PathBuf>,
    /// `_sass`, when the theme has it.
    pub sass_path: Option<PathBuf>,
    /// `assets`, when the theme has it.
    pub assets_path: Option<PathBuf>,
    /// `_data`, when the theme has it.
    pub data_path: Option<PathBuf>,
}

impl Theme {
    /// What Jekyll's `ThemeDrop` shows as the top-level `theme` variable:
    /// `root`, `authors` (joined with `, `), `version`, `description` (else
    /// the summary), `metadata` and `dependencies` (each as RubyGems prints
    /// a dependency: `jekyll-feed (~> 0.9)`).
    pub fn to_liquid(&self) -> hyde_liquid::Value {
        use hyde_liquid::{Map, Value};
        let mut metadata = Map::new();
        for (k, v) in &self.gemspec.metadata {
            metadata.insert(Value::str(k.as_str()), Value::str(v.as_str()));
        }
        let description = self
            .gemspec
            .description
            .as_ref()
            .or(self.gemspec.summary.as_ref())
            .map_or(Value::Nil, |d| Value::str(d.as_str()));
        let dependencies = self
            .gemspec
            .dependencies
            .iter()
            .map(|(name, req)| Value::str(format!("{name} ({req})")))
            .collect();
        let mut m = Map::new();
        let mut set = |k: &str, v: Value| {
            m.insert(Value::str(k), v);
        };
        set("root", Value::str(self.root.to_string_lossy().as_ref()));
        set("authors", Value::str(self.gemspec.authors.join(", ")));
        set("version", Value::str(self.version.as_str()));
        set("description", description);
        set("metadata", Value::hash(metadata));
        set("dependencies", Value::array(dependencies));
        Value::hash(m)
    }
}

/// Why a theme could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotFound {
    /// The gem name asked for.
    pub name: String,
    /// The gem folders that were searched, in order.
    pub searched: Vec<PathBuf>,
}

impl NotFound {
    /// The warning text: the theme, where hyde looked, what is missing.
    pub fn message(&self) -> String {
        let looked = if self.searched.is_empty() {
            "no gem folder exists on this machine".to_string()
        } else {
            let list: Vec<String> = self
                .searched
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            format!("looked in {}", list.join(", "))
        };
        format!(
            "The {} theme could not be found ({looked}): its layouts, includes, _sass, assets, \
             _data and _config.yml are missing (Jekyll stops here); install the gem \
             (`gem install {}` or `bundle install`), or set `theme: null`",
            self.name, self.name
        )
    }
}

/// The parts of the environment the lookup reads (so tests can give their own).
#[derive(Debug, Clone, Default)]
pub struct GemEnv {
    /// `HOME`.
    pub home: Option<PathBuf>,
    /// `BUNDLE_PATH`.
    pub bundle_path: Option<PathBuf>,
    /// `BUNDLE_APP_CONFIG` (the folder holding the app's Bundler `config`).
    pub bundle_app_config: Option<PathBuf>,
    /// `GEM_HOME`.
    pub gem_home: Option<PathBuf>,
    /// `GEM_PATH`, as written (`:`-separated).
    pub gem_path: Option<String>,
    /// `XDG_DATA_HOME` (RubyGems' user folder lives below it).
    pub xdg_data_home: Option<PathBuf>,
    /// `RBENV_ROOT`.
    pub rbenv_root: Option<PathBuf>,
    /// `ASDF_DATA_DIR`.
    pub asdf_data_dir: Option<PathBuf>,
    /// Search the system folders (`/var/lib/gems`, `/usr/share/rubygems-integration`, …).
    pub system: bool,
}

impl GemEnv {
    /// The running process's environment.
    pub fn from_process() -> GemEnv {
        let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
        GemEnv {
            home: var("HOME").map(PathBuf::from),
            bundle_path: var("BUNDLE_PATH").map(PathBuf::from),
            bundle_app_config: var("BUNDLE_APP_CONFIG").map(PathBuf::from),
            gem_home: var("GEM_HOME").map(PathBuf::from),
            gem_path: var("GEM_PATH").map(|v| v.to_string_lossy().into_owned()),
            xdg_data_home: var("XDG_DATA_HOME").map(PathBuf::from),
            rbenv_root: var("RBENV_ROOT").map(PathBuf::from),
            asdf_data_dir: var("ASDF_DATA_DIR").map(PathBuf::from),
            system: true,
        }
    }

    /// Bundler's install folders for a site at `source` (only when it has a
    /// Gemfile): `path` from the app's `.bundle/config`, else `BUNDLE_PATH`,
    /// else the user's `~/.bundle/config` (Bundler's precedence); each is a
    /// folder holding `ruby/<version>/{gems,specifications}`.
    fn bundler_dirs(&self, source: &Path) -> Vec<PathBuf> {
        if !source.join("Gemfile").is_file() && !source.join("gems.rb").is_file() {
            return Vec::new();
        }
        let app_config = match &self.bundle_app_config {
            Some(d) => absolute(source, d).join("config"),
            None => source.join(".bundle/config"),
        };
        let local = bundle_setting(&app_config, "BUNDLE_PATH").map(|p| absolute(source, &p));
        let deployment = bundle_setting(&app_config, "BUNDLE_DEPLOYMENT")
            .is_some_and(|v| v.to_string_lossy() == "true");
        let global = self
            .home
            .as_ref()
            .and_then(|h| bundle_setting(&h.join(".bundle/config"), "BUNDLE_PATH"))
            .map(|p| match (p.strip_prefix("~"), &self.home) {
                (Ok(rest), Some(h)) => h.join(rest),
                _ => absolute(source, &p),
            });
        let path = local
            .or_else(|| self.bundle_path.as_ref().map(|p| absolute(source, p)))
            .or(global)
            .or_else(|| deployment.then(|| source.join("vendor/bundle")));
        let Some(path) = path else {
            return Vec::new();
        };
        // `path` is the gem home itself with `BUNDLE_PATH__SYSTEM`, or below
        // `ruby/<abi version>` (Bundler's layout).
        let mut dirs = vec![path.clone()];
        dirs.extend(subdirs(&path.join("ruby")));
        dirs
    }

    /// Every folder that may hold `specifications/` and `gems/`, in the order
    /// they are searched (Bundler's first), each once.
    pub fn gem_dirs(&self, source: &Path) -> Vec<PathBuf> {
        let mut dirs = self.bundler_dirs(source);
        dirs.extend(self.gem_home.clone());
        if let Some(gp) = &self.gem_path {
            dirs.extend(gp.split(':').filter(|p| !p.is_empty()).map(PathBuf::from));
        }
        if let Some(home) = &self.home {
            let data = self
                .xdg_data_home
                .clone()
                .unwrap_or_else(|| home.join(".local/share"));
            dirs.extend(subdirs(&data.join("gem/ruby")));
            dirs.extend(subdirs(&home.join(".gem/ruby")));
            let rbenv = self
                .rbenv_root
                .clone()
                .unwrap_or_else(|| home.join(".rbenv"));
            let asdf = self
                .asdf_data_dir
                .clone()
                .unwrap_or_else(|| home.join(".asdf"));
            for rubies in [
                rbenv.join("versions"),
                asdf.join("installs/ruby"),
                home.join(".rubies"),
                home.join(".rvm/rubies"),
            ] {
                for ruby in subdirs(&rubies) {
                    dirs.extend(subdirs(&ruby.join("lib/ruby/gems")));
                }
            }
            // rvm keeps each gemset as a gem home: ~/.rvm/gems/ruby-3.2.2@name.
            dirs.extend(subdirs(&home.join(".rvm/gems")));
        }
        if self.system {
            for ruby in subdirs(Path::new("/opt/rubies")) {
                dirs.extend(subdirs(&ruby.join("lib/ruby/gems")));
            }
            for base in [
                "/var/lib/gems",
                "/usr/local/lib/ruby/gems",
                "/usr/lib/ruby/gems",
                "/usr/share/rubygems-integration",
                "/opt/homebrew/lib/ruby/gems",
                "/Library/Ruby/Gems",
            ] {
                dirs.extend(subdirs(Path::new(base)));
            }
            // Debian's architecture folders (`/usr/lib/x86_64-linux-gnu/…`).
            for arch in subdirs(Path::new("/usr/lib")) {
                if arch.to_string_lossy().ends_with("-linux-gnu") {
                    dirs.extend(subdirs(&arch.join("ruby/gems")));
                    dirs.extend(subdirs(&arch.join("rubygems-integration")));
                }
            }
            dirs.push(PathBuf::from("/usr/local/share/gems"));
            dirs.push(PathBuf::from("/usr/share/gems"));
        }
        let mut seen = Vec::new();
        for d in dirs {
            if d.join("specifications").is_dir() && !seen.contains(&d) {
                seen.push(d);
            }
        }
        seen
    }
}

/// Finds the theme gem `name` for a site at `source`.
pub fn locate(name: &str, source: &Path, env: &GemEnv) -> Result<Theme, NotFound> {
    let name = name.trim().to_lowercase();
    let lock = read_lockfile(source);
    let pinned = lock
        .iter()
        .find(|l| l.name == name)
        .map(|l| l.version.clone());
    let not_found = |searched: Vec<PathBuf>| NotFound {
        name: name.clone(),
        searched,
    };
    // A `path:` gem (a theme developed next to the site) is its own folder.
    if let Some(local) = lock.iter().find(|l| l.name == name && l.path.is_some()) {
        let root = local.path.clone().unwrap_or_default();
        let root = absolute(source, &root);
        if root.is_dir() {
            let spec = root.join(format!("{name}.gemspec"));
            return theme_at(&name, &local.version, &root, &spec)
                .ok_or_else(|| not_found(vec![root.clone()]));
        }
    }
    let bundler = env.bundler_dirs(source);
    let all = env.gem_dirs(source);
    let installed = |dirs: &[PathBuf]| -> Vec<(String, PathBuf)> {
        let mut out = Vec::new();
        for d in dirs {
            for version in versions_in(d, &name) {
                out.push((version, d.clone()));
            }
        }
        out
    };
    // Bundler installs what the lock pins into its path; the rest is RubyGems'.
    let in_bundle: Vec<PathBuf> = all
        .iter()
        .filter(|d| bundler.contains(d))
        .cloned()
        .collect();
    let mut choice = choose(&installed(&in_bundle), pinned.as_deref());
    if choice.is_none() {
        choice = choose(&installed(&all), pinned.as_deref());
    }
    let Some((version, dir)) = choice else {
        return Err(not_found(all));
    };
    let root = dir.join("gems").join(format!("{name}-{version}"));
    let spec = dir
        .join("specifications")
        .join(format!("{name}-{version}.gemspec"));
    theme_at(&name, &version, &root, &spec).ok_or_else(|| not_found(vec![root]))
}

/// The pinned version when installed, else the highest release (or the
/// highest pre-release when there is no release); ties go to the first folder.
fn choose(found: &[(String, PathBuf)], pinned: Option<&str>) -> Option<(String, PathBuf)> {
    if let Some(p) = pinned {
        if let Some(hit) = found.iter().find(|(v, _)| v == p) {
            return Some(hit.clone());
        }
    }
    let releases: Vec<&(String, PathBuf)> = found.iter().filter(|(v, _)| !prerelease(v)).collect();
    let pool: Vec<&(String, PathBuf)> = if releases.is_empty() {
        found.iter().collect()
    } else {
        releases
    };
    let mut best: Option<&(String, PathBuf)> = None;
    for f in pool {
        if best.is_none_or(|b| compare_versions(&f.0, &b.0) == std::cmp::Ordering::Greater) {
            best = Some(f);
        }
    }
    best.cloned()
}

fn theme_at(name: &str, version: &str, dir: &Path, spec: &Path) -> Option<Theme> {
    // `File.realpath(gemspec.full_gem_path)`, as Jekyll does for rbenv's symlinks.
    let root = std::fs::canonicalize(dir).ok()?;
    if !root.is_dir() {
        return None;
    }
    let spec_text = std::fs::read_to_string(spec).unwrap_or_default();
    let path_for = |folder: &str| -> Option<PathBuf> {
        let real = std::fs::canonicalize(root.join(folder)).ok()?;
        (real.starts_with(&root) && real.is_dir()).then_some(real)
    };
    Some(Theme {
        name: name.to_string(),
        version: version.to_string(),
        runtime_dependencies: runtime_dependencies(&spec_text),
        gemspec: GemspecInfo::read(&spec_text),
        includes_path: path_for("_includes"),
        layouts_path: path_for("_layouts"),
        sass_path: path_for("_sass"),
        assets_path: path_for("assets"),
        data_path: path_for("_data"),
        root,
    })
}

/// The versions of gem `name` whose specification is in `dir/specifications`
/// and whose folder is in `dir/gems`, in name order.
fn versions_in(dir: &Path, name: &str) -> Vec<String> {
    let prefix = format!("{name}-");
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir.join("specifications")) else {
        return out;
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    for file in names {
        let Some(version) = file
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(".gemspec"))
        else {
            continue;
        };
        // `jekyll-theme-x-1.0` must not be taken for `jekyll-theme` `x-1.0`.
        if !version.starts_with(|c: char| c.is_ascii_digit()) || version.contains('-') {
            continue;
        }
        if dir.join("gems").join(format!("{name}-{version}")).is_dir() {
            out.push(version.to_string());
        }
    }
    out
}

/// A version with a letter is a pre-release in RubyGems (`1.0.0.beta1`).
fn prerelease(v: &str) -> bool {
    v.chars().any(|c| c.is_ascii_alphabetic())
}

/// `Gem::Version` ordering: numeric segments numerically, a string segment
/// below a number, missing segments as 0.
pub fn compare_versions(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let segments = |v: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        let mut digit = None;
        for c in v.chars() {
            if c == '.' || c == '-' {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                digit = None;
                continue;
            }
            let d = c.is_ascii_digit();
            if digit.is_some_and(|x| x != d) && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            digit = Some(d);
            cur.push(c);
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out
    };
    let (sa, sb) = (segments(a), segments(b));
    for i in 0..sa.len().max(sb.len()) {
        let x = sa.get(i).map(String::as_str).unwrap_or("0");
        let y = sb.get(i).map(String::as_str).unwrap_or("0");
        let ord = match (x.parse::<u64>(), y.parse::<u64>()) {
            (Ok(m), Ok(n)) => m.cmp(&n),
            (Ok(_), Err(_)) => Ordering::Greater,
            (Err(_), Ok(_)) => Ordering::Less,
            (Err(_), Err(_)) => x.cmp(y),
        };
        if ord != Ordering::Equal {
            return ord;
        }
    }
    Ordering::Equal
}

/// One gem named in `Gemfile.lock`'s `specs:` lists.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Locked {
    name: String,
    version: String,
    /// The `remote:` of a `PATH` section.
    path: Option<PathBuf>,
}

/// The gems `Gemfile.lock` (or `gems.locked`) in `source` pins.
fn read_lockfile(source: &Path) -> Vec<Locked> {
    let text = std::fs::read_to_string(source.join("Gemfile.lock"))
        .or_else(|_| std::fs::read_to_string(source.join("gems.locked")))
        .unwrap_or_default();
    let mut out = Vec::new();
    let mut section = "";
    let mut remote: Option<PathBuf> = None;
    for line in text.lines() {
        if !line.starts_with(' ') {
            section = line.trim();
            remote = None;
            continue;
        }
        if let Some(r) = line.strip_prefix("  remote: ") {
            remote = Some(PathBuf::from(r.trim()));
            continue;
        }
        // Specs sit at four spaces; their own dependencies at six.
        let Some(spec) = line.strip_prefix("    ") else {
            continue;
        };
        if spec.starts_with(' ') {
            continue;
        }
        let Some((name, version)) = spec.split_once(" (") else {
            continue;
        };
        let version = version.trim_end_matches(')');
        out.push(Locked {
            name: name.trim().to_lowercase(),
            version: version.to_string(),
            path: (section == "PATH").then(|| remote.clone()).flatten(),
        });
    }
    out
}

/// A `KEY: "value"` setting of a Bundler config file.
fn bundle_setting(file: &Path, key: &str) -> Option<PathBuf> {
    let text = std::fs::read_to_string(file).ok()?;
    text.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        (k.trim() == key).then(|| {
            let v = v.trim();
            let v = v
                .strip_prefix('"')
                .and_then(|x| x.strip_suffix('"'))
                .or_else(|| v.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')))
                .unwrap_or(v);
            PathBuf::from(v)
        })
    })
}

fn absolute(base: &Path, p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        crate::config::normalize(&base.join(p))
    }
}

/// The folders directly in `dir`, in name order.
fn subdirs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("hyde-theme-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn install(gem_dir: &Path, name: &str, version: &str, spec: &str) {
        let root = gem_dir.join("gems").join(format!("{name}-{version}"));
        std::fs::create_dir_all(root.join("_layouts")).unwrap();
        std::fs::create_dir_all(gem_dir.join("specifications")).unwrap();
        std::fs::write(
            gem_dir
                .join("specifications")
                .join(format!("{name}-{version}.gemspec")),
            spec,
        )
        .unwrap();
    }

    fn env() -> GemEnv {
        GemEnv::default()
    }

    #[test]
    fn versions_compare_as_rubygems_does() {
        use std::cmp::Ordering::*;
        assert_eq!(compare_versions("2.10.0", "2.9.9"), Greater);
        assert_eq!(compare_versions("1.0", "1.0.0"), Equal);
        assert_eq!(compare_versions("1.0.0.beta1", "1.0.0"), Less);
        assert_eq!(compare_versions("1.0.0.rc1", "1.0.0.beta2"), Greater);
    }

    #[test]
    fn bundler_path_from_the_site_config_is_searched_first() {
        let site = scratch("bundler");
        std::fs::write(site.join("Gemfile"), "gem \"my-theme\"\n").unwrap();
        std::fs::create_dir_all(site.join(".bundle")).unwrap();
        std::fs::write(
            site.join(".bundle/config"),
            "---\nBUNDLE_PATH: \"vendor/bundle\"\n",
        )
        .unwrap();
        install(
            &site.join("vendor/bundle/ruby/3.1.0"),
            "my-theme",
            "1.2.0",
            "",
        );
        // A higher version elsewhere loses to the bundle's.
        let other = scratch("bundler-home");
        install(&other, "my-theme", "9.0.0", "");
        let env = GemEnv {
            gem_home: Some(other.clone()),
            ..env()
        };
        let t = locate("My-Theme ", &site, &env).expect("found");
        assert_eq!(t.name, "my-theme");
        assert_eq!(t.version, "1.2.0");
        assert!(t.layouts_path.is_some() && t.sass_path.is_none());
        // Without a Gemfile, Bundler's path is not read.
        std::fs::remove_file(site.join("Gemfile")).unwrap();
        assert_eq!(locate("my-theme", &site, &env).unwrap().version, "9.0.0");
        let _ = std::fs::remove_dir_all(&site);
        let _ = std::fs::remove_dir_all(&other);
    }

    #[test]
    fn lockfile_pins_the_version_else_the_highest_release_wins() {
        let site = scratch("lock");
        let home = scratch("lock-home");
        for v in ["1.9.0", "1.10.0", "2.0.0.pre"] {
            install(&home, "t", v, "");
        }
        let env = GemEnv {
            gem_path: Some(format!("/nonexistent:{}", home.display())),
            ..env()
        };
        assert_eq!(locate("t", &site, &env).unwrap().version, "1.10.0");
        std::fs::write(
            site.join("Gemfile.lock"),
            "GEM\n  remote: https://rubygems.org/\n  specs:\n    t (1.9.0)\n      jekyll (>= 3)\n\nPLATFORMS\n  ruby\n",
        )
        .unwrap();
        assert_eq!(locate("t", &site, &env).unwrap().version, "1.9.0");
        let _ = std::fs::remove_dir_all(&site);
        let _ = std::fs::remove_dir_all(&home);
    }

    #[test]
    fn theme_folders_must_stay_inside_the_gem() {
        let home = scratch("symlink");
        install(&home, "t", "1.0.0", "");
        let root = home.join("gems/t-1.0.0");
        let outside = scratch("symlink-outside");
        std::os::unix::fs::symlink(&outside, root.join("_includes")).unwrap();
        std::fs::create_dir_all(root.join("real_sass")).unwrap();
        std::os::unix::fs::symlink(root.join("real_sass"), root.join("_sass")).unwrap();
        let env = GemEnv {
            gem_home: Some(home.clone()),
            ..env()
        };
        let t = locate("t", Path::new("/nonexistent"), &env).unwrap();
        assert_eq!(t.includes_path, None);
        assert_eq!(
            t.sass_path,
            Some(std::fs::canonicalize(root.join("real_sass")).unwrap())
        );
        let _ = std::fs::remove_dir_all(&home);
        let _ = std::fs::remove_dir_all(&outside);
    }

    #[test]
    fn missing_theme_names_the_folders_searched() {
        let home = scratch("missing");
        install(&home, "other", "1.0.0", "");
        let env = GemEnv {
            gem_home: Some(home.clone()),
            ..env()
        };
        let err = locate("jekyll-theme-x", Path::new("/nonexistent"), &env).unwrap_err();
        assert_eq!(err.searched, vec![home.clone()]);
        assert!(err.message().contains("jekyll-theme-x"));
        assert!(err.message().contains(&home.display().to_string()));
        let _ = std::fs::remove_dir_all(&home);
    }
}
