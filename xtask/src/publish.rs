//! `cargo xtask publish IN.json… [-o DIR]`: validates authoring documents and writes their
//! published form, many at once, on every core. With `-o DIR` each goes to `DIR/<its file name>`;
//! without, beside its input as `<name>.published.json`. A progress bar is drawn when stderr is a
//! terminal. Every document that is refused is reported with its path and its problems; the
//! others are still written, and the command then fails.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use article_format::reading::is_published;

use article_authoring::publish::publish_json_with;

/// Reads the catalogues a document names, as files relative to the document's folder.
pub fn catalogue_files(document: &Path) -> impl FnMut(&str) -> Result<String, String> {
    let dir = document.parent().map(Path::to_path_buf).unwrap_or_default();
    move |reference: &str| {
        if reference.contains("://") {
            return Err("the command line reads catalogues from files; give a path relative to the document".to_owned());
        }
        let path = dir.join(reference);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// Where the published form of `input` goes.
pub fn output_path(input: &Path, out_dir: Option<&Path>) -> PathBuf {
    let name = input.file_name().map(PathBuf::from).unwrap_or_else(|| PathBuf::from("document.json"));
    match out_dir {
        Some(dir) => dir.join(name),
        None => {
            let stem = input.file_stem().and_then(|s| s.to_str()).unwrap_or("document");
            input.with_file_name(format!("{stem}.published.json"))
        }
    }
}

/// Publishes one file: Ok(bytes written) or the message for the report.
fn publish_file(input: &Path, output: &Path) -> Result<usize, String> {
    let json = std::fs::read_to_string(input).map_err(|e| format!("cannot read it: {e}"))?;
    if is_published(&json) {
        return Err("it is already a published document".to_owned());
    }
    let published = publish_json_with(&json, &mut catalogue_files(input)).map_err(|problems| {
        let shown: Vec<String> =
            problems.iter().take(20).map(|p| format!("  {}", article_authoring::words::english(p))).collect();
        let more = problems.len().saturating_sub(20);
        let mut m =
            format!("{} problem{}:\n{}", problems.len(), if problems.len() == 1 { "" } else { "s" }, shown.join("\n"));
        if more > 0 {
            m.push_str(&format!("\n  and {more} more"));
        }
        m
    })?;
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(output, &published).map_err(|e| format!("cannot write {}: {e}", output.display()))?;
    Ok(published.len())
}

/// Publishes every input on `threads` threads. Returns the number published, or the report of
/// those refused.
pub fn publish_all(
    inputs: &[PathBuf],
    out_dir: Option<&Path>,
    threads: usize,
    progress: bool,
) -> Result<usize, String> {
    let outputs: Vec<PathBuf> = inputs.iter().map(|i| output_path(i, out_dir)).collect();
    // Two inputs with one output would overwrite each other: refuse before writing anything.
    let mut seen = std::collections::HashMap::new();
    for (input, output) in inputs.iter().zip(&outputs) {
        if let Some(other) = seen.insert(output.clone(), input) {
            return Err(format!(
                "{} and {} would both be written to {}",
                other.display(),
                input.display(),
                output.display()
            ));
        }
    }
    let bar = if progress {
        let bar = indicatif::ProgressBar::new(inputs.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {per_sec}, {eta} left {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let next = AtomicUsize::new(0);
    let refused: Mutex<Vec<(usize, String)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..threads.clamp(1, inputs.len().max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(input) = inputs.get(i) else { break };
                if let Err(message) = publish_file(input, &outputs[i]) {
                    refused.lock().unwrap_or_else(|e| e.into_inner()).push((i, message));
                }
                bar.inc(1);
            });
        }
    });
    bar.finish_and_clear();
    let mut refused = refused.into_inner().unwrap_or_else(|e| e.into_inner());
    refused.sort_by_key(|r| r.0);
    let published = inputs.len() - refused.len();
    if refused.is_empty() {
        return Ok(published);
    }
    let mut report =
        format!("{} of {} documents refused (the {published} others were written):", refused.len(), inputs.len());
    for (i, message) in refused {
        report.push_str(&format!("\n{}: {message}", inputs[i].display()));
    }
    Err(report)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut inputs = Vec::new();
    let mut out_dir = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-o" | "--out" => out_dir = Some(PathBuf::from(it.next().ok_or("-o needs a folder")?)),
            _ => inputs.push(PathBuf::from(arg)),
        }
    }
    if inputs.is_empty() {
        return Err("publish needs at least one document: cargo xtask publish IN.json… [-o DIR]".to_owned());
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let started = std::time::Instant::now();
    let n = publish_all(&inputs, out_dir.as_deref(), threads, std::io::stderr().is_terminal())?;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "published {n} document{} in {:.2} s ({:.0} per second)",
        if n == 1 { "" } else { "s" },
        secs,
        n as f64 / secs.max(1e-9)
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publishes_many_and_reports_each_refused_one_with_its_path() {
        let dir = std::env::temp_dir().join(format!("ae-publish-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("in")).unwrap();
        let mut inputs = Vec::new();
        for i in 0..6 {
            let p = dir.join("in").join(format!("good-{i}.json"));
            std::fs::write(&p, article_authoring::seed::SEED_JSON).unwrap();
            inputs.push(p);
        }
        let bad = dir.join("in").join("bad.json");
        std::fs::write(&bad, "{\"version\": 1, \"article\": 3}").unwrap();
        inputs.push(bad.clone());
        let missing = dir.join("in").join("missing.json");
        inputs.push(missing.clone());

        let report = publish_all(&inputs, Some(&dir.join("out")), 3, false).unwrap_err();
        assert!(report.starts_with("2 of 8 documents refused"), "{report}");
        assert!(report.contains(&format!("{}: 1 problem:\n  article: wrong value", bad.display())), "{report}");
        assert!(report.contains(&format!("{}: cannot read it", missing.display())), "{report}");
        for i in 0..6 {
            let out = std::fs::read_to_string(dir.join("out").join(format!("good-{i}.json"))).unwrap();
            article_format::reading::Reading::from_json(&out).expect("a published document that reads");
        }
        assert!(!dir.join("out").join("bad.json").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn without_a_folder_the_output_goes_beside_the_input() {
        assert_eq!(output_path(Path::new("a/b.json"), None), PathBuf::from("a/b.published.json"));
        assert_eq!(output_path(Path::new("a/b.json"), Some(Path::new("o"))), PathBuf::from("o/b.json"));
        let same = [PathBuf::from("x/a.json"), PathBuf::from("y/a.json")];
        assert!(publish_all(&same, Some(Path::new("o")), 1, false).unwrap_err().contains("would both be written"));
    }
}
