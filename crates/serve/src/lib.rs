//! hyde-serve: the HTTP side of `hyde serve`.
//!
//! It serves a built site from its destination folder the way Jekyll's
//! WEBrick servlet does (the site mounted under its `baseurl`, `index.html`
//! for folders, `/about` → `about.html`, the site's `404.html` with status 404),
//! with correct content types, `HEAD` and conditional `GET`s. Only files inside
//! the destination are ever served: see [`resolve`].
//!
//! With live reload on, HTML responses get a small script injected as they are
//! sent — the files on disk stay clean — and browsers listen on a server-sent
//! events stream for [`Reload`] messages. While the last build failed, every
//! HTML page shows the build error instead (see [`ServerHandle::set_error`]).
//!
//! [`Watcher`] reports which source files changed, debounced, ignoring editor
//! files and whatever the caller excludes. Deciding what to rebuild is the
//! caller's job: this crate knows nothing of Jekyll.

mod http;
mod livereload;
mod mime;
pub mod resolve;
mod watch;

pub use http::{start, ServeOptions, ServerHandle};
pub use livereload::Reload;
pub use mime::content_type;
pub use watch::{is_editor_file, ChangeSet, IgnoreFn, WatchOptions, Watcher};
