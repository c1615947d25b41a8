//! The article as written: headline, sub-headings and paragraphs, in the article's own language
//! and direction, with every mention a highlighted, focusable, named element. Text is rendered as
//! text nodes, never as HTML.
//!
//! Clicks and keys are handled once, on the `<article>` (event delegation): a mention carries its
//! place in `data-text` and `data-index`. The view re-renders only when what it shows changes
//! (filters, language, a marked sentence), never when a panel opens.

use yew::prelude::*;

use super::Shared;
use crate::i18n::Lang;
use crate::model::{BlockKind, BlockRef, EntityKind};
use crate::text::{pieces, Utf8Range};
use article_format::published::flag;
use article_format::reading::Reading;
use std::collections::BTreeSet;

/// A mention, as the view reports it when activated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionHit {
    pub entity: usize,
    pub text: BlockRef,
    pub index: usize,
}

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub document: Shared<Reading>,
    #[prop_or_default]
    pub lang: Lang,
    /// Kinds whose mentions are shown as plain text.
    #[prop_or_default]
    pub hidden: BTreeSet<EntityKind>,
    /// All highlights off.
    #[prop_or_default]
    pub plain: bool,
    /// A range being shown (evidence of a relation).
    #[prop_or_default]
    pub marked: Option<(BlockRef, Utf8Range)>,
    #[prop_or_default]
    pub on_open: Callback<MentionHit>,
    /// A part of a long article ([`Reading::parts`]: its first block and end): its blocks alone,
    /// rendered by a view of their own, so that showing the next part, or a range marked in one,
    /// renders that part alone (the same component type: each type costs the wasm its lifecycle).
    #[prop_or_default]
    pub part: Option<(usize, usize)>,
    /// False for the build's static article (`crate::ssr`, the `ssr` feature only): the marks
    /// are named by a `title`, with no role or tab stop, as nothing happens on a click without
    /// JavaScript.
    #[cfg(feature = "ssr")]
    #[prop_or(true)]
    pub interactive: bool,
}

/// `data-text` value of a text: `h` for the headline, the block index otherwise.
pub fn text_key(text: BlockRef) -> String {
    match text {
        BlockRef::Headline(_) => "h".to_owned(),
        BlockRef::Block(i) => i.to_string(),
    }
}

fn parse_text_key(key: &str) -> Option<BlockRef> {
    if key == "h" {
        Some(BlockRef::HEADLINE)
    } else {
        key.parse().ok().map(BlockRef::Block)
    }
}

/// The mention an event happened on, if any.
fn hit(event: &Event, document: &Reading) -> Option<(MentionHit, web_sys::Element)> {
    let target: web_sys::Element = event.target_dyn_into()?;
    let el = target.closest("[data-index]").ok()??;
    let text = parse_text_key(&el.get_attribute("data-text")?)?;
    let index: usize = el.get_attribute("data-index")?.parse().ok()?;
    let m = document.mentions_of(text).get(index)?;
    Some((MentionHit { entity: m.entity(), text, index }, el))
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let document = &props.document;
    let article = &document.doc.article;

    let onclick = {
        let (document, on_open) = (props.document.clone(), props.on_open.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some((hit, _)) = hit(&e, &document) {
                e.prevent_default();
                on_open.emit(hit);
            }
        })
    };
    let onkeydown = {
        let (document, on_open) = (props.document.clone(), props.on_open.clone());
        Callback::from(move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "Enter" | " " | "Spacebar") {
                if let Some((hit, _)) = hit(&e, &document) {
                    e.prevent_default();
                    on_open.emit(hit);
                }
            }
        })
    };

    let look = Look {
        document,
        lang: props.lang,
        hidden: &props.hidden,
        plain: props.plain,
        marked: props.marked,
        #[cfg(feature = "ssr")]
        interactive: props.interactive,
    };
    if let Some((first, end)) = props.part {
        return blocks(&look, first..end).collect();
    }
    // An ordinary article at once; a long one part by part, a part a task.
    let parts = use_memo(document.clone(), |d| d.parts());
    let shown = use_parts_shown(parts.len());
    let long = parts.len() > 1;
    let body = if long {
        parts
            .iter()
            .take(shown)
            .map(|range| {
                let marked = props.marked.filter(|(t, _)| matches!(t, BlockRef::Block(i) if range.contains(i)));
                html! {
                    <ArticleView key={range.start} document={document.clone()} lang={props.lang} hidden={props.hidden.clone()}
                        plain={props.plain} {marked} part={Some((range.start, range.end))} />
                }
            })
            .collect()
    } else {
        blocks(&look, 0..article.blocks.len()).collect::<Html>()
    };
    html! {
        <article class={if long { "ae-article ae-long" } else { "ae-article" }} dir={article.direction.as_str()} lang={article.language.clone()} {onclick} {onkeydown}>
            <h1 class="ae-headline" data-block="h">{ text(&look, BlockRef::HEADLINE) }</h1>
            <div class="ae-body">{ body }</div>
        </article>
    }
}

/// What the article's text is rendered with.
struct Look<'a> {
    document: &'a Reading,
    lang: Lang,
    hidden: &'a BTreeSet<EntityKind>,
    plain: bool,
    marked: Option<(BlockRef, Utf8Range)>,
    #[cfg(feature = "ssr")]
    interactive: bool,
}

/// One text (the headline or a block) with its mentions.
fn text(look: &Look, text_ref: BlockRef) -> Html {
    let document = look.document;
    let text = document.text(text_ref);
    let mentions = document.mentions_of(text_ref);
    let marked = look.marked.filter(|(t, _)| *t == text_ref).map(|(_, r)| r);
    let key = text_key(text_ref);
    pieces(text.len(), mentions.iter().map(|m| m.range()), marked)
        .into_iter()
        .map(|piece| {
            let words = piece.range.of(text).to_owned();
            let shown = piece.mention.map(|i| (i, &mentions[i])).filter(|(_, m)| {
                !look.plain && !look.hidden.contains(&document.doc.entities[m.entity()].kind)
            });
            match shown {
                Some((index, m)) => {
                    let entity = &document.doc.entities[m.entity()];
                    let lang = look.lang;
                    let name = lang.pick(&entity.name);
                    let mut label = String::new();
                    if !m.has(if lang == Lang::Ar { flag::IS_NAME_AR } else { flag::IS_NAME_EN }) {
                        label.push_str(&words);
                        label.push_str(lang.comma());
                    }
                    label.push_str(name);
                    label.push_str(lang.comma());
                    label.push_str(lang.kind(entity.kind));
                    let class = classes!(document.mention_class(m), piece.marked.then_some("ae-marked"));
                    let note = document.endnote[m.entity()].to_string();
                    // The build's static article: named by a title, with no role or tab stop.
                    #[cfg(feature = "ssr")]
                    if !look.interactive {
                        return html! {
                            <mark class={class} data-entity={entity.id.clone()} data-text={key.clone()}
                                data-index={index.to_string()} data-note={note} title={label}>
                                { words }
                            </mark>
                        };
                    }
                    html! {
                        <mark class={class} data-entity={entity.id.clone()} data-text={key.clone()}
                            data-index={index.to_string()} data-note={note} role="button" tabindex="0" aria-label={label}>
                            { words }
                        </mark>
                    }
                }
                None if piece.marked => html! { <span class="ae-marked">{ words }</span> },
                None => html! { { words } },
            }
        })
        .collect()
}

/// The blocks in `range`, as headings and paragraphs.
fn blocks<'a>(look: &'a Look, range: std::ops::Range<usize>) -> impl Iterator<Item = Html> + 'a {
    range.map(move |i| {
        let content = text(look, BlockRef::Block(i));
        let id = format!("b{i}");
        match look.document.doc.article.blocks[i].kind {
            BlockKind::Heading => html! { <h2 key={i} class="ae-subheading" data-block={id}>{ content }</h2> },
            BlockKind::Paragraph => html! { <p key={i} class="ae-paragraph" data-block={id}>{ content }</p> },
        }
    })
}

/// How many of `count` parts to render: the first at once, then one more a task, so that no task
/// renders them all (a long article's blocks, the table of relations at the format's limits).
#[hook]
pub fn use_parts_shown(count: usize) -> usize {
    let shown = use_state_eq(|| 1);
    {
        let shown = shown.clone();
        use_effect_with((*shown, count), move |&(n, count)| {
            let next = (n < count).then(|| gloo::timers::callback::Timeout::new(0, move || shown.set(n + 1)));
            move || drop(next)
        });
    }
    (*shown).min(count)
}
