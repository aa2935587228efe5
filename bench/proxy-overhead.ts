/**
 * Proxy overhead on loopback: requests straight to the sandbox and through the checkout proxy, p50
 * latency (one request at a time) and throughput (several at once), for three routes that each say
 * something else:
 * - the catalogue `GET /product?limit=50` through a proxy with its catalogue cache off
 *   (`CATALOG_CACHE_SECONDS=0`): what the proxy itself costs on every request it forwards;
 * - inventory `GET /product/94175/item?from=YYYY-MM`, which the proxy never caches (seats change);
 * - the same catalogue request through a proxy with the cache on (the default 30 s): what repeated
 *   page loads cost, every request after the first a hit.
 * The sandbox and the proxies each run in their own Node process, as they would in production; this
 * process only sends requests. Budget (issue 4): p50 ≤ direct + 2 ms, throughput ≥ 70 % of direct.
 * Standalone: `npx tsx bench/proxy-overhead.ts [--in-process]`; `bench/run.ts` calls
 * {@link measureProxyOverhead} and {@link proxyOverheadFigures}.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { readProxyConfig } from '../widget/proxy/config.js';
import { startProxy } from '../widget/proxy/main.js';
import { percentile } from './bookings.js';
import { startSandboxProcess } from './sandbox-process.js';

/** One path's figures. */
export interface PathFigures {
  /** Median latency of sequential requests, ms. */
  p50: number;
  /** Requests per second with `concurrency` requests in flight. */
  perSecond: number;
}

/** One route measured straight and through the proxy. */
export interface RouteOverhead {
  /** What the row measures, as printed (which proxy, cached or not). */
  label: string;
  /** The request, under the API's base and at the proxy's root. */
  path: string;
  direct: PathFigures;
  proxied: PathFigures;
}

/** What {@link measureProxyOverhead} measured, and the machine's load around it. */
export interface ProxyOverhead {
  /** Uncached catalogue, inventory (never cached), cached catalogue: in that order. */
  routes: RouteOverhead[];
  /** 1-minute load average before and after (the machine has two cores). */
  load: { before: number; after: number };
}

/** Options of {@link measureProxyOverhead}. */
export interface OverheadOptions {
  /** Sequential requests per path for the latency figure. */
  sequential?: number;
  /** Requests per path for the throughput figure. */
  requests?: number;
  /** Requests in flight at once for the throughput figure. */
  concurrency?: number;
  /**
   * `process` (default): each proxy in its own Node process, as deployed. `in-process`: in this
   * one, sharing the client's event loop (fewer processes than cores on a two-core machine).
   */
  proxy?: 'process' | 'in-process';
}

const CATALOGUE = '/product?limit=50';
/** A month of inventory of the kayak tour (two slots a day): `from` is filled in per run. */
const inventoryPath = (month: string) => `/product/94175/item?from=${month}`;

/** A budget line as `bench/run.ts` prints it. */
export interface OverheadFigure {
  name: string;
  value: number;
  unit: string;
  budget: number;
  kind: 'min' | 'max';
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

const proxyEnv = (apiUrl: string, port: number, extra: Record<string, string>) => ({
  RESMARK_BASE_URL: apiUrl,
  RESMARK_USERNAME: 'staff@canyon-kayak.test',
  RESMARK_API_KEY: 'sandbox-operator-key',
  PROXY_SECRET: 'bench-secret-not-for-production-0123456789',
  PROXY_PORT: String(port),
  // The benchmark is one client hammering on purpose.
  RATE_LIMIT_BURST: '100000',
  RATE_LIMIT_PER_MINUTE: '1000000',
  ...extra,
});

/** The proxy in this process; its log lines are built as always, then dropped (not printed). */
async function startProxyHere(
  apiUrl: string,
  extra: Record<string, string>,
): Promise<{ url: string; stop(): Promise<void> }> {
  const proxy = await startProxy(readProxyConfig(proxyEnv(apiUrl, 0, extra)), {
    logger: (line) => void JSON.stringify(line),
  });
  return { url: proxy.url, stop: () => proxy.close() };
}

/** Spawns `widget/proxy/main.ts` in front of `apiUrl` and waits until it answers. */
async function startProxyProcess(
  apiUrl: string,
  extra: Record<string, string>,
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'widget/proxy/main.ts'], {
    env: { ...process.env, ...proxyEnv(apiUrl, port, extra) },
    // Its access log would cost this process a pipe; the proxy's cost of writing it stays.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`the proxy exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/tag`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 200) throw new Error(`the proxy did not answer at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function get(url: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
}

async function latencies(url: string, headers: Record<string, string>, n: number) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await get(url, headers);
    times.push(performance.now() - started);
  }
  return times;
}

async function perSecond(
  url: string,
  headers: Record<string, string>,
  n: number,
  inFlight: number,
) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next++ < n) await get(url, headers);
    }),
  );
  return n / ((performance.now() - started) / 1000);
}

const median = (values: number[]) => percentile(values, 50);

/**
 * Measures the paths in alternating rounds, so a neighbour's burst of CPU (the CI machine has two
 * cores) lands on all rather than on one: the p50 of all sequential requests per path, and the
 * median of the rounds' throughputs.
 */
async function measure(
  paths: { url: string; headers: Record<string, string> }[],
  { sequential = 500, requests = 3000, concurrency = 8 }: OverheadOptions,
): Promise<PathFigures[]> {
  const rounds = 5;
  // Warm-up: the JIT of every process settles only after a few thousand requests.
  for (const { url, headers } of paths) await perSecond(url, headers, 2000, concurrency);
  const times = paths.map((): number[] => []);
  const rates = paths.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? paths.map((_, i) => i) : paths.map((_, i) => i).reverse();
    for (const i of order) {
      const { url, headers } = paths[i]!;
      times[i]!.push(...(await latencies(url, headers, Math.ceil(sequential / rounds))));
      rates[i]!.push(await perSecond(url, headers, Math.ceil(requests / rounds), concurrency));
    }
  }
  return paths.map((_, i) => ({ p50: median(times[i]!), perSecond: median(rates[i]!) }));
}

/**
 * Starts a sandbox and two proxies (catalogue cache off, and on as by default), measures the
 * routes straight and through them in alternating rounds, stops everything.
 */
export async function measureProxyOverhead(options: OverheadOptions = {}): Promise<ProxyOverhead> {
  const before = loadavg()[0]!;
  const sandbox = await startSandboxProcess();
  const stops: (() => Promise<void>)[] = [];
  try {
    const start = options.proxy === 'in-process' ? startProxyHere : startProxyProcess;
    const uncached = await start(sandbox.apiUrl, { CATALOG_CACHE_SECONDS: '0' });
    stops.push(uncached.stop);
    const cached = await start(sandbox.apiUrl, {});
    stops.push(cached.stop);
    const auth = await fetch(`${sandbox.apiUrl}/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'staff@canyon-kayak.test',
        apikey: 'sandbox-operator-key',
      }),
    });
    const bearer = { authorization: `Bearer ${await auth.text()}` };
    // Next month on the sandbox's clock: a whole month of slots, none of them started.
    const clock = (await (await fetch(`${sandbox.url}/__sandbox/clock`)).json()) as { now: number };
    const next = new Date(clock.now);
    next.setUTCDate(1);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const inventory = inventoryPath(next.toISOString().slice(0, 7));
    const [catalogueDirect, catalogueUncached, inventoryDirect, inventoryProxied, catalogueCached] =
      await measure(
        [
          { url: sandbox.apiUrl + CATALOGUE, headers: bearer },
          { url: uncached.url + CATALOGUE, headers: {} },
          { url: sandbox.apiUrl + inventory, headers: bearer },
          { url: cached.url + inventory, headers: {} },
          { url: cached.url + CATALOGUE, headers: {} },
        ],
        options,
      );
    return {
      routes: [
        {
          label: 'uncached: catalogue, proxy with CATALOG_CACHE_SECONDS=0 (its own cost)',
          path: CATALOGUE,
          direct: catalogueDirect!,
          proxied: catalogueUncached!,
        },
        {
          label: 'uncached: inventory (never cached)',
          path: inventory,
          direct: inventoryDirect!,
          proxied: inventoryProxied!,
        },
        {
          label: 'cached: catalogue, proxy with the default 30 s cache (repeat requests are hits)',
          path: CATALOGUE,
          direct: catalogueDirect!,
          proxied: catalogueCached!,
        },
      ],
      load: { before, after: loadavg()[0]! },
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
    await sandbox.stop();
  }
}

/** Each route's two budget lines: p50 added (≤ 2 ms) and throughput (≥ 70 % of direct). */
export function proxyOverheadFigures(overhead: ProxyOverhead): OverheadFigure[] {
  return overhead.routes.flatMap(({ label, path, direct, proxied }) => [
    {
      name: `checkout proxy, ${label}: p50 latency added to GET ${path}`,
      value: proxied.p50 - direct.p50,
      unit: 'ms',
      budget: 2,
      kind: 'max' as const,
    },
    {
      name: `checkout proxy, ${label}: throughput of GET ${path}, % of direct`,
      value: (100 * proxied.perSecond) / direct.perSecond,
      unit: '%',
      budget: 70,
      kind: 'min' as const,
    },
  ]);
}

/** The raw figures behind {@link proxyOverheadFigures}, one line per route, and the load. */
export function describeProxyOverhead(overhead: ProxyOverhead): string {
  const figures = ({ p50, perSecond }: PathFigures) =>
    `p50 ${p50.toFixed(2)} ms, ${perSecond.toFixed(0)}/s`;
  return [
    ...overhead.routes.map(
      ({ label, path, direct, proxied }) =>
        `(${label}, GET ${path}: direct ${figures(direct)}; through the proxy ${figures(proxied)})`,
    ),
    `(load average over 1 minute: ${overhead.load.before.toFixed(2)} before, ${overhead.load.after.toFixed(2)} after, on ${availableParallelism()} cores)`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const where = process.argv.includes('--in-process') ? 'in-process' : 'process';
  const overhead = await measureProxyOverhead({ proxy: where });
  console.log(`(proxies: ${where})`);
  console.log(describeProxyOverhead(overhead));
  console.log('figure | measured | budget | ok');
  let failed = false;
  for (const figure of proxyOverheadFigures(overhead)) {
    const ok =
      figure.kind === 'min' ? figure.value >= figure.budget : figure.value <= figure.budget;
    failed ||= !ok;
    const sign = figure.kind === 'min' ? '≥' : '≤';
    console.log(
      `${figure.name} | ${figure.value.toFixed(1)} ${figure.unit} | ${sign} ${figure.budget} ${figure.unit} | ${ok ? 'yes' : 'NO'}`,
    );
  }
  process.exitCode = failed ? 1 : 0;
}
