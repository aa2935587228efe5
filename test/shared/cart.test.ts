import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Cart, Renewal } from '../../shared/cart.js';
import { ResmarkError } from '../../shared/errors.js';
import { fail, fakeClient, json, ok, rejection, wireExamples } from './fake-fetch.js';

const wire = wireExamples();

// "Create New Cart", example response (Cart article).
const DOCUMENT_CART = {
  id: 'f81b20b0-c6d6-4375-a149-9b24addb7a3f',
  entityId: '60be6c0876dc590010d74ea6',
  createdDate: '2021-12-15T21:31:39.195Z',
  createdBy: 'Brandon Lake',
  createdByEmail: 'email@resmarksystems.com',
  customer: {},
  items: [],
  total: 0,
};
// "Renew Cart", example response (Cart article).
const DOCUMENT_RENEWAL = { errors: [], messages: [], info: [], expDateTime: 1543516775683 };

const CUSTOMER = { email: 'ana@example.com', firstName: 'Ana', lastName: 'Lopez' };

describe('Cart', () => {
  it('accepts the Cart article’s example', () => {
    assert.equal(Cart.parse(DOCUMENT_CART).id, DOCUMENT_CART.id);
  });

  it('accepts the docs/wire.md example, custom fields and all', () => {
    const cart = Cart.parse(wire.cart);
    assert.equal(cart.items[0]!.participantList![0]!.total, 80.1);
    assert.equal(cart.customFields![0]!.type, 'list');
  });

  it('accepts an empty cart’s null expDateTime', () => {
    assert.equal(Cart.parse({ ...wire.cart, items: [], expDateTime: null }).expDateTime, null);
  });

  it('accepts an item with only its id, product, total and people', () => {
    const cart = Cart.parse({
      ...wire.cart,
      items: [
        {
          itemId: 'a1',
          productNumber: 94175,
          productName: 'Kayak',
          total: 89,
          startTime: null,
          endTime: null,
          participantList: [{ id: 'p1', tier: 'Adult', price: 89, discount: 0, total: 89 }],
        },
      ],
    });
    assert.equal(cart.items[0]!.participants, undefined);
    assert.equal(cart.items[0]!.quantityType, undefined);
  });

  it('keeps unknown fields', () => {
    assert.equal(Cart.parse({ ...DOCUMENT_CART, giftCard: 'G1' })['giftCard'], 'G1');
  });
});

describe('Renewal', () => {
  it('accepts the Cart article’s example', () => {
    assert.equal(Renewal.parse(DOCUMENT_RENEWAL).expDateTime, 1543516775683);
  });
});

describe('cart endpoints', () => {
  it('create makes a plain cart, or a reseller cart for a supplier', async () => {
    const { client, seen } = fakeClient(() => ok(DOCUMENT_CART));
    await client.cart.create();
    await client.cart.create({ supplierId: '5f1a00000000000000000001' });
    assert.deepEqual(
      seen.map((request) => `${request.method} ${request.path}${request.url.search}`),
      ['POST /cart', 'POST /cart?supplierId=5f1a00000000000000000001'],
    );
  });

  it('list, get, delete and removeItem use the documented paths', async () => {
    const { client, seen } = fakeClient((request) =>
      request.method === 'DELETE' && request.path === '/cart/c1'
        ? ok({ id: 'c1', deleted: true })
        : ok(request.path === '/cart' ? [DOCUMENT_CART] : DOCUMENT_CART),
    );
    assert.equal((await client.cart.list({ limit: 10 }))[0]!.id, DOCUMENT_CART.id);
    await client.cart.get('c1');
    assert.deepEqual(await client.cart.delete('c1'), { id: 'c1', deleted: true });
    await client.cart.removeItem('c1', 'a-1');
    assert.deepEqual(
      seen.map((request) => `${request.method} ${request.path}${request.url.search}`),
      ['GET /cart?limit=10', 'GET /cart/c1', 'DELETE /cart/c1', 'DELETE /cart/c1/item/a-1'],
    );
  });

  describe('addItem', () => {
    it('sends the item, with numeric-string quantities as real clients do', async () => {
      const { client, seen } = fakeClient(() => ok(wire.cart));
      const item = {
        itemId: 'a-94175-20261125-0900',
        participants: { Adult: 2, Child: '1', Senior: 0 },
        pickupDetailId: 'pd1',
        locationId: 'l1',
      };
      await client.cart.addItem('c1', item);
      assert.equal(seen[0]!.path, '/cart/c1/item');
      assert.deepEqual(seen[0]!.body, item);
    });

    it('sends the migration tool’s empty pickup ids and string quantities as they are', async () => {
      // docs/wire.md, "Public clients": on a product without pickups the C# tool sends "" ids.
      const { client, seen } = fakeClient(() => ok(wire.cart));
      const item = {
        itemId: 'a-94176-20261125-1730',
        participants: { All: '3' },
        locationId: '',
        pickupDetailId: '',
      };
      await client.cart.addItem('c1', item);
      assert.deepEqual(seen[0]!.body, item);
    });

    it('names every invalid field and sends nothing', async () => {
      const { client, seen } = fakeClient(() => ok(wire.cart));
      const error = await rejection(
        client.cart.addItem('c1', {
          itemId: '',
          participants: { Adult: 1.5, Child: -1, Senior: 'two' },
        }),
      );
      assert.ok(error instanceof ResmarkError);
      assert.equal(error.kind, 'input');
      assert.equal(error.endpoint, 'POST /cart/{id}/item');
      assert.deepEqual(error.fields, {
        itemId: 'Enter itemId',
        'participants.Adult': 'Enter participants.Adult as a whole number, 0 or more',
        'participants.Child': 'Enter participants.Child as a whole number, 0 or more',
        'participants.Senior': 'Enter participants.Senior as a whole number, 0 or more',
      });
      assert.equal(seen.length, 0);
    });

    it('needs at least one quantity above zero', async () => {
      const { client } = fakeClient(() => ok(wire.cart));
      const cases: Record<string, number | string>[] = [{}, { Adult: 0, Child: '0' }];
      for (const participants of cases) {
        const error = await rejection(client.cart.addItem('c1', { itemId: 'a1', participants }));
        assert.deepEqual((error as ResmarkError).fields, {
          participants: 'Enter participants with at least one guest',
        });
      }
    });
  });

  describe('setCustomer', () => {
    it('sends the normalised customer', async () => {
      const { client, seen } = fakeClient(() => ok(wire.cart));
      await client.cart.setCustomer('c1', {
        ...CUSTOMER,
        email: ' ana@example.com ',
        phoneNumber: '+44 20 7946 0958',
        country: 'gbr',
      });
      assert.equal(seen[0]!.method, 'PUT');
      assert.equal(seen[0]!.path, '/cart/c1/customer');
      assert.deepEqual(seen[0]!.body, {
        ...CUSTOMER,
        dialCode: '+44',
        phone: '2079460958',
        country: 'GBR',
      });
    });

    it('leaves out the empty optional fields a browser form sends', async () => {
      // Resmark's demo sends every input of its form, filled or not (docs/wire.md, Carts).
      const { client, seen } = fakeClient(() => ok(wire.cart));
      await client.cart.setCustomer('c1', {
        ...CUSTOMER,
        phone: '',
        birthDate: '',
        gender: 'MALE',
        streetAddress: '',
        city: '',
        state: '',
      });
      assert.deepEqual(seen[0]!.body, { ...CUSTOMER, gender: 'MALE' });
    });

    it('lists every invalid field, using the cart’s rules, and sends nothing', async () => {
      const { client, seen } = fakeClient(() => ok(wire.cart));
      const cart = Cart.parse(wire.cart);
      const error = await rejection(
        client.cart.setCustomer(
          'c1',
          { email: 'not-an-email', firstName: 'Ana' },
          {
            rules: {
              requiredCustomerFields: cart.requiredCustomerFields,
              customFields: cart.customFields,
            },
          },
        ),
      );
      assert.ok(error instanceof ResmarkError);
      assert.equal(error.kind, 'input');
      assert.equal(error.endpoint, 'PUT /cart/{id}/customer');
      assert.deepEqual(Object.keys(error.fields ?? {}).sort(), [
        'Wetsuit Size',
        'email',
        'lastName',
        'phone',
      ]);
      assert.equal(seen.length, 0);
    });
  });

  describe('applyDiscount', () => {
    it('returns the cart when the code applies', async () => {
      const { client, seen } = fakeClient(() => ok(wire.cart));
      const result = await client.cart.applyDiscount('c1', ' SUMMER10 ');
      assert.equal(result.status, 'applied');
      assert.equal(result.status === 'applied' && result.cart.promoCode, 'SUMMER10');
      assert.deepEqual(seen[0]!.body, { promoCode: 'SUMMER10' });
    });

    for (const reason of ['invalid', 'not-applicable'] as const) {
      it(`answers ${reason} instead of throwing`, async () => {
        const { client } = fakeClient(() =>
          fail(400, `The code is ${reason}`, { promoCode: 'X', reason }),
        );
        assert.deepEqual(await client.cart.applyDiscount('c1', 'X'), {
          status: reason,
          message: `The code is ${reason}`,
        });
      });
    }

    it('still throws other failures', async () => {
      const { client } = fakeClient(() => fail(404, 'No such cart'));
      const error = await rejection(client.cart.applyDiscount('c1', 'SUMMER10'));
      assert.equal((error as ResmarkError).status, 404);
    });

    it('refuses an empty code before sending', async () => {
      const { client, seen } = fakeClient(() => ok(wire.cart));
      const error = await rejection(client.cart.applyDiscount('c1', '  '));
      assert.deepEqual((error as ResmarkError).fields, { promoCode: 'Enter promoCode' });
      assert.equal(seen.length, 0);
    });
  });

  it('renew reads the bare (non-envelope) answer', async () => {
    const { client, seen } = fakeClient(() => json(DOCUMENT_RENEWAL));
    assert.deepEqual(await client.cart.renew('c1'), DOCUMENT_RENEWAL);
    assert.equal(seen[0]!.path, '/cart/c1/renew');
  });
});
