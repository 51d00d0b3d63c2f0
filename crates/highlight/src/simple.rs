//! Rule patterns simple enough to match without a regex engine.
//!
//! Many rules are a run of byte sets: `\n+`, `[^\S\n]+`, an identifier
//! `[A-Za-z_][0-9A-Za-z_]*`, a comment `#.*`. Matched greedily, such a
//! sequence finds exactly the regex's leftmost-first match when no set
//! repeated a variable number of times shares a byte with the sets that may
//! follow it before the next mandatory one: giving a byte back could then
//! never let the rest match. Matching one costs a table lookup per byte,
//! against a few hundred instructions to enter a regex engine, and the rule
//! is never compiled. Only whole-match lengths are found (no groups), on
//! ASCII haystacks (the sets come from a rule's ASCII variant).

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// One step: a byte set taken `min..=max` times.
struct Item {
    set: Box<[bool; 256]>,
    min: u32,
    max: u32,
}

/// A pattern as alternatives, each a sequence of [`Item`]s; see the module
/// docs. The first alternative that matches gives the match, as in a
/// leftmost-first engine anchored at the start.
pub(crate) struct Simple(Vec<Vec<Item>>);

impl Simple {
    /// The sequence `hir` (an anchored pattern parsed over bytes) is, or
    /// the alternatives of such sequences it is, when greedy matching gives
    /// the regex's match.
    pub(crate) fn from_hir(hir: &Hir) -> Option<Simple> {
        if let HirKind::Concat(subs) = hir.kind() {
            if let [start, alt] = subs.as_slice() {
                if let (HirKind::Look(Look::Start), HirKind::Alternation(branches)) =
                    (start.kind(), alt.kind())
                {
                    return branches
                        .iter()
                        .map(|b| sequence(b, false))
                        .collect::<Option<Vec<_>>>()
                        .map(Simple);
                }
            }
        }
        sequence(hir, true).map(|items| Simple(vec![items]))
    }

    /// The length of the match at the start of `hay`, if any.
    pub(crate) fn match_len(&self, hay: &[u8]) -> Option<usize> {
        self.0.iter().find_map(|items| sequence_len(items, hay))
    }
}

/// `hir` as a sequence that greedy matching matches as the regex does.
fn sequence(hir: &Hir, at_start: bool) -> Option<Vec<Item>> {
    let mut items = Vec::new();
    let mut at_start = at_start;
    flatten(hir, &mut items, &mut at_start)?;
    for (i, item) in items.iter().enumerate() {
        if item.min == item.max {
            continue;
        }
        for next in &items[i + 1..] {
            if (0..256).any(|b| item.set[b] && next.set[b]) {
                return None;
            }
            if next.min > 0 {
                break;
            }
        }
    }
    (!items.is_empty()).then_some(items)
}

/// The length of the greedy match of `items` at the start of `hay`.
fn sequence_len(items: &[Item], hay: &[u8]) -> Option<usize> {
    let mut pos = 0;
    for item in items {
        let mut n = 0;
        while n < item.max && pos < hay.len() && item.set[usize::from(hay[pos])] {
            pos += 1;
            n += 1;
        }
        if n < item.min {
            return None;
        }
    }
    Some(pos)
}

/// Appends `hir`'s steps to `items`; `None` when it is not a plain
/// sequence. The pattern's leading `\A` is the only assertion allowed.
fn flatten(hir: &Hir, items: &mut Vec<Item>, at_start: &mut bool) -> Option<()> {
    match hir.kind() {
        HirKind::Empty => Some(()),
        HirKind::Look(Look::Start) if *at_start => Some(()),
        HirKind::Concat(subs) => subs.iter().try_for_each(|s| flatten(s, items, at_start)),
        // Groups change no match length, and only lengths are asked for.
        HirKind::Capture(cap) => flatten(&cap.sub, items, at_start),
        HirKind::Literal(lit) => {
            *at_start = false;
            for &b in lit.0.iter() {
                let mut set = Box::new([false; 256]);
                set[usize::from(b)] = true;
                items.push(Item {
                    set,
                    min: 1,
                    max: 1,
                });
            }
            Some(())
        }
        HirKind::Class(cls) => {
            *at_start = false;
            items.push(Item {
                set: byte_set(cls)?,
                min: 1,
                max: 1,
            });
            Some(())
        }
        HirKind::Repetition(rep) if rep.greedy => {
            *at_start = false;
            let set = match rep.sub.kind() {
                HirKind::Class(cls) => byte_set(cls)?,
                HirKind::Literal(lit) if lit.0.len() == 1 => {
                    let mut set = Box::new([false; 256]);
                    set[usize::from(lit.0[0])] = true;
                    set
                }
                _ => return None,
            };
            items.push(Item {
                set,
                min: rep.min,
                max: rep.max.unwrap_or(u32::MAX),
            });
            Some(())
        }
        _ => None,
    }
}

fn byte_set(cls: &Class) -> Option<Box<[bool; 256]>> {
    let Class::Bytes(cls) = cls else { return None };
    let mut set = Box::new([false; 256]);
    for r in cls.iter() {
        for b in r.start()..=r.end() {
            set[usize::from(b)] = true;
        }
    }
    Some(set)
}

#[cfg(test)]
mod tests {
    use super::Simple;

    fn simple(src: &str) -> Option<Simple> {
        let hir = regex_syntax::ParserBuilder::new()
            .unicode(false)
            .utf8(false)
            .build()
            .parse(&format!(r"(?m)\A(?:{src})"))
            .unwrap();
        Simple::from_hir(&hir)
    }

    #[test]
    fn sequences_without_backtracking() {
        let ident = simple("[A-Za-z_][0-9A-Za-z_]*").unwrap();
        assert_eq!(ident.match_len(b"abc1 x"), Some(4));
        assert_eq!(ident.match_len(b"1abc"), None);
        let comment = simple("#(.*)?").map(|s| s.match_len(b"# hi\nx"));
        assert_eq!(comment, None); // nested repetition: left to the engine
        assert_eq!(simple("#.*").unwrap().match_len(b"# hi\nx"), Some(4));
        assert_eq!(simple(r"\d+L").unwrap().match_len(b"12L"), Some(3));
        assert_eq!(simple(r"\d+L").unwrap().match_len(b"12"), None);
    }

    #[test]
    fn alternatives_take_the_first_that_matches() {
        let ops = simple("[-+*]=?|!=").unwrap();
        assert_eq!(ops.match_len(b"+= 1"), Some(2));
        assert_eq!(ops.match_len(b"!= 1"), Some(2));
        assert_eq!(ops.match_len(b"! 1"), None);
        // Leftmost-first, not longest: `a` wins over `ab`.
        assert_eq!(simple("a|ab").unwrap().match_len(b"ab"), Some(1));
        assert_eq!(simple("ab|a").unwrap().match_len(b"ab"), Some(2));
    }

    #[test]
    fn overlapping_runs_are_left_to_the_engine() {
        assert!(simple("a*a").is_none());
        assert!(simple("[a-z]*[0-9]?[a-z]").is_none());
        assert!(simple("[a-z]+[0-9]?").is_some());
        assert!(simple(r"a\b").is_none());
        assert!(simple("ab|a*a").is_none());
        assert!(simple("a+?").is_none());
    }
}
