//! The authoring tool: validates a document and prints a report an editor can act on: every
//! problem with its path; each entity's mention count; and near misses, words that look like an
//! alias but were not linked. Fails (non-zero exit) when the document has problems.

use std::path::Path;

use article_core::model::{load, BlockRef, Prepared};
use article_core::text::near_misses;

pub fn run(path: &Path) -> Result<(), String> {
    let json = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let doc = match load(&json) {
        Ok(doc) => doc,
        Err(problems) => {
            println!("{}: {} problem(s)", path.display(), problems.len());
            for p in &problems {
                println!("  error  {p}");
            }
            return Err(format!("{} is not a valid document", path.display()));
        }
    };
    let p = Prepared::new(doc);
    println!("{}: valid (version {}), {} entities, {} relations", path.display(), p.doc.version, p.doc.entities.len(), p.doc.relations.len());

    println!("\nmentions per entity");
    for (i, e) in p.doc.entities.iter().enumerate() {
        let n = p.by_entity[i].len();
        let as_metonym = p.metonym_uses(i).count();
        let flag = match (n, as_metonym) {
            (0, 0) => "  (never mentioned)".to_owned(),
            (_, 0) => String::new(),
            (_, k) => format!("  (+{k} as a metonym)"),
        };
        println!("  {:>4}  {:<40} {}{flag}", n, e.id, e.name.ar);
    }

    let aliases: Vec<(usize, &str)> =
        p.doc.entities.iter().enumerate().flat_map(|(i, e)| e.aliases.iter().map(move |a| (i, a.text()))).collect();
    let alias_texts: Vec<&str> = aliases.iter().map(|(_, t)| *t).collect();
    let texts = std::iter::once(BlockRef::HEADLINE).chain((0..p.doc.article.blocks.len()).map(BlockRef::Block));
    let mut misses = 0;
    println!("\nnear misses (words that look like an alias but are not linked)");
    for text_ref in texts {
        let text = p.text(text_ref);
        let linked: Vec<_> = p.mentions_of(text_ref).iter().map(|m| m.range).collect();
        for miss in near_misses(text, &alias_texts, &linked) {
            let (entity, alias) = aliases[miss.alias];
            let at = match text_ref {
                BlockRef::Headline(_) => "headline".to_owned(),
                BlockRef::Block(i) => format!("block {i}"),
            };
            let chars = miss.range.to_chars(text);
            println!(
                "  {at}, chars {}..{}: «{}» looks like «{alias}» ({})",
                chars.start,
                chars.end,
                miss.range.of(text),
                p.doc.entities[entity].id
            );
            misses += 1;
        }
    }
    if misses == 0 {
        println!("  none");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_document_fails_and_a_valid_one_passes() {
        let dir = std::env::temp_dir().join(format!("ae-check-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bad = dir.join("bad.json");
        std::fs::write(&bad, r#"{"version": 2}"#).unwrap();
        assert!(run(&bad).is_err());
        let good = dir.join("good.json");
        std::fs::write(&good, article_core::seed::SEED_JSON).unwrap();
        assert!(run(&good).is_ok());
        assert!(run(&dir.join("missing.json")).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
