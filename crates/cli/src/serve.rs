//! `hyde serve`: build, serve the destination, watch the source, rebuild on
//! change and reload the browser.
//!
//! Rebuilds are incremental ([`hyde_site::Session`]): the site is read again,
//! and only the outputs whose recorded inputs changed are rendered again; the
//! result is always what a fresh build gives. Every rebuild reads the
//! configuration again, so a change to `_config.yml` takes effect (Jekyll's
//! server needs a restart for that); it renders everything. Only changed
//! files are written, each to a temporary name renamed into place, and files
//! no longer produced (deleted or renamed sources) are removed. The browser
//! reloads when a build wrote or removed a file (stylesheets are swapped when
//! only Sass or CSS sources changed). A failed build never
//! stops the server: the last good site stays served, with the same error as
//! the terminal shows over every page, until the next good build.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use clap::Args;
use hyde_serve::{Reload, ServeOptions, WatchOptions, Watcher};
use hyde_site::{BuildOptions, RawConfig, Session, Settings};

use crate::build::{line, log, log_config_files, BuildArgs};

/// The flags of `jekyll serve` that hyde supports, on top of the build flags.
#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    #[command(flatten)]
    build: BuildArgs,
    /// Host to bind to
    #[arg(short = 'H', long, default_value = "127.0.0.1")]
    host: String,
    /// Port to listen on (0 picks a free one)
    #[arg(short = 'P', long, default_value_t = 4000)]
    port: u16,
    /// Reload the browser after each rebuild
    #[arg(short = 'l', long)]
    livereload: bool,
    /// Accepted for compatibility: live reload shares the site's port (server-sent events)
    #[arg(long = "livereload-port")]
    livereload_port: Option<u16>,
    /// Open the site's URL in the browser
    #[arg(short = 'o', long = "open-url")]
    open_url: bool,
    /// Serve the destination as it is, without building first
    #[arg(long = "skip-initial-build")]
    skip_initial_build: bool,
}

/// Jekyll's `default_url`: in development, `site.url` points at this server.
fn default_url(host: &str, port: u16) -> String {
    let host = if host == "0.0.0.0" { "localhost" } else { host };
    format!("http://{host}:{port}")
}

/// The configuration with `url` overridden, checked as `hyde build` checks it.
fn load_config(
    opts: &BuildOptions,
    url: Option<&str>,
) -> hyde_site::error::Result<(RawConfig, Settings)> {
    let opts = with_url(opts, url);
    let raw = RawConfig::load(&opts)?;
    let settings = Settings::resolve(&raw)?;
    hyde_site::site::check_destination(&settings)?;
    Ok((raw, settings))
}

fn with_url(opts: &BuildOptions, url: Option<&str>) -> BuildOptions {
    BuildOptions {
        url: url.map(str::to_string),
        ..opts.clone()
    }
}

/// One session build; `Err` holds the report the terminal and the browser show.
fn build_once(session: &mut Session, dest: &Path, quiet: bool) -> Result<Built, String> {
    let t0 = Instant::now();
    // The destination is the one being served, even if the configuration
    // now names another (a warning says to restart).
    let built = session.build_on_disk(dest).map_err(|e| e.report())?;
    for (topic, message) in &built.report.notes {
        log(quiet, topic, message);
    }
    for w in &built.report.warnings {
        eprintln!("{}", line("Warning:", w));
    }
    Ok(Built {
        settings: built.settings,
        changed: built.report.stats.written + built.report.stats.removed,
        seconds: t0.elapsed().as_secs_f64(),
        rendered: built.rendered,
        total: built.rendered + built.reused,
        phases: built
            .report
            .phases
            .iter()
            .map(|(name, d)| format!("{name} {:.0} ms", d.as_secs_f64() * 1000.0))
            .collect::<Vec<_>>()
            .join(", "),
    })
}

struct Built {
    /// The settings the build resolved (the configuration as it is now).
    settings: Settings,
    changed: usize,
    seconds: f64,
    rendered: usize,
    total: usize,
    phases: String,
}

fn environment(opts: &BuildOptions) -> String {
    opts.environment
        .clone()
        .unwrap_or_else(|| "development".into())
}

/// `hyde serve`.
pub fn run_serve(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    run(&args.build, Some(args))
}

/// `hyde build --watch`: the first build, then a rebuild after every change,
/// as `hyde serve` rebuilds, with nothing served.
pub fn run_watch(args: &BuildArgs) -> anyhow::Result<ExitCode> {
    run(args, None)
}

/// A session: the first build, then rebuilds as the sources change; with
/// `serve`, the destination is served and its pages reloaded.
fn run(build: &BuildArgs, serve: Option<&ServeArgs>) -> anyhow::Result<ExitCode> {
    let opts = build.options();
    let quiet = build.quiet;
    let (raw, settings) = match load_config(&opts, None) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("{}", e.report());
            return Ok(ExitCode::from(1));
        }
    };
    log_config_files(quiet, &raw.files);
    let (source, dest, baseurl) = (
        settings.source.clone(),
        settings.destination.clone(),
        settings.baseurl.clone(),
    );
    // Bind first, so that `site.url` names the port actually bound (with -P 0).
    std::fs::create_dir_all(&dest)?;
    let server = match serve {
        Some(args) => Some(hyde_serve::start(ServeOptions {
            root: dest.clone(),
            host: args.host.clone(),
            port: args.port,
            baseurl: baseurl.clone(),
            livereload: args.livereload,
            threads: 8,
        })?),
        None => None,
    };
    let url = match (&server, serve) {
        (Some(server), Some(args)) if environment(&opts) == "development" => {
            Some(default_url(&args.host, server.addr().port()))
        }
        _ => None,
    };
    let url = url.as_deref();

    let exclude = Arc::new(RwLock::new(WatchFilter::new(&settings)));
    let filter = Arc::clone(&exclude);
    // Watch before the first build, so that no save after it is missed.
    let mut watcher = (!build.no_watch)
        .then(|| {
            Watcher::new(WatchOptions {
                root: source.clone(),
                ignore: Arc::new(move |rel: &str| {
                    filter
                        .read()
                        .unwrap_or_else(|p| p.into_inner())
                        .ignores(rel)
                }),
                quiet: Duration::from_millis(25),
                max_wait: Duration::from_millis(500),
            })
        })
        .transpose()?;
    log(quiet, "Source:", &source.display().to_string());
    log(quiet, "Destination:", &dest.display().to_string());
    log(quiet, "Incremental build:", "enabled");
    let mut session = Session::new(with_url(&opts, url));
    let mut failed = false;
    let skip_initial_build = serve.is_some_and(|args| args.skip_initial_build);
    if !skip_initial_build {
        log(quiet, "Generating...", "");
        match build_once(&mut session, &dest, quiet) {
            Ok(built) => log(
                quiet,
                "",
                &format!(
                    "done in {} seconds.",
                    crate::build::ruby_seconds(built.seconds)
                ),
            ),
            Err(e) => {
                eprintln!("{e}");
                if let Some(server) = &server {
                    server.set_error(Some(e));
                }
                failed = true;
            }
        }
    }
    if build.no_watch {
        log(quiet, "Auto-regeneration:", "disabled (--no-watch).");
    } else {
        log(
            quiet,
            "Auto-regeneration:",
            &format!("enabled for '{}'", source.display()),
        );
    }
    if let (Some(server), Some(args)) = (&server, serve) {
        let base = hyde_serve::resolve::normalize_baseurl(&baseurl);
        let address = format!("http://{}{base}/", server.addr());
        if args.livereload {
            let note = match args.livereload_port {
                Some(port) => {
                    format!(" (--livereload-port {port} ignored: events share the site's port)")
                }
                None => String::new(),
            };
            log(
                quiet,
                "LiveReload address:",
                &format!("http://{}/__hyde/livereload{note}", server.addr()),
            );
        }
        // Tests and scripts read this line to find the port: print it even with -q.
        println!("{}", line("Server address:", &address));
        if args.open_url {
            open_in_browser(&address);
        }
        log(quiet, "Server running...", "press ctrl-c to stop.");
    }
    let Some(watcher) = watcher.as_mut() else {
        if server.is_none() {
            return Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            });
        }
        loop {
            std::thread::park();
        }
    };

    loop {
        let Some(changes) = watcher.next_batch(Duration::from_secs(3600)) else {
            continue;
        };
        let t0 = Instant::now();
        let now = hyde_site::dates::now(settings.timezone);
        log(
            quiet,
            "Regenerating:",
            &format!(
                "{} file(s) changed at {}",
                changes.paths.len(),
                now.format("%Y-%m-%d %H:%M:%S")
            ),
        );
        for path in &changes.paths {
            log(quiet, "", &path.display().to_string());
        }
        match build_once(&mut session, &dest, quiet) {
            Ok(built) => {
                log(
                    quiet,
                    "",
                    &format!(
                        "...done in {:.3} seconds ({} of {} renders, {} files written or removed; {}).",
                        t0.elapsed().as_secs_f64(),
                        built.rendered,
                        built.total,
                        built.changed,
                        built.phases
                    ),
                );
                if built.settings.destination != dest || built.settings.baseurl != baseurl {
                    eprintln!(
                        "{}",
                        line(
                            "Warning:",
                            "the destination or baseurl changed in the configuration; \
                             restart to use the new one"
                        )
                    );
                }
                if changes.paths.iter().any(|p| is_config(p)) {
                    *exclude.write().unwrap_or_else(|p| p.into_inner()) =
                        WatchFilter::new(&built.settings);
                }
                // A good build after a failed one must clear the overlay.
                if let Some(server) = &server {
                    if built.changed > 0 || failed {
                        server.set_error(None);
                        server.reload(reload_kind(changes.paths.iter().map(PathBuf::as_path)));
                    }
                }
                failed = false;
            }
            Err(e) => {
                eprintln!("{e}");
                if let Some(server) = &server {
                    server.set_error(Some(e));
                    server.reload(Reload::Full);
                }
                failed = true;
            }
        }
        // Jekyll's watcher ends each regeneration with an empty log line.
        log(quiet, "", "");
    }
}

fn is_config(path: &Path) -> bool {
    path.parent().is_some_and(|p| p.as_os_str().is_empty())
        && path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("_config."))
}

fn open_in_browser(address: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener)
        .arg(address)
        .spawn()
        .is_err()
    {
        eprintln!(
            "{}",
            line(
                "Warning:",
                format!("could not run {opener}; open {address}")
            )
        );
    }
}

/// Stylesheet-only changes swap stylesheets; anything else reloads the page.
fn reload_kind<'a>(mut paths: impl Iterator<Item = &'a Path>) -> Reload {
    let css_only = paths.all(|p| {
        matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("scss" | "sass" | "css")
        )
    });
    if css_only {
        Reload::Css
    } else {
        Reload::Full
    }
}

/// What the watcher never looks at: the destination, caches and `exclude`d
/// paths (unless `include`d). It errs towards watching: a missed change is
/// worse than a needless rebuild.
struct WatchFilter {
    dest: Option<String>,
    exclude: Vec<String>,
}

impl WatchFilter {
    fn new(settings: &Settings) -> WatchFilter {
        let dest = settings
            .destination
            .strip_prefix(&settings.source)
            .ok()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .filter(|d| !d.is_empty());
        let exclude = settings
            .exclude
            .iter()
            .filter(|e| !settings.include.contains(e))
            .map(|e| e.trim_start_matches('/').trim_end_matches('/').to_string())
            .filter(|e| !e.is_empty())
            .collect();
        WatchFilter { dest, exclude }
    }

    fn ignores(&self, rel: &str) -> bool {
        let under = |prefix: &str| rel == prefix || rel.starts_with(&format!("{prefix}/"));
        if self.dest.as_deref().is_some_and(under) {
            return true;
        }
        let first = rel.split('/').next().unwrap_or(rel);
        matches!(first, ".jekyll-cache" | ".sass-cache" | ".jekyll-metadata")
            || self
                .exclude
                .iter()
                .any(|pattern| under(pattern) || hyde_site::fnmatch::fnmatch(pattern, rel))
    }
}
