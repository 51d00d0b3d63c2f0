//! A SassScript expression parser, only as deep as slash-division needs.
//!
//! grass reports no deprecations, so hyde finds `/` used as division itself.
//! Whether `a/b` is a division or a slash-separated value is decided by the
//! parser in dart-sass (`allowSlash`, `_inParentheses`, `_isSlashOperand` in
//! `stylesheet.dart`); [`parser`] follows that state machine for the
//! expressions it understands and gives up (`None`) on anything else, so an
//! expression it cannot read never yields a warning. The tree ([`ast`]) keeps
//! byte spans and prints itself as dart-sass's AST does (`toString`), which
//! the deprecation message quotes.

mod ast;
mod parser;

pub(crate) use ast::{number_text, Args, BinOp, Expr, CALC_FUNCTIONS};
pub(crate) use parser::Parser;
