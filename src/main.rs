//! Entry point: load the runtime config.json, then mount the console.

use zt_risk_console::session::RuntimeConfig;
use zt_risk_console::App;

fn main() {
    console_error_panic_hook::set_once();
    // Leptos' executor is only set up by `mount_to_body`, so this first task uses the
    // browser's microtask queue directly.
    wasm_bindgen_futures::spawn_local(async {
        let config = RuntimeConfig::load().await;
        leptos::mount::mount_to_body(move || leptos::view! { <App config/> });
    });
}
