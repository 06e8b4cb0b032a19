use super::*;
use proptest::prelude::*;

fn risk_ids() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_-]{1,8}"
}

fn controls() -> impl Strategy<Value = Control> {
    prop_oneof![
        "[a-z_]{1,12}(\\.[a-z0-9]{1,4})?".prop_map(Control::Profile),
        "[A-Za-z0-9.-]{1,16}".prop_map(Control::Reason),
        Just(Control::SnapshotLabel),
        Just(Control::CompareFrom),
        Just(Control::CompareTo),
        (risk_ids(), 0..RiskField::ALL.len()).prop_map(|(id, f)| Control::Risk(id, RiskField::ALL[f])),
        (risk_ids(), 0usize..500, 0..MitigationField::ALL.len()).prop_map(|(id, k, f)| Control::Mitigation(
            id,
            k,
            MitigationField::ALL[f]
        )),
    ]
}

fn actions() -> impl Strategy<Value = Action> {
    let t = "[A-Za-z0-9.-]{1,16}";
    prop_oneof![
        t.prop_map(Action::Accept),
        t.prop_map(Action::Dismiss),
        t.prop_map(Action::Undismiss),
        Just(Action::AddRisk),
        risk_ids().prop_map(Action::AskRemove),
        risk_ids().prop_map(Action::Keep),
        risk_ids().prop_map(Action::Remove),
        risk_ids().prop_map(Action::AddMitigation),
        (risk_ids(), 0usize..500).prop_map(|(id, k)| Action::RemoveMitigation(id, k)),
        Just(Action::TakeSnapshot),
        any::<i64>().prop_map(Action::AskDeleteSnapshot),
        any::<i64>().prop_map(Action::KeepSnapshot),
        any::<i64>().prop_map(Action::DropSnapshot),
        risk_ids().prop_map(Action::GoTo),
    ]
}

proptest! {
    // The markup prints names that the dispatcher reads back as the same control.
    #[test]
    fn control_names_round_trip(c in controls()) {
        prop_assert_eq!(c.to_string().parse::<Control>(), Ok(c));
    }

    #[test]
    fn action_names_round_trip(a in actions()) {
        prop_assert_eq!(a.to_string().parse::<Action>(), Ok(a));
    }

    // Whatever a page or a test sends, parsing never panics, and what parses prints back unchanged.
    #[test]
    fn any_string_parses_to_its_own_name_or_fails(s in "[a-z]{1,8}(\\.[A-Za-z0-9_+-]{0,6}){0,3}") {
        if let Ok(c) = s.parse::<Control>() {
            prop_assert_eq!(c.to_string(), s.clone());
        }
        if let Ok(a) = s.parse::<Action>() {
            prop_assert_eq!(a.to_string(), s);
        }
    }
}

#[test]
fn the_names_the_markup_has_always_used_still_parse() {
    assert_eq!("rk.K1.title".parse(), Ok(Control::Risk("K1".into(), RiskField::Title)));
    assert_eq!("rk.K2.rl".parse(), Ok(Control::Risk("K2".into(), RiskField::ResidualLikelihood)));
    assert_eq!("mt.K2.0.due".parse(), Ok(Control::Mitigation("K2".into(), 0, MitigationField::Due)));
    assert_eq!("pf.application_type".parse(), Ok(Control::Profile("application_type".into())));
    assert_eq!("removem.K2.10".parse(), Ok(Action::RemoveMitigation("K2".into(), 10)));
    assert_eq!("unsnap.1795000000000".parse(), Ok(Action::AskDeleteSnapshot(1_795_000_000_000)));
    assert_eq!(Focus::Button(Action::Keep("K1".into())).to_string(), "b.keep.K1");
    assert_eq!(Focus::Risk("K1".into()).to_string(), "rk.K1.h");
}

// A malformed name is an error naming it, never a control that does nothing.
#[test]
fn malformed_names_are_refused_with_the_name() {
    for bad in
        ["", "rk", "rk.K1", "rk.K1.colour", "rk.K 1.title", "mt.K1.x.due", "mt.K1.01.due", "cmp.c", "pf."]
    {
        let err = bad.parse::<Control>().expect_err(bad);
        assert!(err.to_string().contains(&format!("\"{bad}\"")), "{err}");
    }
    for bad in ["", "add.K1", "removem.K1", "unsnap.soon", "unsnap.007", "launch.K1", "accept."] {
        assert!(bad.parse::<Action>().is_err(), "{bad}");
    }
}
