// The FMU Gateway client for Node 18+: fetch only, no dependencies. Types: index.d.ts.

import {
  ApiError,
  FmuGatewayError,
  GatewayUnreachableError,
  PaymentRequiredError,
  PaymentTimeoutError,
  decodeX402,
} from './errors.js';

export {
  ApiError,
  FmuGatewayError,
  GatewayUnreachableError,
  PaymentRequiredError,
  PaymentTimeoutError,
  decodeX402,
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
   * `async: true`: the run is queued as a one-case experiment and the answer is that experiment
   * (202, `location`): wait with waitForExperiment, read with experimentCase(id, 0).
   *
   * `paymentSignature`: an x402 payment (the base64 PAYMENT-SIGNATURE value an x402 library signs
   * for `PaymentRequiredError.x402`) that pays this run instead of credits; the decoded
   * PAYMENT-RESPONSE settlement is then the result's `payment_response`.
   */
  async simulate(request, { paymentSignature } = {}) {
    const { async: queued, ...rest } = request ?? {};
    const headers = paymentSignature ? { 'PAYMENT-SIGNATURE': paymentSignature } : {};
    if (queued) {
      return experimentOf(await this.#request('POST', '/simulate', { body: { ...simulateBody(rest), async: true }, headers }));
    }
    const answer = await this.#request('POST', '/simulate', { body: simulateBody(rest), headers });
    const result = withNonFinite(await jsonOf(answer));
    const settlement = decodeX402(answer.headers.get('payment-response'));
    if (settlement) result.payment_response = settlement;
    return result;
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

  // ---- experiments ----------------------------------------------------------------------

  /**
   * POST /experiments, the /simulate body plus `sweep` ({method, parameters, samples, seed,
   * cases}) and an optional `callback_url`: 202 with the queued experiment, its case count and the
   * quote held up front (`location` is the Location header). A 402 is a PaymentRequiredError with
   * a checkout for the credits missing; a tier limit an ApiError 400 (`cases_per_experiment`) or
   * 429 (`experiments_running`) whose `limit` names it.
   */
  async createExperiment(request) {
    return experimentOf(await this.#request('POST', '/experiments', { body: experimentBody(request) }));
  }

  /**
   * The price of an experiment (quote_only): nothing is held, queued or charged. The answer has
   * `status` "quote", `cases.total` and `quote` ({credits, per_case, balance_credits}); no id.
   */
  async quoteExperiment(request) {
    return jsonOf(await this.#request('POST', '/experiments', { body: experimentBody({ ...request, quote_only: true }) }));
  }

  /** GET /experiments: one page of yours, newest first: {items, page, size, total, has_more}. */
  experiments({ page = 1, size = 20 } = {}) {
    return this.#json('GET', '/experiments', { query: { page, size } });
  }

  /** GET /experiments/{id}: status, case counts, credits held and charged. */
  async experiment(experimentId) {
    return experimentOf(await this.#request('GET', experimentPath(experimentId)));
  }

  /**
   * GET /experiments/{id}/cases: one page of cases by index, {items, offset, limit, total} (the
   * gateway's default limit is 1,000).
   */
  experimentCases(experimentId, { limit, offset } = {}) {
    return this.#casesPage(experimentId, limit, offset);
  }

  /** Every case, page by page (limit/offset), until the page's `total`. */
  async *iterExperimentCases(experimentId, { pageSize = 1000 } = {}) {
    let offset = 0;
    for (;;) {
      const { items, total } = await this.#casesPage(experimentId, pageSize, offset);
      yield* items;
      offset += items.length;
      if (!items.length || offset >= total) return;
    }
  }

  /**
   * The cases as CSV (Accept: text/csv; up to 10,000 rows unless `limit`): index, status, one
   * column per parameter and per KPI, then node, failure, cost.
   */
  async experimentCasesCsv(experimentId, { limit, offset } = {}) {
    const answer = await this.#request('GET', experimentPath(experimentId, 'cases'), { query: { limit, offset }, accept: 'text/csv' });
    return answer.text();
  }

  /** GET /experiments/{id}/cases/{index}: the case's full result, as /simulate gives it. */
  async experimentCase(experimentId, index) {
    return withNonFinite(await this.#json('GET', experimentPath(experimentId, 'cases', caseIndex(index))));
  }

  /** One case's result as CSV, as /simulate writes it. */
  async experimentCaseCsv(experimentId, index) {
    const answer = await this.#request('GET', experimentPath(experimentId, 'cases', caseIndex(index)), { accept: 'text/csv' });
    return answer.text();
  }

  /**
   * DELETE /experiments/{id}: queued cases never start, running ones stop, unrun credits are
   * released. The experiment as it then stands.
   */
  async cancelExperiment(experimentId) {
    return experimentOf(await this.#request('DELETE', experimentPath(experimentId)));
  }

  /**
   * Polls an experiment until it is succeeded, partially_failed, failed or cancelled; throws
   * FmuGatewayError when `timeoutMs` runs out (the experiment runs on).
   */
  async waitForExperiment(experimentId, { timeoutMs = 3_600_000, intervalMs = 1_000, onProgress } = {}) {
    const started = Date.now();
    for (;;) {
      const experiment = await this.experiment(experimentId);
      if (onProgress) onProgress(experiment);
      if (FINISHED.has(experiment.status)) return experiment;
      const waited = Date.now() - started;
      if (waited >= timeoutMs) {
        throw new FmuGatewayError(`experiment ${experimentId} not finished after ${timeoutMs / 1000} s`);
      }
      await sleep(Math.min(intervalMs, timeoutMs - waited));
    }
  }

  // ---- plumbing ---------------------------------------------------------------------------

  async #json(method, path, options) {
    const answer = await this.#request(method, path, options);
    const text = await answer.text();
    return text ? JSON.parse(text) : null;
  }

  async #casesPage(experimentId, limit, offset) {
    const page = await this.#json('GET', experimentPath(experimentId, 'cases'), { query: { limit, offset } });
    for (const row of page.items) {
      // A NaN or ±Infinity KPI is spelt out ('NaN', 'Infinity', '-Infinity'): a number again.
      for (const [name, value] of Object.entries(row.kpis ?? {})) {
        if (typeof value === 'string') row.kpis[name] = Number(value);
      }
    }
    return page;
  }

  /** The answer when 2xx; throws ApiError (from its problem+json) otherwise. */
  async #request(method, path, { query, body, form, headers: extra, accept = 'application/json', auth = true } = {}) {
    let url = this.url + path;
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) params.set(name, String(value));
    }
    if ([...params].length) url += `?${params}`;
    const headers = { Accept: accept, 'User-Agent': `fmugw-js/${VERSION}`, ...extra };
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
  return { ...payload, location: answer.headers.get('location') };
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
  return ApiError.fromProblem(answer.status, body, retryAfterOf(answer, body), answer.headers);
}

function retryAfterOf(answer, body) {
  for (const value of [answer.headers.get('retry-after'), body.retry_after]) {
    const seconds = Number(value);
    if (value !== null && value !== undefined && value !== '' && Number.isFinite(seconds)) return seconds;
  }
  return null;
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
