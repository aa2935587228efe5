/**
 * The Resmark routes under `/public/api`, as docs/wire.md describes them. Handlers stay thin: the
 * rules live in `carts.ts` and `orders.ts`, the shapes in `views.ts`.
 */
import { Hono } from 'hono';
import type { Context, MiddlewareHandler } from 'hono';
import { MAX_INVENTORY_RANGE_DAYS } from '../../shared/limits.js';
import {
  addItem,
  applyDiscount,
  canSee,
  createCart,
  deleteCart,
  findCart,
  listCarts,
  removeItem,
  renewCart,
  setCustomer,
} from './carts.js';
import { ApiError, invalid } from './errors.js';
import { faultInjector } from './faults.js';
import { csv, paginate, readJson, readObject } from './http.js';
import type { SandboxEnv } from './http.js';
import { dayNumber, findProduct } from './inventory.js';
import { cancel, createOrder, findOrder, listOrders } from './orders.js';
import type { CancelTarget } from './orders.js';
import { localImages } from './images.js';
import { AGENCIES, PRODUCTS, TAGS, USERS } from './seed.js';
import type { SeedProduct, User } from './seed.js';
import type { SandboxState } from './state.js';
import { cartView, orderView, slotView } from './views.js';

const ok = (data: unknown) => ({ errorMessage: null, data });

function bearerAuth(state: SandboxState): MiddlewareHandler<SandboxEnv> {
  return async function bearerAuth(c, next) {
    const header = c.req.header('authorization');
    // The scheme's name is case-insensitive in HTTP (RFC 9110 §11.1).
    const token = /^bearer /i.test(header ?? '') ? header!.slice(7).trim() : undefined;
    if (!token) throw new ApiError(401, 'Missing bearer token: send Authorization: Bearer <token>');
    const record = state.tokens.get(token);
    if (!record) throw new ApiError(401, 'Invalid bearer token: authenticate again');
    // Kept after expiry: validity is a function of the clock alone, and a reset turns it back.
    if (record.expiresAt <= state.clock.now())
      throw new ApiError(401, 'The bearer token expired: authenticate again');
    c.set('user', record.user);
    await next();
  };
}

function visibleProduct(user: User, searchTerm: string): SeedProduct {
  const product = findProduct(searchTerm);
  if (!product || !canSee(user, product))
    throw new ApiError(404, `No product matches ${searchTerm}`);
  return product;
}

const BOUND = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** Reads an inventory bound, `YYYY-MM` or `YYYY-MM-DD`, as days since the epoch. */
function inventoryBound(value: string, key: string, end: boolean): number {
  const match = BOUND.exec(value);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), match[3]] : [0, 0, undefined];
  const fail = () =>
    invalid(`${key} must be YYYY-MM or YYYY-MM-DD`, {
      [key]: 'Send a month (2026-11) or a day (2026-11-25)',
    });
  if (!match || m < 1 || m > 12) throw fail();
  if (d === undefined) return dayNumber(end ? Date.UTC(y, m, 0) : Date.UTC(y, m - 1, 1));
  const ms = Date.UTC(y, m - 1, Number(d));
  if (new Date(ms).getUTCDate() !== Number(d)) throw fail();
  return dayNumber(ms);
}

function cancelTarget(params: Record<string, string>): CancelTarget {
  const { itemId, participantId, unitId } = params;
  if (itemId === undefined) return { level: 'order' };
  if (participantId !== undefined) return { level: 'participant', itemId, lineId: participantId };
  if (unitId !== undefined) return { level: 'unit', itemId, lineId: unitId };
  return { level: 'item', itemId };
}

/** The `/public/api` routes over one sandbox state. */
export function apiRoutes(state: SandboxState): Hono<SandboxEnv> {
  const api = new Hono<SandboxEnv>();
  // The product as answered: with the sandbox's own picture URLs when it serves them (npm start).
  const shown = (product: SeedProduct) =>
    state.imageOrigin
      ? {
          ...product.view,
          images: localImages(
            product.view['images'] as { small: string; large?: string }[],
            state.imageOrigin,
          ),
        }
      : product.view;
  api.use(faultInjector(state));

  api.post('/authenticate', async (c) => {
    const body = await readObject(c);
    const user = state.findUser(body['username'], body['apikey']);
    if (!user) throw new ApiError(401, 'Invalid username or API key');
    // Getting Started: the token comes back as a raw string, not an envelope.
    return c.text(state.issueToken(user));
  });

  api.use(bearerAuth(state));

  api.get('/product', (c) => {
    const user = c.get('user');
    const q = c.req.query();
    const ids = csv(q['ids']);
    const tagIds = csv(q['tagIds']);
    const numbers = csv(q['productNumbers'])?.map(Number);
    const name = q['productName']?.trim().toLowerCase();
    let since: number | undefined;
    if (q['lastModified']) {
      since = Date.parse(q['lastModified']);
      if (Number.isNaN(since))
        throw invalid('lastModified must be an ISO date', {
          lastModified: 'Send a date like 2026-10-01',
        });
    }
    const list = PRODUCTS.filter(
      (p) =>
        canSee(user, p) &&
        (!ids || ids.includes(p.view.id)) &&
        (!tagIds || p.view.tagIds.some((t) => tagIds.includes(t))) &&
        (!numbers || numbers.includes(p.view.productNumber)) &&
        (!name || p.view.name.toLowerCase().includes(name)) &&
        (since === undefined || Date.parse(p.view.lastModified) >= since),
    );
    return c.json(ok(paginate(list, q).map(shown)));
  });

  api.get('/product/:searchTerm', (c) =>
    c.json(ok(shown(visibleProduct(c.get('user'), c.req.param('searchTerm'))))),
  );

  api.get('/product/:searchTerm/item', (c) => {
    const product = visibleProduct(c.get('user'), c.req.param('searchTerm'));
    const from = c.req.query('from');
    const to = c.req.query('to');
    if (!from)
      throw invalid('from is required', { from: 'Send a month (2026-11) or a day (2026-11-25)' });
    const fromDay = inventoryBound(from, 'from', false);
    // [CHOSEN] docs/wire.md, Inventory: `to` defaults to the end of from's month (or that day).
    const toDay = inventoryBound(to || from, 'to', true);
    if (toDay < fromDay)
      throw invalid('to must not be before from', { to: 'Send a date on or after from' });
    if (toDay - fromDay + 1 > MAX_INVENTORY_RANGE_DAYS)
      throw invalid(`Ask for at most ${MAX_INVENTORY_RANGE_DAYS} days at a time`, {
        to: `Send a range of ${MAX_INVENTORY_RANGE_DAYS} days or fewer`,
      });
    const now = state.clock.now();
    const items = state.inventory.days(product, fromDay, toDay, now).map((day) => ({
      date: day.date,
      timesAvailable: day.slots.map((slot) => slotView(slot, state.inventory.seatsLeft(slot, now))),
    }));
    return c.json(ok({ items }));
  });

  api.get('/product/:searchTerm/pickup', (c) =>
    c.json(ok(visibleProduct(c.get('user'), c.req.param('searchTerm')).pickups)),
  );

  api.get('/tag', (c) => c.json(ok(TAGS)));

  api.get('/agency/:userId', (c) => {
    const key = c.req.param('userId').toLowerCase();
    const agent = USERS.find((u) => u.role === 'agent' && (u.email === key || u.id === key));
    const agency = agent && AGENCIES.get(agent.entityId);
    return c.json(
      ok(agency ? [{ name: agency.name, entityId: agency.id, agentId: agent.agentId }] : []),
    );
  });

  api.get('/agency/:agencyId/agencyInfo', (c) => {
    const user = c.get('user');
    const agency = AGENCIES.get(c.req.param('agencyId'));
    // A connected supplier or the agency itself may read it; to anyone else it does not exist.
    if (!agency || (agency.id !== user.entityId && !agency.suppliers.includes(user.entityId)))
      throw new ApiError(404, `Agency ${c.req.param('agencyId')} not found`);
    return c.json(ok(agency.info));
  });

  api.post('/cart', async (c) => {
    await readJson(c); // no body or {} (Cart, "Create New Cart"); a malformed one is still a 400
    const cart = createCart(state, c.get('user'), c.req.query('supplierId') || undefined);
    return c.json(ok(cartView(cart)));
  });
  api.get('/cart', (c) => {
    const carts = listCarts(state, c.get('user'), csv(c.req.query('ids')));
    return c.json(ok(paginate(carts, c.req.query()).map(cartView)));
  });
  api.get('/cart/:id', (c) =>
    c.json(ok(cartView(findCart(state, c.get('user'), c.req.param('id'))))),
  );
  api.delete('/cart/:id', (c) => {
    deleteCart(state, c.get('user'), c.req.param('id'));
    return c.json(ok({ id: c.req.param('id'), deleted: true }));
  });
  api.post('/cart/:id/item', async (c) => {
    const body = await readObject(c);
    return c.json(ok(cartView(addItem(state, c.get('user'), c.req.param('id'), body))));
  });
  api.delete('/cart/:id/item/:itemId', (c) =>
    c.json(
      ok(cartView(removeItem(state, c.get('user'), c.req.param('id'), c.req.param('itemId')))),
    ),
  );
  api.put('/cart/:id/customer', async (c) => {
    const body = await readJson(c);
    return c.json(ok(cartView(setCustomer(state, c.get('user'), c.req.param('id'), body))));
  });
  api.post('/cart/:id/discount', async (c) => {
    const body = await readObject(c);
    return c.json(ok(cartView(applyDiscount(state, c.get('user'), c.req.param('id'), body))));
  });
  api.get('/cart/:id/renew', (c) => c.json(renewCart(state, c.get('user'), c.req.param('id'))));

  api.get('/order', (c) => {
    const q = c.req.query();
    return c.json(ok(listOrders(state, c.get('user'), q).map(orderView)));
  });
  api.get('/order/:id', (c) =>
    c.json(ok(orderView(findOrder(state, c.get('user'), c.req.param('id'))))),
  );
  api.post('/order', async (c) => {
    const body = await readObject(c);
    return c.json(ok(orderView(createOrder(state, c.get('user'), body))));
  });

  const cancelHandler = async (c: Context<SandboxEnv>) => {
    const body = await readObject(c);
    const query = c.req.query('applyCancellationFee');
    let applyFee = true;
    if (query !== undefined) {
      if (query !== 'true' && query !== 'false')
        throw invalid('applyCancellationFee must be true or false', {
          applyCancellationFee: 'Send true or false',
        });
      applyFee = query === 'true';
    } else if (body['applyCancellationFee'] !== undefined) {
      if (typeof body['applyCancellationFee'] !== 'boolean')
        throw invalid('applyCancellationFee must be true or false', {
          applyCancellationFee: 'Send true or false',
        });
      applyFee = body['applyCancellationFee'];
    }
    const order = cancel(
      state,
      c.get('user'),
      c.req.param('id')!,
      cancelTarget(c.req.param()),
      applyFee,
    );
    return c.json(ok(orderView(order)));
  };
  api.delete('/order/:id', cancelHandler);
  api.delete('/order/:id/item/:itemId', cancelHandler);
  api.delete('/order/:id/item/:itemId/participant/:participantId', cancelHandler);
  api.delete('/order/:id/item/:itemId/unit/:unitId', cancelHandler);

  return api;
}
