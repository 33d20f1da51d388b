//! Toasts: short confirmations after a save, announced politely, gone after a few seconds.

use leptos::prelude::*;

/// The toast queue, provided at the root.
#[derive(Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<(u64, String)>>,
    next: StoredValue<u64>,
}

impl Default for Toasts {
    fn default() -> Self {
        Self {
            items: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
        }
    }
}

impl Toasts {
    /// Shows `message` for five seconds.
    pub fn show(&self, message: impl Into<String>) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.items.update(|items| items.push((id, message.into())));
        let items = self.items;
        set_timeout(
            move || {
                items
                    .try_update(|items| items.retain(|(i, _)| *i != id))
                    .unwrap_or(())
            },
            std::time::Duration::from_secs(5),
        );
    }
}

/// The toasts of the current context.
pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

/// The live region where toasts appear; rendered once by the layout.
#[component]
pub fn Toaster() -> impl IntoView {
    let toasts = use_toasts();
    view! {
        <div class="toasts" role="status" aria-live="polite">
            <For each=move || toasts.items.get() key=|(id, _)| *id let:item>
                <div class="toast">{item.1}</div>
            </For>
        </div>
    }
}
