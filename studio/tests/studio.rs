//! The studio in a real browser (wasm-bindgen-test): its state driven through its own controls.
//! Plain text in, an entity made from a selection found by the keyboard's way, an alias, a
//! relation, a timeline event, undo and redo; the mentions, the problems and the reader's preview follow each edit.
#![cfg(target_arch = "wasm32")]

use article_format::i18n::Lang;
use article_studio::{StudioProps, StudioView};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn settle() {
    for _ in 0..3 {
        gloo_timers_sleep(20).await;
    }
}

async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        gloo_timers_sleep(25).await;
    }
    panic!("timed out waiting for {what}");
}

fn el(selector: &str) -> Element {
    doc().query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

fn set(selector: &str, value: &str) {
    let e = el(selector);
    if let Some(i) = e.dyn_ref::<HtmlInputElement>() {
        i.set_value(value);
    } else if let Some(s) = e.dyn_ref::<HtmlSelectElement>() {
        s.set_value(value);
    } else if let Some(t) = e.dyn_ref::<HtmlTextAreaElement>() {
        t.set_value(value);
    }
}

fn click(selector: &str) {
    el(selector).unchecked_into::<HtmlElement>().click();
}

fn text(selector: &str) -> String {
    el(selector).text_content().unwrap_or_default()
}

fn marked() -> Vec<String> {
    let list = doc().query_selector_all("[data-st='editor'] .st-m").unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.text_content()).collect()
}

async fn find(words: &str) {
    set("[data-st='find']", words);
    click("[data-st='find-go']");
    until("the selection", || {
        doc().query_selector("[data-st='selection'] q").unwrap().and_then(|q| q.text_content()).as_deref()
            == Some(words)
    })
    .await;
}

#[wasm_bindgen_test]
async fn plain_text_to_a_published_article_by_edits() {
    let root = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<StudioView>::with_root_and_props(root.clone(), StudioProps { lang: Lang::En }).render();
    settle().await;
    set("[data-st='text']", "زيارة إلى موسكو\nزار الرئيس نيكولاس مادورو موسكو في مايو، وعاد مادورو إلى كاراكاس.");
    el("[data-st='sample']").unchecked_into::<HtmlInputElement>().set_checked(false);
    click("[data-st='start']");
    until("the editor", || doc().query_selector("[data-st='editor']").unwrap().is_some()).await;
    assert!(marked().is_empty(), "no catalogue: nothing is linked yet");

    find("نيكولاس مادورو").await;
    set("[data-st='kind']", "person");
    set("[data-st='name-en']", "Nicolás Maduro");
    click("[data-st='new-entity']");
    until("the new entity's mention", || marked().contains(&"نيكولاس مادورو".to_owned())).await;

    // The second «مادورو» is found after the first selection; it becomes an alias.
    find("مادورو").await;
    find("مادورو").await;
    set("[data-st='entity']", "nicolas-maduro");
    click("[data-st='alias']");
    until("the alias's mention", || marked().iter().filter(|m| *m == "مادورو").count() == 1).await;

    find("موسكو").await;
    set("[data-st='kind']", "city");
    set("[data-st='name-en']", "Moscow");
    click("[data-st='new-entity']");
    until("Moscow", || marked().iter().filter(|m| *m == "موسكو").count() == 2).await;

    find("زار الرئيس نيكولاس مادورو موسكو").await;
    set("[data-st='subject']", "nicolas-maduro");
    set("[data-st='predicate']", "visited");
    set("[data-st='object']", "moscow");
    click("[data-st='relation']");
    until("the relation", || text("[data-st='status']").contains("visited")).await;
    assert_eq!(text("[data-st='problems-count']"), "Problems (0)");
    // The preview is the reader, mounted as an embed: inside its shadow root.
    let in_preview = |selector: &str| {
        doc()
            .query_selector("[data-st='preview']")
            .unwrap()
            .and_then(|p| p.shadow_root())
            .and_then(|r| r.query_selector(selector).unwrap())
            .is_some()
    };
    until("the preview", || in_preview(".ae-article mark[data-entity='moscow']")).await;

    // A timeline event, the same words its evidence: a date not ISO 8601 is refused, said.
    set("[data-st='event-ar']", "زيارة موسكو");
    set("[data-st='event-en']", "The visit to Moscow");
    set("[data-st='event-when-ar']", "في مايو");
    set("[data-st='event-when-en']", "in May");
    set("[data-st='event-date']", "May");
    set("[data-st='event-entities']", "nicolas-maduro moscow");
    click("[data-st='event']");
    until("the date refused", || text("[data-st='status']").contains("ISO 8601")).await;
    set("[data-st='event-date']", "");
    click("[data-st='event']");
    until("the event", || text("[data-st='status']").contains("the-visit-to-moscow")).await;
    assert_eq!(text("[data-st='problems-count']"), "Problems (0)");

    // A relation that cannot be: said, not applied.
    set("[data-st='object']", "nicolas-maduro");
    click("[data-st='relation']");
    settle().await;
    assert!(text("[data-st='status']").contains("two different entities"), "{}", text("[data-st='status']"));
    assert_eq!(text("[data-st='problems-count']"), "Problems (0)");

    // Undo takes back the last edit made (the relation: the refused one was never made), the
    // keyboard's Control+Z the one before (Moscow), Control+Shift+Z makes it again.
    let status = || text("[data-st='status']");
    let undo = el("[data-st='undo']").unchecked_into::<web_sys::HtmlButtonElement>();
    assert!(!undo.disabled());
    assert!(undo.title().contains("the-visit-to-moscow"), "says what it undoes: {}", undo.title());
    click("[data-st='undo']");
    until("the event undone", || status().starts_with("Undone:") && status().contains("the-visit-to-moscow")).await;
    click("[data-st='undo']");
    until("the relation undone", || status().starts_with("Undone:") && status().contains("visited")).await;
    let key = |key: &str, shift: bool| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_ctrl_key(true);
        init.set_shift_key(shift);
        init.set_bubbles(true);
        let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        el("[data-st='editor']").dispatch_event(&event).unwrap();
    };
    key("z", false);
    until("Moscow undone", || !marked().contains(&"موسكو".to_owned())).await;
    assert!(marked().contains(&"نيكولاس مادورو".to_owned()), "only the last edit is undone");
    key("Z", true);
    until("Moscow again", || marked().iter().filter(|m| *m == "موسكو").count() == 2).await;
    assert!(status().starts_with("Redone:"), "{}", status());
    // In a field, Control+Z is the field's own.
    let before = status();
    let field = el("[data-st='name-en']");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("z");
    init.set_ctrl_key(true);
    init.set_bubbles(true);
    field
        .dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap())
        .unwrap();
    settle().await;
    assert_eq!(status(), before);
    assert_eq!(marked().iter().filter(|m| *m == "موسكو").count(), 2);
    // What was undone and not redone (the relation, the event) is dropped by a new edit.
    let redo = el("[data-st='redo']").unchecked_into::<web_sys::HtmlButtonElement>();
    assert!(!redo.disabled(), "the relation can still be redone");
    find("كاراكاس").await;
    set("[data-st='kind']", "city");
    set("[data-st='name-en']", "Caracas");
    click("[data-st='new-entity']");
    until("Caracas", || marked().contains(&"كاراكاس".to_owned())).await;
    assert!(el("[data-st='redo']").unchecked_into::<web_sys::HtmlButtonElement>().disabled());

    app.destroy();
    root.remove();
}
