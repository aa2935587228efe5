/**
 * Orders: list with every filter, get, create (plain and reseller: the same call with a reseller
 * cart), look up by `referenceId`, and the four levels of cancellation (Orders article).
 */
import * as z from 'zod/mini';
import { LineShape, ParticipantShape, StoredCustomer } from './cart.js';
import { inputError, type Call, type RequestOptions } from './http.js';
import type { Endpoint } from './schemas.js';
import {
  Csv,
  Day,
  Page,
  bool,
  maybeStr,
  num,
  oneOf,
  optNum,
  optStr,
  someStr,
  str,
} from './schema.js';

/** One person's (or rental unit's) line in an order item; `id` is what the cancel endpoints take. */
// `status` ('active' | 'cancelled') is our reading: without it a line counts as active.
export const OrderParticipant = z.looseObject({ ...ParticipantShape, status: optStr });
/** One person's (or rental unit's) line in an order item. */
export type OrderParticipant = z.infer<typeof OrderParticipant>;

/** One booked time slot of an order. */
export const OrderItem = z.looseObject({
  ...LineShape,
  status: optStr,
  /** Start and end (`null` for a dateless product). */
  date: z.looseObject({ startTime: z.nullable(str), endTime: z.nullable(str) }),
  // Activities carry `participantList`, rentals `unitList` (Orders article, Cancel Unit).
  participantList: z.optional(z.array(OrderParticipant)),
  unitList: z.optional(z.array(OrderParticipant)),
});
/** One booked time slot of an order. */
export type OrderItem = z.infer<typeof OrderItem>;

/** The agency and agent that booked a reseller order. */
export const OrderReseller = z.looseObject({
  agencyId: str,
  agencyName: str,
  agentId: str,
  agentEmail: str,
  agentName: str,
});

const Billing = z.looseObject({ memo: optStr });

/** An order. `total` is what the customer owes after cancellations (active lines and fees). */
export const Order = z.looseObject({
  // Required: what client code reads of a real order ([CODE], docs/wire.md) and the total to show;
  // every other field is our reading and may be missing from a real answer.
  id: str,
  confirmation: num,
  createdDate: str,
  entityId: optStr,
  status: optStr,
  modifiedDate: optStr,
  // Optional: the checkout proxy strips staff names and e-mails before a shopper sees them.
  createdBy: optStr,
  createdByEmail: optStr,
  referenceId: maybeStr,
  billing: z.nullish(Billing),
  paymentSource: optStr,
  customer: z.optional(StoredCustomer),
  currency: optStr,
  promoCode: maybeStr,
  items: z.array(OrderItem),
  subtotal: optNum,
  discount: optNum,
  cancellationFee: optNum,
  total: num,
  amountPaid: optNum,
  reseller: z.nullish(OrderReseller),
});
/** An order. */
export type Order = z.infer<typeof Order>;

const optDay = z.optional(Day);

/** Filters of `GET /order`. Dates are inclusive `YYYY-MM-DD`; each `to…` needs its `from…`. */
export const OrderQuery = z
  .object({
    ...Page,
    ids: Csv,
    confirmationIds: Csv,
    fromCreatedDate: optDay,
    toCreatedDate: optDay,
    fromModifiedDate: optDay,
    toModifiedDate: optDay,
    referenceId: optStr,
    sortOrder: z.optional(oneOf(['asc', 'desc'])),
  })
  .check(({ value, issues }) => {
    for (const kind of ['Created', 'Modified'] as const)
      if (value[`to${kind}Date`] && !value[`from${kind}Date`])
        issues.push({
          code: 'custom',
          message: `only with from${kind}Date`,
          path: [`to${kind}Date`],
          input: value,
        });
  });
/** Filters of `GET /order`. */
export type OrderQuery = z.infer<typeof OrderQuery>;

const optBool = z.optional(bool);

/** Body of `POST /order`: `id` is the cart (a reseller cart makes a reseller order). */
export const CreateOrder = z.object({
  id: someStr,
  /** Adds the cart's items to this existing order instead; `null` is "none", as clients send it. */
  orderId: maybeStr,
  billing: z.optional(Billing),
  /** Your own id for the order, so a lost answer can be looked up before anything is resent. */
  referenceId: optStr,
  disableNotification: optBool,
  disablePendingOrderNotification: optBool,
  disablePendingOrderNotificationResponse: optBool,
  disableConfirmationEmail: optBool,
});
/** Body of `POST /order`. */
export type CreateOrder = z.infer<typeof CreateOrder>;

/** The last argument of the cancel endpoints: `applyCancellationFee: false` waives the fee. */
export type CancelOptions = RequestOptions & { applyCancellationFee?: boolean };

/** The order endpoints, bound to one client. */
export const orderEndpoints = (call: Call) => {
  const cancel = (
    endpoint: Extract<Endpoint, `DELETE /order/${string}`>,
    params: readonly (string | number)[],
    { applyCancellationFee, ...options }: CancelOptions = {},
  ) => call(endpoint, params, { query: { applyCancellationFee } }, options);
  const list = (query: OrderQuery = {}, options?: RequestOptions) =>
    call('GET /order', [], { query }, options);
  return {
    /** `GET /order`: orders a page at a time (ascending by id unless `sortOrder: 'desc'`). */
    list,
    /** `GET /order/{id}`: one order by session id or confirmation number. */
    get: (idOrConfirmation: string | number, options?: RequestOptions) =>
      call('GET /order/{id}', [idOrConfirmation], {}, options),
    /**
     * `POST /order`: turns a cart into a paid (external source) order. Never retried: on a lost
     * answer, look it up with {@link findByReferenceId} before sending again.
     */
    create: (order: CreateOrder, options?: RequestOptions) =>
      call('POST /order', [], { body: order }, options),
    /** The order made with this `referenceId`, or `undefined` if there is none. */
    async findByReferenceId(referenceId: string, options?: RequestOptions) {
      // An empty referenceId would filter nothing and return somebody's first order.
      if (!referenceId) throw inputError('GET /order', { referenceId: 'Enter referenceId' });
      const [order] = await list({ referenceId, limit: 1 }, options);
      // A server that ignored the filter must not make us report someone else's order.
      return order?.referenceId === referenceId ? order : undefined;
    },
    /** `DELETE /order/{id}`: cancels everything; seats and units return to availability. */
    cancel: (id: string | number, options?: CancelOptions) =>
      cancel('DELETE /order/{id}', [id], options),
    /** `DELETE /order/{id}/item/{itemId}`: cancels one date/time of the order. */
    cancelItem: (id: string | number, itemId: string, options?: CancelOptions) =>
      cancel('DELETE /order/{id}/item/{itemId}', [id, itemId], options),
    /** `DELETE /order/{id}/item/{itemId}/participant/{participantId}`: cancels one person. */
    cancelParticipant: (
      id: string | number,
      itemId: string,
      participantId: string,
      options?: CancelOptions,
    ) =>
      cancel(
        'DELETE /order/{id}/item/{itemId}/participant/{participantId}',
        [id, itemId, participantId],
        options,
      ),
    /** `DELETE /order/{id}/item/{itemId}/unit/{unitId}`: cancels one rental unit. */
    cancelUnit: (id: string | number, itemId: string, unitId: string, options?: CancelOptions) =>
      cancel('DELETE /order/{id}/item/{itemId}/unit/{unitId}', [id, itemId, unitId], options),
  };
};
