//! A static file server on 127.0.0.1 for headless Chromium: the built docs
//! site under the site's path (`/netcodes/`) as GitHub Pages serves it, or a
//! test page beside the npm package. A missing file gets the first folder's
//! `404.html` with status 404. It records every request, so a test can tell
//! whether a page's styles and scripts loaded.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Each folder with the path (starting and ending with `/`) it is served under.
type Mounts = Arc<Vec<(String, PathBuf)>>;

pub struct Server {
    /// `http://127.0.0.1:<port>` and the first folder's path, e.g. `/netcodes/`
    pub base: String,
    log: Arc<Mutex<Vec<(String, u16)>>>,
}

impl Server {
    /// Serves `root` under `path` (starting and ending with `/`) until the test process ends.
    pub fn start(root: &Path, path: &str) -> Server {
        Server::folders(vec![(path.to_owned(), root.to_path_buf())])
    }

    /// Serves each folder under its path until the test process ends; a URL
    /// is looked up in the folder with the longest path it starts with.
    pub fn folders(mounts: Vec<(String, PathBuf)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
        let port = listener.local_addr().expect("local address").port();
        let base = format!("http://127.0.0.1:{port}{}", mounts[0].0);
        let log = Arc::new(Mutex::new(Vec::new()));
        let (mounts, requests): (Mounts, _) = (Arc::new(mounts), Arc::clone(&log));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (mounts, requests) = (Arc::clone(&mounts), Arc::clone(&requests));
                std::thread::spawn(move || serve(stream, &mounts, &requests));
            }
        });
        Server { base, log }
    }

    /// Every request so far whose path starts with `prefix`, with its status.
    pub fn requests(&self, prefix: &str) -> Vec<(String, u16)> {
        self.log.lock().expect("log").iter().filter(|(path, _)| path.starts_with(prefix)).cloned().collect()
    }
}

fn serve(mut stream: TcpStream, mounts: &[(String, PathBuf)], log: &Mutex<Vec<(String, u16)>>) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // Headers end with an empty line; nothing here needs them.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let path = target.split(['?', '#']).next().unwrap_or_default().to_owned();
    let file = mounts
        .iter()
        .filter_map(|(prefix, root)| Some((prefix.len(), root, path.strip_prefix(prefix.as_str())?)))
        .max_by_key(|&(length, _, _)| length)
        .and_then(|(_, root, rest)| file_under(root, rest));
    let (status, file) = match file {
        Some(file) => (200, file),
        None => (404, mounts[0].1.join("404.html")),
    };
    log.lock().expect("log").push((path, status));
    let body = std::fs::read(&file).unwrap_or_default();
    let reason = if status == 200 { "OK" } else { "Not Found" };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        content_type(&file),
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&body));
}

/// The file a URL path under the site names, if it exists (a directory means its index.html).
fn file_under(root: &Path, rest: &str) -> Option<PathBuf> {
    let mut file = root.to_path_buf();
    for part in rest.split('/').filter(|p| !p.is_empty()) {
        if part == ".." || part == "." {
            return None;
        }
        file.push(part);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css",
        Some("js" | "mjs") => "text/javascript",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("woff2") => "font/woff2",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
