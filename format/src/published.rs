//! The published document: what a reader downloads. Everything the reader would otherwise compute
//! from an authoring document on every page view (mentions found through aliases and Arabic
//! normalisation, ids resolved, quotes anchored, endnotes) is computed once, when publishing, and
//! written out. `schema/published.schema.json` is generated from these types.
//!
//! Offsets on the wire are **UTF-16 code units** (what the DOM counts: `Range`, `Selection`,
//! JavaScript string indices). A [`Span`] is `[text, start, end]`, where `text` is 0 for the
//! headline and `1 + i` for block `i`.
//!
//! A published document is untrusted input like any other: [`crate::reading::Reading::new`]
//! checks every index and offset, id and link before the view sees it. Publishing (from an
//! authoring document) is the authoring layer's.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Article, Bilingual, BlockRef, Coordinates, EntityKind, MapData};
use crate::text::Utf8Range;

/// The value of `format` in every published document.
pub const FORMAT: &str = "article-explorer/published";
/// The published format version this crate writes and reads.
pub const VERSION: u32 = 1;

/// A published article: the text as written, and everything the reader shows, already computed.
/// Its limits ([`crate::limits`]): the article at most 1,000,000 characters, 20,000 mentions,
/// 2,000 entities, 5,000 relations, 1,000 events, 1,000 map features with 20,000 positions in
/// all, JSON nested at most 64 deep, 10 MiB in all; a document over one is refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Published {
    /// Always `"article-explorer/published"`: tells a published document from an authoring one.
    pub format: String,
    /// Published format version: 1.
    pub version: u32,
    pub article: Article,
    /// At most 2,000 ([`crate::limits::ENTITIES`]).
    #[schemars(length(max = 2000))]
    pub entities: Vec<PublishedEntity>,
    /// The mentions of each text: `mentions[0]` the headline's, `mentions[1 + i]` block i's;
    /// each sorted by start and disjoint. At most 20,000 in all ([`crate::limits::MENTIONS`]).
    #[schemars(length(max = 20000))]
    pub mentions: Vec<Vec<PublishedMention>>,
    /// At most 5,000 ([`crate::limits::RELATIONS`]).
    #[schemars(length(max = 5000))]
    pub relations: Vec<PublishedRelation>,
    /// The predicates the relations use, each once, with its labels: the reader carries no
    /// vocabulary of its own, so the vocabulary grows without growing the reader.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predicates: Vec<PublishedPredicate>,
    /// Entity indices in order of first mention: the print endnotes.
    pub endnotes: Vec<u32>,
    /// Notes of added mentions (why a word links where no alias would): `[text, index, note]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<(u32, u32, Bilingual)>,
    /// The map's features, as in the authoring document (ids of entities and points).
    #[serde(default)]
    pub map: MapData,
    /// At most 1,000 ([`crate::limits::EVENTS`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 1000))]
    pub timeline: Vec<PublishedEvent>,
}

/// Words of the article: `[text, start, end]` (see the module's notes on units).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Span(pub u32, pub u32, pub u32);

impl Span {
    /// Which text the span is in.
    pub fn text(self) -> BlockRef {
        text_ref(self.0)
    }
    /// Its range. In a [`crate::reading::Reading`], UTF-8 bytes of [`Reading::text`].
    pub fn range(self) -> Utf8Range {
        Utf8Range::new(self.1 as usize, self.2 as usize)
    }
}

/// The text with this published index: 0 the headline, `1 + i` block i.
pub fn text_ref(index: u32) -> BlockRef {
    match index {
        0 => BlockRef::HEADLINE,
        i => BlockRef::Block(i as usize - 1),
    }
}

/// The published index of a text.
pub fn text_index(text: BlockRef) -> u32 {
    match text {
        BlockRef::Headline(_) => 0,
        BlockRef::Block(i) => i as u32 + 1,
    }
}

/// One mention: `[start, end, entity, flags]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PublishedMention(pub u32, pub u32, pub u32, pub u32);

/// The flag bits of a mention.
pub mod flag {
    /// A relational adjective (nisba): shown apart from names.
    pub const ADJECTIVE: u32 = 1;
    /// The word literally names another entity (metonymy).
    pub const METONYM: u32 = 2;
    /// Added by the document (`mentions.add`), not found through an alias.
    pub const ADDED: u32 = 4;
    /// The words are the entity's Arabic name (after normalisation): the accessible name need
    /// not repeat them.
    pub const IS_NAME_AR: u32 = 8;
    /// The words are the entity's English name.
    pub const IS_NAME_EN: u32 = 16;
    pub const ALL: u32 = 31;
}

impl PublishedMention {
    pub fn range(&self) -> Utf8Range {
        Utf8Range::new(self.0 as usize, self.1 as usize)
    }
    pub fn entity(&self) -> usize {
        self.2 as usize
    }
    pub fn has(&self, flag: u32) -> bool {
        self.3 & flag != 0
    }
}

/// An entity, as the reader shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishedEntity {
    pub id: String,
    pub kind: EntityKind,
    pub name: Bilingual,
    /// Background knowledge, shown as such.
    pub description: Bilingual,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<PublishedClaim>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// For each mention whose word literally names this entity but stands for another, that
    /// other entity's index, in reading order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metonym_uses: Vec<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishedClaim {
    pub text: Bilingual,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Span>,
    /// Indices of the entities that state it; empty when the article states it itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asserted_by: Vec<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishedRelation {
    pub subject: u32,
    /// Index into [`Published::predicates`].
    pub predicate: u32,
    pub object: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Span>,
    /// Indices of the entities that state it; empty when the article states it itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asserted_by: Vec<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Bilingual>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Bilingual>,
}

/// A predicate's labels: `[ar, en, inverse ar, inverse en]`, "signed" from the subject, "signed
/// by" from the object (four, checked when read). A symmetric predicate («allied with») reads
/// the same both ways.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PublishedPredicate(pub Vec<String>);

impl PublishedPredicate {
    /// Its label in `lang`, read from the subject (`forward`) or from the object.
    pub fn label(&self, lang: crate::i18n::Lang, forward: bool) -> &str {
        let i = usize::from(lang == crate::i18n::Lang::En) + if forward { 0 } else { 2 };
        self.0.get(i).map_or("", String::as_str)
    }

    /// "a P b" means "b P a": both directions are one group.
    pub fn is_symmetric(&self) -> bool {
        self.0.get(..2) == self.0.get(2..)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishedEvent {
    pub id: String,
    pub label: Bilingual,
    pub when: Bilingual,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub order: i32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Span>,
}
