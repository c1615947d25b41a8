//! A static server for a build, as a CDN would serve it: `application/wasm` so that the browser
//! compiles while downloading, and the precompressed `.br`/`.gz` copies when the client accepts
//! them. Only for localhost: it binds to 127.0.0.1. GET and HEAD only.
//!
//! Paths are percent-decoded (`/a%20b.json` is `a b.json`); an `Accept-Encoding` q-value of zero
//! (`q=0`, `q=0.0`, `q=0.000`) refuses an encoding, any other accepts it. The fault endpoints the
//! end-to-end checks use are served only with `--faults` (the test command's server), never by the
//! demo's.
//!
//! Plain `std::net`, a thread per connection, one request per connection (`Connection: close`).
//! The demo page asked for another document (`index.html?src=URL`) is served without the seed's
//! pre-rendered article and JSON-LD: a neutral state that links the document instead (see
//! [`other_document`]), so that neither a slow load nor a browser without JavaScript shows the
//! wrong article.
//!
//! It replaced tiny_http, which on the first page load after it started left two of Chromium's
//! requests unanswered every time (reproduced five times out of five: the stylesheet and the
//! module script, pending forever), so that the page never finished loading.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

/// A response: status, headers, body.
struct Response {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    fn text(status: u16, body: &str) -> Self {
        Response {
            status,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".to_owned())],
            body: body.as_bytes().to_vec(),
        }
    }
}

pub fn run(dir: &Path, port: u16, faults: bool) -> Result<(), String> {
    let root = dir.canonicalize().map_err(|e| format!("{}: {e} (build first)", dir.display()))?;
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    println!("serving {} at http://127.0.0.1:{port}/  (Ctrl-C to stop)", dir.display());
    serve(listener, root, faults);
    Ok(())
}

/// Answers every connection of `listener` from the files under `root`.
fn serve(listener: TcpListener, root: PathBuf, faults: bool) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let root = root.clone();
        // A connection that is slow, idle (a browser's speculative preconnect) or stalled never
        // holds up another.
        std::thread::spawn(move || {
            let _ = serve_connection(stream, &root, faults);
        });
    }
}

fn serve_connection(stream: TcpStream, root: &Path, faults: bool) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line)? == 0 {
        return Ok(()); // a preconnect that was never used
    }
    let mut accept = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept = value.trim().to_owned();
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, url) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let response = if method != "GET" && method != "HEAD" {
        Response::text(405, "only GET and HEAD")
    } else if let Some(r) = faults.then(|| fault(path)).flatten() {
        r
    } else if let Some(file) = resolve(root, url) {
        match demo_src(root, &file, url) {
            Some(src) => match std::fs::read_to_string(&file) {
                Ok(page) => Response {
                    status: 200,
                    headers: vec![
                        ("Content-Type", "text/html; charset=utf-8".to_owned()),
                        ("Cache-Control", "no-cache".to_owned()),
                    ],
                    body: other_document(&page, &src).into_bytes(),
                },
                Err(_) => Response::text(500, "cannot read file"),
            },
            None => respond(&file, &accept),
        }
    } else {
        Response::text(404, "not found")
    };
    write_response(stream, &response, method == "HEAD")
}

fn write_response(mut stream: TcpStream, r: &Response, head_only: bool) -> std::io::Result<()> {
    let reason = match r.status {
        200 => "OK",
        404 => "Not Found",
        405 => "Method Not Allowed",
        504 => "Gateway Timeout",
        _ => "Internal Server Error",
    };
    let mut head =
        format!("HTTP/1.1 {} {reason}\r\nContent-Length: {}\r\nConnection: close\r\n", r.status, r.body.len());
    for (name, value) in &r.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&r.body)?;
    }
    stream.flush()
}

/// Faults for the end-to-end tests (with `--faults` only), under `/__faults/`: a document that never answers (for two
/// minutes) and one of 11 MB, over the widget's limit.
fn fault(path: &str) -> Option<Response> {
    match path {
        "/__faults/hang.json" => {
            std::thread::sleep(Duration::from_secs(120));
            Some(Response::text(504, "too late"))
        }
        "/__faults/big.json" => {
            let body = format!("{{\"version\": 1{}}}", " ".repeat(11 * 1024 * 1024));
            Some(Response {
                status: 200,
                headers: vec![("Content-Type", "application/json".to_owned())],
                body: body.into_bytes(),
            })
        }
        _ => None,
    }
}

/// The `src` of a request for the demo page (`index.html` at the root) that names a document.
fn demo_src(root: &Path, file: &Path, url: &str) -> Option<String> {
    if file != root.join("index.html") {
        return None;
    }
    let query = url.split_once('?')?.1.split('#').next().unwrap_or("");
    form_urlencoded::parse(query.as_bytes()).find(|(k, v)| k == "src" && !v.is_empty()).map(|(_, v)| v.into_owned())
}

/// The demo page for another document than its own: the widget's fallback content (the seed's
/// pre-rendered article) becomes a neutral state naming the document, with a link to it; the
/// seed's JSON-LD and the preload of its document go. With JavaScript, the widget then replaces
/// the neutral state; without, it says that the article needs JavaScript.
pub fn other_document(page: &str, src: &str) -> String {
    use article_format::prerender::escape;
    let text = escape(src);
    // A link only to a relative or http(s) address: never `javascript:` or `data:`.
    let scheme =
        src.split(['/', '?', '#']).next().and_then(|head| head.split_once(':')).map(|(s, _)| s.to_ascii_lowercase());
    let link = match scheme.as_deref() {
        None | Some("http") | Some("https") => format!("<a href=\"{text}\" dir=\"ltr\">{text}</a>"),
        Some(_) => format!("<bdi dir=\"ltr\">{text}</bdi>"),
    };
    use article_format::i18n::Lang;
    let (ar, en) = (Lang::Ar.strings().article_loading, Lang::En.strings().article_loading);
    let neutral = format!(
        "<div class=\"ae-neutral\"><p class=\"ae-neutral-loading\" role=\"status\">{ar} <span lang=\"en\" dir=\"ltr\">{en}</span></p>\
         <p>المستند: {link} <span lang=\"en\" dir=\"ltr\">(the document)</span></p>\
         <noscript><p>يحتاج عرض هذا المقال إلى جافاسكربت. افتح المستند من الرابط أعلاه لقراءة بياناته.</p>\
         <p lang=\"en\" dir=\"ltr\">This article needs JavaScript to be shown. Open the document from the link above to read its data.</p></noscript></div>"
    );
    let mut out = crate::html::without(page, "<script type=\"application/ld+json\">", "</script>", |_| true);
    out = crate::html::without(&out, "<link rel=\"preload\"", ">", |e| e.contains("as=\"fetch\""));
    if let Some(start) = out.find("<main id=\"app\"") {
        if let (Some(open), Some(close)) = (out[start..].find('>'), out[start..].find("</main>")) {
            out.replace_range(start + open + 1..start + close, &neutral);
        }
    }
    out
}

/// The file a URL names inside `root`, or None when it is outside or missing.
fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let raw = url.split(['?', '#']).next().unwrap_or("/");
    // Decoded before the path is split, so that an encoded `..` (`%2e%2e`) or `/` is judged as
    // what it stands for; a decoded NUL or invalid UTF-8 names no file.
    let path = percent_encoding::percent_decode_str(raw).decode_utf8().ok()?;
    if path.contains('\0') {
        return None;
    }
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

fn respond(path: &Path, accept: &str) -> Response {
    let mime = mime(path);
    let mut headers = vec![
        ("Content-Type", mime.to_owned()),
        ("Vary", "Accept-Encoding".to_owned()),
        ("Cache-Control", "no-cache".to_owned()),
    ];
    for (encoding, suffix) in [("br", "br"), ("gzip", "gz")] {
        let compressed = crate::size::with_suffix(path, suffix);
        if accepts(accept, encoding) && compressed.is_file() {
            if let Ok(body) = std::fs::read(&compressed) {
                headers.push(("Content-Encoding", encoding.to_owned()));
                return Response { status: 200, headers, body };
            }
        }
    }
    match std::fs::read(path) {
        Ok(body) => Response { status: 200, headers, body },
        Err(_) => Response::text(500, "cannot read file"),
    }
}

fn accepts(accept: &str, encoding: &str) -> bool {
    accept.split(',').any(|part| {
        let mut it = part.split(';');
        let name = it.next().unwrap_or("").trim();
        // q-values are 0 to 1 with up to three decimals; an unreadable one counts as 1.
        let q = it
            .filter_map(|p| p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")))
            .map(|v| v.trim().parse::<f32>().unwrap_or(1.0))
            .next()
            .unwrap_or(1.0);
        name.eq_ignore_ascii_case(encoding) && q > 0.0
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

#[cfg(test)]
mod tests {
    use super::*;

    fn get(port: u16, request: &str) -> String {
        use std::io::Read;
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut out = Vec::new();
        stream.read_to_end(&mut out).unwrap();
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn serves_files_precompressed_and_closes() {
        let dir = std::env::temp_dir().join(format!("ae-serve-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.wasm"), b"raw").unwrap();
        std::fs::write(dir.join("a.wasm.br"), b"BR").unwrap();
        std::fs::write(dir.join("index.html"), b"<p>hi</p>").unwrap();
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let root = dir.canonicalize().unwrap();
        std::thread::spawn(move || serve(listener, root, false));
        // An idle connection (a browser's preconnect) holds nothing up.
        let _idle = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let br = get(port, "GET /a.wasm HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip, br\r\n\r\n");
        assert!(br.starts_with("HTTP/1.1 200 OK\r\n"), "{br}");
        assert!(
            br.contains("Content-Type: application/wasm")
                && br.contains("Content-Encoding: br")
                && br.contains("Connection: close")
        );
        assert!(br.ends_with("\r\n\r\nBR"), "{br}");
        let plain = get(port, "GET /a.wasm HTTP/1.1\r\n\r\n");
        assert!(plain.ends_with("raw") && !plain.contains("Content-Encoding"));
        assert!(get(port, "GET /?x=1 HTTP/1.1\r\n\r\n").ends_with("<p>hi</p>"));
        assert!(get(port, "HEAD /index.html HTTP/1.1\r\n\r\n").ends_with("\r\n\r\n"));
        assert!(get(port, "GET /../etc/passwd HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 404"));
        assert!(get(port, "POST / HTTP/1.1\r\n\r\n").starts_with("HTTP/1.1 405"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn accept_encoding_is_read_with_weights() {
        assert!(accepts("gzip, deflate, br", "br"));
        assert!(accepts("br;q=1.0, gzip;q=0.8", "gzip"));
        assert!(!accepts("br;q=0, gzip", "br"));
        assert!(!accepts("br;q=0.0, gzip", "br") && !accepts("gzip, br; q=0.000", "br"));
        assert!(accepts("br;q=0.001", "br") && accepts("br;q=0.5", "br"));
        assert!(!accepts("", "gzip"));
    }

    #[test]
    fn the_demo_page_for_another_document_shows_none_of_the_seed() {
        let page = "<head><link rel=\"preload\" href=\"seed/article.json\" as=\"fetch\" crossorigin />\
            <link rel=\"preload\" href=\"f.woff2\" as=\"font\" /><script type=\"application/ld+json\">{}</script></head>\
            <body><main id=\"app\" data-src=\"seed/article.json\"><article class=\"ae-prerendered\">SEED</article></main></body>";
        let out = other_document(page, "docs/other.json?v=<1>");
        assert!(!out.contains("SEED") && !out.contains("ld+json") && !out.contains("seed/article.json\" as"), "{out}");
        assert!(out.contains("f.woff2"), "other preloads stay");
        assert!(out.contains("<a href=\"docs/other.json?v=&lt;1&gt;\""), "{out}");
        assert!(out.contains("<noscript>") && out.contains("role=\"status\""));
        for hostile in ["javascript:alert(1)", " JavaScript:x", "data:text/html,x"] {
            let out = other_document(page, hostile);
            assert!(!out.contains("<a href"), "{hostile}: {out}");
        }
        assert!(other_document(page, "https://example.org/a.json").contains("<a href=\"https://example.org/a.json\""));
    }

    #[test]
    fn only_the_demo_page_with_a_src_is_rewritten() {
        let root = Path::new("/srv");
        let index = root.join("index.html");
        assert_eq!(demo_src(root, &index, "/?src=a%2Fb.json&lang=en").as_deref(), Some("a/b.json"));
        assert_eq!(demo_src(root, &index, "/index.html?lang=en"), None);
        assert_eq!(demo_src(root, &index, "/?src="), None);
        assert_eq!(demo_src(root, &root.join("e2e/index.html"), "/e2e/?src=x"), None);
    }

    #[test]
    fn urls_never_leave_the_root() {
        let root = std::env::temp_dir();
        assert_eq!(resolve(&root, "/../etc/passwd"), None);
        assert_eq!(resolve(&root, "/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve(&root, "/a%00b"), None);
    }

    #[test]
    fn paths_are_percent_decoded() {
        let dir = std::env::temp_dir().join(format!("ae-serve-pct-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("مقال")).unwrap();
        std::fs::write(dir.join("مقال").join("a b.json"), b"{}").unwrap();
        assert_eq!(resolve(&dir, "/%D9%85%D9%82%D8%A7%D9%84/a%20b.json?x=1"), Some(dir.join("مقال").join("a b.json")));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn fault_endpoints_only_with_faults() {
        let dir = std::env::temp_dir().join(format!("ae-serve-faults-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for faults in [false, true] {
            let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
            let port = listener.local_addr().unwrap().port();
            let root = dir.canonicalize().unwrap();
            std::thread::spawn(move || serve(listener, root, faults));
            let big = get(port, "HEAD /__faults/big.json HTTP/1.1\r\n\r\n");
            assert_eq!(big.starts_with("HTTP/1.1 200"), faults, "{big}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
