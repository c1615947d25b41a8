//! article-explorer: a news article, shown as written (Arabic, right to left), that a reader can
//! explore.
//!
//! Modules in reading order:
//! - [`model`]: the article as plain data, and readers that build it from text. Pure Rust: it never
//!   imports `yew` or `web_sys`, and is tested with plain `cargo test`.
//! - [`text`]: Arabic normalisation, mention finding, quote anchoring. Pure Rust too.
//! - [`state`]: the reader's selection as a pure reducer; [`link`]: deep links in the fragment;
//!   [`i18n`]: every UI string; Pure.
//! - [`seed`]: the demo's default content, the seed article embedded at compile time.
//! - [`components`]: the Yew view. The only module that touches the DOM.
//!
//! The public entry point for a host page is [`mount`].

pub mod components;

pub mod geo;
pub mod graph;
pub mod i18n;
pub mod link;
pub mod model;
pub mod seed;
pub mod state;
pub mod text;

pub use components::{App, AppProps};

/// Mounts the explorer into `root`, showing the seed document.
///
/// The returned handle keeps the app alive; dropping it does not unmount it (Yew's behaviour),
/// call `destroy()` on it to unmount.
pub fn mount(root: web_sys::Element) -> yew::AppHandle<App> {
    mount_with(root, AppProps::default())
}

/// Mounts the explorer into `root` with the given properties: another document, for example
/// `AppProps::from_json(json)`.
pub fn mount_with(root: web_sys::Element, props: AppProps) -> yew::AppHandle<App> {
    yew::Renderer::<App>::with_root_and_props(root, props).render()
}

/// Fetches a text over HTTP: the body, or what went wrong ("HTTP 404", "network error").
pub async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    let response = wasm_bindgen_futures::JsFuture::from(gloo::utils::window().fetch_with_str(url))
        .await
        .map_err(|_| "network error".to_owned())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(|_| "unreadable body".to_owned())?)
        .await
        .map_err(|_| "unreadable body".to_owned())?;
    text.as_string().ok_or_else(|| "unreadable body".to_owned())
}
