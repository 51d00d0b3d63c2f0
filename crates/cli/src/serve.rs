//! `hyde serve`: build, serve the destination, watch the source and rebuild.
//!
//! Every change triggers a full rebuild through the same output interface as
//! `hyde build` (unchanged files are not rewritten, so the server never sees a
//! half-changed site for long); a failed build keeps the last good site served
//! and shows the error in the browser until the next good build.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Args;
use hyde_serve::{Reload, ServeOptions, WatchOptions, Watcher};
use hyde_site::{BuildOptions, DiskOutput, Site};

use crate::build::BuildArgs;

/// `hyde serve` flags: the build flags plus the server's.
#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    #[command(flatten)]
    build: BuildArgs,
    /// Host to bind to
    #[arg(short = 'H', long, default_value = "127.0.0.1")]
    host: String,
    /// Port to listen on
    #[arg(short = 'P', long, default_value_t = 4000)]
    port: u16,
    /// Reload the browser after each rebuild
    #[arg(short = 'l', long)]
    livereload: bool,
    /// Accepted for compatibility; live reload shares the server's port
    #[arg(long = "livereload-port")]
    livereload_port: Option<u16>,
    /// Print the URL to open
    #[arg(short = 'o', long = "open-url")]
    open_url: bool,
    /// Serve the destination as it is, without building first
    #[arg(long = "skip-initial-build")]
    skip_initial_build: bool,
    /// Do not watch for changes
    #[arg(long = "no-watch")]
    no_watch: bool,
}

fn build_once(opts: &BuildOptions, quiet: bool) -> Result<(PathBuf, String), String> {
    let t0 = Instant::now();
    let site = Site::load(opts).map_err(|e| e.report())?;
    let dest = site.settings.destination.clone();
    let baseurl = site.settings.baseurl.clone();
    let mut out = DiskOutput::new(dest.clone());
    let report = hyde_site::build_site(site, &mut out, t0).map_err(|e| e.report())?;
    if !quiet {
        for w in &report.warnings {
            eprintln!("{:>20} {}", "Warning:", w);
        }
        println!(
            "{:>20} done in {:.3} seconds.",
            "",
            t0.elapsed().as_secs_f64()
        );
    }
    Ok((dest, baseurl))
}

/// Runs the server until interrupted.
pub fn run_serve(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let opts = args.build.options();
    let quiet = args.build.quiet;
    let raw = match hyde_site::RawConfig::load(&opts).and_then(|r| hyde_site::Settings::resolve(&r))
    {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", e.report());
            return Ok(ExitCode::from(1));
        }
    };
    let (source, dest, baseurl) = (
        raw.source.clone(),
        raw.destination.clone(),
        raw.baseurl.clone(),
    );
    let mut first_error = None;
    if !args.skip_initial_build {
        if let Err(e) = build_once(&opts, quiet) {
            eprintln!("{e}");
            first_error = Some(e);
        }
    }
    std::fs::create_dir_all(&dest)?;
    let handle = hyde_serve::start(ServeOptions {
        root: dest.clone(),
        host: args.host.clone(),
        port: args.port,
        baseurl: baseurl.clone(),
        livereload: args.livereload,
        threads: 4,
    })?;
    handle.set_error(first_error);
    let shown_base = if baseurl.is_empty() {
        "/".to_string()
    } else {
        format!("{}/", baseurl.trim_end_matches('/'))
    };
    println!(
        "{:>20} http://{}{}",
        "Server address:",
        handle.addr(),
        shown_base
    );
    if args.open_url {
        println!("{:>20} http://{}{}", "Open:", handle.addr(), shown_base);
    }
    println!("{:>20} running... press ctrl-c to stop.", "Server");
    if args.no_watch {
        loop {
            std::thread::sleep(Duration::from_secs(3600));
        }
    }
    let dest_rel = dest
        .strip_prefix(&source)
        .ok()
        .map(|p| p.to_string_lossy().into_owned());
    let ignore: hyde_serve::IgnoreFn = Arc::new(move |rel: &str| {
        dest_rel
            .as_deref()
            .is_some_and(|d| !d.is_empty() && (rel == d || rel.starts_with(&format!("{d}/"))))
            || rel == ".jekyll-cache"
            || rel.starts_with(".jekyll-cache/")
    });
    let mut watcher = Watcher::new(WatchOptions {
        root: source.clone(),
        ignore,
        quiet: Duration::from_millis(100),
        max_wait: Duration::from_secs(2),
    })?;
    loop {
        let Some(changes) = watcher.next_batch(Duration::from_secs(3600)) else {
            continue;
        };
        if !quiet {
            println!(
                "{:>20} {} file(s) changed; rebuilding...",
                "Regenerating:",
                changes.paths.len()
            );
        }
        let css_only = changes.paths.iter().all(|p| {
            p.extension()
                .is_some_and(|e| e == "scss" || e == "sass" || e == "css")
        });
        match build_once(&opts, quiet) {
            Ok(_) => {
                handle.set_error(None);
                handle.reload(if css_only { Reload::Css } else { Reload::Full });
            }
            Err(e) => {
                eprintln!("{e}");
                handle.set_error(Some(e));
                handle.reload(Reload::Full);
            }
        }
    }
}
