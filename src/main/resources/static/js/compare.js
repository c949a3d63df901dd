// Two or more jobs' curves on the same axes, drawn from their histories.
import { api } from './api.js';
import { lineChart, PALETTE } from './chart.js';
import { h, shortId, statusBadge, message, headline } from './dom.js';

export async function renderCompare(main, ids, signal) {
  const picker = h('fieldset', { class: 'panel picker' }, h('legend', {}, 'Jobs to compare'));
  const charts = h('div', { class: 'grid2' });
  const status = h('div');
  main.append(h('div', { class: 'heading' }, h('h1', {}, 'Compare jobs')), status, picker, charts);
  let jobs;
  try {
    jobs = (await api('/jobs?size=50')).content;
  } catch (e) {
    status.replaceChildren(message('error', `Could not load the jobs: ${e.message}`));
    return;
  }
  const known = new Set(jobs.map((j) => j.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) status.replaceChildren(message('error', `Unknown job id(s): ${unknown.join(', ')}`));
  const chosen = new Set(ids.filter((id) => known.has(id)));
  picker.append(h('div', { class: 'chips' }, jobs.map((j) => h('label', { class: 'chip' },
    h('input', { type: 'checkbox', value: j.id, checked: chosen.has(j.id), onchange: (e) => {
      if (e.target.checked) chosen.add(j.id); else chosen.delete(j.id);
      history.replaceState(null, '', `#/compare?ids=${[...chosen].join(',')}`);
      draw();
    } }),
    h('span', { class: 'mono' }, shortId(j.id)), statusBadge(j.status), h('span', { class: 'muted' }, headline(j.metrics))))));
  if (!jobs.length) status.replaceChildren(message('info', 'No jobs yet.'));

  const histories = new Map();
  async function draw() {
    const selected = [...chosen];
    await Promise.all(selected.filter((id) => !histories.has(id)).map(async (id) => histories.set(id, await api(`/jobs/${id}/history`))));
    if (signal.aborted) return;
    if (selected.length < 2) {
      charts.replaceChildren(message('info', 'Select two or more jobs to draw their curves on the same axes.'));
      return;
    }
    const regression = selected.some((id) => histories.get(id).some((e) => e.rmse !== undefined));
    const series = (key, dashed) => selected.map((id, i) => ({ name: `${shortId(id)} ${key}`, color: PALETTE[i % PALETTE.length], dashed,
      points: histories.get(id).map((e) => [e.epoch, e[key]]) }));
    const loss = h('figure', { class: 'panel', id: 'compare-loss' });
    const metric = h('figure', { class: 'panel', id: 'compare-metric' });
    charts.replaceChildren(loss, metric);
    lineChart(loss, [...series('loss'), ...series('valLoss', true)], { title: 'Loss per epoch' });
    lineChart(metric, regression ? [...series('rmse'), ...series('valRmse', true)] : [...series('accuracy'), ...series('valAccuracy', true)],
      { title: regression ? 'RMSE per epoch' : 'Accuracy per epoch' });
  }
  draw().catch((e) => status.replaceChildren(message('error', e.message)));
}
