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

// Each page's address and the split point its code is in (`src/pages/lazy.rs`), in the router's order (`src/routes`:
// a test there checks this list against the page table; `cargo xtask dist` checks the names).
const ROUTES = [
  ['/', 'risk'],
  ['/users', 'risk'],
  ['/users/:id', 'risk'],
  ['/detections', 'risk'],
  ['/behaviors', 'admin'],
  ['/access', 'admin'],
  ['/integrations', 'admin'],
  ['/integrations/new', 'admin'],
  ['/integrations/:id', 'admin'],
  ['/settings', 'admin'],
];

// Every page's code is a wasm chunk: fetch and compile those of this address while the main
// module loads, so a deep link waits for no extra round trip and no compile after the main
// module's. `cargo xtask dist` writes each split point's files into this script tag's
// `data-chunks` (`chunk_N` as N, other files by name) after `data-chunk-base`, and makes the
// chunk loader instantiate a module compiled here (`globalThis.ztChunks`, by path) instead of
// fetching it; a compile that failed is forgotten, so the loader's retry fetches again. A debug
// build has no chunks.
const script = document.querySelector('script[data-trunk-js]');
try {
  const { chunkBase, chunks } = script.dataset;
  const at = location.pathname.split('/');
  const route = ROUTES.find(([path]) => {
    const parts = path.split('/');
    return parts.length === at.length && parts.every((p, i) => (p === ':id' ? at[i] !== '' : p === at[i]));
  });
  const early = (globalThis.ztChunks ||= {});
  for (const file of (route && chunks && JSON.parse(chunks)[route[1]]) || []) {
    const href = chunkBase + (typeof file === 'number' ? 'chunk_' + file : file) + '.wasm';
    early[href] = WebAssembly.compileStreaming(fetch(href));
    early[href].catch(() => delete early[href]);
  }
} catch (_) { /* no chunk list: the loader fetches them when the page opens */ }

// Loads the wasm without an inline script, so the CSP stays `script-src 'self'`. Trunk writes
// the hashed file names into this tag's data attributes.
const { trunkJs, trunkWasm } = script.dataset;
const { default: init } = await import(trunkJs);
await init({ module_or_path: trunkWasm });
