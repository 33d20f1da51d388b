// The storage keys this script reads, written by the console (`src/session/storage.rs`; a test
// there checks that these are its keys).
const KEYS = { theme: 'zt-risk.theme', bootRequest: 'zt-risk.boot-request' };

// Applies the theme chosen in the header before the first paint.
try {
  const theme = localStorage.getItem(KEYS.theme);
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (_) { /* storage blocked: follow the system */ }

// Sends the landing page's summary request while the wasm loads, as the hint of an earlier
// visit describes it (`src/api/boot_request.rs`: URL and token key, never a token). The console
// takes the response if the hint still matches its request, and aborts it otherwise.
try {
  const hint = localStorage.getItem(KEYS.bootRequest);
  const [paths, url, key, demoToken] = JSON.parse(hint);
  const token = (localStorage.getItem(key) || sessionStorage.getItem(key) || demoToken || '').trim();
  if (token && paths.includes(location.pathname) && !new URLSearchParams(location.search).has('profile')) {
    const controller = new AbortController();
    const response = fetch(url, { headers: { Authorization: 'Bearer ' + token }, signal: controller.signal });
    response.catch(() => {}); // reported by the console, or aborted
    window.ztBootRequest = { hint, response, controller };
    performance.mark('zt-boot-request');
  }
} catch (_) { /* no hint: the console sends the request itself */ }

// Loads the wasm without an inline script, so the CSP stays `script-src 'self'`. Trunk writes
// the hashed file names into this tag's data attributes.
const { trunkJs, trunkWasm } = document.querySelector('script[data-trunk-js]').dataset;
const { default: init } = await import(trunkJs);
await init({ module_or_path: trunkWasm });
