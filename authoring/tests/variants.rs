//! The spelling-variant matcher on a test set of our own: names as one outlet writes them (the
//! alias) and as another does (the text), across countries, cities, people and institutions; and
//! a negative set, every common word of `common_words.txt`, none of which may link, with the sample
//! catalogue's 380 records also in play. Prints precision and recall (`--nocapture`).
#![cfg(not(target_arch = "wasm32"))]

use article_authoring::catalogue::{self, resolve};
use article_authoring::model::{
    Article, Bilingual, Block, BlockKind, BlockRef, Direction, Document, Entity, EntityKind, Prepared,
};
use article_authoring::text::{common_words, MentionSource};

/// (the alias a catalogue has, the spelling another outlet uses).
const VARIANTS: &[(&str, &str)] = &[
    ("أوروبا", "أوربا"),
    ("هيوستن", "هيوستون"),
    ("دونالد ترامب", "دونالد ترمب"),
    ("فلاديمير بوتين", "فلاديمير بوتن"),
    ("نيكاراغوا", "نيكاراجوا"),
    ("كاراكاس", "كراكاس"),
    ("فنزويلا", "فينزويلا"),
    ("البنتاغون", "البنتاجون"),
    ("غوانتانامو", "جوانتانامو"),
    ("أنغولا", "أنجولا"),
    ("أوغندا", "أوجندا"),
    ("الكونغو", "الكونجو"),
    ("سنغافورة", "سنجافورة"),
    ("هونغ كونغ", "هونج كونج"),
    ("بيونغ يانغ", "بيونج يانج"),
    ("إنجلترا", "إنكلترا"),
    ("غواتيمالا", "جواتيمالا"),
    ("باراغواي", "باراجواي"),
    ("أوروغواي", "أوروجواي"),
    ("واشنطن", "واشنطون"),
    ("نيويورك", "نيو يورك"),
    ("لوس أنجلوس", "لوس أنجليس"),
    ("سان فرانسيسكو", "سان فرنسيسكو"),
    ("بوينوس أيرس", "بوينس آيرس"),
    ("كوالالمبور", "كوالا لمبور"),
    ("بنيامين نتنياهو", "بنيامين نتانياهو"),
    ("فولوديمير زيلينسكي", "فولوديمير زيلنسكي"),
    ("شي جين بينغ", "شي جينبينغ"),
    ("كيم جونغ أون", "كيم جونج أون"),
    ("رجب طيب أردوغان", "رجب طيب أردوجان"),
    ("سيرغي لافروف", "سيرجي لافروف"),
    ("بوغوتا", "بوجوتا"),
    ("غرينلاند", "جرينلاند"),
    ("فيلادلفيا", "فيلاديلفيا"),
    ("الفلبين", "الفيليبين"),
    ("باكستان", "پاكستان"),
    ("لافروف", "لافروڤ"),
    ("كاليفورنيا", "كالفورنيا"),
    ("تكساس", "تيكساس"),
    ("ميشيغان", "ميتشيغان"),
    ("نيجيريا", "نايجيريا"),
    ("إيمانويل ماكرون", "إيمانويل مكرون"),
    ("أنطونيو غوتيريش", "أنطونيو جوتيريش"),
    ("ستوكهولم", "ستوكهلم"),
    ("كوبنهاغن", "كوبنهاجن"),
    ("بلغراد", "بلجراد"),
    ("هلسنكي", "هيلسنكي"),
    ("فيتنام", "فييتنام"),
    ("ترينيداد وتوباغو", "ترينيداد وتوباجو"),
    ("بورت أوف سبين", "بورت أوف سباين"),
    ("البحر الكاريبي", "بحر الكاريبي"),
    ("بريتوريا", "بريطوريا"),
    ("أتلانتا", "أطلانطا"),
    ("موريتانيا", "موريطانيا"),
    ("تشيلي", "شيلي"),
    ("فرنسا", "فرانسا"),
    ("مقديشو", "مقديشيو"),
    ("زيمبابوي", "زمبابوي"),
    ("طشقند", "طاشقند"),
    ("بيلاروسيا", "بيلاروس"),
];

/// Distinct places of the sample catalogue whose names look alike: each must link to itself.
const LOOKALIKES: &[(&str, &str)] = &[
    ("النيجر", "niger"),
    ("نيجيريا", "nigeria"),
    ("السويد", "sweden"),
    ("سويسرا", "switzerland"),
    ("سلوفاكيا", "slovakia"),
    ("سلوفينيا", "slovenia"),
    ("النمسا", "austria"),
    ("أستراليا", "australia"),
    ("غينيا بيساو", "guinea-bissau"),
    ("غينيا", "guinea"),
    ("كوريا الجنوبية", "south-korea"),
    ("كوريا الشمالية", "north-korea"),
    ("رواندا", "rwanda"),
    ("أوغندا", "uganda"),
    ("مالطا", "malta"),
    ("كولومبيا", "colombia"),
];

fn entity(id: String, name: &str) -> Entity {
    Entity {
        id,
        name_guessed: false,
        kind: EntityKind::Region,
        name: Bilingual { ar: name.to_owned(), en: "test".to_owned() },
        aliases: Vec::new(),
        description: Bilingual { ar: "اختبار".to_owned(), en: "test".to_owned() },
        claims: Vec::new(),
        wikidata: None,
        coordinates: None,
    }
}

fn document(blocks: Vec<String>, entities: Vec<Entity>, with_sample: bool) -> Prepared {
    let doc = Document {
        version: 1,
        catalogues: vec!["sample.json".into()],
        article: Article {
            headline: "اختبار".into(),
            blocks: blocks.into_iter().map(|text| Block { kind: BlockKind::Paragraph, text }).collect(),
            language: "ar".into(),
            direction: Direction::Rtl,
            source: None,
            published: None,
        },
        entities,
        relations: Vec::new(),
        map: Default::default(),
        timeline: Vec::new(),
        mentions: Default::default(),
    };
    if !with_sample {
        return Prepared::new(doc);
    }
    let sample = catalogue::parse("sample.json", include_str!("../../assets/catalogues/sample.json")).unwrap();
    Prepared::new(resolve(doc, &[sample]).doc)
}

#[test]
fn precision_and_recall_on_real_spellings_and_no_common_word_linked() {
    // The test catalogue: one entity per name, spelled as the first outlet does. One block per
    // case: the name as the other outlet spells it, in a sentence; then every common word.
    let mut blocks = Vec::new();
    let mut entities = Vec::new();
    for (i, (alias, variant)) in VARIANTS.iter().enumerate() {
        entities.push(entity(format!("t{i}"), alias));
        blocks.push(format!("وقال مصدر في {variant} إن الأمر انتهى."));
    }
    let negatives: Vec<&str> = common_words().collect();
    blocks.extend(negatives.iter().map(|w| w.to_string()));
    let p = document(blocks, entities, false);

    let (mut tp, mut missed, mut false_links) = (0, Vec::new(), Vec::new());
    for (i, (_, variant)) in VARIANTS.iter().enumerate() {
        let block = BlockRef::Block(i);
        let text = p.text(block);
        for m in p.mentions_of(block) {
            let words = m.range.of(text);
            if words == *variant && p.doc.entities[m.entity].id == format!("t{i}") {
                tp += 1;
                assert!(matches!(m.source, MentionSource::Variant(_)), "{variant} is marked as a variant");
            } else {
                false_links.push(format!("{words} in «{text}» → {}", p.doc.entities[m.entity].id));
            }
        }
        if !p.mentions_of(block).iter().any(|m| m.range.of(text) == *variant) {
            missed.push(*variant);
        }
    }
    for (k, word) in negatives.iter().enumerate() {
        for m in p.mentions_of(BlockRef::Block(VARIANTS.len() + k)) {
            false_links.push(format!("common word «{word}» → {}", p.doc.entities[m.entity].id));
        }
    }
    let precision = tp as f64 / (tp + false_links.len()).max(1) as f64;
    let recall = tp as f64 / VARIANTS.len() as f64;
    println!(
        "variant matcher: {} real spellings of {} names: {tp} linked right, {} missed {missed:?}, {} wrong links; \
         precision {precision:.3}, recall {recall:.3}; negative set: {} common words",
        VARIANTS.len(),
        VARIANTS.len(),
        missed.len(),
        false_links.len(),
        negatives.len(),
    );
    assert!(false_links.is_empty(), "wrong links: {false_links:#?}");
    assert!(recall >= 0.85, "recall {recall:.3}, missed {missed:?}");
}

#[test]
fn with_the_sample_catalogue_look_alike_places_stay_apart_and_no_common_word_links() {
    let negatives: Vec<&str> = common_words().collect();
    let blocks = LOOKALIKES
        .iter()
        .map(|(w, _)| format!("وصل الوفد إلى {w} أمس."))
        .chain(negatives.iter().map(|w| w.to_string()))
        .collect();
    let p = document(blocks, Vec::new(), true);
    for (k, (word, id)) in LOOKALIKES.iter().enumerate() {
        let block = BlockRef::Block(k);
        let text = p.text(block);
        let got: Vec<(&str, &str)> =
            p.mentions_of(block).iter().map(|m| (m.range.of(text), p.doc.entities[m.entity].id.as_str())).collect();
        assert_eq!(got, [(*word, *id)], "«{text}»");
    }
    let wrong: Vec<String> = negatives
        .iter()
        .enumerate()
        .flat_map(|(k, w)| p.mentions_of(BlockRef::Block(LOOKALIKES.len() + k)).iter().map(move |m| (w, m.entity)))
        .map(|(w, e)| format!("«{w}» → {}", p.doc.entities[e].id))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_seed_gains_no_variant_link() {
    let p = Prepared::new(article_authoring::seed::document().unwrap());
    let variants: Vec<String> = p
        .all_mentions()
        .filter(|(_, m)| matches!(m.source, MentionSource::Variant(_)))
        .map(|(t, m)| m.range.of(p.text(t)).to_owned())
        .collect();
    assert!(variants.is_empty(), "{variants:?}");
}
