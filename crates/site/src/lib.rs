//! hyde-site: the Jekyll site model and the build pipeline.
//!
//! The stages follow Jekyll's `Site#process`: [`config`] (two stages: raw
//! hash, then resolved settings), [`reader`] (which files become what),
//! [`site`] (the model: documents, collections, static files, data),
//! [`renderer`] (Liquid → converter → layouts, in two passes), [`writer`]
//! (one output interface for disk and memory). [`incremental`] keeps a
//! build's results for `hyde serve`, so a rebuild renders only what changed.
//!
//! ```no_run
//! use hyde_site::{build, BuildOptions, DiskOutput};
//! let opts = BuildOptions { source: Some("site".into()), ..Default::default() };
//! let mut out = DiskOutput::new("site/_site");
//! let report = build(&opts, &mut out).unwrap();
//! println!("{} files", report.files);
//! ```

pub mod build;
pub mod config;
pub mod convert;
pub mod dates;
pub mod defaults;
pub mod document;
pub mod drops;
pub mod error;
pub mod fnmatch;
pub mod frontmatter;
pub mod incremental;
pub mod liquid_ext;
pub mod permalink;
pub mod plugins;
pub mod reader;
pub mod renderer;
pub mod site;
pub mod site_context;
pub mod static_file;
pub mod theme;
pub mod value;
pub mod writer;

pub use build::{build, build_site, BuildReport};
pub use config::{BuildOptions, RawConfig, Settings};
pub use error::{Error, ErrorKind, Span, Warning};
pub use incremental::Session;
pub use site::Site;
pub use writer::{DiskOutput, MemoryOutput, Output, OutputFile};
