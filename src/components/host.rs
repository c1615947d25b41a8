//! Mounting into a page the widget does not control: each widget in a shadow root of its host
//! element, with its own stylesheet, state and deep-link key; options from `data-*` attributes or
//! from JavaScript; and a panic hook that turns a dead widget into a message.
//!
//! Why a shadow root: a news page's stylesheet cannot reach inside it (`mark { display: none }`,
//! `* { all: revert }`) and the widget's stylesheet cannot leak out. Custom properties and
//! inherited properties (the host's font) do cross the boundary: that is the theming interface.
//!
//! The host element's own children (a placeholder) stay visible through a `<slot>` until the widget
//! has its stylesheet and its document, then the widget replaces them in one step: no flash of
//! unstyled content, and readers without JavaScript keep the fallback. A pre-rendered article comes
//! in a shadow root the page declares (`<template shadowrootmode="open">`, written by `cargo xtask
//! finish`), so that the host's rules do not reach it either: the widget mounts into that shadow
//! root and keeps its content, the same way, until it is ready.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{Element, ShadowRoot};

use super::embed::{Embed, EmbedProps, Source};
use crate::i18n::Lang;

/// How one widget is set up: from a host element's `data-*` attributes or a JavaScript object.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// The document's URL (`data-src`, `src`).
    pub src: Option<String>,
    /// The document itself, as JSON text (`document`: a string or an object).
    pub document: Option<String>,
    /// UI language: `ar` (default) or `en` (`data-lang`, `lang`).
    pub lang: Option<Lang>,
    /// `light`, `dark` or `auto` (the default, from `prefers-color-scheme`) (`data-theme`, `theme`).
    pub theme: Option<String>,
    /// The entity whose panel is open at start (`data-entity`, `entity`).
    pub entity: Option<String>,
    /// The widget's key in the URL fragment (`data-key`, `key`); by default `entity`, then
    /// `entity-2`, `entity-3`… in mounting order.
    pub key: Option<String>,
    /// Where the widget's files are (its stylesheet, the base map): the URL of the folder of
    /// `embed.js`, ending in `/`.
    pub base: String,
    /// Milliseconds to wait for the document (`data-timeout`, `timeout`); by default
    /// [`super::DEFAULT_TIMEOUT_MS`].
    pub timeout_ms: Option<u32>,
    /// The document at `src` as `embed.js` fetched it while the WebAssembly downloaded: its text,
    /// or the promise of it (the text, or null when it could not be had).
    pub prefetched: Option<JsValue>,
}

fn lang_of(code: &str) -> Option<Lang> {
    match code.trim().to_ascii_lowercase().as_str() {
        "ar" => Some(Lang::Ar),
        "en" => Some(Lang::En),
        _ => None,
    }
}

impl Options {
    /// Options from a host element's `data-*` attributes. With `data-params`, the page's query
    /// string may set `src`, `lang`, `theme` and `entity` too (the iframe page, the demo).
    pub fn from_element(el: &Element, base: &str) -> Self {
        let query =
            el.has_attribute("data-params").then(|| gloo::utils::window().location().search().unwrap_or_default());
        let get = |name: &str| {
            let param = name.strip_prefix("data-").filter(|p| ["src", "lang", "theme", "entity"].contains(p));
            let from_query =
                query.as_deref().zip(param).and_then(|(q, p)| crate::link::get(q.trim_start_matches('?'), p));
            from_query.or_else(|| el.get_attribute(name)).filter(|v| !v.trim().is_empty())
        };
        Options {
            src: get("data-src"),
            document: None,
            lang: get("data-lang").as_deref().and_then(lang_of),
            theme: get("data-theme"),
            entity: get("data-entity"),
            key: get("data-key"),
            base: base.to_owned(),
            timeout_ms: get("data-timeout").and_then(|t| t.trim().parse().ok()),
            prefetched: None,
        }
    }

    /// Options from a JavaScript object (`{ src, document, lang, theme, entity, key, base, timeout }`);
    /// anything else is ignored.
    pub fn from_js(value: &JsValue, base: &str) -> Self {
        let get = |name: &str| {
            js_sys::Reflect::get(value, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined() && !v.is_null())
        };
        let string = |name: &str| get(name).and_then(|v| v.as_string());
        let document = get("document")
            .and_then(|v| v.as_string().or_else(|| js_sys::JSON::stringify(&v).ok().and_then(|s| s.as_string())));
        Options {
            src: string("src"),
            document,
            lang: string("lang").as_deref().and_then(lang_of),
            theme: string("theme"),
            entity: string("entity"),
            key: string("key"),
            base: string("base").unwrap_or_else(|| base.to_owned()),
            timeout_ms: get("timeout").and_then(|v| v.as_f64()).filter(|t| *t >= 1.0).map(|t| t.min(600_000.0) as u32),
            prefetched: None,
        }
    }
}

thread_local! {
    /// Every mounted widget's shadow root, for the panic hook.
    static MOUNTED: RefCell<Vec<ShadowRoot>> = const { RefCell::new(Vec::new()) };
    /// How many widgets were mounted, for default deep-link keys.
    static COUNT: Cell<usize> = const { Cell::new(0) };
}

/// One mounted widget. `unmount` restores the host element as it was before mounting.
pub struct Mounted {
    app: Option<yew::AppHandle<Embed>>,
    host: Element,
    shadow: ShadowRoot,
    /// The pre-rendered article the page declared in the shadow root (see [`mount`]).
    fallback: Option<Element>,
    _listeners: Vec<EventListener>,
}

fn el(name: &str) -> Result<Element, JsValue> {
    gloo::utils::document().create_element(name)
}

/// Mounts a widget into `host`. Fails (with a message) if `host` already has one, or has a shadow
/// root of someone else's.
pub fn mount(host: &Element, options: Options) -> Result<Mounted, String> {
    install_panic_hook();
    if host.has_attribute("data-ae-mounted") {
        return Err("this element already has an article explorer".to_owned());
    }
    // A shadow root the page declared around a pre-rendered article ends with the widget's own root.
    let existing = host.shadow_root();
    let fallback = existing
        .as_ref()
        .and_then(|s| s.children().item(s.children().length().wrapping_sub(1)))
        .filter(|last| last.class_list().contains("ae-host"));
    let shadow = match existing {
        // Ours: from an earlier mount, or declared by the page around a pre-rendered article.
        Some(shadow) if host.has_attribute("data-ae-shadow") || fallback.is_some() => shadow,
        Some(_) => return Err("this element already has a shadow root".to_owned()),
        None => host
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .map_err(|_| "this element cannot have a shadow root (use a <div>)".to_owned())?,
    };
    let _ = host.set_attribute("data-ae-shadow", "");
    let js = |_: JsValue| "the page refused an element the widget needs".to_owned();
    // A pre-rendered article (with its stylesheet) stays until the widget is ready, and comes back
    // when it is unmounted.
    if fallback.is_none() {
        shadow.replace_children_with_node_0();
    }
    let link = el("link").map_err(js)?;
    link.set_attribute("rel", "stylesheet").map_err(js)?;
    link.set_attribute("href", &format!("{}article-explorer.css", options.base)).map_err(js)?;
    let slot = el("slot").map_err(js)?;
    let root = el("div").map_err(js)?;
    root.set_class_name("ae-host");
    if let Some(theme) = &options.theme {
        root.set_attribute("data-theme", theme).map_err(js)?;
    }
    root.set_attribute("hidden", "").map_err(js)?;
    // The crash message is there from the start, hidden: after a trap the instance cannot be
    // called, and embed.js shows it by itself.
    let crash = el("div").map_err(js)?;
    crash.set_class_name("ae-root ae-crashed");
    crash.set_attribute("hidden", "").map_err(js)?;
    let lang = options.lang.unwrap_or_default();
    crash.set_attribute("lang", lang.code()).map_err(js)?;
    crash.set_attribute("dir", lang.dir()).map_err(js)?;
    let message = el("p").map_err(js)?;
    message.set_text_content(Some(lang.strings().widget_crashed));
    crash.append_child(&message).map_err(js)?;
    shadow.append_with_node_4(&link, &slot, &root, &crash).map_err(js)?;
    if let Some(theme) = &options.theme {
        let _ = host.set_attribute("data-theme", theme);
    }

    // Reveal the widget once it has its stylesheet and, if the host shows a fallback meanwhile,
    // its document.
    let has_fallback = host.child_element_count() > 0
        || host.text_content().is_some_and(|t| !t.trim().is_empty())
        || fallback.is_some();
    // Two conditions, each met once or more (the stylesheet's load or error; a document, its
    // problems or a failure, again after Retry): show when both hold.
    let (styled, ready) = (Rc::new(Cell::new(false)), Rc::new(Cell::new(!has_fallback)));
    let reveal = {
        let (slot, root, styled, ready, fallback) =
            (slot.clone(), root.clone(), styled.clone(), ready.clone(), fallback.clone());
        Rc::new(move || {
            if styled.get() && ready.get() && root.has_attribute("hidden") {
                slot.remove();
                if let Some(fallback) = &fallback {
                    fallback.remove();
                }
                let _ = root.remove_attribute("hidden");
                // A panel open from the start (a deep link) opened unseen: a sheet goes to the top layer now.
                if let Ok(Some(panel)) = root.query_selector(".ae-panel") {
                    super::hooks::lift(&panel, false);
                }
                super::mark("article-explorer:shown");
            }
        })
    };
    let on_stylesheet = {
        let (reveal, styled) = (reveal.clone(), styled.clone());
        move || {
            styled.set(true);
            reveal()
        }
    };
    let on_stylesheet_error = on_stylesheet.clone();
    let listeners = vec![
        EventListener::once(&link, "load", move |_| on_stylesheet()),
        EventListener::once(&link, "error", move |_| on_stylesheet_error()),
    ];

    let n = COUNT.with(|c| c.replace(c.get() + 1));
    let key = options.key.clone().unwrap_or_else(|| {
        if n == 0 {
            super::DEFAULT_KEY.to_owned()
        } else {
            format!("{}-{}", super::DEFAULT_KEY, n + 1)
        }
    });
    let source = match (&options.document, &options.src, options.prefetched.clone()) {
        (Some(json), _, _) => Source::Json(json.as_str().into()),
        (None, Some(src), Some(got)) => match got.as_string() {
            Some(text) => Source::Fetched(src.clone().into(), text.into()),
            None => match got.dyn_into::<js_sys::Promise>() {
                Ok(promise) => Source::Pending(src.clone().into(), super::embed::Handed(promise)),
                Err(_) => Source::Url(src.clone().into()),
            },
        },
        (None, Some(src), None) => Source::Url(src.clone().into()),
        (None, None, _) => Source::Missing,
    };
    let props = EmbedProps {
        source,
        settings: super::Settings {
            lang,
            link_key: key.into(),
            map_src: format!("{}{}", options.base, super::DEFAULT_MAP).into(),
            initial_entity: options.entity.clone().map(Into::into),
        },
        timeout_ms: options.timeout_ms.unwrap_or(super::DEFAULT_TIMEOUT_MS),
        on_ready: yew::Callback::from(move |()| {
            ready.set(true);
            reveal()
        }),
    };
    let app = yew::Renderer::<Embed>::with_root_and_props(root, props).render();
    let _ = host.set_attribute("data-ae-mounted", "");
    MOUNTED.with(|m| m.borrow_mut().push(shadow.clone()));
    Ok(Mounted { app: Some(app), host: host.clone(), shadow, fallback, _listeners: listeners })
}

impl Mounted {
    /// The widget's shadow root (for tests and host scripts that look inside).
    pub fn shadow_root(&self) -> &ShadowRoot {
        &self.shadow
    }

    /// Removes the widget: the host element shows its own content again.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            keep_only(&self.shadow, |_| false);
            let fallback = self.fallback.clone().or_else(|| el("slot").ok());
            if let Some(fallback) = fallback {
                let _ = self.shadow.append_child(&fallback);
            }
            let _ = self.host.remove_attribute("data-ae-mounted");
            MOUNTED.with(|m| m.borrow_mut().retain(|s| s != &self.shadow));
        }
    }
}

/// Mounts every `[data-article-explorer]` element of the page not mounted yet, in document order.
/// A host that cannot be mounted gets a message in the console; the others still mount.
pub fn mount_all(base: &str, prefetched: &js_sys::Map) -> Vec<Mounted> {
    let mut mounted = Vec::new();
    let Ok(list) = gloo::utils::document().query_selector_all("[data-article-explorer]:not([data-ae-mounted])") else {
        return mounted;
    };
    for i in 0..list.length() {
        if let Some(host) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let mut options = Options::from_element(&host, base);
            options.prefetched = Some(prefetched.get(&host)).filter(|v| !v.is_undefined());
            match mount(&host, options) {
                Ok(m) => mounted.push(m),
                Err(e) => web_sys::console::warn_1(&format!("article-explorer: {e}").into()),
            }
        }
    }
    mounted
}

/// On a panic, every widget is replaced by a message, and the panic goes to the console. The host
/// page keeps working; the widgets stay dead (the WebAssembly instance cannot be trusted after it).
/// Debug builds only: a release build's panic is an immediate trap that runs no hook (`embed.js`
/// shows the messages then), so the hook and the panic's formatting would be dead code there.
pub fn install_panic_hook() {
    if !cfg!(debug_assertions) {
        return;
    }
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("article-explorer: {info}").into());
            show_crash_everywhere();
        }));
    });
}

/// Replaces every mounted widget by the message that it stopped (what the panic hook does).
pub fn show_crash_everywhere() {
    MOUNTED.with(|m| {
        let Ok(mounted) = m.try_borrow() else { return };
        for shadow in mounted.iter() {
            show_crash(shadow);
        }
    });
}

/// Shows the crash message made at mount time, removing everything else but the stylesheet
/// (`embed.js` does the same after a trap, without calling into the instance).
fn show_crash(shadow: &ShadowRoot) {
    keep_only(shadow, |child| {
        let crash = child.class_list().contains("ae-crashed");
        if crash {
            let _ = child.set_attribute("role", "alert");
            let _ = child.remove_attribute("hidden");
        }
        crash
    });
}

/// Removes every child of `shadow` but the stylesheets and those `keep` holds.
fn keep_only(shadow: &ShadowRoot, keep: impl Fn(&Element) -> bool) {
    let children = shadow.children();
    for i in (0..children.length()).rev() {
        if let Some(child) = children.item(i).filter(|c| c.tag_name() != "LINK" && !keep(c)) {
            child.remove();
        }
    }
}
