//! The layers, checked by Cargo itself: `cargo tree` resolves the real dependency graph.
//!
//! - The format layer (`article-format`) depends on nothing of the browser and on nothing of the
//!   authoring layer: a reader's code cannot grow a DOM call in the pure core, nor reach the
//!   validator, the matcher or the studio.
//! - The authoring layer (`article-authoring`) depends on nothing of the browser: the publisher
//!   module and the native tools never carry the view.
//! - The reader (`article-explorer`) and the figures module (`article-figures`), built for the
//!   browser, reach no authoring crate at all: what keeps the authoring code out of every
//!   reader's download is the dependency graph, not the linker.
#![cfg(not(target_arch = "wasm32"))]

const BROWSER: [&str; 7] = ["yew", "web-sys", "wasm-bindgen", "js-sys", "gloo", "gloo-utils", "wasm-bindgen-futures"];
const AUTHORING: [&str; 1] = ["article-authoring"];

/// The packages `package` depends on, directly or not, through normal dependencies for `target`.
fn reached(package: &str, target: &str) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["tree", "-p", package, "-e", "normal", "--prefix", "none", "--target", target, "--manifest-path"])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml"))
        .output()
        .expect("cargo tree runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tree = String::from_utf8(out.stdout).unwrap();
    let reached: Vec<String> = tree.lines().filter_map(|l| l.split_whitespace().next()).map(str::to_owned).collect();
    assert!(reached.iter().any(|p| p == "serde"), "the tree lists {package}'s dependencies: {reached:?}");
    reached
}

#[track_caller]
fn check(package: &str, target: &str, forbidden: &[&str]) {
    let reached = reached(package, target);
    for f in forbidden {
        assert!(!reached.iter().any(|p| p == f), "{package} depends on {f} (target {target})");
    }
}

#[test]
fn the_format_layer_depends_on_nothing_of_the_browser_nor_of_authoring() {
    check("article-format", "all", &BROWSER);
    check("article-format", "all", &AUTHORING);
}

#[test]
fn the_authoring_layer_depends_on_nothing_of_the_browser() {
    check("article-authoring", "all", &BROWSER);
    assert!(reached("article-authoring", "all").iter().any(|p| p == "article-format"), "it builds on the format layer");
}

#[test]
fn the_reader_and_the_figures_reach_no_authoring_crate_in_the_browser() {
    for package in ["article-explorer", "article-figures"] {
        check(package, "wasm32-unknown-unknown", &AUTHORING);
        // Nor what only the authoring layer needs: the matcher and serde's derived readers.
        check(package, "wasm32-unknown-unknown", &["aho-corasick"]);
    }
}
