// What the fuzz target (`fuzz/fuzz_targets/document.rs`) and the `any_input` test both run on an
// input: included by each (`include!`), so the fuzz target compiles whenever the tests do.

/// Reads `data` every way the tools read a file, and checks what comes out: nothing panics, and
/// every mention found or read lies on char boundaries of its text; a published document read
/// keeps every promise of strict reading, and what is computed from it stays within its bounds.
#[allow(dead_code)]
pub fn any_input(data: &[u8]) {
    use article_authoring::model::{validate, Prepared};
    use article_authoring::publish::publish;
    use article_format::reading::Reading;
    let Ok(json) = std::str::from_utf8(data) else { return };
    let _ = validate::load(json);
    // Prepare even documents that fail validation (the tools never do, but nothing may panic).
    if let Ok(doc) = validate::parse_all(json) {
        let catalogue = doc.clone();
        let prepared = Prepared::new(doc);
        for (text, m) in prepared.all_mentions() {
            let t = prepared.text(text);
            assert!(m.range.start < m.range.end && m.range.end <= t.len());
            assert!(t.is_char_boundary(m.range.start) && t.is_char_boundary(m.range.end));
        }
        let _ = article_authoring::suggest::suggestions(&prepared, &catalogue.entities);
        let _ = publish(&prepared);
        // Studio edits on any document, on words of its first block: refused with a reason or
        // applied, never a panic.
        let first = catalogue.entities.first().map(|e| e.id.clone()).unwrap_or_default();
        let block = catalogue.article.blocks.first().map(|b| b.text.clone()).unwrap_or_default();
        let mut studio = article_authoring::studio::Studio::new(catalogue, Vec::new());
        let boundary = |at: usize| (0..=at.min(block.len())).rev().find(|&i| block.is_char_boundary(i)).unwrap_or(0);
        let range = article_authoring::text::Utf8Range { start: boundary(block.len() / 4), end: boundary(block.len() / 2) };
        let at = article_authoring::studio::Selection { text: article_authoring::model::BlockRef::Block(0), range };
        use article_authoring::studio::Edit;
        let _ = studio.apply(Edit::AddAlias { entity: first.clone(), at });
        let _ = studio.apply(Edit::AddMention { entity: first, at });
        let _ = studio.apply(Edit::Suppress { at });
        let _ = studio.apply(Edit::NewEntity {
            kind: article_authoring::model::EntityKind::Person,
            name_en: "A name".into(),
            guessed: true,
            at,
        });
        let doc = studio.doc().clone();
        let _ = article_authoring::studio::english_name(&doc, &[], at);
        let _ = article_authoring::studio::predicate_hints(&doc, at);
        let _ = article_authoring::studio::search(&doc, &[], "م", 5);
        if let Some(e) = doc.entities.first() {
            let _ = studio.apply(Edit::DeleteEntity { entity: e.id.clone(), uses: true });
        }
        let _ = studio.apply(Edit::DeleteRelation { index: 0 });
        let checked = studio.check(&[]);
        let _ = article_authoring::studio::relation_ends(&checked.prepared, at);
        // Every problem is worded, in both languages, and placed.
        for p in checked.errors.iter().chain(&checked.warnings) {
            for lang in [article_format::i18n::Lang::Ar, article_format::i18n::Lang::En] {
                assert!(!article_authoring::words::say(&p.message, lang).is_empty());
                let _ = article_authoring::words::place(&p.path, Some(studio.doc()), lang);
            }
        }
        let _ = studio.to_json();
        for s in studio.history().0 {
            let json = article_authoring::studio::snapshot_to_json(s);
            assert_eq!(article_authoring::studio::snapshot_from_json(&json).as_ref(), Some(s));
        }
    }
    // The same input as a catalogue, and as a document whose every catalogue is the input itself.
    let _ = article_authoring::catalogue::parse("input", json);
    let _ = article_authoring::catalogue::prepare_with(json, &mut |_| Ok(json.to_owned()));
    // The same input as a published document: refused, or every range checked.
    if let Ok(r) = Reading::from_json(json) {
        for (text, m) in r.all_mentions() {
            let t = r.text(text);
            assert!(m.range().start < m.range().end && m.range().end <= t.len());
            assert!(t.is_char_boundary(m.range().start) && t.is_char_boundary(m.range().end));
            assert!(m.entity() < r.doc.entities.len());
        }
        // What strict reading promises of every document it reads (issue 23): ranges on
        // grapheme clusters, within the limits, names safe to show, timeline ids unique, the
        // region one the build ships, links only to the web.
        assert!(r.all_mentions().count() <= article_format::limits::MENTIONS);
        assert!(r.doc.entities.len() <= article_format::limits::ENTITIES);
        assert!(r.doc.relations.len() <= article_format::limits::RELATIONS);
        assert!(r.doc.timeline.len() <= article_format::limits::EVENTS);
        for (text, m) in r.all_mentions() {
            let t = r.text(text);
            let first = t[m.range().start..].chars().next();
            let after = t[m.range().end..].chars().next();
            assert!(!first.is_some_and(article_format::reading::continues), "a mention starts inside a letter");
            assert!(!after.is_some_and(article_format::reading::continues), "a mention ends inside a letter");
        }
        for e in &r.doc.entities {
            assert!(article_format::reading::safe_text(&e.name.ar) && article_format::reading::safe_text(&e.name.en));
        }
        let mut ids: Vec<&str> = r.doc.timeline.iter().map(|t| t.id.as_str()).collect();
        ids.sort_unstable();
        assert!(ids.windows(2).all(|w| w[0] != w[1]), "timeline ids are unique");
        if let Some(region) = &r.doc.map.region {
            assert!(!region.contains(['/', '.', '\\']), "a region is a name, never a path: {region}");
        }
        // What the figures and the view compute from it, bounded whatever it holds.
        let sketch = article_format::handoff::Sketch::of(&r);
        let l = article_format::graph::layout(&sketch, article_format::i18n::Lang::En, false, 800.0, None);
        assert!(l.nodes.len() <= article_format::graph::MOST_ENTITIES);
        assert!(l.edges.len() <= article_format::graph::MOST_RELATIONS);
        let features = article_format::map::features(&sketch, &article_format::geo::CARIBBEAN, None);
        let steps = article_format::timeline::story(&sketch, &features);
        assert!(steps.iter().flat_map(|s| &s.features).all(|&f| f < features.len()));
        let parts = r.parts();
        assert_eq!(parts.first().map(|p| p.start), Some(0));
        assert_eq!(parts.last().map(|p| p.end), Some(r.doc.article.blocks.len()));
    }
}
