/**
 * The sandbox's fixed demo data. Ids never change: tools, tests and the README rely on them.
 * Shapes follow the examples in docs/wire.md and the Resmark documents, not our `shared/` schemas.
 */

/** An operator (supplier) account. */
export interface Operator {
  id: string;
  name: string;
  currency: string;
  /** Percent of what is cancelled that the account charges unless the fee is waived. */
  cancellationFeePercent: number;
  requiredCustomerFields: readonly string[];
  customFields: readonly {
    name: string;
    type: 'text' | 'checkbox' | 'list';
    required: boolean;
    options?: string[];
  }[];
}

/** A reseller agency and the suppliers it is connected to (TrueConnect). */
export interface Agency {
  id: string;
  name: string;
  suppliers: readonly string[];
  info: Record<string, unknown>;
}

/** A user who can authenticate: an operator's staff member or an agency's agent. */
export interface User {
  id: string;
  name: string;
  email: string;
  apiKey: string;
  /** The operator (staff) or agency (agent) the user belongs to. */
  entityId: string;
  role: 'staff' | 'agent';
  /** The user's agent id in their agency (agents only). */
  agentId?: string;
}

/** One daily time slot of a dated product, in UTC. */
export interface SlotTemplate {
  start: string;
  end: string;
}

/** A product with the inventory rules the sandbox generates its slots from. */
export interface SeedProduct {
  /** The product as `GET /product` returns it. */
  view: Record<string, unknown> & {
    id: string;
    entityId: string;
    name: string;
    productNumber: number;
    quantityType: 'participant' | 'unit';
    dateless: boolean;
    tagIds: string[];
    lastModified: string;
    currency: string;
  };
  price: Record<string, number>;
  capacity: number;
  /** Daily slots; empty for a dateless product. */
  slots: readonly SlotTemplate[];
  pickups: readonly PickupZone[];
}

/** A pickup zone as `GET /product/{id}/pickup` returns it. */
export interface PickupZone {
  id: string;
  name: string;
  pickupDetails: { id: string; name: string; time?: string; price?: number }[];
  locations: { id: string; name: string; address?: string }[];
  allowOther: boolean;
}

/** A promo code: its percent off, whether it still works, and the operator it is limited to. */
export interface PromoCode {
  percent: number;
  expired: boolean;
  entityId?: string;
}

const hex = (prefix: string, n: number) =>
  prefix + n.toString(16).padStart(24 - prefix.length, '0');

/** Canyon Kayak Co. */
export const CANYON = '5f1a00000000000000000001';
/** Harbor Bikes (rentals). */
export const HARBOR = '5f1a00000000000000000002';
/** Sunset Travel, a reseller agency connected to Canyon Kayak and Harbor Bikes. */
export const SUNSET = '5f1a00000000000000000003';
/** Glacier Heli Tours, not connected to Sunset Travel. */
export const GLACIER = '5f1a00000000000000000004';

/** The operator accounts by id. */
export const OPERATORS: ReadonlyMap<string, Operator> = new Map(
  [
    {
      id: CANYON,
      name: 'Canyon Kayak Co.',
      currency: 'USD',
      cancellationFeePercent: 10,
      requiredCustomerFields: ['email', 'firstName', 'lastName', 'phone'],
      customFields: [
        { name: 'Arrival Flight Number', type: 'text', required: false },
        {
          name: 'Dietary Needs',
          type: 'checkbox',
          required: false,
          options: ['Vegetarian', 'Vegan', 'Gluten-free'],
        },
        {
          name: 'Wetsuit Size',
          type: 'list',
          required: true,
          options: ['XS', 'S', 'M', 'L', 'XL'],
        },
      ],
    },
    {
      id: HARBOR,
      name: 'Harbor Bikes',
      currency: 'USD',
      cancellationFeePercent: 15,
      requiredCustomerFields: ['email', 'firstName', 'lastName'],
      customFields: [],
    },
    {
      id: GLACIER,
      name: 'Glacier Heli Tours',
      currency: 'USD',
      cancellationFeePercent: 20,
      requiredCustomerFields: ['email', 'firstName', 'lastName'],
      customFields: [],
    },
  ].map((o) => [o.id, o as Operator]),
);

/** The reseller agencies by id. */
export const AGENCIES: ReadonlyMap<string, Agency> = new Map([
  [
    SUNSET,
    {
      id: SUNSET,
      name: 'Sunset Travel',
      suppliers: [CANYON, HARBOR],
      info: {
        name: 'Sunset Travel',
        country: { name: 'United States' },
        addressOne: '200 Lakeshore Dr',
        postalCode: '86040',
        locality: 'Page',
        state: { name: 'Arizona' },
        businessEmail: 'hello@sunset-travel.test',
        website: 'https://sunset-travel.test',
        phoneList: [{ phoneType: 'office', phoneNumber: '+1 928 555 0100' }],
        resmarkUrl: 'https://sunset-travel.resmarksystems.com',
      },
    },
  ],
]);

/** Everyone who can authenticate. */
export const USERS: readonly User[] = [
  {
    id: hex('5f22', 1),
    name: 'Casey Canyon',
    email: 'staff@canyon-kayak.test',
    apiKey: 'sandbox-operator-key',
    entityId: CANYON,
    role: 'staff',
  },
  {
    id: hex('5f22', 2),
    name: 'Hollis Harbor',
    email: 'staff@harbor-bikes.test',
    apiKey: 'sandbox-harbor-key',
    entityId: HARBOR,
    role: 'staff',
  },
  {
    id: hex('5f22', 3),
    name: 'Avery Agent',
    email: 'agent@sunset-travel.test',
    apiKey: 'sandbox-agent-key',
    entityId: SUNSET,
    role: 'agent',
    agentId: hex('5f23', 1),
  },
  // An operator whose whole sale Resmark's own browser demo can make (docs/wire.md, "Public
  // clients"): a single-price (`All`) product without pickups, and only the documented customer
  // fields required.
  {
    id: hex('5f22', 4),
    name: 'Gale Glacier',
    email: 'staff@glacier-heli.test',
    apiKey: 'sandbox-glacier-key',
    entityId: GLACIER,
    role: 'staff',
  },
];

/** `GET /tag`: categories with their tags. */
export const TAGS = [
  {
    id: hex('5f20', 1),
    name: 'Activity',
    tags: [
      { id: hex('5f21', 1), name: 'Kayaking' },
      { id: hex('5f21', 2), name: 'Cycling' },
      { id: hex('5f21', 3), name: 'Flightseeing' },
    ],
  },
  {
    id: hex('5f20', 2),
    name: 'Duration',
    tags: [
      { id: hex('5f21', 4), name: 'Half day' },
      { id: hex('5f21', 5), name: 'Evening' },
      { id: hex('5f21', 6), name: 'Flexible' },
    ],
  },
  {
    id: hex('5f20', 3),
    name: 'Season',
    tags: [
      { id: hex('5f21', 7), name: 'Summer' },
      { id: hex('5f21', 8), name: 'Year-round' },
    ],
  },
];
const [KAYAKING, CYCLING, FLIGHTSEEING, HALF_DAY, EVENING, FLEXIBLE, SUMMER, YEAR_ROUND] =
  TAGS.flatMap((c) => c.tags.map((t) => t.id)) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];

/** Promo codes by code. */
export const PROMO_CODES: ReadonlyMap<string, PromoCode> = new Map([
  ['SUMMER10', { percent: 10, expired: false }],
  ['EXPIRED5', { percent: 5, expired: true }],
  ['BIKES20', { percent: 20, expired: false, entityId: HARBOR }],
]);

const img = (name: string, alt: string) => ({
  small: `https://images.resmark-sandbox.test/${name}-400.jpg`,
  large: `https://images.resmark-sandbox.test/${name}-1600.jpg`,
  alt,
});

// Every product has a video: Resmark's demo reads `videos[0].url` of the product a shopper picks,
// unguarded, so a product without one stops it.
const video = (name: string) => [{ url: `https://videos.resmark-sandbox.test/${name}.mp4` }];

const MARINA = {
  id: hex('5f1c', 1),
  name: 'Canyon Marina',
  address: '100 Lakeshore Dr',
  city: 'Page',
  state: 'AZ',
  country: 'USA',
};

/** The products, in list order. */
export const PRODUCTS: readonly SeedProduct[] = [
  {
    view: {
      id: '5f1b00000000000000000101',
      entityId: CANYON,
      productCode: 'CANYON-HALF',
      name: 'Half-Day Canyon Kayak Tour',
      productNumber: 94175,
      price: '89',
      quantityLabel: 'Guest',
      quantityType: 'participant',
      dateless: false,
      overview:
        '<p>Paddle into the slot canyons of Lake Powell with a certified guide. Calm water, towering sandstone walls and a swim stop at a hidden beach.</p><p>All paddling gear, dry bags and a light lunch are included.</p>',
      highlights:
        '<ul><li>Small groups of up to 16 guests</li><li>Hotel pickup in Page</li><li>Lunch on a sandstone beach</li><li>No experience needed</li></ul>',
      shortDescription: 'Four hours of guided paddling through Antelope Canyon’s water slots.',
      ageRestrictions: { minAge: '8', maxAge: '80' },
      class: 'groupActivity',
      classTypes: ['Kayaking'],
      tagIds: [KAYAKING, HALF_DAY, SUMMER],
      lastModified: '2026-10-01T00:00:00.000Z',
      location: [MARINA],
      images: [
        img('canyon-kayak-walls', 'Kayaks between red sandstone walls'),
        img('canyon-kayak-beach', 'Guests resting on a sandy beach'),
      ],
      videos: video('canyon-kayak'),
      dateSettings: { startTime: '09:00', duration: '4h' },
      hasPickups: true,
      currency: 'USD',
    },
    price: { Adult: 89, Child: 59, Senior: 79 },
    capacity: 16,
    slots: [
      { start: '09:00', end: '13:00' },
      { start: '14:00', end: '18:00' },
    ],
    pickups: [
      {
        id: hex('5f1d', 1),
        name: 'Page hotels',
        pickupDetails: [
          { id: hex('5f1e', 1), name: 'Morning pickup', time: '08:15', price: 0 },
          { id: hex('5f1e', 2), name: 'Afternoon pickup', time: '13:15', price: 0 },
        ],
        locations: [
          {
            id: hex('5f1f', 1),
            name: 'Lake Powell Resort lobby',
            address: '100 Lakeshore Dr, Page, AZ',
          },
          { id: hex('5f1f', 2), name: 'Hyatt Place Page', address: '1020 Hwy 89, Page, AZ' },
          { id: hex('5f1f', 3), name: 'Courtyard Page', address: '600 Clubhouse Dr, Page, AZ' },
        ],
        allowOther: false,
      },
      {
        id: hex('5f1d', 2),
        name: 'Big Water & vacation rentals',
        pickupDetails: [{ id: hex('5f1e', 3), name: 'Big Water pickup', time: '07:45', price: 10 }],
        locations: [
          {
            id: hex('5f1f', 4),
            name: 'Big Water Visitor Center',
            address: '100 Upper Revolution Way, Big Water, UT',
          },
          {
            id: hex('5f1f', 5),
            name: 'Lone Rock Beach entrance',
            address: 'Lone Rock Rd, Big Water, UT',
          },
        ],
        allowOther: true,
      },
    ],
  },
  {
    view: {
      id: '5f1b00000000000000000102',
      entityId: CANYON,
      productCode: 'CANYON-SUNSET',
      name: 'Sunset Paddle',
      productNumber: 94176,
      price: '49',
      quantityLabel: 'Guest',
      quantityType: 'participant',
      dateless: false,
      overview:
        '<p>Two golden hours on the water as the cliffs turn red. A relaxed paddle for every level.</p>',
      highlights:
        '<ul><li>Golden-hour light</li><li>Up to 10 guests</li><li>Hot cocoa on return</li></ul>',
      shortDescription: 'An easy evening paddle at sunset.',
      // Real products often have none: Resmark's demo checks for null before it shows them.
      ageRestrictions: null,
      class: 'groupActivity',
      classTypes: ['Kayaking'],
      tagIds: [KAYAKING, EVENING, SUMMER],
      lastModified: '2026-10-15T00:00:00.000Z',
      location: [MARINA],
      images: [img('sunset-paddle', 'Silhouettes of kayakers at sunset')],
      videos: video('sunset-paddle'),
      dateSettings: { startTime: '17:30', duration: '2h' },
      hasPickups: false,
      currency: 'USD',
    },
    price: { All: 49 },
    capacity: 10,
    slots: [{ start: '17:30', end: '19:30' }],
    pickups: [],
  },
  {
    view: {
      id: '5f1b00000000000000000103',
      entityId: CANYON,
      productCode: 'CANYON-PASS',
      name: 'Kayak Day Pass',
      productNumber: 94177,
      price: '35',
      quantityLabel: 'Pass',
      quantityType: 'participant',
      dateless: true,
      overview:
        '<p>A single-seat kayak for the day, any day: launch from the marina whenever you like.</p>',
      highlights:
        '<ul><li>Use any day this season</li><li>Paddle and life jacket included</li></ul>',
      shortDescription: 'Self-guided kayak rental, valid any day.',
      ageRestrictions: { minAge: '16', maxAge: '99' },
      class: 'rental',
      classTypes: ['Kayaking'],
      tagIds: [KAYAKING, FLEXIBLE, YEAR_ROUND],
      lastModified: '2026-09-01T00:00:00.000Z',
      location: [MARINA],
      images: [img('kayak-day-pass', 'A yellow kayak on the marina ramp')],
      videos: video('kayak-day-pass'),
      dateSettings: { startTime: null, duration: '1d' },
      hasPickups: false,
      currency: 'USD',
    },
    price: { All: 35 },
    capacity: 200,
    slots: [],
    pickups: [],
  },
  {
    view: {
      id: '5f1b00000000000000000201',
      entityId: HARBOR,
      productCode: 'HARBOR-BIKE',
      name: 'City Bike Rental',
      productNumber: 95101,
      price: '30',
      quantityLabel: 'Bike',
      quantityType: 'unit',
      dateless: false,
      overview:
        '<p>Explore the harbor front and the old town on a comfortable cruiser or an e-bike.</p>',
      highlights: '<ul><li>Helmet and lock included</li><li>Route map of the harbor loop</li></ul>',
      shortDescription: 'Four-hour cruiser or e-bike rental from the harbor shop.',
      ageRestrictions: { minAge: '12', maxAge: '99' },
      class: 'rental',
      classTypes: ['Cycling'],
      tagIds: [CYCLING, HALF_DAY, YEAR_ROUND],
      lastModified: '2026-10-20T00:00:00.000Z',
      location: [
        {
          id: hex('5f1c', 2),
          name: 'Harbor Bikes shop',
          address: '12 Wharf St',
          city: 'Seward',
          state: 'AK',
          country: 'USA',
        },
      ],
      images: [img('harbor-bikes', 'A row of rental bikes by the harbor')],
      videos: video('harbor-bikes'),
      dateSettings: { startTime: '09:00', duration: '4h' },
      hasPickups: false,
      currency: 'USD',
    },
    price: { Cruiser: 30, 'E-Bike': 55 },
    capacity: 12,
    slots: [
      { start: '09:00', end: '13:00' },
      { start: '13:00', end: '17:00' },
    ],
    pickups: [],
  },
  {
    view: {
      id: '5f1b00000000000000000401',
      entityId: GLACIER,
      productCode: 'GLACIER-HELI',
      name: 'Glacier Heli Flight',
      productNumber: 96001,
      price: '399',
      quantityLabel: 'Passenger',
      quantityType: 'participant',
      dateless: false,
      overview: '<p>An hour over the icefield with a landing on the glacier.</p>',
      highlights: '<ul><li>Glacier landing</li><li>Four passengers per flight</li></ul>',
      shortDescription: 'Helicopter flight with a glacier landing.',
      ageRestrictions: null,
      class: 'groupActivity',
      classTypes: ['Flightseeing'],
      tagIds: [FLIGHTSEEING, SUMMER],
      lastModified: '2026-08-01T00:00:00.000Z',
      location: [
        {
          id: hex('5f1c', 3),
          name: 'Glacier Heliport',
          address: '1 Airport Rd',
          city: 'Juneau',
          state: 'AK',
          country: 'USA',
        },
      ],
      images: [img('glacier-heli', 'A helicopter parked on a glacier')],
      videos: video('glacier-heli'),
      dateSettings: { startTime: '10:00', duration: '1h' },
      hasPickups: false,
      currency: 'USD',
    },
    price: { All: 399 },
    capacity: 4,
    slots: [
      { start: '10:00', end: '11:00' },
      { start: '15:00', end: '16:00' },
    ],
    pickups: [],
  },
];

/**
 * Days of inventory from the sandbox clock's day (that day included): 500, a little over 16
 * months. Resmark's own demo offered dates 16 months ahead of its last commit, and at least 13
 * months must be on sale for a year's calendar asked for by month (docs/wire.md, Inventory). Slots
 * are computed, not stored, so the window's length costs no memory.
 */
export const INVENTORY_DAYS = 500;

/**
 * Seats already sold before the sandbox started, so a calendar shows sold-out and nearly full
 * slots. The rule, by the slot's day of the month (UTC):
 * - a day divisible by 5 (5, 10, 15, 20, 25, 30): the day's FIRST slot is sold out;
 * - otherwise an odd day: the day's LAST slot has 2 seats left;
 * - the day after the seed day (the clock's day at start or reset) has nothing sold, for every
 *   product, so tests can rely on tomorrow's full capacity.
 * Dateless products have nothing sold.
 */
export function preBookedSeats(
  dayOfMonth: number,
  slotIndex: number,
  slotCount: number,
  capacity: number,
  isSeedTomorrow: boolean,
): number {
  if (isSeedTomorrow) return 0;
  if (dayOfMonth % 5 === 0) return slotIndex === 0 ? capacity : 0;
  if (dayOfMonth % 2 === 1) return slotIndex === slotCount - 1 ? capacity - 2 : 0;
  return 0;
}
