//! `BarChart`: the console's one chart, bars drawn as inline SVG (no chart library). Rows
//! (label, bar, exact value) for categories; columns for a time series, where the exact value
//! shows in a tooltip on hover and on keyboard focus.
//!
//! The chart is a `<figure>` whose `<figcaption>` names it and whose list holds every bar's
//! label and exact value as text: that list is what screen readers read, and each bar's
//! accessible name ("High 312 users (26%)"). Every bar is a link to the list it counts, so it
//! is focusable; the SVG itself is decoration, hidden from assistive technology. Lengths are
//! whole numbers (per mille): no float formatting in the binary.

use leptos::prelude::*;

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What the bar counts: "High", "12 Nov".
    pub label: String,
    pub value: usize,
    /// The exact value in words: "312 users (26%)".
    pub text: String,
    /// Where the bar leads: the filtered list it counts.
    pub href: String,
    /// A colour class: "high", "medium", "low", or "" for the accent colour.
    pub class: &'static str,
}

/// A bar chart. Bars are scaled to the largest value.
#[component]
pub fn BarChart(
    /// The caption, which also names the chart.
    #[prop(into)]
    caption: String,
    /// The bars, in order.
    bars: Vec<Bar>,
    /// Draws columns (a time series) instead of rows.
    #[prop(optional)]
    columns: bool,
) -> impl IntoView {
    let lengths = lengths(&bars.iter().map(|b| b.value).collect::<Vec<_>>());
    let items = bars
        .into_iter()
        .zip(lengths)
        .map(|(bar, length)| {
            let (y, w, h) = if columns {
                (1000 - length, 1000, length)
            } else {
                (0, length, 1000)
            };
            view! {
                <li><a class="bar" href=bar.href>
                    <svg class="bar-svg" viewBox="0 0 1000 1000" preserveAspectRatio="none" aria-hidden="true">
                        <rect class=bar.class y=y width=w height=h></rect>
                    </svg>
                    <span class="bar-text">
                        <span class="bar-label">{bar.label}</span>" "
                        <span class="bar-value">{bar.text}</span>
                    </span>
                </a></li>
            }
        })
        .collect_view();
    view! {
        <figure class="chart" class:columns=columns>
            <figcaption>{caption}</figcaption>
            <ul class="bars">{items}</ul>
        </figure>
    }
}

/// Each value in per mille of the largest, rounded; a non-zero value stays visible (≥ 10‰).
pub fn lengths(values: &[usize]) -> Vec<usize> {
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    values
        .iter()
        .map(|&v| match v {
            0 => 0,
            v => ((v * 1000 + max / 2) / max).max(10),
        })
        .collect()
}

/// `part` as a whole percentage of `whole`, rounded: "26%" (0% of nothing).
pub fn percent(part: usize, whole: usize) -> String {
    format!("{}%", (part * 100 + whole / 2) / whole.max(1))
}

#[cfg(test)]
mod tests {
    use super::{lengths, percent};

    #[test]
    fn bars_scale_to_the_largest_and_small_ones_stay_visible() {
        assert_eq!(lengths(&[50, 100, 25, 0]), [500, 1000, 250, 0]);
        assert_eq!(lengths(&[1, 1_000]), [10, 1000]);
        assert_eq!(lengths(&[2, 3]), [667, 1000]);
        assert_eq!(lengths(&[0, 0]), [0, 0]);
        assert!(lengths(&[]).is_empty());
        assert_eq!(percent(312, 1_204), "26%");
        assert_eq!(percent(0, 0), "0%");
        assert_eq!(percent(1, 8), "13%");
    }
}
