//! `hyde build` and `hyde clean`: Jekyll's flags, log lines and exit codes.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use hyde_site::{BuildOptions, DiskOutput, Site};

/// The flags `jekyll build` takes.
#[derive(Args, Debug, Clone, Default)]
pub struct BuildArgs {
    /// Source directory (defaults to ./)
    #[arg(short = 's', long)]
    source: Option<PathBuf>,
    /// Destination directory (defaults to ./_site)
    #[arg(short = 'd', long)]
    destination: Option<PathBuf>,
    /// Custom configuration file(s), comma-separated
    #[arg(long, value_delimiter = ',')]
    config: Vec<PathBuf>,
    /// Serve the website from the given base URL
    #[arg(short = 'b', long)]
    baseurl: Option<String>,
    /// Render posts in the _drafts folder
    #[arg(short = 'D', long)]
    drafts: bool,
    /// Publishes posts with a future date
    #[arg(long)]
    future: bool,
    /// Render posts that were marked as unpublished
    #[arg(long)]
    unpublished: bool,
    /// Limits the number of posts to parse and publish
    #[arg(long = "limit_posts", alias = "limit-posts")]
    limit_posts: Option<i64>,
    /// Watch for changes and rebuild
    #[arg(short = 'w', long, overrides_with = "no_watch")]
    pub watch: bool,
    /// Don't watch for changes (the default for build; serve watches unless told not to)
    #[arg(long = "no-watch")]
    pub no_watch: bool,
    /// Accepted for compatibility: changes are watched with the system's notifications
    #[arg(long = "force_polling", alias = "force-polling")]
    force_polling: bool,
    /// Accepted for compatibility: related posts are the most recent ones, as without LSI
    #[arg(long)]
    lsi: bool,
    /// Enable incremental rebuild (hyde rebuilds incrementally under --watch and serve)
    #[arg(short = 'I', long)]
    pub incremental: bool,
    /// Fail if errors are present in front matter
    #[arg(long = "strict_front_matter", alias = "strict-front-matter")]
    strict_front_matter: bool,
    /// Safe mode (defaults to false)
    #[arg(long)]
    safe: bool,
    /// Plugins directory (defaults to ./_plugins; hyde runs no Ruby plugins)
    #[arg(short = 'p', long = "plugins", value_delimiter = ',')]
    plugins: Vec<String>,
    /// Layouts directory (defaults to ./_layouts)
    #[arg(long)]
    layouts: Option<String>,
    /// Silence output.
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Print verbose output.
    #[arg(short = 'V', long)]
    verbose: bool,
    /// Show the full backtrace when an error occurs
    #[arg(short = 't', long)]
    trace: bool,
    /// Generate a Liquid rendering profile
    #[arg(long)]
    profile: bool,
    /// Build as GitHub Pages would: its forced settings, default plugins and whitelist
    #[arg(long = "github-pages")]
    pub github_pages: bool,
    /// Disable caching to disk (accepted for compatibility; hyde keeps no disk cache)
    #[arg(long = "disable-disk-cache")]
    disable_disk_cache: bool,
}

impl BuildArgs {
    /// The library's options for these flags.
    pub fn options(&self) -> BuildOptions {
        BuildOptions {
            source: self.source.clone(),
            destination: self.destination.clone(),
            config_files: self.config.clone(),
            baseurl: self.baseurl.clone(),
            drafts: self.drafts,
            future: self.future,
            unpublished: self.unpublished,
            limit_posts: self.limit_posts,
            safe: self.safe,
            quiet: self.quiet,
            verbose: self.verbose,
            profile: self.profile,
            layouts_dir: self.layouts.clone(),
            plugins_dir: self.plugins.clone(),
            strict_front_matter: self.strict_front_matter,
            incremental: self.incremental,
            watch: self.watch,
            force_polling: self.force_polling,
            lsi: self.lsi,
            environment: std::env::var("JEKYLL_ENV").ok().filter(|e| !e.is_empty()),
            github_pages: self.github_pages,
            url: None,
        }
    }
}

/// A log line as Jekyll's logger writes it: the topic and a space,
/// right-aligned in 20 columns, then the message.
pub(crate) fn line(topic: &str, message: impl std::fmt::Display) -> String {
    format!("{:>20}{message}", format!("{topic} "))
}

/// The configuration files read, as Jekyll lists them.
pub(crate) fn log_config_files(quiet: bool, files: &[PathBuf]) {
    match files {
        [] => log(quiet, "Configuration file:", "none"),
        files => {
            for f in files {
                log(quiet, "Configuration file:", &f.display().to_string());
            }
        }
    }
}

pub(crate) fn log(quiet: bool, topic: &str, message: &str) {
    if !quiet {
        println!("{}", line(topic, message));
    }
}

/// `hyde build`.
pub fn run_build(args: &BuildArgs) -> anyhow::Result<ExitCode> {
    if args.watch && !args.no_watch {
        return crate::serve::run_watch(args);
    }
    let opts = args.options();
    let q = args.quiet;
    let t0 = Instant::now();
    let site = match Site::load(&opts) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", e.report());
            return Ok(ExitCode::from(1));
        }
    };
    log_config_files(q, &site.raw.files);
    log(q, "Source:", &site.settings.source.display().to_string());
    log(
        q,
        "Destination:",
        &site.settings.destination.display().to_string(),
    );
    log(
        q,
        "Incremental build:",
        if args.incremental {
            "disabled: hyde rebuilds incrementally under --watch and serve"
        } else {
            "disabled. Enable with --incremental"
        },
    );
    log(q, "Generating...", "");
    let mut out = DiskOutput::new(site.settings.destination.clone());
    match hyde_site::build_site(site, &mut out, t0) {
        Ok(report) => {
            for (topic, message) in &report.notes {
                log(q, topic, message);
            }
            for w in &report.warnings {
                eprintln!("{}", line("Warning:", w));
            }
            // Jekyll logs the profile at info level: `--quiet` hides it.
            if args.profile && !q {
                print_profile(&report);
            }
            log(
                q,
                "",
                &format!(
                    "done in {} seconds.",
                    ruby_seconds(t0.elapsed().as_secs_f64())
                ),
            );
            log(q, "Auto-regeneration:", "disabled. Use --watch to enable.");
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{}", e.report());
            Ok(ExitCode::from(1))
        }
    }
}

/// `hyde clean`: removes the destination and the caches.
pub fn run_clean(args: &BuildArgs) -> anyhow::Result<ExitCode> {
    let opts = args.options();
    let raw = match hyde_site::RawConfig::load(&opts) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}", e.report());
            return Ok(ExitCode::from(1));
        }
    };
    let settings = match hyde_site::Settings::resolve(&raw) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", e.report());
            return Ok(ExitCode::from(1));
        }
    };
    log_config_files(args.quiet, &raw.files);
    let source = &settings.source;
    let cache_dir = raw
        .get("cache_dir")
        .and_then(|v| v.as_str())
        .unwrap_or(".jekyll-cache");
    // Jekyll's Cleaner: each path with the kind it must be to go; the Sass
    // cache is named relative to the current folder, as Jekyll names it.
    let targets = [
        (settings.destination.clone(), true),
        (source.join(".jekyll-metadata"), false),
        (source.join(cache_dir), true),
        (PathBuf::from(".sass-cache"), true),
    ];
    for (path, is_dir) in targets {
        let absolute = std::path::absolute(&path)?;
        if source.starts_with(&absolute) {
            anyhow::bail!(
                "refusing to remove {}: it contains the source",
                path.display()
            );
        }
        let kind = std::fs::symlink_metadata(&path).map(|m| m.file_type());
        let present = kind.is_ok_and(|k| if is_dir { k.is_dir() } else { k.is_file() });
        if present {
            log(
                args.quiet,
                "Cleaner:",
                &format!("Removing {}...", path.display()),
            );
            if is_dir {
                std::fs::remove_dir_all(&path)?;
            } else {
                std::fs::remove_file(&path)?;
            }
        } else {
            log(
                args.quiet,
                "Cleaner:",
                &format!("Nothing to do for {}.", path.display()),
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Jekyll's `--profile` report: the time of each build phase ("Build
/// Process Summary"), then the 50 slowest templates with how often each
/// rendered and the bytes it produced ("Site Render Stats"), in Jekyll's
/// tables and with its log lines around them. Jekyll's RESET and CLEANUP
/// phases have no row: hyde has no reset step and removes stale files while
/// writing.
fn print_profile(report: &hyde_site::BuildReport) {
    // Jekyll rounds each phase to 0.1 ms and totals the rounded times.
    let rounded: Vec<(String, f64)> = report
        .phases
        .iter()
        .map(|(name, d)| (name.to_uppercase(), (d.as_secs_f64() * 1e4).round() / 1e4))
        .collect();
    let total: f64 = rounded.iter().map(|(_, t)| t).sum();
    let mut phases = vec![["PHASE".to_string(), "TIME".to_string()]];
    phases.extend(
        rounded
            .into_iter()
            .map(|(name, t)| [name, format!("{t:.4}")]),
    );
    phases.push(["TOTAL TIME".to_string(), format!("{total:.4}")]);
    println!("\nBuild Process Summary: ");
    println!("{} ", tabulate(&phases));

    let shown = &report.profile[..report.profile.len().min(50)];
    let mut stats = vec![["Filename", "Count", "Bytes", "Time"].map(String::from)];
    for r in shown {
        stats.push([
            r.template.clone(),
            r.count.to_string(),
            kilobytes(r.bytes),
            format!("{:.3}", r.time.as_secs_f64()),
        ]);
    }
    stats.push([
        format!("TOTAL (for {} files)", shown.len()),
        shown.iter().map(|r| r.count).sum::<usize>().to_string(),
        kilobytes(shown.iter().map(|r| r.bytes).sum()),
        format!(
            "{:.3}",
            shown.iter().map(|r| r.time.as_secs_f64()).sum::<f64>()
        ),
    ]);
    println!("\nSite Render Stats: ");
    println!("{} ", tabulate(&stats));
}

/// A duration as Jekyll prints it: `(Time.now - t).round(3)`, a Ruby float
/// (`0.16`, `2.0`, `1.234`).
pub(crate) fn ruby_seconds(secs: f64) -> String {
    let fixed = format!("{secs:.3}");
    let trimmed = fixed.trim_end_matches('0');
    match trimmed.strip_suffix('.') {
        Some(whole) => format!("{whole}.0"),
        None => trimmed.to_string(),
    }
}

/// Jekyll's byte count in the render stats: kilobytes to two decimals.
fn kilobytes(n: usize) -> String {
    format!("{:.2}K", n as f64 / 1024.0)
}

/// Jekyll's `Profiler.tabulate`: a blank line, then the header row, a
/// separator and the rows of a borderless terminal table, the first column
/// aligned left and the others right, then a line break.
fn tabulate<const N: usize>(rows: &[[String; N]]) -> String {
    let widths: Vec<usize> = (0..N)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let line = |row: &[String; N]| {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (text, &w))| match c {
                0 => format!(" {text:<w$} "),
                _ => format!(" {text:>w$} "),
            })
            .collect();
        format!("|{}|\n", cells.join("|"))
    };
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(w + 2)).collect();
    let mut out = String::from("\n");
    if let Some((header, body)) = rows.split_first() {
        out += &line(header);
        out += &format!("+{}+\n", rule.join("+"));
        for row in body {
            out += &line(row);
        }
    }
    out
}
