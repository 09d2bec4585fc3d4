// An experiment's page: polls its progress (JSON, with the session) until it ends, and keeps the
// case table (sortable by its headings) and the scatter plot of a KPI against a parameter current.
(function () {
  const root = document.getElementById('experiment');
  if (!root) { return; }
  const base = root.dataset.base;
  const table = document.getElementById('cases');
  const xs = document.getElementById('scatter-x');
  const ys = document.getElementById('scatter-y');
  const canvas = document.getElementById('scatter');
  let data = { parameters: [], kpis: [], rows: [] };
  let seen = null;
  let sortKey = 'index';
  let sortDir = 1;
  let chart = null;

  function get(path) {
    return fetch(base + path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); });
  }

  function text(id, value) {
    const el = document.getElementById(id);
    if (el) { el.textContent = value; }
  }

  function poll() {
    get('/progress').then(function (p) {
      const bar = document.getElementById('progress');
      bar.max = p.total;
      bar.value = p.done;
      text('status', p.status);
      text('charged', p.charged);
      text('held', p.held);
      text('progress-text', p.done + ' of ' + p.total + ' done · ' + p.running + ' running · '
        + p.succeeded + ' succeeded · ' + p.failed + ' failed · ' + p.cancelled + ' cancelled');
      const now = [p.done, p.running, p.status].join('/');
      const next = now !== seen ? loadCases() : Promise.resolve();
      seen = now;
      next.then(function () {
        if (p.finished) {
          const cancel = document.getElementById('cancel-form');
          if (cancel) { cancel.remove(); }
          root.dataset.finished = 'true';
        } else {
          setTimeout(poll, 1000);
        }
      });
    }).catch(function () { setTimeout(poll, 3000); });
  }

  function loadCases() {
    return get('/cases').then(function (d) { data = d; options(); render(); plot(); });
  }

  function columns() {
    return [{ key: 'index', label: '#' }, { key: 'status', label: 'status' }]
      .concat(data.parameters.map(function (p) { return { key: 'v:' + p, label: p }; }))
      .concat(data.kpis.map(function (k) { return { key: 'v:' + k, label: k }; }))
      .concat([{ key: 'cost', label: 'credits' }, { key: 'node', label: 'node' }]);
  }

  function value(row, key) {
    return key.indexOf('v:') === 0 ? row.values[key.substring(2)] : row[key];
  }

  function show(v) {
    if (v === null || v === undefined) { return ''; }
    return typeof v === 'number' && !Number.isInteger(v) ? String(Number(v.toPrecision(6))) : String(v);
  }

  function compare(a, b) {
    if (a === b) { return 0; }
    if (a === null || a === undefined) { return 1; }
    if (b === null || b === undefined) { return -1; }
    if (typeof a === 'number' && typeof b === 'number') { return (a - b) * sortDir; }
    return String(a).localeCompare(String(b)) * sortDir;
  }

  function render() {
    const cols = columns();
    const head = table.querySelector('thead tr');
    head.replaceChildren();
    cols.forEach(function (c) {
      const th = document.createElement('th');
      th.textContent = c.label + (c.key === sortKey ? (sortDir > 0 ? ' ▲' : ' ▼') : '');
      th.dataset.key = c.key;
      th.scope = 'col';
      th.className = 'sortable';
      th.addEventListener('click', function () {
        sortDir = sortKey === c.key ? -sortDir : 1;
        sortKey = c.key;
        render();
      });
      head.appendChild(th);
    });
    const rows = data.rows.slice().sort(function (a, b) {
      return compare(value(a, sortKey), value(b, sortKey));
    });
    const body = table.querySelector('tbody');
    body.replaceChildren();
    rows.forEach(function (r) {
      const tr = document.createElement('tr');
      tr.dataset.index = r.index;
      cols.forEach(function (c) {
        const td = document.createElement('td');
        td.dataset.label = c.label;
        td.textContent = show(value(r, c.key));
        if (c.key === 'status' && r.failure) { td.title = r.failure; }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function fill(select, names) {
    const chosen = select.value;
    if (select.options.length === names.length) { return; }
    select.replaceChildren();
    names.forEach(function (n) { select.add(new Option(n, n, false, n === chosen)); });
  }

  function options() {
    fill(xs, data.parameters);
    fill(ys, data.kpis);
  }

  function plot() {
    if (!window.Chart || !canvas) { return; }
    const x = xs.value;
    const y = ys.value;
    const points = data.rows
      .filter(function (r) { return typeof r.values[x] === 'number' && typeof r.values[y] === 'number'; })
      .map(function (r) { return { x: r.values[x], y: r.values[y] }; });
    if (chart) { chart.destroy(); }
    chart = new Chart(canvas, {
      type: 'scatter',
      data: { datasets: [{ label: y + ' against ' + x, data: points, backgroundColor: '#2457d6' }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
                 scales: { x: { title: { display: true, text: x } }, y: { title: { display: true, text: y } } } }
    });
    canvas.dataset.plotted = 'true';
    canvas.dataset.points = points.length;
  }

  xs.addEventListener('change', plot);
  ys.addEventListener('change', plot);
  poll();
})();
