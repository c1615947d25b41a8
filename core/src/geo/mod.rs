//! Map geometry for the Caribbean: the projection (forward and inverse, one constant), clipping,
//! simplification and compact SVG path strings. Pure; nothing here imports `yew` or `web_sys`.
//! The map generator (`cargo xtask gen-map`) clips, simplifies and writes paths; the map view
//! only projects (the document's features, pointer positions back to the map).
//!
//! The projection is an equirectangular one with its scale true at the map's middle latitude:
//! over 5°N to 28°N its distortion is small, it is exactly invertible, and it is cheap.

pub mod basemap;
pub mod layers;

/// A geographic position in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

/// A position on the map, in SVG user units (x to the east, y to the south).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Xy {
    pub x: f64,
    pub y: f64,
}

/// The map's extent and scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    pub west: f64,
    pub east: f64,
    pub south: f64,
    pub north: f64,
    /// Map units per degree of latitude.
    pub scale: f64,
}

/// The Caribbean map: Florida and Cuba in the north to Venezuela, Trinidad and Tobago and the
/// Lesser Antilles in the south-east, Nicaragua in the west.
pub const CARIBBEAN: Projection = Projection { west: -90.0, east: -58.5, south: 5.5, north: 27.5, scale: 40.0 };

/// A region with a base map of its own (`assets/map/<name>.json`, made by `cargo xtask gen-map`).
/// Every region's map is 1208 by 880 units, the frame's aspect ratio. Its numbers are short
/// decimals: the base map writes them and the reader's JSON parser must read back the same.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Region {
    pub name: &'static str,
    pub projection: Projection,
}

/// The regions, the default first: a document's map is drawn in the one that holds its features
/// ([`region_for`]).
pub const REGIONS: [Region; 4] = [
    Region { name: "caribbean", projection: CARIBBEAN },
    // The Gulf, the Strait of Hormuz and the Gulf of Oman.
    Region { name: "gulf", projection: Projection { west: 45.0, east: 61.8727, south: 21.0, north: 32.0, scale: 80.0 } },
    Region { name: "black-sea", projection: Projection { west: 25.0, east: 44.0832, south: 39.0, north: 49.0, scale: 88.0 } },
    Region { name: "south-china-sea", projection: Projection { west: 103.0, east: 133.8747, south: 1.0, north: 23.0, scale: 40.0 } },
];

/// The region of this name; None for a name no base map has.
pub fn region_named(name: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.name == name)
}

/// The region to draw these positions in: the one that holds them all (the smallest, if several
/// do), else the one that holds most of them; the first region when there are none.
pub fn region_for(points: &[LonLat]) -> &'static Region {
    let area = |r: &Region| (r.projection.east - r.projection.west) * (r.projection.north - r.projection.south);
    let held = |r: &Region| points.iter().filter(|p| r.projection.contains(**p)).count();
    let mut best = &REGIONS[0];
    for r in &REGIONS[1..] {
        if held(r) > held(best) || (held(r) == held(best) && area(r) < area(best)) {
            best = r;
        }
    }
    if held(best) == 0 {
        &REGIONS[0]
    } else {
        best
    }
}

impl Projection {
    fn kx(&self) -> f64 {
        self.scale * crate::num::cos(((self.south + self.north) / 2.0).to_radians())
    }

    pub fn forward(&self, p: LonLat) -> Xy {
        Xy { x: (p.lon - self.west) * self.kx(), y: (self.north - p.lat) * self.scale }
    }

    pub fn inverse(&self, p: Xy) -> LonLat {
        LonLat { lon: self.west + p.x / self.kx(), lat: self.north - p.y / self.scale }
    }

    /// Width and height of the map in SVG units.
    pub fn size(&self) -> (f64, f64) {
        ((self.east - self.west) * self.kx(), (self.north - self.south) * self.scale)
    }

    pub fn contains(&self, p: LonLat) -> bool {
        (self.west..=self.east).contains(&p.lon) && (self.south..=self.north).contains(&p.lat)
    }
}

/// Clips a closed ring (lon/lat) to the projection's box (Sutherland–Hodgman). The result may be
/// empty; it is closed implicitly (first point not repeated).
pub fn clip_ring(ring: &[LonLat], p: &Projection) -> Vec<LonLat> {
    type Inside = fn(&LonLat, &Projection) -> bool;
    type Cross = fn(&LonLat, &LonLat, &Projection) -> LonLat;
    let edges: [(Inside, Cross); 4] = [
        (|q, p| q.lon >= p.west, |a, b, p| { let t = (p.west - a.lon) / (b.lon - a.lon); LonLat { lon: p.west, lat: a.lat + (b.lat - a.lat) * t } }),
        (|q, p| q.lon <= p.east, |a, b, p| { let t = (p.east - a.lon) / (b.lon - a.lon); LonLat { lon: p.east, lat: a.lat + (b.lat - a.lat) * t } }),
        (|q, p| q.lat >= p.south, |a, b, p| { let t = (p.south - a.lat) / (b.lat - a.lat); LonLat { lon: a.lon + (b.lon - a.lon) * t, lat: p.south } }),
        (|q, p| q.lat <= p.north, |a, b, p| { let t = (p.north - a.lat) / (b.lat - a.lat); LonLat { lon: a.lon + (b.lon - a.lon) * t, lat: p.north } }),
    ];
    let mut out: Vec<LonLat> = ring.to_vec();
    if out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    for (inside, cross) in edges {
        let input = std::mem::take(&mut out);
        let Some(mut prev) = input.last().copied() else { break };
        for cur in input {
            match (inside(&cur, p), inside(&prev, p)) {
                (true, true) => out.push(cur),
                (true, false) => {
                    out.push(cross(&prev, &cur, p));
                    out.push(cur);
                }
                (false, true) => out.push(cross(&prev, &cur, p)),
                (false, false) => {}
            }
            prev = cur;
        }
    }
    out
}

/// Douglas–Peucker simplification of an open polyline; keeps the end points.
pub fn simplify(points: &[Xy], tolerance: f64) -> Vec<Xy> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (pa, pb) = (points[a], points[b]);
        let (dx, dy) = (pb.x - pa.x, pb.y - pa.y);
        let len = (dx * dx + dy * dy).sqrt();
        let mut far = (0.0, a);
        for (i, q) in points.iter().enumerate().take(b).skip(a + 1) {
            let d = if len == 0.0 { ((q.x - pa.x).powi(2) + (q.y - pa.y).powi(2)).sqrt() } else { ((q.x - pa.x) * dy - (q.y - pa.y) * dx).abs() / len };
            if d > far.0 {
                far = (d, i);
            }
        }
        if far.0 > tolerance {
            keep[far.1] = true;
            stack.push((a, far.1));
            stack.push((far.1, b));
        }
    }
    points.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| *p).collect()
}

/// Twice the signed area of a ring (shoelace).
pub fn ring_area2(ring: &[(i32, i32)]) -> i64 {
    let n = ring.len();
    (0..n).map(|i| {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        a.0 as i64 * b.1 as i64 - b.0 as i64 * a.1 as i64
    }).sum()
}

/// A compact SVG path for integer rings: absolute move, then relative lines, closed.
pub fn path_d(rings: &[Vec<(i32, i32)>]) -> String {
    let mut d = String::new();
    for ring in rings {
        let Some(&(x0, y0)) = ring.first() else { continue };
        d.push_str(&format!("M{x0} {y0}"));
        let mut prev = (x0, y0);
        let mut first = true;
        for &(x, y) in &ring[1..] {
            let (dx, dy) = (x - prev.0, y - prev.1);
            if dx == 0 && dy == 0 {
                continue;
            }
            if first {
                d.push('l');
                first = false;
            } else if dx >= 0 {
                d.push(' ');
            }
            d.push_str(&format!("{dx}"));
            if dy >= 0 {
                d.push(' ');
            }
            d.push_str(&format!("{dy}"));
            prev = (x, y);
        }
        d.push('z');
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_is_the_frames_size_and_positions_pick_their_region() {
        for r in &REGIONS {
            let (w, h) = r.projection.size();
            assert!((w - 1208.0).abs() < 1.0 && (h - 880.0).abs() < 0.01, "{}: {w} x {h}", r.name);
        }
        let at = |lon, lat| LonLat { lon, lat };
        assert_eq!(region_for(&[at(-61.5, 10.65), at(-66.9, 10.5)]).name, "caribbean");
        assert_eq!(region_for(&[at(56.3, 26.6), at(55.3, 25.3)]).name, "gulf");
        assert_eq!(region_for(&[at(33.5, 44.6), at(30.7, 46.5)]).name, "black-sea");
        assert_eq!(region_for(&[at(114.2, 22.3), at(112.3, 16.8)]).name, "south-china-sea");
        assert_eq!(region_for(&[]).name, "caribbean", "no positions: the default");
        // Most of them: two in the Gulf, one far away.
        assert_eq!(region_for(&[at(56.3, 26.6), at(55.3, 25.3), at(-0.1, 51.5)]).name, "gulf");
        assert!(region_named("gulf").is_some() && region_named("atlantis").is_none());
    }

    #[test]
    fn forward_and_inverse_round_trip() {
        for (lon, lat) in [(-61.517, 10.652), (-66.919, 10.503), (-80.2, 25.8), (-90.0, 27.5), (-58.5, 5.5)] {
            let back = CARIBBEAN.inverse(CARIBBEAN.forward(LonLat { lon, lat }));
            assert!((back.lon - lon).abs() < 1e-9 && (back.lat - lat).abs() < 1e-9, "{lon},{lat} -> {back:?}");
        }
        let (w, h) = CARIBBEAN.size();
        let corner = CARIBBEAN.forward(LonLat { lon: CARIBBEAN.east, lat: CARIBBEAN.south });
        assert!((corner.x - w).abs() < 1e-9 && (corner.y - h).abs() < 1e-9);
    }

    #[test]
    fn trinidad_and_tobago_and_port_of_spain_are_inside() {
        for (lon, lat) in [(-61.517, 10.652), (-61.2, 10.4), (-60.7, 11.25)] {
            assert!(CARIBBEAN.contains(LonLat { lon, lat }));
        }
        // A square around Trinidad survives clipping whole.
        let sq = [(-62.0, 10.0), (-60.5, 10.0), (-60.5, 11.4), (-62.0, 11.4)].map(|(lon, lat)| LonLat { lon, lat });
        assert_eq!(clip_ring(&sq, &CARIBBEAN).len(), 4);
    }

    #[test]
    fn clipping_cuts_at_the_frame_and_drops_what_is_outside() {
        let far = [(10.0, 10.0), (11.0, 10.0), (11.0, 11.0)].map(|(lon, lat)| LonLat { lon, lat });
        assert!(clip_ring(&far, &CARIBBEAN).is_empty());
        let across = [(-95.0, 20.0), (-85.0, 20.0), (-85.0, 22.0), (-95.0, 22.0)].map(|(lon, lat)| LonLat { lon, lat });
        let clipped = clip_ring(&across, &CARIBBEAN);
        assert!(clipped.iter().all(|p| p.lon >= CARIBBEAN.west - 1e-9));
        assert!(clipped.iter().any(|p| (p.lon - CARIBBEAN.west).abs() < 1e-9));
    }

    #[test]
    fn simplification_keeps_corners_and_drops_collinear_points() {
        let pts: Vec<Xy> = [(0.0, 0.0), (1.0, 0.01), (2.0, 0.0), (2.0, 2.0)].map(|(x, y)| Xy { x, y }).to_vec();
        assert_eq!(simplify(&pts, 0.1), vec![pts[0], pts[2], pts[3]]);
    }

    #[test]
    fn paths_are_compact_and_relative() {
        assert_eq!(path_d(&[vec![(10, 20), (15, 20), (15, 12)]]), "M10 20l5 0 0-8z");
    }
}
