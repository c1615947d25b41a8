//! The map an editor needs: the reader's own map (the figures module's, with its pan and zoom by
//! drag, wheel, pinch and keys), opened on the document's region, drawing the document as it
//! stands; a click on the map places a point, or a movement's or an area's next position. Each
//! feature gets its own Arabic and English label, its kind (chosen, never defaulted) and its
//! entities. A point at an entity's own coordinates is one click, from the list of entities.

use std::rc::Rc;

use article_authoring::studio::Edit;
use article_format::geo::{region_for, region_named, LonLat, REGIONS, WORLD};
use article_format::handoff::{Pick, Sketch};
use article_format::i18n::Lang;
use article_format::map::View;
use article_format::problem::Code;
use article_format::said;
use yew::prelude::*;

use crate::picker::EntitiesPicker;
use crate::strings::{feature_kind_label, S};
use crate::{bilingual, MapMode, Model, Msg};

/// The base map a sketch is drawn on, beside the page: its region's, or the world's.
fn base_map(sketch: &Sketch) -> String {
    let region = article_format::geo::map_region(&sketch.map);
    if region_named(region.name).is_some() {
        format!("map/{}.json", region.name)
    } else {
        format!("map/{WORLD}.json")
    }
}

/// What the map draws, opened on the document's region: its features' region; with none, the
/// region of the places the article names (their coordinates, the document's or a catalogue's),
/// else the world.
fn drawn(model: &Model) -> Option<Rc<Sketch>> {
    let sketch = model.sketch.clone()?;
    let map = &sketch.map;
    if map.region.is_some() || !(map.points.is_empty() && map.areas.is_empty() && map.movements.is_empty()) {
        return Some(sketch);
    }
    let p = &model.checked.prepared;
    let places: Vec<LonLat> = p
        .doc
        .entities
        .iter()
        .enumerate()
        .filter(|(i, _)| !p.by_entity[*i].is_empty())
        .filter_map(|(_, e)| e.coordinates.map(|c| LonLat { lon: c.lon, lat: c.lat }))
        .collect();
    let region = if places.is_empty() { WORLD } else { region_for(&places).name };
    let mut s = (*sketch).clone();
    s.map.region = Some(if REGIONS.iter().any(|r| r.name == region) { region } else { WORLD }.to_owned());
    Some(Rc::new(s))
}

pub fn map_panel(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let lang = model.lang;
    let f = &model.form;
    let on_place = {
        let model = model.clone();
        Callback::from(move |at: LonLat| model.dispatch(Msg::Place(at)))
    };
    let on_pick = {
        let model = model.clone();
        Callback::from(move |pick: Pick| {
            if let Pick::Entity(i) = pick {
                if let Some(e) = model.sketch.as_ref().and_then(|s| s.entities.get(i)) {
                    crate::editor::show(&format!("st-entity-{}", e.id));
                }
            }
        })
    };
    let mode = |m: MapMode, label: &str, st: &'static str| {
        let onchange = {
            let model = model.clone();
            Callback::from(move |_: Event| {
                model.dispatch(Msg::Form(Box::new(move |f| {
                    f.map_mode = m;
                    f.clicks.clear();
                })))
            })
        };
        html! { <label class="st-choice"><input type="radio" name="st-map-mode" data-st={st} checked={f.map_mode == m} {onchange} />{ label.to_owned() }</label> }
    };
    let text = |label: &str, st: &'static str, value: &str, ar: bool| {
        let model = model.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let v = i.value();
            model.dispatch(Msg::Form(Box::new(move |f| if ar { f.map_label.0 = v } else { f.map_label.1 = v })));
        });
        let id = format!("st-{st}");
        html! { <><label for={id.clone()}>{ label.to_owned() }</label><input {id} data-st={st} dir={if ar { "rtl" } else { "ltr" }} value={value.to_owned()} {oninput} /></> }
    };
    let kinds = article_authoring::model::MapFeatureKind::ALL
        .iter()
        .map(|&k| html! { <option value={k.slug()} selected={f.map_kind == Some(k)}>{ feature_kind_label(lang, k) }</option> });
    let on_kind = {
        let model = model.clone();
        Callback::from(move |e: Event| {
            let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else { return };
            let k = article_authoring::model::MapFeatureKind::ALL.into_iter().find(|k| k.slug() == s.value());
            model.dispatch(Msg::Form(Box::new(move |f| f.map_kind = k)));
        })
    };
    let set_entities = {
        let model = model.clone();
        Callback::from(move |v: Vec<String>| model.dispatch(Msg::Form(Box::new(move |f| f.map_entities = v))))
    };
    let finish = {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| {
            let f = &model.form;
            let Some(kind) = f.map_kind else {
                model.dispatch(Msg::Status(said!(Code::NeedFeatureKind), true));
                return;
            };
            let (label, entities) = (bilingual(&f.map_label), f.map_entities.clone());
            let edit = match f.map_mode {
                MapMode::Area => Edit::AddArea { label, kind, ring: f.clicks.clone(), entities },
                _ => Edit::AddMovement { label, kind, path: f.clicks.clone(), entities },
            };
            model.dispatch(Msg::Edit(edit));
        })
    };
    let clear = {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| model.dispatch(Msg::Form(Box::new(|f| f.clicks.clear()))))
    };
    let clicks = f.clicks.iter().map(|c| format!("{:.2}, {:.2}", c.lat, c.lon)).collect::<Vec<_>>().join(" → ");
    html! {
        <div class="st-map-panel">
            <p class="st-hint">{ t.map_hint }</p>
            if let Some(sketch) = drawn(model) {
                <StudioMap {sketch} {lang} {on_place} {on_pick} revision={model.revision} />
            }
            <fieldset class="st-map-form">
                <legend>{ t.map_mode }</legend>
                <div class="st-choices">
                    { mode(MapMode::Point, t.mode_point, "mode-point") }
                    { mode(MapMode::Movement, t.mode_movement, "mode-movement") }
                    { mode(MapMode::Area, t.mode_area, "mode-area") }
                </div>
                { text(t.label_ar, "map-label-ar", &f.map_label.0, true) }
                { text(t.label_en, "map-label-en", &f.map_label.1, false) }
                <label for="st-map-kind">{ t.feature_kind }</label>
                <select id="st-map-kind" data-st="map-kind" onchange={on_kind}>
                    <option value="" selected={f.map_kind.is_none()}>{ t.choose }</option>
                    { for kinds }
                </select>
                <EntitiesPicker id="st-map-entities" st="map-entities" label={t.feature_entities} value={f.map_entities.clone()} on_change={set_entities} studio={model.studio.clone()} {lang} />
                if f.map_mode != MapMode::Point {
                    <p data-st="clicks">{ t.clicks }{ " " }<bdi dir="ltr">{ clicks }</bdi></p>
                    <div class="st-row">
                        <button type="button" data-st="finish" onclick={finish}>{ t.finish_drawing }</button>
                        <button type="button" data-st="clear" onclick={clear}>{ t.clear_clicks }</button>
                    </div>
                }
            </fieldset>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct StudioMapProps {
    sketch: Rc<Sketch>,
    lang: Lang,
    on_place: Callback<LonLat>,
    on_pick: Callback<Pick>,
    revision: u32,
}

/// The figures module's map, drawn again when the document changes, on the view it had.
#[function_component(StudioMap)]
fn studio_map(props: &StudioMapProps) -> Html {
    let frame = use_node_ref();
    // The map drawn, and the base map it was drawn on (a view is kept only on the same one).
    let figure = use_mut_ref(|| None::<(String, article_figures::MapFigure)>);
    {
        let (frame, figure) = (frame.clone(), figure.clone());
        let (on_place, on_pick) = (props.on_place.clone(), props.on_pick.clone());
        use_effect_with((props.sketch.clone(), props.lang), move |(sketch, lang)| {
            let Some(el) = frame.cast::<web_sys::Element>() else { return };
            let src = base_map(sketch);
            let old: Option<View> = figure.borrow().as_ref().filter(|(s, _)| *s == src).map(|(_, f)| f.view());
            figure.borrow_mut().take();
            let place: Rc<dyn Fn(LonLat)> = Rc::new(move |at| on_place.emit(at));
            let pick: Rc<dyn Fn(Pick)> = Rc::new(move |p| on_pick.emit(p));
            let made =
                article_figures::MapFigure::editing(el, sketch.clone(), *lang, src.clone(), pick, Some(place), old);
            *figure.borrow_mut() = Some((src, made));
        });
    }
    html! { <div class="ae-root ae-theme st-map-frame" data-st="map" dir="ltr" ref={frame}></div> }
}
