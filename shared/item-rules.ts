/**
 * The rules of `POST /cart/{id}/item` (Cart article, "Add Inventory to Cart"; docs/wire.md, Carts):
 * the widget checks a shopper's choice with them before sending, the sandbox checks what it receives.
 */
import { quantity } from './schema.js';

/** A slot as the add-item rules need it: its tier prices and the seats (or units) left. */
export interface SlotSeats {
  price: Record<string, number>;
  seatsLeft: number;
}

/** A pickup zone as the add-item rules need it (docs/wire.md, Pickups). */
export interface PickupZoneRef {
  id: string;
  pickupDetails: readonly { id: string }[];
  locations: readonly { id: string }[];
  allowOther?: boolean;
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

function checkPickup(
  choice: AddItemChoice,
  zones: readonly PickupZoneRef[],
): Record<string, string> {
  const { pickupDetailId, locationId, locationOther } = choice;
  const fields: Record<string, string> = {};
  if (!given(pickupDetailId)) fields['pickupDetailId'] = 'Choose a pickup option';
  else if (typeof pickupDetailId !== 'string')
    fields['pickupDetailId'] = 'Choose a pickup option from the list';
  if (!given(locationId) && !given(locationOther))
    fields['locationId'] = 'Choose a pickup location, or type where to be picked up';
  if (given(locationId) && typeof locationId !== 'string')
    fields['locationId'] = 'Choose a pickup location from the list';
  if (given(locationOther) && (typeof locationOther !== 'string' || locationOther.trim() === ''))
    fields['locationOther'] = 'Type the place where you want to be picked up';
  if (given(locationId) && given(locationOther))
    fields['locationOther'] ??= 'Choose a listed pickup location or type another one, not both';
  if (Object.keys(fields).length > 0) return fields;

  const candidates = zones.filter((zone) =>
    zone.pickupDetails.some((d) => d.id === pickupDetailId),
  );
  if (candidates.length === 0) return { pickupDetailId: 'Choose a pickup option from the list' };
  if (given(locationId)) {
    if (candidates.some((zone) => zone.locations.some((l) => l.id === locationId))) return {};
    const known = zones.some((zone) => zone.locations.some((l) => l.id === locationId));
    return {
      locationId: known
        ? 'That location is not served by this pickup option: choose one of its locations'
        : 'Choose a pickup location from the list',
    };
  }
  return candidates.some((zone) => zone.allowOther)
    ? {}
    : { locationOther: 'This pickup option only stops at listed locations: choose one of them' };
}

/**
 * Checks a shopper's add-item choice against a slot and the product's pickup zones. With no zones
 * the pickup fields are ignored: real clients send the product's own `locationId` there.
 */
export function checkAddItem(
  item: AddItemChoice,
  slot: SlotSeats,
  pickups: readonly PickupZoneRef[],
): AddItemResult {
  const fields: Record<string, string> = {};
  const participants: Record<string, number> = {};
  let seats = 0;
  const tiers = Object.keys(slot.price);

  const chosen = item.participants;
  if (typeof chosen !== 'object' || chosen === null || Array.isArray(chosen)) {
    fields['participants'] = 'Choose at least one guest';
  } else {
    for (const [tier, value] of Object.entries(chosen)) {
      const count = quantity(value);
      if (!Object.hasOwn(slot.price, tier))
        fields[`participants.${tier}`] =
          `${tier} is not offered at this time: choose from ${tiers.join(', ')}`;
      else if (count === undefined)
        fields[`participants.${tier}`] = `Enter a whole number of ${tier} guests, 0 or more`;
      else if (count > 0) {
        participants[tier] = count;
        seats += count;
      }
    }
    if (Object.keys(fields).length === 0 && seats === 0)
      fields['participants'] = 'Choose at least one guest';
  }

  if (pickups.length > 0) Object.assign(fields, checkPickup(item, pickups));
  if (Object.keys(fields).length > 0) return { ok: false, reason: 'invalid', fields };

  if (seats > slot.seatsLeft) {
    const left = Math.max(0, slot.seatsLeft);
    const message =
      left === 0
        ? 'This time is sold out: choose another time'
        : `Only ${left} ${left === 1 ? 'seat is' : 'seats are'} left at this time: choose ${left} or fewer guests`;
    return { ok: false, reason: 'not-enough-seats', fields: { participants: message } };
  }
  return { ok: true, participants, seats };
}
