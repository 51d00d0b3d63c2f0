//! What Jekyll's tags and filters need from the site: [`SiteContext`].
//!
//! Jekyll's filters reach the site through `context.registers[:site]`; ours
//! reach it through the render context's host state. The site implements
//! [`SiteContext`] once and installs it on every render context with
//! [`install`]:
//!
//! ```ignore
//! let mut engine = hyde_liquid::Engine::new();
//! hyde_site::liquid_ext::register(&mut engine);
//! let mut ctx = hyde_liquid::Context::new(&engine);
//! hyde_site::liquid_ext::install(&mut ctx, site.clone()); // Arc<dyn SiteContext>
//! ctx.set_register("page", page_value);                 // for include_relative
//! ctx.set_zone(site_zone);                               // dates: the site's `timezone`
//! ```
//!
//! Everything here is read-only while pages render; implementations cache
//! behind interior mutability (a `Mutex` or `OnceLock`) where they want to.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use hyde_liquid::{Context, Engine, Error, Str, Template};

/// One file `{% link %}` can name: a page, a written static file or a
/// written document, in `site.each_site_file` order.
#[derive(Debug, Clone, Copy)]
pub struct SiteFile<'a> {
    /// Jekyll's `relative_path`: `docs/about.md` for pages and documents,
    /// `/docs/style.css` (leading slash) for static files.
    pub relative_path: &'a str,
    /// The item's `url`.
    pub url: &'a str,
}

/// One post, as `{% post_url %}` matches it.
#[derive(Debug, Clone, Copy)]
pub struct PostRef<'a> {
    /// `relative_path` (`_posts/2024-01-02-hello.md`, `blog/_posts/...`).
    pub relative_path: &'a str,
    /// The post's `url`.
    pub url: &'a str,
    /// `data["slug"]`, for Jekyll's deprecated fallback matching.
    pub slug: &'a str,
    /// The post's date (year, month, day), for the same fallback.
    pub date: (i32, u32, u32),
}

/// The site as Jekyll's tags and filters see it.
///
/// Required methods are the site's facts; the provided methods have
/// defaults that suit a site without that feature (and the test stand-in).
pub trait SiteContext: Send + Sync {
    /// `site.config["url"]` as `to_s`; `None` when nil.
    fn url(&self) -> Option<&str>;

    /// `site.config["baseurl"]` as `to_s`; `None` when nil.
    fn baseurl(&self) -> Option<&str>;

    /// `site.source`: the absolute source directory.
    fn source(&self) -> &Path;

    /// `site.includes_load_paths`: the site's `includes_dir`, then the
    /// theme's `_includes` if there is a theme.
    fn includes_load_paths(&self) -> &[PathBuf];

    /// Every page, written static file and written document, in
    /// `site.each_site_file` order (pages, static files, then collections).
    fn site_files(&self) -> Box<dyn Iterator<Item = SiteFile<'_>> + '_>;

    /// `site.posts.docs`, in the site's order.
    fn posts(&self) -> Box<dyn Iterator<Item = PostRef<'_>> + '_>;

    /// `site.config["collections_dir"]` (`""` when unset).
    fn collections_dir(&self) -> &str {
        ""
    }

    /// `site.safe` (GitHub Pages mode): includes must not be symlinks that
    /// leave the includes directory.
    fn safe(&self) -> bool {
        false
    }

    /// `site.highlighter`: `"rouge"` unless the config names another (any
    /// other value makes `{% highlight %}` only escape the code).
    fn highlighter(&self) -> &str {
        "rouge"
    }

    /// Reads and parses the include at `path` (absolute). Jekyll caches
    /// parsed includes for the whole build; override to do the same. The
    /// template is named by its path, as Jekyll's errors name it.
    fn load_include(&self, path: &Path, engine: &Engine) -> Result<Arc<Template>, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::runtime(format!(
                "Could not read the included file '{}': {e}",
                path.display()
            ))
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        Template::parse_shared(text, &path.to_string_lossy(), engine)
    }

    /// `{% include file %}`: the file located in [`includes_load_paths`]
    /// and parsed. Jekyll looks the file up on every render; the result
    /// cannot change during a build, so override this to cache it.
    ///
    /// [`includes_load_paths`]: SiteContext::includes_load_paths
    fn include(&self, file: &str, engine: &Engine) -> Result<(Arc<Path>, Arc<Template>), Error> {
        let path = super::tags::include::locate(self, self.includes_load_paths(), file)?;
        let template = self.load_include(&path, engine)?;
        Ok((path.into(), template))
    }

    /// Called for every include rendered, with the page being rendered (the
    /// `page` register, if any) and the include's path: Jekyll's regenerator
    /// dependency, for `serve`.
    fn add_include_dependency(&self, _include: &Path) {}

    /// Whether `--profile` statistics are being gathered: only then is
    /// [`profile_include`](SiteContext::profile_include) called.
    fn profiling(&self) -> bool {
        false
    }

    /// Records one rendering of the include at `path` for `--profile` (the
    /// bytes it produced and the time it took), as Jekyll's
    /// `LiquidRenderer::File` counts every include in its table.
    fn profile_include(&self, _path: &Path, _bytes: usize, _time: std::time::Duration) {}

    /// The `markdownify` filter: the site's Markdown converter on `input`.
    fn markdownify(&self, input: &str) -> Result<String, Error> {
        Err(Error::runtime(format!(
            "markdownify is not available in this context ({} bytes of input)",
            input.len()
        )))
    }

    /// [`markdownify`](SiteContext::markdownify) as a Liquid string. Index
    /// pages convert the same titles and excerpts again and again; override
    /// this to convert each input once.
    fn markdownify_str(&self, input: &str) -> Result<Str, Error> {
        self.markdownify(input).map(Str::from)
    }

    /// The `smartify` filter: kramdown's SmartyPants converter on `input`.
    fn smartify(&self, input: &str) -> Result<String, Error> {
        Err(Error::runtime(format!(
            "smartify is not available in this context ({} bytes of input)",
            input.len()
        )))
    }

    /// The `scssify` filter: the site's Sass converter (SCSS syntax).
    fn scssify(&self, input: &str) -> Result<String, Error> {
        Err(Error::runtime(format!(
            "scssify is not available in this context ({} bytes of input)",
            input.len()
        )))
    }

    /// The `sassify` filter: the site's Sass converter (indented syntax).
    fn sassify(&self, input: &str) -> Result<String, Error> {
        Err(Error::runtime(format!(
            "sassify is not available in this context ({} bytes of input)",
            input.len()
        )))
    }
}

/// The host-state handle under which the site sits in a render context.
#[derive(Clone)]
pub struct SiteRef(pub Arc<dyn SiteContext>);

/// Makes `site` visible to Jekyll's tags and filters in `ctx` (Jekyll's
/// `registers[:site]`).
pub fn install(ctx: &mut Context, site: Arc<dyn SiteContext>) {
    ctx.set_host(Arc::new(SiteRef(site)));
}

/// The site installed in `ctx`, or the error Jekyll would hit without one.
pub(crate) fn site(ctx: &Context) -> Result<Arc<dyn SiteContext>, Error> {
    ctx.host::<SiteRef>()
        .map(|s| s.0.clone())
        .ok_or_else(no_site)
}

/// [`site`] borrowed from `ctx`, for filters that do not render.
pub(crate) fn site_ref(ctx: &Context) -> Result<&dyn SiteContext, Error> {
    ctx.host::<SiteRef>().map(|s| &*s.0).ok_or_else(no_site)
}

fn no_site() -> Error {
    Error::runtime("no site in this Liquid context (registers[:site] is nil)")
}
