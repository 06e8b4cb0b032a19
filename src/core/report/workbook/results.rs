//! A workbook's results and report as blocks: completion per stage, the decisions in date order,
//! conditions that need attention, the next review; the report adds every stage in full (prompts,
//! checks, the whole decision log, sign-off).

use super::editor::{review, stage_name, state_key, trigger_key, verdict_key, who};
use crate::core::assessment::{Answer, Assessment};
use crate::core::content::model::{Pack, WorkbookStage};
use crate::core::dates::{day_in_words, in_words};
use crate::core::report::document::{Block, Inline, Line, Table};
use crate::core::report::frame::{self, or_dash};
use crate::core::report::workspace::status_key;
use crate::core::report::{fill, s, ReportMeta};
use crate::core::workbook::{
    self, attention, next_review, progress, superseded_by, timeline, CheckState, Entry,
};

fn yes_no(on: bool) -> String {
    s(if on { "workbook.complete" } else { "workbook.in_progress" }).to_string()
}

fn table(class: &'static str, region: &str, head: &[&'static str], rows: Vec<(String, Vec<Line>)>) -> Block {
    Block::Table(Table {
        class: Some(class),
        region: Some(region.to_string()),
        caption: None,
        head: head.iter().map(|k| s(k).to_string()).collect(),
        rows,
    })
}

fn cell(text: impl Into<String>) -> Line {
    Line::text(text)
}

/// Where an entry stands: draft, recorded, or superseded by another.
fn standing(a: &Assessment, e: &Entry) -> String {
    match (e.recorded, superseded_by(a, &e.id)) {
        (None, _) => s("workbook.draft").to_string(),
        (Some(_), Some(next)) => fill("workbook.superseded_by", &[("id", &next.id)]),
        (Some(t), None) => fill("workbook.recorded_on", &[("date", &day_in_words(t))]),
    }
}

/// The results view: completion, decisions, conditions needing attention, the next review.
pub fn workbook_results(pack: &Pack, a: &Assessment, today: &str) -> Vec<Block> {
    let stages = workbook::stages(pack, a);
    let rows = stages
        .iter()
        .map(|st| {
            let p = progress(a, st);
            let overridden = p.complete && !workbook::open_blocking(a, st).is_empty();
            let state =
                if overridden { s("workbook.complete_overridden").to_string() } else { yes_no(p.complete) };
            (
                stage_name(pack, &st.stage).to_string(),
                vec![
                    Line(vec![
                        Inline::Bar(p.percent() as usize),
                        Inline::Text(format!(" {}\u{a0}%", p.percent())),
                    ]),
                    cell(format!("{} / {}", p.answered, p.prompts)),
                    cell(format!("{} / {}", p.settled, p.checks)),
                    cell(state),
                ],
            )
        })
        .collect();
    let complete = stages.iter().filter(|st| progress(a, st).complete).count();
    let mut out = vec![Block::section(
        Some("r-completion"),
        vec![
            Block::h(2, s("workbook.completion")),
            Block::p(fill(
                "workbook.stages_complete",
                &[("done", &complete.to_string()), ("total", &stages.len().to_string())],
            )),
            table(
                "wb-completion",
                s("workbook.completion"),
                &[
                    "workbook.col_stage",
                    "workbook.col_done",
                    "workbook.col_prompts",
                    "workbook.col_checks",
                    "workbook.col_state",
                ],
                rows,
            ),
        ],
    )];

    let mut decisions = vec![Block::h(2, s("workbook.timeline"))];
    let log = timeline(a);
    if log.is_empty() {
        decisions.push(Block::p(s("workbook.no_entries")));
    } else {
        let rows = log
            .iter()
            .map(|e| {
                (
                    e.id.clone(),
                    vec![
                        cell(or_dash(&in_words(&e.date))),
                        cell(stage_name(pack, &e.stage)),
                        cell(e.verdict.map_or(s("workbook.no_verdict"), |v| s(verdict_key(v)))),
                        cell(or_dash(&who(e))),
                        cell(standing(a, e)),
                    ],
                )
            })
            .collect();
        decisions.push(table(
            "wb-timeline",
            s("workbook.timeline"),
            &[
                "workbook.col_entry",
                "workbook.e_date",
                "workbook.col_stage",
                "workbook.e_verdict",
                "workbook.e_by",
                "workbook.col_state",
            ],
            rows,
        ));
    }
    out.push(Block::section(Some("r-timeline"), decisions));

    let mut conditions = vec![Block::h(2, s("workbook.attention"))];
    let due = attention(a, today);
    if due.is_empty() {
        conditions.push(Block::p(s("workbook.attention_none")));
    } else {
        let rows = due
            .iter()
            .map(|(e, c)| {
                let why = match (c.overdue(today), c.owner.trim().is_empty()) {
                    (true, true) => s("workbook.overdue_unowned"),
                    (true, false) => s("workbook.overdue"),
                    _ => s("workbook.unowned"),
                };
                (
                    e.id.clone(),
                    vec![
                        cell(c.text.as_str()),
                        cell(or_dash(&c.owner)),
                        cell(or_dash(&in_words(&c.due))),
                        cell(s(status_key(c.status))),
                        Line(vec![Inline::Strong(why.to_string())]),
                    ],
                )
            })
            .collect();
        conditions.push(table(
            "wb-attention",
            s("workbook.attention"),
            &[
                "workbook.col_entry",
                "workbook.k_text",
                "workbook.k_owner",
                "workbook.k_due",
                "workbook.k_status",
                "workbook.col_why",
            ],
            rows,
        ));
    }
    out.push(Block::section(Some("r-attention"), conditions));

    let mut reviews = vec![Block::h(2, s("workbook.reviews"))];
    match next_review(a) {
        Some((e, date)) if date < today => reviews.push(Block::Note(
            String::new(),
            fill("workbook.next_review_past", &[("date", &in_words(date)), ("id", &e.id)]),
        )),
        Some((e, date)) => {
            reviews.push(Block::p(fill("workbook.next_review", &[("date", &in_words(date)), ("id", &e.id)])))
        }
        None => reviews.push(Block::p(s("workbook.no_review_date"))),
    }
    let events: Vec<Line> = a
        .workbook
        .log
        .iter()
        .filter(|e| e.recorded.is_some() && superseded_by(a, &e.id).is_none())
        .filter_map(|e| e.review_event.map(|t| Line::text(format!("{}: {}", e.id, s(trigger_key(t))))))
        .collect();
    if !events.is_empty() {
        reviews.push(Block::p(s("workbook.review_events")));
        reviews.push(Block::List { ordered: false, items: events });
    }
    out.push(Block::section(Some("r-reviews"), reviews));
    out
}

/// The whole report: title page, results, every stage on the route in full, closing.
pub fn workbook_report(pack: &Pack, a: &Assessment, meta: &ReportMeta, today: &str) -> Vec<Block> {
    let mut out = vec![frame::title_page(&pack.workbook.name, a, meta)];
    let route = a.workbook.route.map_or(s("workbook.route_none"), |r| match r {
        workbook::Route::Build => s("workbook.route_build"),
        workbook::Route::Buy => s("workbook.route_buy"),
        workbook::Route::Hybrid => s("workbook.route_hybrid"),
    });
    out.push(Block::Para(
        None,
        Line(vec![Inline::Strong(format!("{}: ", s("workbook.route"))), Inline::Text(route.into())]),
    ));
    if let Some(l) = &a.workbook.linked {
        out.push(Block::Para(
            None,
            Line(vec![Inline::Strong(format!("{}: ", s("workbook.link"))), Inline::Text(l.title.clone())]),
        ));
    }
    let aside = workbook::set_aside(pack, a);
    if aside > 0 {
        out.push(Block::Note(String::new(), fill("workbook.set_aside", &[("count", &aside.to_string())])));
    }
    out.extend(workbook_results(pack, a, today));
    for st in workbook::stages(pack, a) {
        out.push(stage(pack, a, st));
    }
    out.extend(frame::closing(a));
    out
}

fn stage(pack: &Pack, a: &Assessment, st: &WorkbookStage) -> Block {
    let mut blocks = vec![Block::h(2, stage_name(pack, &st.stage))];
    blocks.push(Block::h(3, s("workbook.prompts")));
    for p in st.prompts.iter() {
        let answer = match a.answers.get(p.id.as_ref()) {
            Some(Answer::Text(t)) if !t.trim().is_empty() => t.clone(),
            _ => s("results.unanswered").to_string(),
        };
        blocks.push(Block::div(
            Some("r-item"),
            vec![
                Block::Para(
                    None,
                    Line(vec![
                        Inline::Span("q-number", p.id.to_string()),
                        Inline::Text(format!(" {}", p.text)),
                    ]),
                ),
                Block::Para(Some("r-note"), Line::text(answer)),
            ],
        ));
    }
    blocks.push(Block::h(3, s("workbook.checks")));
    let rows = st
        .checks
        .iter()
        .map(|c| {
            let note = a.notes.get(c.id.as_ref()).map_or("", String::as_str);
            let owner = a.workbook.owners.get(c.id.as_ref()).map_or("", String::as_str);
            let state = CheckState::of(a, &c.id);
            let mut text = c.text.to_string();
            if c.blocking {
                text = format!("{text} ({})", s("workbook.blocking"));
            }
            let shown = s(state_key(state)).to_string();
            (c.id.to_string(), vec![cell(text), cell(shown), cell(or_dash(note)), cell(or_dash(owner))])
        })
        .collect();
    blocks.push(table(
        "wb-checks",
        &format!("{} · {}", s("workbook.checks"), stage_name(pack, &st.stage)),
        &[
            "workbook.col_check",
            "workbook.col_text",
            "workbook.col_state",
            "workbook.col_note",
            "workbook.owner",
        ],
        rows,
    ));
    blocks.push(Block::h(3, s("workbook.decision")));
    let entries: Vec<&Entry> = a.workbook.log.iter().filter(|e| e.stage == st.stage).collect();
    if entries.is_empty() {
        blocks.push(Block::p(s("workbook.no_entries")));
    }
    for e in entries {
        blocks.push(entry(a, e));
    }
    let mut sign = vec![(s("workbook.col_state").to_string(), yes_no(a.workbook.is_complete(&st.stage)))];
    if let Some(o) = a.workbook.override_of(&st.stage).filter(|o| o.given()) {
        sign.push((s("workbook.override_by").to_string(), o.by.clone()));
        sign.push((s("workbook.override_why").to_string(), o.why.clone()));
    }
    blocks.push(Block::h(3, s("workbook.sign_off")));
    blocks.push(Block::Defs { class: None, value_class: Some("r-note"), rows: sign });
    Block::section(Some("r-stage"), blocks)
}

fn entry(a: &Assessment, e: &Entry) -> Block {
    let verdict = e.verdict.map_or(s("workbook.no_verdict"), |v| s(verdict_key(v)));
    let mut rows = vec![
        (s("workbook.col_state").to_string(), standing(a, e)),
        (s("workbook.e_date").to_string(), or_dash(&in_words(&e.date))),
        (s("workbook.e_by").to_string(), or_dash(&who(e))),
        (s("workbook.e_authority").to_string(), or_dash(&e.authority)),
        (s("workbook.e_rationale").to_string(), or_dash(&e.rationale)),
        (s("workbook.e_evidence").to_string(), or_dash(&e.evidence)),
        (s("workbook.e_dissent").to_string(), or_dash(&e.dissent)),
        (s("workbook.e_review").to_string(), or_dash(&review(e))),
    ];
    if !e.supersedes.is_empty() {
        rows.insert(1, (s("workbook.col_supersedes").to_string(), e.supersedes.clone()));
    }
    if !e.from.is_empty() {
        rows.push((s("workbook.col_from").to_string(), e.from.clone()));
    }
    let mut blocks = vec![
        Block::h(4, format!("{} · {verdict}", e.id)),
        Block::Defs { class: None, value_class: Some("r-note"), rows },
    ];
    if !e.conditions.is_empty() {
        let rows = e
            .conditions
            .iter()
            .enumerate()
            .map(|(k, c)| {
                (
                    (k + 1).to_string(),
                    vec![
                        cell(c.text.as_str()),
                        cell(or_dash(&c.owner)),
                        cell(or_dash(&in_words(&c.due))),
                        cell(s(status_key(c.status))),
                    ],
                )
            })
            .collect();
        blocks.push(table(
            "wb-conditions",
            &format!("{} · {}", s("workbook.conditions"), e.id),
            &[
                "workbook.col_number",
                "workbook.k_text",
                "workbook.k_owner",
                "workbook.k_due",
                "workbook.k_status",
            ],
            rows,
        ));
    }
    Block::div(Some("r-item"), blocks)
}
