//! The results and report of a risk assessment: heat maps of inherent and residual levels (SVG with a
//! table of the same counts), the register in reading order, where the risk concentrates by principle,
//! mitigations that need attention, and what is still open. The same writer serves the results view,
//! the printed and downloaded report and the Markdown.

use super::escape::{html, markdown as md};
use super::{fill, s, title_page, ReportMeta};
use crate::core::assessment::{Answer, Assessment};
use crate::core::content::model::{FieldKind, Pack, ProfileField};
use crate::core::questionnaire;
use crate::core::register::{attention, sorted, Risk};
use crate::core::report::workspace::{decision_key, snapshot_name, status_key};
use crate::core::risk::{effective_profile, holds, level, options, pending, rank, screen};
use std::fmt::Write;

/// Counts of risks per cell: `[likelihood - 1][severity - 1]`, rated risks only.
fn cells(risks: &[Risk], residual: bool) -> [[usize; 5]; 5] {
    let mut grid = [[0; 5]; 5];
    for r in risks {
        let (l, sv) =
            if residual { (r.residual_likelihood, r.residual_severity) } else { (r.likelihood, r.severity) };
        if (1..=5).contains(&l) && (1..=5).contains(&sv) {
            grid[usize::from(l) - 1][usize::from(sv) - 1] += 1;
        }
    }
    grid
}

fn level_word(pack: &Pack, l: u8, sv: u8) -> String {
    level(pack, l, sv).map_or_else(|| s("risk.not_rated").to_string(), |x| x.label.to_string())
}

/// A 5×5 heat map: likelihood up, severity across, each cell coloured by its level, with the level's
/// initial and the number of risks in it; then the same counts as a table.
pub fn heat_map(pack: &Pack, risks: &[Risk], residual: bool) -> String {
    let grid = cells(risks, residual);
    let title = s(if residual { "riskresults.residual_map" } else { "riskresults.inherent_map" });
    let (cell, left, top) = (56, 96, 8);
    let mut o = format!(
        "<figure class=\"heat\"><svg class=\"chart\" role=\"img\" aria-label=\"{t}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">",
        t = html(title),
        w = left + 5 * cell + 8,
        h = top + 5 * cell + 44
    );
    for l in (1..=5u8).rev() {
        let y = top + (5 - usize::from(l)) * cell;
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"hm-axis\">{l}</text>",
            left - 8,
            y + cell / 2 + 5
        );
        for sv in 1..=5u8 {
            let x = left + (usize::from(sv) - 1) * cell;
            let lv = level(pack, l, sv);
            let id = lv.map_or("none", |x| x.id.as_ref());
            let initial: String = lv.map(|x| x.label.chars().take(1).collect()).unwrap_or_default();
            let n = grid[usize::from(l) - 1][usize::from(sv) - 1];
            let _ = write!(
                o,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{cell}\" height=\"{cell}\" class=\"hm-{}\"/><text x=\"{}\" y=\"{}\" class=\"hm-tag\">{}</text>",
                html(id),
                x + 4,
                y + 14,
                html(&initial)
            );
            if n > 0 {
                let _ = write!(
                    o,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"hm-count\">{n}</text>",
                    x + cell / 2,
                    y + cell / 2 + 9
                );
            }
        }
    }
    for sv in 1..=5usize {
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"hm-axis\">{sv}</text>",
            left + (sv - 1) * cell + cell / 2,
            top + 5 * cell + 18
        );
    }
    let _ = write!(
        o,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"hm-axis\">{}</text><text x=\"12\" y=\"{}\" class=\"hm-axis\" transform=\"rotate(-90 12 {})\" text-anchor=\"middle\">{}</text></svg>",
        left + 5 * cell / 2,
        top + 5 * cell + 38,
        s("risk.severity"),
        top + 5 * cell / 2,
        top + 5 * cell / 2,
        s("risk.likelihood")
    );
    let _ = write!(
        o,
        "<figcaption>{}</figcaption></figure><div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table class=\"heat-table\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>",
        s("riskresults.map_caption"),
        html(title),
        html(title),
        s("riskresults.l_by_s")
    );
    for x in pack.risk.severity.iter() {
        let _ = write!(o, "<th scope=\"col\">{} {}</th>", x.value, html(&x.label));
    }
    o.push_str("</tr></thead><tbody>");
    for x in pack.risk.likelihood.iter().rev() {
        let _ = write!(o, "<tr><th scope=\"row\">{} {}</th>", x.value, html(&x.label));
        for sv in 1..=5u8 {
            let n = grid[usize::from(x.value) - 1][usize::from(sv) - 1];
            let _ = write!(o, "<td>{n} · {}</td>", html(&level_word(pack, x.value, sv)));
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table></div>");
    o
}

/// Risks per instrumental principle with the highest inherent level among them, largest first is not
/// imposed: principles keep the toolkit's order so that gaps show.
fn by_principle(pack: &Pack, risks: &[Risk]) -> Vec<(&'static str, &'static str, usize, Option<String>)> {
    crate::core::content::pack()
        .vocabulary
        .principles
        .iter()
        .filter(|p| p.parent.is_some())
        .map(|p| {
            let touching: Vec<&Risk> =
                risks.iter().filter(|r| r.principles.iter().any(|x| *x == p.id)).collect();
            let top = touching
                .iter()
                .filter_map(|r| level(pack, r.likelihood, r.severity))
                .max_by_key(|l| rank(pack, l))
                .map(|l| l.label.to_string());
            (p.id.as_ref(), p.name.as_ref(), touching.len(), top)
        })
        .collect()
}

/// The profile fields the profile itself shows (a field hidden by an earlier answer decides nothing).
fn shown_fields(pack: &'static Pack, a: &Assessment) -> Vec<&'static ProfileField> {
    let profile = effective_profile(pack, &a.answers);
    pack.risk.profile_fields.iter().filter(|f| holds(&f.show_if, &profile)).collect()
}

/// What is still open: screening answers, set-aside answers, proposals, unrated and undecided risks.
fn open_points(pack: &'static Pack, a: &Assessment) -> Vec<String> {
    let sc = screen(pack, &a.answers);
    let shown = shown_fields(pack, a);
    let profile_total = shown.len();
    let profile_given =
        shown.iter().filter(|f| a.answers.get(f.id.as_ref()).is_some_and(Answer::is_given)).count();
    let reg = &a.risk.register;
    let n = |x: usize| x.to_string();
    let mut out = vec![
        fill("riskresults.open_screening", &[("answered", &n(sc.answered)), ("total", &n(sc.applicable))]),
        fill("riskresults.open_profile", &[("answered", &n(profile_given)), ("total", &n(profile_total))]),
    ];
    let waiting = pending(pack, a).len();
    if waiting > 0 {
        out.push(fill("riskresults.open_proposals", &[("count", &n(waiting))]));
    }
    if sc.set_aside > 0 {
        out.push(fill("risk.set_aside", &[("count", &n(sc.set_aside))]));
    }
    let unrated = reg.iter().filter(|r| level(pack, r.likelihood, r.severity).is_none()).count();
    if unrated > 0 {
        out.push(fill("riskresults.open_unrated", &[("count", &n(unrated))]));
    }
    let undecided = reg.iter().filter(|r| r.decision.is_none()).count();
    if undecided > 0 {
        out.push(fill("riskresults.open_undecided", &[("count", &n(undecided))]));
    }
    out
}

/// The results of a risk assessment as HTML; headings start at `h2`. `today` (ISO date) decides
/// which mitigations are overdue.
pub fn risk_results_html(pack: &'static Pack, a: &Assessment, today: &str) -> String {
    let reg = &a.risk.register;
    let mut o = format!("<p class=\"r-warning\">{}</p>", s("results.decide"));
    let _ = write!(
        o,
        "<section><h2>{}</h2><p>{}</p>",
        s("riskresults.summary"),
        fill("riskresults.count", &[("count", &reg.len().to_string())])
    );
    o.push_str("<ul>");
    for lv in pack.risk.risk_levels.iter().rev() {
        let inherent = reg
            .iter()
            .filter(|r| level(pack, r.likelihood, r.severity).is_some_and(|x| x.id == lv.id))
            .count();
        let residual = reg
            .iter()
            .filter(|r| {
                level(pack, r.residual_likelihood, r.residual_severity).is_some_and(|x| x.id == lv.id)
            })
            .count();
        let _ = write!(
            o,
            "<li>{}</li>",
            fill(
                "riskresults.level_line",
                &[
                    ("level", &html(&lv.label)),
                    ("inherent", &inherent.to_string()),
                    ("residual", &residual.to_string())
                ]
            )
        );
    }
    o.push_str("</ul></section>");
    let _ = write!(
        o,
        "<section class=\"r-maps\"><h2>{}</h2><div class=\"maps\"><div>{}</div><div>{}</div></div></section>",
        s("riskresults.maps"),
        heat_map(pack, reg, false),
        heat_map(pack, reg, true)
    );

    let _ = write!(o, "<section><h2>{}</h2>", s("risk.register"));
    if reg.is_empty() {
        let _ = write!(o, "<p>{}</p>", s("risk.empty_register"));
    } else {
        let _ = write!(
            o,
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table class=\"register\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            s("risk.register"),
            s("riskresults.col_risk"),
            s("riskresults.col_inherent"),
            s("riskresults.col_residual"),
            s("risk.decision"),
            s("risk.mitigations"),
            s("risk.f_principles")
        );
        for r in sorted(pack, reg) {
            let open =
                r.mitigations.iter().filter(|m| m.status != crate::core::register::Status::Done).count();
            let _ = write!(
                o,
                "<tr><th scope=\"row\">{} {}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                html(&r.id),
                html(&r.title),
                html(&rated(pack, r.likelihood, r.severity)),
                html(&rated(pack, r.residual_likelihood, r.residual_severity)),
                r.decision.map_or(s("risk.undecided"), |d| s(decision_key(d))),
                fill("riskresults.mitigation_count", &[("total", &r.mitigations.len().to_string()), ("open", &open.to_string())]),
                html(&r.principles.join(", "))
            );
        }
        o.push_str("</tbody></table></div>");
    }
    o.push_str("</section>");

    let _ = write!(
        o,
        "<section><h2>{}</h2><p class=\"hint\">{}</p><div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table class=\"by-principle\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        s("riskresults.by_principle"),
        s("riskresults.by_principle_hint"),
        s("riskresults.by_principle"),
        s("risk.principles"),
        s("riskresults.col_count"),
        s("riskresults.col_highest")
    );
    let rows = by_principle(pack, reg);
    let most = rows.iter().map(|r| r.2).max().unwrap_or(0).max(1);
    for (id, name, count, top) in rows {
        let _ = write!(
            o,
            "<tr><th scope=\"row\">{id} {}</th><td><svg class=\"bar\" aria-hidden=\"true\" width=\"100\" height=\"12\"><rect width=\"{}\" height=\"12\"/></svg> {count}</td><td>{}</td></tr>",
            html(name),
            count * 100 / most,
            top.map_or_else(|| "–".to_string(), |t| html(&t))
        );
    }
    o.push_str("</tbody></table></div></section>");

    let _ = write!(o, "<section><h2>{}</h2>", s("riskresults.attention"));
    let flagged = attention(reg, today);
    if flagged.is_empty() {
        let _ = write!(o, "<p>{}</p>", s("riskresults.no_attention"));
    } else {
        o.push_str("<ul>");
        for (r, m) in flagged {
            let why =
                if m.owner.trim().is_empty() { s("riskresults.no_owner") } else { s("riskresults.overdue") };
            let _ = write!(
                o,
                "<li><strong>{why}</strong> {} {}: {} ({}: {}; {}: {})</li>",
                html(&r.id),
                html(&r.title),
                html(&m.action),
                s("risk.f_owner"),
                if m.owner.trim().is_empty() { "–".to_string() } else { html(&m.owner) },
                s("risk.f_due"),
                if m.due.is_empty() { "–".to_string() } else { html(&m.due) }
            );
        }
        o.push_str("</ul>");
    }
    let _ = write!(o, "</section><section><h2>{}</h2><ul>", s("riskresults.open"));
    for line in open_points(pack, a) {
        let _ = write!(o, "<li>{}</li>", html(&line));
    }
    let _ = write!(
        o,
        "</ul></section><section><h2>{}</h2><p>{}</p><p>{}</p></section>",
        s("results.method"),
        html(&pack.risk.method),
        html(&pack.risk.matrix_rationale)
    );
    o
}

fn rated(pack: &Pack, l: u8, sv: u8) -> String {
    if level(pack, l, sv).is_none() {
        return s("risk.not_rated").to_string();
    }
    format!("{} (L{l} × S{sv})", level_word(pack, l, sv))
}

/// A profile answer as text.
fn profile_answer(pack: &'static Pack, id: &str, a: Option<&Answer>) -> String {
    let Some(f) = pack.risk.profile_fields.iter().find(|f| f.id == id) else { return String::new() };
    let label = |v: &str| {
        options(pack, f).into_iter().find(|(o, _)| *o == v).map_or(v.to_string(), |(_, l)| l.to_string())
    };
    match (f.kind, a) {
        (_, Some(Answer::Text(t))) if !t.trim().is_empty() => t.clone(),
        (FieldKind::Choice, Some(Answer::Choice(c))) => label(c),
        (FieldKind::Multi, Some(Answer::Choices(cs))) => {
            cs.iter().map(|c| label(c)).collect::<Vec<_>>().join("; ")
        }
        _ => s("results.unanswered").to_string(),
    }
}

/// The body of a risk report; headings start at `h1`.
pub fn risk_report_html(pack: &'static Pack, a: &Assessment, meta: &ReportMeta) -> String {
    let mut o = title_page(&pack.risk.name, a, meta);
    o.push_str(&risk_results_html(pack, a, &meta.generated.chars().take(10).collect::<String>()));
    let _ = write!(o, "<section><h2>{}</h2><dl class=\"r-profile\">", s("risk.profile"));
    for f in shown_fields(pack, a) {
        let _ = write!(
            o,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            html(&f.label),
            html(&profile_answer(pack, &f.id, a.answers.get(f.id.as_ref())))
        );
    }
    let _ = write!(o, "</dl></section><section class=\"r-answers\"><h2>{}</h2>", s("risk.screening"));
    let form = questionnaire::risk_screening(pack);
    let asked = form.applies(&a.answers);
    super::answers_html(&mut o, &form, a, asked);
    let _ = write!(o, "</section><section><h2>{}</h2>", s("riskresults.details"));
    for r in sorted(pack, &a.risk.register) {
        let _ = write!(
            o,
            "<div class=\"r-item\"><h3>{} {}</h3><p>{}</p><dl class=\"r-profile\">",
            html(&r.id),
            html(&r.title),
            html(&r.description)
        );
        let stage =
            pack.vocabulary.stages.iter().find(|x| x.id == r.stage).map_or("–", |x| x.name.as_ref());
        for (key, value) in [
            ("risk.f_principles", r.principles.join(", ")),
            ("risk.f_groups", r.affected_groups.join("; ")),
            ("risk.f_stage", stage.to_string()),
            ("risk.inherent_level", rated(pack, r.likelihood, r.severity)),
            ("risk.f_controls", r.controls.clone()),
            ("risk.residual_level", rated(pack, r.residual_likelihood, r.residual_severity)),
            ("risk.f_decision", r.decision.map_or(s("risk.undecided"), |d| s(decision_key(d))).to_string()),
            ("risk.f_decided_by", r.decided_by.clone()),
            ("risk.f_rationale", r.rationale.clone()),
        ] {
            let _ = write!(
                o,
                "<div><dt>{}</dt><dd class=\"r-note\">{}</dd></div>",
                s(key),
                if value.trim().is_empty() { "–".to_string() } else { html(&value) }
            );
        }
        o.push_str("</dl>");
        if !r.mitigations.is_empty() {
            let _ = write!(o, "<h4>{}</h4><ul>", s("risk.mitigations"));
            for m in &r.mitigations {
                let _ = write!(
                    o,
                    "<li>{} ({}: {}; {}: {}; {})</li>",
                    html(&m.action),
                    s("risk.f_owner"),
                    if m.owner.is_empty() { "–".into() } else { html(&m.owner) },
                    s("risk.f_due"),
                    if m.due.is_empty() { "–".into() } else { html(&m.due) },
                    s(status_key(m.status))
                );
            }
            o.push_str("</ul>");
        }
        o.push_str("</div>");
    }
    if !a.risk.dismissed.is_empty() {
        let _ = write!(o, "<h3>{}</h3><ul>", s("risk.dismissed"));
        for (t, reason) in &a.risk.dismissed {
            let title =
                pack.risk.templates.iter().find(|x| x.id == *t).map_or(t.as_str(), |x| x.title.as_ref());
            let _ = write!(o, "<li><strong>{}</strong>: {}</li>", html(title), html(reason));
        }
        o.push_str("</ul>");
    }
    if !a.risk.snapshots.is_empty() {
        let _ = write!(o, "<h3>{}</h3><ul>", s("risk.snapshots"));
        for snap in &a.risk.snapshots {
            let _ = write!(
                o,
                "<li>{} · {}</li>",
                html(&snapshot_name(snap)),
                fill("riskresults.count", &[("count", &snap.register.len().to_string())])
            );
        }
        o.push_str("</ul>");
        let last = a.risk.snapshots.last().map(|x| x.taken.to_string()).unwrap_or_default();
        let _ = write!(o, "<h3>{}</h3>", s("riskresults.since_last"));
        o.push_str(&crate::core::report::workspace::changes_html(pack, a, &last, "current"));
    }
    o.push_str("</section>");
    o.push_str(&super::closing(a));
    o
}

/// The report as Markdown: the same sections; the heat maps become their tables.
pub fn risk_report_markdown(pack: &'static Pack, a: &Assessment, meta: &ReportMeta) -> String {
    let today: String = meta.generated.chars().take(10).collect();
    let mut o = super::markdown_title(&pack.risk.name, a, meta);
    let _ = writeln!(o, "> {}\n", md(s("results.decide")));
    let reg = &a.risk.register;
    for residual in [false, true] {
        let grid = cells(reg, residual);
        let _ = writeln!(
            o,
            "## {}\n",
            s(if residual { "riskresults.residual_map" } else { "riskresults.inherent_map" })
        );
        let _ = write!(o, "| {} |", s("riskresults.l_by_s"));
        for x in pack.risk.severity.iter() {
            let _ = write!(o, " {} {} |", x.value, md(&x.label));
        }
        o.push_str("\n|---|---|---|---|---|---|\n");
        for x in pack.risk.likelihood.iter().rev() {
            let _ = write!(o, "| {} {} |", x.value, md(&x.label));
            for sv in 1..=5u8 {
                let _ = write!(
                    o,
                    " {} · {} |",
                    grid[usize::from(x.value) - 1][usize::from(sv) - 1],
                    md(&level_word(pack, x.value, sv))
                );
            }
            o.push('\n');
        }
        o.push('\n');
    }
    let _ = writeln!(o, "## {}\n", s("risk.register"));
    for r in sorted(pack, reg) {
        let _ = writeln!(
            o,
            "### {} {}\n\n{}\n\n- **{}** {}\n- **{}** {}\n- **{}** {}\n- **{}** {}",
            r.id,
            md(&r.title),
            md(&r.description),
            s("risk.inherent_level"),
            md(&rated(pack, r.likelihood, r.severity)),
            s("risk.residual_level"),
            md(&rated(pack, r.residual_likelihood, r.residual_severity)),
            s("risk.f_decision"),
            r.decision.map_or(s("risk.undecided"), |d| s(decision_key(d))),
            s("risk.f_rationale"),
            md(&r.rationale)
        );
        for m in &r.mitigations {
            let _ = writeln!(
                o,
                "- {}: {} ({}; {}; {})",
                s("risk.f_action"),
                md(&m.action),
                md(&m.owner),
                md(&m.due),
                s(status_key(m.status))
            );
        }
        o.push('\n');
    }
    let _ = writeln!(o, "## {}\n", s("riskresults.attention"));
    for (r, m) in attention(reg, &today) {
        let _ = writeln!(o, "- {} {}: {}", r.id, md(&r.title), md(&m.action));
    }
    let _ = writeln!(o, "\n## {}\n", s("riskresults.open"));
    for line in open_points(pack, a) {
        let _ = writeln!(o, "- {}", md(&line));
    }
    let _ = writeln!(o, "\n## {}\n", s("risk.profile"));
    for f in shown_fields(pack, a) {
        let _ = writeln!(
            o,
            "- **{}:** {}",
            md(&f.label),
            md(&profile_answer(pack, &f.id, a.answers.get(f.id.as_ref())))
        );
    }
    o
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
