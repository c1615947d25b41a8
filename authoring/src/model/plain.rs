//! Reads an article from plain text, as newsrooms often hand it over: the first non-empty line is
//! the headline, every further non-empty line a block. A line is a sub-heading when it is short and
//! does not end a sentence; everything else is a paragraph. Text is kept exactly as written.

use super::{Article, Block, BlockKind, Direction};

/// Longest line, in characters, still read as a sub-heading.
const MAX_HEADING_CHARS: usize = 80;

/// Characters that end a sentence or a quotation, in Arabic and Latin typography.
const SENTENCE_ENDS: &[char] = &['.', '!', '?', '؟', '…', ':', '،', '؛', '”', '"', '»', ')'];

/// Parses plain text into an article. Lines are separated by `\n` (a `\r` before it is dropped).
/// Direction and language follow the script of the text: Arabic letters make it `ar`, right to left.
pub fn parse(text: &str) -> Article {
    let mut lines =
        text.split('\n').map(|line| line.strip_suffix('\r').unwrap_or(line)).filter(|line| !line.trim().is_empty());
    let headline = lines.next().unwrap_or_default().to_owned();
    let blocks = lines
        .map(|line| Block {
            kind: if is_heading(line) { BlockKind::Heading } else { BlockKind::Paragraph },
            text: line.to_owned(),
        })
        .collect();
    let arabic = text.chars().any(is_arabic_letter);
    Article {
        headline,
        blocks,
        language: if arabic { "ar" } else { "und" }.to_owned(),
        direction: if arabic { Direction::Rtl } else { Direction::Ltr },
        source: None,
        published: None,
    }
}

fn is_heading(line: &str) -> bool {
    let line = line.trim_end();
    line.chars().count() <= MAX_HEADING_CHARS && !line.ends_with(SENTENCE_ENDS)
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, headline: &str, blocks: &[(BlockKind, &str)]) {
        let article = parse(text);
        assert_eq!(article.headline, headline);
        let got: Vec<_> = article.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(got, blocks);
    }

    #[test]
    fn headline_then_paragraphs_and_subheadings() {
        use BlockKind::*;
        check(
            "عنوان\n\nفقرة أولى.\nعنوان فرعي\nفقرة ثانية.\n\n",
            "عنوان",
            &[(Paragraph, "فقرة أولى."), (Heading, "عنوان فرعي"), (Paragraph, "فقرة ثانية.")],
        );
    }

    #[test]
    fn crlf_and_blank_lines_are_not_blocks() {
        check("Title\r\n\r\n  \r\nBody.\r\n", "Title", &[(BlockKind::Paragraph, "Body.")]);
    }

    #[test]
    fn a_long_line_without_a_full_stop_is_a_paragraph() {
        let long = "كلمة ".repeat(30);
        check(&format!("ع\n{long}"), "ع", &[(BlockKind::Paragraph, long.as_str())]);
    }

    #[test]
    fn empty_text_gives_an_empty_article() {
        check("", "", &[]);
    }

    #[test]
    fn direction_follows_the_script() {
        assert_eq!(parse("عنوان").direction, Direction::Rtl);
        assert_eq!(parse("عنوان").language, "ar");
        assert_eq!(parse("Title").direction, Direction::Ltr);
    }
}
