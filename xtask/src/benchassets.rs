//! Pages and documents for the benchmark (`scripts/bench`), written into a release build:
//! - `static.html`: the seed article as plain static HTML with the same stylesheets and font and
//!   no script: the floor for paint and size;
//! - `bench/long.json`: a generated, valid document of 20,000 words and 300 entities, published, to check
//!   that click-to-panel latency does not grow with article length;
//! - `bench/limits.json`: a generated, valid document at every limit of the format
//!   ([`article_format::limits`]: its text, mentions, entities, relations, events, map features and
//!   positions), published, to check that the reader shows it fast and stays responsive;
//! - `bench/over.json`: a published document far over a limit (the 350,000 one-letter mentions of
//!   8 MB that issue 23 found kept a page busy for minutes), to check that it is refused quickly.

use std::path::Path;

use article_authoring::model::load;

use crate::html::without;
use serde_json::{json, Value};

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
    let limits = article_authoring::publish::publish_json(&limits_document())
        .map_err(|p| format!("the document at the limits: {}", article_authoring::words::english(&p[0])))?;
    std::fs::write(dist.join("bench/limits.json"), limits).map_err(|e| e.to_string())?;
    std::fs::write(dist.join("bench/over.json"), over_document(350_000)).map_err(|e| e.to_string())?;
    println!("wrote {0}/static.html, {0}/bench/long.json, limits.json and over.json", dist.display());
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
    let mut next = crate::graphdocs::numbers(0x2545_F491_4F6C_DD1D);
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
        if next().is_multiple_of(12) {
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

/// Mentions the generator leaves under [`limits::MENTIONS`] for what publishing may find besides
/// the names it wrote.
const MENTION_MARGIN: usize = 50;

/// An authoring document that publishes at every limit of the format ([`limits`]): 2,000 entities
/// (of every kind), 5,000 relations around hubs, each stated by a sentence naming both ends, 1,000
/// events with their sentences, 1,000 map features (points, polygons of 40 corners, movements
/// between points through 36 positions) with 20,000 positions in all, and 1,000,000 characters of
/// text in paragraphs of about 80 words holding just under 20,000 mentions.
///
/// Names are written with one set of letters and the words around them with another, so that
/// publishing finds the names written and nothing else.
pub fn limits_document() -> String {
    use article_format::{limits, model::EntityKind};
    let mut next = crate::graphdocs::numbers(0x1234_5678_9ABC_DEF1);
    let name_letters: Vec<char> = "بتثجحخدرزسشص".chars().collect();
    let word_letters: Vec<char> = "طظعغفقكمنهي".chars().collect();
    let word = |next: &mut dyn FnMut() -> u64, letters: &[char]| -> String {
        let n = 3 + next() % 4;
        (0..n).map(|_| letters[(next() % letters.len() as u64) as usize]).collect()
    };
    let mut used = std::collections::BTreeSet::new();
    let mut names: Vec<String> = Vec::new();
    let mut entities = Vec::new();
    while names.len() < limits::ENTITIES {
        let full = format!("{} {}", word(&mut next, &name_letters), word(&mut next, &name_letters));
        if !used.insert(full.clone()) {
            continue;
        }
        let i = names.len();
        entities.push(json!({
            "id": format!("e{i}"),
            "kind": EntityKind::ALL[i % EntityKind::ALL.len()].slug(),
            "name": { "ar": full, "en": format!("Entity {i}") },
            "aliases": [full],
            "description": { "ar": "كيان مولّد للقياس عند الحدود", "en": "A generated entity for the benchmark at the limits" },
        }));
        names.push(full);
    }
    let n = names.len() as u64;

    // The sentences that state something: relations (two mentions each), then events (two each).
    let mut sentences: Vec<String> = Vec::new();
    let mut relations = Vec::new();
    let mut pairs = std::collections::BTreeSet::new();
    while relations.len() < limits::RELATIONS {
        // Hubs: the smaller of two draws favours the first entities.
        let s = (next() % n).min(next() % n) as usize;
        let o = (next() % n) as usize;
        if s == o || !pairs.insert((s, o)) {
            continue;
        }
        relations.push((
            s,
            crate::graphdocs::PREDICATES[(next() % crate::graphdocs::PREDICATES.len() as u64) as usize],
            o,
            sentences.len(),
        ));
        sentences.push(format!("قال مسؤولون إن {} على صلة مباشرة بـ {}", names[s], names[o]));
    }
    let mut events = Vec::new();
    for k in 0..limits::EVENTS {
        let (a, b) = ((next() % n) as usize, (next() % n) as usize);
        let b = if a == b { (b + 1) % names.len() } else { b };
        events.push((k, a, b, sentences.len()));
        sentences.push(format!("وفي المرحلة {} اجتمع {} مع {}", k + 1, names[a], names[b]));
    }
    let stated = relations.len() * 2 + events.len() * 2;
    let loose = limits::MENTIONS - MENTION_MARGIN - stated;

    // The text: sentences and loose mentions spread evenly through words, in paragraphs.
    let headline = "مقال مولّد عند حدود الصيغة";
    let budget = limits::TEXT - headline.chars().count() - 2_000;
    let mut blocks: Vec<String> = Vec::new();
    let mut block_of = vec![0; sentences.len()];
    let (mut chars, mut placed, mut mentioned) = (0usize, 0usize, 0usize);
    let mut text = String::new();
    let mut words_in_block = 0;
    while chars < budget || placed < sentences.len() || mentioned < loose {
        let progress = chars as f64 / budget as f64;
        let piece = if placed < sentences.len() && (placed as f64) <= progress * sentences.len() as f64 {
            block_of[placed] = blocks.len();
            placed += 1;
            format!("{}،", sentences[placed - 1])
        } else if mentioned < loose && (mentioned as f64) <= progress * loose as f64 {
            mentioned += 1;
            names[(next() % n) as usize].clone()
        } else {
            word(&mut next, &word_letters)
        };
        if !text.is_empty() {
            text.push(' ');
            chars += 1;
        }
        chars += piece.chars().count();
        words_in_block += piece.split(' ').count();
        text.push_str(&piece);
        if words_in_block >= 80 {
            text.push('.');
            chars += 1;
            blocks.push(std::mem::take(&mut text));
            words_in_block = 0;
        }
    }
    if !text.is_empty() {
        blocks.push(text + ".");
    }
    let blocks: Vec<Value> = blocks.iter().map(|t| json!({ "kind": "paragraph", "text": t })).collect();
    let relations: Vec<Value> = relations
        .iter()
        .map(|&(s, p, o, k)| {
            json!({
                "subject": format!("e{s}"), "predicate": p, "object": format!("e{o}"),
                "evidence": { "block": block_of[k], "exact": sentences[k] },
            })
        })
        .collect();
    let timeline: Vec<Value> = events
        .iter()
        .map(|&(k, a, b, s)| {
            json!({
                "id": format!("t{k}"),
                "label": { "ar": format!("المرحلة {}", k + 1), "en": format!("Stage {}", k + 1) },
                "when": { "ar": format!("في المرحلة {}", k + 1), "en": format!("at stage {}", k + 1) },
                "order": k as i64 + 1,
                "entities": [format!("e{a}"), format!("e{b}")],
                "evidence": { "block": block_of[s], "exact": sentences[s] },
            })
        })
        .collect();

    // The map: points, areas and movements in the Caribbean, each belonging to an entity or two.
    let at = |next: &mut dyn FnMut() -> u64| {
        let f = |v: u64, lo: f64, hi: f64| lo + (v % 10_000) as f64 / 10_000.0 * (hi - lo);
        (f(next(), 8.0, 25.0), f(next(), -87.0, -61.0))
    };
    let owners = |next: &mut dyn FnMut() -> u64| -> Vec<String> {
        let a = next() % n;
        if next().is_multiple_of(3) {
            vec![format!("e{a}"), format!("e{}", (a + 1) % n)]
        } else {
            vec![format!("e{a}")]
        }
    };
    let label = |what: &str, i: usize| json!({ "ar": format!("{what} {}", i + 1), "en": format!("Feature {}", i + 1) });
    let (points_n, areas_n) = (limits::FEATURES / 2, limits::FEATURES / 4);
    let movements_n = limits::FEATURES - points_n - areas_n;
    let corners = 40;
    // Every position counted: a point is one, a polygon its corners, a movement its two ends and its way.
    let via = (limits::VERTICES - points_n - areas_n * corners) / movements_n - 2;
    let mut points = Vec::new();
    for i in 0..points_n {
        let (lat, lon) = at(&mut next);
        let kind = ["city", "capital", "station"][i % 3];
        points.push(json!({ "id": format!("p{i}"), "label": label("نقطة", i), "kind": kind,
            "coordinates": { "lat": round(lat), "lon": round(lon) }, "entities": owners(&mut next) }));
    }
    let mut areas = Vec::new();
    for i in 0..areas_n {
        let (lat, lon) = at(&mut next);
        let r = 0.3 + (next() % 100) as f64 / 100.0;
        let ring: Vec<Value> = (0..corners)
            .map(|k| {
                let a = k as f64 / corners as f64 * std::f64::consts::TAU;
                json!({ "lat": round(lat + r * a.sin()), "lon": round(lon + r * a.cos()) })
            })
            .collect();
        let kind = ["deployment", "incident", "exercise"][i % 3];
        areas.push(json!({ "id": format!("a{i}"), "label": label("منطقة", i), "kind": kind,
            "shape": { "polygon": ring }, "entities": owners(&mut next), "approximate": i % 2 == 0,
            "time": { "ar": format!("في المرحلة {}", i + 1), "en": format!("at stage {}", i + 1) } }));
    }
    let mut movements = Vec::new();
    for i in 0..movements_n {
        let (from, to) = (next() as usize % points_n, next() as usize % points_n);
        let way: Vec<Value> = (0..via)
            .map(|_| {
                let (lat, lon) = at(&mut next);
                json!({ "lat": round(lat), "lon": round(lon) })
            })
            .collect();
        movements.push(json!({ "id": format!("m{i}"), "label": label("تحرك", i), "kind": "route",
            "from": format!("p{from}"), "to": format!("p{to}"), "via": way, "entities": owners(&mut next) }));
    }
    json!({
        "version": 1,
        "article": { "headline": headline, "blocks": blocks, "language": "ar", "direction": "rtl" },
        "entities": entities,
        "relations": relations,
        "timeline": timeline,
        "map": { "region": "caribbean", "points": points, "areas": areas, "movements": movements },
    })
    .to_string()
}

/// A coordinate to three decimals, as documents write them.
fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// A published document of `mentions` one-letter mentions of one entity: valid in every way but
/// its count of mentions, far over the limit once `mentions` passes it.
pub fn over_document(mentions: usize) -> String {
    let text = vec!["ب"; mentions].join(" ");
    let list: Vec<String> = (0..mentions).map(|i| format!("[{},{},0,0]", 2 * i, 2 * i + 1)).collect();
    format!(
        concat!(
            "{{\"format\":\"article-explorer/published\",\"version\":1,",
            "\"article\":{{\"headline\":\"حروف\",\"blocks\":[{{\"kind\":\"paragraph\",\"text\":\"{}\"}}],",
            "\"language\":\"ar\",\"direction\":\"rtl\"}},",
            "\"entities\":[{{\"id\":\"b\",\"kind\":\"person\",\"name\":{{\"ar\":\"ب\",\"en\":\"B\"}},",
            "\"description\":{{\"ar\":\"حرف\",\"en\":\"A letter\"}}}}],",
            "\"mentions\":[[],[{}]],\"relations\":[],\"endnotes\":[0]}}"
        ),
        text,
        list.join(",")
    )
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

    /// The document at the limits reads, and holds each limit's count (its mentions within the
    /// margin left for what publishing finds).
    #[test]
    fn the_document_at_the_limits_is_at_every_limit() {
        use article_format::limits;
        let published = article_authoring::publish::publish_json(&super::limits_document())
            .unwrap_or_else(|p| panic!("{}", article_authoring::words::english(&p[0])));
        let r = article_format::reading::Reading::from_json(&published).expect("it reads");
        let d = &r.doc;
        let text: usize = std::iter::once(&d.article.headline)
            .chain(d.article.blocks.iter().map(|b| &b.text))
            .map(|t| t.encode_utf16().count())
            .sum();
        let mentions = r.all_mentions().count();
        let (m, features) = (&d.map, d.map.points.len() + d.map.areas.len() + d.map.movements.len());
        let vertices = m.points.len()
            + m.areas
                .iter()
                .map(|a| match &a.shape {
                    article_format::model::AreaShape::Polygon(p) => p.len(),
                    _ => 1,
                })
                .sum::<usize>()
            + m.movements.iter().map(|x| 2 + x.via.len()).sum::<usize>();
        println!("text {text}, mentions {mentions}, entities {}, relations {}, events {}, features {features}, positions {vertices}, {} bytes",
            d.entities.len(), d.relations.len(), d.timeline.len(), published.len());
        assert!((limits::TEXT - 3_000..=limits::TEXT).contains(&text), "{text}");
        assert!((limits::MENTIONS - super::MENTION_MARGIN..=limits::MENTIONS).contains(&mentions), "{mentions}");
        assert_eq!(
            (d.entities.len(), d.relations.len(), d.timeline.len(), features, vertices),
            (limits::ENTITIES, limits::RELATIONS, limits::EVENTS, limits::FEATURES, limits::VERTICES)
        );
        assert!(published.len() < limits::BYTES);
    }

    #[test]
    fn the_document_over_the_limit_is_refused_for_its_mentions_alone() {
        let problems = article_format::reading::Reading::from_json(&super::over_document(20_001)).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "mentions");
        article_format::reading::Reading::from_json(&super::over_document(100)).expect("under the limit it reads");
    }
}
