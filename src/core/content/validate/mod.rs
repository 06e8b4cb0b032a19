//! Checks a content pack for everything the app relies on: unique ids, tags that resolve, scales and
//! bands that cover their range, a complete risk matrix, conditionals that refer to real fields and
//! values, and no empty or placeholder text.
//!
//! `build.rs` compiles this file too and fails the build on any problem, so it may only use `super::model`
//! and std.

use super::model::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

mod changes;
mod conditions;
mod legal;
mod strings;
pub mod translated;
use conditions::check_conditions;
use legal::{check_gate, check_refs, is_ref};
pub use strings::validate_strings;

/// One thing wrong with a pack, named so an author can find and fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub id: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.id, self.message)
    }
}

/// The principle ids of the toolkit's published structure; a pack may reword them, never drop them.
pub const REQUIRED_PRINCIPLES: [&str; 22] = [
    "P1", "P1.1", "P1.2", "P1.3", "P2", "P2.1", "P2.2", "P2.3", "P2.4", "P3", "P3.1", "P3.2", "P3.3", "P3.4",
    "P4", "P4.1", "P4.2", "P4.3", "P4.4", "P5", "P5.1", "P5.2",
];
/// The life-cycle stage ids the tools are organised around.
pub const REQUIRED_STAGES: [&str; 6] = ["decide", "design", "procure", "deploy", "monitor", "retire"];
/// The application-type ids used as tags and profile options.
pub const REQUIRED_APPLICATION_TYPES: [&str; 5] =
    ["image", "text-speech", "risk-prediction", "content-generation", "process-automation"];

/// Words that mark unfinished English text; a pack containing them is not shippable.
const PLACEHOLDER_MARKERS: [&str; 5] = ["todo", "tbd", "lorem", "xxx", "fixme"];
/// The same in a translation, where "todo" and the like can be words of the language.
const TRANSLATION_MARKERS: [&str; 2] = ["lorem", "fixme"];

/// The unfinished-text markers for texts in `lang`.
fn markers(lang: &str) -> &'static [&'static str] {
    if lang == "en" {
        &PLACEHOLDER_MARKERS
    } else {
        &TRANSLATION_MARKERS
    }
}

struct Checker {
    problems: Vec<Problem>,
    /// The words that mark unfinished text in this language ("todo" is a word of Spanish).
    markers: &'static [&'static str],
}

impl Checker {
    fn report(&mut self, file: &str, id: &str, message: impl Into<String>) {
        self.problems.push(Problem { file: file.into(), id: id.into(), message: message.into() });
    }

    /// Every user-visible text must be present and finished.
    fn text(&mut self, file: &str, id: &str, field: &str, value: &str) {
        let trimmed = value.trim();
        if trimmed.is_empty() {
            self.report(file, id, format!("`{field}` is empty"));
            return;
        }
        let lower = trimmed.to_lowercase();
        let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
        for &marker in self.markers {
            let found = words.contains(&marker);
            if found {
                self.report(file, id, format!("`{field}` contains placeholder text \"{marker}\""));
            }
        }
    }

    fn texts(&mut self, file: &str, id: &str, field: &str, values: &[Text], min: usize) {
        if values.len() < min {
            self.report(file, id, format!("`{field}` needs at least {min} item(s), found {}", values.len()));
        }
        for v in values {
            self.text(file, id, field, v);
        }
    }

    /// Records `id` in `seen` and reports it if it was there already or cannot appear in an address.
    fn unique(&mut self, file: &str, seen: &mut BTreeSet<Text>, id: &Text) {
        let safe = id.starts_with(|c: char| c.is_ascii_alphanumeric())
            && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
        if id.trim().is_empty() {
            self.report(file, "(no id)", "an entry has an empty id");
        } else if !safe {
            self.report(
                file,
                id,
                "ids may only use letters, digits, '.', '-' and '_' (they appear in addresses)",
            );
        } else if !seen.insert(id.clone()) {
            self.report(file, id, "id is used more than once");
        }
    }

    fn tags(&mut self, file: &str, id: &str, field: &str, tags: &[Text], known: &BTreeSet<Text>) {
        for tag in tags {
            if !known.contains(tag) {
                self.report(file, id, format!("`{field}` refers to unknown id \"{tag}\""));
            }
        }
    }
}

/// The ids a pack defines, for resolving tags.
struct Known {
    principles: BTreeSet<Text>,
    instrumental: BTreeSet<Text>,
    stages: BTreeSet<Text>,
    application_types: BTreeSet<Text>,
    roles: BTreeSet<Text>,
}

/// Checks the whole pack; an empty result means it is fit to ship.
pub fn validate_pack(pack: &Pack) -> Vec<Problem> {
    validate_pack_in(pack, "en")
}

/// Checks a pack whose texts are in `lang` (the English pack with a translation applied).
pub fn validate_pack_in(pack: &Pack, lang: &str) -> Vec<Problem> {
    let mut c = Checker { problems: Vec::new(), markers: markers(lang) };
    check_info(&mut c, &pack.info);
    let known = check_vocabulary(&mut c, &pack.vocabulary);
    check_readiness(&mut c, &pack.readiness, &known);
    check_risk(&mut c, &pack.risk, &known);
    check_workbook(&mut c, pack, &known);
    changes::check_changes(&mut c, pack);
    c.problems
}

fn check_info(c: &mut Checker, info: &PackInfo) {
    const F: &str = "pack.toml";
    c.text(F, "id", "id", &info.id);
    c.text(F, &info.id, "title", &info.title);
    c.text(F, &info.id, "toolkit_edition", &info.toolkit_edition);
    let parts: Vec<&str> = info.version.split('.').collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || !p.chars().all(|ch| ch.is_ascii_digit())) {
        c.report(F, &info.id, format!("version \"{}\" is not a semantic version like 1.2.0", info.version));
    }
    if info.languages.first().is_none_or(|l| l != "en") {
        c.report(F, &info.id, "languages must start with \"en\", the reference language and the fallback");
    }
}

fn check_vocabulary(c: &mut Checker, v: &Vocabulary) -> Known {
    const F: &str = "vocabulary.toml";
    let mut principles = BTreeSet::new();
    for p in v.principles.iter() {
        c.unique(F, &mut principles, &p.id);
    }
    let mut instrumental = BTreeSet::new();
    for p in v.principles.iter() {
        c.text(F, &p.id, "name", &p.name);
        c.text(F, &p.id, "summary", &p.summary);
        c.text(F, &p.id, "in_policing", &p.in_policing);
        c.texts(F, &p.id, "red_flags", &p.red_flags, 2);
        match &p.parent {
            Some(parent) => {
                instrumental.insert(p.id.clone());
                let parent_is_core = v.principles.iter().any(|q| &q.id == parent && q.parent.is_none());
                if !parent_is_core {
                    c.report(F, &p.id, format!("parent \"{parent}\" is not a core principle"));
                }
            }
            None if p.id.contains('.') => c.report(F, &p.id, "an instrumental principle needs a `parent`"),
            None => {}
        }
    }
    for required in REQUIRED_PRINCIPLES {
        if !principles.contains(required) {
            c.report(F, required, "principle of the toolkit's structure is missing");
        }
    }

    let mut stages = BTreeSet::new();
    for s in v.stages.iter() {
        c.unique(F, &mut stages, &s.id);
        c.text(F, &s.id, "name", &s.name);
        c.text(F, &s.id, "purpose", &s.purpose);
        c.texts(F, &s.id, "key_questions", &s.key_questions, 2);
    }
    for s in v.stages.iter() {
        if let Some(alt) = &s.alternative_to {
            if !stages.contains(alt) {
                c.report(F, &s.id, format!("`alternative_to` refers to unknown stage \"{alt}\""));
            }
        }
    }
    for required in REQUIRED_STAGES {
        if !stages.contains(required) {
            c.report(F, required, "life-cycle stage is missing");
        }
    }

    let mut application_types = BTreeSet::new();
    for a in v.application_types.iter() {
        c.unique(F, &mut application_types, &a.id);
        c.text(F, &a.id, "name", &a.name);
        c.text(F, &a.id, "description", &a.description);
        c.texts(F, &a.id, "examples", &a.examples, 1);
        c.texts(F, &a.id, "typical_concerns", &a.typical_concerns, 1);
        c.tags(F, &a.id, "principles", &a.principles, &principles);
    }
    for required in REQUIRED_APPLICATION_TYPES {
        if !application_types.contains(required) {
            c.report(F, required, "application type is missing");
        }
    }

    let mut terms = BTreeSet::new();
    for t in v.terms.iter() {
        c.unique(F, &mut terms, &t.id);
        c.text(F, &t.id, "term", &t.term);
        c.text(F, &t.id, "definition", &t.definition);
    }
    for t in v.terms.iter() {
        c.tags(F, &t.id, "see_also", &t.see_also, &terms);
    }
    let mut roles = BTreeSet::new();
    for r in v.roles.iter() {
        c.unique(F, &mut roles, &r.id);
        c.text(F, &r.id, "label", &r.label);
    }
    Known { principles, instrumental, stages, application_types, roles }
}

fn check_readiness(c: &mut Checker, r: &Readiness, known: &Known) {
    const F: &str = "readiness.toml";
    c.text(F, &r.id, "name", &r.name);
    c.text(F, &r.id, "intro", &r.intro);
    c.text(F, &r.id, "method", &r.method);
    let values: Vec<u8> = r.levels.iter().map(|l| l.value).collect();
    if values != [0, 1, 2, 3, 4] {
        c.report(
            F,
            "level",
            format!("maturity levels must be exactly 0, 1, 2, 3, 4 in order, found {values:?}"),
        );
    }
    for l in r.levels.iter() {
        let id = format!("level {}", l.value);
        c.text(F, &id, "label", &l.label);
        c.text(F, &id, "description", &l.description);
    }
    let band_ids = check_bands(c, F, &r.bands);

    let mut ids = BTreeSet::new();
    for d in r.dimensions.iter() {
        c.unique(F, &mut ids, &d.id);
        c.text(F, &d.id, "name", &d.name);
        c.text(F, &d.id, "description", &d.description);
        if d.questions.is_empty() {
            c.report(F, &d.id, "dimension has no questions");
        }
        for q in d.questions.iter() {
            c.unique(F, &mut ids, &q.id);
            c.text(F, &q.id, "text", &q.text);
            c.text(F, &q.id, "why", &q.why);
            c.tags(F, &q.id, "ask", std::slice::from_ref(&q.ask), &known.roles);
            if q.levels.len() != 5 {
                c.report(
                    F,
                    &q.id,
                    format!("`levels` needs one descriptor per level 0-4 (5), found {}", q.levels.len()),
                );
            }
            c.texts(F, &q.id, "levels", &q.levels, 0);
            c.texts(F, &q.id, "principles", &q.principles, 1);
            c.tags(F, &q.id, "principles", &q.principles, &known.principles);
            c.tags(F, &q.id, "stages", &q.stages, &known.stages);
        }
        let mut covered = BTreeSet::new();
        for n in d.next_steps.iter() {
            if !band_ids.contains(&n.band) {
                c.report(F, &d.id, format!("next steps refer to unknown band \"{}\"", n.band));
            } else if !covered.insert(n.band.clone()) {
                c.report(F, &d.id, format!("next steps for band \"{}\" are given twice", n.band));
            }
            c.texts(F, &d.id, "next_steps.steps", &n.steps, 1);
        }
        for band in band_ids.iter() {
            if !covered.contains(band) {
                c.report(F, &d.id, format!("no next steps for band \"{band}\""));
            }
        }
    }
}

/// Bands share out the maturity levels 0-4 in order, each at least one level, none twice, none left out:
/// then a score's nearest level names exactly one band.
fn check_bands(c: &mut Checker, file: &str, bands: &[Band]) -> BTreeSet<Text> {
    let mut ids = BTreeSet::new();
    let mut expected = 0u8;
    for b in bands {
        c.unique(file, &mut ids, &b.id);
        c.text(file, &b.id, "label", &b.label);
        c.text(file, &b.id, "description", &b.description);
        if b.levels.is_empty() {
            c.report(file, &b.id, "band names no maturity level (`levels`)");
        }
        for &level in b.levels.iter() {
            if level != expected {
                c.report(
                    file,
                    &b.id,
                    format!("band lists level {level} where level {expected} comes next (bands share out 0-4 in order)"),
                );
            }
            expected = level.saturating_add(1);
        }
    }
    if bands.is_empty() {
        c.report(file, "band", "no score bands are defined");
    } else if expected != 5 {
        c.report(
            file,
            "band",
            format!("bands stop at level {}, they must cover levels 0-4", expected.saturating_sub(1)),
        );
    }
    ids
}

fn check_scale(c: &mut Checker, file: &str, name: &str, levels: &[ScaleLevel]) {
    let values: Vec<u8> = levels.iter().map(|l| l.value).collect();
    if values != [1, 2, 3, 4, 5] {
        c.report(file, name, format!("scale must have exactly the values 1..5 in order, found {values:?}"));
    }
    for l in levels {
        let id = format!("{name} {}", l.value);
        c.text(file, &id, "label", &l.label);
        c.text(file, &id, "description", &l.description);
    }
}

/// The option ids a profile field accepts.
fn field_options(f: &ProfileField, known: &Known) -> BTreeSet<Text> {
    match f.options_from {
        Some(OptionsFrom::ApplicationTypes) => known.application_types.clone(),
        Some(OptionsFrom::Stages) => known.stages.clone(),
        None => f.options.iter().map(|o| o.id.clone()).collect(),
    }
}

fn check_risk(c: &mut Checker, r: &Risk, known: &Known) {
    const F: &str = "risk.toml";
    c.text(F, &r.id, "name", &r.name);
    c.text(F, &r.id, "intro", &r.intro);
    c.text(F, &r.id, "method", &r.method);
    c.text(F, &r.id, "matrix_rationale", &r.matrix_rationale);

    // Profile fields first: conditions elsewhere refer to them.
    let mut field_ids = BTreeSet::new();
    let mut choice_fields = BTreeMap::new();
    for f in r.profile_fields.iter() {
        c.unique(F, &mut field_ids, &f.id);
        c.text(F, &f.id, "label", &f.label);
        c.text(F, &f.id, "help", &f.help);
        let is_choice = matches!(f.kind, FieldKind::Choice | FieldKind::Multi);
        match (is_choice, f.options.is_empty(), f.options_from.is_some()) {
            (true, true, false) => c.report(F, &f.id, "a choice field needs `options` or `options_from`"),
            (true, false, true) => c.report(F, &f.id, "give either `options` or `options_from`, not both"),
            (false, false, _) | (false, _, true) => c.report(F, &f.id, "a text field cannot have options"),
            _ => {}
        }
        let mut option_ids = BTreeSet::new();
        for o in f.options.iter() {
            let oid = format!("{}.{}", f.id, o.id);
            c.unique(F, &mut option_ids, &o.id);
            c.text(F, &oid, "label", &o.label);
            check_refs(c, F, &oid, &o.refs, &o.label);
        }
        if is_choice {
            choice_fields.insert(f.id.clone(), field_options(f, known));
        }
    }
    check_gate(c, F, r);
    for f in r.profile_fields.iter() {
        check_conditions(c, F, &f.id, "show_if", &f.show_if, &choice_fields);
        for o in f.options.iter() {
            check_conditions(
                c,
                F,
                &format!("{}.{}", f.id, o.id),
                "implied_if",
                &o.implied_if,
                &choice_fields,
            );
        }
        // The profile is read in order (`risk::effective_profile`): a condition can only see fields
        // asked before it.
        let at = |id: &str| r.profile_fields.iter().position(|x| x.id == id);
        for part in f.show_if.iter().flat_map(|cond| cond.field.split('|')) {
            if part == f.id.as_ref() {
                c.report(F, &f.id, "a field cannot depend on itself");
            } else if at(part) > at(&f.id) {
                c.report(F, &f.id, format!("`show_if` names \"{part}\", which is asked after this field"));
            }
        }
    }

    check_scale(c, F, "likelihood", &r.likelihood);
    check_scale(c, F, "severity", &r.severity);
    let mut level_ids = BTreeSet::new();
    for l in r.risk_levels.iter() {
        c.unique(F, &mut level_ids, &l.id);
        c.text(F, &l.id, "label", &l.label);
        c.text(F, &l.id, "description", &l.description);
    }
    if r.risk_levels.len() < 2 {
        c.report(F, "risk_level", "at least two risk levels are needed");
    }
    check_matrix(c, F, r);

    let mut right_ids = BTreeSet::new();
    for x in r.rights.iter() {
        c.unique(F, &mut right_ids, &x.id);
        c.text(F, &x.id, "label", &x.label);
        if x.refs.is_empty() || !x.implied_if.is_empty() {
            c.report(F, &x.id, "a right needs `refs` and takes no `implied_if`");
        }
        for bad in x.refs.iter().filter(|x| !is_ref(x)) {
            c.report(F, &x.id, format!("`refs` entry \"{bad}\" is not a reference such as \"ECHR Art. 8\""));
        }
    }
    let mut template_ids = BTreeSet::new();
    for t in r.templates.iter() {
        c.unique(F, &mut template_ids, &t.id);
        c.text(F, &t.id, "title", &t.title);
        c.text(F, &t.id, "description", &t.description);
        c.texts(F, &t.id, "principles", &t.principles, 1);
        c.tags(F, &t.id, "principles", &t.principles, &known.principles);
        c.texts(F, &t.id, "rights", &t.rights, 1);
        c.tags(F, &t.id, "rights", &t.rights, &right_ids);
        c.texts(F, &t.id, "affected_groups", &t.affected_groups, 1);
        c.texts(F, &t.id, "mitigations", &t.mitigations, 1);
    }
    let mut screening_ids = BTreeSet::new();
    let mut covered = BTreeSet::new();
    let mut used_templates = BTreeSet::new();
    for s in r.screening.iter() {
        c.unique(F, &mut screening_ids, &s.id);
        c.text(F, &s.id, "text", &s.text);
        c.text(F, &s.id, "why", &s.why);
        c.tags(F, &s.id, "ask", std::slice::from_ref(&s.ask), &known.roles);
        if known.instrumental.contains(&s.principle) {
            covered.insert(s.principle.clone());
        } else {
            c.report(F, &s.id, format!("`principle` \"{}\" is not an instrumental principle", s.principle));
        }
        if s.risk_when.is_empty() {
            c.report(F, &s.id, "`risk_when` lists no answer, so the question can never raise a risk");
        }
        if template_ids.contains(&s.proposes) {
            used_templates.insert(s.proposes.clone());
        } else {
            c.report(F, &s.id, format!("`proposes` refers to unknown template \"{}\"", s.proposes));
        }
        c.tags(F, &s.id, "stages", &s.stages, &known.stages);
        c.tags(F, &s.id, "application_types", &s.application_types, &known.application_types);
        check_conditions(c, F, &s.id, "show_if", &s.show_if, &choice_fields);
    }
    for p in known.instrumental.iter() {
        if !covered.contains(p) {
            c.report(F, p, "no screening question covers this principle");
        }
    }
    for t in r.templates.iter() {
        if !used_templates.contains(&t.id) {
            c.report(F, &t.id, "template is never proposed by a screening question");
        }
    }
}

/// A 5×5 grid of defined levels that never falls as likelihood or severity rises.
fn check_matrix(c: &mut Checker, file: &str, r: &Risk) {
    let rank: BTreeMap<&str, usize> =
        r.risk_levels.iter().enumerate().map(|(i, l)| (l.id.as_ref(), i)).collect();
    if r.matrix.len() != 5 || r.matrix.iter().any(|row| row.len() != 5) {
        c.report(file, "matrix", "the matrix must have 5 rows (likelihood) of 5 cells (severity)");
        return;
    }
    for (li, row) in r.matrix.iter().enumerate() {
        for (si, cell) in row.iter().enumerate() {
            let here = format!("matrix[likelihood {}][severity {}]", li + 1, si + 1);
            let Some(&level) = rank.get(cell.as_ref()) else {
                c.report(file, &here, format!("\"{cell}\" is not a defined risk level"));
                continue;
            };
            let left = si.checked_sub(1).and_then(|s| rank.get(row[s].as_ref()));
            let above = li.checked_sub(1).and_then(|l| rank.get(r.matrix[l][si].as_ref()));
            if left.is_some_and(|&l| l > level) || above.is_some_and(|&a| a > level) {
                c.report(file, &here, "level falls although likelihood or severity rises");
            }
        }
    }
}

fn check_workbook(c: &mut Checker, pack: &Pack, known: &Known) {
    const F: &str = "workbook.toml";
    let w = &pack.workbook;
    // What a prompt may name as asked elsewhere: a screening or a readiness question.
    let screening = pack.risk.screening.iter().map(|q| q.id.clone());
    let readiness = pack.readiness.dimensions.iter().flat_map(|d| d.questions.iter().map(|q| q.id.clone()));
    let asked: &BTreeSet<Text> = &screening.chain(readiness).collect();
    c.text(F, &w.id, "name", &w.name);
    c.text(F, &w.id, "intro", &w.intro);
    let mut stages = BTreeSet::new();
    let mut ids = BTreeSet::new();
    for s in w.stages.iter() {
        if !known.stages.contains(&s.stage) {
            c.report(F, &s.stage, "workbook stage is not a life-cycle stage id");
        }
        c.unique(F, &mut stages, &s.stage);
        for (field, value) in [
            ("intro", &s.intro),
            ("decision_guidance", &s.decision_guidance),
            ("decision_go", &s.decision_go),
            ("decision_change", &s.decision_change),
            ("decision_stop", &s.decision_stop),
        ] {
            c.text(F, &s.stage, field, value);
        }
        if s.prompts.is_empty() {
            c.report(F, &s.stage, "stage has no prompts");
        }
        for p in s.prompts.iter() {
            c.unique(F, &mut ids, &p.id);
            c.text(F, &p.id, "text", &p.text);
            c.text(F, &p.id, "help", &p.help);
            c.texts(F, &p.id, "principles", &p.principles, 1);
            c.tags(F, &p.id, "principles", &p.principles, &known.principles);
            c.tags(F, &p.id, "related", &p.related, asked);
        }
        for k in s.checks.iter() {
            c.unique(F, &mut ids, &k.id);
            c.text(F, &k.id, "text", &k.text);
            c.text(F, &k.id, "evidence", &k.evidence);
            c.text(F, &k.id, "owner", &k.owner);
        }
    }
    for required in known.stages.iter() {
        if !stages.contains(required) {
            c.report(F, required, "the workbook has no section for this stage");
        }
    }
}
