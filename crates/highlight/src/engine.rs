//! The lexer engine: Rouge's `RegexLexer` in Rust.
//!
//! A lexer is a set of named states, each an ordered list of rules. At each
//! position the rules of the state on top of the stack are tried in order
//! (mixins inline another state's rules); the first that matches emits
//! tokens and may push, pop or replace states. When nothing matches, one
//! character is emitted as an error token, exactly as Rouge does.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::format::Out;
use crate::re::{Rule as Pattern, Spans};
use crate::token::{Tok, ERR};

/// A callback: Rouge's `rule(re) do |m| ... end` block.
pub(crate) type Callback = Box<dyn Fn(&mut Ctx<'_>) + Send + Sync>;

enum Emit {
    Tok(Tok),
    Groups(Vec<Tok>),
    Call(Callback),
}

#[derive(Clone)]
enum Next {
    Stay,
    Push(State),
    PushSelf,
    Pop(usize),
    Goto(State),
}

/// A state named in a rule, with its index once the definition is built.
#[derive(Clone)]
struct State {
    name: String,
    id: usize,
}

impl State {
    fn named(name: &str) -> State {
        State {
            name: name.to_string(),
            id: usize::MAX,
        }
    }
}

#[allow(clippy::large_enum_variant)] // Built once per lexer; boxing buys nothing.
enum Rule {
    Mixin(State),
    Match {
        re: Pattern,
        bol: bool,
        emit: Emit,
        next: Next,
        id: usize,
        /// After a failure at p, the rule also fails inside these runs from p.
        skip: SkipRuns,
    },
}

/// The runs of [`Builder::skip_run`], compiled when the rule first fails.
#[derive(Default)]
struct SkipRuns {
    srcs: Vec<String>,
    res: OnceLock<Vec<regex::Regex>>,
}

impl SkipRuns {
    /// The longest run at the start of `hay`.
    fn longest(&self, hay: &str) -> Option<usize> {
        if self.srcs.is_empty() {
            return None;
        }
        let res = self.res.get_or_init(|| {
            // A run that does not compile is a lexer-table bug that
            // `every_rule_compiles` reports; here it is left out.
            self.srcs
                .iter()
                .filter_map(|s| regex::Regex::new(s).ok())
                .collect()
        });
        res.iter()
            .filter_map(|r| r.find(hay))
            .map(|m| m.end())
            .max()
    }
}

/// Per state, per first byte of the text: the rules that may match there.
type Dispatch = OnceLock<Box<[OnceLock<Box<[u16]>>]>>;

/// A lexer definition: named states of rules, built once and shared.
pub(crate) struct Def {
    pub(crate) tag: &'static str,
    states: Vec<Vec<Rule>>,
    /// For each state, filled in as bytes are met: the indices of its
    /// mixins and of the rules whose matches can begin with that byte, so a
    /// step tries only those (a state has dozens of rules, most of which
    /// cannot match at a given byte).
    dispatch: Vec<Dispatch>,
    names: HashMap<String, usize>,
    start: Option<Callback>,
    rules: usize,
}

/// Builds a [`Def`]. Rules are added to the state last opened.
pub(crate) struct Builder {
    def: Def,
    cur: usize,
}

impl Builder {
    pub(crate) fn new(tag: &'static str) -> Builder {
        Builder {
            def: Def {
                tag,
                states: Vec::new(),
                dispatch: Vec::new(),
                names: HashMap::new(),
                start: None,
                rules: 0,
            },
            cur: 0,
        }
    }

    /// Opens (or reopens, to append to it) the state `name`.
    pub(crate) fn state(&mut self, name: &str) -> &mut Self {
        let n = self.def.states.len();
        self.cur = *self.def.names.entry(name.to_string()).or_insert(n);
        if self.cur == n {
            self.def.states.push(Vec::new());
        }
        self
    }

    /// Rouge's `start { ... }`: runs when a lex begins.
    pub(crate) fn start(&mut self, f: impl Fn(&mut Ctx<'_>) + Send + Sync + 'static) {
        self.def.start = Some(Box::new(f));
    }

    fn add(&mut self, re: &str, emit: Emit, next: Next) -> &mut Self {
        self.def.states[self.cur].push(Rule::Match {
            re: Pattern::new(re),
            bol: starts_with_caret(re),
            emit,
            next,
            id: self.def.rules,
            skip: SkipRuns::default(),
        });
        self.def.rules += 1;
        self
    }

    /// Declares, for the rule just added, a run such that wherever the rule
    /// fails at a position where `run` matches, it fails at every later
    /// position inside that run as well. Failures are then remembered, which
    /// keeps rules that scan far from going quadratic.
    pub(crate) fn skip_run(&mut self, run: &str) -> &mut Self {
        let src = crate::re::anchored(run);
        if let Some(Rule::Match { skip, .. }) = self.def.states[self.cur].last_mut() {
            skip.srcs.push(src);
        }
        self
    }

    /// `rule re, tok`
    pub(crate) fn r(&mut self, re: &str, tok: Tok) -> &mut Self {
        self.add(re, Emit::Tok(tok), Next::Stay)
    }
    /// `rule re, tok, :state` (push)
    pub(crate) fn rp(&mut self, re: &str, tok: Tok, state: &str) -> &mut Self {
        self.add(re, Emit::Tok(tok), Next::Push(State::named(state)))
    }
    /// `rule re, tok, :push` (push the current state again)
    pub(crate) fn rps(&mut self, re: &str, tok: Tok) -> &mut Self {
        self.add(re, Emit::Tok(tok), Next::PushSelf)
    }
    /// `rule re, tok, :pop!`
    pub(crate) fn rpop(&mut self, re: &str, tok: Tok) -> &mut Self {
        self.add(re, Emit::Tok(tok), Next::Pop(1))
    }
    /// `rule re, tok` then `pop!(n)`
    pub(crate) fn rpopn(&mut self, re: &str, tok: Tok, n: usize) -> &mut Self {
        self.add(re, Emit::Tok(tok), Next::Pop(n))
    }
    /// `rule re, tok` then `goto :state`
    pub(crate) fn rg(&mut self, re: &str, tok: Tok, state: &str) -> &mut Self {
        self.add(re, Emit::Tok(tok), Next::Goto(State::named(state)))
    }
    /// `rule(re) { groups ... }`
    pub(crate) fn g(&mut self, re: &str, toks: &[Tok]) -> &mut Self {
        self.add(re, Emit::Groups(toks.to_vec()), Next::Stay)
    }
    /// `groups` then push
    pub(crate) fn gp(&mut self, re: &str, toks: &[Tok], state: &str) -> &mut Self {
        self.add(
            re,
            Emit::Groups(toks.to_vec()),
            Next::Push(State::named(state)),
        )
    }
    /// `groups` then pop
    pub(crate) fn gpop(&mut self, re: &str, toks: &[Tok]) -> &mut Self {
        self.add(re, Emit::Groups(toks.to_vec()), Next::Pop(1))
    }
    /// `groups` then goto
    pub(crate) fn gg(&mut self, re: &str, toks: &[Tok], state: &str) -> &mut Self {
        self.add(
            re,
            Emit::Groups(toks.to_vec()),
            Next::Goto(State::named(state)),
        )
    }
    /// `rule(re) do |m| ... end`
    pub(crate) fn f(
        &mut self,
        re: &str,
        f: impl Fn(&mut Ctx<'_>) + Send + Sync + 'static,
    ) -> &mut Self {
        self.add(re, Emit::Call(Box::new(f)), Next::Stay)
    }
    /// `mixin :state`
    pub(crate) fn mixin(&mut self, state: &str) -> &mut Self {
        self.def.states[self.cur].push(Rule::Mixin(State::named(state)));
        self
    }

    /// Finishes the definition. Panics on a reference to an undefined state,
    /// a bug the corpus test catches at once.
    pub(crate) fn build(self) -> Def {
        let mut def = self.def;
        for rules in &mut def.states {
            for rule in rules {
                let to = match rule {
                    Rule::Mixin(to) => Some(to),
                    Rule::Match {
                        next: Next::Push(to) | Next::Goto(to),
                        ..
                    } => Some(to),
                    _ => None,
                };
                if let Some(to) = to {
                    match def.names.get(&to.name) {
                        Some(&id) => to.id = id,
                        None => panic!("{}: no state {}", def.tag, to.name),
                    }
                }
            }
        }
        assert!(def.names.contains_key("root"), "{}: no root", def.tag);
        assert!(
            def.states.iter().all(|r| r.len() <= usize::from(u16::MAX)),
            "{}: too many rules in a state",
            def.tag
        );
        def.dispatch = def.states.iter().map(|_| OnceLock::new()).collect();
        def
    }
}

impl Def {
    /// The rules of `state` to try where the text begins with `b`.
    fn candidates(&self, state: usize, b: u8) -> &[u16] {
        let Some(table) = self.dispatch.get(state) else {
            return &[];
        };
        let table = table.get_or_init(|| (0..256).map(|_| OnceLock::new()).collect());
        table[usize::from(b)].get_or_init(|| {
            let rules = self.states.get(state).map_or(&[][..], Vec::as_slice);
            (0..rules.len())
                .filter(|&i| match &rules[i] {
                    Rule::Mixin(_) => true,
                    Rule::Match { re, .. } => re.may_start_with(b),
                })
                .map(|i| i as u16)
                .collect()
        })
    }

    /// Compiles every rule and skip run now (they are otherwise compiled on
    /// first use) and lists those that fail.
    #[cfg(test)]
    pub(crate) fn compile_errors(&self) -> Vec<String> {
        let mut errors = Vec::new();
        for rule in self.states.iter().flatten() {
            if let Rule::Match { re, skip, .. } = rule {
                if let Err(e) = re.compiled() {
                    errors.push(format!("{}: {e}", self.tag));
                }
                for src in &skip.srcs {
                    if let Err(e) = regex::Regex::new(src) {
                        errors.push(format!("{}: skip run: {e}", self.tag));
                    }
                }
            }
        }
        errors
    }
}

/// Rouge skips a rule whose source begins with `^` away from a line start.
/// Ruby's flags (`/mi`) sit outside the source; here they lead the pattern
/// as `(?mi)`, which is looked past.
fn starts_with_caret(re: &str) -> bool {
    let rest = match re.strip_prefix("(?") {
        Some(r)
            if r.find(')')
                .is_some_and(|i| r[..i].chars().all(|c| c.is_ascii_alphabetic())) =>
        {
            &r[r.find(')').unwrap_or(0) + 1..]
        }
        _ => re,
    };
    rest.starts_with('^')
}

/// Where a sublexer comes from when a rule delegates.
pub(crate) type DefRef = fn() -> &'static Def;

/// One lexing run of a definition: the state stack and the lexer's own
/// variables, kept across `continue_lex` calls like a Rouge lexer instance.
pub(crate) struct Lexer {
    def: &'static Def,
    stack: Vec<usize>,
    /// Lexer instance variables (heredoc terminators, flags…).
    pub(crate) vars: HashMap<&'static str, String>,
    /// A stack of strings for lexers that nest (Python's string register…).
    pub(crate) strs: Vec<String>,
    /// Named string stacks (Ruby's heredoc queue and open sigil strings).
    pub(crate) stacks: HashMap<&'static str, Vec<String>>,
    /// Numeric state for lexers that track indentation (YAML).
    pub(crate) nums: Vec<i64>,
    pub(crate) ints: HashMap<&'static str, Option<i64>>,
    subs: HashMap<&'static str, Box<Lexer>>,
    null_steps: usize,
    /// Per rule: the position before which it is known to fail.
    fails_before: Vec<usize>,
    /// The group spans of the current match, kept to be reused.
    spans: Spans,
}

const MAX_NULL_SCANS: usize = 5;

impl Lexer {
    pub(crate) fn new(def: &'static Def) -> Lexer {
        let root = def.names.get("root").copied().unwrap_or(0);
        let mut lx = Lexer {
            def,
            stack: vec![root],
            vars: HashMap::new(),
            strs: Vec::new(),
            stacks: HashMap::new(),
            nums: Vec::new(),
            ints: HashMap::new(),
            subs: HashMap::new(),
            null_steps: 0,
            fails_before: Vec::new(),
            spans: Vec::new(),
        };
        if let Some(start) = &def.start {
            let mut out = Out::default();
            let mut ctx = Ctx {
                lx: &mut lx,
                out: &mut out,
                text: "",
                spans: Vec::new(),
                len: None,
                rejected: false,
            };
            start(&mut ctx);
        }
        lx
    }

    /// Rouge's `reset!`: back to the root state with fresh variables.
    pub(crate) fn reset(&mut self) {
        *self = Lexer::new(self.def);
    }

    /// Rouge's `continue_lex`: lexes `text` from the current state.
    pub(crate) fn run(&mut self, text: &str, out: &mut Out) {
        let mut pos = 0;
        self.null_steps = 0;
        self.fails_before.clear();
        self.fails_before.resize(self.def.rules, 0);
        // Rules match the rest of the text from `pos`: past the last
        // non-ASCII byte that rest is ASCII, and their ASCII variants serve.
        let ascii_from = text.bytes().rposition(|b| b >= 0x80).map_or(0, |i| i + 1);
        while pos < text.len() {
            let top = self.stack.last().copied().unwrap_or(0);
            match self.step(top, text, pos, pos >= ascii_from, out, 0) {
                Some(len) => pos += len,
                None => {
                    let len = text[pos..].chars().next().map_or(1, char::len_utf8);
                    out.push(ERR, &text[pos..pos + len]);
                    pos += len;
                }
            }
        }
    }

    fn step(
        &mut self,
        state: usize,
        text: &str,
        pos: usize,
        ascii: bool,
        out: &mut Out,
        depth: usize,
    ) -> Option<usize> {
        let def = self.def;
        let rules = def.states.get(state)?;
        let &first = text.as_bytes().get(pos)?;
        for &i in def.candidates(state, first) {
            match &rules[usize::from(i)] {
                Rule::Mixin(to) => {
                    if depth < 16 {
                        if let Some(n) = self.step(to.id, text, pos, ascii, out, depth + 1) {
                            return Some(n);
                        }
                    }
                }
                Rule::Match {
                    re,
                    bol,
                    emit,
                    next,
                    id,
                    skip,
                } => {
                    if *bol && pos > 0 && text.as_bytes()[pos - 1] != b'\n' {
                        continue;
                    }
                    if self.fails_before.get(*id).is_some_and(|&f| pos < f) {
                        continue;
                    }
                    let hay = &text[pos..];
                    let groups = !matches!(emit, Emit::Tok(_));
                    let mut spans = std::mem::take(&mut self.spans);
                    if !re.match_into(hay, ascii, groups, &mut spans) {
                        self.spans = spans;
                        let run = skip.longest(hay);
                        if let (Some(run), Some(f)) = (run, self.fails_before.get_mut(*id)) {
                            *f = pos + run;
                        }
                        continue;
                    };
                    let mut len = spans[0].map_or(0, |(_, e)| e);
                    match emit {
                        Emit::Tok(tok) => {
                            out.push(tok, &hay[..len]);
                            self.spans = spans;
                        }
                        Emit::Groups(toks) => {
                            for (i, tok) in toks.iter().enumerate() {
                                if let Some(Some((s, e))) = spans.get(i + 1) {
                                    out.push(tok, &hay[*s..*e]);
                                }
                            }
                            self.spans = spans;
                        }
                        Emit::Call(f) => {
                            let mut ctx = Ctx {
                                lx: self,
                                out,
                                text: hay,
                                spans,
                                len: None,
                                rejected: false,
                            };
                            f(&mut ctx);
                            let Ctx {
                                spans,
                                len: set_len,
                                rejected,
                                ..
                            } = ctx;
                            self.spans = spans;
                            if rejected {
                                continue;
                            }
                            if let Some(n) = set_len {
                                len = n.min(hay.len());
                            }
                        }
                    }
                    match next {
                        Next::Stay => {}
                        Next::Push(to) => self.stack.push(to.id),
                        Next::PushSelf => {
                            if let Some(&top) = self.stack.last() {
                                self.stack.push(top);
                            }
                        }
                        Next::Pop(n) => self.pop(*n),
                        Next::Goto(to) => self.goto(to.id),
                    }
                    if len == 0 {
                        self.null_steps += 1;
                        if self.null_steps > MAX_NULL_SCANS {
                            return None;
                        }
                    } else {
                        self.null_steps = 0;
                    }
                    return Some(len);
                }
            }
        }
        None
    }

    fn pop(&mut self, n: usize) {
        // Rouge raises on popping the last state; keep the root instead.
        for _ in 0..n {
            if self.stack.len() > 1 {
                self.stack.pop();
            }
        }
    }

    fn goto(&mut self, id: usize) {
        if let Some(top) = self.stack.last_mut() {
            *top = id;
        }
    }
}

/// What a callback sees: the match and the lexer it runs in.
pub(crate) struct Ctx<'a> {
    pub(crate) lx: &'a mut Lexer,
    pub(crate) out: &'a mut Out,
    text: &'a str,
    spans: Spans,
    /// Bytes to consume instead of the whole match.
    len: Option<usize>,
    /// Set when the callback decides the rule does not apply after all.
    rejected: bool,
}

impl<'a> Ctx<'a> {
    /// The text of group `i` (`""` when it did not participate).
    pub(crate) fn m(&self, i: usize) -> &'a str {
        match self.spans.get(i) {
            Some(Some((s, e))) => &self.text[*s..*e],
            _ => "",
        }
    }
    /// Whether group `i` participated in the match.
    pub(crate) fn has(&self, i: usize) -> bool {
        matches!(self.spans.get(i), Some(Some(_)))
    }
    /// The rest of the text from the match start (for hand-written steps).
    pub(crate) fn rest(&self) -> &'a str {
        self.text
    }
    /// The whole match.
    pub(crate) fn m0(&self) -> &'a str {
        self.m(0)
    }
    pub(crate) fn token(&mut self, tok: Tok, val: &str) {
        self.out.push(tok, val);
    }
    /// `token tok` with the whole match.
    pub(crate) fn tok(&mut self, tok: Tok) {
        let v = self.m0();
        self.out.push(tok, v);
    }
    pub(crate) fn groups(&mut self, toks: &[Tok]) {
        for (i, tok) in toks.iter().enumerate() {
            let v = self.m(i + 1);
            self.out.push(tok, v);
        }
    }
    pub(crate) fn push(&mut self, state: &str) {
        if let Some(&id) = self.lx.def.names.get(state) {
            self.lx.stack.push(id);
        }
    }
    /// `push` with no argument: push the current state again.
    pub(crate) fn push_self(&mut self) {
        if let Some(&top) = self.lx.stack.last() {
            self.lx.stack.push(top);
        }
    }
    pub(crate) fn pop(&mut self, n: usize) {
        self.lx.pop(n);
    }
    /// Rouge's `reset_stack`: back to just the root state.
    pub(crate) fn reset_stack(&mut self) {
        self.lx.stack.truncate(1);
        if let Some(&root) = self.lx.def.names.get("root") {
            self.lx.stack[0] = root;
        }
    }
    pub(crate) fn goto(&mut self, state: &str) {
        if let Some(&id) = self.lx.def.names.get(state) {
            self.lx.goto(id);
        }
    }
    /// Rouge's `state?(name)`: whether `name` is on top of the stack.
    pub(crate) fn state_is(&self, state: &str) -> bool {
        self.lx.def.names.get(state).copied() == self.lx.stack.last().copied()
    }
    pub(crate) fn var(&self, key: &str) -> &str {
        self.lx.vars.get(key).map_or("", String::as_str)
    }
    pub(crate) fn set_var(&mut self, key: &'static str, val: impl Into<String>) {
        self.lx.vars.insert(key, val.into());
    }
    /// `delegate @sub` where the sublexer instance is kept (`@x ||= X.new`).
    pub(crate) fn delegate(&mut self, def: DefRef, text: &str) {
        let d = def();
        self.delegate_as(d.tag, d, text);
    }
    /// `delegate` to a kept sublexer stored under `key`.
    pub(crate) fn delegate_as(&mut self, key: &'static str, d: &'static Def, text: &str) {
        let mut sub = match self.lx.subs.remove(key) {
            Some(sub) if std::ptr::eq(sub.def, d) => sub,
            _ => Box::new(Lexer::new(d)),
        };
        sub.run(text, self.out);
        self.lx.subs.insert(key, sub);
    }
    /// Drops the sublexer kept under `key`.
    pub(crate) fn reset_key(&mut self, key: &str) {
        self.lx.subs.remove(key);
    }
    /// Consumes only `n` bytes of the match.
    pub(crate) fn set_len(&mut self, n: usize) {
        self.len = Some(n);
    }
    /// Treats the rule as not matching; emit nothing before calling this.
    pub(crate) fn reject(&mut self) {
        self.rejected = true;
    }
    /// `delegate X.new`: a fresh sublexer for this text only.
    pub(crate) fn delegate_fresh(&mut self, def: &'static Def, text: &str) {
        Lexer::new(def).run(text, self.out);
    }
    /// Rouge's `recurse`: a fresh instance of this lexer on `text`.
    pub(crate) fn recurse(&mut self, text: &str) {
        let def = self.lx.def;
        Lexer::new(def).run(text, self.out);
    }
    /// Rouge's `delegate self.clone`: lexes `text` with this very lexer's
    /// state stack (a Ruby clone shares it), then carries on.
    pub(crate) fn continue_self(&mut self, text: &str) {
        let fails = std::mem::take(&mut self.lx.fails_before);
        let nulls = self.lx.null_steps;
        self.lx.run(text, self.out);
        self.lx.fails_before = fails;
        self.lx.null_steps = nulls;
    }
    /// Drops a kept sublexer so the next delegation starts afresh.
    pub(crate) fn reset_sub(&mut self, def: DefRef) {
        self.lx.subs.remove(def().tag);
    }
}
