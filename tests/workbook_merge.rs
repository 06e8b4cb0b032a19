//! Merging workbooks on the host: whatever a user could keep, merging it with itself changes nothing,
//! and files that share a history merge into a valid record that merging again leaves as it is.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
#[allow(dead_code)] // the other strategies serve the other test files
#[path = "support/strategies.rs"]
mod strategies;

use rai_assess::answer_file::read_stored;
use rai_assess::assessment::{Assessment, ContentRef, Kind, NewAssessment, Respondent};
use rai_assess::pack;
use rai_assess::workbook::merge::merge_records;
use rai_assess::workbook::{open_blocking, Entry, WorkbookRecord};

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    // Three respondents' files sharing the start of one history, each then going on its own way
    // (replacing shared decisions, so that files compete): the merge is a record the app accepts,
    // and merging any of the files in again adds and changes no decision.
    #[test]
    fn merged_logs_are_valid_and_merging_again_adds_nothing(
        x in strategies::workbook_record(),
        y in strategies::workbook_record(),
        z in strategies::workbook_record(),
        shared in 0usize..5,
    ) {
        let prefix: Vec<Entry> = x.log.iter().take(shared).cloned().collect();
        let file = |name: &str, own: &WorkbookRecord| {
            let mut log = prefix.clone();
            for (k, e) in own.log.iter().enumerate() {
                let mut e = e.clone();
                e.id = format!("{}{}", name.to_uppercase(), k + 1);
                // Every other own decision replaces one still current in this file (as the editor
                // allows), a shared one first: so the files compete for the same decisions.
                e.supersedes = String::new();
                if k % 2 == 0 && e.recorded.is_some() {
                    let current = |c: &&Entry| c.recorded.is_some() && !log.iter().any(|d| d.recorded.is_some() && d.supersedes == c.id);
                    let target = prefix.iter().rev().find(|c| current(c)).or_else(|| log.iter().rev().find(|c| current(c)));
                    e.supersedes = target.map(|c| c.id.clone()).unwrap_or_default();
                }
                log.push(e);
            }
            let details = NewAssessment { title: name.into(), respondent: Respondent { name: name.into(), role: String::new() }, ..NewAssessment::default() };
            let mut a = Assessment::new(name.into(), Kind::Workbook, details, ContentRef::of(pack()), 0);
            a.workbook = WorkbookRecord { log, ..own.clone() };
            a
        };
        let (ana, ben, cy) = (file("a", &x), file("b", &y), file("c", &z));
        let mut once = ana.clone();
        once.workbook = merge_records(pack(), &[&ana, &ben, &cy], &ana);
        let value = serde_json::to_value(&once).expect("json");
        let read = read_stored(value);
        prop_assert!(read.is_ok(), "{:?}", read.err());
        for again in [&ben, &cy] {
            prop_assert_eq!(merge_records(pack(), &[&once, again], &once).log, once.workbook.log.clone());
        }
    }

    // Route, owners, overrides, stages marked complete and every log entry come back as they were,
    // once or twice over.
    #[test]
    fn merging_a_workbook_with_itself_changes_nothing(record in strategies::workbook_record(), twice in any::<bool>()) {
        let mut a = Assessment::new("w".into(), Kind::Workbook, NewAssessment::default(), ContentRef::of(pack()), 0);
        a.workbook = record;
        // As the editor keeps it: a stage complete only while its rule holds (none of its blocking
        // checks is settled here, so only with an override).
        let stages = &pack().workbook.stages;
        let allowed: Vec<String> = a.workbook.complete.iter().filter(|s| {
            stages.iter().find(|st| st.stage == **s).is_none_or(|st| open_blocking(&a, st).is_empty() || a.workbook.override_of(s).is_some_and(|o| o.given()))
        }).cloned().collect();
        a.workbook.complete = allowed;
        let list: Vec<&Assessment> = if twice { vec![&a, &a] } else { vec![&a] };
        prop_assert_eq!(merge_records(pack(), &list, &a), a.workbook.clone());
    }
}
