//! The standalone demo: mounts the explorer into the page's `#app` element, showing the seed
//! document, or the document at `?doc=URL` (a newsroom trying its own article; the benchmark's
//! long article).

use article_explorer::model::Problem;
use article_explorer::{fetch_text, mount, mount_with, AppProps};

fn main() {
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .expect("index.html has an element with id=\"app\"");
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let doc = article_explorer::link::get(search.trim_start_matches('?'), "doc");
    // The demo page lives as long as the app: keep it mounted for good.
    match doc {
        None => std::mem::forget(mount(root)),
        Some(url) => wasm_bindgen_futures::spawn_local(async move {
            let props = match fetch_text(&url).await {
                Ok(json) => AppProps::from_json(&json),
                Err(e) => AppProps {
                    document: Err(article_explorer::components::Shared::new(vec![Problem {
                        path: String::new(),
                        message: format!("could not load the document {url}: {e}"),
                    }])),
                    ..AppProps::default()
                },
            };
            std::mem::forget(mount_with(root, props));
        }),
    }
}
