//! What the reader hands the figures module, and the messages between them.
//!
//! The reader reads and checks a published document once. The figures module (the graph's
//! picture, the timeline, the map) is a WebAssembly instance of its own, so it cannot share the
//! reader's memory; instead of the document's JSON, to be parsed and checked again, it gets a
//! [`Sketch`]: only what it draws (entities' names and kinds, relations, events with their
//! sentences, the map's features), in a compact binary form written by [`encode`] on the
//! reader's side and read by [`Sketch::decode`] on the figures' side. Decoding trusts nothing:
//! every count is bounded by the bytes left, every index is checked, and a bad sketch is None.
//!
//! The messages are [`Tell`] (reader → figures) and [`Pick`] (figures → reader), each two
//! numbers on the JavaScript boundary ([`Tell::wire`], [`Pick::from_wire`] and their inverses).

use crate::model::{
    AreaShape, Bilingual, Coordinates, Direction, EntityKind, MapArea, MapData, MapFeatureKind, MapMovement, MapPoint,
    Waypoint,
};
use crate::published::PublishedPredicate;
use crate::reading::Reading;

/// The first byte of every sketch: its layout's version.
const VERSION: u8 = 1;

/// What the reader tells the figures module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tell {
    /// This entity is open (lit in the graph, the timeline and the map), or none is.
    Open(Option<usize>),
    /// Show this entity on the map: the view fitted to its features.
    Show(usize),
    /// Load the base map now (before printing a page whose map was never scrolled to).
    Load,
}

/// What the figures module asks of the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// Open this entity's panel.
    Entity(usize),
    /// Show this event's sentence in the article.
    Evidence(usize),
}

impl Tell {
    /// As two numbers for the JavaScript boundary: what, and an index or -1.
    pub fn wire(self) -> (u32, i32) {
        let index = |i: usize| i32::try_from(i).unwrap_or(-1);
        match self {
            Tell::Open(e) => (0, e.map_or(-1, index)),
            Tell::Show(e) => (1, index(e)),
            Tell::Load => (2, -1),
        }
    }

    /// From the two numbers of [`Tell::wire`]; None for anything else.
    pub fn from_wire(what: u32, index: i32) -> Option<Tell> {
        let at = usize::try_from(index).ok();
        match what {
            0 => Some(Tell::Open(at)),
            1 => at.map(Tell::Show),
            2 => Some(Tell::Load),
            _ => None,
        }
    }
}

impl Pick {
    /// As two numbers for the JavaScript boundary.
    pub fn wire(self) -> (u32, u32) {
        match self {
            Pick::Entity(e) => (0, e as u32),
            Pick::Evidence(e) => (1, e as u32),
        }
    }

    /// From the two numbers of [`Pick::wire`]; None for anything else.
    pub fn from_wire(what: u32, index: u32) -> Option<Pick> {
        match what {
            0 => Some(Pick::Entity(index as usize)),
            1 => Some(Pick::Evidence(index as usize)),
            _ => None,
        }
    }
}

/// An entity as the figures draw it.
#[derive(Clone, Debug, PartialEq)]
pub struct SketchEntity {
    pub id: String,
    pub kind: EntityKind,
    pub name: Bilingual,
}

/// A relation as the graph draws it: indices of its subject, predicate and object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SketchRelation {
    pub subject: usize,
    pub predicate: usize,
    pub object: usize,
}

/// An event of the timeline, with its sentence cut out of the article.
#[derive(Clone, Debug, PartialEq)]
pub struct SketchEvent {
    pub id: String,
    pub label: Bilingual,
    pub when: Bilingual,
    pub date: Option<String>,
    pub order: i32,
    pub entities: Vec<usize>,
    /// The article's words that state it, if the document anchors them.
    pub sentence: Option<String>,
}

/// What the figures draw of a published document.
#[derive(Clone, Debug, PartialEq)]
pub struct Sketch {
    /// The article's language and direction (for its sentences, quoted).
    pub language: String,
    pub direction: Direction,
    pub entities: Vec<SketchEntity>,
    /// Entity indices in reading order of first mention (those the text names).
    pub first_mentions: Vec<usize>,
    pub predicates: Vec<PublishedPredicate>,
    pub relations: Vec<SketchRelation>,
    pub events: Vec<SketchEvent>,
    /// The map's features, as published (entities and points by id).
    pub map: MapData,
    /// (id, entity index), sorted by id.
    ids: Vec<(String, usize)>,
}

impl Sketch {
    /// The sketch of a document, as the figures module gets it (encoded and decoded: natively,
    /// for the tests and the studio, the same path as between the two modules).
    pub fn of(reading: &Reading) -> Sketch {
        Sketch::decode(&encode(reading)).expect("an encoded sketch decodes")
    }

    /// The entity with this id.
    pub fn entity_index(&self, id: &str) -> Option<usize> {
        self.ids.binary_search_by(|(k, _)| k.as_str().cmp(id)).ok().map(|i| self.ids[i].1)
    }

    /// The relations an entity takes part in, with their indices.
    pub fn relations_of(&self, entity: usize) -> impl Iterator<Item = (usize, &SketchRelation)> {
        self.relations.iter().enumerate().filter(move |(_, r)| r.subject == entity || r.object == entity)
    }

    /// The entities related to one (each as often as a relation links them).
    pub fn neighbours(&self, entity: usize) -> impl Iterator<Item = usize> + '_ {
        self.relations_of(entity).map(move |(_, r)| if r.subject == entity { r.object } else { r.subject })
    }

    /// Reads a sketch written by [`encode`]: None if anything is out of place.
    pub fn decode(bytes: &[u8]) -> Option<Sketch> {
        let mut r = Bytes { b: bytes };
        if r.byte()? != VERSION {
            return None;
        }
        let language = r.string()?;
        let direction = if r.byte()? == 0 { Direction::Rtl } else { Direction::Ltr };
        let entities = r.list(|r| {
            Some(SketchEntity { id: r.string()?, kind: *EntityKind::ALL.get(r.index()?)?, name: r.bilingual()? })
        })?;
        let n = entities.len();
        let entity = |i: usize| (i < n).then_some(i);
        let first_mentions = r.list(|r| entity(r.index()?))?;
        let predicates = r.list(|r| {
            let labels = r.list(Bytes::string)?;
            (labels.len() == 4).then_some(PublishedPredicate(labels))
        })?;
        let p = predicates.len();
        let relations = r.list(|r| {
            Some(SketchRelation {
                subject: entity(r.index()?)?,
                predicate: Some(r.index()?).filter(|&i| i < p)?,
                object: entity(r.index()?)?,
            })
        })?;
        let events = r.list(|r| {
            Some(SketchEvent {
                id: r.string()?,
                label: r.bilingual()?,
                when: r.bilingual()?,
                date: r.option(Bytes::string)?,
                order: r.int()?,
                entities: r.list(|r| entity(r.index()?))?,
                sentence: r.option(Bytes::string)?,
            })
        })?;
        let map = MapData {
            region: r.option(Bytes::string)?,
            points: r.list(|r| {
                Some(MapPoint {
                    id: r.string()?,
                    label: r.bilingual()?,
                    kind: r.feature_kind()?,
                    coordinates: r.coordinates()?,
                    entities: r.list(Bytes::string)?,
                    approximate: r.byte()? != 0,
                    time: r.option(Bytes::bilingual)?,
                })
            })?,
            areas: r.list(|r| {
                Some(MapArea {
                    id: r.string()?,
                    label: r.bilingual()?,
                    kind: r.feature_kind()?,
                    shape: match r.byte()? {
                        0 => AreaShape::Country(r.string()?),
                        _ => AreaShape::Polygon(r.list(Bytes::coordinates)?),
                    },
                    entities: r.list(Bytes::string)?,
                    approximate: r.byte()? != 0,
                    time: r.option(Bytes::bilingual)?,
                })
            })?,
            movements: r.list(|r| {
                Some(MapMovement {
                    id: r.string()?,
                    label: r.bilingual()?,
                    kind: r.feature_kind()?,
                    from: r.waypoint()?,
                    to: r.waypoint()?,
                    via: r.list(Bytes::waypoint)?,
                    entities: r.list(Bytes::string)?,
                    approximate: r.byte()? != 0,
                    time: r.option(Bytes::bilingual)?,
                })
            })?,
        };
        if !r.b.is_empty() {
            return None;
        }
        let mut ids: Vec<(String, usize)> = entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        ids.sort();
        Some(Sketch { language, direction, entities, first_mentions, predicates, relations, events, map, ids })
    }
}

/// Writes the sketch of a checked document: what [`Sketch::decode`] reads.
pub fn encode(reading: &Reading) -> Vec<u8> {
    let doc = &reading.doc;
    let mut w = Writer(Vec::with_capacity(1024));
    w.0.push(VERSION);
    w.string(&doc.article.language);
    w.0.push(u8::from(doc.article.direction == Direction::Ltr));
    w.count(doc.entities.len());
    for e in &doc.entities {
        w.string(&e.id);
        w.count(EntityKind::ALL.iter().position(|&k| k == e.kind).unwrap_or(0));
        w.bilingual(&e.name);
    }
    w.count(doc.endnotes.len());
    for &e in &doc.endnotes {
        w.u32(e);
    }
    w.count(doc.predicates.len());
    for p in &doc.predicates {
        w.count(p.0.len());
        for l in &p.0 {
            w.string(l);
        }
    }
    w.count(doc.relations.len());
    for r in &doc.relations {
        w.u32(r.subject);
        w.u32(r.predicate);
        w.u32(r.object);
    }
    w.count(doc.timeline.len());
    for t in &doc.timeline {
        w.string(&t.id);
        w.bilingual(&t.label);
        w.bilingual(&t.when);
        w.option(t.date.as_deref(), Writer::string);
        w.u32(t.order as u32);
        w.count(t.entities.len());
        for &e in &t.entities {
            w.u32(e);
        }
        w.option(t.evidence.map(|s| reading.words(s)), Writer::string);
    }
    let map = &doc.map;
    w.option(map.region.as_deref(), Writer::string);
    w.count(map.points.len());
    for p in &map.points {
        w.string(&p.id);
        w.bilingual(&p.label);
        w.feature_kind(p.kind);
        w.coordinates(&p.coordinates);
        w.strings(&p.entities);
        w.0.push(u8::from(p.approximate));
        w.option(p.time.as_ref(), Writer::bilingual);
    }
    w.count(map.areas.len());
    for a in &map.areas {
        w.string(&a.id);
        w.bilingual(&a.label);
        w.feature_kind(a.kind);
        match &a.shape {
            AreaShape::Country(code) => {
                w.0.push(0);
                w.string(code);
            }
            AreaShape::Polygon(ring) => {
                w.0.push(1);
                w.count(ring.len());
                for c in ring {
                    w.coordinates(c);
                }
            }
        }
        w.strings(&a.entities);
        w.0.push(u8::from(a.approximate));
        w.option(a.time.as_ref(), Writer::bilingual);
    }
    w.count(map.movements.len());
    for m in &map.movements {
        w.string(&m.id);
        w.bilingual(&m.label);
        w.feature_kind(m.kind);
        w.waypoint(&m.from);
        w.waypoint(&m.to);
        w.count(m.via.len());
        for v in &m.via {
            w.waypoint(v);
        }
        w.strings(&m.entities);
        w.0.push(u8::from(m.approximate));
        w.option(m.time.as_ref(), Writer::bilingual);
    }
    w.0
}

/// Unsigned numbers as LEB128, strings as a length and UTF-8, floats as 8 bytes little-endian.
struct Writer(Vec<u8>);

impl Writer {
    #[inline(never)]
    fn u32(&mut self, mut n: u32) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(low);
                return;
            }
            self.0.push(low | 0x80);
        }
    }
    #[inline(never)]
    fn count(&mut self, n: usize) {
        self.u32(n as u32);
    }
    #[inline(never)]
    fn string(&mut self, s: &str) {
        self.count(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    #[inline(never)]
    fn strings(&mut self, list: &[String]) {
        self.count(list.len());
        for s in list {
            self.string(s);
        }
    }
    #[inline(never)]
    fn bilingual(&mut self, b: &Bilingual) {
        self.string(&b.ar);
        self.string(&b.en);
    }
    #[inline(never)]
    fn option<T>(&mut self, value: Option<T>, write: fn(&mut Self, T)) {
        match value {
            Some(v) => {
                self.0.push(1);
                write(self, v);
            }
            None => self.0.push(0),
        }
    }
    #[inline(never)]
    fn coordinates(&mut self, c: &Coordinates) {
        self.0.extend_from_slice(&c.lat.to_le_bytes());
        self.0.extend_from_slice(&c.lon.to_le_bytes());
    }
    #[inline(never)]
    fn feature_kind(&mut self, k: MapFeatureKind) {
        self.count(MapFeatureKind::ALL.iter().position(|&x| x == k).unwrap_or(0));
    }
    #[inline(never)]
    fn waypoint(&mut self, w: &Waypoint) {
        match w {
            Waypoint::Point(id) => {
                self.0.push(0);
                self.string(id);
            }
            Waypoint::At(c) => {
                self.0.push(1);
                self.coordinates(c);
            }
        }
    }
}

/// The bytes not read yet.
struct Bytes<'a> {
    b: &'a [u8],
}

impl Bytes<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.b.split_first()?;
        self.b = rest;
        Some(first)
    }
    fn u32(&mut self) -> Option<u32> {
        let mut n: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            n |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }
    fn index(&mut self) -> Option<usize> {
        self.u32().map(|n| n as usize)
    }
    fn int(&mut self) -> Option<i32> {
        self.u32().map(|n| n as i32)
    }
    fn string(&mut self) -> Option<String> {
        let len = self.index()?;
        if len > self.b.len() {
            return None;
        }
        let (s, rest) = self.b.split_at(len);
        self.b = rest;
        String::from_utf8(s.to_vec()).ok()
    }
    fn bilingual(&mut self) -> Option<Bilingual> {
        Some(Bilingual { ar: self.string()?, en: self.string()? })
    }
    /// A list of at most as many items as bytes are left (every item takes one at least).
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.index()?;
        if n > self.b.len() {
            return None;
        }
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(item(self)?);
        }
        Some(out)
    }
    fn option<T>(&mut self, item: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.byte()? {
            0 => Some(None),
            _ => item(self).map(Some),
        }
    }
    fn f64(&mut self) -> Option<f64> {
        if self.b.len() < 8 {
            return None;
        }
        let (x, rest) = self.b.split_at(8);
        self.b = rest;
        let v = f64::from_le_bytes(x.try_into().ok()?);
        v.is_finite().then_some(v)
    }
    fn coordinates(&mut self) -> Option<Coordinates> {
        Some(Coordinates { lat: self.f64()?, lon: self.f64()? })
    }
    fn feature_kind(&mut self) -> Option<MapFeatureKind> {
        MapFeatureKind::ALL.get(self.index()?).copied()
    }
    fn waypoint(&mut self) -> Option<Waypoint> {
        match self.byte()? {
            0 => Some(Waypoint::Point(self.string()?)),
            _ => Some(Waypoint::At(self.coordinates()?)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_sketch_holds_what_the_figures_draw() {
        let reading = crate::seed::reading();
        let bytes = encode(&reading);
        let s = Sketch::decode(&bytes).expect("decodes");
        let doc = &reading.doc;
        assert_eq!(s.entities.len(), doc.entities.len());
        assert_eq!(s.entities[3].name, doc.entities[3].name);
        assert_eq!(s.relations.len(), doc.relations.len());
        assert_eq!(s.events.len(), doc.timeline.len());
        assert_eq!(s.map, doc.map);
        assert_eq!(s.first_mentions, doc.endnotes.iter().map(|&e| e as usize).collect::<Vec<_>>());
        for (e, t) in s.events.iter().zip(&doc.timeline) {
            assert_eq!(e.sentence.as_deref(), t.evidence.map(|span| reading.words(span)));
        }
        assert_eq!(s.entity_index("nicolas-maduro"), reading.entity_index("nicolas-maduro"));
        // Only what is drawn: the sketch is a fraction of the published JSON.
        let json = crate::seed::PUBLISHED_JSON.len();
        assert!(bytes.len() * 2 < json, "{} bytes against {json}", bytes.len());
    }

    #[test]
    fn a_sketch_cut_short_or_changed_decodes_to_none_or_to_something_in_range() {
        let bytes = encode(&crate::seed::reading());
        for cut in 0..bytes.len() {
            assert!(Sketch::decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        for at in (0..bytes.len()).step_by(7) {
            for v in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[at] = v;
                if let Some(s) = Sketch::decode(&b) {
                    let n = s.entities.len();
                    assert!(s.relations.iter().all(|r| r.subject < n && r.object < n));
                    assert!(s.relations.iter().all(|r| r.predicate < s.predicates.len()));
                    assert!(s.events.iter().flat_map(|e| &e.entities).all(|&e| e < n));
                }
            }
        }
    }

    #[test]
    fn messages_cross_the_boundary_and_back() {
        for t in [Tell::Open(None), Tell::Open(Some(3)), Tell::Show(0), Tell::Load] {
            let (a, b) = t.wire();
            assert_eq!(Tell::from_wire(a, b), Some(t));
        }
        for p in [Pick::Entity(7), Pick::Evidence(0)] {
            let (a, b) = p.wire();
            assert_eq!(Pick::from_wire(a, b), Some(p));
        }
        assert_eq!(Tell::from_wire(9, 0), None);
        assert_eq!(Tell::from_wire(1, -1), None);
        assert_eq!(Pick::from_wire(5, 0), None);
    }
}
