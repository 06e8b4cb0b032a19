//! The glossary's terms as HTML, written by the tools module: every term with its definition and
//! links to related terms, the one opened at marked. Each term carries its text folded for the
//! filter (`data-text`), which the page applies by hiding terms, so a keystroke redraws nothing.

use super::escape::html;
use super::s;
use crate::core::content::model::Pack;
use crate::core::route::GuidanceView;
use crate::core::text::search_fold;
use std::fmt::Write;

/// The terms as a `<dl class="glossary">`; `selected`, the id of the term opened at, is marked,
/// focusable and named as selected.
pub fn glossary_html(pack: &Pack, selected: Option<&str>) -> String {
    let terms = &pack.vocabulary.terms;
    let mut o = String::from("<dl class=\"glossary\">");
    for term in terms.iter() {
        let current = selected == Some(term.id.as_ref());
        let _ = write!(
            o,
            "<div class=\"term{}\" id=\"term-{}\" data-text=\"{}\"{}><dt>{}{}</dt><dd><p>{}</p>",
            if current { " current" } else { "" },
            html(&term.id),
            html(&search_fold(&format!("{} {}", term.term, term.definition))),
            if current { " tabindex=\"-1\" aria-current=\"true\"" } else { "" },
            html(&term.term),
            if current {
                format!("<span class=\"visually-hidden\"> ({})</span>", s("glossary.selected"))
            } else {
                String::new()
            },
            html(&term.definition),
        );
        let others: Vec<_> =
            term.see_also.iter().filter_map(|id| terms.iter().find(|t| &t.id == id)).collect();
        if !others.is_empty() {
            let _ =
                write!(o, "<p class=\"see-also\">{}: </p><ul class=\"inline-list\">", s("glossary.see_also"));
            for other in others {
                let href = GuidanceView::Glossary(Some(other.id.to_string())).href();
                let _ = write!(o, "<li><a href=\"{}\">{}</a></li>", html(&href), html(&other.term));
            }
            o.push_str("</ul>");
        }
        o.push_str("</dd></div>");
    }
    o.push_str("</dl>");
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::pack;

    #[test]
    fn every_term_is_listed_once_with_its_folded_text() {
        let p = pack();
        let out = glossary_html(p, None);
        assert_eq!(out.matches("<div class=\"term\"").count(), p.vocabulary.terms.len());
        let first = &p.vocabulary.terms[0];
        assert!(out.contains(&format!("id=\"term-{}\"", first.id)));
        assert!(out.contains(&html(&search_fold(&format!("{} {}", first.term, first.definition)))));
        assert!(!out.contains("aria-current"));
    }

    #[test]
    fn the_term_opened_at_is_marked_focusable_and_named_as_selected() {
        let p = pack();
        let id = p.vocabulary.terms[1].id.to_string();
        let out = glossary_html(p, Some(&id));
        assert_eq!(out.matches("aria-current=\"true\"").count(), 1);
        assert!(out.contains(&format!("<div class=\"term current\" id=\"term-{id}\"")));
        assert!(out.contains("(selected term)"));
    }

    #[test]
    fn related_terms_link_to_their_entries() {
        let p = pack();
        let Some(term) = p.vocabulary.terms.iter().find(|t| !t.see_also.is_empty()) else { return };
        let out = glossary_html(p, None);
        let href = GuidanceView::Glossary(Some(term.see_also[0].to_string())).href();
        assert!(out.contains(&format!("<a href=\"{}\">", html(&href))));
    }
}
