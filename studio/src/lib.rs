//! The authoring studio (`studio.html`): an editor turns a report into a published article, in
//! minutes, and loses nothing. The state and every edit are `article_authoring::studio` (plain
//! Rust, tested natively); this crate renders them and keeps them:
//! - [`drafts`]: every edit kept in IndexedDB as it happens, with its undo history; one tab per
//!   draft (Web Locks); a draft offered back after a reload, a closed tab or a crash;
//! - [`files`]: Save writes back to the file opened (File System Access), else downloads;
//! - the article with its mentions, variants and suggestions (each with its reason, confirmed or
//!   set aside in one action), the selection, the actions on it with pickers for every entity
//!   (no typed ids), filled in from what the words say ([`editor`], [`actions`], [`picker`]);
//! - every entity, relation, event and map feature listed, edited and deleted in place
//!   ([`records`]); the map, the reader's own, to place points and draw ([`map`]);
//! - errors and warnings apart, each in the editor's terms with a jump to its place, and the
//!   reader itself as the preview, on the last document without errors ([`preview`]).
//!
//! Every message is said in the UI's language (`article_authoring::words`). A module of its own:
//! reader pages never load it.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use article_authoring::catalogue::Catalogue;
use article_authoring::model::{Document, Entity, EntityKind, MapFeatureKind, Predicate};
use article_authoring::studio::{
    draft_key, draft_title, english_name, from_plain, relation_ends, Checked, Edit, Selection, Studio,
};
use article_format::handoff::Sketch;
use article_format::i18n::Lang;
use article_format::problem::{Code, Message};
use article_format::said;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

mod actions;
pub mod drafts;
mod editor;
pub mod files;
mod map;
mod picker;
mod preview;
mod records;
mod strings;

use drafts::{DraftInfo, Drafts};
use strings::{strings, S};

/// The sample catalogue, beside the page.
pub const SAMPLE: &str = "catalogues/sample.json";

/// What clicks on the map place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum MapMode {
    #[default]
    Point,
    Movement,
    Area,
}

/// The action forms, controlled: filled in from the selection, cleared after each action.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Form {
    /// The entity the selected words link to.
    pub entity: Option<String>,
    pub kind: Option<EntityKind>,
    pub name_en: String,
    /// `name_en` is the studio's transliteration, not checked.
    pub guessed: bool,
    pub subject: Option<String>,
    pub predicate: Option<Predicate>,
    pub object: Option<String>,
    pub sources: Vec<String>,
    pub when: (String, String),
    pub detail: (String, String),
    pub event_label: (String, String),
    pub event_when: (String, String),
    pub event_date: String,
    pub event_order: String,
    pub event_entities: Vec<String>,
    pub map_mode: MapMode,
    pub map_label: (String, String),
    pub map_kind: Option<MapFeatureKind>,
    pub map_entities: Vec<String>,
    pub clicks: Vec<article_authoring::model::Coordinates>,
}

/// Whether the draft is kept.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Keeping {
    /// Nothing to keep yet.
    #[default]
    Idle,
    Saving,
    Saved,
    /// Not kept: why (worded).
    NotKept(Message),
}

/// A question the studio asks before going on.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// A draft is open in another tab: take it over?
    Elsewhere { key: String },
    /// Replace the document, which has edits, by another (undoable).
    Replace { doc: Rc<Document>, catalogues: Rc<Vec<Catalogue>>, what: Message },
    /// A draft of this article exists: continue it, or start over on top of it.
    Exists { key: String, doc: Rc<Document>, catalogues: Rc<Vec<Catalogue>>, what: Message },
}

/// A record being edited in place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    Entity(String),
    Relation(usize),
    Event(usize),
    Feature(String),
    /// Deleting an entity something uses: the list of what.
    Deleting(String),
}

/// The draft open: its key, and which snapshot was last saved to a file (and the file's name).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Draft {
    pub key: String,
    pub saved: Option<u64>,
    pub file: String,
}

/// Everything the studio shows.
#[derive(Clone, PartialEq)]
pub struct Model {
    /// Shared: the view copies the model on every message, the studio only when it changes.
    pub studio: Rc<Studio>,
    pub checked: Rc<Checked>,
    pub selection: Option<Selection>,
    /// What was said last, and whether it was a refusal.
    pub status: Option<(Message, bool)>,
    pub lang: Lang,
    /// The countries and capitals suggestions look for (the sample catalogue's).
    pub known: Rc<Vec<Entity>>,
    /// Bumped on every change of the document: the preview and the map are drawn again.
    pub revision: u32,
    /// Whether an article has been started or opened.
    pub started: bool,
    /// A published document opened to look at (it cannot be edited: its authoring form can).
    pub viewing: Option<Rc<str>>,
    pub form: Form,
    /// The last published document without errors: the preview shows it while errors last.
    pub last_good: Option<Rc<str>>,
    /// What the map draws: the document as it stands, even with errors.
    pub sketch: Option<Rc<Sketch>>,
    pub drafts: Option<Drafts>,
    /// Why drafts cannot be kept in this browser, if they cannot.
    pub no_drafts: Option<Message>,
    pub draft_list: Rc<Vec<DraftInfo>>,
    pub draft: Option<Draft>,
    pub keeping: Keeping,
    /// Another tab took the draft over: nothing more is written from here.
    pub lost: bool,
    pub dialog: Option<Dialog>,
    pub record: Option<Record>,
}

impl Model {
    pub fn new(lang: Lang) -> Model {
        let studio = Rc::new(Studio::new(from_plain("", Vec::new()), Vec::new()));
        let checked = Rc::new(studio.check(&[]));
        Model {
            studio,
            checked,
            selection: None,
            status: None,
            lang,
            known: Rc::new(Vec::new()),
            revision: 0,
            started: false,
            viewing: None,
            form: Form::default(),
            last_good: None,
            sketch: None,
            drafts: None,
            no_drafts: None,
            draft_list: Rc::new(Vec::new()),
            draft: None,
            keeping: Keeping::Idle,
            lost: false,
            dialog: None,
            record: None,
        }
    }

    /// A draft to edit, started, opened or taken up again.
    fn begin(&mut self, studio: Studio, draft: Draft, what: Message) {
        self.studio = Rc::new(studio);
        self.viewing = None;
        self.started = true;
        self.selection = None;
        self.form = Form::default();
        self.record = None;
        self.dialog = None;
        self.draft = Some(draft);
        self.lost = false;
        self.last_good = None;
        self.status = Some((what, false));
        self.recheck();
    }

    fn recheck(&mut self) {
        self.checked = Rc::new(self.studio.check(&self.known));
        if let Some(p) = &self.checked.published {
            self.last_good = Some(p.as_str().into());
        }
        self.sketch = sketch_of(&self.checked).or_else(|| self.sketch.clone());
        self.revision += 1;
    }

    /// Whether the document has changes not saved to a file.
    pub fn unsaved(&self) -> bool {
        let (history, cursor) = self.studio.history();
        let now = history[cursor].seq;
        self.started && history.len() > 1 && self.draft.as_ref().is_some_and(|d| d.saved != Some(now))
    }

    /// The words of a selection.
    pub fn words(&self, s: Selection) -> String {
        self.checked.prepared.text(s.text).get(s.range.start..s.range.end).unwrap_or_default().trim().to_owned()
    }

    /// Fills the forms in from the selected words: the entity they name (a suggestion's, a
    /// mention's, or one whose name they are), a new entity's English name, a relation's ends,
    /// an event's entities, a map feature's labels.
    fn prefill(&mut self) {
        let Some(at) = self.selection else { return };
        let doc = self.studio.doc();
        let p = &self.checked.prepared;
        let words = self.words(at);
        let key = article_authoring::text::normalize_str(&words);
        let suggested = self.checked.suggestions.iter().find(|s| s.text == at.text && s.range == at.range);
        let named = suggested.and_then(|s| suggestion_entity(&self.checked, s)).or_else(|| {
            let inside = p.mentions_of(at.text).iter().find(|m| m.range == at.range);
            inside.map(|m| p.doc.entities[m.entity].id.clone()).or_else(|| {
                p.doc
                    .entities
                    .iter()
                    .chain(self.studio.catalogues.iter().flat_map(|c| &c.entities))
                    .find(|e| {
                        article_authoring::text::normalize_str(&e.name.ar) == key
                            || e.aliases.iter().any(|a| article_authoring::text::normalize_str(a.text()) == key)
                    })
                    .map(|e| e.id.clone())
            })
        });
        let f = &mut self.form;
        f.entity = named.clone();
        let (name_en, guessed) = english_name(doc, &self.studio.catalogues, at);
        f.name_en = name_en.clone();
        f.guessed = guessed;
        let (subject, object) = relation_ends(p, at);
        f.subject = subject;
        f.object = object;
        f.event_entities = p
            .mentions_of(at.text)
            .iter()
            .filter(|m| m.range.start >= at.range.start && m.range.end <= at.range.end)
            .map(|m| p.doc.entities[m.entity].id.clone())
            .fold(Vec::new(), |mut v, id| {
                if !v.contains(&id) {
                    v.push(id);
                }
                v
            });
        // A place's label from the words when they could be its name (not from a clause).
        f.map_label.0 = if article_authoring::studio::name_like(&words) { words } else { String::new() };
        f.map_label.1 =
            named.as_deref().and_then(|id| self.studio.entity(id)).map(|e| e.name.en.clone()).unwrap_or(name_en);
        if let Some(id) = named {
            f.map_entities = vec![id];
        }
    }

    /// Clears the fields an edit used, once it is made.
    fn cleared_after(&mut self, edit: &Edit) {
        let f = &mut self.form;
        match edit {
            Edit::AddAlias { .. } | Edit::AddMention { .. } | Edit::Suppress { .. } | Edit::SetAside { .. } => {
                f.entity = None;
                self.selection = None;
            }
            Edit::NewEntity { .. } => {
                f.kind = None;
                f.name_en.clear();
                f.guessed = false;
                self.selection = None;
            }
            Edit::AddRelation { .. } => {
                (f.subject, f.predicate, f.object) = (None, None, None);
                f.sources.clear();
                f.when = Default::default();
                f.detail = Default::default();
                self.selection = None;
            }
            Edit::AddEvent { .. } => {
                f.event_label = Default::default();
                f.event_when = Default::default();
                f.event_date.clear();
                f.event_order.clear();
                f.event_entities.clear();
                self.selection = None;
            }
            Edit::AddPoint { .. } | Edit::AddMovement { .. } | Edit::AddArea { .. } => {
                f.map_label = Default::default();
                f.map_kind = None;
                f.map_entities.clear();
                f.clicks.clear();
            }
            Edit::SetEntity { .. }
            | Edit::SetRelation { .. }
            | Edit::SetEvent { .. }
            | Edit::SetFeature { .. }
            | Edit::DeleteEntity { .. } => self.record = None,
            _ => {}
        }
    }
}

/// The entity a suggestion names, when it names one the document can use.
pub fn suggestion_entity(checked: &Checked, s: &article_authoring::suggest::Suggestion) -> Option<String> {
    use article_authoring::suggest::Why;
    let entities = &checked.prepared.doc.entities;
    match &s.why {
        Why::Ambiguous { entity }
        | Why::Near { entity, .. }
        | Why::PartOfName { entity, .. }
        | Why::FamilyName { entity, .. } => entities.get(*entity).map(|e| e.id.clone()),
        // A longer word that begins with a name is another word (or another name): nothing to
        // link it to.
        Why::Embedded { .. } => None,
        Why::Variant { of, .. } => of.first().and_then(|(e, _)| entities.get(*e)).map(|e| e.id.clone()),
        Why::Known { id, .. } => Some(id.clone()),
        Why::Title { .. } => None,
    }
}

/// What the map draws: the document published as it stands (whatever does not resolve left
/// out), even while it has errors; None if it does not read.
fn sketch_of(checked: &Checked) -> Option<Rc<Sketch>> {
    let published = article_authoring::publish::publish(&checked.prepared);
    let reading = article_format::reading::Reading::new(published).ok()?;
    Some(Rc::new(Sketch::of(&reading)))
}

/// What the studio does.
pub enum Msg {
    /// The drafts' database, or why this browser keeps none.
    Storage(Result<Drafts, String>),
    Drafts(Vec<DraftInfo>),
    /// A draft to edit: new, opened, or taken up again.
    Begin {
        studio: Box<Studio>,
        draft: Draft,
        what: Message,
    },
    /// Another document in place of the one open (asked first when it has edits).
    Replace {
        doc: Rc<Document>,
        catalogues: Rc<Vec<Catalogue>>,
        what: Message,
    },
    View(String),
    Known(Vec<Entity>),
    Select(Option<Selection>),
    Form(Box<dyn FnOnce(&mut Form)>),
    Edit(Edit),
    Undo,
    Redo,
    Status(Message, bool),
    Lang(Lang),
    Keeping(Keeping),
    /// Saved to a file: the snapshot saved, and the file's name.
    SavedFile {
        seq: u64,
        file: String,
    },
    /// Another tab took the draft over.
    Lost,
    Dialog(Option<Dialog>),
    Record(Option<Record>),
    /// A click on the map, at this position.
    Place(article_format::geo::LonLat),
}

impl Reducible for Model {
    type Action = Msg;
    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut m = (*self).clone();
        // Taken over by another tab: this one keeps nothing, so it changes nothing either (its
        // edits would be lost); it can take the draft back.
        if m.lost && matches!(msg, Msg::Edit(_) | Msg::Undo | Msg::Redo | Msg::Place(_)) {
            m.status = Some((said!(Code::TakenOver), true));
            return Rc::new(m);
        }
        match msg {
            Msg::Storage(Ok(d)) => m.drafts = Some(d),
            Msg::Storage(Err(why)) => {
                let said = said!(Code::NoDrafts, why);
                m.no_drafts = Some(said.clone());
                m.keeping = Keeping::NotKept(said);
            }
            Msg::Drafts(list) => m.draft_list = Rc::new(list),
            Msg::Begin { studio, draft, what } => m.begin(*studio, draft, what),
            Msg::Replace { doc, catalogues, what } => {
                let studio = Rc::make_mut(&mut m.studio);
                *studio = studio.with_catalogues(catalogues.to_vec());
                match studio.apply(Edit::Replace { doc: Box::new((*doc).clone()), what }) {
                    Ok(done) => m.status = Some((done, false)),
                    Err(why) => m.status = Some((why, true)),
                }
                m.dialog = None;
                m.selection = None;
                m.form = Form::default();
                m.recheck();
            }
            Msg::View(json) => {
                m.viewing = Some(json.into());
                m.status = None;
            }
            Msg::Known(known) => {
                m.known = Rc::new(known);
                m.recheck();
            }
            Msg::Select(s) => {
                m.selection = s;
                m.prefill();
            }
            Msg::Form(change) => change(&mut m.form),
            Msg::Edit(edit) => {
                let made = edit.clone();
                match Rc::make_mut(&mut m.studio).apply(edit) {
                    Ok(done) => {
                        m.status = Some((done, false));
                        m.cleared_after(&made);
                        m.recheck();
                    }
                    Err(why) => m.status = Some((why, true)),
                }
            }
            Msg::Undo | Msg::Redo => {
                let undo = matches!(msg, Msg::Undo);
                let studio = Rc::make_mut(&mut m.studio);
                match if undo { studio.undo() } else { studio.redo() } {
                    Some(what) => {
                        let code = if undo { Code::Undid } else { Code::Redid };
                        let words = article_authoring::words::plain(&what, m.lang);
                        m.status = Some((said!(code, words), false));
                        m.selection = None;
                        m.record = None;
                        m.recheck();
                    }
                    None => {
                        m.status = Some((said!(if undo { Code::NothingToUndo } else { Code::NothingToRedo }), true))
                    }
                }
            }
            Msg::Status(s, refused) => m.status = Some((s, refused)),
            Msg::Lang(l) => m.lang = l,
            Msg::Keeping(k) => {
                if !m.lost {
                    m.keeping = k;
                }
            }
            Msg::SavedFile { seq, file } => {
                if let Some(d) = &mut m.draft {
                    d.saved = Some(seq);
                    d.file = file;
                }
            }
            Msg::Lost => {
                m.lost = true;
                m.keeping = Keeping::NotKept(said!(Code::TakenOver));
                m.status = Some((said!(Code::TakenOver), true));
            }
            Msg::Dialog(d) => m.dialog = d,
            Msg::Record(r) => m.record = r,
            Msg::Place(at) => {
                let c = article_authoring::model::Coordinates { lat: at.lat, lon: at.lon };
                match m.form.map_mode {
                    MapMode::Point => {
                        let f = &m.form;
                        let edit = f.map_kind.map(|kind| Edit::AddPoint {
                            label: bilingual(&f.map_label),
                            kind,
                            at: c,
                            entities: f.map_entities.clone(),
                        });
                        match edit {
                            Some(edit) => return Rc::new(m).reduce(Msg::Edit(edit)),
                            None => m.status = Some((said!(Code::NeedFeatureKind), true)),
                        }
                    }
                    MapMode::Movement | MapMode::Area => m.form.clicks.push(c),
                }
            }
        }
        Rc::new(m)
    }
}

/// Two fields, Arabic and English, as a bilingual text (trimmed).
pub fn bilingual((ar, en): &(String, String)) -> article_authoring::model::Bilingual {
    article_authoring::model::Bilingual { ar: ar.trim().to_owned(), en: en.trim().to_owned() }
}

pub(crate) fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

/// Fetches a text beside the page, through the widget's one fetch; its failure in `lang`.
pub(crate) async fn fetch_text(url: &str, lang: Lang) -> Result<String, String> {
    article_browser::fetch_text(url, article_browser::DEFAULT_TIMEOUT_MS)
        .await
        .map_err(|e| format!("{url}: {}", e.message(lang)))
}

/// The catalogues a document names, read beside the page; the first that cannot be read, said.
pub(crate) async fn catalogues_of(references: &[String], lang: Lang) -> Result<Vec<Catalogue>, Message> {
    let mut out = Vec::new();
    for reference in references {
        let text = fetch_text(reference, lang).await.map_err(|why| said!(Code::CatalogueUnread, reference, why))?;
        let c = article_authoring::catalogue::parse(reference, &text).map_err(|p| {
            let first = p.first().map(|p| article_authoring::words::say(&p.message, lang)).unwrap_or_default();
            said!(Code::CatalogueUnread, reference, first)
        })?;
        out.push(c);
    }
    Ok(out)
}

thread_local! {
    /// The lock this tab holds on the draft it edits.
    static HOLD: RefCell<Option<drafts::Hold>> = const { RefCell::new(None) };
    /// The file the open draft was opened from or saved to.
    static HANDLE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    /// A file just opened whose article has a draft already: it becomes the draft's file if the
    /// editor continues that draft.
    static PENDING: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

pub(crate) fn file_handle() -> Option<JsValue> {
    HANDLE.with(|h| h.borrow().clone())
}

pub(crate) fn set_file_handle(h: Option<JsValue>) {
    HANDLE.with(|x| *x.borrow_mut() = h);
}

/// Opens a draft for editing in this tab: takes its lock (or says another tab has it), then
/// begins. `studio` is what to begin with; `draft` its record.
pub(crate) async fn take_up(model: UseReducerHandle<Model>, studio: Studio, draft: Draft, what: Message, steal: bool) {
    let lost = {
        let model = model.clone();
        Rc::new(move || model.dispatch(Msg::Lost)) as Rc<dyn Fn()>
    };
    match drafts::ask(&draft.key, steal, lost).await {
        drafts::Asked::Elsewhere => {
            model.dispatch(Msg::Dialog(Some(Dialog::Elsewhere { key: draft.key.clone() })));
        }
        asked => {
            let hold = match asked {
                drafts::Asked::Held(h) => Some(h),
                _ => None,
            };
            HOLD.with(|h| *h.borrow_mut() = hold);
            if let Some(d) = &model.drafts {
                if let Some(h) = d.handle(&draft.key).await {
                    set_file_handle(Some(h));
                }
            }
            model.dispatch(Msg::Begin { studio: Box::new(studio), draft, what });
        }
    }
}

/// Takes a kept draft up again: its snapshots, its catalogues (read again), its lock.
pub(crate) async fn resume(model: UseReducerHandle<Model>, key: String, steal: bool) {
    let Some(d) = model.drafts.clone() else { return };
    let Some((info, snapshots, cursor)) = d.load(&key).await else {
        model.dispatch(Msg::Status(said!(Code::NoSuchItem), true));
        return;
    };
    let references = snapshots[cursor].doc.catalogues.clone();
    let (catalogues, unread) = match catalogues_of(&references, model.lang).await {
        Ok(c) => (c, None),
        Err(why) => (Vec::new(), Some(why)),
    };
    let Some(studio) = Studio::restore(snapshots, cursor, catalogues) else { return };
    let what = said!(Code::Opened, info.title.clone());
    let draft = Draft { key: info.key, saved: info.saved, file: info.file };
    take_up(model.clone(), studio, draft, what, steal).await;
    // A catalogue that could not be read is said last, so that "opened" does not hide it: its
    // entities are missing until it is read again (the draft keeps the reference).
    if let Some(why) = unread {
        model.dispatch(Msg::Status(why, true));
    }
}

/// Begins a new document: in the draft open (replacing, asked first when it has edits), or as a
/// draft of its own (offered back when the article has one already).
pub(crate) async fn begin_document(
    model: UseReducerHandle<Model>,
    doc: Document,
    catalogues: Vec<Catalogue>,
    what: Message,
    file: String,
    handle: Option<JsValue>,
) {
    if model.started {
        let (history, _) = model.studio.history();
        let doc = Rc::new(doc);
        let catalogues = Rc::new(catalogues);
        if history.len() > 1 {
            model.dispatch(Msg::Dialog(Some(Dialog::Replace { doc, catalogues, what })));
        } else {
            model.dispatch(Msg::Replace { doc, catalogues, what });
        }
        if handle.is_some() {
            set_file_handle(handle);
        }
        return;
    }
    let key = draft_key(&doc);
    if model.draft_list.iter().any(|d| d.key == key) {
        PENDING.with(|p| *p.borrow_mut() = handle);
        model.dispatch(Msg::Dialog(Some(Dialog::Exists {
            key,
            doc: Rc::new(doc),
            catalogues: Rc::new(catalogues),
            what,
        })));
        return;
    }
    if let (Some(h), Some(d)) = (&handle, &model.drafts) {
        d.put_handle(&key, h).await;
    }
    set_file_handle(handle);
    let draft = Draft { key, saved: None, file };
    take_up(model, Studio::new(doc, catalogues), draft, what, false).await;
}

#[derive(Properties, PartialEq)]
pub struct StudioProps {
    #[prop_or(Lang::Ar)]
    pub lang: Lang,
}

/// The studio.
#[function_component(StudioView)]
pub fn studio_view(props: &StudioProps) -> Html {
    let model = use_reducer_eq({
        let lang = props.lang;
        move || Model::new(lang)
    });
    // The drafts' database and the reference list for suggestions, once.
    {
        let model = model.clone();
        use_effect_with((), move |_| {
            let m = model.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match Drafts::open().await {
                    Ok(d) => {
                        let list = d.list().await;
                        m.dispatch(Msg::Storage(Ok(d)));
                        m.dispatch(Msg::Drafts(list));
                    }
                    Err(why) => m.dispatch(Msg::Storage(Err(why))),
                }
            });
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(text) = fetch_text(SAMPLE, model.lang).await else { return };
                if let Ok(c) = article_authoring::catalogue::parse(SAMPLE, &text) {
                    let known =
                        c.entities.into_iter().filter(|e| matches!(e.kind, EntityKind::Country | EntityKind::City));
                    model.dispatch(Msg::Known(known.collect()));
                }
            });
        });
    }
    use_keeping(&model);
    use_leave_guard(&model);
    use_history_keys(&model);
    // Unmounted (a test, a page that drops the studio): the draft's lock and file go with it.
    use_effect_with((), |_| {
        || {
            HOLD.with(|h| h.borrow_mut().take());
            set_file_handle(None);
        }
    });
    let t: &S = strings(model.lang);
    let lang = model.lang;
    html! {
        <div class="st-root" lang={lang.code()} dir={lang.dir()}>
            { header(&model, t) }
            if !model.started { { start_screen(&model, t) } }
            if let Some(json) = model.viewing.clone() {
                <section class="st-preview" aria-labelledby="st-viewing-h">
                    <h2 id="st-viewing-h">{ t.preview }</h2>
                    <p class="st-hint">{ t.published_is_read_only }</p>
                    <preview::Preview json={AttrValue::from(json)} lang={model.lang} />
                </section>
            }
            if model.started {
                <div class="st-work">
                    <div class="st-top">
                    <section class="st-editor" aria-labelledby="st-editor-h">
                        <h2 id="st-editor-h">{ t.article }</h2>
                        <p class="st-hint">{ t.editor_hint }</p>
                        { editor::editor(&model) }
                        { editor::suggestions(&model, t) }
                    </section>
                    <aside class="st-actions" aria-labelledby="st-actions-h">
                        <h2 id="st-actions-h">{ t.actions }</h2>
                        { actions::actions(&model, t) }
                        { actions::problems(&model, t) }
                        { actions::saving(&model, t) }
                    </aside>
                    <section class="st-preview" aria-labelledby="st-preview-h">
                        <h2 id="st-preview-h">{ t.preview }</h2>
                        { preview::preview(&model, t) }
                    </section>
                    </div>
                    <section class="st-records" aria-labelledby="st-records-h">
                        <h2 id="st-records-h">{ t.records }</h2>
                        { records::records(&model, t) }
                    </section>
                    <section class="st-map" aria-labelledby="st-map-h">
                        <h2 id="st-map-h">{ t.map }</h2>
                        { map::map_panel(&model, t) }
                    </section>
                    <details class="st-more">
                        <summary>{ t.start }</summary>
                        { start_form(&model, t) }
                    </details>
                </div>
            }
            { dialog(&model, t) }
            { status_line(&model) }
        </div>
    }
}

/// The header: the title, the draft's key and whether it is kept, the language switch.
fn header(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let lang = model.lang;
    let keeping = match (&model.keeping, model.started) {
        (Keeping::NotKept(why), _) => {
            Some(("st-keep st-not-kept", t.not_kept.to_owned(), Some(article_authoring::words::say(why, lang))))
        }
        (_, false) => None,
        (Keeping::Saving, true) => Some(("st-keep", t.saving_state.to_owned(), None)),
        (Keeping::Saved | Keeping::Idle, true) => Some(("st-keep st-kept", t.saved_state.to_owned(), None)),
    };
    let key = model.draft.as_ref().map(|d| d.key.clone());
    html! {
        <header class="st-header">
            <h1>{ t.title }</h1>
            <p class="st-draft" data-st="draft">
                if let Some(key) = key {
                    <span>{ t.draft_key }{ " " }<code dir="ltr" data-st="draft-key">{ key }</code></span>
                }
                if let Some((class, state, why)) = keeping {
                    <span class={class} data-st="keeping" title={why.clone()}>{ state }</span>
                    if let Some(why) = why { <span class="st-muted">{ why }</span> }
                }
                if model.unsaved() { <span class="st-muted" data-st="unsaved">{ t.unsaved_file }</span> }
                if let (true, Some(key)) = (model.lost, model.draft.as_ref().map(|d| d.key.clone())) {
                    <button type="button" data-st="take-back" onclick={{
                        let model = model.clone();
                        move |_| wasm_bindgen_futures::spawn_local(resume(model.clone(), key.clone(), true))
                    }}>{ t.take_back }</button>
                }
            </p>
            <button type="button" data-st="lang" lang={lang.other().code()} onclick={{ let m = model.clone(); move |_| m.dispatch(Msg::Lang(lang.other())) }}>{ t.other_language }</button>
        </header>
    }
}

/// Before a draft is open: the drafts kept (offered back), and how to start.
fn start_screen(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let lang = model.lang;
    let drafts = model.draft_list.iter().map(|d| {
        let (key, model2, model3) = (d.key.clone(), model.clone(), model.clone());
        let open = Callback::from(move |_: MouseEvent| {
            let (m, key) = (model2.clone(), key.clone());
            wasm_bindgen_futures::spawn_local(resume(m, key, false));
        });
        let key2 = d.key.clone();
        let forget = Callback::from(move |_: MouseEvent| {
            let (m, key) = (model3.clone(), key2.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(d) = m.drafts.clone() {
                    d.forget(&key).await;
                    m.dispatch(Msg::Drafts(d.list().await));
                }
            });
        });
        let when = js_sys::Date::new(&JsValue::from_f64(d.updated))
            .to_locale_string(if lang == Lang::Ar { "ar" } else { "en" }, &JsValue::UNDEFINED);
        html! {
            <li data-st-draft={d.key.clone()}>
                <strong>{ d.title.clone() }</strong>
                <span class="st-muted">{ " · " }{ t.draft_key }{ " " }<code dir="ltr">{ d.key.clone() }</code>{ " · " }{ t.updated }{ " " }{ String::from(when) }{ " · " }{ d.snapshots.saturating_sub(1) }{ " " }{ t.edits }</span>
                <div class="st-row">
                    <button type="button" data-st="resume" onclick={open}>{ t.continue_draft }</button>
                    <button type="button" data-st="forget" onclick={forget}>{ t.forget_draft }</button>
                </div>
            </li>
        }
    });
    html! {
        <>
            if !model.draft_list.is_empty() {
                <section class="st-drafts" aria-labelledby="st-drafts-h">
                    <h2 id="st-drafts-h">{ t.drafts }</h2>
                    <p class="st-hint">{ t.drafts_hint }</p>
                    <ul data-st="drafts">{ for drafts }</ul>
                </section>
            }
            <section class="st-start" aria-labelledby="st-start-h">
                <h2 id="st-start-h">{ t.start }</h2>
                { start_form(model, t) }
            </section>
        </>
    }
}

/// Paste a text or open a file, and choose the catalogues.
fn start_form(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let start = {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| {
            let text = input_value("st-text");
            if text.trim().is_empty() {
                return;
            }
            let with_sample = checked("st-sample");
            let mut references: Vec<String> =
                input_value("st-catalogues").split_whitespace().map(str::to_owned).collect();
            if with_sample {
                references.insert(0, SAMPLE.to_owned());
            }
            let model = model.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match catalogues_of(&references, model.lang).await {
                    Ok(catalogues) => {
                        let doc = from_plain(&text, references);
                        let what = said!(Code::Started, doc.article.blocks.len());
                        begin_document(model, doc, catalogues, what, String::new(), None).await;
                    }
                    Err(why) => model.dispatch(Msg::Status(why, true)),
                }
            });
        })
    };
    let opened = |model: UseReducerHandle<Model>, name: String, text: String, handle: Option<JsValue>| async move {
        if !text.trim_start().starts_with('{') {
            let doc = from_plain(&text, Vec::new());
            begin_document(model, doc, Vec::new(), said!(Code::Opened, name.clone()), name, None).await;
            return;
        }
        if article_format::reading::is_published(&text) {
            model.dispatch(Msg::View(text));
            return;
        }
        match article_authoring::model::validate::parse_all(&text) {
            Ok(doc) => {
                let catalogues = catalogues_of(&doc.catalogues, model.lang).await.unwrap_or_else(|why| {
                    model.dispatch(Msg::Status(why, true));
                    Vec::new()
                });
                begin_document(model, doc, catalogues, said!(Code::Opened, name.clone()), name, handle).await;
            }
            Err(p) => {
                let first = p.into_iter().next().map(|p| p.message).unwrap_or_else(|| said!(Code::NotPublished));
                model.dispatch(Msg::Status(first, true));
            }
        }
    };
    let open_input = {
        let model = model.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let model = model.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some((name, text)) = files::read_input(&input).await {
                    opened(model, name, text, None).await;
                }
                input.set_value("");
            });
        })
    };
    let open_picker = {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| {
            let model = model.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some((handle, name, text)) = files::pick_and_read().await {
                    opened(model, name, text, Some(handle)).await;
                }
            });
        })
    };
    html! {
        <div class="st-start-form">
            <label for="st-text">{ t.paste }</label>
            <textarea id="st-text" data-st="text" rows="6" dir="auto" />
            <div class="st-row">
                <label><input type="checkbox" id="st-sample" data-st="sample" checked=true />{ t.use_sample }</label>
            </div>
            <div class="st-row">
                <label for="st-catalogues">{ t.other_catalogues }</label>
                <input id="st-catalogues" data-st="catalogues" dir="ltr" size="40" placeholder="https://…/people.json" />
            </div>
            <div class="st-row">
                <button type="button" data-st="start" onclick={start}>{ t.start_button }</button>
                if files::can_write_back() {
                    <button type="button" data-st="open-file" onclick={open_picker}>{ t.open }</button>
                } else {
                    <label class="st-file">{ t.open }<input type="file" accept=".json,.txt,text/plain,application/json" data-st="open" onchange={open_input} /></label>
                }
            </div>
        </div>
    }
}

/// The question being asked, as a modal dialog (focus inside, Escape cancels).
fn dialog(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let Some(d) = model.dialog.clone() else { return html! {} };
    let cancel = {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| {
            PENDING.with(|p| p.borrow_mut().take());
            model.dispatch(Msg::Dialog(None))
        })
    };
    let onkeydown = {
        let model = model.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                PENDING.with(|p| p.borrow_mut().take());
                model.dispatch(Msg::Dialog(None));
            }
        })
    };
    let (title, body, yes, no, act): (&str, &str, &str, &str, Callback<MouseEvent>) = match d {
        Dialog::Elsewhere { key } => {
            let model = model.clone();
            let act = Callback::from(move |_: MouseEvent| {
                model.dispatch(Msg::Dialog(None));
                wasm_bindgen_futures::spawn_local(resume(model.clone(), key.clone(), true));
            });
            (t.elsewhere_title, t.elsewhere_body, t.take_over, t.leave_it, act)
        }
        Dialog::Replace { doc, catalogues, what } => {
            let model = model.clone();
            let act = Callback::from(move |_: MouseEvent| {
                model.dispatch(Msg::Replace { doc: doc.clone(), catalogues: catalogues.clone(), what: what.clone() })
            });
            (t.replace_title, t.replace_body, t.replace_yes, t.cancel, act)
        }
        Dialog::Exists { key, doc, catalogues, what } => {
            let model = model.clone();
            let act = Callback::from(move |_: MouseEvent| {
                let (model, key, doc, catalogues, what) =
                    (model.clone(), key.clone(), doc.clone(), catalogues.clone(), what.clone());
                model.dispatch(Msg::Dialog(None));
                wasm_bindgen_futures::spawn_local(async move {
                    // The file just opened is the draft's file from now on.
                    if let (Some(h), Some(d)) = (PENDING.with(|p| p.borrow_mut().take()), &model.drafts) {
                        d.put_handle(&key, &h).await;
                    }
                    resume(model.clone(), key, false).await;
                    // Started over on top of the draft: undo brings the draft's document back.
                    if model.started {
                        model.dispatch(Msg::Replace { doc, catalogues, what });
                    }
                });
            });
            (t.title, t.draft_exists, t.continue_draft, t.cancel, act)
        }
    };
    html! {
        <div class="st-dialog-backdrop">
            <div class="st-dialog" role="alertdialog" aria-modal="true" aria-labelledby="st-dialog-h" aria-describedby="st-dialog-b" data-st="dialog" {onkeydown}>
                <h2 id="st-dialog-h">{ title }</h2>
                <p id="st-dialog-b">{ body }</p>
                <div class="st-row">
                    <button type="button" data-st="dialog-yes" onclick={act} autofocus=true>{ yes }</button>
                    <button type="button" data-st="dialog-no" onclick={cancel}>{ no }</button>
                </div>
            </div>
        </div>
    }
}

/// The last thing said, in the UI's language and direction, its arguments isolated.
fn status_line(model: &UseReducerHandle<Model>) -> Html {
    let lang = model.lang;
    let (text, refused) = match &model.status {
        Some((m, refused)) => (article_authoring::words::say(m, lang), *refused),
        None => (String::new(), false),
    };
    let class = classes!("st-status", refused.then_some("st-refused"));
    html! {
        <p class={class} role="status" aria-live="polite" data-st="status" lang={lang.code()} dir={lang.dir()}>{ text }</p>
    }
}

/// Keeps the draft as it changes: each new snapshot written, those dropped deleted; "Saving…",
/// then "Draft saved", or why it is not kept.
#[hook]
fn use_keeping(model: &UseReducerHandle<Model>) {
    let stored = use_mut_ref(|| (String::new(), BTreeSet::<u64>::new()));
    let model = model.clone();
    let key = model.draft.as_ref().map(|d| d.key.clone());
    let saved = model.draft.as_ref().and_then(|d| d.saved);
    use_effect_with((model.revision, key, saved, model.lost), move |(_, key, _, lost)| {
        let (Some(key), Some(d), false) = (key.clone(), model.drafts.clone(), *lost) else { return };
        let (history, cursor) = model.studio.history();
        let doc = model.studio.doc();
        let mut s = stored.borrow_mut();
        if s.0 != key {
            // A draft taken up again has its snapshots stored already: what it loaded.
            *s = (key.clone(), BTreeSet::new());
            if model.draft_list.iter().any(|x| x.key == key) {
                s.1.extend(history.iter().map(|x| x.seq));
            }
        }
        let now: BTreeSet<u64> = history.iter().map(|x| x.seq).collect();
        let new: Vec<_> = history.iter().filter(|x| !s.1.contains(&x.seq)).cloned().collect();
        let dropped: Vec<u64> = s.1.difference(&now).copied().collect();
        s.1 = now;
        drop(s);
        let draft = model.draft.clone().unwrap_or_default();
        let info = DraftInfo {
            key,
            title: draft_title(doc, 80),
            updated: js_sys::Date::now(),
            seq: history[cursor].seq,
            saved: draft.saved,
            file: draft.file,
            snapshots: history.len() as u64,
        };
        model.dispatch(Msg::Keeping(Keeping::Saving));
        let model = model.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let refs: Vec<&article_authoring::studio::Snapshot> = new.iter().collect();
            match d.save(&info, &refs, &dropped).await {
                Ok(()) => model.dispatch(Msg::Keeping(Keeping::Saved)),
                Err(drafts::Unkept::Full(why)) => {
                    model.dispatch(Msg::Keeping(Keeping::NotKept(said!(Code::StorageFull, why.clone()))));
                    model.dispatch(Msg::Status(said!(Code::StorageFull, why), true));
                }
                Err(drafts::Unkept::Other(why)) => {
                    model.dispatch(Msg::Keeping(Keeping::NotKept(said!(Code::NoDrafts, why))));
                }
            }
        });
    });
}

/// Leaving the page with changes not saved to a file asks first.
#[hook]
fn use_leave_guard(model: &UseReducerHandle<Model>) {
    let unsaved = use_mut_ref(|| false);
    *unsaved.borrow_mut() = model.unsaved();
    use_effect_with((), move |_| {
        // Not passive: a passive listener cannot prevent the page from going.
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let listener = gloo::events::EventListener::new_with_options(&window(), "beforeunload", options, move |e| {
            if *unsaved.borrow() {
                e.prevent_default();
                if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                    // Older browsers ask only when it is not empty (the words are theirs).
                    e.set_return_value("unsaved");
                }
            }
        });
        move || drop(listener)
    });
}

/// Control (or Command) with Z undoes, with Shift or Y redoes: anywhere on the page (focus may be
/// on the body after a button that did its work went away) but in a field, where they are the
/// field's own.
#[hook]
fn use_history_keys(model: &UseReducerHandle<Model>) {
    let dispatcher = model.dispatcher();
    let started = use_mut_ref(|| false);
    *started.borrow_mut() = model.started;
    use_effect_with((), move |_| {
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let listener = gloo::events::EventListener::new_with_options(&window(), "keydown", options, move |e| {
            let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
            if *started.borrow() {
                if let Some(msg) = history_key(e) {
                    e.prevent_default();
                    dispatcher.dispatch(msg);
                }
            }
        });
        move || drop(listener)
    });
}

fn history_key(e: &KeyboardEvent) -> Option<Msg> {
    {
        if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
            return None;
        }
        let in_field = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_field {
            return None;
        }
        match e.key().to_lowercase().as_str() {
            "z" if e.shift_key() => Some(Msg::Redo),
            "z" => Some(Msg::Undo),
            "y" => Some(Msg::Redo),
            _ => None,
        }
    }
}

pub(crate) fn input_value(id: &str) -> String {
    let Some(el) = window().document().and_then(|d| d.get_element_by_id(id)) else { return String::new() };
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        return s.value();
    }
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return t.value();
    }
    String::new()
}

fn checked(id: &str) -> bool {
    window()
        .document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// Mounts the studio into `#studio` (studio.html), in the page's language.
#[wasm_bindgen(start)]
pub fn start() {
    article_explorer::figures::set_native(article_figures::make, article_figures::make_map);
    let document = window().document().expect("a document");
    let Some(root) = document.get_element_by_id("studio") else { return };
    let query = window().location().search().unwrap_or_default();
    let lang = if query.contains("lang=en") { Lang::En } else { Lang::Ar };
    yew::Renderer::<StudioView>::with_root_and_props(root, StudioProps { lang }).render();
}
