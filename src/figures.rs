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

use crate::i18n::Lang;
use article_format::reading::Reading;

/// A drawn figure, as the function the reader tells things to ([`crate::timeline::TELL_OPEN`]
/// and the others, with an entity or None). Dropping it drops the figure's listeners.
pub type Told = Box<dyn Fn(u32, Option<usize>)>;

/// Draws the graph's picture and the timeline of a document into their frames; the callback is
/// called with `(PICK_ENTITY, entity)` or `(PICK_EVIDENCE, event)` (see [`crate::timeline`]).
pub type NativeMaker = fn(web_sys::Element, web_sys::Element, Rc<Reading>, Lang, Rc<dyn Fn(u32, usize)>) -> Told;

/// Draws the map of a document into its frame, its base map fetched from the URL given.
pub type NativeMapMaker = fn(web_sys::Element, Rc<Reading>, Lang, String, Rc<dyn Fn(u32, usize)>) -> Told;

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
    fn tell(&self, what: u32, index: Option<usize>) {
        let index = index.map_or(-1.0, |i| i as f64);
        if let Ok(f) = js_sys::Reflect::get(&self.object, &"tell".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>().map_err(JsValue::from))
        {
            let _ = f.call2(&self.object, &JsValue::from(what), &JsValue::from_f64(index));
        }
    }
}

impl Drop for JsFigure {
    fn drop(&mut self) {
        if let Ok(f) = js_sys::Reflect::get(&self.object, &"free".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>().map_err(JsValue::from))
        {
            let _ = f.call0(&self.object);
        }
    }
}

/// Constructs the module's class `name` with `frames`, then the published document, the
/// language, `extra` (if any) and the callback.
async fn construct(
    load: js_sys::Function,
    name: &str,
    frames: &[&JsValue],
    doc: &Reading,
    lang: Lang,
    extra: Option<&str>,
    on_pick: Rc<dyn Fn(u32, usize)>,
) -> Option<Told> {
    let json = doc.json.clone()?;
    let promise = load.call0(&JsValue::NULL).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let module = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let class = js_sys::Reflect::get(&module, &name.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let on_pick = Closure::<dyn Fn(u32, u32)>::new(move |kind: u32, i: u32| on_pick(kind, i as usize));
    let args = js_sys::Array::new();
    for f in frames {
        args.push(f);
    }
    args.push(&JsValue::from_str(&json));
    args.push(&JsValue::from_str(lang.code()));
    if let Some(x) = extra {
        args.push(&JsValue::from_str(x));
    }
    args.push(on_pick.as_ref());
    let object = js_sys::Reflect::construct(&class, &args).ok()?;
    let figure = JsFigure { object, _on_pick: on_pick };
    Some(Box::new(move |what, i| figure.tell(what, i)))
}

/// Draws the graph's picture and the timeline with the installed maker; None without one, or
/// when the module could not be loaded (the table of relations stays).
pub async fn make(
    graph: web_sys::Element,
    timeline: web_sys::Element,
    doc: Rc<Reading>,
    lang: Lang,
    on_pick: Rc<dyn Fn(u32, usize)>,
) -> Option<Told> {
    match MAKER.with(|m| m.borrow().clone())? {
        Maker::Native(make, _) => Some(make(graph, timeline, doc, lang, on_pick)),
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
    on_pick: Rc<dyn Fn(u32, usize)>,
) -> Option<Told> {
    match MAKER.with(|m| m.borrow().clone())? {
        Maker::Native(_, make_map) => Some(make_map(body, doc, lang, src, on_pick)),
        Maker::Js(load) => construct(load, "FigureMap", &[&body], &doc, lang, Some(&src), on_pick).await,
    }
}
