// What needs no gateway: the HTTP layer against a local stub server.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApiError, Client, GatewayUnreachableError, NotServedYetError, PaymentRequiredError, normal, range, sweep, uniform, values,
} from '../src/index.js';

const NO_SUCH_ENDPOINT = { status: 404, title: 'Not Found', detail: 'No such endpoint. The API is described at /docs.' };

const RESULT = {
  run_id: 'r1', fmu_id: 'lib:X', status: 'ok', cost: { credits: 10, quoted_credits: 10, paid_with: 'credits' },
  results: { time: [0, 1], h: [1, 0.5] }, kpis: { h_max: 1 }, provenance: {},
};

function experiment(status, counts = {}) {
  const cases = { total: 3, queued: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0, ...counts };
  return {
    experiment_id: 'exp-1', status, cases, cost: { held: 30, charged: 10 * cases.succeeded },
    created_at: '2026-12-02T12:00:00Z', started_at: null, finished_at: null,
  };
}

describe('the HTTP layer', () => {
  let server;
  let client;
  let script;
  let seen;

  before(async () => {
    server = createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
        const [status, headers, body] = script.shift();
        // Bytes or text go out as they are (with the script's Content-Type), anything else as JSON.
        const raw = typeof body === 'string' || body instanceof Uint8Array;
        const payload = raw ? body : body === null || body === undefined ? '' : JSON.stringify(body);
        res.writeHead(status, { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
        res.end(payload);
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new Client(`http://127.0.0.1:${server.address().port}`, 'fmugw_test');
  });

  after(() => new Promise((resolve) => server.close(resolve)));

  beforeEach(() => {
    script = [];
    seen = [];
  });

  it('non-finite samples and KPIs, null in the JSON, are numbers again', async () => {
    script = [[200, {}, {
      ...RESULT, results: { time: [0, 1, 2], h: [1, null, null] }, kpis: { h_max: null },
      non_finite: { results: { h: { 1: 'Infinity', 2: 'NaN' } }, kpis: { h_max: '-Infinity' } },
    }]];
    const result = await client.simulate({ fmu_id: 'lib:X', stop_time: 2 });
    assert.equal(result.results.h[0], 1);
    assert.equal(result.results.h[1], Infinity);
    assert.ok(Number.isNaN(result.results.h[2]));
    assert.equal(result.kpis.h_max, -Infinity);
  });

  it('a 429 with Retry-After is retried', async () => {
    script = [[429, { 'Retry-After': '0' }, { status: 429, title: 'Too Many Requests' }], [200, {}, []]];
    assert.deepEqual(await client.runs(), []);
    assert.equal(seen.length, 2);
    assert.equal(seen[0].headers.authorization, 'Bearer fmugw_test');
    assert.equal(seen[0].url, '/runs?limit=50');
  });

  it('a 402 is a PaymentRequiredError with the offer', async () => {
    script = [[402, {}, {
      title: 'Payment Required', status: 402, detail: 'credits short', session_id: 'cs_1',
      checkout_url: 'https://pay/cs_1', amount: 1.0, amount_minor: 100, currency: 'usd', next_step: 'Pay',
      quote: { fmu_id: 'lib:X', credits: 10, balance_credits: 0, amount: 1.0, amount_minor: 100, currency: 'usd' },
    }]];
    await assert.rejects(client.simulate({ fmu_id: 'lib:X', stop_time: 1, kpis: ['y_max'], outputs: null }), (e) => {
      assert.ok(e instanceof PaymentRequiredError);
      assert.equal(e.checkoutUrl, 'https://pay/cs_1');
      assert.equal(e.sessionId, 'cs_1');
      assert.equal(e.quote.credits, 10);
      return true;
    });
    assert.deepEqual(JSON.parse(seen[0].body), { fmu_id: 'lib:X', stop_time: 1, kpis: ['y_max'] });
  });

  it('a planned route 404 or 405 is NotServedYetError, an unknown experiment a plain 404', async () => {
    script = [
      [404, {}, NO_SUCH_ENDPOINT],
      [405, {}, { status: 405, title: 'Method Not Allowed', detail: 'DELETE' }],
      [404, {}, { status: 404, title: 'Not Found', detail: 'no experiment exp-9' }],
    ];
    await assert.rejects(client.experiments(), (e) => e instanceof NotServedYetError && e.status === 404 && /planned experiments API/.test(e.message));
    await assert.rejects(client.cancelExperiment('exp-9'), NotServedYetError);
    await assert.rejects(client.experiment('exp-9'), (e) => e instanceof ApiError && !(e instanceof NotServedYetError) && e.status === 404);
  });

  it('createExperiment sends the simulate body plus sweep and reads the 202', async () => {
    script = [[202, { Location: '/experiments/exp-1' }, {
      ...experiment('queued', { queued: 3 }), quote: { credits: 30, balance_credits: 90 }, links: { self: '/experiments/exp-1' },
    }]];
    const created = await client.createExperiment({
      fmu_id: 'lib:BouncingBall', stop_time: 1, kpis: ['h_max'], payment_method: 'crypto', callback_url: 'https://me.example/done',
      sweep: sweep('latin_hypercube', { e: uniform(0.5, 0.9), c: values(1, 2), d: range(0, 1, 5), g: normal(9.81, 0.1) }, { samples: 3, seed: 1 }),
    });
    assert.deepEqual(JSON.parse(seen[0].body), {
      fmu_id: 'lib:BouncingBall', stop_time: 1, kpis: ['h_max'], payment_method: 'crypto', callback_url: 'https://me.example/done',
      sweep: {
        method: 'latin_hypercube', samples: 3, seed: 1,
        parameters: {
          e: { uniform: { min: 0.5, max: 0.9 } }, c: { values: [1, 2] },
          d: { range: { start: 0, stop: 1, num: 5 } }, g: { normal: { mean: 9.81, std: 0.1 } },
        },
      },
    });
    assert.equal(seen[0].url, '/experiments');
    assert.equal(created.experiment_id, 'exp-1');
    assert.equal(created.location, '/experiments/exp-1');
    assert.equal(created.cases.total, 3);
    assert.equal(created.quote.credits, 30);
    assert.throws(() => sweep('grid', {}), TypeError);
    await assert.rejects(client.createExperiment({ fmu_id: 'lib:X', sweep: { e: [1, 2] } }), TypeError);
  });

  it('quoteExperiment reads a 402 or a 2xx body; a short balance is a PaymentRequiredError', async () => {
    const quote = { credits: 2000, balance_credits: 100, amount: 20, amount_minor: 2000, currency: 'usd' };
    script = [
      [402, {}, { status: 402, title: 'Payment Required', detail: 'quote', cases: { total: 200 }, quote }],
      [200, {}, { cases: { total: 200 }, quote }],
      [402, {}, { status: 402, title: 'Payment Required', detail: 'credits cover 10 of 30', session_id: 'cs_2', checkout_url: 'https://pay/cs_2' }],
    ];
    const request = { fmu_id: 'lib:X', sweep: sweep('sobol', { e: uniform(0.5, 0.9) }, { samples: 200 }) };
    for (let i = 0; i < 2; i++) {
      const offer = await client.quoteExperiment(request);
      assert.equal(offer.quote.credits, 2000);
      assert.equal(offer.cases.total, 200);
      assert.equal(JSON.parse(seen[i].body).quote_only, true);
    }
    await assert.rejects(client.createExperiment(request), (e) => e instanceof PaymentRequiredError && e.checkoutUrl === 'https://pay/cs_2');
  });

  it('a limit is named in the error', async () => {
    script = [[429, {}, { status: 429, title: 'Too Many Requests', detail: 'at most 2 experiments running', limit: 'max_running_experiments' }]];
    await assert.rejects(client.createExperiment({ fmu_id: 'lib:X', sweep: sweep('cases', null, { cases: [{ start_values: { k: 1 } }] }) }),
      (e) => e instanceof ApiError && e.status === 429 && e.limit === 'max_running_experiments');
  });

  it('waitForExperiment polls until a final status; cases come paged, as CSV, as Parquet, one by one', async () => {
    const row = { index: 0, parameters: { k: 1 }, status: 'succeeded', kpis: { y: 1 }, node: 'n1', failure: null, cost: 10 };
    const parquet = new Uint8Array([80, 65, 82, 49, 0, 255, 80, 65, 82, 49]);
    script = [
      [200, {}, experiment('running', { queued: 1, running: 1, succeeded: 1 })],
      [200, {}, experiment('partially_failed', { succeeded: 2, failed: 1 })],
      [200, {}, [{ ...row, index: 0 }, { ...row, index: 1 }]],
      [200, {}, { items: [{ ...row, index: 2 }], total: 3 }],
      [200, { 'Content-Type': 'text/csv' }, 'index,status\n0,succeeded\n'],
      [200, { 'Content-Type': 'application/vnd.apache.parquet' }, parquet],
      [200, {}, RESULT],
      [200, { 'Content-Type': 'text/csv' }, 'time,h\n0,1\n'],
    ];
    const progress = [];
    const done = await client.waitForExperiment('exp-1', { intervalMs: 0, onProgress: (e) => progress.push(e.status) });
    assert.deepEqual(progress, ['running', 'partially_failed']);
    assert.equal(done.cases.failed, 1);
    const rows = [];
    for await (const c of client.iterExperimentCases('exp-1', { pageSize: 2 })) rows.push(c.index);
    assert.deepEqual(rows, [0, 1, 2]);
    assert.deepEqual(seen.slice(2, 4).map((r) => r.url), ['/experiments/exp-1/cases?limit=2&offset=0', '/experiments/exp-1/cases?limit=2&offset=2']);
    assert.equal(await client.experimentCasesCsv('exp-1'), 'index,status\n0,succeeded\n');
    assert.equal(seen[4].headers.accept, 'text/csv');
    const dir = await mkdtemp(join(tmpdir(), 'fmugw-'));
    try {
      const path = join(dir, 'cases.parquet');
      assert.deepEqual(await client.experimentCasesParquet('exp-1', { path }), parquet);
      assert.equal(seen[5].headers.accept, 'application/vnd.apache.parquet');
      assert.deepEqual(new Uint8Array(await readFile(path)), parquet);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    assert.equal((await client.experimentCase('exp-1', 7)).kpis.h_max, 1);
    assert.equal(seen[6].url, '/experiments/exp-1/cases/7');
    assert.equal(await client.experimentCaseCsv('exp-1', 7), 'time,h\n0,1\n');
  });

  it('experiments are listed by page and cancelled with DELETE', async () => {
    script = [[200, {}, { items: [experiment('running', { running: 3 })] }], [204, {}, null]];
    const list = await client.experiments({ limit: 5, offset: 10 });
    assert.equal(seen[0].url, '/experiments?limit=5&offset=10');
    assert.equal(list[0].experiment_id, 'exp-1');
    assert.equal(await client.cancelExperiment('exp-1'), null);
    assert.deepEqual([seen[1].method, seen[1].url], ['DELETE', '/experiments/exp-1']);
  });

  it('simulate with async is the one-case experiment reference; a gateway that ran it at once throws with the result', async () => {
    script = [[202, { Location: '/experiments/exp-7' }, { status: 'queued' }], [200, {}, RESULT]];
    const ref = await client.simulate({ fmu_id: 'lib:X', stop_time: 1, async: true });
    assert.deepEqual(JSON.parse(seen[0].body), { fmu_id: 'lib:X', stop_time: 1, async: true });
    assert.deepEqual([ref.experiment_id, ref.location, ref.status], ['exp-7', '/experiments/exp-7', 'queued']);
    await assert.rejects(client.simulate({ fmu_id: 'lib:X', async: true }),
      (e) => e instanceof NotServedYetError && e.status === 200 && e.result.kpis.h_max === 1);
  });

  it('upload is multipart with the file field', async () => {
    script = [[201, {}, { id: 'f1' }]];
    assert.equal((await client.upload(new Uint8Array([80, 75, 3, 4]), 'm.fmu')).id, 'f1');
    assert.match(seen[0].headers['content-type'], /^multipart\/form-data; boundary=/);
    assert.match(seen[0].body.toString('latin1'), /name="file"; filename="m.fmu"/);
  });

  it('no answer at all is GatewayUnreachableError', async () => {
    await assert.rejects(new Client('http://127.0.0.1:1', 'k').account(), GatewayUnreachableError);
  });
});
