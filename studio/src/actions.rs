//! What an editor does with the selected words: link them to an entity, make a new one, state a
//! relation or an event with them as evidence. Every field is filled in from the words where they
//! say it (`Model::prefill`), every entity is chosen with a picker, and every choice with no
//! sensible default (a kind, a predicate) starts empty and must be made. Then the problems,
//! errors and warnings apart, and saving.

use article_authoring::model::{EntityKind, Predicate};
use article_authoring::studio::{predicate_hints, text_of_path, Edit};
use article_format::i18n::Lang;
use article_format::problem::Code;
use article_format::published::text_index;
use article_format::said;
use yew::prelude::*;

use crate::editor::{find_words, show};
use crate::picker::{EntitiesPicker, EntityPicker};
use crate::strings::{kind_label, S};
use crate::{Model, Msg};

/// A text field bound to the form: `st-<name>` its id, `<name>` its `data-st`.
fn field(
    model: &UseReducerHandle<Model>,
    name: &str,
    label: &str,
    value: &str,
    dir: &'static str,
    lang: &'static str,
    set: fn(&mut crate::Form, String),
) -> Html {
    let id = format!("st-{name}");
    let oninput = {
        let model = model.clone();
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let v = input.value();
            model.dispatch(Msg::Form(Box::new(move |f| set(f, v))));
        })
    };
    html! {
        <>
            <label for={id.clone()}>{ label.to_owned() }</label>
            <input {id} data-st={name.to_owned()} {dir} lang={(!lang.is_empty()).then_some(lang)} value={value.to_owned()} {oninput} />
        </>
    }
}

fn edit_button(
    model: &UseReducerHandle<Model>,
    st: &'static str,
    label: &str,
    make: impl Fn(&Model) -> Result<Edit, Code> + 'static,
) -> Html {
    let onclick = {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| match make(&model) {
            Ok(e) => model.dispatch(Msg::Edit(e)),
            Err(code) => model.dispatch(Msg::Status(said!(code), true)),
        })
    };
    html! { <button type="button" data-st={st} {onclick}>{ label.to_owned() }</button> }
}

pub fn actions(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let lang = model.lang;
    let studio = model.studio.clone();
    let f = &model.form;
    let selected = model.selection.map(|s| model.words(s));
    let find = {
        let model = model.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let words = crate::input_value("st-find");
            match find_words(&model, &words) {
                Some(s) => {
                    model.dispatch(Msg::Select(Some(s)));
                    show(&format!("st-text-{}", text_index(s.text)));
                }
                None => model.dispatch(Msg::Status(
                    said!(
                        Code::Worded,
                        format!("{} «{}»", crate::strings::strings(model.lang).not_found, words.trim())
                    ),
                    true,
                )),
            }
        })
    };
    let undo_redo = |msg: fn() -> Msg| {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| model.dispatch(msg()))
    };
    let say = |m: &article_format::problem::Message| article_authoring::words::plain(m, lang);
    let undoable = model.studio.undoable().map(|w| format!("{}: {}", t.undo, say(w)));
    let redoable = model.studio.redoable().map(|w| format!("{}: {}", t.redo, say(w)));
    let set = |change: fn(&mut crate::Form, Option<String>)| {
        let model = model.clone();
        Callback::from(move |v: Option<String>| model.dispatch(Msg::Form(Box::new(move |f| change(f, v)))))
    };
    let set_many = |change: fn(&mut crate::Form, Vec<String>)| {
        let model = model.clone();
        Callback::from(move |v: Vec<String>| model.dispatch(Msg::Form(Box::new(move |f| change(f, v)))))
    };
    // Kinds as radio buttons: none chosen until the editor chooses.
    let kinds = EntityKind::ALL.iter().map(|&k| {
        let onchange = {
            let model = model.clone();
            Callback::from(move |_: Event| model.dispatch(Msg::Form(Box::new(move |f| f.kind = Some(k)))))
        };
        html! {
            <label class="st-choice"><input type="radio" name="st-kind" data-st={format!("kind-{}", k.slug())} checked={f.kind == Some(k)} {onchange} />{ kind_label(lang, k) }</label>
        }
    });
    let hints = model.selection.map(|s| predicate_hints(studio.doc(), s)).unwrap_or_default();
    let hint_buttons = hints.iter().take(4).map(|&p| {
        let onclick = {
            let model = model.clone();
            Callback::from(move |_: MouseEvent| model.dispatch(Msg::Form(Box::new(move |f| f.predicate = Some(p)))))
        };
        let l = p.labels();
        html! { <button type="button" class="st-hint-chip" data-st={format!("predicate-{}", p.slug())} aria-pressed={(f.predicate == Some(p)).to_string()} {onclick}>{ if lang == Lang::Ar { l.ar } else { l.en } }</button> }
    });
    let predicates = Predicate::ALL.iter().map(|p| {
        let l = p.labels();
        html! { <option value={p.slug()} selected={f.predicate == Some(*p)}>{ if lang == Lang::Ar { l.ar } else { l.en } }</option> }
    });
    let on_predicate = {
        let model = model.clone();
        Callback::from(move |e: Event| {
            let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else { return };
            let p = Predicate::ALL.into_iter().find(|p| p.slug() == s.value());
            model.dispatch(Msg::Form(Box::new(move |f| f.predicate = p)));
        })
    };
    let swap = {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| {
            model.dispatch(Msg::Form(Box::new(|f| std::mem::swap(&mut f.subject, &mut f.object))))
        })
    };
    html! {
        <div class="st-action-list">
            <div class="st-row st-history">
                <button type="button" data-st="undo" disabled={undoable.is_none()} title={undoable.clone()} aria-keyshortcuts="Control+Z Meta+Z" onclick={undo_redo(|| Msg::Undo)}>{ t.undo }</button>
                <button type="button" data-st="redo" disabled={redoable.is_none()} title={redoable.clone()} aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z" onclick={undo_redo(|| Msg::Redo)}>{ t.redo }</button>
            </div>
            <form class="st-row" onsubmit={find}>
                <label for="st-find">{ t.find }</label>
                <input id="st-find" data-st="find" type="search" dir="auto" />
                <button type="submit" data-st="find-go">{ t.find_button }</button>
            </form>
            <p class="st-selection" data-st="selection">
                { t.selection }{ " " }
                if let Some(words) = selected { <q lang={model.checked.prepared.doc.article.language.clone()}>{ words }</q> } else { <span class="st-muted">{ t.nothing_selected }</span> }
            </p>
            <fieldset>
                <legend>{ t.link }</legend>
                <EntityPicker id="st-entity" st="entity" label={t.entity} value={f.entity.clone()} on_change={set(|f, v| f.entity = v)} studio={studio.clone()} {lang} />
                <div class="st-row">
                    { edit_button(model, "alias", t.alias, |m| Ok(Edit::AddAlias { entity: m.form.entity.clone().ok_or(Code::NeedEntity)?, at: m.selection.ok_or(Code::SelectFirst)? })) }
                    { edit_button(model, "mention", t.mention, |m| Ok(Edit::AddMention { entity: m.form.entity.clone().ok_or(Code::NeedEntity)?, at: m.selection.ok_or(Code::SelectFirst)? })) }
                    { edit_button(model, "suppress", t.suppress, |m| Ok(Edit::Suppress { at: m.selection.ok_or(Code::SelectFirst)? })) }
                </div>
            </fieldset>
            <fieldset>
                <legend>{ t.new_entity }</legend>
                <div class="st-choices" role="radiogroup" aria-label={t.kind}>{ for kinds }</div>
                { field(model, "name-en", t.name_en, &f.name_en, "ltr", "en", |f, v| { f.name_en = v; f.guessed = false; }) }
                if f.guessed && !f.name_en.is_empty() { <p class="st-guess" data-st="guessed">{ t.guessed }</p> }
                { edit_button(model, "new-entity", t.create, |m| Ok(Edit::NewEntity {
                    kind: m.form.kind.ok_or(Code::NeedKind)?,
                    name_en: m.form.name_en.clone(),
                    guessed: m.form.guessed,
                    at: m.selection.ok_or(Code::SelectFirst)?,
                })) }
            </fieldset>
            <fieldset>
                <legend>{ t.relation }</legend>
                <EntityPicker id="st-subject" st="subject" label={t.subject} value={f.subject.clone()} on_change={set(|f, v| f.subject = v)} studio={studio.clone()} {lang} />
                <label for="st-predicate">{ t.predicate }</label>
                if !hints.is_empty() { <div class="st-row" data-st="predicate-hints"><span class="st-muted">{ t.likely }</span>{ for hint_buttons }</div> }
                <select id="st-predicate" data-st="predicate" onchange={on_predicate}>
                    <option value="" selected={f.predicate.is_none()}>{ t.choose }</option>
                    { for predicates }
                </select>
                <EntityPicker id="st-object" st="object" label={t.object} value={f.object.clone()} on_change={set(|f, v| f.object = v)} studio={studio.clone()} {lang} />
                <button type="button" class="st-link" data-st="swap" onclick={swap}>{ t.swap }</button>
                <EntitiesPicker id="st-sources" st="sources" label={t.sources} value={f.sources.clone()} on_change={set_many(|f, v| f.sources = v)} studio={studio.clone()} {lang} />
                <details>
                    <summary>{ t.when_ar }{ " · " }{ t.detail_ar }{ " (" }{ t.optional }{ ")" }</summary>
                    { field(model, "when-ar", t.when_ar, &f.when.0, "rtl", "ar", |f, v| f.when.0 = v) }
                    { field(model, "when-en", t.when_en, &f.when.1, "ltr", "en", |f, v| f.when.1 = v) }
                    { field(model, "detail-ar", t.detail_ar, &f.detail.0, "rtl", "ar", |f, v| f.detail.0 = v) }
                    { field(model, "detail-en", t.detail_en, &f.detail.1, "ltr", "en", |f, v| f.detail.1 = v) }
                </details>
                { edit_button(model, "relation", t.add_relation, |m| {
                    let f = &m.form;
                    Ok(Edit::AddRelation {
                        subject: f.subject.clone().ok_or(Code::NeedEntity)?,
                        predicate: f.predicate.ok_or(Code::NeedPredicate)?,
                        object: f.object.clone().ok_or(Code::NeedEntity)?,
                        asserted_by: f.sources.clone(),
                        when: f.when.clone(),
                        detail: f.detail.clone(),
                        at: m.selection.ok_or(Code::SelectFirst)?,
                    })
                }) }
            </fieldset>
            <fieldset>
                <legend>{ t.event }</legend>
                { field(model, "event-ar", t.event_label_ar, &f.event_label.0, "rtl", "ar", |f, v| f.event_label.0 = v) }
                { field(model, "event-en", t.event_label_en, &f.event_label.1, "ltr", "en", |f, v| f.event_label.1 = v) }
                { field(model, "event-when-ar", t.event_when_ar, &f.event_when.0, "rtl", "ar", |f, v| f.event_when.0 = v) }
                { field(model, "event-when-en", t.event_when_en, &f.event_when.1, "ltr", "en", |f, v| f.event_when.1 = v) }
                { field(model, "event-date", t.event_date, &f.event_date, "ltr", "", |f, v| f.event_date = v) }
                { field(model, "event-order", t.event_order, &f.event_order, "ltr", "", |f, v| f.event_order = v) }
                <EntitiesPicker id="st-event-entities" st="event-entities" label={t.event_entities} value={f.event_entities.clone()} on_change={set_many(|f, v| f.event_entities = v)} studio={studio.clone()} {lang} />
                { edit_button(model, "event", t.add_event, |m| {
                    let f = &m.form;
                    Ok(Edit::AddEvent {
                        label: f.event_label.clone(),
                        when: f.event_when.clone(),
                        date: f.event_date.clone(),
                        order: f.event_order.trim().parse().ok(),
                        entities: f.event_entities.clone(),
                        at: m.selection.ok_or(Code::SelectFirst)?,
                    })
                }) }
            </fieldset>
        </div>
    }
}

/// The element a problem is about, to jump to: the text a quote is in, the text of an entity's
/// first mention, the headline or the block named, or the map.
fn place_of(model: &Model, path: &str) -> Option<String> {
    let p = &model.checked.prepared;
    let text_id = |t: article_authoring::model::BlockRef| format!("st-text-{}", text_index(t));
    if let Some(t) = text_of_path(model.studio.doc(), path) {
        return Some(text_id(t));
    }
    if path.starts_with("article.headline") {
        return Some(text_id(article_authoring::model::BlockRef::HEADLINE));
    }
    if let Some(rest) = path.strip_prefix("article.blocks[") {
        let i: usize = rest.split(']').next()?.parse().ok()?;
        return Some(text_id(article_authoring::model::BlockRef::Block(i)));
    }
    if path.starts_with("map") {
        return Some("st-map-h".to_owned());
    }
    let key = path.strip_prefix("entities[")?.split(']').next()?;
    let entity = p.entity_index(key).or_else(|| key.parse().ok())?;
    match p.by_entity.get(entity)?.first() {
        Some(m) => Some(text_id(m.text)),
        None => Some(format!("st-entity-{}", p.doc.entities.get(entity)?.id)),
    }
}

/// The errors (that stop publishing) and the warnings (that do not), each where an editor would
/// look for it, in words, with a button that goes there.
pub fn problems(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let lang = model.lang;
    let doc = model.studio.doc();
    let list = |items: &[article_format::problem::Problem], st: &'static str| {
        let rows = items.iter().map(|p| {
            let target = place_of(model, &p.path);
            let has_place = target.is_some();
            let jump = Callback::from(move |_: MouseEvent| {
                if let Some(id) = &target {
                    show(id);
                }
            });
            html! {
                <li>
                    <bdi class="st-place">{ article_authoring::words::place(&p.path, Some(doc), lang) }</bdi>{ lang.comma() }
                    <bdi>{ article_authoring::words::say(&p.message, lang) }</bdi>
                    if has_place { { " " }<button type="button" class="st-link" onclick={jump}>{ t.go_there }</button> }
                </li>
            }
        });
        html! { <ul data-st={st}>{ for rows }</ul> }
    };
    let errors = &model.checked.errors;
    let warnings = &model.checked.warnings;
    html! {
        <section class="st-problems" aria-labelledby="st-problems-h">
            <h3 id="st-problems-h" data-st="errors-count">{ t.errors }{ format!(" ({})", errors.len()) }</h3>
            if errors.is_empty() { <p data-st="no-errors">{ t.no_errors }</p> } else { { list(errors, "errors") } }
            <h3 data-st="warnings-count">{ t.warnings }{ format!(" ({})", warnings.len()) }</h3>
            if warnings.is_empty() { <p>{ t.no_warnings }</p> } else { { list(warnings, "warnings") } }
        </section>
    }
}

/// Save the authoring document (back to its file where the browser can), and download the
/// published one.
pub fn saving(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let save = {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| {
            let model = model.clone();
            let text = model.studio.to_json();
            let (history, cursor) = model.studio.history();
            let seq = history[cursor].seq;
            let name = model
                .draft
                .as_ref()
                .map(|d| d.file.clone())
                .filter(|f| f.ends_with(".json"))
                .unwrap_or_else(|| "article.json".to_owned());
            wasm_bindgen_futures::spawn_local(async move {
                match crate::files::save(crate::file_handle(), &name, &text).await {
                    Ok(crate::files::Saved::ToFile(handle, file)) => {
                        if let (Some(d), Some(draft)) = (&model.drafts, &model.draft) {
                            d.put_handle(&draft.key, &handle).await;
                        }
                        crate::set_file_handle(Some(handle));
                        model.dispatch(Msg::SavedFile { seq, file: file.clone() });
                        model.dispatch(Msg::Status(said!(Code::SavedTo, file), false));
                    }
                    Ok(crate::files::Saved::Downloaded(file)) => {
                        model.dispatch(Msg::SavedFile { seq, file: file.clone() });
                        model.dispatch(Msg::Status(said!(Code::Downloaded, file), false));
                    }
                    // The editor closed the file picker: nothing saved, and the status says so.
                    Err(why) if why.is_empty() => model.dispatch(Msg::Status(
                        said!(Code::Worded, crate::strings::strings(model.lang).not_saved),
                        false,
                    )),
                    Err(why) => model.dispatch(Msg::Status(said!(Code::CannotWrite, why), true)),
                }
            });
        })
    };
    let published = model.checked.published.clone();
    let save_published = {
        let published = published.clone();
        let model = model.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(p) = &published {
                crate::files::download("article.published.json", p, "application/json");
                model.dispatch(Msg::Status(said!(Code::Downloaded, "article.published.json"), false));
            }
        })
    };
    html! {
        <section class="st-save" aria-labelledby="st-save-h">
            <h3 id="st-save-h">{ t.save }</h3>
            <div class="st-row">
                <button type="button" data-st="save" onclick={save}>{ t.save_file }</button>
                <button type="button" data-st="save-published" disabled={published.is_none()} onclick={save_published}>{ t.save_published }</button>
            </div>
        </section>
    }
}
