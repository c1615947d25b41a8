//! Every UI string, in Arabic (the default) and English: one table, looked up by [`Lang`].
//! Pure data; the view never writes a UI string of its own.

use crate::model::{Bilingual, EntityKind};

/// The UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Ar,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En => "ltr",
        }
    }

    /// The other language, for the switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Ar => Lang::En,
            Lang::En => Lang::Ar,
        }
    }

    /// The text of a bilingual label in this language.
    pub fn pick(self, text: &Bilingual) -> &str {
        match self {
            Lang::Ar => &text.ar,
            Lang::En => &text.en,
        }
    }

    /// Names joined as a list is written: «أ وب وج» (the conjunction joined to the next word),
    /// "A, B and C".
    pub fn list(self, names: &[&str]) -> String {
        let mut out = String::new();
        for (i, name) in names.iter().enumerate() {
            if i > 0 {
                out.push_str(match self {
                    Lang::Ar => " و",
                    Lang::En if i + 1 == names.len() => " and ",
                    Lang::En => ", ",
                });
            }
            out.push_str(name);
        }
        out
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Ar => &AR,
            Lang::En => &EN,
        }
    }

    /// The strings of the figures module only (the timeline, the graph's picture): a table of
    /// their own, so that the reader's wasm does not carry them.
    pub fn figure_strings(self) -> &'static FigureStrings {
        match self {
            Lang::Ar => &FIGURES_AR,
            Lang::En => &FIGURES_EN,
        }
    }

    /// What a failed fetch says, for every module alike ([`FetchStrings`]).
    pub fn fetch_strings(self) -> &'static FetchStrings {
        match self {
            Lang::Ar => &FETCH_AR,
            Lang::En => &FETCH_EN,
        }
    }

    /// The name of an entity kind.
    pub fn kind(self, kind: EntityKind) -> &'static str {
        let (ar, en) = match kind {
            EntityKind::Person => ("شخص", "person"),
            EntityKind::Country => ("دولة", "country"),
            EntityKind::City => ("مدينة", "city"),
            EntityKind::Region => ("منطقة", "region"),
            EntityKind::Organisation => ("مؤسسة", "organisation"),
            EntityKind::MilitaryUnit => ("قوة عسكرية", "military unit"),
            EntityKind::MilitaryAsset => ("قطعة عسكرية", "military asset"),
            EntityKind::Agreement => ("اتفاقية", "agreement"),
            EntityKind::Event => ("حدث", "event"),
        };
        match self {
            Lang::Ar => ar,
            Lang::En => en,
        }
    }

    /// The plural name of an entity kind, for the legend.
    pub fn kinds(self, kind: EntityKind) -> &'static str {
        let (ar, en) = match kind {
            EntityKind::Person => ("أشخاص", "People"),
            EntityKind::Country => ("دول", "Countries"),
            EntityKind::City => ("مدن", "Cities"),
            EntityKind::Region => ("مناطق", "Regions"),
            EntityKind::Organisation => ("مؤسسات", "Organisations"),
            EntityKind::MilitaryUnit => ("قوات", "Military units"),
            EntityKind::MilitaryAsset => ("قطع عسكرية", "Military assets"),
            EntityKind::Agreement => ("اتفاقيات", "Agreements"),
            EntityKind::Event => ("أحداث", "Events"),
        };
        match self {
            Lang::Ar => ar,
            Lang::En => en,
        }
    }

    /// The name of a map feature kind.
    pub fn map_kind(self, kind: crate::model::MapFeatureKind) -> &'static str {
        use crate::model::MapFeatureKind as K;
        let (ar, en) = match kind {
            K::Capital => ("عاصمة", "capital"),
            K::City => ("مدينة", "city"),
            K::Country => ("دولة", "country"),
            K::Deployment => ("انتشار عسكري", "deployment"),
            K::Incident => ("حادثة", "incident"),
            K::Exercise => ("مناورات", "exercise"),
            K::Station => ("تمركز", "station"),
            K::Route => ("مسار", "route"),
        };
        match self {
            Lang::Ar => ar,
            Lang::En => en,
        }
    }

    /// The list separator: «، » in Arabic, ", " in English.
    pub fn comma(self) -> &'static str {
        match self {
            Lang::Ar => "، ",
            Lang::En => ", ",
        }
    }
}

/// The UI strings of one language.
pub struct Strings {
    pub legend: &'static str,
    pub highlights: &'static str,
    pub switch_language: &'static str,
    pub close: &'static str,
    pub back: &'static str,
    pub background: &'static str,
    pub in_the_article: &'static str,
    pub mentions_none: &'static str,
    pub mention_of: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub relations: &'static str,
    pub what_the_article_says: &'static str,
    pub according_to: &'static str,
    pub the_article: &'static str,
    pub adjective: &'static str,
    pub metonym_for: &'static str,
    pub graph: &'static str,
    pub graph_table: &'static str,
    pub subject: &'static str,
    pub relation: &'static str,
    pub object: &'static str,
    pub evidence: &'static str,
    pub says: &'static str,
    pub show_on_map: &'static str,
    /// The figures module (the map) could not be loaded.
    pub map_failed: &'static str,
    pub wikidata: &'static str,
    pub map: &'static str,
    pub retry: &'static str,
    pub article_loading: &'static str,
    pub article_failed: &'static str,
    pub widget_crashed: &'static str,
    /// A document that could not be shown: the heading of its problems, and "and {n} more".
    pub problems_heading: &'static str,
    pub problems_more: &'static str,
    pub panel_hint: &'static str,
}

pub static AR: Strings = Strings {
    legend: "أنواع الكيانات",
    highlights: "التظليل",
    switch_language: "English",
    close: "إغلاق",
    back: "رجوع",
    background: "معلومة عامة",
    in_the_article: "في المقال",
    mentions_none: "لا يُذكر بالاسم في النص",
    mention_of: "ذكر {i} من {n}",
    previous: "السابق",
    next: "التالي",
    relations: "العلاقات",
    what_the_article_says: "ما يقوله المقال",
    according_to: "بحسب",
    the_article: "المقال",
    adjective: "صفة",
    metonym_for: "كناية",
    graph: "شبكة العلاقات",
    graph_table: "جدول العلاقات",
    subject: "الطرف الأول",
    relation: "العلاقة",
    object: "الطرف الثاني",
    evidence: "الدليل من النص",
    says: "المصدر",
    show_on_map: "على الخريطة",
    map_failed: "تعذّر تحميل الخريطة",
    wikidata: "ويكي بيانات",
    map: "خريطة التحركات",
    retry: "إعادة المحاولة",
    article_loading: "تحميل المقال…",
    article_failed: "تعذّر تحميل المقال",
    widget_crashed: "توقّف مستكشف المقال بسبب خطأ. أعد تحميل الصفحة.",
    problems_heading: "تعذّر عرض مستند هذا المقال.",
    problems_more: "و{n} أخرى",
    panel_hint: "اختر اسمًا مظلَّلًا في النص لترى من هو أو ما هو، وأين يرد، وكيف يرتبط بغيره، مع الجملة التي تقول ذلك.",
};

pub static EN: Strings = Strings {
    legend: "Entity kinds",
    highlights: "Highlights",
    switch_language: "العربية",
    close: "Close",
    back: "Back",
    background: "Background",
    in_the_article: "In the article",
    mentions_none: "Not named in the text",
    mention_of: "Mention {i} of {n}",
    previous: "Previous",
    next: "Next",
    relations: "Relations",
    what_the_article_says: "What the article says",
    according_to: "according to",
    the_article: "the article",
    adjective: "adjective",
    metonym_for: "metonym",
    graph: "Relationship graph",
    graph_table: "Table of relations",
    subject: "Subject",
    relation: "Relation",
    object: "Object",
    evidence: "Evidence",
    says: "Source",
    show_on_map: "Show on map",
    map_failed: "The map could not be loaded",
    wikidata: "Wikidata",
    map: "Map of the movements",
    retry: "Retry",
    article_loading: "Loading the article…",
    article_failed: "The article could not be loaded",
    widget_crashed: "The article explorer stopped because of an error. Reload the page to try again.",
    problems_heading: "This article document could not be shown.",
    problems_more: "and {n} more",
    panel_hint: "Select a highlighted name in the text to see who or what it is, where it appears and how it relates to the others, with the sentence that says so.",
};

impl Strings {
    /// "Mention 2 of 5".
    pub fn mention_of(&self, i: usize, n: usize) -> String {
        self.mention_of.replace("{i}", &i.to_string()).replace("{n}", &n.to_string())
    }
}

/// What a failed fetch says: no connection, no answer in time (`{s}` the seconds), a body too
/// large (`{size}` and `{limit}` in MB), or unreadable. The reader's, the figures' and the
/// studio's fetches all say it alike.
pub struct FetchStrings {
    pub network: &'static str,
    pub no_answer: &'static str,
    pub too_large: &'static str,
    pub unreadable: &'static str,
}

const FETCH_AR: FetchStrings = FetchStrings {
    network: "تعذّر الاتصال بالشبكة",
    no_answer: "لا جواب خلال {s} ث",
    too_large: "حجم المستند {size} ميغابايت، والحد {limit} ميغابايت",
    unreadable: "تعذّرت قراءة الرد",
};

const FETCH_EN: FetchStrings = FetchStrings {
    network: "network error",
    no_answer: "no answer within {s} s",
    too_large: "the document is {size} MB; the limit is {limit} MB",
    unreadable: "unreadable body",
};

/// The figures module's strings ([`Lang::figure_strings`]).
pub struct FigureStrings {
    /// Shown for a large graph while an entity is open: the whole graph, or only its neighbours.
    pub graph_whole: &'static str,
    pub graph_focused: &'static str,
    /// A graph too large for one picture: "{n}" entities drawn of "{total}"; an open entity's
    /// "{n}" relations not drawn.
    pub graph_overview: &'static str,
    pub graph_left_out: &'static str,
    /// The timeline's heading, and its button that shows an event's sentence in the article.
    pub timeline: &'static str,
    pub timeline_in_text: &'static str,
    /// The map (drawn by the figures module): its controls, states and text alternative.
    pub map_help: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub reset_view: &'static str,
    pub approximate: &'static str,
    pub map_loading: &'static str,
    pub map_failed: &'static str,
    pub map_features: &'static str,
    pub movements_in_order: &'static str,
    pub movement: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub when: &'static str,
    pub not_given: &'static str,
    pub near: &'static str,
    /// Compass points of coordinates: north, south, east, west.
    pub compass: [&'static str; 4],
    pub retry: &'static str,
    /// The story on the map: its heading, its controls, "step {i} of {n}", and the overview.
    pub story: &'static str,
    pub story_previous: &'static str,
    pub story_next: &'static str,
    pub story_play: &'static str,
    pub story_pause: &'static str,
    pub story_step: &'static str,
    pub story_overview: &'static str,
    pub story_help: &'static str,
}

const FIGURES_AR: FigureStrings = FigureStrings {
    graph_whole: "اعرض الشبكة كاملة",
    graph_focused: "الكيان المختار وعلاقاته فقط",
    graph_overview: "الرسم يعرض {n} كيانًا من {total}، أكثرها ترابطًا: اختر كيانًا لترى علاقاته، وجدول العلاقات يذكرها كلها",
    graph_left_out: "لم تُرسم {n} من علاقاته: جدول العلاقات يذكرها كلها",
    timeline: "التسلسل الزمني",
    timeline_in_text: "في النص",
    map_help: "الخريطة: الأسهم للتحريك، + و − للتكبير والتصغير، 0 للعودة",
    zoom_in: "تكبير",
    zoom_out: "تصغير",
    reset_view: "الخريطة كاملة",
    approximate: "موقع تقريبي: لا يحدده المقال",
    map_loading: "تحميل الخريطة…",
    map_failed: "تعذّر تحميل الخريطة",
    map_features: "ما على الخريطة",
    movements_in_order: "التحركات بترتيبها الزمني",
    movement: "التحرك",
    from: "من",
    to: "إلى",
    when: "متى",
    not_given: "لا يذكره المقال",
    near: "قرب",
    compass: ["ش", "ج", "ق", "غ"],
    retry: "إعادة المحاولة",
    story: "القصة على الخريطة، خطوة خطوة",
    story_previous: "الخطوة السابقة",
    story_next: "الخطوة التالية",
    story_play: "تشغيل",
    story_pause: "إيقاف مؤقت",
    story_step: "الخطوة {i} من {n}",
    story_overview: "كل ما على الخريطة",
    story_help: "ما لم تبلغه القصة بعد يظهر باهتًا.",
};

const FIGURES_EN: FigureStrings = FigureStrings {
    graph_whole: "Show the whole graph",
    graph_focused: "Only the selected entity and its relations",
    graph_overview: "The {n} most connected of {total} entities: open one to see its relations; the table of relations lists them all",
    graph_left_out: "{n} of its relations are not drawn: the table of relations lists them all",
    timeline: "Timeline",
    timeline_in_text: "In the text",
    map_help: "Map: arrow keys pan, + and − zoom, 0 resets",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    reset_view: "Whole map",
    approximate: "Approximate position: the article gives none",
    map_loading: "Loading the map…",
    map_failed: "The map could not be loaded",
    map_features: "What the map shows",
    movements_in_order: "Movements in time order",
    movement: "Movement",
    from: "From",
    to: "To",
    when: "When",
    not_given: "not given by the article",
    near: "near",
    compass: ["N", "S", "E", "W"],
    retry: "Retry",
    story: "The story on the map, step by step",
    story_previous: "Previous step",
    story_next: "Next step",
    story_play: "Play",
    story_pause: "Pause",
    story_step: "Step {i} of {n}",
    story_overview: "Everything on the map",
    story_help: "What the story has not reached yet is faded.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reader_and_the_figures_say_a_failed_map_alike() {
        for lang in [Lang::Ar, Lang::En] {
            assert_eq!(lang.strings().map_failed, lang.figure_strings().map_failed);
        }
    }

    #[test]
    fn lists_of_sources_read_as_written() {
        assert_eq!(Lang::Ar.list(&["مسؤولون أمريكيون"]), "مسؤولون أمريكيون");
        assert_eq!(Lang::Ar.list(&["واشنطن", "كاراكاس"]), "واشنطن وكاراكاس");
        assert_eq!(Lang::En.list(&["A", "B"]), "A and B");
        assert_eq!(Lang::En.list(&["A", "B", "C"]), "A, B and C");
        assert_eq!(Lang::En.list(&[]), "");
    }
}
