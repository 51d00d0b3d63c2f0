//! Incremental rebuilds, as `hyde serve` runs them ([`hyde_site::Session`]):
//! after each kind of edit the output equals a fresh full build, and an
//! ordinary edit re-renders only part of the site.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use hyde_site::incremental::Rebuild;
use hyde_site::{BuildOptions, MemoryOutput, Session};

/// A temp copy of examples/academic, removed on drop.
struct Site(PathBuf);

impl Site {
    fn academic() -> Site {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("hyde-incr-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/academic");
        copy_tree(&example, &dir);
        let _ = std::fs::remove_dir_all(dir.join("_site"));
        Site(dir)
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }

    fn edit(&self, rel: &str, f: impl FnOnce(String) -> String) {
        let p = self.path(rel);
        let text = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, f(text)).unwrap();
    }

    fn append(&self, rel: &str, more: &str) {
        self.edit(rel, |t| format!("{t}{more}"));
    }

    fn opts(&self) -> BuildOptions {
        BuildOptions {
            source: Some(self.0.clone()),
            quiet: true,
            environment: Some("production".into()),
            ..Default::default()
        }
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The feed's `<updated>` is the build time; nothing else may differ.
fn mask(mut files: BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    if let Some(feed) = files.get_mut("feed.xml") {
        let text = String::from_utf8_lossy(feed).into_owned();
        if let (Some(a), Some(b)) = (text.find("<updated>"), text.find("</updated>")) {
            *feed = format!("{}<updated>TIME{}", &text[..a], &text[b..]).into_bytes();
        }
    }
    files
}

/// A serve session over a site, writing into memory.
struct Serving {
    session: Session,
    out: MemoryOutput,
    opts: BuildOptions,
}

impl Serving {
    fn start(site: &Site) -> Serving {
        let mut s = Serving {
            session: Session::new(site.opts()),
            out: MemoryOutput::default(),
            opts: site.opts(),
        };
        let first = s.rebuild();
        assert!(first.full, "the first build renders everything");
        s
    }

    fn rebuild(&mut self) -> Rebuild {
        self.session
            .build(&mut self.out)
            .unwrap_or_else(|e| panic!("{}", e.report()))
    }

    /// Rebuilds and checks the result against a fresh full build.
    fn rebuild_and_check(&mut self, what: &str) -> Rebuild {
        let r = self.rebuild();
        let mut fresh = MemoryOutput::default();
        hyde_site::build(&self.opts, &mut fresh).unwrap_or_else(|e| panic!("{}", e.report()));
        let (got, want) = (mask(self.out.files.clone()), mask(fresh.files));
        let differ: Vec<&String> = got
            .keys()
            .chain(want.keys())
            .filter(|k| got.get(*k) != want.get(*k))
            .collect();
        assert!(
            differ.is_empty(),
            "{what}: {} files differ from a fresh build: {:?}",
            differ.len(),
            &differ[..differ.len().min(5)]
        );
        r
    }

    fn text(&self, path: &str) -> String {
        String::from_utf8_lossy(&self.out.files[path]).into_owned()
    }
}

const POST: &str = "_posts/2022-01-15-hello.md";

#[test]
fn a_post_body_edit_rerenders_part_of_the_site() {
    let site = Site::academic();
    let mut s = Serving::start(&site);
    site.append(POST, "\nA sentence added while serving.\n");
    let r = s.rebuild_and_check("post body edit");
    assert!(!r.full);
    let total = r.rendered + r.reused;
    assert!(
        r.rendered * 4 < total,
        "a body edit re-rendered {} of {total}",
        r.rendered
    );
    assert!(s
        .text("meta/hello/index.html")
        .contains("A sentence added while serving."));
}

#[test]
fn an_unchanged_site_rerenders_nothing() {
    let site = Site::academic();
    let mut s = Serving::start(&site);
    let r = s.rebuild_and_check("no change");
    // Sass pages always convert (through the memo): nothing else renders.
    assert!(r.rendered <= 2, "rendered {}", r.rendered);
}

#[test]
fn an_index_looping_over_posts_shows_a_new_title() {
    let site = Site::academic();
    let mut s = Serving::start(&site);
    site.edit(POST, |t| {
        t.replacen("title: \"Hello, world\"", "title: \"Hello again\"", 1)
    });
    s.rebuild_and_check("post retitled");
    assert!(s.text("year-archive/index.html").contains("Hello again"));
}

#[test]
fn an_include_edit_reaches_every_page_using_it() {
    let site = Site::academic();
    let mut s = Serving::start(&site);
    site.append("_includes/footer.html", "\n<p>footer edited</p>\n");
    s.rebuild_and_check("include edit");
    assert!(s.text("index.html").contains("footer edited"));
}

#[test]
fn a_data_file_edit_reaches_the_navigation() {
    let site = Site::academic();
    let mut s = Serving::start(&site);
    site.append(
        "_data/navigation.yml",
        "  - title: \"Nav Added\"\n    url: /nav-added/\n",
    );
    s.rebuild_and_check("data edit");
    assert!(s.text("index.html").contains("Nav Added"));
}

#[test]
fn a_layout_edit_reaches_its_pages() {
    let site = Site::academic();
    let mut s = Serving::start(&site);
    site.append("_layouts/single.html", "\n<p>single edited</p>\n");
    s.rebuild_and_check("layout edit");
    assert!(s.text("meta/hello/index.html").contains("single edited"));
}

#[test]
fn a_renamed_post_leaves_no_stale_output() {
    let site = Site::academic();
    let mut s = Serving::start(&site);
    std::fs::rename(
        site.path(POST),
        site.path("_posts/2021-03-04-renamed-hello.md"),
    )
    .unwrap();
    s.rebuild_and_check("rename");
    assert!(!s.out.files.contains_key("meta/hello/index.html"));
}

#[test]
fn a_deleted_post_leaves_the_archives() {
    let site = Site::academic();
    let mut s = Serving::start(&site);
    std::fs::remove_file(site.path(POST)).unwrap();
    s.rebuild_and_check("delete");
    assert!(!s.text("year-archive/index.html").contains("Hello, world"));
}

#[test]
fn a_new_post_with_a_new_tag_reaches_the_tag_archive() {
    let site = Site::academic();
    let mut s = Serving::start(&site);
    std::fs::write(
        site.path("_posts/2024-02-02-fresh.md"),
        "---\ntitle: \"Fresh post\"\ntags: [brand-new-tag]\ncategories: [fresh-category]\n---\nFresh body.\n",
    )
    .unwrap();
    s.rebuild_and_check("new post");
    assert!(s.text("tags/index.html").contains("brand-new-tag"));
    assert!(s.text("categories/index.html").contains("fresh-category"));
}

#[test]
fn a_config_edit_starts_over() {
    let site = Site::academic();
    let mut s = Serving::start(&site);
    site.edit("_config.yml", |t| {
        t.replacen("title: \"Jordan Rivera\"", "title: \"Renamed\"", 1)
    });
    let r = s.rebuild_and_check("config edit");
    assert!(r.full);
}

#[test]
fn an_unchanged_stylesheet_is_not_compiled_again() {
    let site = Site::academic();
    let mut s = Serving::start(&site);
    let first = s.session.sass_compilations();
    assert!(first > 0);
    site.append(POST, "\nMore text.\n");
    s.rebuild_and_check("post edit");
    assert_eq!(s.session.sass_compilations(), first);
    let partial = std::fs::read_dir(site.path("_sass"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "scss"))
        .unwrap();
    let mut text = std::fs::read_to_string(&partial).unwrap();
    text.push_str("\n.incr-test { color: red; }\n");
    std::fs::write(&partial, text).unwrap();
    s.rebuild_and_check("partial edit");
    assert!(s.session.sass_compilations() > first);
}

#[test]
fn a_page_showing_an_earlier_pages_content_follows_what_that_page_reads() {
    let site = Site::academic();
    // Jekyll renders `_pages/aa-early.md` before `_pages/zz-late.html`, so the
    // late page sees the early one converted, data and all.
    std::fs::write(
        site.path("_pages/aa-early.md"),
        "---\npermalink: /aa-early/\n---\nNav: {% for n in site.data.navigation.footer %}*{{ n.title }}* {% endfor %}\n",
    )
    .unwrap();
    std::fs::write(
        site.path("_pages/zz-late.html"),
        "---\npermalink: /zz-late/\n---\n{% for p in site.pages %}{% if p.url == '/aa-early/' %}[{{ p.content }}]{% endif %}{% endfor %}\n",
    )
    .unwrap();
    let mut s = Serving::start(&site);
    assert!(s.text("zz-late/index.html").contains("<em>Feed</em>"));
    site.append(
        "_data/navigation.yml",
        "  - title: \"Nav Added\"\n    url: /nav-added/\n",
    );
    s.rebuild_and_check("data edit read through an earlier page");
    assert!(s.text("zz-late/index.html").contains("<em>Nav Added</em>"));
    site.append("_pages/aa-early.md", "\nEarly page edited.\n");
    s.rebuild_and_check("earlier page edited");
    assert!(s.text("zz-late/index.html").contains("Early page edited."));
}
