//! The legal fields and references: the lists of prohibited practices and high-risk uses with what
//! follows them (`core::risk::legal`), and references such as "AI Act Art. 5(1)(h)".

use super::Checker;
// `super::super` is the content module here and the build script's root there, both of which hold `model`.
use super::super::model::legal_fields::{self, article_of};
use super::super::model::{FieldKind, Risk, Text};

/// The legal fields fit together: each list of practices or uses is a multi field whose options carry
/// `refs` (but "none"), the field that follows it (the exception, the duties) is asked exactly when one
/// of them is ticked, the duties all carry `refs`, and no other field's options carry `refs`.
pub(super) fn check_gate(c: &mut Checker, file: &str, r: &Risk) {
    use legal_fields::{DUTIES, EXCEPTION, HIGH_RISK, PROHIBITED};
    let field = |id: &str| r.profile_fields.iter().find(|f| f.id == id);
    for f in r.profile_fields.iter() {
        if ![PROHIBITED, HIGH_RISK, DUTIES].contains(&f.id.as_ref())
            && f.options.iter().any(|o| !o.refs.is_empty())
        {
            c.report(file, &f.id, "only the legal fields' options carry `refs`");
        }
    }
    for (list, follow, kinds) in [
        (PROHIBITED, EXCEPTION, &[FieldKind::Text, FieldKind::Longtext][..]),
        (HIGH_RISK, DUTIES, &[FieldKind::Multi][..]),
    ] {
        let Some(l) = field(list) else { continue };
        let listed: Vec<&Text> = l.options.iter().filter(|o| !o.refs.is_empty()).map(|o| &o.id).collect();
        if l.kind != FieldKind::Multi || listed.is_empty() {
            c.report(file, list, "must be a multi field whose options carry `refs`");
        }
        for o in l.options.iter().filter(|o| o.refs.is_empty() && o.id != "none") {
            c.report(
                file,
                &format!("{list}.{}", o.id),
                "an option of a legal list needs `refs` (or is \"none\")",
            );
        }
        let Some(f) = field(follow) else {
            c.report(file, list, format!("needs the field \"{follow}\" that follows it"));
            continue;
        };
        if !kinds.contains(&f.kind) {
            c.report(file, follow, format!("must be a field of kind {kinds:?}"));
        }
        // The duties follow every listed use; the exception only the practices that admit one.
        let asked: Option<&[Text]> = match f.show_if.as_ref() {
            [cond] if cond.field == list => Some(cond.any_of.as_ref()),
            _ => None,
        };
        let fits = asked.is_some_and(|a| {
            !a.is_empty()
                && a.iter().all(|x| listed.contains(&x))
                && (follow != DUTIES || listed.iter().all(|p| a.contains(p)))
        });
        if !fits {
            let message = if follow == DUTIES {
                format!("must be shown when, and only when, any option of \"{list}\" is ticked")
            } else {
                format!("must be shown for some options of \"{list}\" (those that admit an exception) and nothing else")
            };
            c.report(file, follow, message);
        }
        if follow == DUTIES && f.options.iter().any(|o| o.refs.is_empty()) {
            c.report(file, follow, "every duty needs `refs`");
        }
    }
}

/// Whether a legal reference reads "<instrument> Art. <n>" or "<instrument> Annex <roman>", then any
/// number of "(x)" parts: "AI Act Art. 5(1)(h)", "AI Act Annex III(6)(d)".
pub(super) fn is_ref(r: &str) -> bool {
    let Some(rest) = article_of(r) else { return false };
    let (number, mut parts) = if let Some(x) = rest.strip_prefix("Art. ") {
        let end = x.find(|ch: char| !ch.is_ascii_digit()).unwrap_or(x.len());
        (&x[..end], &x[end..])
    } else if let Some(x) = rest.strip_prefix("Annex ") {
        let end = x.find(|ch: char| !matches!(ch, 'I' | 'V' | 'X')).unwrap_or(x.len());
        (&x[..end], &x[end..])
    } else {
        return false;
    };
    if number.is_empty() {
        return false;
    }
    while !parts.is_empty() {
        let Some(inner) = parts.strip_prefix('(') else { return false };
        let Some(close) = inner.find(')') else { return false };
        let part = &inner[..close];
        if part.is_empty() || !part.chars().all(|ch| ch.is_ascii_alphanumeric()) {
            return false;
        }
        parts = &inner[close + 1..];
    }
    true
}

/// Every reference well formed and its article written in the label too, so what the user reads is
/// what the findings cite.
pub(super) fn check_refs(c: &mut Checker, file: &str, id: &str, refs: &[Text], label: &str) {
    for r in refs {
        match article_of(r) {
            Some(article) if is_ref(r) => {
                // Named whole: "Art. 5" does not match inside "Art. 5(1)(e)".
                let whole = label.match_indices(article).any(|(i, _)| {
                    label[i + article.len()..]
                        .chars()
                        .next()
                        .is_none_or(|ch| ch != '(' && !ch.is_alphanumeric())
                });
                if !whole {
                    c.report(file, id, format!("the label does not name its reference \"{article}\""));
                }
            }
            _ => c.report(
                file,
                id,
                format!("`refs` entry \"{r}\" is not a reference such as \"AI Act Art. 5(1)(h)\""),
            ),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::is_ref;

    #[test]
    fn references_read_as_an_instrument_then_an_article_or_annex_and_parts() {
        for good in [
            "AI Act Art. 5(1)(h)",
            "AI Act Art. 27",
            "AI Act Annex III(6)(d)",
            "Directive 2016/680 Art. 11",
            "GDPR Art. 35(3)(a)",
            "EU Charter Art. 47",
            "ECHR Art. 6(1)",
        ] {
            assert!(is_ref(good), "{good}");
        }
        for bad in [
            "AIA Art. 5",
            "AI Act art. 5",
            "AI Act Art. ",
            "AI Act Art. 5(1",
            "AI Act Art. 5()",
            "AI Act Art. 5 (1)",
            "AI Act Annex 3",
            "AI Act Art. 5(1)(h) and more",
        ] {
            assert!(!is_ref(bad), "{bad}");
        }
    }
}
