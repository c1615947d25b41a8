//! Browser tests: the app mounted into its own element in a real headless browser.
#![cfg(target_arch = "wasm32")]

use article_explorer::{mount, mount_with, seed, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element of its own, attached to the test page's body.
fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Lets Yew's scheduler render: it runs on the next turn of the event loop.
async fn settle() {
    yew::platform::time::sleep(std::time::Duration::ZERO).await;
}

fn text_of(element: &Element) -> String {
    element.dyn_ref::<HtmlElement>().unwrap().text_content().unwrap_or_default()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into().unwrap()).collect()
}

#[wasm_bindgen_test]
async fn renders_the_seed_article_as_right_to_left_arabic() {
    let root = fresh_root();
    let app = mount(root.clone());
    settle().await;

    let article = seed::document().unwrap().article;
    let container = root.query_selector("article").unwrap().expect("an <article> element");
    assert_eq!(container.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(container.get_attribute("lang").as_deref(), Some("ar"));

    let headline = container.query_selector("h1").unwrap().expect("a headline");
    assert_eq!(text_of(&headline), article.headline);

    let blocks = all(&container, ".ae-body > *");
    let shown: Vec<String> = blocks.iter().map(text_of).collect();
    let expected: Vec<String> = article.blocks.iter().map(|b| b.text.clone()).collect();
    assert_eq!(shown, expected);
    let tags: Vec<String> = blocks.iter().map(|b| b.tag_name().to_lowercase()).collect();
    assert_eq!(tags.iter().filter(|t| *t == "h2").count(), 1);
    assert_eq!(tags.iter().filter(|t| *t == "p").count(), 15);

    app.destroy();
    settle().await;
    assert!(root.query_selector("article").unwrap().is_none(), "destroy() unmounts the app");
}

#[wasm_bindgen_test]
async fn the_article_direction_is_computed_as_rtl() {
    let root = fresh_root();
    let _app = mount(root.clone());
    settle().await;
    let headline = root.query_selector("h1").unwrap().unwrap();
    let style = gloo::utils::window().get_computed_style(&headline).unwrap().unwrap();
    assert_eq!(style.get_property_value("direction").unwrap(), "rtl");
}

#[wasm_bindgen_test]
async fn an_invalid_document_lists_its_problems_with_paths() {
    let root = fresh_root();
    let _app = mount_with(root.clone(), AppProps::from_json(r#"{"version": 9, "article": {"headline": "", "blocks": [], "language": "ar", "direction": "rtl"}}"#));
    settle().await;
    let alert = root.query_selector("[role=alert]").unwrap().expect("a problem list");
    let text = text_of(&alert);
    assert!(text.contains("version: version 9 is not supported"), "{text}");
    assert!(text.contains("article.headline: must not be empty"), "{text}");
    assert!(root.query_selector("article").unwrap().is_none());
}
