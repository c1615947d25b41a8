//! Arabic (and Latin) normalisation for matching, with an offset map back to the original text.
//!
//! The folds are those of CAMeL Tools and Lucene's ArabicNormalizer: alef forms (إ أ آ ٱ) to ا,
//! ى to ي, ة to ه; diacritics (harakat, tanween, shadda, sukun, dagger alef, Quranic marks) and
//! tatweel removed; bidi and zero-width controls removed; Arabic presentation forms folded to their
//! letters as NFKC does; Persian ی and ک folded to ي and ك; Latin case folded; every run of white
//! space made one space. Text and aliases go through the same function, so they compare equal
//! exactly when a reader would call them the same word.

use super::compat::arabic_presentation_form;
use super::Utf8Range;

/// Normalised text, and for every normalised char the range of the original text it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// `spans[k]`, for the normalised char that starts at byte `starts[k]`, is the original range
    /// it stands for (including marks folded into it, such as a shadda on the letter).
    starts: Vec<u32>,
    spans: Vec<(u32, u32)>,
}

impl Normalized {
    /// The original range covered by the normalised byte range `range`, which must lie on char
    /// boundaries of [`Self::text`]. An empty range maps to an empty range.
    pub fn original(&self, range: Utf8Range) -> Utf8Range {
        if range.start >= range.end {
            let at = self.original_at(range.start);
            return Utf8Range::new(at, at);
        }
        let first = self.index_of(range.start);
        let last = self.index_of_end(range.end);
        Utf8Range::new(self.spans[first].0 as usize, self.spans[last].1 as usize)
    }

    /// The normalised range that stands for the original range `range` (the inverse of
    /// [`Self::original`] for ranges on the boundaries it returns).
    pub fn normalized(&self, range: Utf8Range) -> Utf8Range {
        let first = self.spans.partition_point(|&(_, end)| end as usize <= range.start);
        let last = self.spans.partition_point(|&(start, _)| (start as usize) < range.end);
        if first >= last {
            let at = self.starts.get(first).map_or(self.text.len(), |&s| s as usize);
            return Utf8Range::new(at, at);
        }
        let end = self.starts.get(last).map_or(self.text.len(), |&s| s as usize);
        Utf8Range::new(self.starts[first] as usize, end)
    }

    /// The normalised char index starting at byte `at`.
    fn index_of(&self, at: usize) -> usize {
        match self.starts.binary_search(&(at as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The index of the normalised char that ends at byte `end`.
    fn index_of_end(&self, end: usize) -> usize {
        match self.starts.binary_search(&(end as u32)) {
            Ok(i) | Err(i) => i.saturating_sub(1),
        }
    }

    fn original_at(&self, at: usize) -> usize {
        if self.spans.is_empty() {
            return 0;
        }
        let i = self.index_of(at.min(self.text.len()));
        if at >= self.text.len() {
            self.spans[self.spans.len() - 1].1 as usize
        } else {
            self.spans[i].0 as usize
        }
    }

    /// The normalised char before byte `at`, if any.
    pub fn char_before(&self, at: usize) -> Option<char> {
        self.text[..at].chars().next_back()
    }

    /// The normalised char at byte `at`, if any.
    pub fn char_at(&self, at: usize) -> Option<char> {
        self.text[at..].chars().next()
    }
}

/// What happens to one char of the input.
enum Fold {
    /// Dropped; a mark that belongs to the letter before it extends that letter's range.
    Drop {
        attach: bool,
    },
    One(char),
    Many(&'static str),
    Space,
}

fn fold(c: char) -> Fold {
    match c {
        // The common case first: Arabic letters that stay as they are, and ASCII letters.
        '\u{0621}'
        | '\u{0624}'
        | '\u{0626}'..='\u{0628}'
        | '\u{062A}'..='\u{063A}'
        | '\u{0641}'..='\u{0648}'
        | '\u{064A}'
        | 'a'..='z'
        | '0'..='9' => Fold::One(c),
        // Alef forms, alef maksura, ta marbuta; Persian yeh and keheh.
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Fold::One('ا'),
        'ى' | 'ی' | 'ې' => Fold::One('ي'),
        'ة' => Fold::One('ه'),
        'ک' => Fold::One('ك'),
        // Harakat, tanween, shadda, sukun, maddah and hamza marks, dagger alef, Quranic marks,
        // and the tatweel, which only stretches a joint: all part of the letter before them.
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{0640}' => Fold::Drop { attach: true },
        // Bidi controls and zero-width characters: invisible, part of no letter.
        '\u{061C}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}' => Fold::Drop { attach: false },
        c if c.is_whitespace() => Fold::Space,
        c if c.is_ascii_uppercase() => Fold::One(c.to_ascii_lowercase()),
        c if c.is_ascii() => Fold::One(c),
        c => {
            if let Some(letters) = arabic_presentation_form(c) {
                return Fold::Many(letters);
            }
            if c.is_uppercase() {
                let mut lower = c.to_lowercase();
                if let (Some(l), None) = (lower.next(), lower.next()) {
                    return Fold::One(l);
                }
            }
            Fold::One(c)
        }
    }
}

/// Normalises `text` for matching, keeping the map back to it.
pub fn normalize(text: &str) -> Normalized {
    let mut out = Normalized {
        text: String::with_capacity(text.len()),
        starts: Vec::with_capacity(text.len()),
        spans: Vec::with_capacity(text.len()),
    };
    let push = |out: &mut Normalized, c: char, span: (u32, u32)| {
        out.starts.push(out.text.len() as u32);
        out.spans.push(span);
        out.text.push(c);
    };
    for (at, c) in text.char_indices() {
        let span = (at as u32, (at + c.len_utf8()) as u32);
        match fold(c) {
            Fold::Drop { attach } => {
                if attach {
                    if let Some(last) = out.spans.last_mut() {
                        // Only marks directly after a letter belong to it.
                        if last.1 == span.0 && !out.text.ends_with(' ') {
                            last.1 = span.1;
                        }
                    }
                }
            }
            Fold::One(c) => push(&mut out, c, span),
            Fold::Many(letters) => {
                // A form's letters fold again (ﻷ is lam + alef with hamza); its marks and spaces
                // (the isolated tanween forms) are dropped.
                for letter in letters.chars() {
                    match fold(letter) {
                        Fold::One(f) => push(&mut out, f, span),
                        Fold::Many(more) => more.chars().for_each(|m| push(&mut out, m, span)),
                        Fold::Drop { .. } | Fold::Space => {}
                    }
                }
            }
            Fold::Space => {
                if out.text.ends_with(' ') {
                    if let Some(last) = out.spans.last_mut() {
                        last.1 = span.1;
                    }
                } else {
                    push(&mut out, ' ', span);
                }
            }
        }
    }
    out
}

/// Normalises a short string (an alias) without keeping the map: trimmed of spaces.
pub fn normalize_str(text: &str) -> String {
    normalize(text).text.trim().to_owned()
}

/// Whether `c`, a char of normalised text, is part of a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: &str) {
        assert_eq!(normalize(input).text, expected, "normalising {input:?}");
    }

    #[test]
    fn alef_forms_fold_to_bare_alef() {
        check("أمريكا إلى آسيا ٱلله", "امريكا الي اسيا الله");
    }

    #[test]
    fn alef_maksura_and_ta_marbuta() {
        check("مستوى الشراكة", "مستوي الشراكه");
    }

    #[test]
    fn diacritics_and_tatweel_are_removed() {
        check("تحدٍ ووقّع مسبقًا صعّدت حذّر لـ", "تحد ووقع مسبقا صعدت حذر ل");
        check("الرئيــس", "الرئيس");
    }

    #[test]
    fn bidi_and_zero_width_controls_are_removed() {
        check("بو\u{200C}تين \u{202B}روسيا\u{202C}\u{200F}", "بوتين روسيا");
    }

    #[test]
    fn presentation_forms_fold_to_letters() {
        // ﻣﺎﺩﻭﺭﻭ in isolated/initial/final presentation forms, and the lam-alef ligatures.
        check("\u{FEE3}\u{FE8E}\u{FEA9}\u{FEED}\u{FEAD}\u{FEED}", "مادورو");
        check("\u{FEFB}", "لا");
        check("\u{FEF7}", "لا");
    }

    #[test]
    fn spaces_collapse_and_latin_case_folds() {
        check("Port  of\u{00A0}Spain\n", "port of spain ");
    }

    #[test]
    fn offsets_map_back_to_the_original_including_attached_marks() {
        let text = "ووقّع بوتين";
        let n = normalize(text);
        let start = n.text.find("ووقع").unwrap();
        let range = n.original(Utf8Range::new(start, start + "ووقع".len()));
        assert_eq!(&text[range.start..range.end], "ووقّع");
        let start = n.text.find("بوتين").unwrap();
        let range = n.original(Utf8Range::new(start, start + "بوتين".len()));
        assert_eq!(&text[range.start..range.end], "بوتين");
    }

    #[test]
    fn a_tatweel_stays_with_its_letter_not_with_the_next_word() {
        let text = "لـ أمريكا";
        let n = normalize(text);
        let start = n.text.find("امريكا").unwrap();
        let range = n.original(Utf8Range::new(start, n.text.len()));
        assert_eq!(&text[range.start..range.end], "أمريكا");
    }
}
