/**
 * Products, their inventory (time slots with prices and seats) and pickup zones (Products article;
 * inventory and pickups reconstructed from client code, see docs/wire.md).
 */
import * as z from 'zod/mini';
import type { Call, RequestOptions } from './http.js';
import {
  Csv,
  Month,
  NamedShape,
  NumberMap,
  Page,
  num,
  optNum,
  optStr,
  str,
  strList,
  bool,
} from './schema.js';

/** Where a product happens (the first location is what a product without pickups sends as `locationId`). */
export const ProductLocation = z.looseObject({
  id: str,
  name: str,
  // The Products article's table is cut off here, and client code reads only these: one location
  // without an address must not refuse the whole product list.
  address: optStr,
  city: optStr,
  state: optStr,
  country: optStr,
});
/** Where a product happens. */
export type ProductLocation = z.infer<typeof ProductLocation>;

/**
 * A product. Fields that the documents' example lacks (`entityId`, `tagIds`, `lastModified`,
 * `hasPickups`, `currency`, the image's `large`/`alt`) may be missing.
 */
export const Product = z.looseObject({
  id: str,
  entityId: optStr,
  productCode: str,
  name: str,
  productNumber: num,
  /** Marketing price only; the bookable prices are the inventory's. */
  price: str,
  quantityLabel: str,
  quantityType: str,
  dateless: bool,
  overview: str,
  highlights: str,
  shortDescription: str,
  ageRestrictions: z.nullable(z.looseObject({ minAge: str, maxAge: str })),
  class: str,
  classTypes: strList,
  tagIds: z.optional(strList),
  lastModified: optStr,
  location: z.array(ProductLocation),
  images: z.array(z.looseObject({ small: str, large: optStr, alt: optStr })),
  videos: z.array(z.looseObject({ url: str })),
  // A dateless product has no start time (docs/wire.md, Inventory).
  dateSettings: z.looseObject({ startTime: z.nullable(str), duration: str }),
  hasPickups: z.optional(bool),
  currency: optStr,
});
/** A product. */
export type Product = z.infer<typeof Product>;

/** Filters of `GET /product`; csv filters take a list or a comma-separated string. */
export const ProductQuery = z.object({
  ...Page,
  ids: Csv,
  tagIds: Csv,
  lastModified: optStr,
  productNumbers: Csv,
  productName: optStr,
});
/** Filters of `GET /product`. */
export type ProductQuery = z.infer<typeof ProductQuery>;

/** One bookable time slot. `activityId` is what `POST /cart/{id}/item` calls `itemId`. */
export const InventorySlot = z.looseObject({
  activityId: str,
  /** `null` for a dateless product. */
  startTime: z.nullable(str),
  endTime: z.nullable(str),
  /** Unit price by tier key (`All` for a single-price product). */
  price: NumberMap,
  /** `*`: seats (or units) left for all tiers together. */
  tiersAvailable: NumberMap,
  capacity: optNum,
});
/** One bookable time slot. */
export type InventorySlot = z.infer<typeof InventorySlot>;

/** One day of inventory (`date` is `null` for a dateless product). */
export const InventoryDay = z.looseObject({
  date: z.nullable(str),
  timesAvailable: z.array(InventorySlot),
});
/** One day of inventory. */
export type InventoryDay = z.infer<typeof InventoryDay>;

/** Answer of `GET /product/{id|number}/item`: the days of the window, each with its slots. */
export const Inventory = z.looseObject({ items: z.array(InventoryDay) });
/** Answer of `GET /product/{id|number}/item`. */
export type Inventory = z.infer<typeof Inventory>;

/** Window of `GET /product/{id|number}/item`: `to` defaults to the end of `from`'s month or day. */
export const InventoryQuery = z.object({ from: Month, to: z.optional(Month) });
/** Window of an inventory request. */
export type InventoryQuery = z.infer<typeof InventoryQuery>;

/** A pickup zone: its pickup details (times, prices) and the locations in it. */
export const PickupZone = z.looseObject({
  id: str,
  name: str,
  pickupDetails: z.array(z.looseObject({ ...NamedShape, time: optStr, price: optNum })),
  locations: z.array(z.looseObject({ ...NamedShape, address: optStr })),
  /** The zone takes a free-text `locationOther` ([CHOSEN]: the documents' zones lack it; absent = no). */
  allowOther: z.optional(bool),
});
/** A pickup zone. */
export type PickupZone = z.infer<typeof PickupZone>;

/** The product endpoints, bound to one client. */
export const productEndpoints = (call: Call) => ({
  /** `GET /product`: the products this user may sell, a page at a time. */
  list: (query: ProductQuery = {}, options?: RequestOptions) =>
    call('GET /product', [], { query }, options),
  /** `GET /product/{searchTerm}`: one product by id, number or exact name. */
  get: (searchTerm: string | number, options?: RequestOptions) =>
    call('GET /product/{searchTerm}', [searchTerm], {}, options),
  /** `GET /product/{id|number}/item`: the days and time slots in a window, with real prices and seats. */
  inventory: (product: string | number, query: InventoryQuery, options?: RequestOptions) =>
    call('GET /product/{id}/item', [product], { query }, options),
  /** `GET /product/{id|number}/pickup`: the pickup zones (empty when the product has none). */
  pickups: (product: string | number, options?: RequestOptions) =>
    call('GET /product/{id}/pickup', [product], {}, options),
});
