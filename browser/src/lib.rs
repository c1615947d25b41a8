//! article-browser: what every WebAssembly module of the widget does with the browser alike.
//! One fetch ([`fetch_text`]): a timeout, a size limit checked before and after reading the body,
//! and a [`FetchError`] said in the UI's language; the reader's document, the figures' base map,
//! the publisher's catalogues and the studio's files all come through it.
//!
//! Invariant: a thin layer over `web-sys`, with nothing of the widget's views; the format crate
//! stays free of browser code, and this crate is where the browser's side of it lives.

use std::cell::Cell;
use std::rc::Rc;

use article_format::i18n::Lang;
use article_format::num::fixed;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The allocator of every module that links this crate (all of the widget's WebAssembly): Talc,
/// smaller and faster than dlmalloc, Rust's default for wasm32. Single-threaded modules only.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The largest text a widget accepts: bigger ones are refused with a message naming the limit,
/// rather than freezing the reader's page while they parse.
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;

/// How long a fetch waits for its answer, unless told otherwise (milliseconds).
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

/// Why a fetch gave no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The server answered with this status.
    Http(u16),
    /// No answer at all: offline, refused, blocked (CORS, CSP), or not a URL.
    Network,
    /// No answer within this many milliseconds.
    Timeout(u32),
    /// The body is this many bytes, more than [`MAX_BYTES`].
    TooLarge(u64),
    /// An answer whose body could not be read as text.
    Unreadable,
}

impl FetchError {
    /// What happened, in the UI's language.
    pub fn message(&self, lang: Lang) -> String {
        let s = lang.fetch_strings();
        let mb = |bytes: u64| fixed(bytes as f64 / (1024.0 * 1024.0), 1);
        match self {
            FetchError::Http(status) => format!("HTTP {status}"),
            FetchError::Network => s.network.to_owned(),
            FetchError::Timeout(ms) => s.no_answer.replace("{s}", &fixed(f64::from(*ms) / 1000.0, 2)),
            FetchError::TooLarge(bytes) => {
                s.too_large.replace("{size}", &mb(*bytes)).replace("{limit}", &(MAX_BYTES / 1024 / 1024).to_string())
            }
            FetchError::Unreadable => s.unreadable.to_owned(),
        }
    }
}

/// Fetches a text over HTTP, giving up after `timeout_ms` and refusing bodies larger than
/// [`MAX_BYTES`] (by their `Content-Length` before reading, and by their length after).
pub async fn fetch_text(url: &str, timeout_ms: u32) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let controller = web_sys::AbortController::new().ok();
    let init = web_sys::RequestInit::new();
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
    }
    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        gloo_timers::callback::Timeout::new(timeout_ms, move || {
            timed_out.set(true);
            if let Some(c) = controller {
                c.abort();
            }
        })
    };
    let failed = || if timed_out.get() { FetchError::Timeout(timeout_ms) } else { FetchError::Network };
    let result = async {
        let response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(|_| failed())?;
        let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::Unreadable)?;
        if !response.ok() {
            return Err(FetchError::Http(response.status()));
        }
        let declared = response.headers().get("content-length").ok().flatten().and_then(|n| n.parse::<u64>().ok());
        if let Some(n) = declared.filter(|&n| n > MAX_BYTES) {
            return Err(FetchError::TooLarge(n));
        }
        let text = JsFuture::from(response.text().map_err(|_| FetchError::Unreadable)?).await.map_err(|_| failed())?;
        let text = text.as_string().ok_or(FetchError::Unreadable)?;
        if text.len() as u64 > MAX_BYTES {
            return Err(FetchError::TooLarge(text.len() as u64));
        }
        Ok(text)
    }
    .await;
    result
}
