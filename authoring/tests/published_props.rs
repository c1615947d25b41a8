//! A hostile published document never panics the reader and never reaches the view unchecked:
//! generated documents (the published seed with random indices, offsets, flags, ids and texts,
//! and arbitrary JSON) either are refused with problems that each name a path, or read into a
//! [`Reading`] whose every range lies on character boundaries inside its text and whose every
//! index is in range.
#![cfg(not(target_arch = "wasm32"))]

use article_authoring::publish::publish;

use article_format::published::Published;

use article_format::reading::Reading;
use proptest::prelude::*;
use serde_json::Value;

fn seed() -> Value {
    let doc = article_authoring::seed::document().unwrap();
    serde_json::to_value(publish(&article_authoring::model::Prepared::new(doc))).unwrap()
}

/// Everything a view reads from a reading, touched: panics here are what the test looks for.
fn touch_everything(r: &Reading) {
    let n = r.doc.entities.len();
    for (t, m) in r.all_mentions() {
        let text = r.text(t);
        let range = m.range();
        assert!(range.start < range.end && range.end <= text.len());
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        assert!(m.entity() < n);
        let _ = r.mention_class(m);
    }
    for rel in &r.doc.relations {
        assert!((rel.subject as usize) < n && (rel.object as usize) < n);
        if let Some(s) = rel.evidence {
            let _ = r.words(s);
        }
        assert_eq!(r.asserters(&rel.asserted_by).count(), rel.asserted_by.len());
        let _ = r.predicate(rel).label(article_format::i18n::Lang::En, false);
    }
    for e in 0..n {
        let _ = r.neighbours(e).count();
        for m in &r.by_entity[e] {
            assert!(r.mentions_of(m.text).get(m.index).is_some());
        }
    }
    // What the figures module gets of it: every index in range again.
    let sketch = article_format::handoff::Sketch::of(r);
    for width in [1000.0, 328.0, 40.0] {
        let _ = article_format::graph::layout(&sketch, article_format::i18n::Lang::Ar, true, width, None);
        if n > 0 {
            let _ = article_format::graph::layout(&sketch, article_format::i18n::Lang::En, false, width, Some(n - 1));
        }
    }
    let _ = article_format::map::features(&sketch, &article_format::geo::CARIBBEAN, None);
    let _ = article_format::prerender::json_ld(r);
}

/// A number a hostile document might hold where an index or offset goes.
fn hostile_number() -> impl Strategy<Value = i64> {
    prop_oneof![0i64..4, 0i64..600, Just(u32::MAX as i64), Just(-1), Just(1 << 40)]
}

/// Paths of the seed's numeric fields a mutation may hit.
fn numeric_paths(v: &Value, path: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    match v {
        Value::Number(_) => out.push(path.clone()),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                path.push(Value::from(i));
                numeric_paths(x, path, out);
                path.pop();
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                path.push(Value::from(k.as_str()));
                numeric_paths(x, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match k {
        Value::Number(i) => &mut v[i.as_u64().unwrap() as usize],
        Value::String(s) => &mut v[s.as_str()],
        _ => unreachable!(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, ..ProptestConfig::default() })]

    #[test]
    fn numbers_anywhere_are_checked(edits in prop::collection::vec((any::<prop::sample::Index>(), hostile_number()), 1..6)) {
        let mut v = seed();
        let mut paths = Vec::new();
        numeric_paths(&v, &mut Vec::new(), &mut paths);
        for (which, number) in edits {
            let path = which.get(&paths);
            *at(&mut v, path) = Value::from(number);
        }
        match Reading::from_json(&v.to_string()) {
            Ok(r) => touch_everything(&r),
            Err(problems) => prop_assert!(
                !problems.is_empty()
                    && problems.iter().all(|p| !article_format::words::say(&p.message, article_format::i18n::Lang::En).is_empty())
            ),
        }
    }

    #[test]
    fn texts_changed_under_their_offsets_are_checked(text in "\\PC{0,40}", block in 0usize..12, headline in any::<bool>()) {
        let mut published: Published = serde_json::from_value(seed()).unwrap();
        if headline {
            published.article.headline = text;
        } else {
            let b = block % published.article.blocks.len();
            published.article.blocks[b].text = text;
        }
        if let Ok(r) = Reading::new(published) {
            touch_everything(&r);
        }
    }

    #[test]
    fn arbitrary_json_never_panics(json in "\\PC{0,200}") {
        let _ = Reading::from_json(&json);
        let _ = article_authoring::publish::read_any(&json);
    }
}

#[test]
fn the_published_seed_itself_reads() {
    touch_everything(&Reading::from_json(&seed().to_string()).unwrap());
}
