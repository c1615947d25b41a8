//! Entity pickers: type a few letters of any name, Arabic or English, and choose from the
//! document's and the catalogues' entities (`article_authoring::studio::search`). No id is ever
//! typed, so no unknown id can be made. An ARIA combobox: the arrows move, Enter chooses, Escape
//! closes; a click chooses too.

use std::rc::Rc;

use article_authoring::studio::{search, Studio};
use article_format::i18n::Lang;
use yew::prelude::*;

use crate::strings::strings;

#[derive(Properties, PartialEq)]
pub struct PickerProps {
    /// The input's id (its label's `for`).
    pub id: AttrValue,
    /// Its `data-st`, for tests and scripts.
    pub st: AttrValue,
    pub label: AttrValue,
    pub value: Option<String>,
    pub on_change: Callback<Option<String>>,
    pub studio: Rc<Studio>,
    pub lang: Lang,
}

/// The name an entity is shown by.
pub fn name_of(studio: &Studio, lang: Lang, id: &str) -> String {
    studio.entity(id).map_or_else(|| id.to_owned(), |e| lang.pick(&e.name).to_owned())
}

/// One entity to choose.
#[function_component(EntityPicker)]
pub fn entity_picker(props: &PickerProps) -> Html {
    let text = use_state(String::new);
    let open = use_state(|| false);
    let active = use_state(|| 0usize);
    let t = strings(props.lang);
    let found = if *open { search(props.studio.doc(), &props.studio.catalogues, &text, 8) } else { Vec::new() };
    let list_id = format!("{}-list", props.id);
    let choose = {
        let (on_change, open, text) = (props.on_change.clone(), open.clone(), text.clone());
        move |id: Option<String>| {
            on_change.emit(id);
            open.set(false);
            text.set(String::new());
        }
    };
    let oninput = {
        let (text, open, active) = (text.clone(), open.clone(), active.clone());
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            text.set(input.value());
            open.set(true);
            active.set(0);
        })
    };
    let onkeydown = {
        let (found, active, open, choose) = (found.clone(), active.clone(), open.clone(), choose.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" => {
                e.prevent_default();
                if !*open {
                    open.set(true);
                } else if !found.is_empty() {
                    active.set((*active + 1) % found.len());
                }
            }
            "ArrowUp" if !found.is_empty() => {
                e.prevent_default();
                active.set((*active + found.len() - 1) % found.len());
            }
            "Enter" if *open => {
                e.prevent_default();
                if let Some(f) = found.get(*active) {
                    choose(Some(f.id.clone()));
                }
            }
            "Escape" if *open => {
                e.prevent_default();
                e.stop_propagation();
                open.set(false);
            }
            _ => {}
        })
    };
    let onfocus = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(true))
    };
    let onblur = {
        let (open, text) = (open.clone(), text.clone());
        Callback::from(move |_: FocusEvent| {
            open.set(false);
            text.set(String::new());
        })
    };
    let shown = if *open {
        (*text).clone()
    } else {
        props.value.as_deref().map(|id| name_of(&props.studio, props.lang, id)).unwrap_or_default()
    };
    let options = found.iter().enumerate().map(|(k, f)| {
        let pick = {
            let (choose, id) = (choose.clone(), f.id.clone());
            Callback::from(move |e: MouseEvent| {
                // Before the input loses its focus (and closes the list).
                e.prevent_default();
                choose(Some(id.clone()));
            })
        };
        let (first, second) = match props.lang {
            Lang::Ar => (f.name_ar.clone(), f.name_en.clone()),
            Lang::En => (f.name_en.clone(), f.name_ar.clone()),
        };
        html! {
            <li role="option" id={format!("{}-opt-{k}", props.id)} aria-selected={(k == *active).to_string()}
                class={classes!("st-option", (k == *active).then_some("st-active"))} data-st-option={f.id.clone()} onmousedown={pick}>
                <bdi>{ first }</bdi>{ " · " }<bdi class="st-muted">{ second }</bdi>
                <span class={classes!("st-kind", format!("ae-k-{}", f.kind.slug()))}>{ props.lang.kind(f.kind) }</span>
                if !f.own { <span class="st-badge">{ t.in_catalogue }</span> }
            </li>
        }
    });
    let clear = {
        let choose = choose.clone();
        Callback::from(move |_: MouseEvent| choose(None))
    };
    let active_id = (*open && !found.is_empty()).then(|| format!("{}-opt-{}", props.id, *active));
    html! {
        <div class="st-picker">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="st-picker-field">
                <input id={props.id.clone()} data-st={props.st.clone()} role="combobox" aria-autocomplete="list"
                    aria-expanded={(*open).to_string()} aria-controls={list_id.clone()} aria-activedescendant={active_id}
                    autocomplete="off" dir="auto" placeholder={t.picker_hint} value={shown}
                    data-value={props.value.clone()} {oninput} {onkeydown} {onfocus} {onblur} />
                if props.value.is_some() {
                    <button type="button" class="st-clear" aria-label={t.remove} onclick={clear}>{ "×" }</button>
                }
            </div>
            if *open {
                <ul id={list_id} role="listbox" class="st-listbox" aria-label={props.label.clone()}>
                    { for options }
                    if found.is_empty() { <li class="st-muted" role="presentation">{ t.picker_none }</li> }
                </ul>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ManyProps {
    pub id: AttrValue,
    pub st: AttrValue,
    pub label: AttrValue,
    pub value: Vec<String>,
    pub on_change: Callback<Vec<String>>,
    pub studio: Rc<Studio>,
    pub lang: Lang,
}

/// Several entities: the ones chosen, each removable, and a picker for one more.
#[function_component(EntitiesPicker)]
pub fn entities_picker(props: &ManyProps) -> Html {
    let t = strings(props.lang);
    let add = {
        let (value, on_change) = (props.value.clone(), props.on_change.clone());
        Callback::from(move |id: Option<String>| {
            if let Some(id) = id.filter(|id| !value.contains(id)) {
                let mut v = value.clone();
                v.push(id);
                on_change.emit(v);
            }
        })
    };
    let chips = props.value.iter().enumerate().map(|(k, id)| {
        let remove = {
            let (value, on_change) = (props.value.clone(), props.on_change.clone());
            Callback::from(move |_: MouseEvent| {
                let mut v = value.clone();
                v.remove(k);
                on_change.emit(v);
            })
        };
        html! {
            <li class="st-chip" data-st-chosen={id.clone()}>
                <bdi>{ name_of(&props.studio, props.lang, id) }</bdi>
                <button type="button" class="st-clear" aria-label={format!("{} {}", t.remove, name_of(&props.studio, props.lang, id))} onclick={remove}>{ "×" }</button>
            </li>
        }
    });
    html! {
        <div class="st-many">
            if !props.value.is_empty() { <ul class="st-chips" aria-label={props.label.clone()}>{ for chips }</ul> }
            <EntityPicker id={props.id.clone()} st={props.st.clone()} label={props.label.clone()} value={None::<String>}
                on_change={add} studio={props.studio.clone()} lang={props.lang} />
        </div>
    }
}
