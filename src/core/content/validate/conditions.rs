//! Checks the conditions that decide what the profile asks (`show_if`, `implied_if`): each names choice
//! fields of the profile (several joined by `|`, any of which may hold) and values they offer.

use super::{Checker, Condition, Text};
use std::collections::{BTreeMap, BTreeSet};

pub(super) fn check_conditions(
    c: &mut Checker,
    file: &str,
    id: &str,
    key: &str,
    conditions: &[Condition],
    fields: &BTreeMap<Text, BTreeSet<Text>>,
) {
    for cond in conditions {
        // Several fields joined by `|`: the condition holds when any of them has one of the values.
        let mut offered = BTreeSet::new();
        for field in cond.field.split('|') {
            match fields.get(field) {
                None => c.report(
                    file,
                    id,
                    format!("`{key}` refers to unknown or free-text profile field \"{field}\""),
                ),
                Some(options) => offered.extend(options.iter().map(|o| o.as_ref())),
            }
        }
        if cond.any_of.is_empty() {
            c.report(file, id, format!("`{key}` on \"{}\" lists no values", cond.field));
        }
        for v in cond.any_of.iter() {
            if !offered.is_empty() && !offered.contains(v.as_ref()) {
                c.report(
                    file,
                    id,
                    format!("`{key}` value \"{v}\" is not an option of field \"{}\"", cond.field),
                );
            }
        }
    }
}
