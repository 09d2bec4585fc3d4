// What needs no gateway: the HTTP layer against a local stub server.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ApiError, Client, GatewayUnreachableError, NotServedYetError, PaymentRequiredError } from '../src/index.js';

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
        res.writeHead(status, { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
        res.end(JSON.stringify(body));
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

  it('a planned route 404 is NotServedYetError, an unknown experiment a plain 404', async () => {
    script = [
      [404, {}, { status: 404, title: 'Not Found', detail: 'No such endpoint. The API is described at /docs.' }],
      [404, {}, { status: 404, title: 'Not Found', detail: 'no experiment exp-9' }],
    ];
    await assert.rejects(client.experiments(), NotServedYetError);
    await assert.rejects(client.experiment('exp-9'), (e) => e instanceof ApiError && !(e instanceof NotServedYetError));
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
