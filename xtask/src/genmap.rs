//! The base map generator: Natural Earth 50m countries (npm `world-atlas` 2.0.2,
//! `countries-50m.json`, public domain) clipped to the Caribbean, projected, simplified and
//! quantised to integer SVG paths. Deterministic: the same input gives the same bytes.
//!
//!     cargo xtask gen-map PATH/TO/countries-50m.json [OUT.json]

use std::fmt::Write;
use std::path::Path;

use article_core::geo::{clip_ring, path_d, ring_area2, simplify, LonLat, Xy, CARIBBEAN};

/// Simplification tolerance, in map units (40 units per degree of latitude: about 0.7 km).
const TOLERANCE: f64 = 0.25;

pub const DEFAULT_OUT: &str = "assets/map/caribbean.json";

pub fn run(input: &Path, out: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let json = generate(&text)?;
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    std::fs::write(out, &json).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("wrote {} ({} bytes)", out.display(), json.len());
    Ok(())
}

/// The map JSON for a world-atlas countries topology.
pub fn generate(topojson_text: &str) -> Result<String, String> {
    let topo = match topojson_text.parse::<topojson::TopoJson>().map_err(|e| e.to_string())? {
        topojson::TopoJson::Topology(t) => t,
        _ => return Err("not a TopoJSON topology".into()),
    };
    let features = topojson::to_geojson(&topo, "countries").map_err(|e| e.to_string())?;
    let mut countries: Vec<(String, String, String)> = Vec::new();
    for f in features.features {
        let id = f.id.as_ref().map(|id| match id {
            geojson::feature::Id::String(s) => s.clone(),
            geojson::feature::Id::Number(n) => n.to_string(),
        });
        let name = f.properties.as_ref().and_then(|p| p.get("name")).and_then(|v| v.as_str()).unwrap_or("").to_owned();
        let Some(geometry) = f.geometry else { continue };
        let polygons: Vec<Vec<Vec<Vec<f64>>>> = match geometry.value {
            geojson::Value::Polygon(p) => vec![p],
            geojson::Value::MultiPolygon(m) => m,
            _ => continue,
        };
        let mut rings = Vec::new();
        for ring in polygons.iter().flatten() {
            let ll: Vec<LonLat> = ring.iter().map(|c| LonLat { lon: c[0], lat: c[1] }).collect();
            let clipped = clip_ring(&ll, &CARIBBEAN);
            if clipped.len() < 3 {
                continue;
            }
            let mut xy: Vec<Xy> = clipped.iter().map(|p| CARIBBEAN.forward(*p)).collect();
            xy.push(xy[0]);
            let simple = simplify(&xy, TOLERANCE);
            let mut q: Vec<(i32, i32)> = simple.iter().map(|p| (p.x.round() as i32, p.y.round() as i32)).collect();
            q.pop();
            q.dedup();
            if q.len() >= 3 && ring_area2(&q).abs() >= 2 {
                rings.push(q);
            }
        }
        if rings.is_empty() {
            continue;
        }
        countries.push((id.unwrap_or_default(), name, path_d(&rings)));
    }
    countries.sort();
    let (w, h) = CARIBBEAN.size();
    let mut out = String::new();
    let _ = write!(
        out,
        "{{\"source\":\"Natural Earth 4.1.0 countries 1:50m, via npm world-atlas 2.0.2 (countries-50m.json)\",\
         \"licence\":\"public domain\",\"generator\":\"cargo xtask gen-map\",\
         \"projection\":{{\"west\":{},\"east\":{},\"south\":{},\"north\":{},\"scale\":{}}},\
         \"width\":{},\"height\":{},\"countries\":[",
        CARIBBEAN.west, CARIBBEAN.east, CARIBBEAN.south, CARIBBEAN.north, CARIBBEAN.scale, w.round(), h.round()
    );
    for (i, (id, name, d)) in countries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "\n{{\"id\":{},\"name\":{},\"d\":\"{d}\"}}", serde_json::to_string(id).unwrap(), serde_json::to_string(name).unwrap());
    }
    out.push_str("\n]}\n");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source, where the tool cache has it (scripts/test installs it and sets AE_WORLD_ATLAS).
    fn source() -> Option<String> {
        let path = std::env::var("AE_WORLD_ATLAS").ok()?;
        Some(std::fs::read_to_string(path).expect("AE_WORLD_ATLAS names a readable file"))
    }

    #[test]
    fn output_is_deterministic_and_equals_the_committed_map() {
        let Some(text) = source() else {
            // The test command always gives the source: there, a missing one is a failure.
            assert!(std::env::var_os("AE_REQUIRE_SOURCES").is_none(), "AE_WORLD_ATLAS is not set, and the test command requires it");
            eprintln!("AE_WORLD_ATLAS is not set: run through scripts/test to check the generator");
            return;
        };
        let a = generate(&text).unwrap();
        let b = generate(&text).unwrap();
        assert_eq!(a, b, "same input, same bytes");
        let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../", "assets/map/caribbean.json")).unwrap();
        assert!(a == committed, "assets/map/caribbean.json is stale: run cargo xtask gen-map");
        for id in ["862", "780", "840", "192", "558"] {
            assert!(a.contains(&format!("\"id\":\"{id}\"")), "country {id} is on the map");
        }
    }
}
