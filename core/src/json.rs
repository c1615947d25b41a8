//! A small JSON reader for what the browser downloads (published documents, the base map): a
//! parser into [`Value`] and typed accessors that collect problems with their paths. It exists
//! because the reader's WebAssembly pays for every byte of code: serde's derived deserialisers
//! and serde_json cost the reader about 80 KB of code (measured, see the README's size section),
//! this about a tenth. Writing, and reading authoring documents, stay with serde.
//!
//! Hostile input is expected: nesting is limited ([`MAX_DEPTH`]), strings must be valid (no
//! control characters, no lone surrogates), numbers must be finite, and nothing panics.

use crate::model::Problem;

/// How deep arrays and objects may nest: deeper input is refused, not recursed into.
pub const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    /// Members in document order (a repeated key: the first one counts).
    Object(Vec<(String, Value)>),
}

/// Why a text is not JSON: the byte offset, and what is wrong there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: &'static str,
}

impl SyntaxError {
    /// The problem, with the line and column (1-based, in characters) of the offset.
    pub fn problem(&self, text: &str) -> Problem {
        let before = &text[..floor_boundary(text, self.offset)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Problem {
            path: crate::model::jsonpath::path_at(text, self.offset.min(text.len())),
            message: format!("JSON syntax error at line {line}, column {column}: {}", self.message),
        }
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Parses a JSON text.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut p = Parser { b: text.as_bytes(), at: 0 };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.at < p.b.len() {
        return Err(p.error("unexpected text after the document"));
    }
    Ok(v)
}

struct Parser<'a> {
    b: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn error(&self, message: &'static str) -> SyntaxError {
        SyntaxError { offset: self.at, message }
    }
    fn ws(&mut self) {
        while matches!(self.b.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }
    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.b.get(self.at) == Some(&c) {
            self.at += 1;
            true
        } else {
            false
        }
    }
    fn word(&mut self, w: &[u8], v: Value) -> Result<Value, SyntaxError> {
        if self.b[self.at..].starts_with(w) {
            self.at += w.len();
            Ok(v)
        } else {
            Err(self.error("expected a value"))
        }
    }
    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.ws();
        match self.b.get(self.at) {
            None => Err(self.error("unexpected end of the document")),
            Some(b'n') => self.word(b"null", Value::Null),
            Some(b't') => self.word(b"true", Value::Bool(true)),
            Some(b'f') => self.word(b"false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b']') {
                        return Ok(Value::Array(items));
                    }
                    if !self.eat(b',') {
                        return Err(self.error("expected , or ]"));
                    }
                }
            }
            Some(b'{') => {
                self.at += 1;
                let mut members = Vec::new();
                if self.eat(b'}') {
                    return Ok(Value::Object(members));
                }
                loop {
                    self.ws();
                    if self.b.get(self.at) != Some(&b'"') {
                        return Err(self.error("expected a key in quotes"));
                    }
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return Err(self.error("expected :"));
                    }
                    members.push((key, self.value(depth + 1)?));
                    if self.eat(b'}') {
                        return Ok(Value::Object(members));
                    }
                    if !self.eat(b',') {
                        return Err(self.error("expected , or }"));
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
        }
    }
    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.b.get(self.at), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }
    /// A number; a malformed one is reported at its start.
    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        let v = self.number_value();
        if v.is_err() {
            self.at = start;
        }
        v.map_err(|e| SyntaxError { offset: start, ..e })
    }
    fn number_value(&mut self) -> Result<Value, SyntaxError> {
        let negative = self.b[self.at] == b'-';
        if negative {
            self.at += 1;
        }
        let int_start = self.at;
        if self.digits() == 0 || (self.b[int_start] == b'0' && self.at - int_start > 1) {
            return Err(self.error("a malformed number"));
        }
        let mut mantissa: u64 = 0;
        let mut exponent: i32 = 0;
        let mut push = |d: u8, in_fraction: bool| {
            if mantissa < 1 << 53 {
                mantissa = mantissa * 10 + u64::from(d - b'0');
                if in_fraction {
                    exponent -= 1;
                }
            } else if !in_fraction {
                exponent += 1;
            }
        };
        for &d in &self.b[int_start..self.at] {
            push(d, false);
        }
        if self.b.get(self.at) == Some(&b'.') {
            self.at += 1;
            let from = self.at;
            if self.digits() == 0 {
                return Err(self.error("a malformed number"));
            }
            for &d in &self.b[from..self.at] {
                push(d, true);
            }
        }
        if matches!(self.b.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            let sign = match self.b.get(self.at) {
                Some(b'-') => {
                    self.at += 1;
                    -1
                }
                Some(b'+') => {
                    self.at += 1;
                    1
                }
                _ => 1,
            };
            let from = self.at;
            if self.digits() == 0 {
                return Err(self.error("a malformed number"));
            }
            let e: i32 = self.b[from..self.at]
                .iter()
                .fold(0i32, |e, &d| e.saturating_mul(10).saturating_add(i32::from(d - b'0')));
            exponent = exponent.saturating_add(sign * e);
        }
        let m = mantissa as f64;
        let v = if exponent >= 0 { m * 10f64.powi(exponent) } else { m / 10f64.powi(-exponent) };
        if !v.is_finite() {
            return Err(self.error("a number out of range"));
        }
        Ok(Value::Number(if negative { -v } else { v }))
    }
    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.b.get(self.at..self.at + 4).ok_or_else(|| self.error("a malformed \\u escape"))?;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + (d as char).to_digit(16).ok_or_else(|| self.error("a malformed \\u escape"))?;
        }
        self.at += 4;
        Ok(n)
    }
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            let from = self.at;
            while matches!(self.b.get(self.at), Some(&c) if c != b'"' && c != b'\\' && c >= 0x20) {
                self.at += 1;
            }
            // The input is a &str and the run stops only at ASCII bytes: a whole UTF-8 run.
            out.push_str(std::str::from_utf8(&self.b[from..self.at]).map_err(|_| self.error("invalid UTF-8"))?);
            match self.b.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = *self.b.get(self.at).ok_or_else(|| self.error("unexpected end of the document"))?;
                    self.at += 1;
                    out.push(match c {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !self.b[self.at..].starts_with(b"\\u") {
                                    return Err(self.error("a lone surrogate"));
                                }
                                self.at += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.error("a lone surrogate"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or_else(|| self.error("a lone surrogate"))?
                        }
                        _ => return Err(self.error("an unknown escape")),
                    });
                }
                None => return Err(self.error("an unterminated string")),
                Some(_) => return Err(self.error("a control character in a string")),
            }
        }
    }
}

/// One step of a path: a member name or an array index.
#[derive(Clone, Copy, Debug)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Reads typed values out of a [`Value`], collecting each problem with its path
/// (`entities[3].claims[0].evidence`). Readers return None where the value is unusable; the
/// caller gives up on the document when any problem was found.
#[derive(Default)]
pub struct Reader<'a> {
    path: Vec<Step<'a>>,
    pub problems: Vec<Problem>,
}

/// The members of an object.
pub type Members = [(String, Value)];

impl<'a> Reader<'a> {
    pub fn path(&self) -> String {
        let mut out = String::new();
        for s in &self.path {
            match s {
                Step::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Step::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    /// Records a problem at the current path (at most 100 are kept).
    pub fn problem(&mut self, message: impl Into<String>) {
        if self.problems.len() < 100 {
            self.problems.push(Problem { path: self.path(), message: message.into() });
        }
    }

    fn wrong(&mut self, expected: &str) {
        self.problem(format!("wrong value: expected {expected}"));
    }

    pub fn object<'v>(&mut self, v: &'v Value) -> Option<&'v Members> {
        match v {
            Value::Object(m) => Some(m),
            _ => {
                self.wrong("an object");
                None
            }
        }
    }

    pub fn array<'v>(&mut self, v: &'v Value) -> Option<&'v [Value]> {
        match v {
            Value::Array(a) => Some(a),
            _ => {
                self.wrong("an array");
                None
            }
        }
    }

    pub fn string(&mut self, v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            _ => {
                self.wrong("a string");
                None
            }
        }
    }

    pub fn bool(&mut self, v: &Value) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            _ => {
                self.wrong("true or false");
                None
            }
        }
    }

    pub fn f64(&mut self, v: &Value) -> Option<f64> {
        match v {
            Value::Number(n) => Some(*n),
            _ => {
                self.wrong("a number");
                None
            }
        }
    }

    /// A whole number in `min..=max`.
    pub fn int(&mut self, v: &Value, min: f64, max: f64) -> Option<i64> {
        match v {
            Value::Number(n) if n.fract() == 0.0 && (min..=max).contains(n) => Some(*n as i64),
            _ => {
                self.wrong("a whole number in range");
                None
            }
        }
    }

    pub fn u32(&mut self, v: &Value) -> Option<u32> {
        self.int(v, 0.0, f64::from(u32::MAX)).map(|n| n as u32)
    }

    // The readers below are generic over the closure that reads the value, and called from
    // every field of a format: each is a thin wrapper around one shared, non-generic body (the
    // key search, the path, the problem), so that the wasm carries that body once.

    /// The member `key`, read with `read` under its path; a problem if it is missing.
    pub fn field<T>(
        &mut self,
        o: &'a Members,
        key: &'a str,
        read: impl FnOnce(&mut Self, &'a Value) -> Option<T>,
    ) -> Option<T> {
        let mut read = Some(read);
        let mut out = None;
        self.member(o, key, true, &mut |r, v| out = read.take().and_then(|f| f(r, v)));
        out
    }

    /// The member `key` if present and not null: Some(None) when absent, None on a problem.
    pub fn optional<T>(
        &mut self,
        o: &'a Members,
        key: &'a str,
        read: impl FnOnce(&mut Self, &'a Value) -> Option<T>,
    ) -> Option<Option<T>> {
        let mut read = Some(read);
        let mut out = None;
        if self.member(o, key, false, &mut |r, v| out = read.take().and_then(|f| f(r, v))) {
            out.map(Some)
        } else {
            Some(None)
        }
    }

    /// Finds `key` in `o` and reads it under its path; false when it is absent (or null, when
    /// not `required`), with a problem when `required`.
    #[inline(never)]
    fn member(
        &mut self,
        o: &'a Members,
        key: &'a str,
        required: bool,
        read: &mut dyn FnMut(&mut Self, &'a Value),
    ) -> bool {
        let found = o.iter().find(|(k, _)| k == key).map(|(_, v)| v);
        let found = if required { found } else { found.filter(|v| !matches!(v, Value::Null)) };
        self.path.push(Step::Key(key));
        match found {
            Some(v) => read(self, v),
            None if required => self.problem("missing field"),
            None => {}
        }
        self.path.pop();
        found.is_some()
    }

    /// Every item of an array, each under its index. Items with problems are left out (the
    /// problems are recorded).
    pub fn list<T>(&mut self, v: &'a Value, mut read: impl FnMut(&mut Self, &'a Value) -> Option<T>) -> Option<Vec<T>> {
        let mut out = Vec::new();
        let is_array = self.items(v, &mut |r, item| {
            if let Some(x) = read(r, item) {
                out.push(x);
            }
        });
        is_array.then_some(out)
    }

    /// Reads every item of an array under its index; false if `v` is not an array.
    #[inline(never)]
    fn items(&mut self, v: &'a Value, read: &mut dyn FnMut(&mut Self, &'a Value)) -> bool {
        let Some(items) = self.array(v) else { return false };
        for (i, item) in items.iter().enumerate() {
            self.path.push(Step::Index(i));
            read(self, item);
            self.path.pop();
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_serde_json_writes() {
        let v = serde_json::json!({"a": [1, -2.5, 1e3, 0.1, true, null, "x\"\\\n\u{1F600}é"], "b": {}, "c": []});
        let text = serde_json::to_string(&v).unwrap();
        let parsed = parse(&text).unwrap();
        let Value::Object(m) = &parsed else { panic!() };
        let Value::Array(a) = &m[0].1 else { panic!() };
        assert_eq!(a[0], Value::Number(1.0));
        assert_eq!(a[1], Value::Number(-2.5));
        assert_eq!(a[2], Value::Number(1000.0));
        assert_eq!(a[3], Value::Number(0.1));
        assert_eq!(a[6], Value::String("x\"\\\n\u{1F600}é".into()));
        assert_eq!(parse("\"\\ud83d\\ude00\\u00e9\"").unwrap(), Value::String("\u{1F600}é".into()));
        // The coordinates a document holds come back exactly.
        for x in [10.5, -66.9, 0.000001, 123.456789, -90.0, 179.999] {
            assert_eq!(parse(&serde_json::to_string(&x).unwrap()).unwrap(), Value::Number(x));
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
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
        let e = parse("{\n  \"a\": [1,,]\n}").unwrap_err();
        assert_eq!(
            e.problem("{\n  \"a\": [1,,]\n}").message,
            "JSON syntax error at line 2, column 11: expected a value"
        );
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
        let problems: Vec<String> = r.problems.iter().map(|p| format!("{}: {}", p.path, p.message)).collect();
        assert_eq!(problems, ["a[1].b: wrong value: expected a whole number in range", "a[2].b: missing field"]);
    }
}
