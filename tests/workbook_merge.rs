//! Merging workbooks on the host: whatever a user could keep, merging it with itself changes nothing.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
#[path = "support/strategies.rs"]
mod strategies;

use rai_assess::assessment::{Assessment, ContentRef, Kind, NewAssessment};
use rai_assess::pack;
use rai_assess::workbook::merge::merge_records;

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    // Route, owners, overrides, stages marked complete and every log entry come back as they were,
    // once or twice over.
    #[test]
    fn merging_a_workbook_with_itself_changes_nothing(record in strategies::workbook_record(), twice in any::<bool>()) {
        let mut a = Assessment::new("w".into(), Kind::Workbook, NewAssessment::default(), ContentRef::of(pack()), 0);
        a.workbook = record;
        let list: Vec<&Assessment> = if twice { vec![&a, &a] } else { vec![&a] };
        prop_assert_eq!(merge_records(pack(), &list, &a), a.workbook.clone());
    }
}
