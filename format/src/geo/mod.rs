//! Map geometry: the regions with base maps of their own and a region fitted to any other
//! positions (drawn on the world's base map), the projection (forward and inverse), clipping and
//! simplification. Pure; nothing here imports `yew` or `web_sys`. The map generator
//! (`cargo xtask gen-map`) clips, simplifies and writes paths ([`crate::svg`]); the map view only
//! projects (the document's features, pointer positions back to the map).
//!
//! The projection is an equirectangular one with its scale true at the map's middle latitude:
//! over 5°N to 28°N its distortion is small, it is exactly invertible, and it is cheap.

pub mod basemap;

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
    Region {
        name: "gulf",
        projection: Projection { west: 45.0, east: 61.8727, south: 21.0, north: 32.0, scale: 80.0 },
    },
    Region {
        name: "black-sea",
        projection: Projection { west: 25.0, east: 44.0832, south: 39.0, north: 49.0, scale: 88.0 },
    },
    Region {
        name: "south-china-sea",
        projection: Projection { west: 103.0, east: 133.8747, south: 1.0, north: 23.0, scale: 40.0 },
    },
];

/// The region of this name; None for a name no base map has.
pub fn region_named(name: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.name == name)
}

/// The world's base map (`assets/map/world.json`): plate carrée at 10 units per degree, with
/// 180°W 90°N at its origin. A region fitted to a document ([`fitted`]) draws it under an affine
/// transform ([`Projection::from_world`]).
pub const WORLD_SOURCE: Projection = Projection { west: -180.0, east: 180.0, south: -90.0, north: 90.0, scale: 10.0 };

/// The name of a region fitted to its document's positions, drawn on the world's base map.
pub const WORLD: &str = "world";

/// Whether a document may name this region: one of [`REGIONS`], or [`WORLD`].
pub fn is_region(name: &str) -> bool {
    name == WORLD || region_named(name).is_some()
}

/// The names a document's `map.region` may take, for a message: `caribbean, gulf, …, world`.
pub fn region_names() -> String {
    let mut out = String::new();
    for name in REGIONS.iter().map(|r| r.name).chain([WORLD]) {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(name);
    }
    out
}

/// The region to draw these positions in: the smallest of [`REGIONS`] that holds them all; when
/// none does, a region fitted to them ([`fitted`]); the first region when there are none.
pub fn region_for(points: &[LonLat]) -> Region {
    let area = |r: &Region| (r.projection.east - r.projection.west) * (r.projection.north - r.projection.south);
    let holding = REGIONS.iter().filter(|r| points.iter().all(|p| r.projection.contains(*p)));
    match holding.min_by(|a, b| area(a).total_cmp(&area(b))) {
        _ if points.is_empty() => REGIONS[0],
        Some(r) => *r,
        None => fitted(points),
    }
}

/// A region of the frame's size (1208 by 880 units) fitted to positions: their extent with a
/// margin of a fifth and at least 8° of latitude, its middle at theirs, widened to the frame's
/// shape, kept between 85°S and 85°N and between 180°W and 180°E.
pub fn fitted(points: &[LonLat]) -> Region {
    let (mut west, mut east, mut south, mut north) = (180.0f64, -180.0f64, 90.0f64, -90.0f64);
    for p in points {
        west = west.min(p.lon);
        east = east.max(p.lon);
        south = south.min(p.lat);
        north = north.max(p.lat);
    }
    if points.is_empty() {
        (west, east, south, north) = (-180.0, 180.0, -60.0, 80.0);
    }
    let (w, h) = (1208.0, 880.0);
    let mid_lat = (south + north) / 2.0;
    let cos = crate::num::cos(mid_lat.clamp(-70.0, 70.0).to_radians());
    // Degrees of latitude the frame's height spans, from the positions' height and width.
    let tall = ((north - south) * 1.4).max(8.0);
    let wide = (east - west) * 1.4;
    let span = tall.max(wide * cos * h / w).min(170.0);
    let north = (mid_lat + span / 2.0).min(85.0).max(-85.0 + span);
    let south = north - span;
    let scale = h / span;
    let half_lon = (w / (scale * cos) / 2.0).min(180.0);
    let west = ((west + east) / 2.0 - half_lon).clamp(-180.0, 180.0 - 2.0 * half_lon);
    // The scale true at the window's own middle latitude, so that its size is exact.
    let east = west + w / (scale * crate::num::cos(((south + north) / 2.0).to_radians()));
    Region { name: WORLD, projection: Projection { west, east, south, north, scale } }
}

impl Projection {
    /// The SVG transform that draws the world's base map ([`WORLD_SOURCE`] units) in this
    /// projection: both are equirectangular, so it is affine.
    pub fn from_world(&self) -> [f64; 6] {
        let (kx, k) = (self.kx(), self.scale);
        [kx / WORLD_SOURCE.scale, 0.0, 0.0, k / WORLD_SOURCE.scale, -(180.0 + self.west) * kx, (self.north - 90.0) * k]
    }

    /// A point of the world's base map in this projection.
    pub fn world_point(&self, p: Xy) -> Xy {
        let m = self.from_world();
        Xy { x: m[0] * p.x + m[4], y: m[3] * p.y + m[5] }
    }

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
        (
            |q, p| q.lon >= p.west,
            |a, b, p| {
                let t = (p.west - a.lon) / (b.lon - a.lon);
                LonLat { lon: p.west, lat: a.lat + (b.lat - a.lat) * t }
            },
        ),
        (
            |q, p| q.lon <= p.east,
            |a, b, p| {
                let t = (p.east - a.lon) / (b.lon - a.lon);
                LonLat { lon: p.east, lat: a.lat + (b.lat - a.lat) * t }
            },
        ),
        (
            |q, p| q.lat >= p.south,
            |a, b, p| {
                let t = (p.south - a.lat) / (b.lat - a.lat);
                LonLat { lon: a.lon + (b.lon - a.lon) * t, lat: p.south }
            },
        ),
        (
            |q, p| q.lat <= p.north,
            |a, b, p| {
                let t = (p.north - a.lat) / (b.lat - a.lat);
                LonLat { lon: a.lon + (b.lon - a.lon) * t, lat: p.north }
            },
        ),
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
            let d = if len == 0.0 {
                ((q.x - pa.x).powi(2) + (q.y - pa.y).powi(2)).sqrt()
            } else {
                ((q.x - pa.x) * dy - (q.y - pa.y) * dx).abs() / len
            };
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
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.0 as i64 * b.1 as i64 - b.0 as i64 * a.1 as i64
        })
        .sum()
}

/// The region a document's map is drawn in: the one it names, else the one that holds its
/// points, polygons and the positions its movements pass; [`WORLD`] (named, or when
/// no region holds them all) is a region fitted to those positions.
pub fn map_region(map: &crate::model::MapData) -> Region {
    let named = map.region.as_deref();
    if let Some(r) = named.and_then(region_named) {
        return *r;
    }
    let ll = |c: &crate::model::Coordinates| LonLat { lon: c.lon, lat: c.lat };
    let mut at: Vec<LonLat> = map.points.iter().map(|p| ll(&p.coordinates)).collect();
    for a in &map.areas {
        if let crate::model::AreaShape::Polygon(ring) = &a.shape {
            at.extend(ring.iter().map(ll));
        }
    }
    for m in &map.movements {
        for w in std::iter::once(&m.from).chain(&m.via).chain(std::iter::once(&m.to)) {
            if let crate::model::Waypoint::At(c) = w {
                at.push(ll(c));
            }
        }
    }
    if named == Some(WORLD) {
        return fitted(&at);
    }
    region_for(&at)
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
        // Positions no region holds all of: a region fitted to them, of the frame's size.
        let red_sea = [at(39.2, 21.5), at(37.2, 19.6), at(43.1, 12.6)];
        let r = region_for(&red_sea);
        assert_eq!(r.name, WORLD);
        let (w, h) = r.projection.size();
        assert!((w - 1208.0).abs() < 0.01 && (h - 880.0).abs() < 0.01, "{w} × {h}");
        for p in red_sea {
            let xy = r.projection.forward(p);
            assert!(xy.x > 60.0 && xy.x < w - 60.0 && xy.y > 60.0 && xy.y < h - 60.0, "{p:?} well inside: {xy:?}");
        }
        // The world's base map lands where the projection puts the same place.
        let jeddah = at(39.2, 21.5);
        let in_world = WORLD_SOURCE.forward(jeddah);
        let there = r.projection.world_point(in_world);
        let direct = r.projection.forward(jeddah);
        assert!((there.x - direct.x).abs() < 1e-6 && (there.y - direct.y).abs() < 1e-6, "{there:?} {direct:?}");
        // Far apart, or at the edge of the world: still the frame's size, inside the world.
        for pts in
            [vec![at(-0.1, 51.5), at(56.3, 26.6)], vec![at(179.0, -20.0), at(170.0, -40.0)], vec![at(10.0, 84.0)]]
        {
            let p = region_for(&pts).projection;
            let (w, h) = p.size();
            assert!(
                (w - 1208.0).abs() < 0.01
                    && (h - 880.0).abs() < 0.01
                    && p.west >= -180.0
                    && p.east <= 180.01
                    && p.north <= 85.0,
                "{p:?}"
            );
            assert!(pts.iter().all(|x| p.contains(*x)), "{p:?}");
        }
        // Most of them: two in the Gulf, one far away.
        assert_eq!(
            region_for(&[at(56.3, 26.6), at(55.3, 25.3), at(-0.1, 51.5)]).name,
            WORLD,
            "London is not in the Gulf"
        );
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
        assert_eq!(crate::svg::rings(&[vec![(10, 20), (15, 20), (15, 12)]]), "M10 20l5 0 0-8z");
    }
}
