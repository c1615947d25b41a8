//! The publisher module: `publish(text, base)` validates an authoring document and returns its
//! published form as JSON, or throws its problems as `[[path, message], …]`. The catalogues the
//! document names are fetched first, relative to `base` (the document's URL, or the page's).
//! `embed.js` imports it (and its wasm) only when a widget is given an authoring document.

use std::collections::HashMap;

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
async fn fetch_catalogue(reference: &str, base: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window to fetch from")?;
    // The document's URL may itself be relative to the page.
    let page = window.location().href().unwrap_or_default();
    let base = web_sys::Url::new_with_base(base, &page).map(|u| u.href()).unwrap_or(page);
    let url = web_sys::Url::new_with_base(reference, &base).map_err(|_| format!("«{reference}» is not a URL"))?.href();
    article_browser::fetch_text(&url, article_browser::DEFAULT_TIMEOUT_MS)
        .await
        .map_err(|e| format!("{url}: {}", e.message(article_format::i18n::Lang::En)))
}

/// Publishes an authoring document given as JSON text, its catalogues fetched relative to `base`.
#[wasm_bindgen]
pub async fn publish(text: String, base: String) -> Result<String, JsValue> {
    let mut fetched: HashMap<String, Result<String, String>> = HashMap::new();
    for reference in catalogue_refs(&text) {
        if let std::collections::hash_map::Entry::Vacant(slot) = fetched.entry(reference) {
            let got = fetch_catalogue(slot.key(), &base).await;
            slot.insert(got);
        }
    }
    let mut lookup = |r: &str| fetched.get(r).cloned().unwrap_or_else(|| Err("not fetched".to_owned()));
    article_authoring::publish::publish_json_with(&text, &mut lookup).map_err(|problems| {
        let list = js_sys::Array::new();
        for p in problems {
            let pair = js_sys::Array::new();
            pair.push(&JsValue::from_str(&p.path));
            pair.push(&JsValue::from_str(&p.message));
            list.push(&pair);
        }
        list.into()
    })
}
