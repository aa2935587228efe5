/**
 * Carts: create (plain or reseller), list, get, delete, add and remove items, set the customer,
 * apply a promo code, renew the seat lock (Cart article; docs/wire.md, Carts).
 */
import * as z from 'zod/mini';
import { CustomField, validateCustomer, type CustomerRules } from './customer.js';
import { ResmarkError } from './errors.js';
import { inputError, type Call, type RequestOptions } from './http.js';
import {
  Csv,
  NumberMap,
  Page,
  isRecord,
  maybeStr,
  num,
  optNum,
  oneOf,
  optStr,
  quantity,
  someStr,
  str,
  strList,
  where,
  bool,
} from './schema.js';

/** The fields of a person's line in a cart or order item, to spread into an object. */
export const ParticipantShape = { id: str, tier: str, price: num, discount: num, total: num };
/** One person's line in a cart item, with their tier's price and share of the discount. */
export const Participant = z.looseObject(ParticipantShape);
/** One person's line in a cart item. */
export type Participant = z.infer<typeof Participant>;

/** The fields a cart item and an order item share (the order's add `status` and `date`). */
export const LineShape = {
  // Required: what a client acts on (the id to remove or cancel) or must show (the product, the
  // amount). The rest are our reading of the undocumented item ([CHOSEN], docs/wire.md): a real
  // answer without them must not refuse the whole cart or order.
  itemId: str,
  productNumber: num,
  productName: str,
  total: num,
  productId: optStr,
  quantityType: optStr,
  pickupDetailId: maybeStr,
  locationId: maybeStr,
  locationOther: maybeStr,
  subtotal: optNum,
  discount: optNum,
};

/** The customer as Resmark stores it: the phone as `{ dialCode, phone }`, custom fields as keys. */
export const StoredCustomer = z.looseObject({ email: str, firstName: str, lastName: str });
// Written out rather than z.partial: that helper costs more bytes than these three lines.
const CartCustomer = z.looseObject({ email: optStr, firstName: optStr, lastName: optStr });
/** The customer as Resmark stores it. */
export type StoredCustomer = z.infer<typeof StoredCustomer>;

/** One time slot in a cart: `itemId` is the inventory's `activityId`. */
export const CartItem = z.looseObject({
  ...LineShape,
  /** `null` for a dateless product. */
  startTime: z.nullable(str),
  endTime: z.nullable(str),
  // Or only `participantList`: real client code reads that (Cart article) and never this map.
  participants: z.optional(NumberMap),
  internalComment: maybeStr,
  // Rentals carry `unitList` instead of `participantList` (Orders article, Cancel Unit).
  participantList: z.optional(z.array(Participant)),
  unitList: z.optional(z.array(Participant)),
});
/** One time slot in a cart. */
export type CartItem = z.infer<typeof CartItem>;

/**
 * A cart. The Cart article's own example has only `id`, `entityId`, the `created…` fields,
 * `customer`, `items` and `total`, so every other field may be missing.
 */
export const Cart = z.looseObject({
  id: str,
  entityId: str,
  supplierId: maybeStr,
  agencyId: maybeStr,
  agentId: maybeStr,
  createdDate: str,
  // Optional: the checkout proxy strips staff names and e-mails before a shopper sees them.
  createdBy: optStr,
  createdByEmail: optStr,
  /** `{}` until `PUT /cart/{id}/customer`. */
  customer: CartCustomer,
  currency: optStr,
  items: z.array(CartItem),
  promoCode: maybeStr,
  subtotal: optNum,
  discount: optNum,
  total: num,
  /** When the seat lock ends (epoch ms); `null` on an empty cart. */
  expDateTime: z.nullish(num),
  requiredCustomerFields: z.optional(strList),
  customFields: z.optional(z.array(CustomField)),
});
/** A cart. */
export type Cart = z.infer<typeof Cart>;

/** Query of `POST /cart`: a reseller agent names the supplier. */
export const CreateCartQuery = z.object({ supplierId: z.optional(someStr) });

/** Filters of `GET /cart`. */
export const CartQuery = z.object({ ...Page, ids: Csv });
/** Filters of `GET /cart`. */
export type CartQuery = z.infer<typeof CartQuery>;

/** Answer of `DELETE /cart/{id}`. */
export const DeletedCart = z.looseObject({ id: str, deleted: bool });
/** Answer of `DELETE /cart/{id}`. */
export type DeletedCart = z.infer<typeof DeletedCart>;

/** Body of `POST /cart/{id}/item`. `itemId` is the inventory's `activityId` under another name. */
export const AddCartItem = z.object({
  itemId: someStr,
  /** Tier key → quantity: whole numbers (numeric strings too, as real clients send them), one above 0. */
  participants: where<Record<string, number | string>>(isRecord, 'as tiers with quantities').check(
    // A check function rather than z.superRefine: it raises per-tier issues as well, for less code.
    ({ value, issues }) => {
      let seats = 0;
      for (const [tier, n] of Object.entries(value)) {
        const count = quantity(n);
        if (count === undefined)
          issues.push({
            code: 'custom',
            message: 'as a whole number, 0 or more',
            path: [tier],
            input: n,
          });
        else seats += count;
      }
      if (!seats && !issues.length)
        issues.push({ code: 'custom', message: 'with at least one guest', input: value });
    },
  ),
  pickupDetailId: optStr,
  locationId: optStr,
  locationOther: optStr,
  internalComment: optStr,
});
/** Body of `POST /cart/{id}/item`. */
export type AddCartItem = z.infer<typeof AddCartItem>;

/** Body of `POST /cart/{id}/discount`. */
export const ApplyDiscount = z.object({ promoCode: someStr });

/** Why a promo code is refused: unknown or expired, or valid for none of the cart's items. */
export const DISCOUNT_REFUSALS = ['invalid', 'not-applicable'] as const;
/** Why a promo code is refused. */
export type DiscountRefusalReason = (typeof DISCOUNT_REFUSALS)[number];

/** `detail` of the 400 that refuses a promo code, beside its null `data` (docs/wire.md, Carts). */
export const DiscountRefusal = z.looseObject({
  promoCode: str,
  reason: oneOf(DISCOUNT_REFUSALS),
});

/** What `cart.applyDiscount` resolves to: a refused code is an answer, not a failure. */
export type DiscountResult =
  { status: 'applied'; cart: Cart } | { status: DiscountRefusalReason; message: string };

/** Answer of `GET /cart/{id}/renew` (not an envelope). `expDateTime` is when the new lock ends. */
export const Renewal = z.looseObject({
  /** Items that could not be held again, which Resmark removed from the cart. */
  errors: strList,
  messages: strList,
  info: strList,
  expDateTime: z.nullable(num),
});
/** Answer of `GET /cart/{id}/renew`. */
export type Renewal = z.infer<typeof Renewal>;

/** The cart endpoints, bound to one client. */
export const cartEndpoints = (call: Call) => ({
  /** `POST /cart`, or `POST /cart?supplierId=…` for a reseller agent's cart. */
  create: ({ supplierId, ...options }: RequestOptions & { supplierId?: string } = {}) =>
    call('POST /cart', [], { query: { supplierId } }, options),
  /** `GET /cart`: this user's entity's carts, a page at a time. */
  list: (query: CartQuery = {}, options?: RequestOptions) =>
    call('GET /cart', [], { query }, options),
  /** `GET /cart/{id}`. */
  get: (cartId: string, options?: RequestOptions) => call('GET /cart/{id}', [cartId], {}, options),
  /** `DELETE /cart/{id}`: the cart's locked seats return to availability. */
  delete: (cartId: string, options?: RequestOptions) =>
    call('DELETE /cart/{id}', [cartId], {}, options),
  /** `POST /cart/{id}/item`: adds a time slot (or replaces its quantities); its seats lock now. */
  addItem: (cartId: string, item: AddCartItem, options?: RequestOptions) =>
    call('POST /cart/{id}/item', [cartId], { body: item }, options),
  /** `DELETE /cart/{id}/item/{itemId}`: its seats return to availability. */
  removeItem: (cartId: string, itemId: string, options?: RequestOptions) =>
    call('DELETE /cart/{id}/item/{itemId}', [cartId, itemId], {}, options),
  /**
   * `PUT /cart/{id}/customer`, after {@link validateCustomer} against `rules` (the cart's
   * `requiredCustomerFields` and `customFields`); sends the normalised customer.
   */
  async setCustomer(
    cartId: string,
    customer: unknown,
    { rules, ...options }: RequestOptions & { rules?: CustomerRules } = {},
  ) {
    const endpoint = 'PUT /cart/{id}/customer';
    const result = validateCustomer(customer, rules);
    if (!result.ok) throw inputError(endpoint, result.fields);
    return call(endpoint, [cartId], { body: result.customer }, options);
  },
  /** `POST /cart/{id}/discount`: an unknown, expired or inapplicable code resolves, it does not throw. */
  async applyDiscount(
    cartId: string,
    promoCode: string,
    options?: RequestOptions,
  ): Promise<DiscountResult> {
    const body = { promoCode: promoCode.trim() };
    try {
      const cart = await call('POST /cart/{id}/discount', [cartId], { body }, options);
      return { status: 'applied', cart };
    } catch (error) {
      // The refusal's detail (DiscountRefusal's shape) read by hand: a transport that checks
      // nothing carries no schema to parse it with (shared/schemas.ts).
      if (error instanceof ResmarkError && error.status === 400) {
        const { detail } = error;
        const reason = isRecord(detail)
          ? DISCOUNT_REFUSALS.find((known) => known === detail['reason'])
          : undefined;
        if (reason) return { status: reason, message: error.message };
      }
      throw error;
    }
  },
  /** `GET /cart/{id}/renew`: locks the cart's seats for another 30 minutes. */
  renew: (cartId: string, options?: RequestOptions) =>
    call('GET /cart/{id}/renew', [cartId], { bare: true }, options),
});
