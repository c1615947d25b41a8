//! The article as written: headline, sub-headings and paragraphs, in the article's own language
//! and direction. Text is rendered as text nodes, never as HTML.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Article, BlockKind};

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub article: Rc<Article>,
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let article = &props.article;
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
