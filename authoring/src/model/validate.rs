//! Reading and checking a document. Never panics: every problem is collected, each with the path
//! of the field it is about (`entities[3].aliases[1]`) and what is wrong.

use std::collections::{HashMap, HashSet};

use crate::model::*;
use crate::text::{locate_quote, normalize_str};
pub use article_format::model::{is_slug, Problem};

fn problem(path: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem { path: path.into(), message: message.into() }
}

/// Parses and validates a document: the document, or every problem found.
pub fn load(json: &str) -> Result<Document, Vec<Problem>> {
    let document = parse_all(json)?;
    let problems = validate(&document);
    if problems.is_empty() {
        Ok(document)
    } else {
        Err(problems)
    }
}

/// Parses JSON into a document; the first problem that stops parsing, with its path, line and
/// column ([`parse_all`] gives them all).
pub fn parse(json: &str) -> Result<Document, Problem> {
    parse_all(json).map_err(|mut p| p.remove(0))
}

/// Parses JSON into a document, or gives every value of the wrong type or shape, each with its
/// path (records by id: `entities[nicolas-maduro].aliases[2]`): a JSON syntax error stops
/// everything (with its line and column); a wrong value stops only its record, and each record
/// is read again with each wrong field left out, to find the next.
pub fn parse_all(json: &str) -> Result<Document, Vec<Problem>> {
    let first = match serde_json::from_str::<Document>(json) {
        Ok(doc) => return Ok(doc),
        Err(e) => e,
    };
    let position = |e: &serde_json::Error| {
        let offset = article_format::json::path::offset_of(json, e.line(), e.column());
        (article_format::json::path::path_at(json, offset), format!("line {}, column {}", e.line(), e.column()))
    };
    if first.is_syntax() || first.is_eof() {
        let (path, at) = position(&first);
        return Err(vec![problem(path, format!("JSON syntax error at {at}: {}", strip_position(&first.to_string())))]);
    }
    let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
        let (path, at) = position(&first);
        return Err(vec![problem(path, format!("wrong value at {at}: {}", strip_position(&first.to_string())))]);
    };
    let mut problems = Vec::new();
    let records: &[(&str, &[&str])] = &[
        ("entities", &["entities"]),
        ("relations", &["relations"]),
        ("timeline", &["timeline"]),
        ("map.points", &["map", "points"]),
        ("map.areas", &["map", "areas"]),
        ("map.movements", &["map", "movements"]),
        ("mentions.add", &["mentions", "add"]),
        ("mentions.suppress", &["mentions", "suppress"]),
        ("article.blocks", &["article", "blocks"]),
    ];
    // Each record on its own: its wrong values, however many.
    let mut skeleton = value.clone();
    for (name, keys) in records {
        let Some(list) = keys.iter().try_fold(&value, |v, k| v.get(k)).and_then(|v| v.as_array()) else { continue };
        for (i, item) in list.iter().enumerate() {
            let id = item.get("id").and_then(|v| v.as_str()).filter(|id| {
                is_slug(id) && list.iter().filter(|o| o.get("id").and_then(|v| v.as_str()) == Some(id)).count() == 1
            });
            let at = match id {
                Some(id) => format!("{name}[{id}]"),
                None => format!("{name}[{i}]"),
            };
            let found = match *name {
                "entities" => record_problems::<Entity>(item),
                "relations" => record_problems::<Relation>(item),
                "timeline" => record_problems::<TimelineEvent>(item),
                "map.points" => record_problems::<MapPoint>(item),
                "map.areas" => record_problems::<MapArea>(item),
                "map.movements" => record_problems::<MapMovement>(item),
                "mentions.add" => record_problems::<AddedMention>(item),
                "mentions.suppress" => record_problems::<Quote>(item),
                _ => record_problems::<Block>(item),
            };
            for (path, message) in found {
                problems.push(problem(join(&at, &path), format!("wrong value: {message}")));
            }
        }
        // The rest of the document is read without the records.
        if let Some(list) = keys.iter().try_fold(&mut skeleton, |v, k| v.get_mut(k)).and_then(|v| v.as_array_mut()) {
            list.clear();
        }
    }
    for (path, message) in record_problems::<Document>(&skeleton) {
        problems.push(problem(path, format!("wrong value: {message}")));
    }
    if problems.is_empty() {
        let (path, at) = position(&first);
        problems.push(problem(path, format!("wrong value at {at}: {}", strip_position(&first.to_string()))));
    }
    Err(problems)
}

/// serde's words for an untagged enum say nothing of what it wanted: say it.
fn explain(message: String) -> String {
    let wanted = [
        ("untagged enum Alias", "an alias is a string or an object {\"text\": …, \"adjective\": true}"),
        ("untagged enum Sources", "asserted_by is an entity id or a list of entity ids"),
        ("untagged enum BlockRef", "a block is a number (0 is the first block) or \"headline\""),
        ("untagged enum Waypoint", "a waypoint is a map point's id or {\"lat\": …, \"lon\": …}"),
    ];
    match wanted.iter().find(|(k, _)| message.contains(k)) {
        Some((_, said)) => format!("{message}: {said}"),
        None => message,
    }
}

fn join(base: &str, path: &str) -> String {
    match path.chars().next() {
        None => base.to_owned(),
        Some('[') => format!("{base}{path}"),
        Some(_) => format!("{base}.{path}"),
    }
}

/// Every wrong value of one record: read it, and on an error, leave the field it names out and
/// read again (a field left out that must be there ends the search: it is reported once).
fn record_problems<T: serde::de::DeserializeOwned>(item: &serde_json::Value) -> Vec<(String, String)> {
    let mut item = item.clone();
    let mut out: Vec<(String, String)> = Vec::new();
    let mut removed: Vec<(String, String)> = Vec::new();
    for _ in 0..20 {
        let text = item.to_string();
        let Err(e) = serde_json::from_str::<T>(&text) else { break };
        let offset = article_format::json::path::offset_of(&text, e.line(), e.column());
        let path = article_format::json::path::path_at(&text, offset);
        let message = explain(strip_position(&e.to_string()));
        // The field just left out is missing now: that was reported already.
        let ours = removed.iter().any(|(parent, key)| *parent == path && message == format!("missing field `{key}`"));
        if ours || out.iter().any(|(p, m)| *p == path && *m == message) {
            break;
        }
        let missing = message.starts_with("missing field");
        out.push((path.clone(), message));
        if missing || !remove_at(&mut item, &path) {
            break;
        }
        let (parent, key) = match path.rfind('.') {
            Some(i) => (path[..i].to_owned(), path[i + 1..].to_owned()),
            None => (String::new(), path.clone()),
        };
        removed.push((parent, key));
    }
    out
}

/// Removes the member at a path such as `aliases[2].text` (only object members: removing an
/// array element would renumber the ones after it). Whether it was there.
fn remove_at(value: &mut serde_json::Value, path: &str) -> bool {
    let mut parts: Vec<String> = Vec::new();
    for piece in path.split('.') {
        let mut rest = piece;
        if let Some(open) = rest.find('[') {
            if open > 0 {
                parts.push(rest[..open].to_owned());
            }
            rest = &rest[open..];
            while let Some(close) = rest.find(']') {
                parts.push(rest[..=close].to_owned());
                rest = &rest[close + 1..];
            }
        } else if !rest.is_empty() {
            parts.push(rest.to_owned());
        }
    }
    let Some((last, parents)) = parts.split_last() else { return false };
    if last.starts_with('[') {
        return false;
    }
    let mut v = value;
    for p in parents {
        v = match p.strip_prefix('[').and_then(|p| p.strip_suffix(']')).and_then(|i| i.parse::<usize>().ok()) {
            Some(i) => match v.get_mut(i) {
                Some(x) => x,
                None => return false,
            },
            None => match v.get_mut(p.as_str()) {
                Some(x) => x,
                None => return false,
            },
        };
    }
    v.as_object_mut().is_some_and(|o| o.remove(last.as_str()).is_some())
}

/// serde_json appends " at line L column C" to its messages; we give the position ourselves.
pub(crate) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Every problem of a parsed document.
pub fn validate(doc: &Document) -> Vec<Problem> {
    validate_resolved(doc, doc.entities.len())
}

/// Every problem of a document whose catalogues are resolved
/// ([`crate::catalogue::resolve`]): `entities[..own]` are the document's own records, checked in
/// full; the rest come from its catalogues (checked when they were read) and are there to be
/// referred to.
pub fn validate_resolved(doc: &Document, own: usize) -> Vec<Problem> {
    let mut v = Validator { doc, own: own.min(doc.entities.len()), problems: Vec::new(), ids: HashMap::new() };
    v.document();
    v.problems
}

struct Validator<'a> {
    doc: &'a Document,
    /// How many of the entities are the document's own.
    own: usize,
    problems: Vec<Problem>,
    ids: HashMap<&'a str, usize>,
}

impl<'a> Validator<'a> {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(problem(path, message));
    }

    fn document(&mut self) {
        if self.doc.version != VERSION {
            self.push(
                "version",
                format!("version {} is not supported; this reader reads version {VERSION}", self.doc.version),
            );
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
            && a.language
                .split('-')
                .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()));
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
            if i >= self.own {
                self.ids.entry(&e.id).or_insert(i);
                continue;
            }
            let path = format!("entities[{i}]");
            if !is_slug(&e.id) {
                self.push(
                    format!("{path}.id"),
                    format!("{:?} is not a lowercase ASCII slug such as \"nicolas-maduro\"", e.id),
                );
            }
            if let Some(first) = self.ids.insert(&e.id, i) {
                self.ids.insert(&doc.entities[first].id, first);
                self.push(format!("{path}.id"), format!("duplicate id {:?}, also entities[{first}]", e.id));
            }
        }
        let mut aliases: HashMap<String, (usize, usize)> = HashMap::new();
        for (i, e) in doc.entities[..self.own].iter().enumerate() {
            let path = entity_path(doc, i);
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
                    self.push(
                        apath.clone(),
                        format!("{:?} {what} {}.aliases[{oj}]", alias.text(), entity_path(doc, oi)),
                    );
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
                    self.sources(&format!("{cpath}.asserted_by"), who);
                }
            }
            if let Some(q) = &e.wikidata {
                let ok = q.len() > 1 && q.starts_with('Q') && q[1..].chars().all(|c| c.is_ascii_digit());
                if !ok {
                    self.push(
                        format!("{path}.wikidata"),
                        format!("{q:?} is not a Wikidata item id such as \"Q57336\""),
                    );
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
            self.sources(&format!("{path}.asserted_by"), who);
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
            if !article_format::geo::is_region(region) {
                let known: Vec<&str> =
                    article_format::geo::REGIONS.iter().map(|r| r.name).chain([article_format::geo::WORLD]).collect();
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
                        self.push(
                            format!("{path}.shape.country"),
                            format!("{code:?} is not an ISO 3166-1 numeric code such as \"862\""),
                        );
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
            if let Some(problem) = t.date.as_deref().and_then(article_format::timeline::date_problem) {
                self.push(format!("{path}.date"), problem);
            }
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

    /// The entities stating something: one id, or a list of at least one, none repeated.
    fn sources(&mut self, path: &str, sources: &Sources) {
        match sources {
            Sources::One(id) => self.entity_ref(path, id),
            Sources::Many(ids) => {
                if ids.is_empty() {
                    self.push(
                        path,
                        "an empty list of sources: leave asserted_by out when the article itself states it",
                    );
                }
                for (j, id) in ids.iter().enumerate() {
                    self.entity_ref(&format!("{path}[{j}]"), id);
                    if ids[..j].contains(id) {
                        self.push(format!("{path}[{j}]"), format!("{id:?} is listed twice"));
                    }
                }
            }
        }
    }

    fn entity_ref(&mut self, path: &str, id: &str) {
        if !self.ids.contains_key(id) {
            let hint =
                closest(id, self.ids.keys().copied()).map(|c| format!(" (did you mean {c:?}?)")).unwrap_or_default();
            self.push(path, format!("unknown entity {id:?}{hint}"));
        }
    }

    fn quote(&mut self, path: &str, q: &Quote) {
        let Some(text) = block_text(&self.doc.article, q.block) else {
            let n = self.doc.article.blocks.len();
            self.push(
                format!("{path}.block"),
                format!("no such block: the article has blocks 0 to {}", n.saturating_sub(1)),
            );
            return;
        };
        if q.exact.trim().is_empty() {
            self.push(format!("{path}.exact"), "empty quote");
        } else if locate_quote(text, &q.exact, &q.prefix, &q.suffix).is_none() {
            let hint = quote_hint(&self.doc.article, q.block, &q.exact).map(|h| format!(": {h}")).unwrap_or_default();
            self.push(format!("{path}.exact"), format!("quote {:?} is not in {}{hint}", q.exact, block_name(q.block)));
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

/// The path of an entity: by its id where the id is a slug no other entity has
/// (`entities[nicolas-maduro]`), else by its index (`entities[3]`).
pub fn entity_path(doc: &Document, i: usize) -> String {
    let id = &doc.entities[i].id;
    let unique = doc.entities.iter().filter(|e| &e.id == id).count() == 1;
    if unique && is_slug(id) {
        format!("entities[{id}]")
    } else {
        format!("entities[{i}]")
    }
}

/// The id most like `id`, when one is close (a typo, a word more or less).
fn closest<'a>(id: &str, ids: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let distance = |a: &str, b: &str| {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut cur = vec![i; b.len() + 1];
            for j in 1..=b.len() {
                cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + usize::from(a[i - 1] != b[j - 1]));
            }
            prev = cur;
        }
        prev[b.len()]
    };
    ids.map(|c| {
        let d = if c.split('-').any(|w| w == id) || id.split('-').any(|w| w == c) { 1 } else { distance(id, c) };
        (d, c)
    })
    .filter(|&(d, c)| d <= 2.max(id.len().min(c.len()) / 4))
    .min()
    .map(|(_, c)| c)
}

/// Why a quote may not be found where it says: in another text, or only with other quote marks,
/// or how far it agrees.
fn quote_hint(article: &Article, block: BlockRef, exact: &str) -> Option<String> {
    let texts = std::iter::once(BlockRef::HEADLINE).chain((0..article.blocks.len()).map(BlockRef::Block));
    let elsewhere: Vec<String> = texts
        .filter(|&t| t != block)
        .filter(|&t| block_text(article, t).is_some_and(|text| locate_quote(text, exact, "", "").is_some()))
        .map(block_name)
        .collect();
    if !elsewhere.is_empty() {
        return Some(format!("found in {}", elsewhere.join(", ")));
    }
    let text = block_text(article, block)?;
    let marks = |s: &str| s.chars().map(|c| if "\"'«»“”„‟‹›‘’‚`".contains(c) { '"' } else { c }).collect::<String>();
    if locate_quote(&marks(text), &marks(exact), "", "").is_some() {
        return Some(
            "it differs only in its quote marks (copy them from the text: « » “ ” are all different)".to_owned(),
        );
    }
    // How many of its words agree, from the start.
    let words: Vec<&str> = exact.split_whitespace().collect();
    let agree = (1..words.len()).rev().find(|&k| locate_quote(text, &words[..k].join(" "), "", "").is_some())?;
    Some(format!("its first {agree} word(s) are there; the text differs from «{}» on", words[agree]))
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

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}
