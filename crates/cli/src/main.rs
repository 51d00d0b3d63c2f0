//! The `hyde` binary: a Jekyll-compatible static site builder.
//!
//! `hyde build` reads the site, renders it and writes the destination, with
//! Jekyll's flags and a log that looks like Jekyll's. `hyde clean` removes the
//! destination and caches. The tool subcommands (`liquid`, `markdown`, `highlight`) expose
//! the engines on their own; `markdown` converts as the site's kramdown would.

mod build;
mod doctor;
mod serve;
mod tools;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// jemalloc instead of the system allocator. A build allocates on every
/// worker thread, and glibc grows each thread's arena a few pages at a time
/// (about 19,000 `mprotect` calls in a 5,000-document build); grass, the Sass
/// compiler, allocates heavily too. Measured in one interleaved run: CPU
/// −16% on 5,000 documents, −10% on examples/academic, −29% on two real
/// academicpages forks; peak memory +6% (docs/performance.md).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// hyde: builds Jekyll sites, without Ruby.
#[derive(Parser, Debug)]
#[command(name = "hyde", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build your site
    #[command(visible_alias = "b")]
    Build(BuildCommand),
    /// Clean the site (removes site output and metadata file) without building
    Clean(build::BuildArgs),
    /// Serve your site locally, rebuilding on changes
    #[command(visible_alias = "s")]
    Serve(serve::ServeArgs),
    /// Check the built site and its source for what breaks on GitHub Pages
    Doctor(doctor::DoctorArgs),
    /// Render a Liquid template with Jekyll's (or only standard) tags and filters
    Liquid(tools::LiquidArgs),
    /// Convert Markdown as Jekyll's kramdown converter does
    Markdown(tools::MarkdownArgs),
    /// Highlight code as `{% highlight LANG %}` does
    Highlight(tools::HighlightArgs),
}

/// `hyde build`'s flags: Jekyll's, plus `--strict`.
#[derive(clap::Args, Debug)]
struct BuildCommand {
    #[command(flatten)]
    build: build::BuildArgs,
    /// Fail the build when `hyde doctor` finds errors in the result (for CI)
    #[arg(long)]
    strict: bool,
}

fn run_build(args: &BuildCommand) -> anyhow::Result<ExitCode> {
    let code = build::run_build(&args.build)?;
    if !args.strict || code != ExitCode::SUCCESS {
        return Ok(code);
    }
    doctor::run_strict(&args.build)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => run_build(&args),
        Command::Clean(args) => build::run_clean(&args),
        Command::Serve(args) => serve::run_serve(&args),
        Command::Doctor(args) => doctor::run_doctor(&args),
        Command::Liquid(args) => tools::run_liquid(&args),
        Command::Markdown(args) => tools::run_markdown(&args),
        Command::Highlight(args) => tools::run_highlight(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("Error: {e:#}");
            ExitCode::from(1)
        }
    }
}
