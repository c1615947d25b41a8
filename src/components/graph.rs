//! The relationship graph: every entity and relation of the article as an SVG picture (layout
//! from [`crate::graph`]), and its accessible alternative, a table of relations with their
//! evidence that keyboard and screen-reader users can use.

use std::collections::BTreeSet;

use yew::prelude::*;

use super::Shared;
use crate::graph::{layout, FONT};
use crate::i18n::Lang;
use crate::num::{fixed, Fixed as F};
use crate::published::Reading;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct GraphProps {
    pub document: Shared<Reading>,
    pub lang: Lang,
    pub open: Option<usize>,
    pub on_action: Callback<Action>,
}

#[function_component(Graph)]
pub fn graph(props: &GraphProps) -> Html {
    let lang = props.lang;
    let t = lang.strings();
    let layout = use_memo((props.document.clone(), lang), |(d, lang)| layout(d, *lang, *lang == Lang::Ar));
    let doc = &props.document;
    let near: BTreeSet<usize> = props
        .open
        .map(|e| doc.neighbours(e).chain([e]).collect())
        .unwrap_or_default();
    let open_entity = |e: usize| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Open { entity: e, mention: None }))
    };

    let edges = layout.edges.iter().map(|edge| {
        let lit = props.open.is_some_and(|o| o == edge.subject || o == edge.object);
        let class = classes!("ae-edge", lit.then_some("ae-near"), (props.open.is_some() && !lit).then_some("ae-far"));
        let r = edge.label_rect;
        html! {
            <g class={class}>
                <path d={edge.path.clone()} />
                <rect class="ae-edge-label-bg" x={fixed(r.x, 1)} y={fixed(r.y, 1)} width={fixed(r.w, 1)} height={fixed(r.h, 1)} rx="4" />
                <text x={fixed(r.cx(), 1)} y={fixed(r.cy() + FONT * 0.35, 1)}>{ edge.label.clone() }</text>
            </g>
        }
    });
    let nodes = layout.nodes.iter().map(|node| {
        let e = &doc.doc.entities[node.entity];
        let class = classes!(
            "ae-node",
            format!("ae-k-{}", e.kind.slug()),
            near.contains(&node.entity).then_some("ae-near"),
            (props.open.is_some() && !near.contains(&node.entity)).then_some("ae-far"),
            (props.open == Some(node.entity)).then_some("ae-current"),
        );
        let r = node.rect;
        html! {
            <g class={class} data-entity={e.id.clone()} onclick={open_entity(node.entity)}>
                <rect x={fixed(r.x, 1)} y={fixed(r.y, 1)} width={fixed(r.w, 1)} height={fixed(r.h, 1)} rx="6" />
                <text x={fixed(r.cx(), 1)} y={fixed(r.cy() + FONT * 0.35, 1)}>{ node.label.clone() }</text>
            </g>
        }
    });

    let rows = doc.doc.relations.iter().map(|rel| {
        let labels = rel.predicate.labels();
        let name = |e: usize| {
            let entity = &doc.doc.entities[e];
            html! {
                <button type="button" class={classes!("ae-link", format!("ae-k-{}", entity.kind.slug()))} onclick={open_entity(e)}>
                    { lang.pick(&entity.name).to_owned() }
                </button>
            }
        };
        let evidence = rel.evidence.map(|s| doc.words(s).to_owned()).unwrap_or_default();
        let who = super::source_name(doc, rel.asserted_by, lang);
        html! {
            <tr>
                <td>{ name(rel.subject as usize) }</td>
                <td>{ if lang == Lang::Ar { labels.ar } else { labels.en } }</td>
                <td>{ name(rel.object as usize) }</td>
                <td lang={doc.doc.article.language.clone()} dir={doc.doc.article.direction.as_str()}><q>{ evidence }</q></td>
                <td>{ who }</td>
            </tr>
        }
    });

    html! {
        // A group, not a landmark: several widgets on one page would repeat its name.
        <div class="ae-graph" role="group" aria-labelledby="ae-graph-title">
            <h2 id="ae-graph-title">{ t.graph }</h2>
            <div class="ae-graph-scroll" tabindex="0" role="group" aria-label={t.graph_picture}>
                <svg viewBox={format!("0 0 {} {}", F(layout.width, 0), F(layout.height, 0))} width={fixed(layout.width, 0)}
                    height={fixed(layout.height, 0)} aria-hidden="true" focusable="false" dir="ltr">
                    { for edges }
                    { for nodes }
                </svg>
            </div>
            <details class="ae-graph-table">
                <summary>{ t.graph_table }</summary>
                <table>
                    <thead><tr><th scope="col">{ t.subject }</th><th scope="col">{ t.relation }</th><th scope="col">{ t.object }</th>
                        <th scope="col">{ t.evidence }</th><th scope="col">{ t.says }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </details>
        </div>
    }
}
