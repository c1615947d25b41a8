//! The JSON Schemas of both formats (`schema/document.schema.json` for authoring documents,
//! `schema/published.schema.json` for published ones) are the ones generated from the Rust types.
//! Run with `UPDATE_GENERATED=1` to rewrite them after changing a format.
#![cfg(not(target_arch = "wasm32"))]

use article_authoring::model::Document;
use article_authoring::publish::publish;
use article_format::published::Published;

fn check(name: &str, schema: schemars::Schema) {
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = format!("{}/../schema/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(std::path::Path::new(&path).parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "schema/{name} is stale: run `UPDATE_GENERATED=1 cargo test -p article-authoring --test schema`"
    );
}

#[test]
fn checked_in_schemas_equal_the_generated_ones() {
    check("document.schema.json", schemars::schema_for!(Document));
    check("published.schema.json", schemars::schema_for!(Published));
}

#[test]
fn the_shipped_documents_use_every_top_level_field_of_the_schema() {
    // The seed is self-contained; the catalogue test article draws on the sample catalogue.
    let schema = serde_json::to_value(schemars::schema_for!(Document)).unwrap();
    let seed: serde_json::Value = serde_json::from_str(article_authoring::seed::SEED_JSON).unwrap();
    let other: serde_json::Value = serde_json::from_str(include_str!("articles/port-of-spain.json")).unwrap();
    for key in schema["properties"].as_object().unwrap().keys() {
        assert!(seed.get(key).is_some() || other.get(key).is_some(), "no shipped document has {key}");
    }
    assert!(other.get("catalogues").is_some());
}

#[test]
fn the_catalogue_schema_is_the_generated_one_and_the_sample_has_its_fields() {
    check("catalogue.schema.json", schemars::schema_for!(article_authoring::catalogue::Catalogue));
    let sample: serde_json::Value = serde_json::from_str(include_str!("../../assets/catalogues/sample.json")).unwrap();
    let schema = serde_json::to_value(schemars::schema_for!(article_authoring::catalogue::Catalogue)).unwrap();
    for key in schema["properties"].as_object().unwrap().keys() {
        assert!(sample.get(key).is_some(), "the sample catalogue lacks {key}");
    }
}

#[test]
fn the_published_seed_has_every_top_level_field_of_its_schema() {
    let schema = serde_json::to_value(schemars::schema_for!(Published)).unwrap();
    let doc = article_authoring::seed::document().unwrap();
    let published = serde_json::to_value(publish(&article_authoring::model::Prepared::new(doc))).unwrap();
    for key in schema["properties"].as_object().unwrap().keys() {
        assert!(published.get(key).is_some(), "the published seed lacks {key}");
    }
    for key in published.as_object().unwrap().keys() {
        assert!(schema["properties"].get(key).is_some(), "{key} is not in the schema");
    }
}
