//! The seed article, the demo's default content: the text exactly as received, embedded at
//! compile time and read with [`crate::model::plain::parse`].

use crate::model::Article;

/// The seed article's text, byte for byte as received.
pub const SEED_TEXT: &str = include_str!("../assets/seed/article.txt");

/// The seed article as the app shows it.
pub fn article() -> Article {
    crate::model::plain::parse(SEED_TEXT)
}
