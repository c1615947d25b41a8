//! The base map as the generator writes it (`cargo xtask gen-map`) and the view reads it: a
//! projection, a size in map units, and each country's outline as SVG path data. Read with the
//! small JSON reader (the view's wasm carries no serde); the projection is checked against the
//! one the view draws the document's features with.

use super::{Projection, Xy, WORLD_SOURCE};
use crate::json::{parse, Reader};
use crate::problem::{Code, Message, Problem};

#[derive(Clone, Debug, PartialEq)]
pub struct BaseMap {
    pub projection: Projection,
    pub width: f64,
    pub height: f64,
    pub countries: Vec<BaseCountry>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BaseCountry {
    /// ISO 3166-1 numeric code.
    pub id: String,
    pub name: String,
    /// SVG path data, in map units.
    pub d: String,
    /// Where its label goes (inside its largest piece, far from its coast), and its extent.
    pub label: Option<Xy>,
    pub bounds: Option<(Xy, Xy)>,
}

impl BaseMap {
    /// Whether it is the world's base map, drawn in a fitted region under a transform.
    pub fn is_world(&self) -> bool {
        self.projection == WORLD_SOURCE
    }

    /// A point of this map in the view's projection.
    pub fn to_view(&self, p: Xy, view: &Projection) -> Xy {
        if self.is_world() && *view != WORLD_SOURCE {
            view.world_point(p)
        } else {
            p
        }
    }

    /// The base map a region is drawn on: its own, or the world's for a fitted region.
    pub fn expected_for(region: &super::Region) -> Projection {
        if region.name == super::WORLD {
            WORLD_SOURCE
        } else {
            region.projection
        }
    }

    /// The base map as the generator writes it: `about` first (its source, licence and
    /// generator), then the projection, the size and the countries, one per line. Numbers are
    /// written as the reader reads them back (integers, and the projection's short decimals).
    pub fn to_json(&self, about: &[(&str, &str)]) -> String {
        let q = |s: &str| serde_json::to_string(s).expect("a string");
        let p = &self.projection;
        let mut out = String::from("{");
        for (k, v) in about {
            out.push_str(&format!("{}:{},", q(k), q(v)));
        }
        out.push_str(&format!(
            "\"projection\":{{\"west\":{},\"east\":{},\"south\":{},\"north\":{},\"scale\":{}}},\"width\":{},\"height\":{},\"countries\":[",
            p.west, p.east, p.south, p.north, p.scale, self.width, self.height
        ));
        for (i, c) in self.countries.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&format!("\n{{\"id\":{},\"name\":{}", q(&c.id), q(&c.name)));
            if let Some(l) = c.label {
                out.push_str(&format!(",\"label\":[{},{}]", l.x, l.y));
            }
            if let Some((a, z)) = c.bounds {
                out.push_str(&format!(",\"box\":[{},{},{},{}]", a.x, a.y, z.x, z.y));
            }
            out.push_str(&format!(",\"d\":{}}}", q(&c.d)));
        }
        out.push_str("\n]}\n");
        out
    }

    /// Reads a base map, refusing one drawn in another projection than `expected`.
    pub fn from_json(text: &str, expected: &Projection) -> Result<BaseMap, Problem> {
        let value = parse(text).map_err(|e| e.problem(text))?;
        let mut r = Reader::default();
        let map = (|| {
            let o = r.object(&value)?;
            let projection = r.field(o, "projection", |r, v| {
                let p = r.object(v)?;
                Some(Projection {
                    west: r.field(p, "west", |r, v| r.f64(v))?,
                    east: r.field(p, "east", |r, v| r.f64(v))?,
                    south: r.field(p, "south", |r, v| r.f64(v))?,
                    north: r.field(p, "north", |r, v| r.f64(v))?,
                    scale: r.field(p, "scale", |r, v| r.f64(v))?,
                })
            })?;
            let width = r.field(o, "width", |r, v| r.f64(v))?;
            let height = r.field(o, "height", |r, v| r.f64(v))?;
            let countries = r.field(o, "countries", |r, v| {
                r.list(v, |r, v| {
                    let c = r.object(v)?;
                    Some(BaseCountry {
                        id: r.field(c, "id", |r, v| r.string(v))?,
                        name: r.field(c, "name", |r, v| r.string(v))?,
                        d: r.field(c, "d", |r, v| r.string(v))?,
                        label: r.optional(c, "label", |r, v| {
                            let n = r.list(v, |r, v| r.f64(v))?;
                            (n.len() == 2).then(|| Xy { x: n[0], y: n[1] })
                        })?,
                        bounds: r.optional(c, "box", |r, v| {
                            let n = r.list(v, |r, v| r.f64(v))?;
                            (n.len() == 4).then(|| (Xy { x: n[0], y: n[1] }, Xy { x: n[2], y: n[3] }))
                        })?,
                    })
                })
            })?;
            Some(BaseMap { projection, width, height, countries })
        })();
        if let Some(p) = r.problems.into_iter().next() {
            return Err(p);
        }
        let map = map.ok_or_else(|| Problem::new("", Message::new(Code::NotBaseMap, [])))?;
        if map.projection != *expected {
            return Err(Problem::new("projection", Message::new(Code::WrongProjection, [])));
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CARIBBEAN_JSON: &str = include_str!("../../../assets/map/caribbean.json");

    #[test]
    fn the_generated_map_reads_in_its_projection_and_not_in_another() {
        let map = BaseMap::from_json(CARIBBEAN_JSON, &super::super::CARIBBEAN).expect("reads");
        assert!(map.countries.iter().any(|c| c.id == "862"));
        let other = Projection { west: 40.0, ..super::super::CARIBBEAN };
        let code = |e: Problem| e.message.code;
        assert_eq!(code(BaseMap::from_json(CARIBBEAN_JSON, &other).unwrap_err()), Code::WrongProjection);
        let broken = BaseMap::from_json("{\"width\": 1}", &super::super::CARIBBEAN).unwrap_err();
        assert_eq!((broken.path.as_str(), broken.message.code), ("projection", Code::Missing));
        // What the generator writes is what the view reads: the committed file, byte for byte.
        let about = [
            ("source", "Natural Earth 4.1.0 countries 1:50m, via npm world-atlas 2.0.2 (countries-50m.json)"),
            ("licence", "public domain"),
            ("generator", "cargo xtask gen-map"),
        ];
        assert_eq!(map.to_json(&about), CARIBBEAN_JSON);
    }
}
