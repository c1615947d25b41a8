//! The words for what a published document, a base map or a JSON text can be told: a document
//! that is not JSON, that does not read, over a limit ([`reader_words`]), used by the publisher
//! module (which words a document's problems for the reader), the figures (a base map) and the
//! tools; and the few the reader's page says itself ([`page_words`]: no document, no publisher),
//! the only ones in the reader's wasm. The studio and the tools word every [`Code`] with
//! `article_authoring::words`, which falls back on these for the codes they share.
//!
//! Each template names its arguments `{0}`, `{1}`… ([`crate::problem::render`] isolates them).
//! Paths are said in a reader's terms: `mentions[2][0]` is "paragraph 2, mention 1" (the
//! published format counts the headline as text 0, so text 2 is the second paragraph).

use crate::i18n::Lang;
use crate::problem::{render, Code, Message, Problem, Words};

/// The words of a code the reader can meet, in `lang`; None for the others. The table is two
/// strings, one per language, its entries in the order of [`READER_CODES`] (written by
/// `reader_table!` from one list): a lookup is a search of a short array, and the wasm holds the
/// words once, with no table of pointers and no code per entry.
pub fn reader_words(code: Code, lang: Lang) -> Option<&'static str> {
    let Some(i) = READER_CODES.iter().position(|&c| c == code) else { return page_words(code, lang) };
    let table = match lang {
        Lang::Ar => READER_AR,
        Lang::En => READER_EN,
    };
    table.split('\u{1}').nth(i)
}

/// The words the reader's page says itself: no document, no publisher, words said already. Only
/// these are in the reader's wasm: what is wrong with a document is worded by the publisher
/// module, which the reader loads to say it ([`reader_words`] has it all, for the publisher, the
/// figures and the tools).
pub fn page_words(code: Code, lang: Lang) -> Option<&'static str> {
    use Code::*;
    let (ar, en) = match code {
        Worded => ("{0}", "{0}"),
        NoDocument => (
            "لا مستند: أعطِ الأداة السمة data-src أو الخيار src أو document",
            "no document: give the widget a data-src attribute, or a src or document option",
        ),
        NeedsPublishing => (
            "هذا مستند تحرير لم يُنشر بعد: انشره أولًا (cargo xtask publish)",
            "an authoring document, not published yet: publish it first (cargo xtask publish)",
        ),
        PublisherFailed => (
            "تعذّر تحميل وحدة النشر التي تقرأ هذا المستند وتقول ما فيه: {0}",
            "the publisher module, which reads this document and says what is wrong with it, could not be loaded: {0}",
        ),
        _ => return None,
    };
    Some(if lang == Lang::Ar { ar } else { en })
}

/// A message the page says itself ([`page_words`]), its arguments as they are; any other code by
/// its number (a reader with no publisher module installed cannot word it).
pub fn say_on_page(message: &Message, lang: Lang) -> String {
    match page_words(message.code, lang) {
        Some(template) => render(template, &message.args, &PageWords(lang)),
        None => format!("#{}", message.code as u16),
    }
}

/// The page's own words for a message's arguments (its messages name no text of the article).
struct PageWords(Lang);

impl Words for PageWords {
    fn block(&self, block: Option<usize>) -> String {
        block_name(block, self.0)
    }
    fn code(&self, code: Code) -> String {
        page_words(code, self.0).unwrap_or_default().to_owned()
    }
}

/// The whole document, as a problem's place.
pub fn whole(lang: Lang) -> &'static str {
    if lang == Lang::Ar {
        "المستند"
    } else {
        "the document"
    }
}

macro_rules! reader_table {
    ($($code:ident => ($ar:expr, $en:expr $(,)?),)*) => {
        /// The codes the reader words, in the order of its tables.
        pub const READER_CODES: &[Code] = &[$(Code::$code),*];
        const READER_AR: &str = concat!($($ar, "\u{1}"),*);
        const READER_EN: &str = concat!($($en, "\u{1}"),*);
    };
}

reader_table! {
    JsonSyntax => ("خطأ في صياغة JSON في السطر {0}، العمود {1}: {2}", "JSON syntax error at line {0}, column {1}: {2}"),
    JsonSyntaxAt => ("خطأ في صياغة JSON عند الحرف {0}: {1}", "JSON syntax error at character {0}: {1}"),
    JsonByteOrderMark => (
        "يبدأ الملف بعلامة ترتيب البايتات (BOM): احفظه بترميز UTF-8 من دونها",
        "the file starts with a byte-order mark (BOM): save it as UTF-8 without one",
    ),
    JsonExpectedValue => ("يُنتظر هنا قيمة", "a value is expected here"),
    JsonTrailing => ("نص زائد بعد نهاية المستند", "text after the end of the document"),
    JsonTooDeep => ("تداخل أعمق مما يُقبل", "nested more deeply than allowed"),
    JsonArrayComma => ("يُنتظر «,» أو «]»", "expected «,» or «]»"),
    JsonObjectComma => ("يُنتظر «,» أو «}»", "expected «,» or «}»"),
    JsonKey => ("يُنتظر مفتاح بين علامتي تنصيص", "expected a key in quotes"),
    JsonColon => ("يُنتظر «:»", "expected «:»"),
    JsonUnclosedString => ("نص لم يُغلق", "an unterminated string"),
    JsonControl => ("حرف تحكّم داخل نص", "a control character in a string"),
    JsonEscape => ("تهريب غير صالح داخل نص", "an invalid escape in a string"),
    JsonSurrogate => ("نصف محرف (surrogate) منفرد", "a lone surrogate"),
    JsonNumber => ("عدد مكتوب على غير وجهه", "a malformed number"),
    JsonInfinite => ("عدد أكبر من أن يُمثَّل", "a number too large"),
    JsonDuplicateKey => ("المفتاح {0} مكرر في الكائن نفسه", "the key {0} is given twice in one object"),
    Missing => ("حقل ناقص", "missing field"),
    UnknownField => ("حقل لا يعرفه هذا التنسيق: {0}", "a field this format does not have: {0}"),
    WrongType => ("قيمة من غير نوعها: يُنتظر {0}", "wrong value: expected {0}"),
    UnknownValue => ("قيمة غير معروفة {0}: المقبول {1}", "unknown value {0}: one of {1}"),
    NotWhole => (
        "{0} مكتوب بكسر أو أُس أو بإشارة سالبة للصفر: يُكتب الرقم هنا عددًا صحيحًا مثل 43",
        "{0} is written with a fraction, an exponent or as -0: write a whole number here, such as 43",
    ),
    OutOfRange => ("العدد {0} خارج المدى من {1} إلى {2}", "{0} is out of range {1} to {2}"),
    WantString => ("نص", "a string"),
    WantNumber => ("عدد", "a number"),
    WantWhole => ("عدد صحيح", "a whole number"),
    WantBool => ("true أو false", "true or false"),
    WantList => ("قائمة", "a list"),
    WantObject => ("كائن", "an object"),
    WantSpan => ("[النص، البداية، النهاية]", "[text, start, end]"),
    WantMention => ("[البداية، النهاية، الكيان، الصفات]", "[start, end, entity, flags]"),
    WantNote => ("[النص، الرقم، الملاحظة]", "[text, index, note]"),
    WantShape => ("{\"country\": …} أو {\"polygon\": […]}", "{\"country\": …} or {\"polygon\": […]}"),
    WantPredicateLabels => ("[عربي، إنجليزي، العكس بالعربية، العكس بالإنجليزية]", "[ar, en, inverse ar, inverse en]"),
    NotPublished => ("ليس مستندًا منشورًا", "not a published document"),
    Version => ("الإصدار {0} غير مدعوم؛ يُقرأ الإصدار {1}", "version {0} is not supported; this reads version {1}"),
    LinkScheme => ("الرابط {0} ليس http ولا https", "the link {0} is neither http nor https"),
    DuplicateId => ("المعرّف {0} مكرر", "the id {0} is used twice"),
    NotSlug => (
        "المعرّف {0} ليس بحروف لاتينية صغيرة وأرقام وشرطات",
        "the id {0} is not lowercase letters, digits and hyphens",
    ),
    NoEntityIndex => ("لا كيان برقم {0}", "no entity number {0}"),
    NoEntityId => ("لا كيان بالمعرّف {0}", "no entity with the id {0}"),
    NoPredicate => ("لا علاقة برقم {0}", "no predicate number {0}"),
    NoText => ("لا نص برقم {0}", "no text number {0}"),
    MentionLists => ("{0} قوائم إشارات لـ{1} نصوص", "{0} lists of mentions for {1} texts"),
    RangeOutside => ("المدى {0}–{1} يتجاوز طول نصه ({2})", "the range {0}–{1} runs past its text ({2} units)"),
    RangeReversed => ("المدى {0}–{1} معكوس: نهايته قبل بدايته", "the range {0}–{1} is reversed: it ends before it starts"),
    RangeCutsCharacter => ("المدى {0}–{1} يقسم محرفًا نصفين", "the range {0}–{1} cuts a character in two"),
    RangeCutsCluster => (
        "الموضع {0} يفصل حرفًا عن علاماته (تشكيل، أو مُحدِّد شكل، أو رابط، أو نصف علم)",
        "offset {0} cuts a letter from its marks (a diacritic, a variation selector, a joiner, half a flag)",
    ),
    EmptyMention => ("إشارة فارغة", "an empty mention"),
    MentionsOverlap => ("الإشارة {0} تتداخل مع {1}", "the mention {0} overlaps {1}"),
    MentionsOutOfOrder => ("الإشارة {0} قبل {1} في غير ترتيبها", "the mention {0} comes before {1}, out of order"),
    UnknownFlags => ("صفات غير معروفة: {0}", "unknown flags: {0}"),
    NoMention => ("لا إشارة بهذا الموضع", "no such mention"),
    ListedTwice => ("الكيان {0} مذكور مرتين", "entity {0} is listed twice"),
    CoordinatesOutOfRange => ("الإحداثيات {0}، {1} خارج المدى", "the coordinates {0}, {1} are out of range"),
    UnsafeText => (
        "نص فيه حرف تحكّم أو علامة اتجاه غير مُغلقة: {0}",
        "a text with a control character or an unclosed direction mark: {0}",
    ),
    OverLimit => ("{0}: {1}، والحد {2}", "{0}: {1}, over the limit of {2}"),
    LimitText => ("طول المقال بالمحارف", "the article's length in characters"),
    LimitMentions => ("عدد الإشارات", "mentions"),
    LimitEntities => ("عدد الكيانات", "entities"),
    LimitRelations => ("عدد العلاقات", "relations"),
    LimitEvents => ("عدد أحداث التسلسل الزمني", "events of the timeline"),
    LimitFeatures => ("عدد معالم الخريطة", "map features"),
    LimitVertices => ("عدد نقاط معالم الخريطة", "positions of map features"),
    LimitBytes => ("حجم المستند بالبايت", "the document's size in bytes"),
    UnknownRegion => ("لا خريطة أساس للمنطقة {0}؛ المتاح: {1}", "no base map for the region {0}; there are: {1}"),
    UnknownCountry => ("رمز الدولة {0} ليس في خريطة الأساس", "the country code {0} is not on the base map"),
    UnknownWaypoint => ("لا نقطة على الخريطة بالمعرّف {0}", "no map point has the id {0}"),
    FewPositions => ("المضلع يحتاج ثلاثة مواضع على الأقل", "a polygon needs at least three positions"),
    NotBaseMap => ("ليست خريطة أساس", "not a base map"),
    WrongProjection => ("خريطة الأساس بإسقاط غير إسقاط الخريطة", "the base map is drawn in another projection"),
}

/// The reader's words for the arguments of a message.
pub struct ReaderWords(pub Lang);

impl Words for ReaderWords {
    fn block(&self, block: Option<usize>) -> String {
        block_name(block, self.0)
    }
    fn code(&self, code: Code) -> String {
        reader_words(code, self.0).unwrap_or_default().to_owned()
    }
}

/// A text of the article as people count it: the headline, or paragraph `i + 1`.
pub fn block_name(block: Option<usize>, lang: Lang) -> String {
    match (block, lang) {
        (None, Lang::Ar) => "العنوان".to_owned(),
        (None, Lang::En) => "the headline".to_owned(),
        (Some(i), Lang::Ar) => format!("الفقرة {}", i + 1),
        (Some(i), Lang::En) => format!("paragraph {}", i + 1),
    }
}

/// A message in the reader's words.
pub fn say(message: &Message, lang: Lang) -> String {
    match reader_words(message.code, lang) {
        Some(template) => render(template, &message.args, &ReaderWords(lang)),
        // A code the reader has no words for (it cannot meet one): its number, never English.
        None => format!("#{}", message.code as u16),
    }
}

/// Where a problem of a published document is, in a reader's terms: `mentions[2][0]` is
/// "paragraph 2, mention 1", `entities[3].name` "entity 4, name"; the rest as the path.
pub fn place(problem: &Problem, lang: Lang) -> String {
    let path = problem.path.as_str();
    if path.is_empty() {
        return whole(lang).to_owned();
    }
    let numbers: Vec<usize> =
        path.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect();
    let (mention, comma) = match lang {
        Lang::Ar => ("الإشارة", "، "),
        Lang::En => ("mention", ", "),
    };
    if let (Some(_), [t, k, ..]) = (path.strip_prefix("mentions["), numbers.as_slice()) {
        let text = block_name(t.checked_sub(1), lang);
        return format!("{text}{comma}{mention} {}", k + 1);
    }
    // A record of a list by its number as a reader counts (from 1), then the field inside it.
    const LISTS: [(&str, &str, &str); 6] = [
        ("entities[", "الكيان", "entity"),
        ("relations[", "العلاقة", "relation"),
        ("timeline[", "الحدث", "event"),
        ("map.points[", "نقطة الخريطة", "map point"),
        ("map.areas[", "منطقة الخريطة", "map area"),
        ("map.movements[", "حركة الخريطة", "map movement"),
    ];
    for (prefix, ar, en) in LISTS {
        let Some((index, rest)) = path.strip_prefix(prefix).and_then(|r| r.split_once(']')) else { continue };
        let Ok(i) = index.parse::<usize>() else { continue };
        let what = format!("{} {}", if lang == Lang::Ar { ar } else { en }, i + 1);
        let field = rest.strip_prefix('.').unwrap_or(rest);
        return if field.is_empty() { what } else { format!("{what}{comma}{field}") };
    }
    path.to_owned()
}

/// The Latin words an Arabic message may keep: technical names a reader types or searches as they
/// are (JSON, BOM, UTF-8, http, true, the command, the embed's attribute and options). The tests
/// of every string table check the Arabic words against it.
pub const KEPT_LATIN: &[&str] = &[
    "JSON",
    "BOM",
    "UTF",
    "http",
    "https",
    "true",
    "false",
    "surrogate",
    "country",
    "polygon",
    "cargo",
    "xtask",
    "publish",
    "data",
    "src",
    "document",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::said;

    #[test]
    fn a_reader_meets_arabic_and_english_only_in_its_language() {
        let m = said!(Code::RangeReversed, 43u32, 38u32);
        assert_eq!(
            say(&m, Lang::En),
            "the range \u{2068}43\u{2069}–\u{2068}38\u{2069} is reversed: it ends before it starts"
        );
        assert!(say(&m, Lang::Ar).starts_with("المدى"));
        let nested = said!(Code::WrongType, Code::WantWhole);
        assert_eq!(say(&nested, Lang::Ar), "قيمة من غير نوعها: يُنتظر \u{2068}عدد صحيح\u{2069}");
        assert_eq!(say(&said!(Code::SelectFirst), Lang::En), format!("#{}", Code::SelectFirst as u16));
    }

    #[test]
    fn paths_are_said_as_a_reader_counts() {
        let p = |path: &str| Problem::new(path, said!(Code::EmptyMention));
        assert_eq!(place(&p("mentions[2][0]"), Lang::En), "paragraph 2, mention 1");
        assert_eq!(place(&p("mentions[0][4]"), Lang::Ar), "العنوان، الإشارة 5");
        assert_eq!(place(&p("entities[3].name.ar"), Lang::En), "entity 4, name.ar");
        assert_eq!(place(&p("relations[0].subject"), Lang::En), "relation 1, subject");
        assert_eq!(place(&p("relations[11]"), Lang::Ar), "العلاقة 12");
        assert_eq!(place(&p("timeline[2].evidence.exact"), Lang::En), "event 3, evidence.exact");
        assert_eq!(place(&p("map.movements[0].waypoints[1]"), Lang::En), "map movement 1, waypoints[1]");
        assert_eq!(place(&p("map.areas[4]"), Lang::Ar), "منطقة الخريطة 5");
        // Not a numbered record: said as written.
        assert_eq!(place(&p("map.region"), Lang::En), "map.region");
        assert_eq!(place(&p("relations[x].subject"), Lang::En), "relations[x].subject");
        assert_eq!(place(&p(""), Lang::Ar), "المستند");
    }

    /// Every code a reader can meet is worded in both languages, and no Latin word reaches the
    /// Arabic table but the technical names it must keep (JSON, BOM, UTF-8, http…).
    #[test]
    fn the_arabic_words_hold_no_english() {
        for &code in Code::ALL {
            let (Some(ar), Some(en)) = (reader_words(code, Lang::Ar), reader_words(code, Lang::En)) else { continue };
            assert!(!en.is_empty(), "{code:?}");
            for word in ar.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 1) {
                assert!(KEPT_LATIN.contains(&word), "{code:?}: «{word}» in the Arabic words «{ar}»");
            }
            // The same arguments in both.
            let args = |t: &str| (0..6).filter(|i| t.contains(&format!("{{{i}}}"))).collect::<Vec<_>>();
            assert_eq!(args(ar), args(en), "{code:?}");
        }
    }
}
