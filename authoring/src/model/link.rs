//! Linking a document's texts by the rule of trust ([`crate::text::trust`]): the entities'
//! aliases, their names and their demonyms' forms compiled once ([`Linker`]), then each
//! document's texts read against them. Strong evidence is linked; weaker evidence is kept as
//! [`Unlinked`], for the suggestions.

use std::collections::{HashMap, HashSet};

use crate::model::{Document, EntityKind};
use crate::text::normalize::Normalized;
use crate::text::trust::{self, Form, Place, Words};
use crate::text::{
    normalize, normalize_str, Evidence, Finder, Mention, MentionSource, Pattern, Utf8Range, VariantFinder,
};

/// Each entity's own name in the article's language (Arabic or English), as a pattern, unless an
/// alias already spells it (after normalisation), its own or another entity's (an alias written
/// out wins: «واشنطن» listed for the administration is not the city's name too): a name need
/// not be repeated among the aliases to be found.
pub fn own_names(doc: &Document) -> Vec<(usize, &str)> {
    let language = doc.article.language.as_str();
    let listed: HashSet<String> =
        doc.entities.iter().flat_map(|e| e.aliases.iter().map(|a| normalize_str(a.text()))).collect();
    doc.entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let name = match language {
                "ar" => e.name.ar.as_str(),
                "en" => e.name.en.as_str(),
                _ => return None,
            };
            (!name.trim().is_empty() && !listed.contains(&normalize_str(name))).then_some((i, name))
        })
        .collect()
}

/// Why a match is not linked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hold {
    /// An alias marked ambiguous that the context does not decide.
    Ambiguous,
    /// A demonym or a name likely part of a larger name (a person's, a club's).
    PartOfName,
    /// A spelling variant too weak to link (a short one-word name), or that could be several
    /// entities; `common`: also a common word.
    Variant { common: bool },
    /// The name's letters at the start of a longer word («عراقجي»).
    Embedded,
}

/// A place the rule of trust does not link, and what it may be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unlinked {
    /// Index of the text (0 the headline, 1 + i block i).
    pub text: usize,
    /// Byte range in that text.
    pub range: Utf8Range,
    /// The entities it may name, the likeliest first, each with the index of the alias matched
    /// (`usize::MAX`: the entity's own name).
    pub of: Vec<(usize, usize)>,
    pub why: Hold,
}

/// One spelling the finders look for.
#[derive(Clone, Debug)]
struct Spelling {
    text: String,
    entity: usize,
    /// The alias it comes from (`usize::MAX`: the entity's name).
    alias: usize,
    adjective: bool,
    ambiguous: bool,
    form: Form,
    /// The entity is a country, a city or a region.
    place: bool,
}

/// A document's entities compiled for linking, to link any number of texts.
#[derive(Clone, Debug)]
pub struct Linker {
    spellings: Vec<Spelling>,
    finder: Finder,
    variants: VariantFinder,
    /// Every demonym form, normalised: «المصري البورسعيدي» is a name, «المصري السوداني» not.
    demonyms: HashSet<String>,
}

/// The links and the unlinked places of a document's texts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Linked {
    /// For each text, its mentions, sorted, disjoint.
    pub mentions: Vec<Vec<Mention>>,
    pub unlinked: Vec<Unlinked>,
}

impl Linker {
    /// Compiles the aliases of `doc`'s entities, their names (those no alias spells: see
    /// [`own_names`]) and the forms of their demonyms. A spelling
    /// belongs to the first entity that lists it (the document's own records come before its
    /// catalogues').
    pub fn new(doc: &Document) -> Linker {
        let names = own_names(doc);
        let mut claimed: HashMap<String, usize> = HashMap::new();
        let mut spellings: Vec<Spelling> = Vec::new();
        let mut push = |spellings: &mut Vec<Spelling>, s: Spelling| {
            if *claimed.entry(s.text.clone()).or_insert(s.entity) == s.entity
                && !spellings.iter().any(|o| o.text == s.text && o.entity == s.entity)
            {
                spellings.push(s);
            }
        };
        let is_place =
            |e: usize| matches!(doc.entities[e].kind, EntityKind::Country | EntityKind::City | EntityKind::Region);
        for (entity, e) in doc.entities.iter().enumerate() {
            for (alias, a) in e.aliases.iter().enumerate() {
                let text = normalize_str(a.text());
                let form = if a.is_adjective() { Form::Singular } else { Form::Name };
                let (adjective, ambiguous, place) = (a.is_adjective(), a.is_ambiguous(), is_place(entity));
                push(&mut spellings, Spelling { text, entity, alias, adjective, ambiguous, form, place });
            }
        }
        for &(entity, text) in &names {
            let s = Spelling {
                text: normalize_str(text),
                entity,
                alias: usize::MAX,
                adjective: false,
                ambiguous: false,
                form: Form::Name,
                place: is_place(entity),
            };
            push(&mut spellings, s);
        }
        // The demonyms' other forms, after every spelling written out.
        let written = spellings.len();
        let mut demonyms = HashSet::new();
        for k in 0..written {
            let s = spellings[k].clone();
            if !s.adjective {
                continue;
            }
            for (text, form) in trust::demonym_forms(&s.text) {
                demonyms.insert(text.clone());
                let form = if form == Form::Name { Form::Singular } else { form };
                push(&mut spellings, Spelling { text, form, ..s.clone() });
            }
        }
        let patterns = || {
            spellings.iter().enumerate().map(|(k, s)| Pattern {
                text: s.text.as_str(),
                entity: s.entity,
                alias: k,
                adjective: s.adjective,
            })
        };
        let finder = Finder::new(patterns());
        // Spellings written out take part in variants (not the demonyms' other forms: their
        // endings would count as the name's letters, «جنديان» as «كنديان»), but not the
        // ambiguous ones: a variant of a common word is no name.
        let variants = VariantFinder::new(patterns().filter(|p| p.alias < written && !spellings[p.alias].ambiguous));
        Linker { finder, variants, demonyms, spellings }
    }

    /// Links `texts` (a document's: the headline, then its blocks), leaving out the `taken`
    /// ranges of each (suppressed or added by the document).
    pub fn link(&self, texts: &[&str], taken: &[Vec<Utf8Range>]) -> Linked {
        let mut out = Linked { mentions: vec![Vec::new(); texts.len()], unlinked: Vec::new() };
        // Ambiguous matches wait for the whole document: (text, mention, first word, form).
        let mut deferred: Vec<(usize, Mention, usize, Form)> = Vec::new();
        let normalized: Vec<Normalized> = texts.iter().map(|t| normalize(t)).collect();
        let words: Vec<Words> = normalized.iter().map(Words::new).collect();
        for (t, &text) in texts.iter().enumerate() {
            let n = &normalized[t];
            let w = &words[t];
            let taken = taken.get(t).map(Vec::as_slice).unwrap_or(&[]);
            let exact: Vec<Mention> = self
                .finder
                .find_in(n)
                .into_iter()
                .filter(|m| !taken.iter().any(|r| r.overlaps(n.original(m.range))))
                .collect();
            // Words some exact match of a place covers, unambiguously.
            let mut placed = vec![false; w.len()];
            for m in exact.iter().filter(|m| !self.spelling(m).ambiguous) {
                for k in w.span(m.range) {
                    placed[k] = true;
                }
            }
            let linked = |k: usize| placed.get(k).copied().unwrap_or(false);
            let is_demonym = |word: &str| self.demonyms.contains(word);
            let mut mentions: Vec<Mention> = Vec::new();
            for m in &exact {
                let s = self.spelling(m);
                let (first, last) = w.bounds(m.range);
                let original = n.original(m.range);
                let mention =
                    Mention { range: original, entity: m.entity, source: self.source(m), adjective: s.adjective };
                // A name that has no article of its own, read with one, is its nisba
                // («والتشيلي»): a demonym, which the demonym's own spellings find.
                let prefix = &n.text[w.start(first)..m.range.start];
                if s.form == Form::Name && !s.text.starts_with("ال") && (prefix.ends_with("ال") || prefix == "لل")
                {
                    continue;
                }
                if s.ambiguous {
                    deferred.push((t, mention, first, s.form));
                } else if trust::part_of_name(
                    w,
                    text,
                    Place { first, last, form: s.form, place: s.place },
                    &is_demonym,
                    &linked,
                ) {
                    out.unlinked.push(self.unlinked(t, original, m, Hold::PartOfName));
                } else if s.form == Form::Singular && s.text.ends_with('ي') && original.of(text).ends_with('ى') {
                    // «اليمنى» is the right hand, not the Yemeni.
                    out.unlinked.push(self.unlinked(t, original, m, Hold::Ambiguous));
                } else {
                    mentions.push(mention);
                }
            }
            // Spelling variants fill the words no exact match took, or are longer than the
            // exact matches inside them («سيرجي لافروف» over «لافروف»); the weak ones, and
            // those a common word or several entities share, are left to the suggestions.
            let held: Vec<Utf8Range> = exact.iter().map(|m| n.original(m.range)).collect();
            for v in self.variants.find(text, taken) {
                let inside = |r: &Utf8Range| r.overlaps(v.range);
                let first = v.candidates[0];
                let s = &self.spellings[first.1];
                let of: Vec<(usize, usize)> = self.candidates(&v.candidates);
                if let Some(entity) = v.entity() {
                    let longer = held
                        .iter()
                        .filter(|r| inside(r))
                        .all(|r| v.range.start <= r.start && r.end <= v.range.end && r.len() < v.range.len());
                    if !longer {
                        continue;
                    }
                    let norm = n.normalized(v.range);
                    let (first, last) = w.bounds(norm);
                    // A one-word variant is a name only where the words before it call for one
                    // («في», «إلى», «حكومة», a title, a list of names): alone, or after anything
                    // else, its letters are as often a common word's («لإطفاء» is one letter
                    // from «لاتفيا»).
                    if !v.several && !trust::calls_for_a_name(w, first, &linked) {
                        out.unlinked.push(Unlinked {
                            text: t,
                            range: v.range,
                            of,
                            why: Hold::Variant { common: false },
                        });
                        continue;
                    }
                    if trust::part_of_name(
                        w,
                        text,
                        Place { first, last, form: s.form, place: s.place },
                        &is_demonym,
                        &linked,
                    ) {
                        out.unlinked.push(Unlinked { text: t, range: v.range, of, why: Hold::PartOfName });
                        continue;
                    }
                    mentions.retain(|m| !inside(&m.range));
                    out.unlinked.retain(|u| u.text != t || !inside(&u.range));
                    let source = MentionSource::Variant(s.alias);
                    mentions.push(Mention { range: v.range, entity, source, adjective: v.adjective });
                } else if !v.common && !held.iter().any(inside) {
                    let why = match v.evidence {
                        Evidence::Embedded => Hold::Embedded,
                        _ => Hold::Variant { common: v.common },
                    };
                    out.unlinked.push(Unlinked { text: t, range: v.range, of, why });
                }
            }
            mentions.sort_by_key(|m| m.range.start);
            out.mentions[t] = mentions;
        }
        // An ambiguous alias: decided by the noun before it, or by the document's strong
        // evidence of the same entity and a place where the common word cannot stand.
        let mut evidence: HashSet<usize> = out.mentions.iter().flatten().map(|m| m.entity).collect();
        let mut rest = Vec::new();
        for (t, m, first, form) in deferred {
            if form == Form::Name && trust::decided_by_head(&words[t], first) {
                evidence.insert(m.entity);
                out.mentions[t].push(m);
            } else {
                rest.push((t, m, first, form));
            }
        }
        for (t, m, first, form) in rest {
            let w = &words[t];
            let placed: Vec<usize> =
                out.mentions[t].iter().flat_map(|x| w.span(normalized[t].normalized(x.range))).collect();
            let linked = |k: usize| placed.contains(&k);
            let known = evidence.contains(&m.entity);
            // In a list of places («مالي والنيجر»), with the document's evidence.
            let listed = form == Form::Name && trust::in_a_list_of_places(w, first, &linked);
            let of = vec![(
                m.entity,
                match m.source {
                    MentionSource::Alias(a) | MentionSource::Variant(a) => a,
                    MentionSource::Added => usize::MAX,
                },
            )];
            if known && (listed || trust::decided_with_evidence(w, texts[t], first, form, &linked)) {
                out.mentions[t].push(m);
            } else if trust::worth_suggesting(w, first, form, known, &linked) {
                out.unlinked.push(Unlinked { text: t, range: m.range, of, why: Hold::Ambiguous });
            }
        }
        for mentions in &mut out.mentions {
            mentions.sort_by_key(|m| m.range.start);
        }
        out.unlinked.sort_by_key(|u| (u.text, u.range.start));
        out
    }

    fn spelling(&self, m: &Mention) -> &Spelling {
        match m.source {
            MentionSource::Alias(k) | MentionSource::Variant(k) => &self.spellings[k],
            MentionSource::Added => unreachable!("the finder adds nothing"),
        }
    }

    /// The source of an exact match, as the alias it spells (the entity's name: `usize::MAX`).
    fn source(&self, m: &Mention) -> MentionSource {
        MentionSource::Alias(self.spelling(m).alias)
    }

    fn candidates(&self, of: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for &(e, k) in of {
            if !out.iter().any(|&(o, _)| o == e) {
                out.push((e, self.spellings[k].alias));
            }
        }
        out
    }

    fn unlinked(&self, text: usize, range: Utf8Range, m: &Mention, why: Hold) -> Unlinked {
        Unlinked { text, range, of: vec![(m.entity, self.spelling(m).alias)], why }
    }
}
