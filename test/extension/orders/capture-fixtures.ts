/**
 * Writes `fixtures.ts` beside it from real answers of the local sandbox, as the Sunset Travel agent:
 * a reseller order of Canyon Kayak (a multi-tier tour with pickup, and the single-price paddle) and
 * one of Harbor Bikes (a rental with units), the list, and what each cancellation answers. Each
 * cancellation starts from a reset and the same two bookings, so every answer is one step from the
 * booked orders. Run it against `npm run sandbox`:
 *
 *   SANDBOX_PORT=4310 npm run sandbox &
 *   SANDBOX=http://127.0.0.1:4310 npx tsx test/extension/orders/capture-fixtures.ts
 *   npx prettier --write test/extension/orders/fixtures.ts
 *
 * It resets the sandbox: run it against one nobody else is using.
 */
import { writeFile } from 'node:fs/promises';

const SB = process.env['SANDBOX'] ?? 'http://127.0.0.1:4010';
const API = `${SB}/public/api`;
const KAYAK_CO = '5f1a00000000000000000001';
const HARBOR_BIKES = '5f1a00000000000000000002';

type Json = Record<string, unknown>;

async function request(method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

async function data(method: string, path: string, token: string, body?: unknown) {
  const answer = await request(method, path, token, body);
  if (answer.status !== 200) throw new Error(`${method} ${path}: ${JSON.stringify(answer.body)}`);
  return answer.body['data'] as Json;
}

async function signIn(): Promise<string> {
  const response = await fetch(`${API}/authenticate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'agent@sunset-travel.test', apikey: 'sandbox-agent-key' }),
  });
  return response.text();
}

async function firstSlot(token: string, product: number, day: string): Promise<string> {
  const inventory = await data('GET', `/product/${product}/item?from=${day}`, token);
  const items = inventory['items'] as { timesAvailable: { activityId: string }[] }[];
  return items[0]!.timesAvailable[0]!.activityId;
}

/** Resets the sandbox and books the two reseller orders; returns them as `POST /order` answered. */
async function book(token: string) {
  await fetch(`${SB}/__sandbox/reset`, { method: 'POST' });
  const clock = (await (await fetch(`${SB}/__sandbox/clock`)).json()) as { now: number };
  const day = new Date(clock.now + 864e5).toISOString().slice(0, 10);
  const pickups = (await data('GET', '/product/94175/pickup', token)) as unknown as {
    pickupDetails: { id: string }[];
    locations: { id: string }[];
  }[];

  const kayakCart = await data('POST', `/cart?supplierId=${KAYAK_CO}`, token);
  const kayakPath = `/cart/${String(kayakCart['id'])}`;
  await data('POST', `${kayakPath}/item`, token, {
    itemId: await firstSlot(token, 94175, day),
    participants: { Adult: 2, Child: 1, Senior: 1 },
    pickupDetailId: pickups[0]!.pickupDetails[0]!.id,
    locationId: pickups[0]!.locations[0]!.id,
  });
  await data('POST', `${kayakPath}/item`, token, {
    itemId: await firstSlot(token, 94176, day),
    participants: { All: 2 },
  });
  await data('PUT', `${kayakPath}/customer`, token, {
    email: 'kim@example.com',
    firstName: 'Kim',
    lastName: 'Ng',
    phone: '+44 20 7946 0958',
    'Wetsuit Size': ['S'],
  });
  const kayak = await data('POST', '/order', token, {
    id: kayakCart['id'],
    referenceId: 'SUN-2041',
    billing: { memo: 'Collected by agent (card)' },
  });

  const bikeCart = await data('POST', `/cart?supplierId=${HARBOR_BIKES}`, token);
  const bikePath = `/cart/${String(bikeCart['id'])}`;
  await data('POST', `${bikePath}/item`, token, {
    itemId: await firstSlot(token, 95101, day),
    participants: { Cruiser: 2, 'E-Bike': 1 },
  });
  await data('PUT', `${bikePath}/customer`, token, {
    email: 'lee@example.com',
    firstName: 'Lee',
    lastName: 'Park',
  });
  const bikes = await data('POST', '/order', token, {
    id: bikeCart['id'],
    referenceId: 'SUN-2042',
    billing: { memo: 'Pay on arrival' },
  });
  return { kayak, bikes, day: new Date(clock.now).toISOString().slice(0, 10) };
}

type Line = { id: string; tier: string };
type Item = { itemId: string; participantList?: Line[]; unitList?: Line[] };
const items = (order: Json) => order['items'] as Item[];

const token = await signIn();
const booked = await book(token);
const { kayak, bikes, day } = booked;
const from = new Date(Date.parse(day) - 30 * 864e5).toISOString().slice(0, 10);
const range = `fromCreatedDate=${from}&toCreatedDate=${day}&sortOrder=desc`;
const recent = await data('GET', `/order?${range}&limit=10&page=0`, token);
const firstPage = await data('GET', `/order?${range}&limit=1&page=0`, token);
const secondPage = await data('GET', `/order?${range}&limit=1&page=1`, token);
const byReference = await data('GET', '/order?referenceId=SUN-2042&limit=10', token);
const notFound = await request('GET', '/order/100099', token);

const [tour, paddle] = items(kayak) as [Item, Item];
const [bikeItem] = items(bikes) as [Item];
const child = tour.participantList!.find((p) => p.tier === 'Child')!;
const eBike = bikeItem.unitList!.find((u) => u.tier === 'E-Bike')!;
const kayakId = String(kayak['id']);
const bikesId = String(bikes['id']);

const childCancelled = await data(
  'DELETE',
  `/order/${kayakId}/item/${tour.itemId}/participant/${child.id}`,
  token,
);
const alreadyCancelled = await request(
  'DELETE',
  `/order/${kayakId}/item/${tour.itemId}/participant/${child.id}`,
  token,
);
await book(token);
const paddleCancelledWaived = await data(
  'DELETE',
  `/order/${kayakId}/item/${paddle.itemId}?applyCancellationFee=false`,
  token,
);
await book(token);
const eBikeCancelled = await data(
  'DELETE',
  `/order/${bikesId}/item/${bikeItem.itemId}/unit/${eBike.id}`,
  token,
);
await book(token);
const kayakCancelled = await data('DELETE', `/order/${kayakId}`, token);
await fetch(`${SB}/__sandbox/reset`, { method: 'POST' });

const out = (name: string, doc: string, value: unknown, type = 'Order') =>
  `/** ${doc} */\nexport const ${name}: ${type} = ${JSON.stringify(value, null, 2)};\n`;

const source = `/**
 * Real answers of the local sandbox as the Sunset Travel agent, written by capture-fixtures.ts (run
 * it to regenerate). Each cancellation's answer is one step from the booked orders.
 */
import type { Order } from '../../../shared/order.js';

/** The day the orders were made (the sandbox clock's, UTC). */
export const CAPTURED_DAY = ${JSON.stringify(day)};

${out('kayakOrder', 'Canyon Kayak, reseller: the tour (2 Adult, 1 Child, 1 Senior, pickup) and the paddle (2 people).', kayak)}
${out('bikesOrder', 'Harbor Bikes, reseller: a rental of 2 Cruisers and 1 E-Bike (units).', bikes)}
${out('recentOrders', '`GET /order` of the last 30 days, newest first, limit 10.', recent, 'Order[]')}
${out('firstPage', 'The same with limit 1, page 0.', firstPage, 'Order[]')}
${out('secondPage', 'The same with limit 1, page 1.', secondPage, 'Order[]')}
${out('byReference', '`GET /order?referenceId=SUN-2042`.', byReference, 'Order[]')}
${out('childCancelled', 'The kayak order after cancelling the Child (fee applied: 10 % of $59).', childCancelled)}
${out('paddleCancelledWaived', 'The kayak order after cancelling the paddle item, fee waived.', paddleCancelledWaived)}
${out('eBikeCancelled', 'The bikes order after cancelling the E-Bike unit (fee applied: 15 % of $55).', eBikeCancelled)}
${out('kayakCancelled', 'The kayak order after cancelling all of it (fee applied).', kayakCancelled)}
/** What \`GET /order/100099\` answers: status and body. */
export const notFoundAnswer = ${JSON.stringify(notFound, null, 2)};

/** What cancelling the Child a second time answers: status and body. */
export const alreadyCancelledAnswer = ${JSON.stringify(alreadyCancelled, null, 2)};
`;
await writeFile(new URL('./fixtures.ts', import.meta.url), source);
console.log(
  `wrote fixtures.ts (orders ${String(kayak['confirmation'])}, ${String(bikes['confirmation'])})`,
);
