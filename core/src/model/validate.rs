//! Reading and checking a document. Never panics: every problem is collected, each with the path
//! of the field it is about (`entities[3].aliases[1]`) and what is wrong.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::document::*;
use crate::text::{locate_quote, normalize_str};

/// One thing wrong with a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: a path such as `entities[3].aliases[1]`, or empty for the whole document.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

fn problem(path: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem { path: path.into(), message: message.into() }
}

/// Parses and validates a document: the document, or every problem found.
pub fn load(json: &str) -> Result<Document, Vec<Problem>> {
    let document = parse(json).map_err(|p| vec![p])?;
    let problems = validate(&document);
    if problems.is_empty() {
        Ok(document)
    } else {
        Err(problems)
    }
}

/// Parses JSON into a document; the one problem that stops parsing, with its path, line and column.
pub fn parse(json: &str) -> Result<Document, Problem> {
    serde_json::from_str::<Document>(json).map_err(|e| {
        let offset = super::jsonpath::offset_of(json, e.line(), e.column());
        let path = super::jsonpath::path_at(json, offset);
        let kind = if e.is_syntax() || e.is_eof() { "JSON syntax error" } else { "wrong value" };
        let message = strip_position(&e.to_string());
        problem(path, format!("{kind} at line {}, column {}: {message}", e.line(), e.column()))
    })
}

/// serde_json appends " at line L column C" to its messages; we give the position ourselves.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Every problem of a parsed document.
pub fn validate(doc: &Document) -> Vec<Problem> {
    let mut v = Validator { doc, problems: Vec::new(), ids: HashMap::new() };
    v.document();
    v.problems
}

struct Validator<'a> {
    doc: &'a Document,
    problems: Vec<Problem>,
    ids: HashMap<&'a str, usize>,
}

impl<'a> Validator<'a> {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(problem(path, message));
    }

    fn document(&mut self) {
        if self.doc.version != VERSION {
            self.push("version", format!("version {} is not supported; this reader reads version {VERSION}", self.doc.version));
        }
        self.article();
        self.entities();
        for (i, r) in self.doc.relations.iter().enumerate() {
            self.relation(&format!("relations[{i}]"), r);
        }
        self.map();
        self.timeline();
        self.overrides();
    }

    fn article(&mut self) {
        let a = &self.doc.article;
        self.non_empty("article.headline", &a.headline);
        if a.blocks.is_empty() {
            self.push("article.blocks", "an article needs at least one block");
        }
        for (i, b) in a.blocks.iter().enumerate() {
            self.non_empty(&format!("article.blocks[{i}].text"), &b.text);
        }
        let lang_ok = !a.language.is_empty()
            && a.language.split('-').all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()));
        if !lang_ok {
            self.push("article.language", format!("{:?} is not a BCP 47 language tag such as \"ar\"", a.language));
        }
        if let Some(date) = &a.published {
            if !is_iso_date(date) {
                self.push("article.published", format!("{date:?} is not a date written YYYY-MM-DD"));
            }
        }
        if let Some(source) = &a.source {
            self.non_empty("article.source.name", &source.name);
            if let Some(url) = &source.url {
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    self.push("article.source.url", "only http and https links are allowed");
                }
            }
        }
    }

    fn entities(&mut self) {
        let doc = self.doc;
        for (i, e) in doc.entities.iter().enumerate() {
            let path = format!("entities[{i}]");
            if !is_slug(&e.id) {
                self.push(format!("{path}.id"), format!("{:?} is not a lowercase ASCII slug such as \"nicolas-maduro\"", e.id));
            }
            if let Some(first) = self.ids.insert(&e.id, i) {
                self.ids.insert(&doc.entities[first].id, first);
                self.push(format!("{path}.id"), format!("duplicate id {:?}, also entities[{first}]", e.id));
            }
        }
        let mut aliases: HashMap<String, (usize, usize)> = HashMap::new();
        for (i, e) in doc.entities.iter().enumerate() {
            let path = format!("entities[{i}]");
            self.bilingual(&format!("{path}.name"), &e.name);
            self.bilingual(&format!("{path}.description"), &e.description);
            for (j, alias) in e.aliases.iter().enumerate() {
                let apath = format!("{path}.aliases[{j}]");
                let normalized = normalize_str(alias.text());
                if !normalized.chars().any(char::is_alphanumeric) {
                    self.push(apath.clone(), "empty alias: it has no letters to find");
                    continue;
                }
                if let Some(&(oi, oj)) = aliases.get(&normalized) {
                    let what = if oi == i { "repeats" } else { "is also" };
                    self.push(apath.clone(), format!("{:?} {what} entities[{oi}].aliases[{oj}] ({})", alias.text(), doc.entities[oi].id));
                } else {
                    aliases.insert(normalized, (i, j));
                }
                if let Some(target) = alias.metonym_of() {
                    self.entity_ref(&format!("{apath}.metonym_of"), target);
                }
            }
            for (j, claim) in e.claims.iter().enumerate() {
                let cpath = format!("{path}.claims[{j}]");
                self.bilingual(&format!("{cpath}.text"), &claim.text);
                self.quote(&format!("{cpath}.evidence"), &claim.evidence);
                if let Some(who) = &claim.asserted_by {
                    self.entity_ref(&format!("{cpath}.asserted_by"), who);
                }
            }
            if let Some(q) = &e.wikidata {
                let ok = q.len() > 1 && q.starts_with('Q') && q[1..].chars().all(|c| c.is_ascii_digit());
                if !ok {
                    self.push(format!("{path}.wikidata"), format!("{q:?} is not a Wikidata item id such as \"Q57336\""));
                }
            }
            if let Some(c) = e.coordinates {
                self.coordinates(&format!("{path}.coordinates"), c);
            }
        }
    }

    fn relation(&mut self, path: &str, r: &Relation) {
        self.entity_ref(&format!("{path}.subject"), &r.subject);
        self.entity_ref(&format!("{path}.object"), &r.object);
        if r.subject == r.object {
            self.push(format!("{path}.object"), "a relation links two different entities");
        }
        self.quote(&format!("{path}.evidence"), &r.evidence);
        if let Some(who) = &r.asserted_by {
            self.entity_ref(&format!("{path}.asserted_by"), who);
        }
        if let Some(when) = &r.when {
            self.bilingual(&format!("{path}.when"), when);
        }
        if let Some(detail) = &r.detail {
            self.bilingual(&format!("{path}.detail"), detail);
        }
    }

    fn map(&mut self) {
        let map = &self.doc.map;
        let mut ids: HashMap<&str, String> = HashMap::new();
        let mut check_id = |v: &mut Self, path: String, id: &'a str| {
            if !is_slug(id) {
                v.push(format!("{path}.id"), format!("{id:?} is not a lowercase ASCII slug"));
            }
            if let Some(first) = ids.insert(id, path.clone()) {
                v.push(format!("{path}.id"), format!("duplicate map id {id:?}, also {first}"));
            }
        };
        if let Some(region) = &map.region {
            if !crate::geo::is_region(region) {
                let known: Vec<&str> = crate::geo::REGIONS.iter().map(|r| r.name).chain([crate::geo::WORLD]).collect();
                self.push("map.region", format!("no base map for the region «{region}»: one of {}", known.join(", ")));
            }
        }
        let points: HashSet<&str> = map.points.iter().map(|p| p.id.as_str()).collect();
        for (i, p) in map.points.iter().enumerate() {
            let path = format!("map.points[{i}]");
            check_id(self, path.clone(), &p.id);
            self.feature(&path, &p.label, &p.entities, p.time.as_ref());
            self.coordinates(&format!("{path}.coordinates"), p.coordinates);
        }
        for (i, a) in map.areas.iter().enumerate() {
            let path = format!("map.areas[{i}]");
            check_id(self, path.clone(), &a.id);
            self.feature(&path, &a.label, &a.entities, a.time.as_ref());
            match &a.shape {
                AreaShape::Country(code) => {
                    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_digit()) {
                        self.push(format!("{path}.shape.country"), format!("{code:?} is not an ISO 3166-1 numeric code such as \"862\""));
                    }
                }
                AreaShape::Polygon(ring) => {
                    if ring.len() < 3 {
                        self.push(format!("{path}.shape.polygon"), "a polygon needs at least three positions");
                    }
                    for (j, c) in ring.iter().enumerate() {
                        self.coordinates(&format!("{path}.shape.polygon[{j}]"), *c);
                    }
                }
            }
        }
        for (i, m) in map.movements.iter().enumerate() {
            let path = format!("map.movements[{i}]");
            check_id(self, path.clone(), &m.id);
            self.feature(&path, &m.label, &m.entities, m.time.as_ref());
            let stops = [("from", &m.from), ("to", &m.to)].into_iter().map(|(n, w)| (n.to_owned(), w));
            let via = m.via.iter().enumerate().map(|(j, w)| (format!("via[{j}]"), w));
            for (name, w) in stops.chain(via) {
                match w {
                    Waypoint::Point(id) if !points.contains(id.as_str()) => {
                        self.push(format!("{path}.{name}"), format!("no map point has the id {id:?}"));
                    }
                    Waypoint::Point(_) => {}
                    Waypoint::At(c) => self.coordinates(&format!("{path}.{name}"), *c),
                }
            }
        }
    }

    fn feature(&mut self, path: &str, label: &Bilingual, entities: &[String], time: Option<&Bilingual>) {
        self.bilingual(&format!("{path}.label"), label);
        for (j, id) in entities.iter().enumerate() {
            self.entity_ref(&format!("{path}.entities[{j}]"), id);
        }
        if let Some(time) = time {
            self.bilingual(&format!("{path}.time"), time);
        }
    }

    fn timeline(&mut self) {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, t) in self.doc.timeline.iter().enumerate() {
            let path = format!("timeline[{i}]");
            if !is_slug(&t.id) {
                self.push(format!("{path}.id"), format!("{:?} is not a lowercase ASCII slug", t.id));
            }
            if let Some(first) = ids.insert(&t.id, i) {
                self.push(format!("{path}.id"), format!("duplicate id {:?}, also timeline[{first}]", t.id));
            }
            self.bilingual(&format!("{path}.label"), &t.label);
            self.bilingual(&format!("{path}.when"), &t.when);
            for (j, id) in t.entities.iter().enumerate() {
                self.entity_ref(&format!("{path}.entities[{j}]"), id);
            }
            if let Some(q) = &t.evidence {
                self.quote(&format!("{path}.evidence"), q);
            }
        }
    }

    fn overrides(&mut self) {
        for (i, m) in self.doc.mentions.add.iter().enumerate() {
            let path = format!("mentions.add[{i}]");
            self.entity_ref(&format!("{path}.entity"), &m.entity);
            self.quote(&format!("{path}.at"), &m.at);
            if let Some(note) = &m.note {
                self.bilingual(&format!("{path}.note"), note);
            }
        }
        for (i, q) in self.doc.mentions.suppress.iter().enumerate() {
            self.quote(&format!("mentions.suppress[{i}]"), q);
        }
    }

    fn entity_ref(&mut self, path: &str, id: &str) {
        if !self.ids.contains_key(id) {
            self.push(path, format!("unknown entity {id:?}"));
        }
    }

    fn quote(&mut self, path: &str, q: &Quote) {
        let Some(text) = block_text(&self.doc.article, q.block) else {
            let n = self.doc.article.blocks.len();
            self.push(format!("{path}.block"), format!("no such block: the article has blocks 0 to {}", n.saturating_sub(1)));
            return;
        };
        if q.exact.trim().is_empty() {
            self.push(format!("{path}.exact"), "empty quote");
        } else if locate_quote(text, &q.exact, &q.prefix, &q.suffix).is_none() {
            self.push(format!("{path}.exact"), format!("quote {:?} is not in {}", q.exact, block_name(q.block)));
        }
    }

    fn bilingual(&mut self, path: &str, b: &Bilingual) {
        self.non_empty(&format!("{path}.ar"), &b.ar);
        self.non_empty(&format!("{path}.en"), &b.en);
    }

    fn non_empty(&mut self, path: &str, s: &str) {
        if s.trim().is_empty() {
            self.push(path, "must not be empty");
        }
    }

    fn coordinates(&mut self, path: &str, c: Coordinates) {
        if !(c.lat.is_finite() && (-90.0..=90.0).contains(&c.lat)) {
            self.push(format!("{path}.lat"), format!("latitude {} is out of range -90..90", c.lat));
        }
        if !(c.lon.is_finite() && (-180.0..=180.0).contains(&c.lon)) {
            self.push(format!("{path}.lon"), format!("longitude {} is out of range -180..180", c.lon));
        }
    }
}

/// The text a block reference names, if it exists.
pub fn block_text(article: &Article, block: BlockRef) -> Option<&str> {
    match block {
        BlockRef::Headline(_) => Some(&article.headline),
        BlockRef::Block(i) => article.blocks.get(i).map(|b| b.text.as_str()),
    }
}

fn block_name(block: BlockRef) -> String {
    match block {
        BlockRef::Headline(_) => "the headline".to_owned(),
        BlockRef::Block(i) => format!("block {i}"),
    }
}

/// A lowercase ASCII slug: `a-z`, `0-9` and single inner hyphens.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}
