//! Arabic text processing: normalisation with an offset map back to the original, mention finding,
//! spelling variants, quote anchoring, near misses. (The offsets and the segments a view renders
//! are `article_format::text`'s.)
//!
//! Offsets: inside Rust every offset is a byte offset into the original UTF-8 text, held in a
//! [`Utf8Range`]. They never cross into the DOM as numbers: the view renders segments as text
//! nodes. Where a count must leave (a report, a link), [`Utf8Range::to_chars`] and
//! [`Utf8Range::to_utf16`] convert once.
//!
//! Invariant: nothing here imports `yew` or `web_sys`.

mod compat;
pub mod find;
pub mod near;
pub mod normalize;
pub mod quote;
pub mod trust;
pub mod variant;

pub use near::{near_misses, NearMiss};

/// Common words of Arabic news writing that must never link to an entity (see the file's notes).
pub fn common_words() -> impl Iterator<Item = &'static str> {
    include_str!("common_words.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}
pub use find::{find_mentions, Finder, Mention, MentionSource, Pattern};
pub use normalize::{normalize, normalize_str, Normalized};
pub use quote::locate_quote;
pub use variant::{Evidence, VariantFinder, VariantMatch};

pub use article_format::text::{CharRange, Utf16Range, Utf8Range};
