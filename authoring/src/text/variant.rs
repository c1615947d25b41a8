//! Spelling variants: Arabic spellings of foreign names vary between outlets, and an alias
//! written one way should still find the name written another:
//! - letters for sounds Arabic lacks: g as ج غ ق ك (گ), v as ف ڤ, p as ب پ, t as ت ط;
//! - long vowels written or left out (أوروبا / أوربا, هيوستن / هيوستون, ترامب / ترمب);
//! - hamza forms (ؤ ئ ء: أردوغان / أردوجان, the alef forms and ى are folded before this);
//! - a letter doubled or not; names joined or split, with a hyphen or a space
//!   (كوالالمبور / كوالا لمبور); with or without the article (بنتاغون / البنتاغون).
//!
//! Method: every alias gets a *loose* form (normalised, then: the article off each word, letter
//! classes folded, hamza carriers folded, doubled letters single, no separators) and a *skeleton*
//! (the loose form without its long vowels, but for a word's first letter). A run of one to
//! (longest alias + 1) words of the text, its proclitics taken off, is a candidate when its
//! skeleton is an alias's; it matches when the loose forms are at most one long vowel apart (two
//! for names of eight letters or more), an inserted or dropped vowel counting one and a changed
//! one two.
//!
//! Never a wrong link, by construction rather than by tuning:
//! - only names with a skeleton of three letters or more take part (روسيا, كوبا do not: too short
//!   to tell from other words);
//! - a run that is a common word (`common_words.txt`: «برتقال» is an orange, not Portugal)
//!   or whose candidates are two entities is not linked: it is offered as a suggestion;
//! - exact matches (the finder's) come first; variants only fill words no exact match took.

use std::collections::{HashMap, HashSet};

use super::normalize::{is_word_char, normalize, normalize_str, Normalized};
use super::{Pattern, Utf8Range};

/// A run of words that is a variant spelling of one or more aliases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariantMatch {
    /// The words' range in the original text, proclitics excluded.
    pub range: Utf8Range,
    /// The aliases it is a variant of, as (entity, alias) of the patterns given, the closest
    /// first; several entities: ambiguous.
    pub candidates: Vec<(usize, usize)>,
    /// Whether the words are a common word (never linked).
    pub common: bool,
    /// Whether the alias matched is an adjective.
    pub adjective: bool,
}

impl VariantMatch {
    /// The one entity it names, when it can be linked: not a common word, not ambiguous.
    pub fn entity(&self) -> Option<usize> {
        let first = self.candidates.first()?.0;
        (!self.common && self.candidates.iter().all(|c| c.0 == first)).then_some(first)
    }
}

#[derive(Clone, Debug)]
struct Entry {
    entity: usize,
    alias: usize,
    loose: Vec<char>,
    adjective: bool,
}

/// Aliases compiled for variant matching.
#[derive(Clone, Debug, Default)]
pub struct VariantFinder {
    by_skeleton: HashMap<String, Vec<Entry>>,
    /// The most words of an alias.
    max_words: usize,
}

/// The loose forms of the common words, built once.
fn common_loose() -> &'static HashSet<String> {
    static COMMON: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    COMMON.get_or_init(|| {
        super::common_words().map(|w| loose_of(normalize_str(w).split(' ')).into_iter().collect()).collect()
    })
}

fn fold_letter(c: char) -> Option<char> {
    Some(match c {
        'ج' | 'غ' | 'ق' | 'ك' | 'گ' => 'ك',
        'ف' | 'ڤ' => 'ف',
        'ب' | 'پ' => 'ب',
        'ت' | 'ط' => 'ت',
        'ؤ' => 'و',
        'ئ' => 'ي',
        'ء' => return None,
        c => c,
    })
}

fn is_long_vowel(c: char) -> bool {
    matches!(c, 'ا' | 'و' | 'ي')
}

/// The loose form of normalised words (see the module's notes).
fn loose_of<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for word in words {
        let word = word.strip_prefix("ال").filter(|w| w.chars().count() >= 2).unwrap_or(word);
        for c in word.chars().filter(|&c| is_word_char(c)).filter_map(fold_letter) {
            if out.last() != Some(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// The skeleton of a loose form: its long vowels out, but for the first letter.
fn skeleton(loose: &[char]) -> String {
    loose.iter().enumerate().filter(|&(i, &c)| i == 0 || !is_long_vowel(c)).map(|(_, &c)| c).collect()
}

/// Edits between two loose forms: a long vowel inserted or dropped counts 1, any other change
/// (a vowel for another, a letter) counts 2.
fn distance(a: &[char], b: &[char]) -> usize {
    let cost = |c: char| if is_long_vowel(c) { 1 } else { 2 };
    let mut prev: Vec<usize> = std::iter::once(0)
        .chain(b.iter().scan(0, |acc, &c| {
            *acc += cost(c);
            Some(*acc)
        }))
        .collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = prev[0] + cost(a[i - 1]);
        for j in 1..=b.len() {
            let (indel_a, indel_b) = (cost(a[i - 1]), cost(b[j - 1]));
            let sub = if a[i - 1] == b[j - 1] { 0 } else { 2 };
            cur[j] = (prev[j] + indel_a).min(cur[j - 1] + indel_b).min(prev[j - 1] + sub);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// How far apart a name of `len` loose letters may be spelled.
fn allowed(len: usize) -> usize {
    if len >= 8 {
        2
    } else {
        1
    }
}

/// The word runs a text's proclitics may leave: the word itself, without و ف, then ب ك ل, and
/// لل read as ل + ال.
fn without_proclitics(word: &str) -> Vec<(usize, String)> {
    let mut out = vec![(0, word.to_owned())];
    let mut push = |cut: usize, rest: String| {
        if rest.chars().count() >= 3 && !out.iter().any(|(_, r)| *r == rest) {
            out.push((cut, rest));
        }
    };
    for conj in ["", "و", "ف"] {
        let Some(after) = word.strip_prefix(conj) else { continue };
        if !conj.is_empty() {
            push(conj.len(), after.to_owned());
        }
        for prep in ["ب", "ك", "ل"] {
            if let Some(rest) = after.strip_prefix(prep) {
                push(conj.len() + prep.len(), rest.to_owned());
            }
        }
        if let Some(rest) = after.strip_prefix("لل") {
            // The mention starts at the second ل, which stands for the article's.
            push(conj.len() + "ل".len(), format!("ال{rest}"));
        }
    }
    out
}

impl VariantFinder {
    /// Compiles the aliases that can take part (a skeleton of three letters or more).
    pub fn new<'a>(patterns: impl IntoIterator<Item = Pattern<'a>>) -> VariantFinder {
        let mut f = VariantFinder::default();
        for p in patterns {
            let text = normalize_str(p.text);
            let words: Vec<&str> = text.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).collect();
            let loose = loose_of(words.iter().copied());
            let key = skeleton(&loose);
            if key.chars().count() < 3 || loose.len() < 4 {
                continue;
            }
            f.max_words = f.max_words.max(words.len());
            f.by_skeleton.entry(key).or_default().push(Entry {
                entity: p.entity,
                alias: p.alias,
                loose,
                adjective: p.adjective,
            });
        }
        f
    }

    /// The variant matches in `text` outside the `taken` ranges (of the original text), longest
    /// first, none overlapping.
    pub fn find(&self, text: &str, taken: &[Utf8Range]) -> Vec<VariantMatch> {
        if self.by_skeleton.is_empty() {
            return Vec::new();
        }
        let n = normalize(text);
        let words = words_of(&n);
        let mut found: Vec<(Utf8Range, VariantMatch, usize)> = Vec::new();
        for i in 0..words.len() {
            for len in (1..=self.max_words + 1).rev() {
                let Some(last) = words.get(i + len - 1) else { continue };
                // A run never crosses punctuation: only spaces and hyphens between its words.
                let joined = (i..i + len - 1)
                    .all(|k| n.text[words[k].1..words[k + 1].0].chars().all(|c| c == ' ' || c == '-' || c == '‐'));
                if !joined {
                    continue;
                }
                let first = &n.text[words[i].0..words[i].1];
                for (cut, head) in without_proclitics(first) {
                    let rest = (i + 1..i + len).map(|k| &n.text[words[k].0..words[k].1]);
                    let loose = loose_of(std::iter::once(head.as_str()).chain(rest));
                    let Some(entries) = self.by_skeleton.get(&skeleton(&loose)) else { continue };
                    let mut hits: Vec<(usize, &Entry)> = entries
                        .iter()
                        .map(|e| (distance(&loose, &e.loose), e))
                        .filter(|&(d, e)| d <= allowed(e.loose.len()))
                        .collect();
                    if hits.is_empty() {
                        continue;
                    }
                    hits.sort_by_key(|&(d, e)| (d, e.entity, e.alias));
                    let range = n.original(Utf8Range::new(words[i].0 + cut, last.1));
                    if taken.iter().any(|t| t.overlaps(range)) {
                        continue;
                    }
                    let common = common_loose().contains(&loose.iter().collect::<String>());
                    let m = VariantMatch {
                        range,
                        candidates: hits.iter().map(|(_, e)| (e.entity, e.alias)).collect(),
                        common,
                        adjective: hits[0].1.adjective,
                    };
                    found.push((range, m, hits[0].0));
                    break;
                }
            }
        }
        // Longest first, then closest, then earliest; none overlapping.
        found.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.2.cmp(&b.2)).then(a.0.start.cmp(&b.0.start)));
        let mut chosen: Vec<VariantMatch> = Vec::new();
        for (range, m, _) in found {
            if !chosen.iter().any(|c| c.range.overlaps(range)) {
                chosen.push(m);
            }
        }
        chosen.sort_by_key(|m| m.range.start);
        chosen
    }
}

/// The words of normalised text, as byte ranges.
fn words_of(n: &Normalized) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in n.text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, n.text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finder(aliases: &[&str]) -> VariantFinder {
        VariantFinder::new(aliases.iter().enumerate().map(|(entity, text)| Pattern {
            text,
            entity,
            alias: 0,
            adjective: false,
        }))
    }

    #[track_caller]
    fn matches(alias: &str, text: &str) -> Option<String> {
        let f = finder(&[alias]);
        f.find(text, &[]).into_iter().find(|m| m.entity() == Some(0)).map(|m| m.range.of(text).to_owned())
    }

    #[test]
    fn each_kind_of_variant() {
        assert_eq!(matches("نيكاراجوا", "في نيكاراغوا أمس").as_deref(), Some("نيكاراغوا"));
        assert_eq!(matches("أوروبا", "قادة أوربا").as_deref(), Some("أوربا"));
        assert_eq!(matches("هيوستن", "في هيوستون").as_deref(), Some("هيوستون"));
        assert_eq!(matches("لافروف", "قال لافروڤ").as_deref(), Some("لافروڤ"));
        assert_eq!(matches("باكستان", "في پاكستان").as_deref(), Some("پاكستان"));
        assert_eq!(matches("أردوغان", "الرئيس إردوجان").as_deref(), Some("إردوجان"));
        assert_eq!(matches("كوالالمبور", "في كوالا لمبور").as_deref(), Some("كوالا لمبور"));
        assert_eq!(matches("نيو يورك", "في نيويورك").as_deref(), Some("نيويورك"));
        assert_eq!(
            matches("ترينيداد وتوباغو", "ترينيداد-توباغو").as_deref(),
            Some("ترينيداد-توباغو"),
            "a hyphen for the conjunction"
        );
        assert_eq!(matches("ترينيداد وتوباغو", "إلى ترينيداد و توباجو").as_deref(), Some("ترينيداد و توباجو"));
        assert_eq!(matches("البنتاغون", "وقال بنتاجون").as_deref(), Some("بنتاجون"));
        assert_eq!(matches("مكة", "في مكّة المكرمة").as_deref(), None, "too short to take part");
        assert_eq!(matches("كاراكاس", "ولكراكاس").as_deref(), Some("كراكاس"), "proclitics stay outside");
        assert_eq!(matches("روسيا", "رسيا").as_deref(), None, "a skeleton of two letters does not take part");
        assert_eq!(
            matches("البرازيل", "للبرازيل").as_deref(),
            Some("لبرازيل"),
            "لل: the mention starts at the article's ل"
        );
    }

    #[test]
    fn not_too_far() {
        assert_eq!(matches("مادورو", "المدير العام"), None);
        assert_eq!(matches("بوتين", "في بيتين"), None, "a vowel changed counts two");
        assert_eq!(matches("بوتين", "وقال بوتن"), Some("بوتن".into()));
    }

    #[test]
    fn common_words_and_ambiguity_are_not_linked() {
        let f = finder(&["البرتغال"]);
        let found = f.find("عصير البرتقال", &[]);
        assert_eq!(found.len(), 1);
        assert!(found[0].common && found[0].entity().is_none());
        let f = finder(&["غانا", "كانا"]);
        let found = f.find("في جانا", &[]);
        assert!(found.is_empty() || found[0].entity().is_none());
    }

    #[test]
    fn taken_words_are_left_alone() {
        let f = finder(&["كاراكاس"]);
        let text = "كراكاس";
        assert!(f.find(text, &[Utf8Range::new(0, text.len())]).is_empty());
    }
}
