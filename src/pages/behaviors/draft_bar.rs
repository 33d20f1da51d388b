//! The unsaved-changes bar: the count, Discard and Save, and the error of a failed save.
//!
//! It never clears the draft on failure: the edits stay until saved or discarded.

use leptos::prelude::*;

use super::draft::BehaviorsDraft;
use super::save::Saving;
use crate::components::ErrorView;
use crate::text::plural;

/// The sticky bar shown while the draft has changes, with the last save error above it.
/// "Save changes" opens the review; Retry runs the failed Apply again.
#[component]
pub fn DraftBar(
    /// The unsaved edits.
    draft: RwSignal<BehaviorsDraft>,
    /// The review and the save.
    saving: Saving,
    /// Drops the edits.
    on_discard: Callback<()>,
) -> impl IntoView {
    let count = Memo::new(move |_| draft.with(|d| d.count()));
    let blocked = Memo::new(move |_| draft.with(|d| d.needs_level().len()));
    let pending = saving.apply.pending();
    let error = move || {
        (!pending.get())
            .then(|| saving.apply.value().get().and_then(Result::err))
            .flatten()
    };
    view! {
        {move || error().map(|error| view! {
            <ErrorView error on_retry=Callback::new(move |()| { saving.apply.dispatch(()); })/>
        })}
        <Show when=move || { count.get() > 0 }>
            <div class="draft-bar" role="region" aria-label="Unsaved changes">
                <p role="status">{move || plural(count.get(), "unsaved change", "unsaved changes")}</p>
                {move || (blocked.get() > 0).then(|| view! {
                    <p class="field-error">
                        "Choose Low, Medium or High for each changed behavior whose level is unknown."
                    </p>
                })}
                <div class="actions">
                    <button type="button" class="button secondary" disabled=pending
                        on:click=move |_| on_discard.run(())>"Discard"</button>
                    <button type="button" class="button" disabled=move || { pending.get() || blocked.get() > 0 }
                        on:click=move |_| saving.review()>
                        {move || if pending.get() { "Saving…" } else { "Save changes" }}
                    </button>
                </div>
            </div>
        </Show>
    }
}
