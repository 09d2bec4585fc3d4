// What needs no gateway: the HTTP layer against a local stub server.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  ApiError, Client, GatewayUnreachableError, PaymentRequiredError, decodeX402, normal, range, sweep, uniform, values,
} from '../src/index.js';

const RESULT = {
  run_id: 'r1', fmu_id: 'lib:X', status: 'ok', cost: { credits: 10, quoted_credits: 10, paid_with: 'credits' },
  results: { time: [0, 1], h: [1, 0.5] }, kpis: { h_max: 1 }, provenance: {},
};

/** An experiment as the gateway writes it (null members left out). */
function experiment(status, counts = {}) {
  const cases = { total: 3, queued: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0, ...counts };
  return {
    experiment_id: 'exp-1', status, fmu_id: 'lib:BouncingBall', method: 'full_factorial', cases,
    quote: { credits: 10 * cases.total, per_case: 10 },
    cost: { held: 10 * (cases.queued + cases.running), charged: 10 * cases.succeeded },
    created_at: '2026-12-02T12:00:00Z', links: { self: '/experiments/exp-1', cases: '/experiments/exp-1/cases' },
  };
}

function b64(value) {
  return Buffer.from(JSON.stringify(value)).toString('base64');
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

  it('x402 requirements and settlements are decoded from their headers', async () => {
    const required = { x402Version: 2, error: 'credits short', accepts: [{ scheme: 'exact', network: 'eip155:8453', amount: '1000000', payTo: '0xabc' }] };
    const settled = { success: true, transaction: '0x1', network: 'eip155:8453' };
    script = [
      [402, { 'PAYMENT-REQUIRED': b64(required) }, { status: 402, title: 'Payment Required', detail: 'short', x402: required }],
      [200, { 'PAYMENT-RESPONSE': b64(settled) }, RESULT],
      [402, { 'PAYMENT-RESPONSE': b64({ ...settled, success: false }) }, { status: 402, title: 'Payment Required', detail: 'not settled' }],
    ];
    await assert.rejects(client.simulate({ fmu_id: 'lib:X' }), (e) => {
      assert.deepEqual(e.x402, required);
      assert.equal(e.x402.accepts[0].amount, '1000000');
      return e instanceof PaymentRequiredError;
    });
    assert.equal(seen[0].headers['payment-signature'], undefined);
    const result = await client.simulate({ fmu_id: 'lib:X' }, { paymentSignature: 'c2lnbmVk' });
    assert.equal(seen[1].headers['payment-signature'], 'c2lnbmVk');
    assert.deepEqual(result.payment_response, settled);
    await assert.rejects(client.simulate({ fmu_id: 'lib:X' }, { paymentSignature: 'c2lnbmVk' }),
      (e) => e instanceof PaymentRequiredError && e.paymentResponse.success === false && e.x402 === null);
    assert.equal(decodeX402('not base64!'), null);
    assert.equal(decodeX402(null), null);
  });

  it('createExperiment sends the simulate body plus sweep and reads the 202', async () => {
    script = [[202, { Location: '/experiments/exp-1' }, experiment('queued', { queued: 3 })]];
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
    assert.deepEqual([created.cases.total, created.quote.credits, created.quote.per_case, created.cost.held], [3, 30, 10, 30]);
    assert.throws(() => sweep('grid', {}), TypeError);
    await assert.rejects(client.createExperiment({ fmu_id: 'lib:X', sweep: { e: [1, 2] } }), TypeError);
  });

  it('quoteExperiment is the 200 quote; a short balance is a PaymentRequiredError', async () => {
    const quote = { status: 'quote', cases: { total: 200, queued: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0 }, quote: { credits: 2000, per_case: 10, balance_credits: 100 } };
    script = [
      [200, {}, quote],
      [402, {}, { status: 402, title: 'Payment Required', detail: 'credits cover 10 of 30', session_id: 'cs_2', checkout_url: 'https://pay/cs_2' }],
    ];
    const request = { fmu_id: 'lib:X', sweep: sweep('sobol', { e: uniform(0.5, 0.9) }, { samples: 200 }) };
    const offer = await client.quoteExperiment(request);
    assert.deepEqual([offer.status, offer.cases.total, offer.quote.credits, offer.quote.per_case, offer.quote.balance_credits], ['quote', 200, 2000, 10, 100]);
    assert.equal(JSON.parse(seen[0].body).quote_only, true);
    await assert.rejects(client.createExperiment(request), (e) => e instanceof PaymentRequiredError && e.checkoutUrl === 'https://pay/cs_2');
  });

  it('a limit is named in the error', async () => {
    script = [[429, {}, { status: 429, title: 'Too Many Requests', detail: 'at most 2 experiments running', limit: 'experiments_running' }]];
    await assert.rejects(client.createExperiment({ fmu_id: 'lib:X', sweep: sweep('cases', null, { cases: [{ start_values: { k: 1 } }] }) }),
      (e) => e instanceof ApiError && e.status === 429 && e.limit === 'experiments_running');
  });

  it('waitForExperiment polls until a final status; cases come paged, as CSV, one by one', async () => {
    const row = { index: 0, parameters: { k: 1 }, status: 'succeeded', kpis: { y: 1 }, node: 'n1', cost: 10, result: '/experiments/exp-1/cases/0' };
    script = [
      [200, {}, experiment('running', { queued: 1, running: 1, succeeded: 1 })],
      [200, {}, experiment('partially_failed', { succeeded: 2, failed: 1 })],
      [200, {}, { items: [{ ...row, index: 0 }, { ...row, index: 1, kpis: { y: 'NaN', z: '-Infinity' } }], offset: 0, limit: 2, total: 3 }],
      [200, {}, { items: [{ ...row, index: 2 }], offset: 2, limit: 2, total: 3 }],
      [200, { 'Content-Type': 'text/csv' }, 'index,status\r\n0,succeeded\r\n'],
      [200, {}, RESULT],
      [200, { 'Content-Type': 'text/csv' }, 'time,h\n0,1\n'],
    ];
    const progress = [];
    const done = await client.waitForExperiment('exp-1', { intervalMs: 0, onProgress: (e) => progress.push(e.status) });
    assert.deepEqual(progress, ['running', 'partially_failed']);
    assert.equal(done.cases.failed, 1);
    const rows = [];
    for await (const c of client.iterExperimentCases('exp-1', { pageSize: 2 })) rows.push(c);
    assert.deepEqual(rows.map((c) => c.index), [0, 1, 2]);
    assert.ok(Number.isNaN(rows[1].kpis.y));
    assert.equal(rows[1].kpis.z, -Infinity);
    assert.deepEqual(seen.slice(2, 4).map((r) => r.url), ['/experiments/exp-1/cases?limit=2&offset=0', '/experiments/exp-1/cases?limit=2&offset=2']);
    assert.equal(await client.experimentCasesCsv('exp-1', { limit: 5, offset: 10 }), 'index,status\r\n0,succeeded\r\n');
    assert.deepEqual([seen[4].url, seen[4].headers.accept], ['/experiments/exp-1/cases?limit=5&offset=10', 'text/csv']);
    assert.equal((await client.experimentCase('exp-1', 7)).kpis.h_max, 1);
    assert.equal(seen[5].url, '/experiments/exp-1/cases/7');
    assert.equal(await client.experimentCaseCsv('exp-1', 7), 'time,h\n0,1\n');
    assert.equal(seen[6].headers.accept, 'text/csv');
  });

  it('experiments are listed by page and cancelled with DELETE', async () => {
    script = [
      [200, {}, { items: [experiment('running', { running: 3 })], page: 2, size: 5, total: 6, has_more: false }],
      [200, {}, experiment('cancelled', { succeeded: 1, cancelled: 2 })],
    ];
    const page = await client.experiments({ page: 2, size: 5 });
    assert.equal(seen[0].url, '/experiments?page=2&size=5');
    assert.deepEqual([page.items[0].experiment_id, page.total, page.has_more], ['exp-1', 6, false]);
    const cancelled = await client.cancelExperiment('exp-1');
    assert.deepEqual([cancelled.status, cancelled.cases.cancelled, cancelled.cost.held], ['cancelled', 2, 0]);
    assert.deepEqual([seen[1].method, seen[1].url], ['DELETE', '/experiments/exp-1']);
  });

  it('simulate with async is the queued one-case experiment', async () => {
    script = [[202, { Location: '/experiments/exp-1' }, { ...experiment('queued', { total: 1, queued: 1 }), method: 'cases' }]];
    const queued = await client.simulate({ fmu_id: 'lib:X', stop_time: 1, async: true });
    assert.deepEqual(JSON.parse(seen[0].body), { fmu_id: 'lib:X', stop_time: 1, async: true });
    assert.deepEqual([queued.experiment_id, queued.location, queued.status, queued.cases.total], ['exp-1', '/experiments/exp-1', 'queued', 1]);
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
