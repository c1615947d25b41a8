//! Parsing, validating and preparing any input as an authoring document, and reading any input
//! as a published document, never panics; every mention found or read lies on char boundaries
//! of its text.
//!
//!     cargo +nightly fuzz run document
#![no_main]

use article_core::model::{load, validate, Prepared};
use article_core::published::{publish, Reading};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else { return };
    let _ = load(json);
    // Prepare even documents that fail validation (the view never does, but nothing may panic).
    if let Ok(doc) = validate::parse(json) {
        let prepared = Prepared::new(doc);
        for (text, m) in prepared.all_mentions() {
            let t = prepared.text(text);
            assert!(m.range.start < m.range.end && m.range.end <= t.len());
            assert!(t.is_char_boundary(m.range.start) && t.is_char_boundary(m.range.end));
        }
        let _ = publish(&prepared);
    }
    // The same input as a published document: refused, or every range checked.
    if let Ok(r) = Reading::from_json(json) {
        for (text, m) in r.all_mentions() {
            let t = r.text(text);
            assert!(m.range().start < m.range().end && m.range().end <= t.len());
            assert!(t.is_char_boundary(m.range().start) && t.is_char_boundary(m.range().end));
            assert!(m.entity() < r.doc.entities.len());
        }
        let _ = article_core::graph::layout(&r, article_core::i18n::Lang::En, false);
    }
});
