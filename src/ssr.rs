//! The article pre-rendered by the build, with the reader's own [`ArticleView`] through Yew's
//! server-side renderer (the `ssr` feature, used only by `cargo xtask finish`): one renderer, so
//! that the static marks carry the same classes and data attributes as the live ones. Rendered
//! without interactivity: no role or tab stop promises an action that needs JavaScript.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{ArticleView, Shared};
use article_format::reading::Reading;

#[derive(Properties, PartialEq)]
struct StaticProps {
    json: String,
}

#[function_component(StaticArticle)]
fn static_article(props: &StaticProps) -> Html {
    match Reading::from_json(&props.json) {
        Ok(reading) => html! {
            <div class="ae-root ae-prerendered">
                <ArticleView document={Shared(Rc::new(reading))} interactive={false} />
            </div>
        },
        Err(_) => html! {},
    }
}

/// The article of a published document as static HTML, inside an `.ae-root` like the widget's;
/// empty for a document that does not read. Every string is escaped by Yew.
pub async fn article_html(json: String) -> String {
    yew::ServerRenderer::<StaticArticle>::with_props(move || StaticProps { json }).hydratable(false).render().await
}
