//! article-authoring: the authoring layer. Everything that makes a published document, from an
//! editor's text to the file readers download; nothing a reader runs.
//!
//! Modules in reading order:
//! - [`model`]: the authoring document (the format a newsroom writes), its validation with paths,
//!   and [`model::Prepared`] (mentions found, ids resolved, quotes anchored); [`catalogue`]: the
//!   entity records many documents share, resolved into a document and pruned when publishing;
//! - [`text`]: Arabic normalisation, mention finding, spelling variants, quote anchoring, near
//!   misses;
//! - [`publish`]: a prepared document written as the published one;
//! - [`suggest`]: the likely names a document does not link (variants, titles, known names);
//! - [`studio`]: the authoring studio's state: a document written by edits on selected words;
//! - [`seed`]: the seed article's authoring document;
//! - [`words`]: every message in Arabic and English, and places said in an editor's terms.
//!
//! Invariants, enforced by Cargo (`tests/boundary.rs`): this crate depends on the format layer
//! (`article-format`), which never depends on it, and on nothing of the browser (no yew, web-sys,
//! wasm-bindgen, js-sys or gloo). The publisher module, the studio and the native tools build on
//! it; the reader and the figures module never do.

pub mod catalogue;
pub mod model;
pub mod publish;
pub mod seed;
pub mod studio;
pub mod suggest;
pub mod text;
pub mod words;
