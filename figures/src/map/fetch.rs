//! Fetching the base map, with a timeout; the error in the UI language.

use std::cell::Cell;
use std::rc::Rc;

use article_format::i18n::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::FETCH_TIMEOUT_MS;

/// Fetches a text, giving up after [`FETCH_TIMEOUT_MS`]; the error in the UI language.
pub(super) async fn fetch_text(url: &str, lang: Lang) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let t = lang.figure_strings();
    let window = web_sys::window().ok_or_else(|| t.map_network.to_owned())?;
    let controller = web_sys::AbortController::new().ok();
    let init = web_sys::RequestInit::new();
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
    }
    let timed_out = Rc::new(Cell::new(false));
    let abort = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Closure::once(move || {
            timed_out.set(true);
            if let Some(c) = controller {
                c.abort();
            }
        })
    };
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.as_ref().unchecked_ref(), FETCH_TIMEOUT_MS)
        .ok();
    let failed = || {
        if timed_out.get() {
            t.map_timeout.replace("{s}", &(FETCH_TIMEOUT_MS / 1000).to_string())
        } else {
            t.map_network.to_owned()
        }
    };
    let result = async {
        let response: web_sys::Response =
            JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(|_| failed())?.unchecked_into();
        if !response.ok() {
            return Err(format!("HTTP {}", response.status()));
        }
        let text = JsFuture::from(response.text().map_err(|_| failed())?).await.map_err(|_| failed())?;
        text.as_string().ok_or_else(failed)
    }
    .await;
    if let Some(id) = timer {
        window.clear_timeout_with_handle(id);
    }
    drop(abort);
    result
}
