//! The workbook's link to the risk assessment of the same system, as the editor shows it: the choice
//! of assessment and what its register holds, the open risks of each stage, and the risks a
//! decision's evidence cites (struck through when the register no longer has them).

use crate::core::assessment::Answer;
use crate::core::assessment::Assessment;
use crate::core::content::model::{Pack, Prompt, WorkbookStage};
use crate::core::register::{level, sorted, Risk};
use crate::core::report::escape::html;
use crate::core::report::{fill, s};
use crate::core::workbook::control::Control;
use crate::core::workbook::event::WorkbookView;
use crate::core::workbook::link::Linkable;
use crate::core::workbook::link::{cited as cited_ids, is_open};
use crate::core::workbook::{Entry, Linked};
use std::fmt::Write;

/// A risk's inherent level in words, marked for its colour; "not rated" until rated.
fn level_tag(pack: &Pack, r: &Risk) -> String {
    match level(pack, r.likelihood, r.severity) {
        Some(x) => format!("<strong class=\"lvl lvl-{}\">{}</strong>", html(&x.id), html(&x.label)),
        None => format!("<strong class=\"lvl\">{}</strong>", s("risk.not_rated")),
    }
}

/// The linked assessment's title, in quotation marks.
fn title(a: &Assessment) -> String {
    a.workbook.linked.as_ref().map_or_else(String::new, |l| html(&l.title))
}

/// A select of the library's assessments of one kind, with the linked one (kept as an option that
/// says so when it is not in this browser), its hint, and `missing`: the notice that the linked one
/// cannot be read here, which describes the select too.
fn choice(
    out: &mut String,
    control: Control,
    keys: [&'static str; 4],
    list: &[Linkable],
    linked: Option<&Linked>,
    missing: Option<String>,
) {
    let [label, none, hint, empty] = keys;
    let name = html(&control.to_string());
    let current = linked.map_or("", |l| l.id.as_str());
    let also = if missing.is_some() { format!(" {name}.missing") } else { String::new() };
    let _ = write!(
        out,
        "<p class=\"field\"><label for=\"{name}\">{}</label><select id=\"{name}\" name=\"{name}\" aria-describedby=\"{name}.hint{also}\"><option value=\"\">{}</option>",
        s(label),
        s(none),
    );
    for l in list {
        let on = if l.id == current { " selected" } else { "" };
        let _ = write!(out, "<option value=\"{}\"{on}>{}</option>", html(&l.id), html(&l.title));
    }
    if let Some(l) = linked.filter(|l| !list.iter().any(|x| x.id == l.id)) {
        let _ = write!(
            out,
            "<option value=\"{}\" selected>{}</option>",
            html(&l.id),
            html(&fill("workbook.link_gone_option", &[("title", &l.title)]))
        );
    }
    let hint = if list.is_empty() && current.is_empty() { empty } else { hint };
    let _ = write!(out, "</select></p><p class=\"hint\" id=\"{name}.hint\">{}</p>", s(hint));
    if let Some(text) = missing {
        let _ = write!(out, "<p class=\"notice\" role=\"note\" id=\"{name}.missing\">{text}</p>");
    }
}

/// The choices of risk and readiness assessment, and what the linked ones hold (or that they are
/// not in this browser).
pub(super) fn link_html(out: &mut String, pack: &Pack, a: &Assessment, view: &WorkbookView) {
    out.push_str("<div class=\"panel wb-link\">");
    let keys = ["workbook.link", "workbook.link_none", "workbook.link_hint", "workbook.link_empty"];
    let missing = (a.workbook.linked.is_some() && view.link.register.is_none())
        .then(|| fill("workbook.link_missing", &[("title", &title(a))]));
    choice(out, Control::Link, keys, &view.link.library, a.workbook.linked.as_ref(), missing);
    match (&a.workbook.linked, &view.link.register) {
        (None, _) | (Some(_), None) => {}
        (Some(_), Some(register)) if !register.iter().any(is_open) => {
            let _ = write!(
                out,
                "<p class=\"wb-link-summary\">{}</p>",
                fill("workbook.link_summary_none", &[("title", &title(a))])
            );
        }
        (Some(_), Some(register)) => {
            let open: Vec<&Risk> = register.iter().filter(|r| is_open(r)).collect();
            let mut by_level: Vec<String> = Vec::new();
            for lv in pack.risk.risk_levels.iter().rev() {
                let n = open
                    .iter()
                    .filter(|r| level(pack, r.likelihood, r.severity).is_some_and(|x| x.id == lv.id))
                    .count();
                if n > 0 {
                    by_level.push(format!("{n} {}", html(&lv.label)));
                }
            }
            let unrated = open.iter().filter(|r| level(pack, r.likelihood, r.severity).is_none()).count();
            if unrated > 0 {
                by_level.push(format!("{unrated} {}", s("risk.not_rated")));
            }
            let loose =
                open.iter().filter(|r| !pack.vocabulary.stages.iter().any(|st| st.id == r.stage)).count();
            let _ = write!(
                out,
                "<p class=\"wb-link-summary\">{}",
                fill(
                    "workbook.link_summary",
                    &[
                        ("title", &title(a)),
                        ("count", &open.len().to_string()),
                        ("levels", &by_level.join(", ")),
                    ]
                )
            );
            if loose > 0 {
                let _ = write!(out, " {}", fill("workbook.link_loose", &[("loose", &loose.to_string())]));
            }
            out.push_str("</p>");
        }
    }
    let keys =
        ["workbook.readiness", "workbook.link_none", "workbook.readiness_hint", "workbook.readiness_empty"];
    let missing = match (&a.workbook.readiness, &view.link.readiness_answers) {
        (Some(l), None) => Some(fill("workbook.readiness_missing", &[("title", &html(&l.title))])),
        _ => None,
    };
    choice(out, Control::LinkReadiness, keys, &view.link.readiness, a.workbook.readiness.as_ref(), missing);
    out.push_str("</div>");
}

/// The linked register's open risks tied to a stage, highest level first; nothing without a register.
pub(super) fn stage_risks_html(
    out: &mut String,
    pack: &Pack,
    a: &Assessment,
    view: &WorkbookView,
    st: &WorkbookStage,
) {
    let Some(register) = &view.link.register else { return };
    if a.workbook.linked.is_none() {
        return;
    }
    let here: Vec<&Risk> =
        sorted(pack, register).into_iter().filter(|r| r.stage == st.stage && is_open(r)).collect();
    let _ = write!(
        out,
        "<div class=\"wb-risks\"><h3>{}</h3>",
        fill("workbook.risks_heading", &[("title", &title(a))])
    );
    if here.is_empty() {
        let _ = write!(out, "<p>{}</p></div>", s("workbook.risks_none"));
        return;
    }
    out.push_str("<ul>");
    for r in here {
        let _ = write!(
            out,
            "<li><span class=\"q-number\">{}</span> {} · {}</li>",
            html(&r.id),
            html(&r.title),
            level_tag(pack, r)
        );
    }
    out.push_str("</ul></div>");
}

/// The stages that put the system to use and watch it in use: the deployer's duties hold before and
/// during use.
const DUTIES_STAGES: [&str; 2] = ["deploy", "monitor"];

/// At deployment and monitoring, when the linked risk assessment describes uses the AI Act lists as
/// high-risk: the deployer's duties as that assessment's profile records them, open ones first; and,
/// above them, that the system must not be used while a "likely prohibited" finding stands.
pub(super) fn duties_html(out: &mut String, a: &Assessment, view: &WorkbookView, st: &WorkbookStage) {
    use crate::core::risk::legal::{classification, prohibited, Classification};
    if !DUTIES_STAGES.contains(&st.stage.as_ref())
        || a.workbook.linked.is_none()
        || view.link.register.is_none()
    {
        return;
    }
    // The legal readers take the app's one pack ('static), the one `stage` was drawn from.
    let pack = crate::core::content::pack();
    let Some(Classification::HighRisk { uses, met, open }) = classification(pack, &view.link.answers) else {
        return;
    };
    let _ = write!(
        out,
        "<div class=\"wb-duties\"><h3>{}</h3>",
        fill("workbook.duties_heading", &[("title", &title(a))])
    );
    if prohibited(pack, &view.link.answers).is_some() {
        let _ = write!(out, "<p class=\"notice\" role=\"note\">{}</p>", s("legal.high_if_prohibited"));
    }
    let _ = write!(out, "<p>{}</p><ul>", s("workbook.duties_intro"));
    for u in uses.iter() {
        let _ = write!(out, "<li>{}</li>", html(&u.label));
    }
    let _ = write!(out, "</ul><p>{}</p><ul>", s("workbook.duties_list"));
    for (list, key) in [(&open, "legal.duty_open"), (&met, "workbook.duty_recorded")] {
        for d in list.iter() {
            let _ = write!(out, "<li><strong>{}</strong> {}</li>", s(key), html(&d.label));
        }
    }
    let _ = write!(out, "</ul><p class=\"hint\">{}</p></div>", s("workbook.duties_hint"));
}

/// The risks an entry's evidence cites, each with its title and level, or struck through with a
/// note when the linked register no longer has it; empty when it cites none or has no register.
/// Always there (`we.{entry}.cited`), a live region whose contents are drawn again alone.
pub(super) fn cited(out: &mut String, pack: &Pack, a: &Assessment, view: &WorkbookView, e: &Entry) {
    let _ = write!(out, "<div class=\"wb-cited\" id=\"we.{}.cited\" aria-live=\"polite\">", html(&e.id));
    cited_list(out, pack, a, view, e);
    out.push_str("</div>");
}

fn cited_list(out: &mut String, pack: &Pack, a: &Assessment, view: &WorkbookView, e: &Entry) {
    let ids = cited_ids(&e.evidence);
    let (Some(register), Some(_), false) = (&view.link.register, &a.workbook.linked, ids.is_empty()) else {
        return;
    };
    let items: Vec<String> = ids
        .iter()
        .map(|id| match register.iter().find(|r| r.id == *id) {
            Some(r) => format!(
                "<li><span class=\"q-number\">{}</span> {} · {}</li>",
                html(id),
                html(&r.title),
                level_tag(pack, r)
            ),
            None => format!(
                "<li class=\"gone\"><s>{}</s> {}</li>",
                html(id),
                fill("workbook.cited_gone", &[("title", &title(a))])
            ),
        })
        .collect();
    let _ = write!(out, "<p>{}</p><ul>{}</ul>", s("workbook.cited"), items.concat());
}

/// The contents of an entry's cited risks, drawn again inside its live region (which stays, so
/// the change is announced) when its evidence is left; `None` for no such entry.
pub fn cited_html(pack: &Pack, a: &Assessment, view: &WorkbookView, entry: &str) -> Option<String> {
    let e = a.workbook.log.iter().find(|e| e.id == entry)?;
    let mut out = String::new();
    cited_list(&mut out, pack, a, view, e);
    Some(out)
}

/// What a prompt asks that the risk screening or the readiness assessment asks too: each question,
/// with the answer of the linked risk or readiness assessment (read only, so nobody types the
/// same thing twice); nothing for a prompt with no such question.
pub(super) fn related_html(out: &mut String, pack: &Pack, a: &Assessment, view: &WorkbookView, p: &Prompt) {
    if p.related.is_empty() {
        return;
    }
    // Its id describes the prompt's field too: a screen reader gives the answers given elsewhere.
    let name = html(&Control::Prompt(p.id.to_string()).to_string());
    let _ =
        write!(out, "<div class=\"wb-related\" id=\"{name}.related\"><p>{}</p><ul>", s("workbook.related"));
    for id in p.related.iter() {
        let screening = pack.risk.screening.iter().find(|q| q.id == *id);
        let readiness =
            pack.readiness.dimensions.iter().flat_map(|d| d.questions.iter()).find(|q| q.id == *id);
        let (text, tool) = match (screening, readiness) {
            (Some(q), _) => (q.text.as_ref(), s("workbook.related_screening")),
            (None, Some(q)) => (q.text.as_ref(), s("workbook.related_readiness")),
            (None, None) => continue,
        };
        let _ = write!(
            out,
            "<li><span class=\"q-number\">{}</span> {} <span class=\"hint\">({tool})</span>",
            html(id),
            html(text)
        );
        // The answer in the linked assessment of the question's tool, when there is one here.
        let linked = match screening {
            Some(_) => {
                a.workbook.linked.as_ref().zip(view.link.register.as_ref().map(|_| &view.link.answers))
            }
            None => a.workbook.readiness.as_ref().zip(view.link.readiness_answers.as_ref()),
        };
        if let Some((l, answers)) = linked {
            let answer = match answers.get(id.as_ref()) {
                Some(Answer::Choice(c)) => {
                    crate::core::content::string(&format!("risk.answer_{c}")).unwrap_or(c).to_string()
                }
                Some(Answer::Level(v)) => pack
                    .readiness
                    .levels
                    .iter()
                    .find(|x| x.value == *v)
                    .map_or_else(|| v.to_string(), |x| format!("{v} · {}", x.label)),
                Some(Answer::DontKnow) => s("answer.dont_know").to_string(),
                Some(Answer::NotApplicable) => s("answer.not_applicable").to_string(),
                _ => s("workbook.related_unanswered").to_string(),
            };
            let _ = write!(
                out,
                "<br>{} <strong>{}</strong>",
                fill("workbook.related_answer", &[("title", &html(&l.title))]),
                html(&answer)
            );
        }
        out.push_str("</li>");
    }
    out.push_str("</ul></div>");
}
