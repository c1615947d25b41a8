//! The legend: names the entity kinds of the article with their colours, and doubles as a filter
//! (show or hide a kind; all highlights off for plain reading). Also holds the language switch.

use std::collections::BTreeSet;

use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::EntityKind;
use crate::state::Action;

/// What the legend shows.
pub struct LegendProps<'a> {
    /// The kinds the article mentions, in the legend's order.
    pub kinds: &'a [EntityKind],
    pub hidden: &'a BTreeSet<EntityKind>,
    pub plain: bool,
    pub lang: Lang,
    pub on_action: &'a Callback<Action>,
}

/// The toolbar. A function, not a component: it has no state of its own, and every component type
/// costs the reader's wasm its lifecycle (about 0.5 KB brotli each).
pub fn legend(props: LegendProps<'_>) -> Html {
    let t = props.lang.strings();
    let emit = |a: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(a.clone()))
    };
    let kinds = props.kinds.iter().map(|&kind| {
        let shown = !props.hidden.contains(&kind) && !props.plain;
        html! {
            <li>
                <button type="button" class={classes!("ae-legend-kind", format!("ae-k-{}", kind.slug()))}
                    aria-pressed={shown.to_string()} disabled={props.plain} onclick={emit(Action::ToggleKind(kind))}>
                    <span class="ae-swatch" aria-hidden="true"></span>{ props.lang.kinds(kind) }
                </button>
            </li>
        }
    });
    let other = props.lang.other();
    html! {
        <div class="ae-toolbar">
            <ul class="ae-legend" aria-label={t.legend}>{ for kinds }</ul>
            <div class="ae-toolbar-end">
                <button type="button" class="ae-toggle" aria-pressed={(!props.plain).to_string()} onclick={emit(Action::TogglePlain)}>
                    { t.highlights }
                </button>
                <button type="button" class="ae-lang" lang={other.code()} onclick={emit(Action::SetLang(other))}>
                    { t.switch_language }
                </button>
            </div>
        </div>
    }
}
