//! The methods page as HTML: how the three tools work, all read from the content pack (scales, bands,
//! every readiness question with its rubric and next steps, the risk profile, scales, levels and
//! matrix). A read-only page is smaller as one string writer than as a tree of typed views.

use super::escape::html;
use super::{fill, s, tenths};
use crate::core::content::model::{Pack, ScaleLevel};
use crate::core::route::GuidanceView;
use crate::core::scoring::readiness::band_bounds;
use std::fmt::Write;

/// Term-definition pairs: every list on the page.
fn pairs(o: &mut String, rows: &[(String, String)]) {
    o.push_str("<dl class=\"scale\">");
    for (term, text) in rows {
        let _ = write!(o, "<dt>{}</dt><dd>{}</dd>", html(term), html(text));
    }
    o.push_str("</dl>");
}

fn scale(levels: &[ScaleLevel]) -> Vec<(String, String)> {
    levels.iter().map(|l| (format!("{} · {}", l.value, l.label), l.description.to_string())).collect()
}

/// Everything below the page's breadcrumbs.
pub fn methods_html(pack: &Pack) -> String {
    let (r, k) = (&pack.readiness, &pack.risk);
    let mut o = String::new();
    let _ = write!(
        o,
        "<h1>{}</h1><p class=\"ours\">{}</p><h2>{}</h2><p>{}</p><p>{}</p><h3>{}</h3>",
        s("methods.title"),
        s("guidance.ours"),
        s("methods.readiness_heading"),
        html(&r.intro),
        html(&r.method),
        s("methods.scale")
    );
    let levels: Vec<(String, String)> =
        r.levels.iter().map(|l| (format!("{} · {}", l.value, l.label), l.description.to_string())).collect();
    pairs(&mut o, &levels);
    let _ = write!(o, "<h3>{}</h3>", s("methods.bands"));
    let bands: Vec<(String, String)> = r
        .bands
        .iter()
        .map(|b| {
            let (from, to) = band_bounds(b);
            let range = fill("methods.band_range", &[("from", &tenths(from)), ("to", &tenths(to))]);
            (format!("{} ({range})", b.label), b.description.to_string())
        })
        .collect();
    pairs(&mut o, &bands);
    for d in r.dimensions.iter() {
        let mut rows: Vec<(String, String)> = Vec::new();
        for q in d.questions.iter() {
            rows.push((format!("{} {}", q.id, q.text), format!("{}: {}", s("methods.why"), q.why)));
            for (level, text) in r.levels.iter().zip(q.levels.iter()) {
                rows.push((format!("{} · {}", level.value, level.label), text.to_string()));
            }
        }
        for n in d.next_steps.iter() {
            let band = r.bands.iter().find(|b| b.id == n.band).map(|b| b.label.as_ref()).unwrap_or_default();
            rows.push((format!("{}: {band}", s("methods.next_steps")), n.steps.join(" ")));
        }
        let _ = write!(
            o,
            "<details class=\"dimension\"><summary>{} {}</summary><p>{}</p>",
            html(&d.id),
            html(&d.name),
            html(&d.description)
        );
        pairs(&mut o, &rows);
        o.push_str("</details>");
    }
    let _ = write!(
        o,
        "<h2>{}</h2><p>{}</p><p>{}</p><h3>{}</h3>",
        s("methods.risk_heading"),
        html(&k.intro),
        html(&k.method),
        s("methods.profile")
    );
    let profile: Vec<(String, String)> = k
        .profile_fields
        .iter()
        .map(|f| {
            let options = f.options.iter().map(|o| o.label.as_ref()).collect::<Vec<_>>().join(" · ");
            let when: Vec<String> =
                f.show_if.iter().map(|c| format!("{} = {}", c.field, c.any_of.join(" / "))).collect();
            let when = if when.is_empty() {
                String::new()
            } else {
                format!(" ({} {})", s("methods.shown_when"), when.join("; "))
            };
            (f.label.to_string(), format!("{} {options}{when}", f.help))
        })
        .collect();
    pairs(&mut o, &profile);
    for (key, levels) in [("methods.likelihood", &k.likelihood), ("methods.severity", &k.severity)] {
        let _ = write!(o, "<h3>{}</h3>", s(key));
        pairs(&mut o, &scale(levels));
    }
    let _ = write!(o, "<h3>{}</h3>", s("methods.levels"));
    let risk_levels: Vec<(String, String)> =
        k.risk_levels.iter().map(|l| (l.label.to_string(), l.description.to_string())).collect();
    pairs(&mut o, &risk_levels);
    let _ = write!(
        o,
        "<h3>{}</h3><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"matrix-caption\">\
         <table class=\"matrix\"><caption id=\"matrix-caption\">{}</caption><thead><tr><td></td>",
        s("methods.matrix"),
        s("methods.matrix_caption")
    );
    for sv in k.severity.iter() {
        let _ = write!(o, "<th scope=\"col\">{} {}</th>", sv.value, html(&sv.label));
    }
    o.push_str("</tr></thead><tbody>");
    let label =
        |id: &str| k.risk_levels.iter().find(|l| l.id == id).map(|l| l.label.as_ref()).unwrap_or_default();
    for (row, l) in k.matrix.iter().zip(k.likelihood.iter()) {
        let _ = write!(o, "<tr><th scope=\"row\">{} {}</th>", l.value, html(&l.label));
        for c in row.iter() {
            let _ = write!(o, "<td class=\"level-{}\">{}</td>", html(c), html(label(c)));
        }
        o.push_str("</tr>");
    }
    let _ = write!(
        o,
        "</tbody></table></div><p>{}</p><p><a href=\"{}\">{}</a></p>",
        html(&k.matrix_rationale),
        GuidanceView::Overview.href(),
        s("guidance.back")
    );
    o
}
