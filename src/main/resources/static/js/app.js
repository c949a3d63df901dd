// The page's router: #/jobs, #/jobs/{id}, #/compare?ids=a,b, #/new. Each view renders into <main>
// and returns a cleanup function that stops its timers and event streams.
import { renderJobs } from './jobs.js';
import { renderJob } from './job.js';
import { renderCompare } from './compare.js';
import { renderNewJob } from './new-job.js';
import { h, message } from './dom.js';

const main = document.getElementById('main');
let cleanup = () => {};

function route() {
  cleanup();
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

window.addEventListener('hashchange', () => {
  route();
  main.focus({ preventScroll: true });
});
route();
