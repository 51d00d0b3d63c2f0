//! The development server, tested over real sockets on 127.0.0.1.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::Duration;

use hyde_serve::{start, Reload, ServeOptions, ServerHandle};

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends the request line exactly as given: no client-side normalisation.
fn raw_request(addr: SocketAddr, method: &str, target: &str, extra: &str) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{extra}\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_string(),
    }
}

fn get(addr: SocketAddr, target: &str) -> Reply {
    raw_request(addr, "GET", target, "")
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn site(baseurl: &str, livereload: bool) -> (tempfile::TempDir, tempfile::TempDir, ServerHandle) {
    let dest = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let root = dest.path();
    write(root, "index.html", "<html><body><p>home</p></body></html>");
    write(root, "about.html", "<html><body>about</body></html>");
    write(root, "blog/index.html", "<html><body>blog</body></html>");
    write(root, "assets/main.css", "body{color:red}");
    write(root, "feed.xml", "<feed/>");
    write(root, "files/cv.pdf", "%PDF-1.4");
    write(root, "caf\u{e9}.html", "<p>unicode</p>");
    write(
        root,
        "404.html",
        "<html><body>custom not found</body></html>",
    );
    write(outside.path(), "secret.txt", "top secret");
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), root.join("leak.txt")).unwrap();
    let handle = start(ServeOptions {
        root: root.to_path_buf(),
        host: "127.0.0.1".into(),
        port: 0,
        baseurl: baseurl.into(),
        livereload,
        threads: 4,
    })
    .unwrap();
    (dest, outside, handle)
}

#[test]
fn folder_serves_index_and_extensionless_serves_html() {
    let (_d, _o, server) = site("", false);
    let addr = server.addr();
    assert_eq!(get(addr, "/").body, "<html><body><p>home</p></body></html>");
    assert_eq!(get(addr, "/blog/").body, "<html><body>blog</body></html>");
    assert_eq!(get(addr, "/about").body, "<html><body>about</body></html>");
    assert_eq!(get(addr, "/about.html").status, 200);
    assert_eq!(get(addr, "/caf%C3%A9").body, "<p>unicode</p>");
    assert_eq!(get(addr, "/?q=1").status, 200);
    let redirect = get(addr, "/blog");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.header("Location"), Some("/blog/"));
    server.shutdown();
}

#[test]
fn missing_pages_get_the_sites_404_page_with_status_404() {
    let (_d, _o, server) = site("", false);
    let reply = get(server.addr(), "/nope/");
    assert_eq!(reply.status, 404);
    assert!(reply.body.contains("custom not found"));
    server.shutdown();
}

#[test]
fn content_types() {
    let (_d, _o, server) = site("", false);
    let addr = server.addr();
    assert_eq!(
        get(addr, "/").header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(
        get(addr, "/assets/main.css").header("Content-Type"),
        Some("text/css; charset=utf-8")
    );
    assert_eq!(
        get(addr, "/feed.xml").header("Content-Type"),
        Some("application/xml; charset=utf-8")
    );
    assert_eq!(
        get(addr, "/files/cv.pdf").header("Content-Type"),
        Some("application/pdf")
    );
    server.shutdown();
}

#[test]
fn site_is_mounted_under_its_baseurl() {
    let (_d, _o, server) = site("/proj/", false);
    let addr = server.addr();
    assert_eq!(
        get(addr, "/proj/").body,
        "<html><body><p>home</p></body></html>"
    );
    assert_eq!(get(addr, "/proj/about").status, 200);
    assert_eq!(get(addr, "/about").status, 404);
    assert_eq!(get(addr, "/project/").status, 404);
    server.shutdown();
}

#[test]
fn head_and_conditional_get() {
    let (_d, _o, server) = site("", false);
    let addr = server.addr();
    let head = raw_request(addr, "HEAD", "/about", "");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    let etag = head.header("ETag").unwrap().to_string();
    let modified = head.header("Last-Modified").unwrap().to_string();
    assert_eq!(
        raw_request(addr, "GET", "/about", &format!("If-None-Match: {etag}\r\n")).status,
        304
    );
    assert_eq!(
        raw_request(
            addr,
            "GET",
            "/about",
            &format!("If-Modified-Since: {modified}\r\n")
        )
        .status,
        304
    );
    assert_eq!(
        raw_request(addr, "GET", "/about", "If-None-Match: \"other\"\r\n").status,
        200
    );
    assert_eq!(
        raw_request(addr, "POST", "/about", "Content-Length: 0\r\n").status,
        405
    );
    server.shutdown();
}

#[test]
fn traversal_is_refused() {
    let (_d, _o, server) = site("", false);
    let addr = server.addr();
    for target in [
        "/../secret.txt",
        "/blog/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2fsecret.txt",
        "/blog%2f..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/blog\\..\\..\\secret.txt",
        "/index.html%00.css",
        "/C:/Windows/win.ini",
        "//etc/passwd",
        "/%",
    ] {
        let reply = get(addr, target);
        assert!(
            matches!(reply.status, 403 | 404 | 400),
            "{target} gave {}",
            reply.status
        );
        assert!(!reply.body.contains("top secret"), "{target} leaked");
    }
    #[cfg(unix)]
    {
        let reply = get(addr, "/leak.txt");
        assert_eq!(reply.status, 403);
        assert!(!reply.body.contains("top secret"));
    }
    server.shutdown();
}

#[test]
fn livereload_injects_the_script_but_files_stay_clean() {
    let (dest, _o, server) = site("", true);
    let addr = server.addr();
    let page = get(addr, "/");
    assert!(page
        .body
        .contains("<script src=\"/__hyde/livereload.js\"></script></body>"));
    assert_eq!(
        std::fs::read_to_string(dest.path().join("index.html")).unwrap(),
        "<html><body><p>home</p></body></html>"
    );
    assert!(!get(addr, "/assets/main.css").body.contains("script"));
    assert!(get(addr, "/__hyde/livereload.js")
        .body
        .contains("EventSource"));
    server.shutdown();
}

#[test]
fn livereload_event_reaches_the_browser() {
    let (_d, _o, server) = site("", true);
    let addr = server.addr();
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET /__hyde/livereload HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    let mut seen = String::new();
    let mut buf = [0u8; 512];
    // Wait for the stream to open, then publish.
    while !seen.contains("retry:") {
        let n = stream.read(&mut buf).unwrap();
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert!(seen.contains("text/event-stream"));
    server.reload(Reload::Css);
    while !seen.contains("data: css") {
        let n = stream.read(&mut buf).unwrap();
        assert!(n > 0, "stream closed early: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    server.shutdown();
}

#[test]
fn build_error_overlays_html_until_cleared() {
    let (_d, _o, server) = site("", false);
    let addr = server.addr();
    server.set_error(Some("_posts/x.md:3:7: unclosed <tag>".into()));
    let page = get(addr, "/about");
    assert!(page.body.contains("_posts/x.md:3:7: unclosed &lt;tag&gt;"));
    assert!(
        page.body.contains("about"),
        "the last good page stays underneath"
    );
    assert!(!get(addr, "/assets/main.css").body.contains("hyde-error"));
    server.set_error(None);
    assert!(!get(addr, "/about").body.contains("hyde-error"));
    server.shutdown();
}

mod watching {
    use std::sync::Arc;
    use std::time::Duration;

    use hyde_serve::{WatchOptions, Watcher};

    fn watcher(root: &std::path::Path) -> Watcher {
        watcher_with(root, Duration::from_millis(50), Duration::from_millis(500))
    }

    fn watcher_with(root: &std::path::Path, quiet: Duration, max_wait: Duration) -> Watcher {
        Watcher::new(WatchOptions {
            root: root.to_path_buf(),
            ignore: Arc::new(|rel: &str| {
                rel == "_site" || rel.starts_with("_site/") || rel.starts_with("node_modules")
            }),
            quiet,
            max_wait,
        })
        .unwrap()
    }

    #[test]
    fn a_closed_save_settles_sooner_than_a_file_still_written() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let quiet = Duration::from_secs(2);
        let mut w = watcher_with(root, quiet, Duration::from_secs(10));
        // Written and closed: delivered without waiting the full quiet time.
        let t0 = std::time::Instant::now();
        std::fs::write(root.join("a.md"), "a").unwrap();
        let batch = w.next_batch(Duration::from_secs(5)).expect("a batch");
        assert!(
            t0.elapsed() < Duration::from_millis(1500),
            "{:?}",
            t0.elapsed()
        );
        assert!(batch.paths.contains(std::path::Path::new("a.md")));
        // Open between two writes: one batch, gathered until it is closed.
        let mut f = std::fs::File::create(root.join("b.md")).unwrap();
        f.write_all(b"first half").unwrap();
        std::thread::sleep(Duration::from_millis(300));
        f.write_all(b", second half").unwrap();
        drop(f);
        let batch = w.next_batch(Duration::from_secs(5)).expect("a batch");
        assert!(batch.paths.contains(std::path::Path::new("b.md")));
        assert_eq!(w.next_batch(Duration::from_millis(500)), None);
    }

    #[test]
    fn a_save_is_one_batch_and_ignored_paths_never_show() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("_site")).unwrap();
        std::fs::create_dir_all(root.join("_posts")).unwrap();
        let mut w = watcher(root);
        std::fs::write(root.join("_site/index.html"), "out").unwrap();
        std::fs::write(root.join("_posts/.2024-01-01-a.md.swp"), "swap").unwrap();
        std::fs::write(root.join(".git"), "x").unwrap();
        assert_eq!(w.next_batch(Duration::from_millis(300)), None);
        std::fs::write(root.join("_posts/2024-01-01-a.md"), "---\n---\nhi").unwrap();
        std::fs::write(root.join("_posts/2024-01-01-a.md"), "---\n---\nhi again").unwrap();
        let batch = w.next_batch(Duration::from_secs(5)).expect("a batch");
        let paths: Vec<_> = batch
            .paths
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        assert_eq!(paths, vec!["_posts/2024-01-01-a.md"]);
    }

    #[test]
    fn new_folders_are_watched_and_deletes_reported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("index.md"), "x").unwrap();
        let mut w = watcher(root);
        std::fs::create_dir_all(root.join("_talks")).unwrap();
        let _ = w.next_batch(Duration::from_secs(5));
        std::fs::write(root.join("_talks/t.md"), "talk").unwrap();
        let batch = w.next_batch(Duration::from_secs(5)).expect("a batch");
        assert!(
            batch.paths.contains(std::path::Path::new("_talks/t.md")),
            "{batch:?}"
        );
        std::fs::remove_file(root.join("index.md")).unwrap();
        let batch = w.next_batch(Duration::from_secs(5)).expect("a batch");
        assert!(
            batch.paths.contains(std::path::Path::new("index.md")),
            "{batch:?}"
        );
    }
}
