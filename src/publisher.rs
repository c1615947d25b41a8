//! Reading an authoring document in the browser: the reader itself reads only published
//! documents. Given an authoring one, it asks the publisher, the core compiled to a WebAssembly
//! module of its own (`publisher.js`, `publisher_bg.wasm`), which `embed.js` imports the first
//! time it is needed: a page whose documents are published never downloads it.
//!
//! The publisher is installed by whoever starts the reader: `embed.js` gives a JavaScript
//! function ([`set_js`]); Rust code and tests may give a native one ([`set_native`]).

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Lang;
use crate::problem::{Code, Message, Problem};
use crate::said;

/// Publishes an authoring document given as JSON: the published document as JSON, or its
/// problems, each already worded in the UI's language as (where, what): the reader carries no
/// words of the authoring layer.
pub type NativePublisher = fn(&str, Lang) -> Result<String, Vec<(String, String)>>;

#[derive(Clone)]
enum Publisher {
    /// `(text, base, lang) => Promise<string>`, rejecting with `[[where, what], …]` (worded in
    /// `lang`) or an error; `base` is the URL the document's catalogues are relative to (empty:
    /// the page's).
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

/// Installs a publisher written in Rust (the tests give `article_authoring::publish::publish_worded`).
pub fn set_native(publish: NativePublisher) {
    PUBLISHER.with(|p| *p.borrow_mut() = Some(Publisher::Native(publish)));
}

/// Removes the installed publisher (tests of a reader without one).
pub fn clear() {
    PUBLISHER.with(|p| *p.borrow_mut() = None);
}

fn problem(message: Message) -> Vec<Problem> {
    vec![Problem::new("", message)]
}

/// Problems a publisher worded: where and what, kept as words.
fn worded(list: Vec<(String, String)>) -> Vec<Problem> {
    list.into_iter().map(|(place, what)| Problem::new(place, said!(Code::Worded, what))).collect()
}

/// Problems as the JavaScript publisher rejects with them: `[[where, what], …]`.
fn problems_of(error: &JsValue) -> Vec<Problem> {
    if let Some(list) = error.dyn_ref::<js_sys::Array>() {
        let pairs: Vec<(String, String)> = list
            .iter()
            .filter_map(|p| {
                let p = p.dyn_into::<js_sys::Array>().ok()?;
                Some((p.get(0).as_string()?, p.get(1).as_string()?))
            })
            .collect();
        if !pairs.is_empty() {
            return worded(pairs);
        }
    }
    let message = error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| error.as_string());
    problem(said!(Code::PublisherFailed, message.unwrap_or_default()))
}

/// Publishes an authoring document with the installed publisher; its catalogues are relative
/// to `base` (the document's URL; empty: the page's); its problems worded in `lang`.
pub async fn publish(json: &str, base: &str, lang: Lang) -> Result<String, Vec<Problem>> {
    let publisher = PUBLISHER.with(|p| p.borrow().clone());
    match publisher {
        None => Err(problem(said!(Code::NeedsPublishing))),
        Some(Publisher::Native(publish)) => publish(json, lang).map_err(worded),
        Some(Publisher::Js(f)) => {
            let args =
                js_sys::Array::of3(&JsValue::from_str(json), &JsValue::from_str(base), &JsValue::from_str(lang.code()));
            let promise = f.apply(&JsValue::NULL, &args).map_err(|e| problems_of(&e))?;
            let promise =
                promise.dyn_into::<js_sys::Promise>().map_err(|_| problem(said!(Code::PublisherFailed, "")))?;
            let value = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|e| problems_of(&e))?;
            value.as_string().ok_or_else(|| problem(said!(Code::NotPublished)))
        }
    }
}
