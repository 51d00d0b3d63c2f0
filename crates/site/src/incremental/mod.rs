//! Incremental rebuilds for `hyde serve`: each output is rendered again only
//! when something it read changed, and the result always equals a fresh build.
//!
//! A [`Session`] keeps what the last build left: signatures of the read model,
//! every document's converted content and final output, and, per output, the
//! [`Deps`] recorded while it rendered (layouts; `site.data`; lists such as
//! `site.posts`, `site.pages` or a collection, which change when a member is
//! added, removed, reordered or given new data; other documents' content,
//! excerpt or output). The next build reads the site again, diffs the
//! signatures, and re-renders only what the differences reach. What hyde
//! cannot follow (includes, URLs that `link` and `post_url` resolve,
//! `include_relative`, `include_cached`) re-renders everything. A change to
//! the configuration starts over, with a new `site.time`; otherwise the
//! session keeps the time of that build, so that outputs do not change just
//! because the clock moved.

pub mod deps;
mod digest;
pub mod output;
mod plan;
pub mod read_cache;
mod sass_memo;

use std::path::Path;
use std::time::Instant;

use chrono::{DateTime, FixedOffset};

pub use deps::Deps;
pub(crate) use digest::text_digest;
pub use plan::{Plan, State};
pub(crate) use sass_memo::{folders_digest, sass_folders_digest, SassEntry, SassMemo};

use crate::build::{BuildReport, Sink};
use crate::config::{BuildOptions, RawConfig, Settings};
use crate::error::Result;
use crate::site::Site;
use crate::writer::Output;

/// The outcome of one session build.
#[derive(Debug)]
pub struct Rebuild {
    /// What the build did (files, writes, warnings, phases).
    pub report: BuildReport,
    /// Contents and outputs rendered (two per written document when
    /// everything renders: its content and its layouts).
    pub rendered: usize,
    /// Contents and outputs reused from the last build.
    pub reused: usize,
    /// Whether this build started over (first build, configuration change,
    /// or after a failed build).
    pub full: bool,
    /// The settings this build used.
    pub settings: Settings,
}

/// What `hyde serve` keeps between builds.
#[derive(Debug)]
pub struct Session {
    opts: BuildOptions,
    config: Option<u64>,
    time: Option<DateTime<FixedOffset>>,
    state: Option<State>,
    sass: std::sync::Arc<SassMemo>,
    read: read_cache::ReadCache,
    disk: Option<(std::path::PathBuf, output::DiskWriter)>,
}

impl Session {
    /// A session building the site `opts` describes; nothing is kept yet.
    pub fn new(opts: BuildOptions) -> Session {
        Session {
            opts,
            config: None,
            time: None,
            state: None,
            sass: Default::default(),
            read: Default::default(),
            disk: None,
        }
    }

    /// Sass compilations run so far in this session.
    pub fn sass_compilations(&self) -> usize {
        self.sass
            .compilations
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Builds into `out`, re-rendering only what changed since the last
    /// good build. A failed build keeps nothing: the next one renders all.
    pub fn build(&mut self, out: &mut dyn Output) -> Result<Rebuild> {
        self.build_into(Sink::Output(out))
    }

    /// [`Session::build`] into the destination folder `dest`, writing only
    /// the files that changed (see [`output`]).
    pub fn build_on_disk(&mut self, dest: &Path) -> Result<Rebuild> {
        let mut disk = match self.disk.take() {
            Some(d) if d.0 == dest => d.1,
            _ => output::DiskWriter::new(dest),
        };
        let built = self.build_into(Sink::Disk(&mut disk));
        self.disk = Some((dest.to_path_buf(), disk));
        built
    }

    fn build_into(&mut self, sink: Sink<'_>) -> Result<Rebuild> {
        let t0 = Instant::now();
        let raw = RawConfig::load(&self.opts)?;
        let settings = Settings::resolve(&raw)?;
        crate::site::check_destination(&settings)?;
        let config = digest::debug_hash(&[&raw.map, &raw.files]);
        if self.config != Some(config) {
            self.config = Some(config);
            self.state = None;
            self.time = None;
            self.read = Default::default();
        }
        let time = *self
            .time
            .get_or_insert_with(|| crate::dates::now(settings.timezone));
        let env = self
            .opts
            .environment
            .clone()
            .unwrap_or_else(|| "development".into());
        let prev = self.state.take();
        let full = prev.is_none();
        let used = settings.clone();
        let site = Site::read_cached(
            raw,
            settings,
            time,
            env,
            Some(&mut self.read),
            Some(&self.sass),
        )?;
        let sass = std::sync::Arc::clone(&self.sass);
        let (report, plan) = crate::build::build_incremental(site, sink, t0, prev, sass)?;
        let (rendered, reused) = (plan.rendered, plan.reused);
        self.state = Some(plan.finish());
        Ok(Rebuild {
            report,
            rendered,
            reused,
            full,
            settings: used,
        })
    }
}
