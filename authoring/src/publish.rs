//! Publishing: an authoring document, validated and prepared, written as the published document
//! readers download (`article_format::published`), with everything the reader would otherwise
//! compute on every page view computed once: mentions (UTF-16 offsets, what the DOM counts),
//! anchored quotes, resolved ids, the predicates' labels, the endnotes, the map's region.

use article_format::published::*;
use article_format::reading::{read_if_published, Reading};

use crate::model::prepared::Prepared;
use crate::model::{Bilingual, BlockRef, MapData, Predicate, Problem, Quote};
use crate::text::{normalize_str, MentionSource, Utf8Range};

/// UTF-16 length of `text[..byte]`.
fn utf16_at(text: &str, byte: usize) -> u32 {
    text[..byte].encode_utf16().count() as u32
}

fn span(p: &Prepared, text: BlockRef, range: Utf8Range) -> Span {
    let t = p.text(text);
    Span(text_index(text), utf16_at(t, range.start), utf16_at(t, range.end))
}

/// Publishes a prepared document (it should have passed validation: whatever does not resolve is
/// left out, as [`Prepared`] does).
pub fn publish(p: &Prepared) -> Published {
    let doc = &p.doc;
    let index = |id: &String| p.entity_index(id).map(|i| i as u32);
    let anchor = |q: &Quote| crate::model::anchor_of(&doc.article, q).map(|(t, r)| span(p, t, r));

    let texts: Vec<BlockRef> =
        std::iter::once(BlockRef::HEADLINE).chain((0..doc.article.blocks.len()).map(BlockRef::Block)).collect();
    let mut metonym_uses = vec![Vec::new(); doc.entities.len()];
    let mentions = texts
        .iter()
        .map(|&t| {
            let text = p.text(t);
            p.mentions_of(t)
                .iter()
                .map(|m| {
                    let entity = &doc.entities[m.entity];
                    let mut flags = 0;
                    if m.adjective {
                        flags |= flag::ADJECTIVE;
                    }
                    match m.source {
                        MentionSource::Alias(a) | MentionSource::Variant(a) => {
                            if let Some(target) =
                                entity.aliases.get(a).and_then(|a| a.metonym_of()).and_then(|id| p.entity_index(id))
                            {
                                flags |= flag::METONYM;
                                metonym_uses[target].push(m.entity as u32);
                            }
                        }
                        MentionSource::Added => flags |= flag::ADDED,
                    }
                    let words = normalize_str(m.range.of(text));
                    if words == normalize_str(&entity.name.ar) {
                        flags |= flag::IS_NAME_AR;
                    }
                    if words == normalize_str(&entity.name.en) {
                        flags |= flag::IS_NAME_EN;
                    }
                    PublishedMention(utf16_at(text, m.range.start), utf16_at(text, m.range.end), m.entity as u32, flags)
                })
                .collect()
        })
        .collect();

    let entities = doc
        .entities
        .iter()
        .zip(metonym_uses)
        .map(|(e, metonym_uses)| PublishedEntity {
            id: e.id.clone(),
            kind: e.kind,
            name: e.name.clone(),
            description: e.description.clone(),
            claims: e
                .claims
                .iter()
                .map(|c| PublishedClaim {
                    text: c.text.clone(),
                    evidence: anchor(&c.evidence),
                    asserted_by: c.asserted_by.iter().flat_map(|s| s.ids()).filter_map(index).collect(),
                })
                .collect(),
            wikidata: e.wikidata.clone(),
            coordinates: e.coordinates,
            metonym_uses,
        })
        .collect();

    let mut used: Vec<Predicate> = Vec::new();
    let relations = p
        .relations
        .iter()
        .map(|r| {
            let rel = &doc.relations[r.relation];
            let predicate = used.iter().position(|&u| u == rel.predicate).unwrap_or_else(|| {
                used.push(rel.predicate);
                used.len() - 1
            });
            PublishedRelation {
                subject: r.subject as u32,
                predicate: predicate as u32,
                object: r.object as u32,
                evidence: r.evidence.map(|(t, range)| span(p, t, range)),
                asserted_by: r.asserted_by.iter().map(|&a| a as u32).collect(),
                when: rel.when.clone(),
                detail: rel.detail.clone(),
            }
        })
        .collect();

    let mut notes: Vec<(u32, u32, Bilingual)> = p
        .notes
        .iter()
        .filter_map(|(&(t, i), &k)| Some((text_index(t), i as u32, doc.mentions.add[k].note.clone()?)))
        .collect();
    notes.sort_by_key(|n| (n.0, n.1));

    let timeline = doc
        .timeline
        .iter()
        .map(|t| PublishedEvent {
            id: t.id.clone(),
            label: t.label.clone(),
            when: t.when.clone(),
            date: t.date.clone(),
            order: t.order,
            entities: t.entities.iter().filter_map(index).collect(),
            evidence: t.evidence.as_ref().and_then(anchor),
        })
        .collect();

    Published {
        format: FORMAT.to_owned(),
        version: VERSION,
        article: doc.article.clone(),
        entities,
        mentions,
        relations,
        predicates: used
            .into_iter()
            .map(|p| {
                let l = p.labels();
                PublishedPredicate([l.ar, l.en, l.inverse_ar, l.inverse_en].map(str::to_owned).to_vec())
            })
            .collect(),
        endnotes: p.endnote_order.iter().map(|&e| e as u32).collect(),
        notes,
        // The region, unless it is the default (the Caribbean), which an absent one means.
        map: MapData {
            region: Some(article_format::geo::map_region(&doc.map).name)
                .filter(|&r| r != article_format::geo::REGIONS[0].name)
                .map(str::to_owned),
            ..doc.map.clone()
        },
        timeline,
    }
}

/// Validates and publishes an authoring document given as JSON: the published document as JSON,
/// or every problem found (with its path).
pub fn publish_json(json: &str) -> Result<String, Vec<Problem>> {
    publish_json_with(json, &mut |_| {
        Err(crate::words::plain(
            &article_format::said!(article_format::problem::Code::NoCatalogues),
            article_format::i18n::Lang::En,
        ))
    })
}

/// [`publish_json`] for a document that names catalogues, read through `fetch` (reference →
/// JSON): the entities the article uses are kept, the others left out.
pub fn publish_json_with(
    json: &str,
    fetch: &mut dyn FnMut(&str) -> Result<String, String>,
) -> Result<String, Vec<Problem>> {
    let published = publish(&crate::catalogue::prepare_with(json, fetch)?);
    serde_json::to_string(&published).map_err(|e| {
        vec![Problem::new("", article_format::said!(article_format::problem::Code::CannotWrite, e.to_string()))]
    })
}

/// Reads any document given as JSON: a published one as it is, an authoring one after
/// validating and publishing it (natively: the build, tools and tests).
pub fn read_any(json: &str) -> Result<Reading, Vec<Problem>> {
    read_if_published(json).unwrap_or_else(|| Reading::from_json(&publish_json(json)?))
}

/// Problems worded in `lang` for a page: (where, in an editor's terms, from the document when it
/// parses; what). What the publisher module throws, and what the reader shows of an authoring
/// document it could not publish.
pub fn worded(problems: &[Problem], json: &str, lang: article_format::i18n::Lang) -> Vec<(String, String)> {
    let doc = serde_json::from_str::<crate::model::Document>(json).ok();
    problems
        .iter()
        .map(|p| (crate::words::place(&p.path, doc.as_ref(), lang), crate::words::say(&p.message, lang)))
        .collect()
}

/// A published document (or a text that is not JSON) read, its problems worded for a page in
/// `lang`, each placed in a reader's terms ("paragraph 2, mention 1"); None for an authoring
/// document. The reader carries no words for what is wrong with a document: it asks the
/// publisher module, which says it with these.
pub fn read_worded(json: &str, lang: article_format::i18n::Lang) -> Option<Result<(), Vec<(String, String)>>> {
    use article_format::words::{place, say};
    Some(match read_if_published(json)? {
        Ok(_) => Ok(()),
        Err(problems) => Err(problems.iter().map(|p| (place(p, lang), say(&p.message, lang))).collect()),
    })
}

/// [`publish_json`], its problems worded in `lang` ([`worded`]); a published document as it is,
/// or its problems worded ([`read_worded`]): the reader's native publisher in tests.
pub fn publish_worded(json: &str, lang: article_format::i18n::Lang) -> Result<String, Vec<(String, String)>> {
    match read_worded(json, lang) {
        Some(read) => read.map(|()| json.to_owned()),
        None => publish_json(json).map_err(|p| worded(&p, json, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_format::reading::*;

    fn seed() -> (Prepared, Published) {
        let p = Prepared::new(crate::seed::document().expect("valid"));
        let published = publish(&p);
        (p, published)
    }

    #[test]
    fn publishing_then_reading_gives_the_prepared_mentions_back() {
        let (p, published) = seed();
        let json = serde_json::to_string(&published).unwrap();
        assert!(is_published(&json));
        let r = Reading::from_json(&json).expect("the published seed reads");
        let from_prepared: Vec<(BlockRef, Utf8Range, usize)> =
            p.all_mentions().map(|(t, m)| (t, m.range, m.entity)).collect();
        let from_reading: Vec<(BlockRef, Utf8Range, usize)> =
            r.all_mentions().map(|(t, m)| (t, m.range(), m.entity())).collect();
        assert_eq!(from_prepared, from_reading);
        assert!(!from_reading.is_empty());
        for (t, m) in p.all_mentions() {
            assert_eq!(m.range.of(p.text(t)), m.range.of(r.text(t)));
        }
        // Evidence quotes anchor to the same words.
        for (k, rel) in p.relations.iter().enumerate() {
            let (t, range) = rel.evidence.expect("seed evidence anchors");
            assert_eq!(r.words(r.doc.relations[k].evidence.unwrap()), range.of(p.text(t)));
        }
        assert_eq!(r.endnote, p.endnote);
        assert_eq!(
            r.by_entity.iter().map(Vec::len).collect::<Vec<_>>(),
            p.by_entity.iter().map(Vec::len).collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_small_reader_reads_what_serde_reads() {
        let (_, published) = seed();
        let json = serde_json::to_string(&published).unwrap();
        assert_eq!(read_published(&json).unwrap(), serde_json::from_str::<Published>(&json).unwrap());
        assert_eq!(read_published(&json).unwrap(), published);
        let problems = read_published("{\"format\": 1}").unwrap_err();
        assert_eq!(problems[0].path, "format");
    }

    #[test]
    fn metonyms_and_names_are_flagged() {
        let (p, published) = seed();
        let washington = p.entity_index("washington").unwrap();
        let uses = p.metonym_uses(washington).count();
        assert!(uses > 0);
        assert_eq!(published.entities[washington].metonym_uses.len(), uses);
        let flagged = published.mentions.iter().flatten().filter(|m| m.has(flag::METONYM)).count();
        let expected: usize = (0..p.doc.entities.len()).map(|e| p.metonym_uses(e).count()).sum();
        assert_eq!(flagged, expected);
    }

    #[test]
    fn relations_carry_their_predicates_labels_each_once() {
        let (p, published) = seed();
        let mut used: Vec<Predicate> = p.doc.relations.iter().map(|r| r.predicate).collect();
        used.sort();
        used.dedup();
        assert_eq!(published.predicates.len(), used.len(), "each used predicate once, no other");
        for (r, rel) in published.relations.iter().zip(&p.doc.relations) {
            let carried = &published.predicates[r.predicate as usize];
            let labels = rel.predicate.labels();
            assert_eq!(carried.label(article_format::i18n::Lang::Ar, true), labels.ar);
            assert_eq!(carried.label(article_format::i18n::Lang::En, false), labels.inverse_en);
            assert_eq!(carried.is_symmetric(), rel.predicate.is_symmetric(), "{:?}", rel.predicate);
        }
        for p in Predicate::ALL {
            let l = p.labels();
            assert_eq!(
                l.ar == l.inverse_ar && l.en == l.inverse_en,
                p.is_symmetric(),
                "{p:?}: symmetric exactly when both directions read alike"
            );
        }
    }

    #[test]
    fn every_source_of_a_relation_is_kept_in_order() {
        let (p, _) = seed();
        let mut doc = p.doc.clone();
        doc.relations[0].asserted_by =
            Some(crate::model::Sources::Many(vec!["tass".into(), "venezuelan-government".into()]));
        let again = publish(&Prepared::new(doc));
        let names: Vec<&str> =
            again.relations[0].asserted_by.iter().map(|&i| again.entities[i as usize].id.as_str()).collect();
        assert_eq!(names, ["tass", "venezuelan-government"]);
        let r = Reading::from_json(&serde_json::to_string(&again).unwrap()).unwrap();
        assert_eq!(r.asserters(&r.doc.relations[0].asserted_by).count(), 2);
    }

    #[test]
    fn the_format_is_told_apart() {
        assert!(is_published("{\"format\":\"article-explorer/published\",\"version\":1}"));
        assert!(is_published("  {\n  \"version\": 1, \"format\" : \"article-explorer/published\"}"));
        assert!(!is_published(crate::seed::SEED_JSON));
        assert!(!is_published("{\"version\":1,\"format\":\"something else\"}"));
        assert!(!is_published("[{\"format\":\"article-explorer/published\"}]"));
        assert!(!is_published(""));
        assert!(read_if_published(crate::seed::SEED_JSON).is_none());
        let broken =
            read_if_published("{\"a\": [1,,]}").expect("a syntax error is reported by the reader").unwrap_err();
        let said = crate::words::plain(&broken[0].message, article_format::i18n::Lang::En);
        assert!(said.starts_with("JSON syntax error at character 10"), "{said}");
    }

    fn reading_problems(edit: impl Fn(&mut serde_json::Value)) -> Vec<Problem> {
        let (_, published) = seed();
        let mut v = serde_json::to_value(&published).unwrap();
        edit(&mut v);
        Reading::from_json(&v.to_string()).expect_err("must be refused")
    }

    #[test]
    fn hostile_offsets_and_indices_are_refused_with_their_path() {
        type Edit = Box<dyn Fn(&mut serde_json::Value)>;
        let cases: Vec<(&str, Edit)> = vec![
            ("mentions[1][0]", Box::new(|v| v["mentions"][1][0][1] = 100_000.into())),
            ("mentions[1][0]", Box::new(|v| v["mentions"][1][0][2] = 9_999.into())),
            (
                "mentions[1][1]",
                Box::new(|v| {
                    let a = v["mentions"][1][0].clone();
                    v["mentions"][1][1] = a;
                }),
            ),
            ("relations[0].subject", Box::new(|v| v["relations"][0]["subject"] = 4_000_000.into())),
            ("relations[0].evidence", Box::new(|v| v["relations"][0]["evidence"][0] = 999.into())),
            ("entities[0].id", Box::new(|v| v["entities"][0]["id"] = "a\"]<x>".into())),
            (
                "entities[1].id",
                Box::new(|v| {
                    let a = v["entities"][0]["id"].clone();
                    v["entities"][1]["id"] = a;
                }),
            ),
            (
                "article.source.url",
                Box::new(|v| v["article"]["source"] = serde_json::json!({"name": "x", "url": "javascript:alert(1)"})),
            ),
            ("endnotes[0]", Box::new(|v| v["endnotes"][0] = 10_000.into())),
            ("version", Box::new(|v| v["version"] = 2.into())),
            (
                "mentions",
                Box::new(|v| {
                    v["mentions"].as_array_mut().unwrap().pop();
                }),
            ),
            ("relations[0].predicate", Box::new(|v| v["relations"][0]["predicate"] = 1_000.into())),
            (
                "relations[0].asserted_by[0]",
                Box::new(|v| v["relations"][0]["asserted_by"] = serde_json::json!([77_777])),
            ),
        ];
        for (path, edit) in cases {
            let problems = reading_problems(edit);
            assert!(problems.iter().any(|p| p.path == path), "{path}: {problems:?}");
        }
    }

    #[test]
    fn an_offset_inside_a_surrogate_pair_is_refused() {
        let (_, mut published) = seed();
        published
            .article
            .blocks
            .push(crate::model::Block { kind: crate::model::BlockKind::Paragraph, text: "😀 abc".into() });
        let last = published.mentions.len();
        published.mentions.push(vec![PublishedMention(1, 4, 0, 0)]);
        let problems = Reading::new(published.clone()).unwrap_err();
        assert_eq!(problems[0].message.code, article_format::problem::Code::RangeCutsCharacter, "{problems:?}");
        published.mentions[last] = vec![PublishedMention(3, 6, 0, 0)];
        let r = Reading::new(published).expect("on boundaries");
        assert_eq!(r.words(Span(last as u32, r.doc.mentions[last][0].0, r.doc.mentions[last][0].1)), "abc");
    }

    #[test]
    fn utf16_offsets_are_what_the_dom_counts() {
        let (p, published) = seed();
        for (t, m) in p.all_mentions() {
            let pm = &published.mentions[text_index(t) as usize];
            let k = p.mentions_of(t).iter().position(|x| x == m).unwrap();
            let units: Vec<u16> = p.text(t).encode_utf16().collect();
            let words = String::from_utf16(&units[pm[k].0 as usize..pm[k].1 as usize]).unwrap();
            assert_eq!(words, m.range.of(p.text(t)));
        }
    }
}
