//! The timeline: the document's events in time order, each with the article's own time
//! expression ("last May", kept as the article wrote it) and, where the document gives an ISO date
//! or period, that date written out ("May 2025", "since August 2025").

use crate::i18n::Lang;
use crate::reading::Reading;

/// What a reader is asked for from the figures module (the graph's picture and the timeline):
/// open an entity's panel (the index is the entity's), or show an event's sentence in the article
/// (the index is the event's).
pub const PICK_ENTITY: u32 = 0;
pub const PICK_EVIDENCE: u32 = 1;

/// What the reader tells the figures module: which entity is open (lit in the graph, the
/// timeline and the map), show an entity on the map (the view fitted to its features), and load
/// the base map now (before printing a page whose map was never scrolled to).
pub const TELL_OPEN: u32 = 0;
pub const TELL_SHOW: u32 = 1;
pub const TELL_LOAD: u32 = 2;

/// The events' indices in time order (their `order`, then their place in the document).
pub fn ordered(doc: &Reading) -> Vec<usize> {
    let mut order: Vec<usize> = (0..doc.doc.timeline.len()).collect();
    order.sort_by_key(|&i| (doc.doc.timeline[i].order, i));
    order
}

/// The events that name an entity.
pub fn events_of(doc: &Reading, entity: usize) -> impl Iterator<Item = usize> + '_ {
    doc.doc
        .timeline
        .iter()
        .enumerate()
        .filter(move |(_, t)| t.entities.iter().any(|&e| e as usize == entity))
        .map(|(i, _)| i)
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
/// events do not name) belong to none and are never faded.
pub fn story(doc: &Reading, features: &[crate::map::Feature]) -> Vec<Step> {
    let mut reached = vec![false; features.len()];
    let mut steps = Vec::new();
    for i in ordered(doc) {
        let event = &doc.doc.timeline[i];
        let mut mine = Vec::new();
        for (k, f) in features.iter().enumerate() {
            if !reached[k] && f.entities.iter().any(|&e| event.entities.iter().any(|&x| x as usize == e)) {
                reached[k] = true;
                mine.push(k);
            }
        }
        steps.push(Step { event: Some(i), features: mine });
    }
    for (k, f) in features.iter().enumerate() {
        if !reached[k] && matches!(f.shape, crate::map::Shape::Line(_)) {
            steps.push(Step { event: None, features: vec![k] });
        }
    }
    steps
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
pub fn date_problem(iso: &str) -> Option<String> {
    date_text(iso, Lang::En).is_none().then(|| {
        format!("{iso:?} is not a date or period written as ISO 8601 (\"2025-05\", \"2025-05-07\", \"2025-08/..\")")
    })
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
        let doc = crate::seed::reading();
        let order = ordered(&doc);
        assert_eq!(order.len(), doc.doc.timeline.len());
        assert!(order.windows(2).all(|w| doc.doc.timeline[w[0]].order <= doc.doc.timeline[w[1]].order));
        let maduro = doc.entity_index("nicolas-maduro").expect("Maduro");
        let his: Vec<&str> = events_of(&doc, maduro).map(|i| doc.doc.timeline[i].id.as_str()).collect();
        assert!(his.contains(&"maduro-visits-moscow"), "{his:?}");
        for i in events_of(&doc, maduro) {
            assert!(doc.doc.timeline[i].entities.contains(&(maduro as u32)));
        }
    }

    #[test]
    fn the_story_reaches_each_feature_once_at_the_first_event_that_names_it() {
        let doc = crate::seed::reading();
        let base = crate::geo::basemap::BaseMap::from_json(
            include_str!("../../assets/map/caribbean.json"),
            &crate::geo::CARIBBEAN,
        )
        .unwrap();
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
                    s.event.is_some_and(|e| {
                        doc.doc.timeline[e].entities.iter().any(|&x| features[f].entities.contains(&(x as usize)))
                    })
                };
                assert!(step.event.is_none() || shares(step));
                assert!(!steps[..k].iter().any(shares), "{} reached late", features[f].id);
            }
        }
        // A feature left out shares no entity with any event, and is not a movement.
        for (_, feature) in features.iter().enumerate().filter(|(f, _)| !seen.contains(f)) {
            assert!(!matches!(feature.shape, crate::map::Shape::Line(_)), "{}", feature.id);
            assert!(
                doc.doc.timeline.iter().all(|e| e.entities.iter().all(|&x| !feature.entities.contains(&(x as usize)))),
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
