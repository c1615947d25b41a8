//! Typed reading of a parsed [`Value`], each problem collected with its path; and a syntax
//! error said as a problem, with its line, column and path.

use super::parse::{SyntaxError, Value};
use super::path::path_at;
use crate::problem::{Code, Message, Problem};
use crate::said;

impl SyntaxError {
    /// The problem, at its line and column (1-based, in characters), or at its character in a
    /// text of one line; a key given twice names the key, a byte-order mark is named as such.
    pub fn problem(&self, text: &str) -> Problem {
        let before = &text[..floor_boundary(text, self.offset)];
        let what = match (&self.code, &self.arg) {
            (Code::JsonDuplicateKey, Some(key)) => said!(Code::JsonDuplicateKey, key),
            (code, _) => Message::new(*code, []),
        };
        if self.code == Code::JsonByteOrderMark {
            return Problem::new("", what);
        }
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let message = if text.contains('\n') {
            said!(Code::JsonSyntax, line, column, what.code)
        } else {
            said!(Code::JsonSyntaxAt, column, what.code)
        };
        // The error's own arguments (the key given twice) come after it: it words them.
        let mut message = message;
        message.args.extend(what.args);
        Problem::new(path_at(text, self.offset.min(text.len())), message)
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
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
    pub fn problem(&mut self, message: Message) {
        if self.problems.len() < 100 {
            self.problems.push(Problem { path: self.path(), message });
        }
    }

    /// A value of the wrong type: `want` says what was expected (a `Want*` code).
    pub fn wrong(&mut self, want: Code) {
        self.problem(said!(Code::WrongType, want));
    }

    pub fn object<'v>(&mut self, v: &'v Value) -> Option<&'v Members> {
        match v {
            Value::Object(m) => Some(m),
            _ => {
                self.wrong(Code::WantObject);
                None
            }
        }
    }

    pub fn array<'v>(&mut self, v: &'v Value) -> Option<&'v [Value]> {
        match v {
            Value::Array(a) => Some(a),
            _ => {
                self.wrong(Code::WantList);
                None
            }
        }
    }

    pub fn string(&mut self, v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            _ => {
                self.wrong(Code::WantString);
                None
            }
        }
    }

    pub fn bool(&mut self, v: &Value) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            _ => {
                self.wrong(Code::WantBool);
                None
            }
        }
    }

    pub fn f64(&mut self, v: &Value) -> Option<f64> {
        let n = v.number();
        if n.is_none() {
            self.wrong(Code::WantNumber);
        }
        n
    }

    /// A number written as a whole number (no fraction, no exponent, not `-0`) in `min..=max`.
    pub fn int(&mut self, v: &Value, min: i64, max: i64) -> Option<i64> {
        match *v {
            Value::Int(n) if (min..=max).contains(&n) => Some(n),
            Value::Int(n) => {
                self.problem(said!(Code::OutOfRange, n, min, max));
                None
            }
            Value::Spelled(_, ref written) => {
                self.problem(said!(Code::NotWhole, &**written));
                None
            }
            Value::Number(n) => {
                self.problem(said!(Code::NotWhole, crate::num::fixed(n, 6)));
                None
            }
            _ => {
                self.wrong(Code::WantWhole);
                None
            }
        }
    }

    pub fn u32(&mut self, v: &Value) -> Option<u32> {
        self.int(v, 0, i64::from(u32::MAX)).map(|n| n as u32)
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
            None if required => self.problem(Message::new(Code::Missing, [])),
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
