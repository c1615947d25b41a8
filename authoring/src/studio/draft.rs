//! What the studio's page keeps of a draft, as plain data: the key a draft is known by (from its
//! article, so that opening the same article again finds its draft), its title, and each snapshot
//! of its history as JSON (the document, and what the edit did as a code and its arguments).

use article_format::problem::{Arg, Code, Message};

use super::Snapshot;
use crate::model::Document;

/// The key of a draft: eight hexadecimal digits of a hash (FNV-1a, 32 bits) of its article's
/// headline and text, which the studio never changes: the same article gives the same key.
pub fn draft_key(doc: &Document) -> String {
    let mut h: u32 = 0x811c_9dc5;
    let texts =
        std::iter::once(doc.article.headline.as_str()).chain(doc.article.blocks.iter().map(|b| b.text.as_str()));
    for t in texts {
        for b in t.bytes().chain([0]) {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    format!("{h:08x}")
}

/// A draft's title in a list: its headline, cut to `max` characters.
pub fn draft_title(doc: &Document, max: usize) -> String {
    let h = doc.article.headline.trim();
    match h.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &h[..i]),
        None => h.to_owned(),
    }
}

/// A snapshot as JSON: `{"seq": 3, "doc": {…}, "what": {"code": "AliasAdded", "args": ["…", …]}}`.
pub fn snapshot_to_json(s: &Snapshot) -> String {
    let what = s.what.as_ref().map(|m| {
        let args: Vec<serde_json::Value> = m
            .args
            .iter()
            .map(|a| match a {
                Arg::Text(t) => serde_json::json!(t),
                Arg::Block(b) => serde_json::json!({ "block": b }),
                Arg::Code(c) => serde_json::json!({ "code": c.name() }),
            })
            .collect();
        serde_json::json!({ "code": m.code.name(), "args": args })
    });
    serde_json::json!({ "seq": s.seq, "doc": &*s.doc, "what": what }).to_string()
}

/// A snapshot from [`snapshot_to_json`]'s JSON; None for anything else.
pub fn snapshot_from_json(text: &str) -> Option<Snapshot> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    let code = |name: &str| Code::ALL.iter().copied().find(|c| c.name() == name);
    let what = match v.get("what") {
        Some(serde_json::Value::Object(w)) => {
            let args = w
                .get("args")?
                .as_array()?
                .iter()
                .map(|a| match a {
                    serde_json::Value::String(t) => Some(Arg::Text(t.clone())),
                    serde_json::Value::Object(o) if o.contains_key("block") => {
                        Some(Arg::Block(o["block"].as_u64().map(|b| b as usize)))
                    }
                    serde_json::Value::Object(o) => Some(Arg::Code(code(o.get("code")?.as_str()?)?)),
                    _ => None,
                })
                .collect::<Option<Vec<Arg>>>()?;
            Some(Message { code: code(w.get("code")?.as_str()?)?, args })
        }
        _ => None,
    };
    Some(Snapshot {
        seq: v.get("seq")?.as_u64()?,
        doc: std::rc::Rc::new(serde_json::from_value::<Document>(v.get("doc")?.clone()).ok()?),
        what,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_format::said;

    #[test]
    fn a_snapshot_goes_to_json_and_back() {
        let doc = crate::seed::document().unwrap();
        let s = Snapshot {
            seq: 7,
            doc: std::rc::Rc::new(doc.clone()),
            what: Some(Message {
                code: Code::QuoteNotFound,
                args: vec!["«x»".into(), Arg::Block(Some(2)), Arg::Block(None)],
            }),
        };
        assert_eq!(snapshot_from_json(&snapshot_to_json(&s)), Some(s));
        let first = Snapshot { seq: 0, doc: std::rc::Rc::new(doc.clone()), what: None };
        assert_eq!(snapshot_from_json(&snapshot_to_json(&first)), Some(first));
        let nested =
            Snapshot { seq: 1, doc: std::rc::Rc::new(doc), what: Some(said!(Code::WrongType, Code::WantList)) };
        assert_eq!(snapshot_from_json(&snapshot_to_json(&nested)), Some(nested));
        assert_eq!(snapshot_from_json("{\"seq\": 1}"), None);
    }

    #[test]
    fn the_same_article_gives_the_same_key() {
        let a = crate::studio::from_plain("عنوان\nنص", Vec::new());
        let mut b = a.clone();
        b.entities.clear();
        assert_eq!(draft_key(&a), draft_key(&b));
        assert_eq!(draft_key(&a).len(), 8);
        let other = crate::studio::from_plain("عنوان\nنص آخر", Vec::new());
        assert_ne!(draft_key(&a), draft_key(&other));
        assert_eq!(draft_title(&a, 3), "عنو…");
    }
}
