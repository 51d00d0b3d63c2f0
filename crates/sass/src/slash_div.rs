//! Finds the places in an SCSS text where dart-sass 1.78 may report the
//! `slash-div` deprecation, with the message it would print.
//!
//! A statement scanner walks the blocks and hands every SassScript
//! expression it recognises (declaration values, variable assignments,
//! `@return`, `@if`/`@while`/`@each`/`@for` headers, `@include` arguments,
//! `@debug`/`@warn`/`@error`) to [`crate::script`]. Two shapes warn:
//!
//! - a `/` that evaluates as division (not a slash-separated number), when
//!   both operands are numbers: "Using / for division outside of calc()";
//! - a slash-separated number (`1/3`) that loses its slash because it is
//!   assigned, returned or passed to a Sass function or mixin: "Using / for
//!   division is deprecated".
//!
//! Whether the code runs and what the operands hold is only known by
//! evaluating, so each candidate names the statement it sits in and the
//! operands whose type must be checked; [`crate::deprecation`] asks grass.
//! A branch of `if()` is probed under its condition when that calls no
//! function. Anything not understood (indented syntax, nested properties,
//! `@else if`, other `if()` arguments, the right side of `and`/`or`,
//! parameter defaults, media queries, selectors) yields no candidate: a
//! missing warning is better than a false one.

use std::collections::{HashMap, HashSet};

use crate::script::{number_text, BinOp, Expr, Parser, CALC_FUNCTIONS};

const MORE_INFO: &str = "More info and automated migrator: https://sass-lang.com/d/slash-div";

/// One place that warns when it is evaluated with numbers.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// Byte span of the offending expression.
    pub(crate) span: (usize, usize),
    /// dart-sass's message.
    pub(crate) message: String,
    /// Operands (byte spans) that must evaluate to numbers.
    pub(crate) operands: Vec<(usize, usize)>,
    /// Where the statement holding it starts (the probe goes there).
    pub(crate) statement: usize,
    /// For `$name: ... !default`: the variable, evaluated only when unset.
    pub(crate) guard: Option<String>,
    /// The innermost stack frame's member: `None` at a file's top level, or
    /// the mixin or function it is in.
    pub(crate) member: Option<String>,
    /// Evaluated only when this SassScript condition holds (a branch of
    /// `if()`); the probe asks it again.
    pub(crate) condition: Option<String>,
    /// Warns only if this turns out to be a user-defined function (a call
    /// of an unknown name is plain CSS and keeps its slash).
    pub(crate) requires_function: Option<String>,
    /// A mixin parameter's default, probed where an `@include` leaves the
    /// parameter out: the file the default is written in (`span` is in
    /// it) and the operands' text.
    pub(crate) origin: Option<(usize, Vec<String>)>,
}

/// A mixin parameter's default value holding candidates.
#[derive(Debug, Clone)]
pub(crate) struct DefaultParam {
    index: usize,
    name: String,
    candidates: Vec<Candidate>,
}

/// Mixins' parameter defaults with candidates, by mixin name (`_` read as
/// `-`), across a compilation's files.
pub(crate) type MixinDefaults = HashMap<String, Vec<DefaultParam>>;

#[derive(Debug, Clone, PartialEq)]
enum Block {
    Root,
    Rule,
    Callable(String),
    /// Nested properties (`font: { ... }`) from the byte offset of the
    /// outermost such declaration: no statement may go inside, so probes
    /// go before that one.
    NestedProps(usize),
    Other,
}

/// Names of user-defined functions across the compilation's files (a call
/// to one is a Sass function call; a call to an unknown name is plain CSS).
pub(crate) fn function_names(text: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut rest = text;
    while let Some(p) = rest.find("@function") {
        let after = rest[p + 9..].trim_start();
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name.replace('_', "-"));
        }
        rest = &rest[p + 9..];
    }
    out
}

/// The variables a stylesheet configures in the modules it loads
/// (`@use`/`@forward … with ($name: …)`): `Err(())` when that cannot be
/// told (`meta.load-css`, a `with` not understood).
pub(crate) fn configured_variables(text: &str) -> Result<Vec<String>, ()> {
    if text.contains("load-css") {
        return Err(());
    }
    let mut names = Vec::new();
    for rule in ["@use", "@forward"] {
        for (at, _) in text.match_indices(rule) {
            let (end, _) = statement_end(text, at);
            let stmt = &text[at..end];
            let Some(with) = stmt.find(" with") else {
                continue;
            };
            let map = stmt[with + 5..].trim_start();
            let Some(map) = map.strip_prefix('(') else {
                return Err(());
            };
            // `$name:` keys at the map's own depth.
            let mut depth = 0usize;
            let bytes = map.as_bytes();
            for (i, &c) in bytes.iter().enumerate() {
                match c {
                    b'(' | b'[' => depth += 1,
                    b')' | b']' => depth = depth.saturating_sub(1),
                    b'$' if depth == 0 => {
                        let name: String = map[i + 1..]
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                            .collect();
                        if map[i + 1 + name.len()..].trim_start().starts_with(':') {
                            names.push(name.replace('_', "-"));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    Ok(names)
}

/// Every candidate of an SCSS text, in source order of their statements.
#[cfg(test)]
pub(crate) fn candidates(text: &str) -> Vec<Candidate> {
    candidates_with(text, 0, &mut MixinDefaults::new())
}

/// [`candidates`] of file `file`, with the mixin parameter defaults of the
/// files read before (and this one's, added to them).
pub(crate) fn candidates_with(
    text: &str,
    file: usize,
    defaults: &mut MixinDefaults,
) -> Vec<Candidate> {
    let mut scanner = Scanner::new(text);
    scanner.file = file;
    scanner.defaults = std::mem::take(defaults);
    scanner.run();
    *defaults = std::mem::take(&mut scanner.defaults);
    // `@else if` candidates are probed before their `@if`: keep the
    // statements in text order for the insertion.
    scanner.out.sort_by_key(|c| c.statement);
    scanner.out
}

/// The mixin or function a byte offset of an SCSS text is in, if any: the
/// member dart-sass names in a stack frame.
pub(crate) fn callable_at(text: &str, offset: usize) -> Option<String> {
    let mut scanner = Scanner::new(text);
    scanner.run_until(offset);
    scanner.member()
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    blocks: Vec<Block>,
    out: Vec<Candidate>,
    /// Open `@if` chains: block depth, where the `@if` starts, and the
    /// conditions so far (`None` once one cannot be asked again).
    chains: Vec<(usize, usize, Option<Vec<String>>)>,
    file: usize,
    defaults: MixinDefaults,
}

/// What the statement's expression is.
#[derive(Clone, Copy, PartialEq)]
enum Context {
    /// A declaration value, a condition, a log message.
    Plain,
    /// Assigned or returned: a slash-separated number loses its slash.
    Assigned,
    /// `@include` arguments.
    Include,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Scanner<'a> {
        Scanner {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            blocks: vec![Block::Root],
            out: Vec::new(),
            chains: Vec::new(),
            file: 0,
            defaults: MixinDefaults::new(),
        }
    }

    fn run(&mut self) {
        self.run_until(usize::MAX);
    }

    /// Scans the statements that start before `stop`.
    fn run_until(&mut self, stop: usize) {
        let mut guard = 0usize;
        while self.pos < self.bytes.len() {
            guard += 1;
            if guard > self.bytes.len() * 4 + 16 {
                return;
            }
            self.skip_space();
            let Some(c) = self.bytes.get(self.pos).copied() else {
                return;
            };
            if self.pos >= stop {
                return;
            }
            // A statement other than `@else` ends the `@if` chains at its
            // depth and below.
            if c != b'}' && c != b';' && !self.text[self.pos..].starts_with("@else") {
                let depth = self.blocks.len();
                self.chains.retain(|(d, _, _)| *d < depth);
            }
            match c {
                b'}' => {
                    if self.blocks.len() > 1 {
                        self.blocks.pop();
                    }
                    self.pos += 1;
                }
                b';' => self.pos += 1,
                b'@' => self.at_rule(),
                b'$' => self.variable(),
                _ => self.declaration_or_rule(),
            }
        }
    }

    fn skip_space(&mut self) {
        let mut p = Parser::new(self.text, self.pos);
        p.whitespace();
        self.pos = p.pos;
    }

    fn probes_allowed(&self) -> bool {
        true
    }

    /// Where a probe for a statement at `statement` goes: before the
    /// outermost nested-property declaration around it, if any.
    fn probe_point(&self, statement: usize) -> usize {
        self.blocks
            .iter()
            .find_map(|b| match b {
                Block::NestedProps(start) => Some(*start),
                _ => None,
            })
            .unwrap_or(statement)
    }

    fn member(&self) -> Option<String> {
        self.blocks.iter().rev().find_map(|b| match b {
            Block::Callable(name) => Some(name.clone()),
            _ => None,
        })
    }

    fn statement_end(&self, from: usize) -> (usize, Option<u8>) {
        statement_end(self.text, from)
    }

    /// Moves past the statement; opens a block of `kind` if it has one.
    fn finish(&mut self, kind: Block) {
        let (end, c) = self.statement_end(self.pos);
        match c {
            Some(b'{') => {
                self.blocks.push(kind);
                self.pos = end + 1;
            }
            Some(b';') => self.pos = end + 1,
            _ => self.pos = end,
        }
    }

    fn at_rule(&mut self) {
        let start = self.pos;
        let name_end = self.text[start + 1..]
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .map_or(self.bytes.len(), |e| start + 1 + e);
        let name = self.text[start + 1..name_end].to_ascii_lowercase();
        self.pos = name_end;
        match name.as_str() {
            "function" | "mixin" => {
                self.skip_space();
                let n_end = self.text[self.pos..]
                    .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
                    .map_or(self.bytes.len(), |e| self.pos + e);
                let callable = self.text[self.pos..n_end].to_string();
                if name == "mixin" {
                    self.mixin_defaults(&callable, n_end);
                }
                self.finish(Block::Callable(callable));
            }
            "return" => self.expression_statement(start, Context::Assigned, None),
            "if" => {
                let (end, _) = self.statement_end(self.pos);
                let cond = self.askable(self.pos, end);
                self.chains
                    .push((self.blocks.len(), start, cond.map(|c| vec![c])));
                self.expression_statement(start, Context::Plain, None)
            }
            "while" | "debug" | "warn" | "error" => {
                self.expression_statement(start, Context::Plain, None)
            }
            "else" => self.else_rule(),
            "each" => {
                // `@each $a, $b in <list>`
                let (end, _) = self.statement_end(self.pos);
                if let Some(p) = self.text[self.pos..end].find(" in ") {
                    self.pos += p + 4;
                    self.expression_statement(start, Context::Plain, None);
                } else {
                    self.finish(Block::Other);
                }
            }
            "for" => self.for_rule(start),
            "include" => self.include(start),
            "media" | "supports" | "font-face" | "page" | "at-root" | "document"
            | "-moz-document" | "layer" | "container" | "scope" | "starting-style" => {
                self.finish(Block::Other)
            }
            n if n.ends_with("keyframes") => self.finish(Block::Other),
            _ => self.finish(Block::Other),
        }
    }

    /// A condition's text if the probe may evaluate it again: it calls no
    /// function and sits on one line.
    fn askable(&self, from: usize, end: usize) -> Option<String> {
        let text = self.text[from..end].trim();
        if text.is_empty()
            || text.contains(['\n', '\r'])
            || text.contains("//")
            || text.contains("/*")
        {
            return None;
        }
        let mut p = Parser::new(&self.text[..end], from);
        p.whitespace();
        let expr = p.expression(false, false)?;
        p.whitespace();
        (p.pos == end && !has_impure_call(&expr)).then(|| text.to_string())
    }

    /// `@else` or `@else if <cond>`: the condition is evaluated only when
    /// the earlier ones are false, so its probe goes before the `@if`, under
    /// `not (A) and not (B) …`.
    fn else_rule(&mut self) {
        self.skip_space();
        if !self.text[self.pos..].starts_with("if") {
            return self.finish(Block::Other);
        }
        let depth = self.blocks.len();
        let Some(at) = self.chains.iter().rposition(|(d, _, _)| *d == depth) else {
            return self.finish(Block::Other);
        };
        self.pos += 2;
        let (end, _) = self.statement_end(self.pos);
        let own = self.askable(self.pos, end);
        let (_, if_start, earlier) = self.chains[at].clone();
        if let Some(earlier) = earlier {
            let before = self.out.len();
            let when = earlier
                .iter()
                .map(|c| format!("not ({c})"))
                .collect::<Vec<_>>()
                .join(" and ");
            if self.probes_allowed() && self.text[self.pos..end].contains('/') {
                let mut p = Parser::new(&self.text[..end], self.pos);
                p.whitespace();
                if let Some(expr) = p.expression(false, false) {
                    p.whitespace();
                    if p.pos == end {
                        self.collect(&expr, if_start, Context::Plain, None);
                    }
                }
            }
            for c in &mut self.out[before..] {
                c.condition = Some(match c.condition.take() {
                    Some(inner) => format!("{when} and ({inner})"),
                    None => when.clone(),
                });
            }
            self.chains[at].2 = own.map(|own| {
                let mut all = earlier;
                all.push(own);
                all
            });
        }
        self.finish(Block::Other);
    }

    fn for_rule(&mut self, start: usize) {
        // `@for $i from <a> through|to <b>`: two expressions.
        let (end, _) = self.statement_end(self.pos);
        let header = &self.text[self.pos..end];
        let Some(from) = header.find(" from ") else {
            return self.finish(Block::Other);
        };
        let bound = header.find(" through ").or_else(|| header.find(" to "));
        let Some(bound) = bound else {
            return self.finish(Block::Other);
        };
        let base = self.pos;
        let first = (base + from + 6, base + bound);
        let second_start = base
            + bound
            + if header[bound..].starts_with(" through ") {
                9
            } else {
                4
            };
        for (s, e) in [first, (second_start, end)] {
            let mut p = Parser::new(&self.text[..e], s);
            p.whitespace();
            if let Some(expr) = p.expression(false, false) {
                p.whitespace();
                if p.pos == e {
                    self.collect(&expr, start, Context::Plain, None);
                }
            }
        }
        self.finish(Block::Other);
    }

    fn include(&mut self, start: usize) {
        self.skip_space();
        let (end, _) = self.statement_end(self.pos);
        let name: String = self.text[self.pos..end]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_' || *c == '.')
            .collect();
        let name = name.rsplit('.').next().unwrap_or("").replace('_', "-");
        let defaults = self.defaults.get(&name).cloned();
        if !self.text[self.pos..end].contains('/') && defaults.is_none() {
            return self.finish(Block::Other);
        }
        let mut p = Parser::new(self.text, self.pos);
        // `@include name(args)` or `ns.name(args)`; the arguments are read as
        // a function call would be.
        let call = parse_call(&mut p);
        if let Some(Expr::Func { args, .. }) = &call {
            if self.probes_allowed() {
                for arg in args
                    .positional
                    .iter()
                    .chain(args.named.iter().map(|(_, v)| v))
                {
                    self.collect(arg, start, Context::Include, None);
                }
            }
        }
        // Defaults of the parameters left out run in the mixin.
        let given = match &call {
            Some(Expr::Func { args, .. }) if args.rest.is_none() && args.opaque.is_none() => {
                Some((
                    args.positional.len(),
                    args.named
                        .iter()
                        .map(|(n, _)| n.replace('_', "-"))
                        .collect::<Vec<_>>(),
                ))
            }
            Some(_) => None,
            None => {
                let after = self.text[self.pos + name.len().min(end - self.pos)..end].trim_start();
                (!after.starts_with('(')).then(|| (0, Vec::new()))
            }
        };
        if let (Some(defaults), Some((positional, named))) = (defaults, given) {
            let statement = self.probe_point(start);
            for d in defaults {
                if d.index < positional || named.contains(&d.name) {
                    continue;
                }
                for mut c in d.candidates {
                    c.statement = statement;
                    self.out.push(c);
                }
            }
        }
        self.finish(Block::Other);
    }

    /// Records the candidates in a mixin's parameter defaults (those that
    /// only read global variables: a probe at an `@include` can ask them).
    fn mixin_defaults(&mut self, mixin: &str, from: usize) {
        let (end, _) = self.statement_end(from);
        let header = &self.text[from..end];
        let Some(open) = header.find('(') else {
            return;
        };
        let Some(close) = header.rfind(')') else {
            return;
        };
        let base = from + open + 1;
        let params = &self.text[base..from + close];
        // Top-level commas.
        let mut parts = Vec::new();
        let (mut depth, mut last) = (0usize, 0usize);
        for (i, c) in params.char_indices() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => {
                    parts.push((last, i));
                    last = i + 1;
                }
                _ => {}
            }
        }
        parts.push((last, params.len()));
        let names: Vec<String> = parts
            .iter()
            .filter_map(|&(a, b)| {
                let p = params[a..b].trim();
                let n: String = p
                    .strip_prefix('$')?
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                Some(n.replace('_', "-"))
            })
            .collect();
        let mut found_params = Vec::new();
        for (index, &(a, b)) in parts.iter().enumerate() {
            let part = &params[a..b];
            let Some(colon) = part.find(':') else {
                continue;
            };
            let value_start = base + a + colon + 1;
            let value_end = base + b;
            if !self.text[value_start..value_end].contains('/') {
                continue;
            }
            let mut p = Parser::new(&self.text[..value_end], value_start);
            p.whitespace();
            let Some(expr) = p.expression(false, false) else {
                continue;
            };
            p.whitespace();
            if p.pos != value_end {
                continue;
            }
            let mut found = Vec::new();
            self.slash_value(&expr, &mut found);
            self.walk(&expr, false, &mut found);
            found.sort_by_key(|c: &Candidate| (c.span.1, usize::MAX - c.span.0));
            let reads_params = |t: &str| {
                let t = t.replace('_', "-");
                names.iter().any(|n| t.contains(&format!("${n}")))
            };
            let mut candidates = Vec::new();
            for mut c in found {
                let operands: Vec<String> = c
                    .operands
                    .iter()
                    .map(|&(s, e)| self.text[s..e].replace(['\n', '\r'], " "))
                    .collect();
                if operands.iter().any(|o| reads_params(o)) || c.condition.is_some() {
                    continue;
                }
                c.member = Some(mixin.to_string());
                c.origin = Some((self.file, operands));
                candidates.push(c);
            }
            if !candidates.is_empty() {
                found_params.push(DefaultParam {
                    index,
                    name: names.get(index).cloned().unwrap_or_default(),
                    candidates,
                });
            }
        }
        if !found_params.is_empty() {
            self.defaults.insert(mixin.replace('_', "-"), found_params);
        }
    }

    fn variable(&mut self) {
        let start = self.pos;
        let name_end = self.text[start + 1..]
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .map_or(self.bytes.len(), |e| start + 1 + e);
        let name = self.text[start + 1..name_end].to_string();
        self.pos = name_end;
        self.skip_space();
        if self.bytes.get(self.pos) != Some(&b':') {
            return self.finish(Block::Other);
        }
        self.pos += 1;
        let (end, _) = self.statement_end(self.pos);
        let value_text = &self.text[self.pos..end];
        let guarded = value_text.contains("!default");
        let global = value_text.contains("!global");
        let guard = if guarded {
            // `!default` skips the expression when the variable is set; the
            // probe can ask `variable-exists` only at a file's top level, and
            // only when no `@use ... with` can configure it.
            if self.blocks.len() != 1 || global {
                return self.finish(Block::Other);
            }
            Some(name)
        } else {
            None
        };
        self.expression_statement(start, Context::Assigned, guard);
    }

    /// Parses the expression at `self.pos` to the statement's end.
    fn expression_statement(&mut self, start: usize, ctx: Context, guard: Option<String>) {
        let (end, _) = self.statement_end(self.pos);
        // Every candidate is a `/`: most statements need no parsing.
        if self.probes_allowed() && self.text[self.pos..end].contains('/') {
            let mut p = Parser::new(&self.text[..end], self.pos);
            p.whitespace();
            if let Some(expr) = p.expression(false, false) {
                // Flags (`!default`, `!global`) may follow.
                p.whitespace();
                let tail = self.text[p.pos..end].trim();
                let flags_only = tail
                    .split_whitespace()
                    .all(|w| matches!(w, "!default" | "!global"));
                if flags_only {
                    self.collect(&expr, start, ctx, guard);
                }
            }
        }
        self.finish(Block::Other);
    }

    fn declaration_or_rule(&mut self) {
        let start = self.pos;
        let (end, c) = self.statement_end(start);
        let text = &self.text[start..end];
        if c == Some(b'{') {
            // `font: {` or `font: bold {` opens nested properties.
            let kind = match text.find(':') {
                Some(colon)
                    if is_property_name(&text[..colon])
                        && (text[colon + 1..].trim().is_empty()
                            || text[colon + 1..].starts_with([' ', '\t'])) =>
                {
                    Block::NestedProps(self.probe_point(start))
                }
                _ => Block::Rule,
            };
            self.blocks.push(kind);
            self.pos = end + 1;
            return;
        }
        let Some(colon) = text.find(':') else {
            self.pos = if c == Some(b';') { end + 1 } else { end };
            return;
        };
        let name = text[..colon].trim();
        let declaration_context = matches!(
            self.blocks.last(),
            Some(Block::Rule | Block::Callable(_) | Block::Other | Block::NestedProps(_))
        );
        if name.starts_with("--") || !is_property_name(name) || !declaration_context {
            self.pos = if c == Some(b';') { end + 1 } else { end };
            return;
        }
        self.pos = start + colon + 1;
        self.expression_statement(start, Context::Plain, None);
    }

    /// Adds the candidates of `expr`, part of the statement at `statement`.
    fn collect(&mut self, expr: &Expr, statement: usize, ctx: Context, guard: Option<String>) {
        let mut found = Vec::new();
        if matches!(ctx, Context::Assigned | Context::Include) {
            self.slash_value(expr, &mut found);
        }
        self.walk(expr, false, &mut found);
        found.sort_by_key(|c: &Candidate| (c.span.1, usize::MAX - c.span.0));
        let member = self.member();
        let statement = self.probe_point(statement);
        for mut c in found {
            c.statement = statement;
            c.guard = guard.clone();
            c.member = member.clone();
            self.out.push(c);
        }
    }

    /// Whether a call of this function evaluates its arguments as a Sass
    /// callable (so `_withoutSlash` applies to each): `Some(None)` for
    /// certain, `Some(Some(name))` if `name` is a user-defined function.
    fn sass_function(namespace: &Option<String>, name: &str) -> Option<Option<String>> {
        if namespace.is_some() {
            return Some(None);
        }
        let norm = name.replace('_', "-");
        if norm == "if" {
            return None;
        }
        if GLOBAL_FUNCTIONS.contains(&norm.as_str()) {
            return Some(None);
        }
        Some(Some(norm))
    }

    fn walk(&self, e: &Expr, lazy: bool, out: &mut Vec<Candidate>) {
        match e {
            Expr::Binary {
                op, left, right, ..
            } => {
                self.walk(left, lazy, out);
                let right_lazy = lazy || matches!(op, BinOp::And | BinOp::Or);
                self.walk(right, right_lazy, out);
                if *op == BinOp::Div && !lazy && !self.is_slash(e) {
                    out.push(self.division(e, left, right));
                }
            }
            Expr::Unary { operand, .. } => self.walk(operand, lazy, out),
            Expr::Paren { inner, .. } => self.walk(inner, lazy, out),
            Expr::List { items, .. } => items.iter().for_each(|i| self.walk(i, lazy, out)),
            Expr::Map { pairs, .. } => pairs.iter().for_each(|(k, v)| {
                self.walk(k, lazy, out);
                self.walk(v, lazy, out);
            }),
            Expr::Func {
                namespace: None,
                name,
                args,
                ..
            } if name == "if" && !lazy && self.walk_if(args, out) => {}
            Expr::Func {
                namespace,
                name,
                args,
                ..
            } => {
                let inner_lazy = lazy || (namespace.is_none() && name == "if");
                let sass = Self::sass_function(namespace, name);
                for arg in args
                    .positional
                    .iter()
                    .chain(args.named.iter().map(|(_, v)| v))
                {
                    if let (Some(requires), false) = (&sass, inner_lazy) {
                        let before = out.len();
                        self.slash_value(arg, out);
                        for c in &mut out[before..] {
                            c.requires_function = requires.clone();
                        }
                    }
                    self.walk(arg, inner_lazy, out);
                }
                if let Some(rest) = &args.rest {
                    self.walk(rest, inner_lazy, out);
                }
            }
            Expr::Other { inner, .. } => inner.iter().for_each(|i| self.walk(i, lazy, out)),
            Expr::Number { .. } | Expr::Var { .. } => {}
        }
    }

    /// `if($condition, $if-true, $if-false)` evaluates one branch, then drops
    /// the slash of its value. Each branch's candidates carry the condition,
    /// which the probe evaluates once more: only a condition without calls
    /// (which could have side effects) and on one line is used; `false`
    /// when the call is left alone (as lazy).
    fn walk_if(&self, args: &crate::script::Args, out: &mut Vec<Candidate>) -> bool {
        let [cond, yes, no] = args.positional.as_slice() else {
            return false;
        };
        if !args.named.is_empty() || args.rest.is_some() || args.opaque.is_some() {
            return false;
        }
        let (s, e) = cond.span();
        let text = &self.text[s..e];
        if has_impure_call(cond)
            || text.contains(['\n', '\r'])
            || text.contains("//")
            || text.contains("/*")
        {
            return false;
        }
        self.walk(cond, false, out);
        for (branch, when) in [(yes, format!("({text})")), (no, format!("not ({text})"))] {
            let mut found = Vec::new();
            self.slash_value(branch, &mut found);
            self.walk(branch, false, &mut found);
            for mut c in found {
                c.condition = Some(match c.condition.take() {
                    Some(inner) => format!("{when} and ({inner})"),
                    None => when.clone(),
                });
                out.push(c);
            }
        }
        true
    }

    /// Whether a `/` node evaluates to a slash-separated number
    /// (`allowsSlash` and `_operandAllowsSlash`).
    fn is_slash(&self, e: &Expr) -> bool {
        let Expr::Binary {
            op: BinOp::Div,
            left,
            right,
            allows_slash: true,
        } = e
        else {
            return false;
        };
        self.operand_allows_slash(left) && self.operand_allows_slash(right)
    }

    fn operand_allows_slash(&self, e: &Expr) -> bool {
        match e {
            Expr::Func {
                namespace, name, ..
            } => {
                // A user-defined function of that name would make this a
                // division; taken as a separator, it can only miss a warning.
                namespace.is_none() && CALC_FUNCTIONS.contains(&name.to_ascii_lowercase().as_str())
            }
            _ => true,
        }
    }

    fn division(&self, node: &Expr, left: &Expr, right: &Expr) -> Candidate {
        let src = self.text;
        let message = format!(
            "Using / for division outside of calc() is deprecated and will be removed in Dart Sass 2.0.0.\n\nRecommendation: {} or {}\n\n{MORE_INFO}",
            recommendation(node, src),
            node.render_calc(src)
        );
        let operands = [left, right]
            .iter()
            .filter(|o| !o.is_literal_number())
            .map(|o| o.span())
            .collect();
        Candidate {
            span: node.span(),
            message,
            operands,
            statement: 0,
            guard: None,
            member: None,
            condition: None,
            requires_function: None,
            origin: None,
        }
    }

    /// A slash-separated number of literals that loses its slash here.
    fn slash_value(&self, e: &Expr, out: &mut Vec<Candidate>) {
        if !self.is_slash(e) || !literal_slash(e) {
            return;
        }
        out.push(Candidate {
            span: e.span(),
            message: format!(
                "Using / for division is deprecated and will be removed in Dart Sass 2.0.0.\n\nRecommendation: {}\n\n{MORE_INFO}",
                value_recommendation(e)
            ),
            operands: Vec::new(),
            statement: 0,
            guard: None,
            member: None,
            condition: None,
            requires_function: None,
            origin: None,
        });
    }
}

/// Where the current statement ends: the first `;`, `{` or `}` outside
/// strings, brackets, comments and interpolation.
pub(crate) fn statement_end(text: &str, from: usize) -> (usize, Option<u8>) {
    let bytes = text.as_bytes();
    let mut i = from;
    let mut depth = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' => {
                let q = bytes[i];
                i += 1;
                while i < bytes.len() && bytes[i] != q && bytes[i] != b'\n' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'\\' => i += 1,
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map_or(bytes.len(), |e| i + 3 + e);
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') && (i == 0 || bytes[i - 1] != b':') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'#' if bytes.get(i + 1) == Some(&b'{') => {
                depth += 1;
                i += 1;
            }
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = depth.saturating_sub(1),
            b'}' if depth > 0 => depth -= 1,
            c @ (b';' | b'{' | b'}') if depth == 0 => return (i, Some(c)),
            _ => {}
        }
        i += 1;
    }
    (bytes.len(), None)
}

/// Whether evaluating an expression again may do more than give its value:
/// it calls a function other than dart-sass's global built-ins that only
/// compute (or may: interpolated names).
fn has_impure_call(e: &Expr) -> bool {
    match e {
        Expr::Func {
            namespace: None,
            name,
            args,
            ..
        } if GLOBAL_FUNCTIONS.contains(&name.replace('_', "-").as_str())
            && !IMPURE_FUNCTIONS.contains(&name.replace('_', "-").as_str()) =>
        {
            args.positional
                .iter()
                .chain(args.named.iter().map(|(_, v)| v))
                .chain(args.rest.as_deref())
                .any(has_impure_call)
                || args.opaque.is_some()
        }
        Expr::Func { .. } => true,
        Expr::Other { inner, .. } => !inner.is_empty(),
        Expr::Binary { left, right, .. } => has_impure_call(left) || has_impure_call(right),
        Expr::Unary { operand, .. } => has_impure_call(operand),
        Expr::Paren { inner, .. } => has_impure_call(inner),
        Expr::List { items, .. } => items.iter().any(has_impure_call),
        Expr::Map { pairs, .. } => pairs
            .iter()
            .any(|(k, v)| has_impure_call(k) || has_impure_call(v)),
        Expr::Number { .. } | Expr::Var { .. } => false,
    }
}

/// A slash node whose leaves are all number literals.
fn literal_slash(e: &Expr) -> bool {
    match e {
        Expr::Number { .. } => true,
        Expr::Binary {
            op: BinOp::Div,
            left,
            right,
            allows_slash: true,
        } => literal_slash(left) && literal_slash(right),
        _ => false,
    }
}

fn value_recommendation(e: &Expr) -> String {
    match e {
        Expr::Binary { left, right, .. } => format!(
            "math.div({}, {})",
            value_recommendation(left),
            value_recommendation(right)
        ),
        Expr::Number { value, unit, .. } => format!("{}{unit}", number_text(*value)),
        _ => String::new(),
    }
}

/// The `recommendation` of dart-sass's division warning.
fn recommendation(e: &Expr, src: &str) -> String {
    match e {
        Expr::Binary {
            op: BinOp::Div,
            left,
            right,
            ..
        } => format!(
            "math.div({}, {})",
            recommendation(left, src),
            recommendation(right, src)
        ),
        Expr::Paren { inner, .. } => inner.render(src),
        other => other.render(src),
    }
}

fn parse_call(p: &mut Parser<'_>) -> Option<Expr> {
    let e = p.expression(true, false)?;
    matches!(e, Expr::Func { .. }).then_some(e)
}

pub(crate) fn is_property_name(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '*')
}

/// Global built-ins whose result differs between calls or that call
/// user-defined code.
const IMPURE_FUNCTIONS: &[&str] = &["random", "unique-id", "call", "get-function"];

/// dart-sass 1.78's global functions (their arguments lose slashes).
const GLOBAL_FUNCTIONS: &[&str] = &[
    "rgb",
    "rgba",
    "hsl",
    "hsla",
    "hwb",
    "red",
    "green",
    "blue",
    "mix",
    "hue",
    "saturation",
    "lightness",
    "whiteness",
    "blackness",
    "adjust-hue",
    "lighten",
    "darken",
    "saturate",
    "desaturate",
    "grayscale",
    "complement",
    "invert",
    "alpha",
    "opacity",
    "opacify",
    "fade-in",
    "transparentize",
    "fade-out",
    "adjust-color",
    "scale-color",
    "change-color",
    "ie-hex-str",
    "percentage",
    "ceil",
    "floor",
    "random",
    "unit",
    "unitless",
    "comparable",
    "length",
    "nth",
    "set-nth",
    "join",
    "append",
    "zip",
    "index",
    "list-separator",
    "is-bracketed",
    "map-get",
    "map-merge",
    "map-remove",
    "map-keys",
    "map-values",
    "map-has-key",
    "keywords",
    "selector-nest",
    "selector-append",
    "selector-extend",
    "selector-replace",
    "selector-unify",
    "is-superselector",
    "simple-selectors",
    "selector-parse",
    "unquote",
    "quote",
    "str-length",
    "str-insert",
    "str-index",
    "str-slice",
    "to-upper-case",
    "to-lower-case",
    "unique-id",
    "feature-exists",
    "variable-exists",
    "global-variable-exists",
    "function-exists",
    "mixin-exists",
    "content-exists",
    "inspect",
    "type-of",
    "call",
    "get-function",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// A division in a nested property is probed before the declaration
    /// that opens the block (no statement may go inside it).
    #[test]
    fn nested_property_divisions_are_probed_before_the_block() {
        let text = ".y { font: { size: $a/2; } }";
        let found = candidates(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].statement, text.find("font").unwrap());
        assert_eq!(&text[found[0].span.0..found[0].span.1], "$a/2");
    }

    /// An `@else if` after a condition that calls a pure built-in is
    /// probed under the earlier conditions; after a user function, not.
    #[test]
    fn else_if_after_a_built_in_call_is_probed() {
        let text = "@mixin m($n) { @if unitless($n) { a: b; } @else if $n / 8 > 0 { c: d; } }";
        let found = candidates(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].condition.as_deref(), Some("not (unitless($n))"));
        let user = "@mixin m($n) { @if mine($n) { a: b; } @else if $n / 8 > 0 { c: d; } }";
        assert!(candidates(user).is_empty());
    }

    /// A division in a mixin parameter's default is probed at each
    /// `@include` that leaves the parameter out.
    #[test]
    fn parameter_defaults_are_probed_where_an_include_leaves_them_out() {
        let text = "@mixin pad($a, $v: $g / 2) { p: $v; }\n.x { @include pad(1); }\n.y { @include pad(1, 2px); }\n.z { @include pad($a: 1); }\n";
        let found = candidates(text);
        let at = |s: &str| text.find(s).unwrap();
        let statements: Vec<usize> = found.iter().map(|c| c.statement).collect();
        assert_eq!(
            statements,
            vec![at("@include pad(1);"), at("@include pad($a: 1)")]
        );
        assert!(found.iter().all(|c| &text[c.span.0..c.span.1] == "$g / 2"));
        assert!(found.iter().all(|c| c.member.as_deref() == Some("pad")));
        // A default that reads an earlier parameter cannot be asked there.
        assert!(candidates("@mixin m($a, $b: $a / 2) {}\n.x { @include m(1); }").is_empty());
    }

    #[test]
    fn configured_variables_of_use_with() {
        assert_eq!(
            configured_variables("@use \"tokens\" as t with ($base: 20px, $unit_x: f(1, 2));"),
            Ok(vec!["base".to_string(), "unit-x".to_string()])
        );
        assert_eq!(configured_variables("@use 'a';"), Ok(Vec::new()));
        assert!(configured_variables("@include meta.load-css('a');").is_err());
    }

    /// Every prefix of every corpus stylesheet (every 37th character) and
    /// deeply nested input scan without a panic or a hang.
    #[test]
    fn scanner_survives_truncated_and_nested_input() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let mut files = Vec::new();
        let mut dirs = vec![
            root.join("cases"),
            root.join("lib"),
            root.join("themes"),
            root.join("warnings"),
        ];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "scss") {
                    files.push(path);
                }
            }
        }
        assert!(files.len() > 100);
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(37).collect();
            for end in bounds {
                let part = &text[..end];
                let _ = candidates(part);
                let _ = callable_at(part, end / 2);
            }
        }
        for deep in [
            format!(".a {{ b: {}1{}; }}", "(".repeat(5000), ")".repeat(5000)),
            format!(".a {{ b: {}1; }}", "- ".repeat(5000)),
            format!(".a {{ b: {}x; }}", "not ".repeat(5000)),
            format!("$x: {}1;", "f(".repeat(5000)),
            "{".repeat(5000),
            "}".repeat(5000),
        ] {
            let _ = candidates(&deep);
        }
    }
}
