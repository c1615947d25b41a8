//! Project tasks that need no browser, run as `cargo xtask <task>`:
//!
//! - `size [DIR]`: every file of the release build with raw, gzip and brotli sizes and the total;
//!   writes the `.gz` and `.br` files beside each file, as a CDN would serve them.
//! - `cycles`: fails on any import cycle between the modules of a crate of the workspace.
//! - `check FILE`: validates an article document and reports mentions and near misses.
//! - `corpus --dictionary [NODE_MODULES] [--sample N]`: the sample catalogue's matcher over every
//!   word form of an Arabic dictionary (the precision corpus's negatives).
//! - `publish IN.json… [-o DIR]`: writes the published form of authoring documents, in parallel.
//! - `gen-map SOURCE.json [OUT.json]`: generates the base map from Natural Earth countries.
//! - `gen-catalogue NODE_MODULES CITIES_DIR [OUT.json]`: generates the sample catalogue from the data
//!   packages and Natural Earth's populated places (`$AE_CITIES`, set by scripts/lib.sh).
//! - `finish [DIR]`: removes trunk's inline loader and fills in the pre-rendered article and its
//!   JSON-LD where a page asks for them (after `trunk build`).
//! - `bench-assets [DIR]`: writes the benchmark's static baseline page and long document into a build.
//! - `serve [DIR] [--port N]`: serves a build on localhost the way a CDN would (precompressed
//!   brotli and gzip, `application/wasm`), and prints the URL.

mod benchassets;
mod check;
mod corpus;
mod cycles;
mod finish;
mod gencatalogue;
mod genmap;
mod graphdocs;
mod html;
mod imports;
mod publish;
mod retainers;
mod serve;
mod size;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask cycles\n       cargo xtask check FILE.json\n       cargo xtask corpus --dictionary [NODE_MODULES] [--sample N]\n       cargo xtask publish IN.json… [-o DIR]\n       cargo xtask gen-map countries-50m.json [OUT-DIR]\n       cargo xtask gen-catalogue NODE_MODULES CITIES_DIR [OUT.json]\n       cargo xtask size [DIR]\n       cargo xtask finish [DIR]\n       cargo xtask bench-assets [DIR]\n       cargo xtask graph-docs [DIR]\n       cargo xtask serve [DIR] [--port N] [--faults]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (task, rest) = match args.split_first() {
        Some((task, rest)) => (task.as_str(), rest),
        None => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if task == "cycles" {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        return match cycles::run(&root) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::FAILURE
            }
        };
    }
    if task == "corpus" {
        return match corpus::run(rest) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::FAILURE
            }
        };
    }
    if task == "publish" {
        return match publish::run(rest) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::FAILURE
            }
        };
    }
    let mut dir = PathBuf::from("dist");
    let mut port: u16 = 8080;
    let mut faults = false;
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--faults" => faults = true,
            "--port" => match it.next().and_then(|p| p.parse().ok()) {
                Some(p) => port = p,
                None => {
                    eprintln!("--port needs a number\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            other => dir = PathBuf::from(other),
        }
    }
    let result = match task {
        "size" => size::run(&dir),
        "finish" => finish::run(&dir),
        "bench-assets" => benchassets::run(&dir),
        "graph-docs" => graphdocs::run(&dir),
        "check" if rest.is_empty() => {
            eprintln!("check needs a document\n{USAGE}");
            return ExitCode::from(2);
        }
        "check" => check::run(&dir),
        "gen-catalogue" => {
            let (Some(input), Some(cities)) = (rest.first(), rest.get(1)) else {
                eprintln!("gen-catalogue needs the node_modules folder that holds i18n-iso-countries, world-countries and cldr-dates-full, and the folder of naturalearth_cities.shp ($AE_CITIES)\n{USAGE}");
                return ExitCode::from(2);
            };
            let out = rest.get(2).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("assets/catalogues/sample.json"));
            gencatalogue::run(std::path::Path::new(input), std::path::Path::new(cities), &out)
        }
        "gen-map" => {
            let Some(input) = rest.first() else {
                eprintln!("gen-map needs the world-atlas countries-50m.json\n{USAGE}");
                return ExitCode::from(2);
            };
            let out = rest.get(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from(genmap::DEFAULT_OUT));
            genmap::run(std::path::Path::new(input), &out)
        }
        "serve" => serve::run(&dir, port, faults),
        _ => {
            eprintln!("unknown task {task:?}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
