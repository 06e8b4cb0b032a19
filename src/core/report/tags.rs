//! For tests: the start tags of an HTML fragment the core wrote, read as attribute maps, so a test
//! asserts which attributes an element has, never the order they are printed in.

use std::collections::BTreeMap;

/// Every start tag named `name` in `html`, each as its attributes (a bare attribute maps to "").
pub fn tags<'a>(html: &'a str, name: &str) -> Vec<BTreeMap<&'a str, &'a str>> {
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        rest = &rest[i + open.len()..];
        // `<th` is not `<thead`: the name ends at a space, `/` or `>`.
        if !rest.starts_with([' ', '>', '/']) {
            continue;
        }
        let end = rest.find('>').unwrap_or(rest.len());
        out.push(attributes(rest[..end].trim_end_matches('/')));
        rest = &rest[end..];
    }
    out
}

/// The attributes of a start tag's inside: `a="1" b hidden` (values never hold `"`: the core escapes it).
fn attributes(inside: &str) -> BTreeMap<&str, &str> {
    let mut out = BTreeMap::new();
    let mut rest = inside.trim_start();
    while !rest.is_empty() {
        let name_end = rest.find([' ', '=']).unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = &rest[name_end..];
        if let Some(quoted) = rest.strip_prefix("=\"") {
            let close = quoted.find('"').unwrap_or(quoted.len());
            out.insert(name, &quoted[..close]);
            rest = quoted.get(close + 1..).unwrap_or("");
        } else {
            out.insert(name, "");
        }
        rest = rest.trim_start();
    }
    out
}

/// The one start tag named `name` whose `key` attribute is `value`; panics when there is not exactly one.
pub fn tag<'a>(html: &'a str, name: &str, key: &str, value: &str) -> BTreeMap<&'a str, &'a str> {
    let mut found: Vec<_> = tags(html, name).into_iter().filter(|t| t.get(key) == Some(&value)).collect();
    assert_eq!(found.len(), 1, "one <{name} {key}=\"{value}\"> in {html}");
    found.remove(0)
}

#[test]
fn attributes_are_read_in_any_order() {
    let html =
        "<table><thead><th scope=\"col\">x</th><input id=\"a\" checked name=\"n\"><svg class=\"bar\"/>";
    assert_eq!(tags(html, "th").len(), 1, "thead is not th");
    let input = tag(html, "input", "id", "a");
    assert_eq!((input.get("checked"), input.get("name")), (Some(&""), Some(&"n")));
    assert_eq!(tags(html, "svg")[0].get("class"), Some(&"bar"));
}
