//! `cargo xtask gen-catalogue NODE_MODULES [OUT.json]`: writes the sample catalogue
//! (`assets/catalogues/sample.json`): the seed's lasting entities (people, places, organisations,
//! units) as every article may use them (no claims, no metonyms: both are the seed article's;
//! its agreements, events and warships are left to it), then the world's countries and the capitals
//! that have Arabic names in the data packages:
//! - countries: ISO 3166-1 codes and Arabic names from `i18n-iso-countries` (locale `ar`), a
//!   second Arabic spelling where `world-countries` writes it otherwise (`translations.ara`), the
//!   English name and a rough centre (background) from `world-countries`;
//! - capitals: `world-countries`' capital, where CLDR (`cldr-dates-full`, the `ar` exemplar cities
//!   of the time zones) names a city of that English name in Arabic; its coordinates (background)
//!   from Natural Earth's populated places (`naturalearth_cities`, public domain, as the PyPI
//!   `geopandas` 0.14.4 wheel ships it: a shapefile of 243 capitals), the place of that name
//!   nearest the country's centre, and none when the nearest is over 2,500 km from it.
//!
//! Then, from two tables of this file (the newsroom's knowledge, which no data package holds):
//! each country's demonym (the masculine nisba with the article, «التونسي»; the matcher finds
//! its other forms) and its broken plurals («الروس»), and the other names outlets use
//! («بريطانيا», «سلطنة عمان», «سورية»).
//!
//! A name that is also a common word (`article_authoring::text::common_words`) is written as an
//! ambiguous alias: suggested to the editor, never linked by itself; so is a demonym or a name the
//! tables mark ambiguous («المالي»: Malian or financial; «سيول»: Seoul or floods). A spelling that an earlier
//! record has (the seed's, a country's) is not repeated; a seed country gains the packages'
//! spellings it lacks.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use article_authoring::catalogue::{Catalogue, FORMAT, VERSION};
use article_authoring::model::{slug, Alias, AliasDetail, Bilingual, Coordinates, Entity, EntityKind};
use article_authoring::text::{common_words, normalize_str};
use serde_json::Value;

/// Each country's demonym: (id, the masculine singular with the article, its broken plurals,
/// whether it is also a common word or another country's). A second spelling outlets use for a
/// demonym is a row of its own (الأميركي): a demonym's variants are never linked by themselves.
const DEMONYMS: &[(&str, &str, &[&str], bool)] = &[
    ("afghanistan", "الأفغاني", &["الأفغان", "أفغان"], false),
    ("albania", "الألباني", &[], false),
    ("algeria", "الجزائري", &[], false),
    ("angola", "الأنغولي", &[], false),
    ("argentina", "الأرجنتيني", &[], false),
    ("armenia", "الأرميني", &["الأرمن", "أرمن"], false),
    ("australia", "الأسترالي", &[], false),
    ("austria", "النمساوي", &[], false),
    ("azerbaijan", "الأذربيجاني", &[], false),
    ("bahrain", "البحريني", &[], false),
    ("bangladesh", "البنغلاديشي", &[], false),
    ("belarus", "البيلاروسي", &[], false),
    ("belgium", "البلجيكي", &[], false),
    ("benin", "البنيني", &[], false),
    ("bolivia", "البوليفي", &[], false),
    ("bosnia-and-herzegovina", "البوسني", &[], false),
    ("botswana", "البوتسواني", &[], false),
    ("brazil", "البرازيلي", &[], false),
    ("bulgaria", "البلغاري", &[], false),
    ("burkina-faso", "البوركيني", &[], false),
    ("burundi", "البوروندي", &[], false),
    ("cambodia", "الكمبودي", &[], false),
    ("cameroon", "الكاميروني", &[], false),
    ("canada", "الكندي", &[], false),
    ("chad", "التشادي", &[], false),
    ("chile", "التشيلي", &[], false),
    ("china", "الصيني", &[], false),
    ("colombia", "الكولومبي", &[], false),
    ("comoros", "القمري", &[], true),
    ("costa-rica", "الكوستاريكي", &[], false),
    ("croatia", "الكرواتي", &[], false),
    ("cuba", "الكوبي", &[], false),
    ("cyprus", "القبرصي", &[], false),
    ("czechia", "التشيكي", &[], false),
    ("denmark", "الدنماركي", &[], false),
    ("djibouti", "الجيبوتي", &[], false),
    ("dominican-republic", "الدومينيكاني", &[], false),
    ("dr-congo", "الكونغولي", &[], true),
    ("ecuador", "الإكوادوري", &[], false),
    ("egypt", "المصري", &[], false),
    ("el-salvador", "السلفادوري", &[], false),
    ("eritrea", "الإريتري", &[], false),
    ("estonia", "الإستوني", &[], false),
    ("ethiopia", "الإثيوبي", &[], false),
    ("finland", "الفنلندي", &[], false),
    ("france", "الفرنسي", &[], false),
    ("gabon", "الغابوني", &[], false),
    ("gambia", "الغامبي", &[], false),
    ("georgia", "الجورجي", &[], false),
    ("germany", "الألماني", &["الألمان", "ألمان"], false),
    ("ghana", "الغاني", &[], false),
    ("greece", "اليوناني", &[], false),
    ("guatemala", "الغواتيمالي", &[], false),
    ("guinea", "الغيني", &[], true),
    ("haiti", "الهايتي", &[], false),
    ("honduras", "الهندوراسي", &[], false),
    ("hungary", "المجري", &[], false),
    ("iceland", "الآيسلندي", &[], false),
    ("india", "الهندي", &["الهنود", "هنود"], false),
    ("indonesia", "الإندونيسي", &[], false),
    ("iran", "الإيراني", &[], false),
    ("iraq", "العراقي", &[], false),
    ("ireland", "الأيرلندي", &[], false),
    ("israel", "الإسرائيلي", &[], false),
    ("italy", "الإيطالي", &[], false),
    ("ivory-coast", "الإيفواري", &[], false),
    ("jamaica", "الجامايكي", &[], false),
    ("japan", "الياباني", &[], false),
    ("jordan", "الأردني", &[], false),
    ("kazakhstan", "الكازاخي", &[], false),
    ("kenya", "الكيني", &[], false),
    ("kosovo", "الكوسوفي", &[], false),
    ("kuwait", "الكويتي", &[], false),
    ("kyrgyzstan", "القيرغيزي", &[], false),
    ("laos", "اللاوسي", &[], false),
    ("latvia", "اللاتفي", &[], false),
    ("lebanon", "اللبناني", &[], false),
    ("liberia", "الليبيري", &[], false),
    ("libya", "الليبي", &[], false),
    ("lithuania", "الليتواني", &[], false),
    ("luxembourg", "اللوكسمبورغي", &[], false),
    ("madagascar", "الملغاشي", &[], false),
    ("malawi", "المالاوي", &[], false),
    ("malaysia", "الماليزي", &[], false),
    ("mali", "المالي", &[], true),
    ("malta", "المالطي", &[], false),
    ("mauritania", "الموريتاني", &[], false),
    ("mexico", "المكسيكي", &[], false),
    ("moldova", "المولدوفي", &[], false),
    ("mongolia", "المنغولي", &[], false),
    ("morocco", "المغربي", &["المغاربة", "مغاربة"], false),
    ("mozambique", "الموزمبيقي", &[], false),
    ("myanmar", "الميانماري", &[], false),
    ("namibia", "الناميبي", &[], false),
    ("nepal", "النيبالي", &[], false),
    ("netherlands", "الهولندي", &[], false),
    ("new-zealand", "النيوزيلندي", &[], false),
    ("nicaragua", "النيكاراغوي", &[], false),
    ("niger", "النيجري", &[], false),
    ("nigeria", "النيجيري", &[], false),
    ("north-korea", "الكوري الشمالي", &[], false),
    ("north-macedonia", "المقدوني", &[], false),
    ("norway", "النرويجي", &[], false),
    ("oman", "العماني", &[], false),
    ("pakistan", "الباكستاني", &[], false),
    ("palestine", "الفلسطيني", &[], false),
    ("panama", "البنمي", &[], false),
    ("paraguay", "الباراغوياني", &[], false),
    ("peru", "البيروفي", &[], false),
    ("philippines", "الفلبيني", &[], false),
    ("poland", "البولندي", &[], false),
    ("portugal", "البرتغالي", &[], false),
    ("qatar", "القطري", &[], false),
    ("romania", "الروماني", &[], true),
    ("russia", "الروسي", &["الروس", "روس"], false),
    ("rwanda", "الرواندي", &[], false),
    ("saudi-arabia", "السعودي", &[], false),
    ("senegal", "السنغالي", &[], false),
    ("serbia", "الصربي", &[], false),
    ("sierra-leone", "السيراليوني", &[], false),
    ("singapore", "السنغافوري", &[], false),
    ("slovakia", "السلوفاكي", &[], false),
    ("slovenia", "السلوفيني", &[], false),
    ("somalia", "الصومالي", &[], false),
    ("south-africa", "الجنوب أفريقي", &["الجنوب أفريقية", "الجنوب أفريقيون", "الجنوب أفريقيين"], false),
    ("south-korea", "الكوري الجنوبي", &[], false),
    ("spain", "الإسباني", &[], false),
    ("sri-lanka", "السريلانكي", &[], false),
    ("sudan", "السوداني", &[], false),
    ("sweden", "السويدي", &[], false),
    ("switzerland", "السويسري", &[], false),
    ("syria", "السوري", &[], false),
    ("taiwan", "التايواني", &[], false),
    ("tajikistan", "الطاجيكي", &[], false),
    ("tanzania", "التنزاني", &[], false),
    ("thailand", "التايلاندي", &[], false),
    ("togo", "التوغولي", &[], false),
    ("tunisia", "التونسي", &[], false),
    ("turkiye", "التركي", &["الأتراك", "أتراك"], false),
    ("turkmenistan", "التركماني", &[], false),
    ("uganda", "الأوغندي", &[], false),
    ("ukraine", "الأوكراني", &[], false),
    ("united-arab-emirates", "الإماراتي", &[], false),
    ("united-kingdom", "البريطاني", &[], false),
    ("united-states", "الأمريكي", &[], false),
    ("united-states", "الأميركي", &[], false),
    ("uruguay", "الأوروغوياني", &[], false),
    ("uzbekistan", "الأوزبكي", &[], false),
    ("venezuela", "الفنزويلي", &[], false),
    ("vietnam", "الفيتنامي", &[], false),
    ("yemen", "اليمني", &[], false),
    ("zambia", "الزامبي", &[], false),
    ("zimbabwe", "الزيمبابوي", &[], false),
];

/// Other names outlets use: (id, name, whether it is also a common word).
const OTHER_NAMES: &[(&str, &str, bool)] = &[
    ("united-kingdom", "بريطانيا", false),
    ("united-kingdom", "بريطانيا العظمى", false),
    ("united-states", "الولايات المتحدة الأمريكية", false),
    ("united-states", "أميركا", false),
    ("saudi-arabia", "المملكة العربية السعودية", false),
    ("morocco", "المملكة المغربية", false),
    ("oman", "سلطنة عمان", false),
    ("jordan", "المملكة الأردنية الهاشمية", false),
    ("dr-congo", "الكونغو الديمقراطية", false),
    ("ivory-coast", "كوت ديفوار", false),
    ("hungary", "هنغاريا", false),
    ("syria", "سورية", false),
    ("kuala-lumpur", "كوالالمبور", false),
    ("mogadishu", "مقديشو", false),
    ("kabul", "كابل", true),
    ("seoul", "سيول", true),
];

fn read(root: &Path, path: &str) -> Result<Value, String> {
    let file = root.join(path);
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))
}

/// Every exemplar city of CLDR's time zones: English name (from the zone id) → Arabic name.
fn cldr_cities(zones: &Value, out: &mut HashMap<String, String>, key: &str) {
    if let Some(city) = zones.get("exemplarCity").and_then(Value::as_str) {
        out.insert(key.replace('_', " "), city.to_owned());
        return;
    }
    if let Some(map) = zones.as_object() {
        for (k, v) in map {
            cldr_cities(v, out, k);
        }
    }
}

/// Natural Earth's populated places from the shapefile in `dir` (`naturalearth_cities.shp` and
/// `.dbf`): (name, coordinates). The shapefile's points are records of type 1 (x, y as
/// little-endian f64 after a 12-byte header); the table's one field is the name.
pub fn natural_earth_cities(dir: &Path) -> Result<Vec<(String, Coordinates)>, String> {
    let file = |ext: &str| {
        let path = dir.join(format!("naturalearth_cities.{ext}"));
        std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let (shp, dbf) = (file("shp")?, file("dbf")?);
    let u16_at = |b: &[u8], i: usize| u16::from_le_bytes([b[i], b[i + 1]]) as usize;
    let f64_at = |b: &[u8], i: usize| f64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default());
    let bad = || format!("{}: not the naturalearth_cities shapefile", dir.display());
    if dbf.len() < 32 || shp.len() < 100 {
        return Err(bad());
    }
    let count = u32::from_le_bytes([dbf[4], dbf[5], dbf[6], dbf[7]]) as usize;
    let (header, record) = (u16_at(&dbf, 8), u16_at(&dbf, 10));
    let mut points = Vec::new();
    let mut at = 100;
    while at + 28 <= shp.len() {
        let words = u32::from_be_bytes([shp[at + 4], shp[at + 5], shp[at + 6], shp[at + 7]]) as usize;
        if u32::from_le_bytes([shp[at + 8], shp[at + 9], shp[at + 10], shp[at + 11]]) == 1 {
            points.push(Coordinates { lon: f64_at(&shp, at + 12), lat: f64_at(&shp, at + 20) });
        }
        at += 8 + 2 * words;
    }
    if points.len() != count || dbf.len() < header + count * record {
        return Err(bad());
    }
    Ok((0..count)
        .map(|i| {
            let row = &dbf[header + i * record + 1..header + (i + 1) * record];
            (String::from_utf8_lossy(row).trim().to_owned(), points[i])
        })
        .collect())
}

/// A name reduced to its letters, lowercase: "Port-of-Spain" and "Port of Spain" are one.
fn letters(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Great-circle distance in km.
fn km(a: Coordinates, b: Coordinates) -> f64 {
    let r = |d: f64| d.to_radians();
    let h = (r(b.lat - a.lat) / 2.0).sin().powi(2)
        + r(a.lat).cos() * r(b.lat).cos() * (r(b.lon - a.lon) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Builds the sample catalogue from the packages under `node_modules` and Natural Earth's
/// populated places in `cities_dir`.
pub fn generate(node_modules: &Path, cities_dir: &Path) -> Result<String, String> {
    let places = natural_earth_cities(cities_dir)?;
    let codes = read(node_modules, "i18n-iso-countries/codes.json")?;
    let arabic = read(node_modules, "i18n-iso-countries/langs/ar.json")?;
    let world = read(node_modules, "world-countries/countries.json")?;
    let zones = read(node_modules, "cldr-dates-full/main/ar/timeZoneNames.json")?;
    let mut cities = HashMap::new();
    cldr_cities(&zones["main"]["ar"]["dates"]["timeZoneNames"]["zone"], &mut cities, "");
    let common: HashSet<String> = common_words().map(normalize_str).collect();
    let by_cca2: HashMap<&str, &Value> =
        world.as_array().into_iter().flatten().filter_map(|c| Some((c["cca2"].as_str()?, c))).collect();

    let mut entities: Vec<Entity> = Vec::new();
    // Which record has a spelling (normalised), so that none is listed twice.
    let mut claimed: HashMap<String, usize> = HashMap::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let seed = article_authoring::seed::document().map_err(|p| format!("the seed is invalid: {p:?}"))?;
    for mut e in seed.entities {
        // Agreements, events and warships of one story are the article's, not the newsroom's.
        if matches!(e.kind, EntityKind::Agreement | EntityKind::Event | EntityKind::MilitaryAsset) {
            continue;
        }
        e.claims.clear();
        e.aliases.retain(|a| a.metonym_of().is_none());
        // A generic word the seed links for its own story («القوات المسلحة») is only suggested.
        for a in &mut e.aliases {
            if common.contains(&normalize_str(a.text())) {
                *a = Alias::Detailed(AliasDetail {
                    text: a.text().to_owned(),
                    adjective: a.is_adjective(),
                    metonym_of: None,
                    ambiguous: true,
                });
            }
        }
        for a in &e.aliases {
            claimed.insert(normalize_str(a.text()), entities.len());
        }
        claimed.insert(normalize_str(&e.name.ar), entities.len());
        ids.insert(e.id.clone(), entities.len());
        entities.push(e);
    }
    // Adds a spelling to record `i` unless some record has it; ambiguous when a common word.
    let add = |entities: &mut Vec<Entity>, claimed: &mut HashMap<String, usize>, i: usize, text: &str| {
        let key = normalize_str(text);
        if key.is_empty() || claimed.contains_key(&key) {
            return;
        }
        claimed.insert(key.clone(), i);
        let ambiguous = common.contains(&key);
        entities[i].aliases.push(if ambiguous {
            Alias::Detailed(AliasDetail { text: text.to_owned(), adjective: false, metonym_of: None, ambiguous: true })
        } else {
            Alias::Plain(text.to_owned())
        });
    };

    let mut capitals = Vec::new();
    for row in codes.as_array().into_iter().flatten() {
        let (Some(alpha2), Some(alpha3), Some(numeric)) = (row[0].as_str(), row[1].as_str(), row[2].as_str()) else {
            continue;
        };
        let Some(name_ar) = arabic["countries"][alpha2].as_str() else { continue };
        let wc = by_cca2.get(alpha2);
        let name_en = wc.and_then(|c| c["name"]["common"].as_str()).unwrap_or(alpha3).to_owned();
        let other_ar = wc.and_then(|c| c["translations"]["ara"]["common"].as_str());
        let id = slug(&name_en);
        // A country the seed already has (by id, or by a name a seed country has) gains spellings.
        let existing = ids.get(&id).copied().or_else(|| {
            claimed.get(&normalize_str(name_ar)).copied().filter(|&i| entities[i].kind == EntityKind::Country)
        });
        let i = match existing {
            Some(i) => i,
            None => {
                if ids.contains_key(&id) {
                    continue;
                }
                let coordinates = wc.and_then(|c| {
                    let ll = c["latlng"].as_array()?;
                    Some(Coordinates { lat: ll.first()?.as_f64()?, lon: ll.get(1)?.as_f64()? })
                });
                let kind = if alpha2 == "AQ" { EntityKind::Region } else { EntityKind::Country };
                entities.push(Entity {
                    id: id.clone(),
                    name_guessed: false,
                    kind,
                    name: Bilingual { ar: name_ar.to_owned(), en: name_en.clone() },
                    aliases: Vec::new(),
                    description: Bilingual {
                        ar: format!("دولة أو إقليم؛ رمزه في ISO 3166-1: ‏{alpha3}، {numeric}"),
                        en: format!("Country or territory; ISO 3166-1 {alpha3}, {numeric}"),
                    },
                    claims: Vec::new(),
                    wikidata: None,
                    coordinates,
                });
                ids.insert(id.clone(), entities.len() - 1);
                entities.len() - 1
            }
        };
        // The name itself is listed when it is ambiguous (so that it is never linked as a name).
        if existing.is_none() {
            let key = normalize_str(name_ar);
            if common.contains(&key) {
                add(&mut entities, &mut claimed, i, name_ar);
            } else {
                claimed.entry(key).or_insert(i);
            }
        } else {
            add(&mut entities, &mut claimed, i, name_ar);
        }
        if let Some(other) = other_ar {
            add(&mut entities, &mut claimed, i, other);
        }
        if let Some(capital) = wc.and_then(|c| c["capital"][0].as_str()) {
            if let Some(capital_ar) = cities.get(capital) {
                let centre = wc.and_then(|c| {
                    let ll = c["latlng"].as_array()?;
                    Some(Coordinates { lat: ll.first()?.as_f64()?, lon: ll.get(1)?.as_f64()? })
                });
                let at = centre.and_then(|centre| {
                    places
                        .iter()
                        .filter(|(name, _)| letters(name) == letters(capital))
                        .map(|&(_, at)| (km(at, centre), at))
                        .filter(|&(d, _)| d < 2500.0)
                        .min_by(|a, b| a.0.total_cmp(&b.0))
                        .map(|(_, at)| Coordinates { lat: round(at.lat), lon: round(at.lon) })
                });
                capitals.push((capital.to_owned(), capital_ar.clone(), entities[i].name.clone(), at));
            }
        }
    }
    for (en, ar, country, coordinates) in capitals {
        let id = slug(&en);
        let key = normalize_str(&ar);
        // A capital spelled as its country (الكويت) or as anything listed before is left to the
        // newsroom's own catalogue.
        if ids.contains_key(&id) || claimed.contains_key(&key) || common.contains(&key) {
            continue;
        }
        claimed.insert(key, entities.len());
        ids.insert(id.clone(), entities.len());
        entities.push(Entity {
            id,
            name_guessed: false,
            kind: EntityKind::City,
            name: Bilingual { ar: ar.clone(), en: en.clone() },
            aliases: Vec::new(),
            description: Bilingual {
                ar: format!("عاصمة {}", country.ar), en: format!("Capital of {}", country.en)
            },
            claims: Vec::new(),
            wikidata: None,
            coordinates,
        });
    }
    // The tables: demonyms (adjectives) and other names.
    let detailed = |text: &str, adjective: bool, ambiguous: bool| {
        if !adjective && !ambiguous {
            Alias::Plain(text.to_owned())
        } else {
            Alias::Detailed(AliasDetail { text: text.to_owned(), adjective, metonym_of: None, ambiguous })
        }
    };
    let mut extra = |id: &str, text: &str, adjective: bool, ambiguous: bool| -> Result<(), String> {
        let i = *ids.get(id).ok_or_else(|| format!("the tables name {id}, which the catalogue lacks"))?;
        let key = normalize_str(text);
        if claimed.contains_key(&key) {
            return Ok(());
        }
        claimed.insert(key.clone(), i);
        entities[i].aliases.push(detailed(text, adjective, ambiguous || common.contains(&key)));
        Ok(())
    };
    for &(id, demonym, plurals, ambiguous) in DEMONYMS {
        extra(id, demonym, true, ambiguous)?;
        for plural in plurals {
            extra(id, plural, true, ambiguous)?;
        }
    }
    for &(id, name, ambiguous) in OTHER_NAMES {
        extra(id, name, false, ambiguous)?;
    }
    let catalogue = Catalogue {
        format: FORMAT.to_owned(),
        version: VERSION,
        about: Some(
            "The seed article's entities (without its claims and metonyms), the world's countries and territories \
             (i18n-iso-countries 7.14 and world-countries 5.1) and the capitals CLDR 48 names in Arabic, with each country's demonym and other \
             names from the generator's tables. Generated by cargo xtask gen-catalogue."
                .to_owned(),
        ),
        entities,
    };
    serde_json::to_string_pretty(&catalogue).map(|s| s + "\n").map_err(|e| e.to_string())
}

/// Coordinates to 3 decimals (about 100 m): a capital's place on a news map, no more.
fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

pub fn run(node_modules: &Path, cities_dir: &Path, out: &Path) -> Result<(), String> {
    let text = generate(node_modules, cities_dir)?;
    std::fs::write(out, &text).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("wrote {} ({} bytes)", out.display(), text.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_equals_the_committed_catalogue() {
        let Some(npm) = std::env::var_os("AE_NPM") else {
            assert!(
                std::env::var_os("AE_REQUIRE_SOURCES").is_none(),
                "AE_NPM is not set, and the test command requires it"
            );
            eprintln!("AE_NPM is not set: run through scripts/test to check the catalogue generator");
            return;
        };
        let cities = std::env::var_os("AE_CITIES").expect("AE_CITIES (scripts/lib.sh sets it with AE_NPM)");
        let generated = generate(&Path::new(&npm).join("node_modules"), Path::new(&cities)).unwrap();
        let path = format!("{}/../assets/catalogues/sample.json", env!("CARGO_MANIFEST_DIR"));
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(generated == committed, "assets/catalogues/sample.json is stale: run cargo xtask gen-catalogue");
        article_authoring::catalogue::parse("sample.json", &committed).expect("the sample catalogue is valid");
    }
}
