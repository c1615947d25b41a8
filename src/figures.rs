//! The figures below the article, the relationship graph's picture and the timeline, are a
//! WebAssembly module of their own (`figures.js`, `figures_bg.wasm`, the crate `figures/`): their
//! layout and drawing are paid for only by readers who scroll to them. The reader draws the
//! graph's heading and table of relations, gives the module two frames when they come near the
//! screen, tells it which entity is open, and does what it asks (open an entity, show an event's
//! sentence).
//!
//! Whoever starts the reader installs the way to get it: `embed.js` gives a JavaScript function
//! that imports the module ([`set_js`]); Rust code and tests give a native maker ([`set_native`]).
//! Without either, the graph shows its table only.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::Lang;
use crate::published::Reading;

/// A drawn picture, as the function that lights an entity and its neighbours (None: nothing).
/// Dropping it drops the picture's listeners.
pub type Picture = Box<dyn Fn(Option<usize>)>;

/// Draws the graph's picture and the timeline of a document into their frames; the callback is
/// called with `(PICK_ENTITY, entity)` or `(PICK_EVIDENCE, event)` (see [`crate::timeline`]).
pub type NativeMaker = fn(web_sys::Element, web_sys::Element, Rc<Reading>, Lang, Rc<dyn Fn(u32, usize)>) -> Picture;

#[derive(Clone)]
enum Maker {
    /// `() => Promise<module>`: the module exports `Figures`.
    Js(js_sys::Function),
    Native(NativeMaker),
}

thread_local! {
    static MAKER: RefCell<Option<Maker>> = const { RefCell::new(None) };
}

/// Installs the JavaScript loader of the module (`embed.js` does, once).
pub fn set_js(load: js_sys::Function) {
    MAKER.with(|m| *m.borrow_mut() = Some(Maker::Js(load)));
}

/// Installs a maker written in Rust (the tests give `article_figures::make`).
pub fn set_native(make: NativeMaker) {
    MAKER.with(|m| *m.borrow_mut() = Some(Maker::Native(make)));
}

/// The module's `Figures`, and the callback it was given (kept alive with it).
struct JsPicture {
    object: JsValue,
    _on_pick: Closure<dyn Fn(u32, u32)>,
}

impl JsPicture {
    fn set_open(&self, open: Option<usize>) {
        let index = open.map_or(-1.0, |i| i as f64);
        if let Ok(f) = js_sys::Reflect::get(&self.object, &"setOpen".into()).and_then(|f| f.dyn_into::<js_sys::Function>().map_err(JsValue::from)) {
            let _ = f.call1(&self.object, &JsValue::from_f64(index));
        }
    }
}

impl Drop for JsPicture {
    fn drop(&mut self) {
        if let Ok(f) = js_sys::Reflect::get(&self.object, &"free".into()).and_then(|f| f.dyn_into::<js_sys::Function>().map_err(JsValue::from)) {
            let _ = f.call0(&self.object);
        }
    }
}

/// Draws the picture with the installed maker; None without one, or when the module could not
/// be loaded (the table of relations stays).
pub async fn make(graph: web_sys::Element, timeline: web_sys::Element, doc: Rc<Reading>, lang: Lang, on_pick: Rc<dyn Fn(u32, usize)>) -> Option<Picture> {
    let maker = MAKER.with(|m| m.borrow().clone())?;
    match maker {
        Maker::Native(make) => Some(make(graph, timeline, doc, lang, on_pick)),
        Maker::Js(load) => {
            let json = doc.json.clone()?;
            let promise = load.call0(&JsValue::NULL).ok()?.dyn_into::<js_sys::Promise>().ok()?;
            let module = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
            let class = js_sys::Reflect::get(&module, &"Figures".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
            let on_pick = Closure::<dyn Fn(u32, u32)>::new(move |kind: u32, i: u32| on_pick(kind, i as usize));
            let args = js_sys::Array::of5(&graph, &timeline, &JsValue::from_str(&json), &JsValue::from_str(lang.code()), on_pick.as_ref());
            let object = js_sys::Reflect::construct(&class, &args).ok()?;
            let picture = JsPicture { object, _on_pick: on_pick };
            Some(Box::new(move |open| picture.set_open(open)))
        }
    }
}
