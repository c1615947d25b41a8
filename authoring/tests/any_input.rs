//! Every way the tools read a file, on the project's own files cut short and with bytes changed:
//! nothing panics, and every mention lies on char boundaries of its text. The same checks as the
//! fuzz target (`fuzz/`), which runs them on inputs libFuzzer makes.
#![cfg(not(target_arch = "wasm32"))]

include!("support/any_input.rs");

/// The inputs: the seed (authoring and published), the catalogue test article, the sample
/// catalogue (cut to its first records: it is large).
fn corpus() -> Vec<(&'static str, String)> {
    let seed = article_authoring::seed::SEED_JSON.to_owned();
    let published = serde_json::to_string(&article_authoring::publish::publish(
        &article_authoring::model::Prepared::new(article_authoring::seed::document().unwrap()),
    ))
    .unwrap();
    let article = include_str!("articles/port-of-spain.json").to_owned();
    let catalogue = include_str!("../../assets/catalogues/sample.json");
    let catalogue = catalogue
        [..catalogue.char_indices().map(|(i, _)| i).find(|&i| i >= 12_000).unwrap_or(catalogue.len())]
        .to_owned();
    vec![("seed", seed), ("published seed", published), ("port-of-spain", article), ("sample catalogue", catalogue)]
}

#[test]
fn the_whole_files_are_read() {
    // Whole, each reaches the deep paths: the cuts and changes below start from working files.
    let corpus = corpus();
    assert!(article_authoring::model::validate::load(&corpus[0].1).is_ok());
    assert!(article_format::reading::Reading::from_json(&corpus[1].1).is_ok());
    assert!(article_authoring::model::validate::parse_all(&corpus[2].1).is_ok());
    for (_, text) in &corpus {
        any_input(text.as_bytes());
    }
}

#[test]
fn files_cut_short_anywhere_never_panic() {
    for (name, text) in corpus() {
        let bytes = text.as_bytes();
        // About 150 cuts per file, on and off char boundaries.
        let step = (bytes.len() / 150).max(1);
        for end in (0..bytes.len()).step_by(step).chain([bytes.len().saturating_sub(1)]) {
            let cut = &bytes[..end];
            let outcome = std::panic::catch_unwind(|| any_input(cut));
            assert!(outcome.is_ok(), "{name} cut at byte {end} panics");
        }
    }
}

#[test]
fn files_with_a_byte_changed_never_panic() {
    // The bytes a change puts in: JSON's structure, digits, a quote, Arabic's lead byte.
    let replacements = [b'0', b'9', b'-', b'"', b'{', b']', b',', b' ', 0xD8];
    for (name, text) in corpus() {
        let bytes = text.as_bytes();
        let step = (bytes.len() / 120).max(1);
        for (n, at) in (0..bytes.len()).step_by(step).enumerate() {
            let mut changed = bytes.to_vec();
            changed[at] = replacements[n % replacements.len()];
            let outcome = std::panic::catch_unwind(|| any_input(&changed));
            assert!(outcome.is_ok(), "{name} with byte {at} set to {:#x} panics", changed[at]);
        }
    }
}
