//! Reading a published document: [`Reading`], a published document checked and indexed for the
//! view. It is untrusted input like any other: [`Reading::new`] checks every index and offset (in
//! range, on a character boundary and a letter's boundary, mentions sorted and disjoint), every
//! id (a slug, unique), every reference (an entity, a map point, a region), every name (no control
//! character, bidi controls balanced) and every link (http or https only), and refuses a document
//! over the format's [`crate::limits`], before the view sees it; it converts the offsets from the
//! wire's UTF-16 to UTF-8 byte offsets once. The view then only reads. [`read_published`] reads
//! the JSON with the small parser of [`crate::json`], not serde.

use crate::model::{is_slug, Article, Bilingual, BlockRef, Coordinates, EntityKind, MapData, Waypoint};
use crate::problem::{Code, Message, Problem};
use crate::published::*;
use crate::said;

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

/// The most text (UTF-8 bytes) and mentions of one part of a long article ([`Reading::parts`]):
/// what a browser lays out and makes interactive in a few tens of milliseconds, so that a long
/// article is readable at once and rendered in tasks short enough to answer a click meanwhile.
pub const PART_BYTES: usize = 40_000;
pub const PART_MENTIONS: usize = 600;

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

/// Whether a character continues the letter before it rather than starting one (a combining
/// mark, Arabic's harakat among them, a variation selector, a joiner, an emoji modifier or tag):
/// a range that starts or ends on one cuts a letter from its marks. Not the whole of UAX #29 (that
/// is the publisher's), but what breaks Arabic and emoji when cut.
pub fn continues(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED | 0x08D3..=0x08E1
        | 0x08E3..=0x08FF | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

fn regional(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// UTF-16 offsets of a text → UTF-8 byte offsets, refusing offsets past the end, inside a
/// character (between the two halves of a surrogate pair), or inside a letter's cluster.
struct Units<'t> {
    text: &'t str,
    /// (utf16 offset, byte offset) of every char start, and the end.
    starts: Vec<(u32, u32)>,
}

impl<'t> Units<'t> {
    fn new(text: &'t str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 2 + 1);
        let mut u = 0u32;
        for (b, c) in text.char_indices() {
            starts.push((u, b as u32));
            u += c.len_utf16() as u32;
        }
        starts.push((u, text.len() as u32));
        Units { text, starts }
    }
    fn len(&self) -> u32 {
        self.starts.last().map_or(0, |l| l.0)
    }
    fn byte(&self, utf16: u32) -> Option<u32> {
        self.starts.binary_search_by_key(&utf16, |&(u, _)| u).ok().map(|i| self.starts[i].1)
    }
    /// Whether a byte offset (on a char boundary) falls inside a letter's cluster.
    fn inside_cluster(&self, at: usize) -> bool {
        let (before, after) = self.text.split_at(at);
        let (Some(next), Some(prev)) = (after.chars().next(), before.chars().next_back()) else { return false };
        if continues(next) || prev == '\u{200D}' {
            return true;
        }
        // Between the two regional indicators of a flag: an odd number of them before.
        regional(next) && before.chars().rev().take_while(|&c| regional(c)).count() % 2 == 1
    }
    fn range(&self, start: u32, end: u32) -> Result<(u32, u32), Message> {
        let len = self.len();
        if end > len || start > len {
            return Err(said!(Code::RangeOutside, start, end, len));
        }
        if start > end {
            return Err(said!(Code::RangeReversed, start, end));
        }
        let (Some(s), Some(e)) = (self.byte(start), self.byte(end)) else {
            return Err(said!(Code::RangeCutsCharacter, start, end));
        };
        for (at, units) in [(s, start), (e, end)] {
            if self.inside_cluster(at as usize) {
                return Err(said!(Code::RangeCutsCluster, units));
            }
        }
        Ok((s, e))
    }
}

fn text_of(article: &Article, index: u32) -> Option<&str> {
    match index {
        0 => Some(&article.headline),
        i => article.blocks.get(i as usize - 1).map(|b| b.text.as_str()),
    }
}

/// Whether a name is safe to show: no control character (a tab or a line break aside), and every
/// bidi embedding, override and isolate closed, in order, within it.
pub fn safe_text(s: &str) -> bool {
    let mut open: Vec<bool> = Vec::new(); // true: an isolate; false: an embedding or override
    for c in s.chars() {
        let closes = match c {
            '\t' | '\n' => continue,
            c if c.is_control() => return false,
            '\u{202C}' => Some(false),
            '\u{2069}' => Some(true),
            '\u{202A}'..='\u{202E}' => {
                open.push(false);
                None
            }
            '\u{2066}'..='\u{2068}' => {
                open.push(true);
                None
            }
            _ => None,
        };
        if closes.is_some() && open.pop() != closes {
            return false;
        }
    }
    open.is_empty()
}

/// Whether a link may be followed: http or https, the scheme in any case.
pub fn is_web_link(url: &str) -> bool {
    let scheme = url.split_once(':').map_or("", |(s, _)| s);
    (scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http"))
        && url[scheme.len()..].starts_with("://")
}

impl Reading {
    /// Parses a published document given as JSON and checks it.
    pub fn from_json(json: &str) -> Result<Reading, Vec<Problem>> {
        Reading::new(read_published(json)?)
    }

    /// Checks a published document (every index, offset, id, reference, name and link, and the
    /// format's limits) and indexes it.
    pub fn new(mut doc: Published) -> Result<Reading, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut push = |path: String, message: Message| {
            if problems.len() < 100 {
                problems.push(Problem::new(path, message));
            }
        };
        if doc.format != FORMAT {
            push("format".into(), Message::new(Code::NotPublished, []));
        }
        if doc.version != VERSION {
            push("version".into(), said!(Code::Version, doc.version, VERSION));
        }
        if let Some(source) = &doc.article.source {
            if let Some(url) = source.url.as_ref().filter(|u| !is_web_link(u)) {
                push("article.source.url".into(), said!(Code::LinkScheme, url));
            }
            if !safe_text(&source.name) {
                push("article.source.name".into(), said!(Code::UnsafeText, &source.name));
            }
        }
        let n = doc.entities.len();
        let (sorted, twice) = sorted_ids(doc.entities.iter().map(|e| e.id.as_str()));
        for (i, id) in twice {
            push(format!("entities[{i}].id"), said!(Code::DuplicateId, id));
        }
        let ids: Vec<(String, usize)> = sorted.into_iter().map(|(id, i)| (id.to_owned(), i)).collect();
        let names = |path: String, b: &Bilingual, push: &mut dyn FnMut(String, Message)| {
            for (lang, text) in [("ar", &b.ar), ("en", &b.en)] {
                if !safe_text(text) {
                    push(format!("{path}.{lang}"), said!(Code::UnsafeText, text));
                }
            }
        };
        for (i, e) in doc.entities.iter().enumerate() {
            if !is_slug(&e.id) {
                push(format!("entities[{i}].id"), said!(Code::NotSlug, &e.id));
            }
            names(format!("entities[{i}].name"), &e.name, &mut push);
            names(format!("entities[{i}].description"), &e.description, &mut push);
            for (k, &u) in e.metonym_uses.iter().enumerate() {
                if u as usize >= n {
                    push(format!("entities[{i}].metonym_uses[{k}]"), said!(Code::NoEntityIndex, u));
                }
            }
        }
        let entity_ok = |e: u32| (e as usize) < n;
        let predicates = &doc.predicates;
        for (i, p) in predicates.iter().enumerate() {
            if p.0.len() != 4 {
                push(format!("predicates[{i}]"), said!(Code::WrongType, Code::WantPredicateLabels));
            }
            for (k, label) in p.0.iter().enumerate() {
                if !safe_text(label) {
                    push(format!("predicates[{i}][{k}]"), said!(Code::UnsafeText, label));
                }
            }
        }
        let texts = 1 + doc.article.blocks.len();
        if doc.mentions.len() != texts {
            push("mentions".into(), said!(Code::MentionLists, doc.mentions.len(), texts));
        }
        let units: Vec<Units> = (0..texts as u32).map(|t| Units::new(text_of(&doc.article, t).unwrap_or(""))).collect();
        let convert = |path: &str, s: &mut Span, push: &mut dyn FnMut(String, Message)| -> bool {
            let Some(u) = units.get(s.0 as usize) else {
                push(path.to_owned(), said!(Code::NoText, s.0));
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
            // The previous mention, as byte offsets.
            let mut last: Option<(u32, u32)> = None;
            for (k, m) in list.iter_mut().enumerate() {
                let path = format!("mentions[{t}][{k}]");
                if !entity_ok(m.2) {
                    push(path.clone(), said!(Code::NoEntityIndex, m.2));
                }
                if m.3 & !flag::ALL != 0 {
                    push(path.clone(), said!(Code::UnknownFlags, m.3));
                }
                let words = |(a, b): (u32, u32)| u.text.get(a as usize..b as usize).unwrap_or_default().to_owned();
                match u.range(m.0, m.1) {
                    Ok((a, b)) if a == b => push(path, Message::new(Code::EmptyMention, [])),
                    Ok((a, b)) if last.is_some_and(|(_, e)| a < e) => {
                        let prev = last.unwrap_or_default();
                        let code = if a < prev.0 { Code::MentionsOutOfOrder } else { Code::MentionsOverlap };
                        push(path, said!(code, words((a, b)), words(prev)));
                    }
                    Ok((a, b)) => {
                        (m.0, m.1) = (a, b);
                        last = Some((a, b));
                    }
                    Err(message) => push(path, message),
                }
            }
        }
        for (i, e) in doc.entities.iter_mut().enumerate() {
            for (k, c) in e.claims.iter_mut().enumerate() {
                names(format!("entities[{i}].claims[{k}].text"), &c.text, &mut push);
                if let Some(s) = &mut c.evidence {
                    convert(&format!("entities[{i}].claims[{k}].evidence"), s, &mut push);
                }
                for (j, &a) in c.asserted_by.iter().enumerate() {
                    if !entity_ok(a) {
                        push(format!("entities[{i}].claims[{k}].asserted_by[{j}]"), said!(Code::NoEntityIndex, a));
                    }
                }
            }
            if let Some(c) = e.coordinates {
                if !in_range(&c) {
                    push(format!("entities[{i}].coordinates"), coordinates_problem(&c));
                }
            }
        }
        for (i, r) in doc.relations.iter_mut().enumerate() {
            let sources = r.asserted_by.iter().enumerate().map(|(j, &e)| (format!("asserted_by[{j}]"), e));
            for (field, e) in
                [("subject".to_owned(), r.subject), ("object".to_owned(), r.object)].into_iter().chain(sources)
            {
                if !entity_ok(e) {
                    push(format!("relations[{i}].{field}"), said!(Code::NoEntityIndex, e));
                }
            }
            if r.predicate as usize >= predicates.len() {
                push(format!("relations[{i}].predicate"), said!(Code::NoPredicate, r.predicate));
            }
            for (field, b) in [("when", &r.when), ("detail", &r.detail)] {
                if let Some(b) = b {
                    names(format!("relations[{i}].{field}"), b, &mut push);
                }
            }
            if let Some(s) = &mut r.evidence {
                convert(&format!("relations[{i}].evidence"), s, &mut push);
            }
        }
        for (i, id) in sorted_ids(doc.timeline.iter().map(|t| t.id.as_str())).1 {
            push(format!("timeline[{i}].id"), said!(Code::DuplicateId, id));
        }
        for (i, t) in doc.timeline.iter_mut().enumerate() {
            if !is_slug(&t.id) {
                push(format!("timeline[{i}].id"), said!(Code::NotSlug, &t.id));
            }
            names(format!("timeline[{i}].label"), &t.label, &mut push);
            names(format!("timeline[{i}].when"), &t.when, &mut push);
            for (k, &e) in t.entities.iter().enumerate() {
                if !entity_ok(e) {
                    push(format!("timeline[{i}].entities[{k}]"), said!(Code::NoEntityIndex, e));
                }
            }
            if let Some(s) = &mut t.evidence {
                convert(&format!("timeline[{i}].evidence"), s, &mut push);
            }
        }
        for (k, note) in doc.notes.iter().enumerate() {
            if doc.mentions.get(note.0 as usize).is_none_or(|l| note.1 as usize >= l.len()) {
                push(format!("notes[{k}]"), Message::new(Code::NoMention, []));
            }
            names(format!("notes[{k}]"), &note.2, &mut push);
        }
        let mut endnote = vec![0; n];
        for (k, &e) in doc.endnotes.iter().enumerate() {
            if !entity_ok(e) {
                push(format!("endnotes[{k}]"), said!(Code::NoEntityIndex, e));
            } else if endnote[e as usize] != 0 {
                push(format!("endnotes[{k}]"), said!(Code::ListedTwice, e));
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

    /// The article's blocks in parts that the view renders one task at a time: each part at most
    /// [`PART_BYTES`] of text and [`PART_MENTIONS`] mentions (or one block, if that block alone is
    /// more). A document of one part, as every ordinary article is, is rendered whole at once.
    pub fn parts(&self) -> Vec<std::ops::Range<usize>> {
        let mut parts = Vec::new();
        let (mut start, mut bytes, mut mentions) = (0, 0, 0);
        for i in 0..self.doc.article.blocks.len() {
            let (b, m) = (self.text(BlockRef::Block(i)).len(), self.mentions_of(BlockRef::Block(i)).len());
            if i > start && (bytes + b > PART_BYTES || mentions + m > PART_MENTIONS) {
                parts.push(start..i);
                (start, bytes, mentions) = (i, 0, 0);
            }
            bytes += b;
            mentions += m;
        }
        parts.push(start..self.doc.article.blocks.len());
        parts
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

/// An id and the index of what it names.
type IdAt<'a> = (&'a str, usize);

/// Ids sorted (each with its index), and those that repeat an earlier one (index, id). The
/// entities' sorted ids are looked up by binary search; the timeline's and the map's are only
/// checked.
fn sorted_ids<'a>(ids: impl Iterator<Item = &'a str>) -> (Vec<IdAt<'a>>, Vec<(usize, &'a str)>) {
    let mut sorted: Vec<(&str, usize)> = ids.enumerate().map(|(i, id)| (id, i)).collect();
    sorted.sort_unstable();
    let twice = sorted.windows(2).filter(|w| w[0].0 == w[1].0).map(|w| (w[1].1, w[1].0)).collect();
    (sorted, twice)
}

/// A finite position on the globe.
fn in_range(c: &Coordinates) -> bool {
    c.lat.is_finite() && c.lon.is_finite() && c.lat.abs() <= 90.0 && c.lon.abs() <= 180.0
}

fn coordinates_problem(c: &Coordinates) -> Message {
    said!(Code::CoordinatesOutOfRange, crate::num::fixed(c.lat, 4), crate::num::fixed(c.lon, 4))
}

fn check_map(map: &MapData, ids: &[(String, usize)], push: &mut dyn FnMut(String, Message)) {
    if let Some(region) = map.region.as_deref().filter(|r| !crate::geo::is_region(r)) {
        push("map.region".into(), said!(Code::UnknownRegion, region, crate::geo::region_names()));
    }
    let coords = |path: String, c: &Coordinates, push: &mut dyn FnMut(String, Message)| {
        if !in_range(c) {
            push(path, coordinates_problem(c));
        }
    };
    let common = |path: &str,
                  label: &Bilingual,
                  time: &Option<Bilingual>,
                  list: &[String],
                  push: &mut dyn FnMut(String, Message)| {
        for (k, id) in list.iter().enumerate() {
            if find_id(ids, id).is_none() {
                push(format!("{path}.entities[{k}]"), said!(Code::NoEntityId, id));
            }
        }
        for (field, b) in [("label", Some(label)), ("time", time.as_ref())] {
            for (lang, text) in b.iter().flat_map(|b| [("ar", &b.ar), ("en", &b.en)]) {
                if !safe_text(text) {
                    push(format!("{path}.{field}.{lang}"), said!(Code::UnsafeText, text));
                }
            }
        }
    };
    // Ids are unique across points, areas and movements (a waypoint names a point by its id).
    let all = map
        .points
        .iter()
        .map(|p| &p.id)
        .chain(map.areas.iter().map(|a| &a.id))
        .chain(map.movements.iter().map(|m| &m.id));
    let twice: Vec<usize> = sorted_ids(all.map(String::as_str)).1.into_iter().map(|(k, _)| k).collect();
    let mut k = 0;
    let mut id = |path: &str, id: &str, push: &mut dyn FnMut(String, Message)| {
        if !is_slug(id) {
            push(format!("{path}.id"), said!(Code::NotSlug, id));
        } else if twice.contains(&k) {
            push(format!("{path}.id"), said!(Code::DuplicateId, id));
        }
        k += 1;
    };
    for (i, p) in map.points.iter().enumerate() {
        let path = format!("map.points[{i}]");
        id(&path, &p.id, push);
        coords(format!("{path}.coordinates"), &p.coordinates, push);
        common(&path, &p.label, &p.time, &p.entities, push);
    }
    for (i, a) in map.areas.iter().enumerate() {
        let path = format!("map.areas[{i}]");
        id(&path, &a.id, push);
        match &a.shape {
            crate::model::AreaShape::Polygon(ring) => {
                if ring.len() < 3 {
                    push(format!("{path}.shape.polygon"), Message::new(Code::FewPositions, []));
                }
                for (k, c) in ring.iter().enumerate() {
                    coords(format!("{path}.shape.polygon[{k}]"), c, push);
                }
            }
            crate::model::AreaShape::Country(code) => {
                if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
                    push(format!("{path}.shape.country"), said!(Code::UnknownCountry, code));
                }
            }
        }
        common(&path, &a.label, &a.time, &a.entities, push);
    }
    for (i, m) in map.movements.iter().enumerate() {
        let path = format!("map.movements[{i}]");
        id(&path, &m.id, push);
        for w in std::iter::once(&m.from).chain(&m.via).chain(std::iter::once(&m.to)) {
            match w {
                Waypoint::At(c) => coords(format!("{path}.via"), c, push),
                Waypoint::Point(p) if !map.points.iter().any(|x| &x.id == p) => {
                    push(format!("{path}.via"), said!(Code::UnknownWaypoint, p));
                }
                Waypoint::Point(_) => {}
            }
        }
        common(&path, &m.label, &m.time, &m.entities, push);
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

/// The limits a parsed published document passes ([`crate::limits`]), counted on the JSON before
/// it is read into types: each one passed, as a problem naming the limit and the count.
fn over_limits(value: &crate::json::Value) -> Vec<Problem> {
    use crate::json::Value;
    fn get<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
        match v {
            Value::Object(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    fn items(v: Option<&Value>) -> &[Value] {
        match v {
            Some(Value::Array(a)) => a.as_slice(),
            _ => &[],
        }
    }
    fn utf16(v: Option<&Value>) -> usize {
        match v {
            Some(Value::String(s)) => s.encode_utf16().count(),
            _ => 0,
        }
    }
    let article = get(value, "article");
    let text = utf16(article.and_then(|a| get(a, "headline")))
        + items(article.and_then(|a| get(a, "blocks"))).iter().map(|b| utf16(get(b, "text"))).sum::<usize>();
    let mentions: usize = items(get(value, "mentions")).iter().map(|l| items(Some(l)).len()).sum();
    let map = get(value, "map");
    let features = ["points", "areas", "movements"].map(|k| items(map.and_then(|m| get(m, k))));
    let vertices: usize = features[0].len()
        + features[1]
            .iter()
            .map(|a| items(get(a, "shape").and_then(|s| get(s, "polygon"))).len().max(1))
            .sum::<usize>()
        + features[2].iter().map(|m| 2 + items(get(m, "via")).len()).sum::<usize>();
    let counts = [
        ("article", Code::LimitText, text, crate::limits::TEXT),
        ("mentions", Code::LimitMentions, mentions, crate::limits::MENTIONS),
        ("entities", Code::LimitEntities, items(get(value, "entities")).len(), crate::limits::ENTITIES),
        ("relations", Code::LimitRelations, items(get(value, "relations")).len(), crate::limits::RELATIONS),
        ("timeline", Code::LimitEvents, items(get(value, "timeline")).len(), crate::limits::EVENTS),
        ("map", Code::LimitFeatures, features.iter().map(|f| f.len()).sum(), crate::limits::FEATURES),
        ("map", Code::LimitVertices, vertices, crate::limits::VERTICES),
    ];
    counts
        .into_iter()
        .filter(|&(_, _, n, limit)| n > limit)
        .map(|(path, what, n, limit)| Problem::new(path, said!(Code::OverLimit, what, n, limit)))
        .collect()
}

/// A published document from parsed JSON.
pub fn published_from_value(value: &crate::json::Value) -> Result<Published, Vec<Problem>> {
    READS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let over = over_limits(value);
    if !over.is_empty() {
        return Err(over);
    }
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
                r.wrong(Code::WantSpan);
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
            let allowed: Vec<&str> = all.iter().map(|&k| slug(k)).collect();
            r.problem(said!(Code::UnknownValue, s, allowed.join(", ")));
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
                            r.wrong(Code::WantMention);
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
                            r.wrong(Code::WantNote);
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
                                    r.wrong(Code::WantShape);
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
                        order: r.field(o, "order", |r, v| r.int(v, i64::from(i32::MIN), i64::from(i32::MAX)))? as i32,
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
        _ => Err(vec![Problem::new("", Message::new(Code::NotPublished, []))]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinary_article_is_one_part_and_a_long_one_is_cut_between_blocks_within_the_budget() {
        let seed = crate::seed::reading();
        assert_eq!(seed.parts(), vec![0..seed.doc.article.blocks.len()]);
        let mut long = seed.clone();
        let blocks = long.doc.article.blocks.clone();
        let mentions = long.doc.mentions[1..].to_vec();
        for _ in 0..200 {
            long.doc.article.blocks.extend(blocks.iter().cloned());
            long.doc.mentions.extend(mentions.iter().cloned());
        }
        let parts = long.parts();
        assert!(parts.len() > 1, "{parts:?}");
        assert_eq!(parts.first().map(|p| p.start), Some(0));
        assert_eq!(parts.last().map(|p| p.end), Some(long.doc.article.blocks.len()));
        for w in parts.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        for p in &parts {
            let bytes: usize = p.clone().map(|i| long.text(BlockRef::Block(i)).len()).sum();
            let count: usize = p.clone().map(|i| long.mentions_of(BlockRef::Block(i)).len()).sum();
            assert!(
                p.len() == 1 || (bytes <= PART_BYTES && count <= PART_MENTIONS),
                "{p:?}: {bytes} bytes, {count} mentions"
            );
        }
    }
}
