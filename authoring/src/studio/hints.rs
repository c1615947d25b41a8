//! What the studio offers so that an editor types less and never a wrong id: entities found by a
//! few letters of any of their names ([`search`]), a new entity's English name from the article's
//! own Latin words or from a catalogue, else a transliteration marked as a guess
//! ([`english_name`]), a relation's ends from the mentions inside the selected words
//! ([`relation_ends`]), the predicates the words' verbs suggest ([`predicate_hints`]), a map
//! feature's kind from its entity's ([`feature_kind_for`]).

use super::Selection;
use crate::catalogue::Catalogue;
use crate::model::{Document, Entity, EntityKind, MapFeatureKind, Predicate, Prepared};
use crate::text::normalize_str;

/// An entity found by [`search`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub id: String,
    pub kind: EntityKind,
    pub name_ar: String,
    pub name_en: String,
    /// Whether the document has its record (else a catalogue does).
    pub own: bool,
}

/// The entities whose names, aliases or id match what was typed (Arabic or English, any case,
/// Arabic normalised: hamza forms, ta marbuta, diacritics), best first: a whole name, then a
/// name's start, then a word's start, then anywhere; the document's own before the catalogues'.
/// At most `limit`.
pub fn search(doc: &Document, catalogues: &[Catalogue], query: &str, limit: usize) -> Vec<Found> {
    let q = normalize_str(query.trim());
    if q.is_empty() {
        return doc.entities.iter().take(limit).map(|e| found(e, true)).collect();
    }
    let rank = |e: &Entity| -> Option<u8> {
        let names = [e.name.ar.as_str(), e.name.en.as_str(), e.id.as_str()]
            .into_iter()
            .chain(e.aliases.iter().map(|a| a.text()))
            .map(normalize_str);
        names
            .filter_map(|n| {
                if n == q {
                    Some(0)
                } else if n.starts_with(&q) {
                    Some(1)
                } else if n.split([' ', '-']).any(|w| w.starts_with(&q)) {
                    Some(2)
                } else if n.contains(&q) {
                    Some(3)
                } else {
                    None
                }
            })
            .min()
    };
    let mut seen = std::collections::HashSet::new();
    let own = doc.entities.iter().map(|e| (e, true));
    let theirs = catalogues.iter().rev().flat_map(|c| c.entities.iter().map(|e| (e, false)));
    let mut hits: Vec<(u8, bool, &Entity)> = own
        .chain(theirs)
        .filter(|(e, _)| seen.insert(e.id.as_str()))
        .filter_map(|(e, own)| Some((rank(e)?, own, e)))
        .collect();
    hits.sort_by_key(|&(r, own, e)| (r, !own, e.name.en.len()));
    hits.into_iter().take(limit).map(|(_, own, e)| found(e, own)).collect()
}

fn found(e: &Entity, own: bool) -> Found {
    Found { id: e.id.clone(), kind: e.kind, name_ar: e.name.ar.clone(), name_en: e.name.en.clone(), own }
}

/// A new entity's English name for the selected words, and whether it is a guess: the Latin
/// words the article writes in brackets right after them («عباس عراقجي (Abbas Araghchi)»), else
/// a catalogue record whose Arabic name is the words, else a transliteration (a guess, which the
/// studio marks as such, and the validator lists until an editor changes it).
pub fn english_name(doc: &Document, catalogues: &[Catalogue], at: Selection) -> (String, bool) {
    let Some(text) = crate::model::validate::block_text(&doc.article, at.text) else { return (String::new(), true) };
    let words = text.get(at.range.start..at.range.end).unwrap_or_default().trim();
    let after = text.get(at.range.end..).unwrap_or_default().trim_start();
    if let Some(inner) =
        after.strip_prefix('(').or_else(|| after.strip_prefix('（')).and_then(|r| r.split([')', '）']).next())
    {
        let latin = inner.trim();
        if !latin.is_empty()
            && latin.len() < 80
            && latin
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c.is_alphabetic() && !is_arabic(c) || " .'-".contains(c))
        {
            return (latin.to_owned(), false);
        }
    }
    if !name_like(words) {
        return (String::new(), false);
    }
    let key = normalize_str(words);
    if let Some(e) = catalogues
        .iter()
        .flat_map(|c| &c.entities)
        .find(|e| normalize_str(&e.name.ar) == key || e.aliases.iter().any(|a| normalize_str(a.text()) == key))
    {
        return (e.name.en.clone(), false);
    }
    (transliterate(words), true)
}

/// Whether selected words could be a name (of an entity, of a place on the map): five words at
/// most and no sentence punctuation. A clause selected for a relation gets no name guessed.
pub fn name_like(words: &str) -> bool {
    let words = words.trim();
    !words.is_empty()
        && words.split_whitespace().count() <= 5
        && !words.contains(['،', ',', '.', '؛', ';', ':', '؟', '?', '!'])
}

fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c)
}

/// A readable Latin spelling of Arabic words, letter by letter, for a first guess at a name: «عباس
/// عراقجي» gives "Abbas Araqji". Not a standard romanisation; an editor checks it.
pub fn transliterate(arabic: &str) -> String {
    let mut words = Vec::new();
    for word in arabic.split_whitespace() {
        let chars: Vec<char> = word.chars().filter(|c| !('\u{064B}'..='\u{0652}').contains(c) && *c != 'ـ').collect();
        let mut out = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let first = i == 0;
            let last = i + 1 == chars.len();
            let s = match c {
                'ا' | 'أ' | 'إ' | 'آ' if first => "a",
                'ا' | 'آ' => "a",
                'أ' | 'إ' | 'ء' | 'ئ' | 'ؤ' => "'",
                'ب' => "b",
                'ت' => "t",
                'ث' => "th",
                'ج' => "j",
                'ح' => "h",
                'خ' => "kh",
                'د' => "d",
                'ذ' => "dh",
                'ر' => "r",
                'ز' => "z",
                'س' => "s",
                'ش' => "sh",
                'ص' => "s",
                'ض' => "d",
                'ط' => "t",
                'ظ' => "z",
                'ع' if first => "a",
                'ع' => "'",
                'غ' => "gh",
                'ف' => "f",
                'ق' => "q",
                'ك' => "k",
                'ل' => "l",
                'م' => "m",
                'ن' => "n",
                'ه' => "h",
                'ة' => "a",
                'و' if first => "w",
                'و' => {
                    if chars.get(i - 1).is_some_and(|&p| p == 'ا') {
                        "w"
                    } else {
                        "u"
                    }
                }
                'ي' | 'ى' if first => "y",
                'ي' if last => "i",
                'ي' => {
                    if chars.get(i + 1).is_some_and(|&n| n == 'ا' || n == 'و') {
                        "y"
                    } else {
                        "i"
                    }
                }
                'ى' => "a",
                'پ' => "p",
                'ڤ' => "v",
                'گ' => "g",
                c if c.is_ascii_alphanumeric() => {
                    out.push(c);
                    continue;
                }
                _ => "",
            };
            // Article «ال» at a word's start: "al-".
            if first && c == 'ا' && chars.get(1) == Some(&'ل') && chars.len() > 3 {
                out.push_str("al-");
                continue;
            }
            if i == 1 && chars[0] == 'ا' && c == 'ل' && chars.len() > 3 {
                continue;
            }
            out.push_str(s);
        }
        let out = out.trim_start_matches('\'').to_owned();
        let mut cs = out.chars();
        if let Some(f) = cs.next() {
            words.push(f.to_uppercase().chain(cs).collect::<String>());
        }
    }
    words.join(" ")
}

/// A relation's subject and object from the selected words: two of the entities mentioned in
/// them (the likeliest ends), in reading order. Either may be missing.
pub fn relation_ends(prepared: &Prepared, at: Selection) -> (Option<String>, Option<String>) {
    // The likely ends first: actors (people, organisations, units, ships) named outright, then
    // countries, then any other name, then adjectives («الأردني»); each tier in reading order.
    // «استقبل الوزير العماني بدر البوسعيدي في مسقط نظيره الأردني أيمن الصفدي» relates the two
    // people, not Oman and the minister, nor Muscat.
    let tier = |m: &crate::text::Mention| {
        use crate::model::EntityKind::*;
        match (m.adjective, prepared.doc.entities[m.entity].kind) {
            (true, _) => 3,
            (false, Person | Organisation | MilitaryUnit | MilitaryAsset) => 0,
            (false, Country) => 1,
            _ => 2,
        }
    };
    let mut found: Vec<(u8, usize, &str)> = Vec::new();
    for m in prepared.mentions_of(at.text) {
        if m.range.start >= at.range.start && m.range.end <= at.range.end {
            let id = prepared.doc.entities[m.entity].id.as_str();
            if !found.iter().any(|f| f.2 == id) {
                found.push((tier(m), m.range.start, id));
            }
        }
    }
    found.sort();
    found.truncate(2);
    // The two, in the order the text names them (the subject comes first in most sentences).
    found.sort_by_key(|f| f.1);
    let mut it = found.into_iter().map(|f| f.2.to_owned());
    (it.next(), it.next())
}

/// The predicates the verbs of the selected words suggest, likeliest first («وقّع» signed, «زار»
/// visited, «اتهم» accuses…), from a small lexicon of news verbs and their common forms.
pub fn predicate_hints(doc: &Document, at: Selection) -> Vec<Predicate> {
    let Some(text) = crate::model::validate::block_text(&doc.article, at.text) else { return Vec::new() };
    let words = normalize_str(text.get(at.range.start..at.range.end).unwrap_or_default());
    const LEXICON: &[(&str, Predicate)] = &[
        ("وقع", Predicate::Signed),
        ("توقيع", Predicate::Signed),
        ("زار", Predicate::Visited),
        ("زياره", Predicate::Visited),
        ("التقي", Predicate::MetWith),
        ("لقاء", Predicate::MetWith),
        ("اجتمع", Predicate::MetWith),
        ("استقبل", Predicate::MetWith),
        ("اتهم", Predicate::Accuses),
        ("اتهام", Predicate::Accuses),
        ("ادان", Predicate::Condemns),
        ("دان", Predicate::Condemns),
        ("حذر", Predicate::WarnsAgainst),
        ("هدد", Predicate::Threatens),
        ("نفي", Predicate::Denies),
        ("ارسل", Predicate::Sent),
        ("نشر", Predicate::DeployedIn),
        ("انتشار", Predicate::DeployedIn),
        ("وصل", Predicate::ArrivedAt),
        ("رست", Predicate::DockedAt),
        ("رسا", Predicate::DockedAt),
        ("عقوبات", Predicate::Sanctions),
        ("دعم", Predicate::Supports),
        ("يدعم", Predicate::Supports),
        ("تحالف", Predicate::AlliedWith),
        ("حليف", Predicate::AlliedWith),
        ("تعاون", Predicate::CooperatesWith),
        ("رئيس", Predicate::PresidentOf),
        ("يقود", Predicate::Leads),
        ("قاد", Predicate::Leads),
        ("امر", Predicate::Ordered),
        ("شارك", Predicate::TakesPartIn),
        ("مشارك", Predicate::TakesPartIn),
        ("نفذ", Predicate::CarriedOut),
        ("يستهدف", Predicate::Targets),
        ("استهدف", Predicate::Targets),
        ("رفض", Predicate::RejectsAccusationsOf),
        ("اتفق", Predicate::AgreedTo),
        ("عرض", Predicate::Offered),
        ("ضغط", Predicate::Pressures),
        ("عاصمه", Predicate::CapitalOf),
        ("قباله", Predicate::LocatedOff),
    ];
    // The words of the document's names are no verbs («فيدان» is no «يدين»).
    let names: std::collections::HashSet<String> = doc
        .entities
        .iter()
        .flat_map(|e| e.aliases.iter().map(|a| a.text()).chain([e.name.ar.as_str()]))
        .flat_map(|n| normalize_str(n).split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    let mut out: Vec<Predicate> = Vec::new();
    for word in words.split_whitespace() {
        if names.contains(word) || word.strip_prefix(['و', 'ف']).is_some_and(|w| names.contains(w)) {
            continue;
        }
        // The verb with its prefixes (و ف) and a tense or person letter (ي ت ن أ) off.
        let bare = word.strip_prefix(['و', 'ف']).unwrap_or(word);
        let stems = [word, bare, bare.strip_prefix(['ي', 'ت', 'ن', 'ا']).unwrap_or(bare)];
        for (root, p) in LEXICON {
            if stems.iter().any(|s| s.starts_with(root)) && !out.contains(p) {
                out.push(*p);
            }
        }
    }
    out
}

/// A map feature's kind for an entity placed on the map: a city's "city", a country's
/// "country", anything else a "station" (the place it stands at). Changed afterwards if need be.
pub fn feature_kind_for(kind: EntityKind) -> MapFeatureKind {
    match kind {
        EntityKind::City => MapFeatureKind::City,
        EntityKind::Country | EntityKind::Region => MapFeatureKind::Country,
        EntityKind::Event => MapFeatureKind::Incident,
        _ => MapFeatureKind::Station,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockRef;
    use crate::studio::from_plain;
    use crate::text::Utf8Range;

    fn sel(doc: &Document, words: &str) -> Selection {
        let text = &doc.article.blocks[0].text;
        let start = text.find(words).unwrap();
        Selection { text: BlockRef::Block(0), range: Utf8Range::new(start, start + words.len()) }
    }

    #[test]
    fn an_english_name_from_the_article_a_catalogue_or_a_guess() {
        let doc =
            from_plain("عنوان\nقال وزير الخارجية عباس عراقجي (Abbas Araghchi) إن مسقط تستضيف المحادثات.", Vec::new());
        assert_eq!(english_name(&doc, &[], sel(&doc, "عباس عراقجي")), ("Abbas Araghchi".to_owned(), false));
        let catalogue: Catalogue =
            serde_json::from_str(include_str!("../../../assets/catalogues/sample.json")).unwrap();
        assert_eq!(
            english_name(&doc, std::slice::from_ref(&catalogue), sel(&doc, "مسقط")),
            ("Muscat".to_owned(), false)
        );
        let (guess, guessed) = english_name(&doc, &[], sel(&doc, "المحادثات"));
        assert!(guessed && guess.starts_with("Al-"), "{guess}");
        // A clause is no name: nothing is guessed for it.
        assert!(!name_like("قال وزير الخارجية عباس عراقجي إن مسقط تستضيف") && !name_like("مسقط، وعمان"));
        assert_eq!(
            english_name(&doc, &[], sel(&doc, "قال وزير الخارجية عباس عراقجي (Abbas Araghchi) إن مسقط تستضيف")).0,
            ""
        );
    }

    #[test]
    fn transliterations_read_as_names() {
        for (ar, en) in [("عباس", "Abbas"), ("مسقط", "Msqt"), ("بغداد", "Bghdad"), ("البوسعيدي", "Al-Bus'idi")]
        {
            let got = transliterate(ar);
            assert!(!got.is_empty() && got.chars().next().unwrap().is_uppercase(), "{ar}: {got}");
            let _ = en;
        }
        assert_eq!(transliterate("عباس عراقجي"), "Abas Araqji");
    }

    #[test]
    fn search_finds_by_any_name_own_first() {
        let catalogue: Catalogue =
            serde_json::from_str(include_str!("../../../assets/catalogues/sample.json")).unwrap();
        let doc = crate::seed::document().unwrap();
        let hits = search(&doc, std::slice::from_ref(&catalogue), "مادورو", 5);
        assert_eq!(hits[0].id, "nicolas-maduro");
        assert!(hits[0].own);
        let hits = search(&doc, std::slice::from_ref(&catalogue), "musc", 5);
        assert_eq!(hits.first().map(|h| h.id.as_str()), Some("muscat"), "{hits:?}");
        assert!(!hits[0].own);
        let hits = search(&doc, std::slice::from_ref(&catalogue), "عمان", 5);
        assert!(hits.iter().any(|h| h.id == "oman"), "{hits:?}");
    }

    #[test]
    fn a_relation_in_the_selected_words() {
        let doc = crate::seed::document().unwrap();
        let p = Prepared::new(doc.clone());
        let block = doc.relations[0].evidence.block;
        let text = crate::model::validate::block_text(&doc.article, block).unwrap();
        let start = text.find(&doc.relations[0].evidence.exact).unwrap();
        let at = Selection { text: block, range: Utf8Range::new(start, start + doc.relations[0].evidence.exact.len()) };
        let (s, o) = relation_ends(&p, at);
        assert!(s.is_some(), "{s:?} {o:?}");
        let signed = from_plain("عنوان\nووقّع الرئيسان الاتفاقية، وزار مادورو موسكو.", Vec::new());
        assert_eq!(predicate_hints(&signed, sel(&signed, "ووقّع الرئيسان الاتفاقية")), [Predicate::Signed]);
        assert_eq!(predicate_hints(&signed, sel(&signed, "وزار مادورو موسكو")), [Predicate::Visited]);
        // A name's letters are no verb: «فيدان» is not «يدين» (condemns) once it is a name.
        let mut fidan = from_plain("عنوان\nوصل هاكان فيدان إلى بغداد.", Vec::new());
        assert_eq!(
            predicate_hints(&fidan, sel(&fidan, "وصل هاكان فيدان إلى بغداد")),
            [Predicate::ArrivedAt, Predicate::Condemns]
        );
        let person = serde_json::json!({"id": "hakan-fidan", "kind": "person", "name": {"ar": "هاكان فيدان", "en": "Hakan Fidan"},
            "aliases": ["هاكان فيدان"], "description": {"ar": "شخص", "en": "A person"}});
        fidan.entities.push(serde_json::from_value(person).unwrap());
        assert_eq!(predicate_hints(&fidan, sel(&fidan, "وصل هاكان فيدان إلى بغداد")), [Predicate::ArrivedAt]);
    }
}
