//! The article document, version 1: everything the reader sees, in one JSON document that a
//! newsroom can write for any article. These serde types are the format; `schema/document.schema.json`
//! is generated from them (see the `schema` test).
//!
//! Conventions: entity ids are lowercase ASCII slugs of the English name (`nicolas-maduro`);
//! every human-readable label is given in Arabic and English ([`Bilingual`]); evidence is a
//! [`Quote`] of a block (W3C TextQuote style: exact words plus a little prefix and suffix).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use article_format::model::*;

/// The document format version this crate reads and writes.
pub const VERSION: u32 = 1;

/// An article and what it says about the entities it names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Format version: 1.
    pub version: u32,
    /// Catalogue files whose entity records the article draws on (paths or URLs, relative to
    /// the document's own). The document's own records win over theirs; see [`crate::catalogue`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub catalogues: Vec<String>,
    pub article: Article,
    #[serde(default)]
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub map: MapData,
    #[serde(default)]
    pub timeline: Vec<TimelineEvent>,
    /// Explicit corrections to the mentions found through aliases.
    #[serde(default)]
    pub mentions: MentionOverrides,
}

/// A person, place, organisation, agreement or event the article names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// Lowercase ASCII slug of the English name: `nicolas-maduro`, `trinidad-and-tobago`.
    pub id: String,
    pub kind: EntityKind,
    pub name: Bilingual,
    /// The English name is a guess (the studio's transliteration of the Arabic), not yet checked
    /// by an editor: published all the same, and listed as a warning until someone changes it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub name_guessed: bool,
    /// Surface forms to find in the text (Arabic, as written; proclitics are handled).
    #[serde(default)]
    pub aliases: Vec<Alias>,
    /// A short description. Background knowledge, not a claim of the article: shown as such.
    pub description: Bilingual,
    /// What the article itself says of this entity alone, each statement with its evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    /// Wikidata item, such as `Q57336`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// Position of a place (background knowledge).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
}

/// A surface form of an entity: a plain string, or an object with flags.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Alias {
    Plain(String),
    Detailed(AliasDetail),
}

/// An alias with flags.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AliasDetail {
    pub text: String,
    /// A relational adjective (nisba), such as الفنزويلي for Venezuela: shown apart from names.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub adjective: bool,
    /// The entity this word literally names when the article uses it for this one (metonymy):
    /// واشنطن (the city `washington`) standing for the US government.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metonym_of: Option<String>,
    /// The word is also a common word («مالي»: Mali, and "financial"): never linked by itself,
    /// only offered as a suggestion (`cargo xtask check`, the studio) for the editor to confirm.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ambiguous: bool,
}

impl Alias {
    pub fn text(&self) -> &str {
        match self {
            Alias::Plain(text) => text,
            Alias::Detailed(d) => &d.text,
        }
    }

    pub fn is_adjective(&self) -> bool {
        matches!(self, Alias::Detailed(d) if d.adjective)
    }

    pub fn is_ambiguous(&self) -> bool {
        matches!(self, Alias::Detailed(d) if d.ambiguous)
    }

    pub fn metonym_of(&self) -> Option<&str> {
        match self {
            Alias::Plain(_) => None,
            Alias::Detailed(d) => d.metonym_of.as_deref(),
        }
    }
}

/// Words of the article, anchored as a W3C Web Annotation TextQuote selector would: the exact
/// words, and optionally a little text just before and after them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub block: BlockRef,
    pub exact: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prefix: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub suffix: String,
}

/// Who states something: one entity id (`"tass"`), or several (`["us-officials", "trinidad-officials"]`)
/// when the article cites more than one source for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Sources {
    One(String),
    Many(Vec<String>),
}

impl Sources {
    /// The ids, in the order given.
    pub fn ids(&self) -> &[String] {
        match self {
            Sources::One(id) => std::slice::from_ref(id),
            Sources::Many(ids) => ids,
        }
    }
}

/// A statement of the article about one entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub text: Bilingual,
    pub evidence: Quote,
    /// Who states it: an entity id or several, or absent when the article states it itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asserted_by: Option<Sources>,
}

/// A typed link between two entities, as the article states it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub subject: String,
    pub predicate: Predicate,
    pub object: String,
    /// The words of the article that state it.
    pub evidence: Quote,
    /// Who states it: an entity id or several, or absent when the article states it itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asserted_by: Option<Sources>,
    /// When, as the article says it ("last May").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Bilingual>,
    /// What exactly, in a few words ("of drug trafficking").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Bilingual>,
}

/// An event in time, dated or relatively dated as the article gives it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimelineEvent {
    pub id: String,
    pub label: Bilingual,
    /// The time as the article says it: "last May", "until Thursday".
    pub when: Bilingual,
    /// The date or period (ISO 8601: `2025-05`, `2025-08/..`), where it can be known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Position in time order among the timeline's events (smaller is earlier).
    pub order: i32,
    #[serde(default)]
    pub entities: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Quote>,
}

/// Corrections to the mentions found through aliases.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MentionOverrides {
    /// Mentions to add at a quote (a reference that no alias can express).
    #[serde(default)]
    pub add: Vec<AddedMention>,
    /// Quotes where alias matches are wrong and must not be linked.
    #[serde(default)]
    pub suppress: Vec<Quote>,
}

/// A mention added at a quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AddedMention {
    pub entity: String,
    pub at: Quote,
    /// Why, shown to the reader: "«موسكو» here stands for the Russian state".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Bilingual>,
}

/// The fixed vocabulary of relations. Each reads "subject PREDICATE object" and has labels for
/// both directions ([`Predicate::labels`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Predicate {
    PresidentOf,
    Leads,
    PartOf,
    CapitalOf,
    AlliedWith,
    Supports,
    Pressures,
    Signed,
    AgreedTo,
    PartyTo,
    Visited,
    TookPlaceIn,
    Offered,
    Targets,
    Accuses,
    RejectsAccusationsOf,
    Condemns,
    WarnsAgainst,
    Ordered,
    TakesPartIn,
    CarriedOut,
    Sent,
    SentTo,
    LocatedOff,
    DeployedIn,
    CooperatesWith,
    ConfrontsWith,
    ComparedWith,
    Reported,
    ArrivedAt,
    DockedAt,
    Approaches,
    Joins,
    LocatedIn,
    MetWith,
    Threatens,
    Denies,
    Sanctions,
}

/// Labels of a predicate: forward ("signed") and inverse ("signed by"), in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PredicateLabels {
    pub ar: &'static str,
    pub en: &'static str,
    pub inverse_ar: &'static str,
    pub inverse_en: &'static str,
}

impl Predicate {
    pub const ALL: [Predicate; 38] = [
        Predicate::PresidentOf,
        Predicate::Leads,
        Predicate::PartOf,
        Predicate::CapitalOf,
        Predicate::AlliedWith,
        Predicate::Supports,
        Predicate::Pressures,
        Predicate::Signed,
        Predicate::AgreedTo,
        Predicate::PartyTo,
        Predicate::Visited,
        Predicate::TookPlaceIn,
        Predicate::Offered,
        Predicate::Targets,
        Predicate::Accuses,
        Predicate::RejectsAccusationsOf,
        Predicate::Condemns,
        Predicate::WarnsAgainst,
        Predicate::Ordered,
        Predicate::TakesPartIn,
        Predicate::CarriedOut,
        Predicate::Sent,
        Predicate::SentTo,
        Predicate::LocatedOff,
        Predicate::DeployedIn,
        Predicate::CooperatesWith,
        Predicate::ConfrontsWith,
        Predicate::ComparedWith,
        Predicate::Reported,
        Predicate::ArrivedAt,
        Predicate::DockedAt,
        Predicate::Approaches,
        Predicate::Joins,
        Predicate::LocatedIn,
        Predicate::MetWith,
        Predicate::Threatens,
        Predicate::Denies,
        Predicate::Sanctions,
    ];

    /// The kebab-case name used in documents.
    pub fn slug(self) -> &'static str {
        match self {
            Predicate::PresidentOf => "president-of",
            Predicate::Leads => "leads",
            Predicate::PartOf => "part-of",
            Predicate::CapitalOf => "capital-of",
            Predicate::AlliedWith => "allied-with",
            Predicate::Supports => "supports",
            Predicate::Pressures => "pressures",
            Predicate::Signed => "signed",
            Predicate::AgreedTo => "agreed-to",
            Predicate::PartyTo => "party-to",
            Predicate::Visited => "visited",
            Predicate::TookPlaceIn => "took-place-in",
            Predicate::Offered => "offered",
            Predicate::Targets => "targets",
            Predicate::Accuses => "accuses",
            Predicate::RejectsAccusationsOf => "rejects-accusations-of",
            Predicate::Condemns => "condemns",
            Predicate::WarnsAgainst => "warns-against",
            Predicate::Ordered => "ordered",
            Predicate::TakesPartIn => "takes-part-in",
            Predicate::CarriedOut => "carried-out",
            Predicate::Sent => "sent",
            Predicate::SentTo => "sent-to",
            Predicate::LocatedOff => "located-off",
            Predicate::DeployedIn => "deployed-in",
            Predicate::CooperatesWith => "cooperates-with",
            Predicate::ConfrontsWith => "confronts-with",
            Predicate::ComparedWith => "compared-with",
            Predicate::Reported => "reported",
            Predicate::ArrivedAt => "arrived-at",
            Predicate::DockedAt => "docked-at",
            Predicate::Approaches => "approaches",
            Predicate::Joins => "joins",
            Predicate::LocatedIn => "located-in",
            Predicate::MetWith => "met-with",
            Predicate::Threatens => "threatens",
            Predicate::Denies => "denies",
            Predicate::Sanctions => "sanctions",
        }
    }

    /// Whether "a P b" means "b P a" too.
    pub fn is_symmetric(self) -> bool {
        matches!(
            self,
            Predicate::AlliedWith
                | Predicate::CooperatesWith
                | Predicate::ConfrontsWith
                | Predicate::ComparedWith
                | Predicate::MetWith
        )
    }

    pub fn labels(self) -> PredicateLabels {
        let l = |ar, en, inverse_ar, inverse_en| PredicateLabels { ar, en, inverse_ar, inverse_en };
        match self {
            Predicate::PresidentOf => l("رئيس", "president of", "رئيسها", "its president"),
            Predicate::Leads => l("يقود", "leads", "بقيادة", "led by"),
            Predicate::PartOf => l("جزء من", "part of", "يشمل", "includes"),
            Predicate::CapitalOf => l("عاصمة", "capital of", "عاصمتها", "its capital"),
            Predicate::AlliedWith => l("حليف", "allied with", "حليف", "allied with"),
            Predicate::Supports => l("يدعم", "supports", "يحظى بدعم", "supported by"),
            Predicate::Pressures => l("يضغط على", "puts pressure on", "يتعرض لضغوط", "under pressure from"),
            Predicate::Signed => l("وقّع", "signed", "وقّعه", "signed by"),
            Predicate::AgreedTo => l("اتفق على", "agreed to", "اتفق عليه", "agreed to by"),
            Predicate::PartyTo => l("طرف في", "party to", "من أطرافه", "parties"),
            Predicate::Visited => l("زار", "visited", "زارها", "visited by"),
            Predicate::TookPlaceIn => l("جرى في", "took place in", "شهدت", "scene of"),
            Predicate::Offered => l("عرض", "offered", "عرضها", "offered by"),
            Predicate::Targets => l("يستهدف", "targets", "مستهدف من", "targeted by"),
            Predicate::Accuses => l("يتهم", "accuses", "متهم من", "accused by"),
            Predicate::RejectsAccusationsOf => {
                l("يرفض اتهامات", "rejects accusations of", "رُفضت اتهاماته من", "accusations rejected by")
            }
            Predicate::Condemns => l("يدين", "condemns", "مُدان من", "condemned by"),
            Predicate::WarnsAgainst => l("يحذر من", "warns against", "حُذّر منه من", "warned against by"),
            Predicate::Ordered => l("أمر بـ", "ordered", "بأمر من", "ordered by"),
            Predicate::TakesPartIn => l("يشارك في", "takes part in", "بمشاركة", "with the participation of"),
            Predicate::CarriedOut => l("نفّذ", "carried out", "نفّذه", "carried out by"),
            Predicate::Sent => l("أرسل", "sent", "أرسله", "sent by"),
            Predicate::SentTo => l("أُرسل إلى", "sent to", "أُرسل إليه", "receives"),
            Predicate::LocatedOff => l("قبالة", "off the coast of", "قبالته", "lying off it"),
            Predicate::DeployedIn => l("منتشر في", "deployed in", "ينتشر فيه", "hosts the deployment of"),
            Predicate::CooperatesWith => l("يتعاون مع", "cooperates with", "يتعاون مع", "cooperates with"),
            Predicate::ConfrontsWith => {
                l("في مواجهة مع", "in confrontation with", "في مواجهة مع", "in confrontation with")
            }
            Predicate::ComparedWith => l("يُقارن بـ", "compared with", "يُقارن بـ", "compared with"),
            Predicate::Reported => l("نقل خبر", "reported", "نقلته", "reported by"),
            Predicate::ArrivedAt => l("وصل إلى", "arrived at", "وصل إليها", "reached by"),
            Predicate::DockedAt => l("رسا في", "docked at", "رسا فيها", "port of call of"),
            Predicate::Approaches => l("يقترب من", "approaches", "يقترب منه", "approached by"),
            Predicate::Joins => l("انضم إلى", "joins", "انضم إليه", "joined by"),
            Predicate::LocatedIn => l("يقع في", "located in", "يضم", "location of"),
            Predicate::MetWith => l("التقى", "met with", "التقى", "met with"),
            Predicate::Threatens => l("يهدد", "threatens", "مهدَّد من", "threatened by"),
            Predicate::Denies => l("ينفي", "denies", "نفاه", "denied by"),
            Predicate::Sanctions => {
                l("يفرض عقوبات على", "imposes sanctions on", "يخضع لعقوبات", "under sanctions from")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_the_serde_names() {
        let name = |v: serde_json::Value| v.as_str().unwrap().to_owned();
        for p in Predicate::ALL {
            assert_eq!(name(serde_json::to_value(p).unwrap()), p.slug());
        }
        for k in MapFeatureKind::ALL {
            assert_eq!(name(serde_json::to_value(k).unwrap()), k.slug());
        }
        for k in EntityKind::ALL {
            assert_eq!(name(serde_json::to_value(k).unwrap()), k.slug());
        }
    }
}
