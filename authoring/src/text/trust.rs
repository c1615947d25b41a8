//! The rule of trust: which matches are strong enough to be linked without an editor, and which
//! are only suggested (README, "Spelling variants"). Everything here reads normalised text and
//! decides from the words around a match; nothing here links.
//!
//! - A **demonym** (a nisba alias: «الفنزويلي») is found in all its forms (feminine, plural,
//!   dual, with or without the article: [`demonym_forms`]). The singular, with the article, is
//!   an adjective: it must follow a definite word it can describe («الحكومة التونسية»,
//!   «نظيره العماني»); after an indefinite word or a verb («محمد شياع السوداني», «قال
//!   السوداني») it is a name's ([`Weak::PartOfName`]). Without the article it must not follow a
//!   definite word («الأمير تركي الفيصل»).
//! - A match **inside a larger name** is not the place: before a name particle («تركي آل
//!   الشيخ»), before another nisba («المصري البورسعيدي»), after a sea («المحيط الهندي») or a
//!   club, party or movement («المرصد السوري»), or a place's name that begins a person's name
//!   after a title («المهاجم بغداد بونجاح»).
//! - An **ambiguous** alias (also a common word: «مالي», «المغرب»; or a name two places share:
//!   «عمان») is linked only where the context decides it: a noun that takes a place after it
//!   («حكومة مالي», «سلطنة عمان»), or, where the document names the entity by strong evidence
//!   elsewhere, a place where the common word cannot stand («في مالي»; «الحكومة المالية»).

use super::find::is_common;
use super::normalize::{is_word_char, Normalized};
use super::Utf8Range;

/// The grammatical form of a demonym found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Not a demonym: a name.
    Name,
    /// Masculine or feminine singular («الفنزويلي», «فنزويلية»): an adjective, or a family name.
    Singular,
    /// Plural or dual («الفنزويليون», «فنزويليتان»): the people; never a family name.
    Plural,
}

const SINGULAR_ENDINGS: &[&str] = &["ي", "يه", "يا"];
const PLURAL_ENDINGS: &[&str] = &["يون", "يين", "يات", "يان", "يتان", "يتين"];

/// Every form of a normalised demonym alias whose words all end in ي («الكوري الجنوبي»), with
/// the article or without it (each word alike), and the form each is; the alias itself first.
/// Anything else is returned alone, as a name.
pub fn demonym_forms(alias: &str) -> Vec<(String, Form)> {
    let words: Vec<&str> = alias.split(' ').collect();
    let stems: Option<Vec<&str>> =
        words.iter().map(|w| w.strip_suffix('ي').filter(|s| s.chars().count() >= 2)).collect();
    let Some(stems) = stems else { return vec![(alias.to_owned(), Form::Name)] };
    let bare: Vec<&str> = stems.iter().map(|s| s.strip_prefix("ال").unwrap_or(s)).collect();
    let mut out = vec![(alias.to_owned(), Form::Singular)];
    for (endings, form) in [(SINGULAR_ENDINGS, Form::Singular), (PLURAL_ENDINGS, Form::Plural)] {
        for ending in endings {
            for article in ["ال", ""] {
                // The accusative «أمريكيًا» is an adverb, never with the article.
                if *ending == "يا" && !article.is_empty() {
                    continue;
                }
                let form_text: Vec<String> = bare.iter().map(|s| format!("{article}{s}{ending}")).collect();
                let text = form_text.join(" ");
                if !out.iter().any(|(t, _)| *t == text) {
                    out.push((text, form));
                }
            }
        }
    }
    out
}

/// Nouns that take a place's name after them (construct): after one, an ambiguous name is the
/// place («حكومة مالي», «سلطنة عمان», «منتخب عمان»).
const PLACE_HEADS: &[&str] = &[
    "حكومه",
    "جمهوريه",
    "دوله",
    "سلطنه",
    "مملكه",
    "عاصمه",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "حدود",
    "اراضي",
    "رئيس",
    "رئاسه",
    "سفير",
    "سفاره",
    "شعب",
    "جيش",
    "ملك",
    "عاهل",
    "سلطان",
    "منتخب",
    "قوات",
    "امير",
    "خارجيه",
    "داخل",
    "سكان",
    "مواطني",
    "لاجئي",
    "اهل",
    "مدن",
    "برلمان",
    "مجلس",
];

/// Definite nouns of a state that an ambiguous demonym can describe, where the document names
/// the entity elsewhere («الحكومة المالية» beside «حكومة مالي»).
const STATE_NOUNS: &[&str] = &[
    "الحكومه",
    "الجيش",
    "القوات",
    "السلطات",
    "الرئيس",
    "الرئاسه",
    "الشعب",
    "المعارضه",
    "المنتخب",
    "العاصمه",
    "الاراضي",
    "الحدود",
    "السفير",
    "السفاره",
    "الخارجيه",
    "الدوله",
    "الجنود",
    "المجلس",
    "الوفد",
    "الجانب",
    "الشرطه",
    "النظام",
    "الشؤون",
    "المسؤولين",
    "الرئيسين",
    "الطرف",
    "الاطراف",
];

/// Words after which a place is read, not a common word («في مالي»).
const PREPOSITIONS: &[&str] = &[
    "في", "الي", "من", "عن", "علي", "مع", "بين", "حول", "نحو", "لدي", "عبر", "داخل", "خارج", "تجاه", "ضد", "وفي",
    "والي", "ومن", "وعن", "وعلي", "ومع", "وبين",
];

/// After one of these, a nisba is part of a proper name («المحيط الهندي», «المرصد السوري»).
const NAME_HEADS: &[&str] = &[
    "المحيط",
    "البحر",
    "الخليج",
    "المحيطين",
    "المرصد",
    "مرصد",
    "الحزب",
    "حزب",
    "الحركه",
    "حركه",
    "الجبهه",
    "جبهه",
    "النادي",
    "نادي",
    "التيار",
    "تيار",
    "الائتلاف",
    "ائتلاف",
    "الجمعيه",
    "جمعيه",
    "الرابطه",
    "رابطه",
];

/// Points of the compass: after a place's name they name another place («أمريكا الجنوبية»,
/// «بحر الصين الجنوبي»).
const COMPASS: &[&str] =
    &["الجنوبيه", "الشماليه", "الشرقيه", "الغربيه", "الوسطي", "الجنوبي", "الشمالي", "الشرقي", "الغربي", "الاوسط"];

/// Features of the land and the sea that take a place's name («بحيرة تشاد»).
const FEATURES: &[&str] = &[
    "بحيره",
    "نهر",
    "خليج",
    "بحر",
    "مضيق",
    "جبل",
    "جبال",
    "صحراء",
    "هضبه",
    "قناه",
    "وادي",
    "حوض",
    "جزيره",
    "شبه",
    "بحيرة",
];

/// Words that join a person's names: a place before one is a name («تركي آل الشيخ»).
const NAME_PARTICLES: &[&str] = &["بن", "ابن", "بنت", "ال", "ابو", "ابي", "ولد"];

/// Titles after which a person's name follows (the names after titles of `suggest` and more).
pub const PERSON_TITLES: &[&str] = &[
    "الرئيس",
    "الرئيسه",
    "الوزير",
    "الوزيره",
    "السفير",
    "السفيره",
    "الجنرال",
    "الاميرال",
    "العقيد",
    "اللواء",
    "الملك",
    "الامير",
    "الاميره",
    "الشيخ",
    "الشيخه",
    "السيد",
    "السيده",
    "المستشار",
    "المستشاره",
    "السيناتور",
    "النائب",
    "النائبه",
    "المحامي",
    "المحاميه",
    "القاضي",
    "الدكتور",
    "الدكتوره",
    "اللاعب",
    "اللاعبه",
    "المهاجم",
    "المدافع",
    "الحارس",
    "المدرب",
    "المدربه",
    "النجم",
    "النجمه",
    "الملاكم",
    "العداء",
    "العداءه",
    "السائق",
    "الكاتب",
    "الصحفي",
    "الصحفيه",
    "المتحدث",
    "المتحدثه",
    "الفريق",
    "المشير",
    "الامين",
];

/// Relational adjectives of news writing that may follow a demonym without making it a name.
const PLAIN_NISBAS: &[&str] = &[
    "الرسمي",
    "الحالي",
    "الدولي",
    "الوطني",
    "الاقليمي",
    "الاولمبي",
    "العربي",
    "الاسلامي",
    "الغربي",
    "الشرقي",
    "الشمالي",
    "الجنوبي",
    "الاوروبي",
    "الافريقي",
    "الاسيوي",
    "الخليجي",
    "الاتحادي",
    "العسكري",
    "الامني",
    "السياسي",
    "الاقتصادي",
    "الشعبي",
    "الثوري",
    "الديمقراطي",
    "الجمهوري",
    "الملكي",
    "الاممي",
    "الحكومي",
    "الرئاسي",
    "البرلماني",
    "الدبلوماسي",
    "النووي",
    "الجوي",
    "البحري",
    "البري",
    "الرياضي",
    "الثقافي",
    "التجاري",
    "المركزي",
    "الانتقالي",
    "الاعلي",
    "الاولي",
    "الثاني",
    "الفني",
    "الحقيقي",
    "الوحيد",
    "الاصلي",
];

/// The words of a normalised text, each with whether punctuation (not only spaces) comes
/// before it.
pub struct Words<'a> {
    n: &'a Normalized,
    words: Vec<(usize, usize, bool)>,
}

impl<'a> Words<'a> {
    pub fn new(n: &'a Normalized) -> Words<'a> {
        let mut words = Vec::new();
        let mut start = None;
        let mut broken = false;
        for (i, c) in n.text.char_indices().chain(std::iter::once((n.text.len(), ' '))) {
            if is_word_char(c) {
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
        Words { n, words }
    }

    /// How many words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words a normalised range touches.
    pub fn span(&self, r: Utf8Range) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().filter(move |(_, &(s, e, _))| s < r.end && r.start < e).map(|(k, _)| k)
    }

    /// The first and the last word a normalised range touches (the word at its start when it
    /// touches none).
    pub fn bounds(&self, r: Utf8Range) -> (usize, usize) {
        let mut span = self.span(r);
        let first = span
            .next()
            .unwrap_or_else(|| self.words.iter().filter(|&&(s, _, _)| s <= r.start).count().saturating_sub(1));
        let last = span.last().unwrap_or(first);
        (first, last)
    }

    pub fn word(&self, k: usize) -> &'a str {
        &self.n.text[self.words[k].0..self.words[k].1]
    }

    /// Where word `k` starts in the normalised text.
    pub fn start(&self, k: usize) -> usize {
        self.words[k].0
    }

    pub fn range(&self, k: usize) -> Utf8Range {
        Utf8Range::new(self.words[k].0, self.words[k].1)
    }

    /// The word before word `k`, unless punctuation comes between.
    pub fn before(&self, k: usize) -> Option<usize> {
        (k > 0 && !self.words[k].2).then(|| k - 1)
    }

    /// The word after word `k`, unless punctuation comes between.
    pub fn after(&self, k: usize) -> Option<usize> {
        (k + 1 < self.words.len() && !self.words[k + 1].2).then_some(k + 1)
    }

    /// Whether word `k` is definite: with the article (after proclitics), or with a pronoun
    /// suffix («نظيره», «بلادها»: ه, not the ة of a feminine noun).
    pub fn definite(&self, k: usize, original: &str) -> bool {
        let w = without_conjunction(self.word(k));
        let w = w.strip_prefix('ب').or_else(|| w.strip_prefix('ك')).unwrap_or(w);
        if w.starts_with("ال") || w.starts_with("لل") {
            return true;
        }
        let suffixed = ["ه", "ها", "هم", "هما", "هن", "كم", "كما", "نا"].iter().any(|s| w.ends_with(s));
        // Normalisation wrote ة as ه: the original tells them apart.
        let last = self.n.original(self.range(k)).of(original).chars().next_back();
        suffixed && last != Some('ة')
    }
}

fn without_conjunction(w: &str) -> &str {
    w.strip_prefix('و').or_else(|| w.strip_prefix('ف')).filter(|r| r.chars().count() >= 2).unwrap_or(w)
}

fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// Why a match is not linked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weak {
    /// Likely part of a person's, a club's or an organisation's name.
    PartOfName,
    /// An ambiguous alias the context does not decide.
    Ambiguous,
}

/// Where a match is and what it is, for [`part_of_name`].
#[derive(Clone, Copy, Debug)]
pub struct Place {
    /// Its first and last words.
    pub first: usize,
    pub last: usize,
    pub form: Form,
    /// Whether the entity is a place (a country, a city, a region).
    pub place: bool,
}

/// Whether the words around an exact match of a name or a demonym make it part of a larger name.
/// `first` and `last` are the indices of the match's first and last words; `place`: whether the
/// entity is a place (the rules for names are a place's); `linked(k)` tells whether word `k`
/// belongs to a strong link of a place.
pub fn part_of_name(
    words: &Words,
    original: &str,
    at: Place,
    is_demonym_word: &dyn Fn(&str) -> bool,
    linked: &dyn Fn(usize) -> bool,
) -> bool {
    let Place { first, last, form, place } = at;
    let before = words.before(first);
    let after = words.after(last);
    if let Some(a) = after {
        if is_in(NAME_PARTICLES, words.word(a)) {
            return true;
        }
    }
    let matched = words.word(first);
    match form {
        Form::Plural => false,
        Form::Singular => {
            if let Some(b) = before {
                if is_in(NAME_HEADS, words.word(b))
                    || words.before(b).is_some_and(|bb| is_in(NAME_HEADS, words.word(bb)))
                {
                    return true;
                }
            }
            if let Some(a) = after {
                let next = words.word(a);
                let nisba = next.starts_with("ال") && next.ends_with('ي') && next.chars().count() >= 6;
                if nisba && !is_in(PLAIN_NISBAS, next) && !is_common(next) && !is_demonym_word(next) {
                    return true; // «المصري البورسعيدي»
                }
            }
            let joined = matched.starts_with('و');
            let bare = without_conjunction(matched);
            let own_definite = bare.starts_with("ال") || bare.starts_with("لل") || bare.starts_with("بال");
            match (own_definite, before) {
                // Said alone, after punctuation: a noun, «the Egyptian»: a name or a club.
                (true, None) => true,
                // Joined by و, it describes what the demonym before it describes («الشعبين
                // المصري والسوداني»); after anything else («الأهلي والمصري») it is a name.
                (true, Some(b)) if joined => !linked(b),
                (true, Some(b)) => !(words.definite(b, original) || linked(b)),
                // Without the article, after a definite word it cannot describe it.
                (false, Some(b)) => words.definite(b, original) && !linked(b) && !joined,
                (false, None) => false,
            }
        }
        // A person's or an organisation's name is not read for these.
        Form::Name if !place => false,
        Form::Name => {
            // A place and a point of the compass is another place («أمريكا الجنوبية»), and so is
            // a place described by a nisba that is no demonym («قوات سوريا الديمقراطية»).
            if let Some(a) = after {
                let next = words.word(a);
                let nisba = next.starts_with("ال") && (next.ends_with('ي') || next.ends_with("يه"));
                if is_in(COMPASS, next) || (nisba && !is_demonym_word(next) && next.chars().count() >= 6) {
                    return true;
                }
            }
            // A lake, a river, a gulf or a mountain named after a place is not the place
            // («بحيرة تشاد», «خليج عمان»).
            if before.is_some_and(|b| is_in(FEATURES, without_conjunction(words.word(b)))) {
                return true;
            }
            // A place that begins a person's name after a title: «المهاجم بغداد بونجاح».
            let titled = before.is_some_and(|b| is_in(PERSON_TITLES, words.word(b)));
            let named_on = after.is_some_and(|a| {
                let next = words.word(a);
                !next.starts_with("ال") && !is_common(next) && !linked(a) && next.chars().count() >= 3
            });
            titled && named_on && !matched.starts_with("ال")
        }
    }
}

/// Whether the words before an ambiguous alias decide it for the place by themselves: a noun in
/// construct that takes a place («حكومة مالي», «سلطنة عمان»).
pub fn decided_by_head(words: &Words, first: usize) -> bool {
    words.before(first).is_some_and(|b| {
        let w = without_conjunction(words.word(b));
        let w = w.strip_prefix('ب').or_else(|| w.strip_prefix('ل')).filter(|r| r.chars().count() >= 3).unwrap_or(w);
        is_in(PLACE_HEADS, w) || is_in(PLACE_HEADS, words.word(b))
    })
}

/// Whether the words around word `first` call for a name there: a preposition, a noun that
/// takes a place or a title before it, a name it is listed with or follows («في كراكاس»,
/// «حكومة كراكاس», «الرئيس ترمب», «موسكو وواشنطون», «عاصمة فنزويلا كراكاس»).
pub fn calls_for_a_name(words: &Words, first: usize, linked: &dyn Fn(usize) -> bool) -> bool {
    if words.before(first).is_some_and(linked) {
        return true;
    }
    let before = words.before(first).map(|b| words.word(b));
    before.is_some_and(|b| {
        let bare = without_conjunction(b);
        is_in(PREPOSITIONS, b) || is_in(PREPOSITIONS, bare) || is_in(PLACE_HEADS, bare) || is_in(PERSON_TITLES, bare)
    }) || decided_by_head(words, first)
        || in_a_list_of_places(words, first, linked)
}

/// Whether an ambiguous name stands in a list of places joined by و («مالي والنيجر وتشاد»,
/// «النيجر ومالي»): there, the common word cannot.
pub fn in_a_list_of_places(words: &Words, first: usize, linked: &dyn Fn(usize) -> bool) -> bool {
    let joined_after = words.after(first).is_some_and(|a| words.word(a).starts_with('و') && linked(a));
    let joined_before = words.word(first).starts_with('و') && words.before(first).is_some_and(linked);
    joined_after || joined_before
}

/// Where the document names the entity elsewhere by strong evidence, whether this occurrence of
/// its ambiguous alias stands where the common word cannot («في مالي», «الحكومة المالية»,
/// «جنود ماليون»); `form` is the match's.
pub fn decided_with_evidence(
    words: &Words,
    original: &str,
    first: usize,
    form: Form,
    linked: &dyn Fn(usize) -> bool,
) -> bool {
    let before = words.before(first);
    match form {
        Form::Plural => true,
        Form::Singular => before.is_some_and(|b| {
            is_in(STATE_NOUNS, without_conjunction(words.word(b))) || (words.definite(b, original) && linked(b))
        }),
        Form::Name => match before {
            None => true,
            Some(b) => {
                let w = words.word(b);
                is_in(PREPOSITIONS, w) || linked(b) || decided_by_head(words, first)
            }
        },
    }
}

/// Whether an ambiguous alias the context does not decide is still worth suggesting: not where
/// the common word reads naturally (after an indefinite noun: «فساد مالي»).
pub fn worth_suggesting(
    words: &Words,
    first: usize,
    form: Form,
    evidence: bool,
    linked: &dyn Fn(usize) -> bool,
) -> bool {
    match form {
        Form::Plural | Form::Singular => evidence,
        Form::Name => match words.before(first) {
            None => true,
            Some(b) => is_in(PREPOSITIONS, words.word(b)) || linked(b) || evidence,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_a_demonym() {
        let forms: Vec<String> = demonym_forms("الفنزويلي").into_iter().map(|(t, _)| t).collect();
        for f in [
            "الفنزويلي",
            "فنزويلي",
            "الفنزويليه",
            "فنزويليه",
            "فنزويليا",
            "الفنزويليون",
            "فنزويليين",
            "الفنزويليات",
            "الفنزويليتان",
        ] {
            assert!(forms.contains(&f.to_owned()), "{f}: {forms:?}");
        }
        assert!(!forms.contains(&"الفنزويليا".to_owned()));
        let two: Vec<String> = demonym_forms("الكوري الجنوبي").into_iter().map(|(t, _)| t).collect();
        assert!(two.contains(&"الكوريه الجنوبيه".to_owned()) && two.contains(&"الكوريين الجنوبيين".to_owned()));
        assert_eq!(demonym_forms("الروس"), [("الروس".to_owned(), Form::Name)]);
    }
}
