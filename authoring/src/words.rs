//! Every message of the widget in Arabic and English: what the validator, the catalogues, the
//! publisher and the studio say, and (from the reader's own table, `article_format::words`) what
//! a reader can meet. The publisher module, the studio and the native tools word problems here;
//! the reader's download never carries these words.
//!
//! Places are said in an editor's terms: `relations[2].evidence` is "the relation «Putin — signed
//! — the partnership», its evidence in paragraph 3, «ووقّع الرئيس…»", not a JSON path.

use article_format::i18n::Lang;
use article_format::problem::{render, Code, Message, Problem, Words};
use article_format::words::{block_name, reader_words};

use crate::model::{BlockRef, Document, Quote};

/// The words of a code, in `lang`: the authoring ones here, the reader's from its table.
pub fn words(code: Code, lang: Lang) -> &'static str {
    if let Some(w) = reader_words(code, lang) {
        return w;
    }
    use Code::*;
    let (ar, en) = match code {
        Empty => ("لا يجوز أن يكون فارغًا", "must not be empty"),
        WantAlias => ("اسم بديل: نص، أو {\"text\": …}", "an alias: a string or {\"text\": …, \"adjective\": true}"),
        WantSources => ("مصدر: معرّف كيان أو قائمة معرّفات", "a source: an entity id or a list of them"),
        WantBlock => ("فقرة: رقم (0 أولها) أو \"headline\"", "a block: a number (0 the first) or \"headline\""),
        WantWaypoint => (
            "موضع: معرّف نقطة على الخريطة أو {\"lat\": …، \"lon\": …}",
            "a waypoint: a map point's id or {\"lat\": …, \"lon\": …}",
        ),
        NoBlocks => ("يحتاج المقال إلى فقرة واحدة على الأقل", "an article needs at least one block"),
        NotLanguageTag => ("{0} ليس رمز لغة مثل \"ar\" (BCP 47)", "{0} is not a language tag such as \"ar\" (BCP 47)"),
        NotDate => ("{0} ليس تاريخًا مكتوبًا YYYY-MM-DD", "{0} is not a date written YYYY-MM-DD"),
        NotIsoDate => (
            "{0} ليس تاريخًا ولا مدة بصيغة ISO 8601 (\"2025-05\" أو \"2025-05-07\" أو \"2025-08/..\")",
            "{0} is not a date or period written as ISO 8601 (\"2025-05\", \"2025-05-07\", \"2025-08/..\")",
        ),
        DuplicateIdAlso => ("المعرّف {0} مكرر، وهو أيضًا في {1}", "the id {0} is used twice, also by {1}"),
        EmptyAlias => ("اسم بديل بلا حروف يُبحث عنها", "an alias with no letters to find"),
        AliasRepeats => ("الاسم البديل {0} يكرر {1}", "the alias {0} repeats {1}"),
        AliasOfAnother => ("الاسم البديل {0} هو أيضًا {1}", "the alias {0} is also {1}"),
        NotWikidata => ("{0} ليس معرّف ويكي بيانات مثل \"Q57336\"", "{0} is not a Wikidata item id such as \"Q57336\""),
        SelfRelation => ("العلاقة تربط كيانين مختلفين", "a relation links two different entities"),
        NotCountryCode => (
            "{0} ليس رمز دولة رقميًا (ISO 3166-1) مثل \"862\"",
            "{0} is not an ISO 3166-1 numeric code such as \"862\"",
        ),
        EmptySources => (
            "قائمة مصادر فارغة: احذف asserted_by إن كان المقال نفسه يقول ذلك",
            "an empty list of sources: leave asserted_by out when the article itself says it",
        ),
        Twice => ("{0} مذكور مرتين", "{0} is listed twice"),
        UnknownEntity => ("لا كيان بالمعرّف {0}", "unknown entity {0}"),
        UnknownEntityMeant => ("لا كيان بالمعرّف {0}؛ هل المقصود {1}؟", "unknown entity {0} (did you mean {1}?)"),
        NoBlock => ("لا فقرة بهذا الرقم: فقرات المقال من 0 إلى {0}", "no such block: the article has blocks 0 to {0}"),
        EmptyQuote => ("اقتباس فارغ", "an empty quote"),
        QuoteNotFound => ("الاقتباس {0} ليس في {1}", "the quote {0} is not in {1}"),
        QuoteElsewhere => ("الاقتباس {0} ليس في {1}، بل في {2}", "the quote {0} is not in {1}: it is in {2}"),
        QuoteMarks => (
            "الاقتباس {0} ليس في {1}: لا يختلف عنه إلا في علامات التنصيص (انسخها من النص: « » “ ” كلها مختلفة)",
            "the quote {0} is not in {1}: it differs only in its quote marks (copy them from the text: « » “ ” all differ)",
        ),
        QuoteDiffers => (
            "الاقتباس {0} ليس في {1}: أول {2} من كلماته فيها، ثم يختلف النص عند {3}",
            "the quote {0} is not in {1}: its first {2} word(s) are there, then the text differs at {3}",
        ),
        Latitude => ("خط العرض {0} خارج المدى من -90 إلى 90", "latitude {0} is out of range -90..90"),
        Longitude => ("خط الطول {0} خارج المدى من -180 إلى 180", "longitude {0} is out of range -180..180"),
        Serde => ("قيمة غير صالحة ({0})", "wrong value ({0})"),
        CatalogueUnread => ("تعذّرت قراءة الفهرس {0}: {1}", "cannot read the catalogue {0}: {1}"),
        NotCatalogue => ("ليس ملف فهرس", "not a catalogue file"),
        CatalogueClaims => (
            "لا أقوال في فهرس: القول يقتبس مقالًا بعينه",
            "no claims in a catalogue: a claim quotes one article",
        ),
        CatalogueMetonym => (
            "لا كناية في فهرس: ما تدل عليه الكلمة يختاره كل مقال",
            "no metonymic alias in a catalogue: what the word stands for is each article's choice",
        ),
        NoCatalogues => ("لا تُقرأ الفهارس هنا", "no catalogues can be read here"),
        CannotWrite => ("تعذّرت كتابة المستند المنشور: {0}", "the published document could not be written: {0}"),
        InsideWord => ("الإشارة {0} تبدأ أو تنتهي داخل كلمة", "the mention {0} starts or ends inside a word"),
        PlaceholderDescription => (
            "وصف {0} ما زال مؤقتًا (اسم النوع وحده): اكتب وصفًا",
            "the description of {0} is still the placeholder (the kind's name): write one",
        ),
        GuessedName => ("الاسم الإنجليزي {0} تخمين لم يُراجع", "the English name {0} is a guess, not checked"),
        SelectFirst => ("حدّد كلمات من المقال أولًا", "select some words of the article first"),
        AliasAdded => ("صار {0} من أسماء {1}", "{0} is now an alias of {1}"),
        AlreadyName => ("{0} من أسماء {1} من قبل", "{0} is already a name of {1}"),
        EntityAdded => ("كيان جديد: {0}", "new entity: {0}"),
        NeedEnglishName => ("اكتب اسم الكيان بالإنجليزية", "give the entity's English name"),
        NeedKind => ("اختر النوع", "choose a kind"),
        NeedPredicate => ("اختر العلاقة", "choose a relation"),
        NeedFeatureKind => ("اختر نوع المعلم", "choose the feature's kind"),
        NeedEntity => ("اختر الكيان", "choose the entity"),
        MentionAdded => ("أُضيفت إشارة إلى {0}", "a mention of {0} added"),
        Unlinked => ("لم تعد {0} مربوطة هنا", "{0} is no longer linked there"),
        RelationAdded => ("علاقة جديدة: {0} {1} {2}", "new relation: {0} {1} {2}"),
        NeedBothTime => (
            "اكتب زمن العلاقة بالعربية والإنجليزية، أو اتركهما فارغين",
            "give the relation's time in Arabic and in English, or leave both empty",
        ),
        NeedBothDetail => (
            "اكتب تفصيل العلاقة بالعربية والإنجليزية، أو اتركهما فارغين",
            "give the relation's detail in Arabic and in English, or leave both empty",
        ),
        NeedEventName => ("اكتب اسم الحدث بالعربية والإنجليزية", "give the event's name in Arabic and in English"),
        NeedEventTime => (
            "اكتب زمن الحدث كما يقوله المقال، بالعربية والإنجليزية",
            "give the event's time as the article says it, in Arabic and in English",
        ),
        EventAdded => ("حدث جديد: {0}، ترتيبه {1}", "new event: {0}, in time at {1}"),
        PointAdded => ("نقطة جديدة على الخريطة: {0}", "new point on the map: {0}"),
        MovementAdded => ("حركة جديدة: {0}، عبر {1} مواضع", "new movement: {0}, through {1} places"),
        AreaAdded => ("منطقة جديدة: {0}، لها {1} زوايا", "new area: {0}, with {1} corners"),
        NeedTwoClicks => ("انقر حيث تبدأ وحيث تنتهي", "click where it starts and where it ends"),
        NeedThreeClicks => ("المنطقة تحتاج ثلاث نقرات على الأقل", "an area needs at least three clicks"),
        NeedLabel => ("اكتب اسم المعلم بالعربية والإنجليزية", "give the feature's label in Arabic and in English"),
        NoCoordinates => ("{0} بلا إحداثيات", "{0} has no coordinates"),
        Changed => ("عُدِّل {0}", "{0} changed"),
        NoSuchItem => ("لم يعد موجودًا", "it is no longer there"),
        Deleted => ("حُذف {0}", "{0} deleted"),
        InUse => ("{0} مستعمل في {1}", "{0} is used by {1}"),
        Undid => ("تراجعت عن: {0}", "undone: {0}"),
        Redid => ("أعدت: {0}", "redone: {0}"),
        NothingToUndo => ("لا شيء للتراجع عنه", "nothing to undo"),
        NothingToRedo => ("لا شيء لإعادته", "nothing to redo"),
        Replaced => ("حلّ محل المستند: {0}", "the document was replaced by {0}"),
        Started => ("بدأنا من النص (عدد الفقرات: {0})", "started from the text (paragraphs: {0})"),
        Opened => ("فُتح {0}", "opened {0}"),
        SavedTo => ("حُفظ في {0}", "saved to {0}"),
        Downloaded => ("نُزِّل {0}", "downloaded {0}"),
        DraftKept => ("المسودة محفوظة في هذا المتصفح", "the draft is kept in this browser"),
        NoDrafts => (
            "لا يحفظ هذا المتصفح المسودات ({0}): احفظ في ملف كثيرًا",
            "this browser keeps no drafts ({0}): save to a file often",
        ),
        StorageFull => (
            "مساحة التخزين في المتصفح ممتلئة: لم يُحفظ هذا التعديل في المسودة ({0})",
            "the browser's storage is full: this edit is not kept in the draft ({0})",
        ),
        OpenElsewhere => ("هذه المسودة مفتوحة في نافذة أخرى", "this draft is open in another tab"),
        TakenOver => (
            "نافذة أخرى تولّت هذه المسودة: لا تعديل هنا حتى تستعيدها",
            "another tab took this draft over: no edits here until you take it back",
        ),
        SuggestionTaken => ("ثُبّت الاقتراح: {0} إلى {1}", "suggestion confirmed: {0} linked to {1}"),
        SuggestionRejected => ("نُحّي الاقتراح: {0}", "suggestion set aside: {0}"),
        _ => (code.name(), code.name()),
    };
    match lang {
        Lang::Ar => ar,
        Lang::En => en,
    }
}

/// The editor's words for the arguments of a message.
pub struct EditorWords(pub Lang);

impl Words for EditorWords {
    fn block(&self, block: Option<usize>) -> String {
        block_name(block, self.0)
    }
    fn code(&self, code: Code) -> String {
        words(code, self.0).to_owned()
    }
}

/// A message in `lang`, its arguments isolated for the page.
pub fn say(message: &Message, lang: Lang) -> String {
    render(words(message.code, lang), &message.args, &EditorWords(lang))
}

/// A message in `lang` without isolation marks, for a terminal or a test.
pub fn plain(message: &Message, lang: Lang) -> String {
    say(message, lang).replace(['\u{2068}', '\u{2069}'], "")
}

/// A problem in English for a terminal: `path: message` (`cargo xtask check`, `publish`).
pub fn english(problem: &Problem) -> String {
    let message = plain(&problem.message, Lang::En);
    if problem.path.is_empty() {
        message
    } else {
        format!("{}: {message}", problem.path)
    }
}

/// Where a problem is, in an editor's terms, from the document it is about (when it could be
/// read): the headline, a paragraph and its words, an entity by its name, a relation by its
/// subject, predicate and object, an event, a map feature by its label. Without the document,
/// the path's first part in words.
pub fn place(path: &str, doc: Option<&Document>, lang: Lang) -> String {
    let t = |ar: &'static str, en: &'static str| if lang == Lang::Ar { ar } else { en };
    let comma = t("، ", ", ");
    let quoted = |q: &Quote| -> String {
        let text = match q.block {
            BlockRef::Headline(_) => None,
            BlockRef::Block(i) => Some(i),
        };
        format!("{}{comma}«{}»", block_name(text, lang), clip(&q.exact, 48))
    };
    if path.is_empty() {
        return t("المستند", "the document").to_owned();
    }
    let (head, index, rest) = split_path(path);
    let n = |i: &str| i.parse::<usize>().ok();
    let field = field_words(rest, lang);
    let with = |what: String| if field.is_empty() { what } else { format!("{what}{comma}{field}") };
    match (head, doc) {
        ("article.blocks", _) => {
            let Some(i) = n(index) else { return path.to_owned() };
            let words = doc.and_then(|d| d.article.blocks.get(i)).map(|b| b.text.as_str()).unwrap_or_default();
            if words.is_empty() {
                block_name(Some(i), lang)
            } else {
                format!("{}{comma}«{}»", block_name(Some(i), lang), clip(words, 48))
            }
        }
        ("article", _) => {
            if let Some(i) = rest.strip_prefix(".blocks[").and_then(|r| r.split(']').next()).and_then(n) {
                let words = doc.and_then(|d| d.article.blocks.get(i)).map(|b| b.text.as_str()).unwrap_or_default();
                return if words.is_empty() {
                    block_name(Some(i), lang)
                } else {
                    format!("{}{comma}«{}»", block_name(Some(i), lang), clip(words, 48))
                };
            }
            if rest.starts_with(".headline") {
                return block_name(None, lang);
            }
            with(t("المقال", "the article").to_owned())
        }
        ("entities", Some(d)) => {
            let entity = d.entities.iter().find(|e| e.id == index).or_else(|| n(index).and_then(|i| d.entities.get(i)));
            let name = entity.map_or(index.to_owned(), |e| lang.pick(&e.name).to_owned());
            let what = format!("{} «{name}»", t("الكيان", "the entity"));
            match claim_quote(entity, rest) {
                Some(q) => format!("{what}{comma}{field}{comma}{}", quoted(q)),
                None => with(what),
            }
        }
        ("relations", Some(d)) => {
            let Some(r) = n(index).and_then(|i| d.relations.get(i)) else { return path.to_owned() };
            let name = |id: &str| {
                d.entities.iter().find(|e| e.id == id).map_or(id.to_owned(), |e| lang.pick(&e.name).to_owned())
            };
            let l = r.predicate.labels();
            let what = format!(
                "{} «{} — {} — {}»",
                t("العلاقة", "the relation"),
                name(&r.subject),
                if lang == Lang::Ar { l.ar } else { l.en },
                name(&r.object)
            );
            if rest.starts_with(".evidence") {
                format!("{what}{comma}{}{comma}{}", t("دليلها", "its evidence"), quoted(&r.evidence))
            } else {
                with(what)
            }
        }
        ("timeline", Some(d)) => {
            let Some(e) = n(index).and_then(|i| d.timeline.get(i)) else { return path.to_owned() };
            let what = format!("{} «{}»", t("الحدث", "the event"), lang.pick(&e.label));
            match (&e.evidence, rest.starts_with(".evidence")) {
                (Some(q), true) => format!("{what}{comma}{}{comma}{}", t("دليله", "its evidence"), quoted(q)),
                _ => with(what),
            }
        }
        ("map.points" | "map.areas" | "map.movements", Some(d)) => {
            let label = |id: &str, l: &crate::model::Bilingual| (id.to_owned(), lang.pick(l).to_owned());
            let features: Vec<(String, String)> = match head {
                "map.points" => d.map.points.iter().map(|p| label(&p.id, &p.label)).collect(),
                "map.areas" => d.map.areas.iter().map(|a| label(&a.id, &a.label)).collect(),
                _ => d.map.movements.iter().map(|m| label(&m.id, &m.label)).collect(),
            };
            let found = features.iter().find(|(id, _)| id == index).or_else(|| n(index).and_then(|i| features.get(i)));
            let name = found.map_or(index.to_owned(), |(_, l)| l.clone());
            with(format!("{} «{name}»", t("معلم الخريطة", "the map feature")))
        }
        ("mentions.add" | "mentions.suppress", Some(d)) => {
            let list = if head == "mentions.add" {
                d.mentions.add.iter().map(|m| &m.at).collect::<Vec<_>>()
            } else {
                d.mentions.suppress.iter().collect()
            };
            let what = if head == "mentions.add" {
                t("الإشارة المضافة", "the added mention")
            } else {
                t("الكلمات غير المربوطة", "the unlinked words")
            };
            match n(index).and_then(|i| list.get(i)) {
                Some(q) => format!("{what}{comma}{}", quoted(q)),
                None => what.to_owned(),
            }
        }
        ("catalogues", _) => format!("{} «{index}»", t("الفهرس", "the catalogue")),
        ("map", _) => with(t("الخريطة", "the map").to_owned()),
        ("version", _) => t("الإصدار", "the version").to_owned(),
        _ => path.to_owned(),
    }
}

/// `entities[x].claims[1].evidence` → ("entities", "x", ".claims[1].evidence"); map and mention
/// lists keep their two-part head (`map.points`, `mentions.add`).
fn split_path(path: &str) -> (&str, &str, &str) {
    let Some(open) = path.find('[') else {
        let (head, rest) = path.split_at(path.find('.').unwrap_or(path.len()));
        return (head, "", rest);
    };
    let head = &path[..open];
    let close = path[open..].find(']').map_or(path.len(), |c| open + c);
    (head, &path[(open + 1).min(close)..close], path.get(close + 1..).unwrap_or(""))
}

/// The quote a path inside an entity's claims names.
fn claim_quote<'d>(entity: Option<&'d crate::model::Entity>, rest: &str) -> Option<&'d Quote> {
    let i: usize = rest.strip_prefix(".claims[")?.split(']').next()?.parse().ok()?;
    rest.contains(".evidence").then_some(())?;
    entity?.claims.get(i).map(|c| &c.evidence)
}

/// The fields of a path (after its record) in words: `.aliases[2]` "alias 3", `.name.en` "its
/// English name".
fn field_words(rest: &str, lang: Lang) -> String {
    let ar = lang == Lang::Ar;
    let mut parts = Vec::new();
    for part in rest.split('.').filter(|p| !p.is_empty()) {
        let (name, index) = match part.split_once('[') {
            Some((n, i)) => (n, i.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        let word = match name {
            "name" => {
                if ar {
                    "الاسم"
                } else {
                    "name"
                }
            }
            "description" => {
                if ar {
                    "الوصف"
                } else {
                    "description"
                }
            }
            "aliases" => {
                if ar {
                    "الاسم البديل"
                } else {
                    "alias"
                }
            }
            "claims" => {
                if ar {
                    "القول"
                } else {
                    "claim"
                }
            }
            "evidence" | "at" => {
                if ar {
                    "الدليل"
                } else {
                    "evidence"
                }
            }
            "exact" => {
                if ar {
                    "الكلمات"
                } else {
                    "words"
                }
            }
            "block" => {
                if ar {
                    "الفقرة"
                } else {
                    "paragraph"
                }
            }
            "ar" => {
                if ar {
                    "بالعربية"
                } else {
                    "in Arabic"
                }
            }
            "en" => {
                if ar {
                    "بالإنجليزية"
                } else {
                    "in English"
                }
            }
            "id" => {
                if ar {
                    "المعرّف"
                } else {
                    "id"
                }
            }
            "label" => {
                if ar {
                    "الاسم"
                } else {
                    "label"
                }
            }
            "when" | "time" => {
                if ar {
                    "الزمن"
                } else {
                    "time"
                }
            }
            "detail" => {
                if ar {
                    "التفصيل"
                } else {
                    "detail"
                }
            }
            "date" => {
                if ar {
                    "التاريخ"
                } else {
                    "date"
                }
            }
            "entities" | "entity" => {
                if ar {
                    "الكيان"
                } else {
                    "entity"
                }
            }
            "subject" => {
                if ar {
                    "الفاعل"
                } else {
                    "subject"
                }
            }
            "object" => {
                if ar {
                    "المفعول"
                } else {
                    "object"
                }
            }
            "predicate" => {
                if ar {
                    "العلاقة"
                } else {
                    "relation"
                }
            }
            "asserted_by" => {
                if ar {
                    "المصدر"
                } else {
                    "source"
                }
            }
            "coordinates" => {
                if ar {
                    "الإحداثيات"
                } else {
                    "coordinates"
                }
            }
            "lat" => {
                if ar {
                    "خط العرض"
                } else {
                    "latitude"
                }
            }
            "lon" => {
                if ar {
                    "خط الطول"
                } else {
                    "longitude"
                }
            }
            "wikidata" => {
                if ar {
                    "معرّف ويكي بيانات"
                } else {
                    "Wikidata id"
                }
            }
            "metonym_of" => {
                if ar {
                    "الكناية"
                } else {
                    "metonym"
                }
            }
            "kind" => {
                if ar {
                    "النوع"
                } else {
                    "kind"
                }
            }
            "region" => {
                if ar {
                    "المنطقة"
                } else {
                    "region"
                }
            }
            "shape" | "polygon" | "country" => {
                if ar {
                    "الشكل"
                } else {
                    "shape"
                }
            }
            "from" => {
                if ar {
                    "من"
                } else {
                    "from"
                }
            }
            "to" => {
                if ar {
                    "إلى"
                } else {
                    "to"
                }
            }
            "via" => {
                if ar {
                    "عبر"
                } else {
                    "via"
                }
            }
            "note" => {
                if ar {
                    "الملاحظة"
                } else {
                    "note"
                }
            }
            other => other,
        };
        parts.push(match index {
            Some(i) => format!("{word} {}", i + 1),
            None => word.to_owned(),
        });
    }
    parts.join(if ar { "، " } else { ", " })
}

/// At most `max` characters of a text, with an ellipsis when cut (never inside a character).
fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_format::said;

    /// Every code is worded in both languages, with the same arguments; the Arabic words hold no
    /// English but the technical names they must keep.
    #[test]
    fn every_code_is_worded_in_both_languages_and_the_arabic_holds_no_english() {
        // The names every table keeps, and the authoring document's own field names and formats.
        const OWN: &[&str] =
            &["ar", "BCP", "YYYY", "MM", "DD", "ISO", "Q57336", "asserted_by", "text", "headline", "lat", "lon"];
        for &code in Code::ALL {
            let (ar, en) = (words(code, Lang::Ar), words(code, Lang::En));
            assert_ne!(en, code.name(), "{code:?} has no words");
            for word in ar.split(|c: char| !c.is_ascii_alphanumeric() && c != '_').filter(|w| w.len() > 1) {
                assert!(
                    (article_format::words::KEPT_LATIN.contains(&word) || OWN.contains(&word))
                        || word.chars().all(|c| c.is_ascii_digit()),
                    "{code:?}: «{word}» in the Arabic words «{ar}»"
                );
            }
            let args = |t: &str| (0..6).filter(|i| t.contains(&format!("{{{i}}}"))).collect::<Vec<_>>();
            assert_eq!(args(ar), args(en), "{code:?}");
        }
    }

    #[test]
    fn places_are_said_in_the_editors_terms() {
        let doc = crate::seed::document().unwrap();
        let rel = doc.relations.iter().position(|r| r.subject == "vladimir-putin").unwrap();
        let said = place(&format!("relations[{rel}].evidence.exact"), Some(&doc), Lang::En);
        assert!(said.starts_with("the relation «Vladimir Putin — "), "{said}");
        assert!(said.contains("its evidence, paragraph "), "{said}");
        let said = place("entities[nicolas-maduro].aliases[2]", Some(&doc), Lang::Ar);
        assert_eq!(said, "الكيان «نيكولاس مادورو»، الاسم البديل 3");
        assert_eq!(place("article.blocks[0].text", None, Lang::En), "paragraph 1");
        assert_eq!(place("", None, Lang::Ar), "المستند");
        let m = said!(Code::UnknownEntityMeant, "nicolas-madura", "nicolas-maduro");
        assert_eq!(plain(&m, Lang::En), "unknown entity nicolas-madura (did you mean nicolas-maduro?)");
        assert_eq!(
            say(&m, Lang::Ar),
            "لا كيان بالمعرّف \u{2068}nicolas-madura\u{2069}؛ هل المقصود \u{2068}nicolas-maduro\u{2069}؟"
        );
    }
}
