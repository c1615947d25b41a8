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
                let asked = !*from_url.borrow();
                if let Ok(Some(panel)) = root.query_selector(".ae-panel") {
                    lift(&panel, asked);
                }
                if asked {
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

/// Shows the panel in the browser's top layer (it is a popover), where no ancestor's transform,
/// filter, contain, overflow or z-index can move, clip or cover it: always when it is a bottom
/// sheet (a narrow widget: its style fixes it to the window, as wide as the window or as a
/// transformed ancestor it is fixed to instead; beside the article it is narrower than the widget),
/// and, when the reader opened it (the widget is on screen; a panel
/// the URL opened may be far below), whenever beside the article it would not be seen whole: a
/// corner outside the window or under something else (a host's sticky header or ad; an ancestor
/// that clips it or keeps it from sticking). A browser without popovers leaves it where it is.
/// Once shown, it stays in the top layer while it is open, from entity to entity (showing it again
/// changes nothing). A widget not shown yet (its stylesheet or document still coming) decides
/// nothing: it has no layout, and `host` lifts a panel open from the start when it shows the widget.
pub(super) fn lift(panel: &web_sys::Element, asked: bool) {
    if panel.closest("[hidden]").ok().flatten().is_some() {
        return;
    }
    let width = |e: &web_sys::Element| {
        let r = e.get_bounding_client_rect();
        r.right() - r.left()
    };
    let sheet = panel.closest(".ae-root").ok().flatten().is_some_and(|root| width(panel) >= width(&root) - 1.0);
    if sheet || (asked && !seen_whole(panel)) {
        let _ = panel.unchecked_ref::<web_sys::HtmlElement>().show_popover();
    }
}

/// Is `element` seen whole where it is: the topmost thing at its four corners (6 px in: inside its
/// rounded border)? A bottom corner below the window does not count against it: that is the
/// page's fold, which the reader scrolls to while the panel sticks beside the article (an ordinary
/// page's panel, opened near the widget's top, reaches below it). Asked of its own tree: from the
/// document, a point inside a shadow root hits the shadow's host.
fn seen_whole(element: &web_sys::Element) -> bool {
    let r = element.get_bounding_client_rect();
    let (left, top, right, bottom) = (r.left() + 6.0, r.top() + 6.0, r.right() - 6.0, r.bottom() - 6.0);
    // A shadow root or the document: both answer elementFromPoint (DocumentOrShadowRoot), which
    // web-sys binds on each type apart; the call is the same. None: outside the window.
    let tree = element.get_root_node().unchecked_into::<web_sys::ShadowRoot>();
    let on_top = |x: f64, y: f64| tree.element_from_point(x as f32, y as f32).map(|e| element.contains(Some(&e)));
    on_top(left, top) == Some(true)
        && on_top(right, top) == Some(true)
        && on_top(left, bottom) != Some(false)
        && on_top(right, bottom) != Some(false)
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
