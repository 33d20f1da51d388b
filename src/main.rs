//! Entry point: load the runtime config.json, then mount the console.

use zt_risk_console::session::RuntimeConfig;
use zt_risk_console::App;

/// Talc instead of Rust's default wasm allocator (dlmalloc): 528 B less first load, and no
/// slower for the summary's tens of thousands of small strings (docs/benchmarks.md, "Kept
/// (run 21): Talc and one copy of the body").
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
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
