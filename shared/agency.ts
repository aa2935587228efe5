/** Reseller agencies (Tags and Resellers article). */
import * as z from 'zod/mini';
import type { Call, RequestOptions } from './http.js';
import { str } from './schema.js';

/** A reseller business a user belongs to, with the user's agent id in it. */
export const Agency = z.looseObject({ name: str, entityId: str, agentId: str });
/** A reseller business a user belongs to. */
export type Agency = z.infer<typeof Agency>;

const NameOnly = z.looseObject({ name: str });

/** A connected reseller's details. */
export const AgencyInfo = z.looseObject({
  name: str,
  country: NameOnly,
  addressOne: str,
  postalCode: str,
  /** The city. */
  locality: str,
  state: NameOnly,
  businessEmail: str,
  website: str,
  phoneList: z.array(z.looseObject({ phoneType: str, phoneNumber: str })),
  /** The reseller's Resmark subdomain URL. */
  resmarkUrl: str,
});
/** A connected reseller's details. */
export type AgencyInfo = z.infer<typeof AgencyInfo>;

/** The agency endpoints, bound to one client. */
export const agencyEndpoints = (call: Call) => ({
  /** `GET /agency/{userId}`: the reseller businesses of a user (email or AlternativeId). */
  forUser: (userId: string, options?: RequestOptions) =>
    call('GET /agency/{userId}', [userId], {}, options),
  /** `GET /agency/{agencyId}/agencyInfo`: a connected reseller's details. */
  info: (agencyId: string, options?: RequestOptions) =>
    call('GET /agency/{agencyId}/agencyInfo', [agencyId], {}, options),
});
