/**
 * The seed's ids, times and users that tests name, with no server attached: the Node tests take
 * them through ./helpers.ts, and the browser tests (which run the sandbox in their page) directly.
 */

/** 2026-11-24T21:00Z: "tomorrow" is 2026-11-25, a seed day with every seat free. */
export const T0 = Date.UTC(2026, 10, 24, 21, 0);
/** Tomorrow's Canyon half-day 09:00 slot (full capacity by the seed rule). */
export const KAYAK_0900 = 'a-94175-20261125-0900';
/** Tomorrow's Canyon half-day 14:00 slot: the afternoon pickup (13:15) is the one that reaches it. */
export const KAYAK_1400 = 'a-94175-20261125-1400';
/** The pickups of the Canyon tour by their times: two for the 09:00 slot, one for the 14:00. */
export const PICKUP_TIMES = {
  '08:15': '5f1e00000000000000000001',
  '13:15': '5f1e00000000000000000002',
  '07:45': '5f1e00000000000000000003',
} as const;
/** Tomorrow's Sunset Paddle slot (full capacity by the seed rule). */
export const SUNSET_1730 = 'a-94176-20261125-1730';
/** Morning pickup in the "Page hotels" zone, and one of its hotels. */
export const PICKUP = {
  pickupDetailId: '5f1e00000000000000000001',
  locationId: '5f1f00000000000000000001',
};
/** A customer that satisfies Canyon Kayak's rules. */
export const CANYON_CUSTOMER = {
  email: 'ana@example.com',
  firstName: 'Ana',
  lastName: 'Lopez',
  phone: '(555) 123-4567',
  'Wetsuit Size': ['M'],
};

/** The users of the seed. */
export const CREDENTIALS = {
  canyon: { username: 'staff@canyon-kayak.test', apikey: 'sandbox-operator-key' },
  harbor: { username: 'staff@harbor-bikes.test', apikey: 'sandbox-harbor-key' },
  agent: { username: 'agent@sunset-travel.test', apikey: 'sandbox-agent-key' },
  glacier: { username: 'staff@glacier-heli.test', apikey: 'sandbox-glacier-key' },
} as const;
