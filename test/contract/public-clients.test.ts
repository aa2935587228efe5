/**
 * One replay per public program that calls the real Resmark API (docs/wire.md, "Public clients"):
 * our own code, re-stating the requests each one sends, byte for byte where it matters, and the
 * checks it makes of the answers, so the sandbox cannot drift from what they rely on.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { useContract } from './harness.js';

const c = await useContract();
const api = c.sandbox.apiUrl;

/** A request with exactly these header names and this raw body; the answer as text. */
function send(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

// `any`: the programs read answers untyped, by key, and so does each replay.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('Resmark’s browser demo (havocjma/resmark-api-project, 2021)', () => {
  // Every XHR it opens sets this Content-Type, GETs and the body-less POST /cart included.
  const TYPE = 'application/json; charset=utf-8';

  it('sells a single-price product without pickups, with only the documented customer fields', async () => {
    const login = await send(
      'POST',
      `${api}/authenticate`,
      { 'Content-type': TYPE },
      JSON.stringify({ username: 'staff@glacier-heli.test', apikey: 'sandbox-glacier-key' }),
    );
    const token = login.text;
    const headers = { 'Content-type': TYPE, Authorization: `Bearer ${token}` };

    // Products: it reads these keys of every product, and videos[0].url of the one picked.
    const products: Json[] = JSON.parse((await send('GET', `${api}/product`, headers)).text).data;
    const listed = products.map((p) => ({
      name: p.name,
      image: p.images[0].small,
      number: p.productNumber,
      locationId: p.location[0].id,
      ageRestrictions: p.ageRestrictions,
      startTime: p.dateSettings.startTime,
      duration: p.dateSettings.duration,
      video: p.videos[0],
    }));
    const picked = listed.find((p) => p.name === 'Glacier Heli Flight')!;
    assert.match(picked.video.url, /^https:\/\//, 'the picked product has a video');
    assert.ok(picked.ageRestrictions === null || typeof picked.ageRestrictions === 'object');

    // Inventory: one month, `from` and `to` both YYYY-MM, 16 months ahead as the demo's form was.
    const month = '2028-03';
    const inventory = await send(
      'GET',
      `${api}/product/${picked.number}/item?from=${month}&to=${month}`,
      headers,
    );
    const days: Json[] = JSON.parse(inventory.text).data.items;
    assert.ok(days.length > 0, 'slots are on sale 16 months ahead');
    // It shows each day's first slot: seats are the first value of tiersAvailable (key '*').
    const guests = '2'; // an <input type="number">'s value: a string
    const slot = days
      .map((day) => day.timesAvailable[0])
      .find((s) => s.tiersAvailable[Object.keys(s.tiersAvailable)[0]!] >= Number(guests));
    assert.ok(slot, 'a first slot with two seats');
    assert.equal(typeof slot.price.All, 'number', 'priced per guest under All');

    const cartId = JSON.parse((await send('POST', `${api}/cart`, headers)).text).data.id;
    const added = await send(
      'POST',
      `${api}/cart/${cartId}/item`,
      headers,
      JSON.stringify({
        itemId: slot.activityId,
        participants: { All: guests },
        locationId: picked.locationId,
      }),
    );
    const totalPrice = JSON.parse(added.text).data.items[0].total;
    assert.equal(totalPrice, 2 * slot.price.All);

    // Its form's inputs, sent whether filled or not; the phone without its dashes.
    await send(
      'PUT',
      `${api}/cart/${cartId}/customer`,
      headers,
      JSON.stringify({
        email: 'ana@example.com',
        firstName: 'Ana',
        lastName: 'Lopez',
        phone: '',
        birthDate: '1980-11-30',
        gender: 'FEMALE',
        streetAddress: '',
        city: '',
        state: 'UT',
      }),
    );
    // It does not look at the customer answer: the order is what shows success or not.
    const placed = await send('POST', `${api}/order`, headers, JSON.stringify({ id: cartId }));
    const orderData = JSON.parse(placed.text).data;
    assert.equal(placed.status, 200, placed.text);
    assert.equal(Number.isInteger(orderData.confirmation), true);
    assert.equal(orderData.createdBy, 'Gale Glacier');
    assert.equal(orderData.createdByEmail, 'staff@glacier-heli.test');
    assert.ok(!Number.isNaN(Date.parse(orderData.createdDate)));
    assert.equal(orderData.items[0].date.startTime, slot.startTime);
    assert.equal(orderData.items[0].date.endTime, slot.endTime);
  });
});

describe('the booking-migration console tool (uwmoroghedeokoro/resmarkImport_console, 2020)', () => {
  // HttpClient with Accept: application/json and AuthenticationHeaderValue("Bearer", token).
  async function tool(username: string, apikey: string) {
    const login = await send(
      'POST',
      `${api}/authenticate`,
      { Accept: 'application/json', 'Content-Type': 'application/json; charset=utf-8' },
      `{"username":"${username}","apikey":"${apikey}"}`,
    );
    assert.equal(login.status, 200);
    assert.ok(login.text.length > 2, 'its check that a token came back');
    const headers = { Accept: 'application/json', Authorization: `Bearer ${login.text}` };
    const post = (path: string, body: string, method = 'POST') =>
      send(
        method,
        `${api}${path}`,
        { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
        body,
      );
    const get = (path: string) => send('GET', `${api}${path}`, headers);
    /** Its one test of every write: `(JObject)json["data"]` is an object, or it is not. */
    const outcome = (text: string) => {
      const json = JSON.parse(text);
      const data = json.data;
      const isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
      return { message: json.errorMessage as string | null, obj: isObject ? (data as Json) : null };
    };
    return { get, post, outcome };
  }

  /** Its inventory download: 245 days in one call, EnsureSuccessStatusCode, tiers = price keys. */
  async function inventory(t: Awaited<ReturnType<typeof tool>>, number: number) {
    const answer = await t.get(`/product/${number}/item?from=2026-11-25&to=2027-07-27`);
    assert.equal(answer.status, 200, answer.text);
    const slots: Json[] = JSON.parse(answer.text).data.items.flatMap((d: Json) => d.timesAvailable);
    return slots.map((s) => ({ activityId: s.activityId, tiers: Object.keys(s.price) }));
  }

  /** Its pickup lookup: the location by name anywhere, and its zone's first pickup detail. */
  async function pickup(t: Awaited<ReturnType<typeof tool>>, number: number, name: string) {
    const zones: Json[] = JSON.parse((await t.get(`/product/${number}/pickup`)).text).data;
    for (const zone of zones)
      for (const location of zone.locations)
        if (location.name === name)
          return {
            locationId: location.id as string,
            pickupDetailId: zone.pickupDetails[0].id as string,
          };
    // Not found (or no pickups): its catch block sends empty ids.
    return { locationId: '', pickupDetailId: '' };
  }

  /** Its add-item body, written as a string: `"All":"1"` first, then one or two tiers. */
  const itemBody = (
    activityId: string,
    tiers: string[],
    counts: { a: number; y: number; u: number },
    p: { locationId: string; pickupDetailId: string },
  ) => {
    const participants =
      tiers.length > 1
        ? `"All":"1","${tiers[0]}":"${counts.a}","${tiers[1]}":"${counts.y}"`
        : tiers[0] === 'Adult'
          ? `"All":"1","Adult":"${counts.a}"`
          : `"All":"1","${tiers[0]}":"${counts.u}"`;
    return `{"itemId":"${activityId}","participants":{${participants}},"locationId":"${p.locationId}","pickupDetailId":"${p.pickupDetailId}"}`;
  };

  const customerBody = (flight: string) =>
    `{"email":"info@example.com","firstName":"Bo","lastName":"Berg","title":"title","phone":"8777688370","organization":"book it","postalCode":"00000","state":"FL","country":"USA","Arrival Flight Number":"${flight}","Departure Airline and Flight Number":"0000"}`;

  it('migrates a booking end to end, and stops at a refusal instead of logging it a success', async () => {
    const t = await tool('staff@glacier-heli.test', 'sandbox-glacier-key');
    // Its product download: page=1 is the second page (0-based), so 200 a page leaves it empty.
    const page = await t.get('/product?limit=200&page=1');
    assert.equal(page.status, 200);
    assert.deepEqual(JSON.parse(page.text).data, []);
    assert.equal(JSON.parse((await t.get('/product?limit=200&page=0')).text).data.length, 1);

    // A single-price product: its body says All twice, the last one being the count.
    const [slot] = (await inventory(t, 96001)).filter((s) => s.activityId.endsWith('-1000'));
    assert.deepEqual(slot!.tiers, ['All']);
    const noPickup = await pickup(t, 96001, 'Glacier Heliport');
    assert.deepEqual(noPickup, { locationId: '', pickupDetailId: '' });
    const cart = await t.post('/cart', '{}');
    assert.equal(cart.status, 200);
    const cartId = JSON.parse(cart.text).data.id as string;
    const added = t.outcome(
      (
        await t.post(
          `/cart/${cartId}/item`,
          itemBody(slot!.activityId, slot!.tiers, { a: 0, y: 0, u: 3 }, noPickup),
        )
      ).text,
    );
    assert.ok(added.obj, added.message ?? 'added');
    assert.deepEqual(added.obj.items[0].participants, { All: 3 });
    const customer = t.outcome(
      (await t.post(`/cart/${cartId}/customer`, customerBody(''), 'PUT')).text,
    );
    assert.ok(customer.obj, customer.message ?? 'customer set');
    const order = t.outcome(
      (
        await t.post(
          '/order',
          `{"id":"${cartId}","billing":{},"orderId":null,"referenceId":"test comment"}`,
        )
      ).text,
    );
    assert.ok(order.obj, order.message ?? 'ordered');
    assert.equal(typeof order.obj.id, 'string');
    assert.ok(Number.isSafeInteger(Number(order.obj.confirmation)) && order.obj.confirmation > 0);
    assert.equal(order.obj.referenceId, 'test comment');

    // An operator that requires a custom field the tool does not send (Canyon's "Wetsuit Size"):
    // the refusal's data is not an object, so the tool reports the error and places no order.
    const canyon = await tool('staff@canyon-kayak.test', 'sandbox-operator-key');
    const kayak = (await inventory(canyon, 94175)).find(
      (s) => s.activityId === 'a-94175-20261125-0900',
    )!;
    assert.deepEqual(kayak.tiers, ['Adult', 'Child', 'Senior']);
    const hotel = await pickup(canyon, 94175, 'Hyatt Place Page');
    assert.deepEqual(hotel, {
      locationId: '5f1f00000000000000000002',
      pickupDetailId: '5f1e00000000000000000001',
    });
    const kayakCart = JSON.parse((await canyon.post('/cart', '{}')).text).data.id as string;
    const kayakAdded = canyon.outcome(
      (
        await canyon.post(
          `/cart/${kayakCart}/item`,
          itemBody(kayak.activityId, kayak.tiers, { a: 2, y: 1, u: 0 }, hotel),
        )
      ).text,
    );
    assert.ok(kayakAdded.obj, kayakAdded.message ?? 'added');
    assert.deepEqual(kayakAdded.obj.items[0].participants, { Adult: 2, Child: 1 });
    const refused = canyon.outcome(
      (await canyon.post(`/cart/${kayakCart}/customer`, customerBody('AA875'), 'PUT')).text,
    );
    assert.equal(refused.obj, null, 'a refusal is not taken for success');
    assert.match(refused.message ?? '', /Wetsuit Size/);
    const unordered = canyon.outcome(
      (
        await canyon.post(
          '/order',
          `{"id":"${kayakCart}","billing":{},"orderId":null,"referenceId":"test comment"}`,
        )
      ).text,
    );
    assert.equal(
      unordered.obj,
      null,
      'the order without a customer is refused, data not an object',
    );
    assert.ok(unordered.message);
  });
});

describe('the report viewer (IRAT.Inject, C#, 2023)', () => {
  it('signs in for each call and reads a product with a lower-case authorization header', async () => {
    // WebRequest with ContentType application/json; its credentials string has its own spacing.
    const signIn = async () => {
      const answer = await send(
        'POST',
        `${api}/authenticate`,
        { 'Content-Type': 'application/json' },
        '{ "username": "staff@canyon-kayak.test",  "apikey": "sandbox-operator-key"}',
      );
      assert.equal(answer.status, 200);
      return answer.text.trim();
    };
    const product = await send('GET', `${api}/product/5f1b00000000000000000101`, {
      authorization: `Bearer ${await signIn()}`,
    });
    assert.equal(product.status, 200, product.text);
    assert.equal(JSON.parse(product.text).data.productNumber, 94175);
    // Its report call is out of scope (docs/wire.md): an envelope that says so, data null.
    const report = await send(
      'GET',
      `${api}/report/order/transactionDate?from=2026-11-01&to=2026-11-24`,
      {
        authorization: `Bearer ${await signIn()}`,
      },
    );
    assert.equal(report.status, 404);
    const body = JSON.parse(report.text);
    assert.equal(body.data, null);
    assert.match(body.errorMessage, /report/);
  });
});
