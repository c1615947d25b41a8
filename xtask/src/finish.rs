//! Finishes a trunk build for embedding and for readers without JavaScript:
//! - removes trunk's inline loader script (pages load `embed.js` instead: no inline script, so
//!   the pages work under `script-src 'self'`), and checks that no inline script is left;
//! - replaces `<!--ae:prerender DOC.json-->` with the pre-rendered article of that document, in a
//!   declarative shadow root with the widget's stylesheet (the host page's rules cannot restyle it;
//!   the widget mounts into the same shadow root), and `<!--ae:jsonld DOC.json-->` with its
//!   schema.org JSON-LD (paths relative to the page; the document may be published or authoring);
//! - shortens the import names of every WebAssembly module and its glue (see `imports`);
//! - recomputes the `integrity` hashes trunk wrote, for the files minified or renamed after it.

use std::path::{Path, PathBuf};

use article_authoring::publish::publish_json;
use article_format::i18n::Lang;
use article_format::prerender::json_ld;
use article_format::reading::{is_published, Reading};

/// The article rendered by the reader's own view, through Yew's server-side renderer, from the
/// published document, for a widget whose UI is in `lang`.
fn article(published: &str, lang: Lang) -> String {
    futures::executor::block_on(article_explorer::ssr::article_html(published.to_owned(), lang))
}

/// The UI language of the widget whose start tag is `tag` (`data-lang`; Arabic by default).
fn widget_lang(tag: &str) -> Lang {
    if tag.contains(" data-lang=\"en\"") {
        Lang::En
    } else {
        Lang::Ar
    }
}

/// The JSON-LD of a published document.
fn jsonld(published: &str) -> String {
    Reading::from_json(published).map(|r| json_ld(&r)).unwrap_or_default()
}

use crate::html::{elements, without};

pub fn run(dist: &Path) -> Result<(), String> {
    // Before the pages' integrity hashes: the modules and their glue change.
    crate::imports::run(dist)?;
    let embed = dist.join("embed.js");
    if let Ok(js) = std::fs::read_to_string(&embed) {
        std::fs::write(&embed, fill_strings(&js)).map_err(|e| format!("{}: {e}", embed.display()))?;
    }
    let mut pages = Vec::new();
    collect_pages(dist, &mut pages)?;
    if pages.is_empty() {
        return Err(format!("no HTML pages in {} (build first)", dist.display()));
    }
    for page in &pages {
        let html = std::fs::read_to_string(page).map_err(|e| format!("{}: {e}", page.display()))?;
        let finished = finish(&html, page.parent().unwrap_or(dist)).map_err(|e| format!("{}: {e}", page.display()))?;
        std::fs::write(page, finished).map_err(|e| format!("{}: {e}", page.display()))?;
    }
    println!("finished {} pages in {}", pages.len(), dist.display());
    Ok(())
}

fn collect_pages(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_pages(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
    Ok(())
}

/// The pre-rendered article in a declarative shadow root of its host element, with the widget's
/// stylesheet: the page's own rules (for `mark`, `p`, `article`, the box model...) cannot restyle
/// it, with or without JavaScript; `.ae-host` is the widget's own root (it resets what a host
/// passes down by inheritance) and tells the widget the shadow root is its own.
fn in_shadow_root(article: &str, stylesheet: &str) -> String {
    format!(
        "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{stylesheet}\"><div class=\"ae-host\">{article}</div></template>"
    )
}

/// The widget's stylesheet as a page reaches it: beside the `embed.js` the page loads.
fn widget_stylesheet(html: &str) -> Option<String> {
    elements(html, "<script", ">").find_map(|tag| {
        let src = tag.split(" src=\"").nth(1)?.split('"').next()?;
        let folder = src.strip_suffix("embed.js").filter(|f| f.is_empty() || f.ends_with('/'))?;
        Some(format!("{folder}article-explorer.css"))
    })
}

fn finish(html: &str, dir: &Path) -> Result<String, String> {
    let mut html = remove_trunk_loader(html);
    let stylesheet = widget_stylesheet(&html);
    for marker in ["<!--ae:prerender ", "<!--ae:jsonld "] {
        while let Some(start) = html.find(marker) {
            let end = html[start..].find("-->").ok_or("an unclosed ae: marker")? + start;
            let src = html[start + marker.len()..end].trim();
            let json = std::fs::read_to_string(dir.join(src)).map_err(|e| format!("{src}: {e}"))?;
            let published = if is_published(&json) { Ok(json) } else { publish_json(&json) };
            let published = published.map_err(|p| format!("{src}: {}", article_authoring::words::english(&p[0])))?;
            Reading::from_json(&published)
                .map_err(|p| format!("{src}: {}", article_authoring::words::english(&p[0])))?;
            let out = if marker == "<!--ae:jsonld " {
                jsonld(&published)
            } else {
                let css = stylesheet
                    .as_deref()
                    .ok_or("a pre-rendered article's page must load embed.js (its stylesheet is beside it)")?;
                // The marker is the widget element's content: its start tag is the last before it.
                let tag = html[..start].rfind('<').map_or("", |i| &html[i..start]);
                in_shadow_root(&article(&published, widget_lang(tag)), css)
            };
            html.replace_range(start..end + 3, &out);
        }
    }
    let html = refresh_integrity(&html, dir)?;
    if let Some(inline) = inline_script(&html) {
        return Err(format!("an inline script is left (pages must work under script-src 'self'): {inline}"));
    }
    Ok(html)
}

/// Every `integrity="sha384-…"` of a tag whose `href` or `src` is a file of the build, computed
/// again from the file as it is now (the build minifies scripts and stylesheets after trunk).
fn refresh_integrity(html: &str, dir: &Path) -> Result<String, String> {
    use base64::Engine;
    use sha2::Digest;
    const ATTR: &str = "integrity=\"sha384-";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(ATTR) {
        let tag_start = rest[..at].rfind('<').ok_or("an integrity attribute outside a tag")?;
        let tag_end = at + rest[at..].find('>').ok_or("an unclosed tag")?;
        let tag = &rest[tag_start..tag_end];
        let url = ["href=\"", "src=\""]
            .iter()
            .find_map(|a| tag.find(a).map(|i| &tag[i + a.len()..]))
            .and_then(|v| v.split('"').next())
            .ok_or_else(|| format!("an integrity attribute without href or src: {tag}"))?;
        let path = dir.join(url.trim_start_matches("./"));
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(&bytes));
        let value_end = at + ATTR.len() + rest[at + ATTR.len()..].find('"').ok_or("an unclosed integrity value")?;
        out.push_str(&rest[..at + ATTR.len()]);
        out.push_str(&hash);
        rest = &rest[value_end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `embed.js` with the reader's words where it names them (`"ae:loading:ar"`: the reader's
/// `article_loading` in Arabic), so that each text of the widget is written once, in its strings.
fn fill_strings(js: &str) -> String {
    use article_format::i18n::Lang;
    let mut out = js.to_owned();
    for (lang, code) in [(Lang::Ar, "ar"), (Lang::En, "en")] {
        let words = serde_json::to_string(lang.strings().article_loading).unwrap_or_default();
        for quote in ['"', '\'', '`'] {
            out = out.replace(&format!("{quote}ae:loading:{code}{quote}"), &words);
        }
    }
    out
}

/// Trunk writes `<script type="module">import init, * as bindings from …</script>`.
fn remove_trunk_loader(html: &str) -> String {
    without(html, "<script", "</script>", |e| {
        e.strip_prefix("<script type=\"module\">").is_some_and(|body| body.trim_start().starts_with("import init"))
    })
}

/// The first `<script>` element with content that a browser would run, if any: its start tag.
fn inline_script(html: &str) -> Option<String> {
    elements(html, "<script", "</script>").find_map(|e| {
        let (tag, body) = e.split_once('>')?;
        let runs = !tag.contains(" src=")
            && !tag.contains("application/ld+json")
            && !body.trim_end_matches("</script>").trim().is_empty();
        runs.then(|| format!("{tag}>"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_js_gets_the_readers_words() {
        let js = "a=b?'ae:loading:ar':\"ae:loading:en\"";
        assert_eq!(fill_strings(js), "a=b?\"تحميل المقال…\":\"Loading the article…\"");
        let source = include_str!("../../js/embed.js");
        assert!(source.contains("\"ae:loading:ar\"") && !fill_strings(source).contains("ae:loading"));
    }

    #[test]
    fn integrity_hashes_follow_the_files() {
        let dir = std::env::temp_dir().join(format!("ae-integrity-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.css"), "p{}").unwrap();
        let page = "<link rel=\"stylesheet\" href=\"./a.css\" integrity=\"sha384-stale\"/><p>x</p>";
        let done = refresh_integrity(page, &dir).unwrap();
        // sha384 of "p{}", base64.
        use base64::Engine;
        use sha2::Digest;
        let want = base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(b"p{}"));
        assert_eq!(done, format!("<link rel=\"stylesheet\" href=\"./a.css\" integrity=\"sha384-{want}\"/><p>x</p>"));
        assert!(refresh_integrity("<script src=\"missing.js\" integrity=\"sha384-x\">", &dir).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_pre_rendered_article_is_in_a_shadow_root_with_the_stylesheet_beside_embed_js() {
        let dir = std::env::temp_dir().join(format!("ae-shadow-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/seed/article.json");
        std::fs::copy(seed, dir.join("a.json")).unwrap();
        let page = "<script type=\"module\" src=\"../cdn/embed.js\"></script><div data-article-explorer><!--ae:prerender a.json--></div>";
        let done = finish(page, &dir).unwrap();
        assert!(
            done.contains("<div data-article-explorer><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"../cdn/article-explorer.css\"><div class=\"ae-host\"><div lang=\"ar\" dir=\"rtl\" class=\"ae-root ae-prerendered\">"),
            "{}",
            &done[..400]
        );
        assert!(done.ends_with("</div></template></div>"));
        // In the widget's UI language, as the widget will be.
        let english = finish(&page.replace("explorer>", "explorer data-lang=\"en\">"), &dir).unwrap();
        assert!(
            english.contains("<div lang=\"en\" dir=\"ltr\" class=\"ae-root ae-prerendered\">"),
            "{}",
            &english[..400]
        );
        assert_eq!(widget_stylesheet("<script src=\"embed.js\">").as_deref(), Some("article-explorer.css"));
        assert_eq!(widget_stylesheet("<script src=\"studio-embed.js\">"), None);
        assert!(finish("<div><!--ae:prerender a.json--></div>", &dir).is_err(), "no embed.js, no stylesheet to link");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_loader_goes_and_inline_scripts_are_refused() {
        let page = "<head><script type=\"module\">\nimport init, * as bindings from './a.js';\n</script><script type=\"module\" src=\"embed.js\"></script></head>";
        let done = remove_trunk_loader(page);
        assert_eq!(done, "<head><script type=\"module\" src=\"embed.js\"></script></head>");
        assert_eq!(inline_script(&done), None);
        assert!(inline_script("<script>alert(1)</script>").is_some());
        assert_eq!(inline_script("<script type=\"application/ld+json\">{}</script>"), None);
    }

    #[test]
    fn the_static_article_is_the_readers_view_without_its_actions() {
        let json =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/seed/article.json")).unwrap();
        let published = publish_json(&json).unwrap();
        let reading = Reading::from_json(&published).unwrap();
        let html = article(&published, Lang::Ar);
        let marks: Vec<&str> = html.split("<mark ").skip(1).map(|m| m.split('>').next().unwrap()).collect();
        let expected: usize = reading.all_mentions().count();
        assert_eq!(marks.len(), expected, "every mention of the document");
        for m in &marks {
            for attr in ["class=\"ae-mention", "data-entity=", "data-text=", "data-index=", "data-note=", "title="] {
                assert!(m.contains(attr), "{attr} missing: {m}");
            }
            assert!(!m.contains("tabindex") && !m.contains("role="), "no action promised: {m}");
        }
        assert!(
            html.starts_with(
                "<div lang=\"ar\" dir=\"rtl\" class=\"ae-root ae-prerendered\"><div class=\"ae-layout\"><article "
            ) && html.contains("class=\"ae-article\""),
            "{}",
            &html[..120]
        );
        assert!(!html.contains("<!--"), "no hydration markers");
        // Removing the tags gives back the text, block by block.
        let mut stripped = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => stripped.push(c),
                _ => {}
            }
        }
        for b in &reading.doc.article.blocks {
            assert!(stripped.contains(&article_format::prerender::escape(&b.text)), "missing block: {}", b.text);
        }
        // Text is escaped: a hostile headline stays text.
        let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        doc["article"]["headline"] = "<img src=x onerror=alert(1)>".into();
        let hostile = doc.to_string();
        let out = article(&publish_json(&hostile).unwrap(), Lang::En);
        assert!(out.contains("&lt;img") && !out.contains("<img"), "{}", &out[..300]);
    }
}
