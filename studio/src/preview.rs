//! The preview beside the editor: the reader itself, mounted as an embed is (its shadow root,
//! its stylesheet, the figures), on the published document; while the document has errors, on
//! the last state that had none, said so.

use yew::prelude::*;

use crate::strings::S;
use crate::Model;
use article_format::i18n::Lang;

pub fn preview(model: &UseReducerHandle<Model>, t: &S) -> Html {
    let stale = model.checked.published.is_none();
    match &model.last_good {
        Some(json) => html! {
            <>
                if stale { <p class="st-stale" data-st="preview-stale" role="note">{ t.preview_stale }</p> }
                <Preview json={AttrValue::from(json.to_string())} lang={model.lang} />
            </>
        },
        None => html! { <p data-st="preview-none">{ t.preview_none }</p> },
    }
}

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub json: AttrValue,
    pub lang: Lang,
}

/// The reader itself, mounted again when the document changes.
#[function_component(Preview)]
pub fn preview_widget(props: &PreviewProps) -> Html {
    let host = use_node_ref();
    let mounted = use_mut_ref(|| None::<article_explorer::components::host::Mounted>);
    {
        let (host, mounted) = (host.clone(), mounted.clone());
        use_effect_with((props.json.clone(), props.lang), move |(json, lang)| {
            if let Some(mut m) = mounted.borrow_mut().take() {
                m.unmount();
            }
            if let Some(el) = host.cast::<web_sys::Element>() {
                let options = article_explorer::components::host::Options {
                    document: Some(json.to_string()),
                    lang: Some(*lang),
                    key: Some("preview".to_owned()),
                    ..Default::default()
                };
                *mounted.borrow_mut() = article_explorer::components::host::mount(&el, options).ok();
            }
            let mounted = mounted.clone();
            move || {
                if let Some(mut m) = mounted.borrow_mut().take() {
                    m.unmount();
                }
            }
        });
    }
    html! { <div class="st-preview-frame" data-st="preview" ref={host}></div> }
}
