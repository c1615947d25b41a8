//! The relationship graph's layout: deterministic (same document, same picture), no overlapping
//! labels. Entities stand in four columns by kind (people; places; organisations, forces and
//! assets; agreements and events), ordered to reduce crossings (barycentre sweeps), and each edge's
//! predicate label is placed along its curve where it overlaps no node and no other label.
//!
//! Pure: coordinates in SVG user units, drawn left to right (the view mirrors the columns for a
//! right-to-left UI by passing `rtl`).

use crate::i18n::Lang;
use crate::model::EntityKind;
use crate::num::Fixed as F;
use crate::published::Reading;

/// Font size of labels, and the width one character is given (a generous estimate for Arabic
/// and Latin at that size, so that estimated boxes contain the drawn text).
pub const FONT: f64 = 13.0;
const CHAR_W: f64 = 7.2;
const NODE_H: f64 = 28.0;
const ROW_GAP: f64 = 14.0;
const COLUMN_GAP: f64 = 170.0;
const PAD: f64 = 16.0;
/// Room beside the outer columns for arcs between entities of the same column.
const PAD_X: f64 = 120.0;
const LABEL_H: f64 = 17.0;

/// An axis-aligned box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }
    pub fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub entity: usize,
    pub rect: Rect,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// Index into the published document's relations.
    pub relation: usize,
    pub subject: usize,
    pub object: usize,
    /// SVG path data of the curve.
    pub path: String,
    pub label: String,
    pub label_rect: Rect,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

fn column_of(kind: EntityKind) -> usize {
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

/// Lays out every entity and relation of a document, labels in `lang`.
pub fn layout(doc: &Reading, lang: Lang, rtl: bool) -> Layout {
    let entities = &doc.doc.entities;
    // Columns, first in reading order of first mention, then by barycentre of neighbours.
    // Reading order of each entity's first mention (unmentioned entities last).
    let mut first_seen = vec![usize::MAX; entities.len()];
    for (i, (_, m)) in doc.all_mentions().enumerate() {
        first_seen[m.entity()] = first_seen[m.entity()].min(i);
    }
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); 4];
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by_key(|&e| (first_seen[e], e));
    for e in order {
        columns[column_of(entities[e].kind)].push(e);
    }
    let neighbours: Vec<Vec<usize>> = (0..entities.len()).map(|e| doc.neighbours(e).collect()).collect();
    for _ in 0..4 {
        let mut row = vec![0.0; entities.len()];
        for col in &columns {
            for (i, &e) in col.iter().enumerate() {
                row[e] = i as f64;
            }
        }
        for col in columns.iter_mut() {
            let key = |e: usize| {
                let n = &neighbours[e];
                if n.is_empty() { row[e] } else { n.iter().map(|&o| row[o]).sum::<f64>() / n.len() as f64 }
            };
            let mut keyed: Vec<(f64, usize, usize)> = col.iter().enumerate().map(|(i, &e)| (key(e), i, e)).collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            *col = keyed.into_iter().map(|(_, _, e)| e).collect();
        }
    }

    // Node boxes.
    let label = |e: usize| lang.pick(&entities[e].name).to_owned();
    let col_w: Vec<f64> = columns.iter().map(|c| c.iter().map(|&e| text_width(&label(e))).fold(80.0, f64::max)).collect();
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
    let height = PAD * 2.0 + rows as f64 * (NODE_H + ROW_GAP);
    let width = PAD_X * 2.0 + col_w.iter().sum::<f64>() + COLUMN_GAP * 3.0;
    let mut nodes = Vec::new();
    let mut x = PAD_X;
    let mut rect_of = vec![None; entities.len()];
    for (c, col) in columns.iter().enumerate() {
        // Centre shorter columns vertically.
        let top = PAD + (rows - col.len()) as f64 * (NODE_H + ROW_GAP) / 2.0;
        for (i, &e) in col.iter().enumerate() {
            let w = text_width(&label(e));
            let nx = x + (col_w[c] - w) / 2.0;
            let nx = if rtl { width - nx - w } else { nx };
            let rect = Rect { x: nx, y: top + i as f64 * (NODE_H + ROW_GAP), w, h: NODE_H };
            rect_of[e] = Some(rect);
            nodes.push(Node { entity: e, rect, label: label(e) });
        }
        x += col_w[c] + COLUMN_GAP;
    }

    // Edges: a cubic curve between facing sides; within a column, an arc out to the side.
    let mut placed: Vec<Rect> = nodes.iter().map(|n| n.rect).collect();
    let mut edges = Vec::new();
    for (ri, r) in doc.doc.relations.iter().enumerate() {
        let (subject, object) = (r.subject as usize, r.object as usize);
        let (Some(a), Some(b)) = (rect_of[subject], rect_of[object]) else { continue };
        let same_column = (a.cx() - b.cx()).abs() < 1.0;
        let side = if a.cx() > width / 2.0 { 1.0 } else { -1.0 };
        let (p0, p3, c1, c2) = if same_column {
            let bulge = 60.0 + (a.cy() - b.cy()).abs() * 0.15;
            let xa = if side > 0.0 { a.x + a.w } else { a.x };
            let xb = if side > 0.0 { b.x + b.w } else { b.x };
            ((xa, a.cy()), (xb, b.cy()), (xa + side * bulge, a.cy()), (xb + side * bulge, b.cy()))
        } else if a.cx() < b.cx() {
            let (s, e) = ((a.x + a.w, a.cy()), (b.x, b.cy()));
            let dx = (e.0 - s.0) / 2.0;
            (s, e, (s.0 + dx, s.1), (e.0 - dx, e.1))
        } else {
            let (s, e) = ((a.x, a.cy()), (b.x + b.w, b.cy()));
            let dx = (s.0 - e.0) / 2.0;
            (s, e, (s.0 - dx, s.1), (e.0 + dx, e.1))
        };
        let at = |t: f64| {
            let u = 1.0 - t;
            (
                u * u * u * p0.0 + 3.0 * u * u * t * c1.0 + 3.0 * u * t * t * c2.0 + t * t * t * p3.0,
                u * u * u * p0.1 + 3.0 * u * u * t * c1.1 + 3.0 * u * t * t * c2.1 + t * t * t * p3.1,
            )
        };
        let labels = r.predicate.labels();
        let text = match lang {
            Lang::Ar => labels.ar,
            Lang::En => labels.en,
        }
        .to_owned();
        let w = text_width(&text) - 8.0;
        let mut best: Option<(f64, Rect)> = None;
        // Candidates nearest the middle of the curve first.
        let ts = (0..17).map(|k| 0.5 + if k % 2 == 0 { 1.0 } else { -1.0 } * ((k + 1) / 2) as f64 * 0.025);
        'search: for t in ts {
            for dy in [0.0, -9.0, 9.0, -18.0, 18.0, -27.0, 27.0, -36.0, 36.0] {
                let (cx, cy) = at(t);
                // An arc's label sits outside its apex, clear of the column it leaves.
                let cx = if same_column { cx + side * (w / 2.0 - 6.0) } else { cx };
                let rect = Rect { x: cx - w / 2.0, y: cy - LABEL_H / 2.0 + dy, w, h: LABEL_H };
                let inside = rect.x >= 0.0 && rect.y >= 0.0 && rect.x + rect.w <= width && rect.y + rect.h <= height;
                let overlap: f64 = placed.iter().filter(|p| p.overlaps(&rect)).map(|p| overlap_area(p, &rect)).sum::<f64>()
                    + if inside { 0.0 } else { 1e6 };
                if best.is_none_or(|(o, _)| overlap < o) {
                    best = Some((overlap, rect));
                }
                if overlap == 0.0 {
                    break 'search;
                }
            }
        }
        let (_, label_rect) = best.expect("at least one candidate");
        placed.push(label_rect);
        let path = format!(
            "M{} {}C{} {} {} {} {} {}",
            F(p0.0, 1), F(p0.1, 1), F(c1.0, 1), F(c1.1, 1), F(c2.0, 1), F(c2.1, 1), F(p3.0, 1), F(p3.1, 1)
        );
        edges.push(Edge { relation: ri, subject, object, path, label: text, label_rect });
    }
    Layout { width, height, nodes, edges }
}

fn overlap_area(a: &Rect, b: &Rect) -> f64 {
    let w = (a.x + a.w).min(b.x + b.w) - a.x.max(b.x);
    let h = (a.y + a.h).min(b.y + b.h) - a.y.max(b.y);
    w.max(0.0) * h.max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Reading {
        crate::seed::reading()
    }

    #[test]
    fn same_document_same_picture() {
        let doc = seed();
        assert_eq!(layout(&doc, Lang::Ar, true), layout(&doc, Lang::Ar, true));
    }

    #[test]
    fn every_entity_and_relation_is_drawn() {
        let doc = seed();
        let l = layout(&doc, Lang::Ar, true);
        assert_eq!(l.nodes.len(), doc.doc.entities.len());
        assert_eq!(l.edges.len(), doc.doc.relations.len());
    }

    #[test]
    fn no_labels_overlap_at_default_size() {
        let doc = seed();
        for (lang, rtl) in [(Lang::Ar, true), (Lang::En, false)] {
            let l = layout(&doc, lang, rtl);
            let boxes: Vec<(String, Rect)> = l
                .nodes
                .iter()
                .map(|n| (n.label.clone(), n.rect))
                .chain(l.edges.iter().map(|e| (e.label.clone(), e.label_rect)))
                .collect();
            for (i, (a, ra)) in boxes.iter().enumerate() {
                assert!(ra.x >= 0.0 && ra.y >= 0.0 && ra.x + ra.w <= l.width && ra.y + ra.h <= l.height, "{a} outside the picture");
                for (b, rb) in &boxes[i + 1..] {
                    assert!(!ra.overlaps(rb), "{lang:?}: «{a}» overlaps «{b}»");
                }
            }
        }
    }
}
