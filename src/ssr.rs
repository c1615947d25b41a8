//! The article pre-rendered by the build, with the reader's own [`ArticleView`] through Yew's
//! server-side renderer (the `ssr` feature, used only by `cargo xtask finish`): one renderer, so
//! that the static marks carry the same classes and data attributes as the live ones. Rendered
//! without interactivity: no role or tab stop promises an action that needs JavaScript.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{ArticleView, Shared};
use crate::i18n::Lang;
use article_format::reading::Reading;

#[derive(Properties, PartialEq)]
struct StaticProps {
    json: String,
    lang: Lang,
}

#[function_component(StaticArticle)]
fn static_article(props: &StaticProps) -> Html {
    match Reading::from_json(&props.json) {
        // In the widget's layout, so that the article is as wide, and where, the live one will be.
        Ok(reading) => html! {
            <div class="ae-root ae-prerendered" lang={props.lang.code()} dir={props.lang.dir()}>
                <div class="ae-layout">
                    <ArticleView document={Shared(Rc::new(reading))} interactive={false} />
                </div>
            </div>
        },
        Err(_) => html! {},
    }
}

/// The article of a published document as static HTML, inside an `.ae-root` (in the UI's language
/// `lang`, as the widget's will be) and an `.ae-layout` like the widget's; empty for a document that
/// does not read. Every string is escaped by Yew.
pub async fn article_html(json: String, lang: Lang) -> String {
    yew::ServerRenderer::<StaticArticle>::with_props(move || StaticProps { json, lang })
        .hydratable(false)
        .render()
        .await
}
