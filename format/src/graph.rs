//! The relationship graph's layout: deterministic (same document and width, same picture), no
//! overlapping labels, and never wider than the width it is given.
//!
//! Entities are grouped by kind (people; places; organisations, forces and assets; agreements and
//! events). Where the groups fit side by side they stand as columns; on a narrow screen they are
//! bands, one under the other, each wrapping its entities into rows. The groups are put in the
//! order that makes relations span the fewest groups, and the entities within each group are
//! ordered to reduce crossings (barycentre sweeps, then swaps of neighbours while they remove
//! crossings). Long names wrap onto several lines, never cut. Each edge's predicate label goes
//! along its curve where it overlaps no node and no other label; one that finds no free place is
//! left out of the picture (the table of relations lists every relation).
//!
//! A focused layout draws one entity and its neighbours only: the view for large graphs.
//!
//! Pure: coordinates in SVG user units, drawn left to right (the view mirrors the picture for a
//! right-to-left UI by passing `rtl`).

use crate::handoff::Sketch;
use crate::i18n::Lang;
use crate::model::EntityKind;

/// Font size of labels, and the width one character is given (a generous estimate for Arabic
/// and Latin at that size, so that estimated boxes contain the drawn text).
pub const FONT: f64 = 13.0;
/// Height of one line of a node's label.
pub const LINE_H: f64 = 16.0;
const CHAR_W: f64 = 7.2;
const PAD: f64 = 12.0;
/// Room beside the outer columns for arcs between entities of the same column.
const PAD_X: f64 = 50.0;
const MIN_GAP: f64 = 100.0;
const MAX_GAP: f64 = 200.0;
const MAX_NODE_W: f64 = 130.0;
const NODE_GAP: f64 = 20.0;
const ROW_GAP: f64 = 44.0;
const BAND_GAP: f64 = 60.0;
const LABEL_H: f64 = 17.0;
/// Above this many entities, the view draws an open entity's neighbourhood ([`layout`] with a
/// focus) instead of the whole graph, with a button for the whole graph.
pub const FOCUS_ABOVE: usize = 24;
/// The width the view lays out for before it has measured its box.
pub const DEFAULT_WIDTH: f64 = 1000.0;

pub use crate::labels::Rect;

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub entity: usize,
    pub rect: Rect,
    pub label: String,
    /// The label wrapped to the box, one string per line.
    pub lines: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// Index into the published document's relations.
    pub relation: usize,
    pub subject: usize,
    pub object: usize,
    /// The curve's start, control points and end.
    pub curve: [(f64, f64); 4],
    pub label: String,
    /// Where the label is drawn; None when no place along the curve was free.
    pub label_rect: Option<Rect>,
}

impl Edge {
    /// SVG path data of the curve.
    pub fn path(&self) -> String {
        crate::svg::curve(self.curve)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// The groups side by side.
    Columns,
    /// The groups one under the other (a narrow screen).
    Bands,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub shape: Shape,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

fn group_of(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Country | EntityKind::City | EntityKind::Region => 1,
        EntityKind::Organisation | EntityKind::MilitaryUnit | EntityKind::MilitaryAsset => 2,
        EntityKind::Agreement | EntityKind::Event => 3,
    }
}

/// Estimated width of a label's box.
pub fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * CHAR_W + 16.0
}

/// `text` in lines of at most `max` wide (estimated), broken at spaces; a word longer than that
/// has a line of its own.
pub fn wrap(text: &str, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        match lines.last_mut() {
            Some(line) if text_width(&format!("{line} {word}")) <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Lays out the document's entities and relations in at most `width` units, labels in `lang`.
/// With `focus`, only that entity, its neighbours and its own relations.
pub fn layout(doc: &Sketch, lang: Lang, rtl: bool, width: f64, focus: Option<usize>) -> Layout {
    let entities = &doc.entities;
    let shown: Vec<bool> = match focus {
        Some(f) => {
            let mut v = vec![false; entities.len()];
            v[f] = true;
            for n in doc.neighbours(f) {
                v[n] = true;
            }
            v
        }
        None => vec![true; entities.len()],
    };
    let relations: Vec<(usize, usize, usize)> = doc
        .relations
        .iter()
        .enumerate()
        .map(|(i, r)| (i, r.subject, r.object))
        .filter(|&(_, s, o)| shown[s] && shown[o] && focus.is_none_or(|f| s == f || o == f))
        .collect();
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); entities.len()];
    for &(_, s, o) in &relations {
        neighbours[s].push(o);
        neighbours[o].push(s);
    }

    // Groups, first in reading order of first mention (unmentioned entities last).
    let mut first_seen = vec![usize::MAX; entities.len()];
    for (i, &e) in doc.first_mentions.iter().enumerate() {
        first_seen[e] = first_seen[e].min(i);
    }
    let mut by_kind: Vec<Vec<usize>> = vec![Vec::new(); 4];
    let mut order: Vec<usize> = (0..entities.len()).filter(|&e| shown[e]).collect();
    order.sort_by_key(|&e| (first_seen[e], e));
    for e in order {
        by_kind[group_of(entities[e].kind)].push(e);
    }
    let kinds: Vec<usize> = (0..4).filter(|&k| !by_kind[k].is_empty()).collect();

    // Labels and box sizes. Columns when the groups fit side by side, else bands.
    let label = |e: usize| lang.pick(&entities[e].name).to_owned();
    let boxes = |max_w: f64| {
        let mut size = vec![(0.0, 0.0); entities.len()];
        let mut lines = vec![Vec::new(); entities.len()];
        for &e in by_kind.iter().flatten() {
            lines[e] = wrap(&label(e), max_w);
            size[e] =
                (lines[e].iter().map(|l| text_width(l)).fold(0.0, f64::max), 12.0 + LINE_H * lines[e].len() as f64);
        }
        (size, lines)
    };
    let (mut size, mut lines) = boxes(MAX_NODE_W);
    let cols: f64 = kinds.iter().map(|&k| by_kind[k].iter().map(|&e| size[e].0).fold(0.0, f64::max)).sum();
    let shape = if 2.0 * PAD_X + cols + MIN_GAP * (kinds.len().saturating_sub(1)) as f64 <= width {
        Shape::Columns
    } else {
        Shape::Bands
    };
    if shape == Shape::Bands && width - 2.0 * PAD < MAX_NODE_W {
        (size, lines) = boxes(width - 2.0 * PAD);
    }

    // The order of the groups, and of the entities in each, with the fewest crossings: for each
    // order of the groups, barycentre sweeps; then swaps of neighbours in the best one.
    let mut best: Option<(usize, Vec<Vec<usize>>)> = None;
    for perm in permutations(&kinds) {
        let mut groups: Vec<Vec<usize>> = perm.iter().map(|&k| by_kind[k].clone()).collect();
        for _ in 0..4 {
            let (rect_of, _, _) = place(&groups, &size, shape, width);
            let at = |e: usize| {
                rect_of[e].map_or(0.0, |r| match shape {
                    Shape::Columns => r.cy(),
                    Shape::Bands => r.cx(),
                })
            };
            for g in groups.iter_mut() {
                let key = |e: usize| {
                    let n = &neighbours[e];
                    if n.is_empty() {
                        at(e)
                    } else {
                        n.iter().map(|&o| at(o)).sum::<f64>() / n.len() as f64
                    }
                };
                let mut keyed: Vec<(f64, usize, usize)> = g.iter().enumerate().map(|(i, &e)| (key(e), i, e)).collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                *g = keyed.into_iter().map(|(_, _, e)| e).collect();
            }
        }
        let rect_of = place(&groups, &size, shape, width).0;
        let count = count_crossings(&rect_of, &relations, shape, width, None);
        if best.as_ref().is_none_or(|(b, _)| count < *b) {
            best = Some((count, groups));
        }
    }
    let mut groups = best.map(|(_, g)| g).unwrap_or_default();
    for _ in 0..3 {
        let mut improved = false;
        for gi in 0..groups.len() {
            for i in 0..groups[gi].len().saturating_sub(1) {
                let (u, v) = (groups[gi][i], groups[gi][i + 1]);
                let before =
                    count_crossings(&place(&groups, &size, shape, width).0, &relations, shape, width, Some((u, v)));
                groups[gi].swap(i, i + 1);
                let after =
                    count_crossings(&place(&groups, &size, shape, width).0, &relations, shape, width, Some((u, v)));
                if after < before {
                    improved = true;
                } else {
                    groups[gi].swap(i, i + 1);
                }
            }
        }
        if !improved {
            break;
        }
    }

    let (mut rect_of, width, height) = place(&groups, &size, shape, width);
    if rtl {
        for r in rect_of.iter_mut().flatten() {
            r.x = width - r.x - r.w;
        }
    }
    let mut nodes = Vec::new();
    for &e in groups.iter().flatten() {
        if let Some(rect) = rect_of[e] {
            nodes.push(Node { entity: e, rect, label: label(e), lines: std::mem::take(&mut lines[e]) });
        }
    }

    let mut placed: Vec<Rect> = nodes.iter().map(|n| n.rect).collect();
    let mut edges = Vec::new();
    for &(ri, subject, object) in &relations {
        let (Some(a), Some(b)) = (rect_of[subject], rect_of[object]) else { continue };
        let curve = curve(a, b, shape, width);
        let text = doc.predicates[doc.relations[ri].predicate].label(lang, true).to_owned();
        let label_rect = place_label(&curve, text_width(&text) - 8.0, width, height, &placed);
        if let Some(r) = label_rect {
            placed.push(r);
        }
        edges.push(Edge { relation: ri, subject, object, curve, label: text, label_rect });
    }
    Layout { width, height, shape, nodes, edges }
}

/// Every ordering of `items` (at most four groups: 24 orderings), the given one first.
fn permutations(items: &[usize]) -> Vec<Vec<usize>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    let mut out = Vec::new();
    for i in 0..items.len() {
        let mut rest = items.to_vec();
        let first = rest.remove(i);
        for mut p in permutations(&rest) {
            p.insert(0, first);
            out.push(p);
        }
    }
    out
}

/// Node boxes for groups in this order and shape, and the picture's width and height.
fn place(groups: &[Vec<usize>], size: &[(f64, f64)], shape: Shape, width: f64) -> (Vec<Option<Rect>>, f64, f64) {
    let mut rect_of = vec![None; size.len()];
    match shape {
        Shape::Columns => {
            let col_w: Vec<f64> = groups.iter().map(|g| g.iter().map(|&e| size[e].0).fold(0.0, f64::max)).collect();
            let col_h: Vec<f64> =
                groups.iter().map(|g| g.iter().map(|&e| size[e].1 + NODE_GAP).sum::<f64>() - NODE_GAP).collect();
            let height = 2.0 * PAD + col_h.iter().copied().fold(0.0, f64::max);
            let k = groups.len().max(1) as f64;
            let gap = if k > 1.0 {
                ((width - 2.0 * PAD_X - col_w.iter().sum::<f64>()) / (k - 1.0)).clamp(MIN_GAP, MAX_GAP)
            } else {
                0.0
            };
            let used = 2.0 * PAD_X + col_w.iter().sum::<f64>() + gap * (k - 1.0);
            let mut x = PAD_X;
            for (c, g) in groups.iter().enumerate() {
                // Shorter columns are centred vertically.
                let mut y = PAD + (height - 2.0 * PAD - col_h[c]) / 2.0;
                for &e in g {
                    let (w, h) = size[e];
                    rect_of[e] = Some(Rect { x: x + (col_w[c] - w) / 2.0, y, w, h });
                    y += h + NODE_GAP;
                }
                x += col_w[c] + gap;
            }
            (rect_of, used, height)
        }
        Shape::Bands => {
            let inner = width - 2.0 * PAD;
            let mut y = PAD;
            for (gi, g) in groups.iter().enumerate() {
                if gi > 0 {
                    y += BAND_GAP - ROW_GAP;
                }
                let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
                let mut row_w = 0.0;
                for &e in g {
                    let w = size[e].0;
                    let row = rows.last_mut().expect("a row");
                    if !row.is_empty() && row_w + NODE_GAP + w > inner {
                        rows.push(vec![e]);
                        row_w = w;
                    } else {
                        row_w += if row.is_empty() { w } else { NODE_GAP + w };
                        row.push(e);
                    }
                }
                for row in rows {
                    let total: f64 =
                        row.iter().map(|&e| size[e].0).sum::<f64>() + NODE_GAP * (row.len().saturating_sub(1)) as f64;
                    let h = row.iter().map(|&e| size[e].1).fold(0.0, f64::max);
                    let mut x = PAD + (inner - total) / 2.0;
                    for e in row {
                        let (w, eh) = size[e];
                        rect_of[e] = Some(Rect { x, y: y + (h - eh) / 2.0, w, h: eh });
                        x += w + NODE_GAP;
                    }
                    y += h + ROW_GAP;
                }
            }
            (rect_of, width, y - ROW_GAP + PAD)
        }
    }
}

/// Crossings between the edges' control polygons (three segments each, close to the drawn
/// curves): between every pair, or, with `only`, between the relations of either entity and all
/// the others.
fn count_crossings(
    rect_of: &[Option<Rect>],
    relations: &[(usize, usize, usize)],
    shape: Shape,
    width: f64,
    only: Option<(usize, usize)>,
) -> usize {
    let polys: Vec<Option<[(f64, f64); 4]>> =
        relations.iter().map(|&(_, s, o)| Some(curve(rect_of[s]?, rect_of[o]?, shape, width))).collect();
    let mut count = 0;
    for (i, &(_, s1, o1)) in relations.iter().enumerate() {
        if only.is_some_and(|(u, v)| s1 != u && o1 != u && s1 != v && o1 != v) {
            continue;
        }
        for (j, &(_, s2, o2)) in relations.iter().enumerate() {
            if (only.is_none() && j <= i) || s1 == s2 || s1 == o2 || o1 == s2 || o1 == o2 {
                continue;
            }
            if let (Some(a), Some(b)) = (polys[i], polys[j]) {
                for x in a.windows(2) {
                    for y in b.windows(2) {
                        count += usize::from(segments_cross(x[0], x[1], y[0], y[1]));
                    }
                }
            }
        }
    }
    count
}

fn segments_cross(p: (f64, f64), q: (f64, f64), r: (f64, f64), s: (f64, f64)) -> bool {
    let orient = |a: (f64, f64), b: (f64, f64), c: (f64, f64)| (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0);
    let (d1, d2, d3, d4) = (orient(r, s, p), orient(r, s, q), orient(p, q, r), orient(p, q, s));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// The cubic curve of an edge between two boxes: between facing sides across columns or rows;
/// within a column, an arc out to the side; within a row, an arc above.
fn curve(a: Rect, b: Rect, shape: Shape, width: f64) -> [(f64, f64); 4] {
    match shape {
        Shape::Columns if (a.cx() - b.cx()).abs() < 1.0 || (a.x < b.x + b.w && b.x < a.x + a.w) => {
            let side = if a.cx() > width / 2.0 { 1.0 } else { -1.0 };
            let bulge = (40.0 + (a.cy() - b.cy()).abs() * 0.12).min(PAD_X + 30.0);
            let xa = if side > 0.0 { a.x + a.w } else { a.x };
            let xb = if side > 0.0 { b.x + b.w } else { b.x };
            [(xa, a.cy()), (xa + side * bulge, a.cy()), (xb + side * bulge, b.cy()), (xb, b.cy())]
        }
        Shape::Columns => {
            let (s, e) = if a.cx() < b.cx() {
                ((a.x + a.w, a.cy()), (b.x, b.cy()))
            } else {
                ((a.x, a.cy()), (b.x + b.w, b.cy()))
            };
            let dx = (e.0 - s.0) / 2.0;
            [s, (s.0 + dx, s.1), (e.0 - dx, e.1), e]
        }
        Shape::Bands if (a.cy() - b.cy()).abs() < 1.0 => {
            let lift = 24.0 + (a.cx() - b.cx()).abs() * 0.1;
            [(a.cx(), a.y), (a.cx(), a.y - lift), (b.cx(), b.y - lift), (b.cx(), b.y)]
        }
        Shape::Bands => {
            let (s, e) = if a.cy() < b.cy() {
                ((a.cx(), a.y + a.h), (b.cx(), b.y))
            } else {
                ((a.cx(), a.y), (b.cx(), b.y + b.h))
            };
            let dy = (e.1 - s.1) / 2.0;
            [s, (s.0, s.1 + dy), (e.0, e.1 - dy), e]
        }
    }
}

/// A free place for a label of width `w` along the curve, nearest its middle first; None when
/// every candidate overlaps something or leaves the picture.
fn place_label(c: &[(f64, f64); 4], w: f64, width: f64, height: f64, placed: &[Rect]) -> Option<Rect> {
    let at = |t: f64| {
        let u = 1.0 - t;
        let (a, b, d, e) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
        (a * c[0].0 + b * c[1].0 + d * c[2].0 + e * c[3].0, a * c[0].1 + b * c[1].1 + d * c[2].1 + e * c[3].1)
    };
    let ts = (0..17).map(|k| 0.5 + if k % 2 == 0 { 1.0 } else { -1.0 } * ((k + 1) / 2) as f64 * 0.025);
    let mut centres = ts.flat_map(|t| {
        let (x, y) = at(t);
        [0.0, -9.0, 9.0, -18.0, 18.0, -27.0, 27.0].map(move |dy| (x, y + dy))
    });
    crate::labels::first_free(&mut centres, (w, LABEL_H), (width, height), placed)
}

/// How many times the drawn edges cross: each curve as a polyline of 16 segments, every pair of
/// edges that share no entity, every proper intersection counted.
pub fn crossings(layout: &Layout) -> usize {
    let polyline = |c: &[(f64, f64); 4]| -> Vec<(f64, f64)> {
        (0..=16)
            .map(|k| {
                let t = k as f64 / 16.0;
                let u = 1.0 - t;
                let (a, b, d, e) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
                (a * c[0].0 + b * c[1].0 + d * c[2].0 + e * c[3].0, a * c[0].1 + b * c[1].1 + d * c[2].1 + e * c[3].1)
            })
            .collect()
    };
    let lines: Vec<Vec<(f64, f64)>> = layout.edges.iter().map(|e| polyline(&e.curve)).collect();
    let mut count = 0;
    for (i, a) in layout.edges.iter().enumerate() {
        for (j, b) in layout.edges.iter().enumerate().skip(i + 1) {
            if a.subject == b.subject || a.subject == b.object || a.object == b.subject || a.object == b.object {
                continue;
            }
            for x in lines[i].windows(2) {
                for y in lines[j].windows(2) {
                    if segments_cross(x[0], x[1], y[0], y[1]) {
                        count += 1;
                    }
                }
            }
        }
    }
    count
}

/// What is wrong with a layout drawn in a box `width` wide: a box outside the picture or the
/// picture wider than the box, overlapping boxes (nodes and labels), a label line wider than its
/// node, or a label whose lines do not give back the whole name. Empty when it fits.
pub fn misfits(l: &Layout, width: f64) -> Vec<String> {
    let mut out = Vec::new();
    if l.width > width + 0.5 {
        out.push(format!("the picture is {:.0} wide in a box of {width:.0}", l.width));
    }
    let mut boxes: Vec<(&str, Rect)> = l.nodes.iter().map(|n| (n.label.as_str(), n.rect)).collect();
    boxes.extend(l.edges.iter().filter_map(|e| Some((e.label.as_str(), e.label_rect?))));
    for (i, (a, ra)) in boxes.iter().enumerate() {
        if ra.x < -0.01 || ra.y < -0.01 || ra.x + ra.w > l.width + 0.01 || ra.y + ra.h > l.height + 0.01 {
            out.push(format!("«{a}» is outside the picture"));
        }
        for (b, rb) in &boxes[i + 1..] {
            if ra.overlaps(rb) {
                out.push(format!("«{a}» overlaps «{b}»"));
            }
        }
    }
    for n in &l.nodes {
        if n.lines.join(" ") != n.label.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ") {
            out.push(format!("«{}» is cut: {:?}", n.label, n.lines));
        }
        if n.lines.iter().any(|line| text_width(line) > n.rect.w + 0.01)
            || n.rect.h + 0.01 < 12.0 + LINE_H * n.lines.len() as f64
        {
            out.push(format!("«{}» does not fit its box", n.label));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Sketch {
        Sketch::of(&crate::seed::reading())
    }

    /// The reader's width on a desktop, a tablet and a phone (360 px less the page's margins).
    const WIDTHS: [f64; 3] = [DEFAULT_WIDTH, 700.0, 328.0];

    #[test]
    fn the_seed_fits_every_width_in_both_languages() {
        let doc = seed();
        for width in WIDTHS {
            for (lang, rtl) in [(Lang::Ar, true), (Lang::En, false)] {
                let l = layout(&doc, lang, rtl, width, None);
                assert_eq!(misfits(&l, width), Vec::<String>::new(), "{lang:?} at {width}");
                assert_eq!(l.nodes.len(), doc.entities.len());
                assert_eq!(l.edges.len(), doc.relations.len());
            }
        }
    }

    #[test]
    fn wide_boxes_get_columns_and_narrow_ones_bands() {
        let doc = seed();
        assert_eq!(layout(&doc, Lang::Ar, true, 1400.0, None).shape, Shape::Columns);
        assert_eq!(layout(&doc, Lang::Ar, true, 328.0, None).shape, Shape::Bands);
    }

    #[test]
    fn most_predicate_labels_find_a_place_on_a_desktop() {
        let doc = seed();
        let l = layout(&doc, Lang::En, false, DEFAULT_WIDTH, None);
        let placed = l.edges.iter().filter(|e| e.label_rect.is_some()).count();
        assert!(placed * 10 >= l.edges.len() * 8, "{placed} of {} labels placed", l.edges.len());
    }

    #[test]
    fn a_focused_layout_draws_the_entity_its_neighbours_and_its_relations() {
        let doc = seed();
        let venezuela = doc.entity_index("venezuela").expect("the seed names Venezuela");
        let l = layout(&doc, Lang::Ar, true, 328.0, Some(venezuela));
        let mut drawn: Vec<usize> = l.nodes.iter().map(|n| n.entity).collect();
        drawn.sort();
        let mut expected: Vec<usize> = doc.neighbours(venezuela).chain([venezuela]).collect();
        expected.sort();
        expected.dedup();
        assert_eq!(drawn, expected);
        assert!(l.edges.iter().all(|e| e.subject == venezuela || e.object == venezuela));
        assert_eq!(l.edges.len(), doc.relations_of(venezuela).count());
        assert_eq!(misfits(&l, 328.0), Vec::<String>::new());
    }

    #[test]
    fn long_names_wrap_at_spaces_and_are_never_cut() {
        assert_eq!(wrap("وزارة الدفاع الفنزويلية", 100.0), ["وزارة", "الدفاع", "الفنزويلية"]);
        assert_eq!(wrap("Ministry of Foreign Affairs", 150.0), ["Ministry of", "Foreign Affairs"]);
        assert_eq!(wrap("Supercalifragilistic", 60.0), ["Supercalifragilistic"]);
        assert_eq!(wrap("كوبا", 150.0), ["كوبا"]);
    }

    #[test]
    fn the_crossing_count_sees_an_x_and_not_a_shared_end() {
        let edge = |s, o, a: (f64, f64), b: (f64, f64)| Edge {
            relation: 0,
            subject: s,
            object: o,
            curve: [a, a, b, b],
            label: String::new(),
            label_rect: None,
        };
        let x = Layout {
            width: 10.0,
            height: 10.0,
            shape: Shape::Columns,
            nodes: vec![],
            edges: vec![edge(0, 1, (0.0, 0.0), (10.0, 10.0)), edge(2, 3, (0.0, 9.0), (10.0, 2.0))],
        };
        assert_eq!(crossings(&x), 1);
        let shared = Layout {
            edges: vec![edge(0, 1, (0.0, 0.0), (10.0, 10.0)), edge(1, 3, (0.0, 9.0), (10.0, 2.0))],
            ..x.clone()
        };
        assert_eq!(crossings(&shared), 0);
    }
}
