//! The browser entry point: the JavaScript API of the widget. `embed.js` (a hand-written module
//! beside the build) loads this WebAssembly, mounts every `[data-article-explorer]` element of the
//! page, and re-exports `mount` for host pages that mount from script.

use article_explorer::components::host::{self, Mounted, Options};

use wasm_bindgen::prelude::*;

/// A mounted widget, as JavaScript holds it.
#[wasm_bindgen]
pub struct Handle(Mounted);

#[wasm_bindgen]
impl Handle {
    /// Removes the widget; the host element shows its own content again.
    pub fn unmount(&mut self) {
        self.0.unmount();
    }
}

/// `mount(element, options, base)`: mounts a widget into `element`. `options` is an object
/// (`{ src, document, lang, theme, entity, key, timeout }`); `base` is the URL of the folder of
/// the widget's files.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue, base: String) -> Result<Handle, JsError> {
    host::mount(&element, Options::from_js(&options, &base)).map(Handle).map_err(|e| JsError::new(&e))
}

/// Mounts every `[data-article-explorer]` element not mounted yet; returns an array of their
/// handles. `prefetched` maps an element to its document as `embed.js` fetched it (the text, or a
/// promise of it). An array built here, not a `Vec<Handle>`: wasm-bindgen's glue for a returned
/// vector of objects costs the reader more than the loop below.
#[wasm_bindgen(js_name = mountAll)]
pub fn mount_all(base: String, prefetched: js_sys::Map) -> js_sys::Array {
    host::mount_all(&base, &prefetched).into_iter().map(|m| JsValue::from(Handle(m))).collect()
}

/// `setPublisher(publish)`: how the reader publishes an authoring document it is given;
/// `publish(text, base, lang)` returns a promise of the published JSON, or rejects with the problems
/// worded in `lang` (`embed.js` gives one that loads the
/// publisher module on first use).
#[wasm_bindgen(js_name = setPublisher)]
pub fn set_publisher(publish: js_sys::Function) {
    article_explorer::publisher::set_js(publish);
}

/// `setFigures(load)`: how the reader gets the figures below the article (the relationship
/// graph's picture and the timeline); `load()` returns a promise of the figures module (`embed.js`
/// gives one that imports it when the figures first come into view).
#[wasm_bindgen(js_name = setFigures)]
pub fn set_figures(load: js_sys::Function) {
    article_explorer::figures::set_js(load);
}

/// Panics. The end-to-end checks call it (from a timer, as a crash would happen) to see that a
/// crash, a trap in the release build, replaces every widget with its message.
#[wasm_bindgen(js_name = __crashForTests)]
pub fn crash_for_tests() {
    panic!("a crash asked for by a test");
}

fn main() {
    host::install_panic_hook();
}
