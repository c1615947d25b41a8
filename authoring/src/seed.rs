//! The seed article, the demo's default content: the document `assets/seed/article.json`, whose
//! text is the seed article exactly as received (`assets/seed/article.txt`, checked by
//! `tests/seed.rs`).

use crate::model::{load, Document, Problem};

/// The seed article's text, byte for byte as received.
pub const SEED_TEXT: &str = include_str!("../../assets/seed/article.txt");

/// The seed document, as JSON.
pub const SEED_JSON: &str = include_str!("../../assets/seed/article.json");

/// The seed document, parsed and validated.
pub fn document() -> Result<Document, Vec<Problem>> {
    load(SEED_JSON)
}

/// The seed document, published and read back, as the reader holds it.
pub fn reading() -> article_format::reading::Reading {
    let doc = document().expect("the seed document is valid");
    let published = crate::publish::publish(&crate::model::Prepared::new(doc));
    article_format::reading::Reading::new(published).expect("the published seed reads")
}
