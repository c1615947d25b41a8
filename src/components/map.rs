//! The map's place in the reader: its heading, and a frame the figures module draws the map into
//! when the frame comes near the screen ([`crate::figures::make_map`]): the coastlines, the
//! document's features, pan and zoom, the story step by step, the legend and the text
//! alternative. The reader tells it which entity is open and which to show; it asks the reader
//! to open an entity or show an event's sentence. A reader who never scrolls this far downloads
//! none of it.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::{observe_near, Shared};
use crate::figures::{self, Told};
use crate::handoff::Tell;
use crate::i18n::Lang;
use crate::model::BlockRef;
use crate::state::Action;
use crate::text::Utf8Range;
use article_format::reading::Reading;

#[derive(Properties, PartialEq)]
pub struct MapProps {
    pub document: Shared<Reading>,
    pub lang: Lang,
    pub open: Option<usize>,
    /// "Show on map": the entity to bring into view, with a counter that changes on each request.
    pub focus: Option<(usize, u32)>,
    pub on_action: Callback<Action>,
    /// Shows words of the article (a step's sentence): scrolled to and marked.
    pub on_evidence: Callback<(BlockRef, Utf8Range)>,
    /// Where the default region's base map is fetched from; another region's is the file beside it.
    #[prop_or_else(|| AttrValue::from(super::DEFAULT_MAP))]
    pub src: AttrValue,
}

/// The drawn map and what it is to be told once drawn.
#[derive(Default)]
struct Slot {
    told: Option<Told>,
    started: bool,
    open: Option<usize>,
    show: Option<usize>,
}

#[function_component(MapView)]
pub fn map_view(props: &MapProps) -> Html {
    let t = props.lang.strings();
    let body = use_node_ref();
    let slot: Rc<RefCell<Slot>> = use_mut_ref(Slot::default);
    let failed = use_state_eq(|| false);
    slot.borrow_mut().open = props.open;

    // Draws the map (once) when its frame comes near the screen, before printing, or when asked
    // to show an entity.
    let start = {
        let (body, slot, failed, document, lang, on_action, on_evidence) = (
            body.clone(),
            slot.clone(),
            failed.setter(),
            props.document.clone(),
            props.lang,
            props.on_action.clone(),
            props.on_evidence.clone(),
        );
        // Publishing names the region (none: the default); the figures module checks the rest.
        let region = props.document.0.doc.map.region.as_deref().unwrap_or(crate::geo::REGIONS[0].name);
        let src = match props.src.rsplit_once('/') {
            Some((dir, _)) if region != crate::geo::REGIONS[0].name => format!("{dir}/{region}.json"),
            _ => props.src.to_string(),
        };
        Rc::new(move || {
            let Some(el) = body.cast::<web_sys::Element>() else { return };
            if std::mem::replace(&mut slot.borrow_mut().started, true) {
                return;
            }
            let (slot, failed, doc, on_action, on_evidence, src) =
                (slot.clone(), failed.clone(), document.0.clone(), on_action.clone(), on_evidence.clone(), src.clone());
            let on_pick = super::on_pick(doc.clone(), on_action, on_evidence);
            wasm_bindgen_futures::spawn_local(async move {
                match figures::make_map(el, doc, lang, src, on_pick).await {
                    Some(told) => {
                        let mut s = slot.borrow_mut();
                        told(Tell::Open(s.open));
                        if let Some(e) = s.show.take() {
                            told(Tell::Show(e));
                        }
                        s.told = Some(told);
                    }
                    None => failed.set(true),
                }
            });
        })
    };
    {
        let (body, start, slot) = (body.clone(), start.clone(), slot.clone());
        use_effect_with((props.document.clone(), props.lang), move |_| {
            let near = body.cast::<web_sys::Element>().and_then(|el| {
                let start = start.clone();
                observe_near(&el, move || start())
            });
            // Printing a page whose map was never scrolled to: draw it now (the print preview
            // redraws once the coastlines arrive).
            let before_print = {
                let (start, slot) = (start.clone(), slot.clone());
                gloo::events::EventListener::new(&gloo::utils::window(), "beforeprint", move |_| {
                    start();
                    if let Some(told) = &slot.borrow().told {
                        told(Tell::Load);
                    }
                })
            };
            move || {
                drop(before_print);
                drop(near);
                let mut s = slot.borrow_mut();
                s.told.take();
                s.started = false;
            }
        });
    }
    {
        let slot = slot.clone();
        use_effect_with(props.open, move |open| {
            if let Some(told) = &slot.borrow().told {
                told(Tell::Open(*open));
            }
        });
    }
    {
        let (slot, body, start) = (slot.clone(), body.clone(), start.clone());
        use_effect_with(props.focus, move |focus| {
            if let Some((entity, _)) = *focus {
                let drawn = slot.borrow().told.is_some();
                if drawn {
                    if let Some(told) = &slot.borrow().told {
                        told(Tell::Show(entity));
                    }
                } else {
                    slot.borrow_mut().show = Some(entity);
                    if let Some(el) = body.cast::<web_sys::Element>() {
                        super::scroll_to(&el);
                    }
                    start();
                }
            }
        });
    }

    html! {
        // A group, not a landmark: several widgets on one page would repeat its name.
        <div class="ae-map" data-map="" role="group" aria-labelledby="ae-map-title">
            <h2 id="ae-map-title">{ t.map }</h2>
            if *failed {
                <p class="ae-map-status" role="alert">{ t.map_failed }</p>
            }
            <div class="ae-map-body" ref={body}></div>
        </div>
    }
}
