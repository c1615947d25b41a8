//! The authoring studio's state, without a browser: an authoring document being written, the
//! catalogues it draws on, and the edits an editor makes by selecting words of the article. Every
//! edit that quotes the article makes its quote itself (the exact words, with just enough prefix
//! and suffix to tell them from a repeat), so that no quote is ever typed by hand.

use crate::catalogue::{prune, resolve, Catalogue};
use crate::model::validate::{block_text, is_slug, validate_resolved};
use crate::model::{
    Alias, AreaShape, Article, Bilingual, BlockRef, Coordinates, Document, Entity, EntityKind, MapArea, MapFeatureKind,
    MapMovement, MapPoint, Predicate, Prepared, Problem, Quote, Relation, Sources, TimelineEvent, Waypoint,
};
use crate::suggest::{suggestions, Suggestion};
use crate::text::{locate_quote, normalize_str, Utf8Range};
use std::rc::Rc;

/// Words of the article an editor selected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    pub text: BlockRef,
    /// Byte range in that text.
    pub range: Utf8Range,
}

/// What an editor does.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// The selected words become an alias of an entity.
    AddAlias { entity: String, at: Selection },
    /// The selected words name a new entity (its Arabic name); its English name gives its id.
    NewEntity { kind: EntityKind, name_en: String, at: Selection },
    /// The selected words are a mention of an entity no alias can express.
    AddMention { entity: String, at: Selection },
    /// The selected words are wrongly linked: suppress the match there.
    Suppress { at: Selection },
    /// A relation, its evidence the selected words.
    /// `when` and `detail` are (Arabic, English), either left empty or both given.
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
    AddPoint { label: Bilingual, kind: MapFeatureKind, at: Coordinates, entities: Vec<String> },
    /// A movement on the map, from the first click to the last (the clicks between: its way).
    AddMovement { label: Bilingual, kind: MapFeatureKind, path: Vec<Coordinates>, entities: Vec<String> },
    /// An area on the map: the polygon of the clicks.
    AddArea { label: Bilingual, kind: MapFeatureKind, ring: Vec<Coordinates>, entities: Vec<String> },
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

/// The quote of a selection: its exact words, with the shortest prefix and suffix (whole words,
/// grown one at a time) that make it the occurrence selected. None when the selection is empty
/// or outside its text.
pub fn quote_of(article: &Article, at: Selection) -> Option<Quote> {
    let text = block_text(article, at.text)?;
    let (start, end) = (at.range.start, at.range.end);
    if start >= end || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    let exact = text[start..end].to_owned();
    if exact.trim().is_empty() {
        return None;
    }
    // Context boundaries: the starts of the words before, the ends of the words after.
    let before: Vec<usize> = std::iter::once(start).chain(word_starts(&text[..start]).into_iter().rev()).collect();
    let after: Vec<usize> = std::iter::once(end).chain(word_ends(&text[end..]).into_iter().map(|e| end + e)).collect();
    for k in 0..before.len().max(after.len()) {
        let p = before[k.min(before.len() - 1)];
        let s = after[k.min(after.len() - 1)];
        let (prefix, suffix) = (&text[p..start], &text[end..s]);
        if locate_quote(text, &exact, prefix, suffix) == Some(at.range) {
            return Some(Quote { block: at.text, exact, prefix: prefix.to_owned(), suffix: suffix.to_owned() });
        }
    }
    Some(Quote { block: at.text, exact, prefix: text[..start].to_owned(), suffix: text[end..].to_owned() })
}

fn word_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev_space = true;
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() && prev_space {
            out.push(i);
        }
        prev_space = c.is_whitespace();
    }
    out
}

fn word_ends(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() && in_word {
            out.push(i);
        }
        in_word = !c.is_whitespace();
    }
    if in_word {
        out.push(text.len());
    }
    out
}

/// Words typed in Arabic and in English: both (trimmed), neither (`None`), or one only (`Err`).
fn bilingual((ar, en): (String, String)) -> Result<Option<Bilingual>, ()> {
    match (ar.trim(), en.trim()) {
        ("", "") => Ok(None),
        ("", _) | (_, "") => Err(()),
        (ar, en) => Ok(Some(Bilingual { ar: ar.to_owned(), en: en.to_owned() })),
    }
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

/// Background words for a new entity's description, until the editor writes one: the kind's
/// name, as the reader says it.
fn kind_words(kind: EntityKind) -> Bilingual {
    use article_format::i18n::Lang;
    Bilingual { ar: Lang::Ar.kind(kind).to_owned(), en: Lang::En.kind(kind).to_owned() }
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

/// A studio: the document being written and the catalogues it draws on (read once).
#[derive(Clone, Debug, PartialEq)]
pub struct Studio {
    pub doc: Document,
    /// The catalogues, in the order the document names them (shared: never edited, and a copy of
    /// the studio, made on each edit, copies none).
    pub catalogues: Rc<[Catalogue]>,
    /// The document before each edit that can be undone, with what the edit did, newest last.
    /// (Shared: a copy of the studio, which the view makes on every change, copies no document.)
    past: Vec<(Rc<Document>, String)>,
    /// The documents undone, with what their edits did, to redo, the next last.
    future: Vec<(Rc<Document>, String)>,
}

/// How many edits can be undone.
pub const UNDO_DEPTH: usize = 200;

/// What the studio shows after each edit.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// Every problem, with its path.
    pub problems: Vec<Problem>,
    /// The document with its catalogues' records (unpruned): mentions, variants.
    pub prepared: Prepared,
    /// The likely names nothing links.
    pub suggestions: Vec<Suggestion>,
    /// The published document, when there are no problems.
    pub published: Option<String>,
}

impl Studio {
    pub fn new(doc: Document, catalogues: Vec<Catalogue>) -> Studio {
        Studio { doc, catalogues: catalogues.into(), past: Vec::new(), future: Vec::new() }
    }

    /// What the edit that `undo` would take back did, if there is one.
    pub fn undoable(&self) -> Option<&str> {
        self.past.last().map(|(_, what)| what.as_str())
    }

    /// What the edit that `redo` would make again did, if there is one.
    pub fn redoable(&self) -> Option<&str> {
        self.future.last().map(|(_, what)| what.as_str())
    }

    /// Takes back the last edit: what it had done, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<String> {
        let (before, what) = self.past.pop()?;
        let now = std::mem::replace(&mut self.doc, Rc::unwrap_or_clone(before));
        self.future.push((Rc::new(now), what.clone()));
        Some(what)
    }

    /// Makes the last undone edit again: what it does, or `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Option<String> {
        let (after, what) = self.future.pop()?;
        let now = std::mem::replace(&mut self.doc, Rc::unwrap_or_clone(after));
        self.past.push((Rc::new(now), what.clone()));
        Some(what)
    }

    /// The ids of the map's features (points, areas, movements share one space).
    fn map_ids(&self) -> Vec<&str> {
        let m = &self.doc.map;
        m.points
            .iter()
            .map(|p| p.id.as_str())
            .chain(m.areas.iter().map(|a| a.id.as_str()))
            .chain(m.movements.iter().map(|v| v.id.as_str()))
            .collect()
    }

    /// Every entity id the document can use: its own, then its catalogues'.
    pub fn ids(&self) -> Vec<&str> {
        let own = self.doc.entities.iter().map(|e| e.id.as_str());
        own.chain(self.catalogues.iter().flat_map(|c| c.entities.iter().map(|e| e.id.as_str()))).collect()
    }

    /// The record of an entity: the document's own, else a catalogue's (the last named first).
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.doc
            .entities
            .iter()
            .find(|e| e.id == id)
            .or_else(|| self.catalogues.iter().rev().flat_map(|c| &c.entities).find(|e| e.id == id))
    }

    /// Applies an edit: what it did, for the status line, or why it could not (the document then
    /// is as it was). An edit made can be undone; it clears what was undone before it.
    pub fn apply(&mut self, edit: Edit) -> Result<String, String> {
        let before = self.doc.clone();
        match self.change(edit) {
            Ok(what) => {
                self.past.push((Rc::new(before), what.clone()));
                if self.past.len() > UNDO_DEPTH {
                    self.past.remove(0);
                }
                self.future.clear();
                Ok(what)
            }
            Err(why) => {
                self.doc = before;
                Err(why)
            }
        }
    }

    fn change(&mut self, edit: Edit) -> Result<String, String> {
        let quote = |doc: &Document, at: Selection| {
            quote_of(&doc.article, at).ok_or_else(|| "select some words of the article first".to_owned())
        };
        match edit {
            Edit::AddAlias { entity, at } => {
                let q = quote(&self.doc, at)?;
                let text = q.exact.trim().to_owned();
                // An alias of a catalogue entity is added to a copy of its record, in the document.
                if !self.doc.entities.iter().any(|e| e.id == entity) {
                    let record = self.entity(&entity).cloned().ok_or_else(|| format!("no entity «{entity}»"))?;
                    self.doc.entities.push(record);
                }
                let e = self.doc.entities.iter_mut().find(|e| e.id == entity).ok_or("no such entity")?;
                let key = normalize_str(&text);
                if e.aliases.iter().any(|a| normalize_str(a.text()) == key) || normalize_str(&e.name.ar) == key {
                    return Err(format!("«{text}» is already a name of {entity}"));
                }
                e.aliases.push(Alias::Plain(text.clone()));
                Ok(format!("«{text}» is now an alias of {entity}"))
            }
            Edit::NewEntity { kind, name_en, at } => {
                let q = quote(&self.doc, at)?;
                let name_en = name_en.trim().to_owned();
                if name_en.is_empty() {
                    return Err("give the entity's English name".to_owned());
                }
                let id = slug_for(&name_en, &self.ids());
                debug_assert!(is_slug(&id));
                self.doc.entities.push(Entity {
                    id: id.clone(),
                    kind,
                    name: Bilingual { ar: q.exact.trim().to_owned(), en: name_en },
                    aliases: Vec::new(),
                    description: kind_words(kind),
                    claims: Vec::new(),
                    wikidata: None,
                    coordinates: None,
                });
                Ok(format!("new entity {id}"))
            }
            Edit::AddMention { entity, at } => {
                let q = quote(&self.doc, at)?;
                self.doc.mentions.add.push(crate::model::AddedMention { entity: entity.clone(), at: q, note: None });
                Ok(format!("a mention of {entity} added"))
            }
            Edit::Suppress { at } => {
                let q = quote(&self.doc, at)?;
                let words = q.exact.clone();
                self.doc.mentions.suppress.push(q);
                Ok(format!("«{words}» is no longer linked there"))
            }
            Edit::AddRelation { subject, predicate, object, asserted_by, when, detail, at } => {
                if subject == object {
                    return Err("a relation links two different entities".to_owned());
                }
                // A time or a detail is shown in both languages: both, or neither.
                let both = |pair, what: &str| {
                    bilingual(pair).map_err(|()| {
                        format!("give the relation's {what} in Arabic and in English, or leave both empty")
                    })
                };
                let (when, detail) = (both(when, "time")?, both(detail, "detail")?);
                let evidence = quote(&self.doc, at)?;
                let asserted_by = match asserted_by.len() {
                    0 => None,
                    1 => Some(Sources::One(asserted_by[0].clone())),
                    _ => Some(Sources::Many(asserted_by)),
                };
                self.doc.relations.push(Relation {
                    subject: subject.clone(),
                    predicate,
                    object: object.clone(),
                    evidence,
                    asserted_by,
                    when,
                    detail,
                });
                Ok(format!("{subject} {} {object}", predicate.slug()))
            }
            Edit::AddEvent { label, when, date, order, entities, at } => {
                let both = |pair, what: &str| {
                    bilingual(pair)
                        .ok()
                        .flatten()
                        .ok_or_else(|| format!("give the event's {what} in Arabic and in English"))
                };
                let (label, when) = (both(label, "name")?, both(when, "time as the article says it")?);
                let date = Some(date.trim().to_owned()).filter(|d| !d.is_empty());
                if let Some(problem) = date.as_deref().and_then(article_format::timeline::date_problem) {
                    return Err(problem);
                }
                let evidence = Some(quote(&self.doc, at)?);
                let taken: Vec<&str> = self.doc.timeline.iter().map(|t| t.id.as_str()).collect();
                let id = slug_for(&label.en, &taken);
                let order = order.unwrap_or_else(|| self.doc.timeline.iter().map(|t| t.order + 1).max().unwrap_or(1));
                self.doc.timeline.push(TimelineEvent { id: id.clone(), label, when, date, order, entities, evidence });
                Ok(format!("event {id}, in time at {order}"))
            }
            Edit::AddPoint { label, kind, at, entities } => {
                let id = slug_for(&label.en, &self.map_ids());
                self.doc.map.points.push(MapPoint {
                    id: id.clone(),
                    label,
                    kind,
                    coordinates: at,
                    entities,
                    approximate: false,
                    time: None,
                });
                Ok(format!("point {id} at {:.3}, {:.3}", at.lat, at.lon))
            }
            Edit::AddMovement { label, kind, path, entities } => {
                let (Some(&from), Some(&to)) = (path.first(), path.last()) else {
                    return Err("click where it starts and where it ends".to_owned());
                };
                if path.len() < 2 {
                    return Err("click where it starts and where it ends".to_owned());
                }
                let id = slug_for(&label.en, &self.map_ids());
                let via = path[1..path.len() - 1].iter().map(|&c| Waypoint::At(c)).collect();
                self.doc.map.movements.push(MapMovement {
                    id: id.clone(),
                    label,
                    kind,
                    from: Waypoint::At(from),
                    to: Waypoint::At(to),
                    via,
                    entities,
                    approximate: true,
                    time: None,
                });
                Ok(format!("movement {id}, {} places", path.len()))
            }
            Edit::AddArea { label, kind, ring, entities } => {
                if ring.len() < 3 {
                    return Err("an area needs at least three clicks".to_owned());
                }
                let id = slug_for(&label.en, &self.map_ids());
                let n = ring.len();
                self.doc.map.areas.push(MapArea {
                    id: id.clone(),
                    label,
                    kind,
                    shape: AreaShape::Polygon(ring),
                    entities,
                    approximate: true,
                    time: None,
                });
                Ok(format!("area {id}, {n} corners"))
            }
        }
    }

    /// Checks the document as it stands: problems, mentions, suggestions, the published form.
    pub fn check(&self, known: &[Entity]) -> Checked {
        let resolved = resolve(self.doc.clone(), &self.catalogues);
        let own = resolved.own;
        let problems = validate_resolved(&resolved.doc, own);
        let prepared = Prepared::new(resolved.doc);
        let suggestions = suggestions(&prepared, known);
        let published = problems
            .is_empty()
            .then(|| serde_json::to_string(&crate::publish::publish(&Prepared::new(prune(prepared.clone(), own)))).ok())
            .flatten();
        Checked { problems, prepared, suggestions, published }
    }

    /// The authoring document as JSON, to save.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.doc).unwrap_or_default() + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(doc: &Document, block: usize, words: &str) -> Selection {
        nth(doc, block, words, 0)
    }

    /// The `n`th (from 0) place of `words` in a block.
    fn nth(doc: &Document, block: usize, words: &str, n: usize) -> Selection {
        let text = &doc.article.blocks[block].text;
        let start = text.match_indices(words).nth(n).unwrap().0;
        Selection { text: BlockRef::Block(block), range: Utf8Range::new(start, start + words.len()) }
    }

    #[test]
    fn quotes_carry_just_enough_context() {
        let doc = from_plain("عنوان\nزار مادورو موسكو ثم عاد مادورو إلى كاراكاس.", Vec::new());
        let text = &doc.article.blocks[0].text;
        let first = at(&doc, 0, "مادورو");
        let q = quote_of(&doc.article, first).unwrap();
        assert_eq!(locate_quote(text, &q.exact, &q.prefix, &q.suffix), Some(first.range));
        let second_start = text.rfind("مادورو").unwrap();
        let second = Selection {
            text: BlockRef::Block(0),
            range: Utf8Range::new(second_start, second_start + "مادورو".len()),
        };
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
        let doc = studio.doc.clone();
        studio
            .apply(Edit::NewEntity {
                kind: EntityKind::Person,
                name_en: "Nicolás Maduro".into(),
                at: at(&doc, 0, "مادورو"),
            })
            .unwrap();
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
        assert!(studio.apply(visit.clone()).unwrap().contains("the-visit-to-moscow"));
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
            studio.doc.timeline.iter().map(|t| (t.order, t.date.as_deref())).collect();
        assert_eq!(orders, [(1, Some("2025-05")), (2, None)], "after the last, an empty date none");
        // Refused, changing nothing: a name or a time in one language only, a date not ISO 8601.
        let before = studio.doc.clone();
        let refused = [
            event(("", "A visit"), ("في مايو", "in May"), "", None, "زار مادورو"),
            event(("زيارة", "A visit"), ("في مايو", ""), "", None, "زار مادورو"),
            event(("زيارة", "A visit"), ("في مايو", "in May"), "May 2025", None, "زار مادورو"),
        ];
        for edit in refused {
            assert!(studio.apply(edit).is_err());
        }
        assert_eq!(studio.doc, before);
        // An id already taken gets a number; an order given is kept.
        studio
            .apply(event(("زيارة", "The visit to Moscow"), ("قبل ذلك", "before that"), "", Some(0), "زار مادورو"))
            .unwrap();
        assert_eq!(studio.doc.timeline[2].id, "the-visit-to-moscow-2");
        let checked = studio.check(&[]);
        assert!(checked.problems.is_empty(), "{:?}", checked.problems);
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
        let start = studio.doc.clone();
        assert_eq!((studio.undoable(), studio.redoable()), (None, None));
        assert_eq!(studio.undo(), None, "nothing to undo");
        // Refused: «خيل» is already a name of the catalogue's entity. Its record is not copied in.
        assert!(studio.apply(Edit::AddAlias { entity: "ivan-gil".into(), at: at(&start, 0, "خيل") }).is_err());
        assert_eq!(studio.doc, start);
        assert_eq!(studio.undoable(), None, "a refused edit is not undone");
        let alias =
            studio.apply(Edit::AddAlias { entity: "ivan-gil".into(), at: at(&start, 0, "وزير الخارجية") }).unwrap();
        let after_alias = studio.doc.clone();
        studio.apply(Edit::Suppress { at: nth(&start, 0, "خيل", 1) }).unwrap();
        let after_both = studio.doc.clone();
        assert_ne!(after_alias, start);
        assert_ne!(after_both, after_alias);
        // Back, back, forward, forward: the same documents, and what each edit did.
        assert_eq!(studio.undo().unwrap(), studio.redoable().unwrap());
        assert_eq!(studio.doc, after_alias);
        assert_eq!(studio.undo().as_deref(), Some(alias.as_str()));
        assert_eq!(studio.doc, start);
        assert_eq!(studio.undo(), None);
        assert_eq!(studio.redo().as_deref(), Some(alias.as_str()));
        assert_eq!(studio.doc, after_alias);
        // A new edit after an undo drops what was undone.
        studio.apply(Edit::AddMention { entity: "ivan-gil".into(), at: at(&start, 0, "كلاما آخر") }).unwrap();
        assert_eq!(studio.redoable(), None);
        assert_eq!(studio.redo(), None);
        // The depth is bounded.
        for _ in 0..UNDO_DEPTH + 5 {
            studio
                .apply(Edit::AddPoint {
                    label: Bilingual { ar: "نقطة".into(), en: "A point".into() },
                    kind: MapFeatureKind::City,
                    at: Coordinates { lon: -61.5, lat: 10.6 },
                    entities: Vec::new(),
                })
                .unwrap();
        }
        let mut undone = 0;
        while studio.undo().is_some() {
            undone += 1;
        }
        assert_eq!(undone, UNDO_DEPTH);
    }

    #[test]
    fn an_article_from_plain_text_to_published_by_edits() {
        let text = "مدمرة أمريكية ترسو في بورت أوف سبين\nرست مدمرة أمريكية في بورت أوف سبين صباح الأحد، وقال وزير الخارجية إيفان خيل إن بلاده تتابع الأمر.";
        let mut studio = Studio::new(from_plain(text, Vec::new()), Vec::new());
        let doc = studio.doc.clone();
        studio
            .apply(Edit::NewEntity {
                kind: EntityKind::City,
                name_en: "Port of Spain".into(),
                at: at(&doc, 0, "بورت أوف سبين"),
            })
            .unwrap();
        studio
            .apply(Edit::NewEntity {
                kind: EntityKind::MilitaryAsset,
                name_en: "US destroyer".into(),
                at: at(&doc, 0, "مدمرة أمريكية"),
            })
            .unwrap();
        studio
            .apply(Edit::NewEntity {
                kind: EntityKind::Person,
                name_en: "Iván Gil".into(),
                at: at(&doc, 0, "إيفان خيل"),
            })
            .unwrap();
        assert!(studio.ids().contains(&"ivan-gil"));
        studio
            .apply(Edit::AddRelation {
                subject: "us-destroyer".into(),
                predicate: Predicate::DockedAt,
                object: "port-of-spain".into(),
                asserted_by: Vec::new(),
                when: ("صباح الأحد".into(), "on Sunday morning".into()),
                detail: (String::new(), String::new()),
                at: at(&doc, 0, "رست مدمرة أمريكية في بورت أوف سبين"),
            })
            .unwrap();
        assert_eq!(studio.doc.relations[0].when.as_ref().map(|w| w.en.as_str()), Some("on Sunday morning"));
        let half = Edit::AddRelation {
            subject: "us-destroyer".into(),
            predicate: Predicate::DockedAt,
            object: "port-of-spain".into(),
            asserted_by: Vec::new(),
            when: (String::new(), String::new()),
            detail: ("ثلاثة أيام".into(), String::new()),
            at: at(&doc, 0, "رست مدمرة أمريكية"),
        };
        assert!(studio.apply(half).unwrap_err().contains("in Arabic and in English"));
        let checked = studio.check(&[]);
        assert!(checked.problems.is_empty(), "{:?}", checked.problems);
        let reading = article_format::reading::Reading::from_json(checked.published.as_deref().unwrap()).unwrap();
        let ids: Vec<&str> =
            reading.all_mentions().map(|(_, m)| reading.doc.entities[m.entity()].id.as_str()).collect();
        assert_eq!(ids, ["us-destroyer", "port-of-spain", "us-destroyer", "port-of-spain", "ivan-gil"]);
        assert_eq!(reading.doc.relations.len(), 1);
        // Saved and reopened, the same document.
        let reopened: Document = serde_json::from_str(&studio.to_json()).unwrap();
        assert_eq!(reopened, studio.doc);
    }

    #[test]
    fn an_alias_of_a_catalogue_entity_copies_its_record_into_the_document() {
        let catalogue: Catalogue = serde_json::from_str(include_str!("../../assets/catalogues/sample.json")).unwrap();
        let doc = from_plain("عنوان\nوصل الوفد إلى عاصمة فنزويلا كراكاس أمس.", vec!["sample.json".into()]);
        let mut studio = Studio::new(doc.clone(), vec![catalogue]);
        assert!(
            studio.check(&[]).prepared.all_mentions().any(|(_, m)| m.range.of(&doc.article.blocks[0].text) == "كراكاس"),
            "found as a variant"
        );
        studio.apply(Edit::AddAlias { entity: "caracas".into(), at: at(&doc, 0, "عاصمة فنزويلا") }).unwrap();
        assert_eq!(studio.doc.entities.len(), 1);
        assert!(studio.apply(Edit::AddAlias { entity: "caracas".into(), at: at(&doc, 0, "عاصمة فنزويلا") }).is_err());
        assert!(studio.check(&[]).problems.is_empty());
    }

    #[test]
    fn a_problems_path_leads_to_its_text() {
        let mut studio = Studio::new(from_plain("عنوان\nنص أول\nزار مادورو موسكو", Vec::new()), Vec::new());
        let doc = studio.doc.clone();
        studio
            .apply(Edit::NewEntity {
                kind: EntityKind::Person, name_en: "Maduro".into(), at: at(&doc, 1, "مادورو")
            })
            .unwrap();
        studio
            .apply(Edit::NewEntity { kind: EntityKind::City, name_en: "Moscow".into(), at: at(&doc, 1, "موسكو") })
            .unwrap();
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
        studio.doc.relations[0].evidence.exact = "زارت".into();
        let checked = studio.check(&[]);
        let p = checked.problems.iter().find(|p| p.path.starts_with("relations[0]")).expect("a broken quote");
        assert_eq!(text_of_path(&studio.doc, &p.path), Some(BlockRef::Block(1)));
        assert_eq!(text_of_path(&studio.doc, "article.headline"), None);
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
        assert!(studio
            .apply(Edit::AddMovement {
                label: label("Sail"),
                kind: MapFeatureKind::Route,
                path: vec![c(10.0, -61.0)],
                entities: vec![]
            })
            .is_err());
        studio
            .apply(Edit::AddArea {
                label: label("Sail"),
                kind: MapFeatureKind::Deployment,
                ring: vec![c(10.0, -61.0), c(11.0, -62.0), c(12.0, -61.0)],
                entities: vec![],
            })
            .unwrap();
        let m = &studio.doc.map;
        assert_eq!(
            (m.movements[0].id.as_str(), m.movements[0].via.len(), m.areas[0].id.as_str()),
            ("sail", 1, "sail-2")
        );
        assert!(studio.check(&[]).problems.is_empty(), "{:?}", studio.check(&[]).problems);
    }

    #[test]
    fn slugs_are_unique_and_ascii() {
        assert_eq!(slug_for("Nicolás Maduro", &[]), "nicolas-maduro");
        assert_eq!(slug_for("Nicolás Maduro", &["nicolas-maduro"]), "nicolas-maduro-2");
        assert_eq!(slug_for("مادورو", &[]), "entity");
    }
}
