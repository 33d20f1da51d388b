//! `SortHeader`: the header cell of a sortable column (`aria-sort` and a button). Every
//! sortable table uses it, whatever its column type; the sort rules are `crate::sort`.

use leptos::prelude::*;

use crate::sort::Sort;

/// A column header that sorts its table: `<th scope="col" aria-sort>` holding a button named
/// by `label`. Clicking runs `on_sort(column)`; the table decides the new sort, usually with
/// [`Sort::clicked`].
///
/// ```ignore
/// <SortHeader column=Column::Time label="Time" sort on_sort/>
/// ```
#[component]
pub fn SortHeader<K>(
    /// The column this header sorts by.
    column: K,
    /// The column's name, shown on the button.
    label: &'static str,
    /// The table's current sort.
    #[prop(into)]
    sort: Signal<Sort<K>>,
    /// Called with `column` when the header is clicked.
    on_sort: Callback<K>,
    /// Right-aligns the header of a numeric column.
    #[prop(optional)]
    numeric: bool,
) -> impl IntoView
where
    K: Copy + PartialEq + Send + Sync + 'static,
{
    // Only these two lines depend on `K`: the markup below exists once in the binary.
    let aria = Signal::derive(move || sort.get().aria(column));
    header_cell(
        label,
        numeric,
        aria,
        Callback::new(move |()| on_sort.run(column)),
    )
}

fn header_cell(
    label: &'static str,
    numeric: bool,
    aria: Signal<&'static str>,
    on_click: Callback<()>,
) -> impl IntoView {
    view! {
        <th scope="col" class:num=numeric aria-sort=aria>
            <button type="button" on:click=move |_| on_click.run(())>{label}</button>
        </th>
    }
}
