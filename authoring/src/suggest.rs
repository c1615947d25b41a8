//! Suggestions: the likely names a document does not link, each with its place in the text, for
//! the editor to confirm (`cargo xtask check`, the studio). Nothing here links anything:
//! - **ambiguous**: an alias marked ambiguous (a name that is also a common word: «مالي»);
//! - **variant**: a spelling variant of an alias that was not linked because it is ambiguous
//!   (two entities) or a common word;
//! - **known**: a name of a reference list (the sample catalogue's countries and capitals) that
//!   the document has no entity for;
//! - **title**: a name after a title (الرئيس, وزير, وكالة…) that nothing links;
//! - **near**: a word that resembles an alias (its stem, or one letter apart).

use crate::model::{BlockRef, Entity, Prepared};
use crate::text::find::is_common;
use crate::text::{near_misses, normalize, normalize_str, Finder, Pattern, Utf8Range, VariantFinder};

/// Why a place is suggested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// An ambiguous alias of this entity (index into the document's entities).
    Ambiguous { entity: usize },
    /// A spelling variant of these aliases: (entity, alias text), several when ambiguous.
    Variant { of: Vec<(usize, String)>, common: bool },
    /// A name of the reference list: (its id, its English name).
    Known { id: String, name: String },
    /// A name after this title.
    Title { title: String },
    /// A word that looks like this alias of this entity.
    Near { entity: usize, alias: String },
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
];

/// Every suggestion for a prepared document, in reading order. `known` is a reference list of
/// entities (the sample catalogue's countries and capitals) looked for by name.
pub fn suggestions(p: &Prepared, known: &[Entity]) -> Vec<Suggestion> {
    let doc = &p.doc;
    let ambiguous = Finder::new(doc.entities.iter().enumerate().flat_map(|(entity, e)| {
        e.aliases.iter().enumerate().filter(|(_, a)| a.is_ambiguous()).map(move |(alias, a)| Pattern {
            text: a.text(),
            entity,
            alias,
            adjective: false,
        })
    }));
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
    let variants = VariantFinder::new(aliases.iter().enumerate().map(|(k, &(entity, text))| Pattern {
        text,
        entity,
        alias: k,
        adjective: false,
    }));
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

    let mut out = Vec::new();
    let texts = std::iter::once(BlockRef::HEADLINE).chain((0..doc.article.blocks.len()).map(BlockRef::Block));
    for t in texts {
        let text = p.text(t);
        let mut taken: Vec<Utf8Range> = p.mentions_of(t).iter().map(|m| m.range).collect();
        let push = |out: &mut Vec<Suggestion>, taken: &mut Vec<Utf8Range>, range: Utf8Range, why: Why| {
            if !taken.iter().any(|r| r.overlaps(range)) {
                taken.push(range);
                out.push(Suggestion { text: t, range, why });
            }
        };
        for m in ambiguous.find(text) {
            push(&mut out, &mut taken, m.range, Why::Ambiguous { entity: m.entity });
        }
        // A common word is no likely name: neither as a variant nor as a near miss.
        for v in variants.find(text, &taken.clone()).into_iter().filter(|v| !v.common) {
            let of = v.candidates.iter().map(|&(e, k)| (e, aliases[k].1.to_owned())).collect();
            push(&mut out, &mut taken, v.range, Why::Variant { of, common: v.common });
        }
        for m in gazetteer.find(text) {
            let e = known[m.entity];
            push(&mut out, &mut taken, m.range, Why::Known { id: e.id.clone(), name: e.name.en.clone() });
        }
        for (range, title) in after_titles(text) {
            push(&mut out, &mut taken, range, Why::Title { title });
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

/// Names after a title: (the name's range, the title). After the title, words with the article
/// («الخارجية الفنزويلي») describe it; the name is the one to three words that follow, none a
/// common word, up to punctuation.
fn after_titles(text: &str) -> Vec<(Utf8Range, String)> {
    let n = normalize(text);
    let titles: Vec<String> = TITLES.iter().map(|t| normalize_str(t)).collect();
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
        while j < words.len() && !words[j].2 && word(j).starts_with("ال") && j - k <= 3 {
            j += 1;
        }
        let first = j;
        while j < words.len()
            && j - first < 3
            && !words[j].2
            && !word(j).starts_with("ال")
            && word(j).chars().count() >= 2
            && !is_common(word(j))
        {
            j += 1;
        }
        if j > first && !(j == first + 1 && word(first).chars().count() < 3) {
            let range = n.original(Utf8Range::new(words[first].0, words[j - 1].1));
            out.push((
                range,
                text[n.original(Utf8Range::new(words[k].0, words[k].1)).start
                    ..n.original(Utf8Range::new(words[k].0, words[k].1)).end]
                    .to_owned(),
            ));
        }
        k = j.max(k + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, String)> {
        after_titles(text).into_iter().map(|(r, t)| (r.of(text).to_owned(), t)).collect()
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
}
