//! `cargo xtask corpus --dictionary [NODE_MODULES] [--sample N]`: the precision corpus's
//! negatives (issue 22). Every word form of an Arabic dictionary (npm `@cspell/dict-ar`, the
//! Ayaspell list, LGPL-3.0, installed by the test command and never copied into the repository),
//! each read alone against the sample catalogue as a one-word document: every automatic link and
//! every suggestion is counted, and written to `target/dictionary-report.tsv`.
//!
//! A word form that is itself one of the catalogue's exact names or aliases (after clitics; a
//! demonym's forms included: «القاهرة», «والعراقيون») is a name, not a negative, and is counted
//! apart. Every other automatic link is a wrong link: there must be none. An ambiguous alias
//! («مالي», «عمان») has no context in a one-word document, so it must not be linked either.
//!
//! The dictionary is a cspell trie (`ar.trie.gz`, format `TrieXv3`): a stream of characters and
//! operators that builds a trie whose shared tails are references to earlier nodes; [`Trie`]
//! reads it and walks every word. Its entries starting with `~` are cspell's accent-free copies
//! (left out: normalisation folds the same marks); a few entries written `:stem:N:suffix` are
//! read as their stem.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use article_authoring::catalogue::{self, resolve};
use article_authoring::model::link::{Hold, Linker};
use article_authoring::model::{Article, Document};
use article_authoring::text::MentionSource;

/// One node of the trie: whether a word ends here, and its children.
#[derive(Clone, Debug, Default)]
struct Node {
    end: bool,
    children: Vec<(char, u32)>,
}

/// A cspell `TrieXv3` trie, read.
pub struct Trie {
    nodes: Vec<Node>,
}

const ROOT: u32 = 0;
/// The node every word that ends without children shares (cspell's `EOW`).
const EOW: u32 = 1;

impl Node {
    fn child(&self, c: char) -> Option<u32> {
        self.children.iter().find(|(k, _)| *k == c).map(|&(_, n)| n)
    }

    fn set(&mut self, c: char, n: u32) {
        match self.children.iter_mut().find(|(k, _)| *k == c) {
            Some(slot) => slot.1 = n,
            None => self.children.push((c, n)),
        }
    }
}

impl Trie {
    /// Reads a `TrieXv3` file (its text, after gzip).
    pub fn parse(text: &str) -> Result<Trie, String> {
        let mut lines = text.split('\n');
        let header: Vec<&str> = lines
            .by_ref()
            .take_while(|l| !l.contains("__DATA__"))
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .collect();
        if header.first().map(|l| l.trim()) != Some("TrieXv3") {
            return Err("not a TrieXv3 file".into());
        }
        let radix = header
            .iter()
            .find_map(|l| l.trim().strip_prefix("base="))
            .and_then(|b| b.parse::<u32>().ok())
            .ok_or("no base= in the header")?;
        let data: Vec<char> = lines.flat_map(|l| l.chars()).filter(|&c| c != '\r').collect();

        let mut nodes = vec![Node::default(), Node { end: true, children: Vec::new() }];
        // The builder's list of nodes in the order they were made: references index into it.
        let mut made: Vec<u32> = vec![ROOT, EOW];
        let mut stack: Vec<(u32, char)> = vec![(ROOT, '\0')];
        let mut current = ROOT;
        let mut depth = 0usize;
        let mut i = 0;
        let back = |n: usize, depth: &mut usize, current: &mut u32, stack: &Vec<(u32, char)>| -> Result<(), String> {
            if n > *depth {
                return Err("a back step past the root".into());
            }
            *depth -= n;
            *current = stack[*depth + 1].0;
            Ok(())
        };
        while i < data.len() {
            let c = data[i];
            match c {
                '$' | '<' => {
                    if c == '$' {
                        // The end of a word; a word that ends without children shares EOW.
                        if nodes[current as usize].children.is_empty() {
                            let (parent, key) = stack[depth];
                            nodes[parent as usize].set(key, EOW);
                            if made.last() == Some(&current) {
                                made.pop();
                            }
                            current = EOW;
                        } else {
                            nodes[current as usize].end = true;
                        }
                        back(1, &mut depth, &mut current, &stack)?;
                        i += 1;
                    }
                    while i < data.len() && (data[i] == '<' || ('2'..='9').contains(&data[i])) {
                        let n = if data[i] == '<' { 1 } else { data[i] as usize - '0' as usize - 1 };
                        back(n, &mut depth, &mut current, &stack)?;
                        i += 1;
                    }
                }
                '#' => {
                    let end = data[i..].iter().position(|&c| c == ';').ok_or("a reference without ;")? + i;
                    let digits: String = data[i + 1..end].iter().collect();
                    let r = u32::from_str_radix(&digits, radix).map_err(|e| format!("reference {digits}: {e}"))?;
                    let target = *made.get(r as usize + 1).ok_or("a reference past the nodes made")?;
                    let (parent, key) = stack[depth];
                    nodes[parent as usize].set(key, target);
                    made.pop();
                    i = end + 1;
                }
                _ => {
                    let c = if c == '\\' {
                        i += 1;
                        match data.get(i) {
                            Some('\\') => match data.get(i + 1) {
                                Some('n') => {
                                    i += 1;
                                    '\n'
                                }
                                Some('r') => {
                                    i += 1;
                                    '\r'
                                }
                                _ => '\\',
                            },
                            Some(&c) => c,
                            None => break,
                        }
                    } else {
                        c
                    };
                    // The shared end node is copied before a word grows past it.
                    if current == EOW {
                        let (parent, key) = stack[depth];
                        nodes.push(Node { end: true, children: Vec::new() });
                        current = (nodes.len() - 1) as u32;
                        nodes[parent as usize].set(key, current);
                        made.push(current);
                    }
                    let next = match nodes[current as usize].child(c) {
                        Some(n) => n,
                        None => {
                            nodes.push(Node::default());
                            let n = (nodes.len() - 1) as u32;
                            nodes[current as usize].set(c, n);
                            n
                        }
                    };
                    made.push(next);
                    depth += 1;
                    if depth < stack.len() {
                        stack[depth] = (current, c);
                    } else {
                        stack.push((current, c));
                    }
                    current = next;
                    i += 1;
                }
            }
        }
        Ok(Trie { nodes })
    }

    /// Reads `ar.trie.gz`.
    pub fn read(path: &Path) -> Result<Trie, String> {
        let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut text = String::new();
        flate2::read::GzDecoder::new(file).read_to_string(&mut text).map_err(|e| format!("{}: {e}", path.display()))?;
        Trie::parse(&text)
    }

    /// Calls `f` with every word, in the trie's order.
    pub fn words(&self, f: &mut dyn FnMut(&str)) {
        let mut word = String::new();
        let mut stack: Vec<(u32, usize, usize)> = vec![(ROOT, 0, 0)];
        if self.nodes[ROOT as usize].end {
            f("");
        }
        while let Some(&mut (node, ref mut next, len)) = stack.last_mut() {
            let children = &self.nodes[node as usize].children;
            if *next == children.len() {
                stack.pop();
                continue;
            }
            let (c, child) = children[*next];
            *next += 1;
            word.truncate(len);
            word.push(c);
            if self.nodes[child as usize].end {
                f(&word);
            }
            stack.push((child, 0, word.len()));
        }
    }
}

/// The dictionary's word forms: the `~` copies left out, `:stem:N:suffix` read as its stem, once.
pub fn word_forms(trie: &Trie, every: usize, f: &mut dyn FnMut(&str)) -> u64 {
    let mut stems: HashSet<String> = HashSet::new();
    let mut seen = 0u64;
    trie.words(&mut |w| {
        if w.starts_with('~') || w.is_empty() {
            return;
        }
        let w = match w.strip_prefix(':') {
            Some(rest) => {
                let stem = rest.split(':').next().unwrap_or(rest);
                if !stems.insert(stem.to_owned()) {
                    return;
                }
                stem
            }
            None => w,
        };
        seen += 1;
        if every <= 1 || seen.is_multiple_of(every as u64) {
            f(w);
        }
    });
    seen
}

/// What the pass found.
#[derive(Debug, Default)]
pub struct Report {
    /// Word forms read (all of them, or the sample's).
    pub read: u64,
    /// Word forms that are the catalogue's names (exact aliases after clitics).
    pub names: u64,
    /// Automatic links on the other word forms: (word, entity id). Must be empty.
    pub wrong_links: Vec<(String, String)>,
    /// Automatic links on the other word forms read after «في» (where a name is called for):
    /// (word, entity id). Reported, the worst case of the rule for one-word variants.
    pub after_fi: Vec<(String, String)>,
    /// Suggestions on the other word forms, by reason.
    pub ambiguous: u64,
    pub part_of_name: u64,
    pub variants: u64,
    pub embedded: u64,
    /// Variants of one entity, linked or not (not a common word), by the letters of the alias
    /// they resemble: what each threshold of `UNMISTAKABLE` would have linked.
    pub by_letters: [u64; 16],
    /// Every suggestion: (word, entity id, reason).
    pub suggested: Vec<(String, String, &'static str)>,
}

fn sample_document() -> Result<Document, String> {
    let sample = catalogue::parse("sample.json", include_str!("../../assets/catalogues/sample.json"))
        .map_err(|p| format!("the sample catalogue: {p:?}"))?;
    let doc = Document {
        version: 1,
        catalogues: vec!["sample.json".into()],
        article: Article {
            headline: String::new(),
            blocks: Vec::new(),
            language: "ar".into(),
            direction: article_authoring::model::Direction::Rtl,
            source: None,
            published: None,
        },
        entities: Vec::new(),
        relations: Vec::new(),
        map: Default::default(),
        timeline: Vec::new(),
        mentions: Default::default(),
    };
    Ok(resolve(doc, &[sample]).doc)
}

/// Runs the sample catalogue's linker over the dictionary's word forms (every `every`th one; 1:
/// all), on every core.
pub fn pass(trie: &Trie, every: usize) -> Result<Report, String> {
    let doc = sample_document()?;
    let linker = Linker::new(&doc);
    let letters_of = |entity: usize, alias: usize| -> usize {
        let e = &doc.entities[entity];
        let text = e.aliases.get(alias).map(|a| a.text()).unwrap_or(&e.name.ar);
        article_authoring::text::variant::letters_of(text)
    };
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let (send, receive) = mpsc::sync_channel::<Vec<String>>(workers * 2);
    let receive = std::sync::Mutex::new(receive);
    let mut report = Report::default();
    std::thread::scope(|scope| -> Result<(), String> {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let (receive, linker, doc) = (&receive, &linker, &doc);
                scope.spawn(move || {
                    let mut r = Report::default();
                    while let Some(batch) = next_batch(receive) {
                        for word in batch {
                            let linked = linker.link(&[word.as_str()], &[]);
                            let id = |e: usize| doc.entities[e].id.clone();
                            let mentions = &linked.mentions[0];
                            if mentions.iter().any(|m| matches!(m.source, MentionSource::Alias(_))) {
                                r.names += 1;
                                continue;
                            }
                            for m in mentions {
                                r.wrong_links.push((word.clone(), id(m.entity)));
                                if let MentionSource::Variant(alias) = m.source {
                                    r.by_letters[letters_of(m.entity, alias).min(15)] += 1;
                                }
                            }
                            let framed = format!("في {word}");
                            for m in &linker.link(&[framed.as_str()], &[]).mentions[0] {
                                if matches!(m.source, MentionSource::Variant(_)) {
                                    r.after_fi.push((word.clone(), id(m.entity)));
                                }
                            }
                            for u in &linked.unlinked {
                                let (reason, count) = match u.why {
                                    Hold::Ambiguous => ("ambiguous", &mut r.ambiguous),
                                    Hold::PartOfName => ("part of a name", &mut r.part_of_name),
                                    Hold::Variant { .. } => ("variant", &mut r.variants),
                                    Hold::Embedded => ("embedded", &mut r.embedded),
                                };
                                *count += 1;
                                let (entity, alias) = u.of[0];
                                if matches!(u.why, Hold::Variant { common: false }) && u.of.len() == 1 {
                                    r.by_letters[letters_of(entity, alias).min(15)] += 1;
                                }
                                r.suggested.push((word.clone(), id(entity), reason));
                            }
                        }
                    }
                    r
                })
            })
            .collect();
        let mut batch = Vec::with_capacity(4096);
        report.read = word_forms(trie, every, &mut |w| {
            batch.push(w.to_owned());
            if batch.len() == 4096 {
                let _ = send.send(std::mem::take(&mut batch));
            }
        });
        if every > 1 {
            report.read /= every as u64;
        }
        let _ = send.send(batch);
        drop(send);
        for h in handles {
            let r = h.join().map_err(|_| "a worker panicked".to_owned())?;
            report.names += r.names;
            report.wrong_links.extend(r.wrong_links);
            report.after_fi.extend(r.after_fi);
            report.ambiguous += r.ambiguous;
            report.part_of_name += r.part_of_name;
            report.variants += r.variants;
            report.embedded += r.embedded;
            for (a, b) in report.by_letters.iter_mut().zip(r.by_letters) {
                *a += b;
            }
            report.suggested.extend(r.suggested);
        }
        Ok(())
    })?;
    report.suggested.sort();
    report.wrong_links.sort();
    report.after_fi.sort();
    Ok(report)
}

/// The next batch of words for a worker; the lock is held only while waiting for it.
fn next_batch(receive: &std::sync::Mutex<mpsc::Receiver<Vec<String>>>) -> Option<Vec<String>> {
    let receive = receive.lock().ok()?;
    receive.recv().ok()
}

/// Where the dictionary is, in the test command's npm folder.
pub fn dictionary_in(node_modules: &Path) -> PathBuf {
    node_modules.join("@cspell/dict-ar/ar.trie.gz")
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut every = 1usize;
    let mut node_modules: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dictionary" => {}
            "--sample" => every = it.next().and_then(|n| n.parse().ok()).ok_or("--sample needs a number")?,
            other => node_modules = Some(PathBuf::from(other)),
        }
    }
    let node_modules = node_modules
        .or_else(|| std::env::var_os("AE_NPM").map(|n| Path::new(&n).join("node_modules")))
        .ok_or("give the node_modules folder that holds @cspell/dict-ar, or set AE_NPM (scripts/lib.sh)")?;
    let started = Instant::now();
    let trie = Trie::read(&dictionary_in(&node_modules))?;
    let read_in = started.elapsed();
    let report = pass(&trie, every)?;
    let total = started.elapsed();
    let out = Path::new("target/dictionary-report.tsv");
    let mut tsv = String::from("word\tentity\twhat\n");
    for (w, e) in &report.wrong_links {
        tsv.push_str(&format!("{w}\t{e}\tautomatic link\n"));
    }
    for (w, e) in &report.after_fi {
        tsv.push_str(&format!("{w}\t{e}\tautomatic link after «في»\n"));
    }
    for (w, e, why) in &report.suggested {
        tsv.push_str(&format!("{w}\t{e}\tsuggestion: {why}\n"));
    }
    std::fs::create_dir_all("target").map_err(|e| e.to_string())?;
    std::fs::write(out, tsv).map_err(|e| format!("{}: {e}", out.display()))?;
    let negatives = report.read - report.names;
    println!(
        "dictionary (@cspell/dict-ar, Ayaspell): {} word forms{} read in {:.1} s, linked in {:.1} s",
        report.read,
        if every > 1 { format!(" (every {every}th)") } else { String::new() },
        read_in.as_secs_f64(),
        (total - read_in).as_secs_f64()
    );
    println!("  the catalogue's own names and aliases (left out): {}", report.names);
    println!("  negatives: {negatives}; automatic links on them: {}", report.wrong_links.len());
    for (w, e) in report.wrong_links.iter().take(50) {
        println!("    «{w}» → {e}");
    }
    println!("  read after «في» (a place where a name is called for), linked as a variant: {}", report.after_fi.len());
    for (w, e) in report.after_fi.iter().take(30) {
        println!("    «في {w}» → {e}");
    }
    println!(
        "  suggestions on them: {} ambiguous, {} part of a name, {} spelling variants, {} embedded",
        report.ambiguous, report.part_of_name, report.variants, report.embedded
    );
    println!("  one-entity variants by the letters of the name they resemble (what UNMISTAKABLE = L would link: those at L or more):");
    let line: Vec<String> = (3..=12).map(|l| format!("{l}: {}", report.by_letters[l..].iter().sum::<u64>())).collect();
    println!("    {}", line.join(", "));
    println!("  every link and suggestion: {}", out.display());
    if report.wrong_links.is_empty() {
        Ok(())
    } else {
        Err(format!("{} automatic links on common words", report.wrong_links.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_trie_reads_back() {
        // `$` ends a word and steps back above its last letter, `<` steps back once more, a
        // second `$` ends the word there: abc, abd, ab, then a + e; x is a reference to the node
        // of «ab» (made third; references count from the node after the shared end).
        let trie = Trie::parse("#!/usr/bin/env cspell-trie reader\nTrieXv3\nbase=10\n# c\n__DATA__\nabc$d$$e$<x#2;<\n")
            .unwrap();
        let mut words = Vec::new();
        trie.words(&mut |w| words.push(w.to_owned()));
        words.sort();
        assert_eq!(words, ["ab", "abc", "abd", "ae", "x", "xc", "xd"]);
    }

    /// A sample of the dictionary pass (every 500th word form), always run by the test command:
    /// no automatic link on a common word. The whole pass is `cargo xtask corpus --dictionary`.
    #[test]
    fn a_sample_of_the_dictionary_links_no_common_word() {
        let Some(npm) = std::env::var_os("AE_NPM") else {
            assert!(
                std::env::var_os("AE_REQUIRE_SOURCES").is_none(),
                "AE_NPM is not set, and the test command requires it"
            );
            eprintln!("AE_NPM is not set: run through scripts/test for the dictionary sample");
            return;
        };
        let trie = Trie::read(&dictionary_in(&Path::new(&npm).join("node_modules"))).unwrap();
        let report = pass(&trie, 500).unwrap();
        println!(
            "dictionary sample: {} word forms, {} names, {} automatic links on common words, {} suggestions",
            report.read,
            report.names,
            report.wrong_links.len(),
            report.suggested.len()
        );
        assert!(report.read > 100_000, "{} word forms", report.read);
        assert!(report.wrong_links.is_empty(), "{:#?}", report.wrong_links);
    }
}
