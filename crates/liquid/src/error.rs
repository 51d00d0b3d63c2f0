//! Errors and warnings, located in the template source and carrying the
//! include stack.

use std::fmt;

use crate::value::Str;

/// What went wrong, following Ruby Liquid's exception classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// `Liquid::SyntaxError`: bad template syntax (unknown or unclosed tag...).
    Syntax,
    /// `Liquid::ArgumentError`: a bad argument to a filter or a comparison.
    Argument,
    /// `Liquid::ZeroDivisionError`.
    ZeroDivision,
    /// `Liquid::FloatDomainError` (e.g. rounding infinity).
    FloatDomain,
    /// `Liquid::StackLevelError`: nesting too deep.
    StackLevel,
    /// `Liquid::FileSystemError`: an include or partial could not be read.
    FileSystem,
    /// `Liquid::MemoryError`: a resource limit was exceeded.
    ResourceLimit,
    /// An undefined variable (only raised when strict variables are enabled).
    UndefinedVariable,
    /// An undefined filter (only raised when strict filters are enabled).
    UndefinedFilter,
    /// Any other runtime error raised by a filter or tag.
    Runtime,
}

impl ErrorKind {
    /// The prefix Ruby Liquid puts before the message.
    pub fn prefix(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "Liquid syntax error",
            ErrorKind::ResourceLimit => "Liquid error",
            _ => "Liquid error",
        }
    }
}

/// A position in a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The template's name (a file path, usually), if it has one.
    pub file: Option<Str>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// The whole source line, for display.
    pub source_line: String,
}

/// One step of the include stack: template `name` was included from `from`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncludeFrame {
    /// The included template's name.
    pub name: Str,
    /// Where the include tag sits.
    pub from: Option<Location>,
}

/// A Liquid error: parse errors and runtime errors alike.
///
/// Boxed, so that every `Result` the renderer passes around stays the size
/// of its value: the error is rare, and its fields would otherwise make
/// each `Result<Value, Error>` about 120 bytes, written to memory on return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<ErrorInner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct ErrorInner {
    kind: ErrorKind,
    message: String,
    location: Option<Location>,
    include_stack: Vec<IncludeFrame>,
}

impl Error {
    /// A new error without location; the engine adds the location of the
    /// tag or output being rendered when the error passes through it.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error(Box::new(ErrorInner {
            kind,
            message: message.into(),
            location: None,
            include_stack: Vec::new(),
        }))
    }

    /// A syntax error.
    pub fn syntax(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Syntax, message)
    }

    /// An argument error (what filters raise for bad input).
    pub fn argument(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Argument, message)
    }

    /// A generic runtime error.
    pub fn runtime(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Runtime, message)
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The bare message, without prefix or location.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// Where the error happened, if known.
    pub fn location(&self) -> Option<&Location> {
        self.0.location.as_ref()
    }

    /// The include stack, innermost first.
    pub fn include_stack(&self) -> &[IncludeFrame] {
        &self.0.include_stack
    }

    /// Ruby Liquid's message form: `Liquid syntax error (line 3): Unknown tag 'x'`.
    pub fn ruby_message(&self) -> String {
        // Ruby errors that are not Liquid's own print bare.
        if self.0.kind == ErrorKind::Runtime {
            return self.0.message.clone();
        }
        // Inside a partial Ruby names it: `(partial line 3)`.
        let place = match (&self.0.location, self.0.include_stack.first()) {
            (Some(loc), Some(frame)) => format!(" ({} line {})", frame.name, loc.line),
            (Some(loc), None) => format!(" (line {})", loc.line),
            (None, _) => String::new(),
        };
        format!("{}{}: {}", self.0.kind.prefix(), place, self.0.message)
    }

    /// Sets the location unless one is already set.
    pub fn with_location(mut self, loc: Location) -> Error {
        if self.0.location.is_none() {
            self.0.location = Some(loc);
        }
        self
    }

    /// Whether a location is already attached.
    pub fn has_location(&self) -> bool {
        self.0.location.is_some()
    }

    /// Sets where the innermost unplaced include tag sits (the engine calls
    /// this as the error leaves the including template).
    pub fn set_include_origin(mut self, from: Location) -> Error {
        if let Some(frame) = self.0.include_stack.iter_mut().find(|f| f.from.is_none()) {
            frame.from = Some(from);
        }
        self
    }

    /// Records that the error passed out of the included template `name`.
    pub fn push_include(mut self, name: Str, from: Option<Location>) -> Error {
        self.0.include_stack.push(IncludeFrame { name, from });
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0.location {
            Some(loc) => {
                write!(
                    f,
                    "{}:{}:{}: {}: {}",
                    loc.file.as_deref().unwrap_or("<template>"),
                    loc.line,
                    loc.column,
                    self.0.kind.prefix(),
                    self.0.message
                )?;
                write_snippet(f, loc)?;
            }
            None => write!(f, "{}: {}", self.0.kind.prefix(), self.0.message)?,
        }
        for frame in &self.0.include_stack {
            write!(f, "\n  in include '{}'", frame.name)?;
            if let Some(from) = &frame.from {
                write!(
                    f,
                    ", included from {}:{}",
                    from.file.as_deref().unwrap_or("<template>"),
                    from.line
                )?;
            }
        }
        Ok(())
    }
}

fn write_snippet(f: &mut fmt::Formatter<'_>, loc: &Location) -> fmt::Result {
    let line = loc.source_line.trim_end_matches(['\r', '\n']);
    write!(f, "\n  {}\n  ", line)?;
    for c in line.chars().take(loc.column.saturating_sub(1)) {
        f.write_str(if c == '\t' { "\t" } else { " " })?;
    }
    f.write_str("^")
}

impl std::error::Error for Error {}

/// A warning collected while parsing in `warn` mode (the host prints it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The message, as Ruby Liquid words it.
    pub message: String,
    /// Where in the template.
    pub location: Option<Location>,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(loc) => write!(
                f,
                "Liquid syntax error (line {}): {}",
                loc.line, self.message
            ),
            None => write!(f, "Liquid syntax error: {}", self.message),
        }
    }
}

/// Computes a [`Location`] from a byte offset into `source`.
pub(crate) fn locate(source: &str, file: Option<&Str>, offset: usize) -> Location {
    let offset = offset.min(source.len());
    let mut start = offset;
    while start > 0 && !source.is_char_boundary(start) {
        start -= 1;
    }
    let before = &source[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[line_start..]
        .find('\n')
        .map_or(source.len(), |i| line_start + i);
    Location {
        file: file.cloned(),
        line,
        column: source[line_start..start].chars().count() + 1,
        source_line: source[line_start..line_end].to_string(),
    }
}
