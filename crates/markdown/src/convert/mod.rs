//! Converters from the element tree: kramdown's HTML converter (`html`),
//! its table of contents (`toc`) and footnotes (`footnotes`).

mod escape;
mod footnotes;
mod highlight;
mod html;
mod ids;
mod toc;

pub(crate) use html::Html;

use crate::tree::{El, Kind};

/// kramdown's `Element.category(el) == :block`.
pub(crate) fn is_block_category(el: &El) -> bool {
    match el.kind {
        Kind::Html | Kind::Math | Kind::XmlComment | Kind::XmlPi | Kind::Comment | Kind::Raw => {
            el.block
        }
        Kind::Blank
        | Kind::P
        | Kind::Header
        | Kind::Blockquote
        | Kind::Codeblock
        | Kind::Ul
        | Kind::Ol
        | Kind::Li
        | Kind::Dl
        | Kind::Dt
        | Kind::Dd
        | Kind::Table
        | Kind::Thead
        | Kind::Tbody
        | Kind::Tfoot
        | Kind::Tr
        | Kind::Td
        | Kind::Hr => true,
        _ => false,
    }
}
