/**
 * One inventory call as its range grows: the sandbox in this process (`app.fetch`, so the figure
 * is the handler's own cost with its JSON), the kayak tour's two slots a day. A call should cost
 * what its answer holds, not the range it names. Used by `npm run bench`;
 * `npx tsx bench/inventory-range.ts` runs it alone.
 */
import { pathToFileURL } from 'node:url';
import { createSandbox } from '../test/sandbox/app.js';
import { USERS } from '../test/sandbox/seed.js';

/** The ranges timed, by name (the sandbox clock's day is 2026-11-24). */
export const INVENTORY_RANGES = {
  'one month': 'from=2026-12',
  '245 days (the C# tool)': 'from=2026-11-25&to=2027-07-27',
  '13 months by month': 'from=2026-11&to=2027-11',
  'a year past the window': 'from=2029-01&to=2029-12',
} as const;

/** Median milliseconds and answer size of each range. */
export type InventoryFigures = Record<
  keyof typeof INVENTORY_RANGES,
  { ms: number; bytes: number; days: number }
>;

const T0 = Date.UTC(2026, 10, 24, 21, 0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** Times `GET /product/94175/item` over each range. */
export async function measureInventoryRanges(): Promise<InventoryFigures> {
  const { app, state } = createSandbox({ now: T0 });
  const token = state.issueToken(USERS.find((u) => u.email === 'staff@canyon-kayak.test')!);
  const figures = {} as InventoryFigures;
  for (const [name, query] of Object.entries(INVENTORY_RANGES) as [
    keyof typeof INVENTORY_RANGES,
    string,
  ][]) {
    const call = async () => {
      const response = await app.fetch(
        new Request(`http://sandbox.test/public/api/product/94175/item?${query}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      );
      if (response.status !== 200) throw new Error(`inventory ${query}: ${response.status}`);
      return response.text();
    };
    const text = await call();
    for (let i = 0; i < 20; i++) await call(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const started = performance.now();
      await call();
      times.push(performance.now() - started);
    }
    const days = (JSON.parse(text) as { data: { items: unknown[] } }).data.items.length;
    figures[name] = { ms: median(times), bytes: text.length, days };
  }
  if (state.inventory.uses.size !== 0) throw new Error('an inventory read stored something');
  return figures;
}

/** The figures as lines, one per range. */
export function describeInventoryRanges(figures: InventoryFigures): string {
  const rows = Object.entries(figures).map(
    ([name, f]) =>
      `   ${name.padEnd(24)} ${f.ms.toFixed(3).padStart(7)} ms  ${String(f.days).padStart(3)} days  ${(f.bytes / 1024).toFixed(1).padStart(6)} KiB`,
  );
  return `(inventory of 94175, median of 100 in-process calls; reads store nothing:\n${rows.join('\n')})`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  console.log(describeInventoryRanges(await measureInventoryRanges()));
