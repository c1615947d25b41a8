//! Every SVG path the widget writes, in one place: polylines and polygons in map or layout units
//! (one decimal), cubic curves (the graph's edges), and the base maps' compact integer rings.
//! Pure; the views and the generator only call these.

use crate::num::Fixed as F;

/// A point, as the writers take it.
pub type Pt = (f64, f64);

/// `M x yL x y…`, closed with `Z` when `closed`: a polygon (a map area) or a polyline (a
/// movement), one decimal.
pub fn polyline(points: &[crate::geo::Xy], closed: bool) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        d.push_str(&format!("{}{} {}", if i == 0 { "M" } else { "L" }, F(p.x, 1), F(p.y, 1)));
    }
    if closed && !d.is_empty() {
        d.push('Z');
    }
    d
}

/// `M p0 C c1 c2 p3`: a cubic Bézier curve, one decimal.
pub fn curve([p0, c1, c2, p3]: [Pt; 4]) -> String {
    format!(
        "M{} {}C{} {} {} {} {} {}",
        F(p0.0, 1),
        F(p0.1, 1),
        F(c1.0, 1),
        F(c1.1, 1),
        F(c2.0, 1),
        F(c2.1, 1),
        F(p3.0, 1),
        F(p3.1, 1)
    )
}

/// A compact SVG path for integer rings: absolute move, then relative lines, closed.
pub fn rings(rings: &[Vec<(i32, i32)>]) -> String {
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
    fn paths_are_written_compactly() {
        let xy = |x, y| crate::geo::Xy { x, y };
        assert_eq!(polyline(&[xy(0.0, 0.0), xy(10.25, 5.0), xy(3.0, 4.04)], true), "M0 0L10.3 5L3 4Z");
        assert_eq!(polyline(&[xy(1.0, 2.0), xy(3.0, 4.0)], false), "M1 2L3 4");
        assert_eq!(polyline(&[], true), "");
        assert_eq!(curve([(0.0, 0.0), (1.0, 0.0), (2.0, 1.0), (3.0, 1.0)]), "M0 0C1 0 2 1 3 1");
        assert_eq!(rings(&[vec![(10, 10), (12, 10), (12, 7), (12, 7)]]), "M10 10l2 0 0-3z");
    }
}
