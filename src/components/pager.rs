//! `Pager`: "Showing 51–100 of 1,204", Previous and Next, for a paged table.

use leptos::prelude::*;

use crate::pages::users::view_state::PageInfo;
use crate::text::thousands;

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
            <span role="status">{move || info.with(|i| format!("Showing {}–{} of {}", thousands(i.start + 1), thousands(i.end), thousands(i.total)))}</span>
            <button type="button" class="button secondary" disabled=move || info.with(|i| i.page <= 1)
                on:click=move |_| to(-1)>"Previous"</button>
            <span>{move || info.with(|i| format!("Page {} of {}", thousands(i.page), thousands(i.pages)))}</span>
            <button type="button" class="button secondary" disabled=move || info.with(|i| i.page >= i.pages)
                on:click=move |_| to(1)>"Next"</button>
        </nav>
    }
}
