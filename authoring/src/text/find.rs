//! Mention finding: every place in a text where an alias of an entity occurs, as a whole word,
//! allowing Arabic proclitics before it.
//!
//! Text and aliases are normalised alike ([`super::normalize`]); aliases are found with one
//! Aho-Corasick automaton over the normalised text, overlapping matches included, then:
//! - a match must end at the end of a word, and start at the start of a word or after proclitics
//!   only: (و|ف)? (ب|ك|ل)? (ال)?, or (و|ف)? لل (ل + ال, as in للصين). A name that begins with ال is
//!   also found after ل as لل + rest (للصين for الصين), the mention then starting at the second ل;
//! - the longest match wins, then the earliest; mentions never overlap.
//!
//! The mention's range excludes the proclitics, so a view can leave them outside a highlight.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::normalize::{is_word_char, normalize, normalize_str, Normalized};
use super::Utf8Range;

/// An alias to find: its surface form and whom it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern<'a> {
    pub text: &'a str,
    /// Index of the entity (opaque to the finder).
    pub entity: usize,
    /// Index of the alias within its entity.
    pub alias: usize,
    /// A relational adjective (nisba) such as الفنزويلي rather than a name.
    pub adjective: bool,
}

/// Where a mention came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionSource {
    /// Found through the alias with this index.
    Alias(usize),
    /// Found as a spelling variant of the alias with this index ([`super::variant`]).
    Variant(usize),
    /// Added by the document at a quote.
    Added,
}

/// One mention of an entity in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the original text, proclitics excluded.
    pub range: Utf8Range,
    pub entity: usize,
    pub source: MentionSource,
    pub adjective: bool,
}

#[derive(Clone, Copy, Debug)]
struct PatternInfo {
    entity: usize,
    alias: usize,
    adjective: bool,
    /// The pattern is لل + rest for an alias ال + rest: one ل of it is the proclitic.
    lil: bool,
}

/// Aliases compiled once, to find in any number of texts.
#[derive(Clone, Debug)]
pub struct Finder {
    automaton: Option<AhoCorasick>,
    patterns: Vec<PatternInfo>,
}

const LAM: &str = "ل";
const AL: &str = "ال";

impl Finder {
    pub fn new<'a>(patterns: impl IntoIterator<Item = Pattern<'a>>) -> Finder {
        let mut texts = Vec::new();
        let mut infos = Vec::new();
        for p in patterns {
            let text = normalize_str(p.text);
            if !text.chars().next().is_some_and(is_word_char) || !text.chars().last().is_some_and(is_word_char) {
                continue; // nothing to find as a whole word; validation reports it
            }
            let info = PatternInfo { entity: p.entity, alias: p.alias, adjective: p.adjective, lil: false };
            if let Some(rest) = text.strip_prefix(AL) {
                if !rest.is_empty() {
                    texts.push(format!("{LAM}{LAM}{rest}"));
                    infos.push(PatternInfo { lil: true, ..info });
                }
            }
            texts.push(text);
            infos.push(info);
        }
        let automaton = (!texts.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                // A contiguous NFA builds in a fraction of a DFA's time and memory, and searches
                // nearly as fast: documents are searched once, so building is most of the cost.
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(&texts)
                .expect("aliases are small enough for an automaton")
        });
        Finder { automaton, patterns: infos }
    }

    /// Every mention in `text`, sorted by position, none overlapping.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let normalized = normalize(text);
        self.find_in(&normalized).into_iter().map(|m| Mention { range: normalized.original(m.range), ..m }).collect()
    }

    /// Every mention in normalised text, its range in that text (not the original's): for
    /// readers of the words around it ([`super::trust`]).
    pub fn find_in(&self, normalized: &Normalized) -> Vec<Mention> {
        let mut candidates = self.candidates(normalized);
        choose_longest(&mut candidates)
            .into_iter()
            .map(|(range, info)| Mention {
                range,
                entity: info.entity,
                source: MentionSource::Alias(info.alias),
                adjective: info.adjective,
            })
            .collect()
    }

    fn candidates(&self, n: &Normalized) -> Vec<(Utf8Range, PatternInfo)> {
        let Some(automaton) = &self.automaton else { return Vec::new() };
        let mut out = Vec::new();
        for m in automaton.find_overlapping_iter(&n.text) {
            let info = self.patterns[m.pattern().as_usize()];
            if n.char_at(m.end()).is_some_and(is_word_char) {
                continue; // not the end of a word
            }
            let word_start = word_start(&n.text, m.start());
            let prefix = &n.text[word_start..m.start()];
            let ok = if info.lil { matches!(prefix, "" | "و" | "ف") } else { is_proclitics(prefix) };
            if !ok {
                continue;
            }
            // A name read with proclitics can make a common word (ال + قطر: «القطر», the
            // diameter, or a country in older usage): that is not the name.
            if !prefix.is_empty() && is_common(&n.text[word_start..m.end()]) {
                continue;
            }
            let start = if info.lil { m.start() + LAM.len() } else { m.start() };
            out.push((Utf8Range::new(start, m.end()), info));
        }
        out
    }
}

/// Whether normalised words are one of [`super::common_words`].
pub fn is_common(words: &str) -> bool {
    static COMMON: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    COMMON.get_or_init(|| super::common_words().map(normalize_str).collect()).contains(words)
}

/// Finds every mention of `patterns` in `text`; see [`Finder`] to reuse the patterns.
pub fn find_mentions<'a>(text: &str, patterns: impl IntoIterator<Item = Pattern<'a>>) -> Vec<Mention> {
    Finder::new(patterns).find(text)
}

/// Start of the word that contains byte `at` of normalised text.
fn word_start(text: &str, at: usize) -> usize {
    let mut start = at;
    for (i, c) in text[..at].char_indices().rev() {
        if !is_word_char(c) {
            break;
        }
        start = i;
    }
    start
}

/// Whether `prefix` (normalised) is a sequence of proclitics: (و|ف)? (ب|ك|ل)? (ال)?, or (و|ف)? لل.
fn is_proclitics(prefix: &str) -> bool {
    let rest = prefix.strip_prefix('و').or_else(|| prefix.strip_prefix('ف')).unwrap_or(prefix);
    if rest == "لل" {
        return true;
    }
    let rest =
        rest.strip_prefix('ب').or_else(|| rest.strip_prefix('ك')).or_else(|| rest.strip_prefix('ل')).unwrap_or(rest);
    rest.is_empty() || rest == AL
}

/// Keeps the longest candidates, then the earliest, so that none overlap; sorted by position.
fn choose_longest(candidates: &mut [(Utf8Range, PatternInfo)]) -> Vec<(Utf8Range, PatternInfo)> {
    candidates.sort_by(|(a, _), (b, _)| b.len().cmp(&a.len()).then(a.start.cmp(&b.start)));
    // Chosen ranges by start; they are disjoint, so only the last one starting before a
    // candidate's end can overlap it.
    let mut chosen: BTreeMap<usize, (Utf8Range, PatternInfo)> = BTreeMap::new();
    for &(range, info) in candidates.iter() {
        let overlaps = chosen.range(..range.end).next_back().is_some_and(|(_, (r, _))| r.end > range.start);
        if !overlaps {
            chosen.insert(range.start, (range, info));
        }
    }
    chosen.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the mentions found in `marked`, a text in which every expected mention is written
    /// `[entity|words]` (entity: the index of the alias list below, or `a` + index for an
    /// adjective). The aliases are `aliases[i]` for entity `i`.
    #[track_caller]
    fn check(aliases: &[&[&str]], marked: &str) {
        let (text, expected) = parse_marked(marked);
        let patterns = aliases.iter().enumerate().flat_map(|(entity, list)| {
            list.iter().enumerate().map(move |(alias, t)| {
                let adjective = t.starts_with('~');
                Pattern { text: t.trim_start_matches('~'), entity, alias, adjective }
            })
        });
        let found: Vec<(usize, String)> =
            find_mentions(&text, patterns).into_iter().map(|m| (m.entity, m.range.of(&text).to_owned())).collect();
        assert_eq!(found, expected, "in {text:?}");
    }

    fn parse_marked(marked: &str) -> (String, Vec<(usize, String)>) {
        let mut text = String::new();
        let mut expected = Vec::new();
        let mut rest = marked;
        while let Some(open) = rest.find('[') {
            text.push_str(&rest[..open]);
            let close = rest[open..].find(']').unwrap() + open;
            let (entity, words) = rest[open + 1..close].split_once('|').unwrap();
            expected.push((entity.parse().unwrap(), words.to_owned()));
            text.push_str(words);
            rest = &rest[close + 1..];
        }
        text.push_str(rest);
        (text, expected)
    }

    #[test]
    fn whole_words_only() {
        check(&[&["روس"]], "روسيا و[0|روس]");
    }

    #[test]
    fn attached_proclitics() {
        check(
            &[&["واشنطن"], &["موسكو"], &["فنزويلا"], &["نيكاراجوا"]],
            "و[0|واشنطن] ل[1|موسكو] ل[2|فنزويلا] و[2|فنزويلا] و[3|نيكاراجوا]",
        );
    }

    #[test]
    fn article_names_after_waw_and_lam() {
        check(&[&["الصين"]], "و[0|الصين] ل[0|لصين] ب[0|الصين] وبال");
    }

    #[test]
    fn detached_lam_with_tatweel() {
        check(&[&["أمريكا"]], "في تحدٍ واضح لـ [0|أمريكا].. روسيا");
    }

    #[test]
    fn longest_match_wins() {
        check(&[&["أمريكا"], &["أمريكا اللاتينية"]], "في [1|أمريكا اللاتينية] و[0|أمريكا]");
    }

    #[test]
    fn multi_word_names_with_waw() {
        check(&[&["ترينيداد وتوباجو"], &["توباجو"]], "إلى [0|ترينيداد وتوباجو]، ل[0|ترينيداد وتوباجو] و[1|توباجو]");
    }

    #[test]
    fn spelling_variants_fold() {
        // Alef with hamza, ta marbuta, alef maksura, diacritics: as a reader would read them.
        check(&[&["امريكا"], &["الشراكة"], &["مستوى"]], "[0|أمريكا] [1|الشراكه] [2|مستوي] [0|أَمريكا]");
    }

    #[test]
    fn relational_adjectives_only_when_listed() {
        check(
            &[&["فنزويلا", "~الفنزويلي", "~الفنزويلية"]],
            "الرئيس [0|الفنزويلي] و[0|فنزويلا] والسواحل [0|الفنزويلية] والفنزويليون",
        );
    }

    #[test]
    fn mentions_exclude_diacritics_of_the_next_word_but_keep_their_own() {
        check(&[&["مادورو"]], "[0|مادوروّ] قال");
    }

    #[test]
    fn not_inside_a_word_after_other_letters() {
        check(&[&["مادورو"]], "تمادورو سمادورو");
        check(&[&["مادورو"]], "ك[0|مادورو]");
    }

    #[test]
    fn latin_aliases_ignore_case() {
        check(&[&["TASS"]], "according to [0|Tass] and [0|TASS].");
    }

    #[test]
    fn no_aliases_no_mentions() {
        check(&[], "روسيا");
        check(&[&[""], &["  "], &["..."]], "روسيا ...");
    }

    #[test]
    fn proclitic_prefixes() {
        for ok in ["", "و", "ف", "ب", "ك", "ل", "ال", "وال", "بال", "وبال", "فلل", "لل", "ولل"]
        {
            assert!(is_proclitics(ok), "{ok}");
        }
        for bad in ["م", "ت", "وو", "الل", "بب", "اال", "لب"] {
            assert!(!is_proclitics(bad), "{bad}");
        }
    }
}
