//! Sorting in a few instructions: the standard library's sorts are built
//! for speed on long slices and bring kilobytes of code into the
//! WebAssembly module for each place they are used. Short lists (a story's
//! countries, its officials) are sorted by insertion; longer ones by
//! heapsort, which needs no extra memory and has no quadratic case.

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

/// Sorts `items` so that none is `less` than the one before it (not
/// keeping the order of equal items), in O(n log n) by heapsort.
pub fn sort_by<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    let n = items.len();
    for root in (0..n / 2).rev() {
        sift_down(items, root, &less);
    }
    for end in (1..n).rev() {
        items.swap(0, end);
        sift_down(&mut items[..end], 0, &less);
    }
}

/// The `k` greatest of `items` by `less`, greatest first, in O(n log k):
/// a query's page of results out of many hits.
pub fn greatest_by<T>(mut items: Vec<T>, k: usize, less: impl Fn(&T, &T) -> bool) -> Vec<T> {
    let k = k.min(items.len());
    let greater = |a: &T, b: &T| less(b, a);
    // The first k items become a heap with the smallest on top; each later
    // item greater than that top takes its place.
    for root in (0..k / 2).rev() {
        sift_down(&mut items[..k], root, &greater);
    }
    for i in k..items.len() {
        if k > 0 && less(&items[0], &items[i]) {
            items.swap(0, i);
            sift_down(&mut items[..k], 0, &greater);
        }
    }
    items.truncate(k);
    sort_by(&mut items, greater);
    items
}

/// Moves `items[root]` down its max-heap (by `less`) until neither child
/// is greater.
fn sift_down<T>(items: &mut [T], mut root: usize, less: &impl Fn(&T, &T) -> bool) {
    loop {
        let mut child = 2 * root + 1;
        if child >= items.len() {
            return;
        }
        if child + 1 < items.len() && less(&items[child], &items[child + 1]) {
            child += 1;
        }
        if !less(&items[root], &items[child]) {
            return;
        }
        items.swap(root, child);
        root = child;
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

    /// Pseudo-random lists with repeats, of every length up to 300.
    fn lists() -> impl Iterator<Item = Vec<u32>> {
        let mut seed = 11u32;
        (0..300).map(move |len| {
            (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                    seed >> 26
                })
                .collect()
        })
    }

    #[test]
    fn heapsort_sorts_like_the_standard_sort() {
        for items in lists() {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a < b);
            let mut theirs = items.clone();
            theirs.sort_unstable();
            assert_eq!(ours, theirs);
            sort_by(&mut ours, |a, b| a > b);
            theirs.reverse();
            assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn the_greatest_come_first() {
        for items in lists() {
            let mut sorted = items.clone();
            sorted.sort_unstable_by(|a, b| b.cmp(a));
            for k in [0, 1, 2, 7, items.len() / 2, items.len(), items.len() + 3] {
                let top = greatest_by(items.clone(), k, |a, b| a < b);
                assert_eq!(top, sorted[..k.min(items.len())], "k {k} of {}", items.len());
            }
        }
    }
}
