//! Native unit tests of the sort rules: the flip, a new column's first direction, `aria-sort`.

use super::{Dir, Sort};

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
