//! Just enough HTML for the build's own pages: elements found by their start and end text.

/// Every element of `html` from `start` to the next `end` (both included), in order.
pub fn elements<'a>(html: &'a str, start: &'a str, end: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let mut rest = html;
    std::iter::from_fn(move || {
        let i = rest.find(start)?;
        let len = rest[i..].find(end)? + end.len();
        let element = &rest[i..i + len];
        rest = &rest[i + len..];
        Some(element)
    })
}

/// `html` without the elements from `start` to the next `end` for which `drop` holds.
pub fn without(html: &str, start: &str, end: &str, drop: impl Fn(&str) -> bool) -> String {
    let mut out = html.to_owned();
    for element in elements(html, start, end).filter(|e| drop(e)) {
        if let Some(i) = out.find(element) {
            out.replace_range(i..i + element.len(), "");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn elements_and_without() {
        let html = "<a><script>1</script><b><script src=x></script>";
        assert_eq!(
            super::elements(html, "<script", "</script>").collect::<Vec<_>>(),
            ["<script>1</script>", "<script src=x></script>"]
        );
        assert_eq!(
            super::without(html, "<script", "</script>", |e| !e.contains("src")),
            "<a><b><script src=x></script>"
        );
    }
}
