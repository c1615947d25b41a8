//! The publisher module: `publish(text)` validates an authoring document and returns its
//! published form as JSON, or throws its problems as `[[path, message], …]`. `embed.js` imports
//! it (and its wasm) only when a widget is given an authoring document.

use wasm_bindgen::prelude::*;

/// Publishes an authoring document given as JSON text.
#[wasm_bindgen]
pub fn publish(text: &str) -> Result<String, JsValue> {
    article_core::published::publish_json(text).map_err(|problems| {
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
