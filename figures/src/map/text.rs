//! The map's legend and its text alternative: every feature (a button to its entity), and the
//! movements in time order, as a list and as a table.

use article_format::handoff::Sketch;
use article_format::i18n::{FigureStrings, Lang};
use article_format::map::{waypoint_text, Feature};
use article_format::model::MapFeatureKind;
use web_sys::{Document, Element};

use super::{append, button, html_el, Inner};
use crate::el as svg_el;

impl Inner {
    pub(super) fn fill_legend(
        document: &Document,
        lang: Lang,
        t: &FigureStrings,
        layers: &[Feature],
        legend: &Element,
    ) {
        legend.replace_children_with_node_0();
        let mut kinds: Vec<MapFeatureKind> = Vec::new();
        for f in layers {
            if !kinds.contains(&f.kind) {
                kinds.push(f.kind);
            }
        }
        for k in kinds {
            let li = html_el(document, "li", "", None);
            let key = svg_el(
                document,
                "svg",
                &[("class", &format!("ae-key ae-f-{}", k.slug())), ("viewBox", "0 0 20 12"), ("aria-hidden", "true")],
            );
            append(
                &key,
                &[&svg_el(
                    document,
                    "rect",
                    &[("class", "ae-shape"), ("x", "1"), ("y", "1"), ("width", "18"), ("height", "10"), ("rx", "2")],
                )],
            );
            append(&li, &[&key]);
            let _ = li.append_with_str_1(lang.map_kind(k));
            append(legend, &[&li]);
        }
        let li = html_el(document, "li", "", None);
        let approx = html_el(document, "span", "ae-approx-key", Some("≈"));
        let _ = approx.set_attribute("aria-hidden", "true");
        append(&li, &[&approx]);
        let _ = li.append_with_str_1(&format!(" {}", t.approximate));
        append(legend, &[&li]);
    }
    /// The text alternative: every feature (a button to its entity), and the movements in time
    /// order, as a list and as a table.
    pub(super) fn fill_text(
        document: &Document,
        doc: &Sketch,
        lang: Lang,
        t: &FigureStrings,
        layers: &[Feature],
        details: &Element,
    ) {
        details.replace_children_with_node_0();
        append(details, &[&html_el(document, "summary", "", Some(t.map_features))]);
        let list = html_el(document, "ul", "", None);
        for f in layers {
            let li = html_el(document, "li", "", None);
            let b = button(document, lang.pick(&f.label), &[("class", "ae-link-plain")]);
            if let Some(&e) = f.entities.first() {
                let _ = b.set_attribute("data-ae-entity", &e.to_string());
            }
            append(&li, &[&b]);
            let mut rest = format!(" · {}", lang.map_kind(f.kind));
            for extra in
                [f.time.as_ref().map(|x| lang.pick(x)), f.approximate.then_some(t.approximate)].into_iter().flatten()
            {
                rest.push_str(" · ");
                rest.push_str(extra);
            }
            let _ = li.append_with_str_1(&rest);
            append(&list, &[&li]);
        }
        // A movement's place in time: the earliest event sharing one of its entities (each
        // entity's earliest event found once, each movement's key once).
        let mut earliest = vec![i32::MAX; doc.entities.len()];
        for e in &doc.events {
            for &x in &e.entities {
                if let Some(o) = earliest.get_mut(x) {
                    *o = (*o).min(e.order);
                }
            }
        }
        let time_order =
            |f: &Feature| f.entities.iter().filter_map(|&x| earliest.get(x).copied()).min().unwrap_or(i32::MAX);
        let mut by_id: Vec<&article_format::model::MapMovement> = doc.map.movements.iter().collect();
        by_id.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        let find = |id: &str| by_id.binary_search_by(|m| m.id.as_str().cmp(id)).ok().map(|k| by_id[k]);
        let mut movements: Vec<(&Feature, &article_format::model::MapMovement)> =
            layers.iter().filter_map(|f| find(&f.id).map(|m| (f, m))).collect();
        movements.sort_by_cached_key(|(f, _)| time_order(f));
        let when = |m: &article_format::model::MapMovement| {
            m.time.as_ref().map(|x| lang.pick(x).to_owned()).unwrap_or_else(|| t.not_given.to_owned())
        };
        let ol = html_el(document, "ol", "ae-movements", None);
        let table = html_el(document, "table", "", None);
        append(&table, &[&html_el(document, "caption", "", Some(t.movements_in_order))]);
        let head = html_el(document, "tr", "", None);
        for h in [t.movement, t.from, t.to, t.when, "≈"] {
            let th = html_el(document, "th", "", Some(h));
            let _ = th.set_attribute("scope", "col");
            append(&head, &[&th]);
        }
        let thead = html_el(document, "thead", "", None);
        append(&thead, &[&head]);
        let tbody = html_el(document, "tbody", "", None);
        for (f, m) in &movements {
            let (from, to) = (waypoint_text(&m.from, &doc.map, lang), waypoint_text(&m.to, &doc.map, lang));
            let mut line = format!("{}: {} {from} {} {to} · {}", lang.pick(&f.label), t.from, t.to, when(m));
            if m.approximate {
                line.push_str(" · ");
                line.push_str(t.approximate);
            }
            append(&ol, &[&html_el(document, "li", "", Some(&line))]);
            let tr = html_el(document, "tr", "", None);
            for cell in [lang.pick(&f.label), &from, &to, &when(m), if m.approximate { t.approximate } else { "" }] {
                append(&tr, &[&html_el(document, "td", "", Some(cell))]);
            }
            append(&tbody, &[&tr]);
        }
        append(&table, &[&thead, &tbody]);
        append(details, &[&html_el(document, "h3", "", Some(t.movements_in_order)), &ol, &table]);
    }
}
