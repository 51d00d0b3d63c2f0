//! hyde-highlight: syntax highlighting that produces what Rouge 3.30 produces.
//!
//! Rouge's lexers are regex state machines; this crate has a small engine of the
//! same shape (states, rules, mixins, push/pop, delegation to
//! sublexers) and lexers ported behaviour for behaviour for the languages Jekyll
//! sites use most. The formatters write Rouge's HTML (`<span class="k">`) and the
//! line-number table Jekyll's `{% highlight lang linenos %}` emits.
//!
//! Every name Rouge registers is known to [`find_language`]; a language without
//! a port here is written as plain text (see `docs/compat.md`). [`find_fancy`]
//! adds Rouge's `guess` and [`guess_language`] its guessers (modelines and
//! each lexer's `detect?`), which jekyll-commonmark uses for code without a
//! language. The corpus in `tests/corpus` (inputs written for it, outputs
//! from Rouge) pins the ports.
//!
//! ```
//! let py = hyde_highlight::find_language("py").unwrap();
//! assert_eq!(py.tag(), "python");
//! assert_eq!(
//!     hyde_highlight::highlight(py, "x = 1\n"),
//!     "<span class=\"n\">x</span> <span class=\"o\">=</span> <span class=\"mi\">1</span>\n"
//! );
//! assert!(hyde_highlight::find_language("Python").is_none()); // as in Rouge
//! ```

mod engine;
mod format;
mod guess;
mod language;
mod lexers;
mod re;
mod rouge_names;
mod simple;
#[allow(dead_code)] // The full set of Rouge token types.
mod token;

pub use format::{highlight, highlight_into, highlight_table};
pub use guess::guess_language;
pub use language::{find_fancy, find_language, plaintext, Language};
