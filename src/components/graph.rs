//! The figures below the map: the timeline, then the relationship graph with its heading, its
//! picture and its accessible alternative, a table of relations with their evidence that keyboard
//! and screen-reader users can use. The timeline and the graph's picture (its layout and SVG, made
//! for the width of its frame) come from a module of their own, asked for when the timeline's
//! frame comes near the screen ([`crate::figures`]); they are lit from here as the open entity
//! changes.

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

/// The open entity, shared between the reader's state and a picture that lights it: set by the
/// app as the selection changes, told to the picture at once, and to a picture that arrives
/// later when it arrives. The same slot for the life of the app (equal to itself only).
#[derive(Clone, Default)]
pub struct Lit(Rc<LitSlot>);

#[derive(Default)]
struct LitSlot {
    open: std::cell::Cell<Option<usize>>,
    told: RefCell<Option<Told>>,
}

impl PartialEq for Lit {
    fn eq(&self, other: &Lit) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Lit {
    /// The entity open now: the picture is told.
    pub fn set(&self, open: Option<usize>) {
        self.0.open.set(open);
        if let Some(told) = self.0.told.borrow().as_ref() {
            told(Tell::Open(open));
        }
    }

    fn hold(&self, told: Told) {
        told(Tell::Open(self.0.open.get()));
        *self.0.told.borrow_mut() = Some(told);
    }

    fn hold_none(&self) {
        self.0.told.borrow_mut().take();
    }
}

#[derive(Properties, PartialEq)]
pub struct GraphProps {
    pub document: Shared<Reading>,
    pub lang: Lang,
    /// The open entity, lit in the picture without rendering this component again: a click
    /// rebuilds neither the table of relations nor anything else here.
    pub lit: Lit,
    pub on_action: Callback<Action>,
    /// Shows words of the article (an event's sentence): scrolled to and marked.
    pub on_evidence: Callback<(BlockRef, Utf8Range)>,
}

#[function_component(Graph)]
pub fn graph(props: &GraphProps) -> Html {
    let lang = props.lang;
    let t = lang.strings();
    let doc = &props.document;
    let frame = use_node_ref();
    let timeline = use_node_ref();
    {
        let (frame, timeline, lit, on_action, on_evidence) =
            (frame.clone(), timeline.clone(), props.lit.clone(), props.on_action.clone(), props.on_evidence.clone());
        use_effect_with((props.document.clone(), lang), move |(doc, lang)| {
            let (doc, lang) = (doc.0.clone(), *lang);
            let started = Rc::new(std::cell::Cell::new(false));
            let frames = frame.cast::<web_sys::Element>().zip(timeline.cast::<web_sys::Element>());
            let near = frames.and_then(|(graph, timeline)| {
                let lit = lit.clone();
                observe_near(&timeline.clone(), move || {
                    if started.replace(true) {
                        return;
                    }
                    let (graph, timeline, doc, lit, on_action, on_evidence) = (
                        graph.clone(),
                        timeline.clone(),
                        doc.clone(),
                        lit.clone(),
                        on_action.clone(),
                        on_evidence.clone(),
                    );
                    wasm_bindgen_futures::spawn_local(async move {
                        let on_pick = super::on_pick(doc.clone(), on_action, on_evidence);
                        if let Some(p) = figures::make(graph, timeline, doc, lang, on_pick).await {
                            lit.hold(p);
                        }
                    });
                })
            });
            move || {
                drop(near);
                lit.hold_none();
            }
        });
    }
    // The table's rows part by part, a part a task: at the format's limits (5,000 relations) all
    // at once was a task of 300 ms after the article was shown.
    let parts = doc.doc.relations.len().div_ceil(ROWS_PART);
    let shown = super::article::use_parts_shown(parts);
    let rows = (0..shown).map(|k| {
        html! { <Rows key={k} document={props.document.clone()} {lang} part={k} on_action={props.on_action.clone()} /> }
    });

    html! {
        <>
        // The timeline (the module fills it; Yew never renders into it).
        <div class="ae-timeline-frame" ref={timeline}></div>
        // A group, not a landmark: several widgets on one page would repeat its name.
        <div class="ae-graph" role="group" aria-labelledby="ae-graph-title">
            <h2 id="ae-graph-title">{ t.graph }</h2>
            // The picture module fills the frame (and keeps it: Yew never renders into it).
            <div class="ae-graph-frame" ref={frame}></div>
            <details class="ae-graph-table">
                <summary>{ t.graph_table }</summary>
                <table>
                    <thead><tr><th scope="col">{ t.subject }</th><th scope="col">{ t.relation }</th><th scope="col">{ t.object }</th>
                        <th scope="col">{ t.evidence }</th><th scope="col">{ t.says }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </details>
        </div>
        </>
    }
}

/// How many rows of the table of relations are rendered in one task.
const ROWS_PART: usize = 250;

#[derive(Properties, PartialEq)]
struct RowsProps {
    document: Shared<Reading>,
    lang: Lang,
    /// Rows `part * ROWS_PART..` of the table, at most [`ROWS_PART`].
    part: usize,
    on_action: Callback<Action>,
}

/// A part of the table of relations: its rows, each relation with its evidence and who says it.
/// Rendered once, and again only if its props change.
#[function_component(Rows)]
fn rows(props: &RowsProps) -> Html {
    let (doc, lang) = (&props.document, props.lang);
    let open_entity = |e: usize| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Open { entity: e, mention: None }))
    };
    let from = props.part * ROWS_PART;
    let rows = doc.doc.relations.iter().skip(from).take(ROWS_PART).map(|rel| {
        let predicate = doc.predicate(rel);
        let name = |e: usize| {
            let entity = &doc.doc.entities[e];
            html! {
                <button type="button" class={classes!("ae-link", format!("ae-k-{}", entity.kind.slug()))} onclick={open_entity(e)}>
                    { lang.pick(&entity.name).to_owned() }
                </button>
            }
        };
        let evidence = rel.evidence.map(|s| doc.words(s).to_owned()).unwrap_or_default();
        let who = super::source_name(doc, &rel.asserted_by, lang);
        html! {
            <tr>
                <td>{ name(rel.subject as usize) }</td>
                <td>{ predicate.label(lang, true).to_owned() }</td>
                <td>{ name(rel.object as usize) }</td>
                <td lang={doc.doc.article.language.clone()} dir={doc.doc.article.direction.as_str()}><q>{ evidence }</q></td>
                <td>{ who }</td>
            </tr>
        }
    });
    rows.collect()
}
