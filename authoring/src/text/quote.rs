//! Anchoring a quote in a text, in the spirit of the W3C Web Annotation TextQuote selector: the
//! exact words, and a little text before (prefix) and after (suffix) to tell apart repeated
//! quotes. A quote not found as written is looked for again after normalisation, so that small
//! edits (a diacritic, a hamza, a space) do not lose it.

use super::normalize::{normalize, Normalized};
use super::Utf8Range;

/// The range of `exact` in `text`: of all its occurrences, the one whose surroundings agree best
/// with `prefix` and `suffix`, then the first. None when `exact` is empty or not in the text.
pub fn locate_quote(text: &str, exact: &str, prefix: &str, suffix: &str) -> Option<Utf8Range> {
    if exact.trim().is_empty() {
        return None;
    }
    if let Some(range) = best(text, exact, prefix, suffix) {
        return Some(range);
    }
    let n: Normalized = normalize(text);
    let (exact, prefix, suffix) = (normalize(exact).text, normalize(prefix).text, normalize(suffix).text);
    let exact = exact.trim();
    if exact.is_empty() {
        return None;
    }
    best(&n.text, exact, &prefix, &suffix).map(|r| n.original(r))
}

fn best(text: &str, exact: &str, prefix: &str, suffix: &str) -> Option<Utf8Range> {
    let mut best: Option<(usize, Utf8Range)> = None;
    for (start, _) in text.match_indices(exact) {
        let range = Utf8Range::new(start, start + exact.len());
        let score = common_suffix(&text[..start], prefix) + common_prefix(&text[range.end..], suffix);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, range));
        }
    }
    best.map(|(_, r)| r)
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, exact: &str, prefix: &str, suffix: &str, expected: Option<&str>) {
        let found = locate_quote(text, exact, prefix, suffix);
        assert_eq!(found.map(|r| r.of(text)), expected);
    }

    #[test]
    fn finds_the_exact_words() {
        check("قال الرئيس الفنزويلي كلاما", "الرئيس الفنزويلي", "", "", Some("الرئيس الفنزويلي"));
    }

    #[test]
    fn prefix_and_suffix_choose_between_repeats() {
        let text = "زار موسكو. ثم بين موسكو وواشنطن";
        let r = locate_quote(text, "موسكو", "بين ", " وواشنطن").unwrap();
        assert_eq!(r.start, text.rfind("موسكو").unwrap());
        let r = locate_quote(text, "موسكو", "زار ", "").unwrap();
        assert_eq!(r.start, text.find("موسكو").unwrap());
    }

    #[test]
    fn survives_small_edits() {
        // The quote was taken before a shadda and a hamza were added to the text.
        check("ووقّع الرئيس أوراقا", "ووقع الرئيس اوراقا", "", "", Some("ووقّع الرئيس أوراقا"));
    }

    #[test]
    fn missing_or_empty_quotes_are_none() {
        check("نص", "غائب", "", "", None);
        check("نص", "", "", "", None);
        check("نص", "  ", "", "", None);
    }
}
