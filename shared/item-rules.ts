/**
 * The rules of `POST /cart/{id}/item` (Cart article, "Add Inventory to Cart"; docs/wire.md, Carts):
 * the widget checks a shopper's choice with them before sending, the sandbox checks what it receives.
 */
import { isRecord, quantity } from './schema.js';

/**
 * A slot as the add-item rules need it: its tier prices, the seats (or units) left, and when it
 * starts (an ISO instant; `null` or absent for a dateless product, which any pickup fits).
 */
export interface SlotSeats {
  price: Record<string, number>;
  seatsLeft: number;
  startTime?: string | null;
}

/** A pickup zone as the add-item rules need it (docs/wire.md, Pickups). */
export interface PickupZoneRef {
  id: string;
  pickupDetails: readonly { id: string; time?: string | undefined }[];
  locations: readonly { id: string }[];
  allowOther?: boolean | undefined;
}

/**
 * The longest a pickup may leave before its departure, in minutes [CHOSEN, docs/wire.md Pickups:
 * the documents give a pickup a time of day and nothing that ties it to a slot]. Three hours
 * covers the longest drive in the seed (Big Water, 07:45, to the 09:00 tour) and keeps a morning
 * pickup off an afternoon departure.
 */
export const PICKUP_MAX_LEAD_MINUTES = 180;

const minutesOfDay = (hhmm: string): number | undefined => {
  const match = /^(\d{1,2}):(\d{2})/.exec(hhmm);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
};

/**
 * Whether a pickup at `time` (`HH:MM`, the operator's clock, as the slots' times: UTC in the
 * sandbox) can reach a departure at `slotStart` (an ISO instant): it leaves before the departure
 * and at most {@link PICKUP_MAX_LEAD_MINUTES} before it. A pickup without a time, or a slot
 * without one, fits: nothing says otherwise.
 */
export function pickupFits(
  time: string | undefined,
  slotStart: string | null | undefined,
): boolean {
  const pickup = time === undefined ? undefined : minutesOfDay(time);
  const start = slotStart ? new Date(slotStart) : undefined;
  if (pickup === undefined || !start || Number.isNaN(start.getTime())) return true;
  // Modulo a day: a 23:30 pickup reaches a 00:30 departure the next morning.
  const lead = (start.getUTCHours() * 60 + start.getUTCMinutes() - pickup + 1440) % 1440;
  return lead > 0 && lead <= PICKUP_MAX_LEAD_MINUTES;
}

/**
 * The zones as a departure at `slotStart` can use them: each keeps only the pickups that fit it
 * ({@link pickupFits}), and a zone left with none is dropped. What the booker offers, and what
 * {@link checkAddItem} accepts.
 */
export function pickupsFor<Zone extends PickupZoneRef>(
  zones: readonly Zone[],
  slotStart: string | null | undefined,
): Zone[] {
  return zones.flatMap((zone) => {
    const pickupDetails = zone.pickupDetails.filter((d) => pickupFits(d.time, slotStart));
    if (!pickupDetails.length) return [];
    return pickupDetails.length === zone.pickupDetails.length
      ? [zone]
      : [{ ...zone, pickupDetails }];
  });
}

/** The fields of an add-item request that the rules look at, as received. */
export interface AddItemChoice {
  participants?: unknown;
  pickupDetailId?: unknown;
  locationId?: unknown;
  locationOther?: unknown;
}

/**
 * The outcome of {@link checkAddItem}. `fields` is keyed `participants.<tier>` for one tier,
 * `participants` for the whole choice, and `pickupDetailId`, `locationId`, `locationOther`.
 */
export type AddItemResult =
  | { ok: true; participants: Record<string, number>; seats: number }
  | { ok: false; reason: 'invalid' | 'not-enough-seats'; fields: Record<string, string> };

// Empty strings and nulls are what forms and real clients send for "not chosen".
const given = (value: unknown) => value !== undefined && value !== null && value !== '';

const CHOOSE_PICKUP = 'Choose a pickup option from the list';
const CHOOSE_LOCATION = 'Choose a pickup location from the list';

// `zones` are those that fit the departure; `all` names a pickup that exists but does not fit.
function checkPickup(
  { pickupDetailId, locationId, locationOther }: AddItemChoice,
  zones: readonly PickupZoneRef[],
  all: readonly PickupZoneRef[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  const listed = given(locationId);
  const typed = given(locationOther);
  if (typeof pickupDetailId !== 'string' || !pickupDetailId)
    fields['pickupDetailId'] = CHOOSE_PICKUP;
  if (!listed && !typed)
    fields['locationId'] = 'Choose a pickup location, or type where to be picked up';
  if (listed && typeof locationId !== 'string') fields['locationId'] = CHOOSE_LOCATION;
  if (typed && (typeof locationOther !== 'string' || !locationOther.trim()))
    fields['locationOther'] = 'Type where to be picked up';
  if (listed && typed)
    fields['locationOther'] ??= 'Choose a listed pickup location or type one, not both';
  if (Object.keys(fields).length) return fields;

  const serves = (zone: PickupZoneRef) => zone.locations.some((l) => l.id === locationId);
  const candidates = zones.filter((zone) =>
    zone.pickupDetails.some((d) => d.id === pickupDetailId),
  );
  if (!candidates.length)
    return {
      pickupDetailId: all.some((zone) => zone.pickupDetails.some((d) => d.id === pickupDetailId))
        ? 'That pickup does not reach this departure: choose a pickup shortly before it'
        : CHOOSE_PICKUP,
    };
  if (listed)
    return candidates.some(serves)
      ? {}
      : {
          locationId: zones.some(serves)
            ? 'That location is not served by this pickup option: choose one of its locations'
            : CHOOSE_LOCATION,
        };
  return candidates.some((zone) => zone.allowOther)
    ? {}
    : { locationOther: 'This pickup option only stops at listed locations: choose one of them' };
}

/**
 * Checks a shopper's add-item choice against a slot and the product's pickup zones, of which only
 * the pickups that fit the slot's departure count ({@link pickupsFor}). With no zones the pickup
 * fields are ignored: real clients send the product's own `locationId` there. A product whose
 * pickups all miss this departure books it without one [CHOSEN]: the shopper makes their own way.
 */
export function checkAddItem(
  item: AddItemChoice,
  slot: SlotSeats,
  pickups: readonly PickupZoneRef[],
): AddItemResult {
  const fields: Record<string, string> = {};
  const participants: Record<string, number> = {};
  let seats = 0;
  const chosen = item.participants;
  if (isRecord(chosen))
    for (const [tier, value] of Object.entries(chosen)) {
      const count = quantity(value);
      // Real client code sends `All` beside the tiers of a multi-tier slot (docs/wire.md, Carts):
      // a slot that prices no `All` has nothing to book under it.
      if (tier === 'All' && !Object.hasOwn(slot.price, tier)) continue;
      if (!Object.hasOwn(slot.price, tier))
        fields[`participants.${tier}`] =
          `Choose from ${Object.keys(slot.price).join(', ')}: ${tier} is not offered at this time`;
      else if (count === undefined)
        fields[`participants.${tier}`] = `Enter a whole number of ${tier} guests, 0 or more`;
      else if (count) {
        participants[tier] = count;
        seats += count;
      }
    }
  if (!Object.keys(fields).length && !seats) fields['participants'] = 'Choose at least one guest';
  const fitting = pickupsFor(pickups, slot.startTime);
  if (fitting.length) Object.assign(fields, checkPickup(item, fitting, pickups));
  if (Object.keys(fields).length) return { ok: false, reason: 'invalid', fields };

  const left = Math.max(0, slot.seatsLeft);
  if (seats > left)
    return {
      ok: false,
      reason: 'not-enough-seats',
      fields: {
        participants: left
          ? `Only ${left} ${left === 1 ? 'seat is' : 'seats are'} left at this time: choose ${left} or fewer guests`
          : 'This time is sold out: choose another time',
      },
    };
  return { ok: true, participants, seats };
}
