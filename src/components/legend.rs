//! The legend: names the entity kinds of the article with their colours, and doubles as a filter
//! (show or hide a kind; all highlights off for plain reading). Also holds the language switch.

use std::collections::BTreeSet;

use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::EntityKind;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// The kinds the article mentions, in the legend's order.
    pub kinds: Vec<EntityKind>,
    pub hidden: BTreeSet<EntityKind>,
    pub plain: bool,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
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
