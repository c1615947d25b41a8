//! Pages and documents for the benchmark (`scripts/bench`), written into a release build:
//! - `static.html`: the seed article as plain static HTML with the same stylesheets and font and
//!   no script: the floor for paint and size;
//! - `bench/long.json`: a generated, valid document of 20,000 words and 300 entities, published, to check
//!   that click-to-panel latency does not grow with article length.

use std::path::Path;

use article_authoring::model::load;

use crate::html::without;
use serde_json::json;

pub fn run(dist: &Path) -> Result<(), String> {
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("{}: {e} (build first)", dist.display()))?;
    std::fs::write(dist.join("static.html"), static_page(&index)?).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(dist.join("bench")).map_err(|e| e.to_string())?;
    let long = long_document(20_000, 300);
    if let Err(problems) = load(&long) {
        return Err(format!("the generated document is invalid: {}", article_authoring::words::english(&problems[0])));
    }
    // Published, as a newsroom would serve it (the reader then has nothing to compute).
    let published = article_authoring::publish::publish_json(&long)
        .map_err(|p| format!("the long document: {}", article_authoring::words::english(&p[0])))?;
    std::fs::write(dist.join("bench/long.json"), published).map_err(|e| e.to_string())?;
    println!("wrote {0}/static.html and {0}/bench/long.json", dist.display());
    Ok(())
}

/// The demo page as it is before its script runs (the pre-rendered article, the same stylesheets
/// and font), with every script and script preload removed.
fn static_page(index: &str) -> Result<String, String> {
    if !index.contains("ae-prerendered") {
        return Err("index.html has no pre-rendered article (run cargo xtask finish first)".to_owned());
    }
    let page = without(index, "<script", "</script>", |_| true);
    let page = without(&page, "<link", ">", |tag| {
        tag.contains("modulepreload") || tag.contains("application/wasm") || tag.contains("as=\"fetch\"")
    });
    Ok(page.replace("<title>", "<title>static baseline · "))
}

#[test]
fn the_static_page_keeps_its_head_and_loses_its_scripts() {
    let index = "<head><title>t</title><script type=\"module\" src=\"embed.js\"></script><link rel=\"stylesheet\" href=\"a.css\"/>\n  <link rel=\"modulepreload\" href=\"x.js\"><link rel=\"preload\" href=\"x.wasm\" as=\"fetch\" type=\"application/wasm\"></head><main class=\"ae-prerendered\"></main>";
    let page = static_page(index).unwrap();
    assert_eq!(page, "<head><title>static baseline · t</title><link rel=\"stylesheet\" href=\"a.css\"/>\n  </head><main class=\"ae-prerendered\"></main>");
}

/// A deterministic document: `words` words in paragraphs of 80, `entities` entities with two
/// aliases each, mentioned about once every 12 words.
pub fn long_document(words: usize, entities: usize) -> String {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let letters: Vec<char> = "بتثجحخدرزسشصطعغفقكمنهوي".chars().collect();
    let word = |next: &mut dyn FnMut() -> u64| -> String {
        let n = 3 + next() % 4;
        (0..n).map(|_| letters[(next() % letters.len() as u64) as usize]).collect()
    };
    let mut names = Vec::new();
    let mut list = Vec::new();
    for i in 0..entities {
        let (a, b) = (word(&mut next), word(&mut next));
        let full = format!("{a} {b}");
        let kind = ["person", "country", "city", "organisation", "event"][i % 5];
        list.push(json!({
            "id": format!("entity-{i}"),
            "kind": kind,
            "name": { "ar": full, "en": format!("Entity {i}") },
            "aliases": [full, format!("ال{b}ي")],
            "description": { "ar": "كيان مولّد للقياس", "en": "A generated entity for the benchmark" },
        }));
        names.push(full);
    }
    let mut blocks = Vec::new();
    let mut text = String::new();
    for i in 0..words {
        if i > 0 && i % 80 == 0 {
            blocks.push(json!({ "kind": "paragraph", "text": std::mem::take(&mut text) + "." }));
        }
        if !text.is_empty() {
            text.push(' ');
        }
        if next() % 12 == 0 {
            text.push_str(&names[(next() % names.len() as u64) as usize]);
        } else {
            text.push_str(&word(&mut next));
        }
    }
    blocks.push(json!({ "kind": "paragraph", "text": text + "." }));
    json!({
        "version": 1,
        "article": { "headline": "مقال طويل للقياس", "blocks": blocks, "language": "ar", "direction": "rtl" },
        "entities": list,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_long_document_is_valid_and_as_long_as_asked() {
        let doc = article_authoring::model::load(&super::long_document(2_000, 30)).expect("valid");
        let words: usize = doc.article.blocks.iter().map(|b| b.text.split(' ').count()).sum();
        assert!((2_000..2_200).contains(&words), "{words}");
        assert_eq!(doc.entities.len(), 30);
    }
}
