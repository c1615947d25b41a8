//! Generated documents for the relationship graph at scale: `graph-16.json` (a short report's),
//! `graph-20.json`, `graph-40.json` and `graph-80.json`, published, with that many entities of every kind, plausible bilingual names of
//! real lengths (short «كوبا», long «وزارة الدفاع الفنزويلية»), and about 1.5 relations per entity
//! around a few hubs, as news articles have them. Each relation's evidence is a sentence of the
//! generated text naming both ends. The end-to-end checks measure the graph with them at a
//! desktop's and a phone's width; the tests below check the layout itself.
//!
//!     cargo xtask graph-docs DIR        (the test command writes them into dist/e2e)

use std::path::Path;

use serde_json::{json, Value};

pub const SIZES: [usize; 4] = [16, 20, 40, 80];

pub fn run(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for n in SIZES {
        let published = article_authoring::publish::publish_json(&document(n))
            .map_err(|p| format!("graph-{n}: {}", article_authoring::words::english(&p[0])))?;
        let path = dir.join(format!("graph-{n}.json"));
        std::fs::write(&path, published).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!("wrote graph-{{16,20,40,80}}.json in {}", dir.display());
    Ok(())
}

const GIVEN: [(&str, &str); 16] = [
    ("Carlos", "كارلوس"),
    ("Maria", "ماريا"),
    ("Sergei", "سيرغي"),
    ("Ana", "آنا"),
    ("Luis", "لويس"),
    ("Dmitri", "دميتري"),
    ("Elena", "إيلينا"),
    ("Jorge", "خورخي"),
    ("Olga", "أولغا"),
    ("Pedro", "بيدرو"),
    ("Nikolai", "نيكولاي"),
    ("Rosa", "روزا"),
    ("Andrés", "أندريس"),
    ("Irina", "إيرينا"),
    ("Diego", "دييغو"),
    ("Yuri", "يوري"),
];
const FAMILY: [(&str, &str); 16] = [
    ("Ramírez", "راميريث"),
    ("Volkov", "فولكوف"),
    ("Castillo", "كاستيّو"),
    ("Petrov", "بيتروف"),
    ("Hernández Oliveira", "هيرنانديث أوليفيرا"),
    ("Morozov", "موروزوف"),
    ("Guerrero", "غيريرو"),
    ("Sokolov", "سوكولوف"),
    ("Mendoza", "ميندوثا"),
    ("Lebedev", "ليبيديف"),
    ("Salazar", "سالازار"),
    ("Kuznetsov", "كوزنيتسوف"),
    ("Aguilar", "أغيلار"),
    ("Fedorov", "فيدوروف"),
    ("Navarro", "نافارو"),
    ("Smirnova", "سميرنوفا"),
];
const PLACES: [(&str, &str); 24] = [
    ("Cuba", "كوبا"),
    ("Colombia", "كولومبيا"),
    ("Panama", "بنما"),
    ("Brazil", "البرازيل"),
    ("Guyana", "غيانا"),
    ("Trinidad and Tobago", "ترينيداد وتوباغو"),
    ("Nicaragua", "نيكاراغوا"),
    ("Mexico", "المكسيك"),
    ("Dominican Republic", "جمهورية الدومينيكان"),
    ("Jamaica", "جامايكا"),
    ("Havana", "هافانا"),
    ("Bogotá", "بوغوتا"),
    ("Caracas", "كاراكاس"),
    ("Maracaibo", "ماراكايبو"),
    ("Port of Spain", "بورت أوف سبين"),
    ("Georgetown", "جورج تاون"),
    ("Managua", "ماناغوا"),
    ("Kingston", "كينغستون"),
    ("Puerto Cabello", "بويرتو كابيو"),
    ("Curaçao", "كوراساو"),
    ("Aruba", "أروبا"),
    ("Grenada", "غرينادا"),
    ("Barbados", "بربادوس"),
    ("Belize", "بليز"),
];
const BODIES: [(&str, &str); 12] = [
    ("Ministry of Defence", "وزارة الدفاع"),
    ("Ministry of Foreign Affairs", "وزارة الخارجية"),
    ("National Assembly", "الجمعية الوطنية"),
    ("Coast Guard", "خفر السواحل"),
    ("Central Bank", "البنك المركزي"),
    ("Navy", "البحرية"),
    ("Chamber of Commerce", "غرفة التجارة"),
    ("Supreme Court", "المحكمة العليا"),
    ("Port Authority", "هيئة الموانئ"),
    ("Energy Company", "شركة الطاقة"),
    ("Air Force", "سلاح الجو"),
    ("News Agency", "وكالة الأنباء"),
];
pub const PREDICATES: [&str; 12] = [
    "allied-with",
    "supports",
    "pressures",
    "signed",
    "visited",
    "accuses",
    "condemns",
    "warns-against",
    "sent-to",
    "cooperates-with",
    "leads",
    "deployed-in",
];

/// A deterministic generator of numbers (xorshift), the same on every machine.
pub fn numbers(seed: u64) -> impl FnMut() -> u64 {
    let mut state = seed;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}

/// A deterministic document with `n` entities (a quarter people, a quarter places, a third
/// organisations and units, the rest agreements and events) and about 1.5·n relations.
pub fn document(n: usize) -> String {
    let mut next = numbers(0x9E37_79B9_7F4A_7C15 ^ n as u64);
    let mut used = std::collections::BTreeSet::new();
    let mut entities: Vec<Value> = Vec::new();
    let mut names: Vec<(String, String)> = Vec::new();
    let mut i = 0u64;
    while names.len() < n {
        i += 1;
        let pick = |list: &[(&'static str, &'static str)], k: u64| list[(k % list.len() as u64) as usize];
        let slot = names.len() * 12 / n.max(1);
        let (kind, en, ar) = match slot {
            0..=2 => {
                let (g, f) = (pick(&GIVEN, next()), pick(&FAMILY, next()));
                ("person", format!("{} {}", g.0, f.0), format!("{} {}", g.1, f.1))
            }
            3..=5 => {
                let p = pick(&PLACES, next());
                (
                    if PLACES.iter().position(|q| q == &p).unwrap_or(0) < 10 { "country" } else { "city" },
                    p.0.to_owned(),
                    p.1.to_owned(),
                )
            }
            6..=9 => {
                let (b, p) = (pick(&BODIES, next()), pick(&PLACES[..10], next()));
                (
                    if next().is_multiple_of(3) { "military-unit" } else { "organisation" },
                    format!("{} of {}", b.0, p.0),
                    format!("{} في {}", b.1, p.1),
                )
            }
            _ => {
                let p = pick(&PLACES, next());
                if next().is_multiple_of(2) {
                    ("agreement", format!("{} Agreement", p.0), format!("اتفاقية {}", p.1))
                } else {
                    ("event", format!("{} Summit", p.0), format!("قمة {}", p.1))
                }
            }
        };
        if !used.insert(ar.clone()) {
            if i > 100_000 {
                break;
            }
            continue;
        }
        entities.push(json!({
            "id": format!("e{}", names.len()),
            "kind": kind,
            "name": { "ar": ar, "en": en },
            "aliases": [ar],
            "description": { "ar": "كيان مولّد لاختبار الرسم", "en": "A generated entity for the graph's tests" },
        }));
        names.push((ar, en));
    }
    let n = names.len();
    // Relations around hubs: the smaller of two draws favours the first entities.
    let mut pairs = std::collections::BTreeSet::new();
    let mut relations = Vec::new();
    let mut sentences: Vec<String> = Vec::new();
    let want = n * 3 / 2;
    let mut tries = 0;
    while relations.len() < want && tries < want * 50 {
        tries += 1;
        let s = ((next() % n as u64).min(next() % n as u64)) as usize;
        let o = (next() % n as u64) as usize;
        if s == o || !pairs.insert((s.min(o), s.max(o))) {
            continue;
        }
        let predicate = PREDICATES[(next() % PREDICATES.len() as u64) as usize];
        let sentence = format!("قال مسؤولون إن {} على صلة مباشرة بـ {} منذ أشهر", names[s].0, names[o].0);
        relations.push((s, predicate, o, sentence.clone()));
        sentences.push(sentence);
    }
    // Every entity is named at least once.
    for (ar, _) in &names {
        sentences.push(format!("وورد اسم {ar} في التقرير أيضاً"));
    }
    let mut blocks = Vec::new();
    let mut block_of = Vec::new();
    for chunk in sentences.chunks(5) {
        block_of.push(blocks.len());
        blocks.push(json!({ "kind": "paragraph", "text": chunk.join("، ") + "." }));
    }
    let relations: Vec<Value> = relations
        .iter()
        .enumerate()
        .map(|(k, (s, p, o, sentence))| {
            json!({
                "subject": format!("e{s}"), "predicate": p, "object": format!("e{o}"),
                "evidence": { "block": k / 5, "exact": sentence },
            })
        })
        .collect();
    json!({
        "version": 1,
        "article": { "headline": format!("تقرير مولّد بـ {n} كياناً"), "blocks": blocks, "language": "ar", "direction": "rtl" },
        "entities": entities,
        "relations": relations,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_authoring::publish::publish_json;
    use article_format::reading::Reading;

    pub fn reading(n: usize) -> Reading {
        let published = publish_json(&document(n))
            .unwrap_or_else(|p| panic!("graph-{n}: {}", article_authoring::words::english(&p[0])));
        Reading::from_json(&published).expect("a valid published document")
    }

    /// Crossings of earlier layouts of the same documents, counted by `crossings` (in Arabic, on
    /// a desktop): four fixed columns, 1,318 to 1,656 units wide whatever the screen (graph-16
    /// came later); then columns or bands that fit the box, each edge one curve from box to box,
    /// through whatever boxes stood between.
    const BEFORE: [(&str, Option<usize>, usize); 5] = [
        ("seed", Some(84), 75),
        ("graph-16", None, 13),
        ("graph-20", Some(53), 26),
        ("graph-40", Some(291), 136),
        ("graph-80", Some(1379), 479),
    ];

    /// Every picture fits its box with no edge through another entity's box and no labels in a
    /// stack (`misfits` says both), and crosses less than before.
    #[test]
    fn every_graph_fits_a_desktop_and_a_phone_with_fewer_crossings_than_before() {
        use article_format::graph::{crossings, layout, misfits, DEFAULT_WIDTH};
        use article_format::handoff::Sketch;
        use article_format::i18n::Lang;
        let docs: Vec<(&str, Sketch)> = std::iter::once(("seed", article_authoring::seed::reading()))
            .chain(
                SIZES.iter().zip(["graph-16", "graph-20", "graph-40", "graph-80"]).map(|(&n, name)| (name, reading(n))),
            )
            .map(|(name, r)| (name, Sketch::of(&r)))
            .collect();
        for ((name, doc), (_, columns, straight)) in docs.iter().zip(BEFORE) {
            for width in [DEFAULT_WIDTH, 328.0] {
                for (lang, rtl) in [(Lang::Ar, true), (Lang::En, false)] {
                    let l = layout(doc, lang, rtl, width, None);
                    assert_eq!(misfits(&l, width), Vec::<String>::new(), "{name} {lang:?} at {width}");
                    assert_eq!(l.nodes.len(), doc.entities.len(), "{name}");
                    let labels = l.edges.iter().filter(|e| e.label_rect.is_some()).count();
                    println!(
                        "{name} {lang:?} at {width}: {:?} {:.0}x{:.0}, {} crossings, {labels} of {} labels",
                        l.shape,
                        l.width,
                        l.height,
                        crossings(&l),
                        l.edges.len()
                    );
                }
            }
            let now = crossings(&layout(doc, Lang::Ar, true, DEFAULT_WIDTH, None));
            println!("{name}: {now} crossings; four columns {columns:?}, straight edges {straight}");
            assert!(now < straight && columns.is_none_or(|c| now < c), "{name}: {now} crossings");
        }
    }

    /// The graph at the format's limits (2,000 entities, 5,000 relations) is drawn as an overview
    /// within the picture's bounds, and fits as any other; so is its most related entity, open.
    #[test]
    fn the_graph_at_the_limits_is_an_overview_that_fits() {
        use article_format::graph::{layout, misfits, DEFAULT_WIDTH, MOST_ENTITIES, MOST_RELATIONS};
        use article_format::handoff::Sketch;
        use article_format::i18n::Lang;
        let published = publish_json(&crate::benchassets::limits_document()).expect("it publishes");
        let doc = Sketch::of(&Reading::from_json(&published).expect("it reads"));
        for width in [DEFAULT_WIDTH, 328.0] {
            for focus in [None, Some(0)] {
                let l = layout(&doc, Lang::En, false, width, focus);
                assert_eq!(misfits(&l, width), Vec::<String>::new(), "at {width}, {focus:?}");
                assert!(l.nodes.len() <= MOST_ENTITIES && l.edges.len() <= MOST_RELATIONS);
                if focus.is_none() {
                    assert_eq!(l.nodes.len() + l.left_out.0, doc.entities.len());
                    assert!(l.edges.len() > l.nodes.len(), "a connected part: {} relations", l.edges.len());
                } else {
                    assert!(l.edges.iter().all(|e| e.subject == 0 || e.object == 0));
                }
            }
        }
    }

    #[test]
    fn generated_documents_have_their_size_and_every_entity_is_mentioned() {
        for n in SIZES {
            let r = reading(n);
            assert_eq!(r.doc.entities.len(), n);
            assert!(r.doc.relations.len() >= n * 4 / 3, "graph-{n}: {} relations", r.doc.relations.len());
            for e in 0..n {
                assert!(
                    r.all_mentions().any(|(_, m)| m.entity() == e),
                    "graph-{n}: {} is never mentioned",
                    r.doc.entities[e].id
                );
            }
        }
    }
}
