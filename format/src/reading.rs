//! Reading a published document: [`Reading`], a published document checked and indexed for the
//! view. It is untrusted input like any other: [`Reading::new`] checks every index and offset (in
//! range, on a character boundary, mentions sorted and disjoint), every id (a slug, unique) and
//! every link (http or https only) before the view sees it, and converts the offsets from the
//! wire's UTF-16 to UTF-8 byte offsets once. The view then only reads. [`read_published`] reads
//! the JSON with the small parser of [`crate::json`], not serde.

use crate::model::{is_slug, Article, Bilingual, BlockRef, Coordinates, EntityKind, MapData, Problem, Waypoint};
use crate::published::*;

/// Whether a JSON text is a published document rather than an authoring one: its top-level
/// `format` says so (wherever the key stands).
pub fn is_published(json: &str) -> bool {
    matches!(crate::json::parse(json), Ok(v) if declares_published(&v))
}

fn declares_published(v: &crate::json::Value) -> bool {
    use crate::json::Value;
    matches!(v, Value::Object(m) if m.iter().any(|(k, v)| k == "format" && matches!(v, Value::String(f) if f == FORMAT)))
}

/// Reads a JSON text if it is a published document (or not JSON at all: then its syntax error):
/// None for an authoring document, which needs the publisher first. One parse either way.
pub fn read_if_published(json: &str) -> Option<Result<Reading, Vec<Problem>>> {
    let value = match crate::json::parse(json) {
        Ok(v) => v,
        Err(e) => return Some(Err(vec![e.problem(json)])),
    };
    if !declares_published(&value) {
        return None;
    }
    Some(published_from_value(&value).and_then(Reading::new))
}

// --- reading ---------------------------------------------------------------------------------

fn problem(path: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem { path: path.into(), message: message.into() }
}

/// Where one mention is: which text, and its index among that text's mentions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionRef {
    pub text: BlockRef,
    pub index: usize,
}

/// A published document, checked and indexed for the view. Its spans and mentions hold UTF-8
/// byte offsets into [`Reading::text`] (converted once, from the wire's UTF-16, by [`Reading::new`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub doc: Published,
    /// For each entity, its mentions in reading order.
    pub by_entity: Vec<Vec<MentionRef>>,
    /// For each entity, its number in the print endnotes (1-based; 0 if the text never names it).
    pub endnote: Vec<usize>,
    /// For each entity, whether a map feature belongs to it.
    pub on_map: Vec<bool>,
    /// (id, entity index), sorted by id: looked up by binary search (no hash map in the wasm).
    ids: Vec<(String, usize)>,
}

/// UTF-16 offsets of a text → UTF-8 byte offsets, refusing offsets past the end or inside a
/// character (between the two halves of a surrogate pair).
struct Units {
    /// (utf16 offset, byte offset) of every char start, and the end.
    starts: Vec<(u32, u32)>,
}

impl Units {
    fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 2 + 1);
        let mut u = 0u32;
        for (b, c) in text.char_indices() {
            starts.push((u, b as u32));
            u += c.len_utf16() as u32;
        }
        starts.push((u, text.len() as u32));
        Units { starts }
    }
    fn byte(&self, utf16: u32) -> Option<u32> {
        self.starts.binary_search_by_key(&utf16, |&(u, _)| u).ok().map(|i| self.starts[i].1)
    }
    fn range(&self, start: u32, end: u32) -> Result<(u32, u32), String> {
        let len = self.starts.last().map_or(0, |l| l.0);
        if start > end || end > len {
            return Err(format!("range {start}..{end} is outside its text ({len} UTF-16 units)"));
        }
        match (self.byte(start), self.byte(end)) {
            (Some(s), Some(e)) => Ok((s, e)),
            _ => Err(format!("range {start}..{end} cuts a character in two")),
        }
    }
}

fn text_of(article: &Article, index: u32) -> Option<&str> {
    match index {
        0 => Some(&article.headline),
        i => article.blocks.get(i as usize - 1).map(|b| b.text.as_str()),
    }
}

impl Reading {
    /// Parses a published document given as JSON and checks it.
    pub fn from_json(json: &str) -> Result<Reading, Vec<Problem>> {
        Reading::new(read_published(json)?)
    }

    /// Checks a published document (every index, offset, id and link) and indexes it.
    pub fn new(mut doc: Published) -> Result<Reading, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut push = |path: String, message: String| {
            if problems.len() < 100 {
                problems.push(problem(path, message));
            }
        };
        if doc.format != FORMAT {
            push("format".into(), format!("expected \"{FORMAT}\""));
        }
        if doc.version != VERSION {
            push(
                "version".into(),
                format!("published format version {} is not supported (this reader reads {VERSION})", doc.version),
            );
        }
        if let Some(url) = doc.article.source.as_ref().and_then(|s| s.url.as_ref()) {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                push("article.source.url".into(), "only http and https links are allowed".into());
            }
        }
        let n = doc.entities.len();
        let mut ids: Vec<(String, usize)> = doc.entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        ids.sort();
        for pair in ids.windows(2) {
            if pair[0].0 == pair[1].0 {
                push(format!("entities[{}].id", pair[1].1), format!("duplicate id «{}»", pair[1].0));
            }
        }
        for (i, e) in doc.entities.iter().enumerate() {
            if !is_slug(&e.id) {
                push(format!("entities[{i}].id"), format!("«{}» is not a lowercase slug", e.id));
            }
            for (k, &u) in e.metonym_uses.iter().enumerate() {
                if u as usize >= n {
                    push(format!("entities[{i}].metonym_uses[{k}]"), format!("no entity {u}"));
                }
            }
        }
        let entity_ok = |e: u32| (e as usize) < n;
        let predicates = &doc.predicates;
        for (i, p) in predicates.iter().enumerate() {
            if p.0.len() != 4 {
                push(format!("predicates[{i}]"), "expected [ar, en, inverse ar, inverse en]".into());
            }
        }
        let texts = 1 + doc.article.blocks.len();
        if doc.mentions.len() != texts {
            push("mentions".into(), format!("{} lists of mentions for {texts} texts", doc.mentions.len()));
        }
        let units: Vec<Units> = (0..texts as u32).map(|t| Units::new(text_of(&doc.article, t).unwrap_or(""))).collect();
        let convert = |path: &str, s: &mut Span, push: &mut dyn FnMut(String, String)| -> bool {
            let Some(u) = units.get(s.0 as usize) else {
                push(path.to_owned(), format!("no text {}", s.0));
                return false;
            };
            match u.range(s.1, s.2) {
                Ok((a, b)) => {
                    s.1 = a;
                    s.2 = b;
                    true
                }
                Err(m) => {
                    push(path.to_owned(), m);
                    false
                }
            }
        };
        for (t, list) in doc.mentions.iter_mut().enumerate() {
            let Some(u) = units.get(t) else { break };
            let mut last_end = 0;
            for (k, m) in list.iter_mut().enumerate() {
                let path = format!("mentions[{t}][{k}]");
                if !entity_ok(m.2) {
                    push(path.clone(), format!("no entity {}", m.2));
                }
                if m.3 & !flag::ALL != 0 {
                    push(path.clone(), format!("unknown flags {}", m.3));
                }
                match u.range(m.0, m.1) {
                    Ok((a, b)) if a == b => push(path, "an empty mention".into()),
                    Ok((a, _)) if a < last_end => push(path, "mentions overlap or are out of order".into()),
                    Ok((a, b)) => {
                        (m.0, m.1) = (a, b);
                        last_end = b;
                    }
                    Err(message) => push(path, message),
                }
            }
        }
        for (i, e) in doc.entities.iter_mut().enumerate() {
            for (k, c) in e.claims.iter_mut().enumerate() {
                if let Some(s) = &mut c.evidence {
                    convert(&format!("entities[{i}].claims[{k}].evidence"), s, &mut push);
                }
                for (j, &a) in c.asserted_by.iter().enumerate() {
                    if !entity_ok(a) {
                        push(format!("entities[{i}].claims[{k}].asserted_by[{j}]"), "no such entity".into());
                    }
                }
            }
            if let Some(c) = e.coordinates {
                if !in_range(&c) {
                    push(format!("entities[{i}].coordinates"), "out of range".into());
                }
            }
        }
        for (i, r) in doc.relations.iter_mut().enumerate() {
            let sources = r.asserted_by.iter().enumerate().map(|(j, &e)| (format!("asserted_by[{j}]"), e));
            for (field, e) in
                [("subject".to_owned(), r.subject), ("object".to_owned(), r.object)].into_iter().chain(sources)
            {
                if !entity_ok(e) {
                    push(format!("relations[{i}].{field}"), "no such entity".into());
                }
            }

            if r.predicate as usize >= predicates.len() {
                push(format!("relations[{i}].predicate"), format!("no predicate {}", r.predicate));
            }
            if let Some(s) = &mut r.evidence {
                convert(&format!("relations[{i}].evidence"), s, &mut push);
            }
        }
        for (i, t) in doc.timeline.iter_mut().enumerate() {
            if !is_slug(&t.id) {
                push(format!("timeline[{i}].id"), format!("«{}» is not a lowercase slug", t.id));
            }
            for (k, &e) in t.entities.iter().enumerate() {
                if !entity_ok(e) {
                    push(format!("timeline[{i}].entities[{k}]"), format!("no entity {e}"));
                }
            }
            if let Some(s) = &mut t.evidence {
                convert(&format!("timeline[{i}].evidence"), s, &mut push);
            }
        }
        for (k, note) in doc.notes.iter().enumerate() {
            if doc.mentions.get(note.0 as usize).is_none_or(|l| note.1 as usize >= l.len()) {
                push(format!("notes[{k}]"), "no such mention".into());
            }
        }
        let mut endnote = vec![0; n];
        for (k, &e) in doc.endnotes.iter().enumerate() {
            if !entity_ok(e) {
                push(format!("endnotes[{k}]"), format!("no entity {e}"));
            } else if endnote[e as usize] != 0 {
                push(format!("endnotes[{k}]"), format!("entity {e} twice"));
            } else {
                endnote[e as usize] = k + 1;
            }
        }
        check_map(&doc.map, &ids, &mut push);
        if !problems.is_empty() {
            return Err(problems);
        }

        let mut by_entity = vec![Vec::new(); n];
        for (t, list) in doc.mentions.iter().enumerate() {
            for (index, m) in list.iter().enumerate() {
                by_entity[m.entity()].push(MentionRef { text: text_ref(t as u32), index });
            }
        }
        let on_map = doc.entities.iter().map(|e| doc.map.shows(&e.id)).collect();
        Ok(Reading { doc, by_entity, endnote, on_map, ids })
    }

    /// The index of the entity with this id.
    pub fn entity_index(&self, id: &str) -> Option<usize> {
        find_id(&self.ids, id)
    }

    /// The mentions of one text (byte offsets into [`Reading::text`]).
    pub fn mentions_of(&self, text: BlockRef) -> &[PublishedMention] {
        self.doc.mentions.get(text_index(text) as usize).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The text of the headline or a block.
    pub fn text(&self, text: BlockRef) -> &str {
        text_of(&self.doc.article, text_index(text)).unwrap_or_default()
    }

    /// The words a span covers.
    pub fn words(&self, span: Span) -> &str {
        self.text(span.text()).get(span.1 as usize..span.2 as usize).unwrap_or_default()
    }

    /// Every mention of every text, in reading order.
    pub fn all_mentions(&self) -> impl Iterator<Item = (BlockRef, &PublishedMention)> {
        self.doc.mentions.iter().enumerate().flat_map(|(t, ms)| ms.iter().map(move |m| (text_ref(t as u32), m)))
    }

    /// The classes of a mention's element, the same in the widget and in the pre-rendered page.
    pub fn mention_class(&self, m: &PublishedMention) -> String {
        let entity = &self.doc.entities[m.entity()];
        let mut class = format!("ae-mention ae-k-{}", entity.kind.slug());
        if m.has(flag::ADJECTIVE) {
            class.push_str(" ae-adjective");
        }
        if m.has(flag::METONYM) {
            class.push_str(" ae-metonym");
        }
        class
    }

    /// The relations an entity takes part in, as subject or object, with their indices.
    pub fn relations_of(&self, entity: usize) -> impl Iterator<Item = (usize, &PublishedRelation)> {
        let e = entity as u32;
        self.doc.relations.iter().enumerate().filter(move |(_, r)| r.subject == e || r.object == e)
    }

    /// The entities an entity is related to, in either direction (with repeats).
    pub fn neighbours(&self, entity: usize) -> impl Iterator<Item = usize> + '_ {
        self.relations_of(entity)
            .map(move |(_, r)| if r.subject as usize == entity { r.object as usize } else { r.subject as usize })
    }

    /// A relation's predicate (its index is checked when the document is read).
    pub fn predicate(&self, relation: &PublishedRelation) -> &PublishedPredicate {
        &self.doc.predicates[relation.predicate as usize]
    }

    /// The entities that assert a statement; none for the article itself.
    pub fn asserters<'a>(&'a self, asserted_by: &'a [u32]) -> impl Iterator<Item = &'a PublishedEntity> + 'a {
        asserted_by.iter().filter_map(|&i| self.doc.entities.get(i as usize))
    }
}

/// The entity with this id, in (id, index) pairs sorted by id.
fn find_id(ids: &[(String, usize)], id: &str) -> Option<usize> {
    ids.binary_search_by(|(k, _)| k.as_str().cmp(id)).ok().map(|i| ids[i].1)
}

/// A finite position on the globe.
fn in_range(c: &Coordinates) -> bool {
    c.lat.is_finite() && c.lon.is_finite() && c.lat.abs() <= 90.0 && c.lon.abs() <= 180.0
}

fn check_map(map: &MapData, ids: &[(String, usize)], push: &mut dyn FnMut(String, String)) {
    let coords = |path: String, c: &Coordinates, push: &mut dyn FnMut(String, String)| {
        if !in_range(c) {
            push(path, "coordinates out of range".into());
        }
    };
    let entities = |path: &str, list: &[String], push: &mut dyn FnMut(String, String)| {
        for (k, id) in list.iter().enumerate() {
            if find_id(ids, id).is_none() {
                push(format!("{path}.entities[{k}]"), format!("no entity «{id}»"));
            }
        }
    };
    let mut seen = std::collections::BTreeSet::new();
    let mut id = |path: &str, id: &str, push: &mut dyn FnMut(String, String)| {
        if !is_slug(id) || !seen.insert(id.to_owned()) {
            push(format!("{path}.id"), format!("«{id}» is not a unique slug"));
        }
    };
    for (i, p) in map.points.iter().enumerate() {
        let path = format!("map.points[{i}]");
        id(&path, &p.id, push);
        coords(format!("{path}.coordinates"), &p.coordinates, push);
        entities(&path, &p.entities, push);
    }
    for (i, a) in map.areas.iter().enumerate() {
        let path = format!("map.areas[{i}]");
        id(&path, &a.id, push);
        if let crate::model::AreaShape::Polygon(ring) = &a.shape {
            for (k, c) in ring.iter().enumerate() {
                coords(format!("{path}.shape.polygon[{k}]"), c, push);
            }
        }
        entities(&path, &a.entities, push);
    }
    for (i, m) in map.movements.iter().enumerate() {
        let path = format!("map.movements[{i}]");
        id(&path, &m.id, push);
        for w in std::iter::once(&m.from).chain(&m.via).chain(std::iter::once(&m.to)) {
            if let Waypoint::At(c) = w {
                coords(format!("{path}.via"), c, push);
            }
        }
        entities(&path, &m.entities, push);
    }
}

// --- the wire format, read without serde ---------------------------------------------------

/// Reads a published document from JSON with [`crate::json`] (the reader's small parser): the
/// document, or every problem with its path. Structure only: [`Reading::new`] checks meaning.
pub fn read_published(text: &str) -> Result<Published, Vec<Problem>> {
    published_from_value(&crate::json::parse(text).map_err(|e| vec![e.problem(text)])?)
}

/// How many published documents this instance has read (every read goes through
/// [`published_from_value`]): a page's tests count one per document, as the figures module gets a
/// sketch instead ([`crate::handoff`]).
pub fn times_read() -> usize {
    READS.load(std::sync::atomic::Ordering::Relaxed)
}

static READS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A published document from parsed JSON.
pub fn published_from_value(value: &crate::json::Value) -> Result<Published, Vec<Problem>> {
    READS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    use crate::json::{Members, Reader, Value};
    use crate::model::{
        AreaShape, Block, BlockKind, Direction, MapArea, MapFeatureKind, MapMovement, MapPoint, Source,
    };

    let mut r = Reader::default();

    fn bilingual<'a>(r: &mut Reader<'a>, v: &'a Value) -> Option<Bilingual> {
        let o = r.object(v)?;
        Some(Bilingual { ar: r.field(o, "ar", |r, v| r.string(v))?, en: r.field(o, "en", |r, v| r.string(v))? })
    }
    fn span<'a>(r: &mut Reader<'a>, v: &'a Value) -> Option<Span> {
        let n = r.list(v, |r, v| r.u32(v))?;
        match n[..] {
            [t, s, e] => Some(Span(t, s, e)),
            _ => {
                r.problem("wrong value: expected [text, start, end]");
                None
            }
        }
    }
    fn coordinates<'a>(r: &mut Reader<'a>, v: &'a Value) -> Option<Coordinates> {
        let o = r.object(v)?;
        Some(Coordinates { lat: r.field(o, "lat", |r, v| r.f64(v))?, lon: r.field(o, "lon", |r, v| r.f64(v))? })
    }
    fn named<'a, T: Copy>(r: &mut Reader<'a>, v: &'a Value, all: &[T], slug: fn(T) -> &'static str) -> Option<T> {
        let s = r.string(v)?;
        let found = all.iter().copied().find(|&k| slug(k) == s);
        if found.is_none() {
            r.problem(format!("unknown value «{s}»"));
        }
        found
    }
    fn strings<'a>(r: &mut Reader<'a>, o: &'a Members, key: &'a str) -> Option<Vec<String>> {
        r.optional(o, key, |r, v| r.list(v, |r, v| r.string(v))).map(Option::unwrap_or_default)
    }
    fn indices<'a>(r: &mut Reader<'a>, o: &'a Members, key: &'a str) -> Option<Vec<u32>> {
        r.optional(o, key, |r, v| r.list(v, |r, v| r.u32(v))).map(Option::unwrap_or_default)
    }
    fn flag_of<'a>(r: &mut Reader<'a>, o: &'a Members, key: &'a str) -> Option<bool> {
        r.optional(o, key, |r, v| r.bool(v)).map(Option::unwrap_or_default)
    }
    fn feature_kind<'a>(r: &mut Reader<'a>, v: &'a Value) -> Option<MapFeatureKind> {
        named(r, v, &MapFeatureKind::ALL, MapFeatureKind::slug)
    }
    fn waypoint<'a>(r: &mut Reader<'a>, v: &'a Value) -> Option<Waypoint> {
        match v {
            Value::String(id) => Some(Waypoint::Point(id.clone())),
            _ => coordinates(r, v).map(Waypoint::At),
        }
    }

    let doc = (|| {
        let o = r.object(value)?;
        let format = r.field(o, "format", |r, v| r.string(v))?;
        let version = r.field(o, "version", |r, v| r.u32(v))?;
        let article = r.field(o, "article", |r, v| {
            let o = r.object(v)?;
            Some(Article {
                headline: r.field(o, "headline", |r, v| r.string(v))?,
                blocks: r.field(o, "blocks", |r, v| {
                    r.list(v, |r, v| {
                        let o = r.object(v)?;
                        let kind = r.field(o, "kind", |r, v| {
                            named(r, v, &[BlockKind::Heading, BlockKind::Paragraph], |k| match k {
                                BlockKind::Heading => "heading",
                                BlockKind::Paragraph => "paragraph",
                            })
                        })?;
                        Some(Block { kind, text: r.field(o, "text", |r, v| r.string(v))? })
                    })
                })?,
                language: r.field(o, "language", |r, v| r.string(v))?,
                direction: r
                    .field(o, "direction", |r, v| named(r, v, &[Direction::Rtl, Direction::Ltr], Direction::as_str))?,
                source: r.optional(o, "source", |r, v| {
                    let o = r.object(v)?;
                    Some(Source {
                        name: r.field(o, "name", |r, v| r.string(v))?,
                        url: r.optional(o, "url", |r, v| r.string(v))?,
                    })
                })?,
                published: r.optional(o, "published", |r, v| r.string(v))?,
            })
        });
        let entities = r.field(o, "entities", |r, v| {
            r.list(v, |r, v| {
                let o = r.object(v)?;
                Some(PublishedEntity {
                    id: r.field(o, "id", |r, v| r.string(v))?,
                    kind: r.field(o, "kind", |r, v| named(r, v, &EntityKind::ALL, EntityKind::slug))?,
                    name: r.field(o, "name", bilingual)?,
                    description: r.field(o, "description", bilingual)?,
                    claims: r
                        .optional(o, "claims", |r, v| {
                            r.list(v, |r, v| {
                                let o = r.object(v)?;
                                Some(PublishedClaim {
                                    text: r.field(o, "text", bilingual)?,
                                    evidence: r.optional(o, "evidence", span)?,
                                    asserted_by: indices(r, o, "asserted_by")?,
                                })
                            })
                        })?
                        .unwrap_or_default(),
                    wikidata: r.optional(o, "wikidata", |r, v| r.string(v))?,
                    coordinates: r.optional(o, "coordinates", coordinates)?,
                    metonym_uses: indices(r, o, "metonym_uses")?,
                })
            })
        });
        let mentions = r.field(o, "mentions", |r, v| {
            r.list(v, |r, v| {
                r.list(v, |r, v| {
                    let n = r.list(v, |r, v| r.u32(v))?;
                    match n[..] {
                        [s, e, entity, flags] => Some(PublishedMention(s, e, entity, flags)),
                        _ => {
                            r.problem("wrong value: expected [start, end, entity, flags]");
                            None
                        }
                    }
                })
            })
        });
        let relations = r.field(o, "relations", |r, v| {
            r.list(v, |r, v| {
                let o = r.object(v)?;
                Some(PublishedRelation {
                    subject: r.field(o, "subject", |r, v| r.u32(v))?,
                    predicate: r.field(o, "predicate", |r, v| r.u32(v))?,
                    object: r.field(o, "object", |r, v| r.u32(v))?,
                    evidence: r.optional(o, "evidence", span)?,
                    asserted_by: indices(r, o, "asserted_by")?,
                    when: r.optional(o, "when", bilingual)?,
                    detail: r.optional(o, "detail", bilingual)?,
                })
            })
        });
        let predicates = r
            .optional(o, "predicates", |r, v| r.list(v, |r, v| r.list(v, |r, v| r.string(v)).map(PublishedPredicate)))
            .map(Option::unwrap_or_default);
        let endnotes = r.field(o, "endnotes", |r, v| r.list(v, |r, v| r.u32(v)));
        let notes = r
            .optional(o, "notes", |r, v| {
                r.list(v, |r, v| {
                    let items = r.array(v)?;
                    match items {
                        [t, i, note] => Some((r.u32(t)?, r.u32(i)?, bilingual(r, note)?)),
                        _ => {
                            r.problem("wrong value: expected [text, index, note]");
                            None
                        }
                    }
                })
            })
            .map(Option::unwrap_or_default);
        let map = r
            .optional(o, "map", |r, v| {
                let o = r.object(v)?;
                let points = r.optional(o, "points", |r, v| {
                    r.list(v, |r, v| {
                        let o = r.object(v)?;
                        Some(MapPoint {
                            id: r.field(o, "id", |r, v| r.string(v))?,
                            label: r.field(o, "label", bilingual)?,
                            kind: r.field(o, "kind", feature_kind)?,
                            coordinates: r.field(o, "coordinates", coordinates)?,
                            entities: strings(r, o, "entities")?,
                            approximate: flag_of(r, o, "approximate")?,
                            time: r.optional(o, "time", bilingual)?,
                        })
                    })
                })?;
                let areas = r.optional(o, "areas", |r, v| {
                    r.list(v, |r, v| {
                        let o = r.object(v)?;
                        let shape = r.field(o, "shape", |r, v| {
                            let s = r.object(v)?;
                            match s.first().map(|(k, _)| k.as_str()) {
                                Some("country") => r.field(s, "country", |r, v| r.string(v)).map(AreaShape::Country),
                                Some("polygon") => {
                                    r.field(s, "polygon", |r, v| r.list(v, coordinates)).map(AreaShape::Polygon)
                                }
                                _ => {
                                    r.problem("wrong value: expected {\"country\": …} or {\"polygon\": […]}");
                                    None
                                }
                            }
                        })?;
                        Some(MapArea {
                            id: r.field(o, "id", |r, v| r.string(v))?,
                            label: r.field(o, "label", bilingual)?,
                            kind: r.field(o, "kind", feature_kind)?,
                            shape,
                            entities: strings(r, o, "entities")?,
                            approximate: flag_of(r, o, "approximate")?,
                            time: r.optional(o, "time", bilingual)?,
                        })
                    })
                })?;
                let movements = r.optional(o, "movements", |r, v| {
                    r.list(v, |r, v| {
                        let o = r.object(v)?;
                        Some(MapMovement {
                            id: r.field(o, "id", |r, v| r.string(v))?,
                            label: r.field(o, "label", bilingual)?,
                            kind: r.field(o, "kind", feature_kind)?,
                            from: r.field(o, "from", waypoint)?,
                            to: r.field(o, "to", waypoint)?,
                            via: r.optional(o, "via", |r, v| r.list(v, waypoint))?.unwrap_or_default(),
                            entities: strings(r, o, "entities")?,
                            approximate: flag_of(r, o, "approximate")?,
                            time: r.optional(o, "time", bilingual)?,
                        })
                    })
                })?;
                Some(MapData {
                    region: r.optional(o, "region", |r, v| r.string(v))?,
                    points: points.unwrap_or_default(),
                    areas: areas.unwrap_or_default(),
                    movements: movements.unwrap_or_default(),
                })
            })
            .map(Option::unwrap_or_default);
        let timeline = r
            .optional(o, "timeline", |r, v| {
                r.list(v, |r, v| {
                    let o = r.object(v)?;
                    Some(PublishedEvent {
                        id: r.field(o, "id", |r, v| r.string(v))?,
                        label: r.field(o, "label", bilingual)?,
                        when: r.field(o, "when", bilingual)?,
                        date: r.optional(o, "date", |r, v| r.string(v))?,
                        order: r.field(o, "order", |r, v| r.int(v, f64::from(i32::MIN), f64::from(i32::MAX)))? as i32,
                        entities: indices(r, o, "entities")?,
                        evidence: r.optional(o, "evidence", span)?,
                    })
                })
            })
            .map(Option::unwrap_or_default);
        Some(Published {
            format,
            version,
            article: article?,
            entities: entities?,
            mentions: mentions?,
            relations: relations?,
            predicates: predicates?,
            endnotes: endnotes?,
            notes: notes?,
            map: map?,
            timeline: timeline?,
        })
    })();
    match doc {
        Some(doc) if r.problems.is_empty() => Ok(doc),
        _ if !r.problems.is_empty() => Err(r.problems),
        _ => Err(vec![problem("", "not a published document")]),
    }
}
