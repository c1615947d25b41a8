//! The base map generator: Natural Earth 50m countries (npm `world-atlas` 2.0.2,
//! `countries-50m.json`, public domain) clipped to each region of `article_core::geo::REGIONS`
//! (the Caribbean, the Gulf, the Black Sea, the South China Sea), projected, simplified and
//! quantised to integer SVG paths, one file per region. Deterministic: the same input gives the
//! same bytes.
//!
//!     cargo xtask gen-map PATH/TO/countries-50m.json [OUT-DIR]

use std::fmt::Write;
use std::path::Path;

use article_core::geo::{clip_ring, path_d, ring_area2, simplify, LonLat, Region, Xy, REGIONS};

/// Simplification tolerance, in map units (every region's map is 1208 by 880 units: for the
/// Caribbean, 40 units per degree of latitude, about 0.7 km).
const TOLERANCE: f64 = 0.25;

pub const DEFAULT_OUT: &str = "assets/map";

pub fn run(input: &Path, out: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(input).map_err(|e| format!("{}: {e}", input.display()))?;
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    for region in &REGIONS {
        let json = generate(&text, region)?;
        let path = out.join(format!("{}.json", region.name));
        std::fs::write(&path, &json).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("wrote {} ({} bytes)", path.display(), json.len());
    }
    Ok(())
}

/// The base map of `region` from a world-atlas countries topology.
pub fn generate(topojson_text: &str, region: &Region) -> Result<String, String> {
    let p = &region.projection;
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
            let clipped = clip_ring(&ll, p);
            if clipped.len() < 3 {
                continue;
            }
            let mut xy: Vec<Xy> = clipped.iter().map(|c| p.forward(*c)).collect();
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
    let (w, h) = p.size();
    let mut out = String::new();
    let _ = write!(
        out,
        "{{\"source\":\"Natural Earth 4.1.0 countries 1:50m, via npm world-atlas 2.0.2 (countries-50m.json)\",\
         \"licence\":\"public domain\",\"generator\":\"cargo xtask gen-map\",\
         \"projection\":{{\"west\":{},\"east\":{},\"south\":{},\"north\":{},\"scale\":{}}},\
         \"width\":{},\"height\":{},\"countries\":[",
        p.west, p.east, p.south, p.north, p.scale, w.round(), h.round()
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
        for region in &REGIONS {
            let a = generate(&text, region).unwrap();
            let b = generate(&text, region).unwrap();
            assert_eq!(a, b, "same input, same bytes");
            let path = format!("{}/../assets/map/{}.json", env!("CARGO_MANIFEST_DIR"), region.name);
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(a == committed, "assets/map/{}.json is stale: run cargo xtask gen-map", region.name);
        }
        // Countries each region must show (ISO 3166-1 numeric).
        for (region, ids) in [
            (0, &["862", "780", "840", "192", "558"][..]),
            (1, &["364", "784", "682", "512", "634", "048"][..]),
            (2, &["804", "792", "643", "642", "100", "268"][..]),
            (3, &["156", "704", "608", "458"][..]),
        ] {
            let a = generate(&text, &REGIONS[region]).unwrap();
            for id in ids {
                assert!(a.contains(&format!("\"id\":\"{id}\"")), "country {id} is on the {} map", REGIONS[region].name);
            }
        }
    }
}
