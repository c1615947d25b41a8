//! The relationship graph's layout: deterministic (same document and width, same picture), no
//! overlapping labels, never wider than the width it is given, and bounded in time whatever the
//! document's size.
//!
//! Entities are grouped by kind (people; places; organisations, forces and assets; agreements and
//! events). Where the groups fit side by side they stand as columns; on a narrow screen they are
//! bands, one under the other, each wrapping its entities into rows. The groups are put in the
//! order that makes relations cross the least, and the entities within each group are ordered to
//! reduce crossings (barycentre sweeps, then swaps of neighbours while they remove crossings).
//! Long names wrap onto several lines, never cut.
//!
//! An edge never passes through another entity's box. As a layered layout does with dummy nodes,
//! an edge between columns that are not neighbours passes through each column between them at a
//! place kept free for it (a *pass*, ordered with the entities to cut crossings), and runs between
//! columns only in the gaps; between entities of one column it arcs out into the gap beside it.
//! In bands an edge runs along the channels between rows and crosses a row only through a gap
//! between its boxes; between entities of one row it arcs above the row.
//!
//! Each edge's predicate label goes on its own curve where it overlaps no node and keeps clear of
//! every other label, so that labels never stand in a stack; one that finds no such place is left
//! out of the picture (the table of relations lists every relation).
//!
//! What is drawn is bounded ([`select`]): at most [`MOST_ENTITIES`] entities and
//! [`MOST_RELATIONS`] relations. A larger graph is drawn as an overview of its most related
//! entities; an entity with more neighbours than that is drawn with its most related ones. So the
//! layout's work has a ceiling, however large the document, and the picture stays legible.
//!
//! Pure: coordinates in SVG user units, drawn left to right (the view mirrors the picture for a
//! right-to-left UI by passing `rtl`).

use crate::handoff::Sketch;
use crate::i18n::Lang;
use crate::model::EntityKind;
use crate::svg::Pt;

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
/// Room between an edge passing through a column and the boxes above and below it, and between
/// two such edges.
const PASS_CLEAR: f64 = 10.0;
const PASS_GAP: f64 = 6.0;
/// Room kept between an edge crossing a row through a gap and the boxes beside it.
const LANE_CLEAR: f64 = 3.0;
/// Clear space around a predicate's label that no other label enters: labels never touch or
/// stand in a stack, each reads as its own edge's.
const LABEL_CLEAR: (f64, f64) = (8.0, 8.0);
/// Room above the first row of bands for arcs between entities of that row.
const ARC_ROOM: f64 = 34.0;
/// Above this many entities, the view draws an open entity's neighbourhood ([`layout`] with a
/// focus) instead of the whole graph, with a button for the whole graph.
pub const FOCUS_ABOVE: usize = 24;
/// The most entities and relations one picture draws (see [`select`]).
pub const MOST_ENTITIES: usize = 80;
pub const MOST_RELATIONS: usize = 200;
/// Barycentre sweeps tried for each order of the groups.
const SWEEPS: usize = 6;
/// The most work the search for an order with fewer crossings may do ([`Board::work`]): about
/// 30 ms natively at the format's limits, a few times that in a browser. The seed needs less.
const WORK: usize = 2_000_000;
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
    /// The edge's curve, cubic pieces end to end: its start, then each piece's two control
    /// points and end.
    pub curve: Vec<Pt>,
    pub label: String,
    /// Where the label is drawn; None when no place along the curve was free.
    pub label_rect: Option<Rect>,
}

impl Edge {
    /// SVG path data of the curve.
    pub fn path(&self) -> String {
        crate::svg::curves(&self.curve)
    }

    /// The cubic pieces of the curve.
    pub fn pieces(&self) -> impl Iterator<Item = [Pt; 4]> + '_ {
        self.curve.windows(4).step_by(3).map(|w| [w[0], w[1], w[2], w[3]])
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
    /// What the picture leaves out of its view ([`Selection::left_out`]).
    pub left_out: (usize, usize),
}

/// What one picture draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    /// Whether each entity is drawn.
    pub shown: Vec<bool>,
    /// The relations drawn, in the document's order.
    pub relations: Vec<usize>,
    /// How many entities and relations of the view it leaves out: of the whole graph, or of the
    /// open entity's own neighbours and relations.
    pub left_out: (usize, usize),
}

/// What a picture draws, bounded by [`MOST_ENTITIES`] and [`MOST_RELATIONS`]. Without a focus,
/// the whole graph when it is within both; else an overview, a connected part grown from the
/// most related entity. With a focus, that entity, its neighbours (the most related first, as
/// many as fit) and its own relations with them. Linear in the document's relations and
/// entities (times the bound), but for sorting.
pub fn select(doc: &Sketch, focus: Option<usize>) -> Selection {
    let n = doc.entities.len();
    let mut touching: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, r) in doc.relations.iter().enumerate() {
        touching[r.subject].push(i);
        if r.object != r.subject {
            touching[r.object].push(i);
        }
    }
    let mut first_seen = vec![usize::MAX; n];
    for (i, &e) in doc.first_mentions.iter().enumerate() {
        first_seen[e] = first_seen[e].min(i);
    }
    let rank = |e: &usize| (std::cmp::Reverse(touching[*e].len()), first_seen[*e], *e);
    let other = |r: usize, e: usize| {
        let r = &doc.relations[r];
        if r.subject == e {
            r.object
        } else {
            r.subject
        }
    };
    let mut shown = vec![false; n];
    let total = doc.relations.len();
    let (relations, left_out) = match focus.filter(|&f| f < n) {
        Some(f) => {
            let mut near: Vec<usize> = touching[f].iter().map(|&r| other(r, f)).filter(|&e| e != f).collect();
            near.sort_by_key(rank);
            near.dedup();
            let all = near.len();
            near.truncate(MOST_ENTITIES - 1);
            shown[f] = true;
            for &e in &near {
                shown[e] = true;
            }
            let mine: Vec<usize> =
                touching[f].iter().copied().filter(|&r| shown[other(r, f)]).take(MOST_RELATIONS).collect();
            let mut sorted = mine;
            sorted.sort_unstable();
            let left = (all - near.len(), touching[f].len() - sorted.len());
            (sorted, left)
        }
        None if n <= MOST_ENTITIES && total <= MOST_RELATIONS => {
            shown.iter_mut().for_each(|s| *s = true);
            ((0..total).collect(), (0, 0))
        }
        None => {
            // Grown from the most related entity: each time the entity with the most relations
            // to those taken (then the most related, the first mentioned), while the relations
            // among those taken stay within bounds. One linear scan per entity taken.
            let mut to_taken = vec![0usize; n];
            let mut skipped = vec![false; n];
            let (mut taken, mut drawn) = (0, 0);
            while taken < MOST_ENTITIES {
                let next = (0..n)
                    .filter(|&e| !shown[e] && !skipped[e])
                    .min_by_key(|&e| (std::cmp::Reverse(to_taken[e]), rank(&e)));
                let Some(e) = next else { break };
                let adds = touching[e].iter().filter(|&&r| other(r, e) == e).count() + to_taken[e];
                if drawn + adds > MOST_RELATIONS {
                    skipped[e] = true;
                    continue;
                }
                shown[e] = true;
                taken += 1;
                drawn += adds;
                for &r in &touching[e] {
                    to_taken[other(r, e)] += 1;
                }
            }
            let relations: Vec<usize> =
                (0..total).filter(|&r| shown[doc.relations[r].subject] && shown[doc.relations[r].object]).collect();
            let left = (n - taken, total - relations.len());
            (relations, left)
        }
    };
    Selection { shown, relations, left_out }
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

/// A relation as the layout draws it: (index in the document, subject, object).
type Rel = (usize, usize, usize);

/// Lays out the document's entities and relations in at most `width` units, labels in `lang`:
/// what [`select`] chooses for `focus` (None: the whole graph, or its overview).
pub fn layout(doc: &Sketch, lang: Lang, rtl: bool, width: f64, focus: Option<usize>) -> Layout {
    let selection = select(doc, focus);
    let entities = &doc.entities;
    let shown = &selection.shown;
    let relations: Vec<Rel> =
        selection.relations.iter().map(|&i| (i, doc.relations[i].subject, doc.relations[i].object)).collect();

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
    let board = Board { size: &size, relations: &relations, n: entities.len(), width, shape, work: Default::default() };

    // The order of the groups, and of the entities (and passes) in each, with the fewest
    // crossings: for each order of the groups, barycentre sweeps; then swaps of neighbours in
    // the best one.
    let mut best: Option<(usize, Arrangement)> = None;
    for perm in permutations(&kinds) {
        let mut a = board.arrange(perm.iter().map(|&k| by_kind[k].clone()).collect());
        // The best of the sweeps (a sweep can undo what the one before it gained).
        let mut mine = (board.crossings(&a, None), a.clone());
        for k in 0..SWEEPS {
            if board.work.get() > WORK {
                break;
            }
            board.sweep(&mut a, k % 2 == 0);
            let count = board.crossings(&a, None);
            if count < mine.0 {
                mine = (count, a.clone());
            }
        }
        if best.as_ref().is_none_or(|(b, _)| mine.0 < *b) {
            best = Some(mine);
        }
    }
    let Some((_, mut a)) = best else {
        return Layout {
            width,
            height: 2.0 * PAD,
            shape,
            nodes: Vec::new(),
            edges: Vec::new(),
            left_out: selection.left_out,
        };
    };
    board.refine(&mut a);

    let placed = board.place(&a);
    let routes = board.routes(&a, &placed, true);
    let (picture_w, picture_h) = (placed.width, placed.height);
    let mirror = |x: f64| if rtl { picture_w - x } else { x };
    let mut nodes = Vec::new();
    for &e in a.groups.iter().flatten().filter(|&&i| i < board.n) {
        if let Some(mut rect) = placed.rect_of[e] {
            rect.x = mirror(rect.x + if rtl { rect.w } else { 0.0 });
            nodes.push(Node { entity: e, rect, label: label(e), lines: std::mem::take(&mut lines[e]) });
        }
    }
    // Every node's box, and each label placed with its clearance.
    let mut taken = crate::labels::Taken::new((picture_w, picture_h));
    for n in &nodes {
        taken.push(n.rect);
    }
    let (cx, cy) = LABEL_CLEAR;
    let mut edges = Vec::new();
    for (&(ri, subject, object), route) in relations.iter().zip(routes) {
        let curve: Vec<Pt> = route.points().into_iter().map(|(x, y)| (mirror(x), y)).collect();
        let text = doc.predicates[doc.relations[ri].predicate].label(lang, true).to_owned();
        let label_rect = place_label(&curve, text_width(&text) - 8.0, (picture_w, picture_h), &taken);
        if let Some(r) = label_rect {
            taken.push(Rect { x: r.x - cx, y: r.y - cy, w: r.w + 2.0 * cx, h: r.h + 2.0 * cy });
        }
        edges.push(Edge { relation: ri, subject, object, curve, label: text, label_rect });
    }
    Layout { width: picture_w, height: picture_h, shape, nodes, edges, left_out: selection.left_out }
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

/// What is being laid out: the boxes' sizes, the relations drawn, the width and the shape.
struct Board<'a> {
    size: &'a [(f64, f64)],
    relations: &'a [Rel],
    /// Entities in the document: items below are entities, from here on passes.
    n: usize,
    width: f64,
    shape: Shape,
    /// Work done so far in counting crossings (segments compared): the search for a better order
    /// stops at [`WORK`], so that the layout's time is bounded whatever it is given.
    work: std::cell::Cell<usize>,
}

/// The groups in order, each a list of items: entities (`< n`) and, in columns, passes (`n + p`:
/// pass `p` of [`Arrangement::passes`]).
#[derive(Clone)]
struct Arrangement {
    groups: Vec<Vec<usize>>,
    /// Each pass: the relation (index into [`Board::relations`]) it carries through its group.
    passes: Vec<usize>,
    /// For each relation, its passes from the subject's column to the object's.
    chain: Vec<Vec<usize>>,
    /// The group of each entity, and of each pass.
    group_of: Vec<usize>,
    pass_group: Vec<usize>,
}

/// A row of bands: its top, its bottom, and its boxes' left and right, left to right.
type Row = (f64, f64, Vec<(f64, f64)>);
/// An item being ordered: its barycentre (a point), its place in its group, and the item.
type Keyed = ((f64, f64), usize, usize);
/// A piece across a slot: its relation, where it is on the slot's first side and on the other,
/// and its ends.
type Across = (usize, f64, f64, Pt, Pt);

/// Where everything stands: entities' boxes, passes' heights (columns), the columns' extents or
/// the rows (bands), and the picture's size.
struct Placed {
    rect_of: Vec<Option<Rect>>,
    pass_y: Vec<f64>,
    /// Columns: each column's left and right.
    columns: Vec<(f64, f64)>,
    /// Bands: each row's top, bottom and boxes' left and right, left to right.
    rows: Vec<Row>,
    row_of: Vec<usize>,
    width: f64,
    height: f64,
}

/// One cubic piece of a route, and the slot it runs in (a gap between columns, a channel between
/// rows; None: inside a column or a row, where it crosses nothing), or whether it arcs.
struct Piece {
    pts: [Pt; 4],
    slot: Option<usize>,
    arc: bool,
}

struct Route(Vec<Piece>);

impl Route {
    fn points(&self) -> Vec<Pt> {
        let mut out = Vec::with_capacity(1 + 3 * self.0.len());
        if let Some(first) = self.0.first() {
            out.push(first.pts[0]);
        }
        for p in &self.0 {
            out.extend_from_slice(&p.pts[1..]);
        }
        out
    }
    /// A straight piece to `to`, unless it is too short to see.
    fn line(&mut self, from: Pt, to: Pt) {
        if (to.0 - from.0).abs() + (to.1 - from.1).abs() > 0.5 {
            let at = |k: f64| (from.0 + (to.0 - from.0) * k, from.1 + (to.1 - from.1) * k);
            self.0.push(Piece { pts: [from, at(1.0 / 3.0), at(2.0 / 3.0), to], slot: None, arc: false });
        }
    }
    fn end(&self, or: Pt) -> Pt {
        self.0.last().map_or(or, |p| p.pts[3])
    }
}

impl Board<'_> {
    /// The groups in this order, with the passes the columns need.
    fn arrange(&self, mut groups: Vec<Vec<usize>>) -> Arrangement {
        let mut group_of = vec![usize::MAX; self.n];
        for (g, items) in groups.iter().enumerate() {
            for &e in items {
                group_of[e] = g;
            }
        }
        let (mut passes, mut pass_group) = (Vec::new(), Vec::new());
        let mut chain = vec![Vec::new(); self.relations.len()];
        if self.shape == Shape::Columns {
            for (k, &(_, s, o)) in self.relations.iter().enumerate() {
                let (gs, go) = (group_of[s], group_of[o]);
                let between: Vec<usize> = if gs < go { (gs + 1..go).collect() } else { (go + 1..gs).rev().collect() };
                for g in between {
                    chain[k].push(self.n + passes.len());
                    groups[g].push(self.n + passes.len());
                    passes.push(k);
                    pass_group.push(g);
                }
            }
        }
        Arrangement { groups, passes, chain, group_of, pass_group }
    }

    /// The items an item is linked to: an entity to the first item of each of its relations'
    /// chains, a pass to the items before and after it in its chain.
    fn links(&self, a: &Arrangement) -> Vec<Vec<usize>> {
        let mut links = vec![Vec::new(); self.n + a.passes.len()];
        for (k, &(_, s, o)) in self.relations.iter().enumerate() {
            let items: Vec<usize> = std::iter::once(s).chain(a.chain[k].iter().copied()).chain([o]).collect();
            for w in items.windows(2) {
                links[w[0]].push(w[1]);
                links[w[1]].push(w[0]);
            }
        }
        links
    }

    /// One barycentre sweep, group by group (forwards or backwards): each item of the group to
    /// the mean position of the items it is linked to, as the groups before it now stand.
    fn sweep(&self, a: &mut Arrangement, forwards: bool) {
        let links = self.links(a);
        let order: Vec<usize> =
            if forwards { (0..a.groups.len()).collect() } else { (0..a.groups.len()).rev().collect() };
        for gi in order {
            let placed = self.place(a);
            // An item's place: its height in columns; its centre in bands.
            let at = |i: usize| match i < self.n {
                true => placed.rect_of[i].map_or((0.0, 0.0), |r| (r.cx(), r.cy())),
                false => (0.0, placed.pass_y[i - self.n]),
            };
            let key = |i: usize| {
                let l = &links[i];
                if l.is_empty() {
                    at(i)
                } else {
                    let sum = l.iter().map(|&o| at(o)).fold((0.0, 0.0), |s, p| (s.0 + p.0, s.1 + p.1));
                    (sum.0 / l.len() as f64, sum.1 / l.len() as f64)
                }
            };
            let g = &mut a.groups[gi];
            let mut keyed: Vec<Keyed> = g.iter().enumerate().map(|(k, &i)| (key(i), k, i)).collect();
            let by = |axis: fn(&(f64, f64)) -> f64| {
                move |x: &Keyed, y: &Keyed| axis(&x.0).total_cmp(&axis(&y.0)).then(x.1.cmp(&y.1))
            };
            keyed.sort_by(by(|p| p.1));
            if self.shape == Shape::Bands {
                // Rows by height (the entities whose relations are above go first), then each
                // row left to right, as the placement wraps them.
                let mut rows: Vec<Vec<Keyed>> = Vec::new();
                let mut row_w = f64::INFINITY;
                for item in keyed {
                    let w = self.size[item.2].0;
                    match rows.last_mut() {
                        Some(row) if row_w + NODE_GAP + w <= self.width - 2.0 * PAD => {
                            row_w += NODE_GAP + w;
                            row.push(item);
                        }
                        _ => {
                            row_w = w;
                            rows.push(vec![item]);
                        }
                    }
                }
                for row in rows.iter_mut() {
                    row.sort_by(by(|p| p.0));
                }
                keyed = rows.into_iter().flatten().collect();
            }
            *g = keyed.into_iter().map(|(_, _, i)| i).collect();
        }
    }

    /// Swaps of neighbours within a group while they cut crossings (the crossings of the two
    /// items' own relations, counted before and after), three rounds at most.
    fn refine(&self, a: &mut Arrangement) {
        let mine = |a: &Arrangement, u: usize, v: usize| -> Vec<bool> {
            let of = |i: usize, k: usize| {
                let (_, s, o) = self.relations[k];
                if i < self.n {
                    s == i || o == i
                } else {
                    a.passes[i - self.n] == k
                }
            };
            (0..self.relations.len()).map(|k| of(u, k) || of(v, k)).collect()
        };
        for _ in 0..3 {
            let mut improved = false;
            for gi in 0..a.groups.len() {
                for i in 0..a.groups[gi].len().saturating_sub(1) {
                    if self.work.get() > WORK {
                        return;
                    }
                    let (u, v) = (a.groups[gi][i], a.groups[gi][i + 1]);
                    let only = mine(a, u, v);
                    if !only.contains(&true) {
                        continue;
                    }
                    let before = self.crossings(a, Some(&only));
                    a.groups[gi].swap(i, i + 1);
                    if self.crossings(a, Some(&only)) < before {
                        improved = true;
                    } else {
                        a.groups[gi].swap(i, i + 1);
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }

    /// Where everything stands for this arrangement.
    fn place(&self, a: &Arrangement) -> Placed {
        let mut rect_of = vec![None; self.n];
        let mut pass_y = vec![0.0; a.passes.len()];
        match self.shape {
            Shape::Columns => {
                let is_pass = |i: usize| i >= self.n;
                let height_of = |i: usize| if is_pass(i) { 0.0 } else { self.size[i].1 };
                let gap = |p: usize, q: usize| match (is_pass(p), is_pass(q)) {
                    (false, false) => NODE_GAP,
                    (true, true) => PASS_GAP,
                    _ => PASS_CLEAR,
                };
                let col_w: Vec<f64> = a
                    .groups
                    .iter()
                    .map(|g| g.iter().filter(|&&i| !is_pass(i)).map(|&e| self.size[e].0).fold(0.0, f64::max))
                    .collect();
                let col_h: Vec<f64> = a
                    .groups
                    .iter()
                    .map(|g| {
                        g.iter().map(|&i| height_of(i)).sum::<f64>()
                            + g.windows(2).map(|w| gap(w[0], w[1])).sum::<f64>()
                    })
                    .collect();
                let height = 2.0 * PAD + col_h.iter().copied().fold(0.0, f64::max);
                let k = a.groups.len().max(1) as f64;
                let between = if k > 1.0 {
                    ((self.width - 2.0 * PAD_X - col_w.iter().sum::<f64>()) / (k - 1.0)).clamp(MIN_GAP, MAX_GAP)
                } else {
                    0.0
                };
                let used = 2.0 * PAD_X + col_w.iter().sum::<f64>() + between * (k - 1.0);
                let mut columns = Vec::new();
                let mut x = PAD_X;
                for (c, g) in a.groups.iter().enumerate() {
                    // Shorter columns are centred vertically.
                    let mut y = PAD + (height - 2.0 * PAD - col_h[c]) / 2.0;
                    for (j, &i) in g.iter().enumerate() {
                        if j > 0 {
                            y += gap(g[j - 1], i);
                        }
                        if is_pass(i) {
                            pass_y[i - self.n] = y;
                        } else {
                            let (w, h) = self.size[i];
                            rect_of[i] = Some(Rect { x: x + (col_w[c] - w) / 2.0, y, w, h });
                        }
                        y += height_of(i);
                    }
                    columns.push((x, x + col_w[c]));
                    x += col_w[c] + between;
                }
                Placed { rect_of, pass_y, columns, rows: Vec::new(), row_of: Vec::new(), width: used, height }
            }
            Shape::Bands => {
                let inner = self.width - 2.0 * PAD;
                let mut rows = Vec::new();
                let mut row_of = vec![usize::MAX; self.n];
                let mut y = PAD;
                for (gi, g) in a.groups.iter().enumerate() {
                    if gi > 0 {
                        y += BAND_GAP - ROW_GAP;
                    }
                    let mut wrapped: Vec<Vec<usize>> = vec![Vec::new()];
                    let mut row_w = 0.0;
                    for &e in g {
                        let w = self.size[e].0;
                        let row = wrapped.last_mut().expect("a row");
                        if !row.is_empty() && row_w + NODE_GAP + w > inner {
                            wrapped.push(vec![e]);
                            row_w = w;
                        } else {
                            row_w += if row.is_empty() { w } else { NODE_GAP + w };
                            row.push(e);
                        }
                    }
                    for row in wrapped {
                        let total: f64 = row.iter().map(|&e| self.size[e].0).sum::<f64>()
                            + NODE_GAP * (row.len().saturating_sub(1)) as f64;
                        let h = row.iter().map(|&e| self.size[e].1).fold(0.0, f64::max);
                        let mut x = PAD + (inner - total) / 2.0;
                        let mut spans = Vec::new();
                        for e in row {
                            let (w, eh) = self.size[e];
                            rect_of[e] = Some(Rect { x, y: y + (h - eh) / 2.0, w, h: eh });
                            row_of[e] = rows.len();
                            spans.push((x, x + w));
                            x += w + NODE_GAP;
                        }
                        rows.push((y, y + h, spans));
                        y += h + ROW_GAP;
                    }
                }
                let mut height = y - ROW_GAP + PAD;
                // Room above the first row for its arcs.
                if self.relations.iter().any(|&(_, s, o)| row_of[s] == 0 && row_of[o] == 0) {
                    for r in rect_of.iter_mut().flatten() {
                        r.y += ARC_ROOM;
                    }
                    for row in rows.iter_mut() {
                        row.0 += ARC_ROOM;
                        row.1 += ARC_ROOM;
                    }
                    height += ARC_ROOM;
                }
                Placed { rect_of, pass_y, columns: Vec::new(), rows, row_of, width: self.width, height }
            }
        }
    }

    /// Every relation's route, in the relations' order; with `spread`, edges crossing a row
    /// through one gap are drawn apart (the drawing's; counting crossings does without).
    fn routes(&self, a: &Arrangement, p: &Placed, spread: bool) -> Vec<Route> {
        let mut lanes: Vec<Vec<f64>> = vec![Vec::new(); if spread { p.rows.len() } else { 0 }];
        self.relations
            .iter()
            .enumerate()
            .map(|(k, &(_, s, o))| match (p.rect_of[s], p.rect_of[o]) {
                (Some(a_rect), Some(b_rect)) => match self.shape {
                    Shape::Columns => self.column_route(a, p, k, a_rect, b_rect),
                    Shape::Bands => band_route(p, spread.then_some(&mut lanes[..]), (s, a_rect), (o, b_rect)),
                },
                _ => Route(Vec::new()),
            })
            .collect()
    }

    /// A route in columns: out of the subject's box to its column's side, through the gaps and
    /// the passes kept for it to the object's column, into the object's box; or, within one
    /// column, an arc out into the gap beside it.
    fn column_route(&self, a: &Arrangement, p: &Placed, k: usize, from: Rect, to: Rect) -> Route {
        let (_, s, o) = self.relations[k];
        let (cs, co) = (a.group_of[s], a.group_of[o]);
        let mut r = Route(Vec::new());
        if cs == co {
            let (left, right) = p.columns[cs];
            let outward = if (left + right) / 2.0 > p.width / 2.0 { 1.0 } else { -1.0 };
            let last = p.columns.len() - 1;
            let room = match (outward > 0.0, cs) {
                (true, c) if c == last => PAD_X,
                (false, 0) => PAD_X,
                (true, c) => p.columns[c + 1].0 - right,
                (false, c) => left - p.columns[c - 1].1,
            };
            let edge = if outward > 0.0 { right } else { left };
            let side = |b: Rect| if outward > 0.0 { b.x + b.w } else { b.x };
            let bulge = (40.0 + (from.cy() - to.cy()).abs() * 0.12).min(80.0).min((room - 6.0) / 0.75);
            let (start, out) = ((side(from), from.cy()), (edge, from.cy()));
            r.line(start, out);
            let back = (edge, to.cy());
            let slot = if outward > 0.0 { cs + 1 } else { cs };
            let x = edge + outward * bulge;
            r.0.push(Piece { pts: [out, (x, out.1), (x, back.1), back], slot: Some(slot), arc: true });
            r.line(back, (side(to), to.cy()));
            return r;
        }
        let right = co > cs;
        let exit = |c: usize| if right { p.columns[c].1 } else { p.columns[c].0 };
        let entry = |c: usize| if right { p.columns[c].0 } else { p.columns[c].1 };
        let start = (if right { from.x + from.w } else { from.x }, from.cy());
        r.line(start, (exit(cs), from.cy()));
        let mut at = (exit(cs), from.cy());
        let hop = |r: &mut Route, at: Pt, to: Pt, gap: usize| {
            let mid = (at.0 + to.0) / 2.0;
            r.0.push(Piece { pts: [at, (mid, at.1), (mid, to.1), to], slot: Some(gap), arc: false });
        };
        for &pass in &a.chain[k] {
            let c = a.pass_group[pass - self.n];
            let y = p.pass_y[pass - self.n];
            let gap = if right { c } else { c + 1 };
            hop(&mut r, at, (entry(c), y), gap);
            r.line((entry(c), y), (exit(c), y));
            at = (exit(c), y);
        }
        let gap = if right { co } else { co + 1 };
        hop(&mut r, at, (entry(co), to.cy()), gap);
        r.line((entry(co), to.cy()), (if right { to.x } else { to.x + to.w }, to.cy()));
        r
    }

    /// Crossings between routes, counted slot by slot; with `only`, those that involve one of
    /// the relations it marks. Pieces that run from one side of a slot to the other (a gap's,
    /// a channel's) cross when their order on one side is not their order on the other: counted
    /// as inversions, in n log n. An arc is taken as its control polygon, against the others
    /// one by one (there are few), skipping relations that share an entity.
    fn crossings(&self, a: &Arrangement, only: Option<&[bool]>) -> usize {
        let placed = self.place(a);
        let routes = self.routes(a, &placed, false);
        // Per slot: the pieces across it as (relation, where on the first side, on the other),
        // and the arcs' segments.
        let mut across: Vec<Vec<Across>> = Vec::new();
        let mut arcs: Vec<Vec<(usize, Pt, Pt)>> = Vec::new();
        for (k, route) in routes.iter().enumerate() {
            for piece in &route.0 {
                let Some(slot) = piece.slot else { continue };
                if across.len() <= slot {
                    across.resize(slot + 1, Vec::new());
                    arcs.resize(slot + 1, Vec::new());
                }
                let [p0, p1, p2, p3] = piece.pts;
                if piece.arc {
                    arcs[slot].extend([(k, p0, p1), (k, p1, p2), (k, p2, p3)]);
                } else {
                    // Columns: heights on the left and right sides; bands: places on the top and bottom.
                    let (first, second) = match self.shape {
                        Shape::Columns if p0.0 <= p3.0 => (p0.1, p3.1),
                        Shape::Columns => (p3.1, p0.1),
                        Shape::Bands if p0.1 <= p3.1 => (p0.0, p3.0),
                        Shape::Bands => (p3.0, p0.0),
                    };
                    across[slot].push((k, first, second, p0, p3));
                }
            }
        }
        let marked = |k: usize| only.is_none_or(|m| m[k]);
        let shares = |i: usize, j: usize| {
            let ((_, s1, o1), (_, s2, o2)) = (self.relations[i], self.relations[j]);
            s1 == s2 || s1 == o2 || o1 == s2 || o1 == o2
        };
        let mut count = 0;
        // Routing costs about as much per piece as ten comparisons.
        self.work.set(self.work.get() + 10 * routes.iter().map(|r| r.0.len()).sum::<usize>());
        for (list, arcs) in across.iter_mut().zip(&arcs) {
            self.work.set(self.work.get() + list.len() * 4 + arcs.len() * (arcs.len() + list.len()));
            list.sort_by(|x, y| x.1.total_cmp(&y.1).then(x.2.total_cmp(&y.2)));
            count += inversions(&mut list.iter().map(|x| x.2).collect::<Vec<_>>());
            if only.is_some() {
                let unmarked: Vec<f64> = list.iter().filter(|x| !marked(x.0)).map(|x| x.2).collect();
                count -= inversions(&mut { unmarked });
            }
            for (x, &(i, p, q)) in arcs.iter().enumerate() {
                let chords = list.iter().map(|&(j, _, _, r, s)| (j, r, s));
                for (j, r, s) in arcs[x + 1..].iter().copied().chain(chords) {
                    if i != j && (marked(i) || marked(j)) && !shares(i, j) {
                        count += usize::from(segments_cross(p, q, r, s));
                    }
                }
            }
        }
        count
    }
}

/// Strict inversions of a sequence (pairs in the wrong order), counted by merge sort.
fn inversions(v: &mut [f64]) -> usize {
    if v.len() < 2 {
        return 0;
    }
    let mid = v.len() / 2;
    let mut count = inversions(&mut v[..mid]) + inversions(&mut v[mid..]);
    let mut merged = Vec::with_capacity(v.len());
    let (mut i, mut j) = (0, mid);
    while i < mid && j < v.len() {
        if v[j] < v[i] {
            count += mid - i;
            merged.push(v[j]);
            j += 1;
        } else {
            merged.push(v[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&v[i..mid]);
    merged.extend_from_slice(&v[j..]);
    v.copy_from_slice(&merged);
    count
}

/// A route in bands: down (or up) through the channels between rows, crossing each row between
/// through the gap nearest the straight line (its lanes spread apart); within one row, an arc
/// above it.
fn band_route(
    p: &Placed,
    mut lanes: Option<&mut [Vec<f64>]>,
    (s, from): (usize, Rect),
    (o, to): (usize, Rect),
) -> Route {
    let (rs, ro) = (p.row_of[s], p.row_of[o]);
    let mut r = Route(Vec::new());
    if rs == ro {
        let top = p.rows[rs].0;
        let room = if rs == 0 { top } else { top - p.rows[rs - 1].1 };
        let lift = (24.0 + (from.cx() - to.cx()).abs() * 0.1).min((room - 4.0) / 0.75);
        let (a, b) = ((from.cx(), top), (to.cx(), top));
        r.line((from.cx(), from.y), a);
        r.0.push(Piece { pts: [a, (a.0, top - lift), (b.0, top - lift), b], slot: Some(rs), arc: true });
        r.line(b, (to.cx(), to.y));
        return r;
    }
    // Drawn downwards from the upper end, then turned round if the subject is the lower one.
    let ((upper, ru), (lower, rl), flip) =
        if rs < ro { ((from, rs), (to, ro), false) } else { ((to, ro), (from, rs), true) };
    r.line((upper.cx(), upper.y + upper.h), (upper.cx(), p.rows[ru].1));
    let mut at = (upper.cx(), p.rows[ru].1);
    let hop = |r: &mut Route, at: Pt, to: Pt, slot: usize| {
        let mid = (at.1 + to.1) / 2.0;
        r.0.push(Piece { pts: [at, (at.0, mid), (to.0, mid), to], slot: Some(slot), arc: false });
    };
    for row in ru + 1..rl {
        let (y0, y1, spans) = &p.rows[row];
        let want = upper.cx() + (lower.cx() - upper.cx()) * (row - ru) as f64 / (rl - ru) as f64;
        // The free stretches of the row: before its first box, between boxes, after its last.
        let mut free = Vec::with_capacity(spans.len() + 1);
        let mut left = 0.0;
        for &(x0, x1) in spans {
            free.push((left + LANE_CLEAR, x0 - LANE_CLEAR));
            left = x1;
        }
        free.push((left + LANE_CLEAR, p.width - LANE_CLEAR));
        let x = free
            .iter()
            .filter(|(a, b)| a <= b)
            .map(|&(a, b)| {
                let mut x = want.clamp(a, b);
                let Some(lanes) = lanes.as_deref() else { return x };
                // Apart from the lanes already taken here, where the stretch has room.
                for _ in 0..8 {
                    match lanes[row].iter().find(|&&l| (l - x).abs() < 4.0) {
                        Some(&l) => {
                            let next = if x >= l { l + 4.0 } else { l - 4.0 };
                            if next < a || next > b {
                                break;
                            }
                            x = next;
                        }
                        None => break,
                    }
                }
                x
            })
            .min_by(|a, b| (a - want).abs().total_cmp(&(b - want).abs()))
            .unwrap_or(want);
        if let Some(lanes) = lanes.as_deref_mut() {
            lanes[row].push(x);
        }
        hop(&mut r, at, (x, *y0), row);
        r.line((x, *y0), (x, *y1));
        at = (x, *y1);
    }
    hop(&mut r, at, (lower.cx(), p.rows[rl].0), rl);
    r.line(r.end(at), (lower.cx(), lower.y));
    if flip {
        r.0.reverse();
        for piece in r.0.iter_mut() {
            piece.pts.reverse();
        }
    }
    r
}

fn segments_cross(p: Pt, q: Pt, r: Pt, s: Pt) -> bool {
    let orient = |a: Pt, b: Pt, c: Pt| (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0);
    let (d1, d2, d3, d4) = (orient(r, s, p), orient(r, s, q), orient(p, q, r), orient(p, q, s));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// The point at `t` of a cubic piece.
fn at(c: &[Pt; 4], t: f64) -> Pt {
    let u = 1.0 - t;
    let (a, b, d, e) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    (a * c[0].0 + b * c[1].0 + d * c[2].0 + e * c[3].0, a * c[0].1 + b * c[1].1 + d * c[2].1 + e * c[3].1)
}

/// A free place for a label of width `w` on the curve (the pieces nearest its middle first, each
/// from its middle out): inside the picture, over no node and clear of every label placed.
fn place_label(curve: &[Pt], w: f64, size: (f64, f64), taken: &crate::labels::Taken) -> Option<Rect> {
    let pieces: Vec<[Pt; 4]> = curve.windows(4).step_by(3).map(|c| [c[0], c[1], c[2], c[3]]).collect();
    let middle = pieces.len() as f64 / 2.0 - 0.5;
    let mut order: Vec<usize> = (0..pieces.len()).collect();
    order.sort_by(|&a, &b| (a as f64 - middle).abs().total_cmp(&(b as f64 - middle).abs()).then(a.cmp(&b)));
    let mut centres = order.into_iter().flat_map(|k| {
        let c = pieces[k];
        [0.5, 0.38, 0.62, 0.26, 0.74, 0.14, 0.86]
            .into_iter()
            .flat_map(move |t| [0.0, -5.0, 5.0].map(move |dy| (at(&c, t).0, at(&c, t).1 + dy)))
    });
    crate::labels::first_free(&mut centres, (w, LABEL_H), size, taken)
}

/// How many times the drawn edges cross: each piece as a polyline of 8 segments, every pair of
/// edges that share no entity, every proper intersection counted.
pub fn crossings(layout: &Layout) -> usize {
    let lines: Vec<Vec<Pt>> = layout
        .edges
        .iter()
        .map(|e| e.pieces().flat_map(|c| (0..=8).map(move |k| at(&c, k as f64 / 8.0))).collect())
        .collect();
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
/// picture wider than the box, overlapping boxes (nodes and labels), labels in a stack (closer
/// than the clear space each keeps), an edge through another entity's box, a label line wider
/// than its node, or a label whose lines do not give back the whole name. Empty when it fits.
pub fn misfits(l: &Layout, width: f64) -> Vec<String> {
    let mut out = Vec::new();
    if l.width > width + 0.5 {
        out.push(format!("the picture is {:.0} wide in a box of {width:.0}", l.width));
    }
    let mut boxes: Vec<(&str, Rect)> = l.nodes.iter().map(|n| (n.label.as_str(), n.rect)).collect();
    let labels = boxes.len();
    boxes.extend(l.edges.iter().filter_map(|e| Some((e.label.as_str(), e.label_rect?))));
    for (i, (a, ra)) in boxes.iter().enumerate() {
        if ra.x < -0.01 || ra.y < -0.01 || ra.x + ra.w > l.width + 0.01 || ra.y + ra.h > l.height + 0.01 {
            out.push(format!("«{a}» is outside the picture"));
        }
        for (j, (b, rb)) in boxes.iter().enumerate().skip(i + 1) {
            if ra.overlaps(rb) {
                out.push(format!("«{a}» overlaps «{b}»"));
            } else if i >= labels && j >= labels {
                let (cx, cy) = (LABEL_CLEAR.0 - 0.01, LABEL_CLEAR.1 - 0.01);
                if (Rect { x: ra.x - cx, y: ra.y - cy, w: ra.w + 2.0 * cx, h: ra.h + 2.0 * cy }).overlaps(rb) {
                    out.push(format!("the labels «{a}» and «{b}» stand in a stack"));
                }
            }
        }
    }
    for e in &l.edges {
        for n in l.nodes.iter().filter(|n| n.entity != e.subject && n.entity != e.object) {
            let inner = Rect { x: n.rect.x + 1.0, y: n.rect.y + 1.0, w: n.rect.w - 2.0, h: n.rect.h - 2.0 };
            let through = e.pieces().any(|c| {
                (0..=24).any(|k| {
                    let (x, y) = at(&c, k as f64 / 24.0);
                    x > inner.x && x < inner.x + inner.w && y > inner.y && y < inner.y + inner.h
                })
            });
            if through {
                out.push(format!("the edge «{}» of relation {} passes through «{}»", e.label, e.relation, n.label));
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
                assert_eq!(l.left_out, (0, 0));
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
        assert!(placed * 10 >= l.edges.len() * 7, "{placed} of {} labels placed", l.edges.len());
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

    fn edge(s: usize, o: usize, a: Pt, b: Pt) -> Edge {
        Edge { relation: 0, subject: s, object: o, curve: vec![a, a, b, b], label: String::new(), label_rect: None }
    }

    #[test]
    fn the_crossing_count_sees_an_x_and_not_a_shared_end() {
        let x = Layout {
            width: 10.0,
            height: 10.0,
            shape: Shape::Columns,
            nodes: vec![],
            edges: vec![edge(0, 1, (0.0, 0.0), (10.0, 10.0)), edge(2, 3, (0.0, 9.0), (10.0, 2.0))],
            left_out: (0, 0),
        };
        assert_eq!(crossings(&x), 1);
        let shared = Layout {
            edges: vec![edge(0, 1, (0.0, 0.0), (10.0, 10.0)), edge(1, 3, (0.0, 9.0), (10.0, 2.0))],
            ..x.clone()
        };
        assert_eq!(crossings(&shared), 0);
    }

    #[test]
    fn an_edge_through_a_box_and_labels_in_a_stack_are_misfits() {
        let node = |entity, x, y| Node {
            entity,
            rect: Rect { x, y, w: 40.0, h: 28.0 },
            label: format!("n{entity}"),
            lines: vec![format!("n{entity}")],
        };
        let mut l = Layout {
            width: 300.0,
            height: 100.0,
            shape: Shape::Columns,
            nodes: vec![node(0, 0.0, 0.0), node(1, 130.0, 0.0), node(2, 260.0, 0.0)],
            edges: vec![edge(0, 2, (40.0, 14.0), (260.0, 14.0))],
            left_out: (0, 0),
        };
        assert_eq!(misfits(&l, 300.0), ["the edge «» of relation 0 passes through «n1»"]);
        l.edges = vec![edge(0, 1, (40.0, 60.0), (130.0, 60.0)), edge(1, 2, (170.0, 60.0), (260.0, 60.0))];
        l.edges[0].label_rect = Some(Rect { x: 50.0, y: 40.0, w: 30.0, h: LABEL_H });
        l.edges[1].label_rect = Some(Rect { x: 50.0, y: 40.0 + LABEL_H + 2.0, w: 30.0, h: LABEL_H });
        assert_eq!(misfits(&l, 300.0), ["the labels «» and «» stand in a stack"]);
    }
}
