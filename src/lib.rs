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
    geo, graph, handoff, i18n, json, limits, map, model, num, prerender, problem, published, reading, said, seed, text,
    timeline, words,
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

pub use article_browser::{fetch_text, FetchError, MAX_BYTES as MAX_DOCUMENT_BYTES};
