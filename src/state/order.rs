//! One sort for every table: orders positions `0..len` with a comparator on positions.
//!
//! Each `sort_by` on another element type or closure compiles the whole sort algorithm again
//! (several KB of wasm each); sorting positions through a `&dyn Fn` compiles it once.
//! Callers compare by position and reorder their rows with [`permute`] if they need to.

use std::cmp::Ordering;

/// Positions `0..len` ordered by `cmp`; equal positions keep their order (a stable sort).
pub fn order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..len).collect();
    // The position as last tie-break makes the order total, so the unstable sort is stable.
    rows.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    rows
}

/// `items` rearranged into `order` (a permutation of their positions, from [`order`]).
pub fn permute<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots.get_mut(i)?.take())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_positions_stably_and_permutes() {
        let keys = [3, 1, 2, 1, 3];
        let rows = order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(rows, [1, 3, 2, 0, 4]);
        let desc = order(keys.len(), &|a, b| keys[b].cmp(&keys[a]));
        assert_eq!(desc, [0, 4, 2, 1, 3]);
        assert_eq!(
            permute(vec!["c", "a", "b", "a2", "c2"], &rows),
            ["a", "a2", "b", "c", "c2"]
        );
        assert!(order(0, &|_, _| Ordering::Equal).is_empty());
    }
}
