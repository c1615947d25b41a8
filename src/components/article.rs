//! The article as written: headline, sub-headings and paragraphs, in the article's own language
//! and direction. Text is rendered as text nodes, never as HTML.

use yew::prelude::*;

use super::Shared;
use crate::model::{BlockKind, Prepared};

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub document: Shared<Prepared>,
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let article = &props.document.doc.article;
    let blocks = article.blocks.iter().enumerate().map(|(i, block)| {
        let text = block.text.clone();
        match block.kind {
            BlockKind::Heading => html! { <h2 key={i} class="ae-subheading">{ text }</h2> },
            BlockKind::Paragraph => html! { <p key={i} class="ae-paragraph">{ text }</p> },
        }
    });
    html! {
        <article class="ae-article" dir={article.direction.as_str()} lang={article.language.clone()}>
            <h1 class="ae-headline">{ article.headline.clone() }</h1>
            <div class="ae-body">{ for blocks }</div>
        </article>
    }
}
