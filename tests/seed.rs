//! The demo's embedded article is the seed article exactly as received.

use article_explorer::model::BlockKind;
use article_explorer::seed::{self, SEED_TEXT};
use sha2::{Digest, Sha256};

/// SHA-256 of the seed file as received (`shared/seed/000_8914f6b78ec75444.txt`).
const SEED_SHA256: &str = "04e20fd00d93d6c381b63a5de8188911d97bde8b2d0b7fd5ab3f38bb241d47ef";

#[test]
fn embedded_text_is_the_seed_byte_for_byte() {
    let digest = Sha256::digest(SEED_TEXT.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, SEED_SHA256, "assets/seed/article.txt differs from the seed as received");

    // Where the shared seed folder sits beside the checkout (CI, the team's machines), compare
    // with it directly too.
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seed/000_8914f6b78ec75444.txt");
    if let Ok(original) = std::fs::read(shared) {
        assert_eq!(SEED_TEXT.as_bytes(), original.as_slice());
    }
}

#[test]
fn every_line_of_the_seed_is_shown_unchanged_and_in_order() {
    let article = seed::article();
    let lines: Vec<&str> = SEED_TEXT.lines().filter(|l| !l.trim().is_empty()).collect();
    let shown: Vec<&str> = std::iter::once(article.headline.as_str())
        .chain(article.blocks.iter().map(|b| b.text.as_str()))
        .collect();
    assert_eq!(shown, lines);
}

#[test]
fn the_seed_has_one_subheading_and_fifteen_paragraphs() {
    let article = seed::article();
    let headings: Vec<&str> = article
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(headings, ["تصعيد عسكري أمريكي متزامن"]);
    assert_eq!(article.blocks.len(), 16);
    assert_eq!(article.language, "ar");
    assert_eq!(article.direction.as_str(), "rtl");
}
