//! Suggestions: the likely names a document does not link, each with its place in the text, for
//! the editor to confirm (`cargo xtask check`, the studio). Nothing here links anything:
//! - **ambiguous**: an alias marked ambiguous (a name that is also a common word: «مالي») that
//!   the context does not decide;
//! - **variant**: a spelling variant too weak to link (of a short one-word name), or that could
//!   be two entities;
//! - **part of a name**: a demonym or a place likely part of a person's or a club's name
//!   («محمد شياع السوداني», «المصري البورسعيدي»);
//! - **embedded**: a name's letters at the start of a longer word («عراقجي»);
//! - **known**: a name of a reference list (the sample catalogue's countries and capitals) that
//!   the document has no entity for;
//! - **title**: a name after a title (الرئيس, وزير, وكالة…) that nothing links;
//! - **family name**: a person's family name alone («البرهان» after «عبد الفتاح البرهان»), where
//!   no other entity has that word: confirmed, it becomes the person's alias;
//! - **near**: a word that resembles an alias (its stem, or one letter apart).
//!
//! The first four are the weak matches of the rule of trust ([`crate::model::link`]). A place
//! the document's `mentions.suppress` quotes (a suggestion the editor rejected) is never
//! suggested again.

use crate::model::link::Hold;
use crate::model::prepared::index_of;
use crate::model::{BlockRef, Entity, Prepared};
use crate::text::find::is_common;
use crate::text::{locate_quote, near_misses, normalize, normalize_str, Finder, Pattern, Utf8Range};

/// Why a place is suggested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// An ambiguous alias of this entity (index into the document's entities).
    Ambiguous { entity: usize },
    /// A spelling variant of these aliases: (entity, alias text), several when ambiguous.
    Variant { of: Vec<(usize, String)>, common: bool },
    /// This entity's alias (or name), but likely part of a larger name: a person's family name
    /// («السوداني» after «محمد شياع»), a club («المصري البورسعيدي»).
    PartOfName { entity: usize, alias: String },
    /// This entity's alias (or name) at the start of a longer word («عراقجي»).
    Embedded { entity: usize, alias: String },
    /// A name of the reference list: (its id, its English name).
    Known { id: String, name: String },
    /// A name after this title.
    Title { title: String },
    /// This person's family name alone (the last word of the name).
    FamilyName { entity: usize, alias: String },
    /// A word that looks like this alias of this entity.
    Near { entity: usize, alias: String },
}

impl Why {
    /// The entities of the document it proposes to link the words to (none: a new name).
    pub fn entities(&self) -> Vec<usize> {
        match self {
            Why::Ambiguous { entity }
            | Why::Near { entity, .. }
            | Why::FamilyName { entity, .. }
            | Why::PartOfName { entity, .. }
            | Why::Embedded { entity, .. } => vec![*entity],
            Why::Variant { of, .. } => {
                let mut out: Vec<usize> = of.iter().map(|&(e, _)| e).collect();
                out.dedup();
                out
            }
            Why::Known { .. } | Why::Title { .. } => Vec::new(),
        }
    }
}

/// One suggestion: a place in the text and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub text: BlockRef,
    /// Byte range in that text.
    pub range: Utf8Range,
    pub why: Why,
}

/// Titles after which a name usually follows.
const TITLES: &[&str] = &[
    "الرئيس",
    "الرئيسة",
    "رئيس",
    "رئيسة",
    "نائب",
    "وزير",
    "وزيرة",
    "الوزير",
    "الوزيرة",
    "وكالة",
    "صحيفة",
    "المتحدث",
    "المتحدثة",
    "السفير",
    "السفيرة",
    "الجنرال",
    "الأميرال",
    "الأدميرال",
    "العقيد",
    "اللواء",
    "الملك",
    "الأمير",
    "الشيخ",
    "المستشار",
    "المستشارة",
    "حاكم",
    "زعيم",
    "قائد",
    "السيناتور",
    "النائب",
    "شركة",
    "منظمة",
    "حزب",
    "حركة",
    // A counterpart: «التقى نظيره العراقي فؤاد حسين».
    "نظير",
    "نظيره",
    "نظيرها",
    "نظيرته",
    "نظيرتها",
];

/// Titles of bodies whose own name is the words with the article that follow
/// («منظمة التعاون الإسلامي», «حزب العدالة والتنمية»): the title and those words are the name.
const BODIES: &[&str] = &["منظمة", "حزب", "حركة"];

/// Every suggestion for a prepared document, in reading order. `known` is a reference list of
/// entities (the sample catalogue's countries and capitals) looked for by name.
pub fn suggestions(p: &Prepared, known: &[Entity]) -> Vec<Suggestion> {
    let doc = &p.doc;
    let alias_text = |entity: usize, alias: usize| -> String {
        let e = &doc.entities[entity];
        e.aliases.get(alias).map(|a| a.text()).unwrap_or(&e.name.ar).to_owned()
    };
    let aliases: Vec<(usize, &str)> = doc
        .entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            e.aliases
                .iter()
                .filter(|a| !a.is_ambiguous())
                .map(|a| a.text())
                .chain([e.name.ar.as_str()])
                .map(move |t| (i, t))
        })
        .collect();
    let ids: std::collections::HashSet<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
    let known: Vec<&Entity> = known.iter().filter(|e| !ids.contains(e.id.as_str())).collect();
    let gazetteer = Finder::new(known.iter().enumerate().flat_map(|(k, e)| {
        // A name its record marks ambiguous («مالي») is no likely name by itself.
        let name_ambiguous =
            e.aliases.iter().any(|a| a.is_ambiguous() && normalize_str(a.text()) == normalize_str(&e.name.ar));
        e.aliases
            .iter()
            .filter(|a| !a.is_ambiguous() && !a.is_adjective())
            .map(|a| a.text())
            .chain((!name_ambiguous).then_some(e.name.ar.as_str()))
            .map(move |text| Pattern { text, entity: k, alias: 0, adjective: false })
    }));
    let singles: Vec<&str> = aliases.iter().map(|&(_, t)| t).collect();
    let families = family_names(doc);
    let family_finder = Finder::new(families.iter().enumerate().map(|(k, (_, w))| Pattern {
        text: w,
        entity: k,
        alias: 0,
        adjective: false,
    }));

    let mut out = Vec::new();
    let texts = std::iter::once(BlockRef::HEADLINE).chain((0..doc.article.blocks.len()).map(BlockRef::Block));
    for t in texts {
        let text = p.text(t);
        // What the editor rejected (suppressed) is never suggested again.
        let suppressed: Vec<Utf8Range> = doc
            .mentions
            .suppress
            .iter()
            .filter(|q| q.block == t)
            .filter_map(|q| locate_quote(text, &q.exact, &q.prefix, &q.suffix))
            .collect();
        let linked: Vec<Utf8Range> = p.mentions_of(t).iter().map(|m| m.range).collect();
        let mut taken: Vec<Utf8Range> = linked.iter().chain(&suppressed).copied().collect();
        let push = |out: &mut Vec<Suggestion>, taken: &mut Vec<Utf8Range>, range: Utf8Range, why: Why| {
            if !taken.iter().any(|r| r.overlaps(range)) {
                taken.push(range);
                out.push(Suggestion { text: t, range, why });
            }
        };
        for u in p.unlinked.iter().filter(|u| u.text == index_of(t)) {
            let Some(&(entity, alias)) = u.of.first() else { continue };
            let why = match u.why {
                Hold::Ambiguous => Why::Ambiguous { entity },
                Hold::PartOfName => Why::PartOfName { entity, alias: alias_text(entity, alias) },
                Hold::Embedded => Why::Embedded { entity, alias: alias_text(entity, alias) },
                Hold::Variant { common } => {
                    Why::Variant { of: u.of.iter().map(|&(e, a)| (e, alias_text(e, a))).collect(), common }
                }
            };
            push(&mut out, &mut taken, u.range, why);
        }
        for m in gazetteer.find(text) {
            let e = known[m.entity];
            push(&mut out, &mut taken, m.range, Why::Known { id: e.id.clone(), name: e.name.en.clone() });
        }
        for (range, title, at) in after_titles(text) {
            // A title inside a linked name («منظمة» of «منظمة التعاون الإسلامي») names nothing
            // after it.
            if !linked.iter().any(|r| r.overlaps(at)) {
                push(&mut out, &mut taken, range, Why::Title { title });
            }
        }
        for m in family_finder.find(text) {
            let (entity, word) = &families[m.entity];
            push(&mut out, &mut taken, m.range, Why::FamilyName { entity: *entity, alias: word.clone() });
        }
        let plain = |r: Utf8Range| !is_common(&normalize_str(r.of(text)));
        for miss in near_misses(text, &singles, &taken.clone()).into_iter().filter(|m| plain(m.range)) {
            let (entity, alias) = aliases[miss.alias];
            push(&mut out, &mut taken, miss.range, Why::Near { entity, alias: alias.to_owned() });
        }
    }
    out.sort_by_key(|s| (article_format::published::text_index(s.text), s.range.start));
    out
}

/// People's family names, to find alone: (the person, the last word of the name). Only a name of
/// two words or more whose last word is no common word, is not taken by a particle or a compound
/// («بن سلمان»: a father's name; «آل الشيخ»), has three letters or more, and is no alias or name
/// word of another entity («السوداني» the demonym).
fn family_names(doc: &crate::model::Document) -> Vec<(usize, String)> {
    // Every entity's names and aliases, normalised once.
    let names: Vec<(usize, String)> = doc
        .entities
        .iter()
        .enumerate()
        .flat_map(|(k, e)| e.aliases.iter().map(|a| a.text()).chain([e.name.ar.as_str()]).map(move |t| (k, t)))
        .map(|(k, t)| (k, normalize_str(t)))
        .collect();
    let others = |i: usize, w: &str| names.iter().any(|(k, t)| *k != i && t == w);
    let mut out = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        if e.kind != crate::model::EntityKind::Person {
            continue;
        }
        let words: Vec<&str> = e.name.ar.split_whitespace().collect();
        let [.., before, last] = words[..] else { continue };
        let (b, w) = (normalize_str(before), normalize_str(last));
        let taken = PARTICLES.contains(&b.as_str()) || COMPOUNDS.contains(&b.as_str()) || b == "ال";
        if taken || w.chars().count() < 3 || is_common(&w) || others(i, &w) {
            continue;
        }
        out.push((i, last.to_owned()));
    }
    out
}

/// Names after a title: (the name's range, the title, the title's range). After the title, words
/// with the article («الخارجية الفنزويلي») describe it; the name is the words that follow, up to
/// punctuation or a common word, held together ([`name_end`]). After the title of a body
/// ([`BODIES`]), those words are its name, with the title.
fn after_titles(text: &str) -> Vec<(Utf8Range, String, Utf8Range)> {
    let n = normalize(text);
    let titles: Vec<String> = TITLES.iter().map(|t| normalize_str(t)).collect();
    let bodies: Vec<String> = BODIES.iter().map(|t| normalize_str(t)).collect();
    // Words of the normalised text, with whether punctuation (not a space) comes before each.
    let mut words: Vec<(usize, usize, bool)> = Vec::new();
    let mut start = None;
    let mut broken = false;
    for (i, c) in n.text.char_indices().chain(std::iter::once((n.text.len(), ' '))) {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                words.push((s, i, broken));
                broken = false;
            }
            if c != ' ' {
                broken = true;
            }
        }
    }
    let word = |k: usize| &n.text[words[k].0..words[k].1];
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let w = word(k);
        let bare = w.strip_prefix('و').filter(|r| titles.iter().any(|t| t == r)).unwrap_or(w);
        if !titles.iter().any(|t| t == bare) {
            k += 1;
            continue;
        }
        let mut j = k + 1;
        // «المتحدث باسم الجيش»: what a spokesperson speaks for (one word, and the words with the
        // article that describe it) is no name.
        let speaks_for = j + 1 < words.len() && !words[j].2 && !words[j + 1].2 && word(j) == "باسم";
        if speaks_for {
            j += 2;
        }
        let most = if speaks_for { 5 } else { 3 };
        while j < words.len() && !words[j].2 && word(j).starts_with("ال") && j - k <= most {
            j += 1;
        }
        let at = n.original(Utf8Range::new(words[k].0, words[k].1));
        let title = text[at.start..at.end].to_owned();
        if bodies.iter().any(|b| b == bare) && j > k + 1 && !speaks_for {
            // «حزب العدالة والتنمية»: the words with the article, and those joined by «و».
            while j < words.len() && !words[j].2 && word(j).starts_with("وال") {
                j += 1;
            }
            out.push((n.original(Utf8Range::new(words[k].0, words[j - 1].1)), title, at));
            k = j;
            continue;
        }
        let first = j;
        j = name_end(&words, &word, first);
        if j > first && !(j == first + 1 && word(first).chars().count() < 3) {
            let range = n.original(Utf8Range::new(words[first].0, words[j - 1].1));
            out.push((range, title, at));
        }
        k = j.max(k + 1);
    }
    out
}

/// Words that join a person's names: the word after one belongs to the name, with the article
/// or without («محمد بن سلمان», «تركي آل الشيخ»).
const PARTICLES: &[&str] = &["بن", "ابن", "بنت", "ال", "ولد"];
/// First words of compound first names: the next word belongs to them («عبد الله», «أبو بكر»).
const COMPOUNDS: &[&str] = &["عبد", "ابو", "ابي", "ام"];

/// Where a person's name that starts at word `first` ends (one past its last word): up to five
/// words, none a common word, with the words a compound first name or a particle takes (even
/// with the article), and a family name with the article at its end («محمد شياع السوداني»,
/// «عبد الفتاح البرهان», «نبيل الطرابلسي»).
fn name_end<'t>(words: &[(usize, usize, bool)], word: &dyn Fn(usize) -> &'t str, first: usize) -> usize {
    let joined = |j: usize| j < words.len() && !words[j].2;
    let plain = |w: &str| w.chars().count() >= 2 && !is_common(w);
    let mut j = first;
    // Whether the name so far is a first name alone (one word, or a compound one).
    let mut first_name_only = true;
    while joined(j) && j - first < 5 {
        let w = word(j);
        let takes_next = COMPOUNDS.contains(&w) || PARTICLES.contains(&w);
        // The word a particle or a compound takes may be a common word («آل الشيخ», «عبد الله»).
        let next_is_word = joined(j + 1) && word(j + 1).chars().count() >= 2;
        if takes_next && next_is_word && (j > first || COMPOUNDS.contains(&w)) {
            first_name_only = j == first && COMPOUNDS.contains(&w);
            j += 2;
            continue;
        }
        if w.starts_with("ال") {
            // A family name with the article ends the name, as a regnal number does («عبد الله
            // الثاني»); it needs a first name before it.
            let regnal = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس"].contains(&w);
            let family = plain(w) && (w.ends_with('ي') || first_name_only);
            if j > first && (family || regnal) {
                j += 1;
            }
            break;
        }
        if !plain(w) {
            break;
        }
        first_name_only = j == first;
        j += 1;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, String)> {
        after_titles(text).into_iter().map(|(r, t, _)| (r.of(text).to_owned(), t)).collect()
    }

    #[test]
    fn names_after_titles() {
        assert_eq!(
            names("وقال وزير الخارجية الفنزويلي إيفان خيل إن بلاده ستعرض الأمر."),
            [("إيفان خيل".to_owned(), "وزير".to_owned())]
        );
        assert_eq!(names("بحسب وكالة تاس، وصل الرئيس."), [("تاس".to_owned(), "وكالة".to_owned())]);
        assert!(names("وقال الرئيس إن الأمر انتهى").is_empty(), "a common word is no name");
        assert!(names("وزير، خيل").is_empty(), "not across punctuation");
    }

    /// A name after a title, as the marks `[name]` say, held together (issue 22).
    #[track_caller]
    fn check_name(marked: &str) {
        let open = marked.find('[').unwrap();
        let close = marked.find(']').unwrap();
        let text = format!("{}{}{}", &marked[..open], &marked[open + 1..close], &marked[close + 1..]);
        let expected = &marked[open + 1..close];
        let found: Vec<String> = names(&text).into_iter().map(|(n, _)| n).collect();
        assert_eq!(found, [expected], "in «{text}»");
    }

    #[test]
    fn names_are_held_together() {
        // A nisba family name, after the title's words that describe it.
        check_name("وقال رئيس الوزراء العراقي [محمد شياع السوداني] إن بلاده تدعم الحوار.");
        // Compound first names: عبد + X, أبو + X.
        check_name("وقال قائد الجيش [عبد الفتاح البرهان] في خطاب إن السودان لن يقبل.");
        check_name("والتقى الرئيس [عبد الله الثاني] وفدا.");
        check_name("وقال الرئيس الفلسطيني [أبو مازن] إن الوضع خطير.");
        // Particles: بن, آل, and the article of a family name.
        check_name("واستقبل الأمير [محمد بن سلمان] الوفد.");
        check_name("وكان الشيخ [تركي آل الشيخ] قد أعلن.");
        check_name("وقال وزير الخارجية الإيراني [عباس عراقجي] إن المحادثات ستستأنف.");
        check_name("وقال المتحدث [منير الطرابلسي] إن القضية سياسية.");
        // Not across punctuation, and no common word.
        check_name("وقال الرئيس [دونالد ترامب]، إن بلاده لن تتراجع.");
        // What a spokesperson speaks for is no name; the name after it is.
        check_name("وقال المتحدث باسم الجيش السوداني [خالد عبد الله] إن القوات تقدمت.");
    }

    #[test]
    fn a_body_s_name_is_its_title_and_the_words_with_the_article() {
        check_name("وأكد أن أنقرة مستعدة للتعاون في إطار [منظمة التعاون الإسلامي] لمواجهة التحديات.");
        check_name("وفاز [حزب العدالة والتنمية] بالانتخابات.");
        check_name("وقالت حركة [حماس] إن الوفد وصل.");
        // A counterpart is a title: the name follows the words that describe it.
        check_name("والتقى نظيره العراقي [فؤاد حسين] في بغداد.");
    }

    #[test]
    fn a_verb_or_what_a_spokesperson_speaks_for_is_no_name() {
        assert!(names("وقال المتحدث باسم الجيش إن القوات تقدمت.").is_empty());
        assert!(names("وقال المتحدث باسم حماس إن الوفد وصل.").is_empty());
        assert!(names("قائد الجيش يلتقي وفدا أمريكيا في بورتسودان.").is_empty());
        assert!(names("وزير الخارجية يستقبل نظيره المصري.").is_empty());
        assert!(names("الرئيس تلتقي الوفد.").is_empty());
    }
}
