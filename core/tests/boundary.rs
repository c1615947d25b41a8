//! The crate boundary, checked by Cargo itself: `article-core` depends (directly or not, on any
//! target) on nothing of the browser, so the publisher and the native tools never carry the view,
//! and the core cannot grow a DOM call. `cargo tree` resolves the real dependency graph.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn the_core_depends_on_nothing_of_the_browser() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["tree", "-p", "article-core", "-e", "normal", "--prefix", "none", "--target", "all", "--manifest-path"])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml"))
        .output()
        .expect("cargo tree runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tree = String::from_utf8(out.stdout).unwrap();
    let reached: Vec<&str> = tree.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert!(
        reached.contains(&"serde") && reached.contains(&"aho-corasick"),
        "the tree lists the core's dependencies: {reached:?}"
    );
    for forbidden in ["yew", "web-sys", "wasm-bindgen", "js-sys", "gloo", "gloo-utils", "wasm-bindgen-futures"] {
        assert!(!reached.contains(&forbidden), "article-core depends on {forbidden}");
    }
}
