//! The publisher module: `publish(text, base, lang)` validates an authoring document and returns
//! its published form as JSON, or throws its problems as `[[where, what], …]`, worded in `lang`;
//! given a published document the reader could not read (or a text that is not JSON), it throws
//! that document's problems, worded (the reader has no words for them). The catalogues the
//! document names are fetched first, relative to `base` (the document's URL, or the page's).
//! `embed.js` imports it (and its wasm) only when a widget is given an authoring document.

use std::collections::HashMap;

use article_browser::FetchError;
use article_format::i18n::Lang;
use wasm_bindgen::prelude::*;

/// The references a document's `catalogues` lists (none when it lists none or is not JSON: the
/// publisher then reports what is wrong with it).
fn catalogue_refs(text: &str) -> Vec<String> {
    use article_format::json::{parse, Value};
    let Ok(Value::Object(members)) = parse(text) else { return Vec::new() };
    let Some((_, Value::Array(list))) = members.iter().find(|(k, _)| k == "catalogues") else { return Vec::new() };
    list.iter().filter_map(|v| if let Value::String(s) = v { Some(s.clone()) } else { None }).collect()
}

/// A catalogue's text, fetched from `reference` resolved against `base`, through the widget's one
/// fetch (its timeout and size limit).
async fn fetch_catalogue(reference: &str, base: &str, lang: Lang) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window to fetch from")?;
    // The document's URL may itself be relative to the page.
    let page = window.location().href().unwrap_or_default();
    let base = web_sys::Url::new_with_base(base, &page).map(|u| u.href()).unwrap_or(page);
    let url = web_sys::Url::new_with_base(reference, &base).map_err(|_| FetchError::Network.message(lang))?.href();
    article_browser::fetch_text(&url, article_browser::DEFAULT_TIMEOUT_MS).await.map_err(|e| e.message(lang))
}

/// Publishes an authoring document given as JSON text, its catalogues fetched relative to `base`;
/// its problems thrown as `[[where, what], …]`, worded in `lang` ("ar" or "en").
#[wasm_bindgen]
pub async fn publish(text: String, base: String, lang: String) -> Result<String, JsValue> {
    let lang = if lang == "en" { Lang::En } else { Lang::Ar };
    let throw = |problems: Vec<(String, String)>| -> JsValue {
        let list = js_sys::Array::new();
        for (place, what) in problems {
            list.push(&js_sys::Array::of2(&JsValue::from_str(&place), &JsValue::from_str(&what)));
        }
        list.into()
    };
    // A published document that the reader could not read (or a text that is not JSON): its
    // problems worded, as the reader has no words for them.
    if let Some(read) = article_authoring::publish::read_worded(&text, lang) {
        return read.map(|()| text).map_err(throw);
    }
    let mut fetched: HashMap<String, Result<String, String>> = HashMap::new();
    for reference in catalogue_refs(&text) {
        if let std::collections::hash_map::Entry::Vacant(slot) = fetched.entry(reference) {
            let got = fetch_catalogue(slot.key(), &base, lang).await;
            slot.insert(got);
        }
    }
    let mut lookup = |r: &str| fetched.get(r).cloned().unwrap_or_else(|| Err("not fetched".to_owned()));
    article_authoring::publish::publish_json_with(&text, &mut lookup)
        .map_err(|problems| throw(article_authoring::publish::worded(&problems, &text, lang)))
}
