//! Load errors: what Ruby would raise, where, and a message for the user.
//!
//! Syntax errors carry libyaml's wording split as Psych splits it
//! (`problem`, `context`) and libyaml's reported position (the *context*
//! mark, e.g. where the enclosing block mapping starts). Display shows
//! `line:column: message`, then the offending line and a caret.

use std::fmt;

/// What went wrong, named after the Ruby exception Jekyll would see.
#[derive(Clone, Debug, PartialEq)]
pub enum ErrorKind {
    /// `Psych::SyntaxError`: libyaml rejected the text.
    Syntax {
        /// libyaml's problem ("did not find expected key").
        problem: String,
        /// libyaml's context ("while parsing a block mapping"), if any.
        context: Option<String>,
    },
    /// `Psych::DisallowedClass`: e.g. a `:symbol` or `!ruby/object` (Jekyll
    /// permits only Date and Time).
    DisallowedClass(String),
    /// `Psych::BadAlias`: an alias to an anchor not defined before it.
    BadAlias(String),
    /// `ArgumentError` raised while converting a scalar (`!!float abc`, `0x_`).
    Argument(String),
    /// `TypeError` raised while converting a scalar (`!!float ~`).
    Type(String),
    /// An alias used inside the node it names (Ruby builds a recursive
    /// structure; we refuse).
    RecursiveAlias(String),
    /// Nesting deeper than [`crate::LoadOptions::max_depth`].
    TooDeep,
    /// Aliases expand to more nodes than [`crate::LoadOptions::max_alias_nodes`].
    TooLarge,
}

/// A YAML load error with its position and the offending source line.
#[derive(Clone, Debug, PartialEq)]
pub struct YamlError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// 1-based line, as Psych reports it for syntax errors.
    pub line: usize,
    /// 1-based column, as Psych reports it for syntax errors.
    pub column: usize,
    /// The text of that line (without its line break), for display.
    pub source_line: String,
}

impl YamlError {
    pub(crate) fn new(kind: ErrorKind, line: usize, column: usize, src: &str) -> YamlError {
        let source_line = src.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
        YamlError {
            kind,
            line,
            column,
            source_line: source_line.trim_end_matches('\r').to_string(),
        }
    }

    /// The Ruby exception class Jekyll would rescue.
    pub fn ruby_class(&self) -> &'static str {
        match self.kind {
            ErrorKind::Syntax { .. } => "Psych::SyntaxError",
            ErrorKind::DisallowedClass(_) => "Psych::DisallowedClass",
            ErrorKind::BadAlias(_) => "Psych::BadAlias",
            ErrorKind::Argument(_) => "ArgumentError",
            ErrorKind::Type(_) => "TypeError",
            ErrorKind::RecursiveAlias(_) | ErrorKind::TooDeep | ErrorKind::TooLarge => {
                "Psych::Exception"
            }
        }
    }

    /// The problem without position: "did not find expected key while
    /// parsing a block mapping", "Tried to load unspecified class: Symbol".
    pub fn problem(&self) -> String {
        match &self.kind {
            ErrorKind::Syntax { problem, context } => match context {
                Some(c) => format!("{problem} {c}"),
                None => problem.clone(),
            },
            ErrorKind::DisallowedClass(c) => format!("Tried to load unspecified class: {c}"),
            ErrorKind::BadAlias(a) => format!("Unknown alias: {a}"),
            ErrorKind::Argument(m) | ErrorKind::Type(m) => m.clone(),
            ErrorKind::RecursiveAlias(a) => {
                format!("alias *{a} refers to the node that contains it")
            }
            ErrorKind::TooDeep => "YAML nested too deeply".into(),
            ErrorKind::TooLarge => "aliases expand to too many nodes".into(),
        }
    }

    /// The exception message Jekyll's `safe_load_yaml` raises, given the file
    /// name Psych was told (Jekyll passes none: `"<unknown>"`).
    pub fn ruby_message(&self, file: Option<&str>) -> String {
        match &self.kind {
            // Jekyll's safe_load_yaml rescues ArgumentError and retries with
            // Psych's pre-3.1 signature, which raises this instead.
            ErrorKind::Argument(_) => "wrong number of arguments (given 2, expected 1)".into(),
            ErrorKind::Syntax { .. } => format!(
                "({}): {} at line {} column {}",
                file.unwrap_or("<unknown>"),
                self.problem(),
                self.line,
                self.column
            ),
            _ => self.problem(),
        }
    }

    /// `file:line:column: message`, the offending line and a caret.
    pub fn render(&self, file: &str) -> String {
        format!("{file}:{self}")
    }
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}:{}: {}", self.line, self.column, self.problem())?;
        let gutter = format!("{:>4} | ", self.line);
        writeln!(f, "{gutter}{}", self.source_line)?;
        // Tabs keep their width so the caret lines up.
        let pad: String = self
            .source_line
            .chars()
            .take(self.column.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        write!(f, "{:>4} | {pad}^", "")
    }
}

impl std::error::Error for YamlError {}
