//! Entry point: load the runtime config.json, then mount the console.

use zt_risk_console::session::RuntimeConfig;
use zt_risk_console::App;

/// Talc instead of Rust's default wasm allocator (dlmalloc): decoding a 50,000-user summary
/// makes some 150,000 small allocations, and Talc makes them faster in less code.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    console_error_panic_hook::set_once();
    // Leptos' executor is only set up by `mount_to_body`, so this first task uses the
    // browser's microtask queue directly.
    wasm_bindgen_futures::spawn_local(async {
        let config = RuntimeConfig::load().await;
        leptos::mount::mount_to_body(move || leptos::view! { <App config/> });
    });
}
