//! Catalogues: records shared by many documents, resolved into a document, overridden by it, and
//! pruned when publishing; a test article written for this (`articles/port-of-spain.json`, an
//! outlet's spellings: كراكاس, سباين, فينزويلا, ترمب, ترينيداد و توباغو) drawn on the sample
//! catalogue.
#![cfg(not(target_arch = "wasm32"))]

use article_authoring::catalogue::{self, prepare_with};
use article_authoring::model::Prepared;
use article_authoring::publish::{publish, publish_json_with};
use article_authoring::text::MentionSource;
use serde_json::json;

const SAMPLE: &str = include_str!("../../assets/catalogues/sample.json");
const ARTICLE: &str = include_str!("articles/port-of-spain.json");

fn files(reference: &str) -> Result<String, String> {
    match reference {
        r if r.ends_with("sample.json") => Ok(SAMPLE.to_owned()),
        r => Err(format!("no file {r}")),
    }
}

fn prepared() -> Prepared {
    prepare_with(ARTICLE, &mut files).unwrap_or_else(|p| panic!("{p:#?}"))
}

/// (entity id, words) of every mention, in reading order.
fn mentions(p: &Prepared) -> Vec<(String, String)> {
    p.all_mentions().map(|(t, m)| (p.doc.entities[m.entity].id.clone(), m.range.of(p.text(t)).to_owned())).collect()
}

#[test]
fn the_sample_catalogue_is_valid_and_holds_the_seed_and_the_world() {
    let c = catalogue::parse("sample.json", SAMPLE).unwrap();
    let ids: Vec<&str> = c.entities.iter().map(|e| e.id.as_str()).collect();
    for id in
        ["nicolas-maduro", "port-of-spain", "trinidad-and-tobago", "colombia", "mexico", "japan", "havana", "vienna"]
    {
        assert!(ids.contains(&id), "{id}");
    }
    assert!(c.entities.len() > 350, "{}", c.entities.len());
    assert!(c.entities.iter().all(|e| e.claims.is_empty() && e.aliases.iter().all(|a| a.metonym_of().is_none())));
    // Names that are common words are never linked by themselves.
    let mali = c.entities.iter().find(|e| e.id == "mali").unwrap();
    assert!(mali.aliases.iter().any(|a| a.text() == "مالي" && a.is_ambiguous()));
}

#[test]
fn an_article_finds_the_catalogues_entities_and_its_outlets_spellings() {
    let p = prepared();
    let got = mentions(&p);
    let expected = [
        ("us-destroyer-port-of-spain", "مدمرة أمريكية"),
        ("port-of-spain", "بورت أوف سباين"),
        ("caracas", "كراكاس"),
        ("us-destroyer-port-of-spain", "مدمرة أمريكية"),
        ("port-of-spain", "بورت أوف سباين"),
        ("trinidad-and-tobago", "ترينيداد و توباغو"),
        ("trinidad-and-tobago", "ترينيداد-توباغو"),
        ("venezuelan-coast", "السواحل الفنزويلية"),
        ("us-destroyer-port-of-spain", "المدمرة"),
        // «التي تقول فينزويلا»: a one-word variant after a verb is only suggested (issue 22: alone
        // or after a verb, one-word variants meet common words; see README, "Spelling variants").
        ("nicolas-maduro", "نيكولاس مادورو"),
        ("port-of-spain", "بورت أوف سبين"),
        // «بحملة أمريكية»: a demonym without the article is linked too (issue 22).
        ("united-states", "أمريكية"),
        ("washington", "واشنطن"),
        ("donald-trump", "دونالد ترمب"),
        ("caribbean-sea", "البحر الكاريبي"),
        ("moscow", "موسكو"),
        ("tass", "وكالة تاس"),
        ("cuba", "كوبا"),
        ("nicaragua", "نيكاراغوا"),
        ("caracas", "كاراكاس"),
        ("colombia", "كولومبيا"),
        ("mexico", "المكسيك"),
        ("venezuela", "الفنزويلي"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(got, expected);
    // The variants are marked as such, with the alias they matched.
    let variants: Vec<String> = p
        .all_mentions()
        .filter(|(_, m)| matches!(m.source, MentionSource::Variant(_)))
        .map(|(t, m)| m.range.of(p.text(t)).to_owned())
        .collect();
    assert_eq!(
        variants,
        ["بورت أوف سباين", "كراكاس", "بورت أوف سباين", "ترينيداد و توباغو", "ترينيداد-توباغو", "دونالد ترمب"]
    );
}

#[test]
fn publishing_keeps_only_the_entities_the_article_uses() {
    let p = prepared();
    let ids: Vec<&str> = p.doc.entities.iter().map(|e| e.id.as_str()).collect();
    // The document's own (even unmentioned: they are sources), and the catalogue's it uses.
    assert_eq!(&ids[..3], ["us-destroyer-port-of-spain", "trinidad-officials", "us-officials"]);
    assert!(ids.contains(&"colombia") && ids.contains(&"venezuela") && ids.contains(&"port-of-spain"));
    assert!(!ids.contains(&"japan") && !ids.contains(&"vladimir-putin") && !ids.contains(&"mali"));
    assert!(ids.len() < 30, "{ids:?}");
    let published = publish(&p);
    let relation = &published.relations[3];
    let sources: Vec<&str> = relation.asserted_by.iter().map(|&i| published.entities[i as usize].id.as_str()).collect();
    assert_eq!(sources, ["trinidad-officials", "us-officials"]);
    let predicates: Vec<&str> = published
        .relations
        .iter()
        .map(|r| published.predicates[r.predicate as usize].label(article_format::i18n::Lang::En, true))
        .collect();
    assert_eq!(predicates, ["docked at", "approaches", "capital of", "takes part in", "accuses"]);
    // The variant left out is suggested, with the name it resembles.
    let s = article_authoring::suggest::suggestions(&prepared(), &[]);
    assert!(s.iter().any(|s| s.range.of(prepared().text(s.text)) == "فينزويلا"
        && matches!(&s.why, article_authoring::suggest::Why::Variant { of, .. } if of.iter().any(|(_, a)| a == "فنزويلا"))));
    assert!(publish_json_with(ARTICLE, &mut files).is_ok());
}

#[test]
fn the_documents_records_override_the_catalogues_and_later_catalogues_earlier_ones() {
    let mut doc: serde_json::Value = serde_json::from_str(ARTICLE).unwrap();
    doc["catalogues"] = json!(["sample.json", "a.json", "b.json"]);
    doc["entities"].as_array_mut().unwrap().push(json!({
        "id": "caracas", "kind": "city", "name": {"ar": "كاراكاس", "en": "Caracas"},
        "description": {"ar": "عاصمة فنزويلا، كما يصفها هذا المقال", "en": "Capital of Venezuela, as this document describes it"}
    }));
    let record = |description: &str| {
        json!({"format": "article-explorer/catalogue", "version": 1, "entities": [
        {"id": "venezuela", "kind": "country", "name": {"ar": "فنزويلا", "en": "Venezuela"}, "description": {"ar": description, "en": description}},
        {"id": "caracas", "kind": "city", "name": {"ar": "كاراكاس", "en": "Caracas"}, "description": {"ar": "x", "en": "x"}}
    ]}).to_string()
    };
    let mut fetch = |r: &str| match r {
        "a.json" => Ok(record("from a")),
        "b.json" => Ok(record("from b")),
        r => files(r),
    };
    let p = prepare_with(&doc.to_string(), &mut fetch).unwrap_or_else(|p| panic!("{p:#?}"));
    let find = |id: &str| p.doc.entities.iter().find(|e| e.id == id).unwrap();
    assert_eq!(find("venezuela").description.en, "from b");
    assert!(find("caracas").description.en.contains("as this document describes it"));
}

#[test]
fn catalogue_problems_name_the_catalogue_and_the_record() {
    let mut doc: serde_json::Value = serde_json::from_str(ARTICLE).unwrap();
    doc["catalogues"] = json!(["bad.json", "missing.json"]);
    let bad = json!({"format": "article-explorer/catalogue", "version": 1, "entities": [
        {"id": "nicolas-maduro", "kind": "person", "name": {"ar": "مادورو", "en": "Maduro"}, "description": {"ar": "", "en": "x"},
         "aliases": [{"text": "كاراكاس", "metonym_of": "caracas"}],
         "claims": [{"text": {"ar": "x", "en": "x"}, "evidence": {"block": 0, "exact": "x"}}]}
    ]})
    .to_string();
    let mut fetch = |r: &str| if r == "bad.json" { Ok(bad.clone()) } else { Err("no such file".to_owned()) };
    let problems = prepare_with(&doc.to_string(), &mut fetch).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    for want in [
        "catalogues[bad.json].entities[nicolas-maduro].description.ar",
        "catalogues[bad.json].entities[nicolas-maduro].claims",
        "catalogues[bad.json].entities[nicolas-maduro].aliases[0].metonym_of",
        "catalogues[1]",
    ] {
        assert!(paths.contains(&want), "{want}: {problems:#?}");
    }
    let said: Vec<String> =
        problems.iter().map(|p| article_authoring::words::plain(&p.message, article_format::i18n::Lang::En)).collect();
    assert!(said.iter().any(|m| m.contains("missing.json") && m.contains("no such file")), "{said:#?}");
}

/// Rejecting a suggestion in the studio adds a `mentions.suppress` quote: then it is suggested
/// no more in that document (issue 22), and nothing else changes.
#[test]
fn a_suppressed_place_is_suggested_no_more() {
    let said = |json: &str| -> Vec<String> {
        let p = prepare_with(json, &mut files).unwrap_or_else(|p| panic!("{p:#?}"));
        article_authoring::suggest::suggestions(&p, &[]).iter().map(|s| s.range.of(p.text(s.text)).to_owned()).collect()
    };
    let before = said(ARTICLE);
    assert!(before.iter().any(|w| w == "فينزويلا"), "{before:?}");
    let mut doc: serde_json::Value = serde_json::from_str(ARTICLE).unwrap();
    let block = doc["article"]["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .position(|b| b["text"].as_str().unwrap().contains("تقول فينزويلا"))
        .unwrap();
    doc["mentions"]["suppress"] = json!([{ "block": block, "exact": "فينزويلا", "prefix": "تقول " }]);
    let after = said(&doc.to_string());
    assert!(!after.iter().any(|w| w == "فينزويلا"), "{after:?}");
    assert_eq!(after.len(), before.len() - 1);
}
