//! Near misses: words of a text that look like an alias but were not linked, so that an editor
//! can add the alias. A word is a near miss of an alias when, after normalisation and with its
//! proclitics taken off, it has the alias's stem (common Arabic endings removed: فنزويلا,
//! الفنزويليون), or differs from the alias by one letter (توباغو, توباجو).

use super::normalize::{is_word_char, normalize, normalize_str};
use super::Utf8Range;

/// A word that looks like an alias.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NearMiss {
    /// The word's range in the original text.
    pub range: Utf8Range,
    /// Index of the alias (in the order given) it resembles.
    pub alias: usize,
}

const PREFIXES: [&str; 12] = ["وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ك", "ل", ""];
const SUFFIXES: [&str; 9] = ["يين", "يون", "يه", "ين", "ون", "ي", "ه", "ا", ""];

/// The word without a common Arabic ending, when at least three letters remain.
fn strip_ending(word: &str) -> &str {
    SUFFIXES.iter().find_map(|x| word.strip_suffix(x).filter(|rest| rest.chars().count() >= 3)).unwrap_or(word)
}

/// The word without each possible run of proclitics (the word itself included), with the bytes
/// cut (those of ال stay in the word).
fn without_proclitics(word: &str) -> impl Iterator<Item = (usize, &str)> {
    PREFIXES
        .iter()
        .filter_map(move |p| word.strip_prefix(p).map(|rest| (p.trim_end_matches("ال").len(), rest)))
        .filter(|(_, rest)| rest.chars().count() >= 3)
}

/// Whether two words differ by one of the edits spellings of foreign names make: a long vowel
/// inserted or dropped, or a letter for another of its sound (ج غ ق ك, ت ط, ف ڤ, ب پ). Any other
/// letter makes another word («القدم» is no «القدس», «الجنود» no «الهنود»).
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    let suffix = short.iter().rev().zip(long.iter().rev()).take_while(|(x, y)| x == y).count();
    if prefix + suffix + 1 < long.len() {
        return false;
    }
    if short.len() == long.len() {
        let (x, y) = (short[prefix.min(short.len() - 1)], long[prefix.min(long.len() - 1)]);
        let class = |c: char| match c {
            'ج' | 'غ' | 'ق' | 'ك' | 'گ' => 'ك',
            'ت' | 'ط' => 'ت',
            'ف' | 'ڤ' => 'ف',
            'ب' | 'پ' => 'ب',
            c => c,
        };
        class(x) == class(y)
    } else {
        long.get(prefix).is_some_and(|&c| matches!(c, 'ا' | 'و' | 'ي'))
    }
}

/// Words of `text` outside `linked` ranges that resemble one of the single-word `aliases`.
pub fn near_misses(text: &str, aliases: &[&str], linked: &[Utf8Range]) -> Vec<NearMiss> {
    let stems: Vec<(String, String)> =
        aliases.iter().map(|a| normalize_str(a)).map(|a| (strip_ending(&a).to_owned(), a)).collect();
    let n = normalize(text);
    let mut out = Vec::new();
    let mut start = None;
    let bytes_end = n.text.len();
    let boundaries = n.text.char_indices().map(|(i, c)| (i, Some(c))).chain(std::iter::once((bytes_end, None)));
    for (i, c) in boundaries {
        match (c.is_some_and(is_word_char), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let word = &n.text[s..i];
                if word.chars().count() < 4 {
                    continue;
                }
                let range = n.original(Utf8Range::new(s, i));
                if linked.iter().any(|l| l.overlaps(range)) {
                    continue;
                }
                // The word from its first letter after و ف ب ك ل, as a mention would be.
                let hit = stems.iter().enumerate().find_map(|(k, (alias_stem, alias))| {
                    if alias.contains(' ') || alias.chars().count() < 4 {
                        return None;
                    }
                    without_proclitics(word)
                        .find(|(_, w)| {
                            strip_ending(w) == alias_stem || (w.chars().count() >= 5 && one_edit_apart(w, alias))
                        })
                        .map(|(cut, _)| (k, cut))
                });
                if let Some((alias, cut)) = hit {
                    out.push(NearMiss { range: n.original(Utf8Range::new(s + cut, i)), alias });
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, aliases: &[&str], expected: &[(&str, usize)]) {
        let got: Vec<(&str, usize)> =
            near_misses(text, aliases, &[]).iter().map(|m| (m.range.of(text), m.alias)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn nisba_forms_of_a_name() {
        check("الرئيس الفنزويلي والفنزويليون", &["فنزويلا"], &[("الفنزويلي", 0), ("الفنزويليون", 0)]);
    }

    #[test]
    fn spelling_variants_one_letter_apart() {
        check("ترينيداد وتوباغو", &["توباجو"], &[("توباغو", 0)]);
        check("نيكاراغوا", &["نيكاراجوا"], &[("نيكاراغوا", 0)]);
    }

    #[test]
    fn unrelated_and_short_words_are_not_near_misses() {
        check("في خطوة ذات دلالات سياسية", &["فنزويلا", "روسيا"], &[]);
        // One letter apart, but not a letter for another of its sound: another word.
        check("لكرة القدم وعشرات الجنود", &["القدس", "الهنود"], &[]);
    }

    #[test]
    fn linked_words_are_skipped() {
        let text = "الفنزويلي";
        assert!(near_misses(text, &["فنزويلا"], &[Utf8Range::new(0, text.len())]).is_empty());
    }
}
