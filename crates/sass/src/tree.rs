//! placeholder
#[derive(Debug, Default)]
pub(crate) struct Sheet {
    pub(crate) raw: String,
}
pub(crate) fn parse(css: &str) -> Sheet {
    Sheet {
        raw: css.to_string(),
    }
}
