//! A small JSON reader for what the browser downloads (published documents, the base map): a
//! parser into [`Value`] and typed accessors that collect problems with their paths. It exists
//! because the reader's WebAssembly pays for every byte of code: serde's derived deserialisers
//! and serde_json cost the reader about 80 KB of code (measured, see the README's size section),
//! this about a tenth. Writing, and reading authoring documents, stay with serde.
//!
//! Hostile input is expected: nesting is limited ([`MAX_DEPTH`]), strings must be valid (no
//! control characters, no lone surrogates), numbers must be finite, and nothing panics.

mod parse;
pub mod path;
mod read;

pub use parse::{parse, SyntaxError, Value, MAX_DEPTH};
pub use path::path_at;
pub use read::{Members, Reader};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::problem::Code;
    use crate::words::say;

    #[test]
    fn parses_what_serde_json_writes() {
        let v = serde_json::json!({"a": [1, -2.5, 1e3, 0.1, true, null, "x\"\\\n\u{1F600}é"], "b": {}, "c": []});
        let text = serde_json::to_string(&v).unwrap();
        let parsed = parse(&text).unwrap();
        let Value::Object(m) = &parsed else { panic!() };
        let Value::Array(a) = &m[0].1 else { panic!() };
        assert_eq!(a[0], Value::Int(1));
        assert_eq!(a[1], Value::Number(-2.5));
        assert_eq!(a[2], Value::Spelled(1000.0, "1000.0".into()));
        assert_eq!(a[3], Value::Number(0.1));
        assert_eq!(a[6], Value::String("x\"\\\n\u{1F600}é".into()));
        assert_eq!(parse("\"\\ud83d\\ude00\\u00e9\"").unwrap(), Value::String("\u{1F600}é".into()));
        // The coordinates a document holds come back exactly.
        for x in [10.5, -66.9, 0.000001, 123.456789, -90.0, 179.999] {
            assert_eq!(parse(&serde_json::to_string(&x).unwrap()).unwrap().number(), Some(x));
        }
    }

    #[test]
    fn refuses_what_is_not_json_with_a_position() {
        for (text, offset) in [
            ("{\"a\": }", 6),
            ("[1, 2", 5),
            ("\"\\ud800\"", 7),
            ("\"a\u{1}\"", 2),
            ("01", 0),
            ("1e999", 0),
            ("[1] x", 4),
            ("{\"a\" 1}", 5),
            ("", 0),
            ("-", 0),
            ("1.", 0),
            ("nul", 0),
        ] {
            let e = parse(text).expect_err(text);
            assert_eq!(e.offset, offset, "{text}: {e:?}");
        }
        let deep = "[".repeat(MAX_DEPTH + 2);
        assert_eq!(parse(&deep).unwrap_err().code, Code::JsonTooDeep);
        let e = parse("{\n  \"a\": [1,,]\n}").unwrap_err();
        assert_eq!(
            say(&e.problem("{\n  \"a\": [1,,]\n}").message, Lang::En),
            "JSON syntax error at line \u{2068}2\u{2069}, column \u{2068}11\u{2069}: \u{2068}a value is expected here\u{2069}"
        );
        // A text of one line has no lines to count: the character, alone.
        let one_line = "{\"a\": [1,,]}";
        let p = parse(one_line).unwrap_err().problem(one_line);
        assert_eq!(p.message.code, Code::JsonSyntaxAt);
        assert_eq!(p.message.args[0], crate::problem::Arg::Text("10".into()));
        // A key given twice is named, inside the syntax error.
        let twice = "{\"a\": 1, \"a\": 2}";
        let said = say(&parse(twice).unwrap_err().problem(twice).message, Lang::En);
        assert!(said.contains("the key \u{2068}a\u{2069} is given twice"), "{said}");
    }

    #[test]
    fn strict_where_tools_disagree() {
        // A key twice: refused, naming the key (JSON.parse keeps the last, others the first).
        let e = parse("{\"a\": 1, \"b\": 2, \"a\": 3}").unwrap_err();
        assert_eq!((e.code, e.arg.as_deref(), e.offset), (Code::JsonDuplicateKey, Some("a"), 17));
        // A byte-order mark is named as such.
        assert_eq!(parse("\u{feff}{}").unwrap_err().code, Code::JsonByteOrderMark);
        // Whole numbers are told from the rest, as written.
        assert_eq!(parse("43").unwrap(), Value::Int(43));
        assert_eq!(parse("-7").unwrap(), Value::Int(-7));
        for written in ["43e0", "38.0", "-0", "1E2", "9007199254740993"] {
            assert_eq!(parse(written).unwrap(), Value::Spelled(written.parse().unwrap(), written.into()));
        }
        assert_eq!(parse("38.25").unwrap(), Value::Number(38.25));
        let mut r = Reader::default();
        for (written, code) in
            [("43e0", Code::NotWhole), ("-0", Code::NotWhole), ("-1", Code::OutOfRange), ("\"1\"", Code::WrongType)]
        {
            assert_eq!(r.u32(&parse(written).unwrap()), None);
            assert_eq!(r.problems.pop().unwrap().message.code, code, "{written}");
        }
        assert_eq!(r.u32(&parse("42").unwrap()), Some(42));
    }

    #[test]
    fn readers_say_where_and_what() {
        let v = parse("{\"a\": [{\"b\": 1}, {\"b\": \"x\"}, {}]}").unwrap();
        let mut r = Reader::default();
        let o = r.object(&v).unwrap();
        let got = r.field(o, "a", |r, a| {
            r.list(a, |r, item| {
                let o = r.object(item)?;
                r.field(o, "b", |r, b| r.u32(b))
            })
        });
        assert_eq!(got, Some(vec![1]));
        let problems: Vec<String> =
            r.problems.iter().map(|p| format!("{}: {}", p.path, say(&p.message, Lang::En))).collect();
        assert_eq!(problems, ["a[1].b: wrong value: expected \u{2068}a whole number\u{2069}", "a[2].b: missing field"]);
    }
}
