//! Mention finding on generated Arabic documents: 1k, 10k and 100k words, with 10, 100, 1000 and
//! 10,000 entities (a newsroom's catalogue) (three aliases each, one of them two words long). Measures what a document costs the
//! reader's device: compiling the aliases and finding every mention in every paragraph.
//!
//! `publish_with_a_catalogue` publishes an authoring document against a generated catalogue of up
//! to 10,000 entities; `find_variants` runs the spelling-variant matcher alone.
//!
//!     cargo bench -p xtask --bench find

use article_authoring::text::{Finder, Pattern};

fn main() {
    divan::main();
}

const WORDS: [usize; 3] = [1_000, 10_000, 100_000];
const ENTITIES: [usize; 4] = [10, 100, 1_000, 10_000];

/// A deterministic generator (xorshift), so that every run measures the same text.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const LETTERS: [&str; 24] = [
    "ب", "ت", "ث", "ج", "ح", "خ", "د", "ر", "ز", "س", "ش", "ص", "ط", "ع", "غ", "ف", "ق", "ك", "م", "ن", "ه", "و", "ي",
    "ل",
];
const FILLER: [&str; 12] = ["في", "على", "من", "إلى", "أن", "التي", "الذي", "مع", "بين", "خلال", "وقد", "كما"];
const CLITICS: [&str; 5] = ["", "و", "ل", "ب", "ال"];

fn word(rng: &mut Rng) -> String {
    let n = 3 + rng.next() % 5;
    (0..n).map(|_| rng.pick(&LETTERS)).collect()
}

struct Doc {
    aliases: Vec<(String, usize)>,
    paragraphs: Vec<String>,
}

fn generate(words: usize, entities: usize) -> Doc {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (words as u64) << 20 ^ entities as u64);
    let mut aliases = Vec::new();
    for e in 0..entities {
        let (a, b) = (word(&mut rng), word(&mut rng));
        aliases.push((format!("{a} {b}"), e));
        aliases.push((a, e));
        aliases.push((format!("ال{b}ي"), e));
    }
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for i in 0..words {
        if i > 0 && i % 80 == 0 {
            paragraphs.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        if rng.next().is_multiple_of(12) {
            let (alias, _) = &aliases[(rng.next() % aliases.len() as u64) as usize];
            current.push_str(rng.pick(&CLITICS));
            current.push_str(alias);
        } else if rng.next().is_multiple_of(3) {
            current.push_str(rng.pick(&FILLER));
        } else {
            current.push_str(&word(&mut rng));
        }
    }
    paragraphs.push(current);
    Doc { aliases, paragraphs }
}

#[divan::bench(consts = WORDS, args = ENTITIES, sample_count = 20)]
fn find_all_mentions<const W: usize>(bencher: divan::Bencher, entities: usize) {
    let doc = generate(W, entities);
    bencher.counter(divan::counter::ItemsCount::new(W)).bench(|| {
        let finder = Finder::new(doc.aliases.iter().enumerate().map(|(i, (text, e))| Pattern {
            text,
            entity: *e,
            alias: i,
            adjective: false,
        }));
        doc.paragraphs.iter().map(|p| finder.find(divan::black_box(p)).len()).sum::<usize>()
    });
}

/// A catalogue of `entities` records (the generated aliases above, as a newsroom's catalogue
/// file) and an authoring document of `words` words that names it: JSON, as publishing reads them.
fn catalogue_case(words: usize, entities: usize) -> (String, String) {
    let doc = generate(words, entities);
    let mut records: Vec<serde_json::Value> = (0..entities)
        .map(|e| {
            serde_json::json!({
                "id": format!("e{e}"), "kind": "person",
                "name": { "ar": doc.aliases[3 * e].0, "en": format!("Entity {e}") },
                "aliases": [doc.aliases[3 * e + 1].0, { "text": doc.aliases[3 * e + 2].0, "adjective": true }],
                "description": { "ar": "وصف", "en": "A generated record" }
            })
        })
        .collect();
    // Generated words can repeat: a catalogue lists each spelling once.
    let mut seen = std::collections::HashSet::new();
    for r in &mut records {
        let aliases = r["aliases"].as_array_mut().unwrap();
        aliases.retain(|a| seen.insert(a.as_str().or(a["text"].as_str()).unwrap().to_owned()));
    }
    let catalogue =
        serde_json::json!({ "format": "article-explorer/catalogue", "version": 1, "entities": records }).to_string();
    let blocks: Vec<serde_json::Value> =
        doc.paragraphs.iter().map(|p| serde_json::json!({ "kind": "paragraph", "text": p })).collect();
    let article = serde_json::json!({
        "version": 1, "catalogues": ["catalogue.json"],
        "article": { "headline": "عنوان", "blocks": blocks, "language": "ar", "direction": "rtl" }
    })
    .to_string();
    (article, catalogue)
}

/// Publishing an authoring document against a 10,000-entity catalogue: reading and checking the
/// catalogue, resolving, finding every mention (exact and spelling variants), keeping the
/// entities used, writing the published document.
#[divan::bench(consts = [1_000, 10_000], args = [1_000, 10_000], sample_count = 10)]
fn publish_with_a_catalogue<const W: usize>(bencher: divan::Bencher, entities: usize) {
    let (article, catalogue) = catalogue_case(W, entities);
    bencher.counter(divan::counter::ItemsCount::new(W)).bench(|| {
        let mut fetch = |_: &str| Ok(catalogue.clone());
        article_authoring::publish::publish_json_with(divan::black_box(&article), &mut fetch)
            .map(|s| s.len())
            .unwrap_or_else(|p| panic!("{:?}", &p[..p.len().min(3)]))
    });
}

/// The spelling-variant matcher alone, with 10,000 entities' aliases.
#[divan::bench(consts = WORDS, sample_count = 10)]
fn find_variants<const W: usize>(bencher: divan::Bencher) {
    let doc = generate(W, 10_000);
    let finder =
        article_authoring::text::VariantFinder::new(doc.aliases.iter().enumerate().map(|(i, (text, e))| Pattern {
            text,
            entity: *e,
            alias: i,
            adjective: false,
        }));
    bencher
        .counter(divan::counter::ItemsCount::new(W))
        .bench(|| doc.paragraphs.iter().map(|p| finder.find(divan::black_box(p), &[]).len()).sum::<usize>());
}
