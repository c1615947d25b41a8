//! The Yew view: turns [`crate::model`] data into markup and events. This is the only module that
//! imports `yew` or `web_sys`; it decides nothing that the model could decide.

mod article;

use std::rc::Rc;

use yew::prelude::*;

pub use article::{ArticleView, ArticleViewProps};

use crate::model::{Prepared, Problem};

/// Shared, immutable data passed as a prop: compared by pointer, so that handing the same
/// document down again never costs a deep comparison.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

/// Properties of the whole explorer.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The document to show, prepared; or the problems that kept it from loading.
    pub document: Result<Shared<Prepared>, Shared<Vec<Problem>>>,
}

impl AppProps {
    /// Properties for a document given as JSON: validated and prepared, or its problems.
    pub fn from_json(json: &str) -> Self {
        Self { document: crate::model::load(json).map(|d| Shared::new(Prepared::new(d))).map_err(Shared::new) }
    }
}

impl Default for AppProps {
    /// The seed document.
    fn default() -> Self {
        Self::from_json(crate::seed::SEED_JSON)
    }
}

/// The whole explorer: the article, and (in later versions) its panels and map.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    match &props.document {
        Ok(prepared) => html! {
            <div class="ae-root">
                <ArticleView document={prepared.clone()} />
            </div>
        },
        Err(problems) => html! {
            <div class="ae-root">
                <ProblemList problems={problems.clone()} />
            </div>
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct ProblemListProps {
    pub problems: Shared<Vec<Problem>>,
}

/// What is wrong with a document that could not be shown, first problems first.
#[function_component(ProblemList)]
pub fn problem_list(props: &ProblemListProps) -> Html {
    const SHOWN: usize = 20;
    let more = props.problems.len().saturating_sub(SHOWN);
    html! {
        <div class="ae-problems" role="alert" lang="en" dir="ltr">
            <p><strong>{ "This article document could not be shown." }</strong></p>
            <ul>
                { for props.problems.iter().take(SHOWN).map(|p| html! {
                    <li><code>{ if p.path.is_empty() { "(document)".to_owned() } else { p.path.clone() } }</code>{ ": " }{ p.message.clone() }</li>
                }) }
            </ul>
            if more > 0 { <p>{ format!("and {more} more") }</p> }
        </div>
    }
}
