//! The site as Jekyll's tags and filters see it: the [`SiteContext`]
//! implementation (URLs, include lookup and cache, `link`/`post_url` targets,
//! converters for `markdownify`/`scssify`) and the site's time zone for dates.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use chrono::{NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;
use hyde_liquid::{Engine, Error, Str, Template, Zone};

use crate::liquid_ext::{PostRef, SiteContext, SiteFile};
use crate::renderer::Build;
use crate::value::StrMap;

/// The site's `timezone` as Liquid's local zone.
pub struct TzZone(pub Tz);

impl Zone for TzZone {
    fn offset_at_utc(&self, utc: &NaiveDateTime) -> chrono::FixedOffset {
        self.0.offset_from_utc_datetime(utc).fix()
    }
    fn offset_at_local(&self, local: &NaiveDateTime) -> chrono::FixedOffset {
        match self.0.offset_from_local_datetime(local) {
            chrono::LocalResult::Single(o) | chrono::LocalResult::Ambiguous(o, _) => o.fix(),
            chrono::LocalResult::None => self.0.offset_from_utc_datetime(local).fix(),
        }
    }
    fn abbreviation(&self, utc: &NaiveDateTime) -> String {
        self.0.from_utc_datetime(utc).format("%Z").to_string()
    }
}

/// Parsed includes, shared by every render of the build.
#[derive(Default)]
pub struct IncludeCache {
    map: Mutex<HashMap<PathBuf, Arc<Template>>>,
    /// `{% include name %}` names already located in the load paths (read
    /// for every include rendered: hashed with the short-key hasher).
    by_name: RwLock<StrMap<Located>>,
}

type Located = (Arc<Path>, Arc<Template>);

impl IncludeCache {
    /// The include `file` from the load paths, located and parsed on first use.
    fn include(&self, site: &Build, file: &str, engine: &Engine) -> Result<Located, Error> {
        if let Some(hit) = self.by_name.read().ok().and_then(|m| m.get(file).cloned()) {
            return Ok(hit);
        }
        let path = crate::liquid_ext::tags::include::locate(site, &site.includes_load_paths, file)?;
        let found: Located = (path.as_path().into(), self.get_or_parse(&path, engine)?);
        if let Ok(mut m) = self.by_name.write() {
            m.insert(file.into(), found.clone());
        }
        Ok(found)
    }

    fn get_or_parse(&self, path: &Path, engine: &Engine) -> Result<Arc<Template>, Error> {
        if let Some(t) = self.map.lock().ok().and_then(|m| m.get(path).cloned()) {
            return Ok(t);
        }
        let bytes = std::fs::read(path).map_err(|e| {
            Error::runtime(format!(
                "Could not read the included file '{}': {e}",
                path.display()
            ))
        })?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Error::runtime(format!(
                "Included file '{}' is not valid UTF-8",
                path.display()
            ))
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let t = Template::parse_shared(text, &path.to_string_lossy(), engine)?;
        if let Ok(mut m) = self.map.lock() {
            m.insert(path.to_path_buf(), t.clone());
        }
        Ok(t)
    }
}

impl SiteContext for Build {
    fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    fn baseurl(&self) -> Option<&str> {
        self.baseurl.as_deref()
    }

    fn source(&self) -> &Path {
        &self.site.settings.source
    }

    fn includes_load_paths(&self) -> &[PathBuf] {
        &self.includes_load_paths
    }

    fn site_files(&self) -> Box<dyn Iterator<Item = SiteFile<'_>> + '_> {
        let s = &self.site;
        let pages = s.pages.iter().map(|p| SiteFile {
            relative_path: &p.relative_path,
            url: &p.url,
        });
        let statics = s
            .static_files
            .iter()
            .chain(s.collections.iter().flat_map(|c| c.files.iter()))
            .filter(|f| f.write)
            .map(|f| SiteFile {
                relative_path: &f.relative_path,
                url: &f.url,
            });
        let docs = s
            .collections
            .iter()
            .flat_map(|c| c.docs.iter())
            .filter(|d| d.write)
            .map(|d| SiteFile {
                relative_path: &d.relative_path,
                url: &d.url,
            });
        Box::new(pages.chain(statics).chain(docs))
    }

    fn posts(&self) -> Box<dyn Iterator<Item = PostRef<'_>> + '_> {
        use chrono::Datelike;
        Box::new(self.site.posts().iter().map(|p| {
            let date = p
                .date
                .map(|d| (d.year(), d.month(), d.day()))
                .unwrap_or((0, 0, 0));
            let slug = p
                .get("slug")
                .and_then(|v| v.as_str())
                .unwrap_or(&p.basename);
            PostRef {
                relative_path: &p.relative_path,
                url: &p.url,
                slug,
                date,
            }
        }))
    }

    fn collections_dir(&self) -> &str {
        &self.site.settings.collections_dir
    }

    fn safe(&self) -> bool {
        self.site.settings.safe
    }

    fn highlighter(&self) -> &str {
        self.site
            .raw
            .get("highlighter")
            .and_then(|v| v.as_str())
            .unwrap_or("rouge")
    }

    fn include(&self, file: &str, engine: &Engine) -> Result<(Arc<Path>, Arc<Template>), Error> {
        self.includes.include(self, file, engine)
    }

    fn load_include(&self, path: &Path, engine: &Engine) -> Result<Arc<Template>, Error> {
        self.includes.get_or_parse(path, engine)
    }

    fn profiling(&self) -> bool {
        Build::profiling(self)
    }

    fn profile_include(&self, path: &Path, bytes: usize, time: std::time::Duration) {
        let theme = self.site.settings.theme.as_ref().map(|t| t.root.as_path());
        let name = crate::renderer::profile_name(&self.site.settings.source, theme, path);
        self.profile(&name, bytes, time);
    }

    fn markdownify(&self, input: &str) -> Result<String, Error> {
        self.markdown
            .convert(input, "markdownify")
            .map_err(|e| Error::runtime(e.message))
    }

    fn markdownify_str(&self, input: &str) -> Result<Str, Error> {
        self.markdown
            .convert_cached(input)
            .map_err(|e| Error::runtime(e.message))
    }

    fn smartify(&self, input: &str) -> Result<String, Error> {
        Ok(self.markdown.smartify(input))
    }

    fn scssify(&self, input: &str) -> Result<String, Error> {
        crate::convert::sass_string(&self.site, input, hyde_sass::Syntax::Scss)
            .map_err(|e| Error::runtime(e.message))
    }

    fn sassify(&self, input: &str) -> Result<String, Error> {
        crate::convert::sass_string(&self.site, input, hyde_sass::Syntax::Sass)
            .map_err(|e| Error::runtime(e.message))
    }
}
