//! The authoring studio's state, without a browser: an authoring document being written, the
//! catalogues it draws on, and the edits an editor makes, most of them by selecting words of the
//! article. Every edit that quotes the article makes its quote itself ([`quote_of`]), so that no
//! quote is ever typed; every edit that names an entity names one the document can use (an
//! unknown id is refused, never a later problem); every edit can be undone, and the history is
//! kept as snapshots ([`Snapshot`]) that the studio's page stores as they are made, so that a
//! reload, a closed tab or a crash loses nothing ([`draft`]).
//!
//! What an edit did, or why it was refused, is a [`Message`]: a code and its arguments, worded in
//! the UI's language by `crate::words`.

mod draft;
mod hints;
mod quote;

pub use draft::{draft_key, draft_title, snapshot_from_json, snapshot_to_json};
pub use hints::{
    english_name, feature_kind_for, name_like, predicate_hints, relation_ends, search, transliterate, Found,
};
pub use quote::quote_of;

use std::rc::Rc;

use article_format::problem::{Code, Message};
use article_format::said;

use crate::catalogue::{prune, resolve, Catalogue};
use crate::model::validate::{block_text, is_slug, validate_resolved};
use crate::model::{
    Alias, AreaShape, Bilingual, BlockRef, Coordinates, Document, Entity, EntityKind, MapArea, MapFeatureKind,
    MapMovement, MapPoint, Predicate, Prepared, Problem, Relation, Sources, TimelineEvent, Waypoint,
};
use crate::suggest::{suggestions, Suggestion};
use crate::text::{normalize_str, Utf8Range};

/// Words of the article an editor selected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    pub text: BlockRef,
    /// Byte range in that text.
    pub range: Utf8Range,
}

/// A map feature, whichever its shape.
#[derive(Clone, Debug, PartialEq)]
pub enum Feature {
    Point(MapPoint),
    Area(MapArea),
    Movement(MapMovement),
}

impl Feature {
    pub fn id(&self) -> &str {
        match self {
            Feature::Point(p) => &p.id,
            Feature::Area(a) => &a.id,
            Feature::Movement(m) => &m.id,
        }
    }
    pub fn label(&self) -> &Bilingual {
        match self {
            Feature::Point(p) => &p.label,
            Feature::Area(a) => &a.label,
            Feature::Movement(m) => &m.label,
        }
    }
    pub fn entities(&self) -> &[String] {
        match self {
            Feature::Point(p) => &p.entities,
            Feature::Area(a) => &a.entities,
            Feature::Movement(m) => &m.entities,
        }
    }
}

/// What an editor does.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// The selected words become an alias of an entity (a catalogue entity's record is copied in).
    AddAlias {
        entity: String,
        at: Selection,
    },
    /// The selected words name a new entity (its Arabic name); its English name gives its id.
    /// `guessed`: the English name is a transliteration no one has checked.
    NewEntity {
        kind: EntityKind,
        name_en: String,
        guessed: bool,
        at: Selection,
    },
    /// The selected words are a mention of an entity no alias can express.
    AddMention {
        entity: String,
        at: Selection,
    },
    /// The selected words are wrongly linked, or wrongly suggested: not there.
    Suppress {
        at: Selection,
    },
    /// A suggestion set aside ("Not this"): as [`Edit::Suppress`], said as a suggestion.
    SetAside {
        at: Selection,
    },
    /// A relation, its evidence the selected words. `when` and `detail` are (Arabic, English),
    /// either left empty or both given.
    AddRelation {
        subject: String,
        predicate: Predicate,
        object: String,
        asserted_by: Vec<String>,
        when: (String, String),
        detail: (String, String),
        at: Selection,
    },
    /// An event of the timeline, its evidence the selected words. `label` and `when` (the time as
    /// the article says it) are (Arabic, English), both needed; `date` is ISO 8601 where the
    /// article lets it be known, else empty; `order` places it in time among the others (smaller
    /// is earlier; `None`: after the last).
    AddEvent {
        label: (String, String),
        when: (String, String),
        date: String,
        order: Option<i32>,
        entities: Vec<String>,
        at: Selection,
    },
    /// A point on the map, placed by a click.
    AddPoint {
        label: Bilingual,
        kind: MapFeatureKind,
        at: Coordinates,
        entities: Vec<String>,
    },
    /// A point at an entity's own coordinates (its record's, or its catalogue's), named as it is.
    PlaceEntity {
        entity: String,
    },
    /// A movement on the map, from the first click to the last (the clicks between: its way).
    AddMovement {
        label: Bilingual,
        kind: MapFeatureKind,
        path: Vec<Coordinates>,
        entities: Vec<String>,
    },
    /// An area on the map: the polygon of the clicks.
    AddArea {
        label: Bilingual,
        kind: MapFeatureKind,
        ring: Vec<Coordinates>,
        entities: Vec<String>,
    },
    /// A record from a reference list (the sample catalogue's countries and capitals, for a
    /// document that does not name it), added whole: its names then link.
    AddRecord {
        entity: Box<Entity>,
    },
    /// Every field of an entity, by its id (a catalogue entity's record is copied in, changed).
    SetEntity {
        entity: Box<Entity>,
    },
    /// Every field of a relation.
    SetRelation {
        index: usize,
        relation: Box<Relation>,
    },
    /// Every field of an event of the timeline.
    SetEvent {
        index: usize,
        event: Box<TimelineEvent>,
    },
    /// Every field of a map feature, by its id.
    SetFeature {
        feature: Box<Feature>,
    },
    /// Deletes an entity of the document; with `uses`, what refers to it too (its relations,
    /// its added mentions; it is taken out of events, features and sources). Without, refused
    /// while anything refers to it, with what does.
    DeleteEntity {
        entity: String,
        uses: bool,
    },
    DeleteRelation {
        index: usize,
    },
    DeleteEvent {
        index: usize,
    },
    DeleteFeature {
        id: String,
    },
    /// Another document in place of this one (started from a text, opened from a file).
    Replace {
        doc: Box<Document>,
        what: Message,
    },
}

/// One state of the document: what it is after an edit, and what that edit did (`None` for the
/// document a history starts from). `seq` numbers the snapshots of a draft, from 0, in order,
/// and never twice: an edit made after an undo gets a new number, not the one the edit it
/// replaces had (a draft's store tells them apart by it).
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub seq: u64,
    pub doc: Rc<Document>,
    pub what: Option<Message>,
}

/// A studio: the document being written, its history, and the catalogues it draws on (read once).
#[derive(Clone, Debug, PartialEq)]
pub struct Studio {
    /// The snapshots, oldest first: `history[cursor]` is the document now; those before it can be
    /// undone to, those after it redone. (Shared documents: a copy of the studio, which the view
    /// makes on every change, copies none.)
    history: Vec<Snapshot>,
    cursor: usize,
    /// The number the next snapshot gets: above every one given before, kept or not.
    next_seq: u64,
    /// The catalogues, in the order the document names them (shared, never edited).
    pub catalogues: Rc<[Catalogue]>,
}

/// How many edits can be undone.
pub const UNDO_DEPTH: usize = 200;

/// What the studio shows after each edit.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// Every problem that keeps the document from being published, with its path.
    pub errors: Vec<Problem>,
    /// What an editor should see to before publishing, though it does not stop it: a
    /// placeholder description, a guessed English name, a mention inside a word.
    pub warnings: Vec<Problem>,
    /// The document with its catalogues' records (unpruned): mentions, variants.
    pub prepared: Prepared,
    /// The likely names nothing links, but those the document has set aside.
    pub suggestions: Vec<Suggestion>,
    /// The published document, when there are no errors.
    pub published: Option<String>,
}

impl Studio {
    pub fn new(doc: Document, catalogues: Vec<Catalogue>) -> Studio {
        Studio {
            history: vec![Snapshot { seq: 0, doc: Rc::new(doc), what: None }],
            cursor: 0,
            next_seq: 1,
            catalogues: catalogues.into(),
        }
    }

    /// A studio as it was: its snapshots (in order, at least one) and where it stood among them.
    pub fn restore(history: Vec<Snapshot>, cursor: usize, catalogues: Vec<Catalogue>) -> Option<Studio> {
        if history.is_empty() || cursor >= history.len() || history.windows(2).any(|w| w[0].seq >= w[1].seq) {
            return None;
        }
        let next_seq = history.last().map_or(0, |s| s.seq) + 1;
        Some(Studio { history, cursor, next_seq, catalogues: catalogues.into() })
    }

    /// The document as it stands.
    pub fn doc(&self) -> &Document {
        &self.history[self.cursor].doc
    }

    /// The snapshots, oldest first, and where the document stands among them.
    pub fn history(&self) -> (&[Snapshot], usize) {
        (&self.history, self.cursor)
    }

    /// The same studio with other catalogues (read again, added by the editor).
    pub fn with_catalogues(&self, catalogues: Vec<Catalogue>) -> Studio {
        Studio { catalogues: catalogues.into(), ..self.clone() }
    }

    /// What the edit that `undo` would take back did, if there is one.
    pub fn undoable(&self) -> Option<&Message> {
        if self.cursor == 0 {
            return None;
        }
        self.history[self.cursor].what.as_ref()
    }

    /// What the edit that `redo` would make again did, if there is one.
    pub fn redoable(&self) -> Option<&Message> {
        self.history.get(self.cursor + 1).and_then(|s| s.what.as_ref())
    }

    /// Takes back the last edit: what it had done, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<Message> {
        let what = self.undoable()?.clone();
        self.cursor -= 1;
        Some(what)
    }

    /// Makes the last undone edit again: what it does, or `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Option<Message> {
        let what = self.redoable()?.clone();
        self.cursor += 1;
        Some(what)
    }

    /// The ids of the map's features (points, areas, movements share one space).
    fn map_ids(doc: &Document) -> Vec<&str> {
        let m = &doc.map;
        m.points
            .iter()
            .map(|p| p.id.as_str())
            .chain(m.areas.iter().map(|a| a.id.as_str()))
            .chain(m.movements.iter().map(|v| v.id.as_str()))
            .collect()
    }

    /// Every entity id the document can use: its own, then its catalogues'.
    pub fn ids(&self) -> Vec<&str> {
        let own = self.doc().entities.iter().map(|e| e.id.as_str());
        own.chain(self.catalogues.iter().flat_map(|c| c.entities.iter().map(|e| e.id.as_str()))).collect()
    }

    /// The record of an entity: the document's own, else a catalogue's (the last named first).
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        entity_in(self.doc(), &self.catalogues, id)
    }

    /// Every map feature of the document, points first.
    pub fn features(&self) -> Vec<Feature> {
        let m = &self.doc().map;
        let points = m.points.iter().cloned().map(Feature::Point);
        let areas = m.areas.iter().cloned().map(Feature::Area);
        points.chain(areas).chain(m.movements.iter().cloned().map(Feature::Movement)).collect()
    }

    /// What refers to an entity: each place in the editor's terms (its path), for "delete" to say.
    pub fn uses_of(&self, id: &str) -> Vec<String> {
        uses(self.doc(), id)
    }

    /// Applies an edit: what it did, for the status line, or why it could not (the document then
    /// is as it was). An edit made can be undone; it clears what was undone before it.
    pub fn apply(&mut self, edit: Edit) -> Result<Message, Message> {
        let mut doc = self.doc().clone();
        let what = change(&mut doc, &self.catalogues, edit)?;
        self.history.truncate(self.cursor + 1);
        let seq = self.next_seq;
        self.next_seq += 1;
        self.history.push(Snapshot { seq, doc: Rc::new(doc), what: Some(what.clone()) });
        if self.history.len() > UNDO_DEPTH + 1 {
            self.history.remove(0);
        }
        self.cursor = self.history.len() - 1;
        Ok(what)
    }

    /// Checks the document as it stands: problems (errors and warnings apart), mentions,
    /// suggestions (but those set aside), the published form.
    pub fn check(&self, known: &[Entity]) -> Checked {
        let resolved = resolve(self.doc().clone(), &self.catalogues);
        let own = resolved.own;
        let (warnings, errors): (Vec<Problem>, Vec<Problem>) =
            validate_resolved(&resolved.doc, own).into_iter().partition(Problem::is_warning);
        let prepared = Prepared::new(resolved.doc);
        let suggestions = suggestions(&prepared, known);
        let published = errors
            .is_empty()
            .then(|| serde_json::to_string(&crate::publish::publish(&Prepared::new(prune(prepared.clone(), own)))).ok())
            .flatten();
        Checked { errors, warnings, prepared, suggestions, published }
    }

    /// The authoring document as JSON, to save.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self.doc()).unwrap_or_default() + "\n"
    }
}

/// The record of an entity: the document's own, else a catalogue's (the last named first).
fn entity_in<'a>(doc: &'a Document, catalogues: &'a [Catalogue], id: &str) -> Option<&'a Entity> {
    doc.entities
        .iter()
        .find(|e| e.id == id)
        .or_else(|| catalogues.iter().rev().flat_map(|c| &c.entities).find(|e| e.id == id))
}

/// Words typed in Arabic and in English: both (trimmed), neither (`None`), or one only (`Err`).
fn bilingual((ar, en): (String, String)) -> Result<Option<Bilingual>, ()> {
    match (ar.trim(), en.trim()) {
        ("", "") => Ok(None),
        ("", _) | (_, "") => Err(()),
        (ar, en) => Ok(Some(Bilingual { ar: ar.to_owned(), en: en.to_owned() })),
    }
}

/// What every map feature needs: entities that exist, and a label in both languages.
fn feature_fields(
    doc: &Document,
    catalogues: &[Catalogue],
    label: &Bilingual,
    entities: &[String],
) -> Result<(), Message> {
    for id in entities {
        known(doc, catalogues, id)?;
    }
    if label.ar.trim().is_empty() || label.en.trim().is_empty() {
        return Err(said!(Code::NeedLabel));
    }
    Ok(())
}

/// The id an English name gives ([`crate::model::slug`]; `entity` when it gives none), unique among
/// `taken`: `nicolas-maduro`, `nicolas-maduro-2`.
pub fn slug_for(name: &str, taken: &[&str]) -> String {
    let base = crate::model::slug(name);
    let base = if base.is_empty() { "entity" } else { &base };
    let mut id = base.to_owned();
    let mut n = 2;
    while taken.contains(&id.as_str()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

pub use crate::model::placeholder_description as kind_words;

/// What refers to an entity in a document, each by its path.
fn uses(doc: &Document, id: &str) -> Vec<String> {
    let mut out = Vec::new();
    let listed = |ids: &[String]| ids.iter().any(|x| x == id);
    let sources = |s: &Option<Sources>| s.as_ref().is_some_and(|s| listed(s.ids()));
    for (i, r) in doc.relations.iter().enumerate() {
        if r.subject == id || r.object == id || sources(&r.asserted_by) {
            out.push(format!("relations[{i}]"));
        }
    }
    for e in &doc.entities {
        for (k, c) in e.claims.iter().enumerate() {
            if sources(&c.asserted_by) {
                out.push(format!("entities[{}].claims[{k}]", e.id));
            }
        }
        for (k, a) in e.aliases.iter().enumerate() {
            if a.metonym_of() == Some(id) {
                out.push(format!("entities[{}].aliases[{k}]", e.id));
            }
        }
    }
    for (i, t) in doc.timeline.iter().enumerate() {
        if listed(&t.entities) {
            out.push(format!("timeline[{i}]"));
        }
    }
    let map = &doc.map;
    for p in map.points.iter().filter(|p| listed(&p.entities)) {
        out.push(format!("map.points[{}]", p.id));
    }
    for a in map.areas.iter().filter(|a| listed(&a.entities)) {
        out.push(format!("map.areas[{}]", a.id));
    }
    for m in map.movements.iter().filter(|m| listed(&m.entities)) {
        out.push(format!("map.movements[{}]", m.id));
    }
    for (i, m) in doc.mentions.add.iter().enumerate() {
        if m.entity == id {
            out.push(format!("mentions.add[{i}]"));
        }
    }
    out
}

/// Refuses an id the document cannot use.
fn known(doc: &Document, catalogues: &[Catalogue], id: &str) -> Result<(), Message> {
    match entity_in(doc, catalogues, id) {
        Some(_) => Ok(()),
        None => Err(said!(Code::UnknownEntity, id)),
    }
}

/// A name for the status line: the entity's Arabic name, else its id.
fn name_of(doc: &Document, catalogues: &[Catalogue], id: &str) -> String {
    entity_in(doc, catalogues, id).map_or_else(|| id.to_owned(), |e| e.name.ar.clone())
}

fn change(doc: &mut Document, catalogues: &[Catalogue], edit: Edit) -> Result<Message, Message> {
    let quote = |doc: &Document, at: Selection| quote_of(&doc.article, at).ok_or_else(|| said!(Code::SelectFirst));
    let set_aside = matches!(edit, Edit::SetAside { .. });
    match edit {
        Edit::AddAlias { entity, at } => {
            let q = quote(doc, at)?;
            let text = q.exact.trim().to_owned();
            // An alias of a catalogue entity is added to a copy of its record, in the document.
            if !doc.entities.iter().any(|e| e.id == entity) {
                let record =
                    entity_in(doc, catalogues, &entity).cloned().ok_or_else(|| said!(Code::UnknownEntity, &entity))?;
                doc.entities.push(record);
            }
            let e =
                doc.entities.iter_mut().find(|e| e.id == entity).ok_or_else(|| said!(Code::UnknownEntity, &entity))?;
            let key = normalize_str(&text);
            if e.aliases.iter().any(|a| normalize_str(a.text()) == key) || normalize_str(&e.name.ar) == key {
                return Err(said!(Code::AlreadyName, &text, &e.name.ar));
            }
            e.aliases.push(Alias::Plain(text.clone()));
            Ok(said!(Code::AliasAdded, text, e.name.ar.clone()))
        }
        Edit::NewEntity { kind, name_en, guessed, at } => {
            let q = quote(doc, at)?;
            let name_en = name_en.trim().to_owned();
            if name_en.is_empty() {
                return Err(said!(Code::NeedEnglishName));
            }
            let taken: Vec<&str> = doc
                .entities
                .iter()
                .map(|e| e.id.as_str())
                .chain(catalogues.iter().flat_map(|c| c.entities.iter().map(|e| e.id.as_str())))
                .collect();
            let id = slug_for(&name_en, &taken);
            debug_assert!(is_slug(&id));
            let name_ar = q.exact.trim().to_owned();
            doc.entities.push(Entity {
                id,
                kind,
                name: Bilingual { ar: name_ar.clone(), en: name_en },
                name_guessed: guessed,
                aliases: Vec::new(),
                description: kind_words(kind),
                claims: Vec::new(),
                wikidata: None,
                coordinates: None,
            });
            Ok(said!(Code::EntityAdded, name_ar))
        }
        Edit::AddMention { entity, at } => {
            known(doc, catalogues, &entity)?;
            let q = quote(doc, at)?;
            let words = q.exact.trim().to_owned();
            doc.mentions.add.push(crate::model::AddedMention { entity: entity.clone(), at: q, note: None });
            Ok(said!(Code::MentionAdded, format!("«{words}» → {}", name_of(doc, catalogues, &entity))))
        }
        Edit::Suppress { at } | Edit::SetAside { at } => {
            let q = quote(doc, at)?;
            let words = q.exact.clone();
            doc.mentions.suppress.push(q);
            let code = if set_aside { Code::SuggestionRejected } else { Code::Unlinked };
            Ok(said!(code, words))
        }
        Edit::AddRelation { subject, predicate, object, asserted_by, when, detail, at } => {
            for id in std::iter::once(&subject).chain([&object]).chain(&asserted_by) {
                known(doc, catalogues, id)?;
            }
            if subject == object {
                return Err(said!(Code::SelfRelation));
            }
            // A time or a detail is shown in both languages: both, or neither.
            let when = bilingual(when).map_err(|()| said!(Code::NeedBothTime))?;
            let detail = bilingual(detail).map_err(|()| said!(Code::NeedBothDetail))?;
            let evidence = quote(doc, at)?;
            let asserted_by = match asserted_by.len() {
                0 => None,
                1 => Some(Sources::One(asserted_by[0].clone())),
                _ => Some(Sources::Many(asserted_by)),
            };
            let l = predicate.labels();
            let said =
                said!(Code::RelationAdded, name_of(doc, catalogues, &subject), l.ar, name_of(doc, catalogues, &object));
            doc.relations.push(Relation { subject, predicate, object, evidence, asserted_by, when, detail });
            Ok(said)
        }
        Edit::AddEvent { label, when, date, order, entities, at } => {
            for id in &entities {
                known(doc, catalogues, id)?;
            }
            let label = bilingual(label).ok().flatten().ok_or_else(|| said!(Code::NeedEventName))?;
            let when = bilingual(when).ok().flatten().ok_or_else(|| said!(Code::NeedEventTime))?;
            let date = Some(date.trim().to_owned()).filter(|d| !d.is_empty());
            if let Some(problem) = date.as_deref().and_then(article_format::timeline::date_problem) {
                return Err(problem);
            }
            let evidence = Some(quote(doc, at)?);
            let taken: Vec<&str> = doc.timeline.iter().map(|t| t.id.as_str()).collect();
            let id = slug_for(&label.en, &taken);
            let order = order.unwrap_or_else(|| doc.timeline.iter().map(|t| t.order + 1).max().unwrap_or(1));
            let said = said!(Code::EventAdded, label.ar.clone(), order);
            doc.timeline.push(TimelineEvent { id, label, when, date, order, entities, evidence });
            Ok(said)
        }
        Edit::AddPoint { label, kind, at, entities } => {
            feature_fields(doc, catalogues, &label, &entities)?;
            let id = slug_for(&label.en, &Studio::map_ids(doc));
            let said = said!(Code::PointAdded, label.ar.clone());
            doc.map.points.push(MapPoint {
                id,
                label,
                kind,
                coordinates: at,
                entities,
                approximate: false,
                time: None,
            });
            Ok(said)
        }
        Edit::PlaceEntity { entity } => {
            let record = entity_in(doc, catalogues, &entity).ok_or_else(|| said!(Code::UnknownEntity, &entity))?;
            let at = record.coordinates.ok_or_else(|| said!(Code::NoCoordinates, &record.name.ar))?;
            let (label, kind) = (record.name.clone(), feature_kind_for(record.kind));
            let id = slug_for(&label.en, &Studio::map_ids(doc));
            let said = said!(Code::PointAdded, label.ar.clone());
            doc.map.points.push(MapPoint {
                id,
                label,
                kind,
                coordinates: at,
                entities: vec![entity],
                approximate: false,
                time: None,
            });
            Ok(said)
        }
        Edit::AddMovement { label, kind, path, entities } => {
            feature_fields(doc, catalogues, &label, &entities)?;
            let (Some(&from), Some(&to)) = (path.first(), path.last()) else { return Err(said!(Code::NeedTwoClicks)) };
            if path.len() < 2 {
                return Err(said!(Code::NeedTwoClicks));
            }
            let id = slug_for(&label.en, &Studio::map_ids(doc));
            let via = path[1..path.len() - 1].iter().map(|&c| Waypoint::At(c)).collect();
            let said = said!(Code::MovementAdded, label.ar.clone(), path.len());
            doc.map.movements.push(MapMovement {
                id,
                label,
                kind,
                from: Waypoint::At(from),
                to: Waypoint::At(to),
                via,
                entities,
                approximate: true,
                time: None,
            });
            Ok(said)
        }
        Edit::AddArea { label, kind, ring, entities } => {
            feature_fields(doc, catalogues, &label, &entities)?;
            if ring.len() < 3 {
                return Err(said!(Code::NeedThreeClicks));
            }
            let id = slug_for(&label.en, &Studio::map_ids(doc));
            let said = said!(Code::AreaAdded, label.ar.clone(), ring.len());
            doc.map.areas.push(MapArea {
                id,
                label,
                kind,
                shape: AreaShape::Polygon(ring),
                entities,
                approximate: true,
                time: None,
            });
            Ok(said)
        }
        Edit::AddRecord { entity } => {
            if entity_in(doc, catalogues, &entity.id).is_some() {
                return Err(said!(Code::DuplicateId, &entity.id));
            }
            let said = said!(Code::EntityAdded, entity.name.ar.clone());
            doc.entities.push(*entity);
            Ok(said)
        }
        Edit::SetEntity { entity } => {
            let entity = *entity;
            if entity.name.ar.trim().is_empty() || entity.name.en.trim().is_empty() {
                return Err(said!(Code::NeedEnglishName));
            }
            if let Some(target) = entity.aliases.iter().find_map(|a| a.metonym_of()) {
                known(doc, catalogues, target)?;
            }
            let said = said!(Code::Changed, entity.name.ar.clone());
            let in_catalogue = entity_in(doc, catalogues, &entity.id).is_some();
            match doc.entities.iter_mut().find(|e| e.id == entity.id) {
                Some(e) => *e = entity,
                None if in_catalogue => doc.entities.push(entity),
                None => return Err(said!(Code::UnknownEntity, &entity.id)),
            }
            Ok(said)
        }
        Edit::SetRelation { index, relation } => {
            let relation = *relation;
            for id in [&relation.subject, &relation.object]
                .into_iter()
                .chain(relation.asserted_by.iter().flat_map(|s| s.ids()))
            {
                known(doc, catalogues, id)?;
            }
            if relation.subject == relation.object {
                return Err(said!(Code::SelfRelation));
            }
            let both =
                |b: &Option<Bilingual>| b.as_ref().is_none_or(|b| !b.ar.trim().is_empty() && !b.en.trim().is_empty());
            if !both(&relation.when) {
                return Err(said!(Code::NeedBothTime));
            }
            if !both(&relation.detail) {
                return Err(said!(Code::NeedBothDetail));
            }
            let slot = doc.relations.get_mut(index).ok_or_else(|| said!(Code::NoSuchItem))?;
            *slot = relation;
            Ok(said!(Code::Changed, relation_words(doc, catalogues, index)))
        }
        Edit::SetEvent { index, event } => {
            let event = *event;
            for id in &event.entities {
                known(doc, catalogues, id)?;
            }
            if event.label.ar.trim().is_empty() || event.label.en.trim().is_empty() {
                return Err(said!(Code::NeedEventName));
            }
            if event.when.ar.trim().is_empty() || event.when.en.trim().is_empty() {
                return Err(said!(Code::NeedEventTime));
            }
            if let Some(problem) = event.date.as_deref().and_then(article_format::timeline::date_problem) {
                return Err(problem);
            }
            let said = said!(Code::Changed, event.label.ar.clone());
            let slot = doc.timeline.get_mut(index).ok_or_else(|| said!(Code::NoSuchItem))?;
            *slot = event;
            Ok(said)
        }
        Edit::SetFeature { feature } => {
            let feature = *feature;
            for id in feature.entities() {
                known(doc, catalogues, id)?;
            }
            let label = feature.label();
            if label.ar.trim().is_empty() || label.en.trim().is_empty() {
                return Err(said!(Code::NeedLabel));
            }
            let said = said!(Code::Changed, label.ar.clone());
            let map = &mut doc.map;
            let id = feature.id().to_owned();
            let found = match feature {
                Feature::Point(p) => map.points.iter_mut().find(|x| x.id == id).map(|x| *x = p),
                Feature::Area(a) => map.areas.iter_mut().find(|x| x.id == id).map(|x| *x = a),
                Feature::Movement(m) => map.movements.iter_mut().find(|x| x.id == id).map(|x| *x = m),
            };
            found.ok_or_else(|| said!(Code::UnknownWaypoint, id))?;
            Ok(said)
        }
        Edit::DeleteEntity { entity, uses: with_uses } => {
            let name = name_of(doc, catalogues, &entity);
            let used = uses(doc, &entity);
            if !used.is_empty() && !with_uses {
                return Err(said!(Code::InUse, name, used.len()));
            }
            if with_uses {
                let keep = |ids: &mut Vec<String>| ids.retain(|x| x != &entity);
                doc.relations.retain(|r| r.subject != entity && r.object != entity);
                for r in &mut doc.relations {
                    r.asserted_by = without(r.asserted_by.take(), &entity);
                }
                for e in &mut doc.entities {
                    for c in &mut e.claims {
                        c.asserted_by = without(c.asserted_by.take(), &entity);
                    }
                    for a in &mut e.aliases {
                        if a.metonym_of() == Some(entity.as_str()) {
                            *a = Alias::Plain(a.text().to_owned());
                        }
                    }
                }
                for t in &mut doc.timeline {
                    keep(&mut t.entities);
                }
                doc.map.points.iter_mut().for_each(|p| keep(&mut p.entities));
                doc.map.areas.iter_mut().for_each(|a| keep(&mut a.entities));
                doc.map.movements.iter_mut().for_each(|m| keep(&mut m.entities));
                doc.mentions.add.retain(|m| m.entity != entity);
            }
            let before = doc.entities.len();
            doc.entities.retain(|e| e.id != entity);
            if doc.entities.len() == before {
                return Err(said!(Code::UnknownEntity, &entity));
            }
            Ok(said!(Code::Deleted, name))
        }
        Edit::DeleteRelation { index } => {
            if index >= doc.relations.len() {
                return Err(said!(Code::NoSuchItem));
            }
            let said = said!(Code::Deleted, relation_words(doc, catalogues, index));
            doc.relations.remove(index);
            Ok(said)
        }
        Edit::DeleteEvent { index } => {
            if index >= doc.timeline.len() {
                return Err(said!(Code::NoSuchItem));
            }
            let event = doc.timeline.remove(index);
            Ok(said!(Code::Deleted, event.label.ar))
        }
        Edit::DeleteFeature { id } => {
            let map = &mut doc.map;
            let label = map
                .points
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.label.ar.clone())
                .or_else(|| map.areas.iter().find(|a| a.id == id).map(|a| a.label.ar.clone()))
                .or_else(|| map.movements.iter().find(|m| m.id == id).map(|m| m.label.ar.clone()))
                .ok_or_else(|| said!(Code::UnknownWaypoint, &id))?;
            map.points.retain(|p| p.id != id);
            map.areas.retain(|a| a.id != id);
            map.movements.retain(|m| m.id != id);
            Ok(said!(Code::Deleted, label))
        }
        Edit::Replace { doc: new, what } => {
            *doc = *new;
            Ok(what)
        }
    }
}

/// Sources without one entity: none left is none.
fn without(sources: Option<Sources>, id: &str) -> Option<Sources> {
    let ids: Vec<String> = sources?.ids().iter().filter(|x| *x != id).cloned().collect();
    match ids.len() {
        0 => None,
        1 => Some(Sources::One(ids.into_iter().next()?)),
        _ => Some(Sources::Many(ids)),
    }
}

/// A relation in a few words, for the status line: «بوتين وقّع الاتفاقية».
fn relation_words(doc: &Document, catalogues: &[Catalogue], index: usize) -> String {
    let Some(r) = doc.relations.get(index) else { return String::new() };
    format!(
        "{} {} {}",
        name_of(doc, catalogues, &r.subject),
        r.predicate.labels().ar,
        name_of(doc, catalogues, &r.object)
    )
}

/// A new authoring document from plain text (first line the headline), drawing on `catalogues`.
pub fn from_plain(text: &str, catalogues: Vec<String>) -> Document {
    Document {
        version: crate::model::VERSION,
        catalogues,
        article: crate::model::plain::parse(text),
        entities: Vec::new(),
        relations: Vec::new(),
        map: Default::default(),
        timeline: Vec::new(),
        mentions: Default::default(),
    }
}

/// Whether a selection is inside its text and on character boundaries.
pub fn selection_ok(doc: &Document, at: Selection) -> bool {
    block_text(&doc.article, at.text).is_some_and(|t| {
        at.range.end <= t.len() && t.is_char_boundary(at.range.start) && t.is_char_boundary(at.range.end)
    })
}

/// The text a problem's path is about, where it names a quote (a relation's evidence, an added
/// or suppressed mention, a claim's or an event's evidence): where the studio jumps to.
pub fn text_of_path(doc: &Document, path: &str) -> Option<BlockRef> {
    let index = |name: &str| -> Option<usize> {
        let rest = path.strip_prefix(name)?.strip_prefix('[')?;
        rest[..rest.find(']')?].parse().ok()
    };
    if let Some(i) = index("relations") {
        return doc.relations.get(i).map(|r| r.evidence.block);
    }
    if let Some(i) = index("mentions.add") {
        return doc.mentions.add.get(i).map(|a| a.at.block);
    }
    if let Some(i) = index("mentions.suppress") {
        return doc.mentions.suppress.get(i).map(|q| q.block);
    }
    if let Some(i) = index("timeline") {
        return doc.timeline.get(i).and_then(|t| t.evidence.as_ref()).map(|q| q.block);
    }
    let rest = path.strip_prefix("entities[")?;
    let (key, rest) = rest.split_once(']')?;
    let entity = doc
        .entities
        .iter()
        .find(|e| e.id == key)
        .or_else(|| key.parse::<usize>().ok().and_then(|i| doc.entities.get(i)))?;
    let claim: usize = rest.strip_prefix(".claims[")?.split(']').next()?.parse().ok()?;
    entity.claims.get(claim).map(|c| c.evidence.block)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::locate_quote;
    use crate::words::plain;
    use article_format::i18n::Lang;

    fn at(doc: &Document, block: usize, words: &str) -> Selection {
        nth(doc, block, words, 0)
    }

    /// The `n`th (from 0) place of `words` in a block.
    fn nth(doc: &Document, block: usize, words: &str, n: usize) -> Selection {
        let text = &doc.article.blocks[block].text;
        let start = text.match_indices(words).nth(n).unwrap().0;
        Selection { text: BlockRef::Block(block), range: Utf8Range::new(start, start + words.len()) }
    }

    fn english(m: &Message) -> String {
        plain(m, Lang::En)
    }

    fn new_entity(kind: EntityKind, name_en: &str, at: Selection) -> Edit {
        Edit::NewEntity { kind, name_en: name_en.into(), guessed: false, at }
    }

    #[test]
    fn a_relations_ends_are_the_actors_the_words_name() {
        let text = "عنوان\nاستقبل وزير الخارجية العماني بدر البوسعيدي في مسقط يوم الأحد نظيره الأردني أيمن الصفدي.";
        let catalogue: Catalogue =
            serde_json::from_str(include_str!("../../../assets/catalogues/sample.json")).unwrap();
        let mut studio = Studio::new(from_plain(text, vec!["sample.json".into()]), vec![catalogue]);
        let doc = studio.doc().clone();
        studio.apply(new_entity(EntityKind::Person, "Badr Albusaidi", at(&doc, 0, "بدر البوسعيدي"))).unwrap();
        studio.apply(new_entity(EntityKind::Person, "Ayman Safadi", at(&doc, 0, "أيمن الصفدي"))).unwrap();
        // «مسقط» is the catalogue's Muscat, linked as it is found.
        let checked = studio.check(&[]);
        let sentence = at(&doc, 0, doc.article.blocks[0].text.trim_end_matches('.'));
        assert_eq!(
            relation_ends(&checked.prepared, sentence),
            (Some("badr-albusaidi".to_owned()), Some("ayman-safadi".to_owned())),
            "the two people, not the city between them"
        );
        // A person and a place: the place is the other end.
        let visit = at(&doc, 0, "بدر البوسعيدي في مسقط");
        assert_eq!(relation_ends(&checked.prepared, visit), (Some("badr-albusaidi".into()), Some("muscat".into())));
    }

    #[test]
    fn quotes_carry_just_enough_context() {
        let doc = from_plain("عنوان\nزار مادورو موسكو ثم عاد مادورو إلى كاراكاس.", Vec::new());
        let text = &doc.article.blocks[0].text;
        let first = at(&doc, 0, "مادورو");
        let q = quote_of(&doc.article, first).unwrap();
        assert_eq!(locate_quote(text, &q.exact, &q.prefix, &q.suffix), Some(first.range));
        let second = nth(&doc, 0, "مادورو", 1);
        let q2 = quote_of(&doc.article, second).unwrap();
        assert_eq!(locate_quote(text, &q2.exact, &q2.prefix, &q2.suffix), Some(second.range));
        assert!(!q2.prefix.is_empty() || !q2.suffix.is_empty(), "a repeat needs context");
        let once = quote_of(&doc.article, at(&doc, 0, "كاراكاس")).unwrap();
        assert!(once.prefix.is_empty() && once.suffix.is_empty(), "a unique quote needs none: {once:?}");
    }

    #[test]
    fn events_of_the_timeline_are_placed_in_time_with_their_evidence() {
        let text = "زيارة وعودة\nزار مادورو موسكو في مايو الماضي، ثم عاد إلى كاراكاس يوم الخميس.";
        let mut studio = Studio::new(from_plain(text, Vec::new()), Vec::new());
        let doc = studio.doc().clone();
        studio.apply(new_entity(EntityKind::Person, "Nicolás Maduro", at(&doc, 0, "مادورو"))).unwrap();
        let event =
            |label: (&str, &str), when: (&str, &str), date: &str, order: Option<i32>, words: &str| Edit::AddEvent {
                label: (label.0.into(), label.1.into()),
                when: (when.0.into(), when.1.into()),
                date: date.into(),
                order,
                entities: vec!["nicolas-maduro".into()],
                at: at(&doc, 0, words),
            };
        let visit = event(
            ("زيارة موسكو", "The visit to Moscow"),
            ("في مايو الماضي", "last May"),
            "2025-05",
            None,
            "زار مادورو موسكو في مايو الماضي",
        );
        assert_eq!(english(&studio.apply(visit).unwrap()), "new event: زيارة موسكو, in time at 1");
        studio
            .apply(event(
                ("العودة", "The return"),
                ("يوم الخميس", "on Thursday"),
                " ",
                None,
                "ثم عاد إلى كاراكاس يوم الخميس",
            ))
            .unwrap();
        let orders: Vec<(i32, Option<&str>)> =
            studio.doc().timeline.iter().map(|t| (t.order, t.date.as_deref())).collect();
        assert_eq!(orders, [(1, Some("2025-05")), (2, None)], "after the last, an empty date none");
        // Refused, changing nothing: a name or a time in one language only, a date not ISO 8601,
        // an entity the document cannot use.
        let before = studio.doc().clone();
        let mut unknown = event(("زيارة", "A visit"), ("في مايو", "in May"), "", None, "زار مادورو");
        if let Edit::AddEvent { entities, .. } = &mut unknown {
            entities.push("nicolas-madura".into());
        }
        let refused = [
            (event(("", "A visit"), ("في مايو", "in May"), "", None, "زار مادورو"), Code::NeedEventName),
            (event(("زيارة", "A visit"), ("في مايو", ""), "", None, "زار مادورو"), Code::NeedEventTime),
            (event(("زيارة", "A visit"), ("في مايو", "in May"), "May 2025", None, "زار مادورو"), Code::NotIsoDate),
            (unknown, Code::UnknownEntity),
        ];
        for (edit, code) in refused {
            assert_eq!(studio.apply(edit).unwrap_err().code, code);
        }
        assert_eq!(studio.doc(), &before);
        // An id already taken gets a number; an order given is kept.
        studio
            .apply(event(("زيارة", "The visit to Moscow"), ("قبل ذلك", "before that"), "", Some(0), "زار مادورو"))
            .unwrap();
        assert_eq!(studio.doc().timeline[2].id, "the-visit-to-moscow-2");
        let checked = studio.check(&[]);
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        let reading = article_format::reading::Reading::from_json(checked.published.as_deref().unwrap()).unwrap();
        let ordered: Vec<&str> = article_format::timeline::ordered(&article_format::handoff::Sketch::of(&reading))
            .into_iter()
            .map(|i| reading.doc.timeline[i].id.as_str())
            .collect();
        assert_eq!(ordered, ["the-visit-to-moscow-2", "the-visit-to-moscow", "the-return"]);
        assert!(reading.doc.timeline.iter().all(|t| t.evidence.is_some()));
    }

    #[test]
    fn edits_are_undone_and_redone_and_a_refused_one_changes_nothing() {
        let catalogue = crate::catalogue::parse(
            "people.json",
            r#"{"format":"article-explorer/catalogue","version":1,"entities":[{"id":"ivan-gil","kind":"person","name":{"ar":"إيفان خيل","en":"Yván Gil"},"description":{"ar":"وزير","en":"A minister"},"aliases":["خيل"]}]}"#,
        )
        .unwrap();
        let text = "وزير يتكلم\nقال إيفان خيل إن خيل لم يسافر، وقال وزير الخارجية كلاما آخر.";
        let mut studio = Studio::new(from_plain(text, vec!["people.json".into()]), vec![catalogue]);
        let start = studio.doc().clone();
        assert_eq!((studio.undoable(), studio.redoable()), (None, None));
        assert_eq!(studio.undo(), None, "nothing to undo");
        // Refused: «خيل» is already a name of the catalogue's entity. Its record is not copied in.
        let refused = studio.apply(Edit::AddAlias { entity: "ivan-gil".into(), at: at(&start, 0, "خيل") }).unwrap_err();
        assert_eq!(english(&refused), "خيل is already a name of إيفان خيل");
        assert_eq!(studio.doc(), &start);
        assert_eq!(studio.undoable(), None, "a refused edit is not undone");
        let alias =
            studio.apply(Edit::AddAlias { entity: "ivan-gil".into(), at: at(&start, 0, "وزير الخارجية") }).unwrap();
        let after_alias = studio.doc().clone();
        studio.apply(Edit::Suppress { at: nth(&start, 0, "خيل", 1) }).unwrap();
        let after_both = studio.doc().clone();
        assert_ne!(after_alias, start);
        assert_ne!(after_both, after_alias);
        // Back, back, forward, forward: the same documents, and what each edit did.
        assert_eq!(studio.undo().as_ref(), studio.redoable());
        assert_eq!(studio.doc(), &after_alias);
        assert_eq!(studio.undo().as_ref(), Some(&alias));
        assert_eq!(studio.doc(), &start);
        assert_eq!(studio.undo(), None);
        assert_eq!(studio.redo().as_ref(), Some(&alias));
        assert_eq!(studio.doc(), &after_alias);
        // The history restores to the same studio (what a reload does, from the stored snapshots).
        let (history, cursor) = studio.history();
        let restored = Studio::restore(history.to_vec(), cursor, studio.catalogues.to_vec()).unwrap();
        assert_eq!(restored, studio);
        assert_eq!(restored.redoable(), studio.redoable());
        // A new edit after an undo drops what was undone.
        studio.apply(Edit::AddMention { entity: "ivan-gil".into(), at: at(&start, 0, "كلاما آخر") }).unwrap();
        assert_eq!(studio.redoable(), None);
        assert_eq!(studio.redo(), None);
        // The depth is bounded.
        let point = || Edit::AddPoint {
            label: Bilingual { ar: "نقطة".into(), en: "A point".into() },
            kind: MapFeatureKind::City,
            at: Coordinates { lon: -61.5, lat: 10.6 },
            entities: Vec::new(),
        };
        for _ in 0..UNDO_DEPTH + 5 {
            studio.apply(point()).unwrap();
        }
        let mut undone = 0;
        while studio.undo().is_some() {
            undone += 1;
        }
        assert_eq!(undone, UNDO_DEPTH);
        let (history, _) = studio.history();
        assert!(history.windows(2).all(|w| w[0].seq < w[1].seq), "snapshots numbered in order");
        // An edit after an undo is numbered anew: never as the edit it replaces.
        let undone_seq = studio.history().0[1].seq;
        studio.apply(point()).unwrap();
        let (history, cursor) = studio.history();
        assert_eq!(cursor, 1);
        assert!(history[1].seq > undone_seq + UNDO_DEPTH as u64 - 1, "{} after {undone_seq}", history[1].seq);
    }

    #[test]
    fn an_article_from_plain_text_to_published_by_edits() {
        let text = "مدمرة أمريكية ترسو في بورت أوف سبين\nرست مدمرة أمريكية في بورت أوف سبين صباح الأحد، وقال وزير الخارجية إيفان خيل إن بلاده تتابع الأمر.";
        let mut studio = Studio::new(from_plain(text, Vec::new()), Vec::new());
        let doc = studio.doc().clone();
        studio.apply(new_entity(EntityKind::City, "Port of Spain", at(&doc, 0, "بورت أوف سبين"))).unwrap();
        studio.apply(new_entity(EntityKind::MilitaryAsset, "US destroyer", at(&doc, 0, "مدمرة أمريكية"))).unwrap();
        studio.apply(new_entity(EntityKind::Person, "Iván Gil", at(&doc, 0, "إيفان خيل"))).unwrap();
        assert!(studio.ids().contains(&"ivan-gil"));
        let relation = |when: (&str, &str), detail: (&str, &str), words: &str| Edit::AddRelation {
            subject: "us-destroyer".into(),
            predicate: Predicate::DockedAt,
            object: "port-of-spain".into(),
            asserted_by: Vec::new(),
            when: (when.0.into(), when.1.into()),
            detail: (detail.0.into(), detail.1.into()),
            at: at(&doc, 0, words),
        };
        studio
            .apply(relation(("صباح الأحد", "on Sunday morning"), ("", ""), "رست مدمرة أمريكية في بورت أوف سبين"))
            .unwrap();
        assert_eq!(studio.doc().relations[0].when.as_ref().map(|w| w.en.as_str()), Some("on Sunday morning"));
        let half = studio.apply(relation(("", ""), ("ثلاثة أيام", ""), "رست مدمرة أمريكية")).unwrap_err();
        assert_eq!(half.code, Code::NeedBothDetail);
        let checked = studio.check(&[]);
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        // New entities' descriptions are placeholders until written: warnings, not errors.
        assert_eq!(checked.warnings.len(), 3, "{:?}", checked.warnings);
        assert!(checked.warnings.iter().all(|w| w.message.code == Code::PlaceholderDescription));
        let reading = article_format::reading::Reading::from_json(checked.published.as_deref().unwrap()).unwrap();
        let ids: Vec<&str> =
            reading.all_mentions().map(|(_, m)| reading.doc.entities[m.entity()].id.as_str()).collect();
        assert_eq!(ids, ["us-destroyer", "port-of-spain", "us-destroyer", "port-of-spain", "ivan-gil"]);
        assert_eq!(reading.doc.relations.len(), 1);
        // Saved and reopened, the same document.
        let reopened: Document = serde_json::from_str(&studio.to_json()).unwrap();
        assert_eq!(&reopened, studio.doc());
    }

    #[test]
    fn every_record_is_edited_in_place_and_deleted_with_what_uses_it() {
        let text = "عنوان\nزار مادورو موسكو، والتقى بوتين مادورو في موسكو.";
        let mut studio = Studio::new(from_plain(text, Vec::new()), Vec::new());
        let doc = studio.doc().clone();
        studio.apply(new_entity(EntityKind::Person, "Nicolás Maduro", at(&doc, 0, "مادورو"))).unwrap();
        studio.apply(new_entity(EntityKind::City, "Moscow", at(&doc, 0, "موسكو"))).unwrap();
        studio.apply(new_entity(EntityKind::Person, "Vladimir Putin", at(&doc, 0, "بوتين"))).unwrap();
        studio
            .apply(Edit::AddRelation {
                subject: "nicolas-maduro".into(),
                predicate: Predicate::Visited,
                object: "moscow".into(),
                asserted_by: Vec::new(),
                when: Default::default(),
                detail: Default::default(),
                at: at(&doc, 0, "زار مادورو موسكو"),
            })
            .unwrap();
        // An entity's every field: its description written, its English name checked.
        let mut maduro = studio.entity("nicolas-maduro").unwrap().clone();
        maduro.description = Bilingual { ar: "رئيس فنزويلا".into(), en: "President of Venezuela".into() };
        studio.apply(Edit::SetEntity { entity: Box::new(maduro) }).unwrap();
        assert_eq!(studio.doc().entities[0].description.en, "President of Venezuela");
        // A relation, changed: its object (a wrong id is refused), then deleted.
        let mut r = studio.doc().relations[0].clone();
        r.object = "mosco".into();
        assert_eq!(
            studio.apply(Edit::SetRelation { index: 0, relation: Box::new(r.clone()) }).unwrap_err().code,
            Code::UnknownEntity
        );
        r.predicate = Predicate::ArrivedAt;
        r.object = "moscow".into();
        studio.apply(Edit::SetRelation { index: 0, relation: Box::new(r) }).unwrap();
        assert_eq!(studio.doc().relations[0].predicate, Predicate::ArrivedAt);
        // Deleting an entity something refers to says what does, and deletes nothing...
        assert_eq!(studio.uses_of("moscow"), ["relations[0]"]);
        let refused = studio.apply(Edit::DeleteEntity { entity: "moscow".into(), uses: false }).unwrap_err();
        assert_eq!(refused.code, Code::InUse);
        assert_eq!(studio.doc().entities.len(), 3);
        // ...unless told to take what refers to it too; and that is undone in one step.
        studio.apply(Edit::DeleteEntity { entity: "moscow".into(), uses: true }).unwrap();
        assert!(studio.doc().relations.is_empty() && studio.doc().entities.len() == 2);
        studio.undo();
        assert_eq!(studio.doc().relations.len(), 1);
        studio.apply(Edit::DeleteRelation { index: 0 }).unwrap();
        assert!(studio.doc().relations.is_empty());
        assert_eq!(studio.apply(Edit::DeleteRelation { index: 0 }).unwrap_err().code, Code::NoSuchItem);
        // A map point at an entity's coordinates, named as the entity is.
        let mut moscow = studio.entity("moscow").unwrap().clone();
        assert_eq!(studio.apply(Edit::PlaceEntity { entity: "moscow".into() }).unwrap_err().code, Code::NoCoordinates);
        moscow.coordinates = Some(Coordinates { lat: 55.75, lon: 37.62 });
        studio.apply(Edit::SetEntity { entity: Box::new(moscow) }).unwrap();
        studio.apply(Edit::PlaceEntity { entity: "moscow".into() }).unwrap();
        let p = &studio.doc().map.points[0];
        assert_eq!(
            (p.id.as_str(), p.kind, p.coordinates.lat, p.entities.as_slice()),
            ("moscow", MapFeatureKind::City, 55.75, &["moscow".to_owned()][..])
        );
        let mut f = studio.features()[0].clone();
        if let Feature::Point(p) = &mut f {
            p.label.en = "Moscow, Russia".into();
        }
        studio.apply(Edit::SetFeature { feature: Box::new(f) }).unwrap();
        assert_eq!(studio.doc().map.points[0].label.en, "Moscow, Russia");
        studio.apply(Edit::DeleteFeature { id: "moscow".into() }).unwrap();
        assert!(studio.doc().map.points.is_empty());
        // Another document in place of this one: undone like any edit.
        let before = studio.doc().clone();
        let other = from_plain("آخر\nنص آخر", Vec::new());
        studio
            .apply(Edit::Replace { doc: Box::new(other.clone()), what: article_format::said!(Code::Started, 1usize) })
            .unwrap();
        assert_eq!(studio.doc(), &other);
        studio.undo();
        assert_eq!(studio.doc(), &before);
    }

    #[test]
    fn a_guessed_english_name_is_a_warning_until_changed() {
        let mut studio = Studio::new(from_plain("عنوان\nقال عراقجي إن المحادثات مستمرة.", Vec::new()), Vec::new());
        let doc = studio.doc().clone();
        let (guess, guessed) = english_name(&doc, &[], at(&doc, 0, "عراقجي"));
        assert!(guessed);
        studio
            .apply(Edit::NewEntity {
                kind: EntityKind::Person, name_en: guess, guessed, at: at(&doc, 0, "عراقجي")
            })
            .unwrap();
        let codes: Vec<Code> = studio.check(&[]).warnings.iter().map(|w| w.message.code).collect();
        assert!(codes.contains(&Code::GuessedName), "{codes:?}");
        let mut e = studio.doc().entities[0].clone();
        e.name.en = "Abbas Araghchi".into();
        e.name_guessed = false;
        studio.apply(Edit::SetEntity { entity: Box::new(e) }).unwrap();
        let codes: Vec<Code> = studio.check(&[]).warnings.iter().map(|w| w.message.code).collect();
        assert!(!codes.contains(&Code::GuessedName), "{codes:?}");
        assert!(studio.check(&[]).published.is_some(), "warnings do not stop publishing");
    }

    #[test]
    fn an_alias_of_a_catalogue_entity_copies_its_record_into_the_document() {
        let catalogue: Catalogue =
            serde_json::from_str(include_str!("../../../assets/catalogues/sample.json")).unwrap();
        let doc = from_plain("عنوان\nوصل الوفد إلى عاصمة فنزويلا كراكاس أمس.", vec!["sample.json".into()]);
        let mut studio = Studio::new(doc.clone(), vec![catalogue]);
        assert!(
            studio.check(&[]).prepared.all_mentions().any(|(_, m)| m.range.of(&doc.article.blocks[0].text) == "كراكاس"),
            "found as a variant"
        );
        studio.apply(Edit::AddAlias { entity: "caracas".into(), at: at(&doc, 0, "عاصمة فنزويلا") }).unwrap();
        assert_eq!(studio.doc().entities.len(), 1);
        assert!(studio.apply(Edit::AddAlias { entity: "caracas".into(), at: at(&doc, 0, "عاصمة فنزويلا") }).is_err());
        assert!(studio.check(&[]).errors.is_empty());
    }

    #[test]
    fn a_problems_path_leads_to_its_text() {
        let mut studio = Studio::new(from_plain("عنوان\nنص أول\nزار مادورو موسكو", Vec::new()), Vec::new());
        let doc = studio.doc().clone();
        studio.apply(new_entity(EntityKind::Person, "Maduro", at(&doc, 1, "مادورو"))).unwrap();
        studio.apply(new_entity(EntityKind::City, "Moscow", at(&doc, 1, "موسكو"))).unwrap();
        studio
            .apply(Edit::AddRelation {
                subject: "maduro".into(),
                predicate: Predicate::Visited,
                object: "moscow".into(),
                asserted_by: vec![],
                when: Default::default(),
                detail: Default::default(),
                at: at(&doc, 1, "زار"),
            })
            .unwrap();
        let mut r = studio.doc().relations[0].clone();
        r.evidence.exact = "زارت".into();
        studio.apply(Edit::SetRelation { index: 0, relation: Box::new(r) }).unwrap();
        let checked = studio.check(&[]);
        let p = checked.errors.iter().find(|p| p.path.starts_with("relations[0]")).expect("a broken quote");
        assert_eq!(text_of_path(studio.doc(), &p.path), Some(BlockRef::Block(1)));
        assert_eq!(text_of_path(studio.doc(), "article.headline"), None);
    }

    #[test]
    fn movements_and_areas_from_clicks() {
        let mut studio = Studio::new(from_plain("عنوان\nنص", Vec::new()), Vec::new());
        let c = |lat, lon| Coordinates { lat, lon };
        let label = |en: &str| Bilingual { ar: "تحرك".into(), en: en.into() };
        studio
            .apply(Edit::AddMovement {
                label: label("Sail"),
                kind: MapFeatureKind::Route,
                path: vec![c(10.0, -61.0), c(11.0, -62.0), c(12.0, -63.0)],
                entities: vec![],
            })
            .unwrap();
        let one = Edit::AddMovement {
            label: label("Sail"),
            kind: MapFeatureKind::Route,
            path: vec![c(10.0, -61.0)],
            entities: vec![],
        };
        assert_eq!(studio.apply(one).unwrap_err().code, Code::NeedTwoClicks);
        studio
            .apply(Edit::AddArea {
                label: label("Sail"),
                kind: MapFeatureKind::Deployment,
                ring: vec![c(10.0, -61.0), c(11.0, -62.0), c(12.0, -61.0)],
                entities: vec![],
            })
            .unwrap();
        let m = &studio.doc().map;
        assert_eq!(
            (m.movements[0].id.as_str(), m.movements[0].via.len(), m.areas[0].id.as_str()),
            ("sail", 1, "sail-2")
        );
        assert!(studio.check(&[]).errors.is_empty(), "{:?}", studio.check(&[]).errors);
    }

    #[test]
    fn slugs_are_unique_and_ascii() {
        assert_eq!(slug_for("Nicolás Maduro", &[]), "nicolas-maduro");
        assert_eq!(slug_for("Nicolás Maduro", &["nicolas-maduro"]), "nicolas-maduro-2");
        assert_eq!(slug_for("مادورو", &[]), "entity");
    }
}
