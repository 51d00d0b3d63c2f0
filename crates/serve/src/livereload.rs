//! Live reload over server-sent events: a hub that fans reload messages out to
//! every connected browser, and the script injected into HTML responses.

use std::io::Read;
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;

/// The path of the event stream (outside any `baseurl`).
pub(crate) const EVENTS_PATH: &str = "/__hyde/livereload";
/// The path of the client script.
pub(crate) const SCRIPT_PATH: &str = "/__hyde/livereload.js";

/// What the browsers should do after a rebuild.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reload {
    /// Reload the page.
    Full,
    /// Only stylesheets changed: swap them without reloading the page.
    Css,
}

impl Reload {
    fn event(self) -> &'static str {
        match self {
            Reload::Full => "data: reload\n\n",
            Reload::Css => "data: css\n\n",
        }
    }
}

/// The connected browsers.
#[derive(Default)]
pub(crate) struct Hub {
    clients: Mutex<Vec<Sender<&'static str>>>,
}

impl Hub {
    /// A new stream for one browser.
    pub(crate) fn subscribe(&self) -> EventStream {
        let (tx, rx) = channel();
        self.lock().push(tx);
        EventStream {
            rx,
            pending: b"retry: 500\n\n".to_vec(),
        }
    }

    /// Sends `reload` to every browser; forgets those that went away.
    pub(crate) fn broadcast(&self, reload: Reload) {
        self.lock().retain(|tx| tx.send(reload.event()).is_ok());
    }

    /// Closes every stream (on shutdown).
    pub(crate) fn close(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Sender<&'static str>>> {
        self.clients
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The body of one event-stream response: blocks until an event arrives, and
/// sends a comment every 15 s so that a closed connection is noticed.
pub(crate) struct EventStream {
    rx: Receiver<&'static str>,
    pending: Vec<u8>,
}

impl Read for EventStream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pending.is_empty() {
            match self.rx.recv_timeout(Duration::from_secs(15)) {
                Ok(event) => self.pending.extend_from_slice(event.as_bytes()),
                Err(RecvTimeoutError::Timeout) => self.pending.extend_from_slice(b": ping\n\n"),
                Err(RecvTimeoutError::Disconnected) => return Ok(0),
            }
        }
        let n = buf.len().min(self.pending.len());
        buf[..n].copy_from_slice(&self.pending[..n]);
        self.pending.drain(..n);
        Ok(n)
    }
}

/// The client: reloads on `reload`, re-fetches stylesheets on `css`.
pub(crate) const SCRIPT: &str = r#"(function () {
  var source = new EventSource("/__hyde/livereload");
  source.onmessage = function (event) {
    if (event.data === "css") {
      document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
        var url = new URL(link.href);
        url.searchParams.set("hyde-reload", Date.now());
        link.href = url.toString();
      });
    } else {
      window.location.reload();
    }
  };
})();
"#;

/// Inserts `snippet` before the last `</body>` (any case), or at the end.
pub(crate) fn inject(html: &str, snippet: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let at = lower.rfind("</body>").unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + snippet.len());
    out.push_str(&html[..at]);
    out.push_str(snippet);
    out.push_str(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::inject;

    #[test]
    fn injects_before_the_last_body_end() {
        assert_eq!(
            inject("<p>a</p></BODY></html>", "<s>"),
            "<p>a</p><s></BODY></html>"
        );
        assert_eq!(inject("<p>no body</p>", "<s>"), "<p>no body</p><s>");
    }
}
