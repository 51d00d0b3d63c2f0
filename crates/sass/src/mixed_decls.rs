//! Finds where dart-sass 1.78 may report the `mixed-decls` deprecation (a
//! declaration evaluated after its style rule has gained a later sibling in
//! the CSS tree), and the instrumentation that decides it while grass runs.
//!
//! dart-sass warns when a declaration's parent node is no longer the last
//! child of its own parent: a nested style rule or at-rule evaluated inside
//! the rule's body (directly, through a mixin or a content block) was added
//! after it. Whether that happened is only known when evaluating, so the
//! stylesheets carry two global variables (private names, which print
//! nothing): every nested style rule or at-rule names itself in `$-hydel`,
//! the node added last (an at-rule again when it closes, since its own
//! children are not siblings); a rule whose body may hold such a
//! declaration names itself there too and in `$-hydea`, the rule being
//! filled, saving the outer one in a local and restoring it when it closes.
//! A declaration that may warn is preceded by
//! `@if $-hydel != $-hydea { @debug "<probe> #{$-hydel}" }`: some node was
//! added after its rule, and which one it was.
//!
//! Only declarations that can warn carry a probe: those after something
//! that may add a sibling in the same body (a nested rule or at-rule,
//! `@include`, `@content`; anywhere in a loop body holding one), and those
//! in a mixin body or a content block, whose rule is only known at run time.
//! Files of the module system (`@use`/`@forward` of a stylesheet) have
//! their own global scope: from the first one on, no file is instrumented.
//! Media queries merged into an outer `@media`, `@at-root` with a query
//! and nested property blocks are not followed (a warning may be missed,
//! never invented, except for a nested `@media` merged into its parent's).

/// What to insert into one stylesheet, and what its probes stand for.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    /// Text to insert: byte offset, order among insertions at one offset
    /// (a block's start, a declaration's probe, a block's end), text.
    pub(crate) insertions: Vec<(usize, u8, String)>,
    /// The declarations that carry a probe, by probe index.
    pub(crate) decls: Vec<Site>,
    /// Byte spans of the style rules and at-rules, by node index.
    pub(crate) nodes: Vec<(usize, usize)>,
    /// With a trace: the places its probes stand for, by index.
    pub(crate) sites: Vec<TraceSite>,
    /// Interpolated expressions (byte spans) in selectors, property names
    /// and at-rule preludes, where dart-sass warns about a colour value
    /// with a name ("You probably don't mean to use the color value …").
    pub(crate) colours: Vec<((usize, usize), Member)>,
    /// `@warn` rules (offset and member): grass gives each only once, so
    /// each becomes a probe that reports its message every time it runs.
    pub(crate) warns: Vec<(usize, Member)>,
    /// Mixin and function bodies: name (`_` read as `-`) and byte span.
    pub(crate) callables: Vec<(String, (usize, usize))>,
    /// Content blocks: the mixin they are passed to, and byte span.
    pub(crate) contents: Vec<(String, (usize, usize))>,
}

/// Which frames a trace run follows: the callables that lead to a warning
/// shown (the others cost probes and change no trace).
#[derive(Debug, Default)]
pub(crate) struct TraceFilter {
    /// Functions and mixins, by name (`_` read as `-`).
    pub(crate) callables: std::collections::HashSet<String>,
    /// A warning is raised in a content block: follow every `@content`
    /// and every `@include` with a block.
    pub(crate) content: bool,
}

/// A place a trace probe stands for (see [`crate::trace`]).
#[derive(Debug, Clone)]
pub(crate) struct TraceSite {
    /// Byte offset: the `@include`/`@content` rule, the statement, or a
    /// function's name.
    pub(crate) offset: usize,
    /// The member running there.
    pub(crate) member: Member,
    pub(crate) kind: SiteKind,
}

/// What a trace probe marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SiteKind {
    /// `@include` (its mixin's frame begins; `tx` ends it).
    Include,
    /// `@content` (the content block's frame begins; `tx` ends it).
    Content,
    /// A statement that calls a user-defined function begins.
    Statement,
    /// A function's body begins; its name.
    Function(String),
}

/// A probed declaration.
#[derive(Debug, Clone)]
pub(crate) struct Site {
    /// Byte span of the declaration (name to the end of the value).
    pub(crate) span: (usize, usize),
    /// The innermost stack frame's member.
    pub(crate) member: Member,
}

/// The member dart-sass names in a stack frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Member {
    /// A file's top level (`root stylesheet` or `@import`).
    TopLevel,
    /// A mixin or function: `name()`.
    Callable(String),
    /// A content block: `@content`.
    Content,
}

/// The prefix of a mixed-decls probe's `@debug` message.
/// (The probes' kinds are short: every byte is parsed again by grass.)
pub(crate) const MARKER: &str = "hyde-probe-md";

/// What the entry stylesheet starts with: the counters.
pub(crate) const PRELUDE: &str = "$-hydel:none;$-hydea:none;";

/// Added to [`PRELUDE`] when the entry loads no module: the colour-name
/// probe's report, as a mixin. A probe's `@if` is copied with its body
/// each time grass runs the rule around it, and this body is large.
pub(crate) const COLOUR_MIXIN: &str = "@mixin -hyde-cn($f,$i,$v){@debug \"hyde-probe-cn #{$f} #{$i} #{ie-hex-str($v)} #{inspect($v)}\"}";

/// Whether a stylesheet loads another through the module system (its
/// members live in their own global scope, where the counters are unset).
pub(crate) fn uses_modules(text: &str) -> bool {
    if text.contains("load-css") {
        return true;
    }
    ["@use", "@forward"].iter().any(|rule| {
        text.match_indices(rule).any(|(at, _)| {
            let rest = text[at + rule.len()..].trim_start();
            let url = rest.trim_start_matches(['"', '\'']);
            !url.starts_with("sass:")
        })
    })
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Root,
    /// A style rule (a node).
    Rule,
    /// A CSS at-rule with a block (a node).
    AtRule,
    Mixin(String),
    /// A function body: walked for the trace, no declaration goes there.
    Function(String),
    Content,
    /// `@if`/`@else`/`@each`/`@for`/`@while`, `@at-root`: transparent.
    /// `looping` when its body runs again after a nested rule.
    Control {
        looping: bool,
    },
    /// Function bodies, nested properties, unknown blocks: left alone.
    Opaque,
}

#[derive(Debug)]
struct Frame {
    kind: Kind,
    node: Option<usize>,
    /// Byte offset just after the `{`.
    open: usize,
    /// Something that may add a sibling has run in this body so far.
    creators: bool,
    /// The body may hold a probed declaration: keep the count at its start.
    push: bool,
    /// Nested in a rule, at-rule, mixin or content block: counts itself.
    nested: bool,
    /// A loop whose body may add a sibling: a later iteration's
    /// declarations then follow it.
    loop_creates: bool,
    /// Inserted after the block's `}` (a trace's end of an `@include`).
    after: Option<String>,
    /// A content block's mixin.
    included: Option<String>,
    /// An `@for` loop's variable (always a number).
    for_var: Option<String>,
    /// An `@media` rule.
    media: bool,
    /// An `@media` inside another (through style rules only): dart-sass
    /// merges the queries and adds it next to the outer one, so it is no
    /// sibling of the rules inside that; what it holds is none either.
    merged: bool,
}

impl Frame {
    /// A frame opened at `open`, with nothing seen in its body yet.
    fn new(
        kind: Kind,
        node: Option<usize>,
        open: usize,
        nested: bool,
        loop_creates: bool,
    ) -> Frame {
        Frame {
            kind,
            node,
            open,
            creators: false,
            push: false,
            nested,
            loop_creates,
            after: None,
            included: None,
            for_var: None,
            media: false,
            merged: false,
        }
    }
}

/// The instrumentation of one SCSS stylesheet (`file` is its index among
/// the compilation's files). With `probe` false only the node markers go in
/// (a dependency under `quiet_deps`: its nodes still count). With `trace`
/// (the user-defined functions' names), the trace probes go in too.
/// With `counters` false (a file of the module system, whose global scope
/// is its own) the node markers and declaration probes stay out. With
/// `colour_mixin`, colour-name probes include the entry's [`COLOUR_MIXIN`]
/// (the file shares the entry's global scope, where it is defined).
pub(crate) fn plan(
    text: &str,
    file: usize,
    probe: bool,
    counters: bool,
    colour_mixin: bool,
    trace: Option<&TraceFilter>,
) -> Plan {
    let mut s = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        stop: usize::MAX,
        file,
        probe,
        counters,
        colour_mixin,
        trace,
        frames: vec![Frame::new(Kind::Root, None, 0, false, false)],
        plan: Plan::default(),
    };
    s.run();
    s.plan
        .insertions
        .sort_by_key(|(at, order, _)| (*at, *order));
    s.plan
}

/// The member running at byte `offset` of an SCSS text (the innermost
/// frame of a warning raised there).
pub(crate) fn member_at(text: &str, offset: usize) -> Member {
    let mut s = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        stop: offset,
        file: 0,
        probe: false,
        counters: false,
        colour_mixin: false,
        trace: None,
        frames: vec![Frame::new(Kind::Root, None, 0, false, false)],
        plan: Plan::default(),
    };
    s.run();
    s.member()
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Scan only the statements that start before this offset.
    stop: usize,
    file: usize,
    probe: bool,
    /// The node markers go in (the counters are in scope).
    counters: bool,
    /// Colour-name probes include [`COLOUR_MIXIN`].
    colour_mixin: bool,
    trace: Option<&'a TraceFilter>,
    frames: Vec<Frame>,
    plan: Plan,
}

impl Scanner<'_> {
    fn run(&mut self) {
        let mut guard = 0usize;
        while self.pos < self.bytes.len() {
            guard += 1;
            if guard > self.bytes.len() * 4 + 16 {
                return;
            }
            let mut p = crate::script::Parser::new(self.text, self.pos);
            p.whitespace();
            self.pos = p.pos;
            let Some(c) = self.bytes.get(self.pos).copied() else {
                return;
            };
            if self.pos >= self.stop {
                return;
            }
            if matches!(self.frames.last().map(|f| &f.kind), Some(Kind::Opaque)) {
                self.skip_opaque();
                continue;
            }
            if self.trace.is_some() && c != b'}' && c != b';' {
                self.trace_statement();
            }
            match c {
                b'}' => {
                    self.close();
                    self.pos += 1;
                }
                b';' => self.pos += 1,
                b'@' => self.at_rule(),
                b'$' => self.skip_statement(),
                _ => self.declaration_or_rule(),
            }
        }
    }

    /// Past an opaque block's contents and its `}` (nested blocks too).
    fn skip_opaque(&mut self) {
        let mut depth = 0usize;
        loop {
            let (end, c) = crate::slash_div::statement_end(self.text, self.pos);
            match c {
                Some(b'{') => depth += 1,
                Some(b'}') if depth == 0 => {
                    self.pos = end;
                    self.close();
                    self.pos = end + 1;
                    return;
                }
                Some(b'}') => depth -= 1,
                Some(_) => {}
                None => {
                    self.pos = self.bytes.len();
                    return;
                }
            }
            self.pos = end + 1;
        }
    }

    fn skip_statement(&mut self) {
        let (end, c) = crate::slash_div::statement_end(self.text, self.pos);
        match c {
            Some(b'{') => {
                self.pos = end + 1;
                self.open(Kind::Opaque, None);
            }
            Some(b';') => self.pos = end + 1,
            _ => self.pos = end,
        }
    }

    fn open(&mut self, kind: Kind, node: Option<usize>) {
        let nested = self
            .frames
            .iter()
            .any(|f| !matches!(f.kind, Kind::Root | Kind::Control { .. }));
        let loop_creates = kind == (Kind::Control { looping: true }) && self.loop_creates(self.pos);
        self.frames
            .push(Frame::new(kind, node, self.pos, nested, loop_creates));
    }

    /// The innermost frame that is not control flow.
    fn context(&self) -> usize {
        self.frames
            .iter()
            .rposition(|f| !matches!(f.kind, Kind::Control { .. }))
            .unwrap_or(0)
    }

    /// Something that may add a sibling to the current rule runs here.
    fn creator(&mut self, calls: bool) {
        let ctx = self.context();
        for f in &mut self.frames[ctx..] {
            f.creators = true;
        }
        if calls {
            self.frames[ctx].push = true;
        }
    }

    fn close(&mut self) {
        if self.frames.len() == 1 {
            return;
        }
        let Some(frame) = self.frames.pop() else {
            return;
        };
        if let Some(after) = frame.after {
            self.plan.insertions.push((self.pos + 1, 0, after));
        }
        match &frame.kind {
            Kind::Mixin(name) | Kind::Function(name) => self
                .plan
                .callables
                .push((name.replace('_', "-"), (frame.open, self.pos))),
            Kind::Content => {
                if let Some(mixin) = frame.included {
                    self.plan.contents.push((mixin, (frame.open, self.pos)));
                }
            }
            _ => {}
        }
        let Some(node) = frame.node else {
            return;
        };
        let id = format!("f{}n{node}", self.file);
        if let Some(span) = self.plan.nodes.get_mut(node) {
            span.1 = self.pos + 1;
        }
        if !self.counters {
            return;
        }
        let mut at_open = String::new();
        let mut at_close = String::new();
        if frame.merged {
            at_open.push_str(&format!("$-hydes{id}:$-hydel;"));
        }
        if frame.nested || frame.push {
            at_open.push_str(&format!("$-hydel:{id}!global;"));
        }
        if frame.push {
            at_open.push_str(&format!("$-hydep{id}:$-hydea;$-hydea:{id}!global;"));
            at_close.push_str(&format!("$-hydea:$-hydep{id}!global;"));
        }
        if frame.merged {
            at_close.push_str(&format!("$-hydel:$-hydes{id}!global;"));
        } else if frame.nested && frame.kind == Kind::AtRule {
            at_close.push_str(&format!("$-hydel:{id}!global;"));
        }
        if !at_open.is_empty() {
            self.plan.insertions.push((frame.open, 0, at_open));
        }
        if !at_close.is_empty() {
            self.plan.insertions.push((self.pos, 2, at_close));
        }
    }

    /// Opens a node (style rule or at-rule) whose `{` is at `brace`.
    fn node(&mut self, kind: Kind, start: usize, brace: usize) {
        let media = kind == Kind::AtRule && self.text[start..].starts_with("@media");
        let merged = media
            && self
                .frames
                .iter()
                .rev()
                .find(|f| !matches!(f.kind, Kind::Rule | Kind::Control { .. }))
                .is_some_and(|f| f.media);
        if !merged {
            self.creator(false);
        }
        let index = self.plan.nodes.len();
        self.plan.nodes.push((start, brace + 1));
        self.pos = brace + 1;
        self.open(kind, Some(index));
        if let Some(f) = self.frames.last_mut() {
            f.media = media;
            f.merged = merged;
        }
    }

    fn at_rule(&mut self) {
        let start = self.pos;
        let name_end = self.text[start + 1..]
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .map_or(self.bytes.len(), |e| start + 1 + e);
        let name = self.text[start + 1..name_end].to_ascii_lowercase();
        let (end, c) = crate::slash_div::statement_end(self.text, name_end);
        let block = c == Some(b'{');
        let kind = match name.as_str() {
            "mixin" => {
                let rest = self.text[name_end..end].trim_start();
                let n: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                Some(Kind::Mixin(n))
            }
            "function" => {
                let rest = self.text[name_end..end].trim_start();
                let n: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                if self
                    .trace
                    .is_some_and(|t| t.callables.contains(&n.replace('_', "-")))
                    && block
                {
                    let member = Member::Callable(n.clone());
                    let at = end + 1;
                    self.trace_probe(
                        at,
                        0,
                        "tf",
                        name_end,
                        member,
                        SiteKind::Function(n.replace('_', "-")),
                    );
                }
                Some(Kind::Function(n))
            }
            "include" | "content" => {
                self.creator(true);
                let included = (name == "include")
                    .then(|| crate::callgraph::included_name(&self.text[name_end..end]));
                let followed = self.trace.is_some_and(|t| match &included {
                    Some(mixin) => t.callables.contains(mixin) || (t.content && block),
                    None => {
                        t.content
                            || matches!(self.member(), Member::Callable(m) if t.callables.contains(&m.replace('_', "-")))
                    }
                });
                if followed {
                    let kind = if name == "include" {
                        SiteKind::Include
                    } else {
                        SiteKind::Content
                    };
                    let member = self.member();
                    self.trace_probe(start, 4, "ti", start, member, kind);
                    let done = "@debug hyde-probe-tx;".to_string();
                    if block {
                        // After the content block's `}`.
                        self.pos = end + 1;
                        self.open(Kind::Content, None);
                        if let Some(f) = self.frames.last_mut() {
                            f.after = Some(done);
                            f.included = included;
                        }
                        return;
                    }
                    let after = if c == Some(b';') { end + 1 } else { end };
                    self.plan.insertions.push((after, 0, done));
                }
                if name == "include" && block {
                    self.pos = end + 1;
                    self.open(Kind::Content, None);
                    if let Some(f) = self.frames.last_mut() {
                        f.included = included;
                    }
                    return;
                }
                None
            }
            "at-root" if !self.text[name_end..end].trim().is_empty() && block => {
                self.node(Kind::Rule, start, end);
                return;
            }
            "if" | "else" | "at-root" => Some(Kind::Control { looping: false }),
            "each" | "for" | "while" => Some(Kind::Control { looping: true }),
            "warn" if !block => {
                self.warn_probe(start, name_end, end, c);
                None
            }
            "debug" | "warn" | "error" | "return" | "extend" | "import" | "use" | "forward"
            | "charset" => None,
            _ if block => {
                if name != "supports" {
                    self.colour_probes(name_end, end, start);
                }
                self.node(Kind::AtRule, start, end);
                return;
            }
            _ => None,
        };
        match (kind, block) {
            (Some(kind), true) => {
                self.pos = end + 1;
                self.open(kind, None);
                if name == "for" {
                    let var: String = self.text[name_end..end]
                        .trim_start()
                        .chars()
                        .take_while(|c| *c == '$' || c.is_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                    if let Some(f) = self.frames.last_mut() {
                        f.for_var = Some(var.replace('_', "-"));
                    }
                }
            }
            (_, true) => {
                self.pos = end + 1;
                self.open(Kind::Opaque, None);
            }
            (_, false) => self.pos = if c == Some(b';') { end + 1 } else { end },
        }
    }

    fn declaration_or_rule(&mut self) {
        let start = self.pos;
        let (end, c) = crate::slash_div::statement_end(self.text, start);
        let text = &self.text[start..end];
        let colon = text.find(':');
        let property = colon.filter(|&colon| {
            let name = &text[..colon];
            name.trim().starts_with("--")
                || crate::slash_div::is_property_name(&strip_interpolation(name))
        });
        if c == Some(b'{') {
            // `font: {` or `font: bold {` opens nested properties; a custom
            // property's value may hold braces.
            let nested_props = property.is_some_and(|colon| {
                text.trim_start().starts_with("--")
                    || text[colon + 1..].trim().is_empty()
                    || text[colon + 1..].starts_with([' ', '\t'])
            });
            if nested_props {
                self.colour_probes(start, start + property.unwrap_or(0), start);
                self.declaration(start, end);
                self.pos = end + 1;
                self.open(Kind::Opaque, None);
            } else {
                self.colour_probes(start, end, start);
                self.node(Kind::Rule, start, end);
            }
            return;
        }
        if let Some(colon) = property {
            self.colour_probes(start, start + colon, start);
            self.declaration(start, end);
        }
        self.pos = if c == Some(b';') { end + 1 } else { end };
    }

    /// A declaration from `start` to `end` (its `;` or `}`).
    fn declaration(&mut self, start: usize, end: usize) {
        if !self.probe || !self.counters {
            return;
        }
        let ctx = self.context();
        let mut risky = false;
        for f in &self.frames[ctx..] {
            risky |= f.creators || f.loop_creates;
        }
        if !matches!(
            self.frames[ctx].kind,
            Kind::Mixin(_) | Kind::Content | Kind::Rule | Kind::AtRule
        ) {
            return;
        }
        let member = self.member();
        if matches!(self.frames[ctx].kind, Kind::Mixin(_) | Kind::Content) {
            risky = true;
        }
        if !risky {
            return;
        }
        self.frames[ctx].push = true;
        let value_end = start + self.text[start..end].trim_end().len();
        let index = self.plan.decls.len();
        self.plan.decls.push(Site {
            span: (start, value_end),
            member,
        });
        self.plan.insertions.push((
            start,
            1,
            format!(
                "@if $-hydel!=$-hydea{{@debug \"{MARKER} {} {index} #{{$-hydel}}\"}}",
                self.file
            ),
        ));
    }

    /// Probes before the statement at `at` for each interpolation in
    /// `from..to` that a colour with a name could fill: its value's hex
    /// form and its own text are reported when it is a colour.
    fn colour_probes(&mut self, from: usize, to: usize, at: usize) {
        if !self.probe || !self.text[from..to].contains("#{") {
            return;
        }
        let mut i = from;
        while let Some(p) = self.text[i..to].find("#{") {
            let open = i + p + 2;
            let Some(close) = interpolation_end(self.text, open, to) else {
                return;
            };
            i = close + 1;
            let expr = self.text[open..close].trim();
            // A loop counter is a number: nothing to ask.
            let counter = self
                .frames
                .iter()
                .any(|f| f.for_var.as_deref() == Some(&expr.replace('_', "-")));
            // Asked again by the probe: only what has no side effects.
            if counter
                || expr.is_empty()
                || expr.contains(['(', '"', '\'', '#', '\n', '\r'])
                || expr.contains("//")
                || expr.contains("/*")
            {
                continue;
            }
            let lead = self.text[open..close].len() - self.text[open..close].trim_start().len();
            let index = self.plan.colours.len();
            let member = self.member();
            self.plan
                .colours
                .push(((open + lead, open + lead + expr.len()), member));
            let report = if self.colour_mixin {
                format!("@include -hyde-cn({},{index},({expr}))", self.file)
            } else {
                format!(
                    "@debug \"hyde-probe-cn {} {index} #{{ie-hex-str(({expr}))}} #{{inspect(({expr}))}}\"",
                    self.file
                )
            };
            self.plan
                .insertions
                .push((at, 2, format!("@if type-of(({expr}))==color{{{report}}}")));
        }
    }

    /// `@warn <expr>` (from `start`, the expression from `from` to `end`)
    /// becomes `@debug "<probe> #{<expr>}"; @if false { @warn <expr>; }`:
    /// the message is evaluated once, as dart-sass does.
    fn warn_probe(&mut self, start: usize, from: usize, end: usize, c: Option<u8>) {
        if self.frames.iter().any(|f| f.kind == Kind::Opaque) {
            return;
        }
        let expr = self.text[from..end].trim();
        if expr.is_empty() || expr.contains("//") || expr.contains("/*") {
            return;
        }
        let index = self.plan.warns.len();
        let member = self.member();
        self.plan.warns.push((start, member));
        let expr = expr.replace(['\n', '\r'], " ");
        self.plan.insertions.push((
            start,
            2,
            format!(
                "@debug \"hyde-probe-w {} {index} #{{{expr}}}\";@if false{{",
                self.file
            ),
        ));
        let after = if c == Some(b';') { end + 1 } else { end };
        self.plan.insertions.push((after, 0, "}".to_string()));
    }

    /// The member running at the current position.
    fn member(&self) -> Member {
        self.frames
            .iter()
            .rev()
            .find_map(|f| match &f.kind {
                Kind::Mixin(name) | Kind::Function(name) => Some(Member::Callable(name.clone())),
                Kind::Content => Some(Member::Content),
                _ => None,
            })
            .unwrap_or(Member::TopLevel)
    }

    /// A trace probe `@debug hyde-probe-<tag>-<file>-<site>` at `at`. Its
    /// message is an unquoted identifier: grass writes a quoted string's
    /// message out byte by byte, and trace probes run thousands of times.
    fn trace_probe(
        &mut self,
        at: usize,
        order: u8,
        tag: &str,
        offset: usize,
        member: Member,
        kind: SiteKind,
    ) {
        let index = self.plan.sites.len();
        self.plan.sites.push(TraceSite {
            offset,
            member,
            kind,
        });
        self.plan.insertions.push((
            at,
            order,
            format!("@debug hyde-probe-{tag}-{}-{index};", self.file),
        ));
    }

    /// Before a statement that calls a user-defined function: where the
    /// calls happen (a function's frame points into it).
    fn trace_statement(&mut self) {
        let Some(filter) = self.trace else {
            return;
        };
        let functions = &filter.callables;
        let rest = &self.text[self.pos..];
        if [
            "@else",
            "@function",
            "@mixin",
            "@use",
            "@forward",
            "@charset",
            "@import",
        ]
        .iter()
        .any(|r| rest.starts_with(r))
        {
            return;
        }
        let (end, _) = crate::slash_div::statement_end(self.text, self.pos);
        let stmt = &self.text[self.pos..end];
        if !stmt.contains('(') {
            return;
        }
        if !crate::callgraph::called_names(stmt).any(|f| functions.contains(&f)) {
            return;
        }
        let member = self.member();
        self.trace_probe(self.pos, 2, "ts", self.pos, member, SiteKind::Statement);
    }

    /// Whether a loop body starting at `open` may add a sibling (a later
    /// iteration's declarations then follow it).
    fn loop_creates(&self, open: usize) -> bool {
        let mut depth = 0usize;
        let mut pos = open;
        loop {
            let (end, c) = crate::slash_div::statement_end(self.text, pos);
            let stmt = self.text[pos..end].trim_start();
            match c {
                Some(b'{') => return true,
                Some(b'}') if depth == 0 => return false,
                Some(b'}') => depth -= 1,
                None => return false,
                _ => {}
            }
            if stmt.starts_with("@include") || stmt.starts_with("@content") {
                return true;
            }
            pos = end + 1;
        }
    }
}

/// Where the `#{` interpolation whose body starts at `open` ends (its
/// `}`), before `to`.
fn interpolation_end(text: &str, open: usize, to: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text[open..to].char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return Some(open + i),
            '}' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// A property name with its interpolations left out.
fn strip_interpolation(name: &str) -> String {
    let mut out = String::new();
    let mut rest = name;
    while let Some(p) = rest.find("#{") {
        out.push_str(&rest[..p]);
        match interpolation_end(rest, p + 2, rest.len()) {
            Some(close) => {
                out.push('x');
                rest = &rest[close + 1..];
            }
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// Where `text` (`_` read as `-`) first calls the function `name`: the
/// name, not part of a longer identifier, then `(`; a namespaced call
/// (`ns.name(`) starts at its namespace, as dart-sass's span does.
pub(crate) fn call_offset(text: &str, name: &str) -> Option<usize> {
    let ident = |c: char| c.is_alphanumeric() || c == '-' || c == '_' || c == '$';
    text.match_indices(name).find_map(|(at, _)| {
        let before = text[..at].chars().next_back();
        if before.is_some_and(ident) || !text[at + name.len()..].starts_with('(') {
            return None;
        }
        match text[..at].strip_suffix('.') {
            Some(ns) => {
                let start = ns.trim_end_matches(ident).len();
                (start < ns.len()).then_some(start)
            }
            None => Some(at),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probed(text: &str) -> Vec<&str> {
        let plan = plan(text, 0, true, true, false, None);
        plan.decls
            .iter()
            .map(|d| &text[d.span.0..d.span.1])
            .collect()
    }

    #[test]
    fn only_declarations_that_can_follow_a_nested_rule_are_probed() {
        assert_eq!(probed(".a { b: c; .d { e: f; } g: h; }"), vec!["g: h"]);
        assert_eq!(probed(".a { b: c; d: e }"), Vec::<&str>::new());
        assert_eq!(probed("@mixin m { b: c; }"), vec!["b: c"]);
        assert_eq!(
            probed(".a { @include m { b: c } d: e; }"),
            vec!["b: c", "d: e"]
        );
        assert_eq!(
            probed(".a { @each $x in 1 2 { b: $x; .c { d: e } } }"),
            vec!["b: $x"]
        );
        assert_eq!(probed("@function f() { @return 1; }"), Vec::<&str>::new());
    }

    /// Interpolations in selectors are asked whether they hold a colour
    /// with a name, except an `@for` counter (always a number).
    #[test]
    fn colour_probes_skip_for_counters() {
        let spans = |text: &str| -> Vec<String> {
            plan(text, 0, true, true, false, None)
                .colours
                .iter()
                .map(|((s, e), _)| text[*s..*e].to_string())
                .collect()
        };
        assert_eq!(
            spans("@for $i from 1 through 3 { .m-#{$i} { a: b; } }"),
            Vec::<String>::new()
        );
        assert_eq!(
            spans("@each $c in red, blue { .t-#{$c} { a: b; } }"),
            vec!["$c"]
        );
        assert_eq!(spans(".a { #{$p}-x: 1; }"), vec!["$p"]);
    }

    #[test]
    fn uses_modules_ignores_built_in_modules() {
        assert!(!uses_modules("@use \"sass:math\";\n.a { b: c }"));
        assert!(uses_modules("@use 'tokens' as t;"));
        assert!(uses_modules("@forward \"src/list\";"));
    }
}
