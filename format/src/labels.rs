//! Label placement, for the map and the graph alike: a label takes the first of its candidate
//! places where its box lies inside the picture and overlaps no box already taken. The boxes
//! taken are kept in a grid of cells, so that a candidate is tested against its neighbours only:
//! a thousand labels cost thousands of tests, not millions. Pure.

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

/// The boxes taken so far, by the grid cells they cover: overlap tests look at a box's own cells.
pub struct Taken {
    cell: f64,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    rects: Vec<Rect>,
}

impl Taken {
    /// An empty grid over a picture of `bounds` (from the origin); boxes outside it are kept in
    /// its edge cells.
    pub fn new(bounds: (f64, f64)) -> Taken {
        const CELL: f64 = 48.0;
        let count = |v: f64| ((v / CELL).ceil().max(1.0) as usize).min(512);
        let (cols, rows) = (count(bounds.0), count(bounds.1));
        Taken { cell: CELL, cols, rows, cells: vec![Vec::new(); cols * rows], rects: Vec::new() }
    }
    /// The cells a box covers, clamped to the grid.
    fn span(&self, r: &Rect) -> (std::ops::RangeInclusive<usize>, std::ops::RangeInclusive<usize>) {
        let at = |v: f64, n: usize| ((v / self.cell).floor().max(0.0) as usize).min(n - 1);
        (at(r.x, self.cols)..=at(r.x + r.w, self.cols), at(r.y, self.rows)..=at(r.y + r.h, self.rows))
    }
    pub fn push(&mut self, r: Rect) {
        let k = self.rects.len() as u32;
        let (xs, ys) = self.span(&r);
        for y in ys {
            for x in xs.clone() {
                self.cells[y * self.cols + x].push(k);
            }
        }
        self.rects.push(r);
    }
    /// Whether `r` overlaps a box taken.
    pub fn overlaps(&self, r: &Rect) -> bool {
        let (xs, ys) = self.span(r);
        ys.flat_map(|y| xs.clone().map(move |x| y * self.cols + x))
            .any(|c| self.cells[c].iter().any(|&k| self.rects[k as usize].overlaps(r)))
    }
}

/// The first of `centres` where a box of `size` lies inside a picture of `bounds` (from the
/// origin) and overlaps none of `taken`; None when every one does.
pub fn first_free(
    centres: &mut dyn Iterator<Item = (f64, f64)>,
    size: (f64, f64),
    bounds: (f64, f64),
    taken: &Taken,
) -> Option<Rect> {
    let (w, h) = size;
    centres
        .map(|(cx, cy)| Rect { x: cx - w / 2.0, y: cy - h / 2.0, w, h })
        .find(|r| r.x >= 0.0 && r.y >= 0.0 && r.x + r.w <= bounds.0 && r.y + r.h <= bounds.1 && !taken.overlaps(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_takes_the_first_free_place_inside_the_picture() {
        let mut taken = Taken::new((100.0, 100.0));
        taken.push(Rect { x: 0.0, y: 0.0, w: 10.0, h: 10.0 });
        // The first centre overlaps, the second leaves the picture, the third is free.
        let r = first_free(&mut [(5.0, 5.0), (98.0, 5.0), (20.0, 5.0)].into_iter(), (8.0, 4.0), (100.0, 100.0), &taken)
            .unwrap();
        assert_eq!((r.x, r.y), (16.0, 3.0));
        assert_eq!(first_free(&mut [(5.0, 5.0)].into_iter(), (8.0, 4.0), (100.0, 100.0), &taken), None);
    }

    #[test]
    fn the_grid_finds_every_overlap_a_list_would() {
        // Boxes of every size, inside, across cell edges and outside the picture, against a
        // plain scan of the list.
        let mut seed = 7u64;
        let mut next = |m: f64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / (1u64 << 31) as f64 * m
        };
        let mut grid = Taken::new((300.0, 200.0));
        let mut list = Vec::new();
        for _ in 0..400 {
            let r = Rect { x: next(360.0) - 30.0, y: next(260.0) - 30.0, w: next(120.0), h: next(40.0) };
            let probe = Rect { x: next(360.0) - 30.0, y: next(260.0) - 30.0, w: next(90.0), h: next(30.0) };
            assert_eq!(grid.overlaps(&probe), list.iter().any(|t: &Rect| t.overlaps(&probe)), "{probe:?}");
            grid.push(r);
            list.push(r);
        }
    }
}
