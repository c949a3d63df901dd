// Inside training: per-layer gradient norms (log scale) with the diagnosis's findings, and the
// network view that runs one glass-box step. Each panel appears only when the service has its
// endpoint (GET /jobs/{id}/layers, GET /jobs/{id}/diagnosis, POST /models/{id}/step). The
// gradient norms come with each epoch event of the job's stream (its `layers`), so nothing is
// read twice; only the diagnosis is asked for, at most every 1.5 s.
import { api, hasRoute } from './api.js';
import { lineChart, PALETTE } from './chart.js';
import { h, num, message } from './dom.js';

/** Renders what the service supports; answers a function that takes each epoch event's data (or null). */
export async function renderInsight(host, job, signal) {
  const [layers, diagnosis, step] = await Promise.all([
    hasRoute('/api/v1/jobs/{id}/layers'), hasRoute('/api/v1/jobs/{id}/diagnosis'), hasRoute('/api/v1/models/{id}/step')]);
  if (signal.aborted) return null;
  const grid = h('div', { class: 'grid2' });
  let onEpoch = null;
  if (layers) {
    const chart = h('figure', { class: 'panel', id: 'gradient-chart', 'aria-label': 'Gradient norm per layer, log scale' });
    const findings = h('div', { class: 'findings' });
    grid.append(h('section', { class: 'panel wide', 'aria-labelledby': 'grad-title' },
      h('h2', { id: 'grad-title' }, 'Gradient norm per layer'), h('div', { class: 'grid2 inner' }, chart, findings)));
    const byLayer = new Map();
    const redraw = throttle(() => drawLayers(job, byLayer, chart, findings, diagnosis), 1500);
    onEpoch = (epoch) => {
      for (const r of epoch.layers || []) {
        if (!byLayer.has(r.layer)) byLayer.set(r.layer, []);
        byLayer.get(r.layer).push([r.epoch, r.gradientNorm]);
        chart.dataset.epochs = r.epoch;
      }
      redraw();
    };
    redraw();
  }
  if (step && job.datasetId) {
    grid.append(networkPanel(job));
  }
  host.replaceChildren(grid);
  return onEpoch;
}

async function drawLayers(job, byLayer, chart, findings, withDiagnosis) {
  lineChart(chart, [...byLayer].map(([layer, points], i) => ({ name: `layer ${layer}`, color: PALETTE[i % PALETTE.length], points })),
    { title: 'Gradient norm per layer (log scale)', logY: true });
  if (!withDiagnosis) return;
  try {
    const { findings: list } = await api(`/jobs/${job.id}/diagnosis`);
    findings.replaceChildren(h('h3', {}, 'Diagnosis'), list.length
      ? h('ul', { class: 'finding-list' }, list.map((f) => h('li', { class: `finding ${f.severity}` },
        h('strong', {}, f.kind.replaceAll('_', ' ')), ` · layers ${(f.layers || []).join(', ')} · epochs ${f.fromEpoch}–${f.toEpoch}`,
        h('p', {}, f.advice), h('p', { class: 'muted' }, evidence(f.evidence)))))
      : h('p', { class: 'muted' }, 'No findings: the gradients look healthy.'));
  } catch (e) {
    findings.replaceChildren(message('error', `Diagnosis unavailable: ${e.message}`));
  }
}

function evidence(e) {
  if (!e || typeof e !== 'object') return e ?? '';
  return Object.entries(e).map(([k, v]) => `${k} ${typeof v === 'number' ? num(v, 3) : JSON.stringify(v)}`).join(' · ');
}

function throttle(fn, ms) {
  let last = 0;
  let timer = null;
  return () => {
    const wait = last + ms - Date.now();
    if (wait <= 0) { last = Date.now(); fn(); return; }
    if (!timer) timer = setTimeout(() => { timer = null; last = Date.now(); fn(); }, wait);
  };
}

function networkPanel(job) {
  const view = h('div', { class: 'network', 'aria-live': 'polite' });
  const run = h('button', { type: 'button', onclick: async () => {
    run.disabled = true;
    try {
      const body = { datasetId: job.datasetId, offset: 0, rows: 8 };
      if (job.epoch > 0) Object.assign(body, { jobId: job.id, epoch: job.epoch });
      drawNetwork(view, await api(`/models/${job.modelId}/step`, { method: 'POST', json: body }));
    } catch (e) {
      view.replaceChildren(message('error', e.message));
    } finally {
      run.disabled = false;
    }
  } }, 'Run one step on 8 rows');
  return h('section', { class: 'panel wide', 'aria-labelledby': 'net-title' }, h('h2', { id: 'net-title' }, 'The network, one step'),
    h('p', { class: 'muted' }, 'Forward: fill shows each unit’s mean |activation|. Backward: the ring shows its mean |∂L/∂z|. Lines: |weight|.'),
    run, view);
}

const meanAbs = (matrix, unit) => matrix.reduce((s, row) => s + Math.abs(row[unit]), 0) / Math.max(1, matrix.length);

function drawNetwork(view, step) {
  const MAX = 14;
  const dense = (step.layers || []).filter((l) => l.a && l.a[0]);
  const columns = [{ name: 'input', units: step.input[0].length, act: (u) => meanAbs(step.input, u), grad: () => 0 }]
    .concat(dense.map((l) => ({ name: `${l.kind} ${l.layer}`, units: l.a[0].length, act: (u) => meanAbs(l.a, u),
      grad: (u) => (l.dLdz ? meanAbs(l.dLdz, u) : 0), weights: l.weights })));
  const width = 120 * columns.length + 40;
  const height = 34 * MAX + 60;
  const maxAct = Math.max(1e-12, ...columns.flatMap((c) => range(Math.min(c.units, MAX)).map(c.act)));
  const maxGrad = Math.max(1e-12, ...columns.flatMap((c) => range(Math.min(c.units, MAX)).map(c.grad)));
  const pos = (ci, u, n) => [60 + ci * 120, 40 + (u + 0.5) * ((height - 60) / n)];
  let svg = `<svg viewBox="0 0 ${width} ${height}" class="chart" role="img"><title>Activations and gradients of one step</title>`;
  columns.forEach((c, ci) => {
    const n = Math.min(c.units, MAX);
    if (ci > 0 && c.weights) {
      const prev = Math.min(columns[ci - 1].units, MAX);
      const maxW = Math.max(1e-12, ...c.weights.slice(0, prev).flatMap((r) => r.slice(0, n).map(Math.abs)));
      for (let i = 0; i < prev; i++) {
        for (let j = 0; j < n; j++) {
          const w = c.weights[i][j];
          const [x1, y1] = pos(ci - 1, i, prev);
          const [x2, y2] = pos(ci, j, n);
          svg += `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${w >= 0 ? '#2f6fde' : '#e0672d'}" stroke-opacity="0.35" stroke-width="${(0.2 + 2.6 * Math.abs(w) / maxW).toFixed(2)}"/>`;
        }
      }
    }
    svg += `<text x="${60 + ci * 120}" y="22" text-anchor="middle" class="axis">${c.name}${c.units > MAX ? ` (${MAX} of ${c.units})` : ''}</text>`;
    for (let u = 0; u < n; u++) {
      const [x, y] = pos(ci, u, n);
      const a = c.act(u) / maxAct;
      const g = c.grad(u) / maxGrad;
      svg += `<circle cx="${x}" cy="${y}" r="9" fill="rgba(47,111,222,${(0.08 + 0.92 * a).toFixed(2)})" stroke="#d6404a" stroke-width="${(0.5 + 4 * g).toFixed(2)}"><title>${c.name} unit ${u}: |a| ${num(c.act(u), 3)}, |∂L/∂z| ${num(c.grad(u), 3)}</title></circle>`;
    }
  });
  svg += '</svg>';
  view.innerHTML = svg;
  view.append(h('p', {}, `loss ${num(step.loss, 5)} → after the update ${num(step.lossAfter, 5)}`));
}

const range = (n) => Array.from({ length: n }, (_, i) => i);
