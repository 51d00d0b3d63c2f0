//! The typed Sass error: message, file, line, column and the offending line.

use std::fmt;

/// A compilation failure, located in the file that caused it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SassError {
    /// What went wrong, as the compiler says it.
    pub message: String,
    /// The file the error is in (the entry file, a partial, or `stdin`).
    pub file: String,
    /// 1-based line; 0 when the error has no position (unreadable entry).
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// The offending source line, without its line break.
    pub source_line: String,
    /// How many characters the caret underlines (at least 1).
    pub width: usize,
}

impl SassError {
    /// An error without a source position.
    pub(crate) fn unlocated(file: &str, message: String) -> SassError {
        SassError {
            message,
            file: file.to_string(),
            line: 0,
            column: 0,
            source_line: String::new(),
            width: 1,
        }
    }
}

impl fmt::Display for SassError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            return write!(f, "{}: {}", self.file, self.message);
        }
        writeln!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )?;
        let gutter = self.line.to_string();
        let pad = " ".repeat(gutter.len());
        writeln!(f, "{pad} |")?;
        writeln!(f, "{gutter} | {}", self.source_line)?;
        write!(
            f,
            "{pad} | {}{}",
            " ".repeat(self.column.saturating_sub(1)),
            "^".repeat(self.width.max(1))
        )
    }
}

impl std::error::Error for SassError {}
