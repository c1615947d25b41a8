//! The base map as the generator writes it (`cargo xtask gen-map`) and the view reads it: a
//! projection, a size in map units, and each country's outline as SVG path data. Read with the
//! small JSON reader (the view's wasm carries no serde); the projection is checked against the
//! one the view draws the document's features with.

use super::{Projection, Xy, WORLD_SOURCE};
use crate::json::{parse, Reader};

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

    /// Reads a base map, refusing one drawn in another projection than `expected`.
    pub fn from_json(text: &str, expected: &Projection) -> Result<BaseMap, String> {
        let value = parse(text).map_err(|e| e.problem(text).to_string())?;
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
        if let Some(p) = r.problems.first() {
            return Err(p.to_string());
        }
        let map = map.ok_or("not a base map")?;
        if map.projection != *expected {
            return Err("the base map is drawn in another projection than the view's".to_owned());
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
        assert!(BaseMap::from_json(CARIBBEAN_JSON, &other).unwrap_err().contains("another projection"));
        assert!(BaseMap::from_json("{\"width\": 1}", &super::super::CARIBBEAN).unwrap_err().contains("projection"));
    }
}
