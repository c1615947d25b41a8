//! The article as static HTML, for readers without JavaScript and for the moment before the
//! widget arrives: the same markup as the reader's article view (headline, sub-headings,
//! paragraphs, mentions as `<mark>`), without the interactivity; and the schema.org
//! `NewsArticle` JSON-LD that tells search engines what the article mentions.
//!
//! Pure Rust, used by the build (`cargo xtask finish`); every document string is escaped.

use crate::i18n::Lang;
use crate::model::{BlockKind, BlockRef, EntityKind};
use crate::published::Reading;
use crate::text::pieces;

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

/// The article with its mentions highlighted, inside an `.ae-root` like the widget's.
pub fn article_html(p: &Reading) -> String {
    let a = &p.doc.article;
    let text_html = |r: BlockRef| -> String {
        let text = p.text(r);
        let mentions = p.mentions_of(r);
        let mut out = String::new();
        for piece in pieces(text.len(), mentions.iter().map(|m| m.range()), None) {
            let words = escape(piece.range.of(text));
            match piece.mention.map(|i| &mentions[i]) {
                Some(m) => {
                    let e = &p.doc.entities[m.entity()];
                    out.push_str(&format!(
                        "<mark class=\"{}\" data-entity=\"{}\" data-note=\"{}\" title=\"{}\">{words}</mark>",
                        p.mention_class(m),
                        escape(&e.id),
                        p.endnote[m.entity()],
                        escape(&format!("{} ({})", Lang::En.pick(&e.name), Lang::En.kind(e.kind))),
                    ));
                }
                None => out.push_str(&words),
            }
        }
        out
    };
    let mut html = format!(
        "<div class=\"ae-root ae-prerendered\"><article class=\"ae-article\" dir=\"{}\" lang=\"{}\">\n<h1 class=\"ae-headline\">{}</h1>\n<div class=\"ae-body\">\n",
        a.direction.as_str(),
        escape(&a.language),
        text_html(BlockRef::HEADLINE)
    );
    for (i, b) in a.blocks.iter().enumerate() {
        let (tag, class) = match b.kind {
            BlockKind::Heading => ("h2", "ae-subheading"),
            BlockKind::Paragraph => ("p", "ae-paragraph"),
        };
        html.push_str(&format!("<{tag} class=\"{class}\">{}</{tag}>\n", text_html(BlockRef::Block(i))));
    }
    html.push_str("</div>\n</article></div>");
    html
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
    fn the_article_keeps_its_text_and_marks_every_mention() {
        let p = seed();
        let html = article_html(&p);
        assert_eq!(html.matches("<mark ").count(), p.all_mentions().count());
        assert!(html.contains("dir=\"rtl\" lang=\"ar\""));
        // Removing the tags gives back the text, block by block.
        let stripped: String = {
            let mut out = String::new();
            let mut in_tag = false;
            for c in html.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => out.push(c),
                    _ => {}
                }
            }
            out
        };
        for b in &p.doc.article.blocks {
            assert!(stripped.contains(&escape(&b.text)), "missing block: {}", b.text);
        }
    }

    #[test]
    fn json_ld_is_a_news_article_with_mentions_and_cannot_close_its_script() {
        let p = seed();
        let tag = json_ld(&p);
        let json = tag.strip_prefix("<script type=\"application/ld+json\">").unwrap().strip_suffix("</script>").unwrap();
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
