//! Publishing throughput: a few hundred authoring documents (variants of the seed, from one to
//! eight times its length, with the seed's entities and relations) validated, prepared and written
//! as published JSON, one after another and on every core as `cargo xtask publish` does.
//! Documents per second is the counter. `validate_a_large_document` times validation alone on a
//! document of several MB (the seed's body 300 times, 1,000 extra entities): the figure the
//! validation tests no longer print.
//!
//!     cargo bench -p xtask --bench publish

use article_authoring::publish::publish_json;

fn main() {
    divan::main();
}

const DOCUMENTS: usize = 300;

/// The seed with its body repeated `times` times (evidence quotes still anchor in the first copy).
fn variant(seed: &serde_json::Value, times: usize) -> String {
    let mut doc = seed.clone();
    let blocks = doc["article"]["blocks"].as_array().cloned().unwrap_or_default();
    let all: Vec<serde_json::Value> = (0..times).flat_map(|_| blocks.clone()).collect();
    doc["article"]["blocks"] = serde_json::Value::Array(all);
    doc.to_string()
}

fn documents() -> Vec<String> {
    let seed: serde_json::Value = serde_json::from_str(article_authoring::seed::SEED_JSON).unwrap();
    let docs: Vec<String> = (0..DOCUMENTS).map(|i| variant(&seed, 1 + i % 8)).collect();
    for d in &docs[..8] {
        publish_json(d).expect("the variants are valid");
    }
    docs
}

#[divan::bench(sample_count = 5)]
fn publish_one_after_another(bencher: divan::Bencher) {
    let docs = documents();
    bencher
        .counter(divan::counter::ItemsCount::new(DOCUMENTS))
        .bench(|| docs.iter().map(|d| publish_json(divan::black_box(d)).map(|p| p.len()).unwrap_or(0)).sum::<usize>());
}

#[divan::bench(sample_count = 5)]
fn publish_on_every_core(bencher: divan::Bencher) {
    let docs = documents();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    bencher.counter(divan::counter::ItemsCount::new(DOCUMENTS)).bench(|| {
        let next = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(d) = docs.get(i) else { break };
                    let _ = divan::black_box(publish_json(d));
                });
            }
        });
    });
}

#[divan::bench(sample_count = 3)]
fn validate_a_large_document(bencher: divan::Bencher) {
    let seed: serde_json::Value = serde_json::from_str(article_authoring::seed::SEED_JSON).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&variant(&seed, 300)).unwrap();
    let entities = doc["entities"].as_array_mut().unwrap();
    for i in 0..1000 {
        entities.push(serde_json::json!({ "id": format!("e{i}"), "kind": "event", "name": { "ar": "ح", "en": "e" },
            "aliases": [format!("حدث{i}")], "description": { "ar": "و", "en": "d" } }));
    }
    let text = doc.to_string();
    article_authoring::model::load(&text).expect("valid");
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| article_authoring::model::load(divan::black_box(&text)).is_ok());
}
