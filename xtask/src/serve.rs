//! A static server for a build, as a CDN would serve it: `application/wasm` so that the browser
//! compiles while downloading, and the precompressed `.br`/`.gz` copies when the client accepts
//! them. Only for localhost: it binds to 127.0.0.1.
//!
//! Every response closes its connection: with keep-alive, tiny_http sometimes left a browser's
//! request on a reused connection unanswered, and the page never finished loading (seen with a
//! fresh Playwright browser context every time, and now and then with a fresh profile). On loopback
//! a new connection costs nothing. A rarer stall of the first page load after the server starts
//! remains unexplained; `tools/e2e/axe.mjs` reloads once when it happens.

use std::path::{Component, Path, PathBuf};

use tiny_http::{Header, Response, Server};

pub fn run(dir: &Path, port: u16) -> Result<(), String> {
    let root = dir.canonicalize().map_err(|e| format!("{}: {e} (build first)", dir.display()))?;
    let server = Server::http(("127.0.0.1", port)).map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    println!("serving {} at http://127.0.0.1:{port}/  (Ctrl-C to stop)", dir.display());
    for request in server.incoming_requests() {
        // One thread per request: a slow or stalled connection never holds up the others.
        let root = root.clone();
        std::thread::spawn(move || {
            let accept = request
                .headers()
                .iter()
                .find(|h| h.field.equiv("Accept-Encoding"))
                .map(|h| h.value.as_str().to_owned())
                .unwrap_or_default();
            let path = request.url().split(['?', '#']).next().unwrap_or("/");
            let response = match (fault(path), resolve(&root, request.url())) {
                (Some(response), _) => response,
                (None, Some(path)) => respond(&path, &accept),
                (None, None) => Response::from_string("not found").with_status_code(404).boxed(),
            };
            let _ = request.respond(response);
        });
    }
    Ok(())
}

/// Faults for the end-to-end tests, under `/__faults/`: a document that never answers (for two
/// minutes) and one of 11 MB, over the widget's limit.
fn fault(path: &str) -> Option<tiny_http::ResponseBox> {
    match path {
        "/__faults/hang.json" => {
            std::thread::sleep(std::time::Duration::from_secs(120));
            Some(Response::from_string("too late").with_status_code(504).boxed())
        }
        "/__faults/big.json" => {
            let body = format!("{{\"version\": 1{}}}", " ".repeat(11 * 1024 * 1024));
            Some(Response::from_string(body).with_header(header("Content-Type", "application/json")).boxed())
        }
        _ => None,
    }
}

/// The file a URL names inside `root`, or None when it is outside or missing.
fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let mut out = root.to_path_buf();
    for part in Path::new(path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    out.is_file().then_some(out)
}

fn respond(path: &Path, accept: &str) -> tiny_http::ResponseBox {
    let mime = mime(path);
    let encodings = [("br", "br"), ("gzip", "gz")];
    for (encoding, suffix) in encodings {
        let compressed = crate::size::with_suffix(path, suffix);
        if accepts(accept, encoding) && compressed.is_file() {
            if let Ok(bytes) = std::fs::read(&compressed) {
                return Response::from_data(bytes)
                    .with_header(header("Content-Type", mime))
                    .with_header(header("Content-Encoding", encoding))
                    .with_header(header("Vary", "Accept-Encoding"))
                    .with_header(header("Cache-Control", "no-cache"))
                    .with_header(header("Connection", "close"))
                    .boxed();
            }
        }
    }
    match std::fs::read(path) {
        Ok(bytes) => Response::from_data(bytes)
            .with_header(header("Content-Type", mime))
            .with_header(header("Vary", "Accept-Encoding"))
            .with_header(header("Cache-Control", "no-cache"))
            .with_header(header("Connection", "close"))
            .boxed(),
        Err(_) => Response::from_string("cannot read file").with_status_code(500).boxed(),
    }
}

fn accepts(accept: &str, encoding: &str) -> bool {
    accept.split(',').any(|part| {
        let mut it = part.split(';');
        let name = it.next().unwrap_or("").trim();
        let refused = it.any(|p| p.trim().replace(' ', "") == "q=0");
        name.eq_ignore_ascii_case(encoding) && !refused
    })
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_is_read_with_weights() {
        assert!(accepts("gzip, deflate, br", "br"));
        assert!(accepts("br;q=1.0, gzip;q=0.8", "gzip"));
        assert!(!accepts("br;q=0, gzip", "br"));
        assert!(!accepts("", "gzip"));
    }

    #[test]
    fn urls_never_leave_the_root() {
        let root = std::env::temp_dir();
        assert_eq!(resolve(&root, "/../etc/passwd"), None);
    }
}
