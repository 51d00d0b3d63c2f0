//! jekyll-seo-tag 2.8: `{% seo %}`.

use hyde_liquid::Engine;

/// Registers `seo`.
pub fn register(_engine: &mut Engine) {}
