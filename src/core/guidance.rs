//! Cross-references and search over the content pack, for the guidance explorer: which questions,
//! prompts and risks touch a principle, a life-cycle stage or an application type.

use crate::core::content::model::*;

/// Everything in the pack that refers to one principle, stage or application type.
#[derive(Debug, Default, PartialEq)]
pub struct Related<'a> {
    pub readiness: Vec<&'a ReadinessQuestion>,
    pub screening: Vec<&'a ScreeningQuestion>,
    pub prompts: Vec<&'a Prompt>,
    pub templates: Vec<&'a RiskTemplate>,
}

impl Related<'_> {
    pub fn is_empty(&self) -> bool {
        self.readiness.is_empty()
            && self.screening.is_empty()
            && self.prompts.is_empty()
            && self.templates.is_empty()
    }
}

pub fn principle<'a>(pack: &'a Pack, id: &str) -> Option<&'a Principle> {
    pack.vocabulary.principles.iter().find(|p| p.id == id)
}

pub fn stage<'a>(pack: &'a Pack, id: &str) -> Option<&'a Stage> {
    pack.vocabulary.stages.iter().find(|s| s.id == id)
}

pub fn application_type<'a>(pack: &'a Pack, id: &str) -> Option<&'a ApplicationType> {
    pack.vocabulary.application_types.iter().find(|a| a.id == id)
}

/// The instrumental principles under a core one, in pack order.
pub fn children<'a>(pack: &'a Pack, core_id: &str) -> Vec<&'a Principle> {
    pack.vocabulary.principles.iter().filter(|p| p.parent.as_deref() == Some(core_id)).collect()
}

/// The five core principles with their instrumental principles.
pub fn principle_tree(pack: &Pack) -> Vec<(&Principle, Vec<&Principle>)> {
    pack.vocabulary
        .principles
        .iter()
        .filter(|p| p.parent.is_none())
        .map(|p| (p, children(pack, &p.id)))
        .collect()
}

/// Items tagged with the principle or, for a core principle, with any of its instrumental principles.
pub fn related_to_principle<'a>(pack: &'a Pack, id: &str) -> Related<'a> {
    let mut ids = vec![id];
    ids.extend(children(pack, id).into_iter().map(|p| p.id.as_ref()));
    let hit = |tags: &[Text]| tags.iter().any(|t| ids.contains(&t.as_ref()));
    Related {
        readiness: readiness_questions(pack).filter(|q| hit(&q.principles)).collect(),
        screening: pack.risk.screening.iter().filter(|s| ids.contains(&s.principle.as_ref())).collect(),
        prompts: workbook_prompts(pack).filter(|p| hit(&p.principles)).collect(),
        templates: pack.risk.templates.iter().filter(|t| hit(&t.principles)).collect(),
    }
}

/// Items tagged with a life-cycle stage; the workbook's prompts of that stage belong to it too.
pub fn related_to_stage<'a>(pack: &'a Pack, id: &str) -> Related<'a> {
    let tagged = |tags: &[Text]| tags.iter().any(|t| t == id);
    Related {
        readiness: readiness_questions(pack).filter(|q| tagged(&q.stages)).collect(),
        screening: pack.risk.screening.iter().filter(|s| tagged(&s.stages)).collect(),
        prompts: pack
            .workbook
            .stages
            .iter()
            .filter(|s| s.stage == id)
            .flat_map(|s| s.prompts.iter())
            .collect(),
        templates: Vec::new(),
    }
}

/// Screening questions tagged with an application type or shown only when the profile names it.
pub fn related_to_application_type<'a>(pack: &'a Pack, id: &str) -> Related<'a> {
    let shown_for = |s: &ScreeningQuestion| {
        s.application_types.iter().any(|t| t == id)
            || s.show_if.iter().any(|c| {
                c.field.split('|').any(|f| f == "application_type") && c.any_of.iter().any(|v| v == id)
            })
    };
    Related { screening: pack.risk.screening.iter().filter(|s| shown_for(s)).collect(), ..Related::default() }
}

pub fn readiness_questions(pack: &Pack) -> impl Iterator<Item = &ReadinessQuestion> {
    pack.readiness.dimensions.iter().flat_map(|d| d.questions.iter())
}

pub fn workbook_prompts(pack: &Pack) -> impl Iterator<Item = &Prompt> {
    pack.workbook.stages.iter().flat_map(|s| s.prompts.iter())
}

/// What a search result points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HitKind {
    Principle,
    Stage,
    ApplicationType,
    Term,
    ReadinessQuestion,
    ScreeningQuestion,
    WorkbookPrompt,
}

/// One search result: what it is, its id, the text to show and where it lives in the explorer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: HitKind,
    pub id: String,
    pub title: String,
    /// The guidance page to open: a principle, stage, type, or the glossary entry.
    pub target: crate::core::route::GuidanceView,
}

/// The lowercased words of a query; an empty list matches nothing in search and everything in filters.
pub fn query_words(query: &str) -> Vec<String> {
    query.split_whitespace().map(crate::core::text::search_fold).collect()
}

/// Whether every word occurs in `lowered_text` (already lowercased).
pub fn has_all_words(lowered_text: &str, words: &[String]) -> bool {
    words.iter().all(|w| lowered_text.contains(w.as_str()))
}

/// Application types whose principles at stake include this principle or one of its instrumental ones.
pub fn application_types_for_principle<'a>(pack: &'a Pack, id: &str) -> Vec<&'a ApplicationType> {
    let mut ids = vec![id];
    ids.extend(children(pack, id).into_iter().map(|p| p.id.as_ref()));
    pack.vocabulary
        .application_types
        .iter()
        .filter(|a| a.principles.iter().any(|p| ids.contains(&p.as_ref())))
        .collect()
}

/// The title of a guidance entry ("P3.3 Privacy", a stage or type name), `None` for an unknown id or a
/// view without an entry.
pub fn entry_title(pack: &Pack, view: &crate::core::route::GuidanceView) -> Option<String> {
    use crate::core::route::GuidanceView as G;
    match view {
        G::Principle(id) => principle(pack, id).map(|p| format!("{} {}", p.id, p.name)),
        G::Stage(id) => stage(pack, id).map(|s| s.name.to_string()),
        G::ApplicationType(id) => application_type(pack, id).map(|a| a.name.to_string()),
        G::Overview | G::Methods | G::Glossary(_) => None,
    }
}

/// The index of the embedded pack, built on first use (the first search), not at start-up.
pub fn search_index() -> &'static SearchIndex {
    static INDEX: std::sync::OnceLock<SearchIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(crate::core::content::pack()))
}

/// The searchable text of every item in the pack, lowercased once so a keystroke only scans it.
pub struct SearchIndex {
    entries: Vec<(Hit, String)>,
}

impl SearchIndex {
    /// Indexes principles, stages, application types, glossary terms and the questions of each tool,
    /// in that order, which is the order results keep.
    pub fn build(pack: &Pack) -> SearchIndex {
        use crate::core::route::GuidanceView as G;
        let mut entries = Vec::new();
        let mut add = |kind, id: &str, title: &str, target, parts: &[&str]| {
            let hit = Hit { kind, id: id.to_string(), title: title.to_string(), target };
            entries.push((hit, crate::core::text::search_fold(&parts.join(" "))));
        };
        let v = &pack.vocabulary;
        for p in v.principles.iter() {
            let flags = p.red_flags.join(" ");
            add(
                HitKind::Principle,
                &p.id,
                &p.name,
                G::Principle(p.id.to_string()),
                &[&*p.id, &*p.name, &*p.summary, &*p.in_policing, &flags],
            );
        }
        for s in v.stages.iter() {
            add(
                HitKind::Stage,
                &s.id,
                &s.name,
                G::Stage(s.id.to_string()),
                &[&*s.name, &*s.purpose, &*s.key_questions.join(" ")],
            );
        }
        for a in v.application_types.iter() {
            let lists = [a.examples.join(" "), a.typical_concerns.join(" ")].join(" ");
            add(
                HitKind::ApplicationType,
                &a.id,
                &a.name,
                G::ApplicationType(a.id.to_string()),
                &[&*a.name, &*a.description, &lists],
            );
        }
        for t in v.terms.iter() {
            add(
                HitKind::Term,
                &t.id,
                &t.term,
                G::Glossary(Some(t.id.to_string())),
                &[&*t.term, &*t.definition],
            );
        }
        let first = |tags: &[Text]| G::Principle(tags.first().map(|t| t.to_string()).unwrap_or_default());
        for q in readiness_questions(pack) {
            add(
                HitKind::ReadinessQuestion,
                &q.id,
                &q.text,
                first(&q.principles),
                &[&*q.id, &*q.text, &*q.why],
            );
        }
        for s in pack.risk.screening.iter() {
            add(
                HitKind::ScreeningQuestion,
                &s.id,
                &s.text,
                G::Principle(s.principle.to_string()),
                &[&*s.id, &*s.text, &*s.why],
            );
        }
        for p in workbook_prompts(pack) {
            add(HitKind::WorkbookPrompt, &p.id, &p.text, first(&p.principles), &[&*p.id, &*p.text, &*p.help]);
        }
        SearchIndex { entries }
    }

    /// Case-insensitive search where every word of the query must appear in an item's text.
    /// An empty query finds nothing.
    pub fn search(&self, query: &str) -> Vec<&Hit> {
        let words = query_words(query);
        if words.is_empty() {
            return Vec::new();
        }
        self.entries.iter().filter(|(_, text)| has_all_words(text, &words)).map(|(hit, _)| hit).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::pack;
    use crate::core::route::GuidanceView;

    fn search(pack: &Pack, query: &str) -> Vec<Hit> {
        SearchIndex::build(pack).search(query).into_iter().cloned().collect()
    }

    #[test]
    fn tree_has_five_cores_with_their_seventeen_instrumental_principles() {
        let tree = principle_tree(pack());
        assert_eq!(tree.len(), 5);
        assert_eq!(tree.iter().map(|(_, c)| c.len()).collect::<Vec<_>>(), [3, 4, 4, 4, 2]);
        assert_eq!(
            tree[2].1.iter().map(|p| p.id.as_ref()).collect::<Vec<_>>(),
            ["P3.1", "P3.2", "P3.3", "P3.4"]
        );
    }

    // A core principle gathers its instrumental principles' items, so nothing is hidden one level down.
    #[test]
    fn a_core_principle_includes_what_its_instrumental_principles_touch() {
        let core = related_to_principle(pack(), "P3");
        let privacy = related_to_principle(pack(), "P3.3");
        assert!(!privacy.is_empty());
        for q in privacy.screening.iter() {
            assert!(core.screening.contains(q));
        }
        assert!(core.screening.len() > privacy.screening.len());
        assert!(privacy.screening.iter().all(|s| s.principle == "P3.3"));
    }

    #[test]
    fn every_instrumental_principle_has_related_questions() {
        for p in pack().vocabulary.principles.iter().filter(|p| p.parent.is_some()) {
            let r = related_to_principle(pack(), &p.id);
            assert!(r.screening.len() >= 2, "{}", p.id);
        }
    }

    #[test]
    fn entry_titles_name_principles_with_their_number() {
        assert_eq!(
            entry_title(pack(), &GuidanceView::Principle("P3.3".into())).as_deref(),
            Some("P3.3 Privacy")
        );
        assert_eq!(entry_title(pack(), &GuidanceView::Stage("deploy".into())).as_deref(), Some("Deployment"));
        assert_eq!(entry_title(pack(), &GuidanceView::Principle("P9".into())), None);
        assert_eq!(entry_title(pack(), &GuidanceView::Overview), None);
    }

    #[test]
    fn application_types_at_stake_include_those_of_instrumental_principles() {
        let for_core = application_types_for_principle(pack(), "P3");
        let for_privacy = application_types_for_principle(pack(), "P3.3");
        assert!(!for_privacy.is_empty());
        assert!(for_privacy.iter().all(|a| for_core.contains(a)));
    }

    #[test]
    fn a_stage_holds_its_workbook_prompts() {
        let r = related_to_stage(pack(), "deploy");
        assert!(r.prompts.len() >= 6);
        assert!(r.prompts.iter().all(|p| p.id.starts_with("W4.")));
    }

    #[test]
    fn application_types_find_their_conditional_questions() {
        let r = related_to_application_type(pack(), "content-generation");
        assert!(!r.screening.is_empty());
    }

    #[test]
    fn search_needs_every_word_and_ignores_case() {
        assert!(search(pack(), "").is_empty());
        assert!(search(pack(), "   ").is_empty());
        let hits = search(pack(), "FALSE positive");
        assert!(hits.iter().any(|h| h.kind == HitKind::Term && h.id == "false-positive"), "{hits:?}");
        assert_eq!(
            hits.iter().find(|h| h.id == "false-positive").map(|h| h.target.clone()),
            Some(GuidanceView::Glossary(Some("false-positive".into())))
        );
        let all = search(pack(), "privacy");
        let narrowed = search(pack(), "privacy children");
        assert!(narrowed.len() < all.len());
        assert!(search(pack(), "zzqxj-no-such-word").is_empty());
    }

    #[test]
    fn search_finds_principles_by_name_and_questions_by_number() {
        let hits = search(pack(), "proportionality");
        assert!(hits.iter().any(|h| h.kind == HitKind::Principle && h.id == "P1.3"));
        let hits = search(pack(), "S1.1.1");
        assert!(hits.iter().any(|h| h.kind == HitKind::ScreeningQuestion && h.id == "S1.1.1"));
    }
}
