/** Tags: the account's custom search filters, grouped in categories (Tags and Resellers article). */
import * as z from 'zod/mini';
import type { Call, RequestOptions } from './http.js';
import { NamedShape } from './schema.js';

/** One tag; its id filters `GET /product?tagIds=`. */
export const Tag = z.looseObject(NamedShape);
/** One tag. */
export type Tag = z.infer<typeof Tag>;

/** A tag category (e.g. "Season") and its tags (e.g. "Summer"). */
export const TagCategory = z.looseObject({ ...NamedShape, tags: z.array(Tag) });
/** A tag category and its tags. */
export type TagCategory = z.infer<typeof TagCategory>;

/** The tag endpoint, bound to one client. */
export const tagEndpoints = (call: Call) => ({
  /** `GET /tag`: every tag category with its tags. */
  list: (options?: RequestOptions) => call('GET /tag', [], {}, options),
});
