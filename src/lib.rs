//! article-explorer: a news article, shown as written (Arabic, right to left), that a reader can
//! explore.
//!
//! This crate is the reader: it shows **published** documents (`article_format::published`). It
//! depends on the format layer alone (`article-format`: the published types, their checked
//! reader, the graph, map and timeline models, the UI strings), re-exported here under its module
//! names; never on the authoring layer, which a reader never runs.
//!
//! Modules in reading order:
//! - [`state`]: the reader's selection as a pure reducer; [`link`]: deep links in the fragment.
//! - [`publisher`]: how an authoring document given to the reader gets published first (the
//!   publisher is a WebAssembly module of its own, loaded only then).
//! - [`figures`]: how the reader gets the figures module (the map, the timeline, the graph's
//!   picture), a WebAssembly module of its own, loaded when they come into view.
//! - [`components`]: the Yew view. With `lib.rs`'s fetch and the two module loaders, the only
//!   code that touches the DOM.
//! - `ssr` (the `ssr` feature, for the build only): the static article, the same view rendered by
//!   Yew's server-side renderer.
//!
//! Host pages mount widgets through `embed.js` ([`components::host`]); Rust code can use [`mount_with`].

pub mod components;

pub mod figures;
pub mod link;
pub mod publisher;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod state;

pub use article_format::{
    geo, graph, handoff, i18n, json, map, model, num, prerender, published, reading, seed, text, timeline,
};

pub use components::{App, AppProps, Settings};

/// Mounts the explorer into `root`, showing the seed document.
///
/// The returned handle keeps the app alive; dropping it does not unmount it (Yew's behaviour),
/// call `destroy()` on it to unmount.
pub fn mount(root: web_sys::Element) -> yew::AppHandle<App> {
    mount_with(root, AppProps::default())
}

/// Mounts the explorer into `root` with the given properties: another document, for example
/// `AppProps::from_published(json)`.
pub fn mount_with(root: web_sys::Element, props: AppProps) -> yew::AppHandle<App> {
    yew::Renderer::<App>::with_root_and_props(root, props).render()
}

/// The largest document a widget accepts: bigger ones are refused with a message naming the limit,
/// rather than freezing the reader's page while they parse.
pub const MAX_DOCUMENT_BYTES: u64 = 10 * 1024 * 1024;

/// Why a fetch gave no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The server answered with this status.
    Http(u16),
    /// No answer at all: offline, refused, blocked (CORS, CSP).
    Network,
    /// No answer within this many milliseconds.
    Timeout(u32),
    /// The body is this many bytes, more than [`MAX_DOCUMENT_BYTES`].
    TooLarge(u64),
    /// An answer whose body could not be read as text.
    Unreadable,
}

impl FetchError {
    /// What happened, for the reader, in the UI language.
    pub fn message(&self, lang: i18n::Lang) -> String {
        let s = lang.strings();
        let mb = |bytes: u64| crate::num::fixed(bytes as f64 / (1024.0 * 1024.0), 1);
        match self {
            FetchError::Http(status) => format!("HTTP {status}"),
            FetchError::Network => s.network_error.to_owned(),
            FetchError::Timeout(ms) => s.no_answer.replace("{s}", &crate::num::fixed(f64::from(*ms) / 1000.0, 2)),
            FetchError::TooLarge(bytes) => s
                .too_large
                .replace("{size}", &mb(*bytes))
                .replace("{limit}", &(MAX_DOCUMENT_BYTES / 1024 / 1024).to_string()),
            FetchError::Unreadable => s.unreadable.to_owned(),
        }
    }
}

/// Fetches a text over HTTP, giving up after `timeout_ms` and refusing bodies larger than
/// [`MAX_DOCUMENT_BYTES`] (by their `Content-Length` before reading, and by their length after).
pub async fn fetch_text(url: &str, timeout_ms: u32) -> Result<String, FetchError> {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let controller = web_sys::AbortController::new().ok();
    let init = web_sys::RequestInit::new();
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
    }
    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        gloo::timers::callback::Timeout::new(timeout_ms, move || {
            timed_out.set(true);
            if let Some(c) = controller {
                c.abort();
            }
        })
    };
    let failed = |timed_out: &Rc<Cell<bool>>| {
        if timed_out.get() {
            FetchError::Timeout(timeout_ms)
        } else {
            FetchError::Network
        }
    };
    let response = JsFuture::from(gloo::utils::window().fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| failed(&timed_out))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::Unreadable)?;
    if !response.ok() {
        return Err(FetchError::Http(response.status()));
    }
    let declared = response.headers().get("content-length").ok().flatten().and_then(|n| n.parse::<u64>().ok());
    if let Some(n) = declared.filter(|&n| n > MAX_DOCUMENT_BYTES) {
        return Err(FetchError::TooLarge(n));
    }
    let text =
        JsFuture::from(response.text().map_err(|_| FetchError::Unreadable)?).await.map_err(|_| failed(&timed_out))?;
    let text = text.as_string().ok_or(FetchError::Unreadable)?;
    if text.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(FetchError::TooLarge(text.len() as u64));
    }
    Ok(text)
}
