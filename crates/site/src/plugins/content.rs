//! GitHub Pages' content plugins.

use crate::error::{Result, Warning};
use crate::site::Site;

/// jekyll-optional-front-matter.
pub fn optional_front_matter(_site: &mut Site, _warnings: &mut Vec<Warning>) -> Result<()> {
    Ok(())
}

/// jekyll-readme-index.
pub fn readme_index(_site: &mut Site) -> Result<()> {
    Ok(())
}

/// jekyll-titles-from-headings.
pub fn titles_from_headings(_site: &mut Site) {}

/// jekyll-default-layout.
pub fn default_layout(_site: &mut Site) {}

/// jekyll-relative-links.
pub fn relative_links(_site: &mut Site) {}

/// jekyll-mentions.
pub fn mentionify(_site: &Site, html: &str) -> String {
    html.to_string()
}
