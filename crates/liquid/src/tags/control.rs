//! Branching tags: `if`/`elsif`/`else`, `unless`, `case`/`when` and `ifchanged`.

use crate::ast::Block;
use crate::condition::{Condition, Operand};
use crate::context::Context;
use crate::engine::Render;
use crate::error::Error;
use crate::expr::Expression;
use crate::lex;
use crate::parser::Parser;

/// `if` and `unless`; `None` conditions are `else` branches.
pub(crate) struct If {
    branches: Vec<(Option<Condition>, Block)>,
    negate_first: bool,
    blank: bool,
}

impl If {
    pub(crate) fn parse(
        p: &mut Parser<'_>,
        markup: &str,
        offset: usize,
        unless: bool,
    ) -> Result<If, Error> {
        let tag = if unless { "unless" } else { "if" };
        let mut cond = Some(crate::strict::condition(p, markup, offset)?);
        let mut branches = Vec::new();
        loop {
            let (block, stop) = p.parse_body(offset)?;
            branches.push((cond.take(), block));
            match stop {
                None => return Err(p.never_closed(tag, offset)),
                Some(s) if s.name == "elsif" => {
                    cond = Some(
                        crate::strict::condition(p, s.markup, s.offset)
                            .map_err(|e| p.error_at(e, s.offset))?,
                    )
                }
                Some(s) if s.name == "else" => cond = None,
                Some(s) if s.name.strip_prefix("end") == Some(tag) => break,
                Some(s) => return Err(p.unknown_tag_error(tag, &s)),
            }
        }
        let blank = branches.iter().all(|(_, b)| b.is_blank());
        if blank {
            for (_, b) in &mut branches {
                b.remove_blank_strings();
            }
        }
        Ok(If {
            branches,
            negate_first: unless,
            blank,
        })
    }
}

impl Render for If {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        for (i, (cond, block)) in self.branches.iter().enumerate() {
            let hit = match cond {
                None => true,
                Some(c) => c.evaluate(ctx)? != (i == 0 && self.negate_first),
            };
            if hit {
                return block.render(ctx, out);
            }
        }
        Ok(())
    }
    fn is_blank(&self) -> bool {
        self.blank
    }
}

/// `case`/`when`/`else`: every matching `when` renders; `else` renders
/// when none matched before it.
pub(crate) struct Case {
    branches: Vec<(Option<Condition>, usize)>,
    bodies: Vec<Block>,
    blank: bool,
}

impl Case {
    pub(crate) fn parse(p: &mut Parser<'_>, markup: &str, offset: usize) -> Result<Case, Error> {
        let s = markup.as_bytes();
        let Some((a, b)) = lex::find_quoted_fragment(s, 0) else {
            return Err(Error::syntax(
                "Syntax Error in 'case' - Valid syntax: case [condition]",
            ));
        };
        let left = Expression::parse(&markup[a..b]);
        let mut branches = Vec::new();
        let mut bodies = Vec::new();
        // Text before the first `when` is parsed and discarded.
        let (first, mut stop) = p.parse_body(offset)?;
        loop {
            let Some(st) = stop else {
                return Err(p.never_closed("case", offset));
            };
            match st.name {
                "when" => {
                    let conds = when_conditions(st.markup)
                        .ok_or_else(|| {
                            Error::syntax(
                                "Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}",
                            )
                        })
                        .map_err(|e| p.error_at(e, st.offset))?;
                    for c in conds {
                        branches.push((Some(Condition::equals(left.clone(), c)), bodies.len()));
                    }
                }
                "else" => {
                    if !st
                        .markup
                        .trim_matches(|c: char| c.is_ascii_whitespace())
                        .is_empty()
                    {
                        return Err(p.error_at(
                            Error::syntax(
                                "Syntax Error in tag 'case' - Valid else condition: {% else %} (no parameters) ",
                            ),
                            st.offset,
                        ));
                    }
                    branches.push((None, bodies.len()));
                }
                "endcase" => break,
                _ => return Err(p.unknown_tag_error("case", &st)),
            }
            let (body, next) = p.parse_body(offset)?;
            bodies.push(body);
            stop = next;
        }
        let blank = first.is_blank() && bodies.iter().all(Block::is_blank);
        if blank {
            for b in &mut bodies {
                b.remove_blank_strings();
            }
        }
        Ok(Case {
            branches,
            bodies,
            blank,
        })
    }
}

/// `(QuotedFragment)(?:(?:\s+or\s+|\s*,\s*)(QuotedFragment.*))?`, repeated.
fn when_conditions(markup: &str) -> Option<Vec<Operand>> {
    let mut out = Vec::new();
    let mut rest = markup;
    loop {
        let s = rest.as_bytes();
        let (a, b) = lex::find_quoted_fragment(s, 0)?;
        out.push(Operand::parse(Some(&rest[a..b])));
        // Separator: `\s+or\s+` or `\s*,\s*`, followed by a fragment.
        let mut next = None;
        let sp = lex::skip_space(s, b);
        if sp > b && s.get(sp..sp + 2) == Some(b"or") {
            let after = lex::skip_space(s, sp + 2);
            if after > sp + 2 && lex::quoted_fragment_at(s, after).is_some() {
                next = Some(after);
            }
        }
        if next.is_none() && s.get(sp) == Some(&b',') {
            let after = lex::skip_space(s, sp + 1);
            if lex::quoted_fragment_at(s, after).is_some() {
                next = Some(after);
            }
        }
        match next {
            Some(n) => rest = &rest[n..],
            None => return Some(out),
        }
    }
}

impl Render for Case {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let mut run_else = true;
        for (cond, body) in &self.branches {
            match cond {
                None => {
                    if run_else {
                        self.bodies[*body].render(ctx, out)?;
                    }
                }
                Some(c) => {
                    if c.evaluate(ctx)? {
                        run_else = false;
                        self.bodies[*body].render(ctx, out)?;
                    }
                }
            }
        }
        Ok(())
    }
    fn is_blank(&self) -> bool {
        self.blank
    }
}

/// `{% ifchanged %}`: renders its body when the output differs from last time.
pub(crate) struct IfChanged {
    body: Block,
}

impl IfChanged {
    pub(crate) fn parse(p: &mut Parser<'_>, offset: usize) -> Result<IfChanged, Error> {
        Ok(IfChanged {
            body: p.parse_block_to_end("ifchanged", offset)?,
        })
    }
}

impl Render for IfChanged {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let s = self.body.render_to_string(ctx)?;
        if ctx.state.ifchanged.as_deref() != Some(s.as_str()) {
            out.push_str(&s);
            ctx.state.ifchanged = Some(s);
        }
        Ok(())
    }
    fn is_blank(&self) -> bool {
        self.body.is_blank()
    }
}
