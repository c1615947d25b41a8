//! The article as plain data: what the view renders, decided without a browser.
//!
//! Invariant: nothing here imports `yew` or `web_sys`; every type is plain Rust and tested natively.

pub mod document;
pub mod jsonpath;
pub mod plain;
pub mod prepared;
pub mod slug;
pub mod validate;

pub use document::*;
pub use prepared::{anchor_of, MentionRef, Prepared};
pub use slug::slug;
pub use validate::{load, Problem};

/// Writing direction of the article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Rtl,
    Ltr,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Rtl => "rtl",
            Direction::Ltr => "ltr",
        }
    }
}

/// What a block of the article body is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Heading,
    Paragraph,
}

/// One block of the article body, its text exactly as written.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}
