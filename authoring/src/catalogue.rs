//! Catalogues: entity records that many articles share. A newsroom keeps its people, places and
//! organisations in catalogue files, in the same entity schema as a document's own entities; an
//! authoring document names the catalogues it draws on (`"catalogues": ["people.json"]`) and may
//! add records of its own or override a catalogue's (the same id: the document's record wins).
//!
//! Resolving puts the records together: the document's own first, then those of each catalogue
//! no earlier source has, the last catalogue named taking precedence over the ones before it. A
//! catalogue's aliases and names are then found in the article like the document's own; an alias
//! spelled alike by two sources belongs to the first of them. Publishing keeps only the entities
//! the article uses ([`used`]): its own, those it mentions, and those it refers to.
//!
//! A catalogue holds what is true of an entity in every article: no claims (they quote one
//! article) and no metonymic aliases (whether «كاراكاس» means the city or the government is the
//! article's choice).

use std::collections::{HashMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::validate::{is_slug, serde_message, strip_position, validate_resolved};
use crate::model::{Document, Entity, Prepared, Problem};
use crate::text::normalize_str;
use article_format::problem::{Code, Message};
use article_format::said;

/// The value of `format` in every catalogue.
pub const FORMAT: &str = "article-explorer/catalogue";
/// The catalogue format version this crate reads.
pub const VERSION: u32 = 1;

/// A catalogue file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Always `"article-explorer/catalogue"`.
    pub format: String,
    /// Catalogue format version: 1.
    pub version: u32,
    /// What it holds and where it comes from, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    pub entities: Vec<Entity>,
}

/// Reads and checks a catalogue given as JSON. `name` (its reference, as the document gives it)
/// begins every problem's path: `catalogues[people.json].entities[nicolas-maduro].aliases[1]`.
pub fn parse(name: &str, json: &str) -> Result<Catalogue, Vec<Problem>> {
    let at =
        |path: &str| if path.is_empty() { format!("catalogues[{name}]") } else { format!("catalogues[{name}].{path}") };
    let catalogue: Catalogue = serde_json::from_str(json).map_err(|e| {
        let offset = article_format::json::path::offset_of(json, e.line(), e.column());
        let path = article_format::json::path::path_at(json, offset);
        let what = serde_message(&strip_position(&e.to_string()));
        let message =
            if e.is_syntax() || e.is_eof() { said!(Code::JsonSyntax, e.line(), e.column(), what.code) } else { what };
        vec![Problem::new(at(&path), message)]
    })?;
    let mut problems = Vec::new();
    let mut push = |path: String, message: Message| problems.push(Problem::new(at(&path), message));
    if catalogue.format != FORMAT {
        push("format".into(), said!(Code::NotCatalogue));
    }
    if catalogue.version != VERSION {
        push("version".into(), said!(Code::Version, catalogue.version, VERSION));
    }
    // A catalogue checks as a document of its own entities would, with no article to quote.
    let mut ids: HashSet<&str> = HashSet::new();
    let mut aliases: HashMap<String, &str> = HashMap::new();
    for (i, e) in catalogue.entities.iter().enumerate() {
        let path = if is_slug(&e.id) && !ids.contains(e.id.as_str()) {
            format!("entities[{}]", e.id)
        } else {
            format!("entities[{i}]")
        };
        if !is_slug(&e.id) {
            push(format!("{path}.id"), said!(Code::NotSlug, &e.id));
        }
        if !ids.insert(&e.id) {
            push(format!("{path}.id"), said!(Code::DuplicateId, &e.id));
        }
        for (field, b) in [("name", &e.name), ("description", &e.description)] {
            for (lang, text) in [("ar", &b.ar), ("en", &b.en)] {
                if text.trim().is_empty() {
                    push(format!("{path}.{field}.{lang}"), said!(Code::Empty));
                }
            }
        }
        if !e.claims.is_empty() {
            push(format!("{path}.claims"), said!(Code::CatalogueClaims));
        }
        for (j, a) in e.aliases.iter().enumerate() {
            let normalized = normalize_str(a.text());
            if !normalized.chars().any(char::is_alphanumeric) {
                push(format!("{path}.aliases[{j}]"), said!(Code::EmptyAlias));
            } else if let Some(other) = aliases.insert(normalized, &e.id) {
                if other != e.id {
                    push(
                        format!("{path}.aliases[{j}]"),
                        said!(Code::AliasOfAnother, a.text(), format!("entities[{other}]")),
                    );
                }
            }
            if a.metonym_of().is_some() {
                push(format!("{path}.aliases[{j}].metonym_of"), said!(Code::CatalogueMetonym));
            }
        }
    }
    if problems.is_empty() {
        Ok(catalogue)
    } else {
        Err(problems)
    }
}

/// A document with its catalogues' records put in: `doc.entities[..own]` are its own.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub doc: Document,
    pub own: usize,
}

/// Puts a document's catalogues' records together with its own (see the module's notes).
pub fn resolve(mut doc: Document, catalogues: &[Catalogue]) -> Resolved {
    let own = doc.entities.len();
    let mut seen: HashSet<String> = doc.entities.iter().map(|e| e.id.clone()).collect();
    for catalogue in catalogues.iter().rev() {
        for e in &catalogue.entities {
            if seen.insert(e.id.clone()) {
                doc.entities.push(e.clone());
            }
        }
    }
    Resolved { doc, own }
}

/// The indices of the entities an article uses: its own, those its text mentions, and those it
/// refers to (relations, sources, map, timeline, added mentions, metonyms).
pub fn used(p: &Prepared, own: usize) -> Vec<bool> {
    let doc = &p.doc;
    let mut keep = vec![false; doc.entities.len()];
    for (i, k) in keep.iter_mut().enumerate() {
        *k = i < own || !p.by_entity[i].is_empty();
    }
    let mut refer = |id: &str| {
        if let Some(i) = p.entity_index(id) {
            keep[i] = true;
        }
    };
    for r in &doc.relations {
        refer(&r.subject);
        refer(&r.object);
        r.asserted_by.iter().flat_map(|s| s.ids()).for_each(|id| refer(id));
    }
    for e in &doc.entities[..own.min(doc.entities.len())] {
        e.claims.iter().flat_map(|c| c.asserted_by.iter().flat_map(|s| s.ids())).for_each(|id| refer(id));
        e.aliases.iter().filter_map(|a| a.metonym_of()).for_each(&mut refer);
    }
    let map = &doc.map;
    let features = map
        .points
        .iter()
        .map(|p| &p.entities)
        .chain(map.areas.iter().map(|a| &a.entities))
        .chain(map.movements.iter().map(|m| &m.entities));
    features.flatten().for_each(|id| refer(id));
    doc.timeline.iter().flat_map(|t| &t.entities).for_each(|id| refer(id));
    doc.mentions.add.iter().for_each(|a| refer(&a.entity));
    keep
}

/// The document without the catalogue entities it does not use.
pub fn prune(p: Prepared, own: usize) -> Document {
    let keep = used(&p, own);
    let mut doc = p.doc;
    let mut k = keep.into_iter();
    doc.entities.retain(|_| k.next().unwrap_or(true));
    doc
}

/// Parses an authoring document, reads the catalogues it names through `fetch` (its reference →
/// the catalogue's JSON, or why it could not be read), and validates the whole: the resolved
/// document, or every problem found, the catalogues' included.
pub fn load_with(json: &str, fetch: &mut dyn FnMut(&str) -> Result<String, String>) -> Result<Resolved, Vec<Problem>> {
    let doc = crate::model::validate::parse_all(json)?;
    let mut problems = Vec::new();
    let mut catalogues = Vec::new();
    for (i, reference) in doc.catalogues.iter().enumerate() {
        match fetch(reference) {
            Ok(text) => match parse(reference, &text) {
                Ok(c) => catalogues.push(c),
                Err(mut p) => problems.append(&mut p),
            },
            Err(why) => {
                problems.push(Problem::new(format!("catalogues[{i}]"), said!(Code::CatalogueUnread, reference, why)))
            }
        }
    }
    // Without all its catalogues, a document's references to their entities cannot be checked:
    // the catalogues' problems come first, alone.
    if !problems.is_empty() {
        return Err(problems);
    }
    let resolved = resolve(doc, &catalogues);
    problems.extend(validate_resolved(&resolved.doc, resolved.own).into_iter().filter(|p| !p.is_warning()));
    if problems.is_empty() {
        Ok(resolved)
    } else {
        Err(problems)
    }
}

/// Loads, resolves, prepares and prunes: the document ready to publish.
pub fn prepare_with(
    json: &str,
    fetch: &mut dyn FnMut(&str) -> Result<String, String>,
) -> Result<Prepared, Vec<Problem>> {
    use article_format::limits::{BYTES, MENTIONS};
    if json.len() > BYTES {
        return Err(vec![Problem::new("", said!(Code::OverLimit, Code::LimitBytes, json.len(), BYTES))]);
    }
    let resolved = load_with(json, fetch)?;
    let prepared = if resolved.own == resolved.doc.entities.len() {
        Prepared::new(resolved.doc)
    } else {
        Prepared::new(prune(Prepared::new(resolved.doc), resolved.own))
    };
    // The mentions are known once the names are found in the text.
    let mentions = prepared.all_mentions().count();
    if mentions > MENTIONS {
        return Err(vec![Problem::new("mentions", said!(Code::OverLimit, Code::LimitMentions, mentions, MENTIONS))]);
    }
    Ok(prepared)
}
