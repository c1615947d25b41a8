//! article-core: everything about an article that needs no browser.
//!
//! Modules in reading order:
//! - [`model`]: the authoring document (the format a newsroom writes), its validation with paths,
//!   and [`model::Prepared`] (mentions found, ids resolved, quotes anchored); [`catalogue`]: the
//!   entity records many documents share, resolved into a document and pruned when publishing;
//! - [`text`]: Arabic normalisation, mention finding, quote anchoring, near misses, segments;
//! - [`published`]: the published document (what the reader downloads: everything computed) and
//!   [`published::Reading`], a published document checked and indexed for the view;
//! - [`graph`]: the relationship graph's layout; [`timeline`]: events in time order, dates written
//!   out, and the story the map tells; [`geo`]: the map's regions, projections, base maps, layers
//!   and view; [`svg`]: every SVG path written; [`labels`]: label placement, for the map and the
//!   graph alike;
//! - [`i18n`]: every UI string, in Arabic and English; [`prerender`]: the JSON-LD for the build
//!   (the static article is the reader's own view, rendered by Yew); [`seed`]: the seed article;
//!   [`json`], [`num`]: the small JSON reader and float writing the reader's wasm uses.
//! - [`suggest`]: the likely names a document does not link (variants, titles, known names).
//! - [`studio`]: the authoring studio's state: a document written by edits on selected words.
//!
//! Invariant, enforced by Cargo: this crate depends on nothing of the browser (no yew, web-sys,
//! wasm-bindgen or gloo). The reader (the root crate) and the publisher (`publisher/`) build on it.

pub mod catalogue;
pub mod geo;
pub mod graph;
pub mod i18n;
pub mod json;
pub mod labels;
pub mod model;
pub mod num;
pub mod prerender;
pub mod published;
pub mod seed;
pub mod studio;
pub mod suggest;
pub mod svg;
pub mod text;
pub mod timeline;
