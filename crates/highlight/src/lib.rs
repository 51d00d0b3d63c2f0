//! hyde-highlight: syntax highlighting that produces what Rouge 3.30 produces.
//!
//! Rouge's lexers are regex state machines; this crate has a small engine of the
//! same shape and lexers ported, behaviour for behaviour, for the languages
//! Jekyll sites use most. The formatters write Rouge's HTML (`<span class="k">`)
//! and the line-number table Jekyll's `{% highlight lang linenos %}` emits.

mod engine;
mod format;
mod language;
mod lexers;
mod re;
mod rouge_names;
#[allow(dead_code)] // The full set of Rouge token types.
mod token;

pub use format::{highlight, highlight_table};
pub use language::{find_language, plaintext, Language};
