// The FMU Gateway client for Node 18+: fetch only, no dependencies. Types: index.d.ts.

import {
  ApiError,
  FmuGatewayError,
  GatewayUnreachableError,
  NotServedYetError,
  PaymentRequiredError,
  PaymentTimeoutError,
} from './errors.js';

export {
  ApiError,
  FmuGatewayError,
  GatewayUnreachableError,
  NotServedYetError,
  PaymentRequiredError,
  PaymentTimeoutError,
};

export const VERSION = '0.1.0';
export const DEFAULT_URL = 'http://localhost:8080';

/** Statuses worth retrying after Retry-After: nothing ran (rate limit, queue full, provider down). */
const RETRYABLE = new Set([429, 503]);

const SIMULATE_FIELDS = new Set([
  'fmu_id', 'start_time', 'stop_time', 'step', 'start_values', 'input_signals', 'outputs', 'kpis',
  'interface', 'solver', 'rtol', 'atol', 'payment_token', 'payment_method', 'success_url',
  'cancel_url', 'quote_only',
]);

/** A client of one FMU Gateway, authenticated by one API key. */
export class Client {
  constructor(url = DEFAULT_URL, apiKey = null, { timeoutMs = 120_000, retries = 2, maxRetryWaitMs = 60_000, fetch: fetchImpl } = {}) {
    this.url = String(url).replace(/\/+$/, '');
    this.apiKey = apiKey ?? null;
    this.timeoutMs = timeoutMs;
    this.retries = retries;
    this.maxRetryWaitMs = maxRetryWaitMs;
    this.fetch = fetchImpl ?? globalThis.fetch;
    if (typeof this.fetch !== 'function') {
      throw new FmuGatewayError('no fetch: Node 18 or newer is needed');
    }
  }

  // ---- keys and accounts ------------------------------------------------------------------

  /** A client for a brand-new account (POST /keys); its key is `client.apiKey`. */
  static async withNewKey(url = DEFAULT_URL, options = {}) {
    const issued = await new Client(url, null, options).createKey();
    return new Client(url, issued.key, options);
  }

  /** POST /keys: a new account and its first key (no authentication). Shown once. */
  createKey() {
    return this.#json('POST', '/keys', { auth: false });
  }

  /** POST /signup: an account with email and password, and its first key. */
  signUp(email, password) {
    return this.#json('POST', '/signup', { body: { email, password }, auth: false });
  }

  /** POST /login: a new key for the account with this email and password. */
  logIn(email, password) {
    return this.#json('POST', '/login', { body: { email, password }, auth: false });
  }

  /** GET /account: tier, credits, this period's grant, runs and spend. */
  account() {
    return this.#json('GET', '/account');
  }

  /** GET /account/keys. */
  keys() {
    return this.#json('GET', '/account/keys');
  }

  /** POST /account/keys: one more key for this account, shown once. */
  addKey() {
    return this.#json('POST', '/account/keys');
  }

  /** DELETE /account/keys/{id}: the key fails from its very next request. */
  async revokeKey(keyId) {
    await this.#request('DELETE', `/account/keys/${segment(keyId)}`);
  }

  /** GET /health (no key); a 503 still gives the body. */
  async health() {
    try {
      return await this.#json('GET', '/health', { auth: false });
    } catch (e) {
      if (e instanceof ApiError && e.status === 503) return e.body;
      throw e;
    }
  }

  // ---- models -----------------------------------------------------------------------------

  /** GET /library: the built-in models, filtered by name or description. */
  library(query) {
    return this.#json('GET', '/library', { query: { query } });
  }

  /**
   * POST /fmus: upload an FMU, given as a file path, a Blob or bytes (multipart field `file`).
   * The same bytes give the same record.
   */
  async upload(file, filename) {
    const form = new FormData();
    const { blob, name } = await toBlob(file, filename);
    form.append('file', blob, name);
    return this.#json('POST', '/fmus', { form });
  }

  /** GET /fmus/{id}: an upload of yours or a library model (lib:Name / msl:Name). */
  fmu(fmuId) {
    return this.#json('GET', `/fmus/${segment(fmuId)}`);
  }

  /** GET /fmus/{id}/variables, every page of it (the gateway sends a page at a time). */
  async variables(fmuId) {
    const path = `/fmus/${segment(fmuId)}/variables`;
    const rows = [];
    for (;;) {
      const answer = await this.#request('GET', path, { query: rows.length ? { offset: rows.length } : {} });
      const page = (await jsonOf(answer)) ?? [];
      rows.push(...page);
      const total = answer.headers.get('X-Total-Count');
      if (page.length === 0 || total === null || rows.length >= Number(total)) return rows;
    }
  }

  // ---- simulation -------------------------------------------------------------------------

  /**
   * POST /simulate, JSON results. Throws PaymentRequiredError (402) when credits are short.
   *
   * `async: true` (PLANNED API): the run is queued as a one-case experiment and the answer is its
   * reference (202, `location`): wait with waitForExperiment, read with experimentCase(id, 0). A
   * gateway that does not serve it yet throws NotServedYetError; if it ran the case at once anyway
   * (it ignored `async`), that result is the error's `result`.
   */
  async simulate(request) {
    const { async: queued, ...rest } = request ?? {};
    if (queued) return this.#simulateAsync(rest);
    return withNonFinite(await this.#json('POST', '/simulate', { body: simulateBody(rest) }));
  }

  /** POST /simulate with Accept: text/csv: a header of `time` and the variables, then rows. */
  async simulateCsv(request) {
    const answer = await this.#request('POST', '/simulate', { body: simulateBody(request), accept: 'text/csv' });
    return answer.text();
  }

  /** The price of this run (quote_only): nothing runs, nothing is charged or opened. */
  async quote(request) {
    try {
      await this.#json('POST', '/simulate', { body: simulateBody({ ...request, quote_only: true }) });
    } catch (e) {
      if (e instanceof PaymentRequiredError) return e.offer;
      throw e;
    }
    throw new FmuGatewayError('quote_only answered without a 402');
  }

  /**
   * Simulate; when a 402 opens a checkout, hand it to `onCheckout` (show the URL to a person),
   * wait until it is paid and run again with its payment token.
   */
  async simulateAndPay(request, { paymentMethod = 'card', onCheckout, paymentTimeoutMs = 900_000, pollIntervalMs = 2_000, csv = false } = {}) {
    const run = (body) => (csv ? this.simulateCsv(body) : this.simulate(body));
    try {
      return await run({ ...request, payment_method: paymentMethod });
    } catch (e) {
      if (!(e instanceof PaymentRequiredError) || !e.sessionId) throw e;
      if (onCheckout) await onCheckout(e);
      const paid = await this.waitForPayment(e.sessionId, { timeoutMs: paymentTimeoutMs, intervalMs: pollIntervalMs });
      if (!paid.payment_token) throw e;
      return run({ ...request, payment_token: paid.payment_token });
    }
  }

  /** GET /runs: your newest runs. */
  runs({ limit = 50 } = {}) {
    return this.#json('GET', '/runs', { query: { limit } });
  }

  /** GET /runs/{id}. */
  run(runId) {
    return this.#json('GET', `/runs/${segment(runId)}`);
  }

  // ---- payments ---------------------------------------------------------------------------

  /** POST /pay: a checkout for one run, paid up front (the same request: the same checkout). */
  pay(request = {}) {
    return this.#json('POST', '/pay', { body: withoutNull(request) });
  }

  /** GET /credits/packs. */
  creditPacks() {
    return this.#json('GET', '/credits/packs');
  }

  /** POST /credits/checkout: the credits land on the balance once paid. */
  buyCredits(request) {
    const body = typeof request === 'string' ? { pack: request } : withoutNull(request);
    return this.#json('POST', '/credits/checkout', { body });
  }

  /**
   * GET /payments/checkout/{id}: `status` "paid" with a `payment_token` (or a pack's credits), or
   * still pending (`http_status` 202). Throws ApiError 410 once expired or used, 404 for another's.
   */
  async checkout(sessionId) {
    const answer = await this.#request('GET', `/payments/checkout/${segment(sessionId)}`);
    return { ...(await answer.json()), http_status: answer.status };
  }

  /** Polls a checkout until it is paid; throws PaymentTimeoutError when `timeoutMs` runs out. */
  async waitForPayment(sessionId, { timeoutMs = 900_000, intervalMs = 2_000, onPoll } = {}) {
    const started = Date.now();
    for (;;) {
      const status = await this.checkout(sessionId);
      if (status.status === 'paid') return status;
      if (onPoll) onPoll(status);
      const waited = Date.now() - started;
      if (waited >= timeoutMs) throw new PaymentTimeoutError(sessionId, waited);
      await sleep(Math.min(intervalMs, timeoutMs - waited));
    }
  }

  // ---- experiments: PLANNED API, not served by today's gateway -----------------------------

  /**
   * PLANNED API: POST /experiments, the /simulate body plus `sweep` ({method, parameters, samples,
   * seed, cases}) and an optional `callback_url`: 202 with the experiment, its case count and
   * quote (`location` is the Location header). A 402 is a PaymentRequiredError with the checkout
   * for the difference; a limit an ApiError 400/429 whose `limit` names it.
   */
  async createExperiment(request) {
    const answer = await this.#planned('POST', '/experiments', { body: experimentBody(request) });
    return experimentOf(answer);
  }

  /** PLANNED API: the price of an experiment (quote_only), from a 402 problem or a 2xx body. */
  async quoteExperiment(request) {
    let answer;
    try {
      answer = await this.#planned('POST', '/experiments', { body: experimentBody({ ...request, quote_only: true }) });
    } catch (e) {
      if (e instanceof PaymentRequiredError) return e.offer;
      throw e;
    }
    const payload = await jsonOf(answer);
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
      throw new FmuGatewayError('quote_only answered without a quote');
    }
    return payload;
  }

  /** PLANNED API: GET /experiments, yours, newest first, one page. */
  async experiments({ limit, offset } = {}) {
    return items(await jsonOf(await this.#planned('GET', '/experiments', { query: { limit, offset } })));
  }

  /** PLANNED API: GET /experiments/{id}: status, case counts, credits held and charged. */
  async experiment(experimentId) {
    return experimentOf(await this.#planned('GET', experimentPath(experimentId)));
  }

  /** PLANNED API: GET /experiments/{id}/cases, one page of rows. */
  async experimentCases(experimentId, { limit, offset } = {}) {
    return (await this.#casesPage(experimentId, limit, offset)).rows;
  }

  /**
   * PLANNED API: every case, page by page (limit/offset), until an empty page or the page's
   * `total` (the gateway may cap `limit` below `pageSize`).
   */
  async *iterExperimentCases(experimentId, { pageSize = 500 } = {}) {
    let offset = 0;
    for (;;) {
      const { rows, total } = await this.#casesPage(experimentId, pageSize, offset);
      yield* rows;
      offset += rows.length;
      if (!rows.length || (total !== null && offset >= total)) return;
    }
  }

  /** PLANNED API: the cases as CSV (Accept: text/csv). */
  async experimentCasesCsv(experimentId, { limit, offset } = {}) {
    const answer = await this.#planned('GET', experimentPath(experimentId, 'cases'), { query: { limit, offset }, accept: 'text/csv' });
    return answer.text();
  }

  /**
   * PLANNED API: the cases as Parquet (Accept: application/vnd.apache.parquet), as bytes;
   * written to `path` when given.
   */
  async experimentCasesParquet(experimentId, { path } = {}) {
    const answer = await this.#planned('GET', experimentPath(experimentId, 'cases'), { accept: PARQUET });
    const bytes = new Uint8Array(await answer.arrayBuffer());
    if (path) {
      const fs = await import('node:fs');
      await fs.promises.writeFile(path, bytes);
    }
    return bytes;
  }

  /** PLANNED API: GET /experiments/{id}/cases/{index}: the case's full result, as /simulate's. */
  async experimentCase(experimentId, index) {
    return withNonFinite(jsonOf(await this.#planned('GET', experimentPath(experimentId, 'cases', caseIndex(index)))));
  }

  /** PLANNED API: one case's result as CSV. */
  async experimentCaseCsv(experimentId, index) {
    const answer = await this.#planned('GET', experimentPath(experimentId, 'cases', caseIndex(index)), { accept: 'text/csv' });
    return answer.text();
  }

  /** PLANNED API: DELETE /experiments/{id}: its queued cases are cancelled. The experiment, or null (204). */
  async cancelExperiment(experimentId) {
    const answer = await this.#planned('DELETE', experimentPath(experimentId));
    const text = await answer.text();
    const payload = text.trim() ? JSON.parse(text) : null;
    return payload && typeof payload === 'object' && !Array.isArray(payload)
      ? { ...payload, location: answer.headers.get('location') }
      : null;
  }

  /**
   * PLANNED API: polls an experiment until it is succeeded, partially_failed, failed or cancelled;
   * throws FmuGatewayError when `timeoutMs` runs out (the experiment runs on).
   */
  async waitForExperiment(experimentId, { timeoutMs = 3_600_000, intervalMs = 1_000, onProgress } = {}) {
    const started = Date.now();
    for (;;) {
      const experiment = await this.experiment(experimentId);
      if (onProgress) onProgress(experiment);
      if (FINISHED.has(experiment.status)) return experiment;
      if (Date.now() - started >= timeoutMs) {
        throw new FmuGatewayError(`experiment ${experimentId} not finished after ${timeoutMs / 1000} s`);
      }
      await sleep(intervalMs);
    }
  }

  // ---- plumbing ---------------------------------------------------------------------------

  async #json(method, path, options) {
    const answer = await this.#request(method, path, options);
    const text = await answer.text();
    return text ? JSON.parse(text) : null;
  }

  async #casesPage(experimentId, limit, offset) {
    const answer = await this.#planned('GET', experimentPath(experimentId, 'cases'), { query: { limit, offset } });
    const payload = await jsonOf(answer);
    const total = Number.isInteger(payload?.total) ? payload.total : null;
    return { rows: items(payload), total };
  }

  async #simulateAsync(request) {
    const body = { ...simulateBody(request), async: true };
    let answer;
    try {
      answer = await this.#request('POST', '/simulate', { body });
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.field === 'async') {
        throw new NotServedYetError(e.status, 'Not served yet',
          `POST /simulate with async is part of the planned experiments API, which this gateway (${this.url})` +
            ` does not serve yet: it answered 400 (${e.detail})`, { field: e.field, body: e.body });
      }
      throw e;
    }
    if (answer.status === 202) return experimentOf(answer);
    const payload = await jsonOf(answer);
    const error = new NotServedYetError(answer.status, 'Not served yet',
      `POST /simulate with async is part of the planned experiments API, which this gateway (${this.url})` +
        ` does not serve yet: it ran the case at once and answered ${answer.status}; the result is this error's result`,
      { body: payload && typeof payload === 'object' ? payload : {} });
    if (payload && typeof payload === 'object' && 'results' in payload) error.result = payload;
    throw error;
  }

  async #planned(method, path, options = {}) {
    try {
      return await this.#request(method, path, options);
    } catch (e) {
      if (e instanceof ApiError && noSuchEndpoint(e)) {
        throw new NotServedYetError(
          e.status,
          'Not served yet',
          `${method} ${path} is part of the planned experiments API, which this gateway (${this.url})` +
            ` does not serve yet: it answered ${e.status} (${e.detail})`,
          { body: e.body },
        );
      }
      throw e;
    }
  }

  /** The answer when 2xx; throws ApiError (from its problem+json) otherwise. */
  async #request(method, path, { query, body, form, accept = 'application/json', auth = true } = {}) {
    let url = this.url + path;
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) params.set(name, String(value));
    }
    if ([...params].length) url += `?${params}`;
    const headers = { Accept: accept, 'User-Agent': `fmugw-js/${VERSION}` };
    if (auth && this.apiKey) headers.Authorization = `Bearer ${this.apiKey}`;
    let payload;
    if (form) {
      payload = form;
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    for (let attempt = 0; ; attempt++) {
      let answer;
      try {
        answer = await this.fetch(url, { method, headers, body: payload, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (e) {
        throw new GatewayUnreachableError(this.url, e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(e), { cause: e });
      }
      if (answer.ok) return answer;
      const error = await problemOf(answer);
      const retryMs = error.retryAfter === null ? null : error.retryAfter * 1000;
      if (RETRYABLE.has(answer.status) && attempt < this.retries && retryMs !== null && retryMs <= this.maxRetryWaitMs) {
        await sleep(retryMs);
        continue;
      }
      throw error;
    }
  }
}

/** Experiment statuses after which nothing changes any more (queued and running still do). */
const FINISHED = new Set(['succeeded', 'partially_failed', 'failed', 'cancelled']);

/** The media type of the cases as Parquet. */
export const PARQUET = 'application/vnd.apache.parquet';

/** How an experiment draws its cases. */
export const SWEEP_METHODS = Object.freeze(['full_factorial', 'latin_hypercube', 'sobol', 'cases']);

/** The JSON body of POST /experiments: a /simulate body plus `sweep` (and `callback_url`). */
export function experimentBody(request) {
  const { sweep, callback_url: callbackUrl, ...simulation } = request ?? {};
  if (!sweep || typeof sweep !== 'object' || !sweep.method) {
    throw new TypeError('an experiment needs a sweep with a method ({method, parameters, samples, seed, cases})');
  }
  const body = { ...simulateBody(simulation), sweep };
  if (callbackUrl !== undefined && callbackUrl !== null) body.callback_url = callbackUrl;
  return body;
}

/** `{values: [...]}`: exactly these values. */
export function values(...list) {
  return { values: list };
}

/** `{range: {start, stop, num}}`: `num` evenly spaced values, both ends included. */
export function range(start, stop, num) {
  return { range: { start, stop, num } };
}

/** `{uniform: {min, max}}`: drawn uniformly (latin_hypercube, sobol). */
export function uniform(min, max) {
  return { uniform: { min, max } };
}

/** `{normal: {mean, std}}`: drawn from a normal distribution. */
export function normal(mean, std) {
  return { normal: { mean, std } };
}

/**
 * The `sweep` of POST /experiments; absent members are left out.
 * `sweep('latin_hypercube', { k: uniform(0, 1) }, { samples: 200, seed: 1 })`,
 * `sweep('cases', null, { cases: [{ start_values: { k: 1 } }] })`.
 */
export function sweep(method, parameters, { samples, seed, cases } = {}) {
  if (!SWEEP_METHODS.includes(method)) throw new TypeError(`sweep method ${method}: one of ${SWEEP_METHODS.join(', ')}`);
  return withoutNull({ method, parameters: parameters && Object.keys(parameters).length ? parameters : null, samples, seed, cases });
}

async function jsonOf(answer) {
  const text = await answer.text();
  return text ? JSON.parse(text) : null;
}

async function experimentOf(answer) {
  const payload = await jsonOf(answer);
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new FmuGatewayError(`expected an experiment, got: ${JSON.stringify(payload)}`);
  }
  const location = answer.headers.get('location');
  const experiment = { ...payload, location };
  if (!experiment.experiment_id && location) {
    // 202 with only a Location: the id is its last segment.
    experiment.experiment_id = decodeURIComponent(location.replace(/\/+$/, '').split('/').pop());
  }
  return experiment;
}

function experimentPath(experimentId, ...rest) {
  return ['/experiments', segment(experimentId), ...rest].join('/');
}

function caseIndex(index) {
  if (!Number.isInteger(Number(index)) || Number(index) < 0) throw new TypeError(`case index ${index}: a whole number ≥ 0`);
  return String(Number(index));
}

/**
 * JSON has no NaN or ±Infinity: the gateway sends null in their place and spells each one in
 * `non_finite` ('NaN', 'Infinity', '-Infinity'). Put the numbers back so results are plain numbers.
 */
function withNonFinite(result) {
  const nonFinite = result?.non_finite;
  if (!nonFinite) return result;
  for (const [name, positions] of Object.entries(nonFinite.results ?? {})) {
    const column = result.results?.[name];
    if (!column) continue;
    for (const [index, spelling] of Object.entries(positions)) column[Number(index)] = Number(spelling);
  }
  for (const [name, spelling] of Object.entries(nonFinite.kpis ?? {})) {
    if (result.kpis && name in result.kpis) result.kpis[name] = Number(spelling);
  }
  return result;
}

/** The JSON body of POST /simulate; an unknown field is a TypeError before any request. */
export function simulateBody(request) {
  if (!request || typeof request.fmu_id !== 'string') throw new TypeError('simulate needs fmu_id');
  const unknown = Object.keys(request).filter((k) => !SIMULATE_FIELDS.has(k));
  if (unknown.length) throw new TypeError(`unknown simulate field(s): ${unknown.sort().join(', ')}`);
  return withoutNull(request);
}

async function problemOf(answer) {
  const text = await answer.text().catch(() => '');
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    body = { status: answer.status, title: answer.statusText || 'HTTP error', detail: text.slice(0, 500) };
  }
  return ApiError.fromProblem(answer.status, body, retryAfterOf(answer, body));
}

function retryAfterOf(answer, body) {
  for (const value of [answer.headers.get('retry-after'), body.retry_after]) {
    const seconds = Number(value);
    if (value !== null && value !== undefined && value !== '' && Number.isFinite(seconds)) return seconds;
  }
  return null;
}

function noSuchEndpoint(error) {
  // A route the gateway does not have: 404 "No such endpoint" (or 405 for a known path).
  return error.status === 405 || (error.status === 404 && /^no such endpoint/i.test(error.detail));
}

function items(payload) {
  if (Array.isArray(payload)) return payload;
  for (const key of ['items', 'experiments', 'cases', 'data']) {
    if (Array.isArray(payload?.[key])) return payload[key];
  }
  return [];
}

async function toBlob(file, filename) {
  if (typeof file === 'string') {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const name = filename ?? path.basename(file);
    // Streamed from disk where Node can (19.8+), read whole on Node 18.
    const blob = typeof fs.openAsBlob === 'function'
      ? await fs.openAsBlob(file)
      : new Blob([await fs.promises.readFile(file)]);
    return { blob, name };
  }
  if (file instanceof Blob) return { blob: file, name: filename ?? file.name ?? 'model.fmu' };
  if (file instanceof ArrayBuffer || ArrayBuffer.isView(file)) return { blob: new Blob([file]), name: filename ?? 'model.fmu' };
  throw new TypeError('upload takes a file path, a Blob or bytes');
}

function withoutNull(object) {
  return Object.fromEntries(Object.entries(object ?? {}).filter(([, v]) => v !== undefined && v !== null));
}

function segment(value) {
  return encodeURIComponent(String(value)).replace(/%3A/gi, ':');
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
