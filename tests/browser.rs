//! Browser tests: the app mounted into its own element in a real headless browser.
#![cfg(target_arch = "wasm32")]

use article_authoring::seed;
use article_explorer::components::Shared;
use article_explorer::{mount, mount_with, App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

/// Properties for an authoring document, published here in process (the widget loads the
/// publisher module instead).
fn authoring(json: &str) -> AppProps {
    use article_explorer::problem::{Code, Problem};
    let read = article_authoring::publish::read_any(json).map_err(|problems| {
        // As a publisher gives them: worded in the UI's language, places in an editor's terms.
        let worded = article_authoring::publish::worded(&problems, json, article_explorer::i18n::Lang::Ar);
        worded
            .into_iter()
            .map(|(place, what)| Problem::new(place, article_explorer::said!(Code::Worded, what)))
            .collect()
    });
    AppProps::with(read.map(Shared::new).map_err(Shared::new))
}

/// A fresh element of its own, attached to the test page's body, with no deep link in the URL.
fn fresh_root() -> Element {
    // embed.js installs the graph's picture module; here the same crate draws in process.
    article_explorer::figures::set_native(article_figures::make, article_figures::make_map);
    set_hash("");
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn set_hash(hash: &str) {
    let location = gloo::utils::window().location();
    let url = format!("{}{}{hash}", location.pathname().unwrap(), location.search().unwrap());
    gloo::utils::window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .unwrap();
}

/// Waits until `done` holds, or about two seconds have passed (the assertion after it then says
/// what is wrong): for what happens outside Yew's scheduler, such as the browser's history.
async fn until(done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

/// Lets Yew's scheduler render and run effects: it works on later turns of the event loop.
async fn settle() {
    for _ in 0..3 {
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
    }
}

fn text_of(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into().unwrap()).collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().unwrap().click();
}

fn key(el: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    el.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
}

fn active() -> Option<Element> {
    gloo::utils::document().active_element()
}

fn open_panel(root: &Element) -> Option<String> {
    root.query_selector("[data-entity-panel]").unwrap().and_then(|p| p.get_attribute("data-entity-panel"))
}

async fn mounted() -> (Element, AppHandle<App>) {
    let root = fresh_root();
    let app = mount(root.clone());
    settle().await;
    (root, app)
}

async fn done(app: AppHandle<App>) {
    app.destroy();
    settle().await;
    set_hash("");
}

#[wasm_bindgen_test]
async fn renders_the_seed_article_as_right_to_left_arabic() {
    let (root, app) = mounted().await;
    let article = seed::document().unwrap().article;
    let container = one(&root, "article");
    assert_eq!(container.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(container.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(text_of(&one(&container, "h1")), article.headline);
    let blocks = all(&container, ".ae-body > *");
    let shown: Vec<String> = blocks.iter().map(text_of).collect();
    let expected: Vec<String> = article.blocks.iter().map(|b| b.text.clone()).collect();
    assert_eq!(shown, expected, "highlighting must not change a character of the text");
    let tags: Vec<String> = blocks.iter().map(|b| b.tag_name().to_lowercase()).collect();
    assert_eq!(tags.iter().filter(|t| *t == "h2").count(), 1);
    assert_eq!(tags.iter().filter(|t| *t == "p").count(), 15);
    let style = gloo::utils::window().get_computed_style(&one(&root, "h1")).unwrap().unwrap();
    assert_eq!(style.get_property_value("direction").unwrap(), "rtl");
    done(app).await;
    assert!(root.query_selector("article").unwrap().is_none(), "destroy() unmounts the app");
}

#[wasm_bindgen_test]
async fn every_mention_is_a_named_focusable_element_inside_the_article() {
    let (root, app) = mounted().await;
    let in_article = all(&root, ".ae-article [data-entity]");
    assert_eq!(in_article.len(), seed::reading().all_mentions().count(), "every mention of the published seed");
    for m in &in_article {
        assert_eq!(m.get_attribute("tabindex").as_deref(), Some("0"));
        assert_eq!(m.get_attribute("role").as_deref(), Some("button"));
        assert!(m.get_attribute("aria-label").is_some_and(|l| !l.is_empty()));
    }
    let maduro = one(&root, ".ae-article [data-entity=\"nicolas-maduro\"]");
    assert_eq!(maduro.get_attribute("aria-label").as_deref(), Some("الرئيس الفنزويلي، نيكولاس مادورو، شخص"));
    done(app).await;
}

#[wasm_bindgen_test]
async fn a_click_on_a_mention_opens_its_panel() {
    let (root, app) = mounted().await;
    assert_eq!(open_panel(&root), None);
    click(&one(&root, ".ae-article [data-entity=\"vladimir-putin\"]"));
    settle().await;
    assert_eq!(open_panel(&root).as_deref(), Some("vladimir-putin"));
    let panel = one(&root, "[data-entity-panel]");
    assert!(text_of(&panel).contains("Vladimir Putin"));
    assert!(text_of(&panel).contains("فلاديمير بوتين"));
    assert!(
        gloo::utils::window().location().hash().unwrap().contains("entity=vladimir-putin"),
        "the URL records the open entity"
    );
    done(app).await;
}

#[wasm_bindgen_test]
async fn keyboard_enter_opens_escape_closes_and_focus_returns() {
    let (root, app) = mounted().await;
    let mention = one(&root, ".ae-article [data-entity=\"donald-trump\"]");
    mention.dyn_ref::<HtmlElement>().unwrap().focus().unwrap();
    key(&mention, "Enter");
    settle().await;
    assert_eq!(open_panel(&root).as_deref(), Some("donald-trump"));
    let focused = active().unwrap();
    assert!(
        focused.class_list().contains("ae-panel-title"),
        "focus moves to the panel title, not {:?} {:?}",
        focused.tag_name(),
        focused.get_attribute("class")
    );
    key(&focused, "Escape");
    settle().await;
    assert_eq!(open_panel(&root), None);
    assert!(mention.is_connected(), "the mention element survives opening and closing the panel");
    assert_eq!(active().as_ref(), Some(&mention), "focus returns to the mention that opened the panel");
    // Space opens too.
    key(&mention, " ");
    settle().await;
    assert_eq!(open_panel(&root).as_deref(), Some("donald-trump"));
    done(app).await;
}

#[wasm_bindgen_test]
async fn a_relation_link_opens_the_other_entity_and_back_returns() {
    let (root, app) = mounted().await;
    click(&one(&root, ".ae-article [data-entity=\"vladimir-putin\"]"));
    settle().await;
    click(&one(&root, "[data-entity-panel] .ae-link[data-entity=\"russia\"]"));
    settle().await;
    assert_eq!(open_panel(&root).as_deref(), Some("russia"));
    let back = one(&root, ".ae-back");
    assert!(text_of(&back).contains("فلاديمير بوتين"), "Back names where it returns to");
    click(&back);
    settle().await;
    assert_eq!(open_panel(&root).as_deref(), Some("vladimir-putin"));
    assert!(root.query_selector(".ae-back").unwrap().is_none());
    done(app).await;
}

#[wasm_bindgen_test]
async fn evidence_click_marks_the_sentence_in_the_article() {
    let (root, app) = mounted().await;
    click(&one(&root, ".ae-article [data-entity=\"trinidad-and-tobago\"]"));
    settle().await;
    assert!(root.query_selector(".ae-article .ae-marked").unwrap().is_none());
    let evidence = all(&root, "[data-entity-panel] .ae-evidence")
        .into_iter()
        .find(|e| text_of(e).contains("بالتعاون مع وكالة المخابرات"))
        .expect("the CIA relation's evidence");
    click(&evidence);
    settle().await;
    let marked: String = all(&root, ".ae-article .ae-marked").iter().map(text_of).collect();
    assert_eq!(marked, "الذي قامت به ترينيداد وتوباجو، بالتعاون مع وكالة المخابرات المركزية الأمريكية");
    // The relation is Caracas's claim, and the panel says so.
    let relation = evidence.closest(".ae-relation").unwrap().unwrap();
    assert!(text_of(&relation).contains("بحسب الحكومة الفنزويلية"), "{}", text_of(&relation));
    done(app).await;
}

#[wasm_bindgen_test]
async fn previous_and_next_step_through_the_mentions() {
    let (root, app) = mounted().await;
    click(&all(&root, ".ae-article [data-entity=\"nicolas-maduro\"]")[0]);
    settle().await;
    let reading = seed::reading();
    let n = reading.by_entity[reading.entity_index("nicolas-maduro").unwrap()].len();
    assert!(n > 2, "the test needs a few mentions");
    let count = one(&root, ".ae-count");
    assert_eq!(text_of(&count), format!("ذكر 1 من {n}"));
    let buttons = all(&root, ".ae-stepper button");
    click(&buttons[1]);
    settle().await;
    assert_eq!(text_of(&one(&root, ".ae-count")), format!("ذكر 2 من {n}"));
    click(&buttons[0]);
    click(&buttons[0]);
    settle().await;
    assert_eq!(
        text_of(&one(&root, ".ae-count")),
        format!("ذكر {n} من {n}"),
        "previous from the first wraps to the last"
    );
    done(app).await;
}

#[wasm_bindgen_test]
async fn the_legend_filter_hides_a_kind_and_highlights_switch_off() {
    let (root, app) = mounted().await;
    assert!(!all(&root, ".ae-article [data-entity=\"nicolas-maduro\"]").is_empty());
    click(&one(&root, ".ae-legend-kind.ae-k-person"));
    settle().await;
    assert!(all(&root, ".ae-article [data-entity=\"nicolas-maduro\"]").is_empty(), "people are no longer highlighted");
    assert!(!all(&root, ".ae-article [data-entity=\"russia\"]").is_empty(), "countries still are");
    assert!(text_of(&one(&root, "article")).contains("نيكولاس مادورو"), "the text stays");
    click(&one(&root, ".ae-toggle"));
    settle().await;
    assert!(all(&root, ".ae-article [data-entity]").is_empty(), "plain reading: no highlights at all");
    done(app).await;
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_its_panel_on_load() {
    let root = fresh_root();
    set_hash("#entity=port-of-spain&other.entity=cuba");
    let app = mount(root.clone());
    settle().await;
    assert_eq!(open_panel(&root).as_deref(), Some("port-of-spain"));
    done(app).await;
}

#[wasm_bindgen_test]
async fn the_ui_switches_to_english_and_mirrors() {
    let (root, app) = mounted().await;
    let ui = one(&root, ".ae-root");
    assert_eq!(ui.get_attribute("dir").as_deref(), Some("rtl"));
    click(&one(&root, ".ae-lang"));
    settle().await;
    let ui = one(&root, ".ae-root");
    assert_eq!((ui.get_attribute("lang").as_deref(), ui.get_attribute("dir").as_deref()), (Some("en"), Some("ltr")));
    assert_eq!(
        one(&root, "article").get_attribute("dir").as_deref(),
        Some("rtl"),
        "the article keeps its own direction"
    );
    let maduro = one(&root, ".ae-article [data-entity=\"nicolas-maduro\"]");
    assert_eq!(maduro.get_attribute("aria-label").as_deref(), Some("الرئيس الفنزويلي, Nicolás Maduro, person"));
    done(app).await;
}

#[wasm_bindgen_test]
async fn an_invalid_document_lists_its_problems_with_paths() {
    let root = fresh_root();
    let app = mount_with(
        root.clone(),
        authoring(r#"{"version": 9, "article": {"headline": "", "blocks": [], "language": "ar", "direction": "rtl"}}"#),
    );
    settle().await;
    let text = text_of(&one(&root, "[role=alert]"));
    // In the UI's language (Arabic), each problem where an editor would look for it.
    assert!(text.contains("الإصدار") && text.contains("9") && text.contains("غير مدعوم"), "{text}");
    assert!(text.contains("العنوان") && text.contains("لا يجوز أن يكون فارغًا"), "{text}");
    assert!(!text.contains("version") && !text.contains("headline"), "no English in the Arabic UI: {text}");
    assert!(root.query_selector("article").unwrap().is_none());
    done(app).await;
}

#[wasm_bindgen_test]
async fn a_relation_stated_by_several_sources_names_them_all() {
    // The seed's first statement of Caracas's condemnation, as if TASS had reported it too.
    let json = seed::SEED_JSON.replacen(
        r#""asserted_by": "venezuelan-government","#,
        r#""asserted_by": ["venezuelan-government", "tass"],"#,
        1,
    );
    assert_ne!(json, seed::SEED_JSON);
    let root = fresh_root();
    let app = mount_with(root.clone(), authoring(&json));
    settle().await;
    click(&one(&root, ".ae-article [data-entity='us-warships']"));
    settle().await;
    assert_eq!(open_panel(&root).as_deref(), Some("us-warships"));
    let sources: Vec<String> = all(&root, ".ae-panel .ae-source").iter().map(text_of).collect();
    assert!(sources.iter().any(|s| s == "بحسب الحكومة الفنزويلية ووكالة تاس"), "{sources:?}");
    done(app).await;
}

#[wasm_bindgen_test]
async fn browser_back_and_forward_follow_the_panels() {
    let (root, app) = mounted().await;
    click(&one(&root, ".ae-article [data-entity=\"russia\"]"));
    settle().await;
    click(&one(&root, ".ae-article [data-entity=\"cuba\"]"));
    settle().await;
    assert_eq!(open_panel(&root).as_deref(), Some("cuba"));
    let history = gloo::utils::window().history().unwrap();
    history.back().unwrap();
    until(|| open_panel(&root).as_deref() == Some("russia")).await;
    assert_eq!(open_panel(&root).as_deref(), Some("russia"), "Back returns to the previous panel");
    history.forward().unwrap();
    until(|| open_panel(&root).as_deref() == Some("cuba")).await;
    assert_eq!(open_panel(&root).as_deref(), Some("cuba"), "Forward reopens it");
    done(app).await;
}

#[wasm_bindgen_test]
async fn a_graph_node_opens_its_panel_and_lights_its_neighbours() {
    let (root, app) = mounted().await;
    let node = figures_shown(&root, ".ae-graph [data-entity=\"north-korea\"]").await;
    assert!(node.closest(".ae-article").unwrap().is_none(), "graph nodes live outside the article");
    node.dispatch_event(&web_sys::MouseEvent::new("click").unwrap()).unwrap();
    settle().await;
    assert_eq!(open_panel(&root).as_deref(), Some("north-korea"));
    let lit: Vec<String> =
        all(&root, ".ae-graph .ae-node.ae-near").iter().filter_map(|n| n.get_attribute("data-entity")).collect();
    assert!(
        lit.contains(&"russia-north-korea-treaty".to_owned()) && lit.contains(&"north-korea".to_owned()),
        "{lit:?}"
    );
    assert_eq!(lit.len(), 2, "{lit:?}");
    // The table of relations is the graph's accessible alternative.
    let rows = all(&root, ".ae-graph-table tbody tr");
    assert_eq!(rows.len(), seed::reading().doc.relations.len(), "a row per relation");
    done(app).await;
}

/// The timeline and the graph's picture, a module of their own, are drawn when the timeline's
/// frame comes near the screen: scrolls to it and waits for `selector`.
async fn figures_shown(root: &Element, selector: &str) -> Element {
    let frame = wait_for(root, ".ae-timeline-frame").await;
    scrolled_until(root, &frame, selector).await
}

#[wasm_bindgen_test]
async fn the_timeline_lists_the_events_in_order_and_links_them_both_ways() {
    let (root, app) = mounted().await;
    let reading = seed::reading();
    let first = figures_shown(&root, ".ae-timeline [data-event]").await;
    // In time order, each with the article's own time expression; dated ones with a <time>.
    let items = all(&root, ".ae-timeline-list > li[data-event]");
    let ids: Vec<String> = items.iter().filter_map(|li| li.get_attribute("data-event")).collect();
    let expected: Vec<String> = article_explorer::timeline::ordered(&article_explorer::handoff::Sketch::of(&reading))
        .into_iter()
        .map(|i| reading.doc.timeline[i].id.clone())
        .collect();
    assert_eq!(ids, expected);
    assert!(!expected.is_empty(), "the seed has a timeline");
    for (li, i) in
        items.iter().zip(article_explorer::timeline::ordered(&article_explorer::handoff::Sketch::of(&reading)))
    {
        let event = &reading.doc.timeline[i];
        assert!(text_of(&one(li, ".ae-event-when")).contains(&event.when.ar), "{}", event.id);
        assert_eq!(li.query_selector("time").unwrap().is_some(), event.date.is_some(), "{}", event.id);
    }
    // Selecting an event lights its entities in the article, and only them.
    let toggle = one(&first, ".ae-event-select");
    click(&toggle);
    settle().await;
    assert_eq!(toggle.get_attribute("aria-pressed").as_deref(), Some("true"));
    let event =
        &reading.doc.timeline[article_explorer::timeline::ordered(&article_explorer::handoff::Sketch::of(&reading))[0]];
    let theirs: Vec<String> = event.entities.iter().map(|&e| reading.doc.entities[e as usize].id.clone()).collect();
    let lit = all(&root, ".ae-article .ae-lit");
    assert!(!lit.is_empty(), "nothing lit for {}", event.id);
    assert!(lit.iter().all(|m| theirs.contains(&m.get_attribute("data-entity").unwrap())), "{theirs:?}");
    click(&toggle);
    settle().await;
    assert!(all(&root, ".ae-article .ae-lit").is_empty(), "a second press clears the selection");
    // Its sentence: marked in the article.
    click(&one(&first, ".ae-event-evidence"));
    settle().await;
    assert!(root.query_selector(".ae-article .ae-marked").unwrap().is_some(), "the event's sentence is marked");
    // Its entity: the panel.
    let entity = one(&first, "[data-ae-entity]");
    click(&entity);
    settle().await;
    let index: usize = entity.get_attribute("data-ae-entity").unwrap().parse().unwrap();
    assert_eq!(open_panel(&root), Some(reading.doc.entities[index].id.clone()));
    // And back: an open entity lights the events that name it (one task after the panel).
    until(|| !all(&root, ".ae-event.ae-near").is_empty()).await;
    let near: Vec<String> =
        all(&root, ".ae-event.ae-near").iter().filter_map(|li| li.get_attribute("data-event")).collect();
    let naming: Vec<String> =
        article_explorer::timeline::events_of(&article_explorer::handoff::Sketch::of(&reading), index)
            .map(|i| reading.doc.timeline[i].id.clone())
            .collect();
    assert_eq!(near.len(), naming.len(), "{near:?} vs {naming:?}");
    assert!(naming.iter().all(|id| near.contains(id)));
    done(app).await;
}

/// An element's SVG bounding box: (x, y, width, height).
fn bbox(el: &Element) -> (f64, f64, f64, f64) {
    let get_bbox: js_sys::Function = js_sys::Reflect::get(el, &"getBBox".into()).unwrap().dyn_into().unwrap();
    let b = get_bbox.call0(el).unwrap();
    let n = |k: &str| js_sys::Reflect::get(&b, &k.into()).unwrap().as_f64().unwrap();
    (n("x"), n("y"), n("width"), n("height"))
}

#[wasm_bindgen_test]
async fn the_graph_is_laid_out_for_its_box_on_a_phone_with_no_label_cut() {
    let root = fresh_root();
    root.set_attribute("style", "width: 340px").unwrap();
    let app = mount(root.clone());
    settle().await;
    let svg = figures_shown(&root, ".ae-graph-frame svg").await;
    let frame = one(&root, ".ae-graph-frame");
    let drawn: f64 = svg.get_attribute("width").unwrap().parse().unwrap();
    assert!(
        drawn <= f64::from(frame.client_width()),
        "a picture {drawn} wide in a frame {} wide",
        frame.client_width()
    );
    assert!(
        frame.scroll_width() <= frame.client_width(),
        "the frame scrolls: {} > {}",
        frame.scroll_width(),
        frame.client_width()
    );
    let nodes = all(&svg, ".ae-node");
    assert_eq!(nodes.len(), seed::reading().doc.entities.len());
    for node in nodes {
        let (r, t) = (bbox(&one(&node, "rect")), bbox(&one(&node, "text")));
        assert!(
            t.0 >= r.0 - 0.5 && t.0 + t.2 <= r.0 + r.2 + 0.5 && t.1 >= r.1 - 0.5 && t.1 + t.3 <= r.1 + r.3 + 0.5,
            "«{}» is cut: text {t:?} in box {r:?}",
            text_of(&node)
        );
    }
    // Wider again: a new layout for the new width, not a stretched picture.
    root.set_attribute("style", "width: 1000px").unwrap();
    gloo::utils::window().dispatch_event(&web_sys::Event::new("resize").unwrap()).unwrap();
    settle().await;
    assert!(svg.is_connected() || root.query_selector(".ae-graph svg").unwrap().is_some());
    let wide: f64 = one(&root, ".ae-graph svg").get_attribute("width").unwrap().parse().unwrap();
    assert!(wide > drawn && wide <= 1000.0, "{drawn} then {wide}");
    done(app).await;
}

/// The app with the base map given inline (a `data:` URL), as the test server does not serve it.
async fn mounted_with_map() -> (Element, AppHandle<App>) {
    let root = fresh_root();
    let json = include_str!("../assets/map/caribbean.json");
    let src = format!("data:application/json,{}", js_sys::encode_uri_component(json));
    let props = {
        let mut props = AppProps::default();
        props.settings.map_src = src.into();
        props
    };
    let app = mount_with(root.clone(), props);
    settle().await;
    (root, app)
}

async fn wait_for(root: &Element, selector: &str) -> Element {
    appeared(root, selector, None).await
}

/// Scrolls `target` into view until `selector` appears (or about two seconds pass). Scrolling
/// again is needed: what is drawn above `target` after the first scroll (the graph, the
/// timeline) can push it off the screen before the browser's observer looked.
async fn scrolled_until(root: &Element, target: &Element, selector: &str) -> Element {
    appeared(root, selector, Some(target)).await
}

/// Polls for `selector` for about two seconds, scrolling `target` into view before each wait.
async fn appeared(root: &Element, selector: &str, scroll: Option<&Element>) -> Element {
    for _ in 0..100 {
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        if let Some(target) = scroll {
            target.scroll_into_view();
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("{selector} never appeared{}", if scroll.is_some() { ", with its frame scrolled into view" } else { "" });
}

/// Scrolls the map into view and waits until it is drawn, with its coastlines.
async fn shown_map(root: &Element) -> Element {
    let map = one(root, "[data-map]");
    scrolled_until(root, &map, ".ae-land").await;
    map
}

/// The `viewBox` width of the map's picture.
fn view_width(root: &Element) -> f64 {
    one(root, "[data-map] svg").get_attribute("viewBox").unwrap().split(' ').nth(2).unwrap().parse().unwrap()
}

#[wasm_bindgen_test]
async fn the_published_document_is_read_once_for_the_article_the_figures_and_the_map() {
    let before = article_explorer::reading::times_read();
    let (root, app) = mounted_with_map().await;
    figures_shown(&root, ".ae-timeline [data-event]").await;
    wait_for(&root, ".ae-graph-frame svg .ae-node").await;
    shown_map(&root).await;
    assert_eq!(
        article_explorer::reading::times_read() - before,
        1,
        "the figures and the map draw from the sketch the reader hands them"
    );
    done(app).await;
}

#[wasm_bindgen_test]
async fn the_map_is_drawn_with_its_coastlines_only_once_shown() {
    let (root, app) = mounted_with_map().await;
    let map = one(&root, "[data-map]");
    assert!(map.closest(".ae-article").unwrap().is_none());
    assert!(
        root.query_selector(".ae-feature, .ae-land").unwrap().is_none(),
        "nothing of the map is drawn until it is shown"
    );
    let map = shown_map(&root).await;
    // Every feature of the document, focusable and named.
    let reading = seed::reading();
    let doc = &reading.doc;
    let features = all(&map, ".ae-feature");
    assert_eq!(features.len(), doc.map.points.len() + doc.map.areas.len() + doc.map.movements.len());
    for f in &features {
        assert_eq!(f.get_attribute("tabindex").as_deref(), Some("0"));
        assert!(f.get_attribute("aria-label").is_some_and(|l| !l.is_empty()));
    }
    for id in [
        "venezuela",
        "trinidad-and-tobago",
        "united-states",
        "cuba",
        "nicaragua",
        "caracas",
        "port-of-spain",
        "us-warships",
        "speedboat-sinkings",
        "us-destroyer",
        "joint-exercises",
    ] {
        one(&map, &format!(".ae-feature[data-entity=\"{id}\"]"));
    }
    // Each country the document names, labelled at the place its base map gives.
    let base = article_explorer::geo::basemap::BaseMap::from_json(
        include_str!("../assets/map/caribbean.json"),
        &article_explorer::geo::CARIBBEAN,
    )
    .unwrap();
    for code in ["862", "780", "840", "192", "558"] {
        let area = doc
            .map
            .areas
            .iter()
            .find(|a| matches!(&a.shape, article_explorer::model::AreaShape::Country(c) if c == code))
            .unwrap();
        let label = base.countries.iter().find(|c| c.id == code).unwrap().label.unwrap();
        let text = one(&map, &format!(".ae-feature[data-feature=\"{}\"] text", area.id));
        let x: f64 = text.get_attribute("x").unwrap().parse().unwrap();
        assert!((x - label.x).abs() < 260.0, "{code}: label at {x}, its place {}", label.x);
    }
    let land = one(&root, ".ae-land");
    assert!(land.get_attribute("d").is_some_and(|d| d.len() > 20));
    assert!(all(&root, ".ae-land").len() > 20, "the base map has the region's countries");
    // A country the document names is shaded with its outline.
    let venezuela = one(&map, ".ae-feature[data-feature=\"venezuela\"] .ae-shape");
    assert!(venezuela.get_attribute("d").is_some_and(|d| d.len() > 20));
    // Approximate positions are marked.
    let approx = one(&map, ".ae-feature[data-feature=\"speedboat-strikes\"]");
    assert!(approx.class_list().contains("ae-approx"));
    assert!(text_of(&approx).starts_with("≈"));
    // The movements are listed in time order in the text alternative.
    let rows = all(&map, ".ae-map-text tbody tr");
    assert_eq!(rows.len(), doc.map.movements.len());
    done(app).await;
}

#[wasm_bindgen_test]
async fn a_base_map_that_fails_says_so_and_can_be_retried() {
    let root = fresh_root();
    let props = {
        let mut props = AppProps::default();
        props.settings.map_src = "data:application/json,{\"width\":1}".into();
        props
    };
    let app = mount_with(root.clone(), props);
    settle().await;
    let alert = scrolled_until(&root, &one(&root, "[data-map]"), ".ae-map-status[role=alert]").await;
    assert!(text_of(&alert).contains("تعذّر تحميل الخريطة"), "{}", text_of(&alert));
    assert!(text_of(&alert).contains("projection"), "says what is wrong: {}", text_of(&alert));
    // The features are still there, and the retry asks again (and fails again, saying so).
    assert!(!all(&root, "[data-map] .ae-feature").is_empty());
    click(&one(&alert, "button"));
    assert!(root.query_selector(".ae-map-status[role=alert]").unwrap().is_none(), "loading again");
    let alert = wait_for(&root, ".ae-map-status[role=alert]").await;
    assert!(text_of(&alert).contains("projection"));
    done(app).await;
}

#[wasm_bindgen_test]
async fn a_click_on_port_of_spain_opens_its_panel() {
    let (root, app) = mounted_with_map().await;
    shown_map(&root).await;
    // A click on its label (an SVG element: dispatched, as it has no click()).
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let label = one(&root, "[data-map] .ae-feature[data-feature=\"port-of-spain\"] text");
    label.dispatch_event(&web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap()).unwrap();
    settle().await;
    assert_eq!(open_panel(&root).as_deref(), Some("port-of-spain"));
    let feature = one(&root, "[data-map] .ae-feature[data-feature=\"port-of-spain\"]");
    assert!(feature.class_list().contains("ae-near"), "the open entity's features are highlighted");
    // Keyboard: Enter on a focused feature opens its entity too.
    let caracas = one(&root, "[data-map] .ae-feature[data-feature=\"caracas\"]");
    key(&caracas, "Enter");
    settle().await;
    assert_eq!(open_panel(&root).as_deref(), Some("caracas"));
    assert!(!one(&root, "[data-map] .ae-feature[data-feature=\"port-of-spain\"]").class_list().contains("ae-near"));
    done(app).await;
}

#[wasm_bindgen_test]
async fn show_on_map_moves_the_view_to_the_entity() {
    let (root, app) = mounted_with_map().await;
    // Asked before the map was ever drawn: it is drawn, then fitted to the destroyer.
    click(&one(&root, ".ae-article [data-entity=\"us-destroyer\"]"));
    settle().await;
    click(&one(&root, "[data-entity-panel] .ae-show-on-map"));
    wait_for(&root, "[data-map] svg").await;
    let whole = article_explorer::geo::CARIBBEAN.size().0;
    until(|| view_width(&root) < whole / 2.0).await;
    assert!(view_width(&root) < whole / 2.0, "zoomed in on the destroyer: {}", view_width(&root));
    // Reset brings back the view fitted to every feature (for the seed, the whole map, once the
    // countries are there); the keyboard zooms and pans.
    wait_for(&root, ".ae-land").await;
    click(&one(&root, ".ae-map-controls [data-ae-map=reset]"));
    let box_whole = one(&root, "[data-map] svg").get_attribute("viewBox").unwrap();
    assert!((view_width(&root) - whole).abs() < 0.01, "{box_whole}");
    let frame = one(&root, ".ae-map-frame");
    key(&frame, "+");
    key(&frame, "ArrowRight");
    let moved = one(&root, "[data-map] svg").get_attribute("viewBox").unwrap();
    assert_ne!(moved, box_whole);
    assert!(!moved.starts_with("0.00 "), "panned east: {moved}");
    // Asked again once drawn: fitted again.
    click(&one(&root, "[data-entity-panel] .ae-show-on-map"));
    settle().await;
    assert!(view_width(&root) < whole / 2.0);
    done(app).await;
}

#[wasm_bindgen_test]
async fn the_story_steps_through_the_events_and_fades_what_is_not_reached() {
    let (root, app) = mounted_with_map().await;
    let map = shown_map(&root).await;
    let reading = seed::reading();
    let base = article_explorer::geo::basemap::BaseMap::from_json(
        include_str!("../assets/map/caribbean.json"),
        &article_explorer::geo::CARIBBEAN,
    )
    .unwrap();
    let layers = article_explorer::map::features(
        &article_explorer::handoff::Sketch::of(&reading),
        &article_explorer::geo::CARIBBEAN,
        Some(&base),
    );
    let steps = article_explorer::timeline::story(&article_explorer::handoff::Sketch::of(&reading), &layers);
    let ids = |k: usize| -> Vec<String> { steps[k].features.iter().map(|&f| layers[f].id.clone()).collect() };
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let marked = |state: &str| -> Vec<String> {
        sorted(
            all(&map, &format!(".ae-feature[data-ae-step={state}]"))
                .iter()
                .filter_map(|g| g.get_attribute("data-feature"))
                .collect(),
        )
    };
    let current = || {
        root.query_selector(".ae-story-steps [aria-current=step]")
            .unwrap()
            .and_then(|b| b.get_attribute("data-ae-step"))
    };
    // The list of steps is the story's text alternative: one per step, in order.
    let items = all(&map, ".ae-story-steps > li");
    assert_eq!(items.len(), steps.len());
    let events: Vec<String> = items.iter().filter_map(|li| li.get_attribute("data-event")).collect();
    let expected: Vec<String> =
        steps.iter().filter_map(|s| s.event).map(|e| reading.doc.timeline[e].id.clone()).collect();
    assert_eq!(events, expected);
    // The overview fades nothing.
    assert!(marked("now").is_empty() && marked("later").is_empty());
    // Next: step 1, everything of the later steps faded.
    click(&one(&map, "[data-ae-story=next]"));
    assert_eq!(marked("now"), sorted(ids(0)));
    assert_eq!(marked("later"), sorted((1..steps.len()).flat_map(ids).collect()));
    assert_eq!(current().as_deref(), Some("1"));
    let now = one(&map, ".ae-story-now");
    let first = &reading.doc.timeline[steps[0].event.unwrap()];
    assert!(text_of(&now).contains("1") && text_of(&now).contains(&first.when.ar), "{}", text_of(&now));
    assert_eq!(text_of(&one(&now, "q")), reading.words(first.evidence.unwrap()));
    // A step with features fits the view to them; a step is chosen from the list too.
    let k = steps.iter().position(|s| !s.features.is_empty()).unwrap();
    assert!(k > 0, "the seed's first event has nothing on the map");
    click(&one(&map, &format!("[data-ae-step=\"{}\"]", k + 1)));
    assert_eq!(marked("now"), sorted(ids(k)));
    assert!(view_width(&root) < article_explorer::geo::CARIBBEAN.size().0, "fitted to the step");
    assert_eq!(current(), Some((k + 1).to_string()));
    // Its sentence, shown in the article.
    click(&one(&root, ".ae-story-now [data-ae-evidence]"));
    settle().await;
    let ev = reading.doc.timeline[steps[k].event.unwrap()].evidence.unwrap();
    let shown: String = all(&root, ".ae-article .ae-marked").iter().map(text_of).collect();
    assert_eq!(shown, reading.words(ev));
    // Previous goes back; back past the first step is the overview, the whole map.
    click(&one(&map, "[data-ae-story=previous]"));
    assert_eq!(marked("now"), sorted(ids(k - 1)));
    for _ in 0..k {
        click(&one(&map, "[data-ae-story=previous]"));
    }
    assert!(marked("now").is_empty() && marked("later").is_empty() && current().is_none());
    assert!((view_width(&root) - article_explorer::geo::CARIBBEAN.size().0).abs() < 0.01);
    // Play: a pressed toggle that moves on by itself, one step per interval, and stops when
    // pressed again.
    let play = one(&map, "[data-ae-story=play]");
    click(&play);
    assert_eq!(play.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(current().as_deref(), Some("1"), "playing starts at once");
    yew::platform::time::sleep(std::time::Duration::from_millis(article_figures::STEP_MS as u64 + 300)).await;
    assert_eq!(current().as_deref(), Some("2"));
    click(&play);
    assert_eq!(play.get_attribute("aria-pressed").as_deref(), Some("false"));
    yew::platform::time::sleep(std::time::Duration::from_millis(article_figures::STEP_MS as u64 + 300)).await;
    assert_eq!(current().as_deref(), Some("2"), "paused");
    done(app).await;
}

#[wasm_bindgen_test]
async fn many_relations_and_events_are_drawn_part_by_part_and_all_of_them_shown() {
    // The seed with its relations repeated past 600 and its events ten times over.
    let published = article_authoring::publish::publish_json(seed::SEED_JSON).expect("the seed publishes");
    let mut v: serde_json::Value = serde_json::from_str(&published).unwrap();
    let relations = v["relations"].as_array().unwrap().clone();
    let events = v["timeline"].as_array().unwrap().clone();
    while v["relations"].as_array().unwrap().len() < 620 {
        v["relations"].as_array_mut().unwrap().extend(relations.iter().cloned());
    }
    for k in 1..10 {
        v["timeline"].as_array_mut().unwrap().extend(events.iter().cloned().map(|mut e| {
            e["id"] = format!("{}-{k}", e["id"].as_str().unwrap()).into();
            e
        }));
    }
    let reading = article_explorer::reading::Reading::from_json(&v.to_string()).expect("the larger seed reads");
    let (relations, events) = (reading.doc.relations.len(), reading.doc.timeline.len());
    let root = fresh_root();
    let app = mount_with(root.clone(), AppProps::with(Ok(Shared::new(reading))));
    settle().await;
    // The table of relations: its first part at once, then a part a task, until every relation
    // has its row.
    let rows = all(&root, ".ae-graph-table tbody tr").len();
    assert!(rows > 0 && rows < relations, "{rows} of {relations} rows in the first render");
    until(|| all(&root, ".ae-graph-table tbody tr").len() == relations).await;
    assert_eq!(all(&root, ".ae-graph-table tbody tr").len(), relations, "a row per relation");
    // A long timeline is laid out near the screen only, and lists every event.
    figures_shown(&root, ".ae-timeline-list.ae-many > li").await;
    assert_eq!(all(&root, ".ae-timeline-list > li[data-event]").len(), events);
    done(app).await;
}
