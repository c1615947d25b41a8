//! Publishing picks the region of a document's map: the one its features are in, or the one it
//! names; the reader draws it on that region's base map (`assets/map/<region>.json`).
#![cfg(not(target_arch = "wasm32"))]

use article_authoring::publish::publish_json;

use article_format::reading::Reading;

fn published(json: &str) -> Reading {
    Reading::from_json(&publish_json(json).unwrap_or_else(|p| panic!("{}", p[0]))).expect("valid")
}

const GULF: &str = include_str!("../../tools/e2e/pages/gulf.json");
const RED_SEA: &str = include_str!("../../tools/e2e/pages/red-sea.json");

#[test]
fn a_report_set_in_the_gulf_is_drawn_in_the_gulf() {
    assert_eq!(published(GULF).doc.map.region.as_deref(), Some("gulf"));
}

#[test]
fn the_seed_keeps_the_default_region_which_goes_unwritten() {
    assert_eq!(article_authoring::seed::reading().doc.map.region, None, "the Caribbean is what an absent region means");
}

#[test]
fn a_named_region_wins_and_an_unknown_one_is_refused_with_its_path() {
    let mut doc: serde_json::Value = serde_json::from_str(GULF).unwrap();
    doc["map"]["region"] = "black-sea".into();
    assert_eq!(published(&doc.to_string()).doc.map.region.as_deref(), Some("black-sea"));
    doc["map"]["region"] = "atlantis".into();
    let problems = article_authoring::model::load(&doc.to_string()).unwrap_err();
    assert!(
        problems.iter().any(|p| p.path == "map.region"
            && article_authoring::words::plain(&p.message, article_format::i18n::Lang::En).contains("gulf")),
        "{problems:?}"
    );
}

#[test]
fn every_region_has_its_base_map_in_its_projection_with_every_country_labelled_inside_it() {
    use article_format::geo::{basemap::BaseMap, Region, WORLD, WORLD_SOURCE};
    let world = Region { name: WORLD, projection: WORLD_SOURCE };
    for region in article_format::geo::REGIONS.iter().chain([&world]) {
        let path = format!("{}/../assets/map/{}.json", env!("CARGO_MANIFEST_DIR"), region.name);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let map = BaseMap::from_json(&text, &BaseMap::expected_for(region))
            .unwrap_or_else(|e| panic!("{}: {e}", region.name));
        assert!(map.countries.len() >= 4, "{}: {} countries", region.name, map.countries.len());
        for c in &map.countries {
            let (label, (a, z)) = (c.label.expect("a label"), c.bounds.expect("a box"));
            assert!(
                a.x <= label.x && label.x <= z.x && a.y <= label.y && label.y <= z.y,
                "{} {}: label {label:?} outside {a:?}–{z:?}",
                region.name,
                c.name
            );
        }
    }
}

#[test]
fn a_report_no_region_holds_is_drawn_on_the_world_map_fitted_to_its_features() {
    let reading = published(RED_SEA);
    assert_eq!(reading.doc.map.region.as_deref(), Some("world"));
    let region = article_format::geo::map_region(&reading.doc.map);
    let text = std::fs::read_to_string(format!("{}/../assets/map/world.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let base = article_format::geo::basemap::BaseMap::from_json(
        &text,
        &article_format::geo::basemap::BaseMap::expected_for(&region),
    )
    .unwrap();
    let features =
        article_format::map::features(&article_format::handoff::Sketch::of(&reading), &region.projection, Some(&base));
    let (w, h) = region.projection.size();
    // Every feature, the two countries included, inside the fitted map.
    assert_eq!(features.len(), 5);
    for f in &features {
        assert!(f.anchor.x > 0.0 && f.anchor.x < w && f.anchor.y > 0.0 && f.anchor.y < h, "{} at {:?}", f.id, f.anchor);
    }
}
