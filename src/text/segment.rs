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
    fn bad_ranges_are_skipped() {
        let r = |a, b| Utf8Range::new(a, b);
        let segs = segments(5, [r(3, 9), r(1, 2), r(0, 1)]);
        let got: Vec<_> = segs.iter().map(|s| (s.range.start, s.range.end, s.mention)).collect();
        assert_eq!(got, [(0, 1, None), (1, 2, Some(1)), (2, 5, None)]);
    }
}
