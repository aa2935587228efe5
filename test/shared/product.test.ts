import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResmarkError } from '../../shared/errors.js';
import { Inventory, PickupZone, Product } from '../../shared/product.js';
import { fakeClient, ok, rejection, wireExamples } from './fake-fetch.js';

const wire = wireExamples();

// The Products article's example as research notes assembled it (reference/resmark-api.md, 2.3):
// no entityId, tagIds, lastModified, hasPickups or currency; images with `small` only.
const DOCUMENT_PRODUCT = {
  id: '588a65d9621edaec1a1b70d6',
  productCode: 'KAYAK',
  name: 'Half-Day Kayak Tour',
  productNumber: 94175,
  price: '129',
  quantityLabel: 'Guest',
  quantityType: 'participant',
  dateless: false,
  overview: '…',
  highlights: '<ul>…</ul>',
  shortDescription: '…',
  ageRestrictions: { minAge: '8', maxAge: '80' },
  class: 'groupActivity',
  classTypes: ['Kayaking'],
  location: [
    { id: '…', name: 'Harbor Dock', address: '…', city: 'Seward', state: 'AK', country: 'USA' },
  ],
  images: [{ small: 'https://…' }],
  videos: [{ url: 'https://…' }],
  dateSettings: { startTime: '…', duration: '…' },
};

// Pickups as client code reads them (reference/resmark-api.md, 2.6), with our `allowOther`.
const PICKUPS = [
  {
    id: 'z1',
    name: 'Downtown',
    pickupDetails: [{ id: 'pd1', name: 'Morning run', time: '08:15', price: 0 }],
    locations: [{ id: 'l1', name: 'Hotel XYZ Lobby' }],
    allowOther: true,
  },
];

describe('Product', () => {
  it('accepts the docs/wire.md example', () => {
    assert.equal(Product.parse(wire.product).productNumber, 94175);
  });

  it('accepts the documents’ example, which lacks our chosen fields', () => {
    const product = Product.parse(DOCUMENT_PRODUCT);
    assert.equal(product.currency, undefined);
    assert.equal(product.hasPickups, undefined);
  });

  it('takes a null ageRestrictions, as real responses have', () => {
    assert.equal(
      Product.parse({ ...DOCUMENT_PRODUCT, ageRestrictions: null }).ageRestrictions,
      null,
    );
  });

  it('keeps fields Resmark adds tomorrow', () => {
    const product = Product.parse({ ...wire.product, seasonPass: { code: 'S1' } });
    assert.deepEqual(product['seasonPass'], { code: 'S1' });
  });

  it('refuses a product without its number', () => {
    const { productNumber: _, ...broken } = DOCUMENT_PRODUCT;
    assert.equal(Product.safeParse(broken).success, false);
  });

  it('refuses text, number and true/false fields of another type', () => {
    for (const broken of [
      { name: 42 },
      { name: null },
      { productNumber: '94175' },
      { productNumber: Number.NaN },
      { productNumber: Number.POSITIVE_INFINITY },
      { dateless: 'false' },
      { dateless: 0 },
      { hasPickups: null },
    ])
      assert.equal(
        Product.safeParse({ ...DOCUMENT_PRODUCT, ...broken }).success,
        false,
        JSON.stringify(broken),
      );
  });
});

describe('Inventory', () => {
  it('accepts the docs/wire.md example', () => {
    const inventory = Inventory.parse(wire.inventory);
    assert.deepEqual(inventory.items[0]!.timesAvailable[0]!.tiersAvailable, { '*': 12 });
  });

  it('accepts a dateless product’s one day with null times', () => {
    const day = {
      date: null,
      timesAvailable: [
        {
          activityId: 'a1',
          startTime: null,
          endTime: null,
          price: { All: 20 },
          tiersAvailable: { '*': 5 },
        },
      ],
    };
    assert.equal(Inventory.parse({ items: [day] }).items[0]!.date, null);
  });

  it('refuses a price that is not a number per tier', () => {
    const slot = {
      activityId: 'a1',
      startTime: null,
      endTime: null,
      price: { All: '20' },
      tiersAvailable: {},
    };
    assert.equal(
      Inventory.safeParse({ items: [{ date: null, timesAvailable: [slot] }] }).success,
      false,
    );
  });
});

describe('a product’s location', () => {
  it('may lack the address fields the Products article cuts off', () => {
    const product = { ...DOCUMENT_PRODUCT, location: [{ id: 'l1', name: 'Harbor Dock' }] };
    assert.equal(Product.parse(product).location[0]!.name, 'Harbor Dock');
  });
});

describe('PickupZone', () => {
  it('accepts zones as client code reads them', () => {
    assert.equal(PickupZone.parse(PICKUPS[0]).locations[0]!.name, 'Hotel XYZ Lobby');
  });

  it('accepts a zone without our chosen allowOther, which then takes no typed place', () => {
    const { allowOther: _, ...documented } = PICKUPS[0]!;
    assert.equal(PickupZone.parse(documented).allowOther, undefined);
  });
});

describe('product endpoints', () => {
  it('list sends every filter, csv lists joined, and returns the products', async () => {
    const { client, seen } = fakeClient(() => ok([wire.product]));
    const products = await client.product.list({
      limit: 20,
      page: 0,
      ids: ['p1', 'p2'],
      tagIds: ['t1'],
      lastModified: '2026-10-01',
      productNumbers: [94175, 94176],
      productName: 'Kayak',
    });
    assert.equal(products[0]!.name, 'Half-Day Canyon Kayak Tour');
    assert.equal(
      seen[0]!.url.search,
      '?limit=20&page=0&ids=p1,p2&tagIds=t1&lastModified=2026-10-01&productNumbers=94175,94176&productName=Kayak',
    );
  });

  it('list refuses a page size that is not a whole number above 0', async () => {
    const { client, seen } = fakeClient(() => ok([]));
    const error = await rejection(client.product.list({ limit: 0, page: 1.5 }));
    assert.ok(error instanceof ResmarkError);
    assert.deepEqual(error.fields, {
      limit: 'Enter limit as a whole number, 1 or more',
      page: 'Enter page as a whole number, 0 or more',
    });
    assert.equal(seen.length, 0);
  });

  it('get finds one product by id, number or name', async () => {
    const { client, seen } = fakeClient(() => ok(wire.product));
    await client.product.get('Half-Day Canyon Kayak Tour');
    await client.product.get(94175);
    assert.deepEqual(
      seen.map((request) => request.path),
      ['/product/Half-Day%20Canyon%20Kayak%20Tour', '/product/94175'],
    );
  });

  it('inventory asks for a window and returns its days', async () => {
    const { client, seen } = fakeClient(() => ok(wire.inventory));
    const inventory = await client.product.inventory(94175, { from: '2026-11', to: '2026-11-30' });
    assert.equal(inventory.items[0]!.timesAvailable[0]!.activityId, 'a-94175-20261125-0900');
    assert.equal(seen[0]!.path, '/product/94175/item');
    assert.equal(seen[0]!.url.search, '?from=2026-11&to=2026-11-30');
  });

  it('inventory refuses a date it cannot send', async () => {
    const { client } = fakeClient(() => ok(wire.inventory));
    const error = await rejection(client.product.inventory(94175, { from: '25/11/2026' }));
    assert.deepEqual((error as ResmarkError).fields, {
      from: 'Enter from as a date like 2026-11 or 2026-11-25',
    });
  });

  it('pickups returns the zones (empty for a product without)', async () => {
    const { client, seen } = fakeClient((_, index) => ok(index === 0 ? PICKUPS : []));
    assert.equal((await client.product.pickups('p1'))[0]!.allowOther, true);
    assert.deepEqual(await client.product.pickups('p2'), []);
    assert.equal(seen[0]!.path, '/product/p1/pickup');
  });
});
