//! The map: real coastlines drawn as SVG from the region's base map (fetched when the map is
//! first drawn, that is when it comes near the screen), and the document's points, areas and
//! movements over it, drawn left to right inside a right-to-left page.
//!
//! - Pan and zoom: wheel, drag, pinch, the +/− and reset buttons, and the keyboard (arrows, + −, 0).
//! - Every feature is focusable and named; a click or Enter opens its entity. A text alternative
//!   lists the features, and the movements in time order as a list and a table.
//! - The story ([`article_format::timeline::story`]): previous, next and play step through the
//!   events and movements in time order. The current step's features are marked, those not yet
//!   reached faded (`data-ae-step="now"` / `"later"`), the view is fitted to the step, and its
//!   sentence is shown with a button to it in the article. Its list of steps is the text
//!   alternative of the same steps. Motion (the fade, the pulse) follows `prefers-reduced-motion`
//!   in `figures.css`.
//!
//! The geometry is [`article_format::map`]; this module only builds elements and listens.
//! By job: drawing and the reader's requests here; `gestures.rs` (keyboard, wheel, drag, pinch;
//! client pixels to map units once), `story.rs` (the steps, their marks and playing), `text.rs`
//! (the legend and the text alternative); the base map comes through the one fetch of `article-browser`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use article_format::geo::basemap::BaseMap;
use article_format::geo::{LonLat, Projection, Xy};
use article_format::handoff::{Pick, Sketch, Tell};
use article_format::i18n::Lang;
use article_format::map::{bounds_of, extent, features, place_labels, Feature, Shape, View, LABEL_SIZE};
use article_format::num::{fixed, Fixed as F};
use article_format::timeline::{join, story, Step};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, EventTarget};

use crate::{el as svg_el, set_class};

mod gestures;
mod story;
mod text;

/// How long a base map may take to arrive.
/// How long the base map may take (it is larger than a document, and asked for later).
const FETCH_TIMEOUT_MS: u32 = 20_000;
/// How long each step stays when playing.
pub const STEP_MS: i32 = 2_500;

/// An event listener, removed when dropped.
pub(crate) struct Listener {
    target: EventTarget,
    kind: &'static str,
    f: Closure<dyn Fn(web_sys::Event)>,
}

impl Listener {
    pub(crate) fn new(
        target: &EventTarget,
        kind: &'static str,
        passive: bool,
        f: impl Fn(web_sys::Event) + 'static,
    ) -> Listener {
        let f = Closure::<dyn Fn(web_sys::Event)>::new(f);
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(passive);
        let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
            kind,
            f.as_ref().unchecked_ref(),
            &options,
        );
        Listener { target: target.clone(), kind, f }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.kind, self.f.as_ref().unchecked_ref());
    }
}

#[inline(never)]
fn html_el(document: &Document, name: &str, class: &str, text: Option<&str>) -> Element {
    let e = document.create_element(name).expect("an element");
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if text.is_some() {
        e.set_text_content(text);
    }
    e
}

#[inline(never)]
fn button(document: &Document, text: &str, attrs: &[(&str, &str)]) -> Element {
    let b = html_el(document, "button", "", Some(text));
    let _ = b.set_attribute("type", "button");
    for (k, v) in attrs {
        let _ = b.set_attribute(k, v);
    }
    b
}

#[inline(never)]
fn append(parent: &Element, children: &[&Element]) {
    for c in children {
        let _ = parent.append_child(c);
    }
}

/// A feature's elements: its group, its shape, its label and the label's leader line.
struct Drawn {
    g: Element,
    shape: Element,
    text: Element,
    leader: Option<Element>,
}

#[derive(Clone, Copy, PartialEq)]
enum Load {
    Loading,
    Ready,
    Failed,
}

struct Inner {
    body: Element,
    doc: Rc<Sketch>,
    lang: Lang,
    on_pick: Rc<dyn Fn(Pick)>,
    src: String,
    projection: Projection,
    /// The projection the base map must be in: the region's own, or the world's.
    expected: Projection,
    size: (f64, f64),
    /// The features, their label offsets and the story's steps: drawn at once, and again when
    /// the base map brings the countries' shapes and label places.
    layers: RefCell<Vec<Feature>>,
    offsets: RefCell<Vec<Xy>>,
    steps: RefCell<Vec<Step>>,
    drawn: RefCell<Vec<Drawn>>,
    /// The view fitted to the features: the first view, the reset's and the overview's.
    home: Cell<View>,
    view: Cell<View>,
    load: Cell<Load>,
    pointers: RefCell<Vec<(i32, (f64, f64))>>,
    svg: Element,
    base: Element,
    features: Element,
    legend: Element,
    text: Element,
    status: Element,
    /// The story: the current step (0: the overview, nothing faded), its controls and its list.
    at: Cell<usize>,
    /// The entity the reader has open: its features lit.
    open: Cell<Option<usize>>,
    now: Element,
    play: Option<Element>,
    step_buttons: Vec<Element>,
    timer: Cell<Option<i32>>,
    tick: RefCell<Option<Closure<dyn Fn()>>>,
    /// The studio's: a click on the map itself (not a feature, not a drag) places something there.
    on_place: Option<Rc<dyn Fn(LonLat)>>,
    /// Whether the pointer dragged since it went down (a drag pans: it places nothing).
    dragged: Cell<bool>,
}

thread_local! {
    /// The base maps read, by URL: a map drawn again (the studio's, after each edit) draws its
    /// coastlines at once instead of fetching them again.
    static BASE_MAPS: RefCell<Vec<(String, Rc<BaseMap>)>> = const { RefCell::new(Vec::new()) };
}

/// The map drawn into a frame the reader gives. Dropping it stops the story and removes its
/// listeners (the drawing stays until the frame goes).
pub struct MapFigure {
    inner: Rc<Inner>,
    _listeners: Vec<Listener>,
}

impl MapFigure {
    /// Draws `doc`'s map into `body`, its base map fetched from `src` (the region's file); a
    /// click on a feature calls `on_pick(PICK_ENTITY, entity)`, the story's "in the text"
    /// `on_pick(PICK_EVIDENCE, event)`.
    pub fn new(body: Element, doc: Rc<Sketch>, lang: Lang, src: String, on_pick: Rc<dyn Fn(Pick)>) -> MapFigure {
        MapFigure::editing(body, doc, lang, src, on_pick, None, None)
    }

    /// The map the studio draws on: as [`MapFigure::new`], and a click on the map itself (not on
    /// a feature, not the end of a drag) calls `on_place` with the position clicked; `view` is
    /// the view to open on (the one an earlier drawing had), else the one fitted to the features.
    pub fn editing(
        body: Element,
        doc: Rc<Sketch>,
        lang: Lang,
        src: String,
        on_pick: Rc<dyn Fn(Pick)>,
        on_place: Option<Rc<dyn Fn(LonLat)>>,
        view: Option<View>,
    ) -> MapFigure {
        let inner = Rc::new(Inner::build(body, doc, lang, src, on_pick, on_place));
        if let Some(v) = view {
            inner.view.set(v.clamped(inner.size));
        }
        let listen = |target: &EventTarget, kind: &'static str, passive: bool, f: fn(&Rc<Inner>, web_sys::Event)| {
            let inner = Rc::downgrade(&inner);
            Listener::new(target, kind, passive, move |e| {
                if let Some(inner) = inner.upgrade() {
                    f(&inner, e);
                }
            })
        };
        let listeners = vec![
            listen(&inner.body, "click", true, Inner::click),
            listen(&inner.body, "keydown", false, |i, e| i.key(e)),
            listen(&inner.svg, "wheel", false, |i, e| i.wheel(e)),
            listen(&inner.svg, "pointerdown", true, |i, e| i.pointer_down(e)),
            listen(&inner.svg, "pointermove", true, |i, e| i.pointer_move(e)),
            listen(&inner.svg, "pointerup", true, |i, e| i.pointer_up(e)),
            listen(&inner.svg, "pointercancel", true, |i, e| i.pointer_up(e)),
        ];
        {
            let weak = Rc::downgrade(&inner);
            *inner.tick.borrow_mut() = Some(Closure::<dyn Fn()>::new(move || {
                if let Some(inner) = weak.upgrade() {
                    inner.advance();
                }
            }));
        }
        inner.apply_view();
        Inner::fetch(&inner);
        MapFigure { inner, _listeners: listeners }
    }

    /// The view now (pan and zoom), to open the next drawing on.
    pub fn view(&self) -> View {
        self.inner.view.get()
    }

    /// What the reader tells the map.
    pub fn tell(&self, told: Tell) {
        let inner = &self.inner;
        match told {
            Tell::Open(entity) => {
                inner.open.set(entity);
                inner.light(entity);
            }
            Tell::Show(entity) => {
                let b = bounds_of(&inner.layers.borrow(), entity);
                if let Some(b) = b {
                    inner.set_view(View::fit(b, inner.size, 6.0));
                }
                crate::scroll_to(&inner.body);
            }
            Tell::Load if inner.load.get() == Load::Failed => Inner::fetch(inner),
            Tell::Load => {}
        }
    }
}

impl Drop for MapFigure {
    fn drop(&mut self) {
        self.inner.stop();
        self.inner.tick.borrow_mut().take();
    }
}

impl Inner {
    fn build(
        body: Element,
        doc: Rc<Sketch>,
        lang: Lang,
        src: String,
        on_pick: Rc<dyn Fn(Pick)>,
        on_place: Option<Rc<dyn Fn(LonLat)>>,
    ) -> Inner {
        let document = body.owner_document().expect("a document");
        let t = lang.figure_strings();
        let region = article_format::geo::map_region(&doc.map);
        let projection = region.projection;
        let size = projection.size();
        let expected = BaseMap::expected_for(&region);
        // The story's steps by event, made once: countries (drawn with the base map) join them
        // later ([`join`]).
        let initial = features(&doc, &projection, None);
        let steps = story(&doc, &initial);

        let controls = html_el(&document, "div", "ae-map-controls", None);
        append(
            &controls,
            &[
                &button(&document, "+", &[("data-ae-map", "in"), ("aria-label", t.zoom_in)]),
                &button(&document, "−", &[("data-ae-map", "out"), ("aria-label", t.zoom_out)]),
                &button(&document, t.reset_view, &[("data-ae-map", "reset")]),
            ],
        );
        let status = html_el(&document, "p", "ae-map-status", None);
        let frame = html_el(&document, "div", "ae-map-frame", None);
        let _ = frame.set_attribute("tabindex", "0");
        let _ = frame.set_attribute("role", "group");
        let _ = frame.set_attribute("aria-label", t.map_help);
        let svg = svg_el(&document, "svg", &[("dir", "ltr"), ("preserveAspectRatio", "xMidYMid meet")]);
        let defs = svg_el(&document, "defs", &[]);
        let marker = svg_el(
            &document,
            "marker",
            &[
                ("id", "ae-arrow"),
                ("viewBox", "0 0 10 10"),
                ("refX", "8"),
                ("refY", "5"),
                ("markerWidth", "6"),
                ("markerHeight", "6"),
                ("orient", "auto-start-reverse"),
            ],
        );
        append(&marker, &[&svg_el(&document, "path", &[("d", "M0 0L10 5L0 10z")])]);
        append(&defs, &[&marker]);
        let base = svg_el(&document, "g", &[("class", "ae-base")]);
        if expected != projection {
            // The world's base map, drawn into the fitted region.
            let _ = base.set_attribute("transform", &transform(&projection));
        }
        let features_g = svg_el(&document, "g", &[("class", "ae-features")]);
        let sea = svg_el(
            &document,
            "rect",
            &[("class", "ae-sea"), ("x", "0"), ("y", "0"), ("width", &fixed(size.0, 0)), ("height", &fixed(size.1, 0))],
        );
        append(&svg, &[&defs, &sea, &base, &features_g]);
        append(&frame, &[&svg]);

        // The story's controls, its current step and its steps.
        let (story_section, now, play, step_buttons) = Self::build_story(&document, &doc, lang, t, &initial, &steps);
        let legend = html_el(&document, "ul", "ae-map-legend", None);
        let text = html_el(&document, "details", "ae-map-text", None);
        let list = js_sys::Array::new();
        for c in [Some(&controls), Some(&status), Some(&frame), story_section.as_ref(), Some(&legend), Some(&text)]
            .into_iter()
            .flatten()
        {
            list.push(c);
        }
        body.replace_children_with_node(&list);
        crate::add_stylesheet(&body);

        let inner = Inner {
            body,
            doc,
            lang,
            on_pick,
            src,
            projection,
            expected,
            size,
            layers: RefCell::new(initial),
            offsets: RefCell::new(Vec::new()),
            steps: RefCell::new(steps),
            drawn: RefCell::new(Vec::new()),
            home: Cell::new(View::WHOLE),
            view: Cell::new(View::WHOLE),
            load: Cell::new(Load::Loading),
            pointers: RefCell::new(Vec::new()),
            svg,
            base,
            features: features_g,
            legend,
            text,
            status,
            at: Cell::new(0),
            open: Cell::new(None),
            now,
            play,
            step_buttons,
            timer: Cell::new(None),
            tick: RefCell::new(None),
            on_place,
            dragged: Cell::new(false),
        };
        inner.draw_features(None);
        inner
    }
    /// Draws the document's features (with the countries' shapes and labels once the base map
    /// is here), the legend and the text alternative; fits the first view to the features.
    fn draw_features(&self, base: Option<&BaseMap>) {
        let Some(document) = self.body.owner_document() else { return };
        let (doc, lang, t) = (&self.doc, self.lang, self.lang.figure_strings());
        let layers = features(doc, &self.projection, base);
        let labels: Vec<String> = layers
            .iter()
            .map(|f| if f.approximate { format!("≈ {}", lang.pick(&f.label)) } else { lang.pick(&f.label).to_owned() })
            .collect();
        let offsets = place_labels(&layers, &labels, self.size);
        // Areas under movements under points, so that small things stay clickable.
        let rank = |f: &Feature| match f.shape {
            Shape::Country(_) => 0,
            Shape::Area(_) => 1,
            Shape::Line(_) => 2,
            Shape::Point(_) => 3,
        };
        let mut order: Vec<usize> = (0..layers.len()).collect();
        order.sort_by_key(|&i| rank(&layers[i]));
        let mut drawn: Vec<Option<Drawn>> = (0..layers.len()).map(|_| None).collect();
        let groups = js_sys::Array::new();
        for &i in &order {
            let f = &layers[i];
            let mut name = format!("{}{}{}", lang.pick(&f.label), lang.comma(), lang.map_kind(f.kind));
            for extra in
                [f.time.as_ref().map(|x| lang.pick(x)), f.approximate.then_some(t.approximate)].into_iter().flatten()
            {
                name.push_str(lang.comma());
                name.push_str(extra);
            }
            let class = format!("ae-feature ae-f-{}{}", f.kind.slug(), if f.approximate { " ae-approx" } else { "" });
            let g = svg_el(
                &document,
                "g",
                &[
                    ("class", &class),
                    ("data-feature", &f.id),
                    ("tabindex", "0"),
                    ("role", "button"),
                    ("aria-label", &name),
                ],
            );
            if let Some(&e) = f.entities.first() {
                let _ = g.set_attribute("data-entity", &doc.entities[e].id);
            }
            let shape = match &f.shape {
                Shape::Country(code) => {
                    let path = svg_el(&document, "path", &[("class", "ae-shape")]);
                    if let Some(c) = base.and_then(|b| b.countries.iter().find(|c| &c.id == code)) {
                        let _ = path.set_attribute("d", &c.d);
                        if self.expected != self.projection {
                            let _ = path.set_attribute("transform", &transform(&self.projection));
                        }
                    }
                    path
                }
                Shape::Area(d) => svg_el(&document, "path", &[("class", "ae-shape"), ("d", d)]),
                Shape::Line(points) => {
                    let d = article_format::svg::polyline(points, false);
                    svg_el(&document, "path", &[("class", "ae-shape"), ("d", &d), ("marker-end", "url(#ae-arrow)")])
                }
                Shape::Point(p) => svg_el(
                    &document,
                    "circle",
                    &[("class", "ae-shape"), ("cx", &fixed(p.x, 1)), ("cy", &fixed(p.y, 1))],
                ),
            };
            let leader = (offsets[i].x.hypot(offsets[i].y) > 30.0).then(|| {
                svg_el(
                    &document,
                    "line",
                    &[("class", "ae-leader"), ("x1", &fixed(f.anchor.x, 1)), ("y1", &fixed(f.anchor.y, 1))],
                )
            });
            let text = svg_el(&document, "text", &[]);
            text.set_text_content(Some(&labels[i]));
            append(&g, &[&shape]);
            if let Some(l) = &leader {
                append(&g, &[l]);
            }
            append(&g, &[&text]);
            groups.push(&g);
            drawn[i] = Some(Drawn { g, shape, text, leader });
        }
        self.features.replace_children_with_node(&groups);
        Self::fill_legend(&document, lang, t, &layers, &self.legend);
        Self::fill_text(&document, doc, lang, t, &layers, &self.text);
        // The first view, the reset's and the overview's: fitted to every feature.
        // (A fitted region is already the features' extent: the world's coastlines, simplified
        // for it, are not zoomed into much further.)
        let most: f64 = if self.expected == self.projection { 4.0 } else { 1.5 };
        // One place alone is shown in its surroundings, not zoomed in as far as the map goes.
        let home = extent(&layers).map_or(View::WHOLE, |b| {
            let alone = b.1.x - b.0.x < 1.0 && b.1.y - b.0.y < 1.0;
            View::fit(b, self.size, if alone { most.min(1.5) } else { most })
        });
        let untouched = self.view.get() == self.home.get();
        self.home.set(home);
        // Features found before (the story's own) keep their places; those after join it.
        let known = self.layers.borrow().len();
        join(doc, &mut self.steps.borrow_mut(), &layers, known);
        *self.layers.borrow_mut() = layers;
        *self.offsets.borrow_mut() = offsets;
        *self.drawn.borrow_mut() = drawn.into_iter().map(|d| d.expect("every feature drawn")).collect();
        self.mark(self.at.get());
        let open = self.open.get();
        self.light(open);
        if untouched && self.at.get() == 0 {
            self.view.set(home);
        }
        self.apply_view();
    }
    /// Fetches the base map, then draws the coastlines and the countries the document names.
    fn fetch(inner: &Rc<Inner>) {
        let t = inner.lang.figure_strings();
        if let Some(map) = BASE_MAPS.with(|m| m.borrow().iter().find(|(u, _)| *u == inner.src).map(|(_, b)| b.clone()))
        {
            inner.draw_base(&map);
            return;
        }
        inner.load.set(Load::Loading);
        let _ = inner.status.set_attribute("role", "status");
        inner.status.set_text_content(Some(t.map_loading));
        let inner = inner.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = article_browser::fetch_text(&inner.src, FETCH_TIMEOUT_MS)
                .await
                .map_err(|e| e.message(inner.lang))
                .and_then(|text| {
                    BaseMap::from_json(&text, &inner.expected).map_err(|p| {
                        // Where in the file, then what: «projection، حقل ناقص».
                        let (lang, what) = (inner.lang, article_format::words::say(&p.message, inner.lang));
                        if p.path.is_empty() {
                            what
                        } else {
                            format!("\u{2068}{}\u{2069}{}{what}", article_format::words::place(&p, lang), lang.comma())
                        }
                    })
                });
            match result {
                Ok(map) => {
                    let map = Rc::new(map);
                    BASE_MAPS.with(|m| m.borrow_mut().push((inner.src.clone(), map.clone())));
                    inner.draw_base(&map);
                }
                Err(e) => {
                    inner.load.set(Load::Failed);
                    let Some(document) = inner.body.owner_document() else { return };
                    let _ = inner.status.set_attribute("role", "alert");
                    inner.status.set_text_content(Some(&format!("{} ({e}) ", t.map_failed)));
                    let _ = inner.status.append_child(&button(&document, t.retry, &[("data-ae-map", "retry")]));
                }
            }
        });
    }
    fn draw_base(&self, map: &BaseMap) {
        let Some(document) = self.body.owner_document() else { return };
        let named: Vec<&str> = self
            .doc
            .map
            .areas
            .iter()
            .filter_map(|a| {
                if let article_format::model::AreaShape::Country(c) = &a.shape {
                    Some(c.as_str())
                } else {
                    None
                }
            })
            .collect();
        let list = js_sys::Array::new();
        for c in &map.countries {
            let class = if named.contains(&c.id.as_str()) { "ae-land ae-named" } else { "ae-land" };
            let path = svg_el(&document, "path", &[("class", class), ("d", &c.d)]);
            let title = svg_el(&document, "title", &[]);
            title.set_text_content(Some(&c.name));
            append(&path, &[&title]);
            list.push(&path);
        }
        self.base.replace_children_with_node(&list);
        // Only the countries a document names depend on the base map: without them, the
        // features drawn already stand (at the format's limits, a second drawing of a thousand
        // features was a task of its own).
        if !named.is_empty() {
            self.draw_features(Some(map));
        }
        self.load.set(Load::Ready);
        // A country the base map does not hold is said, not dropped in silence.
        let lang = self.lang;
        let unknown: Vec<String> = article_format::map::unknown_countries(&self.doc.map, map)
            .iter()
            .map(|p| article_format::words::say(&p.message, lang))
            .collect();
        if unknown.is_empty() {
            let _ = self.status.remove_attribute("role");
            self.status.set_text_content(None);
        } else {
            self.status.set_text_content(Some(&unknown.join(lang.comma())));
        }
    }
    /// The open entity's features lit.
    fn light(&self, entity: Option<usize>) {
        for (f, d) in self.layers.borrow().iter().zip(self.drawn.borrow().iter()) {
            set_class(&d.g, "ae-near", entity.is_some_and(|e| f.entities.contains(&e)));
        }
    }
    fn set_view(&self, v: View) {
        if self.view.get() != v {
            self.view.set(v);
            self.apply_view();
        }
    }
    /// The view's box, and what keeps its screen size at every zoom: point radii, labels, leaders.
    fn apply_view(&self) {
        let view = self.view.get();
        let scale = view.scale;
        let _ = self.svg.set_attribute("viewBox", &view.view_box(self.size));
        let label_size = LABEL_SIZE / scale;
        let (layers, drawn, offsets) = (self.layers.borrow(), self.drawn.borrow(), self.offsets.borrow());
        for ((f, d), offset) in layers.iter().zip(drawn.iter()).zip(offsets.iter()) {
            if matches!(f.shape, Shape::Point(_)) {
                let _ = d.shape.set_attribute("r", &fixed(6.0 / scale, 2));
            }
            let (lx, ly) = (f.anchor.x + offset.x / scale, f.anchor.y + offset.y / scale);
            let _ = d.text.set_attribute("x", &fixed(lx, 1));
            let _ = d.text.set_attribute("y", &fixed(ly + label_size * 0.35, 1));
            let _ = d.text.set_attribute("font-size", &fixed(label_size, 2));
            if let Some(l) = &d.leader {
                let _ = l.set_attribute("x2", &fixed(lx, 1));
                let _ = l.set_attribute("y2", &fixed(ly - label_size * 0.3, 1));
            }
        }
    }
    fn click(self: &Rc<Self>, e: web_sys::Event) {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        let attr =
            |name: &str| target.closest(&format!("[{name}]")).ok().flatten().and_then(|el| el.get_attribute(name));
        let view = self.view.get();
        if let Some(what) = attr("data-ae-map") {
            match what.as_str() {
                "in" => self.set_view(view.zoom_at(1.5, self.centre(), self.size)),
                "out" => self.set_view(view.zoom_at(1.0 / 1.5, self.centre(), self.size)),
                "reset" => self.set_view(self.home.get()),
                _ if self.load.get() == Load::Failed => Inner::fetch(self),
                _ => {}
            }
        } else if let Some(what) = attr("data-ae-story") {
            match what.as_str() {
                "previous" => {
                    self.stop();
                    self.go(self.at.get().saturating_sub(1));
                }
                "next" => {
                    self.stop();
                    self.go((self.at.get() + 1).min(self.steps.borrow().len()));
                }
                _ => self.toggle_play(),
            }
        } else if let Some(k) = attr("data-ae-step").and_then(|k| k.parse().ok()) {
            self.stop();
            self.go(k);
        } else if let Some(event) = attr("data-ae-evidence").and_then(|k| k.parse().ok()) {
            (self.on_pick)(Pick::Evidence(event));
        } else if let Some(entity) = attr("data-ae-entity").and_then(|k| k.parse().ok()) {
            (self.on_pick)(Pick::Entity(entity));
        } else if let Some(entity) = self.feature_entity(&target) {
            (self.on_pick)(Pick::Entity(entity));
        } else if let (Some(place), false) = (&self.on_place, self.dragged.get()) {
            let Some(m) = e.dyn_ref::<web_sys::MouseEvent>() else { return };
            if target.closest("svg").ok().flatten().is_none() {
                return;
            }
            let (x, y) = gestures::client(m);
            if let Some(at) = self.at_client(x, y) {
                let ll = self.projection.inverse(at);
                place(LonLat { lon: (ll.lon * 1e4).round() / 1e4, lat: (ll.lat * 1e4).round() / 1e4 });
            }
        }
    }
    fn feature_entity(&self, target: &Element) -> Option<usize> {
        let g = target.closest(".ae-feature").ok().flatten()?;
        let id = g.get_attribute("data-feature")?;
        self.layers.borrow().iter().find(|f| f.id == id)?.entities.first().copied()
    }
}

/// The SVG transform of the world's base map into a fitted region's projection.
fn transform(p: &Projection) -> String {
    let m = p.from_world();
    format!("matrix({} {} {} {} {} {})", F(m[0], 5), F(m[1], 1), F(m[2], 1), F(m[3], 5), F(m[4], 2), F(m[5], 2))
}
