//! The standalone demo: mounts the explorer into the page's `#app` element.

fn main() {
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .expect("index.html has an element with id=\"app\"");
    // The demo page lives as long as the app: keep it mounted for good.
    std::mem::forget(article_explorer::mount(root));
}
