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
    /// Safe mode (defaults to false)
    #[arg(long)]
    safe: bool,
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
            environment: std::env::var("JEKYLL_ENV").ok().filter(|e| !e.is_empty()),
            github_pages: self.github_pages,
            url: None,
        }
    }
}

fn log(quiet: bool, topic: &str, message: &str) {
    if !quiet {
        println!("{topic:>20} {message}");
    }
}

/// `hyde build`.
pub fn run_build(args: &BuildArgs) -> anyhow::Result<ExitCode> {
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
    match site.raw.files.as_slice() {
        [] => log(q, "Configuration file:", "none"),
        files => {
            for f in files {
                log(q, "Configuration file:", &f.display().to_string());
            }
        }
    }
    log(q, "Source:", &site.settings.source.display().to_string());
    log(
        q,
        "Destination:",
        &site.settings.destination.display().to_string(),
    );
    log(
        q,
        "Incremental build:",
        "disabled. Enable with --incremental",
    );
    log(q, "Generating...", "");
    let mut out = DiskOutput::new(site.settings.destination.clone());
    match hyde_site::build_site(site, &mut out, t0) {
        Ok(report) => {
            for w in &report.warnings {
                eprintln!("{:>20} {}", "Warning:", w);
            }
            if args.profile {
                print_profile(&report);
            }
            log(
                q,
                "",
                &format!("done in {:.3} seconds.", t0.elapsed().as_secs_f64()),
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
    let source = &settings.source;
    let dest = &settings.destination;
    let mut targets = vec![(dest.clone(), "Cleaner:")];
    targets.push((source.join(".jekyll-metadata"), "Cleaner:"));
    targets.push((source.join(".jekyll-cache"), "Cleaner:"));
    targets.push((source.join(".sass-cache"), "Cleaner:"));
    for (path, topic) in targets {
        if source.starts_with(&path) {
            anyhow::bail!(
                "refusing to remove {}: it contains the source",
                path.display()
            );
        }
        if path.exists() {
            log(
                args.quiet,
                topic,
                &format!("Removing {}...", path.display()),
            );
            if path.is_dir() {
                std::fs::remove_dir_all(&path)?;
            } else {
                std::fs::remove_file(&path)?;
            }
        } else {
            log(
                args.quiet,
                topic,
                &format!("Nothing to do for {}.", path.display()),
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn human_bytes(n: usize) -> String {
    if n < 1024 {
        format!("{n}B")
    } else {
        format!("{:.2}K", n as f64 / 1024.0)
    }
}

/// Jekyll's `--profile` table (Filename | Count | Bytes | Time), then the phases.
fn print_profile(report: &hyde_site::BuildReport) {
    let width = report
        .profile
        .iter()
        .map(|r| r.template.len())
        .max()
        .unwrap_or(8)
        .max(8);
    println!();
    println!(
        "{:<width$} | {:>5} | {:>8} | {:>6}",
        "Filename", "Count", "Bytes", "Time"
    );
    println!("{:-<width$}-+-{:-<5}-+-{:-<8}-+-{:-<6}", "", "", "", "");
    for r in report.profile.iter().take(50) {
        println!(
            "{:<width$} | {:>5} | {:>8} | {:>6.3}",
            r.template,
            r.count,
            human_bytes(r.bytes),
            r.time.as_secs_f64()
        );
    }
    println!();
    println!("{:<12} | {:>8}", "Phase", "Time");
    println!("{:-<12}-+-{:-<8}", "", "");
    for (name, d) in &report.phases {
        println!("{:<12} | {:>8.3}", name, d.as_secs_f64());
    }
    println!();
}
