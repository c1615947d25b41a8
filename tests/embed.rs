//! Browser tests of the embed layer: widgets in shadow roots, several per page, unmounting,
//! faults (a missing document, broken JSON, a crash) and hostile strings in every text field.
#![cfg(target_arch = "wasm32")]

use article_explorer::components::host::{self, Mounted, Options};
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../assets/seed/article.json");

fn host_element(fallback: Option<&str>) -> Element {
    // embed.js installs the publisher module; here the same core publishes in process.
    article_explorer::publisher::set_native(article_authoring::publish::publish_worded);
    article_explorer::figures::set_native(article_figures::make, article_figures::make_map);
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    if let Some(text) = fallback {
        let p = document.create_element("p").unwrap();
        p.set_text_content(Some(text));
        host.append_child(&p).unwrap();
    }
    document.body().unwrap().append_child(&host).unwrap();
    host
}

fn options(document: Option<&str>, src: Option<&str>, key: &str) -> Options {
    Options {
        document: document.map(str::to_owned),
        src: src.map(str::to_owned),
        key: Some(key.to_owned()),
        base: "./".to_owned(),
        timeout_ms: Some(5_000),
        ..Options::default()
    }
}

fn all(root: &ShadowRoot, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into().unwrap()).collect()
}

/// Waits (up to about two seconds) until `selector` matches inside the widget.
async fn wait_for(root: &ShadowRoot, selector: &str) -> Element {
    for _ in 0..200 {
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("nothing matches {selector} in the widget")
}

async fn settle() {
    for _ in 0..3 {
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
    }
}

fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().unwrap().click();
}

fn hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

async fn mounted(document: Option<&str>, src: Option<&str>, key: &str) -> (Element, Mounted) {
    let host = host_element(None);
    let m = host::mount(&host, options(document, src, key)).expect("mounts");
    settle().await;
    (host, m)
}

#[wasm_bindgen_test]
async fn a_widget_lives_in_a_shadow_root_with_its_own_stylesheet() {
    let (host, mut m) = mounted(Some(SEED), None, "shadow").await;
    let shadow = host.shadow_root().expect("a shadow root");
    let link = shadow.query_selector("link[rel=stylesheet]").unwrap().expect("the widget's stylesheet");
    assert_eq!(link.get_attribute("href").as_deref(), Some("./article-explorer.css"));
    let marks = all(&shadow, ".ae-article mark");
    assert_eq!(
        marks.len(),
        article_explorer::seed::reading().all_mentions().count(),
        "every mention of the published seed"
    );
    // Nothing of the widget is in the page's own tree.
    assert_eq!(host.children().length(), 0);
    assert!(host.has_attribute("data-ae-mounted"));
    assert!(
        host::mount(&host, options(Some(SEED), None, "again")).is_err(),
        "a second mount into the same host is refused"
    );
    m.unmount();
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_keep_their_own_state_and_keys() {
    let (a, mut ma) = mounted(Some(SEED), None, "first").await;
    let (b, mut mb) = mounted(Some(SEED), None, "second").await;
    let (sa, sb) = (a.shadow_root().unwrap(), b.shadow_root().unwrap());
    click(&sa.query_selector("mark[data-entity=\"russia\"]").unwrap().unwrap());
    settle().await;
    assert!(sa.query_selector("[data-entity-panel=\"russia\"]").unwrap().is_some());
    assert!(sb.query_selector("[data-entity-panel]").unwrap().is_none(), "the other widget stays closed");
    assert!(hash().contains("first=russia") && !hash().contains("second="), "{}", hash());
    click(&sb.query_selector("mark[data-entity=\"cuba\"]").unwrap().unwrap());
    settle().await;
    assert!(hash().contains("first=russia") && hash().contains("second=cuba"), "{}", hash());
    assert!(sa.query_selector("[data-entity-panel=\"russia\"]").unwrap().is_some());
    ma.unmount();
    mb.unmount();
}

#[wasm_bindgen_test]
async fn the_fallback_shows_until_the_widget_is_ready_and_again_after_unmount() {
    let host = host_element(Some("pre-rendered article"));
    let mut m = host::mount(&host, options(Some(SEED), None, "fallback")).unwrap();
    settle().await;
    let shadow = host.shadow_root().unwrap();
    // The document is ready; the stylesheet (absent on the test server) has failed or loaded.
    wait_for(&shadow, ".ae-host:not([hidden]) .ae-article").await;
    assert!(shadow.query_selector("slot").unwrap().is_none(), "the fallback is hidden once the widget shows");
    m.unmount();
    // The widget's stylesheet stays (a pre-rendered article the page declared needs it) and the
    // fallback shows again: nothing else.
    assert_eq!(shadow.children().length(), 2);
    assert!(shadow.query_selector("link + slot").unwrap().is_some(), "the fallback shows again");
    assert!(!host.has_attribute("data-ae-mounted"));
    // And the host can be mounted again.
    let mut again = host::mount(&host, options(Some(SEED), None, "fallback")).expect("mounts again");
    again.unmount();
}

#[wasm_bindgen_test]
async fn a_missing_document_shows_http_404_and_a_retry_button() {
    let (host, mut m) = mounted(None, Some("no-such-article-document.json"), "missing").await;
    let shadow = host.shadow_root().unwrap();
    let alert = wait_for(&shadow, "[role=alert]").await;
    let text = alert.text_content().unwrap_or_default();
    assert!(text.contains("HTTP 404") && text.contains("no-such-article-document.json"), "{text}");
    let retry = shadow.query_selector(".ae-retry").unwrap().expect("a retry button");
    click(&retry);
    settle().await;
    // It tries again and fails again, still with a message.
    let alert = wait_for(&shadow, "[role=alert]").await;
    assert!(alert.text_content().unwrap_or_default().contains("HTTP 404"));
    m.unmount();
}

#[wasm_bindgen_test]
async fn broken_json_and_no_document_are_explained_with_paths() {
    let (host, mut m) = mounted(Some("{\"version\": 1, \"article\": {\"headline\": 7"), None, "broken").await;
    let text = wait_for(&host.shadow_root().unwrap(), ".ae-problems").await.text_content().unwrap_or_default();
    // One line: said at its character, in the UI's language (Arabic).
    assert!(text.contains("article.headline") && text.contains("الحرف") && text.contains("JSON"), "{text}");
    m.unmount();
    let (host, mut m) = mounted(None, None, "nothing").await;
    let text = wait_for(&host.shadow_root().unwrap(), ".ae-problems").await.text_content().unwrap_or_default();
    assert!(text.contains("لا مستند"), "{text}");
    m.unmount();
}

#[wasm_bindgen_test]
async fn a_published_document_needs_no_publisher_and_an_authoring_one_says_what_it_needs() {
    let published = article_authoring::publish::publish_json(SEED).unwrap();
    let host = host_element(None);
    article_explorer::publisher::clear();
    let mut m = host::mount(&host, options(Some(&published), None, "published")).expect("mounts");
    settle().await;
    let shadow = host.shadow_root().unwrap();
    let marks = all(&shadow, ".ae-article mark").len();
    assert_eq!(marks, article_explorer::reading::Reading::from_json(&published).unwrap().all_mentions().count());
    m.unmount();

    let host = host_element(None);
    article_explorer::publisher::clear();
    let mut m = host::mount(&host, options(Some(SEED), None, "unpublished")).expect("mounts");
    let text = wait_for(&host.shadow_root().unwrap(), ".ae-problems").await.text_content().unwrap_or_default();
    assert!(text.contains("مستند تحرير") && text.contains("cargo xtask publish"), "{text}");
    m.unmount();
}

#[wasm_bindgen_test]
async fn a_published_document_that_does_not_read_is_refused_even_without_a_publisher() {
    // The reader has no words for a document's problems (the publisher module says them): with
    // none installed it still refuses the document, each problem by its code, and nothing else
    // breaks.
    let published = article_authoring::publish::publish_json(SEED).unwrap();
    let mut v: Value = serde_json::from_str(&published).unwrap();
    v["mentions"][1][0][0] = Value::from(40);
    v["mentions"][1][0][1] = Value::from(3);
    let host = host_element(None);
    article_explorer::publisher::clear();
    let before = article_explorer::reading::times_read();
    let mut m = host::mount(&host, options(Some(&v.to_string()), None, "unworded")).expect("mounts");
    let shadow = host.shadow_root().unwrap();
    let text = wait_for(&shadow, ".ae-problems").await.text_content().unwrap_or_default();
    let code = article_explorer::problem::Code::RangeReversed as u16;
    assert!(text.contains("mentions[1][0]") && text.contains(&format!("#{code}")), "{text}");
    // Read once: its own problems are kept for the publisher's turn, not found a second time.
    assert_eq!(article_explorer::reading::times_read() - before, 1, "the document is read once");
    assert!(shadow.query_selector(".ae-article").unwrap().is_none());
    m.unmount();
}

#[wasm_bindgen_test]
async fn a_hostile_published_document_is_refused_with_paths() {
    let published = article_authoring::publish::publish_json(SEED).unwrap();
    let mut v: Value = serde_json::from_str(&published).unwrap();
    v["mentions"][1][0][1] = Value::from(1_000_000);
    v["entities"][0]["id"] = Value::from("x\"]<img src=x onerror=alert(1)>");
    let (host, mut m) = mounted(Some(&v.to_string()), None, "hostile-published").await;
    let shadow = host.shadow_root().unwrap();
    let text = wait_for(&shadow, ".ae-problems").await.text_content().unwrap_or_default();
    // Worded by the publisher module, places as a reader counts them: text 1 of the published
    // format is the first paragraph.
    assert!(text.contains("الفقرة 1، الإشارة 1") && text.contains("الكيان 1"), "{text}");
    assert!(all(&shadow, "img").is_empty());
    m.unmount();
}

#[wasm_bindgen_test]
async fn a_crash_replaces_the_widget_with_a_message() {
    let (host, mut m) = mounted(Some(SEED), None, "crash").await;
    host::show_crash_everywhere();
    let shadow = host.shadow_root().unwrap();
    let alert = shadow.query_selector(".ae-crashed[role=alert]").unwrap().expect("the crash message");
    assert!(alert.text_content().unwrap_or_default().contains("أعد تحميل الصفحة"));
    assert!(shadow.query_selector(".ae-article").unwrap().is_none());
    m.unmount();
}

/// Strings that would run or inject something if the widget ever treated text as markup.
const VECTORS: &[&str] = &[
    "<img src=x onerror=\"window.__aePwned=1\">",
    "<script>window.__aePwned=1</script>",
    "<svg onload=\"window.__aePwned=1\"><circle r=\"9\"/></svg>",
    "javascript:window.__aePwned=1",
    "<a href=\"javascript:window.__aePwned=1\">link</a>",
    "<iframe srcdoc=\"<script>parent.__aePwned=1</script>\"></iframe>",
    "\"><b onmouseover=\"window.__aePwned=1\">bold</b>",
    "\u{202E}override\u{202C} \u{2066}isolate\u{2069} \u{200F}mark",
    "{{constructor.constructor('window.__aePwned=1')()}}",
];

/// Puts the vectors into every free-text field of the seed document: names, descriptions, labels,
/// dates, the source, an alias; and an extra paragraph of hostile text.
fn hostile_document() -> String {
    let mut doc: Value = serde_json::from_str(SEED).unwrap();
    let all = VECTORS.join(" ");
    fn walk(v: &mut Value, all: &str) {
        match v {
            Value::Object(o) if o.len() == 2 && o.contains_key("ar") && o.contains_key("en") => {
                for key in ["ar", "en"] {
                    let text = o[key].as_str().unwrap_or_default().to_owned();
                    o[key] = Value::String(format!("{text} {all}"));
                }
            }
            Value::Object(o) => o.values_mut().for_each(|v| walk(v, all)),
            Value::Array(a) => a.iter_mut().for_each(|v| walk(v, all)),
            _ => {}
        }
    }
    walk(&mut doc, &all);
    doc["article"]["source"] =
        serde_json::json!({ "name": all, "url": "https://example.org/?q=\"><script>window.__aePwned=1</script>" });
    let blocks = doc["article"]["blocks"].as_array_mut().unwrap();
    blocks.push(serde_json::json!({ "kind": "paragraph", "text": format!("فقرة {} نهاية", VECTORS[0]) }));
    doc["entities"][0]["aliases"].as_array_mut().unwrap().push(Value::String(VECTORS[0].to_owned()));
    doc.to_string()
}

#[wasm_bindgen_test]
async fn hostile_strings_in_every_field_stay_inert_text() {
    let json = hostile_document();
    // A javascript: link is refused outright, with its path.
    let mut with_js_url: Value = serde_json::from_str(&json).unwrap();
    with_js_url["article"]["source"]["url"] = Value::String(VECTORS[3].to_owned());
    let problems = article_authoring::model::load(&with_js_url.to_string()).unwrap_err();
    assert_eq!(problems[0].path, "article.source.url");
    if let Err(problems) = article_authoring::model::load(&json) {
        panic!("the hostile document should be valid: {:?}", &problems[..problems.len().min(3)]);
    }
    let (host, mut m) = mounted(Some(&json), None, "hostile").await;
    let shadow = host.shadow_root().unwrap();
    wait_for(&shadow, ".ae-article").await;
    // Open every entity's panel, and the tables of the graph and the map.
    let mut seen = std::collections::BTreeSet::new();
    for mark in all(&shadow, ".ae-article mark") {
        if seen.insert(mark.get_attribute("data-entity").unwrap()) {
            click(&mark);
            settle().await;
        }
    }
    for details in all(&shadow, "details") {
        details.set_attribute("open", "").unwrap();
    }
    settle().await;
    yew::platform::time::sleep(std::time::Duration::from_millis(100)).await;

    let pwned = js_sys::Reflect::get(&gloo::utils::window(), &"__aePwned".into()).unwrap();
    assert!(pwned.is_undefined(), "a vector ran");
    let injected = all(&shadow, "img, script, iframe, object, embed, a, b, foreignObject");
    assert!(injected.is_empty(), "injected elements: {:?}", injected.iter().map(|e| e.tag_name()).collect::<Vec<_>>());
    for el in all(&shadow, "*") {
        let names = el.get_attribute_names();
        for i in 0..names.length() {
            let name = names.get(i).as_string().unwrap();
            assert!(!name.starts_with("on"), "<{}> has an {name} attribute", el.tag_name());
            let value = el.get_attribute(&name).unwrap_or_default();
            assert!(
                !value.trim_start().to_lowercase().starts_with("javascript:"),
                "<{}> {name}={value}",
                el.tag_name()
            );
        }
    }
    // The vectors are there, as text: in the article (a mention) and in the panel.
    let text = shadow.query_selector(".ae-root").unwrap().unwrap().text_content().unwrap_or_default();
    for v in VECTORS {
        assert!(text.contains(v), "not shown as text: {v}");
    }
    let last = all(&shadow, ".ae-article .ae-paragraph").pop().unwrap();
    assert!(last.text_content().unwrap_or_default().contains(VECTORS[0]));
    m.unmount();
}

/// Opens the panel of the article's last name in a widget inside a wrapper styled `wrapper`, far
/// down a tall page with a fixed ad at the largest z-index, and checks that the panel is in the top
/// layer, inside the window and the topmost element at its four corners.
async fn opens_in_the_top_layer(wrapper: &str) {
    let document = gloo::utils::document();
    let body = document.body().unwrap();
    let page = document.create_element("div").unwrap();
    page.set_attribute("style", wrapper).unwrap();
    let ad = document.create_element("div").unwrap();
    ad.set_attribute("style", "position: fixed; inset: auto 0 0; height: 90px; z-index: 2147483647; background: #c00")
        .unwrap();
    body.append_child(&page).unwrap();
    body.append_child(&ad).unwrap();
    let host = host_element(None);
    page.append_child(&host).unwrap();
    let mut m = host::mount(&host, options(Some(SEED), None, "top-layer")).unwrap();
    let shadow = host.shadow_root().unwrap();
    // The stylesheet, which the test server does not serve, written into the shadow root.
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../styles/article-explorer.css")));
    shadow.prepend_with_node_1(&style).unwrap();
    wait_for(&shadow, ".ae-host:not([hidden]) .ae-article mark").await;
    let mark = all(&shadow, ".ae-article mark").pop().unwrap();
    mark.scroll_into_view();
    settle().await;
    click(&mark);
    let panel = wait_for(&shadow, "[data-entity-panel]").await;
    settle().await;
    assert!(panel.matches(":popover-open").unwrap(), "the panel is in the top layer");
    let window = gloo::utils::window();
    let (width, height) =
        (window.inner_width().unwrap().as_f64().unwrap(), window.inner_height().unwrap().as_f64().unwrap());
    let r = panel.get_bounding_client_rect();
    assert!(
        r.top() >= 0.0 && r.left() >= 0.0 && r.bottom() <= height + 0.5 && r.right() <= width + 0.5 && r.height() > 0.0,
        "inside the window: {} {} {} {} in {width}×{height}",
        r.left(),
        r.top(),
        r.right(),
        r.bottom()
    );
    for (x, y) in [
        (r.left() + 16.0, r.top() + 16.0),
        (r.right() - 16.0, r.top() + 16.0),
        (r.left() + 16.0, r.bottom() - 16.0),
        (r.right() - 16.0, r.bottom() - 16.0),
    ] {
        let hit = shadow.element_from_point(x as f32, y as f32);
        assert!(hit.is_some_and(|e| panel.contains(Some(&e))), "the panel is topmost at {x},{y}");
    }
    m.unmount();
    page.remove();
    ad.remove();
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

/// Regression (issue 26): inside a transformed ancestor (a carousel's, a lazy-load layer's) the
/// phone's bottom sheet was fixed to that ancestor, thousands of pixels down the page, and a sticky
/// ad at the largest z-index covered its controls. In the top layer neither can. The host-hostility
/// suite drives Chromium only: these run in Firefox too.
#[wasm_bindgen_test]
async fn a_narrow_widget_s_panel_opens_in_the_top_layer_over_a_transformed_ancestor_and_an_ad() {
    opens_in_the_top_layer("transform: translateZ(0); width: 360px; margin: 2000px 0").await;
}

/// Regression (issue 26): beside the article, under an ancestor with `overflow: hidden` (which
/// keeps the panel from sticking), the panel stayed at the top of its column, far above the name
/// the reader had opened.
#[wasm_bindgen_test]
async fn a_wide_widget_s_panel_that_cannot_stick_opens_in_the_top_layer() {
    opens_in_the_top_layer("overflow: hidden; width: 900px; margin: 2000px 0").await;
}

/// The pre-rendered article in a shadow root the page declared (`cargo xtask finish` writes it, so
/// that the host's rules cannot restyle it): the widget mounts into that shadow root, keeps the
/// article until it is ready, and brings it back when unmounted.
#[wasm_bindgen_test]
async fn a_declared_shadow_root_with_a_pre_rendered_article_is_the_widget_s_own() {
    let document = gloo::utils::document();
    let host = host_element(None);
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    let link = document.create_element("link").unwrap();
    link.set_attribute("rel", "stylesheet").unwrap();
    link.set_attribute("href", "./article-explorer.css").unwrap();
    let pre = document.create_element("div").unwrap();
    pre.set_class_name("ae-host");
    let article = document.create_element("div").unwrap();
    article.set_class_name("ae-root ae-prerendered");
    pre.append_child(&article).unwrap();
    shadow.append_child(&link).unwrap();
    shadow.append_child(&pre).unwrap();
    let mut m =
        host::mount(&host, options(Some(SEED), None, "declared")).expect("mounts into the declared shadow root");
    assert!(pre.is_connected(), "the pre-rendered article stays until the widget is ready");
    wait_for(&shadow, ".ae-host:not([hidden]) .ae-article").await;
    assert!(!pre.is_connected(), "then the widget replaces it");
    m.unmount();
    assert!(pre.is_connected(), "unmounted, the pre-rendered article is back");
    assert!(shadow.query_selector(".ae-article").unwrap().is_none(), "and nothing of the widget");
    host.remove();
}

/// A widget `width` px wide with its stylesheet (which the test server does not serve, written into
/// the shadow root), its panel open from the start on `entity`.
async fn styled_widget(width: u32, entity: &str) -> (Element, Mounted, ShadowRoot) {
    // With a fallback, as a page with a pre-rendered article: the widget shows once it has its document.
    let host = host_element(Some("pre-rendered article"));
    host.set_attribute("style", &format!("width: {width}px")).unwrap();
    let mut o = options(Some(SEED), None, entity);
    o.entity = Some(entity.to_owned());
    let m = host::mount(&host, o).unwrap();
    let shadow = host.shadow_root().unwrap();
    let style = gloo::utils::document().create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../styles/article-explorer.css")));
    shadow.prepend_with_node_1(&style).unwrap();
    wait_for(&shadow, ".ae-host:not([hidden]) [data-entity-panel]").await;
    settle().await;
    (host, m, shadow)
}

/// Regression: a panel open from the start opened while the widget was not shown yet (no layout:
/// no offset parent, like a fixed sheet's) and went to the top layer on a wide widget too, over
/// the page. Beside the article it stays in place; a phone's sheet goes to the top layer once the
/// widget shows.
#[wasm_bindgen_test]
async fn a_panel_open_from_the_start_is_a_top_layer_sheet_only_on_a_narrow_widget() {
    let (wide, mut m, shadow) = styled_widget(900, "cuba").await;
    let panel = shadow.query_selector("[data-entity-panel]").unwrap().unwrap();
    assert!(!panel.matches(":popover-open").unwrap(), "beside the article, in place");
    m.unmount();
    wide.remove();
    let (narrow, mut m, shadow) = styled_widget(360, "cuba").await;
    let panel = shadow.query_selector("[data-entity-panel]").unwrap().unwrap();
    assert!(panel.matches(":popover-open").unwrap(), "a phone's sheet, in the top layer");
    m.unmount();
    narrow.remove();
}

/// The document embed.js fetched while the WebAssembly downloaded: its text, handed over, is read
/// in the widget's first render (no fetch of its own); a promise of it is waited for; a promise
/// that gives nothing leaves the widget's own fetch to say what went wrong.
#[wasm_bindgen_test]
async fn a_document_fetched_by_the_page_is_handed_over() {
    let published = article_authoring::publish::publish_json(SEED).unwrap();
    let marks = article_explorer::reading::Reading::from_json(&published).unwrap().all_mentions().count();

    // The text: the article is there as soon as the widget is mounted, before any task runs.
    let host = host_element(None);
    let mut o = options(None, Some("no-such-file-fetched-by-the-page.json"), "handed-text");
    o.prefetched = Some(wasm_bindgen::JsValue::from_str(&published));
    let mut m = host::mount(&host, o).expect("mounts");
    settle().await;
    let shadow = host.shadow_root().unwrap();
    assert_eq!(all(&shadow, ".ae-article mark").len(), marks, "shown from the text handed over, not fetched");
    m.unmount();

    // A promise, resolved later: the widget waits for it.
    let host = host_element(None);
    let (promise, resolve) = {
        let mut resolve = None;
        let p = js_sys::Promise::new(&mut |r, _| resolve = Some(r));
        (p, resolve.unwrap())
    };
    let mut o = options(None, Some("no-such-file-fetched-by-the-page.json"), "handed-promise");
    o.prefetched = Some(promise.into());
    let mut m = host::mount(&host, o).expect("mounts");
    settle().await;
    let shadow = host.shadow_root().unwrap();
    assert!(all(&shadow, ".ae-article mark").is_empty(), "waiting for the page's fetch");
    resolve.call1(&wasm_bindgen::JsValue::NULL, &wasm_bindgen::JsValue::from_str(&published)).unwrap();
    wait_for(&shadow, ".ae-article mark").await;
    assert_eq!(all(&shadow, ".ae-article mark").len(), marks);
    m.unmount();

    // A promise of nothing (the page's fetch failed): the widget fetches, and says why it failed.
    let host = host_element(None);
    let mut o = options(None, Some("no-such-file-fetched-by-the-page.json"), "handed-nothing");
    o.prefetched = Some(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL).into());
    let mut m = host::mount(&host, o).expect("mounts");
    let shadow = host.shadow_root().unwrap();
    let alert = wait_for(&shadow, "[role=alert]").await;
    assert!(alert.text_content().unwrap_or_default().contains("HTTP 404"), "{:?}", alert.text_content());
    m.unmount();
}
