//! The server: a pool of tiny_http workers answering from the destination.

use std::fs;
use std::io::{self, Cursor, Read, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tiny_http::{Header, Method, Request, Response, StatusCode};

use crate::livereload::{self, Hub, Reload};
use crate::mime::content_type;
use crate::resolve::{resolve, Resolved};

/// How to serve a site.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The destination folder (`_site`).
    pub root: PathBuf,
    /// Interface to bind, e.g. `127.0.0.1`.
    pub host: String,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// The site's `baseurl`: the site is mounted there, as Jekyll does.
    pub baseurl: String,
    /// Inject the live-reload script into HTML responses.
    pub livereload: bool,
    /// Worker threads answering requests.
    pub threads: usize,
}

struct Shared {
    root: PathBuf,
    baseurl: String,
    livereload: bool,
    error: RwLock<Option<String>>,
    hub: Hub,
}

/// A running server. Dropping it does not stop it; call [`ServerHandle::shutdown`].
pub struct ServerHandle {
    addr: SocketAddr,
    server: Arc<tiny_http::Server>,
    shared: Arc<Shared>,
    workers: Vec<JoinHandle<()>>,
}

/// Binds and starts serving in background threads.
pub fn start(options: ServeOptions) -> io::Result<ServerHandle> {
    let server = tiny_http::Server::http((options.host.as_str(), options.port))
        .map_err(|e| io::Error::new(io::ErrorKind::AddrNotAvailable, e.to_string()))?;
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| io::Error::other("not an IP listener"))?;
    let server = Arc::new(server);
    let shared = Arc::new(Shared {
        root: options.root,
        baseurl: crate::resolve::normalize_baseurl(&options.baseurl),
        livereload: options.livereload,
        error: RwLock::new(None),
        hub: Hub::default(),
    });
    let workers = (0..options.threads.max(1))
        .map(|_| {
            let server = Arc::clone(&server);
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    handle(&shared, request);
                }
            })
        })
        .collect();
    Ok(ServerHandle {
        addr,
        server,
        shared,
        workers,
    })
}

impl ServerHandle {
    /// The bound address (useful with port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Tells connected browsers to reload.
    pub fn reload(&self, reload: Reload) {
        self.shared.hub.broadcast(reload);
    }

    /// Shows `message` over every HTML page until called again with `None`.
    /// The last good site stays served underneath.
    pub fn set_error(&self, message: Option<String>) {
        *self.shared.error.write().unwrap_or_else(|p| p.into_inner()) = message;
    }

    /// Stops accepting requests and waits for the workers.
    pub fn shutdown(self) {
        self.shared.hub.close();
        for _ in &self.workers {
            self.server.unblock();
        }
        for worker in self.workers {
            let _ = worker.join();
        }
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header names are valid")
}

fn handle(shared: &Arc<Shared>, request: Request) {
    let url = request.url().to_string();
    let path = url.split('?').next().unwrap_or("");
    if !matches!(request.method(), Method::Get | Method::Head) {
        let response = Response::from_string("method not allowed")
            .with_status_code(405)
            .with_header(header("Allow", "GET, HEAD"));
        let _ = request.respond(response);
        return;
    }
    if shared.livereload && path == livereload::EVENTS_PATH {
        let mut stream = shared.hub.subscribe();
        // An event stream holds its connection open: give it its own thread so
        // that the workers stay free for page requests. The response is written
        // by hand because tiny_http would buffer a streamed body.
        std::thread::spawn(move || {
            let mut writer = request.into_writer();
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\
                        Cache-Control: no-cache\r\nConnection: close\r\n\r\n";
            let mut buf = [0u8; 256];
            let mut pump = || -> io::Result<()> {
                writer.write_all(head.as_bytes())?;
                writer.flush()?;
                loop {
                    let n = stream.read(&mut buf)?;
                    if n == 0 {
                        return Ok(());
                    }
                    writer.write_all(&buf[..n])?;
                    writer.flush()?;
                }
            };
            let _ = pump();
        });
        return;
    }
    if shared.livereload && path == livereload::SCRIPT_PATH {
        let response = Response::from_string(livereload::SCRIPT)
            .with_header(header(
                "Content-Type",
                "application/javascript; charset=utf-8",
            ))
            .with_header(header("Cache-Control", "no-cache"));
        let _ = request.respond(response);
        return;
    }
    let response = match resolve(&shared.root, &shared.baseurl, &url) {
        Resolved::File(file) => serve_file(shared, &request, &file, 200),
        Resolved::Redirect(to) => Response::from_string(format!("moved to {to}"))
            .with_status_code(301)
            .with_header(header("Location", &to))
            .boxed(),
        Resolved::Forbidden => Response::from_string("403 forbidden")
            .with_status_code(403)
            .boxed(),
        Resolved::NotFound => not_found(shared, &request),
    };
    let _ = request.respond(response);
}

fn not_found(shared: &Arc<Shared>, request: &Request) -> Response<Box<dyn io::Read + Send>> {
    let page = shared.root.join("404.html");
    if page.is_file() {
        serve_file(shared, request, &page, 404)
    } else {
        Response::from_string("404 not found")
            .with_status_code(404)
            .boxed()
    }
}

fn serve_file(
    shared: &Arc<Shared>,
    request: &Request,
    file: &Path,
    status: u16,
) -> Response<Box<dyn io::Read + Send>> {
    // Files are renamed into place by the writer, so one read sees one version.
    let (bytes, meta) = match fs::read(file).and_then(|b| Ok((b, fs::metadata(file)?))) {
        Ok(found) => found,
        Err(_) => {
            return Response::from_string("404 not found")
                .with_status_code(404)
                .boxed()
        }
    };
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let mime = content_type(name);
    let error = shared
        .error
        .read()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    let is_html = mime.starts_with("text/html");
    let modified = meta.modified().unwrap_or(UNIX_EPOCH);
    let tag = etag(meta.len(), modified, is_html && shared.livereload);

    let mut headers = vec![
        header("Content-Type", mime),
        header("Cache-Control", "no-cache"),
    ];
    if !(is_html && error.is_some()) {
        headers.push(header("ETag", &tag));
        headers.push(header("Last-Modified", &httpdate::fmt_http_date(modified)));
        if status == 200 && not_modified(request, &tag, modified) {
            let mut response = Response::empty(304).boxed();
            for h in headers {
                response.add_header(h);
            }
            return response;
        }
    }
    let body = if is_html && (shared.livereload || error.is_some()) {
        let mut snippet = String::new();
        if let Some(message) = &error {
            snippet.push_str(&error_overlay(message));
        }
        if shared.livereload {
            snippet.push_str(&format!(
                "<script src=\"{}\"></script>",
                livereload::SCRIPT_PATH
            ));
        }
        livereload::inject(&String::from_utf8_lossy(&bytes), &snippet).into_bytes()
    } else {
        bytes
    };
    let length = body.len();
    Response::new(
        StatusCode(status),
        headers,
        Box::new(Cursor::new(body)) as Box<dyn io::Read + Send>,
        Some(length),
        None,
    )
}

fn etag(len: u64, modified: SystemTime, injected: bool) -> String {
    let nanos = modified
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_nanos();
    format!("\"{len:x}-{nanos:x}{}\"", if injected { "-lr" } else { "" })
}

fn not_modified(request: &Request, tag: &str, modified: SystemTime) -> bool {
    let value = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_string())
    };
    if let Some(tags) = value("If-None-Match") {
        return tags.split(',').any(|t| t.trim() == tag || t.trim() == "*");
    }
    match value("If-Modified-Since").and_then(|d| httpdate::parse_http_date(&d).ok()) {
        // HTTP dates have whole seconds.
        Some(since) => {
            let secs = |t: SystemTime| {
                t.duration_since(UNIX_EPOCH)
                    .map(|d| d.as_secs())
                    .unwrap_or(0)
            };
            secs(modified) <= secs(since)
        }
        None => false,
    }
}

fn error_overlay(message: &str) -> String {
    let escaped = message
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        "<div id=\"hyde-error\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;\
         background:rgba(20,20,20,.94);color:#f5f5f5;padding:2em;font:14px/1.5 monospace\">\
         <h2 style=\"color:#ff6b6b;margin-top:0\">hyde: the last build failed</h2>\
         <pre style=\"white-space:pre-wrap\">{escaped}</pre>\
         <p>The page below is from the last good build. Save a fix to clear this.</p></div>"
    )
}
