//! placeholder
use crate::options::Style;
use crate::tree::Sheet;
pub(crate) fn write(sheet: &Sheet, _style: Style) -> String {
    sheet.raw.trim_end().to_string()
}
pub(crate) fn write_with_spans(sheet: &Sheet, style: Style) -> (String, Vec<()>) {
    (write(sheet, style), Vec::new())
}
