//! Read-only guidance views as HTML: principle tags, the items of the three tools that refer to an
//! entry, a principle, an application type, a life-cycle stage and the explorer's overview. Same markup as the typed views they replaced, at a
//! fraction of the app's size; all text escaped.

use super::escape::html;
use super::{fill, s};
use crate::core::content::model::{ApplicationType, Pack, Principle, Stage, Text};
use crate::core::guidance::{
    self, related_to_application_type, related_to_principle, related_to_stage, Related,
};
use crate::core::route::GuidanceView;
use std::fmt::Write;

/// Links to principles, each named in full ("P3.3 Privacy").
pub fn tags_html(pack: &Pack, ids: &[&str]) -> String {
    let mut o = String::from("<ul class=\"tags\">");
    for id in ids {
        let name = guidance::principle(pack, id).map(|p| p.name.as_ref()).unwrap_or_default();
        let _ = write!(
            o,
            "<li><a class=\"tag\" href=\"{}\"><span class=\"tag-id\">{}</span> {}</a></li>",
            html(&GuidanceView::Principle(id.to_string()).href()),
            html(id),
            html(name)
        );
    }
    o.push_str("</ul>");
    o
}

fn item(o: &mut String, pack: &Pack, id: &str, text: &str, principles: &[Text]) {
    let ids: Vec<&str> = principles.iter().map(|p| p.as_ref()).collect();
    let _ = write!(
        o,
        "<li class=\"related-item\"><p><span class=\"item-id\">{}</span> {}</p>{}</li>",
        html(id),
        html(text),
        tags_html(pack, &ids)
    );
}

/// The questions, prompts and risk templates that refer to one entry, grouped by tool; empty groups
/// are left out.
pub fn related_html(pack: &Pack, related: &Related) -> String {
    let mut o = String::new();
    let mut group = |key: &'static str, count: usize, body: String| {
        if count > 0 {
            let _ = write!(
                o,
                "<section class=\"related-group\"><h3>{} ({count})</h3><ul class=\"related-list\">{body}</ul></section>",
                s(key)
            );
        }
    };
    let mut body = String::new();
    for q in &related.readiness {
        item(&mut body, pack, &q.id, &q.text, &q.principles);
    }
    group("related.readiness", related.readiness.len(), std::mem::take(&mut body));
    for q in &related.screening {
        item(&mut body, pack, &q.id, &q.text, std::slice::from_ref(&q.principle));
    }
    group("related.screening", related.screening.len(), std::mem::take(&mut body));
    for p in &related.prompts {
        item(&mut body, pack, &p.id, &p.text, &p.principles);
    }
    group("related.prompts", related.prompts.len(), std::mem::take(&mut body));
    for r in &related.templates {
        let _ = write!(
            body,
            "<li class=\"related-item\"><p><strong>{}</strong> {}</p></li>",
            html(&r.title),
            html(&r.description)
        );
    }
    group("related.templates", related.templates.len(), body);
    o
}

fn list(o: &mut String, class: &str, items: &[Text]) {
    let _ = write!(o, "<ul{}>", if class.is_empty() { String::new() } else { format!(" class=\"{class}\"") });
    for i in items {
        let _ = write!(o, "<li>{}</li>", html(i));
    }
    o.push_str("</ul>");
}

/// One principle below its breadcrumbs: meaning, policing example, red flags, application types where
/// it is at stake, and everything in the tools that refers to it.
pub fn principle_html(pack: &Pack, p: &Principle) -> String {
    let mut o = String::new();
    let _ = write!(o, "<h1><span class=\"item-id\">{}</span> {}</h1>", html(&p.id), html(&p.name));
    if let Some(parent) = p.parent.as_deref().and_then(|id| guidance::principle(pack, id)) {
        let _ = write!(
            o,
            "<p class=\"part-of\">{} <a href=\"{}\">{} {}</a></p>",
            s("principle.part_of"),
            html(&GuidanceView::Principle(parent.id.to_string()).href()),
            html(&parent.id),
            html(&parent.name)
        );
    }
    let _ = write!(o, "<p class=\"lead\">{}</p>", html(&p.summary));
    let children: Vec<&str> = guidance::children(pack, &p.id).into_iter().map(|c| c.id.as_ref()).collect();
    if !children.is_empty() {
        let _ = write!(o, "<h2>{}</h2>{}", s("principle.instrumental"), tags_html(pack, &children));
    }
    let _ = write!(
        o,
        "<h2>{}</h2><p>{}</p><h2>{}</h2>",
        s("principle.in_policing"),
        html(&p.in_policing),
        s("principle.red_flags")
    );
    list(&mut o, "red-flags", &p.red_flags);
    let types = guidance::application_types_for_principle(pack, &p.id);
    if !types.is_empty() {
        let _ = write!(o, "<h2>{}</h2><ul>", s("principle.types"));
        for a in types {
            let _ = write!(
                o,
                "<li><a href=\"{}\">{}</a></li>",
                html(&GuidanceView::ApplicationType(a.id.to_string()).href()),
                html(&a.name)
            );
        }
        o.push_str("</ul>");
    }
    let related = related_to_principle(pack, &p.id);
    let _ = write!(
        o,
        "<section class=\"related\" aria-labelledby=\"related-heading\"><h2 id=\"related-heading\">{}</h2>",
        s("principle.related_heading")
    );
    if p.parent.is_none() {
        let _ = write!(o, "<p class=\"hint\">{}</p>", s("principle.related_core_note"));
    }
    if related.is_empty() {
        let _ = write!(o, "<p>{}</p>", s("principle.related_none"));
    }
    o.push_str(&related_html(pack, &related));
    o.push_str("</section>");
    o
}

/// One application type below its breadcrumbs: what it covers, examples, concerns, principles at stake,
/// and its screening questions.
pub fn application_type_html(pack: &Pack, a: &ApplicationType) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<h1>{}</h1><p class=\"lead\">{}</p><h2>{}</h2>",
        html(&a.name),
        html(&a.description),
        s("apptype.examples")
    );
    list(&mut o, "", &a.examples);
    let _ = write!(o, "<h2>{}</h2>", s("apptype.concerns"));
    list(&mut o, "", &a.typical_concerns);
    let ids: Vec<&str> = a.principles.iter().map(|p| p.as_ref()).collect();
    let _ = write!(o, "<h2>{}</h2>{}", s("apptype.principles"), tags_html(pack, &ids));
    let related = related_to_application_type(pack, &a.id);
    if !related.is_empty() {
        let _ = write!(
            o,
            "<section class=\"related\" aria-labelledby=\"related-heading\"><h2 id=\"related-heading\">{}</h2>{}</section>",
            s("apptype.related_heading"),
            related_html(pack, &related)
        );
    }
    o
}

/// One life-cycle stage below its breadcrumbs: its purpose, key questions, the workbook's checklist and
/// decision guidance for it, and everything in the tools that refers to it.
pub fn stage_html(pack: &Pack, st: &Stage) -> String {
    let mut o = format!("<h1>{}</h1>", html(&st.name));
    if let Some(a) = st.alternative_to.as_deref().and_then(|a| guidance::stage(pack, a)) {
        let _ = write!(
            o,
            "<p class=\"part-of\"><a href=\"{}\">{}</a></p>",
            html(&GuidanceView::Stage(a.id.to_string()).href()),
            html(&fill("guidance.alternative_to", &[("name", &a.name)]))
        );
    }
    let _ = write!(
        o,
        "<h2>{}</h2><p class=\"lead\">{}</p><h2>{}</h2>",
        s("stage.purpose"),
        html(&st.purpose),
        s("stage.key_questions")
    );
    list(&mut o, "", &st.key_questions);
    if let Some(w) = pack.workbook.stages.iter().find(|w| w.stage == st.id) {
        let _ = write!(
            o,
            "<section aria-labelledby=\"checklist-heading\"><h2 id=\"checklist-heading\">{}</h2><ul class=\"checklist\">",
            s("workbook.checklist")
        );
        for c in w.checks.iter() {
            let _ = write!(o, "<li><span class=\"item-id\">{}</span> {}</li>", html(&c.id), html(&c.text));
        }
        let _ = write!(
            o,
            "</ul></section><section aria-labelledby=\"decision-heading\"><h2 id=\"decision-heading\">{}</h2><p>{}</p><dl class=\"scale\">",
            s("workbook.decision"),
            html(&w.decision_guidance)
        );
        for (key, text) in [
            ("workbook.decision_go", &w.decision_go),
            ("workbook.decision_change", &w.decision_change),
            ("workbook.decision_stop", &w.decision_stop),
        ] {
            let _ = write!(o, "<dt>{}</dt><dd>{}</dd>", s(key), html(text));
        }
        o.push_str("</dl></section>");
    }
    let _ = write!(
        o,
        "<section class=\"related\" aria-labelledby=\"related-heading\"><h2 id=\"related-heading\">{}</h2><div class=\"related-items\">{}</div></section>",
        s("stage.related_heading"),
        related_html(pack, &related_to_stage(pack, &st.id))
    );
    o
}

/// The guidance explorer's start below its search: the principle tree, the life cycle, the application
/// types, and links to the methods and the glossary.
pub fn overview_html(pack: &Pack) -> String {
    let v = &pack.vocabulary;
    let link = |o: &mut String, href: String, id: Option<&str>, name: &str| {
        let _ = write!(o, "<a href=\"{}\">", html(&href));
        if let Some(id) = id {
            let _ = write!(o, "<span class=\"item-id\">{}</span> ", html(id));
        }
        let _ = write!(o, "{}</a>", html(name));
    };
    let mut o = String::new();
    let _ = write!(
        o,
        "<section aria-labelledby=\"principles-heading\"><h2 id=\"principles-heading\">{}</h2><p>{}</p><ul class=\"cards principle-cards\" role=\"list\">",
        s("guidance.principles_heading"),
        s("guidance.principles_intro")
    );
    for (core, children) in guidance::principle_tree(pack) {
        o.push_str("<li class=\"card principle-card\"><h3>");
        link(&mut o, GuidanceView::Principle(core.id.to_string()).href(), Some(&core.id), &core.name);
        o.push_str("</h3><ul>");
        for c in children {
            o.push_str("<li>");
            link(&mut o, GuidanceView::Principle(c.id.to_string()).href(), Some(&c.id), &c.name);
            o.push_str("</li>");
        }
        o.push_str("</ul></li>");
    }
    let _ = write!(
        o,
        "</ul></section><section aria-labelledby=\"lifecycle-heading\"><h2 id=\"lifecycle-heading\">{}</h2><p>{}</p><ol class=\"lifecycle\">",
        s("guidance.lifecycle_heading"),
        s("guidance.lifecycle_intro")
    );
    let mut stages: Vec<&Stage> = v.stages.iter().collect();
    crate::core::sort::by_key(&mut stages, |st| st.order);
    for st in stages {
        // Numbered by position on the life cycle: build and buy share a number.
        let _ = write!(o, "<li value=\"{}\">", st.order);
        link(&mut o, GuidanceView::Stage(st.id.to_string()).href(), None, &st.name);
        if let Some(a) = st.alternative_to.as_deref().and_then(|a| guidance::stage(pack, a)) {
            let _ = write!(
                o,
                "<span class=\"alt-note\"> · {}</span>",
                html(&fill("guidance.alternative_to", &[("name", &a.name)]))
            );
        }
        o.push_str("</li>");
    }
    let _ = write!(
        o,
        "</ol></section><section aria-labelledby=\"types-heading\"><h2 id=\"types-heading\">{}</h2><p>{}</p><ul>",
        s("guidance.types_heading"),
        s("guidance.types_intro")
    );
    for a in v.application_types.iter() {
        o.push_str("<li>");
        link(&mut o, GuidanceView::ApplicationType(a.id.to_string()).href(), None, &a.name);
        o.push_str("</li>");
    }
    let _ = write!(
        o,
        "</ul></section><section aria-labelledby=\"methods-heading\"><h2 id=\"methods-heading\">{}</h2><p>{}</p><p><a class=\"button secondary\" href=\"{}\">{}</a></p></section>",
        s("methods.title"),
        s("methods.link_intro"),
        html(&GuidanceView::Methods.href()),
        s("methods.link")
    );
    let _ = write!(
        o,
        "<section aria-labelledby=\"glossary-heading\"><h2 id=\"glossary-heading\">{}</h2><p>{}</p><p><a class=\"button secondary\" href=\"{}\">{}</a></p></section>",
        s("guidance.glossary_heading"),
        s("guidance.glossary_intro"),
        html(&GuidanceView::Glossary(None).href()),
        html(&fill("guidance.glossary_link", &[("count", &v.terms.len().to_string())]))
    );
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::pack;

    #[test]
    fn a_stage_page_has_its_checklist_decisions_and_related_items() {
        let p = pack();
        let html = stage_html(p, guidance::stage(p, "deploy").unwrap());
        assert!(html.starts_with("<h1>Deployment</h1>"), "{html}");
        assert!(html.contains("W4.C1"), "the workbook's checklist for the stage");
        assert!(html.contains("<dt>Going on</dt>"), "the decision guidance");
        assert!(html.contains("W4.1"), "the prompts that refer to the stage");
        assert!(!html.contains("part-of"), "deployment is no alternative path");
    }

    #[test]
    fn an_alternative_stage_links_to_the_stage_it_replaces() {
        let p = pack();
        let html = stage_html(p, guidance::stage(p, "procure").unwrap());
        assert!(html.contains("Alternative to: Design and development</a>"), "{html}");
    }

    #[test]
    fn the_overview_numbers_stages_by_position_and_counts_the_glossary() {
        let p = pack();
        let html = overview_html(p);
        assert_eq!(html.matches("class=\"card principle-card\"").count(), 5, "five core principles");
        assert!(
            html.contains("<li value=\"2\"><a href=\"#/guidance/stages/procure\">Procurement</a>"),
            "{html}"
        );
        assert!(html.contains(&format!("Browse all {} terms</a>", p.vocabulary.terms.len())), "{html}");
    }
}
