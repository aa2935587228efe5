/**
 * The schemas of every endpoint's input and answer, by the endpoint: what a checking transport
 * parses them with (http.ts). Endpoint functions name only their endpoint, so a transport that
 * does not check (the widget's, behind the proxy that checks both with these same schemas)
 * carries no schema and no zod: that is the widget's largest saving (issue 11).
 */
import * as z from 'zod/mini';
import { Agency, AgencyInfo } from './agency.js';
import { Credentials, Token } from './auth.js';
import {
  AddCartItem,
  ApplyDiscount,
  Cart,
  CartQuery,
  CreateCartQuery,
  DeletedCart,
  Renewal,
} from './cart.js';
import { CreateOrder, Order, OrderQuery } from './order.js';
import { Inventory, InventoryQuery, PickupZone, Product, ProductQuery } from './product.js';
import { envelope } from './schema.js';
import { TagCategory } from './tag.js';

/**
 * The schema of each endpoint's whole answer, by the endpoint: its envelope around the `data`
 * schema, or that schema alone for the two bare answers (authenticate, renew). Built once, here: a
 * schema made per call would cost every request its construction.
 */
export const ANSWERS = {
  'POST /authenticate': Token,
  'GET /agency/{userId}': envelope(z.array(Agency)),
  'GET /agency/{agencyId}/agencyInfo': envelope(AgencyInfo),
  'POST /cart': envelope(Cart),
  'GET /cart': envelope(z.array(Cart)),
  'GET /cart/{id}': envelope(Cart),
  'DELETE /cart/{id}': envelope(DeletedCart),
  'POST /cart/{id}/item': envelope(Cart),
  'DELETE /cart/{id}/item/{itemId}': envelope(Cart),
  'PUT /cart/{id}/customer': envelope(Cart),
  'POST /cart/{id}/discount': envelope(Cart),
  'GET /cart/{id}/renew': Renewal,
  'GET /order': envelope(z.array(Order)),
  'GET /order/{id}': envelope(Order),
  'POST /order': envelope(Order),
  'DELETE /order/{id}': envelope(Order),
  'DELETE /order/{id}/item/{itemId}': envelope(Order),
  'DELETE /order/{id}/item/{itemId}/participant/{participantId}': envelope(Order),
  'DELETE /order/{id}/item/{itemId}/unit/{unitId}': envelope(Order),
  'GET /product': envelope(z.array(Product)),
  'GET /product/{searchTerm}': envelope(Product),
  'GET /product/{id}/item': envelope(Inventory),
  'GET /product/{id}/pickup': envelope(z.array(PickupZone)),
  'GET /tag': envelope(z.array(TagCategory)),
};

/** The schema a caller's query (or else body) must pass before it is sent, by the endpoint. */
export const INPUTS: Partial<Record<Endpoint, z.ZodMiniType>> = {
  'POST /authenticate': Credentials,
  'POST /cart': CreateCartQuery,
  'GET /cart': CartQuery,
  'POST /cart/{id}/item': AddCartItem,
  'POST /cart/{id}/discount': ApplyDiscount,
  'GET /order': OrderQuery,
  'POST /order': CreateOrder,
  'GET /product': ProductQuery,
  'GET /product/{id}/item': InventoryQuery,
};

/** The answers' schemas by endpoint. */
export type Answers = typeof ANSWERS;
/** An endpoint: its method and path template, as `ANSWERS` names it. */
export type Endpoint = keyof Answers;
/** What an endpoint's call resolves to: its answer's `data`, or the whole of a bare answer. */
export type Data<E extends Endpoint> =
  z.infer<Answers[E]> extends { data: infer D } ? D : z.infer<Answers[E]>;

/** What a checking transport checks with (http.ts). */
export const CHECKS = {
  answers: ANSWERS as Record<Endpoint, z.ZodMiniType>,
  inputs: INPUTS,
};

/** The checks a transport takes. */
export type Checks = typeof CHECKS;
