import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResmarkError } from '../../shared/errors.js';
import type { Cart } from '../../shared/cart.js';
import { createResmarkClient, type ResmarkClient } from '../../shared/client.js';
import type { Order } from '../../shared/order.js';
import { ORDER_TIMEOUT_MS, SEAT_LOCK_MS } from '../../shared/limits.js';
import {
  CartSession,
  readSnapshot,
  type RenewResult,
  type SessionApi,
  type SessionClock,
  type SessionItem,
} from '../../shared/session.js';
import {
  CANYON_CUSTOMER,
  CREDENTIALS,
  KAYAK_0900,
  PICKUP,
  T0,
  testSandbox,
  type TestSandbox,
} from '../sandbox/helpers.js';

// Compile-time: the real client drives a session as it is, with its own Cart and Order types.
const realClientFits: ResmarkClient extends SessionApi<Cart, Order> ? true : false = true;
void realClientFits;

/** A clock whose time moves only when the test says so, firing due timers in order. */
class FakeClock implements SessionClock {
  time = Date.UTC(2026, 10, 24, 21, 0);
  #timers = new Map<number, { at: number; callback: () => void }>();
  #next = 1;
  now = () => this.time;
  setTimeout = (callback: () => void, ms: number) => {
    const id = this.#next++;
    this.#timers.set(id, { at: this.time + ms, callback });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.#timers.delete(handle as number);
  };
  get pending() {
    return this.#timers.size;
  }
  advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.#timers]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = end;
  }
}

interface FakeCart {
  id: string;
  items: { itemId: string; participants: Record<string, number> }[];
  customer: Record<string, unknown>;
  total: number;
  expDateTime: number | null;
  requiredCustomerFields?: string[];
}
interface FakeOrder {
  id: string;
  referenceId: string;
}

const lost = () => new ResmarkError('network', 'fetch failed', { endpoint: 'POST /order' });

/**
 * A client that keeps one cart the way docs/wire.md describes and counts its calls. `lockFromApi`
 * false leaves `expDateTime` out, as a real client might see from an older API.
 */
class FakeApi implements SessionApi<FakeCart, FakeOrder> {
  calls: string[] = [];
  carts = new Map<string, FakeCart>();
  orders: FakeOrder[] = [];
  lockFromApi = true;
  /** The next `order.create` fails like this; `afterCommit` makes the order first (a lost response). */
  orderFault: { error: ResmarkError; afterCommit: boolean } | undefined;
  lookupFault: ResmarkError | undefined;
  renewErrors: string[] = [];
  /** When set, renew locks for this long instead of the documented 30 minutes. */
  renewLockMs: number | undefined;
  /** The API's clock minus the session's (a device whose clock is wrong). */
  serverSkewMs = 0;
  #order: ((value: FakeOrder) => void)[] = [];
  holdOrders = false;

  constructor(readonly clock: FakeClock) {}

  #now() {
    return this.clock.now() + this.serverSkewMs;
  }

  #cart(id: string): FakeCart {
    const cart = this.carts.get(id);
    if (!cart) throw new ResmarkError('api', `No cart ${id}`, { status: 404 });
    return cart;
  }
  #view(cart: FakeCart): FakeCart {
    return structuredClone({ ...cart, expDateTime: this.lockFromApi ? cart.expDateTime : null });
  }
  #relock(cart: FakeCart) {
    cart.expDateTime = cart.items.length > 0 ? this.#now() + SEAT_LOCK_MS : null;
  }

  cart = {
    create: async (query?: { supplierId?: string }) => {
      this.calls.push(`cart.create ${query?.supplierId ?? ''}`.trim());
      const cart: FakeCart = {
        id: `cart-${this.carts.size + 1}`,
        items: [],
        customer: {},
        total: 0,
        expDateTime: null,
      };
      this.carts.set(cart.id, cart);
      return this.#view(cart);
    },
    get: async (id: string) => {
      this.calls.push('cart.get');
      return this.#view(this.#cart(id));
    },
    addItem: async (cartId: string, item: SessionItem) => {
      this.calls.push('cart.addItem');
      const cart = this.#cart(cartId);
      cart.items = [
        ...cart.items.filter((i) => i.itemId !== item.itemId),
        { itemId: item.itemId, participants: item.participants },
      ];
      cart.total = cart.items.reduce(
        (sum, i) => sum + 50 * Object.values(i.participants).reduce((a, b) => a + b, 0),
        0,
      );
      this.#relock(cart);
      return this.#view(cart);
    },
    removeItem: async (cartId: string, itemId: string) => {
      this.calls.push('cart.removeItem');
      const cart = this.#cart(cartId);
      cart.items = cart.items.filter((i) => i.itemId !== itemId);
      if (cart.items.length === 0) cart.expDateTime = null;
      return this.#view(cart);
    },
    setCustomer: async (cartId: string, customer: Record<string, unknown>) => {
      this.calls.push('cart.setCustomer');
      const cart = this.#cart(cartId);
      cart.customer = customer;
      return this.#view(cart);
    },
    applyDiscount: async (cartId: string, promoCode: string) => {
      this.calls.push('cart.applyDiscount');
      const cart = this.#cart(cartId);
      if (promoCode !== 'SUMMER10')
        return { status: 'invalid' as const, message: `${promoCode} is not a valid promo code` };
      cart.total = 90;
      return { status: 'applied' as const, cart: this.#view(cart) };
    },
    renew: async (cartId: string): Promise<RenewResult> => {
      this.calls.push('cart.renew');
      if (this.holdRenews) await new Promise<void>((resolve) => this.#renew.push(resolve));
      const cart = this.#cart(cartId);
      cart.items = cart.items.filter((i) => !this.renewErrors.includes(i.itemId));
      this.#relock(cart);
      if (this.renewLockMs !== undefined) cart.expDateTime = this.#now() + this.renewLockMs;
      return {
        errors: this.renewErrors.map((id) => `${id} is sold out`),
        messages: [],
        info: [],
        expDateTime: cart.expDateTime,
      };
    },
    delete: async (id: string) => {
      this.calls.push('cart.delete');
      this.carts.delete(id);
      return { id, deleted: true };
    },
  };

  /** The options of each `order.create`, in order. */
  orderOptions: ({ timeoutMs?: number } | undefined)[] = [];
  /** `cart.renew` waits for {@link releaseRenew} while this is true. */
  holdRenews = false;
  #renew: (() => void)[] = [];

  order = {
    create: async (body: { id: string; referenceId: string }, options?: { timeoutMs?: number }) => {
      this.calls.push(`order.create ${body.referenceId}`);
      this.orderOptions.push(options);
      if (this.holdOrders) await new Promise<FakeOrder>((resolve) => this.#order.push(resolve));
      const fault = this.orderFault;
      this.orderFault = undefined;
      if (fault && !fault.afterCommit) throw fault.error;
      const cart = this.carts.get(body.id);
      if (!cart) throw new ResmarkError('api', 'No cart', { status: 404 });
      if (cart.expDateTime === null || cart.expDateTime <= this.#now())
        throw new ResmarkError('api', 'The seats are no longer held', { status: 409 });
      this.carts.delete(body.id);
      const order = { id: `order-${this.orders.length + 1}`, referenceId: body.referenceId };
      this.orders.push(order);
      if (fault) throw fault.error;
      return order;
    },
    findByReferenceId: async (referenceId: string) => {
      this.calls.push(`order.findByReferenceId ${referenceId}`);
      if (this.lookupFault) throw this.lookupFault;
      return this.orders.find((o) => o.referenceId === referenceId);
    },
  };

  release() {
    for (const resolve of this.#order.splice(0)) resolve({ id: '', referenceId: '' });
  }

  releaseRenew() {
    for (const resolve of this.#renew.splice(0)) resolve();
  }
}

const kayak: SessionItem = { itemId: 'a-94175-20261125-0900', participants: { Adult: 2 } };
const bikes: SessionItem = { itemId: 'u-2001-20261125-1000', participants: { All: 1 } };
const ana = { email: 'ana@example.com', firstName: 'Ana', lastName: 'Lopez', phone: '5551234567' };

describe('CartSession', () => {
  let clock: FakeClock;
  let api: FakeApi;
  let session: CartSession<FakeCart, FakeOrder>;
  let states: string[];
  let expires: number;

  beforeEach(() => {
    clock = new FakeClock();
    api = new FakeApi(clock);
    session = new CartSession({ api, clock });
    states = [];
    expires = 0;
    session.on('change', ({ state }) => states.push(state));
    session.on('expire', () => expires++);
  });

  const held = async () => {
    await session.addItem(kayak);
    await session.setCustomer(ana);
  };

  describe('when empty', () => {
    it('has no cart and no lock', () => {
      assert.equal(session.state, 'empty');
      assert.equal(session.cart, undefined);
      assert.equal(session.remainingMs(), 0);
    });
    it('creates the cart on the first add and holds its seats', async () => {
      const cart = await session.addItem(kayak);
      assert.deepEqual(api.calls, ['cart.create', 'cart.addItem']);
      assert.equal(session.state, 'holding');
      assert.deepEqual(states, ['holding']);
      assert.equal(session.cart, cart);
      assert.equal(session.remainingMs(), SEAT_LOCK_MS);
    });
    it('makes one cart for two quick adds', async () => {
      await Promise.all([session.addItem(kayak), session.addItem(bikes)]);
      assert.deepEqual(
        api.calls.filter((c) => c === 'cart.create'),
        ['cart.create'],
      );
      assert.equal(api.carts.get('cart-1')?.items.length, 2);
    });
    it('makes a reseller cart for its supplier', async () => {
      session = new CartSession({ api, clock, supplierId: '5f1a00000000000000000002' });
      await session.addItem(bikes);
      assert.equal(api.calls[0], 'cart.create 5f1a00000000000000000002');
    });
    it('refuses to order, renew or set a customer', async () => {
      for (const action of [
        () => session.placeOrder(),
        () => session.renew(),
        () => session.setCustomer(ana),
      ])
        await assert.rejects(action, (error: ResmarkError) => error.kind === 'input');
      assert.deepEqual(api.calls, []);
    });

    it('says what it refused and in which state as data, for a caller to word it', async () => {
      await assert.rejects(
        () => session.setCustomer(ana),
        (error: ResmarkError) => {
          assert.deepEqual(error.detail, { refused: 'setCustomer', state: 'empty' });
          return true;
        },
      );
    });
  });

  describe('when holding', () => {
    beforeEach(() => session.addItem(kayak));

    it('shows the API cart’s totals, never its own arithmetic', async () => {
      await session.addItem(bikes);
      assert.equal(session.cart?.total, api.carts.get('cart-1')?.total);
      assert.deepEqual(
        api.calls.filter((c) => c === 'cart.create'),
        ['cart.create'],
      );
    });
    it('goes back to empty when the last item is removed', async () => {
      await session.removeItem(kayak.itemId);
      assert.equal(session.state, 'empty');
      assert.equal(session.remainingMs(), 0);
      assert.equal(clock.pending, 0);
    });
    it('moves to customer-set with a valid customer, stored normalised', async () => {
      await session.setCustomer({ ...ana, phone: '(555) 123-4567', state: 'ut', country: 'usa' });
      assert.equal(session.state, 'customer-set');
      assert.deepEqual(api.carts.get('cart-1')?.customer, {
        email: 'ana@example.com',
        firstName: 'Ana',
        lastName: 'Lopez',
        dialCode: '+1',
        phone: '5551234567',
        state: 'UT',
        country: 'USA',
      });
    });
    it('refuses a customer the cart’s rules reject, naming the fields, before any request', async () => {
      api.carts.get('cart-1')!.requiredCustomerFields = ['phone'];
      await session.removeItem('nothing'); // re-reads the cart with its rules
      const errors: unknown[] = [];
      session.on('error', ({ error }) => errors.push(error));
      const { phone: _phone, ...withoutPhone } = ana;
      await assert.rejects(
        session.setCustomer({ ...withoutPhone, email: 'ana' }),
        (error: ResmarkError) => {
          assert.equal(error.kind, 'input');
          assert.deepEqual(Object.keys(error.fields ?? {}).sort(), ['email', 'phone']);
          return true;
        },
      );
      assert.equal(errors.length, 1);
      assert.equal(api.calls.includes('cart.setCustomer'), false);
      assert.equal(session.state, 'holding');
    });
    it('applies a promo code with the API’s new total, and reports an invalid one', async () => {
      assert.equal((await session.applyDiscount('EXPIRED5')).status, 'invalid');
      assert.equal(session.cart?.total, 100);
      assert.equal((await session.applyDiscount('SUMMER10')).status, 'applied');
      assert.equal(session.cart?.total, 90);
    });
    it('discards the cart and starts over', async () => {
      await session.discard();
      assert.equal(session.state, 'empty');
      assert.equal(api.carts.size, 0);
      assert.equal(clock.pending, 0);
    });
    it('fails when the cart is gone', async () => {
      api.carts.clear();
      const errors: string[] = [];
      session.on('error', ({ action }) => errors.push(action));
      await assert.rejects(session.addItem(bikes), (error: ResmarkError) => error.status === 404);
      assert.equal(session.state, 'failed');
      assert.deepEqual(errors, ['addItem']);
      session.reset();
      assert.equal(session.state, 'empty');
      await session.addItem(bikes);
      assert.equal(session.cart?.id, 'cart-1');
    });
  });

  describe('the seat lock on a device whose clock is wrong', () => {
    for (const [name, skew] of [
      ['40 minutes fast', -40 * 60_000],
      ['20 minutes slow', 20 * 60_000],
    ] as const)
      it(`runs 30 minutes on a device ${name}, lapsing and ordering on the server's time`, async () => {
        api.serverSkewMs = skew;
        await held();
        assert.equal(session.state, 'customer-set');
        assert.equal(session.remainingMs(), SEAT_LOCK_MS);
        assert.equal(session.now(), clock.now() + skew);
        clock.advance(SEAT_LOCK_MS - 60_000);
        assert.equal(session.state, 'customer-set', 'a minute left');
        assert.equal((await session.placeOrder()).id, 'order-1');
      });
    it('lapses with the server’s lock, not 30 device minutes later, on a slow device', async () => {
      api.serverSkewMs = 20 * 60_000;
      await session.addItem(kayak);
      clock.advance(SEAT_LOCK_MS);
      assert.equal(session.state, 'expired');
    });
    it('learns the skew from the first renew of a cart that came by a resume link', async () => {
      api.serverSkewMs = -40 * 60_000;
      // An agent's cart: made and filled elsewhere, so this session never saw an add.
      const agent = new CartSession({ api, clock });
      await agent.addItem(kayak);
      const handed = await CartSession.restore(
        { version: 1, state: 'holding', cartId: 'cart-1' },
        { api, clock },
      );
      // On the device's clock the lock looks 10 minutes gone: the shopper is offered a renew.
      assert.equal(handed.state, 'expired');
      await handed.renew();
      assert.equal(handed.state, 'holding');
      assert.equal(handed.remainingMs(), SEAT_LOCK_MS);
      // A later renew that names another lock length is taken at its word, skew already known.
      api.renewLockMs = 10 * 60_000;
      await handed.renew();
      assert.equal(handed.remainingMs(), 10 * 60_000);
    });
    it('keeps the skew through a reload', async () => {
      api.serverSkewMs = -40 * 60_000;
      await held();
      clock.advance(60_000);
      const restored = await CartSession.restore(session.snapshot(), { api, clock });
      assert.equal(restored.state, 'customer-set');
      assert.equal(restored.remainingMs(), SEAT_LOCK_MS - 60_000);
    });
  });

  describe('the seat lock', () => {
    it('follows the cart’s expDateTime when the API gives one', async () => {
      await session.addItem(kayak);
      api.carts.get('cart-1')!.expDateTime = clock.now() + 60_000;
      await session.applyDiscount('SUMMER10');
      assert.equal(session.remainingMs(), 60_000);
      assert.equal(session.expiresAt, clock.now() + 60_000);
    });
    it('counts 30 minutes from the last add by the clock when the API gives none', async () => {
      api.lockFromApi = false;
      await session.addItem(kayak);
      clock.advance(10 * 60_000);
      assert.equal(session.remainingMs(), 20 * 60_000);
      await session.addItem(bikes);
      assert.equal(session.remainingMs(), SEAT_LOCK_MS);
      await session.setCustomer(ana); // not an add: the lock runs on
      clock.advance(60_000);
      assert.equal(session.remainingMs(), SEAT_LOCK_MS - 60_000);
    });
    it('expires holding and customer-set once, firing expire once', async () => {
      await held();
      clock.advance(SEAT_LOCK_MS - 1);
      assert.equal(session.state, 'customer-set');
      assert.equal(expires, 0);
      clock.advance(1);
      assert.equal(session.state, 'expired');
      assert.equal(session.remainingMs(), 0);
      clock.advance(SEAT_LOCK_MS * 3);
      assert.equal(expires, 1);
      assert.equal(states.filter((s) => s === 'expired').length, 1);
      assert.equal(clock.pending, 0);
    });
    it('expires a plain holding cart too', async () => {
      await session.addItem(kayak);
      clock.advance(SEAT_LOCK_MS);
      assert.equal(session.state, 'expired');
      assert.equal(expires, 1);
    });
    it('renews before the end, restarting the lock', async () => {
      await held();
      clock.advance(SEAT_LOCK_MS - 1000);
      const result = await session.renew();
      assert.deepEqual(result.errors, []);
      assert.equal(session.remainingMs(), SEAT_LOCK_MS);
      clock.advance(SEAT_LOCK_MS - 1000);
      assert.equal(session.state, 'customer-set');
      assert.equal(expires, 0);
    });
    it('takes the lock end from renew’s expDateTime when the cart gives none', async () => {
      api.lockFromApi = false;
      api.renewLockMs = 45 * 60_000;
      await session.addItem(kayak);
      await session.renew();
      assert.equal(session.remainingMs(), 45 * 60_000);
    });
    it('renews from expired, back to holding, and can expire again', async () => {
      await session.addItem(kayak);
      clock.advance(SEAT_LOCK_MS);
      assert.equal(session.state, 'expired');
      await session.renew();
      assert.equal(session.state, 'holding');
      assert.equal(session.remainingMs(), SEAT_LOCK_MS);
      clock.advance(SEAT_LOCK_MS);
      assert.equal(expires, 2);
    });
    it('renews from expired keeping the customer the cart still has', async () => {
      await held();
      clock.advance(SEAT_LOCK_MS);
      await session.renew();
      assert.equal(session.state, 'customer-set');
    });
    it('renew names what it could not hold, and the cart drops it', async () => {
      await session.addItem(kayak);
      await session.addItem(bikes);
      clock.advance(SEAT_LOCK_MS);
      api.renewErrors = [kayak.itemId];
      const result = await session.renew();
      assert.deepEqual(result.errors, [`${kayak.itemId} is sold out`]);
      assert.deepEqual(
        session.cart?.items.map((i) => i.itemId),
        [bikes.itemId],
      );
      assert.equal(session.state, 'holding');
    });
    it('renew that could hold nothing leaves the session empty', async () => {
      await session.addItem(kayak);
      clock.advance(SEAT_LOCK_MS);
      api.renewErrors = [kayak.itemId];
      await session.renew();
      assert.equal(session.state, 'empty');
      assert.equal(session.remainingMs(), 0);
    });
    it('refuses other changes while expired', async () => {
      await session.addItem(kayak);
      clock.advance(SEAT_LOCK_MS);
      await assert.rejects(session.addItem(bikes), (error: ResmarkError) => error.kind === 'input');
      await assert.rejects(
        session.setCustomer(ana),
        (error: ResmarkError) => error.kind === 'input',
      );
    });
    it('stops its timer on dispose', async () => {
      await session.addItem(kayak);
      assert.equal(clock.pending, 1);
      session.dispose();
      assert.equal(clock.pending, 0);
    });
    it('watches again after dispose, and expires at once if the lock ran out meanwhile', async () => {
      await session.addItem(kayak);
      session.dispose();
      session.watch();
      assert.equal(clock.pending, 1);
      assert.equal(session.state, 'holding');
      session.dispose();
      clock.advance(SEAT_LOCK_MS);
      assert.equal(session.state, 'holding', 'no timer ran while disposed');
      const expired = new Promise((resolve) => session.on('expire', resolve));
      session.watch();
      assert.equal(session.state, 'expired');
      await expired;
    });
  });

  describe('placeOrder', () => {
    it('orders from customer-set and fires order', async () => {
      await held();
      const orders: unknown[] = [];
      session.on('order', ({ order }) => orders.push(order));
      const order = await session.placeOrder({ billing: { memo: 'pay on arrival' } });
      assert.equal(session.state, 'ordered');
      assert.equal(session.order, order);
      assert.deepEqual(orders, [order]);
      assert.deepEqual(states, ['holding', 'customer-set', 'ordering', 'ordered']);
      assert.match(order.referenceId, /^chk_[0-9a-f-]{32,36}$/);
      assert.equal(clock.pending, 0);
      assert.equal(session.remainingMs(), 0);
    });
    it('makes one order from a double click', async () => {
      await held();
      api.holdOrders = true;
      const first = session.placeOrder();
      const second = session.placeOrder();
      assert.equal(first, second);
      assert.equal(session.state, 'ordering');
      api.release();
      await first;
      assert.equal(api.calls.filter((c) => c.startsWith('order.create')).length, 1);
      assert.equal(api.orders.length, 1);
    });
    it('refuses other actions while ordering', async () => {
      await held();
      api.holdOrders = true;
      const placing = session.placeOrder();
      await assert.rejects(session.addItem(bikes), (error: ResmarkError) => error.kind === 'input');
      await assert.rejects(session.discard(), (error: ResmarkError) => error.kind === 'input');
      api.release();
      await placing;
    });
    it('settles a lost response by finding the order by referenceId', async () => {
      await held();
      api.orderFault = { error: lost(), afterCommit: true };
      const order = await session.placeOrder();
      assert.equal(session.state, 'ordered');
      assert.equal(order, api.orders[0]);
      const create = api.calls.find((c) => c.startsWith('order.create'));
      assert.equal(create?.split(' ')[1], order.referenceId);
      assert.ok(
        api.calls.includes(`order.findByReferenceId ${order.referenceId}`),
        'expected api.calls.includes(`order.findByReferenceId ${order.referenceId}`)',
      );
      assert.equal(api.orders.length, 1);
    });
    it('orders and settles a lost answer under the caller’s own referenceId, kept across retries', async () => {
      await held();
      api.orderFault = { error: lost(), afterCommit: true };
      const order = await session.placeOrder({ referenceId: 'SUNSET-0042' });
      assert.equal(order.referenceId, 'SUNSET-0042');
      assert.ok(api.calls.includes('order.findByReferenceId SUNSET-0042'));
      assert.equal(api.orders.length, 1);
    });
    it('keeps the first attempt’s referenceId when a retry names another', async () => {
      await held();
      api.orderFault = { error: lost(), afterCommit: false };
      await assert.rejects(session.placeOrder({ referenceId: 'FIRST' }));
      const order = await session.placeOrder({ referenceId: 'SECOND' });
      assert.equal(order.referenceId, 'FIRST');
    });
    it('settles a gateway 502 or 504 the same way (a proxy lost Resmark’s answer)', async () => {
      for (const status of [502, 504]) {
        await held();
        api.orderFault = {
          error: new ResmarkError('http', `HTTP ${status}`, { status }),
          afterCommit: true,
        };
        const order = await session.placeOrder();
        assert.equal(session.state, 'ordered', `after a ${status}`);
        assert.ok(
          api.calls.includes(`order.findByReferenceId ${order.referenceId}`),
          `looked the order up after a ${status}`,
        );
        session.reset();
      }
      assert.equal(api.orders.length, 2);
    });
    it('goes back with the error when the order was not made, and the retry reuses the referenceId', async () => {
      await held();
      const errors: string[] = [];
      session.on('error', ({ action }) => errors.push(action));
      api.orderFault = { error: new ResmarkError('timeout', 'timed out'), afterCommit: false };
      await assert.rejects(session.placeOrder(), (error: ResmarkError) => error.kind === 'timeout');
      assert.equal(session.state, 'customer-set');
      assert.deepEqual(errors, ['placeOrder']);
      assert.equal(api.orders.length, 0);
      const order = await session.placeOrder();
      const ids = api.calls.filter((c) => c.startsWith('order.create')).map((c) => c.split(' ')[1]);
      assert.equal(ids.length, 2);
      assert.equal(ids[0], ids[1]);
      assert.equal(order.referenceId, ids[0]);
      assert.equal(session.state, 'ordered');
    });
    it('goes back with the original error when the lookup fails too', async () => {
      await held();
      api.orderFault = { error: lost(), afterCommit: false };
      api.lookupFault = new ResmarkError('network', 'still offline');
      await assert.rejects(
        session.placeOrder(),
        (error: ResmarkError) => error.message === 'fetch failed',
      );
      assert.equal(session.state, 'customer-set');
    });
    it('keeps the session when the cart is gone but the lookup fails: the order may exist', async () => {
      await held();
      api.orderFault = { error: lost(), afterCommit: true };
      api.lookupFault = new ResmarkError('network', 'still offline');
      await assert.rejects(session.placeOrder());
      // The retry meets the consumed cart (404) while the lookup is still down: not "failed",
      // which would tell the shopper to book again; the lookup's error says why it is unknown.
      await assert.rejects(
        session.placeOrder(),
        (error: ResmarkError) => error.message === 'still offline',
      );
      assert.equal(session.state, 'customer-set');
      api.lookupFault = undefined;
      assert.equal((await session.placeOrder()).id, 'order-1');
      assert.equal(api.orders.length, 1);
    });
    it('gives the order request its own, longer timeout', async () => {
      await held();
      await session.placeOrder();
      assert.deepEqual(api.orderOptions, [{ timeoutMs: ORDER_TIMEOUT_MS }]);
    });
    it('waits for a renew on its way, and neither fails the session', async () => {
      await held();
      api.holdRenews = true;
      const renewing = session.renew();
      const placing = session.placeOrder();
      assert.equal(api.calls.filter((c) => c.startsWith('order.create')).length, 0);
      api.releaseRenew();
      await renewing;
      const order = await placing;
      assert.equal(order.id, 'order-1');
      assert.equal(session.state, 'ordered');
      assert.equal(session.order, order);
    });
    it('a retry after an unseen success finds the first order instead of failing', async () => {
      await held();
      api.orderFault = { error: lost(), afterCommit: true };
      api.lookupFault = new ResmarkError('network', 'still offline');
      await assert.rejects(session.placeOrder());
      api.lookupFault = undefined;
      // The cart was consumed by the first attempt: the retry's 404 is settled by the lookup.
      const order = await session.placeOrder();
      assert.equal(order, api.orders[0]);
      assert.equal(api.orders.length, 1);
      assert.equal(session.state, 'ordered');
    });
    it('surfaces a refusal without looking up, back in the state before', async () => {
      await session.addItem(kayak);
      api.orderFault = {
        error: new ResmarkError('api', 'Customer details missing', {
          status: 400,
          fields: { email: 'Enter an email' },
        }),
        afterCommit: false,
      };
      await assert.rejects(session.placeOrder(), (error: ResmarkError) => error.status === 400);
      assert.equal(session.state, 'holding');
      assert.equal(
        api.calls.some((c) => c.startsWith('order.findByReferenceId')),
        false,
      );
      clock.advance(SEAT_LOCK_MS);
      assert.equal(session.state, 'expired');
    });
    it('moves to expired when the API says the lock lapsed', async () => {
      await held();
      api.carts.get('cart-1')!.expDateTime = clock.now() - 1;
      await assert.rejects(session.placeOrder(), (error: ResmarkError) => error.status === 409);
      assert.equal(session.state, 'expired');
      assert.equal(expires, 1);
    });
    it('refuses from expired before calling the API', async () => {
      await held();
      clock.advance(SEAT_LOCK_MS);
      await assert.rejects(session.placeOrder(), (error: ResmarkError) => error.kind === 'input');
      assert.equal(
        api.calls.some((c) => c.startsWith('order.')),
        false,
      );
    });
    it('refuses when the lock ran out though no timer fired yet', async () => {
      await held();
      session.dispose(); // e.g. a suspended tab whose timers did not run
      clock.advance(SEAT_LOCK_MS);
      await assert.rejects(session.placeOrder(), (error: ResmarkError) => error.kind === 'input');
      assert.equal(session.state, 'expired');
      assert.equal(expires, 1);
      assert.equal(
        api.calls.some((c) => c.startsWith('order.')),
        false,
      );
    });
    it('refuses a second order once ordered', async () => {
      await held();
      await session.placeOrder();
      await assert.rejects(session.placeOrder(), (error: ResmarkError) => error.kind === 'input');
      assert.equal(api.orders.length, 1);
    });
  });

  describe('snapshot and restore', () => {
    it('keeps ids, state, lock time, clock skew and referenceId; nothing else', async () => {
      await held();
      assert.deepEqual(session.snapshot(), {
        version: 1,
        state: 'customer-set',
        cartId: 'cart-1',
        supplierId: undefined,
        expiresAt: clock.now() + SEAT_LOCK_MS,
        referenceId: undefined,
        skewMs: 0,
      });
    });
    it('restores a holding cart with the API’s cart and the lock running on', async () => {
      await held();
      const saved = JSON.parse(JSON.stringify(session.snapshot()));
      session.dispose();
      clock.advance(60_000);
      const restored = await CartSession.restore(saved, { api, clock });
      assert.equal(restored.state, 'customer-set');
      assert.equal(restored.cart?.total, 100);
      assert.equal(restored.remainingMs(), SEAT_LOCK_MS - 60_000);
      let fired = 0;
      restored.on('expire', () => fired++);
      clock.advance(SEAT_LOCK_MS);
      assert.equal(restored.state, 'expired');
      assert.equal(fired, 1);
    });
    it('restores as expired when the lock ran out meanwhile', async () => {
      await session.addItem(kayak);
      const saved = session.snapshot();
      session.dispose();
      clock.advance(SEAT_LOCK_MS + 1);
      const restored = await CartSession.restore(saved, { api, clock });
      assert.equal(restored.state, 'expired');
      await restored.renew();
      assert.equal(restored.state, 'holding');
    });
    it('settles a snapshot taken mid-order by its referenceId', async () => {
      await held();
      api.holdOrders = true;
      const placing = session.placeOrder();
      const saved = session.snapshot();
      assert.equal(saved.state, 'ordering');
      assert.ok(saved.referenceId, 'expected saved.referenceId');
      api.release();
      await placing;
      const restored = await CartSession.restore(saved, { api, clock });
      assert.equal(restored.state, 'ordered');
      assert.equal(restored.order?.id, 'order-1');
    });
    it('settles by referenceId a snapshot saved after an attempt that seemed to fail', async () => {
      await held();
      // The order was made, but its answer was lost and the lookup was down: the session went
      // back to customer-set, and that is what the page saved before it reloaded.
      api.orderFault = { error: lost(), afterCommit: true };
      api.lookupFault = new ResmarkError('network', 'still offline');
      await assert.rejects(session.placeOrder());
      const saved = session.snapshot();
      assert.equal(saved.state, 'customer-set');
      api.lookupFault = undefined;
      const restored = await CartSession.restore(saved, { api, clock });
      assert.equal(restored.state, 'ordered');
      assert.equal(restored.order?.id, 'order-1');
    });
    it('restores a mid-order snapshot whose order never came to the state before', async () => {
      await held();
      const saved = { ...session.snapshot(), state: 'ordering', referenceId: 'chk_never-sent' };
      const restored = await CartSession.restore(saved, { api, clock });
      assert.equal(restored.state, 'customer-set');
      await restored.placeOrder();
      assert.ok(
        api.calls.includes('order.create chk_never-sent'),
        "expected api.calls.includes('order.create chk_never-sent')",
      );
    });
    it('restores a deleted cart as failed', async () => {
      await session.addItem(kayak);
      const saved = session.snapshot();
      api.carts.clear();
      assert.equal((await CartSession.restore(saved, { api, clock })).state, 'failed');
    });
    it('refuses something that is not a snapshot', async () => {
      const good = { version: 1, state: 'holding', cartId: 'c1', expiresAt: 5 };
      for (const bad of [
        { cartId: 1 },
        null,
        'holding',
        { ...good, version: 2 },
        { ...good, state: 'paid' },
        { ...good, cartId: 7 },
        { ...good, expiresAt: '5' },
        { ...good, skewMs: Number.NaN },
      ])
        await assert.rejects(
          CartSession.restore(bad, { api, clock }),
          (error: ResmarkError) => error.kind === 'input',
          JSON.stringify(bad),
        );
    });

    it('reads a snapshot by its own keys only', () => {
      assert.deepEqual(
        readSnapshot({ version: 1, state: 'empty', cartId: 'c1', token: 'secret', skewMs: -4 }),
        { version: 1, state: 'empty', cartId: 'c1', skewMs: -4 },
      );
    });
  });
});

describe('CartSession against the local sandbox, with the real client', () => {
  let t: TestSandbox;
  before(async () => {
    t = await testSandbox();
  });
  after(() => t.sandbox.close());
  beforeEach(() => t.reset());

  const start = () => {
    const clock = new FakeClock();
    clock.time = T0;
    const api = createResmarkClient({
      environment: t.sandbox.apiUrl,
      auth: { username: CREDENTIALS.canyon.username, apiKey: CREDENTIALS.canyon.apikey },
    });
    return { clock, session: new CartSession({ api, clock }) };
  };

  it('books once when the order’s response is lost, found by its referenceId', async () => {
    const { session } = start();
    await session.addItem({ itemId: KAYAK_0900, participants: { Adult: 2 }, ...PICKUP });
    assert.equal(session.state, 'holding');
    assert.equal(session.expiresAt, T0 + SEAT_LOCK_MS, 'the lock end is the cart’s expDateTime');
    await session.setCustomer(CANYON_CUSTOMER);
    assert.equal(session.state, 'customer-set');
    await t.control('POST', '/faults', { method: 'POST', path: '/order', dropResponse: true });
    const order = await session.placeOrder();
    assert.equal(session.state, 'ordered');
    assert.equal(order.total, session.cart?.total, 'the order costs what the API cart said');
    const listed = await t.api('GET', `/order?referenceId=${order.referenceId}`);
    assert.equal(listed.body.data.length, 1);
  });

  it('refuses to order once the sandbox’s lock has run out, and renews from expired', async () => {
    const { clock, session } = start();
    await session.addItem({ itemId: KAYAK_0900, participants: { Adult: 1 }, ...PICKUP });
    await session.setCustomer(CANYON_CUSTOMER);
    await t.control('POST', '/clock', { advanceMs: SEAT_LOCK_MS });
    clock.advance(SEAT_LOCK_MS);
    assert.equal(session.state, 'expired');
    await assert.rejects(session.placeOrder(), (error: ResmarkError) => error.kind === 'input');
    await session.renew();
    assert.equal(session.state, 'customer-set');
    assert.equal(session.expiresAt, T0 + 2 * SEAT_LOCK_MS);
    assert.equal((await session.placeOrder()).status, 'active');
  });
});
