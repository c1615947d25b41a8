//! The Yew view: turns [`article_format::reading::Reading`] and [`crate::state`] into markup and events;
//! it decides nothing that the core could decide. With the crate root's fetch and the two module
//! loaders ([`crate::publisher`], [`crate::figures`]), the only code of the reader that touches
//! the browser; the figures below the article are drawn by their own module (`figures/`).
//!
//! Side effects live here, in effects: the URL fragment (deep links, Back and Forward), focus
//! (into the panel on open, back to the mention on close), scrolling and brief marks.

mod article;
mod embed;
mod graph;
mod hooks;
pub mod host;
mod legend;
mod map;
mod panel;

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub use article::{ArticleView, ArticleViewProps, MentionHit};
pub use embed::{Embed, EmbedProps, Source};
pub use graph::{Graph, GraphProps};
pub use legend::{legend, LegendProps};
pub use map::{MapProps, MapView};
pub use panel::{Panel, PanelProps};

use crate::handoff::Pick;
use crate::i18n::Lang;
use crate::model::{BlockRef, EntityKind, Problem};
use crate::state::{Action, ReaderState};
use crate::text::Utf8Range;
use article_format::reading::Reading;

/// A widget's defaults, written once: its key in the URL fragment (the first widget of a page;
/// the others get `entity-2`, `entity-3`…) and where its base map is, relative to the page.
pub const DEFAULT_KEY: &str = "entity";
pub const DEFAULT_MAP: &str = "map/caribbean.json";
/// How long a widget waits for its document, in milliseconds.
pub const DEFAULT_TIMEOUT_MS: u32 = article_browser::DEFAULT_TIMEOUT_MS;

/// Watches an element until dropped: `f` runs each time it comes within 200 px of the screen.
/// (The closure is kept alive as long as the observer that calls it.)
pub(crate) struct Near(
    web_sys::IntersectionObserver,
    #[allow(dead_code)] wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
);

impl Drop for Near {
    fn drop(&mut self) {
        self.0.disconnect();
    }
}

pub(crate) fn observe_near(el: &web_sys::Element, f: impl Fn() + 'static) -> Option<Near> {
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if entries.iter().any(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting()) {
            f();
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("200px");
    let observer = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
    observer.observe(el);
    Some(Near(observer, callback))
}

/// What the figures module may ask of the reader: open an entity's panel, or show an event's
/// sentence in the article (scrolled to and marked). Indices out of range are ignored.
pub(crate) fn on_pick(
    doc: Rc<Reading>,
    on_action: Callback<Action>,
    on_evidence: Callback<(BlockRef, Utf8Range)>,
) -> Rc<dyn Fn(Pick)> {
    Rc::new(move |pick| match pick {
        Pick::Evidence(i) => {
            if let Some(span) = doc.doc.timeline.get(i).and_then(|t| t.evidence) {
                on_evidence.emit((span.text(), span.range()));
            }
        }
        Pick::Entity(i) if i < doc.doc.entities.len() => on_action.emit(Action::Open { entity: i, mention: None }),
        Pick::Entity(_) => {}
    })
}

/// Shared, immutable data passed as a prop: compared by pointer, so that handing the same
/// document down again never costs a deep comparison.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

/// A widget's settings besides its document, the same for [`App`], [`Embed`] and the reader,
/// with their defaults written once ([`Settings::default`]). The host's [`host::Options`] (from
/// `data-*` attributes or JavaScript) become these.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// The UI language at start; the reader can switch.
    pub lang: Lang,
    /// This widget's key in the URL fragment (`#entity=…`). Give each widget on a page its own.
    pub link_key: AttrValue,
    /// Where the default region's base map is fetched from (relative to the page); other
    /// regions' are the files beside it.
    pub map_src: AttrValue,
    /// The entity (by id) whose panel is open at start, when the URL fragment names none.
    pub initial_entity: Option<AttrValue>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::default(),
            link_key: AttrValue::from(DEFAULT_KEY),
            map_src: AttrValue::from(DEFAULT_MAP),
            initial_entity: None,
        }
    }
}

/// Properties of the whole explorer.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The document to show, published and read; or the problems that kept it from loading.
    pub document: Result<Shared<Reading>, Shared<Vec<Problem>>>,
    #[prop_or_default]
    pub settings: Settings,
}

impl AppProps {
    /// Properties for a published document given as JSON: read and checked, or its problems.
    pub fn from_published(json: &str) -> Self {
        Self::with(Reading::from_json(json).map(Shared::new).map_err(Shared::new))
    }

    /// Properties for a document already read (or the problems that kept it from being read):
    /// an authoring document published in process by Rust code or tests, for example.
    pub fn with(document: Result<Shared<Reading>, Shared<Vec<Problem>>>) -> Self {
        Self { document, settings: Settings::default() }
    }
}

impl Default for AppProps {
    /// The seed document, published.
    fn default() -> Self {
        Self::from_published(crate::seed::PUBLISHED_JSON)
    }
}

/// The whole explorer: a document's reader, or the problems that keep it from being shown.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    match &props.document {
        Ok(document) => html! {
            <Reader document={document.clone()} settings={props.settings.clone()} />
        },
        Err(problems) => html! {
            <div class="ae-root">
                { problem_list(problems, props.settings.lang) }
            </div>
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub document: Shared<Reading>,
    pub settings: Settings,
}

#[derive(Clone, Default, PartialEq)]
struct Store(ReaderState);

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(self.0.reduce(action)))
    }
}

/// A User Timing mark, for whoever measures the page (the benchmark does): when the document
/// arrived, when it was prepared, when the widget first rendered and showed it.
pub(crate) fn mark(name: &str) {
    if let Some(p) = gloo::utils::window().performance() {
        let _ = p.mark(name);
    }
}

fn window() -> web_sys::Window {
    gloo::utils::window()
}

fn prefers_reduced_motion() -> bool {
    window().match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches())
}

/// Runs `f` in a task of its own, after what called for it is drawn: scrolling and focus need
/// the page's layout, and done in a click's own task, on a long article, they were most of the
/// time between the click and the panel.
fn later(f: impl FnOnce() + 'static) {
    // Freed once called.
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = window().set_timeout_with_callback(f.unchecked_ref());
}

/// Scrolls `el` to the middle of the view (after the change that asked for it is drawn).
pub(crate) fn scroll_to(el: &web_sys::Element) {
    let el = el.clone();
    later(move || {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_behavior(if prefers_reduced_motion() {
            web_sys::ScrollBehavior::Instant
        } else {
            web_sys::ScrollBehavior::Smooth
        });
        el.scroll_into_view_with_scroll_into_view_options(&options);
    });
}

/// The focused element of the tree `root` is in: inside a shadow root, the document's active
/// element is the shadow host, not the element.
fn active_element(root: &NodeRef) -> Option<web_sys::Element> {
    let node = root.get()?.get_root_node();
    match node.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => gloo::utils::document().active_element(),
    }
}

/// Moves focus to `el` ([`later`]), without scrolling: it is in view (the panel, or the name
/// that opened it).
fn focus(el: &web_sys::Element) {
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let el = el.clone();
        later(move || {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        });
    }
}

/// Who states something, as the reader sees it: the asserting entities' names, or "the article".
pub(crate) fn source_name(document: &Reading, asserted_by: &[u32], lang: Lang) -> String {
    let names: Vec<&str> = document.asserters(asserted_by).map(|e| lang.pick(&e.name)).collect();
    if names.is_empty() {
        lang.strings().the_article.to_owned()
    } else {
        lang.list(&names)
    }
}

/// The kinds the article mentions, in the fixed legend order.
fn kinds_present(document: &Reading) -> Vec<EntityKind> {
    EntityKind::ALL
        .into_iter()
        .filter(|k| document.all_mentions().any(|(_, m)| document.doc.entities[m.entity()].kind == *k))
        .collect()
}

/// The reader: toolbar, article and panel, sharing one state.
#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let lang = props.settings.lang;
    // The fragment names the open entity: read it before the first render, so that a deep link
    // shows its panel at once.
    let initial = {
        let (document, key, start) =
            (props.document.clone(), props.settings.link_key.clone(), props.settings.initial_entity.clone());
        move || {
            let hash = window().location().hash().unwrap_or_default();
            let id = crate::link::get(&hash, &key).or_else(|| start.map(|s| s.to_string()));
            id.and_then(|id| document.entity_index(&id))
        }
    };
    let store = use_reducer_eq(move || Store(ReaderState { lang, open: initial(), ..ReaderState::default() }));
    let state = &store.0;
    let marked = use_state_eq(|| None::<(BlockRef, Utf8Range)>);
    // "Show on map" requests: the entity, and a counter so that asking twice moves the map twice.
    let map_focus = use_state_eq(|| None::<(usize, u32)>);
    let root = use_node_ref();
    // The mention (or other element) that opened the panel, to return focus to on close.
    let opener = use_mut_ref(|| None::<web_sys::Element>);
    let kinds = use_memo(props.document.clone(), |d| kinds_present(d));

    let on_open = {
        let (dispatcher, document, opener, root) =
            (store.dispatcher(), props.document.clone(), opener.clone(), root.clone());
        use_callback((), move |hit: MentionHit, _| {
            *opener.borrow_mut() = active_element(&root);
            let mention =
                document.by_entity[hit.entity].iter().position(|r| r.text == hit.text && r.index == hit.index);
            dispatcher.dispatch(Action::Open { entity: hit.entity, mention });
        })
    };
    let on_action = {
        let (dispatcher, marked) = (store.dispatcher(), marked.clone());
        use_callback((), move |action: Action, _| {
            if action == Action::Close {
                marked.set(None);
            }
            dispatcher.dispatch(action);
        })
    };
    let on_show_on_map = {
        let map_focus = map_focus.clone();
        use_callback((), move |entity: usize, _| {
            let n = map_focus.map(|(_, n)| n + 1).unwrap_or(0);
            map_focus.set(Some((entity, n)));
        })
    };
    let on_evidence = {
        let marked = marked.clone();
        use_callback((), move |at: (BlockRef, Utf8Range), _| marked.set(Some(at)))
    };

    let from_url = hooks::use_fragment_link(
        props.document.clone(),
        props.settings.link_key.clone(),
        state.open,
        store.dispatcher(),
    );
    hooks::use_focus_return(props.document.clone(), root.clone(), state.open, opener.clone(), from_url);
    hooks::use_mention_flash(props.document.clone(), root.clone(), state.open, state.cursor);
    // Evidence: scroll to the marked words.
    {
        let root = root.clone();
        use_effect_with(*marked, move |marked| {
            if marked.is_some() {
                if let Some(el) =
                    root.cast::<web_sys::Element>().and_then(|r| r.query_selector(".ae-marked").ok().flatten())
                {
                    scroll_to(&el);
                }
            }
        });
    }

    let onkeydown = {
        let (on_action, open) = (on_action.clone(), state.open.is_some());
        Callback::from(move |e: KeyboardEvent| {
            if open && e.key() == "Escape" {
                e.prevent_default();
                on_action.emit(Action::Close);
            }
        })
    };

    // The map and the graph come below the article: they are drawn in a task of their own after
    // the first render, so that the article is interactive sooner.
    // The graph's picture lit from here as the selection changes (the graph is not rendered again).
    let lit = use_memo((), |_| graph::Lit::default());
    {
        let lit = lit.clone();
        use_effect_with(state.open, move |open| lit.set(*open));
    }
    let below = use_state_eq(|| false);
    {
        let below = below.clone();
        use_effect_with((), move |_| {
            let timeout = Timeout::new(0, move || below.set(true));
            move || drop(timeout)
        });
    }

    let lang = state.lang;
    html! {
        <div ref={root} class={classes!("ae-root", state.open.is_some().then_some("ae-has-panel"))} lang={lang.code()} dir={lang.dir()} {onkeydown}>
            { legend(LegendProps { kinds: &kinds, hidden: &state.hidden, plain: state.plain, lang, on_action: &on_action }) }
            <div class="ae-layout">
                <ArticleView document={props.document.clone()} {lang} hidden={state.hidden.clone()} plain={state.plain}
                    marked={*marked} {on_open} />
                <Panel document={props.document.clone()} state={state.clone()} on_action={on_action.clone()} on_evidence={on_evidence.clone()} {on_show_on_map} />
            </div>
            // No map for a document that places nothing, no graph for one that relates nothing.
            if *below && !props.document.0.doc.map.is_empty() {
                <MapView document={props.document.clone()} {lang} open={state.open} focus={*map_focus} on_action={on_action.clone()} on_evidence={on_evidence.clone()} src={props.settings.map_src.clone()} />
            }
            if *below && !props.document.0.doc.relations.is_empty() {
                <Graph document={props.document.clone()} {lang} lit={(*lit).clone()} {on_action} on_evidence={on_evidence.clone()} />
            }
            <Endnotes document={props.document.clone()} {lang} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct EndnotesProps {
    pub document: Shared<Reading>,
    pub lang: Lang,
}

/// The entities as numbered notes, in order of first mention: shown only in print, where the
/// mentions carry their numbers. A component, so that a click (which re-renders the reader)
/// skips it: its props do not change.
#[function_component(Endnotes)]
pub fn endnotes(props: &EndnotesProps) -> Html {
    let (document, lang) = (&props.document, props.lang);
    html! {
        <ol class="ae-endnotes" aria-hidden="true">
            { for document.doc.endnotes.iter().map(|&e| {
                let entity = &document.doc.entities[e as usize];
                html! {
                    <li>
                        <strong>{ lang.pick(&entity.name) }</strong>{ lang.comma() }{ lang.kind(entity.kind) }
                        { lang.comma() }{ lang.pick(&entity.description) }
                    </li>
                }
            }) }
        </ol>
    }
}

/// What is wrong with a document that could not be shown, first problems first. A function, not
/// a component: it has no state, and every component type costs the reader's wasm its lifecycle.
/// Each problem in the UI's language: where (in a reader's terms; a publisher's problems come
/// already worded, where included) and what.
pub fn problem_list(problems: &[Problem], lang: Lang) -> Html {
    const SHOWN: usize = 20;
    let t = lang.strings();
    let more = problems.len().saturating_sub(SHOWN);
    html! {
        <div class="ae-problems" role="alert" lang={lang.code()} dir={lang.dir()}>
            <p><strong>{ t.problems_heading }</strong></p>
            <ul>
                { for problems.iter().take(SHOWN).map(|p| {
                    // Worded by the publisher module with their places; the page's own (no
                    // document, no publisher) are about the whole document.
                    let place = if p.path.is_empty() { crate::words::whole(lang) } else { &p.path };
                    html! { <li><bdi class="ae-problem-place">{ place.to_owned() }</bdi>{ lang.comma() }<bdi>{ crate::words::say_on_page(&p.message, lang) }</bdi></li> }
                }) }
            </ul>
            if more > 0 { <p>{ t.problems_more.replace("{n}", &more.to_string()) }</p> }
        </div>
    }
}
