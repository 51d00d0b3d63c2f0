//! HTML entities as kramdown knows them: lookup by name or code point, with
//! kramdown's remapping of the Windows-1252 range (`&#150;` is an en dash).

use crate::entities_table::{NAMED, NAME_OF, REMAP};

/// A resolved entity: code point and, when kramdown knows one, its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entity {
    pub code_point: u32,
    pub name: Option<&'static str>,
}

impl Entity {
    /// The character, or `None` when the code point is not a valid char.
    pub fn char(self) -> Option<char> {
        char::from_u32(self.code_point)
    }
}

/// Entity by name; `None` for names kramdown does not know.
pub(crate) fn by_name(name: &str) -> Option<Entity> {
    let i = NAMED
        .binary_search_by(|(n, _)| n.as_bytes().cmp(name.as_bytes()))
        .ok()?;
    let cp = NAMED[i].1;
    Some(Entity {
        code_point: cp,
        name: name_of(cp),
    })
}

/// Entity by code point (always succeeds, as kramdown's map does).
pub(crate) fn by_code_point(cp: u32) -> Entity {
    let cp = REMAP
        .iter()
        .find(|(from, _)| *from == cp)
        .map_or(cp, |(_, to)| *to);
    Entity {
        code_point: cp,
        name: name_of(cp),
    }
}

fn name_of(cp: u32) -> Option<&'static str> {
    NAME_OF
        .binary_search_by(|(c, _)| c.cmp(&cp))
        .ok()
        .map(|i| NAME_OF[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn names_and_remaps() {
        assert_eq!(by_name("nbsp").unwrap().code_point, 160);
        assert_eq!(by_code_point(150).name, Some("ndash"));
        assert_eq!(by_code_point(60).name, Some("lt"));
        assert!(by_name("nosuch").is_none());
    }
}
