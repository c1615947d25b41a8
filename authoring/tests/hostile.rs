//! Hostile published documents (issue 23), one case a line: each is refused with a message that
//! names what is wrong in an editor's terms, or read and shown as written. The published seed is
//! the starting point; each case changes it as a careless or hostile producer would.
#![cfg(not(target_arch = "wasm32"))]

use article_format::i18n::Lang;
use article_format::reading::Reading;
use serde_json::{json, Value};

fn seed() -> Value {
    let doc = article_authoring::seed::document().unwrap();
    serde_json::to_value(article_authoring::publish::publish(&article_authoring::model::Prepared::new(doc))).unwrap()
}

/// The problems of reading `json`, each as the reader's page says it (the publisher module's
/// words: where, in a reader's terms, then what), without the marks that isolate quoted words.
fn problems(json: &str) -> Result<Reading, Vec<String>> {
    Reading::from_json(json).map_err(|_| {
        let worded = article_authoring::publish::read_worded(json, Lang::En).expect("read as a published document");
        let unmarked = |s: &str| s.chars().filter(|c| !('\u{2066}'..='\u{2069}').contains(c)).collect::<String>();
        worded.expect_err("refused").iter().map(|(at, what)| format!("{}: {}", unmarked(at), unmarked(what))).collect()
    })
}

/// The seed changed by `edit` is refused, and one of its problems says each of `said`.
#[track_caller]
fn refused(edit: impl FnOnce(&mut Value), said: &[&str]) {
    let mut v = seed();
    edit(&mut v);
    refused_text(&serde_json::to_string(&v).unwrap(), said);
}

#[track_caller]
fn refused_text(json: &str, said: &[&str]) {
    match problems(json) {
        Ok(_) => panic!("read, though it should be refused for {said:?}"),
        Err(ps) => {
            for s in said {
                assert!(ps.iter().any(|p| p.contains(s)), "no problem says {s:?}: {ps:#?}");
            }
        }
    }
}

/// The seed changed by `edit` is read.
#[track_caller]
fn read(edit: impl FnOnce(&mut Value)) -> Reading {
    let mut v = seed();
    edit(&mut v);
    problems(&serde_json::to_string(&v).unwrap()).unwrap_or_else(|ps| panic!("refused: {ps:#?}"))
}

/// The seed's JSON with the first `from` replaced by `to`, as text (for what serde_json cannot
/// write: duplicate keys, numbers spelt otherwise, a byte-order mark).
fn seed_text(from: &str, to: &str) -> String {
    let text = serde_json::to_string(&seed()).unwrap();
    assert!(text.contains(from), "the seed's JSON has no {from:?}");
    text.replacen(from, to, 1)
}

/// The headline's first mention set to `range` (UTF-16 offsets into `headline`).
fn headline_mention(v: &mut Value, headline: &str, range: (u32, u32)) {
    v["article"]["headline"] = json!(headline);
    v["mentions"][0] = json!([[range.0, range.1, 0, 0]]);
}

#[test]
fn ranges_off_the_grapheme_clusters_are_refused() {
    // «تحدٍ» cut from its tanween: «في تحدٍ» is ف ي space ت ح د ◌ٍ.
    refused(|v| headline_mention(v, "في تحدٍ واضح", (3, 6)), &["headline", "mark"]);
    refused(|v| headline_mention(v, "في تحدٍ واضح", (6, 8)), &["headline"]);
    // Inside a ZWJ sequence (👩‍💻: U+1F469 U+200D U+1F4BB), and half a flag (🇻🇪).
    refused(|v| headline_mention(v, "a 👩\u{200D}💻 b", (2, 5)), &["headline"]);
    refused(|v| headline_mention(v, "a 🇻🇪 b", (4, 6)), &["headline"]);
    // A variation selector left behind.
    refused(|v| headline_mention(v, "a ❤\u{FE0F} b", (2, 3)), &["headline"]);
    // The whole cluster is a mention like any other.
    let r = read(|v| headline_mention(v, "في تحدٍ واضح", (3, 7)));
    let headline = article_format::model::BlockRef::HEADLINE;
    assert_eq!(r.mentions_of(headline)[0].range().of(r.text(headline)), "تحدٍ");
}

#[test]
fn ranges_reversed_overlapping_or_outside_are_named() {
    refused(|v| v["mentions"][1][0] = json!([43, 38, 4, 8]), &["reversed", "43", "38"]);
    refused(|v| v["mentions"][1][1] = json!([40, 70, 5, 8]), &["overlaps"]);
    refused(|v| v["mentions"][1][0] = json!([38, 100000, 4, 8]), &["100000"]);
    // mentions[1] is the first paragraph, as a reader counts it: "paragraph 1".
    refused(|v| v["mentions"][1][0] = json!([43, 38, 4, 8]), &["paragraph 1"]);
}

#[test]
fn utf8_offsets_written_by_mistake_are_refused_or_land_where_they_say() {
    // UTF-8 byte offsets of «روسيا» in an Arabic block are about twice its UTF-16 ones: past
    // the end, refused; or read, in which case the mention covers exactly the units it names.
    let mut v = seed();
    let block = v["article"]["blocks"][0]["text"].as_str().unwrap().to_owned();
    let at = block.find("روسيا").unwrap() as u32;
    v["mentions"][1] = json!([[at, at + 10, 4, 0]]);
    match problems(&serde_json::to_string(&v).unwrap()) {
        Ok(r) => {
            let m = &r.mentions_of(article_format::model::BlockRef::Block(0))[0];
            let units: Vec<u16> = block.encode_utf16().collect();
            let expected = String::from_utf16(&units[at as usize..at as usize + 10]).unwrap();
            assert_eq!(&block[m.range().start..m.range().end], expected);
        }
        Err(ps) => assert!(!ps.is_empty()),
    }
}

#[test]
fn duplicate_keys_and_numbers_not_written_as_integers_are_refused() {
    refused_text(&seed_text("\"version\":1", "\"version\":1,\"version\":2"), &["version"]);
    refused_text(&seed_text("\"subject\":4", "\"subject\":4,\"subject\":5"), &["subject"]);
    refused_text(&seed_text("[[[16,22,6,0]", "[[[16,22e0,6,0]"), &["mention 1", "22e0", "whole number"]);
    refused_text(&seed_text("[[[16,22,6,0]", "[[[16,22.0,6,0]"), &["mention 1", "22.0", "whole number"]);
    refused_text(&seed_text("[[[16,22,6,0]", "[[[-0,22,6,0]"), &["mention 1", "-0", "whole number"]);
    refused_text(&seed_text("\"subject\":4", "\"subject\":43e0"), &["43e0", "whole number"]);
    refused_text(&seed_text("\"subject\":4", "\"subject\":1e999"), &["too large"]);
    refused_text(&seed_text("\"subject\":4", "\"subject\":18446744073709551616"), &[]);
}

#[test]
fn a_byte_order_mark_and_broken_json_are_named() {
    refused_text(&format!("\u{FEFF}{}", serde_json::to_string(&seed()).unwrap()), &["byte-order mark"]);
    refused_text("", &[]);
    refused_text("{", &[]);
    refused_text("[1,2", &[]);
    refused_text("{\"format\": \"article-explorer/published\", \"version\": 1}", &["article"]);
    // Nesting deeper than the format needs, refused before it is read.
    refused_text(&format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)), &[]);
    // A lone surrogate escape is no text.
    refused_text(&seed_text("\"id\":\"vladimir-putin\"", "\"id\":\"\\ud800\""), &[]);
}

#[test]
fn a_region_is_one_the_build_ships_never_a_path() {
    refused(|v| v["map"]["region"] = json!("../../../index"), &["../../../index"]);
    refused(|v| v["map"]["region"] = json!("caribbean/../gulf"), &[]);
    refused(|v| v["map"]["region"] = json!("Caribbean"), &[]);
    refused(|v| v["map"]["region"] = json!("https://example.com/map"), &[]);
    let r = read(|v| v["map"]["region"] = json!("gulf"));
    assert_eq!(r.doc.map.region.as_deref(), Some("gulf"));
}

#[test]
fn references_that_name_nothing_are_problems_never_silent_drops() {
    refused(|v| v["map"]["movements"][0]["to"] = json!("nowhere"), &["nowhere"]);
    refused(|v| v["map"]["movements"][0]["via"] = json!(["nowhere"]), &["nowhere"]);
    // A code of the right form that the base map does not hold: the reader cannot know it; the
    // map says it when its base map comes.
    let r = read(|v| v["map"]["areas"][0]["shape"] = json!({"country": "999"}));
    let caribbean = article_format::geo::basemap::BaseMap::from_json(
        include_str!("../../assets/map/caribbean.json"),
        &article_format::geo::CARIBBEAN,
    )
    .unwrap();
    let unknown = article_format::map::unknown_countries(&r.doc.map, &caribbean);
    let said: Vec<String> = unknown.iter().map(|p| article_authoring::words::plain(&p.message, Lang::En)).collect();
    assert_eq!(said, ["the country code 999 is not on the base map"]);
    refused(|v| v["map"]["areas"][0]["shape"] = json!({"country": "VE"}), &["VE"]);
    // Geometry with fewer points than its kind needs: an empty polygon, a line of one point.
    refused(|v| v["map"]["areas"][0]["shape"] = json!({"polygon": []}), &[]);
    refused(
        |v| {
            v["map"]["areas"][0]["shape"] =
                json!({"polygon": [{"lat": 10.0, "lon": -66.0}, {"lat": 11.0, "lon": -66.0}]})
        },
        &[],
    );
    refused(|v| v["map"]["points"][0]["entities"] = json!(["no-such-entity"]), &["no-such-entity"]);
    refused(|v| v["relations"][0]["subject"] = json!(4000), &["4000"]);
    refused(|v| v["timeline"][0]["entities"] = json!([9999]), &["9999"]);
    refused(|v| v["endnotes"][0] = json!(9999), &["9999"]);
    refused(|v| v["mentions"][1][0] = json!([38, 43, 9999, 8]), &["9999"]);
    // Coordinates off the globe.
    refused(|v| v["map"]["points"][0]["coordinates"] = json!({"lat": 91.0, "lon": 0.0}), &[]);
}

#[test]
fn timeline_ids_are_unique() {
    refused(
        |v| {
            let first = v["timeline"][0]["id"].clone();
            v["timeline"][1]["id"] = first;
        },
        &["maduro-visits-moscow"],
    );
}

#[test]
fn names_with_control_characters_or_unbalanced_bidi_controls_are_refused() {
    refused(|v| v["entities"][0]["name"]["en"] = json!("Vladimir\u{0}Putin"), &[]);
    refused(|v| v["entities"][0]["name"]["ar"] = json!("بوتين\u{202E}"), &[]);
    refused(|v| v["entities"][0]["name"]["en"] = json!("\u{2067}Putin"), &[]);
    refused(|v| v["entities"][0]["description"]["en"] = json!("President\u{1B}[31m"), &[]);
    refused(|v| v["timeline"][0]["label"]["en"] = json!("\u{202D}x"), &[]);
    // Balanced, they are text like any other.
    read(|v| v["entities"][0]["name"]["en"] = json!("\u{2067}Putin\u{2069}"));
}

#[test]
fn url_schemes_are_compared_without_case_and_only_web_links_pass() {
    let r = read(|v| v["source"] = json!({"url": "HTTPS://example.com/a"}));
    drop(r);
    assert!(article_format::reading::is_web_link("HTTPS://example.com/a"));
    assert!(article_format::reading::is_web_link("Http://example.com/a"));
    assert!(!article_format::reading::is_web_link("javascript:alert(1)"));
    assert!(!article_format::reading::is_web_link("JavaScript:alert(1)"));
    assert!(!article_format::reading::is_web_link("data:text/html,x"));
}

#[test]
fn documents_over_a_limit_are_refused_naming_the_limit_and_the_value() {
    // More mentions than the format allows, each tiny: refused by counting, before reading.
    refused(
        |v| {
            let block = "ب ".repeat(30_000);
            v["article"]["blocks"] = json!([{"kind": "paragraph", "text": block}]);
            let ms: Vec<Value> = (0..25_000u32).map(|i| json!([2 * i, 2 * i + 1, 0, 0])).collect();
            v["mentions"] = json!([[], ms]);
        },
        &["25000", "20000"],
    );
    refused(
        |v| {
            let many: Vec<Value> = (0..2_001)
                .map(|i| {
                    let mut e = v["entities"][0].clone();
                    e["id"] = json!(format!("e{i}"));
                    e
                })
                .collect();
            v["entities"] = json!(many);
        },
        &["2001", "2000"],
    );
}
