//! The parser: splits the source into text, `{{ }}` and `{% %}` tokens the
//! way Ruby Liquid's tokenizer does, then builds blocks, dispatching tags to
//! the standard implementations or to the engine's registered tags.

use crate::ast::{Block, Node};
use crate::engine::{Body, BodyKind, Engine, TagInput};
use crate::error::{locate, Error, ErrorKind, Warning};
use crate::lex;
use crate::value::Str;

/// Liquid's block nesting limit.
const MAX_DEPTH: usize = 100;

#[derive(Clone, Copy, Debug)]
pub(crate) enum TokKind<'a> {
    Text,
    Var {
        markup: &'a str,
    },
    Tag {
        name: &'a str,
        markup: &'a str,
    },
    /// A `{{` or `{%` token that is not properly terminated.
    Bad,
    /// A line in `{% liquid %}` that is not a tag.
    Garbage,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok<'a> {
    pub(crate) raw: &'a str,
    pub(crate) offset: usize,
    pub(crate) kind: TokKind<'a>,
    pub(crate) trim_left: bool,
    pub(crate) trim_right: bool,
}

struct Stream<'a> {
    toks: Vec<Tok<'a>>,
    pos: usize,
    liquid: bool,
}

/// An unknown tag that ends a body (an end tag, `else`, ...), or end of input.
pub(crate) struct Stop<'a> {
    pub(crate) name: &'a str,
    pub(crate) markup: &'a str,
    pub(crate) offset: usize,
}

/// Parser state for one template.
pub(crate) struct Parser<'a> {
    pub(crate) src: &'a str,
    pub(crate) name: Option<&'a Str>,
    pub(crate) engine: &'a Engine,
    streams: Vec<Stream<'a>>,
    trim_next: bool,
    depth: usize,
    pub(crate) warnings: Vec<Warning>,
}

/// Parses a whole template.
pub(crate) fn parse_document(
    src: &str,
    name: Option<&Str>,
    engine: &Engine,
) -> Result<(Block, Vec<Warning>), Error> {
    let mut p = Parser {
        src,
        name,
        engine,
        streams: vec![Stream {
            toks: tokenize(src),
            pos: 0,
            liquid: false,
        }],
        trim_next: false,
        depth: 0,
        warnings: Vec::new(),
    };
    let mut nodes = Vec::new();
    let mut blank = true;
    if let Some(stop) = p.parse_nodes(&mut nodes, &mut blank)? {
        let msg = match stop.name {
            "else" | "end" => format!("Unexpected outer '{}' tag", stop.name),
            n => format!("Unknown tag '{n}'"),
        };
        return Err(p.error_at(Error::syntax(msg), stop.offset));
    }
    Ok((Block::new(nodes, blank), p.warnings))
}

/// Splits like `source.split(/(\{%.*?%\}|\{\{.*?\}\}?|\{%|\{\{)/m)`.
fn tokenize(src: &str) -> Vec<Tok<'_>> {
    let s = src.as_bytes();
    let mut toks = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    // The next `%}` and `}` at or after the scan position, cached so that
    // many unterminated openers stay linear.
    let mut next_tag_end: Option<Option<usize>> = None;
    let mut next_brace: Option<Option<usize>> = None;
    while i + 1 < s.len() {
        let Some(p) = memchr_brace(s, i) else { break };
        i = p;
        if i + 1 >= s.len() || (s[i + 1] != b'%' && s[i + 1] != b'{') {
            i += 1;
            continue;
        }
        if i > text_start {
            toks.push(text_tok(src, text_start, i));
        }
        let is_tag = s[i + 1] == b'%';
        let end = if is_tag {
            let cached = match next_tag_end {
                Some(Some(e)) if e >= i + 2 => Some(e),
                Some(None) => None,
                _ => find(s, i + 2, b"%}"),
            };
            next_tag_end = Some(cached);
            cached.map(|e| e + 2)
        } else {
            let cached = match next_brace {
                Some(Some(e)) if e >= i + 2 => Some(e),
                Some(None) => None,
                _ => find(s, i + 2, b"}"),
            };
            next_brace = Some(cached);
            cached.map(|e| {
                if s.get(e + 1) == Some(&b'}') {
                    e + 2
                } else {
                    e + 1
                }
            })
        };
        let end = end.unwrap_or(i + 2);
        toks.push(classify(src, i, end));
        i = end;
        text_start = end;
    }
    if text_start < s.len() {
        toks.push(text_tok(src, text_start, s.len()));
    }
    toks
}

fn memchr_brace(s: &[u8], from: usize) -> Option<usize> {
    s[from..].iter().position(|&b| b == b'{').map(|p| p + from)
}

fn find(s: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from > s.len() {
        return None;
    }
    s[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn text_tok(src: &str, a: usize, b: usize) -> Tok<'_> {
    Tok {
        raw: &src[a..b],
        offset: a,
        kind: TokKind::Text,
        trim_left: false,
        trim_right: false,
    }
}

fn classify(src: &str, a: usize, b: usize) -> Tok<'_> {
    let raw = &src[a..b];
    let rb = raw.as_bytes();
    let trim_left = rb.get(2) == Some(&b'-');
    let trim_right = rb.len() >= 3 && rb[rb.len() - 3] == b'-';
    let mut tok = Tok {
        raw,
        offset: a,
        kind: TokKind::Bad,
        trim_left,
        trim_right,
    };
    if raw.starts_with("{%") {
        if raw.len() >= 4 && raw.ends_with("%}") {
            // `\A{%-?(\s*)(#|\w+)(\s*)(.*?)-?%}\z`
            let inner = &raw[2..raw.len() - 2];
            let inner = inner.strip_prefix('-').unwrap_or(inner);
            let ib = inner.as_bytes();
            let ns = lex::skip_space(ib, 0);
            let ne = if ib.get(ns) == Some(&b'#') {
                ns + 1
            } else {
                let mut e = ns;
                while e < ib.len() && lex::is_word(ib[e]) {
                    e += 1;
                }
                e
            };
            if ne > ns {
                let ms = lex::skip_space(ib, ne);
                let mut markup = &inner[ms..];
                if markup.ends_with('-') {
                    markup = &markup[..markup.len() - 1];
                }
                tok.kind = TokKind::Tag {
                    name: &inner[ns..ne],
                    markup,
                };
            }
        }
    } else if raw.len() >= 4 && raw.ends_with("}}") {
        let inner = &raw[2..raw.len() - 2];
        let inner = inner.strip_prefix('-').unwrap_or(inner);
        let inner = inner.strip_suffix('-').unwrap_or(inner);
        tok.kind = TokKind::Var { markup: inner };
    }
    tok
}

impl<'a> Parser<'a> {
    /// Attaches the location of byte `offset` to an error.
    pub(crate) fn error_at(&self, e: Error, offset: usize) -> Error {
        if e.has_location() {
            return e;
        }
        e.with_location(locate(self.src, self.name, offset))
    }

    /// Records a warning at `offset`.
    #[allow(dead_code)]
    pub(crate) fn warn(&mut self, message: String, offset: usize) {
        let location = Some(locate(self.src, self.name, offset));
        self.warnings.push(Warning { message, location });
    }

    fn next_tok(&mut self) -> Option<(Tok<'a>, bool)> {
        let st = self.streams.last_mut()?;
        let t = st.toks.get(st.pos).copied()?;
        st.pos += 1;
        Some((t, st.liquid))
    }

    /// Parses a block body until an unknown tag or the end of input,
    /// checking the nesting depth. The body's nodes and blankness are
    /// returned with the tag that stopped it.
    pub(crate) fn parse_body(&mut self, offset: usize) -> Result<(Block, Option<Stop<'a>>), Error> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error_at(
                Error::new(ErrorKind::StackLevel, "Nesting too deep"),
                offset,
            ));
        }
        self.depth += 1;
        let mut nodes = Vec::new();
        let mut blank = true;
        let r = self.parse_nodes(&mut nodes, &mut blank);
        self.depth -= 1;
        let stop = r?;
        Ok((Block::new(nodes, blank), stop))
    }

    fn parse_nodes(
        &mut self,
        nodes: &mut Vec<Node>,
        blank: &mut bool,
    ) -> Result<Option<Stop<'a>>, Error> {
        while let Some((tok, liquid)) = self.next_tok() {
            match tok.kind {
                TokKind::Text => {
                    let mut text = tok.raw;
                    if self.trim_next {
                        text = text.trim_start_matches(is_ruby_space);
                    }
                    self.trim_next = false;
                    if text.is_empty() {
                        continue;
                    }
                    *blank &= text.bytes().all(lex::is_space);
                    nodes.push(Node::Text(text.into()));
                }
                TokKind::Bad => {
                    let msg = if tok.raw.starts_with("{%") {
                        format!(
                            "Tag '{}' was not properly terminated with regexp: /\\%\\}}/",
                            tok.raw
                        )
                    } else {
                        format!(
                            "Variable '{}' was not properly terminated with regexp: /\\}}\\}}/",
                            tok.raw
                        )
                    };
                    return Err(self.error_at(Error::syntax(msg), tok.offset));
                }
                TokKind::Garbage => {
                    return Ok(Some(Stop {
                        name: tok.raw,
                        markup: tok.raw,
                        offset: tok.offset,
                    }));
                }
                TokKind::Var { markup } => {
                    self.whitespace(nodes, &tok);
                    let v = crate::strict::variable(self, markup, tok.offset)?;
                    nodes.push(Node::Output(Box::new(v), tok.offset));
                    *blank = false;
                }
                TokKind::Tag { name, markup } => {
                    if !liquid {
                        self.whitespace(nodes, &tok);
                    }
                    // Inside `{% liquid %}`, `liquid` is an unknown tag.
                    if name == "liquid" && !liquid {
                        self.parse_liquid(markup, tok.offset, nodes, blank)?;
                        continue;
                    }
                    match self.parse_tag(name, markup, tok.offset)? {
                        Some((render, is_blank)) => {
                            *blank &= is_blank;
                            nodes.push(Node::Tag(render, tok.offset));
                        }
                        None => {
                            return Ok(Some(Stop {
                                name,
                                markup,
                                offset: tok.offset,
                            }))
                        }
                    }
                }
            }
        }
        Ok(None)
    }

    fn whitespace(&mut self, nodes: &mut [Node], tok: &Tok<'_>) {
        if tok.trim_left {
            if let Some(Node::Text(t)) = nodes.last_mut() {
                let trimmed = t.trim_end_matches(is_ruby_space_or_nul);
                if trimmed.len() != t.len() {
                    *t = trimmed.into();
                }
            }
        }
        self.trim_next = tok.trim_right;
    }

    /// Parses `{% liquid %}`: one tag per line.
    fn parse_liquid(
        &mut self,
        markup: &'a str,
        offset: usize,
        nodes: &mut Vec<Node>,
        blank: &mut bool,
    ) -> Result<(), Error> {
        let base = offset
            + (markup.as_ptr() as usize).saturating_sub(self.src[offset..].as_ptr() as usize);
        let mut toks = Vec::new();
        let mut line_start = 0;
        for line in markup.split('\n') {
            let off = base + line_start;
            line_start += line.len() + 1;
            let lb = line.as_bytes();
            if lb.iter().all(|&b| lex::is_space(b)) {
                continue;
            }
            let ns = lex::skip_space(lb, 0);
            let ne = if lb[ns] == b'#' {
                ns + 1
            } else {
                let mut e = ns;
                while e < lb.len() && lex::is_word(lb[e]) {
                    e += 1;
                }
                e
            };
            let kind = if ne > ns {
                let ms = lex::skip_space(lb, ne);
                TokKind::Tag {
                    name: &line[ns..ne],
                    markup: &line[ms..],
                }
            } else {
                TokKind::Garbage
            };
            toks.push(Tok {
                raw: line,
                offset: off,
                kind,
                trim_left: false,
                trim_right: false,
            });
        }
        self.streams.push(Stream {
            toks,
            pos: 0,
            liquid: true,
        });
        let r = self.parse_nodes(nodes, blank);
        self.streams.pop();
        match r? {
            None => Ok(()),
            Some(stop) => {
                let msg = if stop.name == "else" {
                    "liquid tag does not expect 'else' tag".to_string()
                } else if stop.name.starts_with("end") {
                    format!(
                        "'{}' is not a valid delimiter for liquid tags. use %}}",
                        stop.name
                    )
                } else {
                    format!("Unknown tag '{}'", stop.name)
                };
                Err(self.error_at(Error::syntax(msg), stop.offset))
            }
        }
    }

    /// Parses one tag; `None` when the name is not a tag (an end tag...).
    fn parse_tag(
        &mut self,
        name: &'a str,
        markup: &'a str,
        offset: usize,
    ) -> Result<crate::tags::Parsed, Error> {
        if let Some(tag) = self.engine.reg.tags.get(name).cloned() {
            let body = match tag.body() {
                BodyKind::None => Body::None,
                BodyKind::Raw => Body::Raw(self.read_raw(name, offset)?),
                BodyKind::Block => Body::Block(self.parse_block_to_end(name, offset)?),
            };
            let line = locate(self.src, None, offset).line;
            let input = TagInput {
                name,
                markup,
                engine: self.engine,
                line,
            };
            let r = tag
                .parse(input, body)
                .map_err(|e| self.error_at(e, offset))?;
            let blank = r.is_blank();
            return Ok(Some((r, blank)));
        }
        crate::tags::parse_standard(self, name, markup, offset)
            .map_err(|e| self.error_at(e, offset))
    }

    /// Parses a body that must end with `end<name>`, with Ruby's errors for
    /// anything else.
    pub(crate) fn parse_block_to_end(&mut self, name: &str, offset: usize) -> Result<Block, Error> {
        let (block, stop) = self.parse_body(offset)?;
        match stop {
            Some(s) if s.name.strip_prefix("end") == Some(name) => Ok(block),
            Some(s) => Err(self.unknown_tag_error(name, &s)),
            None => Err(self.error_at(
                Error::syntax(format!("'{name}' tag was never closed")),
                offset,
            )),
        }
    }

    /// Ruby's `Block.raise_unknown_tag`.
    pub(crate) fn unknown_tag_error(&self, block: &str, stop: &Stop<'_>) -> Error {
        let msg = if stop.name == "else" {
            format!("{block} tag does not expect 'else' tag")
        } else if stop.name.starts_with("end") {
            format!(
                "'{}' is not a valid delimiter for {block} tags. use end{block}",
                stop.name
            )
        } else {
            format!("Unknown tag '{}'", stop.name)
        };
        self.error_at(Error::syntax(msg), stop.offset)
    }

    /// The error for a block that reached end of input.
    pub(crate) fn never_closed(&self, block: &str, offset: usize) -> Error {
        self.error_at(
            Error::syntax(format!("'{block}' tag was never closed")),
            offset,
        )
    }

    /// Reads raw tokens up to `{% end<name> %}` as the `raw` tag does.
    pub(crate) fn read_raw(&mut self, name: &str, offset: usize) -> Result<String, Error> {
        let mut body = String::new();
        while let Some((tok, _)) = self.next_tok() {
            if let Some((before, tag)) = raw_end_candidate(tok.raw) {
                if tag.strip_prefix("end") == Some(name) {
                    // Ruby leaves the whitespace-trim flag as the opening tag set it.
                    body.push_str(before);
                    return Ok(body);
                }
            }
            body.push_str(tok.raw);
        }
        Err(self.never_closed(name, offset))
    }
}

/// `\A(.*){%\s*(\w+)\s*(.*)?%}\z` (multiline): the text before the last
/// `{%` and the tag name after it.
fn raw_end_candidate(raw: &str) -> Option<(&str, &str)> {
    if !raw.ends_with("%}") {
        return None;
    }
    // Greedy `(.*)`: try the last `{%` first, then earlier ones.
    let mut search_end = raw.len();
    while let Some(pos) = raw[..search_end].rfind("{%") {
        // `{%}` ends in `%}` but has no room for a tag between the two.
        if pos + 2 > raw.len() - 2 {
            search_end = pos;
            continue;
        }
        let rest = &raw.as_bytes()[pos + 2..raw.len() - 2];
        let ns = lex::skip_space(rest, 0);
        let mut ne = ns;
        while ne < rest.len() && lex::is_word(rest[ne]) {
            ne += 1;
        }
        if ne > ns && pos + 2 + ne <= raw.len() - 2 {
            let name = &raw[pos + 2 + ns..pos + 2 + ne];
            return Some((&raw[..pos], name));
        }
        search_end = pos;
    }
    None
}

fn is_ruby_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

fn is_ruby_space_or_nul(c: char) -> bool {
    is_ruby_space(c) || c == '\0'
}
