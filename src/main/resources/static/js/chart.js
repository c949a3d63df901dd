// Line charts drawn as SVG by hand: a few series over epochs, linear or logarithmic y axis.

const SVG = 'http://www.w3.org/2000/svg';
export const PALETTE = ['#2f6fde', '#e0672d', '#1a9e77', '#c2378b', '#7a5cd6', '#a08a1a', '#3a9fc4', '#d6404a'];

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function ticks(min, max, count) {
  const span = max - min || Math.abs(max) || 1;
  const step0 = span / count;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= step0);
  const out = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) out.push(+t.toPrecision(12));
  return out;
}

function format(v) {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return v.toExponential(0);
  return +v.toPrecision(3) + '';
}

/**
 * Draws (or redraws) a chart into `host`.
 * series: [{name, color, dashed, points: [[x, y], ...]}]; options: {title, xLabel, logY, yMin}.
 */
export function lineChart(host, series, { title, xLabel = 'epoch', logY = false, yMin } = {}) {
  const width = 560;
  const height = 260;
  const m = { l: 56, r: 14, t: 14, b: 40 };
  const all = series.flatMap((s) => s.points).filter(([, y]) => Number.isFinite(y) && (!logY || y > 0));
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart' });
  svg.append(el('title', {}, title || 'chart'));
  const caption = document.createElement('figcaption');
  caption.textContent = title || '';
  host.replaceChildren(caption, svg);
  const legend = document.createElement('ul');
  legend.className = 'legend';
  for (const s of series) {
    const item = document.createElement('li');
    item.innerHTML = `<span class="swatch${s.dashed ? ' dashed' : ''}" style="--c:${s.color}"></span>`;
    item.append(s.name);
    legend.append(item);
  }
  host.append(legend);
  if (!all.length) {
    svg.append(el('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'muted' }, 'waiting for the first epoch…'));
    return;
  }
  const fy = logY ? Math.log10 : (v) => v;
  let x0 = Math.min(...all.map((p) => p[0]));
  let x1 = Math.max(...all.map((p) => p[0]));
  if (x0 === x1) { x0 -= 1; x1 += 1; }
  let y0 = Math.min(...all.map((p) => fy(p[1])));
  let y1 = Math.max(...all.map((p) => fy(p[1])));
  if (yMin !== undefined && !logY) y0 = Math.min(y0, yMin);
  if (logY) { y0 = Math.floor(y0); y1 = Math.ceil(y1); }
  if (y0 === y1) { y0 -= 0.5; y1 += 0.5; }
  const pad = logY ? 0 : (y1 - y0) * 0.06;
  y0 -= yMin !== undefined && y0 >= yMin ? 0 : pad;
  y1 += pad;
  const sx = (x) => m.l + ((x - x0) / (x1 - x0)) * (width - m.l - m.r);
  const sy = (y) => height - m.b - ((fy(y) - y0) / (y1 - y0)) * (height - m.t - m.b);
  const grid = el('g', { class: 'grid' });
  const yTicks = logY ? Array.from({ length: y1 - y0 + 1 }, (_, i) => 10 ** (y0 + i)) : ticks(y0, y1, 5);
  for (const t of yTicks) {
    const y = sy(t);
    grid.append(el('line', { x1: m.l, x2: width - m.r, y1: y, y2: y }));
    grid.append(el('text', { x: m.l - 8, y: y + 4, 'text-anchor': 'end' }, format(t)));
  }
  for (const t of ticks(x0, x1, 6).filter((t) => Number.isInteger(t))) {
    const x = sx(t);
    grid.append(el('line', { x1: x, x2: x, y1: m.t, y2: height - m.b, class: 'v' }));
    grid.append(el('text', { x, y: height - m.b + 16, 'text-anchor': 'middle' }, format(t)));
  }
  grid.append(el('text', { x: (m.l + width - m.r) / 2, y: height - 6, 'text-anchor': 'middle', class: 'axis' }, xLabel));
  svg.append(grid);
  for (const s of series) {
    const pts = s.points.filter(([, y]) => Number.isFinite(y) && (!logY || y > 0));
    if (!pts.length) continue;
    const d = pts.map(([x, y], i) => `${i ? 'L' : 'M'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join('');
    svg.append(el('path', { d, stroke: s.color, class: `line${s.dashed ? ' dashed' : ''}`, 'data-series': s.name, 'data-points': pts.length }));
    if (pts.length <= 60) {
      for (const [x, y] of pts) svg.append(el('circle', { cx: sx(x), cy: sy(y), r: 2.4, fill: s.color }));
    }
  }
}
