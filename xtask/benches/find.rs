//! Mention finding on generated Arabic documents: 1k, 10k and 100k words, with 10, 100, 1000 and
//! 10,000 entities (a newsroom's catalogue) (three aliases each, one of them two words long). Measures what a document costs the
//! reader's device: compiling the aliases and finding every mention in every paragraph.
//!
//!     cargo bench -p xtask --bench find

use article_core::text::{Finder, Pattern};

fn main() {
    divan::main();
}

const WORDS: [usize; 3] = [1_000, 10_000, 100_000];
const ENTITIES: [usize; 4] = [10, 100, 1_000, 10_000];

/// A deterministic generator (xorshift), so that every run measures the same text.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const LETTERS: [&str; 24] = [
    "ب", "ت", "ث", "ج", "ح", "خ", "د", "ر", "ز", "س", "ش", "ص", "ط", "ع", "غ", "ف", "ق", "ك", "م", "ن", "ه", "و", "ي", "ل",
];
const FILLER: [&str; 12] = ["في", "على", "من", "إلى", "أن", "التي", "الذي", "مع", "بين", "خلال", "وقد", "كما"];
const CLITICS: [&str; 5] = ["", "و", "ل", "ب", "ال"];

fn word(rng: &mut Rng) -> String {
    let n = 3 + rng.next() % 5;
    (0..n).map(|_| rng.pick(&LETTERS)).collect()
}

struct Doc {
    aliases: Vec<(String, usize)>,
    paragraphs: Vec<String>,
}

fn generate(words: usize, entities: usize) -> Doc {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (words as u64) << 20 ^ entities as u64);
    let mut aliases = Vec::new();
    for e in 0..entities {
        let (a, b) = (word(&mut rng), word(&mut rng));
        aliases.push((format!("{a} {b}"), e));
        aliases.push((a, e));
        aliases.push((format!("ال{b}ي"), e));
    }
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for i in 0..words {
        if i > 0 && i % 80 == 0 {
            paragraphs.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        if rng.next() % 12 == 0 {
            let (alias, _) = &aliases[(rng.next() % aliases.len() as u64) as usize];
            current.push_str(rng.pick(&CLITICS));
            current.push_str(alias);
        } else if rng.next() % 3 == 0 {
            current.push_str(rng.pick(&FILLER));
        } else {
            current.push_str(&word(&mut rng));
        }
    }
    paragraphs.push(current);
    Doc { aliases, paragraphs }
}

#[divan::bench(consts = WORDS, args = ENTITIES, sample_count = 20)]
fn find_all_mentions<const W: usize>(bencher: divan::Bencher, entities: usize) {
    let doc = generate(W, entities);
    bencher.counter(divan::counter::ItemsCount::new(W)).bench(|| {
        let finder = Finder::new(
            doc.aliases.iter().enumerate().map(|(i, (text, e))| Pattern { text, entity: *e, alias: i, adjective: false }),
        );
        doc.paragraphs.iter().map(|p| finder.find(divan::black_box(p)).len()).sum::<usize>()
    });
}
