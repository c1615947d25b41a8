//! The entity panel: who or what an entity is, where the article names it, and how it relates to
//! the others, each relation with the words of the article that state it and who states them.

use yew::prelude::*;

use super::Shared;
use crate::i18n::Lang;
use crate::model::BlockRef;
use crate::state::{Action, ReaderState};
use crate::text::Utf8Range;
use article_format::published::Span;
use article_format::reading::Reading;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub document: Shared<Reading>,
    pub state: ReaderState,
    pub on_action: Callback<Action>,
    /// Show words of the article: scroll to them and mark them.
    pub on_evidence: Callback<(BlockRef, Utf8Range)>,
    /// Bring an entity's map features into view.
    pub on_show_on_map: Callback<usize>,
}

/// One line of the relations list, from the open entity's side.
struct Line {
    /// Index into the document's predicates.
    predicate: u32,
    forward: bool,
    other: usize,
    relation: usize,
}

#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    let Some(entity_index) = props.state.open else {
        return html! { <p class="ae-panel-hint">{ props.state.lang.strings().panel_hint }</p> };
    };
    let doc = &props.document.doc;
    let Some(entity) = doc.entities.get(entity_index) else { return html! {} };
    let lang = props.state.lang;
    let t = lang.strings();
    let other_lang = lang.other();

    let action = |a: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(a.clone()))
    };
    let evidence_button = |span: Option<Span>| -> Html {
        let Some(span) = span else { return html! {} };
        let (text, range) = (span.text(), span.range());
        let words = props.document.words(span).to_owned();
        let on_evidence = props.on_evidence.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_evidence.emit((text, range)));
        html! {
            <button type="button" class="ae-evidence" lang={doc.article.language.clone()} dir={doc.article.direction.as_str()} {onclick}>
                <q>{ words }</q>
            </button>
        }
    };
    let source = |asserted_by: &[u32]| -> Html {
        let who = super::source_name(&props.document, asserted_by, lang);
        html! { <span class="ae-source">{ format!("{} {}", t.according_to, who) }</span> }
    };
    let entity_link = |other: usize| -> Html {
        let e = &doc.entities[other];
        html! {
            <button type="button" class={classes!("ae-link", format!("ae-k-{}", e.kind.slug()))} data-entity={e.id.clone()}
                onclick={action(Action::Follow(other))}>{ lang.pick(&e.name).to_owned() }</button>
        }
    };

    // Mentions and the previous/next controls.
    let mentions = &props.document.by_entity[entity_index];
    let count = mentions.len();
    let metonym_uses: Vec<String> =
        entity.metonym_uses.iter().map(|&e| lang.pick(&doc.entities[e as usize].name).to_owned()).collect();
    let mentions_html = if count == 0 {
        html! { <p class="ae-muted">{ t.mentions_none }</p> }
    } else {
        let position = props.state.cursor.map(|c| t.mention_of(c + 1, count)).unwrap_or_else(|| count.to_string());
        // Earlier in the text lies towards the start of the line: right in Arabic, left in English.
        let (earlier, later) = if lang == Lang::Ar { ("→", "←") } else { ("←", "→") };
        html! {
            <div class="ae-stepper">
                <button type="button" onclick={action(Action::Step { by: -1, count })} aria-label={t.previous}>{ earlier }</button>
                <span class="ae-count" aria-live="polite">{ position }</span>
                <button type="button" onclick={action(Action::Step { by: 1, count })} aria-label={t.next}>{ later }</button>
            </div>
        }
    };

    // Relations, grouped by predicate and direction, in document order.
    let mut lines: Vec<Line> = props
        .document
        .relations_of(entity_index)
        .map(|(relation, r)| {
            let forward = r.subject as usize == entity_index;
            let other = if forward { r.object } else { r.subject } as usize;
            Line { predicate: r.predicate, forward, other, relation }
        })
        .collect();
    let predicates = &doc.predicates;
    let group = |l: &Line| (l.predicate, l.forward || predicates[l.predicate as usize].is_symmetric());
    let mut groups: Vec<(u32, bool)> = Vec::new();
    for l in &lines {
        if !groups.contains(&group(l)) {
            groups.push(group(l));
        }
    }
    lines.sort_by_key(|l| groups.iter().position(|g| *g == group(l)));
    let relations_html = groups.iter().map(|&(predicate, forward)| {
        let label = predicates[predicate as usize].label(lang, forward);
        let items = lines.iter().filter(|l| group(l) == (predicate, forward)).map(|l| {
            let r = &doc.relations[l.relation];
            html! {
                <li class="ae-relation">
                    <div class="ae-relation-head">
                        { entity_link(l.other) }
                        if let Some(detail) = &r.detail { <span class="ae-detail">{ lang.pick(detail).to_owned() }</span> }
                        if let Some(when) = &r.when { <span class="ae-when">{ lang.pick(when).to_owned() }</span> }
                    </div>
                    { evidence_button(r.evidence) }
                    { source(&r.asserted_by) }
                </li>
            }
        });
        html! {
            <li class="ae-relation-group">
                <h4>{ label }</h4>
                <ul>{ for items }</ul>
            </li>
        }
    });

    let claims_html = entity.claims.iter().map(|c| {
        html! {
            <li class="ae-claim">
                <p>{ lang.pick(&c.text).to_owned() }</p>
                { evidence_button(c.evidence) }
                { source(&c.asserted_by) }
            </li>
        }
    });

    let back = props.state.history.last().map(|&previous| {
        let name = lang.pick(&doc.entities[previous].name).to_owned();
        html! {
            <button type="button" class="ae-back" onclick={action(Action::Back)}>
                { format!("{} · {name}", t.back) }
            </button>
        }
    });

    let on_map = props.document.on_map[entity_index];
    let show_on_map = {
        let on_show_on_map = props.on_show_on_map.clone();
        Callback::from(move |_: MouseEvent| on_show_on_map.emit(entity_index))
    };
    let heading_id = format!("ae-panel-title-{}", entity.id);
    html! {
        // A popover, shown in the top layer as a bottom sheet (hooks::lift).
        <section class="ae-panel" popover="manual" role="region" aria-labelledby={heading_id.clone()} data-entity-panel={entity.id.clone()}>
            <header class="ae-panel-header">
                <div class="ae-panel-nav">
                    { for back }
                    <button type="button" class="ae-close" onclick={action(Action::Close)} aria-label={t.close}>{ "✕" }</button>
                </div>
                <p class={classes!("ae-kind", format!("ae-k-{}", entity.kind.slug()))}>{ lang.kind(entity.kind) }</p>
                <h2 id={heading_id} tabindex="-1" class="ae-panel-title">{ lang.pick(&entity.name).to_owned() }</h2>
                <p class="ae-other-name" lang={other_lang.code()} dir={other_lang.dir()}>{ other_lang.pick(&entity.name).to_owned() }</p>
            </header>
            <div class="ae-panel-body">
                if on_map {
                    <button type="button" class="ae-show-on-map" onclick={show_on_map}>{ t.show_on_map }</button>
                }
                <p class="ae-description"><span class="ae-badge">{ t.background }</span>{ " " }{ lang.pick(&entity.description).to_owned() }</p>
                if let Some(q) = &entity.wikidata {
                    <p class="ae-muted">{ format!("{}: {q}", t.wikidata) }</p>
                }
                <h3>{ format!("{} ({count})", t.in_the_article) }</h3>
                { mentions_html }
                if !metonym_uses.is_empty() {
                    <p class="ae-muted">{ format!("{}: {}", t.metonym_for, metonym_uses.join(lang.comma())) }</p>
                }
                if !entity.claims.is_empty() {
                    <h3>{ t.what_the_article_says }</h3>
                    <ul class="ae-claims">{ for claims_html }</ul>
                }
                if !lines.is_empty() {
                    <h3>{ t.relations }</h3>
                    <ul class="ae-relations">{ for relations_html }</ul>
                }
            </div>
        </section>
    }
}
