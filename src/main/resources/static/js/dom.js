// A small helper to build elements, and formatting shared by the views.

export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) node.append(child);
  }
  return node;
}

export const num = (v, digits = 4) => (v === undefined || v === null ? '–' : Number(v).toPrecision(digits).replace(/\.?0+$/, ''));
export const pct = (v) => (v === undefined || v === null ? '–' : `${(v * 100).toFixed(1)} %`);
export const shortId = (id) => id.slice(0, 8);
export const FINISHED = ['succeeded', 'failed', 'cancelled'];

export function statusBadge(status) {
  return h('span', { class: `badge ${status}`, 'data-status': status }, status);
}

export function progressBar(progress, label) {
  const value = Math.round((progress || 0) * 100);
  return h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': value, 'aria-label': label },
    h('span', { style: `width:${value}%` }));
}

/** The headline metric of a job: accuracy for classification, RMSE for regression. */
export function headline(metrics) {
  if (!metrics) return '–';
  if (metrics.valAccuracy !== undefined) return `val acc ${pct(metrics.valAccuracy)}`;
  if (metrics.accuracy !== undefined) return `acc ${pct(metrics.accuracy)}`;
  if (metrics.valRmse !== undefined) return `val RMSE ${num(metrics.valRmse)}`;
  if (metrics.rmse !== undefined) return `RMSE ${num(metrics.rmse)}`;
  return '–';
}

export function message(kind, text) {
  return h('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}
