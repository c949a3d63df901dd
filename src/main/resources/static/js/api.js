// Calls to the service's API. A refusal becomes a Problem carrying the RFC 9457 body, so that a form
// can show each fault next to its field.

export class Problem extends Error {
  constructor(status, body) {
    super(body.detail || body.title || `HTTP ${status}`);
    this.status = status;
    this.title = body.title || `HTTP ${status}`;
    this.errors = Array.isArray(body.errors) ? body.errors : [];
  }
}

const KEY = 'chainrule.key';

/** The API key this tab sends, null before one was given (an empty one: the service runs without keys).
 * It lives in sessionStorage, never in a URL, and is gone when the tab closes. */
export const apiKey = {
  get: () => sessionStorage.getItem(KEY),
  set: (key) => sessionStorage.setItem(KEY, key.trim()),
  forget: () => sessionStorage.removeItem(KEY),
};

function withKey(headers) {
  const key = apiKey.get();
  return key ? { ...headers, Authorization: `Bearer ${key}` } : headers;
}

/** A refused key sends the page back to the key form, saying why. */
function refused(response) {
  if (response.status !== 401) return false;
  apiKey.forget();
  window.dispatchEvent(new CustomEvent('chainrule:key-refused'));
  return true;
}

export async function api(path, { method = 'GET', json, body, headers = {} } = {}) {
  const init = { method, headers: withKey({ Accept: 'application/json', ...headers }) };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['Content-Type'] = 'application/json';
  } else if (body !== undefined) {
    init.body = body;
  }
  const response = await fetch(`/api/v1${path}`, init);
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  refused(response);
  if (!response.ok) {
    throw new Problem(response.status, typeof data === 'object' ? data : { detail: String(data) });
  }
  return data;
}

let routes;
/** Whether the service has an operation at this path (as the OpenAPI document names it): panels that
 * need a newer service appear only where it answers, without a failing request. */
export async function hasRoute(path) {
  routes ??= fetch('/v3/api-docs', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : { paths: {} }))
    .then((doc) => new Set(Object.keys(doc.paths || {})))
    .catch(() => new Set());
  return (await routes).has(path);
}

/** Follows a job's Server-Sent Events over fetch (headers such as Authorization can be sent, unlike
 * EventSource), reconnecting with Last-Event-ID until the stream ends with a final status. */
export function followEvents(jobId, onEvent, signal) {
  let lastId = null;
  let finished = false;
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  (async () => {
    while (!finished && !signal.aborted) {
      try {
        const headers = withKey({ Accept: 'text/event-stream' });
        if (lastId) headers['Last-Event-ID'] = lastId;
        const response = await fetch(`/api/v1/jobs/${jobId}/events`, { headers, signal });
        if (response.status === 404 || refused(response)) return;
        if (!response.ok) {
          await response.body?.cancel();
          await sleep(Number(response.headers.get('Retry-After') || 3) * 1000);
          continue;
        }
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = parseEvent(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (!event) continue;
            lastId = event.id;
            if (event.name === 'status' && ['succeeded', 'failed', 'cancelled'].includes(event.data.status)) {
              finished = true;
            }
            onEvent(event);
          }
        }
      } catch (e) {
        if (signal.aborted) return;
      }
      if (!finished) await sleep(2000);
    }
  })();
}

function parseEvent(block) {
  let id = null;
  let name = 'message';
  let data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('id: ')) id = line.slice(4);
    else if (line.startsWith('event: ')) name = line.slice(7);
    else if (line.startsWith('data: ')) data += line.slice(6);
  }
  return id && data ? { id, name, data: JSON.parse(data) } : null;
}
