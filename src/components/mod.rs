//! The Yew view: turns [`crate::model`] data into markup and events. This is the only module that
//! imports `yew` or `web_sys`; it decides nothing that the model could decide.

mod article;

use std::rc::Rc;

use yew::prelude::*;

pub use article::{ArticleView, ArticleViewProps};

use crate::model::Article;

/// Properties of the whole explorer.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The article to show; the seed article when not given.
    #[prop_or_else(|| Rc::new(crate::seed::article()))]
    pub article: Rc<Article>,
}

impl Default for AppProps {
    fn default() -> Self {
        Self { article: Rc::new(crate::seed::article()) }
    }
}

/// The whole explorer: the article, and (in later versions) its panels and map.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    html! {
        <div class="ae-root">
            <ArticleView article={props.article.clone()} />
        </div>
    }
}
