//! What is said about a document, before it is said in any language: a [`Message`] is a [`Code`]
//! and its arguments; a [`Problem`] is a message and where it is (a path into the document, such
//! as `entities[nicolas-maduro].aliases[2]`). No sentence is built here. Each UI words a message
//! from its own string table, in Arabic or English: the reader only what its page says itself
//! ([`crate::words::page_words`]: no document, no publisher); what is wrong with a document, the
//! publisher module, which the reader loads to say it ([`crate::words::reader_words`]); the
//! studio and the native tools everything (`article_authoring::words`). So the reader's download
//! carries no vocabulary of problems, and no English reaches an Arabic UI.
//!
//! Templates name their arguments by position, `{0}`, `{1}`…; [`render`] fills them in, each
//! isolated (U+2068 … U+2069) so that an English id inside an Arabic sentence, or Arabic words
//! inside an English one, keep their own direction and never reorder the sentence around them.

/// One argument of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Words, an id or a value from the document, shown as they are (and isolated).
    Text(String),
    /// A text of the article: None the headline, `Some(i)` block i (worded "paragraph i + 1").
    Block(Option<usize>),
    /// Words of the table itself (what was expected, which limit).
    Code(Code),
}

impl From<Code> for Arg {
    fn from(c: Code) -> Arg {
        Arg::Code(c)
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Text(n.to_string())
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64);

/// What is said, in no language yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub code: Code,
    pub args: Vec<Arg>,
}

impl Message {
    pub fn new(code: Code, args: impl IntoIterator<Item = Arg>) -> Message {
        Message { code, args: args.into_iter().collect() }
    }
}

/// Builds a [`Message`]: `said!(Code::NoEntity, id)`.
#[macro_export]
macro_rules! said {
    ($code:expr $(, $arg:expr)* $(,)?) => {
        $crate::problem::Message { code: $code, args: vec![$($crate::problem::Arg::from($arg)),*] }
    };
}

/// One thing wrong with a document: where (a path such as `entities[3].aliases[1]`, or empty for
/// the whole document) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: Message,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: Message) -> Problem {
        Problem { path: path.into(), message }
    }

    /// Whether it only warns: the document is still published (a placeholder description, a
    /// guessed English name, a mention that starts inside a word).
    pub fn is_warning(&self) -> bool {
        self.message.code.is_warning()
    }
}

/// How a UI words what a message's arguments name: a text of the article, and a code.
pub trait Words {
    fn block(&self, block: Option<usize>) -> String;
    fn code(&self, code: Code) -> String;
}

/// For panics and logs only: `path: Code [args]`, no words (a UI words a problem with its table).
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {:?} {:?}", self.path, self.message.code, self.message.args)
    }
}

/// Fills a template's `{0}`, `{1}`… with the arguments, each isolated.
pub fn render(template: &str, args: &[Arg], words: &dyn Words) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or(0);
        match after[..close].parse::<usize>().ok().and_then(|i| Some((i, args.get(i)?))) {
            Some((i, arg)) => {
                out.push('\u{2068}');
                match arg {
                    Arg::Text(t) => out.push_str(t),
                    Arg::Block(b) => out.push_str(&words.block(*b)),
                    // Words of the table, with the arguments after it as its own ("the key {0}
                    // is given twice", inside a syntax error).
                    Arg::Code(c) => out.push_str(&render(&words.code(*c), &args[i + 1..], words)),
                }
                out.push('\u{2069}');
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// Everything the widget can say about a document, a file or an edit. The words are in
        /// the string tables; the doc comment of each says what it means and lists its arguments.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[$doc])* $name,)*
        }

        impl Code {
            /// Every code, for the tests that check each is worded in both languages.
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];

            /// The code's name, as a last resort where a table has no words for it.
            pub fn name(self) -> &'static str {
                match self {
                    $(Code::$name => stringify!($name),)*
                }
            }
        }
    };
}

codes! {
    // --- JSON (the reader's own parser, and serde's for authoring documents) ------------------
    /// A JSON syntax error: {0} line, {1} column, {2} what (a [`Code`] worded, see `Json*`, with
    /// the arguments after it as its own).
    JsonSyntax,
    /// A JSON syntax error in a one-line text: {0} the character, {1} what (worded).
    JsonSyntaxAt,
    /// The text starts with a byte-order mark.
    JsonByteOrderMark,
    /// Expected a value.
    JsonExpectedValue,
    /// Unexpected text after the document.
    JsonTrailing,
    /// Nested deeper than {0} levels.
    JsonTooDeep,
    /// Expected `,` or `]`.
    JsonArrayComma,
    /// Expected `,` or `}`.
    JsonObjectComma,
    /// Expected a string key.
    JsonKey,
    /// Expected `:`.
    JsonColon,
    /// An unfinished string.
    JsonUnclosedString,
    /// A control character inside a string.
    JsonControl,
    /// A bad escape in a string.
    JsonEscape,
    /// A lone surrogate in a `\u` escape.
    JsonSurrogate,
    /// A malformed number.
    JsonNumber,
    /// A number too large to be finite.
    JsonInfinite,
    /// A key given twice in one object: {0} the key.
    JsonDuplicateKey,
    /// Missing field.
    Missing,
    /// A field this format does not have: {0} the field.
    UnknownField,
    /// A value of the wrong type: {0} what was expected (a `Want*` code, worded).
    WrongType,
    /// An unknown value: {0} the value; {1} the values allowed.
    UnknownValue,
    /// An index written other than as a whole number: {0} the value as written.
    NotWhole,
    /// A number out of range: {0} the value; {1} the smallest; {2} the largest.
    OutOfRange,

    // What a value should have been, for `WrongType`.
    /// A string.
    WantString,
    /// A number.
    WantNumber,
    /// A whole number.
    WantWhole,
    /// true or false.
    WantBool,
    /// A list.
    WantList,
    /// An object.
    WantObject,
    /// `[text, start, end]`.
    WantSpan,
    /// `[start, end, entity, flags]`.
    WantMention,
    /// `[text, index, note]`.
    WantNote,
    /// `{"country": …}` or `{"polygon": […]}`.
    WantShape,
    /// An alias: a string or `{"text": …}`.
    WantAlias,
    /// Sources: an entity id or a list of them.
    WantSources,
    /// A block: a number (0 the first) or "headline".
    WantBlock,
    /// A waypoint: a map point's id or `{"lat": …, "lon": …}`.
    WantWaypoint,
    /// `[ar, en, inverse ar, inverse en]`.
    WantPredicateLabels,

    // --- the published document, read by the reader -----------------------------------------
    /// Not a published document (its `format` is not "article-explorer/published").
    NotPublished,
    /// An authoring document given to a reader with no publisher: publish it first.
    NeedsPublishing,
    /// Version {0} is not supported; this reads version {1}.
    Version,
    /// A link that is not http or https: {0} the link.
    LinkScheme,
    /// An id used twice: {0} the id.
    DuplicateId,
    /// Not a lowercase ASCII slug: {0} the id.
    NotSlug,
    /// No entity with this index: {0}.
    NoEntityIndex,
    /// No entity with this id: {0}.
    NoEntityId,
    /// No predicate with this index: {0}.
    NoPredicate,
    /// No text with this index: {0}.
    NoText,
    /// {0} lists of mentions for {1} texts.
    MentionLists,
    /// A range ending past its text: {0} start, {1} end, {2} the text's length (UTF-16 units).
    RangeOutside,
    /// A range whose end comes before its start: {0} start, {1} end.
    RangeReversed,
    /// A range cutting a character in two (inside a surrogate pair): {0} start, {1} end.
    RangeCutsCharacter,
    /// A range starting or ending inside a letter's cluster (on a combining mark, a variation
    /// selector, a joiner or a second regional indicator): {0} the offset.
    RangeCutsCluster,
    /// An empty mention.
    EmptyMention,
    /// A mention overlapping the one before: {0} its words; {1} the other's words.
    MentionsOverlap,
    /// A mention before the one it follows: {0} its words.
    MentionsOutOfOrder,
    /// Unknown mention flags: {0}.
    UnknownFlags,
    /// No such mention (a note's).
    NoMention,
    /// An entity listed twice: {0} its index.
    ListedTwice,
    /// Coordinates out of range: {0} latitude, {1} longitude.
    CoordinatesOutOfRange,
    /// A name with a control character, or an unbalanced bidi control: {0} the name.
    UnsafeText,
    /// A limit of the format passed: {0} what (a `Limit*` code, worded), {1} how many, {2} the limit.
    OverLimit,
    /// The text's length in characters.
    LimitText,
    /// Mentions.
    LimitMentions,
    /// Entities.
    LimitEntities,
    /// Relations.
    LimitRelations,
    /// Events of the timeline.
    LimitEvents,
    /// Map features.
    LimitFeatures,
    /// Positions of a map feature.
    LimitVertices,
    /// The document's size in bytes.
    LimitBytes,
    /// An unknown map region: {0} the name; {1} the regions there are.
    UnknownRegion,
    /// An unknown country code for the base map: {0} the code.
    UnknownCountry,
    /// A movement with an unknown waypoint: {0} the point's id.
    UnknownWaypoint,
    /// A polygon with fewer than three positions.
    FewPositions,
    /// Not a base map.
    NotBaseMap,
    /// A base map drawn in another projection than the view's.
    WrongProjection,
    /// Words already said in the UI's language (by the publisher module): {0} them.
    Worded,
    /// A widget given no document (no data-src, src or document).
    NoDocument,
    /// The publisher module could not be loaded or failed: {0} why.
    PublisherFailed,

    // --- the authoring document, validated ----------------------------------------------------
    /// Must not be empty.
    Empty,
    /// An article needs at least one block.
    NoBlocks,
    /// Not a BCP 47 language tag such as "ar": {0} the value.
    NotLanguageTag,
    /// Not a date written YYYY-MM-DD: {0} the value.
    NotDate,
    /// Not a date or period in ISO 8601 ("2025-05", "2025-05-07", "2025-08/.."): {0} the value.
    NotIsoDate,
    /// A duplicate id: {0} the id; {1} where else.
    DuplicateIdAlso,
    /// An alias with no letters to find.
    EmptyAlias,
    /// An alias that repeats another of the same entity: {0} the alias; {1} where.
    AliasRepeats,
    /// An alias that is also another entity's: {0} the alias; {1} where.
    AliasOfAnother,
    /// Not a Wikidata item id such as "Q57336": {0} the value.
    NotWikidata,
    /// A relation linking an entity to itself.
    SelfRelation,
    /// Not an ISO 3166-1 numeric code such as "862": {0} the value.
    NotCountryCode,
    /// An empty list of sources (leave `asserted_by` out when the article states it itself).
    EmptySources,
    /// Listed twice: {0} the id.
    Twice,
    /// An unknown entity: {0} the id.
    UnknownEntity,
    /// An unknown entity, and the likely one: {0} the id; {1} the likely id.
    UnknownEntityMeant,
    /// No such text: the article has blocks 0 to {0}.
    NoBlock,
    /// An empty quote.
    EmptyQuote,
    /// A quote not in its text: {0} the quote; {1} the text (a block).
    QuoteNotFound,
    /// A quote not in its text but in another: {0} the quote; {1} its text; {2} where it is.
    QuoteElsewhere,
    /// A quote that differs from its text only in its quote marks: {0} the quote; {1} its text.
    QuoteMarks,
    /// A quote whose first {2} words are in its text, which differs from {3} on: {0} the quote;
    /// {1} its text.
    QuoteDiffers,
    /// Latitude {0} out of -90..90.
    Latitude,
    /// Longitude {0} out of -180..180.
    Longitude,
    /// The serde reader's own words, for a wrong value it could not name: {0} them (English).
    Serde,
    /// A catalogue that could not be read: {0} the reference; {1} why.
    CatalogueUnread,
    /// Not a catalogue file (its `format` is not "article-explorer/catalogue").
    NotCatalogue,
    /// A catalogue record with claims (they quote one article).
    CatalogueClaims,
    /// A catalogue alias that is metonymic (which entity it stands for is an article's choice).
    CatalogueMetonym,
    /// No catalogues can be read here.
    NoCatalogues,
    /// The published document could not be written: {0} why.
    CannotWrite,
    /// A mention that starts or ends inside a word, not at a known clitic: {0} the words.
    InsideWord,
    /// A description that is still the placeholder (the kind's name): {0} the entity's name.
    PlaceholderDescription,
    /// An English name that is a guess (a transliteration), not checked: {0} the guess.
    GuessedName,

    // --- the studio's edits -------------------------------------------------------------------
    /// Select some words of the article first.
    SelectFirst,
    /// {0} is now an alias of {1}.
    AliasAdded,
    /// {0} is already a name of {1}.
    AlreadyName,
    /// New entity {0}.
    EntityAdded,
    /// Give the entity's English name.
    NeedEnglishName,
    /// Choose a kind.
    NeedKind,
    /// Choose a predicate.
    NeedPredicate,
    /// Choose a map feature's kind.
    NeedFeatureKind,
    /// Choose the entity.
    NeedEntity,
    /// A mention of {0} added.
    MentionAdded,
    /// {0} is no longer linked there.
    Unlinked,
    /// Relation added: {0} {1} {2}.
    RelationAdded,
    /// Give the relation's time in Arabic and in English, or leave both empty.
    NeedBothTime,
    /// Give the relation's detail in Arabic and in English, or leave both empty.
    NeedBothDetail,
    /// Give the event's name in Arabic and in English.
    NeedEventName,
    /// Give the event's time, as the article says it, in Arabic and in English.
    NeedEventTime,
    /// Event {0} added, in time at {1}.
    EventAdded,
    /// Point {0} added.
    PointAdded,
    /// Movement {0} added, through {1} places.
    MovementAdded,
    /// Area {0} added, with {1} corners.
    AreaAdded,
    /// Click where it starts and where it ends.
    NeedTwoClicks,
    /// An area needs at least three clicks.
    NeedThreeClicks,
    /// Give the feature's label in Arabic and in English.
    NeedLabel,
    /// {0} has no coordinates.
    NoCoordinates,
    /// {0} changed.
    Changed,
    /// It is no longer there (a relation, an event or a feature deleted meanwhile).
    NoSuchItem,
    /// {0} deleted.
    Deleted,
    /// {0} is used by {1} (delete those first, or delete them with it).
    InUse,
    /// Undid: {0}.
    Undid,
    /// Redid: {0}.
    Redid,
    /// Nothing to undo.
    NothingToUndo,
    /// Nothing to redo.
    NothingToRedo,
    /// The document was replaced by {0}.
    Replaced,
    /// Started from the text: {0} blocks.
    Started,
    /// Opened {0}.
    Opened,
    /// Saved to {0}.
    SavedTo,
    /// Downloaded {0}.
    Downloaded,
    /// The draft is kept in this browser.
    DraftKept,
    /// This browser keeps no drafts ({0}): save to a file often.
    NoDrafts,
    /// The browser's storage is full: this edit is not kept in the draft ({0}).
    StorageFull,
    /// This draft is open in another tab.
    OpenElsewhere,
    /// Another tab took this draft over: edits here are no longer kept.
    TakenOver,
    /// A suggestion confirmed: {0} linked to {1}.
    SuggestionTaken,
    /// A suggestion set aside: {0}.
    SuggestionRejected,
}

impl Code {
    /// Whether a problem with this code only warns (the document is published all the same).
    pub fn is_warning(self) -> bool {
        matches!(self, Code::InsideWord | Code::PlaceholderDescription | Code::GuessedName)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct English;
    impl Words for English {
        fn block(&self, b: Option<usize>) -> String {
            b.map_or("the headline".to_owned(), |i| format!("paragraph {}", i + 1))
        }
        fn code(&self, c: Code) -> String {
            c.name().to_owned()
        }
    }

    #[test]
    fn arguments_are_filled_in_isolated() {
        let out = render("{0} is not in {1}", &[Arg::from("مادورو"), Arg::Block(Some(2))], &English);
        assert_eq!(out, "\u{2068}مادورو\u{2069} is not in \u{2068}paragraph 3\u{2069}");
        assert_eq!(render("{9} {x} {", &[], &English), "{9} {x} {");
        assert_eq!(render("expected {0}", &[Arg::Code(Code::WantList)], &English), "expected \u{2068}WantList\u{2069}");
        let m = said!(Code::NoEntityIndex, 7usize);
        assert_eq!(m.args, [Arg::Text("7".into())]);
    }

    #[test]
    fn every_code_has_a_distinct_name() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
    }
}
