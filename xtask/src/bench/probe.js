// Measuring scripts for the console benchmark, run the same way on the console and on the
// hand-written reference. `afterPaint` resolves once the next frame has been rendered: a
// requestAnimationFrame callback runs just before the frame's style, layout and paint, and a
// message posted from it is handled after them.
'use strict';

// FIRST_ROW (injected before any page script): `window.__ztFirstRow` resolves with
// performance.now() (ms since navigation start) after the frame that first shows a data row
// (`table tbody tr td`, never a skeleton) has been painted.
//@FIRST_ROW
window.__ztAfterPaint = () => new Promise(resolve => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(0);
}));
window.__ztFirstRow = new Promise(resolve => {
  const shown = () => document.querySelector('table tbody tr td');
  const observer = new MutationObserver(() => {
    if (shown()) {
      observer.disconnect();
      window.__ztAfterPaint().then(() => resolve(performance.now()));
    }
  });
  observer.observe(document, { childList: true, subtree: true });
});
//@END

// WAIT_FIRST_ROW (async script): the first-row time, or an error after 60 s.
//@WAIT_FIRST_ROW
{
  const done = arguments[arguments.length - 1];
  const limit = new Promise(r => setTimeout(() => r({ error: 'no row within 60 s: ' + document.body.innerText.slice(0, 300) }), 60000));
  Promise.race([window.__ztFirstRow.then(ms => ({ ms })), limit]).then(done);
}
//@END

// QUERIES (async script): what to type, from the names on the first page: each of three names
// typed a character at a time, then erased a character at a time.
//@QUERIES
{
  const done = arguments[arguments.length - 1];
  const names = [...document.querySelectorAll('table.users tbody tr a')].map(a => a.textContent);
  const queries = [];
  for (const name of [names[3], names[17], names[41]].filter(Boolean)) {
    for (let i = 1; i <= name.length; i++) queries.push(name.slice(0, i));
    for (let i = name.length - 1; i >= 0; i--) queries.push(name.slice(0, i));
  }
  done(queries);
}
//@END

// KEYS (async script, arguments [queries, expected]): for each query, sets the search box's
// value, fires `input`, and waits frame by frame until the page shows `expected[i]` (the first
// row's name and the pager status; any state when `expected` is null); returns [ms, state] per
// keystroke, ms from just before the event to just after the frame that shows the result.
//@KEYS
{
  const [queries, expected] = arguments;
  const done = arguments[arguments.length - 1];
  const state = () => {
    const first = document.querySelector('table.users tbody tr a');
    const status = document.querySelector('.pager [role=status]');
    return (first ? first.textContent : '') + ' | ' + (status ? status.textContent : '');
  };
  (async () => {
    const input = document.getElementById('user-search');
    const before = state();
    const out = [];
    for (let i = 0; i < queries.length; i++) {
      await window.__ztAfterPaint();
      await window.__ztAfterPaint();
      const t0 = performance.now();
      input.value = queries[i];
      input.dispatchEvent(new Event('input', { bubbles: true }));
      let shown;
      for (;;) {
        await window.__ztAfterPaint();
        shown = state();
        if (!expected || shown === expected[i]) break;
        if (performance.now() - t0 > 20000) {
          return { error: `after typing ${JSON.stringify(queries[i])}: expected "${expected[i]}", the page shows "${shown}"` };
        }
      }
      out.push([performance.now() - t0, shown]);
    }
    return { results: out, before };
  })().then(done, e => done({ error: String(e) }));
}
//@END
