/**
 * Real answers of the local sandbox (seed at T0 = 2026-11-24T21:00Z), captured once, for element
 * tests that need data without a server. Regenerate by running a booking against `npm run sandbox`.
 */
import type { Cart } from '../../shared/cart.js';
import type { Order } from '../../shared/order.js';
import type { Inventory, PickupZone, Product } from '../../shared/product.js';

/** Canyon Kayak's three products (94175 multi-tier with pickups, 94176 single-price, 94177 dateless). */
export const products: Product[] = [
  {
    id: '5f1b00000000000000000101',
    entityId: '5f1a00000000000000000001',
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
    ageRestrictions: {
      minAge: '8',
      maxAge: '80',
    },
    class: 'groupActivity',
    classTypes: ['Kayaking'],
    tagIds: ['5f2100000000000000000001', '5f2100000000000000000004', '5f2100000000000000000007'],
    lastModified: '2026-10-01T00:00:00.000Z',
    location: [
      {
        id: '5f1c00000000000000000001',
        name: 'Canyon Marina',
        address: '100 Lakeshore Dr',
        city: 'Page',
        state: 'AZ',
        country: 'USA',
      },
    ],
    images: [
      {
        small: 'https://images.resmark-sandbox.test/canyon-kayak-walls-400.jpg',
        large: 'https://images.resmark-sandbox.test/canyon-kayak-walls-1600.jpg',
        alt: 'Kayaks between red sandstone walls',
      },
      {
        small: 'https://images.resmark-sandbox.test/canyon-kayak-beach-400.jpg',
        large: 'https://images.resmark-sandbox.test/canyon-kayak-beach-1600.jpg',
        alt: 'Guests resting on a sandy beach',
      },
    ],
    videos: [],
    dateSettings: {
      startTime: '09:00',
      duration: '4h',
    },
    hasPickups: true,
    currency: 'USD',
  },
  {
    id: '5f1b00000000000000000102',
    entityId: '5f1a00000000000000000001',
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
    ageRestrictions: {
      minAge: '6',
      maxAge: '85',
    },
    class: 'groupActivity',
    classTypes: ['Kayaking'],
    tagIds: ['5f2100000000000000000001', '5f2100000000000000000005', '5f2100000000000000000007'],
    lastModified: '2026-10-15T00:00:00.000Z',
    location: [
      {
        id: '5f1c00000000000000000001',
        name: 'Canyon Marina',
        address: '100 Lakeshore Dr',
        city: 'Page',
        state: 'AZ',
        country: 'USA',
      },
    ],
    images: [
      {
        small: 'https://images.resmark-sandbox.test/sunset-paddle-400.jpg',
        large: 'https://images.resmark-sandbox.test/sunset-paddle-1600.jpg',
        alt: 'Silhouettes of kayakers at sunset',
      },
    ],
    videos: [],
    dateSettings: {
      startTime: '17:30',
      duration: '2h',
    },
    hasPickups: false,
    currency: 'USD',
  },
  {
    id: '5f1b00000000000000000103',
    entityId: '5f1a00000000000000000001',
    productCode: 'CANYON-PASS',
    name: 'Kayak Day Pass',
    productNumber: 94177,
    price: '35',
    quantityLabel: 'Pass',
    quantityType: 'participant',
    dateless: true,
    overview:
      '<p>A single-seat kayak for the day, any day: launch from the marina whenever you like.</p>',
    highlights: '<ul><li>Use any day this season</li><li>Paddle and life jacket included</li></ul>',
    shortDescription: 'Self-guided kayak rental, valid any day.',
    ageRestrictions: {
      minAge: '16',
      maxAge: '99',
    },
    class: 'rental',
    classTypes: ['Kayaking'],
    tagIds: ['5f2100000000000000000001', '5f2100000000000000000006', '5f2100000000000000000008'],
    lastModified: '2026-09-01T00:00:00.000Z',
    location: [
      {
        id: '5f1c00000000000000000001',
        name: 'Canyon Marina',
        address: '100 Lakeshore Dr',
        city: 'Page',
        state: 'AZ',
        country: 'USA',
      },
    ],
    images: [
      {
        small: 'https://images.resmark-sandbox.test/kayak-day-pass-400.jpg',
        large: 'https://images.resmark-sandbox.test/kayak-day-pass-1600.jpg',
        alt: 'A yellow kayak on the marina ramp',
      },
    ],
    videos: [],
    dateSettings: {
      startTime: null,
      duration: '1d',
    },
    hasPickups: false,
    currency: 'USD',
  },
];

/** 94175, 2026-11-25 to 2026-11-30: free, nearly full and sold-out slots. */
export const kayakInventory: Inventory = {
  items: [
    {
      date: '2026-11-25',
      timesAvailable: [
        {
          activityId: 'a-94175-20261125-0900',
          startTime: '2026-11-25T09:00:00.000Z',
          endTime: '2026-11-25T13:00:00.000Z',
          price: {
            Adult: 89,
            Child: 59,
            Senior: 79,
          },
          tiersAvailable: {
            '*': 16,
          },
          capacity: 16,
        },
        {
          activityId: 'a-94175-20261125-1400',
          startTime: '2026-11-25T14:00:00.000Z',
          endTime: '2026-11-25T18:00:00.000Z',
          price: {
            Adult: 89,
            Child: 59,
            Senior: 79,
          },
          tiersAvailable: {
            '*': 16,
          },
          capacity: 16,
        },
      ],
    },
    {
      date: '2026-11-26',
      timesAvailable: [
        {
          activityId: 'a-94175-20261126-0900',
          startTime: '2026-11-26T09:00:00.000Z',
          endTime: '2026-11-26T13:00:00.000Z',
          price: {
            Adult: 89,
            Child: 59,
            Senior: 79,
          },
          tiersAvailable: {
            '*': 16,
          },
          capacity: 16,
        },
        {
          activityId: 'a-94175-20261126-1400',
          startTime: '2026-11-26T14:00:00.000Z',
          endTime: '2026-11-26T18:00:00.000Z',
          price: {
            Adult: 89,
            Child: 59,
            Senior: 79,
          },
          tiersAvailable: {
            '*': 16,
          },
          capacity: 16,
        },
      ],
    },
    {
      date: '2026-11-27',
      timesAvailable: [
        {
          activityId: 'a-94175-20261127-0900',
          startTime: '2026-11-27T09:00:00.000Z',
          endTime: '2026-11-27T13:00:00.000Z',
          price: {
            Adult: 89,
            Child: 59,
            Senior: 79,
          },
          tiersAvailable: {
            '*': 16,
          },
          capacity: 16,
        },
        {
          activityId: 'a-94175-20261127-1400',
          startTime: '2026-11-27T14:00:00.000Z',
          endTime: '2026-11-27T18:00:00.000Z',
          price: {
            Adult: 89,
            Child: 59,
            Senior: 79,
          },
          tiersAvailable: {
            '*': 2,
          },
          capacity: 16,
        },
      ],
    },
    {
      date: '2026-11-28',
      timesAvailable: [
        {
          activityId: 'a-94175-20261128-0900',
          startTime: '2026-11-28T09:00:00.000Z',
          endTime: '2026-11-28T13:00:00.000Z',
          price: {
            Adult: 89,
            Child: 59,
            Senior: 79,
          },
          tiersAvailable: {
            '*': 16,
          },
          capacity: 16,
        },
        {
          activityId: 'a-94175-20261128-1400',
          startTime: '2026-11-28T14:00:00.000Z',
          endTime: '2026-11-28T18:00:00.000Z',
          price: {
            Adult: 89,
            Child: 59,
            Senior: 79,
          },
          tiersAvailable: {
            '*': 16,
          },
          capacity: 16,
        },
      ],
    },
    {
      date: '2026-11-29',
      timesAvailable: [
        {
          activityId: 'a-94175-20261129-0900',
          startTime: '2026-11-29T09:00:00.000Z',
          endTime: '2026-11-29T13:00:00.000Z',
          price: {
            Adult: 89,
            Child: 59,
            Senior: 79,
          },
          tiersAvailable: {
            '*': 16,
          },
          capacity: 16,
        },
        {
          activityId: 'a-94175-20261129-1400',
          startTime: '2026-11-29T14:00:00.000Z',
          endTime: '2026-11-29T18:00:00.000Z',
          price: {
            Adult: 89,
            Child: 59,
            Senior: 79,
          },
          tiersAvailable: {
            '*': 2,
          },
          capacity: 16,
        },
      ],
    },
    {
      date: '2026-11-30',
      timesAvailable: [
        {
          activityId: 'a-94175-20261130-0900',
          startTime: '2026-11-30T09:00:00.000Z',
          endTime: '2026-11-30T13:00:00.000Z',
          price: {
            Adult: 89,
            Child: 59,
            Senior: 79,
          },
          tiersAvailable: {
            '*': 0,
          },
          capacity: 16,
        },
        {
          activityId: 'a-94175-20261130-1400',
          startTime: '2026-11-30T14:00:00.000Z',
          endTime: '2026-11-30T18:00:00.000Z',
          price: {
            Adult: 89,
            Child: 59,
            Senior: 79,
          },
          tiersAvailable: {
            '*': 16,
          },
          capacity: 16,
        },
      ],
    },
  ],
};

/** 94176 (tier `All`), 2026-11-25 to 2026-11-27. */
export const paddleInventory: Inventory = {
  items: [
    {
      date: '2026-11-25',
      timesAvailable: [
        {
          activityId: 'a-94176-20261125-1730',
          startTime: '2026-11-25T17:30:00.000Z',
          endTime: '2026-11-25T19:30:00.000Z',
          price: {
            All: 49,
          },
          tiersAvailable: {
            '*': 10,
          },
          capacity: 10,
        },
      ],
    },
    {
      date: '2026-11-26',
      timesAvailable: [
        {
          activityId: 'a-94176-20261126-1730',
          startTime: '2026-11-26T17:30:00.000Z',
          endTime: '2026-11-26T19:30:00.000Z',
          price: {
            All: 49,
          },
          tiersAvailable: {
            '*': 10,
          },
          capacity: 10,
        },
      ],
    },
    {
      date: '2026-11-27',
      timesAvailable: [
        {
          activityId: 'a-94176-20261127-1730',
          startTime: '2026-11-27T17:30:00.000Z',
          endTime: '2026-11-27T19:30:00.000Z',
          price: {
            All: 49,
          },
          tiersAvailable: {
            '*': 2,
          },
          capacity: 10,
        },
      ],
    },
  ],
};

/** 94177, dateless. */
export const dayPassInventory: Inventory = {
  items: [
    {
      date: null,
      timesAvailable: [
        {
          activityId: 'a-94177-dateless',
          startTime: null,
          endTime: null,
          price: {
            All: 35,
          },
          tiersAvailable: {
            '*': 200,
          },
          capacity: 200,
        },
      ],
    },
  ],
};

/** 94175's pickup zones. */
export const kayakPickups: PickupZone[] = [
  {
    id: '5f1d00000000000000000001',
    name: 'Page hotels',
    pickupDetails: [
      {
        id: '5f1e00000000000000000001',
        name: 'Morning pickup',
        time: '08:15',
        price: 0,
      },
      {
        id: '5f1e00000000000000000002',
        name: 'Afternoon pickup',
        time: '13:15',
        price: 0,
      },
    ],
    locations: [
      {
        id: '5f1f00000000000000000001',
        name: 'Lake Powell Resort lobby',
        address: '100 Lakeshore Dr, Page, AZ',
      },
      {
        id: '5f1f00000000000000000002',
        name: 'Hyatt Place Page',
        address: '1020 Hwy 89, Page, AZ',
      },
      {
        id: '5f1f00000000000000000003',
        name: 'Courtyard Page',
        address: '600 Clubhouse Dr, Page, AZ',
      },
    ],
    allowOther: false,
  },
  {
    id: '5f1d00000000000000000002',
    name: 'Big Water & vacation rentals',
    pickupDetails: [
      {
        id: '5f1e00000000000000000003',
        name: 'Big Water pickup',
        time: '07:45',
        price: 10,
      },
    ],
    locations: [
      {
        id: '5f1f00000000000000000004',
        name: 'Big Water Visitor Center',
        address: '100 Upper Revolution Way, Big Water, UT',
      },
      {
        id: '5f1f00000000000000000005',
        name: 'Lone Rock Beach entrance',
        address: 'Lone Rock Rd, Big Water, UT',
      },
    ],
    allowOther: true,
  },
];

/** A cart with 2 adults and a child on tomorrow's 09:00 tour, with pickup and customer. */
export const cart: Cart = {
  id: '7516ab3b-7a65-4546-ba82-cc1d5ae8d7fd',
  entityId: '5f1a00000000000000000001',
  supplierId: null,
  agencyId: null,
  agentId: null,
  createdDate: '2026-11-24T21:00:00.000Z',
  createdBy: 'Casey Canyon',
  createdByEmail: 'staff@canyon-kayak.test',
  customer: {
    email: 'ana@example.com',
    firstName: 'Ana',
    lastName: 'Lopez',
    dialCode: '+1',
    phone: '5551234567',
    'Wetsuit Size': ['M'],
  },
  currency: 'USD',
  items: [
    {
      itemId: 'a-94175-20261125-0900',
      productId: '5f1b00000000000000000101',
      productNumber: 94175,
      productName: 'Half-Day Canyon Kayak Tour',
      quantityType: 'participant',
      startTime: '2026-11-25T09:00:00.000Z',
      endTime: '2026-11-25T13:00:00.000Z',
      participants: {
        Adult: 2,
        Child: 1,
      },
      pickupDetailId: '5f1e00000000000000000001',
      locationId: '5f1f00000000000000000001',
      locationOther: null,
      internalComment: null,
      participantList: [
        {
          id: '6b0000000000000000000001',
          tier: 'Adult',
          price: 89,
          discount: 0,
          total: 89,
        },
        {
          id: '6b0000000000000000000002',
          tier: 'Adult',
          price: 89,
          discount: 0,
          total: 89,
        },
        {
          id: '6b0000000000000000000003',
          tier: 'Child',
          price: 59,
          discount: 0,
          total: 59,
        },
      ],
      subtotal: 237,
      discount: 0,
      total: 237,
    },
  ],
  promoCode: null,
  subtotal: 237,
  discount: 0,
  total: 237,
  expDateTime: 1795555800000,
  requiredCustomerFields: ['email', 'firstName', 'lastName', 'phone'],
  customFields: [
    {
      name: 'Arrival Flight Number',
      type: 'text',
      required: false,
    },
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
};

/** The order made from {@link cart}. */
export const order: Order = {
  id: '6a0000000000000000000001',
  confirmation: 100001,
  entityId: '5f1a00000000000000000001',
  status: 'active',
  createdDate: '2026-11-24T21:00:00.000Z',
  modifiedDate: '2026-11-24T21:00:00.000Z',
  createdBy: 'Casey Canyon',
  createdByEmail: 'staff@canyon-kayak.test',
  referenceId: 'chk_fixture',
  billing: null,
  paymentSource: 'external',
  customer: {
    email: 'ana@example.com',
    firstName: 'Ana',
    lastName: 'Lopez',
    dialCode: '+1',
    phone: '5551234567',
    'Wetsuit Size': ['M'],
  },
  currency: 'USD',
  promoCode: null,
  items: [
    {
      itemId: 'a-94175-20261125-0900',
      productId: '5f1b00000000000000000101',
      productNumber: 94175,
      productName: 'Half-Day Canyon Kayak Tour',
      quantityType: 'participant',
      status: 'active',
      date: {
        startTime: '2026-11-25T09:00:00.000Z',
        endTime: '2026-11-25T13:00:00.000Z',
      },
      pickupDetailId: '5f1e00000000000000000001',
      locationId: '5f1f00000000000000000001',
      locationOther: null,
      participantList: [
        {
          id: '6b0000000000000000000001',
          tier: 'Adult',
          price: 89,
          discount: 0,
          total: 89,
          status: 'active',
        },
        {
          id: '6b0000000000000000000002',
          tier: 'Adult',
          price: 89,
          discount: 0,
          total: 89,
          status: 'active',
        },
        {
          id: '6b0000000000000000000003',
          tier: 'Child',
          price: 59,
          discount: 0,
          total: 59,
          status: 'active',
        },
      ],
      subtotal: 237,
      discount: 0,
      total: 237,
    },
  ],
  subtotal: 237,
  discount: 0,
  cancellationFee: 0,
  total: 237,
  amountPaid: 237,
  reseller: null,
};
