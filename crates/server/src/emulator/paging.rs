//! The 2024 contract's optional `page`, `per_page`, `order_by` and `direction` on summary and
//! user detail. Without `page` and `per_page` everything is returned in one page, which is
//! what today's clients (which send no parameters) expect.

use std::cmp::Ordering;

use zt_risk_api::ResultInfo;

use crate::envelope::{ApiError, INVALID};
use crate::query;

pub const DEFAULT_PER_PAGE: u64 = 20;
const MAX_PER_PAGE: u64 = 1000;

/// Parsed paging parameters; `order_by` is one of the operation's allowed fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    pub window: Option<(u64, u64)>,
    pub order_by: Option<&'static str>,
    pub descending: bool,
}

/// What a request without parameters gets: everything, default order, descending.
impl Default for Paging {
    fn default() -> Self {
        Self {
            window: None,
            order_by: None,
            descending: true,
        }
    }
}

/// Reads the parameters; `fields` are the allowed `order_by` values.
pub fn parse(pairs: &[(String, String)], fields: &[&'static str]) -> Result<Paging, ApiError> {
    let window = window(pairs)?;
    let order_by = match query::get(pairs, "order_by") {
        None => None,
        Some(raw) => Some(*fields.iter().find(|f| **f == raw).ok_or_else(|| {
            invalid(
                "order_by",
                format!("order_by must be one of {}; got {raw:?}", fields.join(", ")),
            )
        })?),
    };
    let descending = match query::get(pairs, "direction") {
        None | Some("desc") => true,
        Some("asc") => false,
        Some(raw) => {
            return Err(invalid(
                "direction",
                format!("direction must be asc or desc; got {raw:?}"),
            ))
        }
    };
    Ok(Paging {
        window,
        order_by,
        descending,
    })
}

/// `page` and `per_page` (whole numbers from 1, `per_page` at most 1000): `None` when neither
/// is given, else the page (default 1) and its length (default 20).
pub fn window(pairs: &[(String, String)]) -> Result<Option<(u64, u64)>, ApiError> {
    let number = |key: &str| -> Result<Option<u64>, ApiError> {
        match query::get(pairs, key) {
            None => Ok(None),
            Some(raw) => match raw.parse::<u64>() {
                Ok(n) if n >= 1 => Ok(Some(n)),
                _ => Err(invalid(
                    key,
                    format!("{key} must be a whole number of at least 1; got {raw:?}"),
                )),
            },
        }
    };
    let page = number("page")?;
    let per_page = number("per_page")?;
    if per_page.is_some_and(|n| n > MAX_PER_PAGE) {
        return Err(invalid(
            "per_page",
            format!("per_page must be at most {MAX_PER_PAGE}"),
        ));
    }
    Ok((page.is_some() || per_page.is_some())
        .then(|| (page.unwrap_or(1), per_page.unwrap_or(DEFAULT_PER_PAGE))))
}

fn invalid(param: &str, message: String) -> ApiError {
    ApiError::bad_request(INVALID, message).at(format!("/{param}"))
}

/// Applies the direction to an ascending comparison.
pub fn directed(ordering: Ordering, descending: bool) -> Ordering {
    if descending {
        ordering.reverse()
    } else {
        ordering
    }
}

/// Cuts one page out of `items` (already sorted) and describes it.
pub fn page<T>(items: Vec<T>, paging: &Paging) -> (Vec<T>, ResultInfo) {
    let total = items.len() as u64;
    let (page, per_page) = paging.window.unwrap_or((1, total.max(1)));
    let skip = (page - 1).saturating_mul(per_page);
    let items: Vec<T> = items
        .into_iter()
        .skip(usize::try_from(skip).unwrap_or(usize::MAX))
        .take(usize::try_from(per_page).unwrap_or(usize::MAX))
        .collect();
    let info = ResultInfo {
        count: Some(items.len() as u64),
        page: Some(page),
        per_page: Some(per_page),
        total_count: Some(total),
        total_pages: Some(total.div_ceil(per_page).max(1)),
    };
    (items, info)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(raw: &str) -> Vec<(String, String)> {
        query::parse(Some(raw)).unwrap_or_default()
    }

    #[test]
    fn pages_and_rejects_bad_values() {
        let p = parse(
            &pairs("page=2&per_page=3&order_by=event_count&direction=asc"),
            &["event_count"],
        );
        let p = p.unwrap_or_else(|e| panic!("{e:?}"));
        let (items, info) = page((1..=8).collect::<Vec<_>>(), &p);
        assert_eq!(items, vec![4, 5, 6]);
        assert_eq!((info.total_count, info.total_pages), (Some(8), Some(3)));
        for bad in [
            "page=0",
            "per_page=x",
            "order_by=name",
            "direction=up",
            "per_page=5000",
        ] {
            assert!(parse(&pairs(bad), &["event_count"]).is_err(), "{bad}");
        }
        let all = parse(&[], &[]).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(all, Paging::default());
        assert_eq!(page(vec![1, 2], &all).1.per_page, Some(2));
    }
}
