//! The `page` and `per_page` query of the paged lists (Access applications, an application's
//! policies, reusable policies), and when to ask for the next page, from `result_info`.

use crate::ResultInfo;

/// One page of a list to ask for; `page` counts from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub page: u64,
    pub per_page: u64,
}

impl PageRequest {
    /// The first page, `per_page` items long.
    pub const fn first(per_page: u64) -> Self {
        Self { page: 1, per_page }
    }

    /// `page=N&per_page=M`, the query string the paged operations take.
    pub fn query(&self) -> String {
        format!("page={}&per_page={}", self.page, self.per_page)
    }

    /// The page after this one, or `None` when this one was the last: the response held
    /// `received` items and `info` as its `result_info`. Trusts `total_pages`, else
    /// `total_count`, else asks again after a full page (what the SDK does: it stops at the
    /// first empty page). An empty page is always the last.
    pub fn next(&self, received: usize, info: Option<&ResultInfo>) -> Option<Self> {
        let more = match info {
            _ if received == 0 => false,
            Some(ResultInfo {
                total_pages: Some(total),
                ..
            }) => self.page < *total,
            Some(ResultInfo {
                total_count: Some(total),
                per_page,
                ..
            }) => self.page.saturating_mul(per_page.unwrap_or(self.per_page)) < *total,
            _ => received as u64 >= self.per_page,
        };
        more.then(|| Self {
            page: self.page + 1,
            per_page: self.per_page,
        })
    }
}
