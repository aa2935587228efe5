import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_INVENTORY_RANGE_DAYS } from '../../shared/limits.js';
import { createSandbox } from './app.js';
import type { Sandbox } from './app.js';
import { CREDENTIALS, T0 } from './helpers.js';
import { INVENTORY_DAYS } from './seed.js';

// In-process (app.fetch): these tests look at what the sandbox stores and computes per request.
let sandbox: Sandbox;
let token: string;
beforeEach(async () => {
  sandbox = createSandbox({ now: T0 });
  const login = await sandbox.app.fetch(
    new Request('http://sandbox.test/public/api/authenticate', {
      method: 'POST',
      body: JSON.stringify(CREDENTIALS.canyon),
    }),
  );
  token = await login.text();
});

async function inventory(query: string) {
  const response = await sandbox.app.fetch(
    new Request(`http://sandbox.test/public/api/product/94175/item?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
  );
  // `any`: the test reads the documented shape and asserts it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (await response.json()) as any };
}

/** Counts the slots the inventory computes while `work` runs. */
async function slotsComputed(work: () => Promise<unknown>): Promise<number> {
  const { inventory: slots } = sandbox.state;
  const original = slots.slotOn.bind(slots);
  let count = 0;
  slots.slotOn = (...args: Parameters<typeof original>) => {
    count += 1;
    return original(...args);
  };
  try {
    await work();
  } finally {
    slots.slotOn = original;
  }
  return count;
}

describe('inventory range', () => {
  it('answers the C# migration tool’s 245 days in one call', async () => {
    const answer = await inventory('from=2026-11-25&to=2027-07-27');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.data.items.at(0).date, '2026-11-25');
    assert.equal(answer.body.data.items.at(-1).date, '2027-07-27');
    assert.equal(answer.body.data.items.length, 245);
  });

  it('answers a whole year, and 13 months asked for by month', async () => {
    const year = await inventory('from=2027-01-01&to=2027-12-31');
    assert.equal(year.status, 200, JSON.stringify(year.body));
    assert.equal(year.body.data.items.length, 365);
    const months = await inventory('from=2026-11&to=2027-11');
    assert.equal(months.status, 200, JSON.stringify(months.body));
    assert.equal(months.body.data.items.at(-1).date, '2027-11-30');
  });

  it(`refuses more than ${MAX_INVENTORY_RANGE_DAYS} days, naming to`, async () => {
    // 2026-11-25 … 2027-12-30 is 401 days.
    const answer = await inventory('from=2026-11-25&to=2027-12-30');
    assert.equal(answer.status, 400);
    assert.equal(answer.body.data, null);
    assert.ok(answer.body.detail.fields.to);
    assert.equal((await inventory('from=2026-11-25&to=2027-12-29')).status, 200);
  });
});

describe('inventory window', () => {
  it('has slots on sale 13 months ahead and more', async () => {
    const answer = await inventory('from=2027-12');
    assert.equal(answer.body.data.items.length, 31);
    assert.equal(answer.body.data.items[0].timesAvailable[0].activityId, 'a-94175-20271201-0900');
    // The window's last day is the clock's day + INVENTORY_DAYS - 1; the next is not on sale.
    const last = new Date(T0 + (INVENTORY_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    const edge = await inventory(`from=${last}&to=2029-01-31`);
    assert.deepEqual(
      edge.body.data.items.map((day: { date: string }) => day.date),
      [last],
    );
  });

  it('stores nothing for a read, however long the range', async () => {
    await inventory('from=2026-11&to=2027-11');
    assert.equal(sandbox.state.inventory.uses.size, 0);
  });

  it('computes only the slots it answers with, not the range asked for', async () => {
    // A year past the window: nothing on sale, so nothing is computed.
    assert.equal(
      await slotsComputed(async () => {
        const answer = await inventory('from=2029-01&to=2029-12');
        assert.deepEqual(answer.body.data.items, []);
      }),
      0,
    );
    // Nine months from the window's last week: that week's slots (two a day), no more.
    const lastOnSale = new Date(T0 + (INVENTORY_DAYS - 1) * 86_400_000);
    const weekBefore = new Date(lastOnSale.getTime() - 6 * 86_400_000).toISOString().slice(0, 10);
    const computed = await slotsComputed(async () => {
      const answer = await inventory(`from=${weekBefore}&to=2028-12-31`);
      assert.equal(answer.body.data.items.length, 7);
    });
    assert.equal(computed, 7 * 2);
  });
});
