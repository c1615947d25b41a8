//! Where a wasm module's bytes go, from its name section: code size per function, grouped by the
//! crate each function comes from (like `twiggy top`, summed by crate). The module is the
//! compiler's output put through wasm-bindgen and `wasm-opt -Oz --converge` as the build does, but with
//! `-g` so that the names stay: the figures are the shipped code's, uncompressed. With
//! `AE_RETAINERS_CRATE=yew` (any crate name) the report also lists that crate's largest functions.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

/// `raw` (the compiler's output) through wasm-bindgen and `wasm-opt -Oz --converge -g`, in `target/size/`;
/// None when the module or the tools are missing.
pub fn optimised_with_names(raw: &Path) -> Option<Vec<u8>> {
    let out = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/size"));
    std::fs::create_dir_all(out).ok()?;
    let stem = raw.file_stem()?.to_str()?;
    let ok = |c: &mut Command| c.output().ok().is_some_and(|o| o.status.success());
    if !raw.exists()
        || !ok(Command::new("wasm-bindgen").args(["--target", "web", "--no-typescript", "--out-dir"]).arg(out).arg(raw))
    {
        return None;
    }
    let bound = out.join(format!("{stem}_bg.wasm"));
    let opt = out.join(format!("{stem}_bg.opt.wasm"));
    if !ok(Command::new("wasm-opt").args(["-Oz", "--converge", "-g"]).arg(&bound).arg("-o").arg(&opt)) {
        return None;
    }
    std::fs::read(opt).ok()
}

/// (crate, bytes) sorted by size, and the top functions (name, bytes).
pub struct Retainers {
    pub total: u64,
    /// Every function, largest first.
    pub all: Vec<(String, u64)>,
    pub by_crate: Vec<(String, u64)>,
    pub top: Vec<(String, u64)>,
    pub data: u64,
}

/// The crate a demangled function name belongs to: `yew::html::…` → `yew`;
/// `<article_core::x::Y as serde::de::Deserialize>::deserialize` → `article_core`.
pub fn crate_of(name: &str) -> String {
    let name = name.trim_start_matches(['<', '&', '*', '(']).trim_start_matches("mut ").trim_start_matches("dyn ");
    let end = name.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(name.len());
    let krate = &name[..end];
    // v0 mangling names the crate with its hash: `yew[c1c82f9b0dce5234]::…`.
    let rest = &name[end..];
    let rest = match rest.strip_prefix('[') {
        Some(r) => r.find(']').map_or(rest, |i| &r[i + 1..]),
        None => rest,
    };
    if krate.is_empty() || !rest.starts_with("::") {
        return "(other)".to_owned();
    }
    krate.to_owned()
}

pub fn analyse(wasm: &[u8]) -> Result<Retainers, String> {
    let mut imported = 0u32;
    let mut bodies: Vec<u64> = Vec::new();
    let mut names: HashMap<u32, String> = HashMap::new();
    let mut data = 0u64;
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        match payload.map_err(|e| e.to_string())? {
            wasmparser::Payload::ImportSection(reader) => {
                for import in reader {
                    if matches!(import.map_err(|e| e.to_string())?.ty, wasmparser::TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            wasmparser::Payload::CodeSectionEntry(body) => bodies.push(body.range().len() as u64),
            wasmparser::Payload::DataSection(reader) => data += reader.range().len() as u64,
            wasmparser::Payload::CustomSection(section) => {
                if let wasmparser::KnownCustom::Name(reader) = section.as_known() {
                    for sub in reader {
                        if let Ok(wasmparser::Name::Function(map)) = sub {
                            for naming in map.into_iter().flatten() {
                                names.insert(naming.index, rustc_demangle::demangle(naming.name).to_string());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if names.is_empty() {
        return Err("the module has no name section".to_owned());
    }
    let mut by_crate: HashMap<String, u64> = HashMap::new();
    let mut top = Vec::new();
    for (i, &size) in bodies.iter().enumerate() {
        let name = names.get(&(imported + i as u32)).cloned().unwrap_or_else(|| format!("function {i}"));
        *by_crate.entry(crate_of(&name)).or_default() += size;
        top.push((name, size));
    }
    let mut by_crate: Vec<(String, u64)> = by_crate.into_iter().collect();
    by_crate.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let all = top.clone();
    top.truncate(15);
    Ok(Retainers { total: bodies.iter().sum(), all, by_crate, top, data })
}

/// Prints the retainers of one module.
pub fn print(title: &str, wasm: &[u8]) {
    match analyse(wasm) {
        Err(e) => println!("\n{title}: no retainers ({e})"),
        Ok(r) => {
            println!(
                "\n{title}: code {} KB, data {} KB (after wasm-opt, uncompressed), by crate:",
                r.total / 1024,
                r.data / 1024
            );
            for (krate, bytes) in r.by_crate.iter().take(14) {
                println!(
                    "  {:>6.1} KB {:>5.1}%  {krate}",
                    *bytes as f64 / 1024.0,
                    100.0 * *bytes as f64 / r.total.max(1) as f64
                );
            }
            if let Ok(krate) = std::env::var("AE_RETAINERS_CRATE") {
                for (name, bytes) in r.all.iter().filter(|(n, _)| crate_of(n) == krate).take(25) {
                    let short: String = name.chars().take(150).collect();
                    println!("  [{krate}] {:>6.1} KB  {short}", *bytes as f64 / 1024.0);
                }
            }
            println!("  largest functions:");
            for (name, bytes) in &r.top {
                let short: String = name.chars().take(110).collect();
                println!("  {:>6.1} KB  {short}", *bytes as f64 / 1024.0);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::crate_of;

    #[test]
    fn functions_are_told_by_crate() {
        assert_eq!(crate_of("yew::html::component::Component::view"), "yew");
        assert_eq!(crate_of("<article_core::model::Entity as serde::de::Deserialize>::deserialize"), "article_core");
        assert_eq!(
            crate_of("<&mut serde_json::de::Deserializer<R> as serde::Deserializer>::deserialize_any"),
            "serde_json"
        );
        assert_eq!(crate_of("memcpy"), "(other)");
        assert_eq!(
            crate_of("<yew[c1c82f9b0dce5234]::virtual_dom::vnode::VNode as yew[c1c82f9b0dce5234]::X>::f"),
            "yew"
        );
    }
}
