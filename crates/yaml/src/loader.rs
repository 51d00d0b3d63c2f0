//! The loader: pulls libyaml-style events from `saphyr-parser` and builds the
//! value tree the way Psych's `ToRuby` visitor does, without recursion.
//!
//! Like `Psych.safe_load`, only the first document is read, and a syntax
//! error anywhere in it wins over conversion errors (Psych parses the whole
//! document before converting). Aliases copy the anchored value (Ruby shares
//! the object); the copies are budgeted so alias bombs end in an error.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span as PSpan, Tag};

use crate::chrono_lite::Date;
use crate::error::{ErrorKind, YamlError};
use crate::lenient::{leading_tab_error, lenient_retry, Retry};
use crate::scalar::{scalar_value, ConvError};
use crate::syntax::{flow_expectation, syntax_error, Open};
use crate::tokens::directive_error;
use crate::value::{Map, Node, Pos, Span, Yaml};

pub(crate) fn utc(_: i64) -> i32 {
    0
}

/// How to load: the local zone for times written without an offset, and
/// the safety limits.
#[derive(Clone, Copy)]
pub struct LoadOptions<'a> {
    /// UTC offset (seconds) of the local zone at a given Unix time. Psych
    /// reads `2024-01-05 10:00:00` as 10:00 UTC shown in local time; Jekyll
    /// sets the local zone from its `timezone` setting. Default: UTC.
    pub local_offset: &'a dyn Fn(i64) -> i32,
    /// Maximum nesting of sequences and mappings (default 2000).
    pub max_depth: usize,
    /// Maximum number of nodes copied through aliases (default 1,000,000).
    pub max_alias_nodes: usize,
}

impl Default for LoadOptions<'_> {
    fn default() -> Self {
        LoadOptions {
            local_offset: &utc,
            max_depth: 2000,
            max_alias_nodes: 1_000_000,
        }
    }
}

/// Byte index of the tab in the last `:<tab>` at or before `at` on its line.
pub(crate) fn tab_after_colon(src: &str, at: Pos) -> Option<usize> {
    let line_start = byte_index(
        src,
        Pos {
            line: at.line,
            column: 1,
        },
    )?;
    let limit = byte_index(src, at).unwrap_or(src.len()).min(src.len());
    let found = src
        .get(line_start..limit.min(src.len()).max(line_start) + 1)?
        .rfind(":\t")?;
    Some(line_start + found + 1)
}

/// Byte index of the character at `at`.
pub(crate) fn byte_index(src: &str, at: Pos) -> Option<usize> {
    let mut offset = 0;
    for (i, line) in src.split('\n').enumerate() {
        if i + 1 == at.line {
            return line
                .char_indices()
                .nth(at.column.checked_sub(1)?)
                .map(|(b, _)| offset + b);
        }
        offset += line.len() + 1;
    }
    None
}

fn pos(m: saphyr_parser::Marker) -> Pos {
    Pos {
        line: m.line(),
        column: m.col() + 1,
    }
}

fn span(s: PSpan) -> Span {
    Span {
        start: pos(s.start),
        end: pos(s.end),
    }
}

/// Which kind of node produced a value (Psych's merge-key rule looks at it).
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Scalar,
    Seq,
    Map,
    Alias,
}

struct Built {
    node: Node,
    kind: Kind,
    /// The key was written `!!str <<`, which disables merging.
    str_tagged: bool,
    /// Nodes in this value, for the alias budget.
    count: usize,
}

pub(crate) enum Body {
    Seq(Vec<Node>),
    Map { map: Map, key: Option<(Node, bool)> },
}

pub(crate) struct Frame {
    pub(crate) body: Body,
    pub(crate) start: Pos,
    /// Where libyaml marks the collection: its first token after any
    /// anchor and tag (the first key of a block mapping).
    pub(crate) mark: Pos,
    anchor: usize,
    tag: Option<String>,
    /// Nodes below this frame, for the alias budget.
    count: usize,
    /// Written in flow style (`[` or `{`).
    pub(crate) flow: bool,
}

pub(crate) struct Loader<'s, 'o> {
    pub(crate) src: &'s str,
    opts: &'o LoadOptions<'o>,
    pub(crate) frames: Vec<Frame>,
    anchors: HashMap<usize, (Node, usize)>,
    copied: usize,
    conv_err: Option<YamlError>,
    /// Byte offset where each line starts, for O(1) position lookups.
    pub(crate) line_starts: Vec<usize>,
    /// Lines inside multi-line scalars and flow collections, where a
    /// leading tab is content or allowed (see `leading_tab_error`).
    protected: Vec<(usize, usize)>,
    /// The last line the first document reaches.
    last_line: usize,
}

fn tag_string(tag: &Option<std::borrow::Cow<'_, Tag>>) -> Option<String> {
    tag.as_ref().map(|t| format!("{}{}", t.handle, t.suffix))
}

impl<'s, 'o> Loader<'s, 'o> {
    pub(crate) fn new(src: &'s str, opts: &'o LoadOptions<'o>) -> Self {
        let line_starts = std::iter::once(0)
            .chain(src.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Loader {
            src,
            opts,
            frames: Vec::new(),
            anchors: HashMap::new(),
            copied: 0,
            conv_err: None,
            line_starts,
            protected: Vec::new(),
            last_line: 0,
        }
    }

    fn open(&self) -> Vec<Open> {
        let last = self.frames.len().saturating_sub(1);
        self.frames
            .iter()
            .enumerate()
            .map(|(i, f)| Open {
                start: f.mark,
                flow: f.flow,
                map: matches!(f.body, Body::Map { .. }),
                // A key read, and its value not begun.
                key_pending: i == last && matches!(f.body, Body::Map { key: Some(_), .. }),
            })
            .collect()
    }

    /// Close every open collection (libyaml ended the document early).
    fn unwind(&mut self) -> Option<Node> {
        let mut root = None;
        while let Some(frame) = self.frames.pop() {
            let end = frame.start;
            let built = self.finish(frame, end);
            root = self.attach(built);
        }
        root
    }

    pub(crate) fn run(mut self) -> Result<Node, Retry> {
        let mut parser = Parser::new_from_str(self.src);
        let mut root: Option<Node> = None;
        loop {
            let (event, sp) = match parser.next_event() {
                None => break,
                Some(Ok(ev)) => ev,
                Some(Err(e)) => {
                    let at = Pos {
                        line: e.marker().line(),
                        column: e.marker().col() + 1,
                    };
                    let fallback = syntax_error(&e, &self.open(), self.src);
                    if let Some(retry) =
                        lenient_retry(e.info(), at, self.src, Box::new(fallback.clone()))
                    {
                        return Err(retry);
                    }
                    if e.info() == "missing explicit document end marker before directive" {
                        root = self.unwind().or(root);
                        break;
                    }
                    // libyaml never reads past the first document.
                    if e.info() == "did not find expected <document start>"
                        && self.char_at(at) == Some('%')
                        && at.column == 1
                    {
                        return Err(directive_error(self.src, at).into());
                    }
                    // A closing bracket left of the root block collection
                    // makes libyaml close every collection and end the
                    // document before it sees the bracket's misuse.
                    if e.info() == "misplaced bracket"
                        && self
                            .frames
                            .first()
                            .is_some_and(|f| !f.flow && at.column < f.mark.column)
                        && self.frames.iter().all(|f| !f.flow)
                    {
                        root = self.unwind().or(root);
                        break;
                    }
                    let next_document = [
                        "did not find expected <document start>",
                        "invalid trailing content after double-quoted scalar",
                        "misplaced bracket",
                    ];
                    if next_document.contains(&e.info()) && self.frames.is_empty() && root.is_some()
                    {
                        break;
                    }
                    return Err(fallback.into());
                }
            };
            let is_seq = matches!(event, Event::SequenceStart(..));
            let built = match event {
                Event::StreamEnd | Event::DocumentEnd => break,
                _ if {
                    self.last_line = self.last_line.max(sp.end.line());
                    false
                } =>
                {
                    unreachable!()
                }
                Event::Nothing | Event::StreamStart | Event::DocumentStart(_) => continue,
                Event::Scalar(value, style, anchor, tag) => {
                    let tag = tag_string(&tag);
                    if anchor > 0 {
                        self.properties(pos(sp.start))?;
                    }
                    // A `%` in column 1 starts a directive for libyaml, also
                    // inside a document.
                    if style == ScalarStyle::Plain && value.starts_with('%') && sp.start.col() == 0
                    {
                        return Err(directive_error(self.src, pos(sp.start)).into());
                    }
                    // In flow context libyaml takes any `:` starting a token
                    // as a value indicator, so `:sym` cannot be a scalar.
                    if style == ScalarStyle::Plain
                        && value.starts_with(':')
                        && self.frames.iter().any(|f| f.flow)
                    {
                        let kind = ErrorKind::Syntax {
                            problem: "did not find expected node content".into(),
                            context: Some("while parsing a flow node".into()),
                        };
                        return Err(self.err(kind, pos(sp.start)).into());
                    }
                    if value.is_empty()
                        && style == ScalarStyle::Plain
                        && tag.is_none()
                        && anchor == 0
                    {
                        self.check_empty_key(pos(sp.start))?;
                    }
                    let quoted = tag.is_none() && style != ScalarStyle::Plain;
                    let val = match scalar_value(
                        &value,
                        quoted,
                        tag.as_deref(),
                        self.opts.local_offset,
                    ) {
                        Ok(v) => v,
                        Err(e) => {
                            self.conv_failed(e, pos(sp.start));
                            Yaml::Null
                        }
                    };
                    if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
                        self.block_scalar_tabs(pos(sp.start))?;
                    }
                    if sp.end.line() > sp.start.line() {
                        self.protected.push((sp.start.line() + 1, sp.end.line()));
                    }
                    let node = Node {
                        value: val,
                        span: span(sp),
                    };
                    if anchor > 0 {
                        self.anchors.insert(anchor, (node.clone(), 1));
                    }
                    let str_tagged = tag.as_deref() == Some("tag:yaml.org,2002:str");
                    Built {
                        node,
                        kind: Kind::Scalar,
                        str_tagged,
                        count: 1,
                    }
                }
                Event::Alias(id) => match self.anchors.get(&id) {
                    Some((node, count)) => {
                        self.copied += count;
                        if self.copied > self.opts.max_alias_nodes {
                            return Err(self.err(ErrorKind::TooLarge, pos(sp.start)).into());
                        }
                        Built {
                            node: node.clone(),
                            kind: Kind::Alias,
                            str_tagged: false,
                            count: *count,
                        }
                    }
                    None => {
                        let name = alias_name(self.src, pos(sp.start));
                        self.conv_failed_kind(ErrorKind::RecursiveAlias(name), pos(sp.start));
                        Built {
                            node: Node {
                                value: Yaml::Null,
                                span: span(sp),
                            },
                            kind: Kind::Alias,
                            str_tagged: false,
                            count: 1,
                        }
                    }
                },
                Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                    if self.frames.len() >= self.opts.max_depth {
                        return Err(self.err(ErrorKind::TooDeep, pos(sp.start)).into());
                    }
                    let body = if is_seq {
                        Body::Seq(Vec::new())
                    } else {
                        Body::Map {
                            map: Map::new(),
                            key: None,
                        }
                    };
                    let mark = self.properties(pos(sp.start))?;
                    self.frames.push(Frame {
                        body,
                        start: pos(sp.start),
                        mark,
                        anchor,
                        tag: tag_string(&tag),
                        count: 0,
                        flow: matches!(self.char_at(mark), Some('[' | '{')),
                    });
                    continue;
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    let Some(frame) = self.frames.pop() else {
                        continue;
                    };
                    self.finish(frame, pos(sp.end))
                }
            };
            // libyaml's simple keys end within 1024 characters; saphyr only
            // enforces that in block context.
            let (start, end) = (built.node.span.start, built.node.span.end);
            let is_key = matches!(
                self.frames.last(),
                Some(Frame {
                    body: Body::Map { key: None, .. },
                    ..
                })
            );
            if is_key
                && start.line == end.line
                && end.column - start.column > 1024
                && self.frames.iter().any(|f| f.flow)
            {
                if let Some((problem, context, at)) = flow_expectation(&self.open(), self.src) {
                    return Err(self.err(ErrorKind::Syntax { problem, context }, at).into());
                }
            }
            if let Some(parent) = self.frames.last_mut() {
                parent.count += built.count;
            }
            match self.attach(built) {
                Some(node) => root = Some(node),
                None => continue,
            }
        }
        if let Some(e) = leading_tab_error(self.src, &self.protected, self.last_line) {
            return Err(e.into());
        }
        if let Some(e) = self.conv_err {
            return Err(e.into());
        }
        Ok(root.unwrap_or(Node {
            value: Yaml::Null,
            span: Span {
                start: Pos { line: 1, column: 1 },
                end: Pos { line: 1, column: 1 },
            },
        }))
    }

    pub(crate) fn err(&self, kind: ErrorKind, at: Pos) -> YamlError {
        YamlError::new(kind, at.line, at.column, self.src)
    }

    fn conv_failed(&mut self, e: ConvError, at: Pos) {
        let kind = match e {
            ConvError::Disallowed(c) => ErrorKind::DisallowedClass(c),
            ConvError::Argument(m) => ErrorKind::Argument(m),
            ConvError::Type(m) => ErrorKind::Type(m),
        };
        self.conv_failed_kind(kind, at);
    }

    fn conv_failed_kind(&mut self, kind: ErrorKind, at: Pos) {
        if self.conv_err.is_none() {
            self.conv_err = Some(self.err(kind, at));
        }
    }

    /// Close a collection: apply its tag as Psych would, register its anchor.
    fn finish(&mut self, frame: Frame, end: Pos) -> Built {
        let span = Span {
            start: frame.start,
            end,
        };
        let tag = frame.tag.as_deref();
        let (value, kind) = match frame.body {
            Body::Seq(items) => {
                let v = match tag {
                    Some("tag:yaml.org,2002:omap" | "!omap") => Yaml::Map(omap(items)),
                    Some(t) if t.starts_with("!seq:") || t.starts_with("!ruby/array:") => {
                        let class = t.split_once(':').map_or("", |x| x.1).to_string();
                        self.conv_failed(ConvError::Disallowed(class), frame.start);
                        Yaml::Null
                    }
                    _ => Yaml::Seq(items),
                };
                (v, Kind::Seq)
            }
            Body::Map { map, .. } => {
                let v = match tag.and_then(map_tag_class) {
                    // `Date.allocate`: Ruby's default Date, Julian day 0.
                    Some(class) if class == "Date" => Yaml::Date(Date {
                        year: -4712,
                        month: 1,
                        day: 1,
                    }),
                    Some(class) => {
                        self.conv_failed(ConvError::Disallowed(class), frame.start);
                        Yaml::Null
                    }
                    None => Yaml::Map(map),
                };
                (v, Kind::Map)
            }
        };
        if frame.flow && end.line > frame.start.line {
            self.protected.push((frame.start.line, end.line));
        }
        let node = Node { value, span };
        if frame.anchor > 0 {
            self.anchors
                .insert(frame.anchor, (node.clone(), frame.count + 1));
        }
        Built {
            node,
            kind,
            str_tagged: false,
            count: frame.count + 1,
        }
    }

    /// Put a finished node into its parent; returns it when it is the root.
    fn attach(&mut self, built: Built) -> Option<Node> {
        let Some(parent) = self.frames.last_mut() else {
            return Some(built.node);
        };
        match &mut parent.body {
            Body::Seq(items) => items.push(built.node),
            Body::Map { map, key } => match key.take() {
                None => *key = Some((built.node, built.str_tagged)),
                Some((k, k_str_tagged)) => insert_with_merge(map, k, k_str_tagged, built),
            },
        }
        None
    }
}

/// Psych's `revive_hash` step for one pair, including `<<` merge keys.
fn insert_with_merge(map: &mut Map, key: Node, key_str_tagged: bool, val: Built) {
    let is_merge = !key_str_tagged && key.value == Yaml::Str("<<".into());
    if is_merge {
        match (val.kind, &val.node.value) {
            (Kind::Alias | Kind::Map, Yaml::Map(m)) => return map.merge_from(m),
            (Kind::Seq, Yaml::Seq(items))
                if items.iter().all(|n| matches!(n.value, Yaml::Map(_))) =>
            {
                // Earlier maps in the list win: merge them last-to-first.
                let mut h = Map::new();
                for item in items.iter().rev() {
                    if let Yaml::Map(m) = &item.value {
                        h.merge_from(m);
                    }
                }
                return map.merge_from(&h);
            }
            _ => {}
        }
    }
    map.insert(key, val.node);
}

/// `!!omap` on a sequence of one-pair maps: Psych builds an ordered Hash.
fn omap(items: Vec<Node>) -> Map {
    let mut m = Map::new();
    for item in items {
        if let Yaml::Map(pairs) = item.value {
            let entries = pairs.into_entries();
            if let (Some(first), Some(last)) = (entries.first(), entries.last()) {
                m.insert(first.0.clone(), last.1.clone());
            }
        }
    }
    m
}

/// The class a mapping tag makes Psych load (all disallowed by Jekyll's
/// safe_load), or None when the mapping stays a Hash.
fn map_tag_class(tag: &str) -> Option<String> {
    let after = |p: &str| {
        tag.strip_prefix(p)
            .map(|r| r.trim_start_matches(':').to_string())
    };
    match tag {
        "!set" | "tag:yaml.org,2002:set" => return Some("Psych::Set".into()),
        "!omap" | "tag:yaml.org,2002:omap" => return Some("Psych::Omap".into()),
        "!ruby/range" => return Some("Range".into()),
        "!ruby/object:Hash" => return None,
        "!ruby/object:Complex" => return Some("Complex".into()),
        "!ruby/object:Rational" => return Some("Rational".into()),
        _ => {}
    }
    if let Some(name) = after("!ruby/object") {
        return Some(if name.is_empty() {
            "Object".into()
        } else {
            name
        });
    }
    if let Some(name) = after("!ruby/struct") {
        return Some(if name.is_empty() {
            "Struct".into()
        } else {
            name
        });
    }
    if let Some(name) = after("!ruby/exception") {
        return Some(if name.is_empty() {
            "Exception".into()
        } else {
            name
        });
    }
    for p in ["!map:", "!ruby/hash:", "!ruby/marshalable:", "!ruby/array:"] {
        if let Some(name) = tag.strip_prefix(p) {
            return Some(name.to_string());
        }
    }
    None
}

/// The anchor name of an alias written at `at` (`*name`).
pub(crate) fn alias_name(src: &str, at: Pos) -> String {
    let line = src.split('\n').nth(at.line.saturating_sub(1)).unwrap_or("");
    line.chars()
        .skip(at.column.saturating_sub(1))
        .skip_while(|c| *c == '*')
        .take_while(|c| !c.is_whitespace() && !",[]{}".contains(*c))
        .collect()
}
