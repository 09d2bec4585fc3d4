// Paying with money against a real gateway's offline sandbox provider, paid as a browser would.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ApiError, PaymentRequiredError, PaymentTimeoutError } from '../src/index.js';
import { NO_GATEWAY, drainedClient, newClient, paySandboxCheckout } from '../testing/support.js';

const SANDBOX_ONLY = (provider) => provider !== 'sandbox' && `the gateway pays through ${provider}, not the offline sandbox`;

describe('pay per run', { skip: NO_GATEWAY }, () => {
  let client;
  before(async () => {
    client = await drainedClient();
  });

  it('credits short: the 402 carries a checkout; the paid token runs once only', async (t) => {
    const required = await client.simulate({ fmu_id: 'msl:BouncingBall', stop_time: 1, step: 0.1 }).then(
      () => assert.fail('expected a 402'),
      (e) => e,
    );
    assert.ok(required instanceof PaymentRequiredError, String(required));
    if (SANDBOX_ONLY(required.offer.provider)) return t.skip(SANDBOX_ONLY(required.offer.provider));
    assert.ok(required.checkoutUrl);
    assert.ok(required.sessionId);
    assert.equal(required.offer.purpose, 'run');
    assert.equal(required.offer.amount_minor, 100);
    assert.match(required.nextStep, /payment_token/);
    assert.ok(required.quote.balance_credits < required.quote.credits);

    const pending = await client.checkout(required.sessionId);
    assert.equal(pending.status, 'pending');
    assert.equal(pending.http_status, 202);
    await assert.rejects(client.waitForPayment(required.sessionId, { timeoutMs: 500, intervalMs: 200 }), PaymentTimeoutError);

    assert.equal(await paySandboxCheckout(required.checkoutUrl), 303);
    const paid = await client.waitForPayment(required.sessionId, { timeoutMs: 60_000, intervalMs: 500 });
    assert.equal(paid.http_status, 200);
    assert.ok(paid.payment_token);

    const request = { fmu_id: 'msl:BouncingBall', stop_time: 1, step: 0.1, payment_token: paid.payment_token };
    const result = await client.simulate(request);
    assert.equal(result.cost.paid_with, 'payment_token');
    assert.equal(result.cost.session_id, required.sessionId);
    await assert.rejects(client.simulate(request), (e) => e instanceof ApiError && e.status === 410);
  });

  it('simulateAndPay with crypto runs once the checkout is paid', async () => {
    const shown = [];
    const csv = await client.simulateAndPay(
      { fmu_id: 'msl:BouncingBall', stop_time: 0.5, step: 0.1 },
      {
        paymentMethod: 'crypto',
        pollIntervalMs: 500,
        paymentTimeoutMs: 60_000,
        csv: true,
        onCheckout: async (required) => {
          shown.push(required.offer);
          assert.equal(await paySandboxCheckout(required.checkoutUrl), 303);
        },
      },
    );
    assert.equal(shown[0].payment_method, 'crypto');
    assert.match(csv, /^time,h,v/);
  });
});

describe('checkouts', { skip: NO_GATEWAY }, () => {
  it('pay up front gives a token for one run', async (t) => {
    const client = await newClient();
    const checkout = await client.pay({ fmu_id: 'msl:BouncingBall', payment_method: 'crypto' });
    assert.equal(checkout.payment_method, 'crypto');
    assert.equal(checkout.status, 'pending');
    assert.equal((await client.pay({ fmu_id: 'msl:BouncingBall', payment_method: 'crypto' })).session_id, checkout.session_id);
    if (SANDBOX_ONLY(checkout.provider)) return t.skip(SANDBOX_ONLY(checkout.provider));
    assert.equal(await paySandboxCheckout(checkout.checkout_url), 303);
    const { payment_token } = await client.waitForPayment(checkout.session_id, { timeoutMs: 60_000, intervalMs: 500 });
    const result = await client.simulate({ fmu_id: 'msl:BouncingBall', stop_time: 0.2, step: 0.1, payment_token });
    assert.equal(result.cost.paid_with, 'payment_token');
  });

  it('a credit pack lands on the balance once paid', async (t) => {
    const client = await newClient();
    const pack = (await client.creditPacks()).find((p) => p.pack === '10');
    assert.ok(pack);
    const before = (await client.account()).credits;
    const checkout = await client.buyCredits('10');
    assert.equal(checkout.purpose, 'credit_pack');
    assert.equal(checkout.credits, pack.credits);
    if (SANDBOX_ONLY(checkout.provider)) return t.skip(SANDBOX_ONLY(checkout.provider));
    assert.equal(await paySandboxCheckout(checkout.checkout_url), 303);
    const paid = await client.waitForPayment(checkout.session_id, { timeoutMs: 60_000, intervalMs: 500 });
    assert.equal(paid.payment_token, undefined);
    assert.equal((await client.account()).credits, before + pack.credits);
  });

  it('an unknown pack is bad input naming the pack', async () => {
    const client = await newClient();
    await assert.rejects(client.buyCredits({ pack: 'no-such-pack' }), (e) => e.status === 400 && e.field === 'pack');
  });

  it("someone else's checkout is 404", async () => {
    const checkout = await (await newClient()).pay({ fmu_id: 'msl:BouncingBall' });
    await assert.rejects((await newClient()).checkout(checkout.session_id), (e) => e.status === 404);
  });
});
