/**
 * The cart rules (Cart article; docs/wire.md, Carts). Every function here is synchronous from the
 * moment it reads the seats left to the moment it holds them: with no `await` in between, two
 * requests can never both take the last seat.
 */
import { validateCustomer } from '../../shared/customer.js';
import { checkAddItem, pickupsFor } from '../../shared/item-rules.js';
import { SEAT_LOCK_MS } from '../../shared/limits.js';
import { ApiError, invalid } from './errors.js';
import type { Slot } from './inventory.js';
import { priceLine, promoPercentFor, repriceCart } from './records.js';
import type { CartItem, CartRecord } from './records.js';
import { AGENCIES, OPERATORS, PROMO_CODES } from './seed.js';
import type { SeedProduct, User } from './seed.js';
import type { SandboxState } from './state.js';

/** Whether `user` may see and book `product`: their own operator's, or a connected supplier's. */
export function canSee(user: User, product: SeedProduct): boolean {
  if (user.role === 'staff') return product.view.entityId === user.entityId;
  return AGENCIES.get(user.entityId)?.suppliers.includes(product.view.entityId) ?? false;
}

/** Opens a cart: a staff cart, or (with `supplierId`) a reseller agent's cart for that supplier. */
export function createCart(
  state: SandboxState,
  user: User,
  supplierId: string | undefined,
): CartRecord {
  let operatorId = user.entityId;
  let agencyId: string | null = null;
  if (supplierId !== undefined) {
    if (user.role !== 'agent')
      throw new ApiError(403, 'Only a reseller agent may create a reseller cart (supplierId)');
    const agency = AGENCIES.get(user.entityId)!;
    if (!agency.suppliers.includes(supplierId))
      throw new ApiError(403, `${agency.name} is not connected to supplier ${supplierId}`);
    operatorId = supplierId;
    agencyId = agency.id;
  } else if (user.role === 'agent') {
    // [CHOSEN] docs/wire.md, Carts: an agent has no products of their own to book.
    throw invalid('supplierId is required for reseller agents', {
      supplierId: 'Choose the supplier whose products this cart is for',
    });
  }
  const cart: CartRecord = {
    id: crypto.randomUUID(),
    ownerId: agencyId ?? operatorId,
    operator: OPERATORS.get(operatorId)!,
    agencyId,
    user,
    createdDate: new Date(state.clock.now()).toISOString(),
    customer: {},
    items: new Map(),
    promoCode: null,
    promoPercent: 0,
    promoEntityId: undefined,
    expDateTime: null,
  };
  state.carts.set(cart.id, cart);
  return cart;
}

/** The caller's cart; another entity's cart is a 404 so its existence is not revealed. */
export function findCart(state: SandboxState, user: User, id: string): CartRecord {
  const cart = state.carts.get(id);
  if (!cart || cart.ownerId !== user.entityId) throw new ApiError(404, `Cart ${id} not found`);
  return cart;
}

/** The caller's carts, oldest first. */
export function listCarts(
  state: SandboxState,
  user: User,
  ids: string[] | undefined,
): CartRecord[] {
  const wanted = ids && new Set(ids);
  const carts: CartRecord[] = [];
  for (const cart of state.carts.values())
    if (cart.ownerId === user.entityId && (!wanted || wanted.has(cart.id))) carts.push(cart);
  return carts;
}

const live = (cart: CartRecord, now: number) => cart.expDateTime !== null && cart.expDateTime > now;

/**
 * Holds a lapsed cart's items again where their seats are still free, removing the rest; returns
 * what was removed. Shared by renew and by adding to a lapsed cart, so a lock that ran out never
 * comes back to life without its seats being checked.
 */
function relock(state: SandboxState, cart: CartRecord, now: number, skip?: string): CartItem[] {
  const dropped: CartItem[] = [];
  for (const [itemId, item] of cart.items) {
    if (itemId === skip) continue;
    const stillOnSale = state.inventory.resolve(itemId, now) !== undefined;
    if (stillOnSale && state.inventory.seatsLeft(item.slot, now, cart.id) >= item.seats) continue;
    state.inventory.release(itemId, cart.id);
    cart.items.delete(itemId);
    dropped.push(item);
  }
  return dropped;
}

function holdAll(state: SandboxState, cart: CartRecord): void {
  for (const item of cart.items.values())
    state.inventory.hold(item.slot.activityId, cart.id, { cart, seats: item.seats });
}

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** `POST /cart/{id}/item`: adds a slot, or replaces the participants of a slot already in the cart. */
export function addItem(
  state: SandboxState,
  user: User,
  cartId: string,
  body: Record<string, unknown>,
): CartRecord {
  const itemId = body['itemId'];
  if (typeof itemId !== 'string' || itemId === '')
    throw invalid('itemId is required', {
      itemId: 'Send the activityId of a slot from the inventory',
    });
  const cart = findCart(state, user, cartId);
  const now = state.clock.now();
  const slot: Slot | undefined = state.inventory.resolve(itemId, now);
  if (!slot || !canSee(user, slot.product))
    throw new ApiError(404, `No inventory on sale with itemId ${itemId}`);
  if (slot.product.view.entityId !== cart.operator.id)
    throw invalid(
      `This cart is for ${cart.operator.name}; ${slot.product.view.name} is another supplier's`,
      {
        itemId: `Choose a product of ${cart.operator.name}, or open a cart for its supplier`,
      },
    );

  const seatsLeft = state.inventory.seatsLeft(slot, now, cart.id);
  const result = checkAddItem(
    body as Parameters<typeof checkAddItem>[0],
    { price: slot.product.price, seatsLeft, startTime: slot.startTime },
    slot.product.pickups,
  );
  if (!result.ok) {
    const message = Object.values(result.fields).join('; ');
    if (result.reason === 'not-enough-seats') throw new ApiError(409, message);
    throw invalid(message, result.fields);
  }

  if (!live(cart, now)) relock(state, cart, now, itemId);
  const percent = promoPercentFor(cart, slot.product.view.entityId);
  const lines = [];
  for (const [tier, count] of Object.entries(result.participants))
    for (let i = 0; i < count; i++)
      lines.push(priceLine(state.nextId('6b'), tier, slot.product.price[tier]!, percent));
  // Only the pickups that reach this departure count (shared/item-rules.ts, pickupsFor).
  const hasPickups = pickupsFor(slot.product.pickups, slot.startTime).length > 0;
  cart.items.set(itemId, {
    slot,
    participants: result.participants,
    seats: result.seats,
    // Without pickups, real clients send the product's own location here (docs/wire.md, Carts).
    pickupDetailId: hasPickups ? text(body['pickupDetailId']) : null,
    locationId: text(body['locationId']),
    locationOther: hasPickups ? text(body['locationOther']) : null,
    internalComment: text(body['internalComment']),
    lines,
  });
  cart.expDateTime = now + SEAT_LOCK_MS;
  holdAll(state, cart);
  return cart;
}

/** `DELETE /cart/{id}/item/{itemId}`: its seats return at once. */
export function removeItem(
  state: SandboxState,
  user: User,
  cartId: string,
  itemId: string,
): CartRecord {
  const cart = findCart(state, user, cartId);
  if (!cart.items.delete(itemId))
    throw new ApiError(404, `Item ${itemId} is not in cart ${cartId}`);
  state.inventory.release(itemId, cart.id);
  if (cart.items.size === 0) cart.expDateTime = null;
  return cart;
}

/** `DELETE /cart/{id}`: the cart goes and every seat it held returns. */
export function deleteCart(state: SandboxState, user: User, cartId: string): void {
  const cart = findCart(state, user, cartId);
  for (const itemId of cart.items.keys()) state.inventory.release(itemId, cart.id);
  state.carts.delete(cart.id);
}

/** The account's customer rules, as the cart announces them. */
export const customerRules = (cart: CartRecord) => ({
  requiredCustomerFields: cart.operator.requiredCustomerFields,
  customFields: cart.operator.customFields,
});

/** `PUT /cart/{id}/customer`: checked and normalised by the one rule in `shared/customer.ts`. */
export function setCustomer(
  state: SandboxState,
  user: User,
  cartId: string,
  body: unknown,
): CartRecord {
  const cart = findCart(state, user, cartId);
  const result = validateCustomer(body, customerRules(cart));
  if (!result.ok)
    throw invalid(`Check the customer: ${Object.keys(result.fields).join(', ')}`, result.fields);
  cart.customer = result.customer;
  return cart;
}

/** `POST /cart/{id}/discount`. */
export function applyDiscount(
  state: SandboxState,
  user: User,
  cartId: string,
  body: Record<string, unknown>,
): CartRecord {
  const cart = findCart(state, user, cartId);
  const raw = body['promoCode'];
  if (typeof raw !== 'string' || raw.trim() === '')
    throw invalid('promoCode is required', { promoCode: 'Enter a promo code' });
  const promoCode = raw.trim().toUpperCase();
  const promo = PROMO_CODES.get(promoCode);
  if (!promo || promo.expired)
    throw new ApiError(400, `Promo code ${promoCode} is not valid`, {
      promoCode,
      reason: 'invalid',
    });
  const applies = [...cart.items.values()].some(
    (item) => promo.entityId === undefined || promo.entityId === item.slot.product.view.entityId,
  );
  if (!applies)
    throw new ApiError(400, `Promo code ${promoCode} does not apply to anything in this cart`, {
      promoCode,
      reason: 'not-applicable',
    });
  cart.promoCode = promoCode;
  cart.promoPercent = promo.percent;
  cart.promoEntityId = promo.entityId;
  repriceCart(cart);
  return cart;
}

/** `GET /cart/{id}/renew`: the documented non-envelope shape. */
export function renewCart(state: SandboxState, user: User, cartId: string) {
  const cart = findCart(state, user, cartId);
  const now = state.clock.now();
  const errors: string[] = [];
  if (cart.items.size === 0)
    return {
      errors,
      messages: [],
      info: ['The cart is empty: there are no seats to hold'],
      expDateTime: null,
    };
  if (!live(cart, now))
    for (const item of relock(state, cart, now))
      errors.push(
        `${item.slot.product.view.name} at ${item.slot.startTime ?? 'any date'}: its seats are no longer free, so it was removed from the cart`,
      );
  if (cart.items.size === 0) {
    cart.expDateTime = null;
    return { errors, messages: [], info: [], expDateTime: null };
  }
  cart.expDateTime = now + SEAT_LOCK_MS;
  holdAll(state, cart);
  return {
    errors,
    messages: [],
    info: [`Seats held until ${new Date(cart.expDateTime).toISOString()}`],
    expDateTime: cart.expDateTime,
  };
}
