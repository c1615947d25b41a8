//! The timeline: the document's events in time order, each with the article's own time
//! expression ("last May", kept as the article wrote it) and, where the document gives an ISO date
//! or period, that date written out ("May 2025", "since August 2025").

use crate::handoff::Sketch;
use crate::i18n::Lang;

/// The events' indices in time order (their `order`, then their place in the document).
pub fn ordered(doc: &Sketch) -> Vec<usize> {
    let mut order: Vec<usize> = (0..doc.events.len()).collect();
    order.sort_by_key(|&i| (doc.events[i].order, i));
    order
}

/// The events that name an entity.
pub fn events_of(doc: &Sketch, entity: usize) -> impl Iterator<Item = usize> + '_ {
    doc.events.iter().enumerate().filter(move |(_, t)| t.entities.contains(&entity)).map(|(i, _)| i)
}

/// One step of the story the map tells: an event of the timeline (None: a movement no event
/// reaches), and the map features that first appear at it (indices into the features).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub event: Option<usize>,
    pub features: Vec<usize>,
}

/// The story on the map, step by step: the timeline's events in time order, each reaching the
/// features that share an entity with it and that no earlier event reached; then each movement
/// that no event reaches, in the document's order. An event with nothing on the map is still a
/// step (its sentence is shown). Features no step reaches (the setting: countries, capitals the
/// events do not name) belong to none and are never faded. Linear in the events' and the
/// features' entities (but for sorting the events), and computed once: features that join later
/// (the countries, with the base map) join the same steps through [`join`].
pub fn story(doc: &Sketch, features: &[crate::map::Feature]) -> Vec<Step> {
    let mut steps: Vec<Step> =
        ordered(doc).into_iter().map(|i| Step { event: Some(i), features: Vec::new() }).collect();
    let reached = join(doc, &mut steps, features, 0);
    for (k, f) in features.iter().enumerate() {
        if !reached[k] && matches!(f.shape, crate::map::Shape::Line(_)) {
            steps.push(Step { event: None, features: vec![k] });
        }
    }
    steps
}

/// Adds each of `features[from..]` to the first of the `steps` whose event shares an entity with
/// it (a feature's place in the story does not depend on the other features, so features that
/// come later join the steps already made). Returns whether each feature from `from` on was
/// reached.
pub fn join(doc: &Sketch, steps: &mut [Step], features: &[crate::map::Feature], from: usize) -> Vec<bool> {
    // The first step that names each entity.
    let mut first = vec![usize::MAX; doc.entities.len()];
    for (k, step) in steps.iter().enumerate().rev() {
        for &e in step.event.map_or(&[][..], |i| &doc.events[i].entities[..]) {
            if let Some(f) = first.get_mut(e) {
                *f = k;
            }
        }
    }
    let mut reached = Vec::new();
    for (k, f) in features.iter().enumerate().skip(from) {
        let at = f.entities.iter().filter_map(|&e| first.get(e).copied()).min().filter(|&s| s != usize::MAX);
        if let Some(s) = at {
            steps[s].features.push(k);
        }
        reached.push(at.is_some());
    }
    reached
}

const MONTHS_AR: [&str; 12] =
    ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// One ISO 8601 date (`2025`, `2025-05`, `2025-05-23`) written out; None if it is not one.
fn one_date(iso: &str, lang: Lang) -> Option<String> {
    let mut parts = iso.split('-');
    let year = parts.next().filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))?;
    let month = match parts.next() {
        None => return Some(year.to_owned()),
        Some(m) => m.parse::<usize>().ok().filter(|m| (1..=12).contains(m))?,
    };
    let day = match parts.next() {
        None => None,
        Some(d) => Some(d.parse::<u32>().ok().filter(|d| (1..=31).contains(d))?),
    };
    if parts.next().is_some() {
        return None;
    }
    let name = match lang {
        Lang::Ar => MONTHS_AR[month - 1],
        Lang::En => MONTHS_EN[month - 1],
    };
    Some(match day {
        Some(d) => format!("{d} {name} {year}"),
        None => format!("{name} {year}"),
    })
}

/// What is wrong with a document's date or period, if anything: the reader must be able to write
/// it out ([`date_text`]). The validator and the studio say the same.
pub fn date_problem(iso: &str) -> Option<crate::problem::Message> {
    date_text(iso, Lang::En).is_none().then(|| crate::said!(crate::problem::Code::NotIsoDate, iso))
}

/// A date or period of the document written out for the reader: `2025-05` "May 2025",
/// `2025-08/..` "since August 2025", `../2025-10-23` "until 23 October 2025", `2025-05/2025-06`
/// "May 2025 – June 2025". None when it is none of these (the time expression alone is shown).
pub fn date_text(iso: &str, lang: Lang) -> Option<String> {
    let (since, until) = match lang {
        Lang::Ar => ("منذ", "حتى"),
        Lang::En => ("since", "until"),
    };
    match iso.split_once('/') {
        None => one_date(iso, lang),
        Some(("..", end)) => Some(format!("{until} {}", one_date(end, lang)?)),
        Some((start, "..")) => Some(format!("{since} {}", one_date(start, lang)?)),
        Some((start, end)) => Some(format!("{} – {}", one_date(start, lang)?, one_date(end, lang)?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_periods_are_written_out_in_both_languages() {
        assert_eq!(date_text("2025-05", Lang::En).as_deref(), Some("May 2025"));
        assert_eq!(date_text("2025-05", Lang::Ar).as_deref(), Some("مايو 2025"));
        assert_eq!(date_text("2025-10-23", Lang::En).as_deref(), Some("23 October 2025"));
        assert_eq!(date_text("2025-08/..", Lang::En).as_deref(), Some("since August 2025"));
        assert_eq!(date_text("../2025-10-23", Lang::Ar).as_deref(), Some("حتى 23 أكتوبر 2025"));
        assert_eq!(date_text("2025-05/2025-06", Lang::En).as_deref(), Some("May 2025 – June 2025"));
        assert_eq!(date_text("2025", Lang::En).as_deref(), Some("2025"));
        for bad in ["", "May", "2025-13", "2025-00", "25-05", "2025-05-40", "2025-05-01-01", "x/..", "../"] {
            assert_eq!(date_text(bad, Lang::En), None, "{bad}");
        }
    }

    #[test]
    fn the_seeds_events_come_in_their_order_and_name_their_entities() {
        let doc = Sketch::of(&crate::seed::reading());
        let order = ordered(&doc);
        assert_eq!(order.len(), doc.events.len());
        assert!(order.windows(2).all(|w| doc.events[w[0]].order <= doc.events[w[1]].order));
        let maduro = doc.entity_index("nicolas-maduro").expect("Maduro");
        let his: Vec<&str> = events_of(&doc, maduro).map(|i| doc.events[i].id.as_str()).collect();
        assert!(his.contains(&"maduro-visits-moscow"), "{his:?}");
        for i in events_of(&doc, maduro) {
            assert!(doc.events[i].entities.contains(&maduro));
        }
    }

    fn seed_and_its_base_map() -> (Sketch, crate::geo::basemap::BaseMap) {
        let base = crate::geo::basemap::BaseMap::from_json(
            include_str!("../../assets/map/caribbean.json"),
            &crate::geo::CARIBBEAN,
        );
        (Sketch::of(&crate::seed::reading()), base.unwrap())
    }

    /// The figures make the story once, before the base map, and let the countries it brings
    /// join: the same story as one made with every feature at once.
    #[test]
    fn countries_that_come_with_the_base_map_join_the_story_made_before_it() {
        let (doc, base) = seed_and_its_base_map();
        let before = crate::map::features(&doc, &crate::geo::CARIBBEAN, None);
        let after = crate::map::features(&doc, &crate::geo::CARIBBEAN, Some(&base));
        assert!(after.len() > before.len(), "the seed shades countries");
        assert!(before.iter().zip(&after).all(|(a, b)| a.id == b.id), "the features before keep their places");
        let mut steps = story(&doc, &before);
        join(&doc, &mut steps, &after, before.len());
        assert_eq!(steps, story(&doc, &after));
    }

    #[test]
    fn the_story_reaches_each_feature_once_at_the_first_event_that_names_it() {
        let (doc, base) = seed_and_its_base_map();
        let features = crate::map::features(&doc, &crate::geo::CARIBBEAN, Some(&base));
        let steps = story(&doc, &features);
        // Every event is a step, in time order.
        let events: Vec<usize> = steps.iter().filter_map(|s| s.event).collect();
        assert_eq!(events, ordered(&doc));
        // No feature is reached twice, and each is reached by an event sharing one of its entities
        // that no earlier event shares.
        let mut seen = std::collections::BTreeSet::new();
        for (k, step) in steps.iter().enumerate() {
            for &f in &step.features {
                assert!(seen.insert(f), "{} reached twice", features[f].id);
                let shares = |s: &Step| {
                    s.event.is_some_and(|e| doc.events[e].entities.iter().any(|&x| features[f].entities.contains(&x)))
                };
                assert!(step.event.is_none() || shares(step));
                assert!(!steps[..k].iter().any(shares), "{} reached late", features[f].id);
            }
        }
        // A feature left out shares no entity with any event, and is not a movement.
        for (_, feature) in features.iter().enumerate().filter(|(f, _)| !seen.contains(f)) {
            assert!(!matches!(feature.shape, crate::map::Shape::Line(_)), "{}", feature.id);
            assert!(
                doc.events.iter().all(|e| e.entities.iter().all(|&x| !feature.entities.contains(&x))),
                "{}",
                feature.id
            );
        }
        // The seed: the deployment area comes with the operation, before the destroyer's station.
        let at = |id: &str| steps.iter().position(|s| s.features.iter().any(|&f| features[f].id == id));
        assert!(at("warship-deployment").unwrap() < at("destroyer-station").unwrap());
        assert!(at("destroyer-to-trinidad").is_some() && at("smuggling-route").is_some());
    }
}
