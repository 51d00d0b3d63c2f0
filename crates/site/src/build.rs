//! The whole build, as Jekyll's `Site#process`: read → render → write.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::BuildOptions;
use crate::error::{Error, ErrorKind, Result, Span, Warning};
use crate::incremental::output::DiskWriter;
use crate::incremental::{Plan, SassMemo, State};
use crate::renderer;
use crate::site::Site;
use crate::writer::{Output, OutputFile, WriteError, WriteStats};

/// What a build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Files produced.
    pub files: usize,
    /// What the output did with them.
    pub stats: WriteStats,
    /// Warnings to show the user.
    pub warnings: Vec<Warning>,
    /// What plugins logged at info level, as (topic, message).
    pub notes: Vec<(String, String)>,
    /// Time per phase: read, generate, render, write.
    pub phases: Vec<(&'static str, Duration)>,
    /// The configuration files read.
    pub config_files: Vec<std::path::PathBuf>,
    /// Per-template statistics (with `profile: true`), slowest first.
    pub profile: Vec<crate::renderer::ProfileRow>,
}

/// Builds the site described by `opts` into `out`.
pub fn build(opts: &BuildOptions, out: &mut dyn Output) -> Result<BuildReport> {
    let t0 = Instant::now();
    let site = Site::load(opts)?;
    build_site(site, out, t0)
}

/// Renders and writes an already-read site.
pub fn build_site(mut site: Site, out: &mut dyn Output, t0: Instant) -> Result<BuildReport> {
    let timed = generate(&mut site, t0)?;
    render_and_write(site, timed, None, &mut |files, keep, _| {
        out.write_all(files, keep)
    })
}

/// [`build_site`] for a serve session: renders through a [`Plan`] made from
/// what the last build left (`prev`), and returns the plan with the report.
pub(crate) fn build_incremental(
    mut site: Site,
    sink: Sink<'_>,
    t0: Instant,
    prev: Option<State>,
    sass: Arc<SassMemo>,
) -> Result<(BuildReport, Plan)> {
    let mut timed = generate(&mut site, t0)?;
    // The plan is made from the generated site: it counts as generating.
    let t1 = Instant::now();
    let mut plan = Plan::new(prev, &site, sass);
    timed[1].1 += t1.elapsed();
    let report = match sink {
        Sink::Output(out) => {
            render_and_write(site, timed, Some(&mut plan), &mut |files, keep, _| {
                out.write_all(files, keep)
            })?
        }
        Sink::Disk(disk) => {
            render_and_write(site, timed, Some(&mut plan), &mut |files, keep, plan| {
                disk.write(files, keep, plan.map(Plan::unchanged_outputs))
            })?
        }
    };
    Ok((report, plan))
}

/// Where a session build writes.
pub(crate) enum Sink<'a> {
    /// Any output.
    Output(&'a mut dyn Output),
    /// The destination on disk, skipping outputs known to be unchanged.
    Disk(&'a mut DiskWriter),
}

/// Writes the rendered files; the plan says which outputs are unchanged.
type WriteFn<'a> = dyn FnMut(&[OutputFile], &[String], Option<&Plan>) -> std::result::Result<WriteStats, WriteError>
    + 'a;

/// The time the read phase took (since `t0`) and the generate phase's.
type Timed = [(&'static str, Duration); 2];

/// Generators (the built-in plugins) add and adjust pages before rendering.
fn generate(site: &mut Site, t0: Instant) -> Result<Timed> {
    let read = t0.elapsed();
    let t1 = Instant::now();
    let plugin_warnings = crate::plugins::generate(site)?;
    site.warnings.extend(plugin_warnings);
    Ok([("read", read), ("generate", t1.elapsed())])
}

fn render_and_write(
    site: Site,
    [read, generate]: Timed,
    mut plan: Option<&mut Plan>,
    write: &mut WriteFn<'_>,
) -> Result<BuildReport> {
    let keep_files = site.settings.keep_files.clone();
    let config_files = site.raw.files.clone();
    let mut warnings = site.warnings.clone();
    let notes = site.notes.clone();
    let t1 = Instant::now();
    let rendered = renderer::render_with(site, plan.as_deref_mut())?;
    let render = t1.elapsed();
    warnings.extend(rendered.warnings);
    let rendered_profile = rendered.profile;
    let t2 = Instant::now();
    let stats = write(&rendered.files, &keep_files, plan.as_deref()).map_err(|e| {
        Error::new(
            ErrorKind::Write,
            Span::default(),
            e.to_string(),
            "check the destination folder's permissions",
        )
    })?;
    let write = t2.elapsed();
    let files = rendered.files.len();
    if plan.is_some() {
        // A serve session reloads the browser sooner if the written files
        // are freed off its path.
        let done = rendered.files;
        std::thread::spawn(move || drop(done));
    }
    Ok(BuildReport {
        files,
        stats,
        warnings,
        notes,
        phases: vec![read, generate, ("render", render), ("write", write)],
        config_files,
        profile: rendered_profile,
    })
}
