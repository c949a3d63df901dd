// The jobs list: status, progress and latest metrics, refreshed every two seconds while shown.
import { api } from './api.js';
import { h, num, headline, shortId, statusBadge, progressBar, message } from './dom.js';

export function renderJobs(main, signal) {
  const table = h('tbody');
  const status = h('div');
  const compare = h('button', { type: 'button', class: 'secondary', disabled: true, onclick: () => {
    const ids = [...table.querySelectorAll('input:checked')].map((c) => c.value);
    location.hash = `#/compare?ids=${ids.join(',')}`;
  } }, 'Compare selected');
  main.append(
    h('div', { class: 'heading' }, h('h1', {}, 'Jobs'), h('div', { class: 'actions' }, compare, h('a', { class: 'button', href: '#/new' }, 'Start a job'))),
    status,
    h('table', { class: 'jobs' },
      h('caption', { class: 'sr-only' }, 'Training jobs, newest first'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Select')), ...['Job', 'Status', 'Progress', 'Epoch', 'Loss', 'Val loss', 'Metric', 'Samples/s', 'Created']
        .map((t) => h('th', { scope: 'col' }, t)))),
      table));
  const selected = new Set();
  const onSelect = (e) => {
    if (e.target.checked) selected.add(e.target.value); else selected.delete(e.target.value);
    compare.disabled = selected.size < 2;
  };

  async function refresh() {
    try {
      const page = await api('/jobs?size=50');
      status.replaceChildren(page.content.length ? '' : message('info', 'No jobs yet. Start one to watch it train.'));
      table.replaceChildren(...page.content.map((job) => h('tr', { 'data-job': job.id },
        h('td', {}, h('input', { type: 'checkbox', value: job.id, 'aria-label': `Select job ${shortId(job.id)} to compare`, checked: selected.has(job.id), onchange: onSelect })),
        h('td', {}, h('a', { href: `#/jobs/${job.id}`, class: 'mono' }, shortId(job.id))),
        h('td', {}, statusBadge(job.status)),
        h('td', {}, progressBar(job.progress, `Progress of job ${shortId(job.id)}`)),
        h('td', { class: 'num' }, `${job.epoch}/${job.epochs}`),
        h('td', { class: 'num' }, num(job.metrics?.loss)),
        h('td', { class: 'num' }, num(job.metrics?.valLoss)),
        h('td', { class: 'num' }, headline(job.metrics)),
        h('td', { class: 'num' }, job.samplesPerSecond ? Math.round(job.samplesPerSecond).toLocaleString('en') : '–'),
        h('td', {}, new Date(job.createdAt).toLocaleString('en-GB')))));
    } catch (e) {
      status.replaceChildren(message('error', `Could not load the jobs: ${e.message}`));
    }
  }
  refresh();
  const timer = setInterval(refresh, 2000);
  signal.addEventListener('abort', () => clearInterval(timer));
}
