//! Sass pages compiled ahead of their turn.
//!
//! A `.scss` page is rendered with Liquid and then compiled in the pages'
//! pass, late in the build, and its compilation is often the largest single
//! task of a small site. What it compiles depends only on its Liquid output,
//! the `sass:` settings and the files it imports. So as soon as the pages are
//! read, each Sass page gets a thread of its own that guesses the Liquid
//! output from the configuration alone (`site` as the configuration hash,
//! `page` as the front matter: what a stylesheet's Liquid usually reads) and
//! compiles that. At the page's turn its real Liquid output is compared with
//! the guess byte for byte: equal, the compilation is taken, and its warnings
//! and errors come out then, where they always did; different (or not guessed
//! yet), the page compiles as it would have, and the guess is forgotten.

use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;

use hyde_liquid::{Context, Engine, ErrorMode, Map, Template, Value};

use super::{Compiled, SassSetup};
use crate::config::{RawConfig, Settings};
use crate::document::Document;
use crate::incremental::SassMemo;

/// Sass pages guessed no further than this many: each takes a thread.
const MAX_PAGES: usize = 4;

/// The compilations started ahead, one per Sass page (the first few).
#[derive(Default)]
pub(crate) struct SassAhead {
    jobs: Vec<Job>,
}

impl std::fmt::Debug for SassAhead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.jobs.iter().map(|j| &j.path))
            .finish()
    }
}

struct Job {
    path: PathBuf,
    setup: SassSetup,
    /// The guessed Liquid output (`None`: no guess), sent before compiling.
    sent: Mutex<Option<Receiver<Option<String>>>>,
    guess: OnceLock<Option<String>>,
    /// The compilation of the guess (`None` when the serve session's memo
    /// already holds it).
    done: Mutex<Option<JoinHandle<Option<Compiled>>>>,
}

impl SassAhead {
    /// Starts a compilation for each Sass page of `pages`. In a serve
    /// session, `memo` holds the earlier builds' conversions: a guess that
    /// it holds is not compiled again.
    pub(crate) fn start<'a>(
        raw: &RawConfig,
        settings: &Settings,
        environment: &str,
        pages: impl Iterator<Item = &'a Document>,
        memo: Option<&Arc<SassMemo>>,
    ) -> SassAhead {
        let sass_pages: Vec<&Document> = pages
            .filter(|p| matches!(p.extname.as_str(), ".scss" | ".sass"))
            .collect();
        if sass_pages.is_empty() {
            return SassAhead::default();
        }
        let site = Arc::new(Value::hash(raw.map.clone()));
        let mode = match settings.liquid_error_mode.as_str() {
            "strict" => ErrorMode::Strict,
            "lax" => ErrorMode::Lax,
            _ => ErrorMode::Warn,
        };
        // What the memo needs to recognise a compilation it holds.
        let memo = memo.map(|m| {
            let folders = crate::incremental::folders_digest(
                raw,
                environment,
                &settings.source,
                sass_pages.iter().map(|p| p.path.as_path()),
            );
            (Arc::clone(m), folders)
        });
        let mut jobs = Vec::new();
        for page in sass_pages.into_iter().take(MAX_PAGES) {
            let setup = SassSetup::new(raw, settings, environment, page);
            let (guess, sent) = sync_channel(1);
            let work = Work {
                site: Arc::clone(&site),
                page: page.render_with_liquid().then(|| page.data.clone()),
                content: page.content.clone(),
                mode,
                path: page.path.clone(),
                setup: setup.clone(),
                memo: memo.clone(),
                guess,
            };
            let Ok(handle) = std::thread::Builder::new()
                .name("sass-ahead".into())
                .spawn(move || work.run())
            else {
                continue;
            };
            jobs.push(Job {
                path: page.path.clone(),
                setup,
                sent: Mutex::new(Some(sent)),
                guess: OnceLock::new(),
                done: Mutex::new(Some(handle)),
            });
        }
        SassAhead { jobs }
    }

    /// The compilation of `text` for `doc` with `setup`, when one was started
    /// ahead for exactly that: waits for it to finish (and, first, for the
    /// guess: a thread the machine was slow to start has still done half).
    pub(crate) fn take(&self, doc: &Document, text: &str, setup: &SassSetup) -> Option<Compiled> {
        let job = self.jobs.iter().find(|j| j.path == doc.path)?;
        let guess = job.guess.get_or_init(|| {
            let sent = job.sent.lock().ok()?.take()?;
            // An error: the thread ended without guessing.
            sent.recv().ok().flatten()
        });
        let guessed = guess.as_deref()? == text;
        if !guessed || job.setup != *setup {
            return None;
        }
        let handle = job.done.lock().ok()?.take()?;
        handle.join().ok().flatten()
    }
}

/// What one thread guesses and compiles, owned.
struct Work {
    site: Arc<Value>,
    /// The front matter, when the page renders with Liquid at all.
    page: Option<Map>,
    content: String,
    mode: ErrorMode,
    path: PathBuf,
    setup: SassSetup,
    memo: Option<(Arc<SassMemo>, u64)>,
    guess: SyncSender<Option<String>>,
}

impl Work {
    fn run(self) -> Option<Compiled> {
        let text = match self.page {
            Some(page) => render_guess(&self.content, &self.site, page, self.mode),
            None => Some(self.content),
        };
        let _ = self.guess.send(text.clone());
        let text = text?;
        if let Some((memo, folders)) = &self.memo {
            let key = (self.path.clone(), crate::incremental::text_digest(&text));
            let held = memo
                .entries
                .lock()
                .ok()
                .is_some_and(|m| m.get(&key).is_some_and(|e| e.folders == *folders));
            if held {
                return None;
            }
        }
        Some(self.setup.compile(&text))
    }
}

/// The page's Liquid output with only `site` (the configuration) and `page`
/// (its front matter) to read; `None` on any error.
fn render_guess(content: &str, site: &Value, page: Map, mode: ErrorMode) -> Option<String> {
    let mut engine = Engine::new();
    engine.set_error_mode(mode);
    let template = Template::parse(content, &engine).ok()?;
    let mut ctx = Context::new(&engine);
    let mut globals = Map::with_capacity(2);
    globals.insert(Value::str("site"), site.clone());
    globals.insert(Value::str("page"), Value::hash(page));
    ctx.set_globals(globals);
    template.render(&mut ctx).ok()
}

#[cfg(test)]
mod tests {
    use crate::config::BuildOptions;
    use crate::convert::SassSetup;
    use crate::site::Site;
    use crate::writer::MemoryOutput;

    /// A site with `assets/main.scss` holding `scss` (after empty front
    /// matter) and a partial `_sass/_base.scss`.
    fn site_dir(name: &str, scss: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("hyde-sass-ahead-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("assets")).unwrap();
        std::fs::create_dir_all(dir.join("_sass")).unwrap();
        std::fs::write(
            dir.join("_config.yml"),
            "title: Ahead\nsass:\n  style: compressed\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("_sass/_base.scss"),
            "$w: 2px;\n.b { width: $w * 2; }\n",
        )
        .unwrap();
        std::fs::write(dir.join("assets/main.scss"), format!("---\n---\n{scss}")).unwrap();
        std::fs::write(dir.join("index.md"), "---\n---\nhi\n").unwrap();
        dir
    }

    fn options(dir: &std::path::Path) -> BuildOptions {
        BuildOptions {
            source: Some(dir.to_path_buf()),
            destination: Some(dir.join("_site")),
            ..Default::default()
        }
    }

    #[test]
    fn sass_pages_reading_the_configuration_compile_ahead() {
        let dir = site_dir(
            "config",
            "@import \"base\";\n.t::after { content: \"{{ site.title }}\"; }\n",
        );
        let site = Site::load(&options(&dir)).unwrap();
        let page = site.pages.iter().find(|p| p.extname == ".scss").unwrap();
        let setup = SassSetup::new(&site.raw, &site.settings, &site.environment, page);
        let real = "@import \"base\";\n.t::after { content: \"Ahead\"; }\n";
        assert!(site
            .sass_ahead
            .take(page, "@import \"other\";", &setup)
            .is_none());
        let css = site
            .sass_ahead
            .take(page, real, &setup)
            .unwrap()
            .unwrap()
            .css;
        assert_eq!(css, ".b{width:4px}.t::after{content:\"Ahead\"}");
        // Taken once: a second conversion compiles on its own.
        assert!(site.sass_ahead.take(page, real, &setup).is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_sass_page_reading_more_than_the_configuration_gets_its_real_liquid() {
        // The guess sees no pages (0); the page's turn sees two.
        let dir = site_dir("pages", ".n { order: {{ site.pages.size }}; }\n");
        let mut out = MemoryOutput::default();
        crate::build(&options(&dir), &mut out).unwrap();
        let css = String::from_utf8(out.files["assets/main.css"].clone()).unwrap();
        assert!(css.starts_with(".n{order:2}"), "{css}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
