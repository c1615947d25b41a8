//! The schema.org `NewsArticle` JSON-LD that tells search engines what the article mentions,
//! and HTML escaping. (The static article itself is the reader's own view, rendered by Yew's
//! server-side renderer: the root crate's `ssr` module.)
//!
//! Pure Rust, used by the build (`cargo xtask finish`); every document string is escaped.

use crate::model::EntityKind;
use crate::reading::Reading;

/// Escapes text for an HTML text node or a double-quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The schema.org type of an entity kind.
fn schema_type(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Country => "Country",
        EntityKind::City => "City",
        EntityKind::Region => "Place",
        EntityKind::Organisation | EntityKind::MilitaryUnit => "Organization",
        EntityKind::MilitaryAsset => "Thing",
        EntityKind::Agreement => "CreativeWork",
        EntityKind::Event => "Event",
    }
}

/// A `<script type="application/ld+json">` element: a `NewsArticle` with its `mentions`. Safe to
/// put in a page: `<` is escaped inside the JSON, so no string can close the element.
pub fn json_ld(p: &Reading) -> String {
    let a = &p.doc.article;
    let mentions: Vec<serde_json::Value> = p
        .doc
        .endnotes
        .iter()
        .map(|&e| {
            let e = &p.doc.entities[e as usize];
            let mut m = serde_json::json!({
                "@type": schema_type(e.kind),
                "name": e.name.ar,
                "alternateName": e.name.en,
                "description": e.description.en,
            });
            if let Some(q) = &e.wikidata {
                m["sameAs"] = format!("https://www.wikidata.org/wiki/{q}").into();
            }
            m
        })
        .collect();
    let mut article = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.headline,
        "inLanguage": a.language,
        "articleBody": a.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n\n"),
        "mentions": mentions,
    });
    if let Some(date) = &a.published {
        article["datePublished"] = date.clone().into();
    }
    if let Some(source) = &a.source {
        article["publisher"] = serde_json::json!({ "@type": "Organization", "name": source.name });
        if let Some(url) = &source.url {
            article["url"] = url.clone().into();
        }
    }
    let json = serde_json::to_string(&article).unwrap_or_default().replace('<', "\\u003c");
    format!("<script type=\"application/ld+json\">{json}</script>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Reading {
        crate::seed::reading()
    }

    #[test]
    fn json_ld_is_a_news_article_with_mentions_and_cannot_close_its_script() {
        let p = seed();
        let tag = json_ld(&p);
        let json =
            tag.strip_prefix("<script type=\"application/ld+json\">").unwrap().strip_suffix("</script>").unwrap();
        assert!(!json.contains('<'));
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(v["@type"], "NewsArticle");
        assert_eq!(v["mentions"].as_array().unwrap().len(), p.doc.endnotes.len());
        assert!(v["mentions"].as_array().unwrap().iter().any(|m| m["@type"] == "Person"));
    }

    #[test]
    fn hostile_strings_stay_text() {
        assert_eq!(escape("<img src=x onerror=alert(1)>\"'&"), "&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");
    }
}
