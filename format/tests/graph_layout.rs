//! The seed's graph layout against a checked-in expected picture (`data/seed-graph.txt`): the same
//! document and width must give the same picture on every machine and in every build, not only
//! twice in one process. Run with `UPDATE_GENERATED=1` after changing the layout on purpose, and
//! look at the picture (`node tools/e2e/figure-shots.mjs`).
#![cfg(not(target_arch = "wasm32"))]

use article_format::graph::{layout, Layout, DEFAULT_WIDTH};
use article_format::handoff::Sketch;
use article_format::i18n::Lang;
use article_format::num::fixed;

fn describe(l: &Layout, doc: &Sketch) -> String {
    let f = |v: f64| fixed(v, 1);
    let mut out = format!("{:?} {} x {}\n", l.shape, f(l.width), f(l.height));
    for n in &l.nodes {
        let r = n.rect;
        out.push_str(&format!(
            "node {} {} {} {} {} {:?}\n",
            doc.entities[n.entity].id,
            f(r.x),
            f(r.y),
            f(r.w),
            f(r.h),
            n.lines
        ));
    }
    for e in &l.edges {
        let label = e.label_rect.map(|r| format!("{} {}", f(r.x), f(r.y))).unwrap_or_else(|| "-".to_owned());
        out.push_str(&format!("edge {} {} {} label {}\n", e.relation, e.path(), e.label, label));
    }
    out
}

#[test]
fn the_seeds_graph_is_the_checked_in_picture() {
    let doc = Sketch::of(&article_format::seed::reading());
    let mut generated = String::new();
    for (lang, rtl, width) in [(Lang::Ar, true, DEFAULT_WIDTH), (Lang::En, false, 328.0)] {
        generated.push_str(&format!("# {lang:?} at {width}\n"));
        generated.push_str(&describe(&layout(&doc, lang, rtl, width, None), &doc));
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seed-graph.txt");
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    if checked_in != generated {
        let first = checked_in.lines().zip(generated.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "the seed's graph differs from tests/data/seed-graph.txt from line {}:\n  expected {:?}\n  got      {:?}\n(UPDATE_GENERATED=1 rewrites it after a deliberate change)",
            first + 1,
            checked_in.lines().nth(first),
            generated.lines().nth(first)
        );
    }
}
