//! Proptest strategies shared by the host tests (included with `#[path]` by each test file).

use proptest::prelude::*;
use rai_assess::assessment::{Answer, Assessment, ContentRef, Kind, Respondent};
use rai_assess::pack;
use rai_assess::register::{Decision, Mitigation, Risk, RiskRecord, Snapshot, Status};
use rai_assess::review::comments::Comment;
use rai_assess::review::history::{Entry as HistoryEntry, Summary as HistorySummary};
use rai_assess::review::{Approval, Next, Review, Stamp, Stored, Superseded};
use rai_assess::workbook::{Condition, Entry, Linked, Override, Route, Trigger, Verdict, WorkbookRecord};

/// Any answer the app can store; option ids distinct, as the app stores them (a record or file with
/// one twice is refused as damaged).
pub fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        (0u8..=4).prop_map(Answer::Level),
        Just(Answer::DontKnow),
        Just(Answer::NotApplicable),
        "[a-z0-9-]{1,12}".prop_map(Answer::Choice),
        proptest::collection::btree_set("[a-z0-9-]{1,12}", 0..4)
            .prop_map(|s| Answer::Choices(s.into_iter().collect())),
        any::<String>().prop_map(Answer::Text),
        any::<bool>().prop_map(Answer::Checked),
    ]
}

/// Any risk register a user could keep, with snapshots and dismissed proposals.
pub fn risk_record() -> impl Strategy<Value = RiskRecord> {
    let mitigation = (
        any::<String>(),
        any::<String>(),
        prop_oneof![Just(String::new()), Just("2027-02-28".to_string())],
        0usize..3,
    )
        .prop_map(|(action, owner, due, s)| Mitigation { action, owner, due, status: Status::ALL[s] });
    let risk = (
        (any::<String>(), "[a-zT-]{0,12}", any::<String>(), any::<String>()),
        (
            proptest::collection::vec("P[1-5]\\.[1-4]", 0..4),
            proptest::collection::vec(any::<String>(), 0..3),
            any::<String>(),
            proptest::collection::vec("[a-z]{1,12}", 0..3),
        ),
        (0u8..=5, 0u8..=5, 0u8..=5, 0u8..=5),
        (any::<String>(), proptest::collection::vec(mitigation, 0..3)),
        (proptest::option::of(0usize..4), any::<String>(), any::<String>()),
    )
        .prop_map(
            |(
                (_, template, title, description),
                (principles, affected_groups, stage, rights),
                (l, s, rl, rs),
                (controls, mitigations),
                (d, decided_by, rationale),
            )| Risk {
                id: String::new(),
                template,
                title,
                description,
                principles,
                rights,
                affected_groups,
                stage,
                likelihood: l,
                severity: s,
                controls,
                mitigations,
                residual_likelihood: rl,
                residual_severity: rs,
                decision: d.map(|i| Decision::ALL[i]),
                decided_by,
                rationale,
            },
        );
    let numbered = |risks: Vec<Risk>| -> Vec<Risk> {
        risks.into_iter().enumerate().map(|(i, r)| Risk { id: format!("K{}", i + 1), ..r }).collect()
    };
    (
        proptest::collection::vec(risk.clone(), 0..4),
        proptest::collection::btree_map("T-[a-z]{1,8}", any::<String>(), 0..3),
        proptest::collection::vec(
            (0i64..10_000_000_000_000, any::<String>(), proptest::collection::vec(risk, 0..3)),
            0..2,
        ),
    )
        .prop_map(move |(register, dismissed, snapshots)| RiskRecord {
            register: numbered(register),
            dismissed,
            snapshots: snapshots
                .into_iter()
                .map(|(taken, label, register)| Snapshot { taken, label, register: numbered(register) })
                .collect(),
        })
}

/// Any workbook record a user could keep: a route, check notes, sign-offs, and a log of drafts and
/// recorded entries with conditions.
pub fn workbook_record() -> impl Strategy<Value = WorkbookRecord> {
    let date =
        || prop_oneof![Just(String::new()), Just("2027-02-28".to_string()), Just("2026-01-05".to_string())];
    let condition = (any::<String>(), any::<String>(), date(), 0usize..3)
        .prop_map(|(text, owner, due, s)| Condition { text, owner, due, status: Status::ALL[s] });
    let entry = (
        ("[a-z]{1,8}", proptest::option::of(0usize..5), date()),
        (any::<String>(), any::<String>(), any::<String>(), any::<String>()),
        (
            any::<String>(),
            any::<String>(),
            proptest::collection::vec(condition, 0..3),
            "([A-Z][a-z]{0,6}, D[1-9])?",
        ),
        (
            date(),
            proptest::option::of(0usize..4),
            proptest::option::of(0i64..10_000_000_000_000),
            "(D[1-9])?",
        ),
    )
        .prop_map(
            |(
                (stage, v, date),
                (by, role, authority, rationale),
                (evidence, dissent, conditions, from),
                (review_date, t, recorded, supersedes),
            )| Entry {
                id: String::new(),
                stage,
                verdict: v.map(|i| Verdict::ALL[i]),
                date,
                by,
                role,
                authority,
                rationale,
                evidence,
                dissent,
                conditions,
                review_date,
                review_event: t.map(|i| Trigger::ALL[i]),
                recorded,
                supersedes,
                from,
            },
        );
    (
        proptest::option::of(0usize..3),
        proptest::collection::btree_map("W[1-6]\\.C[1-9]", any::<String>(), 0..4),
        proptest::collection::btree_set("decide|procure|retire|[a-z]{1,8}", 0..3),
        proptest::collection::btree_map(
            "decide|procure|[a-z]{1,8}",
            (any::<String>(), any::<String>()),
            0..3,
        ),
        proptest::collection::vec(entry, 0..4),
        proptest::option::of(("[a-z0-9-]{1,12}", any::<String>())),
        proptest::option::of(("[a-z0-9-]{1,12}", any::<String>())),
    )
        .prop_map(|(route, owners, complete, overrides, log, linked, readiness)| WorkbookRecord {
            route: route.map(|i| Route::ALL[i]),
            owners,
            complete: complete.into_iter().collect(),
            overrides: overrides.into_iter().map(|(stage, (by, why))| Override { stage, by, why }).collect(),
            log: recordable(log),
            linked: linked.map(|(id, title)| Linked { id, title }),
            readiness: readiness.map(|(id, title)| Linked { id, title }),
        })
}

/// Numbers the entries and makes the recorded ones what the editor records: complete, and each
/// superseding at most once the recorded entry just before it (the generated `supersedes` says whether).
fn recordable(log: Vec<Entry>) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for (i, mut e) in log.into_iter().enumerate() {
        e.id = format!("D{}", i + 1);
        let wants = !e.supersedes.is_empty();
        e.supersedes = String::new();
        if e.recorded.is_some() {
            if e.verdict.is_none()
                || (e.verdict == Some(Verdict::GoWithConditions) && e.conditions.is_empty())
            {
                e.verdict = Some(Verdict::Go);
            }
            if e.date.is_empty() {
                e.date = "2026-01-05".into();
            }
            for (text, fill) in [(&mut e.by, "A. Chief"), (&mut e.rationale, "Shown")] {
                if text.trim().is_empty() {
                    *text = fill.into();
                }
            }
            for c in e.conditions.iter_mut().filter(|c| c.text.trim().is_empty()) {
                c.text = "Condition".into();
            }
            let last =
                out.last().filter(|x| x.recorded.is_some() && !out.iter().any(|y| y.supersedes == x.id));
            if let (true, Some(last)) = (wants, last) {
                e.supersedes = last.id.clone();
            }
        }
        out.push(e);
    }
    out
}

/// Any assessment the app can store: any kind, id, texts, answers, notes and register; a revision, and
/// perhaps in the bin (a file carries neither: the answer-file tests clear them).
pub fn assessment() -> impl Strategy<Value = Assessment> {
    (
        "[a-zA-Z0-9_-]{1,40}",
        prop_oneof![Just(Kind::Readiness), Just(Kind::Risk), Just(Kind::Workbook)],
        "\\PC{0,30}[a-z]\\PC{0,30}",
        any::<String>(),
        (any::<String>(), any::<String>()),
        (0i64..10_000_000_000_000, 0i64..10_000_000_000_000),
        proptest::collection::btree_map("[A-Z][0-9.]{1,6}", answer(), 0..30),
        proptest::collection::btree_map("[A-Z_][0-9.a-z]{1,6}", any::<String>(), 0..10),
        (risk_record(), 0u64..1000, proptest::option::of(0i64..2_000_000_000_000), workbook_record()),
    )
        .prop_map(
            |(
                id,
                kind,
                title,
                subject,
                (name, role),
                (created, updated),
                answers,
                notes,
                (risk, revision, deleted, workbook),
            )| Assessment {
                id,
                kind,
                title,
                subject,
                respondent: Respondent { name, role },
                created,
                updated,
                content: ContentRef::of(pack()),
                answers,
                notes,
                revision,
                deleted,
                risk,
                workbook,
                review: Stored::default(),
            },
        )
        .prop_flat_map(|a| (Just(a), review_parts()))
        .prop_map(|(mut a, (requested, approvals, superseded, comments, next))| {
            // Each approval keeps a copy of this same assessment as it was (here: as it is, or with
            // its notes cleared), without a review of its own.
            let plain = Assessment { revision: 0, deleted: None, ..a.clone() };
            // Review asked for, or (on even times) changes asked for instead.
            let (requested, changes) = match requested {
                Some(s) if s.at % 2 == 0 => (None, Some(s)),
                r => (r, None),
            };
            a.review = Stored::from(&Review {
                requested,
                changes,
                approvals: approvals
                    .into_iter()
                    .enumerate()
                    .map(|(i, (by, date, statement, keep, cleared))| Approval {
                        version: i as u32 + 1,
                        by,
                        role: "Approver".into(),
                        date,
                        statement,
                        conditions: String::new(),
                        recorded: i as i64,
                        fingerprint: format!("sha256:{i}"),
                        content: keep.then(|| {
                            let mut copy = plain.clone();
                            if cleared {
                                copy.notes.clear();
                            }
                            Box::new(copy)
                        }),
                    })
                    .collect(),
                superseded,
                comments,
                next,
                // Marks on some of its notes and risks.
                restricted: a
                    .notes
                    .keys()
                    .chain(a.risk.register.iter().map(|r| &r.id))
                    .filter(|id| id.len() % 2 == 0)
                    .take(3)
                    .cloned()
                    .collect::<std::collections::BTreeSet<String>>()
                    .into_iter()
                    .collect(),
                public: None,
                // A title typed in, perhaps, and older entries summarised.
                history: (a.title.len() % 2 == 0)
                    .then(|| HistoryEntry {
                        at: 1,
                        by: a.respondent.name.clone(),
                        what: "title".into(),
                        old: serde_json::Value::Null,
                        new: a.title.clone().into(),
                    })
                    .into_iter()
                    .collect(),
                summary: (a.title.len() % 3 == 0).then_some(HistorySummary { count: 250, from: 0, to: 1 }),
            });
            a
        })
}

type ApprovalParts = (String, String, String, bool, bool);

/// A review's parts: perhaps a request, up to three approvals, perhaps a superseded mark.
/// Comments as a review keeps them: unique ids, any words, perhaps resolved and reopened.
pub fn comments() -> impl Strategy<Value = Vec<Comment>> {
    let stamp = (any::<String>(), any::<String>(), 0i64..10_000_000_000_000)
        .prop_map(|(by, role, at)| Stamp { by, role, at });
    let comment = (
        "[A-Z][0-9.]{0,5}",
        any::<String>(),
        0i64..10_000_000_000_000,
        any::<String>(),
        proptest::option::of(stamp.clone()),
        proptest::option::of(stamp),
    );
    proptest::collection::vec(comment, 0..4).prop_map(|list| {
        list.into_iter()
            .enumerate()
            .map(|(i, (on, by, at, text, resolved, reopened))| Comment {
                id: format!("c{i}"),
                on,
                by,
                role: "Reviewer".into(),
                at,
                text,
                resolved,
                reopened,
            })
            .collect()
    })
}

/// When to review again: a date or none, and some events.
pub fn next_review() -> impl Strategy<Value = Option<Next>> {
    let events = proptest::sample::subsequence(Trigger::ALL.to_vec(), 0..=4);
    let date = prop_oneof![Just(String::new()), "20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])"];
    proptest::option::of((date, events).prop_map(|(date, events)| Next { date, events }))
        .prop_map(|n| n.filter(|n| !n.date.is_empty() || !n.events.is_empty()))
}

type ReviewParts = (Option<Stamp>, Vec<ApprovalParts>, Option<Superseded>, Vec<Comment>, Option<Next>);

fn review_parts() -> impl Strategy<Value = ReviewParts> {
    let stamp = (any::<String>(), any::<String>(), 0i64..10_000_000_000_000)
        .prop_map(|(by, role, at)| Stamp { by, role, at });
    let approval = (
        any::<String>(),
        "20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])",
        any::<String>(),
        any::<bool>(),
        any::<bool>(),
    );
    let superseded = (any::<String>(), 0i64..10_000_000_000_000, any::<String>())
        .prop_map(|(by, at, note)| Superseded { by, role: String::new(), at, note });
    (
        proptest::option::of(stamp),
        proptest::collection::vec(approval, 0..3),
        proptest::option::of(superseded),
        comments(),
        next_review(),
    )
}
