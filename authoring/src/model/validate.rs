//! Reading and checking a document. Never panics: every problem is collected, each with the path
//! of the field it is about (`entities[3].aliases[1]`) and what is wrong.

use std::collections::{HashMap, HashSet};

use article_format::problem::{Code, Message};
use article_format::said;

use crate::model::*;
use crate::text::{locate_quote, normalize_str};
pub use article_format::model::{is_slug, Problem};

fn problem(path: impl Into<String>, message: Message) -> Problem {
    Problem::new(path, message)
}

/// serde_json's words for an error, as a message: the codes of the JSON syntax errors, a missing
/// or unknown field, a value of the wrong type or variant; what no code names is passed on as
/// serde's own words ([`Code::Serde`]).
pub fn serde_message(message: &str) -> Message {
    let quoted = |s: &str| s.split('`').nth(1).unwrap_or_default().to_owned();
    let one_of = |s: &str| {
        s.split_once("expected one of ")
            .map(|(_, l)| l.split(", ").map(|x| x.trim_matches('`')).collect::<Vec<_>>().join(", "))
            .unwrap_or_default()
    };
    let syntax = [
        ("EOF while parsing", Code::JsonExpectedValue),
        ("expected value", Code::JsonExpectedValue),
        ("expected `,` or `]`", Code::JsonArrayComma),
        ("expected `,` or `}`", Code::JsonObjectComma),
        ("key must be a string", Code::JsonKey),
        ("expected `:`", Code::JsonColon),
        ("trailing characters", Code::JsonTrailing),
        ("control character", Code::JsonControl),
        ("invalid escape", Code::JsonEscape),
        ("invalid unicode code point", Code::JsonEscape),
        ("lone leading surrogate", Code::JsonSurrogate),
        ("unexpected end of hex escape", Code::JsonEscape),
        ("invalid number", Code::JsonNumber),
        ("number out of range", Code::JsonInfinite),
        ("recursion limit exceeded", Code::JsonTooDeep),
        ("expected ident", Code::JsonExpectedValue),
        ("trailing comma", Code::JsonExpectedValue),
    ];
    if let Some(&(_, code)) = syntax.iter().find(|(k, _)| message.contains(k)) {
        return Message::new(code, []);
    }
    if message.starts_with("missing field") {
        return said!(Code::Missing);
    }
    if message.starts_with("unknown field") {
        return said!(Code::UnknownField, quoted(message));
    }
    if message.starts_with("unknown variant") {
        return said!(Code::UnknownValue, quoted(message), one_of(message));
    }
    let untagged = [
        ("untagged enum Alias", Code::WantAlias),
        ("untagged enum Sources", Code::WantSources),
        ("untagged enum BlockRef", Code::WantBlock),
        ("untagged enum Waypoint", Code::WantWaypoint),
    ];
    if let Some(&(_, want)) = untagged.iter().find(|(k, _)| message.contains(k)) {
        return said!(Code::WrongType, want);
    }
    if let Some((_, expected)) = message.split_once("invalid type: ").and_then(|(_, r)| r.split_once(", expected ")) {
        let want = match expected {
            "a string" | "a borrowed string" => Some(Code::WantString),
            "f64" | "f32" => Some(Code::WantNumber),
            "u32" | "i32" | "u64" | "i64" | "usize" | "u8" | "u16" => Some(Code::WantWhole),
            "a boolean" => Some(Code::WantBool),
            "a sequence" => Some(Code::WantList),
            e if e.starts_with("struct ") || e == "a map" => Some(Code::WantObject),
            _ => None,
        };
        if let Some(want) = want {
            return said!(Code::WrongType, want);
        }
    }
    if message.starts_with("invalid value: integer") {
        return said!(Code::WrongType, Code::WantWhole);
    }
    said!(Code::Serde, message)
}

/// Parses and validates a document: the document, or every problem found.
/// Warnings (a placeholder description, a guessed name) do not stop it: see [`warnings`].
pub fn load(json: &str) -> Result<Document, Vec<Problem>> {
    let document = parse_all(json)?;
    let problems: Vec<Problem> = validate(&document).into_iter().filter(|p| !p.is_warning()).collect();
    if problems.is_empty() {
        Ok(document)
    } else {
        Err(problems)
    }
}

/// The warnings of a document (what its validation says that does not stop publishing).
pub fn warnings(doc: &Document) -> Vec<Problem> {
    validate(doc).into_iter().filter(Problem::is_warning).collect()
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
    if json.starts_with('\u{feff}') {
        return Err(vec![problem("", said!(Code::JsonByteOrderMark))]);
    }
    let syntax = |e: &serde_json::Error| {
        let (path, _) = position(e);
        let what = serde_message(&strip_position(&e.to_string())).code;
        problem(path, said!(Code::JsonSyntax, e.line(), e.column(), what))
    };
    if first.is_syntax() || first.is_eof() {
        return Err(vec![syntax(&first)]);
    }
    let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
        return Err(vec![syntax(&first)]);
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
                problems.push(problem(join(&at, &path), message));
            }
        }
        // The rest of the document is read without the records.
        if let Some(list) = keys.iter().try_fold(&mut skeleton, |v, k| v.get_mut(k)).and_then(|v| v.as_array_mut()) {
            list.clear();
        }
    }
    for (path, message) in record_problems::<Document>(&skeleton) {
        problems.push(problem(path, message));
    }
    if problems.is_empty() {
        let (path, _) = position(&first);
        problems.push(problem(path, serde_message(&strip_position(&first.to_string()))));
    }
    Err(problems)
}

fn join(base: &str, path: &str) -> String {
    if base.is_empty() {
        return path.to_owned();
    }
    match path.chars().next() {
        None => base.to_owned(),
        Some('[') => format!("{base}{path}"),
        Some(_) => format!("{base}.{path}"),
    }
}

/// Every wrong value of one record: read it, and on an error, leave the field it names out and
/// read again (a field left out that must be there ends the search: it is reported once).
fn record_problems<T: serde::de::DeserializeOwned>(item: &serde_json::Value) -> Vec<(String, Message)> {
    let mut item = item.clone();
    let mut out: Vec<(String, String)> = Vec::new();
    let mut removed: Vec<(String, String)> = Vec::new();
    for _ in 0..20 {
        let text = item.to_string();
        let Err(e) = serde_json::from_str::<T>(&text) else { break };
        let offset = article_format::json::path::offset_of(&text, e.line(), e.column());
        let path = article_format::json::path::path_at(&text, offset);
        let message = strip_position(&e.to_string());
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
    out.into_iter()
        .map(|(path, message)| {
            // A missing field is said where it belongs: at its own path.
            let path = match message.strip_prefix("missing field `").and_then(|m| m.split('`').next()) {
                Some(field) => join(&path, field),
                None => path,
            };
            (path, serde_message(&message))
        })
        .collect()
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
    fn push(&mut self, path: impl Into<String>, message: Message) {
        self.problems.push(problem(path, message));
    }

    /// The format's limits ([`article_format::limits`]): each passed is a problem naming the
    /// limit and the count, and nothing else is checked (a refusal reads no more than it must).
    /// The document's own entities are counted: a catalogue's are pruned to those it uses.
    fn over_limits(&mut self) -> bool {
        use article_format::limits as l;
        let (d, m) = (self.doc, &self.doc.map);
        let utf16 = |s: &str| s.encode_utf16().count();
        let text = utf16(&d.article.headline) + d.article.blocks.iter().map(|b| utf16(&b.text)).sum::<usize>();
        let vertices = m.points.len()
            + m.areas.iter().map(|a| if let AreaShape::Polygon(r) = &a.shape { r.len() } else { 1 }).sum::<usize>()
            + m.movements.iter().map(|x| 2 + x.via.len()).sum::<usize>();
        let counts = [
            ("article", Code::LimitText, text, l::TEXT),
            ("entities", Code::LimitEntities, self.own, l::ENTITIES),
            ("relations", Code::LimitRelations, d.relations.len(), l::RELATIONS),
            ("timeline", Code::LimitEvents, d.timeline.len(), l::EVENTS),
            ("map", Code::LimitFeatures, m.points.len() + m.areas.len() + m.movements.len(), l::FEATURES),
            ("map", Code::LimitVertices, vertices, l::VERTICES),
        ];
        let mut over = false;
        for (path, what, n, limit) in counts.into_iter().filter(|c| c.2 > c.3) {
            self.push(path, said!(Code::OverLimit, what, n, limit));
            over = true;
        }
        over
    }

    fn document(&mut self) {
        if self.over_limits() {
            return;
        }
        if self.doc.version != VERSION {
            self.push("version", said!(Code::Version, self.doc.version, VERSION));
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
            self.push("article.blocks", said!(Code::NoBlocks));
        }
        for (i, b) in a.blocks.iter().enumerate() {
            self.non_empty(&format!("article.blocks[{i}].text"), &b.text);
        }
        let lang_ok = !a.language.is_empty()
            && a.language
                .split('-')
                .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()));
        if !lang_ok {
            self.push("article.language", said!(Code::NotLanguageTag, &a.language));
        }
        if let Some(date) = &a.published {
            if !is_iso_date(date) {
                self.push("article.published", said!(Code::NotDate, date));
            }
        }
        if let Some(source) = &a.source {
            self.non_empty("article.source.name", &source.name);
            if let Some(url) = &source.url {
                if !article_format::reading::is_web_link(url) {
                    self.push("article.source.url", said!(Code::LinkScheme, url));
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
                self.push(format!("{path}.id"), said!(Code::NotSlug, &e.id));
            }
            if let Some(first) = self.ids.insert(&e.id, i) {
                self.ids.insert(&doc.entities[first].id, first);
                self.push(format!("{path}.id"), said!(Code::DuplicateIdAlso, &e.id, format!("entities[{first}]")));
            }
        }
        let mut aliases: HashMap<String, (usize, usize)> = HashMap::new();
        for (i, e) in doc.entities[..self.own].iter().enumerate() {
            let path = entity_path(doc, i);
            self.bilingual(&format!("{path}.name"), &e.name);
            self.bilingual(&format!("{path}.description"), &e.description);
            if e.description == placeholder_description(e.kind) {
                self.push(format!("{path}.description"), said!(Code::PlaceholderDescription, &e.name.ar));
            }
            if e.name_guessed {
                self.push(format!("{path}.name.en"), said!(Code::GuessedName, &e.name.en));
            }
            for (j, alias) in e.aliases.iter().enumerate() {
                let apath = format!("{path}.aliases[{j}]");
                let normalized = normalize_str(alias.text());
                if !normalized.chars().any(char::is_alphanumeric) {
                    self.push(apath.clone(), said!(Code::EmptyAlias));
                    continue;
                }
                if let Some(&(oi, oj)) = aliases.get(&normalized) {
                    let code = if oi == i { Code::AliasRepeats } else { Code::AliasOfAnother };
                    self.push(
                        apath.clone(),
                        said!(code, alias.text(), format!("{}.aliases[{oj}]", entity_path(doc, oi))),
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
                    self.push(format!("{path}.wikidata"), said!(Code::NotWikidata, q));
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
            self.push(format!("{path}.object"), said!(Code::SelfRelation));
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
                v.push(format!("{path}.id"), said!(Code::NotSlug, id));
            }
            if let Some(first) = ids.insert(id, path.clone()) {
                v.push(format!("{path}.id"), said!(Code::DuplicateIdAlso, id, first));
            }
        };
        if let Some(region) = &map.region {
            if !article_format::geo::is_region(region) {
                self.push("map.region", said!(Code::UnknownRegion, region, article_format::geo::region_names()));
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
                        self.push(format!("{path}.shape.country"), said!(Code::NotCountryCode, code));
                    }
                }
                AreaShape::Polygon(ring) => {
                    if ring.len() < 3 {
                        self.push(format!("{path}.shape.polygon"), said!(Code::FewPositions));
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
                        self.push(format!("{path}.{name}"), said!(Code::UnknownWaypoint, id));
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
                self.push(format!("{path}.id"), said!(Code::NotSlug, &t.id));
            }
            if let Some(first) = ids.insert(&t.id, i) {
                self.push(format!("{path}.id"), said!(Code::DuplicateIdAlso, &t.id, format!("timeline[{first}]")));
            }
            self.bilingual(&format!("{path}.label"), &t.label);
            self.bilingual(&format!("{path}.when"), &t.when);
            if let Some(message) = t.date.as_deref().and_then(article_format::timeline::date_problem) {
                self.push(format!("{path}.date"), message);
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
            if let Some(text) = block_text(&self.doc.article, m.at.block) {
                if let Some(range) = locate_quote(text, &m.at.exact, &m.at.prefix, &m.at.suffix) {
                    if inside_word(text, range.start, range.end) {
                        self.push(format!("{path}.at"), said!(Code::InsideWord, &m.at.exact));
                    }
                }
            }
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
                    self.push(path, said!(Code::EmptySources));
                }
                for (j, id) in ids.iter().enumerate() {
                    self.entity_ref(&format!("{path}[{j}]"), id);
                    if ids[..j].contains(id) {
                        self.push(format!("{path}[{j}]"), said!(Code::Twice, id));
                    }
                }
            }
        }
    }

    fn entity_ref(&mut self, path: &str, id: &str) {
        if !self.ids.contains_key(id) {
            let message = match closest(id, self.ids.keys().copied()) {
                Some(likely) => said!(Code::UnknownEntityMeant, id, likely),
                None => said!(Code::UnknownEntity, id),
            };
            self.push(path, message);
        }
    }

    fn quote(&mut self, path: &str, q: &Quote) {
        let Some(text) = block_text(&self.doc.article, q.block) else {
            let n = self.doc.article.blocks.len();
            self.push(format!("{path}.block"), said!(Code::NoBlock, n.saturating_sub(1)));
            return;
        };
        if q.exact.trim().is_empty() {
            self.push(format!("{path}.exact"), said!(Code::EmptyQuote));
        } else if locate_quote(text, &q.exact, &q.prefix, &q.suffix).is_none() {
            self.push(format!("{path}.exact"), quote_problem(&self.doc.article, q.block, &q.exact));
        }
    }

    fn bilingual(&mut self, path: &str, b: &Bilingual) {
        self.non_empty(&format!("{path}.ar"), &b.ar);
        self.non_empty(&format!("{path}.en"), &b.en);
    }

    fn non_empty(&mut self, path: &str, s: &str) {
        if s.trim().is_empty() {
            self.push(path, said!(Code::Empty));
        }
    }

    fn coordinates(&mut self, path: &str, c: Coordinates) {
        if !(c.lat.is_finite() && (-90.0..=90.0).contains(&c.lat)) {
            self.push(format!("{path}.lat"), said!(Code::Latitude, article_format::num::fixed(c.lat, 4)));
        }
        if !(c.lon.is_finite() && (-180.0..=180.0).contains(&c.lon)) {
            self.push(format!("{path}.lon"), said!(Code::Longitude, article_format::num::fixed(c.lon, 4)));
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

/// A quote not found where it says, and the likely why: it is in another text, or it differs only
/// in its quote marks, or only its first words agree.
fn quote_problem(article: &Article, block: BlockRef, exact: &str) -> Message {
    let arg = |b: BlockRef| {
        article_format::problem::Arg::Block(match b {
            BlockRef::Headline(_) => None,
            BlockRef::Block(i) => Some(i),
        })
    };
    let mut message = said!(Code::QuoteNotFound, exact, arg(block));
    let texts = std::iter::once(BlockRef::HEADLINE).chain((0..article.blocks.len()).map(BlockRef::Block));
    let elsewhere = texts
        .filter(|&t| t != block)
        .find(|&t| block_text(article, t).is_some_and(|text| locate_quote(text, exact, "", "").is_some()));
    if let Some(t) = elsewhere {
        message.code = Code::QuoteElsewhere;
        message.args.push(arg(t));
        return message;
    }
    let Some(text) = block_text(article, block) else { return message };
    let marks = |s: &str| s.chars().map(|c| if "\"'«»“”„‟‹›‘’‚`".contains(c) { '"' } else { c }).collect::<String>();
    if locate_quote(&marks(text), &marks(exact), "", "").is_some() {
        message.code = Code::QuoteMarks;
        return message;
    }
    // How many of its words agree, from the start.
    let words: Vec<&str> = exact.split_whitespace().collect();
    if let Some(agree) = (1..words.len()).rev().find(|&k| locate_quote(text, &words[..k].join(" "), "", "").is_some()) {
        message.code = Code::QuoteDiffers;
        message.args.push(agree.into());
        message.args.push(words[agree].into());
    }
    message
}

/// The text a block reference names, if it exists.
pub fn block_text(article: &Article, block: BlockRef) -> Option<&str> {
    match block {
        BlockRef::Headline(_) => Some(&article.headline),
        BlockRef::Block(i) => article.blocks.get(i).map(|b| b.text.as_str()),
    }
}

/// Whether words at `start..end` of a text begin or end inside a word: a letter on both sides of
/// a boundary, unless what comes before is one of the proclitics (و ف ب ك ل ال لل, joined) or
/// what follows one of the enclitic pronouns (ه ها هم هما هن كم كما كن نا ي).
pub fn inside_word(text: &str, start: usize, end: usize) -> bool {
    let letter = |c: char| c.is_alphanumeric();
    let before = &text[..start];
    let word_before: String =
        before.chars().rev().take_while(|&c| letter(c)).collect::<Vec<_>>().into_iter().rev().collect();
    let proclitic = |w: &str| {
        let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
        matches!(w, "" | "ب" | "ك" | "ل" | "ال" | "لل" | "بال" | "كال")
    };
    let after = &text[end..];
    let word_after: String = after.chars().take_while(|&c| letter(c)).collect();
    const ENCLITICS: &[&str] = &["", "ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا", "ي", "ية", "يه", "ي"];
    !proclitic(&word_before) || !ENCLITICS.contains(&word_after.as_str())
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
