//! The map's layers from a document's map data: every point, area and movement projected to map
//! units, with its label anchor and extent; and the view (pan and zoom) as pure arithmetic.

use crate::geo::basemap::BaseMap;
use crate::geo::{LonLat, Projection, Xy};
use crate::handoff::Sketch;
use crate::labels::Rect;
use crate::model::{AreaShape, Bilingual, MapData, MapFeatureKind, Waypoint};
use crate::num::Fixed as F;

/// What a feature is drawn as.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Point(Xy),
    /// A polygon's SVG path.
    Area(String),
    /// A base-map country, by ISO numeric code (its outline comes from the base map).
    Country(String),
    /// A movement's polyline, from first to last point.
    Line(Vec<Xy>),
}

/// One feature of the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Feature {
    pub id: String,
    pub label: Bilingual,
    pub kind: MapFeatureKind,
    pub shape: Shape,
    /// Where its label goes.
    pub anchor: Xy,
    /// Its extent: (min, max), for "show on map".
    pub bounds: (Xy, Xy),
    /// Entity indices it belongs to.
    pub entities: Vec<usize>,
    pub approximate: bool,
    pub time: Option<Bilingual>,
}

fn bounds(points: &[Xy]) -> (Xy, Xy) {
    let mut min = Xy { x: f64::INFINITY, y: f64::INFINITY };
    let mut max = Xy { x: f64::NEG_INFINITY, y: f64::NEG_INFINITY };
    for p in points {
        min.x = min.x.min(p.x);
        min.y = min.y.min(p.y);
        max.x = max.x.max(p.x);
        max.y = max.y.max(p.y);
    }
    (min, max)
}

/// The document's map features, projected. A country the document shades takes its label place
/// and extent from the base map (`base`); before it is loaded, or when the base map does not show
/// it, the country is left out.
pub fn features(doc: &Sketch, projection: &Projection, base: Option<&BaseMap>) -> Vec<Feature> {
    let index = |id: &String| doc.entity_index(id);
    let entities = |ids: &[String]| ids.iter().filter_map(index).collect::<Vec<_>>();
    let at = |c: &crate::model::Coordinates| projection.forward(LonLat { lon: c.lon, lat: c.lat });
    let point_xy = |w: &Waypoint| match w {
        Waypoint::At(c) => Some(at(c)),
        Waypoint::Point(id) => doc.map.points.iter().find(|p| &p.id == id).map(|p| at(&p.coordinates)),
    };
    let mut out = Vec::new();
    // Countries last: the features found before the base map keep their places when it comes,
    // and the countries it brings come after them (the story's steps, made once, name features
    // by place).
    let mut countries = Vec::new();
    for a in &doc.map.areas {
        let (shape, anchor, b) = match &a.shape {
            AreaShape::Country(code) => {
                let Some((base, c)) = base.and_then(|b| Some((b, b.countries.iter().find(|c| &c.id == code)?))) else {
                    continue;
                };
                let Some(label) = c.label else { continue };
                // A country larger than the map keeps its label on the map, on the side of its
                // label place (where its land reaches the map's edge).
                let (w, h) = projection.size();
                let at = base.to_view(label, projection);
                let anchor = Xy { x: at.x.clamp(60.0, w - 60.0), y: at.y.clamp(30.0, h - 30.0) };
                let b = c
                    .bounds
                    .map_or((anchor, anchor), |(a, z)| (base.to_view(a, projection), base.to_view(z, projection)));
                (Shape::Country(code.clone()), anchor, b)
            }
            AreaShape::Polygon(ring) => {
                let pts: Vec<Xy> = ring.iter().map(at).collect();
                let d = crate::svg::polyline(&pts, true);
                let b = bounds(&pts);
                let anchor = Xy { x: (b.0.x + b.1.x) / 2.0, y: (b.0.y + b.1.y) / 2.0 };
                (Shape::Area(d), anchor, b)
            }
        };
        let feature = Feature {
            id: a.id.clone(),
            label: a.label.clone(),
            kind: a.kind,
            shape,
            anchor,
            bounds: b,
            entities: entities(&a.entities),
            approximate: a.approximate,
            time: a.time.clone(),
        };
        match feature.shape {
            Shape::Country(_) => countries.push(feature),
            _ => out.push(feature),
        }
    }
    for m in &doc.map.movements {
        let pts: Vec<Xy> =
            std::iter::once(&m.from).chain(&m.via).chain(std::iter::once(&m.to)).filter_map(point_xy).collect();
        if pts.len() < 2 {
            continue;
        }
        let mid = Xy { x: (pts[0].x + pts[pts.len() - 1].x) / 2.0, y: (pts[0].y + pts[pts.len() - 1].y) / 2.0 };
        out.push(Feature {
            id: m.id.clone(),
            label: m.label.clone(),
            kind: m.kind,
            bounds: bounds(&pts),
            shape: Shape::Line(pts),
            anchor: mid,
            entities: entities(&m.entities),
            approximate: m.approximate,
            time: m.time.clone(),
        });
    }
    for p in &doc.map.points {
        let xy = at(&p.coordinates);
        out.push(Feature {
            id: p.id.clone(),
            label: p.label.clone(),
            kind: p.kind,
            shape: Shape::Point(xy),
            anchor: xy,
            bounds: (xy, xy),
            entities: entities(&p.entities),
            approximate: p.approximate,
            time: p.time.clone(),
        });
    }
    out.extend(countries);
    out
}

/// The countries the document shades that the base map does not hold: each a problem, said
/// where the map is (never a silent drop). The reader can check a code's form only; which codes
/// exist, the base map says when it comes.
pub fn unknown_countries(map: &MapData, base: &BaseMap) -> Vec<crate::problem::Problem> {
    let mut out = Vec::new();
    for (i, a) in map.areas.iter().enumerate() {
        if let AreaShape::Country(code) = &a.shape {
            if !base.countries.iter().any(|c| &c.id == code) {
                out.push(crate::problem::Problem::new(
                    format!("map.areas[{i}].shape.country"),
                    crate::said!(crate::problem::Code::UnknownCountry, code),
                ));
            }
        }
    }
    out
}

/// The extent of some features (None: there are none): the view's fit for "show on map", a step
/// of the story, the first view.
pub fn extent<'a>(features: impl IntoIterator<Item = &'a Feature>) -> Option<(Xy, Xy)> {
    let corners: Vec<Xy> = features.into_iter().flat_map(|f| [f.bounds.0, f.bounds.1]).collect();
    (!corners.is_empty()).then(|| bounds(&corners))
}

/// The extent of an entity's features (None: it has none on the map), for "show on map".
pub fn bounds_of(features: &[Feature], entity: usize) -> Option<(Xy, Xy)> {
    extent(features.iter().filter(|f| f.entities.contains(&entity)))
}

/// A movement's end as the text alternative says it: the point's label, or "near 10.7°N 61.8°W".
pub fn waypoint_text(w: &Waypoint, map: &MapData, lang: crate::i18n::Lang) -> String {
    match w {
        Waypoint::Point(id) => {
            map.points.iter().find(|p| &p.id == id).map(|p| lang.pick(&p.label).to_owned()).unwrap_or_default()
        }
        Waypoint::At(c) => {
            let t = lang.figure_strings();
            let [n, s, e, w] = t.compass;
            format!(
                "{} {}°{} {}°{}",
                t.near,
                F(c.lat.abs(), 1),
                if c.lat >= 0.0 { n } else { s },
                F(c.lon.abs(), 1),
                if c.lon >= 0.0 { e } else { w }
            )
        }
    }
}

/// Font size of map labels at the whole-map view, in map units; labels keep their screen size
/// when zooming (the view divides by the scale).
pub const LABEL_SIZE: f64 = 17.0;

/// A label's estimated size, for text of `chars` characters.
fn label_size(chars: usize) -> (f64, f64) {
    (chars as f64 * LABEL_SIZE * 0.56 + 8.0, LABEL_SIZE * 1.35)
}

/// Label positions for the whole-map view, one per feature, none overlapping another label or a
/// point marker ([`crate::labels`]): each label takes the first free spot on rings around its
/// anchor (points first, then countries, areas and movements); one that finds none stays at its
/// anchor. Returns the offset of each label from its anchor.
pub fn place_labels(features: &[Feature], labels: &[String], size: (f64, f64)) -> Vec<Xy> {
    let mut order: Vec<usize> = (0..features.len()).collect();
    let rank = |f: &Feature| match f.shape {
        Shape::Point(_) => 0,
        Shape::Country(_) => 1,
        Shape::Area(_) => 2,
        Shape::Line(_) => 3,
    };
    order.sort_by_key(|&i| (rank(&features[i]), i));
    let mut taken = crate::labels::Taken::new(size);
    for f in features {
        if let Shape::Point(p) = f.shape {
            taken.push(Rect { x: p.x - 7.0, y: p.y - 7.0, w: 14.0, h: 14.0 });
        }
    }
    let mut offsets = vec![Xy { x: 0.0, y: 0.0 }; features.len()];
    for i in order {
        let f = &features[i];
        let (w, h) = label_size(labels[i].chars().count());
        let first = if matches!(f.shape, Shape::Point(_)) { 1 } else { 0 };
        let mut candidates = Vec::new();
        for ring in first..8 {
            let r = ring as f64 * 22.0;
            for k in 0..12 {
                let a = (k as f64) * std::f64::consts::TAU / 12.0 - std::f64::consts::FRAC_PI_2;
                candidates.push(Xy { x: r * crate::num::cos(a) * 1.6, y: r * crate::num::sin(a) });
                if ring == 0 {
                    break;
                }
            }
        }
        let mut centres = candidates.iter().map(|c| (f.anchor.x + c.x, f.anchor.y + c.y));
        let rect = crate::labels::first_free(&mut centres, (w, h), size, &taken).unwrap_or(Rect {
            x: f.anchor.x + candidates[0].x - w / 2.0,
            y: f.anchor.y + candidates[0].y - h / 2.0,
            w,
            h,
        });
        offsets[i] = Xy { x: rect.cx() - f.anchor.x, y: rect.cy() - f.anchor.y };
        taken.push(rect);
    }
    offsets
}

/// The visible part of the map: a zoom factor and the map point at the view's top-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub scale: f64,
    pub x: f64,
    pub y: f64,
}

pub const MIN_SCALE: f64 = 1.0;
pub const MAX_SCALE: f64 = 12.0;

impl View {
    pub const WHOLE: View = View { scale: 1.0, x: 0.0, y: 0.0 };

    /// Keeps the view inside a map of `size`.
    pub fn clamped(self, size: (f64, f64)) -> View {
        let scale = self.scale.clamp(MIN_SCALE, MAX_SCALE);
        let (w, h) = (size.0 / scale, size.1 / scale);
        View { scale, x: self.x.clamp(0.0, size.0 - w), y: self.y.clamp(0.0, size.1 - h) }
    }

    /// Zooms by `factor` keeping the map point `at` where it is on screen.
    pub fn zoom_at(self, factor: f64, at: Xy, size: (f64, f64)) -> View {
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let k = self.scale / scale;
        View { scale, x: at.x - (at.x - self.x) * k, y: at.y - (at.y - self.y) * k }.clamped(size)
    }

    /// Moves the view by `dx`, `dy` map units.
    pub fn pan(self, dx: f64, dy: f64, size: (f64, f64)) -> View {
        View { x: self.x + dx, y: self.y + dy, ..self }.clamped(size)
    }

    /// The view that shows `bounds` with a margin, as large as the map allows.
    pub fn fit(bounds: (Xy, Xy), size: (f64, f64), max_scale: f64) -> View {
        let margin = 60.0;
        let w = (bounds.1.x - bounds.0.x) + 2.0 * margin;
        let h = (bounds.1.y - bounds.0.y) + 2.0 * margin;
        let scale = (size.0 / w).min(size.1 / h).clamp(MIN_SCALE, max_scale);
        let cx = (bounds.0.x + bounds.1.x) / 2.0;
        let cy = (bounds.0.y + bounds.1.y) / 2.0;
        View { scale, x: cx - size.0 / scale / 2.0, y: cy - size.1 / scale / 2.0 }.clamped(size)
    }

    /// The SVG viewBox of this view.
    pub fn view_box(self, size: (f64, f64)) -> String {
        format!("{} {} {} {}", F(self.x, 2), F(self.y, 2), F(size.0 / self.scale, 2), F(size.1 / self.scale, 2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::CARIBBEAN;

    fn seed() -> Sketch {
        Sketch::of(&crate::seed::reading())
    }

    fn caribbean() -> BaseMap {
        BaseMap::from_json(include_str!("../../assets/map/caribbean.json"), &CARIBBEAN).expect("the committed base map")
    }

    #[test]
    fn a_country_the_base_map_does_not_hold_is_a_problem() {
        let mut doc = seed();
        assert_eq!(unknown_countries(&doc.map, &caribbean()), []);
        doc.map.areas[0].shape = AreaShape::Country("999".into());
        let problems = unknown_countries(&doc.map, &caribbean());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "map.areas[0].shape.country");
        assert_eq!(problems[0].message.code, crate::problem::Code::UnknownCountry);
    }

    #[test]
    fn the_seed_map_features_are_projected_inside_the_map() {
        let doc = seed();
        let f = features(&doc, &CARIBBEAN, Some(&caribbean()));
        assert_eq!(f.len(), doc.map.points.len() + doc.map.areas.len() + doc.map.movements.len());
        let (w, h) = CARIBBEAN.size();
        for feature in &f {
            assert!(
                (0.0..=w).contains(&feature.anchor.x) && (0.0..=h).contains(&feature.anchor.y),
                "{} outside",
                feature.id
            );
        }
        let pos = f.iter().find(|f| f.id == "port-of-spain").unwrap();
        assert!(matches!(pos.shape, Shape::Point(_)));
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor_and_stays_inside() {
        let size = CARIBBEAN.size();
        let at = Xy { x: 900.0, y: 700.0 };
        let v = View::WHOLE.zoom_at(2.0, at, size);
        assert_eq!(v.scale, 2.0);
        // The point `at` has the same relative screen position before and after.
        let before = ((at.x - View::WHOLE.x) * View::WHOLE.scale, (at.y - View::WHOLE.y) * View::WHOLE.scale);
        let after = ((at.x - v.x) * v.scale, (at.y - v.y) * v.scale);
        assert!((before.0 - after.0).abs() < 1e-6 && (before.1 - after.1).abs() < 1e-6);
        assert_eq!(View::WHOLE.zoom_at(0.5, at, size), View::WHOLE, "never smaller than the whole map");
        assert_eq!(View::WHOLE.pan(-100.0, 0.0, size), View::WHOLE, "never off the map");
    }

    #[test]
    fn labels_do_not_overlap_at_the_default_zoom() {
        let f = features(&seed(), &CARIBBEAN, Some(&caribbean()));
        for lang in [crate::i18n::Lang::Ar, crate::i18n::Lang::En] {
            let labels: Vec<String> = f.iter().map(|x| format!("≈ {}", lang.pick(&x.label))).collect();
            let offsets = place_labels(&f, &labels, CARIBBEAN.size());
            let boxes: Vec<Rect> = f
                .iter()
                .zip(&offsets)
                .zip(&labels)
                .map(|((x, o), l)| {
                    let (w, h) = label_size(l.chars().count());
                    Rect { x: x.anchor.x + o.x - w / 2.0, y: x.anchor.y + o.y - h / 2.0, w, h }
                })
                .collect();
            for i in 0..boxes.len() {
                for j in i + 1..boxes.len() {
                    assert!(!boxes[i].overlaps(&boxes[j]), "{lang:?}: «{}» overlaps «{}»", labels[i], labels[j]);
                }
            }
        }
    }

    #[test]
    fn an_entity_bounds_cover_its_features_and_a_waypoint_reads_as_text() {
        let reading = seed();
        let f = features(&reading, &CARIBBEAN, Some(&caribbean()));
        let destroyer = reading.entity_index("us-destroyer").unwrap();
        let b = bounds_of(&f, destroyer).expect("the destroyer is on the map");
        for x in f.iter().filter(|x| x.entities.contains(&destroyer)) {
            assert!(
                b.0.x <= x.bounds.0.x && b.0.y <= x.bounds.0.y && b.1.x >= x.bounds.1.x && b.1.y >= x.bounds.1.y,
                "{}",
                x.id
            );
        }
        assert_eq!(bounds_of(&f, reading.entity_index("vladimir-putin").unwrap()), None);
        let at = Waypoint::At(crate::model::Coordinates { lat: 10.7, lon: -61.75 });
        assert_eq!(waypoint_text(&at, &reading.map, crate::i18n::Lang::En), "near 10.7°N 61.8°W");
        assert_eq!(waypoint_text(&Waypoint::Point("caracas".into()), &reading.map, crate::i18n::Lang::En), "Caracas");
    }

    #[test]
    fn fit_shows_the_bounds() {
        let size = CARIBBEAN.size();
        let p = CARIBBEAN.forward(LonLat { lon: -61.517, lat: 10.652 });
        let v = View::fit((p, p), size, 6.0);
        assert_eq!(v.scale, 6.0);
        assert!(p.x > v.x && p.x < v.x + size.0 / v.scale && p.y > v.y && p.y < v.y + size.1 / v.scale);
    }
}
