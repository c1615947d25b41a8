//! What the reader has selected, as a pure reducer: actions in, state out. Side effects (the URL,
//! focus, scrolling) live in the components' effects, never here.

use std::collections::BTreeSet;

use crate::i18n::Lang;
use crate::model::EntityKind;

/// The reader's state. Entities are indices into the document's entity list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReaderState {
    /// The entity whose panel is open.
    pub open: Option<usize>,
    /// Panels opened before the current one, through relation links: what Back returns to.
    pub history: Vec<usize>,
    /// Which of the open entity's mentions the previous/next buttons are at.
    pub cursor: Option<usize>,
    /// Kinds whose highlights are hidden by the legend filter.
    pub hidden: BTreeSet<EntityKind>,
    /// All highlights off, for plain reading.
    pub plain: bool,
    pub lang: Lang,
}

/// What the reader can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open an entity's panel from the text, a map or the graph: a fresh start, no Back.
    Open {
        entity: usize,
        mention: Option<usize>,
    },
    /// Follow a link inside the panel to another entity: Back returns to the current one.
    Follow(usize),
    Back,
    Close,
    /// Move to the previous (-1) or next (+1) mention of the open entity, wrapping around.
    Step {
        by: isize,
        count: usize,
    },
    ToggleKind(EntityKind),
    TogglePlain,
    SetLang(Lang),
}

impl ReaderState {
    pub fn reduce(&self, action: Action) -> ReaderState {
        let mut s = self.clone();
        match action {
            Action::Open { entity, mention } => {
                s.open = Some(entity);
                s.history.clear();
                s.cursor = mention;
            }
            Action::Follow(entity) => {
                if s.open != Some(entity) {
                    if let Some(current) = s.open {
                        s.history.push(current);
                    }
                    s.open = Some(entity);
                    s.cursor = None;
                }
            }
            Action::Back => {
                if let Some(previous) = s.history.pop() {
                    s.open = Some(previous);
                    s.cursor = None;
                }
            }
            Action::Close => {
                s.open = None;
                s.history.clear();
                s.cursor = None;
            }
            Action::Step { by, count } => {
                if count > 0 && s.open.is_some() {
                    let at = match s.cursor {
                        Some(c) => (c as isize + by).rem_euclid(count as isize) as usize,
                        None if by < 0 => count - 1,
                        None => 0,
                    };
                    s.cursor = Some(at);
                }
            }
            Action::ToggleKind(kind) => {
                if !s.hidden.remove(&kind) {
                    s.hidden.insert(kind);
                }
            }
            Action::TogglePlain => s.plain = !s.plain,
            Action::SetLang(lang) => s.lang = lang,
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(actions: impl IntoIterator<Item = Action>) -> ReaderState {
        actions.into_iter().fold(ReaderState::default(), |s, a| s.reduce(a))
    }

    #[test]
    fn following_links_builds_a_history_that_back_unwinds() {
        let s = run([Action::Open { entity: 1, mention: Some(0) }, Action::Follow(2), Action::Follow(3)]);
        assert_eq!((s.open, s.history.clone()), (Some(3), vec![1, 2]));
        let s = s.reduce(Action::Back);
        assert_eq!((s.open, s.history.clone()), (Some(2), vec![1]));
        let s = s.reduce(Action::Back).reduce(Action::Back);
        assert_eq!((s.open, s.history.len()), (Some(1), 0));
    }

    #[test]
    fn opening_from_the_text_starts_afresh_and_close_forgets() {
        let s = run([
            Action::Open { entity: 1, mention: None },
            Action::Follow(2),
            Action::Open { entity: 5, mention: Some(2) },
        ]);
        assert_eq!((s.open, s.history.len(), s.cursor), (Some(5), 0, Some(2)));
        let s = s.reduce(Action::Close);
        assert_eq!((s.open, s.history.len(), s.cursor), (None, 0, None));
    }

    #[test]
    fn following_the_open_entity_is_a_no_op() {
        let s = run([Action::Open { entity: 1, mention: None }, Action::Follow(1)]);
        assert!(s.history.is_empty());
    }

    #[test]
    fn stepping_wraps_around() {
        let s = run([Action::Open { entity: 1, mention: None }, Action::Step { by: -1, count: 3 }]);
        assert_eq!(s.cursor, Some(2));
        let s = s.reduce(Action::Step { by: 1, count: 3 });
        assert_eq!(s.cursor, Some(0));
        let s = ReaderState::default().reduce(Action::Step { by: 1, count: 3 });
        assert_eq!(s.cursor, None, "nothing to step through with no panel open");
    }

    #[test]
    fn filters_toggle() {
        let s = run([
            Action::ToggleKind(EntityKind::Person),
            Action::ToggleKind(EntityKind::City),
            Action::ToggleKind(EntityKind::Person),
        ]);
        assert_eq!(s.hidden.iter().copied().collect::<Vec<_>>(), [EntityKind::City]);
        assert!(s.reduce(Action::TogglePlain).plain);
    }
}
