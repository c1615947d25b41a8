//! article-format: the format layer. What a reader reads and draws, and nothing of how a document
//! is made.
//!
//! Modules in reading order:
//! - [`model`]: the types both formats share (the article's text, names, kinds, the map's
//!   features); [`problem`]: what is said of a document, as codes and arguments, worded by each
//!   UI; [`limits`]: what a document may hold at most; [`text`]: offsets and the runs a view
//!   renders;
//! - [`published`]: the published document's types (what the reader downloads: everything
//!   computed); [`reading`]: a published document read with [`json`], the small parser, then
//!   checked and indexed for the view ([`reading::Reading`]);
//! - [`handoff`]: what the reader hands the figures module ([`handoff::Sketch`]: only what they
//!   draw, so the published JSON is parsed once per page) and the messages between them;
//! - [`graph`]: the relationship graph's layout; [`timeline`]: events in time order, dates written
//!   out, the story the map tells; [`geo`]: regions, projections, base maps; [`map`]: the
//!   document's map layers and the pan/zoom view; [`svg`]: every SVG path written; [`labels`]:
//!   label placement, for the map and the graph alike; [`num`]: float writing without `fmt`;
//! - [`i18n`]: the reader's and the figures' UI strings, in Arabic and English; [`words`]: the
//!   reader's words for the problems it can meet; [`prerender`]: the
//!   JSON-LD for the build; [`seed`]: the seed article, published.
//!
//! Invariants, enforced by Cargo (`authoring/tests/boundary.rs`): this crate depends on nothing of
//! the browser (no yew, web-sys, wasm-bindgen, js-sys or gloo) and on nothing of the authoring
//! layer (`article-authoring` depends on it, never the reverse). The reader and the figures
//! module depend on this crate alone.

pub mod geo;
pub mod graph;
pub mod handoff;
pub mod i18n;
pub mod json;
pub mod labels;
pub mod limits;
pub mod map;
pub mod model;
pub mod num;
pub mod prerender;
pub mod problem;
pub mod published;
pub mod reading;
pub mod seed;
pub mod svg;
pub mod text;
pub mod timeline;
pub mod words;
