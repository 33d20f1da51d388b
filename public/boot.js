// Loads the console's wasm without an inline script, so the Content-Security-Policy can stay
// `script-src 'self'`. Trunk writes the hashed file names into this script tag's data attributes.
const tag = document.querySelector('script[data-trunk-js]');
const { trunkJs, trunkWasm } = tag.dataset;
const { default: init } = await import(trunkJs);
await init({ module_or_path: trunkWasm });
