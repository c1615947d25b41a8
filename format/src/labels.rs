//! Label placement, for the map and the graph alike: a label takes the first of its candidate
//! places where its box lies inside the picture and overlaps no box already taken. Pure.

/// An axis-aligned box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }
    pub fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }
}

/// The first of `centres` where a box of `size` lies inside a picture of `bounds` (from the
/// origin) and overlaps none of `taken`; None when every one does.
pub fn first_free(
    centres: &mut dyn Iterator<Item = (f64, f64)>,
    size: (f64, f64),
    bounds: (f64, f64),
    taken: &[Rect],
) -> Option<Rect> {
    let (w, h) = size;
    centres.map(|(cx, cy)| Rect { x: cx - w / 2.0, y: cy - h / 2.0, w, h }).find(|r| {
        r.x >= 0.0
            && r.y >= 0.0
            && r.x + r.w <= bounds.0
            && r.y + r.h <= bounds.1
            && !taken.iter().any(|t| t.overlaps(r))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_takes_the_first_free_place_inside_the_picture() {
        let taken = [Rect { x: 0.0, y: 0.0, w: 10.0, h: 10.0 }];
        // The first centre overlaps, the second leaves the picture, the third is free.
        let r = first_free(&mut [(5.0, 5.0), (98.0, 5.0), (20.0, 5.0)].into_iter(), (8.0, 4.0), (100.0, 100.0), &taken)
            .unwrap();
        assert_eq!((r.x, r.y), (16.0, 3.0));
        assert_eq!(first_free(&mut [(5.0, 5.0)].into_iter(), (8.0, 4.0), (100.0, 100.0), &taken), None);
    }
}
