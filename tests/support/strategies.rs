//! Proptest strategies shared by the host tests (included with `#[path]` by each test file).

use proptest::prelude::*;
use rai_assess::assessment::Answer;

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
