//! The article as the reader will link it: each text cut at its mentions, suggestions and the
//! selection (`text::runs`), selected with the mouse or found by typing; and the suggestions,
//! each with its reason, confirmed or set aside in one action.

use article_authoring::model::BlockRef;
use article_authoring::studio::{Edit, Selection};
use article_authoring::suggest::Why;
use article_authoring::text::{MentionSource, Utf8Range};
use article_format::published::{text_index, text_ref};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::strings::S;
use crate::{window, Model, Msg};

/// Where a DOM position (node, UTF-16 offset) is in the article: (text index, byte offset).
fn point(node: web_sys::Node, offset: u32) -> Option<(u32, usize)> {
    let element = match node.dyn_ref::<web_sys::Element>() {
        Some(e) => e.clone(),
        None => node.parent_element()?,
    };
    let piece = element.closest("[data-s]").ok()??;
    let t: u32 = piece.get_attribute("data-t")?.parse().ok()?;
    let s: usize = piece.get_attribute("data-s")?.parse().ok()?;
    let text = piece.text_content().unwrap_or_default();
    if node.dyn_ref::<web_sys::Element>().is_some() {
        return Some((t, if offset == 0 { s } else { s + text.len() }));
    }
    let (mut units, mut bytes) = (0u32, 0usize);
    for c in text.chars() {
        if units >= offset {
            break;
        }
        units += c.len_utf16() as u32;
        bytes += c.len_utf8();
    }
    Some((t, s + bytes))
}

/// The words selected in the editor, trimmed of spaces and punctuation, within one text.
fn dom_selection(model: &Model) -> Option<Selection> {
    let sel = window().get_selection().ok()??;
    if sel.is_collapsed() {
        return None;
    }
    let a = point(sel.anchor_node()?, sel.anchor_offset())?;
    let f = point(sel.focus_node()?, sel.focus_offset())?;
    if a.0 != f.0 {
        return None;
    }
    let text = model.checked.prepared.text(text_ref(a.0));
    let (mut start, mut end) = (a.1.min(f.1), a.1.max(f.1));
    let skip = |c: char| c.is_whitespace() || "،,.؛:«»\"()".contains(c);
    while start < end && text[start..].starts_with(skip) {
        start += text[start..].chars().next()?.len_utf8();
    }
    while end > start && text[..end].ends_with(skip) {
        end -= text[..end].chars().next_back()?.len_utf8();
    }
    (start < end).then_some(Selection { text: text_ref(a.0), range: Utf8Range::new(start, end) })
}

/// The next place of `words` in the article after the current selection (then from the start).
pub fn find_words(model: &Model, words: &str) -> Option<Selection> {
    let words = words.trim();
    if words.is_empty() {
        return None;
    }
    let p = &model.checked.prepared;
    let texts: Vec<BlockRef> =
        std::iter::once(BlockRef::HEADLINE).chain((0..p.doc.article.blocks.len()).map(BlockRef::Block)).collect();
    let mut places = Vec::new();
    for &t in &texts {
        for (i, _) in p.text(t).match_indices(words) {
            places.push(Selection { text: t, range: Utf8Range::new(i, i + words.len()) });
        }
    }
    let after = model.selection.map(|s| (text_index(s.text), s.range.start));
    places.iter().find(|s| after.is_none_or(|a| (text_index(s.text), s.range.start) > a)).or(places.first()).copied()
}

/// Scrolls a text into view and marks it briefly.
pub fn show(id: &str) {
    if let Some(el) = window().document().and_then(|d| d.get_element_by_id(id)) {
        let _ = el.class_list().remove_1("st-flash");
        let _ = el.get_bounding_client_rect(); // restarts the mark's animation
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
        let _ = el.class_list().add_1("st-flash");
    }
}

/// The article, each text split at its mentions, suggestions and the selection.
pub fn editor(model: &UseReducerHandle<Model>) -> Html {
    let p = &model.checked.prepared;
    let texts = std::iter::once(BlockRef::HEADLINE).chain((0..p.doc.article.blocks.len()).map(BlockRef::Block));
    let onmouseup = {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(s) = dom_selection(&model) {
                model.dispatch(Msg::Select(Some(s)));
            }
        })
    };
    let items = texts.map(|t| {
        let text = p.text(t);
        let index = text_index(t);
        let mentions = p.mentions_of(t);
        let suggestions: Vec<_> = model.checked.suggestions.iter().filter(|s| s.text == t).collect();
        let selected = model.selection.filter(|s| s.text == t).map(|s| s.range);
        let ranges = mentions.iter().map(|m| m.range).chain(suggestions.iter().map(|s| s.range)).chain(selected);
        let pieces = article_format::text::runs(text.len(), ranges).into_iter().map(|run| {
            let (a, b) = (run.start, run.end);
            let inside = |r: Utf8Range| r.start <= a && b <= r.end;
            let mention = mentions.iter().find(|m| inside(m.range));
            let suggestion = suggestions.iter().find(|s| inside(s.range));
            let mut class = Classes::new();
            let mut title = String::new();
            if let Some(m) = mention {
                let e = &p.doc.entities[m.entity];
                class.push("st-m");
                class.push(format!("ae-k-{}", e.kind.slug()));
                title = model.lang.pick(&e.name).to_owned();
                if let MentionSource::Variant(alias) = m.source {
                    class.push("st-variant");
                    let matched = e.aliases.get(alias).map(|a| a.text()).unwrap_or(&e.name.ar);
                    title = format!("{title} ≈ «{matched}»");
                }
            }
            if suggestion.is_some() {
                class.push("st-suggested");
            }
            if selected.is_some_and(inside) {
                class.push("st-selected");
            }
            html! { <span data-t={index.to_string()} data-s={a.to_string()} class={class} title={(!title.is_empty()).then_some(title)}>{ text[a..b].to_owned() }</span> }
        });
        let id = format!("st-text-{index}");
        if index == 0 {
            html! { <h3 class="st-text st-headline" {id}>{ for pieces }</h3> }
        } else {
            html! { <p class="st-text" {id}>{ for pieces }</p> }
        }
    });
    html! {
        <div class="st-article" lang={p.doc.article.language.clone()} dir={p.doc.article.direction.as_str()} data-st="editor" {onmouseup}>
            { for items }
        </div>
    }
}

/// The variants linked (each with the alias it matched) and the suggestions: each with why, a
/// button that selects its words, "Link" (its entity, in one action) and "Not this" (set aside in
/// this document).
pub fn suggestions(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let p = &model.checked.prepared;
    let lang = model.lang;
    let variants: Vec<Html> = p
        .all_mentions()
        .filter_map(|(text, m)| {
            let MentionSource::Variant(alias) = m.source else { return None };
            let e = &p.doc.entities[m.entity];
            let matched = e.aliases.get(alias).map(|a| a.text()).unwrap_or(&e.name.ar).to_owned();
            let words = m.range.of(p.text(text)).to_owned();
            Some(html! { <li><q>{ words }</q>{ " " }{ t.as_variant_of }{ " " }<bdi>{ format!("«{matched}»") }</bdi>{ " · " }<bdi>{ lang.pick(&e.name).to_owned() }</bdi></li> })
        })
        .collect();
    let entity_name = |i: usize| p.doc.entities.get(i).map(|e| lang.pick(&e.name).to_owned()).unwrap_or_default();
    let items = model.checked.suggestions.iter().enumerate().map(|(k, s)| {
        let words = s.range.of(p.text(s.text)).to_owned();
        let why = match &s.why {
            Why::Ambiguous { entity } => format!("{} {}", t.why_ambiguous, entity_name(*entity)),
            Why::Variant { of, .. } => format!(
                "{} {}",
                t.why_variant,
                of.iter().map(|(e, a)| format!("«{a}» ({})", entity_name(*e))).collect::<Vec<_>>().join("، ")
            ),
            Why::Known { name, .. } => format!("{} {name}", t.why_known),
            Why::Title { title } => format!("{} «{title}»", t.why_title),
            Why::Near { entity, alias } => format!("{} «{alias}» ({})", t.why_near, entity_name(*entity)),
            Why::PartOfName { entity, alias } => format!("{} «{alias}» ({})", t.why_part_of_name, entity_name(*entity)),
            Why::Embedded { entity, alias } => format!("{} «{alias}» ({})", t.why_embedded, entity_name(*entity)),
            Why::FamilyName { entity, .. } => format!("{} {}", t.why_family_name, entity_name(*entity)),
        };
        let at = Selection { text: s.text, range: s.range };
        let select = {
            let model = model.clone();
            Callback::from(move |_: MouseEvent| {
                model.dispatch(Msg::Select(Some(at)));
                show(&format!("st-text-{}", text_index(at.text)));
            })
        };
        let confirm_edit: Option<Edit> = match &s.why {
            Why::Known { id, .. } => model
                .known
                .iter()
                .find(|e| &e.id == id)
                .map(|e| Edit::AddRecord { entity: Box::new(e.clone()) }),
            // Confirmed, a family name becomes the person's alias: linked wherever it stands alone.
            Why::Near { .. } | Why::FamilyName { .. } => {
                crate::suggestion_entity(&model.checked, s).map(|entity| Edit::AddAlias { entity, at })
            }
            Why::Title { .. } | Why::Embedded { .. } => None,
            _ => crate::suggestion_entity(&model.checked, s).map(|entity| Edit::AddMention { entity, at }),
        };
        let confirm = confirm_edit.map(|edit| {
            let model = model.clone();
            Callback::from(move |_: MouseEvent| model.dispatch(Msg::Edit(edit.clone())))
        });
        let reject = {
            let model = model.clone();
            Callback::from(move |_: MouseEvent| model.dispatch(Msg::Edit(Edit::SetAside { at })))
        };
        html! {
            <li data-st-suggestion={k.to_string()}>
                <button type="button" class="st-link" onclick={select}><q>{ words }</q></button>{ " " }<bdi>{ why }</bdi>
                <span class="st-row st-inline">
                    if let Some(confirm) = confirm { <button type="button" data-st="confirm" onclick={confirm}>{ t.confirm }</button> }
                    <button type="button" data-st="reject" onclick={reject}>{ t.reject }</button>
                </span>
            </li>
        }
    });
    html! {
        <>
            <section class="st-suggestions" aria-labelledby="st-sugg-h">
                <h3 id="st-sugg-h">{ t.suggestions }{ format!(" ({})", model.checked.suggestions.len()) }</h3>
                if model.checked.suggestions.is_empty() { <p>{ t.none }</p> } else { <ul data-st="suggestions">{ for items }</ul> }
            </section>
            <section class="st-suggestions" aria-labelledby="st-var-h">
                <h3 id="st-var-h">{ t.variants }{ format!(" ({})", variants.len()) }</h3>
                if variants.is_empty() { <p>{ t.none }</p> } else { <ul data-st="variants">{ for variants }</ul> }
            </section>
        </>
    }
}
