import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Product } from '../../shared/index.js';
import { PICKUP } from '../sandbox/helpers.js';
import { CANYON, HARBOR, rejectsWith, useContract } from './harness.js';

const c = await useContract();
const staff = c.clients.canyon.client;
const agent = c.clients.agent.client;

const numbers = (products: readonly Product[]) => products.map((p) => p.productNumber);
const KAYAK_ID = '5f1b00000000000000000101';
const PADDLE_ID = '5f1b00000000000000000102';
const BIKES_ID = '5f1b00000000000000000201';

async function tagId(name: string): Promise<string> {
  const tag = (await staff.tag.list())
    .flatMap((category) => category.tags)
    .find((t) => t.name === name);
  assert.ok(tag, `the ${name} tag exists`);
  return tag.id;
}

describe('products', () => {
  it('a staff user sees their operator’s products, each naming its supplier', async () => {
    const products = await staff.product.list();
    assert.deepEqual(numbers(products), [94175, 94176, 94177]);
    assert.ok(products.every((p) => p.entityId === CANYON));
  });

  it('a reseller agent sees every connected supplier’s products, not the others’', async () => {
    const products = await agent.product.list({ productNumbers: [94175, 94176, 95101, 96001] });
    assert.deepEqual(numbers(products), [94175, 94176, 95101]);
    assert.deepEqual(
      products.map((p) => p.entityId),
      [CANYON, CANYON, HARBOR],
    );
  });

  it('a reseller agent’s whole list', async () => {
    assert.deepEqual(numbers(await agent.product.list()), [94175, 94176, 94177, 95101]);
  });

  it('filters by ids', async () => {
    assert.deepEqual(
      numbers(await agent.product.list({ ids: [PADDLE_ID, BIKES_ID] })),
      [94176, 95101],
    );
    assert.deepEqual(numbers(await staff.product.list({ ids: BIKES_ID })), [], 'not Canyon’s');
  });

  it('filters by tagIds from GET /tag', async () => {
    const evening = await tagId('Evening');
    const cycling = await tagId('Cycling');
    assert.deepEqual(numbers(await staff.product.list({ tagIds: [evening] })), [94176]);
    assert.deepEqual(
      numbers(await agent.product.list({ tagIds: [cycling, evening] })),
      [94176, 95101],
    );
  });

  it('filters by lastModified: modified on or after that date', async () => {
    assert.deepEqual(numbers(await staff.product.list({ lastModified: '2026-10-10' })), [94176]);
    assert.deepEqual(
      numbers(await agent.product.list({ lastModified: '2026-10-10' })),
      [94176, 95101],
    );
  });

  it('filters by productNumbers, as a list or csv', async () => {
    assert.deepEqual(
      numbers(await staff.product.list({ productNumbers: [94176, 94175] })),
      [94175, 94176],
    );
    assert.deepEqual(numbers(await staff.product.list({ productNumbers: '94176' })), [94176]);
  });

  it('filters by productName, full or partial', async () => {
    assert.deepEqual(numbers(await staff.product.list({ productName: 'Sunset Paddle' })), [94176]);
    assert.deepEqual(numbers(await staff.product.list({ productName: 'Canyon' })), [94175]);
  });

  it('filters by a partial name that the dateless pass shares', async () => {
    assert.deepEqual(numbers(await staff.product.list({ productName: 'Kayak' })), [94175, 94177]);
  });

  it('pages with limit and a 0-based page', async () => {
    const page = (n: number) =>
      agent.product
        .list({ productNumbers: [94175, 94176, 95101], limit: 2, page: n })
        .then(numbers);
    assert.deepEqual(await page(0), [94175, 94176]);
    assert.deepEqual(await page(1), [95101]);
    assert.deepEqual(await page(2), []);
  });

  it('gets one product by id, number or exact name in any case', async () => {
    for (const term of [KAYAK_ID, 94175, '94175', 'half-day CANYON kayak tour']) {
      const product = await staff.product.get(term);
      assert.equal(product.id, KAYAK_ID, String(term));
      assert.equal(product.name, 'Half-Day Canyon Kayak Tour');
    }
  });

  it('gets the dateless pass', async () => {
    const product = await staff.product.get(94177);
    assert.equal(product.dateless, true);
    assert.equal(product.dateSettings.startTime, null, 'a dateless product has no start time');
  });

  it('a product the user may not see, or none at all, is a 404', async () => {
    await rejectsWith(staff.product.get(95101), { kind: 'api', status: 404 });
    await rejectsWith(agent.product.get(96001), { kind: 'api', status: 404 });
    await rejectsWith(staff.product.get('No Such Tour'), { kind: 'api', status: 404 });
  });
});

describe('inventory', () => {
  it('is the same by product id and by product number', async () => {
    const byId = await staff.product.inventory(PADDLE_ID, { from: '2026-11-25' });
    const byNumber = await staff.product.inventory(94176, { from: '2026-11-25' });
    assert.deepEqual(byId, byNumber);
    assert.deepEqual(byId.items[0]?.timesAvailable[0], {
      activityId: 'a-94176-20261125-1730',
      startTime: '2026-11-25T17:30:00.000Z',
      endTime: '2026-11-25T19:30:00.000Z',
      price: { All: 49 },
      tiersAvailable: { '*': 10 },
      capacity: 10,
    });
  });

  it('by month: to the end of the month, started slots left out, sold-out slots listed', async () => {
    const { items } = await staff.product.inventory(94176, { from: '2026-11' });
    assert.deepEqual(
      items.map((day) => [day.date, day.timesAvailable.map((s) => s.tiersAvailable['*'])]),
      [
        ['2026-11-25', [10]],
        ['2026-11-26', [10]],
        ['2026-11-27', [2]],
        ['2026-11-28', [10]],
        ['2026-11-29', [2]],
        ['2026-11-30', [0]],
      ],
    );
  });

  it('by day: that day alone, or a from…to window', async () => {
    const one = await staff.product.inventory(94175, { from: '2026-11-30' });
    assert.deepEqual(
      one.items.map((day) => day.date),
      ['2026-11-30'],
    );
    assert.deepEqual(
      one.items[0]?.timesAvailable.map((s) => [s.activityId, s.tiersAvailable['*']]),
      [
        ['a-94175-20261130-0900', 0],
        ['a-94175-20261130-1400', 16],
      ],
    );
    const window = await staff.product.inventory(94175, { from: '2026-11-26', to: '2026-11-28' });
    assert.deepEqual(
      window.items.map((day) => day.date),
      ['2026-11-26', '2026-11-27', '2026-11-28'],
    );
    const months = await staff.product.inventory(94175, { from: '2026-11', to: '2026-12' });
    assert.equal(months.items.at(-1)?.date, '2026-12-31');
  });

  it('a window of more than 400 days is a 400 naming `to`', async () => {
    const error = await rejectsWith(
      staff.product.inventory(94175, { from: '2026-11-25', to: '2027-12-30' }),
      { kind: 'api', status: 400 },
    );
    assert.ok(error.fields?.['to'], JSON.stringify(error.fields));
  });

  it('of a dateless product: one undated day with one undated slot', async () => {
    const { items } = await staff.product.inventory(94177, { from: '2026-12' });
    assert.deepEqual(items, [
      {
        date: null,
        timesAvailable: [
          {
            activityId: 'a-94177-dateless',
            startTime: null,
            endTime: null,
            price: { All: 35 },
            tiersAvailable: { '*': 200 },
            capacity: 200,
          },
        ],
      },
    ]);
  });

  it('the client refuses a malformed window before sending', async () => {
    const recorded = c.record('canyon');
    const error = await rejectsWith(
      recorded.client.product.inventory(94175, { from: '25/11/2026' }),
      { kind: 'input' },
    );
    assert.ok(error.fields?.['from'], JSON.stringify(error.fields));
    assert.deepEqual(recorded.sent, [], 'nothing was sent, not even authenticate');
  });
});

describe('pickups', () => {
  it('lists the zones of a product with pickups', async () => {
    const zones = await staff.product.pickups(94175);
    assert.deepEqual(
      zones.map((z) => [z.id, z.name, z.allowOther]),
      [
        ['5f1d00000000000000000001', 'Page hotels', false],
        ['5f1d00000000000000000002', 'Big Water & vacation rentals', true],
      ],
    );
    const [hotels, bigWater] = zones;
    assert.deepEqual(
      hotels?.pickupDetails.map((d) => [d.id, d.name, d.time]),
      [
        [PICKUP.pickupDetailId, 'Morning pickup', '08:15'],
        ['5f1e00000000000000000002', 'Afternoon pickup', '13:15'],
      ],
    );
    assert.deepEqual(
      hotels?.locations.map((l) => l.id),
      [PICKUP.locationId, '5f1f00000000000000000002', '5f1f00000000000000000003'],
    );
    assert.deepEqual(
      bigWater?.pickupDetails.map((d) => d.id),
      ['5f1e00000000000000000003'],
    );
    assert.deepEqual(
      bigWater?.locations.map((l) => l.id),
      ['5f1f00000000000000000004', '5f1f00000000000000000005'],
    );
    assert.deepEqual(await staff.product.pickups(KAYAK_ID), zones, 'by id as by number');
  });

  it('is empty for a product without pickups', async () => {
    assert.deepEqual(await staff.product.pickups(94176), []);
  });
});
