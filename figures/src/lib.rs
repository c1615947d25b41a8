//! The figures below the article, a module of their own: the relationship graph's picture and the
//! timeline ([`Timeline`]).
//!
//! The relationship graph's picture: the layout of [`article_format::graph`] drawn as SVG into a
//! frame the reader gives, made for the frame's width (again on every resize), with the open
//! entity and its neighbours lit. Above [`FOCUS_ABOVE`] entities, an open entity is drawn with
//! its neighbours only, and a button shows the whole graph. What one picture draws is bounded
//! ([`article_format::graph::select`]): a larger graph is drawn as an overview of its most
//! related part, and the picture says what it leaves out (the table of relations lists all).
//!
//! It is a WebAssembly module of its own, without Yew (`figures.js`, `figures_bg.wasm`): the reader
//! loads it when the figures come into view, so that a reader who never scrolls that far never
//! downloads it. The reader keeps the heading and the table of relations, the graph's accessible
//! alternative; the picture is `aria-hidden`.
//!
//! Every string of the document goes into the DOM as text (`textContent`) or as an attribute
//! value, never as markup. Rust code (the reader's tests) uses [`Picture`] directly; JavaScript
//! uses [`Figures`]; the reader's tests use [`make`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use article_format::graph::{layout, Layout, DEFAULT_WIDTH, FOCUS_ABOVE, FONT, LINE_H};
use article_format::handoff::{Pick, Sketch, Tell};
use article_format::i18n::Lang;
use article_format::num::fixed;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

mod map;
mod timeline;
pub use map::{MapFigure, STEP_MS};
pub use timeline::Timeline;

const SVG: &str = "http://www.w3.org/2000/svg";
/// Above this many items, a list (the timeline's events, the story's steps) is laid out only near
/// the screen (`.ae-many` in figures.css).
const MANY: usize = 40;

struct Inner {
    frame: Element,
    doc: Rc<Sketch>,
    lang: Lang,
    on_open: Rc<dyn Fn(usize)>,
    open: Cell<Option<usize>>,
    whole: Cell<bool>,
    /// The frame's width in multiples of 8, measured when drawn first and on each resize only:
    /// lighting an entity never forces a layout (0: the frame had no width).
    width: Cell<u32>,
    /// What the last drawing was made for: (width, focus).
    drawn: Cell<Option<(u32, Option<usize>)>>,
    nodes: RefCell<Vec<(usize, Element)>>,
    edges: RefCell<Vec<(usize, usize, Element)>>,
}

/// The picture in a frame; drawn at once. Dropping it removes its listeners (the drawing stays
/// until the frame goes).
pub struct Picture {
    inner: Rc<Inner>,
    click: Closure<dyn Fn(web_sys::Event)>,
    resize: Closure<dyn Fn(web_sys::Event)>,
}

impl Picture {
    /// Draws `doc`'s graph into `frame`, labels in `lang`; a click on an entity calls `on_open`
    /// with its index.
    pub fn new(frame: Element, doc: Rc<Sketch>, lang: Lang, on_open: Rc<dyn Fn(usize)>) -> Picture {
        let inner = Rc::new(Inner {
            frame,
            doc,
            lang,
            on_open,
            open: Cell::new(None),
            whole: Cell::new(false),
            width: Cell::new(0),
            drawn: Cell::new(None),
            nodes: RefCell::new(Vec::new()),
            edges: RefCell::new(Vec::new()),
        });
        let click = {
            let inner = inner.clone();
            Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| inner.click(&e))
        };
        let resize = {
            let inner = inner.clone();
            Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
                inner.measure();
                inner.draw();
            })
        };
        // Capture: a click on a node reaches the frame first, bubbling or not.
        let _ = inner.frame.add_event_listener_with_callback_and_bool("click", click.as_ref().unchecked_ref(), true);
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("resize", resize.as_ref().unchecked_ref());
        }
        inner.measure();
        inner.draw();
        Picture { inner, click, resize }
    }

    /// Lights `open` and its neighbours (None: nothing). A large graph is drawn again, focused.
    pub fn set_open(&self, open: Option<usize>) {
        let inner = &self.inner;
        if inner.open.get() != open {
            inner.open.set(open);
            inner.whole.set(false);
        }
        inner.draw();
    }
}

impl Drop for Picture {
    fn drop(&mut self) {
        let _ = self.inner.frame.remove_event_listener_with_callback_and_bool(
            "click",
            self.click.as_ref().unchecked_ref(),
            true,
        );
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback("resize", self.resize.as_ref().unchecked_ref());
        }
    }
}

#[inline(never)]
pub(crate) fn el(document: &web_sys::Document, name: &str, attrs: &[(&str, &str)]) -> Element {
    let e = document.create_element_ns(Some(SVG), name).expect("an SVG element");
    for (k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
    e
}

pub(crate) fn set_class(e: &Element, class: &str, on: bool) {
    let _ = e.class_list().toggle_with_force(class, on);
}

impl Inner {
    fn large(&self) -> bool {
        self.doc.entities.len() > FOCUS_ABOVE
    }

    fn focus(&self) -> Option<usize> {
        self.open.get().filter(|_| self.large() && !self.whole.get())
    }

    fn click(&self, e: &web_sys::Event) {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        if target.closest("[data-ae-whole]").ok().flatten().is_some() {
            self.whole.set(!self.whole.get());
            self.draw();
        } else if let Some(node) = target.closest(".ae-node").ok().flatten() {
            if let Some(i) = node.get_attribute("data-entity").and_then(|id| self.doc.entity_index(&id)) {
                (self.on_open)(i);
            }
        }
    }

    fn measure(&self) {
        self.width.set((self.frame.client_width().max(0) as u32) / 8 * 8);
    }

    /// Draws the picture if its width or focus changed, then lights it.
    fn draw(&self) {
        let measured = self.width.get();
        let focus = self.focus();
        if self.drawn.get() != Some((measured, focus)) {
            self.drawn.set(Some((measured, focus)));
            let width = if measured == 0 { DEFAULT_WIDTH } else { f64::from(measured) };
            let l = layout(&self.doc, self.lang, self.lang == Lang::Ar, width, focus);
            self.build(&l);
        }
        self.light();
    }

    fn build(&self, l: &Layout) {
        let Some(document) = self.frame.owner_document() else { return };
        let t = self.lang.figure_strings();
        let mut children: Vec<Element> = Vec::new();
        // What the picture leaves out (a large graph's overview, an entity with more neighbours
        // than one picture holds), said above it.
        let left_out = match (l.left_out, self.focus()) {
            ((0, 0), _) => None,
            (_, None) => Some(
                t.graph_overview
                    .replace("{n}", &l.nodes.len().to_string())
                    .replace("{total}", &self.doc.entities.len().to_string()),
            ),
            ((_, relations), Some(_)) => Some(t.graph_left_out.replace("{n}", &relations.to_string())),
        };
        if (self.large() && self.open.get().is_some()) || left_out.is_some() {
            let bar = document.create_element("p").expect("p");
            bar.set_class_name("ae-graph-focus");
            for text in [self.focus().map(|_| t.graph_focused), left_out.as_deref()].into_iter().flatten() {
                let caption = document.create_element("span").expect("span");
                caption.set_text_content(Some(text));
                let _ = bar.append_child(&caption);
            }
            if self.large() && self.open.get().is_some() {
                let button = document.create_element("button").expect("button");
                let _ = button.set_attribute("type", "button");
                let _ = button.set_attribute("class", "ae-link");
                let _ = button.set_attribute("data-ae-whole", "");
                let _ = button.set_attribute("aria-pressed", if self.whole.get() { "true" } else { "false" });
                button.set_text_content(Some(t.graph_whole));
                let _ = bar.append_child(&button);
            }
            children.push(bar);
        }
        let (w, h) = (fixed(l.width, 0), fixed(l.height, 0));
        let svg = el(
            &document,
            "svg",
            &[
                ("viewBox", &format!("0 0 {w} {h}")),
                ("width", &w),
                ("height", &h),
                ("aria-hidden", "true"),
                ("focusable", "false"),
                ("dir", "ltr"),
                // The geometry assumes centred labels whatever the stylesheet.
                ("text-anchor", "middle"),
            ],
        );
        let mut edges = Vec::new();
        for edge in &l.edges {
            let g = el(&document, "g", &[("class", "ae-edge")]);
            let _ = g.append_child(&el(&document, "path", &[("d", &edge.path())]));
            if let Some(r) = edge.label_rect {
                let _ = g.append_child(&el(
                    &document,
                    "rect",
                    &[
                        ("class", "ae-edge-label-bg"),
                        ("x", &fixed(r.x, 1)),
                        ("y", &fixed(r.y, 1)),
                        ("width", &fixed(r.w, 1)),
                        ("height", &fixed(r.h, 1)),
                        ("rx", "4"),
                    ],
                ));
                let text = el(&document, "text", &[("x", &fixed(r.cx(), 1)), ("y", &fixed(r.cy() + FONT * 0.35, 1))]);
                text.set_text_content(Some(&edge.label));
                let _ = g.append_child(&text);
            }
            let _ = svg.append_child(&g);
            edges.push((edge.subject, edge.object, g));
        }
        let mut nodes = Vec::new();
        for node in &l.nodes {
            let e = &self.doc.entities[node.entity];
            let g =
                el(&document, "g", &[("class", &format!("ae-node ae-k-{}", e.kind.slug())), ("data-entity", &e.id)]);
            let r = node.rect;
            let _ = g.append_child(&el(
                &document,
                "rect",
                &[
                    ("x", &fixed(r.x, 1)),
                    ("y", &fixed(r.y, 1)),
                    ("width", &fixed(r.w, 1)),
                    ("height", &fixed(r.h, 1)),
                    ("rx", "6"),
                ],
            ));
            // Lines centred on the box.
            let text = el(&document, "text", &[]);
            let first = r.cy() - (node.lines.len() - 1) as f64 * LINE_H / 2.0 + FONT * 0.35;
            for (i, line) in node.lines.iter().enumerate() {
                let span =
                    el(&document, "tspan", &[("x", &fixed(r.cx(), 1)), ("y", &fixed(first + i as f64 * LINE_H, 1))]);
                span.set_text_content(Some(line));
                let _ = text.append_child(&span);
            }
            let _ = g.append_child(&text);
            let _ = svg.append_child(&g);
            nodes.push((node.entity, g));
        }
        children.push(svg);
        let list = js_sys::Array::new();
        for c in &children {
            list.push(c);
        }
        self.frame.replace_children_with_node(&list);
        *self.nodes.borrow_mut() = nodes;
        *self.edges.borrow_mut() = edges;
    }

    /// The open entity and its neighbours lit, the rest faded.
    fn light(&self) {
        let open = self.open.get();
        let near: Vec<usize> = open.map(|e| self.doc.neighbours(e).chain([e]).collect()).unwrap_or_default();
        for (e, g) in self.nodes.borrow().iter() {
            let is_near = near.contains(e);
            set_class(g, "ae-near", is_near);
            set_class(g, "ae-far", open.is_some() && !is_near);
            set_class(g, "ae-current", open == Some(*e));
        }
        for (s, o, g) in self.edges.borrow().iter() {
            let lit = open.is_some_and(|e| e == *s || e == *o);
            set_class(g, "ae-near", lit);
            set_class(g, "ae-far", open.is_some() && !lit);
        }
    }
}

/// The figures' own stylesheet (`figures.css`, beside the widget's), linked once into the shadow
/// root that holds `frame`: every reader pays for the widget's stylesheet, only those who scroll
/// this far for this one. Without a shadow root (Rust code mounting the view directly), none.
pub(crate) fn add_stylesheet(frame: &Element) {
    let Some(root) = frame.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok() else { return };
    if root.query_selector("link[data-ae-figures]").ok().flatten().is_some() {
        return;
    }
    let Some(href) = root
        .query_selector("link[rel=stylesheet][href$=\"article-explorer.css\"]")
        .ok()
        .flatten()
        .and_then(|l| l.get_attribute("href"))
        .and_then(|h| Some(format!("{}figures.css", h.strip_suffix("article-explorer.css")?)))
    else {
        return;
    };
    let Some(document) = frame.owner_document() else { return };
    let Ok(link) = document.create_element("link") else { return };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &href);
    let _ = link.set_attribute("data-ae-figures", "");
    let _ = root.append_child(&link);
}

/// Scrolls an element to the middle of the screen: smoothly, unless the reader asks for less motion.
pub(crate) fn scroll_to(el: &Element) {
    let reduced = web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches());
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_behavior(if reduced { web_sys::ScrollBehavior::Instant } else { web_sys::ScrollBehavior::Smooth });
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// What the reader holds of a drawn figure: the function it tells things to. Dropping it drops
/// the figure's listeners.
pub type Told = Box<dyn Fn(Tell)>;

/// The graph's picture and the timeline, for Rust code (the reader's tests install it with
/// `article_explorer::figures::set_native`): drawn now from a sketch's bytes (what the reader
/// hands over, see [`article_format::handoff`]), lit as the reader tells; `on_pick` is called
/// with what a reader picks. None when the bytes are no sketch.
pub fn make(graph: Element, timeline: Element, sketch: &[u8], lang: Lang, on_pick: Rc<dyn Fn(Pick)>) -> Option<Told> {
    let doc = Rc::new(Sketch::decode(sketch)?);
    add_stylesheet(&graph);
    let open_entity = on_pick.clone();
    let picture = Picture::new(graph, doc.clone(), lang, Rc::new(move |e| open_entity(Pick::Entity(e))));
    let timeline = Timeline::new(timeline, doc, lang, on_pick);
    Some(Box::new(move |told| {
        if let Tell::Open(open) = told {
            picture.set_open(open);
            timeline.set_open(open);
        }
    }))
}

/// The map, for Rust code: drawn into `body` now, its base map fetched from `src`.
pub fn make_map(body: Element, sketch: &[u8], lang: Lang, src: String, on_pick: Rc<dyn Fn(Pick)>) -> Option<Told> {
    let map = MapFigure::new(body, Rc::new(Sketch::decode(sketch)?), lang, src, on_pick);
    Some(Box::new(move |told| map.tell(told)))
}

fn picker(on_pick: js_sys::Function) -> Rc<dyn Fn(Pick)> {
    Rc::new(move |pick: Pick| {
        let (kind, i) = pick.wire();
        let _ = on_pick.call2(&JsValue::NULL, &JsValue::from(kind), &JsValue::from(i));
    })
}

fn lang_of(code: &str) -> Lang {
    if code == "en" {
        Lang::En
    } else {
        Lang::Ar
    }
}

fn not_a_sketch() -> JsError {
    JsError::new("not a sketch of a document")
}

/// The graph's picture and the timeline, for JavaScript: `new Figures(graphFrame, timelineFrame,
/// sketch, lang, onPick)` (`sketch` the bytes the reader hands over), `onPick(kind, index)`; then
/// `tell(what, index)` (-1: none) and `free()`.
#[wasm_bindgen]
pub struct Figures(Told);

#[wasm_bindgen]
impl Figures {
    /// Decodes the sketch (checked: this module trusts no caller), then draws.
    #[wasm_bindgen(constructor)]
    pub fn new(
        graph: Element,
        timeline: Element,
        sketch: &[u8],
        lang: &str,
        on_pick: js_sys::Function,
    ) -> Result<Figures, JsError> {
        make(graph, timeline, sketch, lang_of(lang), picker(on_pick)).map(Figures).ok_or_else(not_a_sketch)
    }

    pub fn tell(&self, what: u32, index: i32) {
        if let Some(told) = Tell::from_wire(what, index) {
            (self.0)(told);
        }
    }
}

/// The map, for JavaScript: `new FigureMap(body, sketch, lang, baseMapUrl, onPick)`; then
/// `tell(what, index)` and `free()`.
#[wasm_bindgen]
pub struct FigureMap(Told);

#[wasm_bindgen]
impl FigureMap {
    #[wasm_bindgen(constructor)]
    pub fn new(
        body: Element,
        sketch: &[u8],
        lang: &str,
        src: &str,
        on_pick: js_sys::Function,
    ) -> Result<FigureMap, JsError> {
        make_map(body, sketch, lang_of(lang), src.to_owned(), picker(on_pick)).map(FigureMap).ok_or_else(not_a_sketch)
    }

    pub fn tell(&self, what: u32, index: i32) {
        if let Some(told) = Tell::from_wire(what, index) {
            (self.0)(told);
        }
    }
}
