/**
 * `GET /order` as the stored orders grow: the sandbox in this process (`app.fetch`, no port, so the
 * figure is the handler's own cost with its JSON) is filled with 1 000, 10 000 and 100 000 orders
 * through the same rules a booking runs, and each list query is timed at each size. Used by
 * `npm run bench`; `npx tsx bench/order-list.ts` runs it alone.
 */
import { pathToFileURL } from 'node:url';
import { addItem, createCart, setCustomer } from '../test/sandbox/carts.js';
import { createSandbox } from '../test/sandbox/app.js';
import { cancel, createOrder } from '../test/sandbox/orders.js';
import { USERS } from '../test/sandbox/seed.js';

/** The sizes measured. */
export const ORDER_COUNTS = [1_000, 10_000, 100_000] as const;

/** The queries timed, by name: a page of 50 each (README, "The local sandbox"). */
export const ORDER_QUERIES = {
  'first page': '',
  'newest first': 'sortOrder=desc',
  'one created day, 3rd page': 'fromCreatedDate={day}&toCreatedDate={day}&page=2',
  'last modified day': 'fromModifiedDate={last}',
  'by referenceId': 'referenceId={reference}',
} as const;

/** Median milliseconds of each query at each size. */
export type OrderListFigures = Record<
  (typeof ORDER_COUNTS)[number],
  Record<keyof typeof ORDER_QUERIES, number>
>;

const T0 = Date.UTC(2026, 10, 24, 21, 0);
const DAY_MS = 86_400_000;
// Every size has days of 200 orders, so a day's pages are full at every size: what grows is
// the number of days, not the answer.
const PER_DAY = 200;
const PASS = 'a-94177-dateless';
const CUSTOMER = {
  email: 'bench@example.com',
  firstName: 'Bench',
  lastName: 'Mark',
  phone: '+1 555 010 1234',
  'Wetsuit Size': ['M'],
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** Fills a fresh sandbox with `count` Canyon Kayak orders and times each query. */
async function measureAt(count: number): Promise<Record<keyof typeof ORDER_QUERIES, number>> {
  const { app, state, clock } = createSandbox({ now: T0 });
  const staff = USERS.find((u) => u.email === 'staff@canyon-kayak.test')!;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const cart = createCart(state, staff, undefined);
    addItem(state, staff, cart.id, { itemId: PASS, participants: { All: 1 } });
    setCustomer(state, staff, cart.id, CUSTOMER);
    const order = createOrder(state, staff, { id: cart.id, referenceId: `ref-${i}` });
    // The day pass has 200 of them: give the seat back behind the rules' back, so 100 000
    // orders fit a seed made for a demo. The order stays active, as a list shows it.
    state.inventory.unbook(PASS, 1);
    ids.push(order.id);
    // One order in 20 has a later change (a cancellation), so modified dates differ from created.
    if (i % 20 === 19) cancel(state, staff, ids[i - 10]!, { level: 'order' }, false);
    clock.advance(DAY_MS / PER_DAY);
  }
  const token = state.issueToken(staff);
  const day = new Date(T0 + Math.floor(count / PER_DAY / 2) * DAY_MS).toISOString().slice(0, 10);
  const last = new Date(clock.now() - DAY_MS).toISOString().slice(0, 10);
  const figures = {} as Record<keyof typeof ORDER_QUERIES, number>;
  for (const [name, template] of Object.entries(ORDER_QUERIES) as [
    keyof typeof ORDER_QUERIES,
    string,
  ][]) {
    const query = template
      .replace(/\{day\}/g, day)
      .replace('{last}', last)
      .replace('{reference}', `ref-${count >> 1}`);
    const call = async () => {
      const response = await app.fetch(
        new Request(`http://sandbox.test/public/api/order?${query}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      );
      if (response.status !== 200) throw new Error(`GET /order?${query}: ${response.status}`);
      return (await response.json()) as { data: unknown[] };
    };
    const { data } = await call();
    const expected = name === 'by referenceId' ? 1 : 50;
    if (data.length !== expected)
      throw new Error(`GET /order?${query} gave ${data.length} orders, not ${expected}`);
    for (let i = 0; i < 50; i++) await call(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const started = performance.now();
      await call();
      times.push(performance.now() - started);
    }
    figures[name] = median(times);
  }
  return figures;
}

/** Times every query at every size, smallest first. */
export async function measureOrderList(): Promise<OrderListFigures> {
  const figures = {} as OrderListFigures;
  for (const count of ORDER_COUNTS) figures[count] = await measureAt(count);
  return figures;
}

/** The figures as a table, one row per query. */
export function describeOrderList(figures: OrderListFigures): string {
  const rows = (Object.keys(ORDER_QUERIES) as (keyof typeof ORDER_QUERIES)[]).map(
    (name) =>
      `   ${name.padEnd(28)}` +
      ORDER_COUNTS.map((n) => `${figures[n][name].toFixed(3).padStart(9)} ms`).join(''),
  );
  return (
    `(GET /order, median of 300 in-process calls, a page of 50 with its JSON; orders:\n` +
    `   ${''.padEnd(28)}${ORDER_COUNTS.map((n) => String(n).padStart(12)).join('')}\n` +
    `${rows.join('\n')})`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  console.log(describeOrderList(await measureOrderList()));
