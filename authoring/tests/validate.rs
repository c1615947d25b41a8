//! Validation: every problem is reported with its path and never panics. One case per rule,
//! each a small change to a valid document.
#![cfg(not(target_arch = "wasm32"))]

use article_authoring::model::{load, validate::parse, Problem};
use article_format::i18n::Lang;
use serde_json::{json, Value};

/// A problem's message in English, as a terminal shows it.
fn said(p: &Problem) -> String {
    article_authoring::words::plain(&p.message, Lang::En)
}

fn valid() -> Value {
    json!({
        "version": 1,
        "article": {
            "headline": "روسيا وفنزويلا",
            "blocks": [
                { "kind": "paragraph", "text": "ووقّع الرئيس الروسي فلاديمير بوتين الاتفاقية." },
                { "kind": "paragraph", "text": "وزار مادورو موسكو في مايو." }
            ],
            "language": "ar",
            "direction": "rtl",
            "published": "2025-10-28"
        },
        "entities": [
            { "id": "vladimir-putin", "kind": "person", "name": { "ar": "فلاديمير بوتين", "en": "Vladimir Putin" },
              "aliases": ["فلاديمير بوتين", "بوتين"], "description": { "ar": "رئيس روسيا", "en": "President of Russia" },
              "wikidata": "Q7747" },
            { "id": "nicolas-maduro", "kind": "person", "name": { "ar": "نيكولاس مادورو", "en": "Nicolás Maduro" },
              "aliases": ["مادورو"], "description": { "ar": "رئيس فنزويلا", "en": "President of Venezuela" } },
            { "id": "moscow", "kind": "city", "name": { "ar": "موسكو", "en": "Moscow" }, "aliases": ["موسكو"],
              "description": { "ar": "عاصمة روسيا", "en": "Capital of Russia" }, "coordinates": { "lat": 55.75, "lon": 37.62 } }
        ],
        "relations": [
            { "subject": "nicolas-maduro", "predicate": "visited", "object": "moscow",
              "evidence": { "block": 1, "exact": "وزار مادورو موسكو" } }
        ],
        "map": {
            "points": [ { "id": "moscow", "label": { "ar": "موسكو", "en": "Moscow" }, "kind": "capital",
                          "coordinates": { "lat": 55.75, "lon": 37.62 }, "entities": ["moscow"] } ],
            "movements": [ { "id": "visit", "label": { "ar": "زيارة", "en": "Visit" }, "kind": "route",
                             "from": { "lat": 10.5, "lon": -66.9 }, "to": "moscow" } ]
        },
        "timeline": [ { "id": "visit", "label": { "ar": "زيارة", "en": "Visit" }, "when": { "ar": "في مايو", "en": "in May" },
                        "order": 1, "entities": ["nicolas-maduro"], "evidence": { "block": 1, "exact": "في مايو" } } ],
        "mentions": { "add": [ { "entity": "vladimir-putin", "at": { "block": 0, "exact": "الرئيس الروسي" } } ] }
    })
}

/// Applies `change` to the valid document and checks the problems: each expected pair is a
/// path and a fragment of the message.
#[track_caller]
fn check(change: impl FnOnce(&mut Value), expected: &[(&str, &str)]) {
    let mut doc = valid();
    change(&mut doc);
    let problems = match load(&doc.to_string()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    };
    let got: Vec<(String, String)> = problems.iter().map(|p| (p.path.clone(), said(p))).collect();
    assert_eq!(got.len(), expected.len(), "problems: {got:#?}");
    for ((path, message), (want_path, want_fragment)) in got.iter().zip(expected) {
        assert_eq!(path, want_path, "problems: {got:#?}");
        assert!(message.contains(want_fragment), "{message:?} should contain {want_fragment:?}");
    }
}

#[test]
fn the_valid_document_is_valid() {
    check(|_| {}, &[]);
}

#[test]
fn wrong_version() {
    check(|d| d["version"] = json!(2), &[("version", "version 2 is not supported")]);
}

#[test]
fn json_syntax_errors_give_line_and_column() {
    let err: Problem = parse("{\n  \"version\": 1,\n  \"article\": {,\n}").unwrap_err();
    assert_eq!(err.path, "article");
    assert!(said(&err).starts_with("JSON syntax error at line 3, column 15"), "{}", said(&err));
    let err = parse("").unwrap_err();
    assert!(said(&err).contains("line 1, column 0"), "{}", said(&err));
    // A byte-order mark is named as such.
    let err = parse("\u{feff}{}").unwrap_err();
    assert!(said(&err).contains("byte-order mark"), "{}", said(&err));
}

#[test]
fn wrong_types_and_unknown_fields_name_their_path() {
    let mut doc = valid();
    doc["entities"][2]["kind"] = json!("planet");
    let err = parse(&doc.to_string()).unwrap_err();
    assert_eq!(err.path, "entities[moscow].kind");
    assert!(said(&err).contains("unknown value planet: one of person, country"), "{}", said(&err));

    let mut doc = valid();
    doc["relations"][0]["predicat"] = json!("visited");
    let err = parse(&doc.to_string()).unwrap_err();
    assert_eq!(err.path, "relations[0].predicat");

    let mut doc = valid();
    doc["article"].as_object_mut().unwrap().remove("headline");
    let err = parse(&doc.to_string()).unwrap_err();
    assert_eq!(said(&err), "missing field");
    assert_eq!(err.path, "article.headline");

    let mut doc = valid();
    doc["map"]["points"][0]["coordinates"]["lat"] = json!("north");
    let err = parse(&serde_json::to_string_pretty(&doc).unwrap()).unwrap_err();
    assert_eq!(err.path, "map.points[moscow].coordinates.lat", "{}", said(&err));
    assert_eq!(said(&err), "wrong value: expected a number");
}

#[test]
fn every_wrong_value_is_collected_with_paths_by_id() {
    let mut doc = valid();
    doc["entities"][2]["kind"] = json!("planet");
    doc["entities"][2]["aliases"] = json!(["موسكو", 7]);
    doc["entities"][0]["wikidata"] = json!(7747);
    doc["relations"][0]["predicate"] = json!("visits");
    doc["map"]["points"][0]["coordinates"]["lat"] = json!("north");
    doc["article"]["published"] = json!(20251028);
    let problems = load(&doc.to_string()).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "entities[vladimir-putin].wikidata",
            "entities[moscow].aliases",
            "entities[moscow].kind",
            "relations[0].predicate",
            "map.points[moscow].coordinates.lat",
            "article.published",
        ],
        "{problems:#?}"
    );
    assert!(said(&problems[1]).contains("an alias: a string or"), "{}", said(&problems[1]));
    assert!(said(&problems[3]).contains("unknown value visits"));
    // A field left out is reported once, as missing.
    let mut doc = valid();
    doc["entities"][1].as_object_mut().unwrap().remove("kind");
    let problems = load(&doc.to_string()).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(
        (said(&problems[0]).as_str(), problems[0].path.as_str()),
        ("missing field", "entities[nicolas-maduro].kind")
    );
}

#[test]
fn duplicate_and_malformed_ids() {
    check(
        |d| d["entities"][1]["id"] = json!("vladimir-putin"),
        &[
            ("entities[1].id", "the id vladimir-putin is used twice, also by entities[0]"),
            ("relations[0].subject", "unknown entity nicolas-maduro"),
            ("timeline[0].entities[0]", "unknown entity nicolas-maduro"),
        ],
    );
    check(
        |d| d["entities"][2]["id"] = json!("Moscow City"),
        &[
            ("entities[2].id", "is not lowercase letters, digits and hyphens"),
            ("relations[0].object", "unknown entity moscow"),
            ("map.points[0].entities[0]", "unknown entity moscow"),
        ],
    );
}

#[test]
fn a_timeline_date_that_is_not_iso_8601_is_a_problem() {
    check(
        |d| d["timeline"][0]["date"] = json!("May 2025"),
        &[("timeline[0].date", "is not a date or period written as ISO 8601")],
    );
    check(|d| d["timeline"][0]["date"] = json!("2025-13"), &[("timeline[0].date", "not a date or period")]);
    for good in ["2025", "2025-05", "2025-05-07", "2025-08/..", "../2025-10-23", "2025-05/2025-06"] {
        check(|d| d["timeline"][0]["date"] = json!(good), &[]);
    }
}

#[test]
fn unknown_entities_anywhere() {
    check(|d| d["relations"][0]["asserted_by"] = json!("tass"), &[("relations[0].asserted_by", "unknown entity tass")]);
    check(
        |d| d["mentions"]["add"][0]["entity"] = json!("putin"),
        &[("mentions.add[0].entity", "unknown entity putin")],
    );
}

#[test]
fn problems_hint_at_their_likely_cause() {
    check(
        |d| d["relations"][0]["evidence"]["block"] = json!(0),
        &[("relations[0].evidence.exact", "it is in paragraph 2")],
    );
    check(
        |d| d["relations"][0]["evidence"]["block"] = json!("headline"),
        &[("relations[0].evidence.exact", "it is in paragraph 2")],
    );
    check(
        |d| {
            d["article"]["blocks"][1]["text"] = json!("وقال «مادورو» إنه زار موسكو في مايو.");
            d["relations"][0]["evidence"]["exact"] = json!("وقال “مادورو” إنه زار");
        },
        &[("relations[0].evidence.exact", "only in its quote marks")],
    );
    check(
        |d| d["relations"][0]["evidence"]["exact"] = json!("وزار مادورو لندن"),
        &[(
            "relations[0].evidence.exact",
            "is not in paragraph 2: its first 2 word(s) are there, then the text differs at لندن",
        )],
    );
    check(
        |d| d["relations"][0]["subject"] = json!("nicolas-madura"),
        &[("relations[0].subject", "did you mean nicolas-maduro?")],
    );
    check(
        |d| d["relations"][0]["subject"] = json!("maduro"),
        &[("relations[0].subject", "did you mean nicolas-maduro?")],
    );
    check(|d| d["relations"][0]["subject"] = json!("cuba"), &[("relations[0].subject", "unknown entity cuba")]);
}

#[test]
fn several_sources_each_an_entity_none_twice() {
    check(|d| d["relations"][0]["asserted_by"] = json!(["vladimir-putin", "moscow"]), &[]);
    check(
        |d| d["relations"][0]["asserted_by"] = json!(["vladimir-putin", "tass", "vladimir-putin"]),
        &[("relations[0].asserted_by[1]", "unknown entity tass"), ("relations[0].asserted_by[2]", "is listed twice")],
    );
    check(
        |d| d["relations"][0]["asserted_by"] = json!([]),
        &[("relations[0].asserted_by", "an empty list of sources")],
    );
}

#[test]
fn empty_and_repeated_aliases() {
    check(
        |d| d["entities"][0]["aliases"][1] = json!("  ،  "),
        &[("entities[vladimir-putin].aliases[1]", "an alias with no letters")],
    );
    check(
        |d| d["entities"][1]["aliases"][0] = json!("بُوتين"),
        &[("entities[nicolas-maduro].aliases[0]", "is also entities[vladimir-putin].aliases[1]")],
    );
}

#[test]
fn quotes_must_be_in_their_block() {
    check(
        |d| d["relations"][0]["evidence"]["exact"] = json!("زار ترامب"),
        &[("relations[0].evidence.exact", "is not in paragraph 2")],
    );
    check(|d| d["relations"][0]["evidence"]["block"] = json!(7), &[("relations[0].evidence.block", "no such block")]);
    check(
        |d| d["relations"][0]["evidence"]["block"] = json!("headline"),
        &[("relations[0].evidence.exact", "is not in the headline")],
    );
}

#[test]
fn coordinates_in_range() {
    check(
        |d| d["entities"][2]["coordinates"]["lat"] = json!(95.0),
        &[("entities[moscow].coordinates.lat", "out of range")],
    );
    check(|d| d["map"]["movements"][0]["from"]["lon"] = json!(-200), &[("map.movements[0].from.lon", "out of range")]);
}

#[test]
fn map_references() {
    check(
        |d| d["map"]["movements"][0]["to"] = json!("havana"),
        &[("map.movements[0].to", "no map point has the id havana")],
    );
    check(
        |d| {
            d["map"]["areas"] = json!([{ "id": "x", "label": { "ar": "س", "en": "x" }, "kind": "country", "shape": { "country": "VE" } }])
        },
        &[("map.areas[0].shape.country", "is not an ISO 3166-1 numeric code")],
    );
    check(
        |d| {
            d["map"]["areas"] = json!([{ "id": "x", "label": { "ar": "س", "en": "x" }, "kind": "incident", "shape": { "polygon": [] } }])
        },
        &[("map.areas[0].shape.polygon", "at least three")],
    );
}

#[test]
fn empty_texts_and_bad_fields() {
    check(|d| d["entities"][0]["name"]["en"] = json!(""), &[("entities[vladimir-putin].name.en", "must not be empty")]);
    check(
        |d| d["entities"][0]["wikidata"] = json!("7747"),
        &[("entities[vladimir-putin].wikidata", "is not a Wikidata item id")],
    );
    check(|d| d["article"]["published"] = json!("28/10/2025"), &[("article.published", "not a date")]);
    check(|d| d["article"]["language"] = json!(""), &[("article.language", "is not a language tag")]);
    check(
        |d| d["article"]["source"] = json!({ "name": "X", "url": "javascript:alert(1)" }),
        &[("article.source.url", "is neither http nor https")],
    );
}

#[test]
fn all_problems_are_collected() {
    check(
        |d| {
            d["version"] = json!(3);
            d["entities"][0]["aliases"][0] = json!("");
            d["relations"][0]["object"] = json!("nicolas-maduro");
        },
        &[
            ("version", "version 3"),
            ("entities[vladimir-putin].aliases[0]", "an alias with no letters"),
            ("relations[0].object", "two different entities"),
        ],
    );
}

#[test]
fn a_large_document_validates() {
    // Near the format's limit of text (1,000,000 characters): 1,400 paragraphs (1.8 MB) and
    // 1,000 entities, valid. How long it takes is measured by the benchmark (`cargo bench -p
    // xtask --bench publish`), not here.
    let mut doc = valid();
    let para = json!({ "kind": "paragraph", "text": "ووقّع الرئيس الروسي فلاديمير بوتين الاتفاقية مع مادورو في موسكو. ".repeat(10) });
    doc["article"]["blocks"].as_array_mut().unwrap().extend(vec![para; 1400]);
    let entities = doc["entities"].as_array_mut().unwrap();
    for i in 0..1000 {
        entities.push(json!({ "id": format!("e{i}"), "kind": "event", "name": { "ar": "ح", "en": "e" },
            "aliases": [format!("حدث{i}")], "description": { "ar": "و", "en": "d" } }));
    }
    let text = doc.to_string();
    assert!(text.len() > 1_700_000);
    if let Err(problems) = load(&text) {
        panic!("{:?}", &problems[..problems.len().min(5)]);
    }
}

#[test]
fn an_entitys_own_name_counts_as_an_alias_unless_an_alias_spells_it() {
    let mut doc: Value = serde_json::from_str(article_authoring::seed::SEED_JSON).unwrap();
    let maduro = doc["entities"].as_array().unwrap().iter().position(|e| e["id"] == "nicolas-maduro").unwrap();
    let name = doc["entities"][maduro]["name"]["ar"].as_str().unwrap().to_owned();
    let count = |doc: &Value| {
        let prepared = article_authoring::model::Prepared::new(load(&doc.to_string()).expect("valid"));
        prepared.by_entity[maduro].len()
    };
    // His aliases emptied but one that the text never uses.
    doc["entities"][maduro]["aliases"] = serde_json::json!(["اسم لا يرد في النص"]);
    let by_name = count(&doc);
    // The same with a name the text never uses either: what is left are mentions added by hand.
    let mut unnamed = doc.clone();
    unnamed["entities"][maduro]["name"]["ar"] = "اسم آخر لا يرد".into();
    let without = count(&unnamed);
    let occurrences = article_authoring::seed::reading()
        .doc
        .article
        .blocks
        .iter()
        .map(|b| b.text.matches(&name).count())
        .sum::<usize>();
    assert!(occurrences > 0, "the seed names {name}");
    assert_eq!(by_name, without + occurrences, "«{name}» is found by his name alone, each time");
    // A name another entity lists as its alias stays that entity's (the alias written out wins).
    let other = doc["entities"].as_array().unwrap().iter().position(|e| e["id"] == "venezuela").unwrap();
    doc["entities"][other]["aliases"].as_array_mut().unwrap().push(name.clone().into());
    assert_eq!(count(&doc), without, "«{name}» is Venezuela's alias now, not Maduro's name");
}

/// A document over one of the format's limits is refused with the limit and its count, and
/// nothing else is said of it (the rest is not read).
#[test]
fn a_document_over_a_limit_is_refused_naming_the_limit() {
    let mut doc = article_authoring::seed::document().unwrap();
    let relation = doc.relations[0].clone();
    doc.relations = vec![relation; article_format::limits::RELATIONS + 1];
    doc.article.blocks[0].text.push_str(&"ا".repeat(article_format::limits::TEXT));
    let problems = article_authoring::model::validate::validate(&doc);
    let said: Vec<String> = problems.iter().map(|p| format!("{}: {}", p.path, said(p))).collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(
        said[0].starts_with("article: ") && said[0].contains(&(article_format::limits::TEXT).to_string()),
        "{said:?}"
    );
    assert!(said[1].starts_with("relations: ") && said[1].contains("5001"), "{said:?}");
    // Too many bytes to read at all: refused before parsing.
    let huge = format!("{{\"x\": \"{}\"}}", "a".repeat(article_format::limits::BYTES));
    let refused = article_authoring::publish::publish_json(&huge).unwrap_err();
    assert_eq!(refused[0].message.code, article_format::problem::Code::OverLimit);
}
