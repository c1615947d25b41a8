//! The format's limits: what a document may hold at most. A document over one is refused, with a
//! message naming the limit and the value, by the reader (published documents, counted before
//! they are read into types: a refusal reads no more than it must) and by the publisher and the
//! validator (authoring documents). `schema/published.schema.json` and the README state them.
//!
//! Chosen from real use: each is at least five times the counts of the 20,000-word benchmark
//! document (`cargo xtask bench-assets`: about 125,000 characters, 1,700 mentions, 300 entities),
//! and far above any news article (the seed: 5,000 characters, 123 mentions, 43 entities, 35
//! relations, 6 events, 11 map features). The benchmark (`scripts/bench`) generates a document
//! at every limit and measures it.

/// Characters (UTF-16 code units) of the whole article: the headline and every block.
pub const TEXT: usize = 1_000_000;
/// Mentions, in all texts.
pub const MENTIONS: usize = 20_000;
/// Entities.
pub const ENTITIES: usize = 2_000;
/// Relations.
pub const RELATIONS: usize = 5_000;
/// Events of the timeline.
pub const EVENTS: usize = 1_000;
/// Map features: points, areas and movements together.
pub const FEATURES: usize = 1_000;
/// Positions of all map features together (a polygon's corners, a movement's waypoints).
pub const VERTICES: usize = 20_000;
/// How deep arrays and objects may nest in the JSON (a document needs 6).
pub const DEPTH: usize = crate::json::MAX_DEPTH;
/// Bytes of a document, as fetched.
pub const BYTES: usize = 10 * 1024 * 1024;
