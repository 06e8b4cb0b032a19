//! Organizational readiness scoring, as stated to users in `readiness.toml`'s `method`:
//! a question scores its maturity level 0-4; "Don't know" and "Not applicable" are left out, never
//! counted as zero; a dimension scores the mean of its answered levels on 0-100 (level / 4 × 100);
//! the overall score is the unweighted mean of the dimensions that have at least one answer; coverage
//! is answered / applicable questions (applicable = all but "Not applicable"); results under 60 %
//! coverage are provisional. An assessment with no answers has no score, not zero.
//!
//! Scores are kept in tenths of a point (0..=1000) so that results are exact and the app never needs
//! floating-point formatting.

use crate::core::assessment::Answer;
use crate::core::content::model::{Band, Pack, ReadinessQuestion};
use std::collections::BTreeMap;

/// Below this share of applicable questions answered, results are flagged provisional.
pub const PROVISIONAL_BELOW_PERCENT: usize = 60;
/// How many items the weakest and strongest lists hold.
pub const ITEMS_LISTED: usize = 5;

/// A score on 0..=100 in tenths: 725 means 72.5.
pub type Tenths = u32;

/// One dimension's result.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionScore {
    pub id: &'static str,
    /// Questions answered with a level.
    pub answered: usize,
    /// Questions not marked "Not applicable".
    pub applicable: usize,
    pub total: usize,
    /// `None` when no question has a level.
    pub score: Option<Tenths>,
    /// The band the score falls in.
    pub band: Option<&'static Band>,
}

/// An answered question, for the weakest and strongest lists.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemLevel {
    pub question: &'static ReadinessQuestion,
    pub level: u8,
}

/// The whole result of a readiness assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadinessResult {
    pub dimensions: Vec<DimensionScore>,
    pub overall: Option<Tenths>,
    pub overall_band: Option<&'static Band>,
    pub answered: usize,
    pub applicable: usize,
    /// True when coverage is below `PROVISIONAL_BELOW_PERCENT`.
    pub provisional: bool,
    /// Lowest levels first; ties keep questionnaire order. At most half the answered items (rounded up).
    pub weakest: Vec<ItemLevel>,
    /// Highest levels first among the items not in `weakest`; ties keep questionnaire order.
    pub strongest: Vec<ItemLevel>,
    /// Items the content marks critical answered at level 0 or 1, in questionnaire order: shown
    /// whatever the band.
    pub critical_gaps: Vec<ItemLevel>,
    /// Items the content marks critical answered "Don't know", in questionnaire order: a safeguard
    /// nobody can vouch for is shown beside the gaps.
    pub critical_unknown: Vec<&'static ReadinessQuestion>,
}

/// The highest level at which a critical item still counts as a gap.
pub const CRITICAL_GAP_UP_TO: u8 = 1;

/// One maturity level's width in tenths: level k scores k × 250.
const LEVEL: Tenths = 250;

/// The maturity level a score stands for: the nearest one, and the lower one when a score sits exactly
/// half-way, so a result never claims more than the answers support.
pub fn level_of(score: Tenths) -> u8 {
    ((score.min(1000) + LEVEL / 2 - 1) / LEVEL) as u8
}

/// The band a score falls in: the one named for the score's level (`level_of`).
pub fn band_of(bands: &'static [Band], score: Tenths) -> Option<&'static Band> {
    let level = level_of(score);
    bands.iter().find(|b| b.levels.contains(&level))
}

/// The scores a band covers, as tenths, for the chart and the methods page: from its lowest level's
/// lower half-way point (exclusive, except 0) to its highest level's upper half-way point (inclusive).
pub fn band_bounds(band: &Band) -> (Tenths, Tenths) {
    let low = band.levels.first().map_or(0, |l| Tenths::from(*l));
    let high = band.levels.last().map_or(0, |l| Tenths::from(*l));
    ((low * LEVEL).saturating_sub(LEVEL / 2), (high * LEVEL + LEVEL / 2).min(1000))
}

/// Mean of levels 0-4 as tenths of 0..=100, rounded half up; `None` for no levels.
fn mean_tenths(sum: u32, count: u32) -> Option<Tenths> {
    // level / 4 * 100 in tenths is level * 250; mean over count, rounded.
    (count > 0).then(|| (sum * 250 * 2 + count) / (count * 2))
}

/// Scores a readiness assessment from its answers.
pub fn score(pack: &'static Pack, answers: &BTreeMap<String, Answer>) -> ReadinessResult {
    let r = &pack.readiness;
    let mut dimensions = Vec::with_capacity(r.dimensions.len());
    let mut items = Vec::new();
    let mut critical_unknown = Vec::new();
    let (mut answered, mut applicable) = (0, 0);
    for d in r.dimensions.iter() {
        let (mut sum, mut count, mut not_applicable) = (0u32, 0u32, 0usize);
        for q in d.questions.iter() {
            match answers.get(q.id.as_ref()) {
                Some(Answer::Level(level)) if *level <= 4 => {
                    sum += u32::from(*level);
                    count += 1;
                    items.push(ItemLevel { question: q, level: *level });
                }
                Some(Answer::NotApplicable) => not_applicable += 1,
                Some(Answer::DontKnow) if q.critical => critical_unknown.push(q),
                _ => {}
            }
        }
        let score = mean_tenths(sum, count);
        let dim_applicable = d.questions.len() - not_applicable;
        answered += count as usize;
        applicable += dim_applicable;
        dimensions.push(DimensionScore {
            id: d.id.as_ref(),
            answered: count as usize,
            applicable: dim_applicable,
            total: d.questions.len(),
            score,
            band: score.and_then(|s| band_of(&r.bands, s)),
        });
    }
    let scored: Vec<Tenths> = dimensions.iter().filter_map(|d| d.score).collect();
    let overall = (!scored.is_empty()).then(|| {
        let n = scored.len() as u32;
        (scored.iter().sum::<u32>() * 2 + n) / (n * 2)
    });
    let provisional = answered * 100 < applicable * PROVISIONAL_BELOW_PERCENT;
    let critical_gaps =
        items.iter().filter(|i| i.question.critical && i.level <= CRITICAL_GAP_UP_TO).cloned().collect();
    // The two lists never share an item: with few answers, the lower half is weakest, the rest strongest.
    let mut sorted = items;
    crate::core::sort::by_key(&mut sorted, |i| i.level);
    let weak_count = sorted.len().div_ceil(2).min(ITEMS_LISTED);
    let mut rest = sorted.split_off(weak_count);
    let weakest = sorted;
    crate::core::sort::by_key(&mut rest, |i| std::cmp::Reverse(i.level));
    let strongest: Vec<ItemLevel> = rest.into_iter().take(ITEMS_LISTED).collect();
    ReadinessResult {
        dimensions,
        overall,
        overall_band: overall.and_then(|s| band_of(&r.bands, s)),
        answered,
        applicable,
        provisional,
        weakest,
        strongest,
        critical_gaps,
        critical_unknown,
    }
}

// proptest is a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::content::pack;
    use proptest::prelude::*;

    fn question_ids() -> Vec<&'static str> {
        pack().readiness.dimensions.iter().flat_map(|d| d.questions.iter()).map(|q| q.id.as_ref()).collect()
    }

    fn answers(pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
    }

    // An empty assessment has no score at all, rather than a misleading zero.
    #[test]
    fn no_answers_means_no_score() {
        let result = score(pack(), &BTreeMap::new());
        assert_eq!(result.overall, None);
        assert!(result.dimensions.iter().all(|d| d.score.is_none() && d.band.is_none()));
        assert!(result.provisional);
    }

    #[test]
    fn a_hand_computed_example() {
        // R1: levels 4 and 2 -> mean 3 -> 75.0; R2: level 1 -> 25.0; overall (75 + 25) / 2 = 50.0.
        let a = answers(&[
            ("R1.1", Answer::Level(4)),
            ("R1.2", Answer::Level(2)),
            ("R1.3", Answer::DontKnow),
            ("R1.4", Answer::NotApplicable),
            ("R2.1", Answer::Level(1)),
        ]);
        let result = score(pack(), &a);
        let r1 = &result.dimensions[0];
        assert_eq!((r1.score, r1.answered, r1.applicable), (Some(750), 2, r1.total - 1));
        assert_eq!(r1.band.map(|b| b.id.as_ref()), Some("established"), "75 is level 3, Established");
        assert_eq!(result.dimensions[1].score, Some(250));
        assert_eq!(result.overall, Some(500));
        assert_eq!(
            result.overall_band.map(|b| b.id.as_ref()),
            Some("developing"),
            "50 is level 2, Developing"
        );
        assert_eq!(result.weakest.first().map(|i| i.question.id.as_ref()), Some("R2.1"));
        assert_eq!(result.strongest.first().map(|i| i.question.id.as_ref()), Some("R1.1"));
    }

    #[test]
    fn cut_offs_sit_half_way_between_levels_and_round_down() {
        let band = |t| band_of(&pack().readiness.bands, t).map(|b| b.id.as_ref());
        assert_eq!(band(0), Some("foundational"));
        assert_eq!(band(375), Some("foundational"), "exactly half-way between 1 and 2 is not yet 2");
        assert_eq!(band(376), Some("developing"));
        assert_eq!(band(625), Some("developing"));
        assert_eq!(band(626), Some("established"));
        assert_eq!(band(875), Some("established"));
        assert_eq!(band(876), Some("leading"));
        assert_eq!(band(1000), Some("leading"));
    }

    #[test]
    fn every_score_lies_within_its_bands_bounds() {
        for t in 0..=1000 {
            let band = band_of(&pack().readiness.bands, t).expect("every score has a band");
            let (from, to) = band_bounds(band);
            assert!((t > from || t == 0) && t <= to, "{t} in {} ({from}..={to})", band.id);
        }
        assert_eq!((level_of(125), level_of(126)), (0, 1), "half-way rounds down");
    }

    #[test]
    fn band_bounds_meet_without_gaps() {
        let bounds: Vec<_> = pack().readiness.bands.iter().map(band_bounds).collect();
        assert_eq!(bounds, [(0, 375), (375, 625), (625, 875), (875, 1000)]);
    }

    #[test]
    fn a_critical_item_at_level_1_is_a_gap_whatever_the_band() {
        let critical: Vec<&str> = pack()
            .readiness
            .dimensions
            .iter()
            .flat_map(|d| d.questions.iter())
            .filter(|q| q.critical)
            .map(|q| q.id.as_ref())
            .collect();
        assert!(critical.len() >= 4, "{critical:?}");
        let mut a: BTreeMap<String, Answer> =
            question_ids().iter().map(|id| (id.to_string(), Answer::Level(4))).collect();
        a.insert(critical[0].to_string(), Answer::Level(1));
        a.insert(critical[1].to_string(), Answer::Level(2));
        let result = score(pack(), &a);
        assert_eq!(result.overall_band.map(|b| b.id.as_ref()), Some("leading"));
        let gaps: Vec<&str> = result.critical_gaps.iter().map(|i| i.question.id.as_ref()).collect();
        assert_eq!(gaps, [critical[0]]);
        assert!(result.critical_unknown.is_empty());
        a.insert(critical[2].to_string(), Answer::DontKnow);
        a.insert(critical[3].to_string(), Answer::NotApplicable);
        let unknown: Vec<&str> = score(pack(), &a).critical_unknown.iter().map(|q| q.id.as_ref()).collect();
        assert_eq!(unknown, [critical[2]], "\"Don't know\" on a critical item is flagged, n.a. is not");
    }

    fn any_answer() -> impl Strategy<Value = Option<Answer>> {
        prop_oneof![
            Just(None),
            (0u8..=4).prop_map(|l| Some(Answer::Level(l))),
            Just(Some(Answer::DontKnow)),
            Just(Some(Answer::NotApplicable)),
        ]
    }

    fn any_answers() -> impl Strategy<Value = BTreeMap<String, Answer>> {
        let ids = question_ids();
        proptest::collection::vec(any_answer(), ids.len()).prop_map(move |values| {
            ids.iter().zip(values).filter_map(|(id, v)| v.map(|v| (id.to_string(), v))).collect()
        })
    }

    proptest! {
        #[test]
        fn scores_stay_in_bounds(a in any_answers()) {
            let result = score(pack(), &a);
            prop_assert!(result.overall.is_none_or(|s| s <= 1000));
            for d in &result.dimensions {
                prop_assert!(d.score.is_none_or(|s| s <= 1000));
                prop_assert!(d.answered <= d.applicable && d.applicable <= d.total);
                prop_assert_eq!(d.score.is_some(), d.band.is_some());
            }
        }

        // The weakest and strongest lists never share an item, and no weak item outranks a strong one.
        #[test]
        fn weakest_and_strongest_are_disjoint_and_ordered(a in any_answers()) {
            let result = score(pack(), &a);
            for w in &result.weakest {
                prop_assert!(!result.strongest.iter().any(|s| s.question.id == w.question.id));
                prop_assert!(result.strongest.iter().all(|s| s.level >= w.level));
            }
            prop_assert!(result.weakest.len() <= ITEMS_LISTED && result.strongest.len() <= ITEMS_LISTED);
        }

        // The band names the level described: answering level k on every answered question (any
        // subset, the rest unanswered, "Don't know" or "Not applicable") lands in the band for level k.
        #[test]
        fn level_k_everywhere_gives_the_band_for_level_k(a in any_answers(), k in 0u8..=4) {
            let at_k: BTreeMap<String, Answer> = a
                .into_iter()
                .map(|(id, v)| (id, if matches!(v, Answer::Level(_)) { Answer::Level(k) } else { v }))
                .collect();
            let result = score(pack(), &at_k);
            let band = pack().readiness.bands.iter().find(|b| b.levels.contains(&k)).expect("every level has a band");
            if result.overall.is_some() {
                prop_assert_eq!(result.overall_band.map(|b| &b.id), Some(&band.id));
            }
            for d in &result.dimensions {
                prop_assert!(d.band.is_none_or(|b| b.id == band.id));
            }
        }

        // Raising one answer never lowers the dimension's score or the overall score.
        #[test]
        fn raising_an_answer_never_lowers_a_score(a in any_answers(), pick in 0usize..1000) {
            let ids = question_ids();
            let id = ids[pick % ids.len()];
            let Some(Answer::Level(level)) = a.get(id).cloned() else { return Ok(()) };
            prop_assume!(level < 4);
            let mut raised = a.clone();
            raised.insert(id.to_string(), Answer::Level(level + 1));
            let (before, after) = (score(pack(), &a), score(pack(), &raised));
            prop_assert!(after.overall >= before.overall);
            for (b, c) in before.dimensions.iter().zip(&after.dimensions) {
                prop_assert!(c.score >= b.score);
            }
        }

        // "Don't know" and "Not applicable" never act as zero: adding one changes no score.
        #[test]
        fn dont_know_and_not_applicable_are_not_zero(a in any_answers(), pick in 0usize..1000, na in any::<bool>()) {
            let ids = question_ids();
            let id = ids[pick % ids.len()];
            prop_assume!(!a.contains_key(id));
            let mut more = a.clone();
            more.insert(id.to_string(), if na { Answer::NotApplicable } else { Answer::DontKnow });
            let (before, after) = (score(pack(), &a), score(pack(), &more));
            prop_assert_eq!(before.overall, after.overall);
            for (b, c) in before.dimensions.iter().zip(&after.dimensions) {
                prop_assert_eq!(b.score, c.score);
            }
        }
    }
}
