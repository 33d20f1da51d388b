// Measuring scripts for the console benchmark, run the same way on the console and on the
// hand-written reference. `afterPaint` resolves once the next frame has been rendered: a
// requestAnimationFrame callback runs just before the frame's style, layout and paint, and a
// message posted from it is handled after them.
'use strict';

// FIRST_ROW (injected before any page script): `window.__ztFirstRow` resolves with
// performance.now() (ms since navigation start) after the frame that first shows a data row
// (`table tbody tr td`, never a skeleton) has been painted; on Overview, which has no table,
// its summary figures (the `#overview-users` heading comes with them).
//@FIRST_ROW
window.__ztAfterPaint = () => new Promise(resolve => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(0);
}));
window.__ztFirstRow = new Promise(resolve => {
  const shown = () => document.querySelector('table tbody tr td, #overview-users');
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

// QUERIES (async script, optional argument: the rows' name links, the users table's by
// default): what to type, from the distinct names on the first page: each of three names typed
// a character at a time, then erased a character at a time.
//@QUERIES
{
  const done = arguments[arguments.length - 1];
  const links = typeof arguments[0] === 'string' ? arguments[0] : 'table.users tbody tr a';
  const names = [...new Set([...document.querySelectorAll(links)].map(a => a.textContent))];
  const queries = [];
  for (const name of [names[3], names[17], names[41]].filter(Boolean)) {
    for (let i = 1; i <= name.length; i++) queries.push(name.slice(0, i));
    for (let i = name.length - 1; i >= 0; i--) queries.push(name.slice(0, i));
  }
  done(queries);
}
//@END

// KEYS (async script, arguments [queries, expected, search box id, rows' name links]; the
// last two default to the users page's): for each query, sets the search box's value, fires
// `input`, and waits frame by frame until the page shows `expected[i]` (the first row's name and
// the pager status; any state when `expected` is null; with 'settle', until the state has not
// changed for three frames); returns [ms, state] per keystroke, ms from just before the event to
// just after the frame that shows the result.
//@KEYS
{
  const [queries, expected] = arguments;
  const box = typeof arguments[2] === 'string' ? arguments[2] : 'user-search';
  const links = typeof arguments[3] === 'string' ? arguments[3] : 'table.users tbody tr a';
  const done = arguments[arguments.length - 1];
  const state = () => {
    const first = document.querySelector(links);
    const status = document.querySelector('.pager [role=status]');
    return (first ? first.textContent : '') + ' | ' + (status ? status.textContent : '');
  };
  (async () => {
    const input = document.getElementById(box);
    const before = state();
    const out = [];
    for (let i = 0; i < queries.length; i++) {
      await window.__ztAfterPaint();
      await window.__ztAfterPaint();
      const t0 = performance.now();
      input.value = queries[i];
      input.dispatchEvent(new Event('input', { bubbles: true }));
      let shown, same = 0;
      for (;;) {
        await window.__ztAfterPaint();
        const now = state();
        same = now === shown ? same + 1 : 0;
        shown = now;
        if (expected === 'settle') {
          if (same >= 3) break;
          continue;
        }
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

// LOAD (async script, on Detections with nothing loaded): clicks "Load events for N users" (all
// users, the default scope) and waits for the run's "Done" with its progress bar at N of N;
// returns the ms from the click to then, the "In memory" line and the failures listed.
//@LOAD
{
  const done = arguments[arguments.length - 1];
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  (async () => {
    const find = () => [...document.querySelectorAll('button')]
      .find(b => b.textContent.trim().startsWith('Load events for'));
    const start = performance.now();
    while (!find()) {
      if (performance.now() - start > 60000) return { error: 'no Load events button' };
      await sleep(50);
    }
    const users = find().textContent.replace(/[^0-9]/g, '');
    const t0 = performance.now();
    find().click();
    for (;;) {
      const status = document.querySelector('.run [role=status]');
      const bar = document.querySelector('.run [role=progressbar]');
      const all = bar && bar.getAttribute('aria-valuenow') === users
        && bar.getAttribute('aria-valuemax') === users;
      if (all && status && status.textContent.startsWith('Done')) break;
      if (performance.now() - t0 > 900000) return { error: 'not done: ' + (status && status.textContent) };
      await sleep(20);
    }
    const ms = performance.now() - t0;
    // The store publishes results at most every 200 ms: let the last ones in before reading.
    await sleep(500);
    const memory = document.querySelector('.load-events p');
    const failed = document.querySelectorAll('.run-failures li').length;
    return { ms, memory: memory ? memory.textContent : '', failed };
  })().then(done, e => done({ error: String(e) }));
}
//@END

// EXPORT (async script, argument: the button's label): clicks it and waits for the page to
// hand the finished Blob to the download (`URL.createObjectURL`); returns the ms from the click
// to then, the file's bytes, and the longest gap between two painted frames meanwhile (how
// long the page was frozen at most).
//@EXPORT
{
  const [label] = arguments;
  const done = arguments[arguments.length - 1];
  (async () => {
    const button = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === label);
    if (!button) return { error: 'no button ' + label };
    const make = URL.createObjectURL;
    const built = new Promise(resolve => {
      URL.createObjectURL = blob => {
        URL.createObjectURL = make;
        resolve({ at: performance.now(), bytes: blob.size });
        return make.call(URL, blob);
      };
    });
    let gap = 0, last = null, running = true;
    const frame = now => {
      if (last !== null) gap = Math.max(gap, now - last);
      last = now;
      if (running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    await window.__ztAfterPaint();
    const t0 = performance.now();
    button.click();
    const limit = new Promise(r => setTimeout(() => r(null), 300000));
    const file = await Promise.race([built, limit]);
    running = false;
    if (!file) return { error: 'no file within 300 s' };
    return { ms: file.at - t0, bytes: file.bytes, gap };
  })().then(done, e => done({ error: String(e) }));
}
//@END

// MEMORY (injected before any page script, for the memory suite): `window.__ztMemory` holds
// when the summary's response arrived (`responseEnd` of its resource timing, boot.js's early
// request included) and, each time one of them changes, the texts of the Detections pager,
// the run status and the "Stored in this browser" line, with performance.now().
//@MEMORY
window.__ztMemory = { summary: null, seen: [] };
new PerformanceObserver(list => {
  for (const e of list.getEntries()) {
    if (window.__ztMemory.summary === null && e.name.endsWith('/zt_risk_scoring/summary')) {
      window.__ztMemory.summary = e.responseEnd;
    }
  }
}).observe({ type: 'resource', buffered: true });
{
  const text = s => { const el = document.querySelector(s); return el ? el.textContent : ''; };
  let last = '';
  new MutationObserver(() => {
    const now = [text('.pager [role=status]'), text('.run [role=status]'), text('.load-events .stored')];
    const key = now.join('\n');
    if (key !== last) {
      last = key;
      window.__ztMemory.seen.push([performance.now(), ...now]);
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}
//@END

// SETTLED (async script, arguments [events or null, limit ms]; needs MEMORY): waits until the
// Detections pager counts at least `events` events (with null: until a run reads "Done"), then
// returns when the summary arrived, when that was first shown, the first shown row count and
// the latest "Stored in this browser" line.
//@SETTLED
{
  const [events, limit] = arguments;
  const done = arguments[arguments.length - 1];
  const total = t => Number((t.split(' of ').pop() || '').replace(/[^0-9]/g, '')) || 0;
  const reached = e => events === null ? e[2].startsWith('Done') : total(e[1]) >= events;
  (async () => {
    const t0 = performance.now();
    for (;;) {
      const m = window.__ztMemory;
      const hit = m && m.seen.find(reached);
      if (hit) {
        const stored = m.seen.map(e => e[3]).filter(Boolean).pop() || '';
        const first = m.seen.find(e => total(e[1]) > 0);
        return { summary: m.summary, at: hit[0], shown: total(hit[1]), first: first ? first[0] : null, stored };
      }
      if (performance.now() - t0 > limit) {
        return { error: 'not settled: ' + JSON.stringify(m && m.seen.slice(-3)) };
      }
      await new Promise(r => setTimeout(r, 20));
    }
  })().then(done, e => done({ error: String(e) }));
}
//@END

// LONGTASKS (injected before any page script): `window.__ztLong` lists every long task
// (over 50 ms on the main thread) as [start, duration], from the PerformanceObserver.
//@LONGTASKS
window.__ztLong = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) window.__ztLong.push([e.startTime, e.duration]);
}).observe({ type: 'longtask', buffered: true });
//@END
