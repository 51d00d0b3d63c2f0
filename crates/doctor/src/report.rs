//! Findings and the report: grouped by severity, printed as text or JSON.

use std::fmt::Write as _;
use std::path::PathBuf;

/// How bad a finding is. Errors make `hyde doctor` exit 1; warnings don't.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The published site will be broken.
    Error,
    /// Probably a mistake, or a difference on GitHub Pages.
    Warning,
}

impl Severity {
    fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One thing the doctor found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// How bad it is.
    pub severity: Severity,
    /// A stable name of the check, e.g. `link-target`.
    pub check: &'static str,
    /// The file, relative to the source (or `_site/…` for built files).
    pub file: Option<PathBuf>,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// The offending line's text, when known.
    pub excerpt: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

impl Finding {
    /// A finding about the site as a whole.
    pub fn new(severity: Severity, check: &'static str, message: String, hint: &str) -> Finding {
        Finding {
            severity,
            check,
            file: None,
            line: None,
            column: None,
            excerpt: None,
            message,
            hint: hint.to_string(),
        }
    }

    /// Attaches a file.
    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Finding {
        self.file = Some(file.into());
        self
    }

    /// Attaches a position in `text` (the file's contents) by byte offset.
    pub fn at_offset(mut self, text: &str, offset: usize) -> Finding {
        let offset = offset.min(text.len());
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        self.line = Some(before.matches('\n').count() + 1);
        self.column = Some(text[line_start..offset].chars().count() + 1);
        self.excerpt = Some(text[line_start..line_end].to_string());
        self
    }

    /// Attaches a line and column without an excerpt.
    pub fn at_line(mut self, line: usize, column: usize) -> Finding {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    fn location(&self) -> String {
        let mut out = self
            .file
            .as_ref()
            .map(|f| f.display().to_string())
            .unwrap_or_else(|| "site".into());
        if let Some(line) = self.line {
            let _ = write!(out, ":{line}");
            if let Some(column) = self.column {
                let _ = write!(out, ":{column}");
            }
        }
        out
    }
}

/// Everything the doctor found.
#[derive(Debug, Default)]
pub struct Report {
    /// The findings, errors first, then by file and line.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Adds a finding (the caller may add what its build found, e.g. conflicts).
    pub fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// Orders the findings: errors first, then by file and line.
    pub fn sort(&mut self) {
        self.findings.sort_by(|a, b| {
            (a.severity, &a.file, a.line, a.column, a.check, &a.message)
                .cmp(&(b.severity, &b.file, b.line, b.column, b.check, &b.message))
        });
        self.findings.dedup();
    }

    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// True when there is at least one error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// The report for a terminal: grouped by severity, each finding with its
    /// location, the offending line and a caret, and a hint; counts last.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for severity in [Severity::Error, Severity::Warning] {
            let group: Vec<&Finding> = self
                .findings
                .iter()
                .filter(|f| f.severity == severity)
                .collect();
            if group.is_empty() {
                continue;
            }
            let title = match severity {
                Severity::Error => "Errors",
                Severity::Warning => "Warnings",
            };
            let _ = writeln!(out, "{title} ({}):", group.len());
            for finding in group {
                let _ = writeln!(
                    out,
                    "  {}: {} [{}]",
                    finding.location(),
                    finding.message,
                    finding.check
                );
                if let (Some(excerpt), Some(column)) = (&finding.excerpt, finding.column) {
                    let shown: String = excerpt.chars().take(160).collect();
                    let _ = writeln!(out, "    | {shown}");
                    if column <= 160 {
                        let _ = writeln!(out, "    | {}^", " ".repeat(column - 1));
                    }
                }
                let _ = writeln!(out, "    hint: {}", finding.hint);
            }
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "hyde doctor: {} error{}, {} warning{}",
            self.count(Severity::Error),
            if self.count(Severity::Error) == 1 {
                ""
            } else {
                "s"
            },
            self.count(Severity::Warning),
            if self.count(Severity::Warning) == 1 {
                ""
            } else {
                "s"
            },
        );
        out
    }

    /// The report as JSON: `{"findings": [...], "summary": {"errors": N, "warnings": N}}`.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\n  \"findings\": [");
        for (i, f) in self.findings.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            let _ = write!(
                out,
                "    {{\"severity\": {}, \"check\": {}, \"file\": {}, \"line\": {}, \"column\": {}, \"message\": {}, \"hint\": {}}}",
                json_str(f.severity.name()),
                json_str(f.check),
                f.file.as_ref().map_or("null".into(), |p| json_str(&p.to_string_lossy())),
                f.line.map_or("null".into(), |l| l.to_string()),
                f.column.map_or("null".into(), |c| c.to_string()),
                json_str(&f.message),
                json_str(&f.hint),
            );
        }
        if !self.findings.is_empty() {
            out.push_str("\n  ");
        }
        let _ = write!(
            out,
            "],\n  \"summary\": {{\"errors\": {}, \"warnings\": {}}}\n}}\n",
            self.count(Severity::Error),
            self.count(Severity::Warning)
        );
        out
    }
}

fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_from_offset() {
        let text = "line one\n  <a href=\"/x\">\n";
        let f = Finding::new(Severity::Error, "t", "m".into(), "h").at_offset(text, 14);
        assert_eq!((f.line, f.column), (Some(2), Some(6)));
        assert_eq!(f.excerpt.as_deref(), Some("  <a href=\"/x\">"));
    }

    #[test]
    fn text_report_groups_and_counts() {
        let mut r = Report::default();
        r.push(Finding::new(
            Severity::Warning,
            "w",
            "careful".into(),
            "fix it",
        ));
        r.push(
            Finding::new(Severity::Error, "e", "broken".into(), "mend it")
                .in_file("a.md")
                .at_line(3, 1),
        );
        r.sort();
        let text = r.to_text();
        assert!(text.starts_with("Errors (1):\n  a.md:3:1: broken [e]\n"));
        assert!(text.ends_with("hyde doctor: 1 error, 1 warning\n"));
    }

    #[test]
    fn json_escapes() {
        assert_eq!(json_str("a\"b\\c\n\u{1}"), "\"a\\\"b\\\\c\\n\\u0001\"");
    }
}
