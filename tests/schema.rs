//! The published JSON Schema (`schema/document.schema.json`) is the one generated from the Rust
//! types. Run with `UPDATE_GENERATED=1` to rewrite it after changing the format.
#![cfg(not(target_arch = "wasm32"))]

use article_explorer::model::Document;

#[test]
fn checked_in_schema_equals_the_generated_one() {
    let schema = schemars::schema_for!(Document);
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/document.schema.json");
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
        std::fs::write(path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    assert!(checked_in == generated, "schema/document.schema.json is stale: run `UPDATE_GENERATED=1 cargo test --test schema`");
}

#[test]
fn the_seed_document_has_every_top_level_field_of_the_schema() {
    let schema = serde_json::to_value(schemars::schema_for!(Document)).unwrap();
    let seed: serde_json::Value = serde_json::from_str(article_explorer::seed::SEED_JSON).unwrap();
    for key in schema["properties"].as_object().unwrap().keys() {
        assert!(seed.get(key).is_some(), "the seed document lacks {key}");
    }
}
