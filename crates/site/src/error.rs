//! Build errors: typed, each carrying the span (file, line, column) it is about.
//!
//! The CLI prints them as `file:line:column: message`, then the offending line
//! with a caret under the column, then a one-line hint.

use std::fmt;

/// Where an error is: a file and, when known, a 1-based line and column, with
/// the text of that line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Span {
    /// The file, relative to the source when inside it.
    pub file: String,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
    /// The offending line's text, when known.
    pub source_line: Option<String>,
}

impl Span {
    /// A span covering a whole file.
    pub fn file(file: impl Into<String>) -> Span {
        Span {
            file: file.into(),
            ..Span::default()
        }
    }

    /// A span at `line:column` of `file`, taking the line's text from `text`.
    pub fn at(file: impl Into<String>, text: &str, line: usize, column: usize) -> Span {
        let source_line = text.lines().nth(line.saturating_sub(1)).map(str::to_string);
        Span {
            file: file.into(),
            line,
            column,
            source_line,
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column.max(1))?;
        }
        Ok(())
    }
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// A configuration file could not be read or parsed.
    Config,
    /// Front matter is not valid YAML.
    FrontMatter,
    /// A data file could not be parsed.
    Data,
    /// A date that Jekyll cannot parse.
    InvalidDate,
    /// A file is not valid UTF-8.
    InvalidUtf8,
    /// A file could not be read.
    Unreadable,
    /// A Liquid syntax or render error.
    Liquid,
    /// A Markdown or Sass conversion error.
    Conversion,
    /// The destination is the source or contains it.
    Destination,
    /// Writing the output failed.
    Write,
    /// A permalink template uses an unknown placeholder.
    Permalink,
}

/// A build error with its span, message and hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The category.
    pub kind: ErrorKind,
    /// Where.
    pub span: Span,
    /// What, in one sentence.
    pub message: String,
    /// What to do about it, in one line.
    pub hint: String,
}

impl Error {
    /// A new error.
    pub fn new(
        kind: ErrorKind,
        span: Span,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Error {
        Error {
            kind,
            span,
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// The full report: location and message, the line with a caret, the hint.
    pub fn report(&self) -> String {
        let mut s = format!("{}: {}", self.span, self.message);
        if let Some(line) = &self.span.source_line {
            let col = self.span.column.max(1);
            let width = line
                .chars()
                .take(col - 1)
                .map(|c| if c == '\t' { '\t' } else { ' ' });
            let pad: String = width.collect();
            s.push_str(&format!("\n    {line}\n    {pad}^"));
        }
        if !self.hint.is_empty() {
            s.push_str(&format!("\n  hint: {}", self.hint));
        }
        s
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.span, self.message)
    }
}

impl std::error::Error for Error {}

/// A warning that does not stop the build (Jekyll logs and goes on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where, when known.
    pub span: Span,
    /// The message.
    pub message: String,
    /// What to do about it (may be empty).
    pub hint: String,
}

impl Warning {
    /// A warning without position.
    pub fn plain(message: impl Into<String>) -> Warning {
        Warning {
            span: Span::default(),
            message: message.into(),
            hint: String::new(),
        }
    }

    /// A warning at `span` with a hint.
    pub fn at(span: Span, message: impl Into<String>, hint: impl Into<String>) -> Warning {
        Warning {
            span,
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// The full report, shaped like an error's.
    pub fn report(&self) -> String {
        if self.span.file.is_empty() {
            return self.message.clone();
        }
        Error::new(
            ErrorKind::Config,
            self.span.clone(),
            self.message.clone(),
            self.hint.clone(),
        )
        .report()
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.span.file.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.span, self.message)
        }
    }
}

/// Shorthand.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An I/O failure on `path` as an [`Error`].
pub fn io_error(path: &std::path::Path, display: &str, e: &std::io::Error) -> Error {
    Error::new(
        ErrorKind::Unreadable,
        Span::file(display),
        format!("could not read file: {e}"),
        format!("check that {} exists and is readable", path.display()),
    )
}
