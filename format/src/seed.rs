//! The seed article as published: `assets/seed/article.published.json`, written by the authoring
//! layer from `assets/seed/article.json` (its test `published_seed_is_current` fails when the two
//! disagree; `UPDATE_GENERATED=1` rewrites it). The tests of this layer and the reader's read it;
//! no wasm carries it unless it asks.

use crate::reading::Reading;

/// The published seed document, as JSON.
pub const PUBLISHED_JSON: &str = include_str!("../../assets/seed/article.published.json");

/// The published seed, read and checked, as the reader holds it.
pub fn reading() -> Reading {
    Reading::from_json(PUBLISHED_JSON).expect("the published seed reads")
}
