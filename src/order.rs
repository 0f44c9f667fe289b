//! Sorting the short lists one story yields (its countries, its officials)
//! in a few instructions: the standard library's sort is built for long
//! slices and brings kilobytes of code into the WebAssembly module for each
//! place it is used.

/// Sorts `items` by `key`, equal keys keeping their order, by insertion:
/// for lists of tens of items.
pub fn sort_short_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_stable_standard_sort() {
        let mut seed = 7u32;
        for len in 0..40 {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                    (seed >> 29, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_short_by_key(&mut ours, |p| std::cmp::Reverse(p.0));
            let mut theirs = items;
            theirs.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(ours, theirs);
        }
    }
}
