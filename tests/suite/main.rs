//! hyde's integration suite: golden fixtures built with hyde and compared
//! with Jekyll's output, and the bad-input cases.

mod errors;
mod golden;
mod writer;
