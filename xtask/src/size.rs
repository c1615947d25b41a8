//! The size report: raw, gzip and brotli sizes of every file of a build, and their total.
//! Precompressed copies are written beside each file so that `serve` (and any static host)
//! can send them as they are.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Sizes of one file, in bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

pub fn run(dir: &Path) -> Result<(), String> {
    let files = build_files(dir)?;
    if files.is_empty() {
        return Err(format!("{} has no files: build first", dir.display()));
    }
    let mut total = Sizes::default();
    let mut brotli_of: Vec<(String, u64)> = Vec::new();
    println!("{:<56} {:>10} {:>10} {:>10}", "file", "raw", "gzip", "brotli");
    for path in &files {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        // Fonts and images are compressed already: they travel as they are.
        let (gz, br) = if is_precompressed(path) {
            (bytes.clone(), bytes.clone())
        } else {
            let (gz, br) = (gzip(&bytes), brotli(&bytes));
            write(&with_suffix(path, "gz"), &gz)?;
            write(&with_suffix(path, "br"), &br)?;
            (gz, br)
        };
        let sizes = Sizes { raw: bytes.len() as u64, gzip: gz.len() as u64, brotli: br.len() as u64 };
        let name = path.strip_prefix(dir).unwrap_or(path).display().to_string();
        brotli_of.push((name.replace('\\', "/"), sizes.brotli));
        println!("{:<56} {:>10} {:>10} {:>10}", name, kb(sizes.raw), kb(sizes.gzip), kb(sizes.brotli));
        total.raw += sizes.raw;
        total.gzip += sizes.gzip;
        total.brotli += sizes.brotli;
    }
    println!("{:<56} {:>10} {:>10} {:>10}", "total", kb(total.raw), kb(total.gzip), kb(total.brotli));
    // Top retainers of each module: the compiler's output run through wasm-bindgen and
    // `wasm-opt -Oz -g` as the build does, keeping the names the build drops.
    for (title, path) in
        [("reader wasm", READER_WASM), ("publisher wasm", PUBLISHER_WASM), ("figures wasm", FIGURES_WASM)]
    {
        if let Some(bytes) = crate::retainers::optimised_with_names(Path::new(path)) {
            crate::retainers::print(title, &bytes);
        }
    }
    let budgets = std::fs::read_to_string(BUDGETS).map_err(|e| format!("{BUDGETS}: {e}"))?;
    let budgets: serde_json::Value = serde_json::from_str(&budgets).map_err(|e| format!("{BUDGETS}: {e}"))?;
    check_budgets(&budgets, &brotli_of)
}

/// The modules as rustc wrote them, before wasm-bindgen and wasm-opt.
const READER_WASM: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../target/wasm32-unknown-unknown/release/article-explorer.wasm");
const PUBLISHER_WASM: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../target/wasm32-unknown-unknown/release/article_publisher.wasm");
const FIGURES_WASM: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../target/wasm32-unknown-unknown/release/article_figures.wasm");

/// The budgets file, at the workspace root.
const BUDGETS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../budgets.json");

/// Prints every budget group (brotli) and fails when one is over its limit, saying what grew.
/// A file entry ending in `/` means every file under that folder.
pub fn check_budgets(budgets: &serde_json::Value, brotli_of: &[(String, u64)]) -> Result<(), String> {
    let baseline = &budgets["baseline"];
    let mut over = Vec::new();
    println!("\nbudgets (brotli):");
    for group in budgets["groups"].as_array().into_iter().flatten() {
        let name = group["name"].as_str().unwrap_or("?");
        let patterns: Vec<&str> = group["files"].as_array().into_iter().flatten().filter_map(|f| f.as_str()).collect();
        let files: Vec<&(String, u64)> = brotli_of
            .iter()
            .filter(|(f, _)| patterns.iter().any(|p| if p.ends_with('/') { f.starts_with(p) } else { f == p }))
            .collect();
        let missing: Vec<&&str> =
            patterns.iter().filter(|p| !p.ends_with('/') && !files.iter().any(|(f, _)| f == *p)).collect();
        if !missing.is_empty() {
            return Err(format!("budget {name:?}: missing from the build: {missing:?}"));
        }
        let sum: u64 = files.iter().map(|(_, b)| b).sum();
        let mut line = format!("  {name}: {}", kb(sum));
        if let Some(limit) = group["limit_kb"].as_f64() {
            line.push_str(&format!(" (limit {limit} KB)"));
            if sum as f64 / 1024.0 > limit {
                over.push(name.to_owned());
                line.push_str(" OVER");
                for (f, b) in &files {
                    let before = baseline[f.as_str()].as_u64().unwrap_or(0);
                    if *b > before {
                        line.push_str(&format!("\n    grew: {f} {} -> {} (+{})", kb(before), kb(*b), kb(b - before)));
                    }
                }
            }
        }
        if let Some(target) = group["target_kb"].as_f64() {
            let gap = sum as f64 / 1024.0 - target;
            line.push_str(&if gap > 0.0 {
                format!("; target {target} KB: {gap:.1} KB over it")
            } else {
                format!("; target {target} KB: met")
            });
        }
        println!("{line}");
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!("over budget: {}", over.join(", ")))
    }
}

/// Every file of the build, sorted, leaving out the precompressed copies of earlier runs.
fn build_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("gz" | "br")) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn is_precompressed(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("woff2" | "woff" | "png" | "jpg" | "webp"))
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("writing to memory");
    out
}

pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::check_budgets;

    #[test]
    fn a_group_over_its_limit_fails_and_names_what_grew() {
        let budgets = serde_json::json!({
            "groups": [ { "name": "app", "files": ["a.wasm", "b.js"], "limit_kb": 2 }, { "name": "fonts", "files": ["fonts/"] } ],
            "baseline": { "a.wasm": 1024, "b.js": 512 }
        });
        let ok = [("a.wasm".to_owned(), 1024), ("b.js".to_owned(), 512), ("fonts/x.woff2".to_owned(), 9000)];
        assert!(check_budgets(&budgets, &ok).is_ok());
        let grown = [("a.wasm".to_owned(), 2048), ("b.js".to_owned(), 512)];
        assert_eq!(check_budgets(&budgets, &grown).unwrap_err(), "over budget: app");
        let missing = [("a.wasm".to_owned(), 10)];
        assert!(check_budgets(&budgets, &missing).unwrap_err().contains("missing"));
    }
}
