//! Shared helpers for the golden-file tests: preparing a fixture the way
//! `scripts/regen-fixtures.sh` prepared it for Jekyll (a scratch copy with
//! every mtime at 2024-01-01 00:00:00 UTC, `TZ=UTC`, `JEKYLL_ENV=production`,
//! the flags file), building it in memory, and comparing the result with
//! `expected/` file by file (CSS after canonicalisation, feeds with their
//! build time masked).

pub mod compare;
pub mod css;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use hyde_site::BuildOptions;

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Every fixture case name with a source, sorted.
pub fn fixture_cases() -> Vec<String> {
    let dir = repo_root().join("fixtures");
    let mut out: Vec<String> = fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.path().join("site").is_dir() || e.path().join("source").is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// The fixed instant every source file gets: 2024-01-01 00:00:00 UTC.
pub fn fixed_mtime() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_704_067_200)
}

/// A scratch directory removed on drop.
pub struct Scratch {
    /// Its path.
    pub path: PathBuf,
}

impl Scratch {
    /// A new empty scratch directory.
    pub fn new(tag: &str) -> Scratch {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::SeqCst);
        let path = std::env::temp_dir().join(format!("hyde-test-{}-{tag}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).expect("create scratch dir");
        Scratch { path }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// Copies `from` into `to` recursively (symlinks copied as links).
pub fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for e in fs::read_dir(from)? {
        let e = e?;
        let ft = e.file_type()?;
        let dest = to.join(e.file_name());
        if ft.is_dir() {
            copy_tree(&e.path(), &dest)?;
        } else if ft.is_symlink() {
            let target = fs::read_link(e.path())?;
            std::os::unix::fs::symlink(target, &dest)?;
        } else {
            fs::copy(e.path(), &dest)?;
        }
    }
    Ok(())
}

/// Sets the mtime of every file and folder below (and including) `dir`.
pub fn touch_tree(dir: &Path, t: SystemTime) -> std::io::Result<()> {
    for e in fs::read_dir(dir)? {
        let e = e?;
        let ft = e.file_type()?;
        if ft.is_dir() {
            touch_tree(&e.path(), t)?;
        } else if ft.is_file() {
            fs::File::options()
                .write(true)
                .open(e.path())?
                .set_modified(t)?;
        }
    }
    fs::File::open(dir)?.set_modified(t)
}

/// The source folder of a fixture.
pub fn fixture_source(case: &str) -> PathBuf {
    let dir = repo_root().join("fixtures").join(case);
    match fs::read_to_string(dir.join("source")) {
        Ok(s) => repo_root().join(s.lines().next().unwrap_or("").trim()),
        Err(_) => dir.join("site"),
    }
}

/// Build options from the fixture's `flags` file (one argument per line),
/// for a site copied to `source`.
pub fn options_for(case: &str, source: &Path) -> BuildOptions {
    let flags = fs::read_to_string(repo_root().join("fixtures").join(case).join("flags"))
        .unwrap_or_default();
    let args: Vec<&str> = flags
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut o = BuildOptions {
        source: Some(source.to_path_buf()),
        environment: Some("production".into()),
        ..Default::default()
    };
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).map(|s| s.to_string());
        match args[i] {
            "--config" => {
                o.config_files = value
                    .unwrap_or_default()
                    .split(',')
                    .map(|f| source.join(f.trim()))
                    .collect();
                i += 1;
            }
            "--baseurl" | "-b" => {
                o.baseurl = value;
                i += 1;
            }
            "--limit_posts" => {
                o.limit_posts = value.and_then(|v| v.parse().ok());
                i += 1;
            }
            "--drafts" | "-D" => o.drafts = true,
            "--future" => o.future = true,
            "--unpublished" => o.unpublished = true,
            "--safe" => o.safe = true,
            "--github-pages" => o.github_pages = true,
            _ => {}
        }
        i += 1;
    }
    o
}
