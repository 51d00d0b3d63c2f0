//! Ruby's conversions and string helpers as the standard filters use them,
//! for hosts that write their own filters (Jekyll's `cgi_escape` is
//! `CGI.escape`, its `xml_escape` needs `CGI.escapeHTML`, and so on).

use crate::error::Error;
use crate::value::Value;

pub use crate::filters::number::to_number_value;
pub use crate::filters::string::{
    awk_split, capitalize, downcase, escape_html, upcase, url_encode,
};

/// Ruby's `to_s`: nil is empty, arrays and hashes print as `inspect`.
pub fn to_s(v: &Value) -> String {
    crate::filters::to_s(v).into_owned()
}

/// Liquid's `Utils.to_integer`: integers as they are, otherwise
/// `Integer(value.to_s)` (so `"0x1A"` is 26) or an "invalid integer" error.
pub fn to_integer(v: &Value) -> Result<i64, Error> {
    crate::expr::to_integer(v)
}

/// Ruby's `String#to_i`: leading digits, zero when there are none.
pub fn str_to_i(s: &str) -> i64 {
    crate::lex::ruby_to_i(s)
}

/// The items a filter iterates over (Liquid's `InputIterator`): arrays
/// flattened, a hash as one item, nil as none, other values wrapped.
pub fn input_items(v: &Value) -> Vec<Value> {
    crate::filters::array::input_items(v)
}
