//! The authoring document (what an editor writes: entities with aliases, relations with quoted
//! evidence, the map, the timeline, mention corrections), its validation with paths, and
//! [`Prepared`]: mentions found, ids resolved, quotes anchored. The types it shares with the
//! published format (the article's text, names, kinds, the map) are `article_format::model`'s,
//! re-exported here.

pub mod document;
pub mod link;
pub mod plain;
pub mod prepared;
pub mod slug;
pub mod validate;

pub use article_format::model::*;
pub use document::*;
pub use prepared::{anchor_of, MentionRef, Prepared};
pub use slug::slug;
pub use validate::load;

/// Background words for a new entity's description, until an editor writes one: the kind's name,
/// as the reader says it. The validator warns while a description is still these words.
pub fn placeholder_description(kind: EntityKind) -> Bilingual {
    use article_format::i18n::Lang;
    Bilingual { ar: Lang::Ar.kind(kind).to_owned(), en: Lang::En.kind(kind).to_owned() }
}
