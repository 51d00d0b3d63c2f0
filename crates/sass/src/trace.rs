//! dart-sass's stack trace under a warning, rebuilt from trace probes.
//!
//! grass keeps no call stack, so the stylesheets carry trace probes
//! ([`crate::mixed_decls`] puts them in): `ti`/`tx` around every followed
//! `@include` and `@content`, `tf` where a followed function body begins,
//! `ts` before a statement that calls one, and `tb`/`te` at the start and
//! end of every imported file. Replayed in order, they give the stack at
//! each warning. A function has no end probe: its frame goes when an event
//! comes from outside its body. Which callables are followed is predicted
//! while the files are read ([`crate::callgraph`]); when a warning shown
//! needs one the prediction missed, hyde compiles once more with exactly
//! the callables that lead to the warnings shown.

use crate::mixed_decls::Member;

/// One frame: where a mixin, content block, function or file was entered
/// (the call site), and what was running there.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    /// The file (index among the compilation's files) and byte offset.
    pub(crate) file: usize,
    pub(crate) offset: usize,
    pub(crate) member: Member,
    pub(crate) callee: Callee,
    /// A mixin's body (or content block) has started running; until then
    /// its arguments are evaluated, in the caller.
    entered: bool,
}

/// What a frame entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Callee {
    Mixin,
    Content,
    /// A function, by name (`_` read as `-`).
    Function(String),
    /// An imported file.
    Import(usize),
}

/// The stack as the events arrive.
#[derive(Debug, Default)]
pub(crate) struct Stack {
    frames: Vec<Frame>,
    /// The statement running at each depth (`frames.len() + 1` slots): the
    /// file, its offset, and its member.
    statements: Vec<Option<(usize, usize, Member)>>,
}

impl Stack {
    pub(crate) fn new() -> Stack {
        Stack {
            frames: Vec::new(),
            statements: vec![None],
        }
    }

    /// The frames, innermost first.
    pub(crate) fn frames(&self) -> impl Iterator<Item = &Frame> {
        self.frames.iter().rev()
    }

    /// An event from code whose member is `member`: function frames it is
    /// not in have returned; a mixin waiting for its body has it now.
    pub(crate) fn at(&mut self, member: &Member) {
        while let Some(top) = self.frames.last() {
            match (&top.callee, member) {
                (Callee::Function(f), Member::Callable(m)) if same_name(f, m) => break,
                (Callee::Function(_), _) => self.pop(),
                _ => break,
            }
        }
        let Some(top) = self.frames.last_mut() else {
            return;
        };
        let inside = match (&top.callee, member) {
            (Callee::Mixin, Member::Callable(_)) | (Callee::Content, Member::Content) => true,
            (Callee::Mixin | Callee::Content, _) => false,
            _ => true,
        };
        if inside && !top.entered {
            top.entered = true;
            // Functions called in its arguments have returned.
            let mut below = self.frames.len() - 1;
            while below > 0 && matches!(self.frames[below - 1].callee, Callee::Function(_)) {
                below -= 1;
                self.frames.remove(below);
                self.statements.remove(below + 1);
            }
        }
    }

    fn pop(&mut self) {
        self.frames.pop();
        self.statements.pop();
    }

    /// `@include` or `@content` at `offset` of `file`.
    pub(crate) fn enter(&mut self, file: usize, offset: usize, member: Member, callee: Callee) {
        self.at(&member);
        self.frames.push(Frame {
            file,
            offset,
            member,
            callee,
            entered: false,
        });
        self.statements.push(None);
    }

    /// The end of the innermost `@include` or `@content`.
    pub(crate) fn leave(&mut self) {
        while let Some(top) = self.frames.last() {
            let done = matches!(top.callee, Callee::Mixin | Callee::Content);
            self.pop();
            if done {
                return;
            }
        }
    }

    /// A statement calling a user-defined function begins.
    pub(crate) fn statement(&mut self, file: usize, offset: usize, member: Member) {
        self.at(&member);
        if let Some(slot) = self.statements.last_mut() {
            *slot = Some((file, offset, member));
        }
    }

    /// The function `name` is entered; `call_in(file, offset)` finds the
    /// offset of its call in the statement starting there.
    pub(crate) fn function(&mut self, name: &str, call_in: impl Fn(usize, usize) -> Option<usize>) {
        loop {
            let depth = self.frames.len();
            if let Some((file, offset, member)) = &self.statements[depth] {
                if let Some(call) = call_in(*file, *offset) {
                    let (file, member) = (*file, member.clone());
                    return self.push_function(depth, name, file, call, member);
                }
            }
            match self.frames.last() {
                Some(Frame {
                    callee: Callee::Function(_),
                    ..
                }) => self.pop(),
                Some(Frame {
                    callee: Callee::Mixin | Callee::Content,
                    entered: false,
                    ..
                }) => {
                    // Called in the arguments of a mixin not yet entered:
                    // the frame goes below the mixin's.
                    if let Some((file, offset, member)) = &self.statements[depth - 1] {
                        if let Some(call) = call_in(*file, *offset) {
                            let (file, member) = (*file, member.clone());
                            return self.push_function(depth - 1, name, file, call, member);
                        }
                    }
                    return;
                }
                _ => return,
            }
        }
    }

    fn push_function(&mut self, at: usize, name: &str, file: usize, offset: usize, member: Member) {
        self.frames.insert(
            at,
            Frame {
                file,
                offset,
                member,
                callee: Callee::Function(name.to_string()),
                entered: true,
            },
        );
        self.statements.insert(at + 1, None);
    }

    /// An imported file begins: imported by `import` (file, offset of the
    /// URL).
    pub(crate) fn begin_file(&mut self, file: usize, import: (usize, usize)) {
        self.frames.push(Frame {
            file: import.0,
            offset: import.1,
            member: Member::TopLevel,
            callee: Callee::Import(file),
            entered: true,
        });
        self.statements.push(None);
    }

    /// An imported file ends.
    pub(crate) fn end_file(&mut self, file: usize) {
        if !self.frames.iter().any(|f| f.callee == Callee::Import(file)) {
            return;
        }
        while let Some(top) = self.frames.last() {
            let done = top.callee == Callee::Import(file);
            self.pop();
            if done {
                return;
            }
        }
    }

    /// The file running now: the innermost import's, else the entry (0).
    pub(crate) fn current_file(&self) -> usize {
        self.frames
            .iter()
            .rev()
            .find_map(|f| match f.callee {
                Callee::Import(file) => Some(file),
                _ => None,
            })
            .unwrap_or(0)
    }
}

/// Whether a function's name (`_` read as `-`) is `name` as written.
fn same_name(dashed: &str, name: &str) -> bool {
    dashed.len() == name.len()
        && dashed
            .bytes()
            .zip(name.bytes())
            .all(|(a, b)| a == b || (a == b'-' && b == b'_'))
}

/// dart-sass's terse trace: one line per frame, `    <place>  <member>`,
/// the places padded to one width.
pub(crate) fn format(frames: &[(String, String)]) -> String {
    let width = frames
        .iter()
        .map(|(p, _)| p.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (place, member) in frames {
        out.push_str("    ");
        out.push_str(place);
        for _ in place.chars().count()..width {
            out.push(' ');
        }
        out.push_str("  ");
        out.push_str(member);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_function_frame_goes_when_its_caller_runs_again() {
        let mut s = Stack::new();
        s.enter(0, 10, Member::TopLevel, Callee::Mixin);
        s.at(&Member::Callable("m".into()));
        s.statement(0, 40, Member::Callable("m".into()));
        s.function("f", |_, at| (at == 40).then_some(45));
        assert_eq!(s.frames().count(), 2);
        s.at(&Member::Callable("m".into()));
        assert_eq!(s.frames().count(), 1);
        s.leave();
        assert_eq!(s.frames().count(), 0);
    }

    #[test]
    fn places_are_padded_to_one_width() {
        let out = format(&[
            ("a.scss 1:2".into(), "m()".into()),
            ("main.scss 10:3".into(), "root stylesheet".into()),
        ]);
        assert_eq!(
            out,
            "    a.scss 1:2      m()\n    main.scss 10:3  root stylesheet\n"
        );
    }
}
