//! Parsing, validating and preparing any input as a document never panics, and every mention
//! found lies on char boundaries of its text.
//!
//!     cargo +nightly fuzz run document
#![no_main]

use article_explorer::model::{load, validate, Prepared};
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
    }
});
