// Experiments (parameter sweeps) against a real gateway: quote, run, read, cancel, list.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ApiError, PaymentRequiredError, range, sweep, values } from '../src/index.js';
import { NO_GATEWAY, newClient } from '../testing/support.js';

/** Long enough to be polled; short enough for a test. */
const WAIT = { timeoutMs: 120_000, intervalMs: 200 };

/** Three cases of the bouncing ball's restitution: after its first bounce it rises at e × 4.43 m/s. */
const SWEPT = {
  fmu_id: 'lib:BouncingBall', stop_time: 1, step: 0.01, kpis: ['h_max', 'v_max'],
  sweep: sweep('full_factorial', { e: values(0.5, 0.7, 0.9) }),
};

function csvRows(text) {
  const [header, ...lines] = text.trim().split(/\r?\n/).map((line) => line.split(','));
  return { header, rows: lines.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]]))) };
}

describe('a sweep of three cases', { skip: NO_GATEWAY }, () => {
  let client;
  let balance;
  let quote;
  let created;
  let done;

  before(async () => {
    client = await newClient();
    balance = (await client.account()).credits;
    quote = await client.quoteExperiment(SWEPT);
    created = await client.createExperiment(SWEPT);
    done = await client.waitForExperiment(created.experiment_id, WAIT);
  });

  it('is quoted without holding anything', () => {
    assert.equal(quote.status, 'quote');
    assert.equal(quote.experiment_id, undefined);
    assert.equal(quote.cases.total, 3);
    assert.ok(quote.quote.per_case > 0);
    assert.equal(quote.quote.credits, 3 * quote.quote.per_case);
    assert.equal(quote.quote.balance_credits, balance);
  });

  it('is created queued, with its Location, holding the quote', () => {
    assert.ok(['queued', 'running'].includes(created.status), created.status);
    assert.equal(created.fmu_id, 'lib:BouncingBall');
    assert.equal(created.method, 'full_factorial');
    assert.equal(created.cases.total, 3);
    assert.equal(created.location, `/experiments/${created.experiment_id}`);
    assert.equal(created.links.self, created.location);
    assert.equal(created.quote.credits, quote.quote.credits);
    assert.equal(created.cost.held + created.cost.charged, quote.quote.credits);
  });

  it('succeeds with every case charged and nothing held', async () => {
    assert.equal(done.status, 'succeeded', JSON.stringify(done));
    assert.deepEqual(done.cases, { total: 3, queued: 0, running: 0, succeeded: 3, failed: 0, cancelled: 0 });
    assert.deepEqual(done.cost, { held: 0, charged: quote.quote.credits });
    assert.ok(done.finished_at);
    assert.equal((await client.account()).credits, balance - done.cost.charged);
  });

  it('lists its cases as JSON with their start values and KPIs, by index and by page', async () => {
    const page = await client.experimentCases(done.experiment_id);
    assert.deepEqual([page.offset, page.total], [0, 3]);
    assert.deepEqual(page.items.map((c) => c.index), [0, 1, 2]);
    assert.deepEqual(page.items.map((c) => c.parameters.e), [0.5, 0.7, 0.9]);
    for (const c of page.items) {
      assert.equal(c.status, 'succeeded');
      assert.equal(c.cost, quote.quote.per_case);
      assert.equal(c.failure, null);
      assert.equal(c.result, `/experiments/${done.experiment_id}/cases/${c.index}`);
      assert.ok(Math.abs(c.kpis.h_max - 1) < 1e-6);
    }
    const rebounds = page.items.map((c) => c.kpis.v_max);
    assert.deepEqual([...rebounds].sort((a, b) => a - b), rebounds, 'a bouncier ball rebounds faster');
    assert.ok(rebounds[0] < rebounds[2]);

    const second = await client.experimentCases(done.experiment_id, { limit: 1, offset: 1 });
    assert.deepEqual(second.items.map((c) => c.index), [1]);
    const all = [];
    for await (const c of client.iterExperimentCases(done.experiment_id, { pageSize: 2 })) all.push(c.index);
    assert.deepEqual(all, [0, 1, 2]);
  });

  it('gives its cases as CSV, a column per parameter and KPI', async () => {
    const { header, rows } = csvRows(await client.experimentCasesCsv(done.experiment_id));
    assert.deepEqual(header, ['index', 'status', 'e', 'h_max', 'v_max', 'node', 'failure', 'cost']);
    assert.deepEqual(rows.map((r) => r.e), ['0.5', '0.7', '0.9']);
    assert.deepEqual(rows.map((r) => r.status), ['succeeded', 'succeeded', 'succeeded']);
    const one = csvRows(await client.experimentCasesCsv(done.experiment_id, { limit: 1, offset: 2 }));
    assert.deepEqual(one.rows.map((r) => r.index), ['2']);
  });

  it('gives one case full result as JSON and CSV', async () => {
    const result = await client.experimentCase(done.experiment_id, 2);
    assert.equal(result.status, 'ok');
    assert.equal(result.results.time.length, 101);
    assert.deepEqual(Object.keys(result.results), ['time', 'h', 'v']);
    const cases = await client.experimentCases(done.experiment_id);
    assert.ok(Math.abs(cases.items[2].kpis.v_max - result.kpis.v_max) < 1e-9);
    const text = await client.experimentCaseCsv(done.experiment_id, 2);
    const lines = text.trim().split(/\r?\n/);
    assert.equal(lines[0], 'time,h,v');
    assert.equal(lines.length, 102);
    await assert.rejects(client.experimentCase(done.experiment_id, 3), (e) => e instanceof ApiError && e.status === 404);
  });

  it('is listed first among the account experiments, and hidden from others', async () => {
    const page = await client.experiments();
    assert.deepEqual([page.page, page.size], [1, 20]);
    assert.ok(page.total >= 1);
    assert.equal(page.items[0].experiment_id, done.experiment_id);
    assert.equal(page.items[0].status, 'succeeded');
    const stranger = await newClient();
    await assert.rejects(stranger.experiment(done.experiment_id), (e) => e instanceof ApiError && e.status === 404);
  });
});

describe('cancelling an experiment', { skip: NO_GATEWAY }, () => {
  it('ends it cancelled, charges only the cases that ran and releases the rest', async () => {
    const client = await newClient();
    const balance = (await client.account()).credits;
    // Five cases of 100,000 samples each: they are still queued or running when cancelled.
    const created = await client.createExperiment({
      fmu_id: 'lib:BouncingBall', stop_time: 100, step: 0.001,
      sweep: sweep('full_factorial', { e: range(0.5, 0.9, 5) }),
    });
    const cancelled = await client.cancelExperiment(created.experiment_id);
    assert.equal(cancelled.status, 'cancelled');
    assert.ok(cancelled.cases.cancelled >= 1, JSON.stringify(cancelled.cases));
    const done = await client.waitForExperiment(created.experiment_id, WAIT);
    assert.equal(done.status, 'cancelled');
    assert.equal(done.cases.succeeded + done.cases.failed + done.cases.cancelled, 5);
    assert.equal(done.cost.held, 0);
    assert.equal(done.cost.charged, done.cases.succeeded * created.quote.per_case);
    assert.equal((await client.account()).credits, balance - done.cost.charged);
    const statuses = new Set((await client.experimentCases(created.experiment_id)).items.map((c) => c.status));
    assert.ok(statuses.has('cancelled'));
    for (const status of statuses) assert.ok(['cancelled', 'succeeded'].includes(status), status);
    assert.equal((await client.cancelExperiment(created.experiment_id)).status, 'cancelled');
  });
});

describe('simulate with async', { skip: NO_GATEWAY }, () => {
  it('is a one-case experiment whose case is the run', async () => {
    const client = await newClient();
    const queued = await client.simulate({ fmu_id: 'msl:BouncingBall', stop_time: 1, step: 0.1, kpis: ['h_max'], async: true });
    assert.equal(queued.cases.total, 1);
    assert.equal(queued.method, 'cases');
    assert.equal(queued.location, `/experiments/${queued.experiment_id}`);
    const done = await client.waitForExperiment(queued.experiment_id, WAIT);
    assert.equal(done.status, 'succeeded');
    const result = await client.experimentCase(queued.experiment_id, 0);
    assert.equal(result.results.time.length, 11);
    assert.ok(Math.abs(result.kpis.h_max - 1) < 1e-6);
  });
});

describe('experiment limits', { skip: NO_GATEWAY }, () => {
  it('a sweep beyond the balance is a 402 and nothing is created; a sweep without parameters is a 400', async () => {
    const client = await newClient();
    const many = { fmu_id: 'lib:BouncingBall', stop_time: 0.5, sweep: sweep('full_factorial', { e: range(0.1, 0.9, 20) }) };
    await assert.rejects(client.createExperiment(many),
      (e) => e instanceof PaymentRequiredError && e.offer.quote_credits > e.offer.balance_credits);
    assert.equal((await client.experiments()).total, 0);
    await assert.rejects(client.createExperiment({ fmu_id: 'lib:BouncingBall', stop_time: 0.5, sweep: { method: 'sobol' } }),
      (e) => e instanceof ApiError && e.status === 400 && String(e.field).startsWith('sweep'));
  });
});
