//! The map of the Caribbean: real coastlines drawn as SVG from the generated base map (fetched
//! when the map first scrolls into view, never part of the initial wasm), and the document's
//! points, areas and movements over it. Drawn left to right inside a right-to-left page.
//!
//! Pan and zoom: wheel, drag, pinch, the +/− and reset buttons, and the keyboard (arrows, + −, 0).
//! Every feature is focusable and named; a text alternative lists them, and the movements in time
//! order as a table.

use std::collections::BTreeMap;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::Shared;
use crate::geo::layers::{features, place_labels, Feature, Shape, View, LABEL_SIZE};
use crate::geo::Xy;
use crate::i18n::Lang;
use crate::num::{fixed, Fixed as F};
use crate::model::Waypoint;
use crate::published::Reading;
use crate::state::Action;

pub use crate::geo::basemap::BaseMap;

#[derive(Clone, Debug, PartialEq)]
enum Load {
    Waiting,
    Loading,
    Ready(Rc<BaseMap>),
    Failed(String),
}

#[derive(Properties, PartialEq)]
pub struct MapProps {
    pub document: Shared<Reading>,
    pub lang: Lang,
    pub open: Option<usize>,
    /// "Show on map": the entity to bring into view, with a counter that changes on each request.
    pub focus: Option<(usize, u32)>,
    pub on_action: Callback<Action>,
    /// Where the base map is fetched from.
    #[prop_or_else(|| AttrValue::from(super::DEFAULT_MAP))]
    pub src: AttrValue,
}

/// Which features belong to an entity (for "show on map" and highlighting).
pub fn features_of(features: &[Feature], entity: usize) -> impl Iterator<Item = &Feature> {
    features.iter().filter(move |f| f.entities.contains(&entity))
}

fn describe(w: &Waypoint, doc: &Reading, lang: Lang) -> String {
    match w {
        Waypoint::Point(id) => doc.doc.map.points.iter().find(|p| &p.id == id).map(|p| lang.pick(&p.label).to_owned()).unwrap_or_default(),
        Waypoint::At(c) => {
            let [n, s, e, w] = lang.strings().compass;
            format!(
                "{} {}°{} {}°{}",
                lang.strings().near,
                F(c.lat.abs(), 1),
                if c.lat >= 0.0 { n } else { s },
                F(c.lon.abs(), 1),
                if c.lon >= 0.0 { e } else { w }
            )
        }
    }
}

#[function_component(MapView)]
pub fn map_view(props: &MapProps) -> Html {
    let lang = props.lang;
    let t = lang.strings();
    // The region the document's features are in, and its base map beside the default one.
    // (Publishing always names it; a document published before regions is the Caribbean's.)
    let region = props.document.doc.map.region.as_deref().and_then(crate::geo::region_named).unwrap_or(&crate::geo::REGIONS[0]);
    let projection = region.projection;
    let size = projection.size();
    let load = use_state_eq(|| Load::Waiting);
    let view = use_state_eq(|| View::WHOLE);
    // The latest view, for handlers that run between renders or were made once.
    let latest = use_mut_ref(|| View::WHOLE);
    let set_view = {
        let (view, latest) = (view.clone(), latest.clone());
        Rc::new(move |v: View| {
            *latest.borrow_mut() = v;
            view.set(v);
        })
    };
    let figure = use_node_ref();
    let svg = use_node_ref();
    let pointers = use_mut_ref(BTreeMap::<i32, (f64, f64)>::new);
    let layers = use_memo(props.document.clone(), move |d| features(d, &projection));
    // What pan and zoom never change, derived once per document: the countries the document
    // shades, the feature kinds for the legend, and the drawing order (areas under movements
    // under points, so that small things stay clickable).
    let derived = use_memo(layers.clone(), |layers| {
        let named: Vec<String> = layers
            .iter()
            .filter_map(|f| match &f.shape {
                Shape::Country(code) => Some(code.clone()),
                _ => None,
            })
            .collect();
        let mut kinds: Vec<crate::model::MapFeatureKind> = Vec::new();
        for f in layers.iter() {
            if !kinds.contains(&f.kind) {
                kinds.push(f.kind);
            }
        }
        let rank = |f: &Feature| match f.shape {
            Shape::Country(_) => 0,
            Shape::Area(_) => 1,
            Shape::Line(_) => 2,
            Shape::Point(_) => 3,
        };
        let mut order: Vec<usize> = (0..layers.len()).collect();
        order.sort_by_key(|&i| rank(&layers[i]));
        (named, kinds, order)
    });
    let (named, kinds, order) = &*derived;
    // Labels (≈ marks an approximate position) and where they sit at the whole-map view.
    let labels = use_memo((layers.clone(), lang), |(layers, lang)| {
        let texts: Vec<String> = layers
            .iter()
            .map(|f| if f.approximate { format!("≈ {}", lang.pick(&f.label)) } else { lang.pick(&f.label).to_owned() })
            .collect();
        let offsets = place_labels(layers, &texts, size);
        (texts, offsets)
    });

    // Fetch the base map when the map first comes into view. Whether it was asked for lives in a
    // ref: the observer's callback is made once, and a state handle in it would stay stale.
    let requested = use_mut_ref(|| false);
    let start_loading = {
        // `src` is the default region's base map; another region's is the file beside it.
        let src = match props.src.rsplit_once('/') {
            Some((dir, _)) if region.name != crate::geo::REGIONS[0].name => format!("{dir}/{}.json", region.name),
            _ => props.src.to_string(),
        };
        let (load, requested) = (load.clone(), requested.clone());
        Callback::from(move |_: ()| {
            if std::mem::replace(&mut *requested.borrow_mut(), true) {
                return;
            }
            load.set(Load::Loading);
            let (load, src) = (load.clone(), src.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = crate::fetch_text(&src, 20_000)
                    .await
                    .map_err(|e| e.message(crate::i18n::Lang::En))
                    .and_then(|text| BaseMap::from_json(&text, &projection));
                load.set(match result {
                    Ok(map) => Load::Ready(Rc::new(map)),
                    Err(e) => Load::Failed(e),
                });
            });
        })
    };
    {
        let (figure, start_loading, start_print) = (figure.clone(), start_loading.clone(), start_loading.clone());
        use_effect_with((), move |_| {
            let near = figure.cast::<web_sys::Element>().and_then(|el| super::observe_near(&el, move || start_loading.emit(())));
            // Printing a page whose map was never scrolled to: fetch the coastlines now (the print
            // preview redraws once they arrive).
            let before_print = gloo::events::EventListener::new(&gloo::utils::window(), "beforeprint", move |_| start_print.emit(()));
            move || {
                drop(before_print);
                drop(near);
            }
        });
    }

    // "Show on map": fit the entity's features, and bring the map into view.
    {
        let (set_view, layers, figure, start_loading) = (set_view.clone(), layers.clone(), figure.clone(), start_loading.clone());
        use_effect_with(props.focus, move |focus| {
            if let Some((entity, _)) = *focus {
                start_loading.emit(());
                let mut min = Xy { x: f64::INFINITY, y: f64::INFINITY };
                let mut max = Xy { x: f64::NEG_INFINITY, y: f64::NEG_INFINITY };
                for f in features_of(&layers, entity) {
                    min.x = min.x.min(f.bounds.0.x);
                    min.y = min.y.min(f.bounds.0.y);
                    max.x = max.x.max(f.bounds.1.x);
                    max.y = max.y.max(f.bounds.1.y);
                }
                if min.x.is_finite() {
                    set_view(View::fit((min, max), size, 6.0));
                }
                if let Some(el) = figure.cast::<web_sys::Element>() {
                    super::scroll_to(&el);
                }
            }
        });
    }

    // Client pixels to map units, for a view.
    let units_per_px = {
        let svg = svg.clone();
        move |view: View| -> Option<(f64, web_sys::DomRect)> {
            let rect = svg.cast::<web_sys::Element>()?.get_bounding_client_rect();
            (rect.width() > 0.0).then(|| (size.0 / view.scale / rect.width(), rect))
        }
    };

    // The wheel zooms around the pointer; registered by hand so that it may prevent scrolling.
    {
        let (svg, latest, set_view) = (svg.clone(), latest.clone(), set_view.clone());
        use_effect_with((), move |_| {
            let listener = svg.cast::<web_sys::Element>().map(|el| {
                let target = el.clone();
                EventListener::new_with_options(&el, "wheel", EventListenerOptions::enable_prevent_default(), move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::WheelEvent>() else { return };
                    e.prevent_default();
                    let rect = target.get_bounding_client_rect();
                    if rect.width() <= 0.0 {
                        return;
                    }
                    let current = *latest.borrow();
                    let k = size.0 / current.scale / rect.width();
                    let at = Xy { x: current.x + (e.client_x() as f64 - rect.left()) * k, y: current.y + (e.client_y() as f64 - rect.top()) * k };
                    let factor = (-e.delta_y() * 0.0015).exp().clamp(0.5, 2.0);
                    set_view(current.zoom_at(factor, at, size));
                })
            });
            move || drop(listener)
        });
    }

    let onpointerdown = {
        let pointers = pointers.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(el) = e.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = el.set_pointer_capture(e.pointer_id());
            }
            pointers.borrow_mut().insert(e.pointer_id(), (e.client_x() as f64, e.client_y() as f64));
        })
    };
    let onpointermove = {
        let (pointers, latest, set_view, units_per_px) = (pointers.clone(), latest.clone(), set_view.clone(), units_per_px.clone());
        Callback::from(move |e: PointerEvent| {
            let mut ps = pointers.borrow_mut();
            let Some(&previous) = ps.get(&e.pointer_id()) else { return };
            let now = (e.client_x() as f64, e.client_y() as f64);
            let view = *latest.borrow();
            let Some((k, rect)) = units_per_px(view) else { return };
            if ps.len() == 1 {
                set_view(view.pan(-(now.0 - previous.0) * k, -(now.1 - previous.1) * k, size));
            } else if ps.len() == 2 {
                let other = *ps.iter().find(|(id, _)| **id != e.pointer_id()).map(|(_, p)| p).unwrap_or(&now);
                let d0 = ((previous.0 - other.0).powi(2) + (previous.1 - other.1).powi(2)).sqrt();
                let d1 = ((now.0 - other.0).powi(2) + (now.1 - other.1).powi(2)).sqrt();
                if d0 > 0.0 {
                    let mid = ((now.0 + other.0) / 2.0, (now.1 + other.1) / 2.0);
                    let at = Xy { x: view.x + (mid.0 - rect.left()) * k, y: view.y + (mid.1 - rect.top()) * k };
                    set_view(view.zoom_at(d1 / d0, at, size));
                }
            }
            ps.insert(e.pointer_id(), now);
        })
    };
    let onpointerup = {
        let pointers = pointers.clone();
        Callback::from(move |e: PointerEvent| {
            pointers.borrow_mut().remove(&e.pointer_id());
        })
    };
    let zoom = |factor: f64| {
        let (latest, set_view) = (latest.clone(), set_view.clone());
        Callback::from(move |_: MouseEvent| {
            let view = *latest.borrow();
            let centre = Xy { x: view.x + size.0 / view.scale / 2.0, y: view.y + size.1 / view.scale / 2.0 };
            set_view(view.zoom_at(factor, centre, size));
        })
    };
    let reset = {
        let set_view = set_view.clone();
        Callback::from(move |_: MouseEvent| set_view(View::WHOLE))
    };
    let onkeydown = {
        let (latest, set_view) = (latest.clone(), set_view.clone());
        Callback::from(move |e: KeyboardEvent| {
            // Keys on a feature (Enter, Space) are the feature's own.
            let view = *latest.borrow();
            let step = 60.0 / view.scale;
            let centre = Xy { x: view.x + size.0 / view.scale / 2.0, y: view.y + size.1 / view.scale / 2.0 };
            let next = match e.key().as_str() {
                "ArrowLeft" => view.pan(-step, 0.0, size),
                "ArrowRight" => view.pan(step, 0.0, size),
                "ArrowUp" => view.pan(0.0, -step, size),
                "ArrowDown" => view.pan(0.0, step, size),
                "+" | "=" => view.zoom_at(1.5, centre, size),
                "-" | "_" => view.zoom_at(1.0 / 1.5, centre, size),
                "0" => View::WHOLE,
                _ => return,
            };
            e.prevent_default();
            set_view(next);
        })
    };

    let doc = &props.document;
    let open_entity = |entity: Option<usize>| {
        let on_action = props.on_action.clone();
        move || {
            if let Some(entity) = entity {
                on_action.emit(Action::Open { entity, mention: None });
            }
        }
    };
    let scale = view.scale;
    let label_size = LABEL_SIZE / scale;

    let base = match &*load {
        Load::Ready(map) => {
            html! { <BaseLayer map={Shared(map.clone())} named={named.clone()} /> }
        }
        _ => html! {},
    };

    let feature_html = |(i, f): (usize, &Feature)| -> Html {
        let entity = f.entities.first().copied();
        let id = entity.map(|e| doc.doc.entities[e].id.clone());
        let near = props.open.is_some_and(|o| f.entities.contains(&o));
        let label = labels.0[i].clone();
        let offset = labels.1[i];
        let mut name = format!("{}{}{}", lang.pick(&f.label), lang.comma(), lang.map_kind(f.kind));
        if let Some(time) = &f.time {
            name.push_str(lang.comma());
            name.push_str(lang.pick(time));
        }
        if f.approximate {
            name.push_str(lang.comma());
            name.push_str(t.approximate);
        }
        let onclick = {
            let open = open_entity(entity);
            Callback::from(move |_: MouseEvent| open())
        };
        let onkeydown = {
            let open = open_entity(entity);
            Callback::from(move |e: KeyboardEvent| {
                if matches!(e.key().as_str(), "Enter" | " ") {
                    e.prevent_default();
                    e.stop_propagation();
                    open();
                }
            })
        };
        let kind = format!("ae-f-{}", f.kind.slug());
        let class = classes!("ae-feature", kind, f.approximate.then_some("ae-approx"), near.then_some("ae-near"));
        let shape = match &f.shape {
            Shape::Country(code) => match &*load {
                Load::Ready(map) => map.countries.iter().find(|c| &c.id == code).map(|c| html! { <path class="ae-shape" d={c.d.clone()} /> }).unwrap_or_default(),
                _ => html! {},
            },
            Shape::Area(d) => html! { <path class="ae-shape" d={d.clone()} /> },
            Shape::Line(points) => {
                let d: String = points.iter().enumerate().map(|(i, p)| format!("{}{} {}", if i == 0 { "M" } else { "L" }, F(p.x, 1), F(p.y, 1))).collect();
                html! { <path class="ae-shape" d={d} marker-end="url(#ae-arrow)" /> }
            }
            Shape::Point(p) => html! { <circle class="ae-shape" cx={fixed(p.x, 1)} cy={fixed(p.y, 1)} r={fixed(6.0 / scale, 2)} /> },
        };
        // Offsets keep their screen size at every zoom, like the labels.
        let (dx, dy) = (offset.x / scale, offset.y / scale);
        let (lx, ly) = (f.anchor.x + dx, f.anchor.y + dy);
        let leader = (offset.x.hypot(offset.y) > 30.0).then(|| html! {
            <line class="ae-leader" x1={fixed(f.anchor.x, 1)} y1={fixed(f.anchor.y, 1)}
                x2={fixed(lx, 1)} y2={fixed(ly - label_size * 0.3, 1)} />
        });
        html! {
            <g key={f.id.clone()} class={class} data-entity={id} data-feature={f.id.clone()} tabindex="0" role="button" aria-label={name}
                {onclick} {onkeydown}>
                { shape }
                { for leader }
                <text x={fixed(lx, 1)} y={fixed(ly + label_size * 0.35, 1)} font-size={fixed(label_size, 2)}>{ label }</text>
            </g>
        }
    };

    let status = match &*load {
        Load::Waiting | Load::Loading => html! { <p class="ae-map-status" role="status">{ t.map_loading }</p> },
        Load::Failed(e) => {
            let retry = {
                let (load, start_loading, requested) = (load.clone(), start_loading.clone(), requested.clone());
                Callback::from(move |_: MouseEvent| {
                    load.set(Load::Waiting);
                    *requested.borrow_mut() = false;
                    start_loading.emit(());
                })
            };
            html! { <p class="ae-map-status" role="alert">{ format!("{} ({e}) ", t.map_failed) }<button type="button" onclick={retry}>{ t.retry }</button></p> }
        }
        Load::Ready(_) => html! {},
    };

    html! {
        // A group, not a landmark: several widgets on one page would repeat its name.
        <div class="ae-map" data-map="" role="group" aria-labelledby="ae-map-title" ref={figure}>
            <h2 id="ae-map-title">{ t.map }</h2>
            <div class="ae-map-controls">
                <button type="button" onclick={zoom(1.5)} aria-label={t.zoom_in}>{ "+" }</button>
                <button type="button" onclick={zoom(1.0 / 1.5)} aria-label={t.zoom_out}>{ "−" }</button>
                <button type="button" onclick={reset}>{ t.reset_view }</button>
            </div>
            { status }
            <div class="ae-map-frame" tabindex="0" role="group" aria-label={t.map_help} {onkeydown}>
                <svg ref={svg} dir="ltr" viewBox={view.view_box(size)} preserveAspectRatio="xMidYMid meet"
                    {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
                    <defs>
                        <marker id="ae-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                            <path d="M0 0L10 5L0 10z" />
                        </marker>
                        <pattern id="ae-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                            <line x1="0" y1="0" x2="0" y2="8" />
                        </pattern>
                    </defs>
                    <rect class="ae-sea" x="0" y="0" width={fixed(size.0, 0)} height={fixed(size.1, 0)} />
                    { base }
                    { for order.iter().map(|&i| feature_html((i, &layers[i]))) }
                </svg>
            </div>
            <ul class="ae-map-legend">
                { for kinds.iter().map(|&k| {
                    let class = format!("ae-key ae-f-{}", k.slug());
                    html! { <li><svg class={class} viewBox="0 0 20 12" aria-hidden="true"><rect class="ae-shape" x="1" y="1" width="18" height="10" rx="2" /></svg>{ lang.map_kind(k) }</li> }
                }) }
                <li><span class="ae-approx-key" aria-hidden="true">{ "≈" }</span>{ " " }{ t.approximate }</li>
            </ul>
            <MapText document={props.document.clone()} {lang} layers={Shared(layers.clone())} on_action={props.on_action.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct BaseLayerProps {
    map: Shared<BaseMap>,
    /// ISO codes of the countries the document names.
    named: Vec<String>,
}

/// The coastlines: rendered once per base map, never on pan or zoom.
#[function_component(BaseLayer)]
fn base_layer(props: &BaseLayerProps) -> Html {
    html! {
        <g class="ae-base">
            { for props.map.countries.iter().map(|c| {
                let class = classes!("ae-land", props.named.contains(&c.id).then_some("ae-named"));
                html! { <path key={c.id.clone()} class={class} d={c.d.clone()}><title>{ c.name.clone() }</title></path> }
            }) }
        </g>
    }
}

#[derive(Properties, PartialEq)]
struct MapTextProps {
    document: Shared<Reading>,
    lang: Lang,
    layers: Shared<Vec<Feature>>,
    on_action: Callback<Action>,
}

/// The map's text alternative: every feature (a button to its entity), and the movements in time
/// order as a table. Not re-rendered on pan or zoom.
#[function_component(MapText)]
fn map_text(props: &MapTextProps) -> Html {
    let (doc, lang, layers) = (&props.document, props.lang, &props.layers);
    let t = lang.strings();
    let open_entity = |entity: Option<usize>| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(entity) = entity {
                on_action.emit(Action::Open { entity, mention: None });
            }
        })
    };
    // A movement's place in time: the earliest timeline event sharing one of its entities.
    let time_order = |f: &Feature| {
        doc.doc.timeline.iter().filter(|e| e.entities.iter().any(|&x| f.entities.contains(&(x as usize)))).map(|e| e.order).min().unwrap_or(i32::MAX)
    };
    let mut movements: Vec<(&Feature, &crate::model::MapMovement)> =
        layers.iter().filter_map(|f| doc.doc.map.movements.iter().find(|m| m.id == f.id).map(|m| (f, m))).collect();
    movements.sort_by_key(|(f, _)| time_order(f));
    let list = layers.iter().map(|f| html! {
        <li>
            <button type="button" class="ae-link-plain" onclick={open_entity(f.entities.first().copied())}>{ lang.pick(&f.label).to_owned() }</button>
            { format!(" · {}", lang.map_kind(f.kind)) }
            if let Some(time) = &f.time { { format!(" · {}", lang.pick(time)) } }
            if f.approximate { { format!(" · {}", t.approximate) } }
        </li>
    });
    let rows = movements.iter().map(|(f, m)| html! {
        <tr>
            <td>{ lang.pick(&f.label).to_owned() }</td>
            <td>{ describe(&m.from, doc, lang) }</td>
            <td>{ describe(&m.to, doc, lang) }</td>
            <td>{ m.time.as_ref().map(|x| lang.pick(x).to_owned()).unwrap_or_else(|| t.not_given.to_owned()) }</td>
            <td>{ if m.approximate { t.approximate } else { "" } }</td>
        </tr>
    });
    html! {
        <details class="ae-map-text">
            <summary>{ t.map_features }</summary>
            <ul>{ for list }</ul>
            <h3>{ t.movements_in_order }</h3>
            <ol class="ae-movements">
                { for movements.iter().map(|(f, m)| html! {
                    <li>
                        { format!("{}: {} {} {} {}", lang.pick(&f.label), t.from, describe(&m.from, doc, lang), t.to, describe(&m.to, doc, lang)) }
                        { format!(" · {}", m.time.as_ref().map(|x| lang.pick(x).to_owned()).unwrap_or_else(|| t.not_given.to_owned())) }
                        if m.approximate { { format!(" · {}", t.approximate) } }
                    </li>
                }) }
            </ol>
            <table>
                <caption>{ t.movements_in_order }</caption>
                <thead><tr><th scope="col">{ t.movement }</th><th scope="col">{ t.from }</th><th scope="col">{ t.to }</th>
                    <th scope="col">{ t.when }</th><th scope="col">{ "≈" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </details>
    }
}
