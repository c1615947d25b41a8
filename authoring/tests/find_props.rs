//! Properties of mention finding and normalisation, for arbitrary Unicode text and aliases:
//! mentions lie on char boundaries inside the text, never overlap, and nothing panics.
#![cfg(not(target_arch = "wasm32"))]

use article_authoring::text::{find_mentions, locate_quote, normalize, Pattern, Utf8Range};
use proptest::prelude::*;

/// Text mixing Arabic letters, marks, tatweel, controls, spaces, Latin and anything else.
fn arabicish() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("و".to_owned()),
        Just("ال".to_owned()),
        Just("لل".to_owned()),
        Just("ل".to_owned()),
        Just("ـ".to_owned()),
        Just("ّ".to_owned()),
        Just("ً".to_owned()),
        Just(" ".to_owned()),
        Just("\u{200F}".to_owned()),
        Just("\u{FEFB}".to_owned()),
        Just("أمريكا".to_owned()),
        Just("ترينيداد وتوباجو".to_owned()),
        Just("مادورو".to_owned()),
        Just("،".to_owned()),
        "[\\u{0600}-\\u{06FF}]{1,3}",
        "\\PC{1,3}",
        "[a-zA-Z ]{1,4}",
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn mentions_are_on_char_boundaries_inside_the_text_and_disjoint(
        text in arabicish(),
        aliases in prop::collection::vec(arabicish(), 0..6),
    ) {
        let patterns = aliases.iter().enumerate().map(|(i, a)| Pattern { text: a, entity: i, alias: 0, adjective: false });
        let mentions = find_mentions(&text, patterns);
        let mut last_end = 0;
        for m in &mentions {
            prop_assert!(m.range.start < m.range.end, "empty mention {:?}", m.range);
            prop_assert!(m.range.end <= text.len());
            prop_assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end));
            prop_assert!(m.range.start >= last_end, "overlap or disorder at {:?}", m.range);
            last_end = m.range.end;
        }
    }

    #[test]
    fn any_unicode_never_panics(text in "\\PC{0,40}", alias in "\\PC{0,8}") {
        let _ = find_mentions(&text, [Pattern { text: &alias, entity: 0, alias: 0, adjective: true }]);
        let _ = locate_quote(&text, &alias, "", "");
    }

    #[test]
    fn normalised_ranges_map_back_inside_the_text(text in arabicish()) {
        let n = normalize(&text);
        let mut at = 0;
        for (i, c) in n.text.char_indices() {
            let r = n.original(Utf8Range::new(i, i + c.len_utf8()));
            prop_assert!(r.start <= r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            prop_assert!(r.start >= at, "original ranges go backwards at {}", i);
            at = r.start;
        }
    }

    #[test]
    fn an_alias_found_alone_is_found_again(alias in "[\\u{0621}-\\u{063A}\\u{0641}-\\u{064A}]{2,8}") {
        let m = find_mentions(&alias, [Pattern { text: &alias, entity: 0, alias: 0, adjective: false }]);
        prop_assert_eq!(m.len(), 1);
        prop_assert_eq!(m[0].range, Utf8Range::new(0, alias.len()));
    }
}
