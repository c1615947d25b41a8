//! Splitting a text into the runs a view renders: plain text between mentions, and mentions.

use super::Utf8Range;

/// A run of a text: plain, or the mention with this index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub range: Utf8Range,
    pub mention: Option<usize>,
}

/// The runs of a text of `len` bytes, given its mentions' ranges sorted by start and disjoint.
/// Empty plain runs are left out. Ranges out of order or out of bounds are skipped, not panicked on.
pub fn segments(len: usize, mentions: impl IntoIterator<Item = Utf8Range>) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    for (i, range) in mentions.into_iter().enumerate() {
        if range.start < at || range.end > len || range.is_empty() {
            continue;
        }
        if range.start > at {
            out.push(Segment { range: Utf8Range::new(at, range.start), mention: None });
        }
        out.push(Segment { range, mention: Some(i) });
        at = range.end;
    }
    if at < len {
        out.push(Segment { range: Utf8Range::new(at, len), mention: None });
    }
    out
}

/// A run of a text for rendering, with a marked range (evidence being shown) cut in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub range: Utf8Range,
    pub mention: Option<usize>,
    pub marked: bool,
}

/// The segments of a text, plain ones cut where `marked` starts or ends, so that a view can mark a
/// sentence without losing the mentions inside it. A mention is never cut: it is marked whole
/// when the marked range touches it.
pub fn pieces(len: usize, mentions: impl IntoIterator<Item = Utf8Range>, marked: Option<Utf8Range>) -> Vec<Piece> {
    let mut out = Vec::new();
    for seg in segments(len, mentions) {
        let Some(m) = marked.filter(|m| m.overlaps(seg.range)) else {
            out.push(Piece { range: seg.range, mention: seg.mention, marked: false });
            continue;
        };
        if seg.mention.is_some() {
            out.push(Piece { range: seg.range, mention: seg.mention, marked: true });
            continue;
        }
        let cuts = [
            seg.range.start,
            m.start.clamp(seg.range.start, seg.range.end),
            m.end.clamp(seg.range.start, seg.range.end),
            seg.range.end,
        ];
        for w in cuts.windows(2) {
            if w[0] < w[1] {
                let range = Utf8Range::new(w[0], w[1]);
                out.push(Piece { range, mention: seg.mention, marked: m.overlaps(range) });
            }
        }
    }
    out
}

/// A text of `len` bytes cut at every start and end of `ranges` (clamped to the text): its runs
/// in order, none empty. A view that marks several kinds of overlapping ranges at once (the
/// studio's mentions, suggestions and selection) renders each run with the ranges covering it.
pub fn runs(len: usize, ranges: impl IntoIterator<Item = Utf8Range>) -> Vec<Utf8Range> {
    let mut cuts = vec![0, len];
    cuts.extend(ranges.into_iter().flat_map(|r| [r.start.min(len), r.end.min(len)]));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2).map(|w| Utf8Range::new(w[0], w[1])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_mention_runs_cover_the_text() {
        let r = |a, b| Utf8Range::new(a, b);
        let segs = segments(10, [r(2, 4), r(4, 6), r(8, 10)]);
        let got: Vec<_> = segs.iter().map(|s| (s.range.start, s.range.end, s.mention)).collect();
        assert_eq!(got, [(0, 2, None), (2, 4, Some(0)), (4, 6, Some(1)), (6, 8, None), (8, 10, Some(2))]);
    }

    #[test]
    fn a_marked_range_cuts_segments_and_keeps_mentions() {
        let r = |a, b| Utf8Range::new(a, b);
        let got: Vec<_> = pieces(10, [r(2, 6)], Some(r(4, 8)))
            .iter()
            .map(|p| (p.range.start, p.range.end, p.mention, p.marked))
            .collect();
        assert_eq!(got, [(0, 2, None, false), (2, 6, Some(0), true), (6, 8, None, true), (8, 10, None, false)]);
    }

    #[test]
    fn bad_ranges_are_skipped() {
        let r = |a, b| Utf8Range::new(a, b);
        let segs = segments(5, [r(3, 9), r(1, 2), r(0, 1)]);
        let got: Vec<_> = segs.iter().map(|s| (s.range.start, s.range.end, s.mention)).collect();
        assert_eq!(got, [(0, 1, None), (1, 2, Some(1)), (2, 5, None)]);
    }

    #[test]
    fn runs_cut_at_every_boundary_of_overlapping_ranges() {
        let r = |a, b| Utf8Range::new(a, b);
        assert_eq!(runs(10, [r(2, 6), r(4, 8), r(4, 20)]), [r(0, 2), r(2, 4), r(4, 6), r(6, 8), r(8, 10)]);
        assert_eq!(runs(3, []), [r(0, 3)]);
        assert_eq!(runs(0, [r(0, 0)]), Vec::<Utf8Range>::new());
    }
}
