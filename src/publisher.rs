//! Reading an authoring document in the browser: the reader itself reads only published
//! documents. Given an authoring one, it asks the publisher, the core compiled to a WebAssembly
//! module of its own (`publisher.js`, `publisher_bg.wasm`), which `embed.js` imports the first
//! time it is needed: a page whose documents are published never downloads it.
//!
//! The publisher is installed by whoever starts the reader: `embed.js` gives a JavaScript
//! function ([`set_js`]); Rust code and tests may give a native one ([`set_native`]).

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};

use crate::model::Problem;

/// Publishes an authoring document given as JSON: the published document as JSON, or its problems.
pub type NativePublisher = fn(&str) -> Result<String, Vec<Problem>>;

#[derive(Clone)]
enum Publisher {
    /// `(text, base) => Promise<string>`, rejecting with `[[path, message], …]` or an error;
    /// `base` is the URL the document's catalogues are relative to (empty: the page's).
    Js(js_sys::Function),
    Native(NativePublisher),
}

thread_local! {
    static PUBLISHER: RefCell<Option<Publisher>> = const { RefCell::new(None) };
}

/// Installs the JavaScript publisher (`embed.js` does, once).
pub fn set_js(publish: js_sys::Function) {
    PUBLISHER.with(|p| *p.borrow_mut() = Some(Publisher::Js(publish)));
}

/// Installs a publisher written in Rust (the tests give `article_authoring::publish::publish_json`).
pub fn set_native(publish: NativePublisher) {
    PUBLISHER.with(|p| *p.borrow_mut() = Some(Publisher::Native(publish)));
}

/// Removes the installed publisher (tests of a reader without one).
pub fn clear() {
    PUBLISHER.with(|p| *p.borrow_mut() = None);
}

fn problem(message: impl Into<String>) -> Vec<Problem> {
    vec![Problem { path: String::new(), message: message.into() }]
}

/// Problems as the JavaScript publisher rejects with them: `[[path, message], …]`.
fn problems_of(error: &JsValue) -> Vec<Problem> {
    if let Some(list) = error.dyn_ref::<js_sys::Array>() {
        let problems: Vec<Problem> = list
            .iter()
            .filter_map(|p| {
                let p = p.dyn_into::<js_sys::Array>().ok()?;
                Some(Problem { path: p.get(0).as_string()?, message: p.get(1).as_string()? })
            })
            .collect();
        if !problems.is_empty() {
            return problems;
        }
    }
    let message = error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| error.as_string());
    problem(format!("the publisher could not be loaded: {}", message.unwrap_or_else(|| "unknown error".into())))
}

/// Publishes an authoring document with the installed publisher; its catalogues are relative
/// to `base` (the document's URL; empty: the page's).
pub async fn publish(json: &str, base: &str) -> Result<String, Vec<Problem>> {
    let publisher = PUBLISHER.with(|p| p.borrow().clone());
    match publisher {
        None => Err(problem(
            "this is an authoring document, and no publisher is installed to read it: publish it with `cargo xtask publish`, or load the widget through embed.js",
        )),
        Some(Publisher::Native(publish)) => publish(json),
        Some(Publisher::Js(f)) => {
            let promise = f.call2(&JsValue::NULL, &JsValue::from_str(json), &JsValue::from_str(base)).map_err(|e| problems_of(&e))?;
            let promise = promise.dyn_into::<js_sys::Promise>().map_err(|_| problem("the publisher gave no promise"))?;
            let value = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|e| problems_of(&e))?;
            value.as_string().ok_or_else(|| problem("the publisher gave no text"))
        }
    }
}
