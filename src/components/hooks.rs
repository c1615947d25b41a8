//! The reader's side effects, each a named hook: the URL fragment ([`use_fragment_link`]), the
//! open entity's marks and focus ([`use_focus_return`]), the mention that previous/next lands on
//! ([`use_mention_flash`]). The state
//! they follow is the reducer's ([`crate::state`]); they only touch the browser.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{article, focus, scroll_to, window, Shared, Store};
use crate::state::Action;
use article_format::reading::Reading;

/// Every element of `root` matching `selector`.
fn each(root: &web_sys::Element, selector: &str, f: &mut dyn FnMut(web_sys::Element)) {
    if let Ok(list) = root.query_selector_all(selector) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                f(el);
            }
        }
    }
}

/// The URL fragment names the open entity under `key`: opening and closing push a history entry,
/// and Back and Forward open what the fragment names. Returns whether the last change of `open`
/// came from the URL (then nothing is pushed, and focus stays where it is).
#[hook]
pub fn use_fragment_link(
    document: Shared<Reading>,
    key: AttrValue,
    open: Option<usize>,
    dispatcher: UseReducerDispatcher<Store>,
) -> Rc<RefCell<bool>> {
    // The open entity the URL asked for (load, Back, Forward), until the state has it.
    let url_open = use_mut_ref(|| Some(open));
    let from_url = use_mut_ref(|| false);
    {
        let (document, key, url_open) = (document.clone(), key.clone(), url_open.clone());
        use_effect_with((), move |_| {
            let listener = EventListener::new(&window(), "popstate", move |_| {
                let hash = window().location().hash().unwrap_or_default();
                let wanted = crate::link::get(&hash, &key).and_then(|id| document.entity_index(&id));
                *url_open.borrow_mut() = Some(wanted);
                dispatcher.dispatch(match wanted {
                    Some(entity) => Action::Open { entity, mention: None },
                    None => Action::Close,
                });
            });
            move || drop(listener)
        });
    }
    {
        let from_url = from_url.clone();
        use_effect_with(open, move |open| {
            let asked = url_open.borrow_mut().take() == Some(*open);
            *from_url.borrow_mut() = asked;
            if asked {
                return;
            }
            let id = open.and_then(|i| document.doc.entities.get(i)).map(|e| e.id.clone());
            let location = window().location();
            let hash = location.hash().unwrap_or_default();
            let next = crate::link::set(&hash, &key, id.as_deref());
            if next != hash {
                let url = if next.is_empty() {
                    format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default())
                } else {
                    next
                };
                let _ = window()
                    .history()
                    .and_then(|h| h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)));
            }
        });
    }
    from_url
}

/// The open entity's mentions marked current; focus moved into the panel on open (unless the
/// URL opened it), and back to `opener`, the element that opened it, on close.
#[hook]
pub fn use_focus_return(
    document: Shared<Reading>,
    root: NodeRef,
    open: Option<usize>,
    opener: Rc<RefCell<Option<web_sys::Element>>>,
    from_url: Rc<RefCell<bool>>,
) {
    use_effect_with(open, move |open| {
        let Some(root) = root.cast::<web_sys::Element>() else { return };
        each(&root, ".ae-current", &mut |el| {
            let _ = el.class_list().remove_1("ae-current");
        });
        match open.and_then(|i| document.doc.entities.get(i)) {
            Some(entity) => {
                // Ids are validated slugs: safe inside a selector.
                each(&root, &format!(".ae-article [data-entity=\"{}\"]", entity.id), &mut |el| {
                    let _ = el.class_list().add_1("ae-current");
                });
                if !*from_url.borrow() {
                    if let Ok(Some(title)) = root.query_selector(".ae-panel-title") {
                        focus(&title);
                    }
                }
            }
            None => {
                if let Some(el) = opener.borrow_mut().take().filter(|el| el.is_connected()) {
                    focus(&el);
                }
            }
        }
    });
}

/// Previous/next: the mention at `cursor` of the open entity scrolled to and marked briefly.
#[hook]
pub fn use_mention_flash(document: Shared<Reading>, root: NodeRef, open: Option<usize>, cursor: Option<usize>) {
    use_effect_with((open, cursor), move |&(open, cursor)| {
        let target = open.zip(cursor).and_then(|(e, c)| document.by_entity.get(e)?.get(c).copied());
        let el = target.and_then(|r| {
            let selector = format!("[data-text=\"{}\"][data-index=\"{}\"]", article::text_key(r.text), r.index);
            root.cast::<web_sys::Element>()?.query_selector(&selector).ok()?
        });
        let timeout = el.map(|el| {
            scroll_to(&el);
            let _ = el.class_list().add_1("ae-flash");
            Timeout::new(1500, move || {
                let _ = el.class_list().remove_1("ae-flash");
            })
        });
        move || drop(timeout)
    });
}
