//! The timeline: the document's events in time order as a list (`<ol>`), each with the article's
//! own time expression and, where the document dates it, the date written out; its label, a
//! toggle that selects it (its entities are then lit in the article, the graph and the map); its
//! entities (each opens its panel); and its sentence in the article (scrolled to and marked). An
//! entity opened anywhere lights the events that name it. Every element carries
//! `data-event="<timeline id>"`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use article_format::handoff::{Pick, Sketch};
use article_format::i18n::Lang;
use article_format::timeline::{date_text, events_of, ordered};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

struct Inner {
    frame: Element,
    doc: Rc<Sketch>,
    on_pick: Rc<dyn Fn(Pick)>,
    selected: Cell<Option<usize>>,
    /// (event index, its list item, its toggle)
    items: RefCell<Vec<(usize, Element, Element)>>,
}

pub struct Timeline {
    inner: Rc<Inner>,
    click: Closure<dyn Fn(web_sys::Event)>,
}

fn element(document: &Document, name: &str, class: &str) -> Element {
    let e = document.create_element(name).expect("an element");
    if !class.is_empty() {
        e.set_class_name(class);
    }
    e
}

fn button(document: &Document, class: &str, text: &str, data: (&str, &str)) -> Element {
    let b = element(document, "button", class);
    let _ = b.set_attribute("type", "button");
    let _ = b.set_attribute(data.0, data.1);
    b.set_text_content(Some(text));
    b
}

impl Timeline {
    pub fn new(frame: Element, doc: Rc<Sketch>, lang: Lang, on_pick: Rc<dyn Fn(Pick)>) -> Timeline {
        let inner = Rc::new(Inner { frame, doc, on_pick, selected: Cell::new(None), items: RefCell::new(Vec::new()) });
        inner.build(lang);
        let click = {
            let inner = inner.clone();
            Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| inner.click(&e))
        };
        let _ = inner.frame.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
        Timeline { inner, click }
    }

    /// Lights the events that name `open`.
    pub fn set_open(&self, open: Option<usize>) {
        let near: Vec<usize> = open.map(|e| events_of(&self.inner.doc, e).collect()).unwrap_or_default();
        for (i, li, _) in self.inner.items.borrow().iter() {
            let _ = li.class_list().toggle_with_force("ae-near", near.contains(i));
        }
    }
}

impl Drop for Timeline {
    fn drop(&mut self) {
        let _ = self.inner.frame.remove_event_listener_with_callback("click", self.click.as_ref().unchecked_ref());
        self.inner.light(None);
    }
}

impl Inner {
    fn build(&self, lang: Lang) {
        let Some(document) = self.frame.owner_document() else { return };
        let doc = &self.doc;
        if doc.events.is_empty() {
            return;
        }
        let t = lang.figure_strings();
        let section = element(&document, "section", "ae-timeline");
        let _ = section.set_attribute("aria-labelledby", "ae-timeline-title");
        let title = element(&document, "h2", "");
        let _ = title.set_attribute("id", "ae-timeline-title");
        title.set_text_content(Some(t.timeline));
        let _ = section.append_child(&title);
        let list = element(
            &document,
            "ol",
            if doc.events.len() > crate::MANY { "ae-timeline-list ae-many" } else { "ae-timeline-list" },
        );
        let mut items = Vec::new();
        for i in ordered(doc) {
            let event = &doc.events[i];
            let li = element(&document, "li", "ae-event");
            let _ = li.set_attribute("data-event", &event.id);
            let when = element(&document, "p", "ae-event-when");
            // The article's own words for the time, in the article's language and direction.
            let said = element(&document, "span", "");
            said.set_text_content(Some(lang.pick(&event.when)));
            let _ = when.append_child(&said);
            if let Some(text) = event.date.as_deref().and_then(|d| Some((d, date_text(d, lang)?))) {
                let time = element(&document, "time", "");
                let _ = time.set_attribute("datetime", text.0);
                time.set_text_content(Some(&text.1));
                let _ = when.append_child(&time);
            }
            let _ = li.append_child(&when);
            let toggle =
                button(&document, "ae-event-select", lang.pick(&event.label), ("data-ae-select", &i.to_string()));
            let _ = toggle.set_attribute("aria-pressed", "false");
            let _ = li.append_child(&toggle);
            let links = element(&document, "p", "ae-event-links");
            for &e in &event.entities {
                let entity = &doc.entities[e];
                let b = button(
                    &document,
                    &format!("ae-link ae-k-{}", entity.kind.slug()),
                    lang.pick(&entity.name),
                    ("data-ae-entity", &e.to_string()),
                );
                let _ = links.append_child(&b);
            }
            if event.sentence.is_some() {
                let _ = links.append_child(&button(
                    &document,
                    "ae-event-evidence",
                    t.timeline_in_text,
                    ("data-ae-event", &i.to_string()),
                ));
            }
            let _ = li.append_child(&links);
            let _ = list.append_child(&li);
            items.push((i, li, toggle));
        }
        let _ = section.append_child(&list);
        self.frame.replace_children_with_node_1(&section);
        *self.items.borrow_mut() = items;
    }

    fn click(&self, e: &web_sys::Event) {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        let index = |attr: &str| -> Option<usize> {
            target.closest(&format!("[{attr}]")).ok()??.get_attribute(attr)?.parse().ok()
        };
        if let Some(entity) = index("data-ae-entity") {
            (self.on_pick)(Pick::Entity(entity));
        } else if let Some(event) = index("data-ae-event") {
            (self.on_pick)(Pick::Evidence(event));
        } else if let Some(event) = index("data-ae-select") {
            let now = if self.selected.get() == Some(event) { None } else { Some(event) };
            self.selected.set(now);
            for (i, li, toggle) in self.items.borrow().iter() {
                let on = now == Some(*i);
                let _ = toggle.set_attribute("aria-pressed", if on { "true" } else { "false" });
                let _ = li.class_list().toggle_with_force("ae-current", on);
            }
            self.light(now);
        }
    }

    /// The selected event's entities lit in the whole widget: the article's marks, the graph's
    /// nodes, the map's features (`ae-lit`); None: nothing lit.
    fn light(&self, event: Option<usize>) {
        let Ok(Some(root)) = self.frame.closest(".ae-root") else { return };
        let entities: Vec<&str> = event
            .and_then(|i| self.doc.events.get(i))
            .map(|ev| ev.entities.iter().map(|&e| self.doc.entities[e].id.as_str()).collect())
            .unwrap_or_default();
        let Ok(list) = root.query_selector_all("[data-entity]") else { return };
        for k in 0..list.length() {
            if let Some(el) = list.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
                let on = el.get_attribute("data-entity").is_some_and(|id| entities.contains(&id.as_str()));
                // Panels and the table carry data-entity too: only the article, the graph and the map light.
                let lit = on && el.closest(".ae-article, .ae-graph, .ae-map").ok().flatten().is_some();
                let _ = el.class_list().toggle_with_force("ae-lit", lit);
            }
        }
    }
}
