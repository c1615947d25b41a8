//! The base map generator: Natural Earth 50m countries (npm `world-atlas` 2.0.2,
//! `countries-50m.json`, public domain) clipped to each region of `article_format::geo::REGIONS`
//! (the Caribbean, the Gulf, the Black Sea, the South China Sea), projected, simplified and
//! quantised to integer SVG paths, one file per region. Deterministic: the same input gives the
//! same bytes.
//!
//!     cargo xtask gen-map PATH/TO/countries-50m.json [OUT-DIR]

use std::path::Path;

use article_format::geo::basemap::{BaseCountry, BaseMap};
use article_format::geo::{clip_ring, ring_area2, simplify, LonLat, Region, Xy, REGIONS, WORLD, WORLD_SOURCE};

/// Simplification tolerance, in map units (every region's map is 1208 by 880 units: for the
/// Caribbean, 40 units per degree of latitude, about 0.7 km).
const TOLERANCE: f64 = 0.25;

/// The world's base map: plate carrée at 10 units per degree ([`WORLD_SOURCE`]), simplified at
/// 0.15° (about 17 km), what a fitted region of a few hundred kilometres still draws smoothly.
pub const WORLD_REGION: Region = Region { name: WORLD, projection: WORLD_SOURCE };
const WORLD_TOLERANCE: f64 = 1.5;

/// Where a country's label goes: the point of its largest piece farthest from the piece's
/// edges (searched on a grid, then on finer grids around the best point), so that a label sits
/// inside even a crescent or a long coast.
fn label_point(ring: &[(i32, i32)]) -> (i32, i32) {
    let pts: Vec<(f64, f64)> = ring.iter().map(|&(x, y)| (x as f64, y as f64)).collect();
    let inside = |x: f64, y: f64| {
        let mut c = false;
        for i in 0..pts.len() {
            let (a, b) = (pts[i], pts[(i + 1) % pts.len()]);
            if (a.1 > y) != (b.1 > y) && x < (b.0 - a.0) * (y - a.1) / (b.1 - a.1) + a.0 {
                c = !c;
            }
        }
        c
    };
    let edge_distance = |x: f64, y: f64| {
        let mut best = f64::INFINITY;
        for i in 0..pts.len() {
            let (a, b) = (pts[i], pts[(i + 1) % pts.len()]);
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len2 = dx * dx + dy * dy;
            let t = if len2 == 0.0 { 0.0 } else { (((x - a.0) * dx + (y - a.1) * dy) / len2).clamp(0.0, 1.0) };
            best = best.min(((x - a.0 - t * dx).powi(2) + (y - a.1 - t * dy).powi(2)).sqrt());
        }
        best
    };
    let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for &(x, y) in &pts {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let mut best = ((x0 + x1) / 2.0, (y0 + y1) / 2.0, -1.0);
    let (mut cx, mut cy, mut half) = (best.0, best.1, ((x1 - x0).max(y1 - y0)) / 2.0);
    for _ in 0..6 {
        let n = 16;
        for i in 0..=n {
            for j in 0..=n {
                let (x, y) =
                    (cx - half + 2.0 * half * i as f64 / n as f64, cy - half + 2.0 * half * j as f64 / n as f64);
                if inside(x, y) {
                    let d = edge_distance(x, y);
                    if d > best.2 {
                        best = (x, y, d);
                    }
                }
            }
        }
        (cx, cy, half) = (best.0, best.1, half / 4.0);
    }
    (best.0.round() as i32, best.1.round() as i32)
}

pub const DEFAULT_OUT: &str = "assets/map";

pub fn run(input: &Path, out: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(input).map_err(|e| format!("{}: {e}", input.display()))?;
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    for region in REGIONS.iter().chain([&WORLD_REGION]) {
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
    let tolerance = if region.name == WORLD { WORLD_TOLERANCE } else { TOLERANCE };
    // (id, name, path, label place, extent)
    type Country = (String, String, String, (i32, i32), [i32; 4]);
    let mut countries: Vec<Country> = Vec::new();
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
            let simple = simplify(&xy, tolerance);
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
        let largest = rings.iter().max_by_key(|r| ring_area2(r).abs()).expect("a ring");
        let label = label_point(largest);
        let mut bounds = [i32::MAX, i32::MAX, i32::MIN, i32::MIN];
        for &(x, y) in rings.iter().flatten() {
            bounds = [bounds[0].min(x), bounds[1].min(y), bounds[2].max(x), bounds[3].max(y)];
        }
        countries.push((id.unwrap_or_default(), name, article_format::svg::rings(&rings), label, bounds));
    }
    countries.sort();
    let (w, h) = p.size();
    let map = BaseMap {
        projection: *p,
        width: w.round(),
        height: h.round(),
        countries: countries
            .into_iter()
            .map(|(id, name, d, label, b)| BaseCountry {
                id,
                name,
                d,
                label: Some(Xy { x: label.0 as f64, y: label.1 as f64 }),
                bounds: Some((Xy { x: b[0] as f64, y: b[1] as f64 }, Xy { x: b[2] as f64, y: b[3] as f64 })),
            })
            .collect(),
    };
    Ok(map.to_json(&[
        ("source", "Natural Earth 4.1.0 countries 1:50m, via npm world-atlas 2.0.2 (countries-50m.json)"),
        ("licence", "public domain"),
        ("generator", "cargo xtask gen-map"),
    ]))
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
            assert!(
                std::env::var_os("AE_REQUIRE_SOURCES").is_none(),
                "AE_WORLD_ATLAS is not set, and the test command requires it"
            );
            eprintln!("AE_WORLD_ATLAS is not set: run through scripts/test to check the generator");
            return;
        };
        for region in REGIONS.iter().chain([&WORLD_REGION]) {
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
            assert!(a.contains("\"label\":["), "labels are placed");
            for id in ids {
                assert!(a.contains(&format!("\"id\":\"{id}\"")), "country {id} is on the {} map", REGIONS[region].name);
            }
        }
    }
}
