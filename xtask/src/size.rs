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
        println!("{:<56} {:>10} {:>10} {:>10}", name, kb(sizes.raw), kb(sizes.gzip), kb(sizes.brotli));
        total.raw += sizes.raw;
        total.gzip += sizes.gzip;
        total.brotli += sizes.brotli;
    }
    println!("{:<56} {:>10} {:>10} {:>10}", "total", kb(total.raw), kb(total.gzip), kb(total.brotli));
    Ok(())
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
