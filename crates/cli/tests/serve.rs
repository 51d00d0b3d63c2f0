//! `hyde serve` end to end: a real server on 127.0.0.1 (a free port), a temp
//! copy of examples/academic, edits on disk, and checks over HTTP and against
//! a fresh full build. Every child process is killed when its guard drops.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hyde_site::{BuildOptions, MemoryOutput};

mod common;
use common::copy_tree;

const WAIT: Duration = Duration::from_secs(20);

/// A temp folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("hyde-serve-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A temp copy of examples/academic (without any built `_site`).
fn academic() -> TempDir {
    let dir = TempDir::new("site");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/academic");
    copy_tree(&example, &dir.0);
    let _ = std::fs::remove_dir_all(dir.0.join("_site"));
    dir
}

/// A running `hyde serve`, killed on drop.
struct Server {
    child: Child,
    addr: String,
    log: Arc<Mutex<String>>,
    /// Standard output (empty with `-q`).
    out: Arc<Mutex<String>>,
}

impl Server {
    fn start(source: &Path, extra: &[&str], production: bool) -> Server {
        Server::start_with(source, extra, production, true)
    }

    /// A server that logs each rebuild on standard output.
    fn start_logged(source: &Path, production: bool) -> Server {
        Server::start_with(source, &[], production, false)
    }

    fn start_with(source: &Path, extra: &[&str], production: bool, quiet: bool) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_hyde"));
        cmd.arg("serve")
            .arg("-s")
            .arg(source)
            .args(["-H", "127.0.0.1", "-P", "0"])
            .args(quiet.then_some("-q"))
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if production {
            cmd.env("JEKYLL_ENV", "production");
        } else {
            cmd.env_remove("JEKYLL_ENV");
        }
        let mut child = cmd.spawn().expect("hyde serve starts");
        let log = Arc::new(Mutex::new(String::new()));
        // Drain stderr so that a long run of errors never blocks the server.
        let stderr = child.stderr.take().unwrap();
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let out = Arc::new(Mutex::new(String::new()));
        let mut server = Server {
            child,
            addr: String::new(),
            log,
            out: Arc::clone(&out),
        };
        let stdout = server.child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                {
                    let mut out = out.lock().unwrap();
                    out.push_str(&line);
                    out.push('\n');
                }
                if let Some(rest) = line.trim().strip_prefix("Server address: http://") {
                    let addr = rest.split('/').next().unwrap_or("").to_string();
                    let _ = tx.send(addr);
                }
            }
        });
        server.addr = rx
            .recv_timeout(WAIT)
            .unwrap_or_else(|_| panic!("no server address; stderr:\n{}", server.stderr()));
        server
    }

    fn stderr(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// (rendered, total) of every rebuild logged so far ("... (R of T renders").
    fn rebuilds(&self) -> Vec<(usize, usize)> {
        self.out
            .lock()
            .unwrap()
            .lines()
            .filter_map(|l| {
                let (_, rest) = l.split_once("seconds (")?;
                let (r, rest) = rest.split_once(" of ")?;
                let (t, _) = rest.split_once(" renders")?;
                Some((r.parse().ok()?, t.parse().ok()?))
            })
            .collect()
    }

    fn get(&self, path: &str) -> Reply {
        request(&self.addr, "GET", path)
    }

    fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Reply {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A raw HTTP/1.1 request, so that paths reach the server exactly as written.
fn request(addr: &str, method: &str, path: &str) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream.set_read_timeout(Some(WAIT)).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Reply {
        status,
        head,
        body: raw[split + 4..].to_vec(),
    }
}

/// The live-reload event stream, read on a thread.
struct Events(std::sync::mpsc::Receiver<String>);

impl Events {
    fn subscribe(addr: &str) -> Events {
        let mut stream = TcpStream::connect(addr).unwrap();
        write!(
            stream,
            "GET /__hyde/livereload HTTP/1.1\r\nHost: {addr}\r\n\r\n"
        )
        .unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if let Some(data) = line.strip_prefix("data: ") {
                    if tx.send(data.to_string()).is_err() {
                        return;
                    }
                }
            }
        });
        // Give the server a moment to register the subscriber.
        std::thread::sleep(Duration::from_millis(200));
        Events(rx)
    }

    fn next(&self) -> String {
        self.0.recv_timeout(WAIT).expect("a live-reload event")
    }
}

fn poll(what: &str, mut check: impl FnMut() -> bool) {
    let start = Instant::now();
    while start.elapsed() < WAIT {
        if check() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting for {what}");
}

fn append(path: &Path, text: &str) {
    let mut f = std::fs::OpenOptions::new().append(true).open(path).unwrap();
    f.write_all(text.as_bytes()).unwrap();
}

/// The destination as a map from relative path to bytes, build time masked.
fn read_tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if let Ok(bytes) = std::fs::read(&path) {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, bytes);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    mask(out)
}

/// The feed's `<updated>` is the build time; nothing else may differ.
fn mask(mut tree: BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    if let Some(feed) = tree.get_mut("feed.xml") {
        let text = String::from_utf8_lossy(feed).into_owned();
        if let (Some(a), Some(b)) = (text.find("<updated>"), text.find("</updated>")) {
            if a < b {
                *feed = format!("{}<updated>TIME{}", &text[..a], &text[b..]).into_bytes();
            }
        }
    }
    tree
}

/// A fresh full build of `source` in memory, as `JEKYLL_ENV=production hyde build` makes it.
fn fresh_build(source: &Path) -> Result<BTreeMap<String, Vec<u8>>, String> {
    let opts = BuildOptions {
        source: Some(source.to_path_buf()),
        quiet: true,
        environment: Some("production".into()),
        ..Default::default()
    };
    let mut out = MemoryOutput::default();
    hyde_site::build(&opts, &mut out).map_err(|e| e.report())?;
    Ok(mask(out.files))
}

fn differences(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| {
            format!(
                "{k} ({})",
                match (a.contains_key(k), b.contains_key(k)) {
                    (true, false) => "only served",
                    (false, true) => "only in fresh build",
                    _ => "differs",
                }
            )
        })
        .collect()
}

/// Waits until the served destination equals a fresh build of the source.
fn wait_until_fresh(source: &Path, server: &mut Server, context: &str) {
    let expected =
        fresh_build(source).unwrap_or_else(|e| panic!("{context}: fresh build failed: {e}"));
    let dest = source.join("_site");
    let start = Instant::now();
    loop {
        let diffs = differences(&read_tree(&dest), &expected);
        if diffs.is_empty() {
            return;
        }
        assert!(
            server.alive(),
            "{context}: the server died:\n{}",
            server.stderr()
        );
        if start.elapsed() > WAIT {
            panic!(
                "{context}: {} files differ from a fresh build, first: {:?}\nstderr:\n{}",
                diffs.len(),
                &diffs[..diffs.len().min(5)],
                server.stderr()
            );
        }
        std::thread::sleep(Duration::from_millis(15));
    }
}

#[test]
fn serves_the_site_and_reloads_after_edits() {
    let site = academic();
    let server = Server::start(&site.0, &["-l"], false);
    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    let page = home.text();
    assert!(page.contains("/__hyde/livereload.js"), "script injected");
    let on_disk = std::fs::read_to_string(site.0.join("_site/index.html")).unwrap();
    assert!(!on_disk.contains("__hyde"), "the file on disk stays clean");
    // Development mode: site.url is the server, as `jekyll serve` sets it.
    assert!(
        on_disk.contains(&format!("http://{}", server.addr)),
        "site.url is the server"
    );

    let events = Events::subscribe(&server.addr);
    let post = site.0.join("_posts/2022-01-15-hello.md");
    append(&post, "\nA sentence added while serving.\n");
    assert_eq!(events.next(), "reload");
    poll("the edited post over HTTP", || {
        server
            .get("/meta/hello/")
            .text()
            .contains("A sentence added while serving.")
    });

    // A stylesheet-only change swaps stylesheets.
    let scss = std::fs::read_dir(site.0.join("_sass"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "scss"))
        .expect("a partial in _sass");
    append(&scss, "\n.hyde-serve-test { color: red; }\n");
    assert_eq!(events.next(), "css");
    poll("the new rule in the stylesheet", || {
        find_in_tree(&site.0.join("_site/assets"), "hyde-serve-test")
    });
}

fn find_in_tree(root: &Path, needle: &str) -> bool {
    read_tree(root)
        .values()
        .any(|b| String::from_utf8_lossy(b).contains(needle))
}

#[test]
fn only_files_inside_the_destination_are_served() {
    let site = academic();
    let outside = TempDir::new("outside");
    std::fs::write(outside.0.join("secret.txt"), "secret").unwrap();
    let server = Server::start(&site.0, &[], true);
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.0.join("secret.txt"), site.0.join("_site/leak.txt"))
        .unwrap();
    for path in [
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/assets/..%2f..%2f..%2fetc/passwd",
        "/..\\..\\..\\etc\\passwd",
        "/%5c..%5c..%5cetc%5cpasswd",
        "/index.html%00.txt",
        "/%00",
        "//etc/passwd",
        "/leak.txt",
    ] {
        let reply = server.get(path);
        assert!(
            matches!(reply.status, 403 | 404 | 400),
            "{path}: status {}",
            reply.status
        );
        let text = reply.text();
        assert!(
            !text.contains("root:") && !text.contains("secret"),
            "{path} leaked"
        );
    }
    // The site's own 404 page, with status 404.
    let missing = server.get("/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("Page not found"));
    // Content types.
    for (path, mime) in [
        ("/", "text/html; charset=utf-8"),
        ("/assets/css/main.css", "text/css; charset=utf-8"),
        ("/feed.xml", "application/xml"),
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "{path}");
        let ct = reply.header("Content-Type").unwrap_or_default();
        assert!(ct.starts_with(mime), "{path}: {ct}");
    }
    // HEAD has the headers and no body.
    let head = request(&server.addr, "HEAD", "/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
}

#[test]
fn the_site_is_served_under_its_baseurl() {
    let site = academic();
    let server = Server::start(&site.0, &["-b", "/lab/site"], true);
    let home = server.get("/lab/site/");
    assert_eq!(home.status, 200);
    assert!(home.text().contains("/lab/site/"));
    assert_eq!(server.get("/lab/site/feed.xml").status, 200);
    assert_eq!(server.get("/feed.xml").status, 404);
}

#[test]
fn a_config_change_reloads_the_configuration() {
    let site = academic();
    let mut server = Server::start(&site.0, &[], true);
    let config = site.0.join("_config.yml");
    let text = std::fs::read_to_string(&config).unwrap();
    let title = text
        .lines()
        .find(|l| l.starts_with("title:"))
        .expect("a title line")
        .to_string();
    std::fs::write(
        &config,
        text.replace(&title, "title: \"Renamed While Serving\""),
    )
    .unwrap();
    poll("the new title", || {
        server.get("/").text().contains("Renamed While Serving")
    });
    wait_until_fresh(&site.0, &mut server, "after the config change");
}

#[test]
fn build_errors_show_in_the_browser_and_never_stop_the_server() {
    let site = academic();
    let mut server = Server::start(&site.0, &[], true);
    let post = site.0.join("_posts/2022-01-15-hello.md");
    let good = std::fs::read_to_string(&post).unwrap();
    let bad_yaml = good.replacen("title: \"Hello, world\"", "title: [unclosed", 1);
    let bad_liquid = format!("{good}\n{{% if true %}} never closed\n");
    // One bad save: the overlay names the file, and the last good page stays below it.
    std::fs::write(&post, &bad_liquid).unwrap();
    poll("the error overlay", || {
        let text = server.get("/").text();
        text.contains("hyde-error") && text.contains("2022-01-15-hello.md")
    });
    std::fs::write(&post, &good).unwrap();
    poll("the overlay to clear", || {
        !server.get("/").text().contains("hyde-error")
    });

    // 100 edits in a row, bad and good, without waiting for the rebuilds.
    for i in 0..100 {
        let text = match i % 4 {
            0 => bad_yaml.clone(),
            1 => format!("{good}\nGood edit {i}.\n"),
            2 => bad_liquid.clone(),
            _ => format!("{good}\nAnother good edit {i}.\n"),
        };
        std::fs::write(&post, text).unwrap();
        std::thread::sleep(Duration::from_millis(10 + (i % 3) * 15));
        if i % 10 == 9 {
            assert!(
                server.alive(),
                "edit {i}: the server died:\n{}",
                server.stderr()
            );
            assert!(matches!(server.get("/").status, 200), "edit {i}: home page");
        }
    }
    std::fs::write(&post, format!("{good}\nThe last edit.\n")).unwrap();
    wait_until_fresh(&site.0, &mut server, "after 100 bad and good edits");
    poll("the overlay to clear", || {
        !server.get("/").text().contains("hyde-error")
    });
}

/// xorshift64*: a small seeded generator, so every run makes the same edits.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// One random edit: posts, pages, data and includes are edited, created,
/// deleted and renamed.
fn random_edit(site: &Path, rng: &mut Rng, n: usize) -> String {
    let posts = files_in(&site.join("_posts"));
    match rng.below(9) {
        0 => {
            let p = &posts[rng.below(posts.len())];
            append(p, &format!("\nEdit {n} of a post.\n"));
            format!("edit {}", p.display())
        }
        1 => {
            let name = format!(
                "_posts/20{:02}-{:02}-{:02}-random-{n}.md",
                20 + rng.below(5),
                1 + rng.below(12),
                1 + rng.below(28)
            );
            std::fs::write(
                site.join(&name),
                format!(
                    "---\ntitle: \"Random {n}\"\ntags: [t{}]\n---\nBody of post {n}.\n",
                    rng.below(4)
                ),
            )
            .unwrap();
            format!("create {name}")
        }
        2 if posts.len() > 2 => {
            let p = &posts[rng.below(posts.len())];
            std::fs::remove_file(p).unwrap();
            format!("delete {}", p.display())
        }
        3 if !posts.is_empty() => {
            let p = &posts[rng.below(posts.len())];
            let to = site.join(format!(
                "_posts/2021-0{}-1{}-renamed-{n}.md",
                1 + rng.below(9),
                rng.below(9)
            ));
            std::fs::rename(p, &to).unwrap();
            format!("rename {} -> {}", p.display(), to.display())
        }
        4 => {
            let name = format!("_pages/extra-{}.md", rng.below(6));
            let path = site.join(&name);
            if path.exists() && rng.below(2) == 0 {
                std::fs::remove_file(&path).unwrap();
                format!("delete {name}")
            } else {
                std::fs::write(
                    &path,
                    format!("---\ntitle: \"Extra {n}\"\npermalink: /{}/\n---\nPage {n}: {{{{ site.posts.size }}}} posts.\n", name.trim_start_matches("_pages/").trim_end_matches(".md")),
                )
                .unwrap();
                format!("write {name}")
            }
        }
        5 => {
            append(
                &site.join("_pages/about.md"),
                &format!("\nAbout edit {n}.\n"),
            );
            "edit _pages/about.md".into()
        }
        6 => {
            append(
                &site.join("_data/navigation.yml"),
                &format!("  - title: \"Nav {n}\"\n    url: /nav-{n}/\n"),
            );
            "edit _data/navigation.yml".into()
        }
        7 => {
            let include = ["_includes/footer.html", "_includes/sidebar.html"][rng.below(2)];
            append(
                &site.join(include),
                &format!("\n<!-- include edit {n} -->\n"),
            );
            format!("edit {include}")
        }
        _ => {
            let p = &posts[rng.below(posts.len())];
            let text = std::fs::read_to_string(p).unwrap();
            std::fs::write(
                p,
                text.replacen("title:", &format!("title: \"Retitled {n}\"\nold_title:"), 1),
            )
            .unwrap();
            format!("retitle {}", p.display())
        }
    }
}

/// The invariant: after any sequence of edits, the destination equals a fresh
/// full build. 200 sequences of 1 to 3 edits (HYDE_SERVE_SEQUENCES overrides;
/// 20 in debug builds, where each fresh build is slow).
#[test]
fn random_edit_sequences_match_a_fresh_build() {
    let sequences = std::env::var("HYDE_SERVE_SEQUENCES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 20 } else { 200 });
    let site = academic();
    let mut server = Server::start_logged(&site.0, true);
    let mut rng = Rng(0x5eed_2026_0007_0001);
    let mut n = 0;
    for seq in 0..sequences {
        let mut done = Vec::new();
        for _ in 0..1 + rng.below(3) {
            n += 1;
            done.push(random_edit(&site.0, &mut rng, n));
        }
        wait_until_fresh(&site.0, &mut server, &format!("sequence {seq} {done:?}"));
    }
    // Ordinary edits (a post's text, a page) took the incremental path:
    // many rebuilds rendered less than half of the site, and still matched.
    let rebuilds = server.rebuilds();
    let partial = rebuilds.iter().filter(|(r, t)| r * 2 < *t).count();
    assert!(
        partial * 10 >= sequences,
        "only {partial} of {} rebuilds were partial",
        rebuilds.len()
    );
}
