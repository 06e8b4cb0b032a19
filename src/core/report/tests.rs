use super::*;
use crate::core::assessment::{ContentRef, Kind, NewAssessment, Respondent, GENERAL_NOTES};
use crate::core::content::pack;

fn assessment(answers: &[(&str, Answer)], notes: &[(&str, &str)]) -> Assessment {
    let details = NewAssessment {
        title: "Readiness <spring>".into(),
        subject: "North & South Police".into(),
        respondent: Respondent { name: "A. Officer".into(), role: "Data protection".into() },
    };
    let mut a = Assessment::new("id-1".into(), Kind::Readiness, details, ContentRef::of(pack()), 0);
    for (id, answer) in answers {
        a.answers.insert(id.to_string(), answer.clone());
    }
    for (id, note) in notes {
        a.notes.insert(id.to_string(), note.to_string());
    }
    a
}

fn meta() -> ReportMeta {
    ReportMeta {
        generated: "2026-11-23 10:00".into(),
        updated: "2026-11-22 09:30".into(),
        now: 1_795_000_000_000,
    }
}

/// A UI-string key left in the output means a key is missing from strings/en.toml.
fn assert_no_keys(text: &str) {
    for prefix in ["results.", "report.", "answer.", "about.", "app.", "questions."] {
        for (i, _) in text.match_indices(prefix) {
            let next = text[i + prefix.len()..].chars().next().unwrap_or(' ');
            assert!(
                !next.is_ascii_lowercase(),
                "a missing string key near {:?}",
                &text[i..(i + 30).min(text.len())]
            );
        }
    }
}

#[test]
fn tenths_read_as_people_write_them() {
    assert_eq!(tenths(0), "0");
    assert_eq!(tenths(725), "72.5");
    assert_eq!(tenths(1000), "100");
    assert_eq!(tenths(5), "0.5");
}

// Worked by hand: R1 has levels 4 and 2 (mean 3 of 4 = 75, level 3, band "Established"), a "Don't know"
// that counts for nothing; R2 has level 1 (25, level 1, "Foundational") and a "Not applicable"; the
// overall is the mean of the two dimensions, 50 (level 2, "Developing").
#[test]
fn figures_match_a_hand_computed_example_in_every_format() {
    let a = assessment(
        &[
            ("R1.1", Answer::Level(4)),
            ("R1.2", Answer::Level(2)),
            ("R1.3", Answer::DontKnow),
            ("R2.1", Answer::NotApplicable),
            ("R2.2", Answer::Level(1)),
        ],
        &[],
    );
    let html = report_html(pack(), &a, &meta()).expect("a report for this kind");
    let r1 = &pack().readiness.dimensions[0];
    let r2 = &pack().readiness.dimensions[1];
    assert!(
        html.contains(&format!(
            "<tr><th scope=\"row\">R1 {}</th><td>75</td><td>Established</td><td>2 / {}</td></tr>",
            escape::html(&r1.name),
            r1.questions.len()
        )),
        "{html}"
    );
    assert!(html.contains(&format!(
        "<tr><th scope=\"row\">R2 {}</th><td>25</td><td>Foundational</td><td>1 / {}</td></tr>",
        escape::html(&r2.name),
        r2.questions.len() - 1
    )));
    assert!(html.contains("<span class=\"r-figure\">50</span> / 100 · <strong>Developing</strong>"));
    assert!(html.contains("Provisional."), "3 of 53 applicable is under 60%");
    let markdown = report_markdown(pack(), &a, &meta()).expect("a report for this kind");
    assert!(markdown.contains(&format!(
        "| R1 {} | 75 | Established | 2 / {} |",
        escape::markdown(&r1.name),
        r1.questions.len()
    )));
    assert!(markdown.contains("50 / 100 · **Developing**"), "{markdown}");
    assert_no_keys(&html);
    assert_no_keys(&markdown);
}

// A critical safeguard at level 1 is reported as a gap even when every other answer is the highest.
#[test]
fn a_critical_gap_shows_in_every_format_whatever_the_band() {
    let all_high: Vec<(&str, Answer)> = pack()
        .readiness
        .dimensions
        .iter()
        .flat_map(|d| d.questions.iter())
        .map(|q| (q.id.as_ref(), Answer::Level(if q.id == "R6.4" { 1 } else { 4 })))
        .collect();
    let a = assessment(&all_high, &[]);
    let html = report_html(pack(), &a, &meta()).expect("a report for this kind");
    assert!(html.contains("<strong>Leading</strong>"), "the band stays high");
    let gaps = html.split("<h2>Critical gaps</h2>").nth(1).expect("a critical gaps section");
    let gaps = &gaps[..gaps.find("</section>").unwrap_or(gaps.len())];
    assert!(gaps.contains("so missing or only partly in place: 1."), "{gaps}");
    assert!(gaps.contains("<strong>R6.4</strong>") && !gaps.contains("R3.1"), "{gaps}");
    let markdown = report_markdown(pack(), &a, &meta()).expect("a report for this kind");
    assert!(markdown.contains("## Critical gaps"), "{markdown}");
    assert_no_keys(&html);
}

#[test]
fn a_critical_safeguard_nobody_can_vouch_for_is_listed_beside_the_gaps() {
    let a = assessment(&[("R3.2", Answer::DontKnow), ("R1.1", Answer::Level(3))], &[]);
    let html = report_html(pack(), &a, &meta()).expect("a report for this kind");
    let gaps = html.split("<h2>Critical gaps</h2>").nth(1).expect("a critical gaps section");
    let gaps = &gaps[..gaps.find("</section>").unwrap_or(gaps.len())];
    assert!(gaps.contains("Critical safeguards answered &quot;Don&#39;t know&quot;: 1."), "{gaps}");
    assert!(gaps.contains("R3.2 ") && !gaps.contains("so missing or only partly in place"), "{gaps}");
}

#[test]
fn without_a_critical_gap_there_is_no_such_section() {
    let a = assessment(&[("R6.4", Answer::Level(2)), ("R1.1", Answer::Level(0))], &[]);
    let html = report_html(pack(), &a, &meta()).expect("a report for this kind");
    assert!(!html.contains("Critical gaps"));
}

#[test]
fn the_report_holds_title_page_every_answer_notes_and_credits() {
    let a = assessment(
        &[("R1.1", Answer::Level(3))],
        &[("R1.1", "Policy signed in May."), (GENERAL_NOTES, "Met twice.")],
    );
    let html = report_html(pack(), &a, &meta()).expect("a report for this kind");
    for expected in [
        "North &amp; South Police",
        "A. Officer (Data protection)",
        "23 November 2026, 10:00",
        "22 November 2026, 09:30",
        &format!("rai-le-core {}", pack().info.version),
        "Policy signed in May.",
        "Met twice.",
        "It is not an official product",
        "UNICRI",
    ] {
        assert!(html.contains(expected), "missing {expected}");
    }
    let items: usize = pack().readiness.dimensions.iter().map(|d| d.questions.len()).sum();
    assert_eq!(html.matches("class=\"r-item\"").count(), items);
    assert_eq!(html.matches("Not answered").count(), items - 1);
    assert!(html.contains("<strong>3 · "));
}

#[test]
fn user_text_with_markup_shows_as_typed_and_never_as_markup() {
    let evil = "<script>alert(1)</script><img src=x onerror=alert(2)> **bold** [link](javascript:x)";
    let mut a = assessment(&[("R1.1", Answer::Level(1))], &[("R1.1", evil), (GENERAL_NOTES, evil)]);
    a.title = evil.into();
    a.subject = evil.into();
    let doc = report_document(pack(), &a, &meta(), true).expect("a report for this kind");
    let scripts: Vec<&str> =
        doc.match_indices("<script").map(|(i, _)| &doc[i..(i + 60).min(doc.len())]).collect();
    assert_eq!(scripts.len(), 1, "only the inert answer-file element: {scripts:?}");
    assert!(scripts[0].starts_with("<script type=\"application/json\" id=\"rai-answer-file\">"));
    match crate::core::answer_file::open(doc.as_bytes()) {
        Ok(crate::core::answer_file::Opened::Plain(file)) => assert_eq!(file.assessments, vec![a.clone()]),
        other => panic!("the report does not import back: {other:?}"),
    }
    assert!(!doc.contains("<img"));
    assert!(doc.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assert!(doc.starts_with("<!DOCTYPE html>"));
    assert!(doc.contains("default-src 'none'"), "the file itself forbids scripts and requests");
    let markdown = report_markdown(pack(), &a, &meta()).expect("a report for this kind");
    // The only raw `<` are the autolinks to the publishers' pages in the credits.
    let unescaped = markdown
        .match_indices('<')
        .filter(|(i, _)| !markdown[..*i].ends_with('\\') && !markdown[*i..].starts_with("<https://"))
        .count();
    assert_eq!(unescaped, 0, "every < of user text is escaped in Markdown");
    assert!(markdown.contains("\\<script\\>"));
    assert!(markdown.contains("\\*\\*bold\\*\\*"));
}

#[test]
fn an_empty_assessment_has_no_score_and_says_so() {
    let a = assessment(&[], &[]);
    let html = report_html(pack(), &a, &meta()).expect("a report for this kind");
    assert!(html.contains("No score yet"));
    assert!(!html.contains("r-figure"));
    assert!(html.contains("Next steps appear for each dimension"));
}

/// The headings and table rows of a report as a reader sees them, from the HTML…
fn html_outline(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<h") {
        rest = &rest[i..];
        let level = rest.as_bytes().get(2).copied().unwrap_or(b'x');
        if level.is_ascii_digit() {
            let end = rest.find("</h").unwrap_or(rest.len());
            let inner = &rest[4..end];
            out.push(format!("{} {}", "#".repeat(usize::from(level - b'0')), text_of(inner)));
        }
        rest = &rest[2..];
    }
    out
}

/// …and from the Markdown.
fn markdown_outline(md: &str) -> Vec<String> {
    md.lines().filter(|l| l.starts_with('#')).map(|l| l.replace('\\', "")).collect()
}

/// Text of an HTML fragment: tags dropped, entities read.
fn text_of(fragment: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

// One document, two printers: every heading of the HTML report is a heading of the Markdown, in the
// same order, for each kind of report (the title page's h1 included).
#[test]
fn html_and_markdown_reports_have_the_same_outline() {
    let mut risk = Assessment::new(
        "r-1".into(),
        Kind::Risk,
        NewAssessment { title: "Face <search>".into(), ..NewAssessment::default() },
        ContentRef::of(pack()),
        0,
    );
    risk.answers.insert("S1.1.1".into(), Answer::Choice("no".into()));
    risk.risk.register.push(crate::core::register::Risk {
        id: "K1".into(),
        title: "No legal basis".into(),
        likelihood: 3,
        severity: 5,
        ..Default::default()
    });
    let readiness = assessment(&[("R1.1", Answer::Level(3))], &[(GENERAL_NOTES, "General")]);
    for a in [&readiness, &risk] {
        let html = report_html(pack(), a, &meta()).expect("a report for this kind");
        let md = report_markdown(pack(), a, &meta()).expect("a report for this kind");
        let outline = html_outline(&html);
        assert!(outline.len() > 10, "{outline:?}");
        assert_eq!(outline, markdown_outline(&md), "{:?}", a.kind);
    }
}

// The risk register's rows carry the same figures in both formats.
#[test]
fn html_and_markdown_risk_tables_hold_the_same_cells() {
    let mut a =
        Assessment::new("r-1".into(), Kind::Risk, NewAssessment::default(), ContentRef::of(pack()), 0);
    a.risk.register.push(crate::core::register::Risk {
        id: "K1".into(),
        title: "Bias (groups)".into(),
        likelihood: 3,
        severity: 5,
        residual_likelihood: 2,
        residual_severity: 4,
        ..Default::default()
    });
    let html = report_html(pack(), &a, &meta()).expect("a report for this kind");
    let md = report_markdown(pack(), &a, &meta()).expect("a report for this kind");
    assert!(
        html.contains(
            "<tr><th scope=\"row\">K1 Bias (groups)</th><td>Critical (L3 × S5)</td><td>Medium (L2 × S4)</td>"
        ),
        "{html}"
    );
    assert!(md.contains("| K1 Bias \\(groups\\) | Critical \\(L3 × S5\\) | Medium \\(L2 × S4\\) |"), "{md}");
}

/// The words of a report as a reader sees them in the HTML: tags dropped, entities read; a figure's
/// drawing and caption left out, since Markdown carries a figure as its table alone.
fn html_words(html: &str) -> Vec<String> {
    let mut rest = html.to_string();
    for (open, close) in [("<svg", "</svg>"), ("<figcaption>", "</figcaption>")] {
        while let Some(i) = rest.find(open) {
            let j = rest[i..].find(close).map_or(rest.len(), |j| i + j + close.len());
            rest.replace_range(i..j, " ");
        }
    }
    words(&text_of(&rest.replace('<', " <")))
}

/// The same from the Markdown: list markers and table rules dropped, escapes read.
fn markdown_words(md: &str) -> Vec<String> {
    let lines = md.lines().filter(|l| !l.starts_with("|---")).map(|l| {
        let body = l.trim_start();
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        if let Some(item) = body.strip_prefix("- ") {
            item
        } else if digits > 0 && body[digits..].starts_with(". ") {
            &body[digits + 2..]
        } else {
            body
        }
    });
    words(&lines.collect::<Vec<_>>().join("\n").replace('\\', ""))
}

fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(String::from).collect();
    out.sort();
    out
}

// One document, two printers: every word of the HTML report is in the Markdown and no other, for
// each kind of report, with user text over several lines, markup and list-like lines in every field.
#[test]
fn html_and_markdown_reports_carry_the_same_words() {
    let tricky = "Line <one> & more\n\n1. listed\n# heading | cell";
    let mut risk = Assessment::new(
        "r-1".into(),
        Kind::Risk,
        NewAssessment { title: "Face\nsearch".into(), subject: tricky.into(), ..NewAssessment::default() },
        ContentRef::of(pack()),
        0,
    );
    risk.answers.insert("purpose".into(), Answer::Text(tricky.into()));
    risk.answers.insert("S1.1.1".into(), Answer::Choice("no".into()));
    risk.notes.insert("S1.1.1".into(), tricky.into());
    risk.notes.insert(GENERAL_NOTES.into(), tricky.into());
    risk.risk.dismissed.insert("T-frt-watchlist".into(), tricky.into());
    risk.risk.register.push(crate::core::register::Risk {
        id: "K1".into(),
        title: "No legal basis".into(),
        description: tricky.into(),
        rationale: tricky.into(),
        likelihood: 3,
        severity: 5,
        mitigations: vec![crate::core::register::Mitigation {
            action: tricky.into(),
            owner: "Legal".into(),
            due: "2020-01-01".into(),
            status: crate::core::register::Status::Planned,
        }],
        ..Default::default()
    });
    risk.risk.snapshots.push(crate::core::register::Snapshot {
        taken: 1,
        label: tricky.into(),
        register: vec![],
    });
    let readiness = assessment(&[("R1.1", Answer::Level(3))], &[("R1.1", tricky), (GENERAL_NOTES, tricky)]);
    for a in [&readiness, &risk] {
        let (html, md) = (
            report_html(pack(), a, &meta()).expect("a report for this kind"),
            report_markdown(pack(), a, &meta()).expect("a report for this kind"),
        );
        let (h, m) = (html_words(&html), markdown_words(&md));
        let only =
            |x: &[String], y: &[String]| x.iter().filter(|w| !y.contains(w)).cloned().collect::<Vec<_>>();
        assert!(h.len() > 500, "{:?}: {} words", a.kind, h.len());
        assert_eq!(
            h,
            m,
            "{:?}: only in HTML {:?}, only in Markdown {:?}",
            a.kind,
            only(&h, &m),
            only(&m, &h)
        );
    }
}

// Asked to leave the answers out, the HTML report carries no answer file: nothing it does not show
// travels with it, and importing it says so.
#[test]
fn a_report_without_its_answers_carries_none() {
    let a = assessment(&[("R1.1", Answer::Level(1))], &[("R9.9", "A note on a question the content lacks")]);
    let doc = report_document(pack(), &a, &meta(), false).expect("a report for this kind");
    assert!(!doc.contains("rai-answer-file") && !doc.contains("<script"));
    // The note on an item the content lacks is shown, as kept aside; no record of it rides along.
    assert_eq!(doc.matches("A note on a question the content lacks").count(), 1);
    assert!(!doc.contains("\"answers\""));
    assert!(doc.contains("<h1>Readiness &lt;spring&gt;</h1>"));
    assert_eq!(
        crate::core::answer_file::open(doc.as_bytes()),
        Err(crate::core::answer_file::FileError::HtmlWithoutAnswers)
    );
    assert!(report_document(pack(), &a, &meta(), true)
        .expect("a report for this kind")
        .contains("A note on a question the content lacks"));
}

#[test]
fn the_about_page_says_it_is_independent_credits_the_publishers_and_names_every_version() {
    let html = super::about::about_html(pack());
    assert!(html.contains("not made, reviewed or endorsed by INTERPOL or UNICRI"), "{html}");
    assert!(html.contains(&format!("<dd id=\"app-version\">{}</dd>", crate::core::APP_VERSION)));
    assert!(html.contains(&format!("<dd id=\"content-version\">{}</dd>", pack().info.version)));
    assert!(html.contains(crate::core::TOOLKIT_INTERPOL) && html.contains(crate::core::TOOLKIT_UNICRI));
    assert_eq!(html.matches("<section aria-labelledby=").count(), 4);
    assert_eq!(html.matches("</section>").count(), 4, "every section closed");
}

#[test]
fn every_report_shows_the_fingerprint_of_the_content_it_carries() {
    use crate::core::answer_file::{fingerprint, open, Opened};
    let a = assessment(&[("R1.1", Answer::Level(2))], &[("R1.1", "Signed off")]);
    let shown = fingerprint::of(&a).for_people();
    let doc = report_document(pack(), &a, &meta(), true).expect("a report");
    assert!(doc.contains(&shown), "the HTML report shows {shown}");
    assert!(report_markdown(pack(), &a, &meta()).expect("markdown").contains(&shown));
    let sheet = report_xlsx(pack(), &a, &meta()).expect("a spreadsheet");
    assert!(sheet.iter().any(|p| String::from_utf8_lossy(&p.bytes).contains(&shown)), "the About sheet");
    let words = report_docx(pack(), &a, &meta(), &[]).expect("a Word document");
    assert!(words.iter().any(|p| String::from_utf8_lossy(&p.bytes).contains(&shown)), "the title page");
    match open(doc.as_bytes()) {
        Ok(Opened::Plain(file)) => assert_eq!(file.fingerprints, vec![fingerprint::Check::Matches]),
        other => panic!("the report does not import back: {other:?}"),
    }
    let mut changed = a.clone();
    changed.notes.insert("R1.1".into(), "Signed off.".into());
    let other = report_markdown(pack(), &changed, &meta()).expect("markdown");
    assert!(!other.contains(&shown) && other.contains(&fingerprint::of(&changed).for_people()));
}

#[test]
fn a_report_lists_the_review_comments_with_their_state_and_counts_them_on_its_title_page() {
    use crate::core::review::edit::{apply, Edit};
    let mut a = assessment(&[("R1.1", Answer::Level(2))], &[]);
    let by = || ("C. Reviewer".to_string(), "Legal".to_string());
    let comment =
        |on: &str, text: &str| Edit::Comment { on: on.into(), text: text.into(), by: by().0, role: by().1 };
    apply(&mut a, comment("R1.1", "Which policy says this?"), 1_795_000_000_000).expect("written");
    apply(&mut a, comment("", "Add the DPIA reference."), 1_795_000_000_001).expect("written");
    let first = crate::core::review::Review::of(&a).comments[0].id.clone();
    apply(&mut a, Edit::Resolve { id: first, by: by().0, role: by().1 }, 1_795_000_000_002)
        .expect("resolved");
    let md = report_markdown(pack(), &a, &meta()).expect("report");
    assert!(md.contains("1 open, 1 resolved."), "the title page counts them");
    let section = &md[md.find("## Comments").expect("a section of comments")..];
    assert!(
        section.contains("Which policy says this?")
            && section.contains(r"Resolved on 18 November 2026, 11:06 UTC by C. Reviewer \(Legal\)"),
        "{section}"
    );
    assert!(section.contains("The assessment as a whole") && section.contains("| Open |"), "{section}");
    assert_no_keys(&md);
}
