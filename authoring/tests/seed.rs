//! The seed document: its text is the seed article byte for byte, it is valid, and its mentions
//! are exactly the hand-reviewed list in `tests/data/seed-mentions.tsv`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use article_authoring::model::{plain, BlockKind, BlockRef, Prepared};
use article_authoring::seed::{self, SEED_TEXT};
use sha2::{Digest, Sha256};

/// SHA-256 of the seed file as received (`shared/seed/000_8914f6b78ec75444.txt`).
const SEED_SHA256: &str = "04e20fd00d93d6c381b63a5de8188911d97bde8b2d0b7fd5ab3f38bb241d47ef";

fn prepared() -> Prepared {
    Prepared::new(seed::document().unwrap_or_else(|problems| {
        panic!(
            "the seed document is invalid:\n{}",
            problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")
        )
    }))
}

#[test]
fn embedded_text_is_the_seed_byte_for_byte() {
    let digest = Sha256::digest(SEED_TEXT.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, SEED_SHA256, "assets/seed/article.txt differs from the seed as received");

    // Where the shared seed folder sits beside the checkout (CI, the team's machines), compare
    // with it directly too.
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seed/000_8914f6b78ec75444.txt");
    if let Ok(original) = std::fs::read(shared) {
        assert_eq!(SEED_TEXT.as_bytes(), original.as_slice());
    }
}

#[test]
fn the_document_shows_every_line_of_the_seed_unchanged_and_in_order() {
    let doc = seed::document().expect("valid");
    let lines: Vec<&str> = SEED_TEXT.lines().filter(|l| !l.trim().is_empty()).collect();
    let shown: Vec<&str> = std::iter::once(doc.article.headline.as_str())
        .chain(doc.article.blocks.iter().map(|b| b.text.as_str()))
        .collect();
    assert_eq!(shown, lines);
    // The same structure as a plain-text reading of the seed: one sub-heading, fifteen paragraphs.
    let from_text = plain::parse(SEED_TEXT);
    assert_eq!(doc.article.blocks, from_text.blocks);
    let headings = doc.article.blocks.iter().filter(|b| b.kind == BlockKind::Heading).count();
    assert_eq!((headings, doc.article.blocks.len()), (1, 16));
    assert_eq!((doc.article.language.as_str(), doc.article.direction.as_str()), ("ar", "rtl"));
}

#[test]
fn every_mention_is_linked_and_nothing_else() {
    let p = prepared();
    let found: Vec<String> = p
        .all_mentions()
        .map(|(text, m)| {
            let block = match text {
                BlockRef::Headline(_) => "H".to_owned(),
                BlockRef::Block(i) => i.to_string(),
            };
            let adj = if m.adjective { "\t(adj)" } else { "" };
            format!("{block}\t{}\t{}{adj}", p.doc.entities[m.entity].id, m.range.of(p.text(text)))
        })
        .collect();
    let expected: Vec<&str> = include_str!("data/seed-mentions.tsv").lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(found, expected);
}

#[test]
fn every_entity_the_issue_names_is_there() {
    let doc = seed::document().expect("valid");
    let ids: HashSet<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
    for id in [
        "vladimir-putin",
        "nicolas-maduro",
        "vyacheslav-volodin",
        "donald-trump",
        "russia",
        "venezuela",
        "united-states",
        "cuba",
        "nicaragua",
        "china",
        "trinidad-and-tobago",
        "north-korea",
        "latin-america",
        "caribbean-sea",
        "moscow",
        "caracas",
        "washington",
        "port-of-spain",
        "pyongyang",
        "venezuelan-coast",
        "tass",
        "state-duma",
        "cia",
        "us-marines",
        "trinidad-and-tobago-defence-force",
        "venezuelan-armed-forces",
        "us-administration",
        "us-forces",
        "venezuelan-government",
        "russia-venezuela-strategic-partnership",
        "russia-north-korea-treaty",
        "reward-for-maduro",
        "counter-narcotics-operation",
        "us-warships",
        "speedboat-sinkings",
        "us-destroyer",
        "joint-exercises",
        "national-defence-drills",
    ] {
        assert!(ids.contains(id), "missing entity {id}");
    }
}

#[test]
fn every_entity_is_reachable_from_the_text() {
    // Linked by a mention, or the literal place behind a metonym that is (واشنطن for the US
    // administration names the city of Washington).
    let p = prepared();
    let metonyms: HashSet<&str> =
        p.doc.entities.iter().flat_map(|e| e.aliases.iter().filter_map(|a| a.metonym_of())).collect();
    for (i, e) in p.doc.entities.iter().enumerate() {
        assert!(!p.by_entity[i].is_empty() || metonyms.contains(e.id.as_str()), "{} is never mentioned", e.id);
    }
}

#[test]
fn every_relation_has_evidence_in_the_text() {
    let p = prepared();
    assert_eq!(p.relations.len(), p.doc.relations.len());
    for r in &p.relations {
        assert!(r.evidence.is_some(), "relations[{}] has no evidence", r.relation);
    }
}

#[test]
fn who_says_it_is_kept() {
    let p = prepared();
    let says = |subject: &str, object: &str| {
        p.doc
            .relations
            .iter()
            .find(|r| r.subject == subject && r.object == object)
            .and_then(|r| r.asserted_by.as_ref())
            .map(|s| s.ids().join(","))
    };
    // Caracas accuses Trinidad and Tobago and the CIA; the article does not.
    assert_eq!(says("venezuelan-government", "trinidad-and-tobago").as_deref(), Some("venezuelan-government"));
    assert_eq!(says("trinidad-and-tobago", "cia").as_deref(), Some("venezuelan-government"));
    // TASS, not the article, says what the agreement aims at.
    let agreement = p.doc.entities.iter().find(|e| e.id == "russia-venezuela-strategic-partnership").unwrap();
    assert!(agreement.claims.iter().any(|c| c.asserted_by.as_ref().map(|s| s.ids()) == Some(&["tass".to_owned()][..])));
}

/// The slug of an English name: lowercase ASCII letters and digits, other runs made one hyphen,
/// accents dropped (Nicolás → nicolas).
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ï' => 'i',
            'ó' | 'ö' => 'o',
            'ú' | 'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '’' {
            continue;
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[test]
fn ids_are_slugs_of_the_english_names() {
    let doc = seed::document().expect("valid");
    for e in &doc.entities {
        assert_eq!(e.id, slug(&e.name.en), "entity {:?}", e.name.en);
    }
}

/// `assets/seed/article.published.json`, which the format layer's tests and the reader read, is
/// the seed document as published now. `UPDATE_GENERATED=1` rewrites it.
#[test]
fn the_published_seed_is_current() {
    let published = article_authoring::publish::publish_json(seed::SEED_JSON).expect("the seed publishes") + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/seed/article.published.json");
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(path, &published).unwrap();
    }
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        checked_in == published,
        "assets/seed/article.published.json is stale: run `UPDATE_GENERATED=1 cargo test -p article-authoring --test seed`"
    );
}
