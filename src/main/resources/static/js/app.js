// The page's router: #/jobs, #/jobs/{id}, #/compare?ids=a,b, #/new. Each view renders into <main>
// and returns a cleanup function that stops its timers and event streams.
import { renderJobs } from './jobs.js';
import { renderJob } from './job.js';
import { renderCompare } from './compare.js';
import { renderNewJob } from './new-job.js';
import { h, message } from './dom.js';
import { apiKey } from './api.js';

const main = document.getElementById('main');
let cleanup = () => {};

/** Asks for the API key before any call: the admin key that the first start wrote to data/admin.key,
 * or a tenant's key. */
function renderKeyForm(note) {
  const input = h('input', { id: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'api-key-help' });
  const form = h('form', { class: 'panel key-form', onsubmit: (event) => {
    event.preventDefault();
    apiKey.set(input.value);
    route();
  } },
  h('label', { for: 'api-key' }, 'API key'), input,
  h('p', { id: 'api-key-help', class: 'muted' }, 'Sent as Authorization: Bearer on every call, kept in this tab only. '
    + 'The first start writes the admin key to data/admin.key. Leave it empty when the service runs with '
    + 'chainrule.security.enabled=false.'),
  h('button', { id: 'use-key', type: 'submit' }, 'Use this key'));
  main.append(h('h1', {}, 'Your API key'), ...(note ? [message('error', note)] : []), form);
  input.focus();
}

window.addEventListener('chainrule:key-refused', () => {
  cleanup();
  main.replaceChildren();
  renderKeyForm('The service refused that key: it is unknown, revoked or expired.');
});

function route() {
  cleanup();
  if (apiKey.get() === null) {
    cleanup = () => {};
    main.replaceChildren();
    renderKeyForm();
    return;
  }
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean);
  const controller = new AbortController();
  cleanup = () => controller.abort();
  main.replaceChildren();
  let section = 'jobs';
  if (parts.length === 0 || (parts[0] === 'jobs' && parts.length === 1)) {
    renderJobs(main, controller.signal);
  } else if (parts[0] === 'jobs' && parts.length === 2) {
    renderJob(main, parts[1], controller.signal);
  } else if (parts[0] === 'compare') {
    section = 'compare';
    renderCompare(main, (params.get('ids') || '').split(',').filter(Boolean), controller.signal);
  } else if (parts[0] === 'new') {
    section = 'new';
    renderNewJob(main, controller.signal);
  } else {
    section = '';
    main.append(h('h1', {}, 'Not found'), message('error', `There is no page at “${path}”.`),
      h('p', {}, h('a', { href: '#/jobs' }, 'Back to the jobs')));
  }
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

document.getElementById('change-key').addEventListener('click', (event) => {
  event.preventDefault();
  apiKey.forget();
  route();
});

window.addEventListener('hashchange', () => {
  route();
  main.focus({ preventScroll: true });
});
route();
