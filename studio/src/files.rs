//! Files: where the browser has the File System Access API, "Open" keeps the file's handle and
//! "Save" writes back to that file (asking its permission again after a reload); elsewhere, or
//! for a draft never opened from a file, Save asks where to save once (a save picker), or
//! downloads. The handle is kept in IndexedDB with the draft (`crate::drafts`).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Whether the browser can open files for writing back (File System Access).
pub fn can_write_back() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"showOpenFilePicker".into()).ok())
        .is_some_and(|f| f.is_function())
}

fn can_pick_save() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"showSaveFilePicker".into()).ok())
        .is_some_and(|f| f.is_function())
}

fn json_types() -> js_sys::Array {
    let accept = js_sys::Object::new();
    let _ =
        js_sys::Reflect::set(&accept, &"application/json".into(), &js_sys::Array::of2(&".json".into(), &".txt".into()));
    let t = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&t, &"description".into(), &"JSON, text".into());
    let _ = js_sys::Reflect::set(&t, &"accept".into(), &accept);
    js_sys::Array::of1(&t)
}

/// Asks for a file to open: its handle, its name and its text. None when the editor cancels.
pub async fn pick_and_read() -> Option<(JsValue, String, String)> {
    let window = web_sys::window()?;
    let options = web_sys::OpenFilePickerOptions::new();
    let _ = js_sys::Reflect::set(&options, &"types".into(), &json_types());
    let picked = JsFuture::from(window.show_open_file_picker_with_options(&options).ok()?).await.ok()?;
    let handle: web_sys::FileSystemFileHandle = js_sys::Array::from(&picked).get(0).dyn_into().ok()?;
    let file: web_sys::File = JsFuture::from(handle.get_file()).await.ok()?.dyn_into().ok()?;
    let text = JsFuture::from(file.text()).await.ok()?.as_string()?;
    let name = file.name();
    Some((handle.into(), name, text))
}

/// Reads the file chosen in a file input.
pub async fn read_input(input: &web_sys::HtmlInputElement) -> Option<(String, String)> {
    let file = input.files()?.get(0)?;
    let text = JsFuture::from(file.text()).await.ok()?.as_string()?;
    Some((file.name(), text))
}

/// How a document was saved.
pub enum Saved {
    /// Written to this file (its handle, its name).
    ToFile(JsValue, String),
    /// Downloaded with this name.
    Downloaded(String),
}

/// Writes `text` back to the file of `handle`, asking for its permission if need be (the editor
/// has just clicked Save: the browser may ask them). The handle again, and its name.
async fn write_to(handle: &JsValue, text: &str) -> Result<String, JsValue> {
    let handle: web_sys::FileSystemFileHandle = handle.clone().dyn_into()?;
    let fs: &web_sys::FileSystemHandle = handle.as_ref();
    let descriptor = web_sys::FileSystemHandlePermissionDescriptor::new();
    descriptor.set_mode(web_sys::FileSystemPermissionMode::Readwrite);
    let state = JsFuture::from(fs.query_permission_with_descriptor(&descriptor)).await?;
    if state.as_string().as_deref() != Some("granted") {
        let asked = JsFuture::from(fs.request_permission_with_descriptor(&descriptor)).await?;
        if asked.as_string().as_deref() != Some("granted") {
            return Err(JsValue::from_str("permission refused"));
        }
    }
    let stream: web_sys::FileSystemWritableFileStream = JsFuture::from(handle.create_writable()).await?.dyn_into()?;
    JsFuture::from(stream.write_with_str(text)?).await?;
    JsFuture::from(stream.close()).await?;
    Ok(fs.name())
}

/// Saves the authoring document: back to its file when there is one (and the browser can), else
/// where the editor picks once (then that file is the draft's), else as a download.
pub async fn save(handle: Option<JsValue>, suggested: &str, text: &str) -> Result<Saved, String> {
    if let Some(h) = handle {
        match write_to(&h, text).await {
            Ok(name) => return Ok(Saved::ToFile(h, name)),
            Err(e) => web_sys::console::warn_2(&"article-explorer: writing back failed; downloading".into(), &e),
        }
    }
    if can_pick_save() {
        if let Some(window) = web_sys::window() {
            let options = web_sys::SaveFilePickerOptions::new();
            let _ = js_sys::Reflect::set(&options, &"suggestedName".into(), &suggested.into());
            let _ = js_sys::Reflect::set(&options, &"types".into(), &json_types());
            if let Ok(promise) = window.show_save_file_picker_with_options(&options) {
                match JsFuture::from(promise).await {
                    Ok(h) => {
                        let h: JsValue = h.into();
                        return write_to(&h, text)
                            .await
                            .map(|name| Saved::ToFile(h, name))
                            .map_err(|e| format!("{e:?}"));
                    }
                    // The editor cancelled the picker: nothing saved, nothing said wrong.
                    Err(e) if format!("{e:?}").contains("AbortError") => return Err(String::new()),
                    Err(_) => {}
                }
            }
        }
    }
    download(suggested, text, "application/json");
    Ok(Saved::Downloaded(suggested.to_owned()))
}

/// Offers a text as a file to download.
pub fn download(name: &str, text: &str, kind: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(a) = document.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // The download reads the URL after this returns: it is let go at the next download.
    thread_local! { static LAST: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) }; }
    if let Some(old) = LAST.with(|l| l.borrow_mut().replace(url)) {
        let _ = web_sys::Url::revoke_object_url(&old);
    }
}
