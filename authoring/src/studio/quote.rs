//! A selection of the article as a quote (W3C TextQuote: the exact words, with just enough prefix
//! and suffix to tell them from a repeat), made by the studio so that no quote is ever typed.

use super::Selection;
use crate::model::validate::block_text;
use crate::model::{Article, Quote};
use crate::text::locate_quote;

/// The quote of a selection: its exact words, with the shortest prefix and suffix (whole words,
/// grown one at a time) that make it the occurrence selected. None when the selection is empty
/// or outside its text.
pub fn quote_of(article: &Article, at: Selection) -> Option<Quote> {
    let text = block_text(article, at.text)?;
    let (start, end) = (at.range.start, at.range.end);
    if start >= end || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    let exact = text[start..end].to_owned();
    if exact.trim().is_empty() {
        return None;
    }
    // Context boundaries: the starts of the words before, the ends of the words after.
    let before: Vec<usize> = std::iter::once(start).chain(word_starts(&text[..start]).into_iter().rev()).collect();
    let after: Vec<usize> = std::iter::once(end).chain(word_ends(&text[end..]).into_iter().map(|e| end + e)).collect();
    for k in 0..before.len().max(after.len()) {
        let p = before[k.min(before.len() - 1)];
        let s = after[k.min(after.len() - 1)];
        let (prefix, suffix) = (&text[p..start], &text[end..s]);
        if locate_quote(text, &exact, prefix, suffix) == Some(at.range) {
            return Some(Quote { block: at.text, exact, prefix: prefix.to_owned(), suffix: suffix.to_owned() });
        }
    }
    Some(Quote { block: at.text, exact, prefix: text[..start].to_owned(), suffix: text[end..].to_owned() })
}

fn word_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev_space = true;
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() && prev_space {
            out.push(i);
        }
        prev_space = c.is_whitespace();
    }
    out
}

fn word_ends(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() && in_word {
            out.push(i);
        }
        in_word = !c.is_whitespace();
    }
    if in_word {
        out.push(text.len());
    }
    out
}
