//! A document made ready to show: its mentions found, its ids resolved to indices, its evidence
//! quotes anchored. Computed once per document; the view only reads it.

use std::collections::HashMap;

use super::link::{Linker, Unlinked};
use super::validate::block_text;
use crate::model::*;
use crate::text::{locate_quote, Mention, MentionSource, Utf8Range};

/// The index of a text among a document's texts: 0 the headline, 1 + i block i.
pub fn index_of(text: TextRef) -> usize {
    match text {
        BlockRef::Headline(_) => 0,
        BlockRef::Block(i) => i + 1,
    }
}

/// One text of the article: the headline or a block.
pub type TextRef = BlockRef;

/// Where one mention is: which text, and its index among that text's mentions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionRef {
    pub text: TextRef,
    pub index: usize,
}

/// A relation with its ids resolved and its evidence anchored.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedRelation {
    /// Index into `Document::relations`.
    pub relation: usize,
    pub subject: usize,
    pub object: usize,
    /// The entities that state it (none: the article itself).
    pub asserted_by: Vec<usize>,
    pub evidence: Option<(TextRef, Utf8Range)>,
}

/// A document and everything derived from it that the view needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    pub doc: Document,
    /// Mentions of the headline, sorted, disjoint.
    pub headline_mentions: Vec<Mention>,
    /// Mentions of each block, sorted, disjoint.
    pub block_mentions: Vec<Vec<Mention>>,
    /// For each entity, its mentions in reading order.
    pub by_entity: Vec<Vec<MentionRef>>,
    /// For each added mention (`mentions.add`), its note, keyed by where it is.
    pub notes: HashMap<(TextRef, usize), usize>,
    pub relations: Vec<ResolvedRelation>,
    /// For each entity, its number in the print endnotes: 1-based, in order of first mention (0
    /// if the text never names it).
    pub endnote: Vec<usize>,
    /// The entities with an endnote, in their order.
    pub endnote_order: Vec<usize>,
    /// The places the rule of trust does not link, in reading order (for the suggestions).
    pub unlinked: Vec<Unlinked>,
    ids: HashMap<String, usize>,
}

pub use super::link::own_names;

impl Prepared {
    /// Prepares a document. It should have passed validation; anything that still does not
    /// resolve (an unknown id, a quote not found) is left out rather than panicked on.
    pub fn new(doc: Document) -> Prepared {
        let ids: HashMap<String, usize> = doc.entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        let texts: Vec<TextRef> =
            std::iter::once(BlockRef::HEADLINE).chain((0..doc.article.blocks.len()).map(BlockRef::Block)).collect();
        let bodies: Vec<&str> = texts.iter().map(|&t| block_text(&doc.article, t).unwrap_or_default()).collect();
        let anchored = |t: TextRef, q: &Quote| {
            (q.block == t).then(|| locate_quote(bodies[index_of(t)], &q.exact, &q.prefix, &q.suffix)).flatten()
        };
        let mut added_by_text: Vec<Vec<(usize, Mention)>> = Vec::with_capacity(texts.len());
        let mut taken: Vec<Vec<Utf8Range>> = Vec::with_capacity(texts.len());
        for &t in &texts {
            let suppressed: Vec<Utf8Range> = doc.mentions.suppress.iter().filter_map(|q| anchored(t, q)).collect();
            let added: Vec<(usize, Mention)> = doc
                .mentions
                .add
                .iter()
                .enumerate()
                .filter_map(|(k, add)| {
                    let entity = *ids.get(&add.entity)?;
                    let range = anchored(t, &add.at)?;
                    Some((k, Mention { range, entity, source: MentionSource::Added, adjective: false }))
                })
                .collect();
            taken.push(suppressed.into_iter().chain(added.iter().map(|(_, a)| a.range)).collect());
            added_by_text.push(added);
        }
        // The rule of trust: strong evidence linked, the rest kept for the suggestions.
        let linked = Linker::new(&doc).link(&bodies, &taken);
        let unlinked = linked.unlinked;
        let mut all: Vec<Vec<Mention>> = Vec::with_capacity(texts.len());
        let mut notes = HashMap::new();
        for ((&text_ref, mut mentions), added) in texts.iter().zip(linked.mentions).zip(added_by_text) {
            // Added mentions win over alias matches; among themselves, the first one listed wins.
            let mut kept_added: Vec<(usize, Mention)> = Vec::new();
            for (k, m) in added {
                if !kept_added.iter().any(|(_, a)| a.range.overlaps(m.range)) {
                    kept_added.push((k, m));
                }
            }
            mentions.extend(kept_added.iter().map(|(_, m)| *m));
            mentions.sort_by_key(|m| m.range.start);
            for (k, m) in kept_added {
                if let Some(index) = mentions.iter().position(|x| x.range == m.range) {
                    notes.insert((text_ref, index), k);
                }
            }
            all.push(mentions);
        }

        let mut by_entity = vec![Vec::new(); doc.entities.len()];
        for (&text, mentions) in texts.iter().zip(&all) {
            for (index, m) in mentions.iter().enumerate() {
                by_entity[m.entity].push(MentionRef { text, index });
            }
        }

        let relations = doc
            .relations
            .iter()
            .enumerate()
            .filter_map(|(relation, r)| {
                Some(ResolvedRelation {
                    relation,
                    subject: *ids.get(&r.subject)?,
                    object: *ids.get(&r.object)?,
                    asserted_by: r
                        .asserted_by
                        .iter()
                        .flat_map(|s| s.ids())
                        .filter_map(|a| ids.get(a).copied())
                        .collect(),
                    evidence: anchor_of(&doc.article, &r.evidence),
                })
            })
            .collect();

        let mut all = all.into_iter();
        let headline_mentions = all.next().unwrap_or_default();
        let block_mentions: Vec<Vec<Mention>> = all.collect();
        let mut endnote = vec![0; doc.entities.len()];
        let mut endnote_order = Vec::new();
        for m in headline_mentions.iter().chain(block_mentions.iter().flatten()) {
            if endnote[m.entity] == 0 {
                endnote_order.push(m.entity);
                endnote[m.entity] = endnote_order.len();
            }
        }
        Prepared {
            headline_mentions,
            block_mentions,
            by_entity,
            notes,
            relations,
            endnote,
            endnote_order,
            unlinked,
            ids,
            doc,
        }
    }

    /// The index of the entity with this id.
    pub fn entity_index(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// The mentions of one text.
    pub fn mentions_of(&self, text: TextRef) -> &[Mention] {
        match text {
            BlockRef::Headline(_) => &self.headline_mentions,
            BlockRef::Block(i) => self.block_mentions.get(i).map(Vec::as_slice).unwrap_or(&[]),
        }
    }

    /// The text of the headline or a block.
    pub fn text(&self, text: TextRef) -> &str {
        block_text(&self.doc.article, text).unwrap_or_default()
    }

    /// Every mention of every text, in reading order.
    pub fn all_mentions(&self) -> impl Iterator<Item = (TextRef, &Mention)> {
        let headline = self.headline_mentions.iter().map(|m| (BlockRef::HEADLINE, m));
        let blocks =
            self.block_mentions.iter().enumerate().flat_map(|(i, ms)| ms.iter().map(move |m| (BlockRef::Block(i), m)));
        headline.chain(blocks)
    }

    /// The classes of a mention's element, the same in the widget and in the pre-rendered page:
    /// `ae-mention`, its kind, and whether it is an adjective or a metonym.
    pub fn mention_class(&self, m: &Mention) -> String {
        let entity = &self.doc.entities[m.entity];
        let metonym = match m.source {
            MentionSource::Alias(a) | MentionSource::Variant(a) => {
                entity.aliases.get(a).is_some_and(|a| a.metonym_of().is_some())
            }
            MentionSource::Added => false,
        };
        let mut class = format!("ae-mention ae-k-{}", entity.kind.slug());
        if m.adjective {
            class.push_str(" ae-adjective");
        }
        if metonym {
            class.push_str(" ae-metonym");
        }
        class
    }

    /// The entities an entity is related to, in either direction (with repeats).
    pub fn neighbours(&self, entity: usize) -> impl Iterator<Item = usize> + '_ {
        self.relations_of(entity).map(move |r| if r.subject == entity { r.object } else { r.subject })
    }

    /// The mentions whose alias literally names `entity` but stands for another (metonymy:
    /// «واشنطن» naming the city of Washington, linked to the US administration).
    pub fn metonym_uses(&self, entity: usize) -> impl Iterator<Item = &Mention> + '_ {
        let id = self.doc.entities.get(entity).map(|e| e.id.as_str());
        self.all_mentions().map(|(_, m)| m).filter(move |m| match m.source {
            MentionSource::Alias(a) | MentionSource::Variant(a) => {
                id.is_some() && self.doc.entities[m.entity].aliases.get(a).and_then(|a| a.metonym_of()) == id
            }
            MentionSource::Added => false,
        })
    }

    /// The relations an entity takes part in, as subject or object.
    pub fn relations_of(&self, entity: usize) -> impl Iterator<Item = &ResolvedRelation> {
        self.relations.iter().filter(move |r| r.subject == entity || r.object == entity)
    }
}

/// The range a quote stands for in its text.
pub fn anchor_of(article: &Article, quote: &Quote) -> Option<(TextRef, Utf8Range)> {
    let text = block_text(article, quote.block)?;
    locate_quote(text, &quote.exact, &quote.prefix, &quote.suffix).map(|r| (quote.block, r))
}
