/**
 * The Worker entry (`widget/proxy/edge/worker.ts`) when its variables are wrong: a Worker cannot
 * refuse to start, so it answers every request 503 in the Resmark envelope, naming nothing of its
 * configuration to the browser.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startWorkerd, type RunningWorkerd } from '../../../../widget/proxy/edge/workerd.js';

describe('the Worker entry without its variables', () => {
  let workerd: RunningWorkerd;
  before(async () => {
    // No RESMARK_USERNAME, RESMARK_API_KEY or PROXY_SECRET; workerd.ts's own check is bypassed.
    workerd = await startWorkerd({ env: { PATH: process.env['PATH'] }, stdio: 'ignore' });
  });
  after(() => workerd.close());

  it('answers 503 with a sentence for the shopper and no configuration detail', async () => {
    const response = await fetch(`${workerd.url}/product`);
    assert.equal(response.status, 503);
    const body = (await response.json()) as { errorMessage: string; data: unknown };
    assert.deepEqual(body, {
      errorMessage: 'The checkout is not set up yet: please contact the operator.',
      data: null,
    });
  });
});
