//! The rule of trust on the cases issue 22 reported, as find tables: each text is a document
//! against the sample catalogue alone, and `[id|words]` marks every automatic link expected
//! (nothing else may be linked); `{id|words}` marks a suggestion expected there.
#![cfg(not(target_arch = "wasm32"))]

use article_authoring::catalogue::{self, resolve};
use article_authoring::model::{Article, Block, BlockKind, Direction, Document, Prepared};
use article_authoring::suggest::suggestions;

fn prepared(text: &str) -> Prepared {
    let doc = Document {
        version: 1,
        catalogues: vec!["sample.json".into()],
        article: Article {
            headline: "عنوان".into(),
            blocks: vec![Block { kind: BlockKind::Paragraph, text: text.into() }],
            language: "ar".into(),
            direction: Direction::Rtl,
            source: None,
            published: None,
        },
        entities: Vec::new(),
        relations: Vec::new(),
        map: Default::default(),
        timeline: Vec::new(),
        mentions: Default::default(),
    };
    let sample = catalogue::parse("sample.json", include_str!("../../assets/catalogues/sample.json")).unwrap();
    Prepared::new(resolve(doc, &[sample]).doc)
}

/// Plain text, and the marked places: (words, id, whether a link (or a suggestion)).
fn parse(marked: &str) -> (String, Vec<(String, String, bool)>) {
    let mut text = String::new();
    let mut expected = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find(['[', '{']) {
        text.push_str(&rest[..open]);
        let link = rest[open..].starts_with('[');
        let close = rest[open..].find([']', '}']).unwrap() + open;
        let (id, words) = rest[open + 1..close].split_once('|').unwrap();
        expected.push((words.to_owned(), id.to_owned(), link));
        text.push_str(words);
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    (text, expected)
}

#[track_caller]
fn check(marked: &str) {
    let (text, expected) = parse(marked);
    let p = prepared(&text);
    let block = article_authoring::model::BlockRef::Block(0);
    let links: Vec<(String, String)> = p
        .mentions_of(block)
        .iter()
        .map(|m| (m.range.of(&text).to_owned(), p.doc.entities[m.entity].id.clone()))
        .collect();
    let want: Vec<(String, String)> =
        expected.iter().filter(|e| e.2).map(|(w, id, _)| (w.clone(), id.clone())).collect();
    assert_eq!(links, want, "links in «{text}»");
    let s = suggestions(&p, &[]);
    for (words, id, _) in expected.iter().filter(|e| !e.2) {
        assert!(
            s.iter()
                .any(|s| s.range.of(&text) == words && s.why.entities().iter().any(|&e| p.doc.entities[e].id == *id)),
            "no suggestion of {id} at «{words}» in «{text}»: {s:#?}"
        );
    }
}

#[test]
fn a_persons_name_is_not_a_place() {
    check("وصل وزير الخارجية [iran|الإيراني] عباس {iraq|عراقجي} إلى [muscat|مسقط]، وقال عراقجي إن الحوار مستمر.");
    check("وقال رئيس الوزراء [iraq|العراقي] محمد شياع {sudan|السوداني} إن [iraq|العراق] يدعم الحوار.");
    check("وقال المحامي نبيل الطرابلسي إن الحكم قابل للطعن، وإن الطرابلسي بريء.");
    check("ورحب تركي آل الشيخ بالقرار في [riyadh|الرياض].");
    check("وسجل المهاجم بغداد بونجاح هدفاً، وعاد الفريق إلى [baghdad|بغداد].");
}

#[test]
fn a_one_word_variant_is_a_suggestion_where_the_words_do_not_call_for_a_name() {
    check("وقال {vladimir-putin|بوتن} إن [russia|روسيا] لن تتراجع.");
    check("بين [tehran|طهران] و[washington|واشنطن]، ثم وصل إلى [washington|واشنطون].");
    check("وتقول {venezuela|فينزويلا} إن {caracas|كراكاس} ترفض العقوبات، ووصل الوفد إلى [caracas|كراكاس].");
    check("وقالت فرق الإطفاء إن الحكم قابل للطعن، وإن جنوداً أرسلوا، وإن الكابل انقطع.");
}

#[test]
fn demonyms_in_every_form_but_not_in_a_name() {
    check("الحكومة [palestine|الفلسطينية] والسلطات [tunisia|التونسية] والصحف [united-kingdom|البريطانية] و[palestine|الفلسطينيون] ومسؤولون [sudan|سودانيون].");
    check("في الدوري [egypt|المصري] فاز الأهلي على المصري البورسعيدي، وقال مدرب المصري إن فريقه خسر.");
    check("وقالت الخارجية [united-states|الأميركية] إن [united-kingdom|بريطانيا] و[saudi-arabia|المملكة العربية السعودية] توافقان.");
    check("أجرت سفن من [india|الهند] مناورات في المحيط الهندي، وقال المرصد السوري إن القتال مستمر.");
    check("وأصيب اللاعب في قدمه اليمنى، فيما وصل وفد [yemen|يمني] إلى [muscat|مسقط].");
}

#[test]
fn an_ambiguous_alias_is_linked_only_where_the_context_decides_it() {
    check("أعلنت حكومة [mali|مالي] أن الحكومة [mali|المالية] ترفض الوصاية، وأن الأزمة المالية تتفاقم.");
    check("وتحدث التقرير عن فساد مالي ودعم مالي، وعن وزارة المالية.");
    check("ووصل الوفد إلى [oman|سلطنة عمان]، وعقد لقاءات في [oman|عمان]، وقال إن {oman|عمان} تدعم الحوار.");
    check("ووصل الوفد إلى [jordan|الأردن]، وعقد لقاءات بعمان.");
    check("وقال مسؤول [jordan|أردني] إن عمان تدعم الحوار، ووصل الوفد إلى {oman|عمان}.");
}

/// The sample catalogue's document with these people added: (id, Arabic name).
fn with_people(text: &str, people: &[(&str, &str)]) -> Prepared {
    with_entities(text, "person", people)
}

/// The sample catalogue's document with these entities of one kind added: (id, Arabic name).
fn with_entities(text: &str, kind: &str, people: &[(&str, &str)]) -> Prepared {
    let mut p = prepared(text);
    let mut doc = p.doc.clone();
    for (id, name) in people {
        let entity = serde_json::json!({"id": id, "kind": kind, "name": {"ar": name, "en": id},
            "aliases": [name], "description": {"ar": "شخص", "en": "A person"}});
        doc.entities.push(serde_json::from_value(entity).unwrap());
    }
    p = Prepared::new(doc);
    p
}

/// The family names suggested in a text: (the words, the person's id).
fn family_names(p: &Prepared) -> Vec<(String, String)> {
    use article_authoring::suggest::Why;
    let text = p.text(article_authoring::model::BlockRef::Block(0));
    suggestions(p, &[])
        .into_iter()
        .filter_map(|s| match s.why {
            Why::FamilyName { entity, .. } => Some((s.range.of(text).to_owned(), p.doc.entities[entity].id.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_persons_family_name_alone_is_suggested_as_that_person() {
    // Found alone later, with a clitic too (after «لل», from the article's «ل», as every mention);
    // the full name is linked, not suggested.
    let p = with_people(
        "وقال قائد الجيش عبد الفتاح البرهان إن الحرب ستنتهي. وأكد البرهان أن الحوار ممكن، وللبرهان شروط.",
        &[("abdel-fattah-al-burhan", "عبد الفتاح البرهان")],
    );
    assert_eq!(
        family_names(&p),
        [
            ("البرهان".to_owned(), "abdel-fattah-al-burhan".to_owned()),
            ("لبرهان".to_owned(), "abdel-fattah-al-burhan".to_owned())
        ]
    );
    // A father's name after بن, a word of a compound, a demonym another entity has, a common word:
    // none is the person's family name.
    let p = with_people(
        "استقبل محمد بن سلمان الوفد، وكان سلمان غائبا. وقال محمد شياع السوداني إن الوفد السوداني وصل. وقال جمال الأمين إن الأمين العام سيحضر.",
        &[("mohammed-bin-salman", "محمد بن سلمان"), ("mohammed-shia-al-sudani", "محمد شياع السوداني"), ("jamal-al-amin", "جمال الأمين")],
    );
    assert_eq!(family_names(&p), []);
}

#[test]
fn the_words_after_a_linked_name_that_begins_with_a_title_are_no_name() {
    let text = "ونقلت وكالة الأنباء العراقية كلمة الوزير، في إطار منظمة التعاون الإسلامي لمواجهة التحديات.";
    let p = with_entities(text, "organisation", &[("ina", "وكالة الأنباء العراقية"), ("oic", "منظمة التعاون الإسلامي")]);
    let titles: Vec<String> = suggestions(&p, &[])
        .into_iter()
        .filter(|s| matches!(s.why, article_authoring::suggest::Why::Title { .. }))
        .map(|s| s.range.of(text).to_owned())
        .collect();
    assert_eq!(titles, Vec::<String>::new());
}
