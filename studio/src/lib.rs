//! The authoring studio (`studio.html`): an editor turns plain Arabic text into a published
//! article. The state and every edit are `article_authoring::studio` (plain Rust, tested natively);
//! this crate renders them: the article with its mentions, variants and suggestions marked, the
//! selection and the actions on it, the problems with a jump to their place, a map to place
//! points by clicking, and the reader itself as the preview. A module of its own: reader pages
//! never load it.

use std::rc::Rc;

use article_authoring::catalogue::Catalogue;
use article_authoring::model::{Bilingual, BlockRef, Coordinates, Entity, EntityKind, MapFeatureKind, Predicate};
use article_authoring::studio::{from_plain, text_of_path, Checked, Edit, Selection, Studio};
use article_authoring::suggest::Why;
use article_authoring::text::{MentionSource, Utf8Range};
use article_format::geo::{basemap::BaseMap, LonLat, Xy, WORLD_SOURCE};
use article_format::i18n::Lang;
use article_format::published::{text_index, text_ref};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

mod strings;
use strings::{strings, S};

/// The sample catalogue, beside the page.
const SAMPLE: &str = "catalogues/sample.json";

/// Everything the studio shows.
#[derive(Clone, PartialEq)]
pub struct Model {
    /// Shared: the view copies the model on every message (a selection too), the studio only
    /// when it changes.
    pub studio: Rc<Studio>,
    pub checked: Rc<Checked>,
    pub selection: Option<Selection>,
    pub status: String,
    pub lang: Lang,
    /// The countries and capitals suggestions look for (the sample catalogue's).
    pub known: Rc<Vec<Entity>>,
    /// Bumped on every change of the document: the preview is drawn again.
    pub revision: u32,
    /// Whether an article has been started or opened.
    pub started: bool,
    /// A published document opened to look at (it cannot be edited: its authoring form can).
    pub viewing: Option<Rc<str>>,
}

impl Model {
    pub fn new(lang: Lang) -> Model {
        let studio = Rc::new(Studio::new(from_plain("", Vec::new()), Vec::new()));
        let checked = Rc::new(studio.check(&[]));
        Model {
            studio,
            checked,
            selection: None,
            status: String::new(),
            lang,
            known: Rc::new(Vec::new()),
            revision: 0,
            started: false,
            viewing: None,
        }
    }

    /// A document to edit, started or opened.
    fn begin(&mut self, studio: Studio, status: &str) {
        self.studio = Rc::new(studio);
        self.viewing = None;
        self.started = true;
        self.selection = None;
        self.status = status.to_owned();
        self.recheck();
    }

    fn recheck(&mut self) {
        self.checked = Rc::new(self.studio.check(&self.known));
        self.revision += 1;
    }
}

/// What the studio does.
pub enum Msg {
    /// Plain text, and the catalogues chosen: (reference, catalogue).
    Start {
        text: String,
        catalogues: Vec<(String, Catalogue)>,
    },
    View(String),
    Open {
        doc: Box<article_authoring::model::Document>,
        catalogues: Vec<Catalogue>,
    },
    Known(Vec<Entity>),
    Select(Option<Selection>),
    Edit(Edit),
    Undo,
    Redo,
    Status(String),
    Lang(Lang),
}

impl Reducible for Model {
    type Action = Msg;
    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut m = (*self).clone();
        match msg {
            Msg::Start { text, catalogues } => {
                let (names, catalogues): (Vec<String>, Vec<Catalogue>) = catalogues.into_iter().unzip();
                m.begin(Studio::new(from_plain(&text, names), catalogues), strings(m.lang).started);
            }
            Msg::View(json) => {
                m.viewing = Some(json.into());
                m.status = strings(m.lang).published_is_read_only.to_owned();
            }
            Msg::Open { doc, catalogues } => m.begin(Studio::new(*doc, catalogues), strings(m.lang).opened),
            Msg::Known(known) => {
                m.known = Rc::new(known);
                m.recheck();
            }
            Msg::Select(s) => m.selection = s,
            Msg::Edit(edit) => match Rc::make_mut(&mut m.studio).apply(edit) {
                Ok(done) => {
                    m.status = done;
                    m.recheck();
                }
                Err(why) => m.status = why,
            },
            Msg::Undo | Msg::Redo => {
                let t = strings(m.lang);
                let undo = matches!(msg, Msg::Undo);
                let studio = Rc::make_mut(&mut m.studio);
                match if undo { studio.undo() } else { studio.redo() } {
                    Some(what) => {
                        m.status = format!("{} {what}", if undo { t.undone } else { t.redone });
                        m.selection = None;
                        m.recheck();
                    }
                    None => m.status = (if undo { t.nothing_to_undo } else { t.nothing_to_redo }).to_owned(),
                }
            }
            Msg::Status(s) => m.status = s,
            Msg::Lang(l) => m.lang = l,
        }
        Rc::new(m)
    }
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

/// Fetches a text beside the page: the reader's own fetch (its timeout and size limit), its
/// failure said in English, as the studio's other messages about files are.
async fn fetch_text(url: &str) -> Result<String, String> {
    article_browser::fetch_text(url, article_browser::DEFAULT_TIMEOUT_MS)
        .await
        .map_err(|e| format!("{url}: {}", e.message(Lang::En)))
}

async fn sample_catalogue() -> Result<Catalogue, String> {
    let text = fetch_text(SAMPLE).await?;
    article_authoring::catalogue::parse(SAMPLE, &text)
        .map_err(|p| p.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))
}

/// Offers a text as a file to download.
fn download(name: &str, text: &str, kind: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let document = window().document().expect("a document");
    if let Ok(a) = document.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // The download reads the URL after this returns: it is let go at the next download.
    thread_local! { static LAST: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) }; }
    if let Some(old) = LAST.with(|l| l.borrow_mut().replace(url)) {
        let _ = web_sys::Url::revoke_object_url(&old);
    }
}

/// Where a DOM position (node, UTF-16 offset) is in the article: (text index, byte offset).
fn point(node: web_sys::Node, offset: u32) -> Option<(u32, usize)> {
    let element = match node.dyn_ref::<web_sys::Element>() {
        Some(e) => e.clone(),
        None => node.parent_element()?,
    };
    let piece = element.closest("[data-s]").ok()??;
    let t: u32 = piece.get_attribute("data-t")?.parse().ok()?;
    let s: usize = piece.get_attribute("data-s")?.parse().ok()?;
    let text = piece.text_content().unwrap_or_default();
    if node.dyn_ref::<web_sys::Element>().is_some() {
        return Some((t, if offset == 0 { s } else { s + text.len() }));
    }
    let (mut units, mut bytes) = (0u32, 0usize);
    for c in text.chars() {
        if units >= offset {
            break;
        }
        units += c.len_utf16() as u32;
        bytes += c.len_utf8();
    }
    Some((t, s + bytes))
}

/// The words selected in the editor, trimmed of spaces, within one text.
fn dom_selection(model: &Model) -> Option<Selection> {
    let sel = window().get_selection().ok()??;
    if sel.is_collapsed() {
        return None;
    }
    let a = point(sel.anchor_node()?, sel.anchor_offset())?;
    let f = point(sel.focus_node()?, sel.focus_offset())?;
    if a.0 != f.0 {
        return None;
    }
    let text = model.checked.prepared.text(text_ref(a.0));
    let (mut start, mut end) = (a.1.min(f.1), a.1.max(f.1));
    while start < end && text[start..].starts_with(|c: char| c.is_whitespace() || "،,.؛:".contains(c)) {
        start += text[start..].chars().next()?.len_utf8();
    }
    while end > start && text[..end].ends_with(|c: char| c.is_whitespace() || "،,.؛:".contains(c)) {
        end -= text[..end].chars().next_back()?.len_utf8();
    }
    (start < end).then_some(Selection { text: text_ref(a.0), range: Utf8Range::new(start, end) })
}

/// The next place of `words` in the article after the current selection (then from the start).
fn find_words(model: &Model, words: &str) -> Option<Selection> {
    let words = words.trim();
    if words.is_empty() {
        return None;
    }
    let p = &model.checked.prepared;
    let texts: Vec<BlockRef> =
        std::iter::once(BlockRef::HEADLINE).chain((0..p.doc.article.blocks.len()).map(BlockRef::Block)).collect();
    let mut places = Vec::new();
    for &t in &texts {
        for (i, _) in p.text(t).match_indices(words) {
            places.push(Selection { text: t, range: Utf8Range::new(i, i + words.len()) });
        }
    }
    let after = model.selection.map(|s| (text_index(s.text), s.range.start));
    places.iter().find(|s| after.is_none_or(|a| (text_index(s.text), s.range.start) > a)).or(places.first()).copied()
}

fn input_value(id: &str) -> String {
    let document = window().document().expect("a document");
    let Some(el) = document.get_element_by_id(id) else { return String::new() };
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

fn kind_named(slug: &str) -> EntityKind {
    EntityKind::ALL.into_iter().find(|k| k.slug() == slug).unwrap_or(EntityKind::Person)
}

/// A labelled text field: `st-<name>` its id, `<name>` its `data-st`; `lang` empty: none given.
fn text_field(name: &str, label: &str, dir: &'static str, lang: &'static str, placeholder: &'static str) -> Html {
    let id = format!("st-{name}");
    html! {
        <>
            <label for={id.clone()}>{ label.to_owned() }</label>
            <input {id} data-st={name.to_owned()} {dir} lang={(!lang.is_empty()).then_some(lang)} placeholder={(!placeholder.is_empty()).then_some(placeholder)} />
        </>
    }
}

fn ids_of(value: &str) -> Vec<String> {
    value.split([',', '،', ' ']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
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
    // The reference list for suggestions, once.
    {
        let model = model.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(c) = sample_catalogue().await {
                    model.dispatch(Msg::Known(
                        c.entities
                            .into_iter()
                            .filter(|e| matches!(e.kind, EntityKind::Country | EntityKind::City))
                            .collect(),
                    ));
                }
            });
        });
    }
    let t: &S = strings(model.lang);
    let lang = model.lang;
    html! {
        <div class="st-root" lang={lang.code()} dir={lang.dir()}>
            <header class="st-header">
                <h1>{ t.title }</h1>
                <button type="button" data-st="lang" onclick={{ let m = model.clone(); move |_| m.dispatch(Msg::Lang(lang.other())) }}>{ t.other_language }</button>
            </header>
            { start_panel(&model, t) }
            if let Some(json) = model.viewing.clone() {
                <section class="st-preview" aria-labelledby="st-viewing-h">
                    <h2 id="st-viewing-h">{ t.preview }</h2>
                    <Preview json={AttrValue::from(json)} lang={model.lang} />
                </section>
            }
            if model.started {
                <div class="st-work" onkeydown={history_keys(&model)}>
                    <section class="st-editor" aria-labelledby="st-editor-h">
                        <h2 id="st-editor-h">{ t.article }</h2>
                        <p class="st-hint">{ t.editor_hint }</p>
                        { editor(&model) }
                        { suggestions_list(&model, t) }
                    </section>
                    <aside class="st-actions" aria-labelledby="st-actions-h">
                        <h2 id="st-actions-h">{ t.actions }</h2>
                        { actions(&model, t) }
                        { problems(&model, t) }
                        { saving(&model, t) }
                    </aside>
                    <section class="st-map" aria-labelledby="st-map-h">
                        <h2 id="st-map-h">{ t.map }</h2>
                        { map_panel(&model, t) }
                    </section>
                    <section class="st-preview" aria-labelledby="st-preview-h">
                        <h2 id="st-preview-h">{ t.preview }</h2>
                        { preview(&model, t) }
                    </section>
                </div>
            }
            <p class="st-status" role="status" aria-live="polite" data-st="status" dir="auto">{ model.status.clone() }</p>
        </div>
    }
}

/// Control (or Command) with Z undoes, with Shift or Y redoes: anywhere in the work area but in a
/// field, where they are the field's own.
fn history_keys(model: &UseReducerHandle<Model>) -> Callback<KeyboardEvent> {
    let model = model.clone();
    Callback::from(move |e: KeyboardEvent| {
        if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
            return;
        }
        let in_field = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_field {
            return;
        }
        let msg = match e.key().to_lowercase().as_str() {
            "z" if e.shift_key() => Msg::Redo,
            "z" => Msg::Undo,
            "y" => Msg::Redo,
            _ => return,
        };
        e.prevent_default();
        model.dispatch(msg);
    })
}

fn start_panel(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let start = {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| {
            let text = input_value("st-text");
            let with_sample = window()
                .document()
                .and_then(|d| d.get_element_by_id("st-sample"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some_and(|i| i.checked());
            let mut references: Vec<String> =
                input_value("st-catalogues").split_whitespace().map(str::to_owned).collect();
            if with_sample {
                references.insert(0, SAMPLE.to_owned());
            }
            let model = model.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut catalogues = Vec::new();
                for reference in references {
                    let read = fetch_text(&reference).await.and_then(|t| {
                        article_authoring::catalogue::parse(&reference, &t)
                            .map_err(|p| p.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))
                    });
                    match read {
                        Ok(c) => catalogues.push((reference, c)),
                        Err(e) => {
                            model.dispatch(Msg::Status(e));
                            return;
                        }
                    }
                }
                model.dispatch(Msg::Start { text, catalogues });
            });
        })
    };
    let open = {
        let model = model.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            let model = model.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await else { return };
                let text = text.as_string().unwrap_or_default();
                if !text.trim_start().starts_with('{') {
                    model.dispatch(Msg::Start { text, catalogues: Vec::new() });
                    return;
                }
                if article_format::reading::is_published(&text) {
                    model.dispatch(Msg::View(text));
                    return;
                }
                match article_authoring::model::validate::parse_all(&text) {
                    Ok(doc) => {
                        let mut catalogues = Vec::new();
                        for reference in &doc.catalogues {
                            match fetch_text(reference).await.and_then(|t| {
                                article_authoring::catalogue::parse(reference, &t)
                                    .map_err(|p| format!("{} problem(s)", p.len()))
                            }) {
                                Ok(c) => catalogues.push(c),
                                Err(e) => model.dispatch(Msg::Status(e)),
                            }
                        }
                        model.dispatch(Msg::Open { doc: Box::new(doc), catalogues });
                    }
                    Err(p) => {
                        model.dispatch(Msg::Status(p.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; ")))
                    }
                }
            });
        })
    };
    html! {
        <section class="st-start" aria-labelledby="st-start-h">
            <h2 id="st-start-h">{ t.start }</h2>
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
                <label class="st-file">{ t.open }<input type="file" accept=".json,.txt,text/plain,application/json" data-st="open" onchange={open} /></label>
            </div>
        </section>
    }
}

/// The article, each text split at its mentions, suggestions and the selection.
fn editor(model: &UseReducerHandle<Model>) -> Html {
    let p = &model.checked.prepared;
    let texts = std::iter::once(BlockRef::HEADLINE).chain((0..p.doc.article.blocks.len()).map(BlockRef::Block));
    let onmouseup = {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(s) = dom_selection(&model) {
                model.dispatch(Msg::Select(Some(s)));
            }
        })
    };
    let items = texts.map(|t| {
        let text = p.text(t);
        let index = text_index(t);
        let mentions = p.mentions_of(t);
        let suggestions: Vec<_> = model.checked.suggestions.iter().filter(|s| s.text == t).collect();
        let selected = model.selection.filter(|s| s.text == t).map(|s| s.range);
        let ranges = mentions.iter().map(|m| m.range).chain(suggestions.iter().map(|s| s.range)).chain(selected);
        let pieces = article_format::text::runs(text.len(), ranges).into_iter().map(|run| {
            let (a, b) = (run.start, run.end);
            let inside = |r: Utf8Range| r.start <= a && b <= r.end;
            let mention = mentions.iter().find(|m| inside(m.range));
            let suggestion = suggestions.iter().find(|s| inside(s.range));
            let mut class = Classes::new();
            let mut title = String::new();
            if let Some(m) = mention {
                let e = &p.doc.entities[m.entity];
                class.push("st-m");
                class.push(format!("ae-k-{}", e.kind.slug()));
                title = e.id.clone();
                if let MentionSource::Variant(alias) = m.source {
                    class.push("st-variant");
                    let matched = e.aliases.get(alias).map(|a| a.text()).unwrap_or(&e.name.ar);
                    title = format!("{} ≈ «{matched}»", e.id);
                }
            }
            if suggestion.is_some() {
                class.push("st-suggested");
            }
            if selected.is_some_and(inside) {
                class.push("st-selected");
            }
            html! { <span data-t={index.to_string()} data-s={a.to_string()} class={class} title={(!title.is_empty()).then_some(title)}>{ text[a..b].to_owned() }</span> }
        });
        let id = format!("st-text-{index}");
        if index == 0 {
            html! { <h3 class="st-text st-headline" {id}>{ for pieces }</h3> }
        } else {
            html! { <p class="st-text" {id}>{ for pieces }</p> }
        }
    });
    html! {
        <div class="st-article" lang={p.doc.article.language.clone()} dir={p.doc.article.direction.as_str()} data-st="editor" {onmouseup}>
            { for items }
        </div>
    }
}

fn suggestions_list(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let p = &model.checked.prepared;
    let variants: Vec<Html> = p
        .all_mentions()
        .filter_map(|(text, m)| {
            let MentionSource::Variant(alias) = m.source else { return None };
            let e = &p.doc.entities[m.entity];
            let matched = e.aliases.get(alias).map(|a| a.text()).unwrap_or(&e.name.ar).to_owned();
            let words = m.range.of(p.text(text)).to_owned();
            Some(html! { <li><q>{ words }</q>{ format!(" {} «{matched}» ({})", t.as_variant_of, e.id) }</li> })
        })
        .collect();
    let variants_html = html! {
        <section class="st-suggestions" aria-labelledby="st-var-h">
            <h3 id="st-var-h">{ format!("{} ({})", t.variants, variants.len()) }</h3>
            if variants.is_empty() { <p>{ t.none }</p> } else { <ul data-st="variants">{ for variants }</ul> }
        </section>
    };
    let items = model.checked.suggestions.iter().map(|s| {
        let words = s.range.of(p.text(s.text)).to_owned();
        let why = match &s.why {
            Why::Ambiguous { entity } => format!("{} {}", t.why_ambiguous, p.doc.entities[*entity].id),
            Why::Variant { of, .. } => format!(
                "{} {}",
                t.why_variant,
                of.iter().map(|(e, a)| format!("«{a}» ({})", p.doc.entities[*e].id)).collect::<Vec<_>>().join(", ")
            ),
            Why::Known { id, name } => format!("{} {name} ({id})", t.why_known),
            Why::Title { title } => format!("{} «{title}»", t.why_title),
            Why::Near { entity, alias } => format!("{} «{alias}» ({})", t.why_near, p.doc.entities[*entity].id),
            Why::PartOfName { entity, alias } => {
                format!("{} «{alias}» ({})", t.why_part_of_name, p.doc.entities[*entity].id)
            }
            Why::Embedded { entity, alias } => format!("{} «{alias}» ({})", t.why_embedded, p.doc.entities[*entity].id),
        };
        let select = {
            let (model, at) = (model.clone(), Selection { text: s.text, range: s.range });
            Callback::from(move |_: MouseEvent| model.dispatch(Msg::Select(Some(at))))
        };
        html! {
            <li><button type="button" class="st-link" onclick={select}><q>{ words }</q></button>{ " " }{ why }</li>
        }
    });
    html! {
        <>
        { variants_html }
        <section class="st-suggestions" aria-labelledby="st-sugg-h">
            <h3 id="st-sugg-h">{ format!("{} ({})", t.suggestions, model.checked.suggestions.len()) }</h3>
            if model.checked.suggestions.is_empty() { <p>{ t.none }</p> } else { <ul data-st="suggestions">{ for items }</ul> }
        </section>
        </>
    }
}

fn actions(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let p = &model.checked.prepared;
    let selected = model.selection.map(|s| s.range.of(p.text(s.text)).to_owned());
    let edit = |make: Rc<dyn Fn(Option<Selection>) -> Option<Edit>>| {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| match make(model.selection) {
            Some(e) => model.dispatch(Msg::Edit(e)),
            None => model.dispatch(Msg::Status(strings(model.lang).select_first.to_owned())),
        })
    };
    let find = {
        let model = model.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let words = input_value("st-find");
            match find_words(&model, &words) {
                Some(s) => {
                    model.dispatch(Msg::Select(Some(s)));
                    if let Some(el) = window()
                        .document()
                        .and_then(|d| d.get_element_by_id(&format!("st-text-{}", text_index(s.text))))
                    {
                        el.scroll_into_view();
                    }
                }
                None => model.dispatch(Msg::Status(format!("{} «{}»", strings(model.lang).not_found, words.trim()))),
            }
        })
    };
    let ids: Vec<(String, String)> = {
        let mut seen = std::collections::HashSet::new();
        p.doc
            .entities
            .iter()
            .filter(|e| seen.insert(e.id.clone()))
            .map(|e| (e.id.clone(), model.lang.pick(&e.name).to_owned()))
            .collect()
    };
    let datalist = html! { <datalist id="st-ids">{ for ids.iter().map(|(id, name)| html! { <option value={id.clone()} label={name.clone()} /> }) }</datalist> };
    let kinds = EntityKind::ALL.iter().map(|k| html! { <option value={k.slug()}>{ model.lang.kind(*k) }</option> });
    let predicates = Predicate::ALL.iter().map(|p| {
        let l = p.labels();
        html! { <option value={p.slug()}>{ if model.lang == Lang::Ar { l.ar } else { l.en } }</option> }
    });
    let undo_redo = |msg: fn() -> Msg| {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| model.dispatch(msg()))
    };
    let undoable = model.studio.undoable().map(|w| format!("{} {w}", t.undo));
    let redoable = model.studio.redoable().map(|w| format!("{} {w}", t.redo));
    html! {
        <div class="st-action-list">
            { datalist }
            <div class="st-row st-history">
                <button type="button" data-st="undo" disabled={undoable.is_none()} title={undoable.clone()} aria-keyshortcuts="Control+Z Meta+Z" onclick={undo_redo(|| Msg::Undo)}>{ t.undo }</button>
                <button type="button" data-st="redo" disabled={redoable.is_none()} title={redoable.clone()} aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z" onclick={undo_redo(|| Msg::Redo)}>{ t.redo }</button>
            </div>
            <form class="st-row" onsubmit={find}>
                <label for="st-find">{ t.find }</label>
                <input id="st-find" data-st="find" type="search" dir="auto" />
                <button type="submit" data-st="find-go">{ t.find_button }</button>
            </form>
            <p class="st-selection" data-st="selection">
                { t.selection }{ " " }
                if let Some(words) = selected { <q lang={p.doc.article.language.clone()}>{ words }</q> } else { <span class="st-muted">{ t.nothing_selected }</span> }
            </p>
            <fieldset>
                <legend>{ t.existing }</legend>
                <label for="st-entity">{ t.entity }</label>
                <input id="st-entity" data-st="entity" list="st-ids" />
                <div class="st-row">
                    <button type="button" data-st="alias" onclick={edit(Rc::new(|s| Some(Edit::AddAlias { entity: input_value("st-entity").trim().to_owned(), at: s? })))}>{ t.alias }</button>
                    <button type="button" data-st="mention" onclick={edit(Rc::new(|s| Some(Edit::AddMention { entity: input_value("st-entity").trim().to_owned(), at: s? })))}>{ t.mention }</button>
                    <button type="button" data-st="suppress" onclick={edit(Rc::new(|s| Some(Edit::Suppress { at: s? })))}>{ t.suppress }</button>
                </div>
            </fieldset>
            <fieldset>
                <legend>{ t.new_entity }</legend>
                <label for="st-kind">{ t.kind }</label>
                <select id="st-kind" data-st="kind">{ for kinds }</select>
                <label for="st-name-en">{ t.name_en }</label>
                <input id="st-name-en" data-st="name-en" dir="ltr" lang="en" />
                <button type="button" data-st="new-entity" onclick={edit(Rc::new(|s| Some(Edit::NewEntity { kind: kind_named(&input_value("st-kind")), name_en: input_value("st-name-en"), at: s? })))}>{ t.create }</button>
            </fieldset>
            <fieldset>
                <legend>{ t.relation }</legend>
                <label for="st-subject">{ t.subject }</label>
                <input id="st-subject" data-st="subject" list="st-ids" />
                <label for="st-predicate">{ t.predicate }</label>
                <select id="st-predicate" data-st="predicate">{ for predicates }</select>
                <label for="st-object">{ t.object }</label>
                <input id="st-object" data-st="object" list="st-ids" />
                <label for="st-sources">{ t.sources }</label>
                <input id="st-sources" data-st="sources" list="st-ids" />
                { text_field("when-ar", t.when_ar, "rtl", "ar", "في مايو الماضي") }
                { text_field("when-en", t.when_en, "ltr", "en", "last May") }
                { text_field("detail-ar", t.detail_ar, "rtl", "ar", "") }
                { text_field("detail-en", t.detail_en, "ltr", "en", "") }
                <button type="button" data-st="relation" onclick={edit(Rc::new(|s| {
                    let predicate = Predicate::ALL.into_iter().find(|p| p.slug() == input_value("st-predicate"))?;
                    Some(Edit::AddRelation {
                        subject: input_value("st-subject").trim().to_owned(),
                        predicate,
                        object: input_value("st-object").trim().to_owned(),
                        asserted_by: ids_of(&input_value("st-sources")),
                        when: (input_value("st-when-ar"), input_value("st-when-en")),
                        detail: (input_value("st-detail-ar"), input_value("st-detail-en")),
                        at: s?,
                    })
                }))}>{ t.add_relation }</button>
            </fieldset>
            <fieldset>
                <legend>{ t.event }</legend>
                { text_field("event-ar", t.event_label_ar, "rtl", "ar", "زيارة موسكو") }
                { text_field("event-en", t.event_label_en, "ltr", "en", "The visit to Moscow") }
                { text_field("event-when-ar", t.event_when_ar, "rtl", "ar", "في مايو الماضي") }
                { text_field("event-when-en", t.event_when_en, "ltr", "en", "last May") }
                { text_field("event-date", t.event_date, "ltr", "", "2025-05") }
                <label for="st-event-order">{ t.event_order }</label>
                <input id="st-event-order" data-st="event-order" type="number" step="1" dir="ltr" />
                <label for="st-event-entities">{ t.event_entities }</label>
                <input id="st-event-entities" data-st="event-entities" list="st-ids" dir="ltr" />
                <button type="button" data-st="event" onclick={edit(Rc::new(|s| {
                    Some(Edit::AddEvent {
                        label: (input_value("st-event-ar"), input_value("st-event-en")),
                        when: (input_value("st-event-when-ar"), input_value("st-event-when-en")),
                        date: input_value("st-event-date"),
                        order: input_value("st-event-order").trim().parse().ok(),
                        entities: ids_of(&input_value("st-event-entities")),
                        at: s?,
                    })
                }))}>{ t.add_event }</button>
            </fieldset>
        </div>
    }
}

/// The element a problem is about, to jump to: the text a quote is in, the text of an entity's
/// first mention, the headline or the block named, or the map.
fn place_of(
    p: &article_authoring::model::Prepared,
    doc: &article_authoring::model::Document,
    path: &str,
) -> Option<String> {
    let text_id = |t: BlockRef| format!("st-text-{}", text_index(t));
    if let Some(t) = text_of_path(doc, path) {
        return Some(text_id(t));
    }
    if path.starts_with("article.headline") {
        return Some(text_id(BlockRef::HEADLINE));
    }
    if let Some(rest) = path.strip_prefix("article.blocks[") {
        let i: usize = rest.split(']').next()?.parse().ok()?;
        return Some(text_id(BlockRef::Block(i)));
    }
    if path.starts_with("map") {
        return Some("st-map-h".to_owned());
    }
    let key = path.strip_prefix("entities[")?.split(']').next()?;
    let entity = p.entity_index(key).or_else(|| key.parse().ok())?;
    p.by_entity.get(entity)?.first().map(|m| text_id(m.text))
}

fn problems(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let list = &model.checked.problems;
    let items = list.iter().map(|p| {
        let target = place_of(&model.checked.prepared, &model.studio.doc, &p.path);
        let has_place = target.is_some();
        let jump = Callback::from(move |_: MouseEvent| {
            if let Some(el) = target.as_ref().and_then(|id| window().document()?.get_element_by_id(id)) {
                let _ = el.class_list().remove_1("st-flash");
                let _ = el.get_bounding_client_rect(); // restarts the mark's animation
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&options);
                let _ = el.class_list().add_1("st-flash");
            }
        });
        html! {
            <li>
                if has_place { <button type="button" class="st-link" onclick={jump}>{ t.go_there }</button>{ " " } }
                <code>{ p.path.clone() }</code>{ ": " }{ p.message.clone() }
            </li>
        }
    });
    html! {
        <section class="st-problems" aria-labelledby="st-problems-h">
            <h3 id="st-problems-h" data-st="problems-count">{ format!("{} ({})", t.problems, list.len()) }</h3>
            if list.is_empty() { <p>{ t.no_problems }</p> } else { <ul data-st="problems">{ for items }</ul> }
        </section>
    }
}

fn saving(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let save_authoring = {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| download("article.json", &model.studio.to_json(), "application/json"))
    };
    let published = model.checked.published.clone();
    let save_published = {
        let published = published.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(p) = &published {
                download("article.published.json", p, "application/json");
            }
        })
    };
    html! {
        <section class="st-save" aria-labelledby="st-save-h">
            <h3 id="st-save-h">{ t.save }</h3>
            <div class="st-row">
                <button type="button" data-st="save-authoring" onclick={save_authoring}>{ t.save_authoring }</button>
                <button type="button" data-st="save-published" disabled={published.is_none()} onclick={save_published}>{ t.save_published }</button>
            </div>
        </section>
    }
}

/// The world's map: a click places a point, labelled with the selected words.
fn map_panel(model: &UseReducerHandle<Model>, t: &S) -> Html {
    html! { <WorldMap model={model.clone()} hint={t.map_hint} label_en={t.point_label_en} kind={t.point_kind} /> }
}

#[derive(Properties, PartialEq)]
struct WorldMapProps {
    model: UseReducerHandle<Model>,
    hint: &'static str,
    label_en: &'static str,
    kind: &'static str,
}

#[function_component(WorldMap)]
fn world_map(props: &WorldMapProps) -> Html {
    let base = use_state(|| None::<Rc<BaseMap>>);
    // The clicks of a movement or an area being drawn, and what is being placed.
    let pending = use_state(Vec::<Coordinates>::new);
    let mode = use_state(|| "point".to_owned());
    {
        let base = base.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(text) = fetch_text("map/world.json").await {
                    if let Ok(b) = BaseMap::from_json(&text, &WORLD_SOURCE) {
                        base.set(Some(Rc::new(b)));
                    }
                }
            });
        });
    }
    let model = &props.model;
    let t = strings(model.lang);
    let svg_ref = use_node_ref();
    // The label, kind and entities of the feature being made: the selected words, the fields.
    let feature = {
        let model = model.clone();
        move || -> Option<(Bilingual, MapFeatureKind, Vec<String>)> {
            let words = model
                .selection
                .map(|s| s.range.of(model.checked.prepared.text(s.text)).trim().to_owned())
                .unwrap_or_default();
            let en = input_value("st-point-en");
            if words.is_empty() || en.trim().is_empty() {
                model.dispatch(Msg::Status(strings(model.lang).point_needs.to_owned()));
                return None;
            }
            let kind = MapFeatureKind::ALL
                .into_iter()
                .find(|k| k.slug() == input_value("st-point-kind"))
                .unwrap_or(MapFeatureKind::City);
            Some((Bilingual { ar: words, en: en.trim().to_owned() }, kind, ids_of(&input_value("st-point-entity"))))
        }
    };
    let onclick = {
        let (model, svg_ref, pending, feature, mode) =
            (model.clone(), svg_ref.clone(), pending.clone(), feature.clone(), mode.clone());
        Callback::from(move |e: MouseEvent| {
            // Yew delegates events: the element is the NodeRef's, not the event's current target.
            let Some(svg) = svg_ref.cast::<web_sys::SvgsvgElement>() else { return };
            let Some(matrix) = svg.get_screen_ctm().and_then(|m| m.inverse().ok()) else { return };
            let pt = svg.create_svg_point();
            pt.set_x(e.client_x() as f32);
            pt.set_y(e.client_y() as f32);
            let at = pt.matrix_transform(&matrix);
            let ll = WORLD_SOURCE.inverse(Xy { x: at.x() as f64, y: at.y() as f64 });
            let round = |v: f64| (v * 1000.0).round() / 1000.0;
            let here = Coordinates { lat: round(ll.lat), lon: round(ll.lon) };
            if *mode != "point" {
                let mut clicks = (*pending).clone();
                clicks.push(here);
                pending.set(clicks);
                return;
            }
            if let Some((label, kind, entities)) = feature() {
                model.dispatch(Msg::Edit(Edit::AddPoint { label, kind, at: here, entities }));
            }
        })
    };
    let finish = {
        let (model, pending, feature, mode) = (model.clone(), pending.clone(), feature.clone(), mode.clone());
        Callback::from(move |_: MouseEvent| {
            let Some((label, kind, entities)) = feature() else { return };
            let clicks = (*pending).clone();
            let edit = if *mode == "area" {
                Edit::AddArea { label, kind, ring: clicks, entities }
            } else {
                Edit::AddMovement { label, kind, path: clicks, entities }
            };
            model.dispatch(Msg::Edit(edit));
            pending.set(Vec::new());
        })
    };
    let clear = {
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| pending.set(Vec::new()))
    };
    let xy = |c: &Coordinates| {
        let p = WORLD_SOURCE.forward(LonLat { lon: c.lon, lat: c.lat });
        (p.x, p.y)
    };
    let line = |cs: &[Coordinates]| {
        cs.iter()
            .map(|c| {
                let (x, y) = xy(c);
                format!("{x:.0},{y:.0}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let map = &model.studio.doc.map;
    let points = map.points.iter().map(|p| {
        let (x, y) = xy(&p.coordinates);
        html! { <circle cx={format!("{x:.0}")} cy={format!("{y:.0}")} r="18" class="st-point"><title>{ p.label.en.clone() }</title></circle> }
    });
    let at = |w: &article_authoring::model::Waypoint| match w {
        article_authoring::model::Waypoint::At(c) => Some(*c),
        article_authoring::model::Waypoint::Point(id) => map.points.iter().find(|p| &p.id == id).map(|p| p.coordinates),
    };
    let movements = map.movements.iter().map(|m| {
        let cs: Vec<Coordinates> =
            std::iter::once(&m.from).chain(&m.via).chain(std::iter::once(&m.to)).filter_map(at).collect();
        html! { <polyline points={line(&cs)} class="st-movement"><title>{ m.label.en.clone() }</title></polyline> }
    });
    let areas = map.areas.iter().filter_map(|a| match &a.shape {
        article_authoring::model::AreaShape::Polygon(ring) => {
            Some(html! { <polygon points={line(ring)} class="st-area"><title>{ a.label.en.clone() }</title></polygon> })
        }
        article_authoring::model::AreaShape::Country(_) => None,
    });
    let drawing = html! {
        <>
            <polyline points={line(&pending)} class="st-drawing" />
            { for pending.iter().map(|c| { let (x, y) = xy(c); html! { <circle cx={format!("{x:.0}")} cy={format!("{y:.0}")} r="10" class="st-click" /> } }) }
        </>
    };
    let kinds = MapFeatureKind::ALL
        .iter()
        .map(|k| html! { <option value={k.slug()}>{ props.model.lang.map_kind(*k) }</option> });
    html! {
        <div>
            <p class="st-hint">{ props.hint }</p>
            <div class="st-row">
                <label for="st-map-mode">{ t.map_mode }</label>
                <select id="st-map-mode" data-st="map-mode" onchange={{
                    let mode = mode.clone();
                    move |e: Event| if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() { mode.set(s.value()) }
                }}>
                    <option value="point" selected={*mode == "point"}>{ t.mode_point }</option>
                    <option value="movement" selected={*mode == "movement"}>{ t.mode_movement }</option>
                    <option value="area" selected={*mode == "area"}>{ t.mode_area }</option>
                </select>
                <label for="st-point-en">{ props.label_en }</label>
                <input id="st-point-en" data-st="point-en" dir="ltr" lang="en" />
                <label for="st-point-kind">{ props.kind }</label>
                <select id="st-point-kind" data-st="point-kind">{ for kinds }</select>
                <label for="st-point-entity">{ t.entity }</label>
                <input id="st-point-entity" data-st="point-entity" list="st-ids" />
                <button type="button" data-st="map-finish" disabled={pending.len() < 2} onclick={finish}>{ format!("{} ({})", t.finish_drawing, pending.len()) }</button>
                <button type="button" data-st="map-clear" disabled={pending.is_empty()} onclick={clear}>{ t.clear_clicks }</button>
            </div>
            <svg ref={svg_ref} viewBox="0 0 3600 1800" class="st-world" role="img" aria-label={props.hint} data-st="map" {onclick}>
                <rect width="3600" height="1800" class="st-sea" />
                if let Some(b) = &*base { { for b.countries.iter().map(|c| html! { <path d={article_format::svg::without_wraps(&c.d, WORLD_SOURCE.scale * 180.0)} class="st-land" /> }) } }
                { for areas }
                { for movements }
                { for points }
                { drawing }
            </svg>
        </div>
    }
}

fn preview(model: &UseReducerHandle<Model>, t: &S) -> Html {
    match &model.checked.published {
        Some(json) => html! { <Preview json={AttrValue::from(json.clone())} lang={model.lang} /> },
        None => html! { <p data-st="preview-blocked">{ t.preview_blocked }</p> },
    }
}

#[derive(Properties, PartialEq)]
struct PreviewProps {
    json: AttrValue,
    lang: Lang,
}

/// The reader itself, mounted as an embed is (its shadow root, its stylesheet, the figures), on
/// the published document as it stands; mounted again when the document changes.
#[function_component(Preview)]
fn preview_widget(props: &PreviewProps) -> Html {
    let host = use_node_ref();
    let mounted = use_mut_ref(|| None::<article_explorer::components::host::Mounted>);
    {
        let (host, mounted) = (host.clone(), mounted.clone());
        use_effect_with((props.json.clone(), props.lang), move |(json, lang)| {
            if let Some(mut m) = mounted.borrow_mut().take() {
                m.unmount();
            }
            if let Some(el) = host.cast::<web_sys::Element>() {
                let options = article_explorer::components::host::Options {
                    document: Some(json.to_string()),
                    lang: Some(*lang),
                    key: Some("preview".to_owned()),
                    ..Default::default()
                };
                *mounted.borrow_mut() = article_explorer::components::host::mount(&el, options).ok();
            }
            let mounted = mounted.clone();
            move || {
                if let Some(mut m) = mounted.borrow_mut().take() {
                    m.unmount();
                }
            }
        });
    }
    html! { <div class="st-preview-frame" data-st="preview" ref={host}></div> }
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
