//! Merging workbooks on the host: whatever a user could keep, merging it with itself changes nothing.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
#[path = "support/strategies.rs"]
mod strategies;

use rai_assess::answer_file::read_stored;
use rai_assess::assessment::{Assessment, ContentRef, Kind, NewAssessment, Respondent};
use rai_assess::pack;
use rai_assess::workbook::merge::merge_records;
use rai_assess::workbook::open_blocking;

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    // Route, owners, overrides, stages marked complete and every log entry come back as they were,
    // once or twice over.
    // Two respondents' logs merged: the result is a record the app accepts, and merging the second
    // file in again adds no decision.
    #[test]
    fn merged_logs_are_valid_and_merging_again_adds_nothing(x in strategies::workbook_record(), y in strategies::workbook_record()) {
        let book = |name: &str, record| {
            let details = NewAssessment { title: name.into(), respondent: Respondent { name: name.into(), role: String::new() }, ..NewAssessment::default() };
            let mut a = Assessment::new(name.into(), Kind::Workbook, details, ContentRef::of(pack()), 0);
            a.workbook = record;
            a
        };
        let (ana, ben) = (book("ana", x), book("ben", y));
        let mut once = ana.clone();
        once.workbook = merge_records(pack(), &[&ana, &ben], &ana);
        let value = serde_json::to_value(&once).expect("json");
        prop_assert!(read_stored(&value).is_ok(), "{:?}", read_stored(&value).err());
        prop_assert_eq!(merge_records(pack(), &[&once, &ben], &once).log, once.workbook.log.clone());
    }

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
