// Start a job: upload a CSV (or pick a stored dataset), define the model in a JSON box validated live
// by the service, set the options. Every refusal is shown next to the field it names.
import { api, Problem } from './api.js';
import { h, message } from './dom.js';

const DEFAULT_MODEL = {
  name: 'mlp',
  layers: [{ type: 'dense', units: 16, activation: 'relu' }, { type: 'dense', units: 3, activation: 'softmax' }],
  loss: 'cross_entropy',
  seed: 42,
};

function field(id, label, input, hint) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), input,
    hint ? h('small', { class: 'hint', id: `${id}-hint` }, hint) : '',
    h('div', { class: 'field-error', id: `${id}-error`, role: 'alert' }));
}

export async function renderNewJob(main, signal) {
  const datasets = await api('/datasets?size=100').then((p) => p.content).catch(() => []);
  const form = h('form', { class: 'new-job', novalidate: true });
  const general = h('div', { id: 'form-error' });
  const source = h('fieldset', { class: 'panel' }, h('legend', {}, '1 · Data'),
    h('div', { class: 'tabs', role: 'radiogroup', 'aria-label': 'Where the data comes from' },
      h('label', {}, h('input', { type: 'radio', name: 'source', value: 'upload', checked: true }), ' Upload a CSV'),
      h('label', {}, h('input', { type: 'radio', name: 'source', value: 'stored', disabled: !datasets.length }), ' Use a stored dataset')),
    h('div', { class: 'upload' },
      field('dataset-file', 'CSV file (header row; the last column is the target unless named)', h('input', { id: 'dataset-file', name: 'file', type: 'file', accept: '.csv,text/csv', 'aria-describedby': 'dataset-file-error' })),
      h('div', { class: 'row' },
        field('dataset-name', 'Name', h('input', { id: 'dataset-name', name: 'name', placeholder: 'from the file name' })),
        field('dataset-target', 'Target column', h('input', { id: 'dataset-target', name: 'target', placeholder: 'the last column' })),
        field('dataset-task', 'Task', h('select', { id: 'dataset-task', name: 'task' },
          h('option', { value: '' }, 'infer'), h('option', {}, 'classification'), h('option', {}, 'regression'))))),
    h('div', { class: 'stored', hidden: true },
      field('dataset-id', 'Dataset', h('select', { id: 'dataset-id', name: 'datasetId' },
        datasets.map((d) => h('option', { value: d.id }, `${d.name} · ${d.rows} rows · ${d.task}`))))));
  const modelBox = h('textarea', { id: 'model-json', name: 'model', rows: 14, spellcheck: 'false', 'aria-describedby': 'model-json-hint model-json-error' },
    JSON.stringify(DEFAULT_MODEL, null, 2));
  const model = h('fieldset', { class: 'panel' }, h('legend', {}, '2 · Model'),
    field('model-json', 'Model definition (JSON)', modelBox, 'Checked by POST /api/v1/models/validate as you type.'));
  const number = (id, name, value, attrs = {}) => h('input', { id, name, type: 'number', value, step: 'any', ...attrs });
  const opts = h('fieldset', { class: 'panel' }, h('legend', {}, '3 · Training'),
    h('div', { class: 'row' },
      field('opt-epochs', 'Epochs', number('opt-epochs', 'epochs', 40, { min: 1, step: 1 })),
      field('opt-batchSize', 'Batch size', number('opt-batchSize', 'batchSize', 16, { min: 1, step: 1 })),
      field('opt-validationSplit', 'Validation split', number('opt-validationSplit', 'validationSplit', 0.2, { min: 0, max: 0.9 }))),
    h('div', { class: 'row' },
      field('opt-optimizer', 'Optimizer', h('select', { id: 'opt-optimizer', name: 'optimizer' }, ['adam', 'sgd', 'rmsprop'].map((o) => h('option', {}, o)))),
      field('opt-learningRate', 'Learning rate', number('opt-learningRate', 'learningRate', 0.01, { min: 0 })),
      field('opt-seed', 'Seed', number('opt-seed', 'seed', 7, { step: 1 }))));
  const submit = h('button', { type: 'submit', id: 'start-job' }, 'Start training');
  form.append(source, model, opts, general, h('div', { class: 'actions' }, submit));
  main.append(h('div', { class: 'heading' }, h('h1', {}, 'Start a job')), form);

  source.addEventListener('change', () => {
    const stored = form.elements.source.value === 'stored';
    source.querySelector('.upload').hidden = stored;
    source.querySelector('.stored').hidden = !stored;
  });

  let timer;
  let checked = 0;
  const validate = async () => {
    const mine = ++checked;
    const error = document.getElementById('model-json-error');
    let definition;
    try {
      definition = JSON.parse(modelBox.value);
    } catch (e) {
      setError('model-json', [`Not JSON: ${e.message}`]);
      return;
    }
    try {
      const answer = await api('/models/validate', { method: 'POST', json: definition });
      if (mine !== checked || signal.aborted) return;
      setError('model-json', []);
      error.replaceChildren(h('span', { class: 'ok' }, `✓ valid: ${answer.model.layers.length} layers, loss ${answer.model.loss}`));
    } catch (e) {
      if (mine === checked) setError('model-json', messages(e));
    }
  };
  modelBox.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(validate, 350);
  });
  validate();

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    for (const node of form.querySelectorAll('.field-error')) node.replaceChildren();
    general.replaceChildren();
    submit.disabled = true;
    try {
      const datasetId = await dataset(form);
      const modelId = await create('model-json', () => api('/models', { method: 'POST', json: JSON.parse(modelBox.value) }));
      const v = (name) => form.elements[name].value;
      const request = {
        modelId, datasetId, epochs: Number(v('epochs')), batchSize: Number(v('batchSize')),
        validationSplit: Number(v('validationSplit')), seed: v('seed') === '' ? undefined : Number(v('seed')),
        optimizer: { type: v('optimizer'), learningRate: Number(v('learningRate')) },
      };
      const job = await create('job', () => api('/jobs', { method: 'POST', json: request }));
      location.hash = `#/jobs/${job}`;
    } catch (err) {
      if (!(err instanceof Problem)) general.replaceChildren(message('error', err.message));
    } finally {
      submit.disabled = false;
    }
  });

  async function dataset() {
    if (form.elements.source.value === 'stored') return form.elements.datasetId.value;
    const file = form.elements.file.files[0];
    if (!file) {
      setError('dataset-file', ['Choose a CSV file to upload.']);
      throw new Problem(400, { detail: 'no file' });
    }
    const body = new FormData();
    body.append('file', file);
    for (const name of ['name', 'target', 'task']) if (form.elements[name].value) body.append(name, form.elements[name].value);
    if (!form.elements.name.value) body.set('name', file.name.replace(/\.csv$/i, ''));
    return create('dataset-file', () => api('/datasets', { method: 'POST', body }));
  }

  /** Runs a create call; a problem is shown at the fields its errors name, the rest at `fallback`. */
  async function create(fallback, call) {
    try {
      return (await call()).id;
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      const placed = new Map();
      for (const err of e.errors.length ? e.errors : [{ message: e.message }]) {
        const target = fieldFor(err, fallback);
        placed.set(target, [...(placed.get(target) || []), describe(err)]);
      }
      for (const [id, list] of placed) setError(id, list, e.title);
      document.getElementById(`${[...placed.keys()][0]}`)?.focus();
      throw e;
    }
  }
}

function fieldFor(err, fallback) {
  const pointer = err.pointer || '';
  if (fallback === 'job') {
    const top = pointer.split('/')[1];
    if (top === 'optimizer') return pointer.includes('learningRate') ? 'opt-learningRate' : 'opt-optimizer';
    if (['epochs', 'batchSize', 'validationSplit', 'seed'].includes(top)) return `opt-${top}`;
    if (top === 'modelId') return 'model-json';
    if (top === 'datasetId') return 'dataset-file';
    return 'form';
  }
  if (fallback === 'dataset-file' && err.field && ['name', 'target', 'task'].includes(err.field)) return `dataset-${err.field}`;
  return fallback;
}

function describe(err) {
  const where = err.pointer ? `${err.pointer}: ` : err.row !== undefined ? `row ${err.row}${err.column ? `, column ${err.column}` : ''}: ` : err.field ? `${err.field}: ` : '';
  return where + err.message;
}

function messages(problem) {
  return problem.errors.length ? problem.errors.map(describe) : [problem.message];
}

function setError(id, list, title) {
  const node = document.getElementById(id === 'form' ? 'form-error' : `${id}-error`);
  if (!node) return;
  const input = document.getElementById(id);
  input?.setAttribute('aria-invalid', list.length ? 'true' : 'false');
  node.replaceChildren(...(list.length ? [h('div', { class: 'message error' }, title ? h('strong', {}, `${title}. `) : '', list.length === 1 ? list[0] : h('ul', {}, list.map((m) => h('li', {}, m))))] : []));
}
