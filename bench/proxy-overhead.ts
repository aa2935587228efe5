/**
 * Proxy overhead on loopback: requests straight to the sandbox and through the checkout proxy, p50
 * latency (one request at a time) and throughput (several at once), for three routes that each say
 * something else:
 * - the catalogue `GET /product?limit=50` through a proxy with its catalogue cache off
 *   (`CATALOG_CACHE_SECONDS=0`): what the proxy itself costs on every request it forwards;
 * - inventory `GET /product/94175/item?from=YYYY-MM`, which the proxy never caches (seats change);
 * - the same catalogue request through a proxy with the cache on (the default 30 s): what repeated
 *   page loads cost, every request after the first a hit.
 * Beside the two uncached rows it measures the floor: a bare `node:http` pass-through in its own
 * process (no checks, no log: bytes in, bytes out over the same extra hop), what any proxy in front
 * of this sandbox costs on this machine before it does anything (not with `--in-process`). With
 * proxies in their own processes it also reads each one's CPU time per request from `/proc`.
 * The sandbox and the proxies each run in their own Node process, as they would in production; this
 * process only sends requests. Budget (issue 4): p50 ≤ direct + 2 ms. Its other budget, throughput
 * ≥ 70 % of direct, is retired (issue 10): against a sandbox answering in 0.1 ms on the same two
 * cores it measured the proxy's CPU, not what a shopper waits; `proxy-edge.ts` measures that, with
 * an upstream as slow as Resmark's. The throughput is still printed here.
 * Standalone: `npx tsx bench/proxy-overhead.ts [--in-process]`; `bench/run.ts` calls
 * {@link measureProxyOverhead} and {@link proxyOverheadFigures}.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, createServer as createHttpServer, request as httpRequest } from 'node:http';
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
  /**
   * CPU time (user + system) of the process in the middle per request, ms, while measuring
   * `perSecond`: a proxy's or the pass-through's own cost, steadier than throughput on a shared
   * machine. Only where that process is a child of this one and Linux's `/proc` is there.
   */
  cpuMs?: number;
}

/** One route measured straight and through the proxy. */
export interface RouteOverhead {
  /** What the row measures, as printed (which proxy, cached or not). */
  label: string;
  /** The request, under the API's base and at the proxy's root. */
  path: string;
  direct: PathFigures;
  proxied: PathFigures;
  /** The same request through a bare pass-through (uncached rows only): the floor. */
  passThrough?: PathFigures;
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
): Promise<{ url: string; pid?: number | undefined; stop(): Promise<void> }> {
  const proxy = await startProxy(readProxyConfig(proxyEnv(apiUrl, 0, extra)), {
    logger: (line) => void JSON.stringify(line),
  });
  return { url: proxy.url, stop: () => proxy.close() };
}

/** Spawns `widget/proxy/main.ts` in front of `apiUrl` and waits until it answers. */
async function startProxyProcess(
  apiUrl: string,
  extra: Record<string, string>,
): Promise<{ url: string; pid?: number | undefined; stop(): Promise<void> }> {
  const port = await freePort();
  return startServerProcess('widget/proxy/main.ts', port, proxyEnv(apiUrl, port, extra));
}

/**
 * The floor: bytes in, bytes out. Each request goes upstream under the API's base with the
 * operator's bearer token over a keep-alive agent, and its answer is piped back as it comes.
 */
function servePassThrough(apiUrl: string, port: number, authorization: string) {
  const api = new URL(apiUrl);
  const agent = new Agent({ keepAlive: true });
  createHttpServer((incoming, outgoing) => {
    const upstream = httpRequest(
      {
        host: api.hostname,
        port: api.port,
        path: api.pathname + incoming.url,
        method: incoming.method,
        headers: { authorization },
        agent,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, {
          'content-type': answer.headers['content-type'] ?? 'application/json',
        });
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.writeHead(502).end());
    upstream.end();
  }).listen(port, '127.0.0.1');
}

/** Spawns this file as a bare pass-through in front of `apiUrl`. */
async function startPassThroughProcess(apiUrl: string, authorization: string) {
  const port = await freePort();
  return startServerProcess('bench/proxy-overhead.ts', port, {
    PASS_THROUGH: JSON.stringify({ apiUrl, port, authorization }),
  });
}

/** Spawns `script` (listening on `port`) and waits until its `/tag` answers. */
async function startServerProcess(
  script: string,
  port: number,
  env: Record<string, string>,
): Promise<{ url: string; pid?: number | undefined; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    // Its output (the proxy's access log) would cost this process a pipe; writing it stays its cost.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/tag`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 200) throw new Error(`${script} did not answer at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    pid: child.pid,
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
/** A process's CPU time so far (user + system), ms; `undefined` without Linux's `/proc`. */
function cpuTimeMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields 14 and 15 (utime, stime) in clock ticks, after the parenthesised command name.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
// USER_HZ: 100 on every Linux this runs on (`getconf CLK_TCK`).
const CLOCK_TICKS_PER_SECOND = 100;

async function measure(
  paths: { url: string; headers: Record<string, string>; pid?: number | undefined }[],
  { sequential = 500, requests = 3000, concurrency = 8 }: OverheadOptions,
): Promise<PathFigures[]> {
  const rounds = 5;
  // Warm-up: the JIT of every process settles only after a few thousand requests.
  for (const { url, headers } of paths) await perSecond(url, headers, 2000, concurrency);
  const times = paths.map((): number[] => []);
  const rates = paths.map((): number[] => []);
  const cpus = paths.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? paths.map((_, i) => i) : paths.map((_, i) => i).reverse();
    for (const i of order) {
      const { url, headers } = paths[i]!;
      times[i]!.push(...(await latencies(url, headers, Math.ceil(sequential / rounds))));
      const n = Math.ceil(requests / rounds);
      const cpuBefore = cpuTimeMs(paths[i]!.pid);
      rates[i]!.push(await perSecond(url, headers, n, concurrency));
      const cpuAfter = cpuTimeMs(paths[i]!.pid);
      if (cpuBefore !== undefined && cpuAfter !== undefined)
        cpus[i]!.push((cpuAfter - cpuBefore) / n);
    }
  }
  return paths.map((_, i) => ({
    p50: median(times[i]!),
    perSecond: median(rates[i]!),
    ...(cpus[i]!.length > 0 ? { cpuMs: median(cpus[i]!) } : {}),
  }));
}

/**
 * Starts a sandbox, two proxies (catalogue cache off, and on as by default) and a bare
 * pass-through, measures the routes straight and through them in alternating rounds, stops
 * everything.
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
    const floor =
      options.proxy === 'in-process'
        ? undefined
        : await startPassThroughProcess(sandbox.apiUrl, bearer.authorization);
    if (floor) stops.push(floor.stop);
    // Next month on the sandbox's clock: a whole month of slots, none of them started.
    const clock = (await (await fetch(`${sandbox.url}/__sandbox/clock`)).json()) as { now: number };
    const next = new Date(clock.now);
    next.setUTCDate(1);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const inventory = inventoryPath(next.toISOString().slice(0, 7));
    const [
      catalogueDirect,
      catalogueUncached,
      inventoryDirect,
      inventoryProxied,
      catalogueCached,
      catalogueFloor,
      inventoryFloor,
    ] = await measure(
      [
        { url: sandbox.apiUrl + CATALOGUE, headers: bearer },
        { url: uncached.url + CATALOGUE, headers: {}, pid: uncached.pid },
        { url: sandbox.apiUrl + inventory, headers: bearer },
        { url: cached.url + inventory, headers: {}, pid: cached.pid },
        { url: cached.url + CATALOGUE, headers: {}, pid: cached.pid },
        ...(floor
          ? [
              { url: floor.url + CATALOGUE, headers: {}, pid: floor.pid },
              { url: floor.url + inventory, headers: {}, pid: floor.pid },
            ]
          : []),
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
          ...(catalogueFloor ? { passThrough: catalogueFloor } : {}),
        },
        {
          label: 'uncached: inventory (never cached)',
          path: inventory,
          direct: inventoryDirect!,
          proxied: inventoryProxied!,
          ...(inventoryFloor ? { passThrough: inventoryFloor } : {}),
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

/**
 * Each route's budget line: p50 added (≤ 2 ms). Throughput on loopback is in
 * {@link describeProxyOverhead}, no longer budgeted (see the file's comment).
 */
export function proxyOverheadFigures(overhead: ProxyOverhead): OverheadFigure[] {
  return overhead.routes.map(({ label, path, direct, proxied }) => ({
    name: `checkout proxy, ${label}: p50 latency added to GET ${path}`,
    value: proxied.p50 - direct.p50,
    unit: 'ms',
    budget: 2,
    kind: 'max' as const,
  }));
}

/** The raw figures behind {@link proxyOverheadFigures}, one line per route, and the load. */
export function describeProxyOverhead(overhead: ProxyOverhead): string {
  const figures = ({ p50, perSecond, cpuMs }: PathFigures) =>
    `p50 ${p50.toFixed(2)} ms, ${perSecond.toFixed(0)}/s` +
    (cpuMs === undefined ? '' : `, ${cpuMs.toFixed(3)} ms CPU per request`);
  return [
    ...overhead.routes.map(
      ({ label, path, direct, proxied, passThrough }) =>
        `(${label}, GET ${path}: direct ${figures(direct)}; through the proxy ${figures(proxied)}, ` +
        `${((100 * proxied.perSecond) / direct.perSecond).toFixed(1)} % of direct` +
        (passThrough
          ? `; floor, a bare pass-through: ${figures(passThrough)}, ${((100 * passThrough.perSecond) / direct.perSecond).toFixed(1)} % of direct`
          : '') +
        ')',
    ),
    `(load average over 1 minute: ${overhead.load.before.toFixed(2)} before, ${overhead.load.after.toFixed(2)} after, on ${availableParallelism()} cores)`,
  ].join('\n');
}

const passThrough = process.env['PASS_THROUGH'];
if (passThrough && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { apiUrl, port, authorization } = JSON.parse(passThrough) as {
    apiUrl: string;
    port: number;
    authorization: string;
  };
  servePassThrough(apiUrl, port, authorization);
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
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
