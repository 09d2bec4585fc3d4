// The client against a real gateway: keys, models, simulation, errors and x402's header.

import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ApiError, Client, PaymentRequiredError } from '../src/index.js';
import { GATEWAY_URL, NO_GATEWAY, newClient, uploadFixture } from '../testing/support.js';

describe('keys and account', { skip: NO_GATEWAY }, () => {
  it('createKey gives a key that opens its account', async () => {
    const issued = await new Client(GATEWAY_URL).createKey();
    assert.match(issued.key, /^fmugw_/);
    const client = new Client(GATEWAY_URL, issued.key);
    const account = await client.account();
    assert.equal(account.id, issued.account_id);
    assert.equal(account.tier, 'free');
    assert.ok((await client.keys()).some((k) => k.key_id === issued.key_id));
  });

  it('a revoked key is refused with 401', async () => {
    const client = await newClient();
    const extra = await client.addKey();
    await client.revokeKey(extra.key_id);
    await assert.rejects(new Client(GATEWAY_URL, extra.key).account(), (e) => e instanceof ApiError && e.status === 401);
  });

  it('no key is refused with the problem detail', async () => {
    await assert.rejects(new Client(GATEWAY_URL).library(), (e) => e.status === 401 && e.detail.includes('Authorization'));
  });
});

describe('models', { skip: NO_GATEWAY }, () => {
  let client;
  before(async () => {
    client = await newClient();
  });

  it('the library lists BouncingBall with its prototype alias', async () => {
    const ball = (await client.library()).find((e) => e.id === 'lib:BouncingBall');
    assert.ok(ball.aliases.includes('msl:BouncingBall'));
    assert.ok(ball.interfaces.includes('cs'));
    // The FMI 2.0 ball and its FMI 3.0 twin; nothing else is a bouncing ball.
    assert.deepEqual((await client.library('bouncing')).map((e) => e.id).sort(), ['lib:BouncingBall', 'lib:BouncingBall3']);
  });

  it('variables of a library model', async () => {
    const byName = Object.fromEntries((await client.variables('msl:BouncingBall')).map((v) => [v.name, v]));
    assert.equal(byName.h.causality, 'output');
    assert.equal(byName.e.causality, 'parameter');
  });

  it('upload gives an FMU with its variables; the same bytes the same record', { skip: !uploadFixture() && 'FMUGW_TEST_FMU is not set to a built .fmu file' }, async () => {
    const fmu = await client.upload(uploadFixture());
    assert.equal(fmu.built_in, false);
    assert.equal(fmu.sha256.length, 64);
    assert.equal((await client.upload(uploadFixture())).id, fmu.id);
    assert.equal((await client.fmu(fmu.id)).id, fmu.id);
    assert.equal((await client.variables(fmu.id)).length, fmu.number_of_variables);
    const result = await client.simulate({ fmu_id: fmu.id, stop_time: 1, step: 0.1 });
    assert.equal(result.provenance.fmu_sha256, fmu.sha256);
  });

  it('an upload of something else is refused naming the file field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fmugw-'));
    try {
      const junk = join(dir, 'junk.fmu');
      writeFileSync(junk, 'not a zip');
      await assert.rejects(client.upload(junk), (e) => e.status === 422 && e.field === 'file');
      await assert.rejects(client.upload(new Blob(['nope']), 'blob.fmu'), (e) => e.status === 422);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('simulate', { skip: NO_GATEWAY }, () => {
  let client;
  before(async () => {
    client = await newClient();
  });

  it('BouncingBall as JSON with a KPI', async () => {
    const result = await client.simulate({ fmu_id: 'msl:BouncingBall', stop_time: 3, step: 0.01, kpis: ['h_max'] });
    assert.equal(result.fmu_id, 'lib:BouncingBall');
    assert.equal(result.results.time.length, 301);
    assert.deepEqual(Object.keys(result.results), ['time', 'h', 'v']);
    assert.ok(Math.abs(result.kpis.h_max - 1) < 1e-6);
    assert.equal(result.cost.paid_with, 'credits');
    assert.equal(result.provenance.fmu_interface, 'cs');
  });

  it('BouncingBall as CSV', async () => {
    const lines = (await client.simulateCsv({ fmu_id: 'msl:BouncingBall', stop_time: 1, step: 0.1 })).trim().split(/\r?\n/);
    assert.equal(lines[0], 'time,h,v');
    assert.equal(lines.length, 12);
  });

  it('model exchange with a solver and a start value', async () => {
    const result = await client.simulate({
      fmu_id: 'lib:BouncingBall', stop_time: 1, step: 0.1, interface: 'me', solver: 'rk4',
      start_values: { h: 2 }, outputs: ['h'], kpis: ['h_max'],
    });
    assert.equal(result.provenance.solver, 'rk4');
    assert.ok(Math.abs(result.kpis.h_max - 2) < 1e-6);
  });

  it('runs list the run', async () => {
    const result = await client.simulate({ fmu_id: 'msl:BouncingBall', stop_time: 0.5, step: 0.1 });
    assert.ok((await client.runs()).some((r) => r.id === result.run_id));
    assert.equal((await client.run(result.run_id)).cost_credits, result.cost.credits);
  });

  it('bad input is an ApiError naming the field', async () => {
    await assert.rejects(client.simulate({ fmu_id: 'msl:BouncingBall', stop_time: -1 }), (e) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.status, 400);
      assert.equal(e.field, 'stop_time');
      assert.equal(e.errors[0].field, 'stop_time');
      return true;
    });
    await assert.rejects(client.simulate({ fmu_id: 'lib:NoSuchModel', stop_time: 1 }), (e) => e.status === 404);
    await assert.rejects(client.simulate({ fmu_id: 'msl:BouncingBall', stop: 1 }), TypeError);
  });

  it('quote_only is a 402 with the price and no checkout', async () => {
    const offer = await client.quote({ fmu_id: 'msl:BouncingBall', stop_time: 1 });
    assert.equal(offer.checkout_url, undefined);
    assert.ok(offer.quote.credits > 0);
    assert.equal(offer.quote.amount_minor, 100);
    assert.equal(offer.currency, 'usd');
    await assert.rejects(client.simulate({ fmu_id: 'msl:BouncingBall', quote_only: true }),
      (e) => e instanceof PaymentRequiredError && e.status === 402 && e.checkoutUrl === null);
  });
});

describe('x402', { skip: NO_GATEWAY }, () => {
  it('a payment signature is sent as PAYMENT-SIGNATURE; a malformed one is refused by name', async () => {
    const client = await newClient();
    await assert.rejects(client.simulate({ fmu_id: 'msl:BouncingBall', stop_time: 0.5 }, { paymentSignature: 'not base64!' }),
      (e) => e instanceof ApiError && e.status === 400 && e.field === 'PAYMENT-SIGNATURE');
    assert.deepEqual(await client.runs(), []);
  });

  it('a gateway without x402 sends 402s without requirements', async (t) => {
    const client = await newClient();
    await assert.rejects(client.simulate({ fmu_id: 'msl:BouncingBall', quote_only: true }), (e) => {
      assert.ok(e instanceof PaymentRequiredError);
      if (e.headers.get('payment-required')) {
        t.skip('this gateway takes x402');
        return true;
      }
      assert.equal(e.x402, null);
      assert.equal(e.paymentResponse, null);
      return true;
    });
  });
});
