//! The types both formats share, the authoring document and the published one: the article's
//! text ([`Article`], [`Block`]), names in two languages ([`Bilingual`]), what an entity is
//! ([`EntityKind`]), positions ([`Coordinates`]) and the map's features ([`MapData`]); and
//! [`is_slug`], what an id must look like.
//!
//! Invariant: plain data, no behaviour beyond naming; nothing here knows how a document is
//! authored (aliases, quotes, predicates) or shown.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::problem::Problem;

/// A lowercase ASCII slug: `a-z`, `0-9` and single inner hyphens.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Writing direction of the article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Rtl,
    Ltr,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Rtl => "rtl",
            Direction::Ltr => "ltr",
        }
    }
}

/// What a block of the article body is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Heading,
    Paragraph,
}

/// One block of the article body, its text exactly as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}
/// The article as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub headline: String,
    /// Headings and paragraphs, in order, as plain text.
    pub blocks: Vec<Block>,
    /// BCP 47 language tag of the text, such as `ar`.
    pub language: String,
    pub direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Publication date (ISO 8601, `YYYY-MM-DD`), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

/// Where the article comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A text in Arabic and in English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    pub ar: String,
    pub en: String,
}

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Person,
    Country,
    City,
    Region,
    Organisation,
    MilitaryUnit,
    MilitaryAsset,
    Agreement,
    Event,
}

impl EntityKind {
    pub const ALL: [EntityKind; 9] = [
        EntityKind::Person,
        EntityKind::Country,
        EntityKind::City,
        EntityKind::Region,
        EntityKind::Organisation,
        EntityKind::MilitaryUnit,
        EntityKind::MilitaryAsset,
        EntityKind::Agreement,
        EntityKind::Event,
    ];

    /// The kebab-case name used in documents and CSS classes.
    pub fn slug(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::City => "city",
            EntityKind::Region => "region",
            EntityKind::Organisation => "organisation",
            EntityKind::MilitaryUnit => "military-unit",
            EntityKind::MilitaryAsset => "military-asset",
            EntityKind::Agreement => "agreement",
            EntityKind::Event => "event",
        }
    }
}

/// A position, in degrees (WGS 84).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Coordinates {
    pub lat: f64,
    pub lon: f64,
}

/// Which text of the article a quote is in: `"headline"` or the index of a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum BlockRef {
    Block(usize),
    Headline(HeadlineTag),
}

/// The literal string `"headline"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum HeadlineTag {
    Headline,
}

impl BlockRef {
    pub const HEADLINE: BlockRef = BlockRef::Headline(HeadlineTag::Headline);
}

/// Where the map's features come from: the document's points, areas and movements.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MapData {
    /// The region whose base map it is drawn on (`caribbean`, `gulf`, `black-sea`,
    /// `south-china-sea`; `world`: a region fitted to the features, on the world's base map).
    /// Left out, publishing picks the smallest region that holds all the features, else `world`
    /// (and writes it, unless it is the Caribbean, which an absent region means).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default)]
    pub points: Vec<MapPoint>,
    #[serde(default)]
    pub areas: Vec<MapArea>,
    #[serde(default)]
    pub movements: Vec<MapMovement>,
}

impl MapData {
    /// Whether the map has anything to show: a reader draws no map for a document without one.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty() && self.areas.is_empty() && self.movements.is_empty()
    }

    /// Whether any point, area or movement belongs to the entity with this id.
    pub fn shows(&self, entity_id: &str) -> bool {
        let points = self.points.iter().map(|p| &p.entities);
        let areas = self.areas.iter().map(|a| &a.entities);
        let movements = self.movements.iter().map(|m| &m.entities);
        points.chain(areas).chain(movements).any(|ids| ids.iter().any(|id| id == entity_id))
    }
}

/// What a map feature shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum MapFeatureKind {
    Capital,
    City,
    Country,
    Deployment,
    Incident,
    Exercise,
    Station,
    Route,
}

impl MapFeatureKind {
    pub const ALL: [MapFeatureKind; 8] = [
        MapFeatureKind::Capital,
        MapFeatureKind::City,
        MapFeatureKind::Country,
        MapFeatureKind::Deployment,
        MapFeatureKind::Incident,
        MapFeatureKind::Exercise,
        MapFeatureKind::Station,
        MapFeatureKind::Route,
    ];

    /// The kebab-case name used in documents and CSS classes.
    pub fn slug(self) -> &'static str {
        match self {
            MapFeatureKind::Capital => "capital",
            MapFeatureKind::City => "city",
            MapFeatureKind::Country => "country",
            MapFeatureKind::Deployment => "deployment",
            MapFeatureKind::Incident => "incident",
            MapFeatureKind::Exercise => "exercise",
            MapFeatureKind::Station => "station",
            MapFeatureKind::Route => "route",
        }
    }
}

/// A point on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MapPoint {
    pub id: String,
    pub label: Bilingual,
    pub kind: MapFeatureKind,
    pub coordinates: Coordinates,
    #[serde(default)]
    pub entities: Vec<String>,
    /// The article gives no exact position: drawn with a mark saying so.
    #[serde(default)]
    pub approximate: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<Bilingual>,
}

/// An area on the map: a country of the base map, or a polygon.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MapArea {
    pub id: String,
    pub label: Bilingual,
    pub kind: MapFeatureKind,
    pub shape: AreaShape,
    #[serde(default)]
    pub entities: Vec<String>,
    #[serde(default)]
    pub approximate: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<Bilingual>,
}

/// The outline of an area.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum AreaShape {
    /// A country of the base map, by ISO 3166-1 numeric code (`"862"`, Venezuela).
    Country(String),
    /// A closed ring of at least three positions.
    Polygon(Vec<Coordinates>),
}

/// A movement on the map: from, through, to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MapMovement {
    pub id: String,
    pub label: Bilingual,
    pub kind: MapFeatureKind,
    pub from: Waypoint,
    pub to: Waypoint,
    #[serde(default)]
    pub via: Vec<Waypoint>,
    #[serde(default)]
    pub entities: Vec<String>,
    #[serde(default)]
    pub approximate: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<Bilingual>,
}

/// A place a movement passes: a map point's id, or a position.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Waypoint {
    Point(String),
    At(Coordinates),
}
