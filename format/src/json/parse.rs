//! The parser: a JSON text into a [`Value`], or the first [`SyntaxError`]. Strict where tools
//! disagree: a key given twice in one object is an error (`JSON.parse` keeps the last, this
//! parser used to keep the first: one file read as two documents), and a number written as a
//! whole number (no fraction, no exponent, not `-0`) is told apart from any other.

use crate::problem::Code;

/// How deep arrays and objects may nest: deeper input is refused, not recursed into.
pub const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number written with a fraction or an exponent, or `-0`.
    Number(f64),
    /// A number written as a whole number, within ±2^53.
    Int(i64),
    /// A number whose value is whole but written otherwise (`43e0`, `38.0`, `-0`), or a whole
    /// number beyond ±2^53: kept as written, so that a message quotes what the file says.
    Spelled(f64, Box<str>),
    String(String),
    Array(Vec<Value>),
    /// Members in document order; no key twice.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Its value as a number, however it was written.
    pub fn number(&self) -> Option<f64> {
        match *self {
            Value::Number(n) => Some(n),
            Value::Int(n) => Some(n as f64),
            Value::Spelled(n, _) => Some(n),
            _ => None,
        }
    }
}

/// Why a text is not JSON: the byte offset, and what is wrong there (a `Json*` code); `arg` the
/// key, for a key given twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub code: Code,
    pub arg: Option<String>,
}

/// Parses a JSON text.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut p = Parser { b: text.as_bytes(), at: 0 };
    if text.starts_with('\u{feff}') {
        return Err(p.error(Code::JsonByteOrderMark));
    }
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.at < p.b.len() {
        return Err(p.error(Code::JsonTrailing));
    }
    Ok(v)
}

struct Parser<'a> {
    b: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn error(&self, code: Code) -> SyntaxError {
        SyntaxError { offset: self.at, code, arg: None }
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
            Err(self.error(Code::JsonExpectedValue))
        }
    }
    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error(Code::JsonTooDeep));
        }
        self.ws();
        match self.b.get(self.at) {
            None => Err(self.error(Code::JsonExpectedValue)),
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
                        return Err(self.error(Code::JsonArrayComma));
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
                        return Err(self.error(Code::JsonKey));
                    }
                    let at = self.at;
                    let key = self.string()?;
                    if members.iter().any(|(k, _): &(String, Value)| *k == key) {
                        return Err(SyntaxError { offset: at, code: Code::JsonDuplicateKey, arg: Some(key) });
                    }
                    if !self.eat(b':') {
                        return Err(self.error(Code::JsonColon));
                    }
                    members.push((key, self.value(depth + 1)?));
                    if self.eat(b'}') {
                        return Ok(Value::Object(members));
                    }
                    if !self.eat(b',') {
                        return Err(self.error(Code::JsonObjectComma));
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error(Code::JsonExpectedValue)),
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
        let start = self.at;
        let negative = self.b[self.at] == b'-';
        if negative {
            self.at += 1;
        }
        let int_start = self.at;
        if self.digits() == 0 || (self.b[int_start] == b'0' && self.at - int_start > 1) {
            return Err(self.error(Code::JsonNumber));
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
                return Err(self.error(Code::JsonNumber));
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
                return Err(self.error(Code::JsonNumber));
            }
            let e: i32 = self.b[from..self.at]
                .iter()
                .fold(0i32, |e, &d| e.saturating_mul(10).saturating_add(i32::from(d - b'0')));
            exponent = exponent.saturating_add(sign * e);
        }
        let m = mantissa as f64;
        let v = if exponent >= 0 { m * 10f64.powi(exponent) } else { m / 10f64.powi(-exponent) };
        if !v.is_finite() {
            return Err(self.error(Code::JsonInfinite));
        }
        let written_whole = self.b[int_start..self.at].iter().all(u8::is_ascii_digit);
        if written_whole && exponent == 0 && !(negative && mantissa == 0) && mantissa < 1 << 53 {
            let n = mantissa as i64;
            return Ok(Value::Int(if negative { -n } else { n }));
        }
        let v = if negative { -v } else { v };
        if v.fract() == 0.0 {
            // Only ASCII was read: the slice is a str.
            let written = std::str::from_utf8(&self.b[start..self.at]).unwrap_or_default();
            return Ok(Value::Spelled(v, written.into()));
        }
        Ok(Value::Number(v))
    }
    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.b.get(self.at..self.at + 4).ok_or_else(|| self.error(Code::JsonEscape))?;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + (d as char).to_digit(16).ok_or_else(|| self.error(Code::JsonEscape))?;
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
            out.push_str(std::str::from_utf8(&self.b[from..self.at]).map_err(|_| self.error(Code::JsonControl))?);
            match self.b.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = *self.b.get(self.at).ok_or_else(|| self.error(Code::JsonUnclosedString))?;
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
                                    return Err(self.error(Code::JsonSurrogate));
                                }
                                self.at += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.error(Code::JsonSurrogate));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or_else(|| self.error(Code::JsonSurrogate))?
                        }
                        _ => return Err(self.error(Code::JsonEscape)),
                    });
                }
                None => return Err(self.error(Code::JsonUnclosedString)),
                Some(_) => return Err(self.error(Code::JsonControl)),
            }
        }
    }
}
