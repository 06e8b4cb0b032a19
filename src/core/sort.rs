//! One small stable sort for the app's short lists (a few hundred items at most).
//!
//! Each call of the standard library's sort is its own copy of several kilobytes of sort code in the
//! wasm (measured with twiggy: about a dozen copies, 2 KB each and more). An insertion sort is a few
//! dozen bytes per use and fast enough here: 300 items take well under a millisecond.

/// Sorts `v` stably so that `key` ascends.
pub fn by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j]) < key(&v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Sorts `v` stably with `cmp`.
pub fn by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> std::cmp::Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j], &v[j - 1]) == std::cmp::Ordering::Less {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// A map of `items`, built by inserting each: `collect()` into a `BTreeMap` sorts first, and that sort
/// is another copy of the standard sort per key type (about 3.5 KB each in the wasm).
pub fn map<K: Ord, V>(items: impl IntoIterator<Item = (K, V)>) -> std::collections::BTreeMap<K, V> {
    let mut m = std::collections::BTreeMap::new();
    for (k, v) in items {
        m.insert(k, v);
    }
    m
}

/// A set of `items`, built by inserting each (see [`map`]).
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> std::collections::BTreeSet<T> {
    let mut s = std::collections::BTreeSet::new();
    for t in items {
        s.insert(t);
    }
    s
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn matches_the_standard_stable_sort(v in proptest::collection::vec((0u8..5, any::<u16>()), 0..60)) {
            let mut ours = v.clone();
            super::by_key(&mut ours, |x| x.0);
            let mut std = v.clone();
            std.sort_by_key(|x| x.0);
            prop_assert_eq!(&ours, &std);
            let mut cmp = v.clone();
            super::by(&mut cmp, |a, b| b.0.cmp(&a.0));
            let mut expect = v;
            expect.sort_by_key(|x| std::cmp::Reverse(x.0));
            prop_assert_eq!(cmp, expect);
        }
    }
}
