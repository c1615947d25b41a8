//! The path of the JSON value at a position of a JSON text (`entities[3].aliases[1]`), for
//! serde_json's errors, which say only where (line and column), not in which field.
//!
//! A small scanner instead of a path-tracking deserializer: wrapping every `Deserialize` impl to
//! track paths doubled the document reader's code in the wasm, and every reader pays for it.

/// One open container of the scan.
enum Open {
    /// An object, and the key of the member being read, once its key is read.
    Object(Option<String>),
    /// An array, and the index of the element being read, once one has started.
    Array(Option<usize>),
}

/// The path at byte `offset` of `json`: the innermost member or element that the text up to the
/// offset is inside of. Tolerates broken JSON: it scans as far as the offset and stops.
pub fn path_at(json: &str, offset: usize) -> String {
    let bytes = json.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Open> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => {
                start_value(&mut stack);
                stack.push(Open::Object(None));
            }
            b'[' => {
                start_value(&mut stack);
                stack.push(Open::Array(None));
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Open::Object(key)) => *key = None,
                Some(Open::Array(index)) => *index = Some(index.map_or(1, |i| i + 1)),
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                let mut escaped = false;
                while i < bytes.len() && (escaped || bytes[i] != b'"') {
                    escaped = !escaped && bytes[i] == b'\\';
                    i += 1;
                }
                // A key is a string read where an object expects one.
                let is_key = matches!(stack.last(), Some(Open::Object(None)));
                if is_key {
                    let raw = &json[start..i.min(json.len())];
                    let key = match super::parse::parse(&format!("\"{raw}\"")) {
                        Ok(super::parse::Value::String(key)) => key,
                        _ => raw.to_owned(),
                    };
                    if let Some(open) = stack.last_mut() {
                        *open = Open::Object(Some(key));
                    }
                } else {
                    start_value(&mut stack);
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' | b':' => {}
            _ => start_value(&mut stack),
        }
        i += 1;
    }
    let mut path = String::new();
    for open in &stack {
        match open {
            Open::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Open::Array(Some(index)) => path.push_str(&format!("[{index}]")),
            Open::Object(None) | Open::Array(None) => {}
        }
    }
    path
}

/// A value starts: in an array, the first element's index becomes 0.
fn start_value(stack: &mut [Open]) {
    if let Some(Open::Array(index @ None)) = stack.last_mut() {
        *index = Some(0);
    }
}

/// The byte offset of a 1-based line and a column (bytes from the line's start), clamped.
pub fn offset_of(json: &str, line: usize, column: usize) -> usize {
    let line_start =
        if line <= 1 { 0 } else { json.match_indices('\n').nth(line - 2).map_or(json.len(), |(i, _)| i + 1) };
    (line_start + column).min(json.len())
}

#[cfg(test)]
mod tests {
    use super::path_at;

    fn at(json: &str, marker: &str) -> String {
        path_at(&json.replace(marker, ""), json.find(marker).unwrap())
    }

    #[test]
    fn paths_of_members_and_elements() {
        assert_eq!(at(r#"{"a": {"b": [1, 2, {"c": "x|"}]}}"#, "|"), "a.b[2].c");
        assert_eq!(at(r#"{"a": [[1, 2], [3|]]}"#, "|"), "a[1][0]");
        assert_eq!(at(r#"{"a": 1, "b": |"#, "|"), "b");
        assert_eq!(at(r#"{"a": {|"#, "|"), "a");
        assert_eq!(at(r#"{"a": {"b": 1}|, "c": 2}"#, "|"), "a");
        assert_eq!(at(r#"{"a": ["[{\"", "}]|"]}"#, "|"), "a[1]");
        assert_eq!(at(r#"{"a\"b": 1|}"#, "|"), "a\"b");
        assert_eq!(at("|", "|"), "");
    }
}
