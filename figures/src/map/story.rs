//! The story on the map: its controls and list of steps, the current step marked and the later
//! ones faded, the view fitted to each step, and playing.

use article_format::handoff::Sketch;
use article_format::i18n::{FigureStrings, Lang};
use article_format::map::{extent, Feature, View};
use article_format::timeline::Step;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use super::{append, button, html_el, Inner, STEP_MS};
use crate::set_class;

impl Inner {
    pub(super) fn step_name(doc: &Sketch, lang: Lang, layers: &[Feature], step: &Step) -> String {
        match step.event.map(|e| &doc.events[e]) {
            Some(ev) => format!("{}: {}", lang.pick(&ev.when), lang.pick(&ev.label)),
            None => step.features.iter().map(|&f| lang.pick(&layers[f].label)).collect::<Vec<_>>().join(lang.comma()),
        }
    }
    pub(super) fn build_story(
        document: &Document,
        doc: &Sketch,
        lang: Lang,
        t: &FigureStrings,
        layers: &[Feature],
        steps: &[Step],
    ) -> (Option<Element>, Element, Option<Element>, Vec<Element>) {
        let now = html_el(document, "p", "ae-story-now", None);
        if steps.is_empty() {
            return (None, now, None, Vec::new());
        }
        let section = html_el(document, "section", "ae-story", None);
        let _ = section.set_attribute("aria-labelledby", "ae-story-title");
        let title = html_el(document, "h3", "", Some(t.story));
        let _ = title.set_attribute("id", "ae-story-title");
        let controls = html_el(document, "div", "ae-story-controls", None);
        let play = button(document, t.story_play, &[("data-ae-story", "play"), ("aria-pressed", "false")]);
        append(
            &controls,
            &[
                &button(document, t.story_previous, &[("data-ae-story", "previous")]),
                &play,
                &button(document, t.story_next, &[("data-ae-story", "next")]),
            ],
        );
        let _ = now.set_attribute("aria-live", "polite");
        let list = html_el(
            document,
            "ol",
            if steps.len() > crate::MANY { "ae-story-steps ae-many" } else { "ae-story-steps" },
            None,
        );
        let mut buttons = Vec::new();
        for (k, step) in steps.iter().enumerate() {
            let li = html_el(document, "li", "", None);
            if let Some(e) = step.event {
                let _ = li.set_attribute("data-event", &doc.events[e].id);
            }
            let b =
                button(document, &Self::step_name(doc, lang, layers, step), &[("data-ae-step", &(k + 1).to_string())]);
            append(&li, &[&b]);
            append(&list, &[&li]);
            buttons.push(b);
        }
        append(&section, &[&title, &controls, &now, &list]);
        (Some(section), now, Some(play), buttons)
    }
    /// Shows step `k` of the story (0: the overview): its features marked, later ones faded, the
    /// view fitted to it, its sentence shown.
    /// Step `k`'s features marked, later ones faded (0: nothing), and its button current.
    pub(super) fn mark(&self, k: usize) {
        let drawn = self.drawn.borrow();
        for (s, step) in self.steps.borrow().iter().enumerate() {
            let state = match s + 1 {
                _ if k == 0 => None,
                s if s == k => Some("now"),
                s if s > k => Some("later"),
                _ => None,
            };
            for g in step.features.iter().filter_map(|&f| drawn.get(f)).map(|d| &d.g) {
                let _ = match state {
                    Some(v) => g.set_attribute("data-ae-step", v),
                    None => g.remove_attribute("data-ae-step"),
                };
            }
        }
        for (s, b) in self.step_buttons.iter().enumerate() {
            let _ =
                if s + 1 == k { b.set_attribute("aria-current", "step") } else { b.remove_attribute("aria-current") };
        }
    }
    pub(super) fn go(&self, k: usize) {
        self.at.set(k);
        self.mark(k);
        let t = self.lang.figure_strings();
        let Some(document) = self.body.owner_document() else { return };
        let steps = self.steps.borrow();
        let Some(step) = k.checked_sub(1).and_then(|i| steps.get(i)) else {
            self.now.set_text_content(Some(t.story_overview));
            self.set_view(self.home.get());
            return;
        };
        let count = t.story_step.replace("{i}", &k.to_string()).replace("{n}", &steps.len().to_string());
        let strong = html_el(&document, "strong", "", Some(&count));
        let layers = self.layers.borrow();
        let name = html_el(&document, "span", "", Some(&Self::step_name(&self.doc, self.lang, &layers, step)));
        let list = js_sys::Array::of2(&strong, &name);
        if let Some((e, sentence)) = step.event.and_then(|e| Some((e, self.doc.events[e].sentence.as_deref()?))) {
            // The article's words, in its language and direction.
            let q = html_el(&document, "q", "", Some(sentence));
            let _ = q.set_attribute("lang", &self.doc.language);
            let _ = q.set_attribute("dir", self.doc.direction.as_str());
            list.push(&q);
            list.push(&button(
                &document,
                t.timeline_in_text,
                &[("data-ae-evidence", &e.to_string()), ("class", "ae-link")],
            ));
        }
        self.now.replace_children_with_node(&list);
        let fit = extent(step.features.iter().filter_map(|&f| layers.get(f)));
        drop(layers);
        if let Some(b) = fit {
            self.set_view(View::fit(b, self.size, 2.5));
        }
    }
    pub(super) fn toggle_play(&self) {
        if self.timer.get().is_some() {
            self.stop();
            return;
        }
        if self.at.get() >= self.steps.borrow().len() {
            self.go(0);
        }
        self.advance();
        let Some(window) = web_sys::window() else { return };
        if let Some(tick) = self.tick.borrow().as_ref() {
            self.timer.set(
                window
                    .set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), STEP_MS)
                    .ok(),
            );
        }
        self.show_playing(true);
    }
    /// The next step while playing; the end stops it.
    pub(super) fn advance(&self) {
        let next = self.at.get() + 1;
        let count = self.steps.borrow().len();
        if next > count {
            self.stop();
            return;
        }
        self.go(next);
        if next == count {
            self.stop();
        }
    }
    pub(super) fn stop(&self) {
        if let Some(id) = self.timer.take() {
            if let Some(w) = web_sys::window() {
                w.clear_interval_with_handle(id);
            }
        }
        self.show_playing(false);
    }
    pub(super) fn show_playing(&self, on: bool) {
        let t = self.lang.figure_strings();
        if let Some(play) = &self.play {
            let _ = play.set_attribute("aria-pressed", if on { "true" } else { "false" });
            play.set_text_content(Some(if on { t.story_pause } else { t.story_play }));
        }
        set_class(&self.body, "ae-playing", on);
    }
}
