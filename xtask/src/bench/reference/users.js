// The benchmark's reference: the console's users list written by hand with plain DOM calls.
// It fetches the same config.json and GET /summary (same token), sorts the same way (risk level
// high first, then newest last event, then name, then id), filters the same way (the trimmed,
// lowercased search text in the lowercased name or email) and renders the same 50 rows (a
// checkbox, a name link, email, level badge, event count, a <time> with relative text and the
// absolute time as its title) with the same pager text. A careful JS developer's version: the
// keys are lowered once per summary and the sorted order is kept, so a keystroke only filters.
'use strict';

const PAGE = 50;
const RANK = { high: 3, medium: 2, low: 1 };

function relative(ms, now) {
  const secs = Math.round((now - ms) / 1000);
  const n = Math.abs(secs);
  if (n <= 44) return 'just now';
  let v, unit;
  if (n < 3600) { v = Math.max(1, Math.ceil(n / 60)); unit = 'minute'; }
  else if (n < 86400) { v = Math.floor(n / 3600); unit = 'hour'; }
  else if (n < 2592000) { v = Math.floor(n / 86400); unit = 'day'; }
  else if (n < 31536000) { v = Math.floor(n / 2592000); unit = 'month'; }
  else { v = Math.floor(n / 31536000); unit = 'year'; }
  const amount = v + ' ' + unit + (v === 1 ? '' : 's');
  return secs < 0 ? 'in ' + amount : amount + ' ago';
}

// Counts as the console shows them: digits grouped by three with commas (31,141).
function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function label(level) {
  return RANK[level] ? level[0].toUpperCase() + level.slice(1) : 'Unknown (' + level + ')';
}

async function load() {
  const config = await (await fetch('/config.json')).json();
  const base = config.api_base_url.replace(/\/+$/, '');
  const res = await fetch(base + '/accounts/' + encodeURIComponent(config.account_id) +
    '/zt_risk_scoring/summary', { headers: { Authorization: 'Bearer ' + config.demo_token } });
  const body = await res.json();
  if (!res.ok || !body.success) throw new Error('HTTP ' + res.status);
  return body.result.users;
}

function show(users) {
  const n = users.length;
  const ms = new Float64Array(n);
  const names = new Array(n);
  const emails = new Array(n);
  for (let i = 0; i < n; i++) {
    const u = users[i];
    ms[i] = Date.parse(u.last_event);
    names[i] = u.name.toLowerCase();
    emails[i] = u.email.toLowerCase();
  }
  const order = Array.from({ length: n }, (_, i) => i);
  const str = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  order.sort((a, b) => (RANK[users[b].max_risk_level] || 0) - (RANK[users[a].max_risk_level] || 0)
    || ms[b] - ms[a] || str(names[a], names[b]) || str(users[a].user_id, users[b].user_id));

  const counts = { high: 0, medium: 0, low: 0 };
  for (const u of users) if (counts[u.max_risk_level] !== undefined) counts[u.max_risk_level]++;
  const main = document.getElementById('main');
  document.getElementById('status').remove();
  const list = el('ul', 'counts');
  list.setAttribute('aria-label', 'Users by risk level');
  for (const [k, v] of [['High ', counts.high], ['Medium ', counts.medium], ['Low ', counts.low], ['Total ', n]]) {
    const li = el('li', null, k);
    li.append(el('strong', null, thousands(v)));
    list.append(li);
  }
  const bar = el('div', 'toolbar');
  bar.setAttribute('role', 'search');
  const field = el('div', 'field');
  const lab = el('label', null, 'Search users');
  lab.htmlFor = 'user-search';
  const input = el('input');
  Object.assign(input, { id: 'user-search', type: 'search', placeholder: 'Name or email', autocomplete: 'off' });
  field.append(lab, input);
  bar.append(field);
  const wrap = el('div', 'table-wrap');
  const table = el('table', 'users');
  const head = el('thead');
  const hr = el('tr');
  for (const h of ['Select', 'Name', 'Email', 'Risk level', 'Events', 'Last event']) hr.append(el('th', null, h));
  head.append(hr);
  const tbody = el('tbody');
  table.append(el('caption', 'visually-hidden', 'Users with risk events'), head, tbody);
  wrap.append(table);
  const pager = el('nav', 'pager');
  const status = el('span');
  status.setAttribute('role', 'status');
  pager.append(status);
  main.append(list, bar, wrap, pager);

  function render(rows) {
    const now = Date.now();
    const frag = document.createDocumentFragment();
    for (let k = 0; k < Math.min(PAGE, rows.length); k++) {
      const i = rows[k];
      const u = users[i];
      const tr = el('tr');
      const box = el('input');
      box.type = 'checkbox';
      box.setAttribute('aria-label', 'Select ' + (u.name || u.email));
      const a = el('a', null, u.name.trim() ? u.name : '(no name)');
      a.href = '/users/' + encodeURIComponent(u.user_id);
      const badge = el('span', 'badge ' + (RANK[u.max_risk_level] ? u.max_risk_level : ''), label(u.max_risk_level));
      const time = el('time', null, relative(ms[i], now));
      time.dateTime = u.last_event;
      time.title = new Date(ms[i]).toLocaleString();
      const cells = [box, a, u.email, badge, thousands(u.event_count), time];
      cells.forEach((c, j) => {
        const td = el('td', j === 4 ? 'num' : null);
        td.append(c);
        tr.append(td);
      });
      frag.append(tr);
    }
    tbody.replaceChildren(frag);
    status.textContent = rows.length
      ? 'Showing 1–' + Math.min(PAGE, rows.length) + ' of ' + thousands(rows.length)
      : 'No users match these filters';
  }

  function search() {
    const q = input.value.trim().toLowerCase();
    render(q ? order.filter(i => names[i].includes(q) || emails[i].includes(q)) : order);
  }
  input.addEventListener('input', search);
  render(order);
}

load().then(show, e => {
  document.getElementById('status').textContent = 'Failed: ' + e.message;
});
