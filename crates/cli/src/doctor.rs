//! `hyde doctor`: builds the site into a scratch folder, then checks the
//! output and the source together (see the hyde-doctor crate). Also the
//! check behind `hyde build --strict`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, ValueEnum};
use hyde_doctor::{Finding, Severity};
use hyde_site::{DiskOutput, Site};

use crate::build::BuildArgs;

/// How the report is printed.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// Grouped by severity, with the offending line and a hint.
    Text,
    /// Machine-readable.
    Json,
}

/// `hyde doctor`'s flags: the build flags plus these.
#[derive(Args, Debug, Clone)]
pub struct DoctorArgs {
    #[command(flatten)]
    build: BuildArgs,
    /// Report format
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// Checks a site that was built into `destination`.
pub fn check_built(
    source: &Path,
    destination: &Path,
    config_files: &[PathBuf],
    build_warnings: &[hyde_site::Warning],
    settings: &hyde_site::Settings,
    github_pages: bool,
) -> hyde_doctor::Report {
    let filter = hyde_site::reader::EntryFilter::new(settings);
    let excluded = |rel: &str| filter.excluded(rel);
    let config_path = config_files
        .first()
        .cloned()
        .unwrap_or_else(|| source.join("_config.yml"));
    let text = std::fs::read_to_string(&config_path).unwrap_or_default();
    let config = hyde_yaml::load(&text, &Default::default())
        .unwrap_or_else(|_| hyde_yaml::load("", &Default::default()).expect("empty YAML loads"));
    let config_file = config_path
        .strip_prefix(source)
        .unwrap_or(&config_path)
        .to_path_buf();
    let mut report = hyde_doctor::check(&hyde_doctor::Input {
        source,
        destination,
        config: &config,
        config_file: &config_file,
        outputs: &[],
        github_pages,
        excluded: Some(&excluded),
    });
    for warning in build_warnings
        .iter()
        .filter(|w| w.message.starts_with("Conflict"))
    {
        report.push(Finding::new(
            Severity::Error,
            "conflict",
            warning.message.clone(),
            "give all but one of these files a different `permalink`",
        ));
    }
    report.sort();
    report
}

/// `hyde doctor`.
pub fn run_doctor(args: &DoctorArgs) -> anyhow::Result<ExitCode> {
    let opts = args.build.options();
    let t0 = Instant::now();
    let site = match Site::load(&opts) {
        Ok(site) => site,
        Err(e) => {
            eprintln!("{}", e.report());
            return Ok(ExitCode::from(1));
        }
    };
    let source = site.settings.source.clone();
    let config_files = site.raw.files.clone();
    let settings = site.settings.clone();
    let scratch = tempfile::tempdir()?;
    let mut out = DiskOutput::new(scratch.path());
    let built = match hyde_site::build_site(site, &mut out, t0) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("{}", e.report());
            return Ok(ExitCode::from(1));
        }
    };
    let report = check_built(
        &source,
        scratch.path(),
        &config_files,
        &built.warnings,
        &settings,
        args.build.github_pages,
    );
    match args.format {
        Format::Text => print!("{}", report.to_text()),
        Format::Json => print!("{}", report.to_json()),
    }
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `hyde build --strict`: checks the destination that was just written.
pub fn run_strict(args: &BuildArgs) -> anyhow::Result<ExitCode> {
    let opts = args.options();
    let raw = match hyde_site::RawConfig::load(&opts) {
        Ok(raw) => raw,
        Err(e) => {
            eprintln!("{}", e.report());
            return Ok(ExitCode::from(1));
        }
    };
    let settings = match hyde_site::Settings::resolve(&raw) {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("{}", e.report());
            return Ok(ExitCode::from(1));
        }
    };
    let report = check_built(
        &settings.source,
        &settings.destination,
        &raw.files,
        &[],
        &settings,
        args.github_pages,
    );
    if report.has_errors() {
        eprint!("{}", report.to_text());
        eprintln!("hyde build --strict: the site has errors (see above)");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
