//! The studio in a real browser (wasm-bindgen-test), driven through its own controls as an
//! editor drives it: plain text in; entities made from selections (the kind chosen, never
//! defaulted); an alias through the entity picker (no id typed); a relation whose ends come from
//! the selected words and whose predicate from their verb; an event; records edited and deleted
//! in place; undo and redo by button and by key; the draft kept in IndexedDB and taken up again
//! by a studio mounted afresh, its undo history with it; every message in the UI's language.
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

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

async fn settle() {
    for _ in 0..3 {
        sleep(20).await;
    }
}

async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        sleep(25).await;
    }
    panic!("timed out waiting for {what}; the status says «{}»", text("[data-st='status']"));
}

fn el(selector: &str) -> Element {
    doc().query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

fn all(selector: &str) -> Vec<Element> {
    let list = doc().query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

/// Types into a field as a person does: its value, then the input event the page listens to.
fn type_into(selector: &str, value: &str) {
    let e = el(selector);
    if let Some(i) = e.dyn_ref::<HtmlInputElement>() {
        i.set_value(value);
    } else if let Some(t) = e.dyn_ref::<HtmlTextAreaElement>() {
        t.set_value(value);
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    e.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

fn key_on(selector: &str, key: &str, ctrl: bool, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_ctrl_key(ctrl);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    el(selector)
        .dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap())
        .unwrap();
}

fn click(selector: &str) {
    el(selector).unchecked_into::<HtmlElement>().click();
}

fn text(selector: &str) -> String {
    doc().query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

fn status() -> String {
    text("[data-st='status']").replace(['\u{2068}', '\u{2069}'], "")
}

fn marked() -> Vec<String> {
    all("[data-st='editor'] .st-m").iter().filter_map(|e| e.text_content()).collect()
}

async fn find(words: &str) {
    type_into("[data-st='find']", words);
    click("[data-st='find-go']");
    until("the selection", || text("[data-st='selection'] q") == words).await;
}

/// Chooses an entity in a picker: a few letters typed, then Enter.
async fn pick(st: &str, letters: &str) {
    let input = format!("[data-st='{st}']");
    el(&input).unchecked_into::<HtmlElement>().focus().unwrap();
    settle().await;
    type_into(&input, letters);
    settle().await;
    key_on(&input, "Enter", false, false);
    settle().await;
}

async fn mounted(lang: Lang) -> (Element, yew::AppHandle<StudioView>) {
    let root = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<StudioView>::with_root_and_props(root.clone(), StudioProps { lang }).render();
    settle().await;
    (root, app)
}

#[wasm_bindgen_test]
async fn plain_text_to_a_published_article_by_edits_kept_as_a_draft() {
    let (root, app) = mounted(Lang::En).await;
    type_into("[data-st='text']", "زيارة إلى موسكو\nزار الرئيس نيكولاس مادورو موسكو في مايو، وعاد مادورو إلى كاراكاس.");
    el("[data-st='sample']").unchecked_into::<HtmlInputElement>().set_checked(false);
    click("[data-st='start']");
    until("the editor", || doc().query_selector("[data-st='editor']").unwrap().is_some()).await;
    assert!(marked().is_empty(), "no catalogue: nothing is linked yet");
    let key = text("[data-st='draft-key']");
    assert_eq!(key.len(), 8, "the draft's key is shown: {key}");

    // A new entity: its kind must be chosen (none is by default), its English name is filled in
    // (a transliteration, marked as a guess) and then written by the editor.
    find("نيكولاس مادورو").await;
    assert!(all("[name='st-kind']").iter().all(|r| !r.unchecked_ref::<HtmlInputElement>().checked()));
    click("[data-st='new-entity']");
    until("a kind asked for", || status() == "choose a kind").await;
    assert!(!el("[data-st='name-en']").unchecked_into::<HtmlInputElement>().value().is_empty(), "a guess is filled in");
    assert!(doc().query_selector("[data-st='guessed']").unwrap().is_some(), "and marked as a guess");
    click("[data-st='kind-person']");
    type_into("[data-st='name-en']", "Nicolás Maduro");
    click("[data-st='new-entity']");
    until("the new entity's mention", || marked().contains(&"نيكولاس مادورو".to_owned())).await;
    // The fields are cleared after the action: no stale name for the next entity.
    assert_eq!(el("[data-st='name-en']").unchecked_into::<HtmlInputElement>().value(), "");

    // The second «مادورو» is found after the first selection; it becomes an alias, its entity
    // chosen with the picker by a few letters of its English name.
    find("مادورو").await;
    find("مادورو").await;
    pick("entity", "Nico").await;
    assert_eq!(el("[data-st='entity']").get_attribute("data-value").as_deref(), Some("nicolas-maduro"));
    click("[data-st='alias']");
    until("the alias's mention", || marked().iter().filter(|m| *m == "مادورو").count() == 1).await;

    find("موسكو").await;
    click("[data-st='kind-city']");
    type_into("[data-st='name-en']", "Moscow");
    click("[data-st='new-entity']");
    until("Moscow", || marked().iter().filter(|m| *m == "موسكو").count() == 2).await;

    // A relation: its subject and object from the mentions in the selected words, its
    // predicate from their verb (one click), its evidence the words.
    find("زار الرئيس نيكولاس مادورو موسكو").await;
    assert_eq!(el("[data-st='subject']").get_attribute("data-value").as_deref(), Some("nicolas-maduro"));
    assert_eq!(el("[data-st='object']").get_attribute("data-value").as_deref(), Some("moscow"));
    assert_eq!(
        el("[data-st='predicate']").unchecked_into::<HtmlSelectElement>().value(),
        "",
        "no predicate by default"
    );
    click("[data-st='predicate-visited']");
    click("[data-st='relation']");
    until("the relation", || status().starts_with("new relation")).await;
    assert_eq!(text("[data-st='errors-count']"), "Errors that stop publishing (0)");
    // The new entities' descriptions are placeholders: warnings, listed apart.
    assert_eq!(all("[data-st='warnings'] li").len(), 2);
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
    type_into("[data-st='event-ar']", "زيارة موسكو");
    type_into("[data-st='event-en']", "The visit to Moscow");
    type_into("[data-st='event-when-ar']", "في مايو");
    type_into("[data-st='event-when-en']", "in May");
    type_into("[data-st='event-date']", "May");
    find("زار الرئيس نيكولاس مادورو موسكو").await;
    assert!(all(".st-many [data-st-chosen]").len() >= 2, "the event's entities from the words");
    click("[data-st='event']");
    until("the date refused", || status().contains("ISO 8601")).await;
    type_into("[data-st='event-date']", "");
    click("[data-st='event']");
    until("the event", || status().starts_with("new event")).await;

    // A record edited in place: Moscow's description written, one warning fewer.
    click("[data-st-entity='moscow'] [data-st='edit-entity']");
    until("the entity's form", || doc().query_selector("[data-st='entity-form']").unwrap().is_some()).await;
    type_into("[data-st='entity-form'] [data-st='description-en']", "Capital of Russia");
    type_into("[data-st='entity-form'] [data-st='description-ar']", "عاصمة روسيا");
    type_into("[data-st='entity-form'] [data-st='lat']", "55.756");
    type_into("[data-st='entity-form'] [data-st='lon']", "37.617");
    click("[data-st='entity-form'] [data-st='apply']");
    until("one warning fewer", || all("[data-st='warnings'] li").len() == 1).await;
    // With its coordinates, Moscow goes on the map in one click.
    click("[data-st-entity='moscow'] [data-st='place-entity']");
    until("Moscow on the map", || all("[data-st='features'] li").len() == 1).await;
    click("[data-st='undo']");
    until("and off it", || all("[data-st='features'] li").is_empty()).await;
    // A relation edited in place: its predicate changed.
    click("[data-st-relation='0'] [data-st='edit-relation']");
    until("the relation's form", || doc().query_selector("[data-st='relation-form']").unwrap().is_some()).await;
    let predicate = el("[data-st='relation-form'] [data-st='r-predicate']").unchecked_into::<HtmlSelectElement>();
    predicate.set_value("met-with");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    predicate.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    click("[data-st='relation-form'] [data-st='apply']");
    until("the relation edited", || text("[data-st='relations']").contains("met with")).await;
    click("[data-st='undo']");
    until("the edit undone", || text("[data-st='relations']").contains("visited")).await;
    // Deleting Moscow says what uses it, and deletes nothing until told to take them too.
    click("[data-st-entity='moscow'] [data-st='delete-entity']");
    until("what uses it", || doc().query_selector("[data-st='uses']").unwrap().is_some()).await;
    assert!(text("[data-st='uses']").contains("the relation"), "{}", text("[data-st='uses']"));
    click("[data-st='delete-with-uses']");
    until("Moscow gone", || marked().iter().all(|m| m != "موسكو")).await;
    assert!(all("[data-st='relations'] li").is_empty());
    // Undo takes it all back at once.
    click("[data-st='undo']");
    until("Moscow back", || marked().iter().filter(|m| *m == "موسكو").count() == 2).await;
    assert_eq!(all("[data-st='relations'] li").len(), 1);
    // A relation deleted, then its deletion undone by the keyboard, and made again.
    click("[data-st-relation='0'] [data-st='delete-relation']");
    until("the relation deleted", || all("[data-st='relations'] li").is_empty()).await;
    key_on("[data-st='editor']", "z", true, false);
    until("undone", || all("[data-st='relations'] li").len() == 1).await;
    key_on("[data-st='editor']", "Z", true, true);
    until("redone", || all("[data-st='relations'] li").is_empty()).await;
    assert!(status().starts_with("redone:"), "{}", status());
    key_on("[data-st='editor']", "z", true, false);
    until("undone again", || all("[data-st='relations'] li").len() == 1).await;
    // In a field, Control+Z is the field's own.
    let before = status();
    key_on("[data-st='name-en']", "z", true, false);
    settle().await;
    assert_eq!(status(), before);

    // In Arabic, every status in Arabic: a refusal said again.
    click("[data-st='lang']");
    settle().await;
    find("زار الرئيس نيكولاس مادورو موسكو").await;
    click("[data-st='relation']");
    settle().await;
    let said = status();
    assert!(!said.is_empty() && !said.chars().any(|c| c.is_ascii_alphabetic()), "no English in the Arabic UI: {said}");

    // The draft is kept: a studio mounted afresh (a reload) lists it by its key, and takes it up
    // again with its history: undo still works.
    sleep(300).await;
    app.destroy();
    root.remove();
    let (root, app) = mounted(Lang::En).await;
    until("the draft offered back", || doc().query_selector(&format!("[data-st-draft='{key}']")).unwrap().is_some())
        .await;
    click(&format!("[data-st-draft='{key}'] [data-st='resume']"));
    until("the draft taken up", || marked().iter().filter(|m| *m == "موسكو").count() == 2).await;
    assert_eq!(all("[data-st='relations'] li").len(), 1);
    let undo = el("[data-st='undo']").unchecked_into::<web_sys::HtmlButtonElement>();
    assert!(!undo.disabled(), "the history came back with the draft: what can be undone");
    click("[data-st='undo']");
    until("Moscow's description undone after the reload", || all("[data-st='warnings'] li").len() == 2).await;
    // ...and what can be redone: the description again, then the relation's deletion.
    click("[data-st='redo']");
    until("redone", || all("[data-st='warnings'] li").len() == 1).await;
    click("[data-st='redo']");
    until("the deletion redone", || all("[data-st='relations'] li").is_empty()).await;
    app.destroy();
    root.remove();
}

fn within(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn click_in(root: &Element, selector: &str) {
    within(root, selector).unwrap_or_else(|| panic!("no {selector}")).unchecked_into::<HtmlElement>().click();
}

/// Two studios at once (two tabs, as far as the browser's locks know): the second is told the
/// draft is open elsewhere, and takes it over; the first then refuses edits and can take it back.
#[wasm_bindgen_test]
async fn a_draft_open_in_two_places_is_edited_in_one() {
    let (first, app1) = mounted(Lang::En).await;
    type_into("[data-st='text']", "عنوان للتجربة\nتحدث الرئيس مادورو، ثم زار الوفد موسكو.");
    el("[data-st='sample']").unchecked_into::<HtmlInputElement>().set_checked(false);
    click("[data-st='start']");
    until("the editor", || doc().query_selector("[data-st='editor']").unwrap().is_some()).await;
    let key = text("[data-st='draft-key']");
    // A suggestion set aside in one action («مادورو», a name after «الرئيس»): gone, and said.
    until("a suggestion", || !all("[data-st='suggestions'] li").is_empty()).await;
    click("[data-st='suggestions'] li [data-st='reject']");
    until("set aside", || all("[data-st='suggestions'] li").is_empty()).await;
    assert!(status().starts_with("suggestion set aside"), "{}", status());
    find("موسكو").await;
    click("[data-st='kind-city']");
    type_into("[data-st='name-en']", "Moscow");
    click("[data-st='new-entity']");
    until("Moscow", || marked() == ["موسكو"]).await;
    sleep(300).await; // kept

    let (second, app2) = mounted(Lang::En).await;
    let draft = format!("[data-st-draft='{key}'] [data-st='resume']");
    until("the draft listed in the second", || within(&second, &draft).is_some()).await;
    click_in(&second, &draft);
    until("told it is open elsewhere", || within(&second, "[data-st='dialog']").is_some()).await;
    let told = within(&second, "[data-st='dialog']").and_then(|d| d.text_content()).unwrap_or_default();
    assert!(told.contains("another tab"), "{told}");
    click_in(&second, "[data-st='dialog-yes']");
    until("taken over", || within(&second, "[data-st='editor']").is_some()).await;
    until("the first told", || within(&first, "[data-st='take-back']").is_some()).await;
    // The first refuses edits now: Control+Z there changes nothing and says why.
    click_in(&first, "[data-st='undo']");
    settle().await;
    let said = within(&first, "[data-st='status']").and_then(|s| s.text_content()).unwrap_or_default();
    assert!(said.contains("another tab took this draft over"), "{said}");
    assert_eq!(first.query_selector_all(".st-m").unwrap().length(), 1, "Moscow is still there");
    // The second goes away; the first takes the draft back.
    app2.destroy();
    second.remove();
    click_in(&first, "[data-st='take-back']");
    until("taken back", || within(&first, "[data-st='take-back']").is_none()).await;
    app1.destroy();
    first.remove();
}
