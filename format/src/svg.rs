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

/// `M p0 C c1 c2 p1 C …`: cubic Bézier pieces end to end (the start, then each piece's two
/// control points and end), one decimal.
pub fn curves(points: &[Pt]) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        let lead = match i {
            0 => "M",
            i if i % 3 == 1 => "C",
            _ => " ",
        };
        d.push_str(&format!("{lead}{} {}", F(p.0, 1), F(p.1, 1)));
    }
    d
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

/// A base map's outline without the lines that cross the whole map where it crosses the
/// antimeridian (Russia, Fiji): a relative step wider than `half` (half the world's width, in
/// the map's units) becomes a move. For the world's map drawn whole (the studio's).
pub fn without_wraps(d: &str, half: f64) -> String {
    // (command, its numbers), in order.
    let mut parts: Vec<(char, Vec<f64>)> = Vec::new();
    let mut token = String::new();
    for c in d.chars().chain(std::iter::once(' ')) {
        let ends = c.is_ascii_alphabetic() || c == ' ' || c == ',' || (c == '-' && !token.is_empty());
        if ends && !token.is_empty() {
            if let Some((_, numbers)) = parts.last_mut() {
                numbers.push(token.parse().unwrap_or(0.0));
            }
            token.clear();
        }
        if c.is_ascii_alphabetic() {
            parts.push((c, Vec::new()));
        } else if c == '-' || c == '.' || c.is_ascii_digit() {
            token.push(c);
        }
    }
    let pair = |p: &[f64]| format!("{} {}", p[0], p.get(1).copied().unwrap_or(0.0));
    let mut out = String::with_capacity(d.len());
    for (command, numbers) in parts {
        if command != 'l' {
            out.push(command);
            out.push_str(&numbers.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(" "));
            continue;
        }
        let mut current = ' ';
        for p in numbers.chunks(2) {
            let wanted = if p[0].abs() > half { 'm' } else { 'l' };
            if wanted != current || wanted == 'm' {
                out.push(wanted);
            } else {
                out.push(' ');
            }
            out.push_str(&pair(p));
            current = wanted;
        }
    }
    out
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
        assert_eq!(curves(&[(0.0, 0.0), (1.0, 0.0), (2.0, 1.0), (3.0, 1.0)]), "M0 0C1 0 2 1 3 1");
        assert_eq!(
            curves(&[(0.0, 0.0), (1.0, 0.0), (2.0, 1.0), (3.0, 1.0), (4.0, 1.0), (5.0, 2.0), (6.0, 2.0)]),
            "M0 0C1 0 2 1 3 1C4 1 5 2 6 2"
        );
        assert_eq!(rings(&[vec![(10, 10), (12, 10), (12, 7), (12, 7)]]), "M10 10l2 0 0-3z");
    }

    #[test]
    fn outlines_that_cross_the_antimeridian_are_not_drawn_across_the_map() {
        assert_eq!(without_wraps("M2003 472l5-5 10 6-2 5z", 1800.0), "M2003 472l5 -5 10 6 -2 5z");
        // A step of 3590 units (from +179.5° to -179.5°) is a move, then the drawing goes on.
        assert_eq!(without_wraps("M3595 100l-3590 2 5 5z", 1800.0), "M3595 100m-3590 2l5 5z");
    }
}
