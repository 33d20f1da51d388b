//! Sorting, for every table: a direction, the column a table is sorted by and what a click on
//! a header does to it ([`Sort`]), and one sort of row positions ([`order`]).
//!
//! Each `sort_by` on another element type or closure compiles the whole sort algorithm again
//! (several KB of wasm each); sorting positions through a `&dyn Fn` compiles it once. Callers
//! compare by position and reorder their rows with [`permute`] if they need to. Where a sort
//! is kept (a signal, the URL) stays with the table; the header cell is
//! `components::SortHeader`.

use std::cmp::Ordering;

/// A sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Asc,
    Desc,
}

impl Dir {
    /// The URL value: "asc" or "desc".
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Asc => "asc",
            Self::Desc => "desc",
        }
    }

    /// Reads a URL value written by `as_str`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "asc" => Some(Self::Asc),
            "desc" => Some(Self::Desc),
            _ => None,
        }
    }

    /// The `aria-sort` value for a header sorted this way.
    pub fn aria(self) -> &'static str {
        match self {
            Self::Asc => "ascending",
            Self::Desc => "descending",
        }
    }

    /// The other direction.
    pub fn flipped(self) -> Self {
        match self {
            Self::Asc => Self::Desc,
            Self::Desc => Self::Asc,
        }
    }

    /// `ascending` (an ordering of two rows in ascending order) in this direction.
    pub fn apply(self, ascending: Ordering) -> Ordering {
        match self {
            Self::Asc => ascending,
            Self::Desc => ascending.reverse(),
        }
    }
}

/// The column `K` a table is sorted by, and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort<K> {
    pub key: K,
    pub dir: Dir,
}

impl<K: Copy + PartialEq> Sort<K> {
    /// The sort after a click on `key`'s header: the same column reverses, another column starts
    /// in its `first` direction (text A→Z, numbers and times biggest first, say).
    pub fn clicked(self, key: K, first: Dir) -> Self {
        let dir = if self.key == key {
            self.dir.flipped()
        } else {
            first
        };
        Self { key, dir }
    }

    /// The `aria-sort` value of `key`'s header: its direction, or "none".
    pub fn aria(self, key: K) -> &'static str {
        if self.key == key {
            self.dir.aria()
        } else {
            "none"
        }
    }
}

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
    fn a_second_click_reverses_and_a_new_column_starts_its_own_way() {
        let by_time = Sort {
            key: "time",
            dir: Dir::Desc,
        };
        let again = by_time.clicked("time", Dir::Desc);
        assert_eq!(again.dir, Dir::Asc);
        assert_eq!(again.clicked("time", Dir::Desc).dir, Dir::Desc);
        let by_name = again.clicked("name", Dir::Asc);
        assert_eq!((by_name.key, by_name.dir), ("name", Dir::Asc));
        assert_eq!(by_name.aria("name"), "ascending");
        assert_eq!(by_name.aria("time"), "none");
        assert_eq!(Dir::parse(Dir::Desc.as_str()), Some(Dir::Desc));
        assert_eq!(Dir::parse("up"), None);
        assert_eq!(Dir::Desc.apply(1.cmp(&2)), std::cmp::Ordering::Greater);
    }

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
