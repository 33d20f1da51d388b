// Applies the theme chosen in the console's header (light or dark; absent = the system's) to
// <html> first, so the page is painted in it from the start. Same key as `storage::KEY_THEME`.
try {
  const theme = localStorage.getItem('zt-risk.theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (_) { /* storage blocked: follow the system */ }

// Loads the console's wasm without an inline script, so the Content-Security-Policy can stay
// `script-src 'self'`. Trunk writes the hashed file names into this script tag's data attributes.
const tag = document.querySelector('script[data-trunk-js]');
const { trunkJs, trunkWasm } = tag.dataset;
const { default: init } = await import(trunkJs);
await init({ module_or_path: trunkWasm });
