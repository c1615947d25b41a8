//! `cargo xtask check DOC.json`: validates an authoring document (its catalogues read as files
//! beside it) and prints a report an editor can act on: every problem with its path and a hint;
//! each entity's mention count (its own and its catalogues', those the article uses); the
//! spelling variants linked, each with the alias it matched; and suggestions, the likely names
//! nothing links, each with its place. Fails (non-zero exit) when the document has problems.

use std::path::Path;

use article_authoring::catalogue::{load_with, prune, Catalogue};
use article_authoring::model::{BlockRef, Entity, EntityKind, Prepared};
use article_authoring::suggest::{suggestions, Why};
use article_authoring::text::{MentionSource, Utf8Range};

/// The reference list for suggestions: the sample catalogue's countries and cities.
fn known() -> Vec<Entity> {
    let sample: Catalogue = serde_json::from_str(include_str!("../../assets/catalogues/sample.json"))
        .unwrap_or_else(|_| Catalogue { format: String::new(), version: 0, about: None, entities: Vec::new() });
    sample.entities.into_iter().filter(|e| matches!(e.kind, EntityKind::Country | EntityKind::City)).collect()
}

fn place(p: &Prepared, text: BlockRef, range: Utf8Range) -> String {
    let at = match text {
        BlockRef::Headline(_) => "headline".to_owned(),
        BlockRef::Block(i) => format!("block {i}"),
    };
    let chars = range.to_chars(p.text(text));
    format!("{at}, chars {}..{}", chars.start, chars.end)
}

pub fn run(path: &Path) -> Result<(), String> {
    let json = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let resolved = match load_with(&json, &mut crate::publish::catalogue_files(path)) {
        Ok(r) => r,
        Err(problems) => {
            println!("{}: {} problem(s)", path.display(), problems.len());
            for p in &problems {
                println!("  error  {}", article_authoring::words::english(p));
            }
            return Err(format!("{} is not a valid document", path.display()));
        }
    };
    let own = resolved.own;
    let warnings: Vec<_> = article_authoring::model::validate::validate_resolved(&resolved.doc, own)
        .into_iter()
        .filter(|p| p.is_warning())
        .collect();
    let from_catalogues = resolved.doc.entities.len() - own;
    let full = Prepared::new(resolved.doc);
    let suggested = suggestions(&full, &known());
    let p = Prepared::new(prune(full.clone(), own));
    println!(
        "{}: valid (version {}), {} entities ({own} its own, {} of {from_catalogues} from its catalogues), {} relations",
        path.display(),
        p.doc.version,
        p.doc.entities.len(),
        p.doc.entities.len() - own,
        p.doc.relations.len()
    );

    if !warnings.is_empty() {
        println!("\nwarnings (published all the same)");
        for w in &warnings {
            println!("  warning  {}", article_authoring::words::english(w));
        }
    }

    println!("\nmentions per entity");
    for (i, e) in p.doc.entities.iter().enumerate() {
        let n = p.by_entity[i].len();
        let as_metonym = p.metonym_uses(i).count();
        let mut flag = match (n, as_metonym) {
            (0, 0) => "  (never mentioned)".to_owned(),
            (_, 0) => String::new(),
            (_, k) => format!("  (+{k} as a metonym)"),
        };
        if i >= own {
            flag.push_str("  [catalogue]");
        }
        println!("  {:>4}  {:<40} {}{flag}", n, e.id, e.name.ar);
    }

    println!("\nspelling variants linked (the alias each matched)");
    let mut variants = 0;
    for (t, m) in p.all_mentions() {
        if let MentionSource::Variant(a) = m.source {
            let e = &p.doc.entities[m.entity];
            let alias = e.aliases.get(a).map(|a| a.text()).unwrap_or(&e.name.ar);
            println!("  {}: «{}» as «{alias}» ({})", place(&p, t, m.range), m.range.of(p.text(t)), e.id);
            variants += 1;
        }
    }
    if variants == 0 {
        println!("  none");
    }

    println!("\nsuggestions (likely names nothing links)");
    for s in &suggested {
        let words = s.range.of(full.text(s.text));
        let id = |e: usize| full.doc.entities[e].id.as_str();
        let why = match &s.why {
            Why::Ambiguous { entity } => format!(
                "may be {} (an alias marked ambiguous, also a common word: link it with mentions.add)",
                id(*entity)
            ),
            Why::Variant { of, common } => {
                let list: Vec<String> = of.iter().map(|(e, a)| format!("«{a}» ({})", id(*e))).collect();
                let reason = if *common {
                    "also a common word"
                } else if of.len() > 1 {
                    "more than one entity"
                } else {
                    "too short a name to link a variant of it"
                };
                format!("a spelling variant of {} ({reason})", list.join(" or "))
            }
            Why::PartOfName { entity, alias } => {
                format!("«{alias}» ({}), but part of a name? (a person's, a club's)", id(*entity))
            }
            Why::Embedded { entity, alias } => format!("begins with «{alias}» ({}), inside a longer word", id(*entity)),
            Why::Known { id, name } => {
                format!("is {name} in the sample catalogue (add the catalogue, or an entity «{id}»)")
            }
            Why::Title { title } => format!("a name after «{title}»"),
            Why::Near { entity, alias } => format!("looks like «{alias}» ({})", id(*entity)),
            Why::FamilyName { entity, .. } => format!("the family name of {} alone", id(*entity)),
        };
        println!("  {}: «{words}» {why}", place(&full, s.text, s.range));
    }
    if suggested.is_empty() {
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
        std::fs::write(&good, article_authoring::seed::SEED_JSON).unwrap();
        assert!(run(&good).is_ok());
        assert!(run(&dir.join("missing.json")).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_document_with_a_catalogue_is_checked_with_it() {
        let article = concat!(env!("CARGO_MANIFEST_DIR"), "/../authoring/tests/articles/port-of-spain.json");
        assert!(run(Path::new(article)).is_ok());
        let p = {
            let json = std::fs::read_to_string(article).unwrap();
            let r = load_with(&json, &mut crate::publish::catalogue_files(Path::new(article))).unwrap();
            Prepared::new(r.doc)
        };
        let s = suggestions(&p, &known());
        let said: Vec<(&str, &Why)> = s.iter().map(|s| (s.range.of(p.text(s.text)), &s.why)).collect();
        assert!(said.iter().any(|(w, why)| *w == "إيفان خيل" && matches!(why, Why::Title { .. })), "{said:#?}");
        // The seed's own names for its own people are never suggested again.
        assert!(!said.iter().any(|(w, _)| *w == "نيكولاس مادورو"));
    }

    #[test]
    fn names_the_document_lacks_are_suggested_from_the_sample_catalogue() {
        let mut doc: serde_json::Value = serde_json::from_str(article_authoring::seed::SEED_JSON).unwrap();
        doc["article"]["blocks"][0]["text"] = "وزار وفد من كولومبيا مدينة هافانا، وقال مادورو إن مالي بعيدة.".into();
        let p = Prepared::new(serde_json::from_value(doc).unwrap());
        let s = suggestions(&p, &known());
        let said: Vec<&str> =
            s.iter().filter(|s| matches!(s.why, Why::Known { .. })).map(|s| s.range.of(p.text(s.text))).collect();
        assert!(said.contains(&"كولومبيا") && said.contains(&"هافانا"), "{said:?}");
        assert!(!said.contains(&"مالي"), "an ambiguous name is never offered as a known one");
    }
}
