/**
 * Every schema an endpoint names, by that name: what a checking transport parses inputs and
 * answers with (http.ts). Endpoints name their schemas instead of holding them, so a transport
 * that does not check (the widget's, behind the proxy that checks both with these same schemas)
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

// Lists built once: a schema made per call would cost every list request its construction.
export const SCHEMAS = {
  Agencies: z.array(Agency),
  AgencyInfo,
  Credentials,
  Token,
  AddCartItem,
  ApplyDiscount,
  Cart,
  Carts: z.array(Cart),
  CartQuery,
  CreateCartQuery,
  DeletedCart,
  Renewal,
  CreateOrder,
  Order,
  Orders: z.array(Order),
  OrderQuery,
  Inventory,
  InventoryQuery,
  PickupZones: z.array(PickupZone),
  Product,
  Products: z.array(Product),
  ProductQuery,
  TagCategories: z.array(TagCategory),
};

/** The schemas by name. */
export type Schemas = typeof SCHEMAS;
/** A schema's name. */
export type SchemaName = keyof Schemas;

// One envelope schema per data schema, built on first use: zod schemas are costly to construct and
// the same few are parsed on every request.
const envelopes = new WeakMap<z.ZodMiniType, z.ZodMiniType>();

/** What a checking transport checks with: each schema by name, and an answer's envelope around one. */
export const CHECKS = {
  schemas: SCHEMAS,
  enveloped(schema: z.ZodMiniType): z.ZodMiniType {
    let wrapped = envelopes.get(schema);
    if (!wrapped) envelopes.set(schema, (wrapped = envelope(schema)));
    return wrapped;
  },
};

/** The checks a transport takes (http.ts). */
export type Checks = typeof CHECKS;
