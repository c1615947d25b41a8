//! The figures below the article, the map, the timeline and the relationship graph's picture,
//! are a WebAssembly module of their own (`figures.js`, `figures_bg.wasm`, the crate `figures/`):
//! their geometry, layout and drawing are paid for only by readers who scroll to them. The reader
//! draws the headings and the graph's table of relations, gives the module frames when they come
//! near the screen, tells it which entity is open or to show, and does what it asks (open an
//! entity, show an event's sentence).
//!
//! Whoever starts the reader installs the way to get it: `embed.js` gives a JavaScript function
//! that imports the module ([`set_js`]); Rust code and tests give a native maker ([`set_native`]).
//! Without either, the graph shows its table only.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::handoff::{encode, Pick, Tell};
use crate::i18n::Lang;
use article_format::reading::Reading;

/// A drawn figure, as the function the reader tells things to. Dropping it drops the figure's
/// listeners.
pub type Told = Box<dyn Fn(Tell)>;

/// Draws the graph's picture and the timeline of a document (its sketch's bytes, see
/// [`crate::handoff`]) into their frames; the callback gets what a reader picks.
pub type NativeMaker = fn(web_sys::Element, web_sys::Element, &[u8], Lang, Rc<dyn Fn(Pick)>) -> Option<Told>;

/// Draws the map of a document into its frame, its base map fetched from the URL given.
pub type NativeMapMaker = fn(web_sys::Element, &[u8], Lang, String, Rc<dyn Fn(Pick)>) -> Option<Told>;

#[derive(Clone)]
enum Maker {
    /// `() => Promise<module>`: the module exports `Figures` and `FigureMap`.
    Js(js_sys::Function),
    Native(NativeMaker, NativeMapMaker),
}

thread_local! {
    static MAKER: RefCell<Option<Maker>> = const { RefCell::new(None) };
}

/// Installs the JavaScript loader of the module (`embed.js` does, once).
pub fn set_js(load: js_sys::Function) {
    MAKER.with(|m| *m.borrow_mut() = Some(Maker::Js(load)));
}

/// Installs makers written in Rust (the tests give `article_figures::make` and `make_map`).
pub fn set_native(make: NativeMaker, make_map: NativeMapMaker) {
    MAKER.with(|m| *m.borrow_mut() = Some(Maker::Native(make, make_map)));
}

/// An object of the module, and the callback it was given (kept alive with it).
struct JsFigure {
    object: JsValue,
    _on_pick: Closure<dyn Fn(u32, u32)>,
}

impl JsFigure {
    fn tell(&self, told: Tell) {
        let (what, index) = told.wire();
        if let Ok(f) = js_sys::Reflect::get(&self.object, &"tell".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
        {
            let _ = f.call2(&self.object, &JsValue::from(what), &JsValue::from(index));
        }
    }
}

impl Drop for JsFigure {
    fn drop(&mut self) {
        if let Ok(f) = js_sys::Reflect::get(&self.object, &"free".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
        {
            let _ = f.call0(&self.object);
        }
    }
}

/// Constructs the module's class `name` with `frames`, then the document's sketch, the
/// language, `extra` (if any) and the callback.
async fn construct(
    load: js_sys::Function,
    name: &str,
    frames: &[&JsValue],
    doc: &Reading,
    lang: Lang,
    extra: Option<&str>,
    on_pick: Rc<dyn Fn(Pick)>,
) -> Option<Told> {
    let sketch = js_sys::Uint8Array::from(encode(doc).as_slice());
    let promise = load.call0(&JsValue::NULL).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let module = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    // Each figure drawn in a task of its own: the graph's and the map's, both waiting for the
    // module, would otherwise be drawn in one (at the format's limits, one of over 250 ms).
    let tick = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
    let class = js_sys::Reflect::get(&module, &name.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let on_pick = Closure::<dyn Fn(u32, u32)>::new(move |kind: u32, i: u32| {
        if let Some(pick) = Pick::from_wire(kind, i) {
            on_pick(pick);
        }
    });
    let args = js_sys::Array::new();
    for f in frames {
        args.push(f);
    }
    args.push(&sketch);
    args.push(&JsValue::from_str(lang.code()));
    if let Some(x) = extra {
        args.push(&JsValue::from_str(x));
    }
    args.push(on_pick.as_ref());
    let object = js_sys::Reflect::construct(&class, &args).ok()?;
    let figure = JsFigure { object, _on_pick: on_pick };
    Some(Box::new(move |told| figure.tell(told)))
}

/// Draws the graph's picture and the timeline with the installed maker; None without one, or
/// when the module could not be loaded (the table of relations stays).
pub async fn make(
    graph: web_sys::Element,
    timeline: web_sys::Element,
    doc: Rc<Reading>,
    lang: Lang,
    on_pick: Rc<dyn Fn(Pick)>,
) -> Option<Told> {
    match MAKER.with(|m| m.borrow().clone())? {
        Maker::Native(make, _) => make(graph, timeline, &encode(&doc), lang, on_pick),
        Maker::Js(load) => construct(load, "Figures", &[&graph, &timeline], &doc, lang, None, on_pick).await,
    }
}

/// Draws the map with the installed maker; None without one, or when the module could not be
/// loaded.
pub async fn make_map(
    body: web_sys::Element,
    doc: Rc<Reading>,
    lang: Lang,
    src: String,
    on_pick: Rc<dyn Fn(Pick)>,
) -> Option<Told> {
    match MAKER.with(|m| m.borrow().clone())? {
        Maker::Native(_, make_map) => make_map(body, &encode(&doc), lang, src, on_pick),
        Maker::Js(load) => construct(load, "FigureMap", &[&body], &doc, lang, Some(&src), on_pick).await,
    }
}
