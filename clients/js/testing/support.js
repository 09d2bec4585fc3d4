// Shared by the tests: the gateway under test, fresh accounts, and paying the sandbox's checkout.
// Kept out of test/ so that node --test does not run it as a test file.

import { existsSync } from 'node:fs';
import { Client } from '../src/index.js';

export const GATEWAY_URL = (process.env.FMUGW_URL ?? '').trim();

/** A `skip` option: the reason when no gateway is given, else false. */
export const NO_GATEWAY = GATEWAY_URL
  ? false
  : 'FMUGW_URL is not set: these tests need a running gateway (e.g. FMUGW_URL=http://localhost:8080)';

if (NO_GATEWAY) process.stderr.write(`fmugw tests: ${NO_GATEWAY}; the tests that need one are skipped.\n`);

/** Runs per key stay under the free tier's 10 per minute. */
const RUNS_PER_KEY = 8;

export function newClient() {
  return Client.withNewKey(GATEWAY_URL);
}

/** A built FMU to upload: FMUGW_TEST_FMU (the Maven build leaves them in adapters-fmi/target/classes/fmi/library/). */
export function uploadFixture() {
  const path = (process.env.FMUGW_TEST_FMU ?? '').trim();
  return path && existsSync(path) ? path : null;
}

/** A new account whose credits no longer cover a run, with a key no run has used yet. */
export async function drainedClient() {
  let client = await newClient();
  const offer = await client.quote({ fmu_id: 'msl:BouncingBall' });
  const perRun = offer.quote?.credits ?? 10;
  let runsOnKey = 0;
  while ((await client.account()).credits >= perRun) {
    if (runsOnKey === RUNS_PER_KEY) {
      client = new Client(client.url, (await client.addKey()).key);
      runsOnKey = 0;
    }
    await client.simulate({ fmu_id: 'msl:BouncingBall', stop_time: 0.1, step: 0.1 });
    runsOnKey++;
  }
  return new Client(client.url, (await client.addKey()).key);
}

/** Presses the sandbox checkout page's Pay button as a browser would; 303 when paid. */
export async function paySandboxCheckout(checkoutUrl) {
  const page = await fetch(checkoutUrl);
  if (page.status !== 200) throw new Error(`the sandbox page answered ${page.status}`);
  await page.text();
  const paid = await fetch(`${checkoutUrl.replace(/\/+$/, '')}/pay`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: '',
    redirect: 'manual',
  });
  await paid.text();
  return paid.status;
}
