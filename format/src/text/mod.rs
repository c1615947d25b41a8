//! Offsets into the article's texts, and the runs a view renders.
//!
//! Inside Rust every offset is a byte offset into the original UTF-8 text, held in a
//! [`Utf8Range`]. They never cross into the DOM as numbers: the view renders segments as text
//! nodes. Where a count must leave (a report, a link), [`Utf8Range::to_chars`] and
//! [`Utf8Range::to_utf16`] convert once.

pub mod segment;

pub use segment::{pieces, runs, segments, Piece, Segment};

/// A range of byte offsets into a UTF-8 string, always on char boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Utf8Range {
    pub start: usize,
    pub end: usize,
}

/// A range of char (Unicode scalar) offsets: what a person counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CharRange {
    pub start: usize,
    pub end: usize,
}

/// A range of UTF-16 code unit offsets: what the DOM counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Utf16Range {
    pub start: usize,
    pub end: usize,
}

impl Utf8Range {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    pub fn overlaps(self, other: Utf8Range) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this range covers in `text`.
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    pub fn to_chars(self, text: &str) -> CharRange {
        let start = text[..self.start].chars().count();
        CharRange { start, end: start + text[self.start..self.end].chars().count() }
    }

    pub fn to_utf16(self, text: &str) -> Utf16Range {
        let start = text[..self.start].encode_utf16().count();
        Utf16Range { start, end: start + text[self.start..self.end].encode_utf16().count() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_convert_to_chars_and_utf16() {
        let text = "a🙂بوتين";
        let start = text.find('ب').unwrap();
        let r = Utf8Range::new(start, text.len());
        assert_eq!(r.of(text), "بوتين");
        assert_eq!(r.to_chars(text), CharRange { start: 2, end: 7 });
        assert_eq!(r.to_utf16(text), Utf16Range { start: 3, end: 8 });
    }
}
