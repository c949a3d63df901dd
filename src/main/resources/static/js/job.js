// One job: live curves from its event stream, progress, options, cancel, predict, download.
import { api, followEvents, Problem } from './api.js';
import { lineChart, PALETTE } from './chart.js';
import { h, num, pct, headline, shortId, statusBadge, progressBar, message, FINISHED } from './dom.js';
import { renderInsight } from './insight.js';

export async function renderJob(main, id, signal) {
  let job;
  try {
    job = await api(`/jobs/${encodeURIComponent(id)}`);
  } catch (e) {
    const text = e instanceof Problem && (e.status === 404 || e.status === 400)
      ? `There is no job with the id “${id}”. It may have been deleted, or the link is mistyped.`
      : `Could not load job “${id}”: ${e.message}`;
    main.append(h('h1', {}, 'Job not found'), message('error', text), h('p', {}, h('a', { href: '#/jobs' }, 'Back to the jobs')));
    return;
  }
  const history = [];
  const checkpoints = [];
  const regression = () => history.some((e) => e.rmse !== undefined) || job.metrics?.rmse !== undefined;

  const badge = h('span');
  const progress = h('div', { class: 'progress-line' });
  const cards = h('div', { class: 'cards' });
  const notice = h('div');
  const lossChart = h('figure', { class: 'panel', id: 'loss-chart', 'aria-label': 'Loss per epoch' });
  const metricChart = h('figure', { class: 'panel', id: 'metric-chart', 'aria-label': 'Accuracy or RMSE per epoch' });
  const checkpointList = h('ol', { class: 'checkpoints' });
  const cancel = h('button', { type: 'button', class: 'danger', id: 'cancel-job', onclick: onCancel }, 'Cancel job');
  const download = h('a', { class: 'button secondary', id: 'download-parameters', href: `/api/v1/jobs/${job.id}/parameters`, download: `job-${shortId(job.id)}-parameters.json` }, 'Download parameters');
  const insight = h('div');

  main.append(
    h('div', { class: 'heading' },
      h('div', {}, h('p', { class: 'crumb' }, h('a', { href: '#/jobs' }, 'Jobs'), ' / job'),
        h('h1', {}, 'Job ', h('span', { class: 'mono' }, shortId(job.id)), ' ', badge)),
      h('div', { class: 'actions' }, cancel, download,
        h('a', { class: 'button secondary', href: `#/compare?ids=${job.id}` }, 'Compare…'))),
    notice, progress, cards,
    h('div', { class: 'grid2' }, lossChart, metricChart),
    insight,
    h('div', { class: 'grid2' },
      h('section', { class: 'panel', 'aria-labelledby': 'options-title' }, h('h2', { id: 'options-title' }, 'Options'), options(job),
        h('h3', {}, 'Checkpoints'), checkpointList),
      predictPanel(job)));

  function draw() {
    badge.replaceChildren(statusBadge(job.status));
    const running = !FINISHED.includes(job.status);
    cancel.hidden = !running;
    download.hidden = job.epoch < 1;
    progress.replaceChildren(progressBar(job.progress, 'Training progress'),
      h('span', {}, `epoch ${job.epoch} of ${job.epochs}`));
    const m = job.metrics || {};
    cards.replaceChildren(
      card('Loss', num(m.loss)), card('Validation loss', num(m.valLoss)),
      card(regression() ? 'RMSE' : 'Accuracy', regression() ? num(m.valRmse ?? m.rmse) : pct(m.valAccuracy ?? m.accuracy)),
      card('Samples/s', job.samplesPerSecond ? Math.round(job.samplesPerSecond).toLocaleString('en') : '–'));
    notice.replaceChildren(job.error ? message('error', job.error) : '');
  }

  function drawCharts() {
    const series = (key, name, color, dashed) => ({ name, color, dashed, points: history.map((e) => [e.epoch, e[key]]) });
    lineChart(lossChart, [series('loss', 'training loss', PALETTE[0]), series('valLoss', 'validation loss', PALETTE[1], true)],
      { title: 'Loss per epoch' });
    metricChart.dataset.points = history.length;
    lineChart(metricChart, regression()
      ? [series('rmse', 'training RMSE', PALETTE[2]), series('valRmse', 'validation RMSE', PALETTE[3], true)]
      : [series('accuracy', 'training accuracy', PALETTE[2]), series('valAccuracy', 'validation accuracy', PALETTE[3], true)],
    { title: regression() ? 'RMSE per epoch' : 'Accuracy per epoch', yMin: regression() ? 0 : undefined });
    lossChart.dataset.points = history.length;
  }

  async function onCancel() {
    cancel.disabled = true;
    try {
      job = await api(`/jobs/${job.id}/cancel`, { method: 'POST' });
      draw();
    } catch (e) {
      notice.replaceChildren(message('error', `Could not cancel: ${e.message}`));
    } finally {
      cancel.disabled = false;
    }
  }

  draw();
  drawCharts();
  const insightEpoch = await renderInsight(insight, job, signal);
  followEvents(job.id, ({ name, data }) => {
    if (name === 'epoch') {
      history.push(data);
      job.epoch = Math.max(job.epoch, data.epoch);
      job.metrics = data;
      job.progress = Math.max(job.progress, data.epoch / job.epochs);
      drawCharts();
      insightEpoch?.(data);
    } else if (name === 'progress') {
      Object.assign(job, { progress: data.progress, samplesPerSecond: data.samplesPerSecond ?? job.samplesPerSecond });
    } else if (name === 'status') {
      Object.assign(job, { status: data.status, error: data.error, metrics: data.metrics ?? job.metrics });
    } else if (name === 'checkpoint') {
      checkpoints.push(data);
      checkpointList.replaceChildren(...checkpoints.slice(-8).map((c) => h('li', {}, `epoch ${c.epoch}`, c.metrics ? ` · loss ${num(c.metrics.loss)}` : '')));
    }
    draw();
  }, signal);
}

function card(label, value) {
  return h('div', { class: 'card' }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value));
}

function options(job) {
  const o = job.optimizer || {};
  const rows = [
    ['Model', h('span', { class: 'mono' }, shortId(job.modelId))],
    ['Dataset', job.datasetId ? h('span', { class: 'mono' }, shortId(job.datasetId)) : 'imported'],
    ['Optimizer', `${o.type} · learning rate ${o.learningRate}`],
    ['Batch size', job.batchSize], ['Epochs', job.epochs],
    ['Validation split', job.validationSplit], ['Shuffle', job.shuffle ? 'yes' : 'no'], ['Seed', job.seed],
    ['Standardize', job.standardize ? 'yes' : 'no'], ['Precision', job.dtype],
    ['Early stopping', job.earlyStopping ? `${job.earlyStopping.metric}, patience ${job.earlyStopping.patience}` : 'off'],
    ['Checkpoint every', `${job.checkpointEvery} epoch(s)`], ['Priority', job.priority],
  ];
  return h('dl', { class: 'options' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '–')]));
}

function predictPanel(job) {
  const panel = h('section', { class: 'panel', 'aria-labelledby': 'predict-title' }, h('h2', { id: 'predict-title' }, 'Predict'));
  if (!job.datasetId) {
    panel.append(h('p', { class: 'muted' }, 'Send raw feature values to POST /api/v1/jobs/{id}/predictions.'));
    return panel;
  }
  const result = h('div', { class: 'result', 'aria-live': 'polite' });
  api(`/datasets/${job.datasetId}`).then((dataset) => {
    const features = dataset.columns.filter((c) => c.role === 'feature');
    const form = h('form', { class: 'predict', onsubmit: async (e) => {
      e.preventDefault();
      const instance = {};
      for (const c of features) {
        const raw = form.elements[c.name].value.trim();
        instance[c.name] = raw === '' ? null : c.type === 'numeric' ? Number(raw) : raw;
      }
      try {
        const answer = await api(`/jobs/${job.id}/predictions`, { method: 'POST', json: { instances: [instance] } });
        const p = answer.predictions[0];
        result.replaceChildren(p.label !== undefined
          ? h('div', {}, h('strong', {}, `label ${p.label}`), h('ul', { class: 'probs' }, Object.entries(p.probabilities || {})
            .map(([label, q]) => h('li', {}, h('span', {}, label), h('span', { class: 'bar', style: `--w:${(q * 100).toFixed(1)}%` }), h('span', { class: 'num' }, pct(q))))))
          : p.values !== undefined
            ? h('div', {}, ...Object.entries(p.values).map(([name, v]) => h('div', {}, h('strong', {}, `${name} ${num(v, 6)}`))))
            : h('strong', {}, `value ${num(p.value, 6)}`));
      } catch (err) {
        result.replaceChildren(message('error', err.message));
      }
    } },
    h('div', { class: 'fields' }, features.map((c) => h('label', {}, h('span', {}, c.name),
      c.type === 'categorical' && c.categories
        ? h('select', { name: c.name }, c.categories.map((cat) => h('option', {}, cat.value)))
        : h('input', { name: c.name, inputmode: 'decimal', value: c.mean !== undefined ? num(c.mean, 3) : '', required: true })))),
    h('button', { type: 'submit' }, 'Predict'));
    panel.append(form, result);
  }).catch((e) => panel.append(message('error', `The dataset cannot be read: ${e.message}`)));
  return panel;
}
