//! A static file server for the built site on 127.0.0.1, under the site's
//! path (`/netcodes/`) as GitHub Pages serves it: a missing file gets
//! `404.html` with status 404. It records every request, so a test can tell
//! whether a page's styles and scripts loaded.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub struct Server {
    /// `http://127.0.0.1:<port>/netcodes/`
    pub base: String,
    log: Arc<Mutex<Vec<(String, u16)>>>,
}

impl Server {
    /// Serves `root` under `path` (starting and ending with `/`) until the test process ends.
    pub fn start(root: &Path, path: &str) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
        let port = listener.local_addr().expect("local address").port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (root, prefix, requests) = (root.to_path_buf(), path.to_owned(), Arc::clone(&log));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, prefix, requests) = (root.clone(), prefix.clone(), Arc::clone(&requests));
                std::thread::spawn(move || serve(stream, &root, &prefix, &requests));
            }
        });
        Server { base: format!("http://127.0.0.1:{port}{path}"), log }
    }

    /// Every request so far whose path starts with `prefix`, with its status.
    pub fn requests(&self, prefix: &str) -> Vec<(String, u16)> {
        self.log.lock().expect("log").iter().filter(|(path, _)| path.starts_with(prefix)).cloned().collect()
    }
}

fn serve(mut stream: TcpStream, root: &Path, prefix: &str, log: &Mutex<Vec<(String, u16)>>) {
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
    let file = path.strip_prefix(prefix).and_then(|rest| file_under(root, rest));
    let (status, file) = match file {
        Some(file) => (200, file),
        None => (404, root.join("404.html")),
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
        Some("js") => "text/javascript",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("woff2") => "font/woff2",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
