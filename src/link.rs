//! Deep links in the URL fragment: `#entity=nicolas-maduro`. The fragment holds `&`-separated
//! `key=value` pairs, so that several widgets on one page each keep their own key
//! (`#entity=russia&second.entity=cuba`) and never overwrite another's.

/// The value of `key` in a fragment (with or without its leading `#`).
pub fn get(fragment: &str, key: &str) -> Option<String> {
    pairs(fragment).find(|(k, _)| *k == key).map(|(_, v)| decode(v))
}

/// The fragment with `key` set to `value`, or removed when `value` is None; other pairs kept in order.
pub fn set(fragment: &str, key: &str, value: Option<&str>) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut done = false;
    for (k, v) in pairs(fragment) {
        if k == key {
            if let (Some(value), false) = (value, done) {
                out.push(format!("{key}={}", encode(value)));
            }
            done = true;
        } else if v.is_empty() && !fragment.contains(&format!("{k}=")) {
            out.push(k.to_owned());
        } else {
            out.push(format!("{k}={v}"));
        }
    }
    if let (Some(value), false) = (value, done) {
        out.push(format!("{key}={}", encode(value)));
    }
    if out.is_empty() {
        String::new()
    } else {
        format!("#{}", out.join("&"))
    }
}

fn pairs(fragment: &str) -> impl Iterator<Item = (&str, &str)> {
    fragment.trim_start_matches('#').split('&').filter(|p| !p.is_empty()).map(|p| p.split_once('=').unwrap_or((p, "")))
}

/// Entity ids are ASCII slugs; anything else is percent-encoded.
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&value[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_its_own_key() {
        assert_eq!(get("#entity=nicolas-maduro", "entity").as_deref(), Some("nicolas-maduro"));
        assert_eq!(get("entity=russia&b.entity=cuba", "b.entity").as_deref(), Some("cuba"));
        assert_eq!(get("#section-2", "entity"), None);
        assert_eq!(get("", "entity"), None);
    }

    #[test]
    fn sets_and_removes_without_touching_other_keys() {
        assert_eq!(set("", "entity", Some("russia")), "#entity=russia");
        assert_eq!(set("#b.entity=cuba", "entity", Some("russia")), "#b.entity=cuba&entity=russia");
        assert_eq!(set("#entity=cuba&b.entity=china", "entity", Some("russia")), "#entity=russia&b.entity=china");
        assert_eq!(set("#entity=cuba&b.entity=china", "entity", None), "#b.entity=china");
        assert_eq!(set("#entity=cuba", "entity", None), "");
        assert_eq!(set("#top", "entity", Some("x")), "#top&entity=x");
    }

    #[test]
    fn odd_values_round_trip() {
        let f = set("", "entity", Some("a b&c=d%"));
        assert_eq!(get(&f, "entity").as_deref(), Some("a b&c=d%"));
        assert_eq!(get("#entity=%E", "entity").as_deref(), Some("%E"));
    }
}
