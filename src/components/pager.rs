//! `Pager`: "Showing 51–100 of 1,204", Previous and Next, for a paged table; and where a page
//! sits in a list ([`PageInfo`]), which every paged list computes the same way.

use leptos::prelude::*;

use crate::text::thousands;

/// Rows per page.
pub const PAGE_SIZE: usize = 50;

/// Where a page sits in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageInfo {
    /// The shown page (1-based), clamped to the last one.
    pub page: usize,
    pub pages: usize,
    /// Index range of the rows on this page.
    pub start: usize,
    pub end: usize,
    pub total: usize,
}

impl PageInfo {
    /// The page `requested` of a list of `total` rows.
    pub fn of(total: usize, requested: usize) -> Self {
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        let page = requested.clamp(1, pages);
        let start = ((page - 1) * PAGE_SIZE).min(total);
        Self {
            page,
            pages,
            start,
            end: (start + PAGE_SIZE).min(total),
            total,
        }
    }

    /// "Showing 51–100 of 1,204".
    pub fn showing(&self) -> String {
        format!(
            "Showing {}–{} of {}",
            thousands(self.start + 1),
            thousands(self.end),
            thousands(self.total)
        )
    }

    /// "Page 2 of 25".
    pub fn position(&self) -> String {
        format!("Page {} of {}", thousands(self.page), thousands(self.pages))
    }
}

/// Previous/Next for the page `info` describes; `on_page` gets the page to show (1-based).
#[component]
pub fn Pager(
    /// The shown page.
    info: Memo<PageInfo>,
    /// Called with the page number to go to.
    on_page: Callback<usize>,
) -> impl IntoView {
    let to =
        move |delta: isize| on_page.run(info.get_untracked().page.saturating_add_signed(delta));
    view! {
        <nav class="pager" aria-label="Pages">
            <span role="status">{move || info.with(PageInfo::showing)}</span>
            <button type="button" class="button secondary" disabled=move || info.with(|i| i.page <= 1)
                on:click=move |_| to(-1)>"Previous"</button>
            <span>{move || info.with(PageInfo::position)}</span>
            <button type="button" class="button secondary" disabled=move || info.with(|i| i.page >= i.pages)
                on:click=move |_| to(1)>"Next"</button>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_clamped_and_counts_grouped() {
        let info = PageInfo::of(50_000, 3);
        assert_eq!((info.start, info.end, info.pages), (100, 150, 1_000));
        assert_eq!(info.showing(), "Showing 101–150 of 50,000");
        assert_eq!(info.position(), "Page 3 of 1,000");
        assert_eq!(PageInfo::of(120, 9).page, 3, "past the end: the last page");
        assert_eq!(PageInfo::of(120, 0).page, 1);
        let empty = PageInfo::of(0, 1);
        assert_eq!(
            (empty.page, empty.pages, empty.start, empty.end),
            (1, 1, 0, 0)
        );
    }
}
