//! Everything the document holds, listed: its entities, relations, events and map features.
//! Each one opens in place, every field editable (descriptions included), and is deleted with
//! undo; deleting an entity something uses says what, and offers to take those along.

use article_authoring::model::{
    Alias, Bilingual, Coordinates, Entity, EntityKind, MapFeatureKind, Predicate, Relation, Sources, TimelineEvent,
};
use article_authoring::studio::{quote_of, Edit, Feature};
use article_format::i18n::Lang;
use yew::prelude::*;

use crate::picker::{name_of, EntitiesPicker, EntityPicker};
use crate::strings::{feature_kind_label, kind_label, strings, S};
use crate::{Model, Msg, Record};

pub fn records(model: &UseReducerHandle<Model>, t: &S) -> Html {
    html! {
        <div class="st-record-lists">
            { entities(model, t) }
            { relations(model, t) }
            { events(model, t) }
            { features(model, t) }
        </div>
    }
}

fn open(model: &UseReducerHandle<Model>, r: Record) -> Callback<MouseEvent> {
    let model = model.clone();
    Callback::from(move |_: MouseEvent| model.dispatch(Msg::Record(Some(r.clone()))))
}

fn edit(model: &UseReducerHandle<Model>, e: Edit) -> Callback<MouseEvent> {
    let model = model.clone();
    Callback::from(move |_: MouseEvent| model.dispatch(Msg::Edit(e.clone())))
}

fn close(model: &UseReducerHandle<Model>) -> Callback<MouseEvent> {
    let model = model.clone();
    Callback::from(move |_: MouseEvent| model.dispatch(Msg::Record(None)))
}

fn entities(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let lang = model.lang;
    let p = &model.checked.prepared;
    // The document's own records, then the catalogues' it mentions.
    let own: Vec<&Entity> = model.studio.doc().entities.iter().collect();
    let used: Vec<&Entity> = p
        .doc
        .entities
        .iter()
        .enumerate()
        .filter(|(i, e)| !p.by_entity[*i].is_empty() && !own.iter().any(|o| o.id == e.id))
        .map(|(_, e)| e)
        .collect();
    let rows = own.iter().map(|e| (*e, true)).chain(used.iter().map(|e| (*e, false))).map(|(e, is_own)| {
        let index = p.entity_index(&e.id);
        let count = index.map_or(0, |i| p.by_entity[i].len());
        let editing = model.record == Some(Record::Entity(e.id.clone()));
        let deleting = model.record == Some(Record::Deleting(e.id.clone()));
        let place = e
            .coordinates
            .is_some()
            .then(|| edit(model, Edit::PlaceEntity { entity: e.id.clone() }));
        let delete = {
            let model = model.clone();
            let id = e.id.clone();
            Callback::from(move |_: MouseEvent| {
                if model.studio.uses_of(&id).is_empty() {
                    model.dispatch(Msg::Edit(Edit::DeleteEntity { entity: id.clone(), uses: false }));
                } else {
                    model.dispatch(Msg::Record(Some(Record::Deleting(id.clone()))));
                }
            })
        };
        html! {
            <li id={format!("st-entity-{}", e.id)} data-st-entity={e.id.clone()}>
                <span class={classes!("st-kind", format!("ae-k-{}", e.kind.slug()))}>{ lang.kind(e.kind) }</span>
                <bdi lang="ar" dir="rtl">{ e.name.ar.clone() }</bdi>{ " · " }<bdi lang="en" dir="ltr">{ e.name.en.clone() }</bdi>
                <span class="st-muted">{ format!(" ({count})") }</span>
                if !is_own { <span class="st-badge">{ t.in_catalogue }</span> }
                <span class="st-row st-inline">
                    <button type="button" data-st="edit-entity" onclick={open(model, Record::Entity(e.id.clone()))}>{ t.edit }</button>
                    if let Some(place) = place { <button type="button" data-st="place-entity" onclick={place}>{ t.place_on_map }</button> }
                    if is_own { <button type="button" data-st="delete-entity" onclick={delete}>{ t.delete }</button> }
                </span>
                if editing { <EntityForm model={model.clone()} entity={e.clone()} /> }
                if deleting { { uses_of(model, t, &e.id) } }
            </li>
        }
    });
    html! {
        <section aria-labelledby="st-entities-h">
            <h3 id="st-entities-h">{ t.entities }{ format!(" ({})", own.len() + used.len()) }</h3>
            <ul class="st-records" data-st="entities">{ for rows }</ul>
        </section>
    }
}

/// What uses an entity about to be deleted, and the button that deletes it with them.
fn uses_of(model: &UseReducerHandle<Model>, t: &S, id: &str) -> Html {
    let lang = model.lang;
    let uses = model.studio.uses_of(id);
    let items = uses
        .iter()
        .map(|path| html! { <li>{ article_authoring::words::place(path, Some(model.studio.doc()), lang) }</li> });
    html! {
        <div class="st-uses" role="alert" data-st="uses">
            <p>{ t.used_by }</p>
            <ul>{ for items }</ul>
            <div class="st-row">
                <button type="button" data-st="delete-with-uses" onclick={edit(model, Edit::DeleteEntity { entity: id.to_owned(), uses: true })}>{ t.delete_with_uses }</button>
                <button type="button" onclick={close(model)}>{ t.cancel }</button>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct EntityFormProps {
    model: UseReducerHandle<Model>,
    entity: Entity,
}

/// Every field of an entity.
#[function_component(EntityForm)]
fn entity_form(props: &EntityFormProps) -> Html {
    let draft = use_state(|| props.entity.clone());
    let lang = props.model.lang;
    let t = strings(lang);
    let e = (*draft).clone();
    let text = |label: &str, st: &'static str, value: String, dir: &'static str, set: fn(&mut Entity, String)| {
        let draft = draft.clone();
        let oninput = Callback::from(move |ev: InputEvent| {
            let Some(i) = ev.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let mut e = (*draft).clone();
            set(&mut e, i.value());
            draft.set(e);
        });
        let id = format!("st-e-{st}");
        html! { <><label for={id.clone()}>{ label.to_owned() }</label><input {id} data-st={st} {dir} {value} {oninput} /></> }
    };
    let kinds = EntityKind::ALL
        .iter()
        .map(|&k| html! { <option value={k.slug()} selected={e.kind == k}>{ kind_label(lang, k) }</option> });
    let on_kind = {
        let draft = draft.clone();
        Callback::from(move |ev: Event| {
            let Some(s) = ev.target_dyn_into::<web_sys::HtmlSelectElement>() else { return };
            let mut e = (*draft).clone();
            if let Some(k) = EntityKind::ALL.into_iter().find(|k| k.slug() == s.value()) {
                e.kind = k;
            }
            draft.set(e);
        })
    };
    let aliases_text = e.aliases.iter().map(Alias::text).collect::<Vec<_>>().join("\n");
    let on_aliases = {
        let draft = draft.clone();
        Callback::from(move |ev: InputEvent| {
            let Some(a) = ev.target_dyn_into::<web_sys::HtmlTextAreaElement>() else { return };
            let mut e = (*draft).clone();
            let old = e.aliases.clone();
            // Each line an alias; a line kept as it was keeps its flags.
            e.aliases = a
                .value()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| old.iter().find(|x| x.text() == l).cloned().unwrap_or_else(|| Alias::Plain(l.to_owned())))
                .collect();
            draft.set(e);
        })
    };
    let coordinate = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    let set_coordinate = |lat: bool| {
        let draft = draft.clone();
        Callback::from(move |ev: InputEvent| {
            let Some(i) = ev.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let mut e = (*draft).clone();
            let v = i.value().trim().parse::<f64>().ok();
            let mut c = e.coordinates.unwrap_or(Coordinates { lat: 0.0, lon: 0.0 });
            match v {
                Some(v) if lat => c.lat = v,
                Some(v) => c.lon = v,
                None => {}
            }
            e.coordinates = if i.value().trim().is_empty() && (lat && c.lon == 0.0 || !lat && c.lat == 0.0) {
                None
            } else {
                Some(c)
            };
            draft.set(e);
        })
    };
    let apply = {
        let (model, draft) = (props.model.clone(), draft.clone());
        Callback::from(move |_: MouseEvent| {
            let mut e = (*draft).clone();
            if e.name.en != model.studio.entity(&e.id).map(|x| x.name.en.clone()).unwrap_or_default() {
                e.name_guessed = false;
            }
            model.dispatch(Msg::Edit(Edit::SetEntity { entity: Box::new(e) }));
        })
    };
    let confirm_name = {
        let draft = draft.clone();
        Callback::from(move |_: Event| {
            let mut e = (*draft).clone();
            e.name_guessed = false;
            draft.set(e);
        })
    };
    html! {
        <div class="st-record-form" data-st="entity-form">
            { text(t.name_ar, "name-ar", e.name.ar.clone(), "rtl", |e, v| e.name.ar = v) }
            { text(t.name_en, "name-en", e.name.en.clone(), "ltr", |e, v| e.name.en = v) }
            if e.name_guessed { <label class="st-guess"><input type="checkbox" data-st="name-checked" onchange={confirm_name} />{ t.guessed }</label> }
            <label for="st-e-kind">{ t.kind }</label>
            <select id="st-e-kind" data-st="kind" onchange={on_kind}>{ for kinds }</select>
            { text(t.description_ar, "description-ar", e.description.ar.clone(), "rtl", |e, v| e.description.ar = v) }
            { text(t.description_en, "description-en", e.description.en.clone(), "ltr", |e, v| e.description.en = v) }
            <label for="st-e-aliases">{ t.aliases }{ " (" }{ t.aliases_hint }{ ")" }</label>
            <textarea id="st-e-aliases" data-st="aliases" rows="3" dir="rtl" value={aliases_text} oninput={on_aliases} />
            <fieldset class="st-inline-fields">
                <legend>{ t.coordinates }</legend>
                <label for="st-e-lat">{ t.lat }</label><input id="st-e-lat" data-st="lat" dir="ltr" inputmode="decimal" value={coordinate(e.coordinates.map(|c| c.lat))} oninput={set_coordinate(true)} />
                <label for="st-e-lon">{ t.lon }</label><input id="st-e-lon" data-st="lon" dir="ltr" inputmode="decimal" value={coordinate(e.coordinates.map(|c| c.lon))} oninput={set_coordinate(false)} />
            </fieldset>
            { text(t.wikidata, "wikidata", e.wikidata.clone().unwrap_or_default(), "ltr", |e, v| e.wikidata = Some(v.trim().to_owned()).filter(|v| !v.is_empty())) }
            <div class="st-row">
                <button type="button" data-st="apply" onclick={apply}>{ t.apply }</button>
                <button type="button" onclick={close(&props.model)}>{ t.close }</button>
            </div>
        </div>
    }
}

fn relations(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let lang = model.lang;
    let doc = model.studio.doc();
    let rows = doc.relations.iter().enumerate().map(|(i, r)| {
        let l = r.predicate.labels();
        let editing = model.record == Some(Record::Relation(i));
        html! {
            <li data-st-relation={i.to_string()}>
                <bdi>{ name_of(&model.studio, lang, &r.subject) }</bdi>{ " — " }<bdi>{ if lang == Lang::Ar { l.ar } else { l.en } }</bdi>{ " — " }<bdi>{ name_of(&model.studio, lang, &r.object) }</bdi>
                <span class="st-row st-inline">
                    <button type="button" data-st="edit-relation" onclick={open(model, Record::Relation(i))}>{ t.edit }</button>
                    <button type="button" data-st="delete-relation" onclick={edit(model, Edit::DeleteRelation { index: i })}>{ t.delete }</button>
                </span>
                if editing { <RelationForm model={model.clone()} index={i} relation={r.clone()} /> }
            </li>
        }
    });
    html! {
        <section aria-labelledby="st-relations-h">
            <h3 id="st-relations-h">{ t.relations }{ format!(" ({})", doc.relations.len()) }</h3>
            <ul class="st-records" data-st="relations">{ for rows }</ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RelationFormProps {
    model: UseReducerHandle<Model>,
    index: usize,
    relation: Relation,
}

/// Every field of a relation; its evidence, the selected words if the editor says so.
#[function_component(RelationForm)]
fn relation_form(props: &RelationFormProps) -> Html {
    let draft = use_state(|| props.relation.clone());
    let model = &props.model;
    let lang = model.lang;
    let t = strings(lang);
    let r = (*draft).clone();
    let set = |change: fn(&mut Relation, Option<String>)| {
        let draft = draft.clone();
        Callback::from(move |v: Option<String>| {
            let mut r = (*draft).clone();
            change(&mut r, v);
            draft.set(r);
        })
    };
    let sources: Vec<String> = r.asserted_by.as_ref().map(|s| s.ids().to_vec()).unwrap_or_default();
    let set_sources = {
        let draft = draft.clone();
        Callback::from(move |v: Vec<String>| {
            let mut r = (*draft).clone();
            r.asserted_by = match v.len() {
                0 => None,
                1 => Some(Sources::One(v[0].clone())),
                _ => Some(Sources::Many(v)),
            };
            draft.set(r);
        })
    };
    let predicates = Predicate::ALL.iter().map(|p| {
        let l = p.labels();
        html! { <option value={p.slug()} selected={r.predicate == *p}>{ if lang == Lang::Ar { l.ar } else { l.en } }</option> }
    });
    let on_predicate = {
        let draft = draft.clone();
        Callback::from(move |ev: Event| {
            let Some(s) = ev.target_dyn_into::<web_sys::HtmlSelectElement>() else { return };
            let mut r = (*draft).clone();
            if let Some(p) = Predicate::ALL.into_iter().find(|p| p.slug() == s.value()) {
                r.predicate = p;
            }
            draft.set(r);
        })
    };
    let bilingual_field = |label: &str,
                           st: &'static str,
                           value: &Option<Bilingual>,
                           ar: bool,
                           set: fn(&mut Relation, bool, String)| {
        let draft = draft.clone();
        let oninput = Callback::from(move |ev: InputEvent| {
            let Some(i) = ev.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let mut r = (*draft).clone();
            set(&mut r, ar, i.value());
            draft.set(r);
        });
        let v = value.as_ref().map(|b| if ar { b.ar.clone() } else { b.en.clone() }).unwrap_or_default();
        let id = format!("st-r-{st}");
        html! { <><label for={id.clone()}>{ label.to_owned() }</label><input {id} data-st={st} dir={if ar { "rtl" } else { "ltr" }} value={v} {oninput} /></> }
    };
    fn put(b: &mut Option<Bilingual>, ar: bool, v: String) {
        let mut x = b.clone().unwrap_or_default();
        if ar {
            x.ar = v;
        } else {
            x.en = v;
        }
        *b = (!x.ar.trim().is_empty() || !x.en.trim().is_empty()).then_some(x);
    }
    let use_selection = {
        let (draft, model) = (draft.clone(), model.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(q) = model.selection.and_then(|s| quote_of(&model.studio.doc().article, s)) else { return };
            let mut r = (*draft).clone();
            r.evidence = q;
            draft.set(r);
        })
    };
    let apply = {
        let (model, draft, index) = (model.clone(), draft.clone(), props.index);
        Callback::from(move |_: MouseEvent| {
            model.dispatch(Msg::Edit(Edit::SetRelation { index, relation: Box::new((*draft).clone()) }))
        })
    };
    html! {
        <div class="st-record-form" data-st="relation-form">
            <EntityPicker id="st-r-subject" st="r-subject" label={t.subject} value={Some(r.subject.clone())} on_change={set(|r, v| r.subject = v.unwrap_or_default())} studio={model.studio.clone()} {lang} />
            <label for="st-r-predicate">{ t.predicate }</label>
            <select id="st-r-predicate" data-st="r-predicate" onchange={on_predicate}>{ for predicates }</select>
            <EntityPicker id="st-r-object" st="r-object" label={t.object} value={Some(r.object.clone())} on_change={set(|r, v| r.object = v.unwrap_or_default())} studio={model.studio.clone()} {lang} />
            <EntitiesPicker id="st-r-sources" st="r-sources" label={t.sources} value={sources} on_change={set_sources} studio={model.studio.clone()} {lang} />
            { bilingual_field(t.when_ar, "r-when-ar", &r.when, true, |r, ar, v| put(&mut r.when, ar, v)) }
            { bilingual_field(t.when_en, "r-when-en", &r.when, false, |r, ar, v| put(&mut r.when, ar, v)) }
            { bilingual_field(t.detail_ar, "r-detail-ar", &r.detail, true, |r, ar, v| put(&mut r.detail, ar, v)) }
            { bilingual_field(t.detail_en, "r-detail-en", &r.detail, false, |r, ar, v| put(&mut r.detail, ar, v)) }
            <p>{ t.evidence_words }{ " " }<q lang="ar">{ r.evidence.exact.clone() }</q></p>
            <button type="button" class="st-link" data-st="r-evidence" disabled={model.selection.is_none()} onclick={use_selection}>{ t.use_selection }</button>
            <div class="st-row">
                <button type="button" data-st="apply" onclick={apply}>{ t.apply }</button>
                <button type="button" onclick={close(model)}>{ t.close }</button>
            </div>
        </div>
    }
}

fn events(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let lang = model.lang;
    let doc = model.studio.doc();
    let rows = doc.timeline.iter().enumerate().map(|(i, e)| {
        let editing = model.record == Some(Record::Event(i));
        html! {
            <li data-st-event={e.id.clone()}>
                <bdi>{ lang.pick(&e.label).to_owned() }</bdi>{ " · " }<bdi class="st-muted">{ lang.pick(&e.when).to_owned() }</bdi>
                <span class="st-row st-inline">
                    <button type="button" data-st="edit-event" onclick={open(model, Record::Event(i))}>{ t.edit }</button>
                    <button type="button" data-st="delete-event" onclick={edit(model, Edit::DeleteEvent { index: i })}>{ t.delete }</button>
                </span>
                if editing { <EventForm model={model.clone()} index={i} event={e.clone()} /> }
            </li>
        }
    });
    html! {
        <section aria-labelledby="st-events-h">
            <h3 id="st-events-h">{ t.events }{ format!(" ({})", doc.timeline.len()) }</h3>
            <ul class="st-records" data-st="events">{ for rows }</ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct EventFormProps {
    model: UseReducerHandle<Model>,
    index: usize,
    event: TimelineEvent,
}

#[function_component(EventForm)]
fn event_form(props: &EventFormProps) -> Html {
    let draft = use_state(|| props.event.clone());
    let model = &props.model;
    let lang = model.lang;
    let t = strings(lang);
    let e = (*draft).clone();
    let text = |label: &str,
                st: &'static str,
                value: String,
                dir: &'static str,
                set: fn(&mut TimelineEvent, String)| {
        let draft = draft.clone();
        let oninput = Callback::from(move |ev: InputEvent| {
            let Some(i) = ev.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let mut e = (*draft).clone();
            set(&mut e, i.value());
            draft.set(e);
        });
        let id = format!("st-v-{st}");
        html! { <><label for={id.clone()}>{ label.to_owned() }</label><input {id} data-st={st} {dir} {value} {oninput} /></> }
    };
    let set_entities = {
        let draft = draft.clone();
        Callback::from(move |v: Vec<String>| {
            let mut e = (*draft).clone();
            e.entities = v;
            draft.set(e);
        })
    };
    let apply = {
        let (model, draft, index) = (model.clone(), draft.clone(), props.index);
        Callback::from(move |_: MouseEvent| {
            model.dispatch(Msg::Edit(Edit::SetEvent { index, event: Box::new((*draft).clone()) }))
        })
    };
    html! {
        <div class="st-record-form" data-st="event-form">
            { text(t.event_label_ar, "v-label-ar", e.label.ar.clone(), "rtl", |e, v| e.label.ar = v) }
            { text(t.event_label_en, "v-label-en", e.label.en.clone(), "ltr", |e, v| e.label.en = v) }
            { text(t.event_when_ar, "v-when-ar", e.when.ar.clone(), "rtl", |e, v| e.when.ar = v) }
            { text(t.event_when_en, "v-when-en", e.when.en.clone(), "ltr", |e, v| e.when.en = v) }
            { text(t.event_date, "v-date", e.date.clone().unwrap_or_default(), "ltr", |e, v| e.date = Some(v.trim().to_owned()).filter(|v| !v.is_empty())) }
            { text(t.event_order, "v-order", e.order.to_string(), "ltr", |e, v| if let Ok(n) = v.trim().parse() { e.order = n }) }
            <EntitiesPicker id="st-v-entities" st="v-entities" label={t.event_entities} value={e.entities.clone()} on_change={set_entities} studio={model.studio.clone()} {lang} />
            <div class="st-row">
                <button type="button" data-st="apply" onclick={apply}>{ t.apply }</button>
                <button type="button" onclick={close(model)}>{ t.close }</button>
            </div>
        </div>
    }
}

fn features(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let lang = model.lang;
    let list = model.studio.features();
    let rows = list.iter().map(|f| {
        let id = f.id().to_owned();
        let editing = model.record == Some(Record::Feature(id.clone()));
        html! {
            <li data-st-feature={id.clone()}>
                <bdi>{ lang.pick(f.label()).to_owned() }</bdi>
                <span class="st-row st-inline">
                    <button type="button" data-st="edit-feature" onclick={open(model, Record::Feature(id.clone()))}>{ t.edit }</button>
                    <button type="button" data-st="delete-feature" onclick={edit(model, Edit::DeleteFeature { id: id.clone() })}>{ t.delete }</button>
                </span>
                if editing { <FeatureForm model={model.clone()} feature={f.clone()} /> }
            </li>
        }
    });
    html! {
        <section aria-labelledby="st-features-h">
            <h3 id="st-features-h">{ t.features }{ format!(" ({})", list.len()) }</h3>
            <ul class="st-records" data-st="features">{ for rows }</ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FeatureFormProps {
    model: UseReducerHandle<Model>,
    feature: Feature,
}

#[function_component(FeatureForm)]
fn feature_form(props: &FeatureFormProps) -> Html {
    let draft = use_state(|| props.feature.clone());
    let model = &props.model;
    let lang = model.lang;
    let t = strings(lang);
    let f = (*draft).clone();
    fn parts(f: &mut Feature) -> (&mut Bilingual, &mut MapFeatureKind, &mut Vec<String>, &mut bool) {
        match f {
            Feature::Point(p) => (&mut p.label, &mut p.kind, &mut p.entities, &mut p.approximate),
            Feature::Area(a) => (&mut a.label, &mut a.kind, &mut a.entities, &mut a.approximate),
            Feature::Movement(m) => (&mut m.label, &mut m.kind, &mut m.entities, &mut m.approximate),
        }
    }
    let mut shown = f.clone();
    let (label, kind, entities, approximate) = parts(&mut shown);
    let (label, kind, entities, approximate) = (label.clone(), *kind, entities.clone(), *approximate);
    let text = |lbl: &str, st: &'static str, value: String, ar: bool| {
        let draft = draft.clone();
        let oninput = Callback::from(move |ev: InputEvent| {
            let Some(i) = ev.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let mut f = (*draft).clone();
            let (label, ..) = parts(&mut f);
            if ar {
                label.ar = i.value();
            } else {
                label.en = i.value();
            }
            draft.set(f);
        });
        let id = format!("st-f-{st}");
        html! { <><label for={id.clone()}>{ lbl.to_owned() }</label><input {id} data-st={st} dir={if ar { "rtl" } else { "ltr" }} {value} {oninput} /></> }
    };
    let kinds = MapFeatureKind::ALL
        .iter()
        .map(|&k| html! { <option value={k.slug()} selected={kind == k}>{ feature_kind_label(lang, k) }</option> });
    let on_kind = {
        let draft = draft.clone();
        Callback::from(move |ev: Event| {
            let Some(s) = ev.target_dyn_into::<web_sys::HtmlSelectElement>() else { return };
            let mut f = (*draft).clone();
            if let Some(k) = MapFeatureKind::ALL.into_iter().find(|k| k.slug() == s.value()) {
                *parts(&mut f).1 = k;
            }
            draft.set(f);
        })
    };
    let set_entities = {
        let draft = draft.clone();
        Callback::from(move |v: Vec<String>| {
            let mut f = (*draft).clone();
            *parts(&mut f).2 = v;
            draft.set(f);
        })
    };
    let on_approximate = {
        let draft = draft.clone();
        Callback::from(move |ev: Event| {
            let Some(i) = ev.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let mut f = (*draft).clone();
            *parts(&mut f).3 = i.checked();
            draft.set(f);
        })
    };
    let apply = {
        let (model, draft) = (model.clone(), draft.clone());
        Callback::from(move |_: MouseEvent| {
            model.dispatch(Msg::Edit(Edit::SetFeature { feature: Box::new((*draft).clone()) }))
        })
    };
    html! {
        <div class="st-record-form" data-st="feature-form">
            { text(t.label_ar, "f-label-ar", label.ar.clone(), true) }
            { text(t.label_en, "f-label-en", label.en.clone(), false) }
            <label for="st-f-kind">{ t.feature_kind }</label>
            <select id="st-f-kind" data-st="f-kind" onchange={on_kind}>{ for kinds }</select>
            <EntitiesPicker id="st-f-entities" st="f-entities" label={t.feature_entities} value={entities} on_change={set_entities} studio={model.studio.clone()} {lang} />
            <label><input type="checkbox" data-st="f-approximate" checked={approximate} onchange={on_approximate} />{ t.approximate }</label>
            <div class="st-row">
                <button type="button" data-st="apply" onclick={apply}>{ t.apply }</button>
                <button type="button" onclick={close(model)}>{ t.close }</button>
            </div>
        </div>
    }
}
