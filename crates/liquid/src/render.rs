//! Per-render state kept by the standard tags: `cycle` positions, `for`
//! offsets (`offset: continue`), `ifchanged` memory and the loop stack.

use std::collections::HashMap;

use crate::value::Value;

/// Mutable state of one render, owned by the [`crate::Context`].
#[derive(Default)]
pub(crate) struct State {
    pub(crate) cycles: HashMap<String, usize>,
    pub(crate) for_offsets: HashMap<String, i64>,
    pub(crate) ifchanged: Option<String>,
    pub(crate) loops: Vec<Value>,
    /// Inside `render`, `include` is not allowed.
    pub(crate) include_disabled: usize,
}
