//! A widget as a page embeds it: the document fetched from a URL (with a timeout, a size limit and
//! a retry) or given inline, then the explorer. What went wrong is shown in the widget, never
//! thrown at the host page.

use std::rc::Rc;

use yew::prelude::*;

use super::{mark, App, AppProps, Shared};
use crate::i18n::Lang;
use crate::problem::{Code, Problem};
use crate::said;
use crate::{fetch_text, FetchError};
use article_format::reading::{read_if_published, Reading};

/// Where the document comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// Fetched from this URL.
    Url(AttrValue),
    /// Given as JSON text.
    Json(Rc<str>),
    /// Fetched from this URL by `embed.js` while the WebAssembly downloaded: its text.
    Fetched(AttrValue, Rc<str>),
    /// Being fetched from this URL by `embed.js`: the promise of its text (null when it could
    /// not be had: the widget's own fetch then tries, and says why).
    Pending(AttrValue, Handed),
    /// Not given: the widget says so.
    Missing,
}

/// A promise `embed.js` handed over (the same one is the same source).
#[derive(Clone, Debug)]
pub struct Handed(pub js_sys::Promise);

impl PartialEq for Handed {
    fn eq(&self, other: &Handed) -> bool {
        js_sys::Object::is(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    pub source: Source,
    #[prop_or_default]
    pub settings: super::Settings,
    /// How long to wait for the document.
    #[prop_or(super::DEFAULT_TIMEOUT_MS)]
    pub timeout_ms: u32,
    /// Called once the widget shows a document, its problems or a failure: the host may reveal it.
    #[prop_or_default]
    pub on_ready: Callback<()>,
}

#[derive(Clone, PartialEq)]
enum Load {
    /// With a published document's own problems, found when it was read at once, for the
    /// publisher's turn (never read a second time).
    Loading(Option<Shared<Vec<Problem>>>),
    Failed(FetchError),
    Loaded(Rc<AppProps>),
}

/// What the explorer gets besides its document: these props' language, key, map and start.
fn app_props(p: &EmbedProps, document: Result<Shared<Reading>, Shared<Vec<Problem>>>) -> Rc<AppProps> {
    Rc::new(AppProps { document, settings: p.settings.clone() })
}

type Read = Result<Shared<Reading>, Shared<Vec<Problem>>>;

/// A published document (or text that is not JSON), read and checked at once, with User Timing
/// marks around the work; None for an authoring document, which needs the publisher.
fn read_now(json: &str) -> Option<Read> {
    mark("article-explorer:document");
    let read = read_if_published(json).map(|r| r.map(Shared::new).map_err(Shared::new));
    if read.is_some() {
        mark("article-explorer:prepared");
    }
    read
}

/// Any document: a published one that reads is shown at once; an authoring one is published
/// first, by the publisher module (loaded the first time it is needed), which also words what is
/// wrong with one that does not read (the reader carries no words for it).
async fn read_any(json: &str, base: &str, lang: Lang) -> Read {
    match read_now(json) {
        Some(Ok(read)) => Ok(read),
        own => publish_then_read(json, base, lang, own.and_then(Result::err)).await,
    }
}

/// An authoring document, or a published one that did not read (`own`, its problems unworded),
/// given to the publisher: published then read, or its problems worded in `lang`. Without a
/// publisher, a published document's own problems are shown by their codes.
async fn publish_then_read(json: &str, base: &str, lang: Lang, own: Option<Shared<Vec<Problem>>>) -> Read {
    mark("article-explorer:publishing");
    match crate::publisher::publish(json, base, lang).await {
        Ok(published) => {
            read_now(&published).unwrap_or_else(|| Err(Shared::new(vec![Problem::new("", said!(Code::NotPublished))])))
        }
        Err(problems) => match own {
            Some(own) if problems.iter().any(|p| p.message.code == Code::NeedsPublishing) => Err(own),
            _ => Err(Shared::new(problems)),
        },
    }
}

/// Fetches (or reads) the document, then shows the explorer.
#[function_component(Embed)]
pub fn embed(props: &EmbedProps) -> Html {
    // Read in the first render only (the state's initial value), and once.
    let load = {
        let (source, settings) = (props.source.clone(), props.settings.clone());
        use_state(move || {
            let loaded = |document| Load::Loaded(Rc::new(AppProps { document, settings }));
            match &source {
                // The document is here already: shown in the first render if it reads.
                Source::Json(json) | Source::Fetched(_, json) => match read_now(json) {
                    Some(Ok(read)) => loaded(Ok(read)),
                    Some(Err(own)) => Load::Loading(Some(own)),
                    None => Load::Loading(None),
                },
                Source::Pending(..) | Source::Url(_) => Load::Loading(None),
                Source::Missing => loaded(Err(Shared::new(vec![Problem::new("", said!(Code::NoDocument))]))),
            }
        })
    };
    // Bumped by Retry: fetches again.
    let attempt = use_state(|| 0u32);
    {
        let (load, source, timeout, lang) = (load.clone(), props.source.clone(), props.timeout_ms, props.settings.lang);
        // The settings with an empty document, filled in when it arrives.
        let settings = app_props(props, Err(Shared::new(Vec::new())));
        let pending = match &*load {
            Load::Loading(own) => Some(own.clone()),
            _ => None,
        };
        let fetch = {
            let (load, settings) = (load.clone(), settings.clone());
            move |url: AttrValue, handed: Option<js_sys::Promise>| {
                let (load, settings) = (load.clone(), settings.clone());
                load.set(Load::Loading(None));
                wasm_bindgen_futures::spawn_local(async move {
                    // The text embed.js fetched, else the widget's own fetch (which says what failed).
                    let handed = match handed {
                        Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.ok().and_then(|t| t.as_string()),
                        None => None,
                    };
                    let text = match handed {
                        Some(text) => Ok(text),
                        None => fetch_text(&url, timeout).await,
                    };
                    load.set(match text {
                        Ok(json) => Load::Loaded(Rc::new(AppProps {
                            document: read_any(&json, &url, lang).await,
                            ..(*settings).clone()
                        })),
                        Err(e) => Load::Failed(e),
                    });
                });
            }
        };
        use_effect_with((source, *attempt), move |(source, attempt)| match source.clone() {
            Source::Url(url) => fetch(url, None),
            // A retry fetches again.
            Source::Pending(url, handed) => fetch(url, (*attempt == 0).then_some(handed.0)),
            // Loading from the start: an authoring document, or one that does not read, waiting
            // for the publisher (its catalogues relative to the document's URL, or the page's).
            Source::Json(json) | Source::Fetched(_, json) if pending.is_some() => {
                let base = match source {
                    Source::Fetched(url, _) => url.to_string(),
                    _ => String::new(),
                };
                let own = pending.clone().flatten();
                wasm_bindgen_futures::spawn_local(async move {
                    load.set(Load::Loaded(Rc::new(AppProps {
                        document: publish_then_read(&json, &base, lang, own).await,
                        ..(*settings).clone()
                    })));
                });
            }
            Source::Json(_) | Source::Fetched(..) | Source::Missing => {}
        });
    }
    {
        let on_ready = props.on_ready.clone();
        use_effect_with(!matches!(*load, Load::Loading(_)), move |ready| {
            if *ready {
                mark("article-explorer:rendered");
                on_ready.emit(());
            }
        });
    }
    let s = props.settings.lang.strings();
    match &*load {
        Load::Loading(_) => html! {
            <div class="ae-root ae-loading" role="status" lang={props.settings.lang.code()} dir={props.settings.lang.dir()}>
                <p>{ s.article_loading }</p>
            </div>
        },
        Load::Failed(error) => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_| attempt.set(*attempt + 1))
            };
            let url = match &props.source {
                Source::Url(url) | Source::Fetched(url, _) | Source::Pending(url, _) => url.to_string(),
                Source::Json(_) | Source::Missing => String::new(),
            };
            html! {
                <div class="ae-root" lang={props.settings.lang.code()} dir={props.settings.lang.dir()}>
                    <div class="ae-problems" role="alert">
                        <p><strong>{ s.article_failed }</strong>{ props.settings.lang.comma() }{ error.message(props.settings.lang) }</p>
                        <p><code dir="ltr">{ url }</code></p>
                        <button type="button" class="ae-retry" onclick={retry}>{ s.retry }</button>
                    </div>
                </div>
            }
        }
        Load::Loaded(app) => {
            let app = (**app).clone();
            html! { <App ..app /> }
        }
    }
}
