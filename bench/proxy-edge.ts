/**
 * The checkout proxy's figures of issue 10, which retire issue 4's "throughput ≥ 70 % of direct on
 * loopback" (a sandbox answering in 0.1 ms measured only the proxy's CPU against it):
 * - what a shopper pays: the latency the proxy adds and the throughput it keeps when the upstream
 *   takes 50–150 ms to answer (as Resmark over the internet does), 50 clients at once. A small
 *   front in its own process delays each request to the sandbox by 50–150 ms, spread evenly over
 *   the `from` days the clients ask for, so the clients know each request's delay and "added" is
 *   the difference of two tight distributions (latency − that delay), not of two noisy ones.
 *   (One delay for all would line the 50 clients up: they would all arrive at once, every time.)
 *   Direct requests pass the same front;
 * - what an operator pays: the proxy's CPU per request of the booking flow on Node (the widget's
 *   six requests: products, inventory, cart, item, customer, order), read from `/proc`;
 * - the same booking through the Worker on raw workerd and through Deno: requests/s and CPU per
 *   request beside Node's, in alternating rounds in front of one sandbox; and through a bare
 *   pass-through (`bench/pass-through.ts`), the floor under the CPU figure on this machine.
 * Every proxy runs in its own process, as deployed. Standalone: `npx tsx bench/proxy-edge.ts`;
 * `bench/run.ts` calls {@link measureProxyEdge} and {@link proxyEdgeFigures}.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { newReferenceId } from '../shared/session.js';
import { createProxyClient } from '../widget/proxy-client.js';
import { startWorkerd } from '../widget/proxy/edge/workerd.js';
import { percentile, pickupFor } from './bookings.js';
import { startSandboxProcess, type SandboxProcess } from './sandbox-process.js';

/** A budget line as `bench/run.ts` prints it. */
export interface EdgeFigure {
  name: string;
  value: number;
  unit: string;
  budget: number;
  kind: 'min' | 'max';
}

/**
 * What the booking rounds run: the proxy on each runtime, and the bare pass-through
 * (`bench/pass-through.ts`) that shows the floor under the proxy's CPU figure.
 */
type Runtime = 'node' | 'workerd' | 'deno' | 'passThrough';

/** One runtime's booking figures. */
export interface RuntimeFigures {
  /** Requests of the booking flow per second, `clients` bookings at once. */
  perSecond: number;
  /** The proxy process's CPU (user + system) per request, ms. */
  cpuMs: number | undefined;
}

/** What {@link measureProxyEdge} measured. */
export interface ProxyEdge {
  slowUpstream: {
    /** The upstream's delays, lowest and highest, ms. */
    latenciesMs: [number, number];
    clients: number;
    /** Added by the proxy: p50 and p99 of (latency − the request's upstream delay), ms. */
    addedP50: number;
    addedP99: number;
    /** Proxied requests/s ÷ direct, %. */
    throughputPercent: number;
    /** Requests/s, and p50 and p99 of (latency − upstream delay), ms. */
    direct: { perSecond: number; p50: number; p99: number };
    proxied: { perSecond: number; p50: number; p99: number };
  };
  booking: Record<Runtime, RuntimeFigures>;
  /** Bookings per runtime measured, and clients at once. */
  bookings: number;
  bookingClients: number;
  load: { before: number; after: number };
}

/** A proxy in its own process. */
interface ProxyProcess {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

const proxyEnv = (apiUrl: string, port: number): Record<string, string> => ({
  RESMARK_BASE_URL: apiUrl,
  RESMARK_USERNAME: 'staff@canyon-kayak.test',
  RESMARK_API_KEY: 'sandbox-operator-key',
  PROXY_SECRET: 'bench-secret-not-for-production-0123456789',
  ORDER_POLICY: 'pay-on-arrival',
  PROXY_PORT: String(port),
  // Every simulated shopper comes from 127.0.0.1: the per-client limits would refuse the
  // benchmark itself, which is one client on purpose.
  RATE_LIMIT_BURST: '100000',
  RATE_LIMIT_PER_MINUTE: '1000000',
  HOLD_MAX_CARTS_PER_CLIENT: '10000',
  HOLD_MAX_SEATS_PER_CLIENT: '100000',
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Spawns `command` as a proxy on a free port and waits until its `/tag` answers. */
async function spawnProxy(command: string, args: string[], apiUrl: string): Promise<ProxyProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(command, args, {
    env: { ...process.env, ...proxyEnv(apiUrl, port) },
    // The access log is the proxy's cost to write, not this process's to read.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilOk(`${url}/tag`, () => child.exitCode);
  return {
    url,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Waits until `url` answers 200, or the process has exited. */
async function waitUntilOk(url: string, exitCode: () => number | null): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (exitCode() !== null) throw new Error(`the server of ${url} exited with ${exitCode()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`nothing answered at ${url}`);
}

/** The Node entry, as `npx tsx widget/proxy/main.ts` runs it. */
const startNode = (apiUrl: string) =>
  spawnProxy(process.execPath, ['--import', 'tsx', 'widget/proxy/main.ts'], apiUrl);

/** Deno as `npm run proxy:deno` runs it, the binary itself (its pid is the runtime's). */
const startDeno = (apiUrl: string) =>
  spawnProxy(
    'node_modules/.bin/deno',
    [
      'run',
      '--allow-net',
      '--allow-env',
      '--no-lock',
      '--unstable-no-legacy-abort',
      'widget/proxy/edge/deno.ts',
    ],
    apiUrl,
  );

/** The bare pass-through of `bench/pass-through.ts`, configured and spawned as the proxies are. */
const startPassThrough = (apiUrl: string) =>
  spawnProxy(process.execPath, ['--import', 'tsx', 'bench/pass-through.ts'], apiUrl);

/** Raw workerd as `npm run proxy:workerd` runs it (its pid is workerd's). */
async function startWorkerdProxy(apiUrl: string): Promise<ProxyProcess> {
  const port = await freePort();
  const workerd = await startWorkerd({
    port,
    env: { ...process.env, ...proxyEnv(apiUrl, port) },
    stdio: 'ignore',
  });
  await waitUntilOk(`${workerd.url}/tag`, () => null);
  return { url: workerd.url, pid: workerd.pid, stop: () => workerd.close() };
}

/** A process's CPU time so far (user + system), ms; `undefined` without Linux's `/proc`. */
function cpuTimeMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields 14 and 15 (utime, stime) in clock ticks (USER_HZ, 100 on Linux), after the name.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- the slow upstream

const authenticate = async (apiUrl: string) => {
  const answer = await fetch(`${apiUrl}/authenticate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'staff@canyon-kayak.test', apikey: 'sandbox-operator-key' }),
  });
  return `Bearer ${await answer.text()}`;
};

const DAY_MS = 86_400_000;
/** Days asked for: each `from` day has its own upstream delay. */
const DAYS = 101;

/**
 * The upstream delay of a request, ms, from its `from` day: 50–150, each value once over 101
 * consecutive days (37 is prime to 101). Requests without `from` (authentication) are not delayed.
 */
export function upstreamDelayMs(search: URLSearchParams): number {
  const from = search.get('from');
  if (!from) return 0;
  const day = Math.floor(Date.parse(from) / DAY_MS);
  return 50 + ((((day * 37) % DAYS) + DAYS) % DAYS);
}

/** The delaying front: waits {@link upstreamDelayMs}, then passes the request on as it is. */
function serveDelayFront(target: string, port: number) {
  const api = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const server = createHttpServer((incoming, outgoing) => {
    const delay = upstreamDelayMs(new URL(incoming.url ?? '/', 'http://front').searchParams);
    const send = (again: boolean) => {
      const upstream = httpRequest(
        {
          host: api.hostname,
          port: api.port,
          path: incoming.url,
          method: incoming.method,
          headers: { ...incoming.headers, host: api.host },
          agent,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      upstream.on('error', (error) => {
        // The sandbox closed an idle kept-alive socket as this GET took it: Node's documented
        // race, and a GET may be sent again. Anything else is the benchmark's failure.
        if (again && upstream.reusedSocket && incoming.method === 'GET') return send(false);
        console.error(`delay front: ${error.message}`);
        outgoing.writeHead(502).end();
      });
      if (incoming.method === 'GET') upstream.end();
      else incoming.pipe(upstream);
    };
    setTimeout(() => send(true), delay);
  });
  // Longer than any pause of the benchmark: the proxy's kept-alive sockets to this front must not
  // meet the same race (its retry would be counted as latency the proxy adds).
  server.keepAliveTimeout = 120_000;
  server.listen(port, '127.0.0.1');
}

/** Spawns this file as the delaying front of `sandboxUrl`; answers its URL. */
async function startDelayFront(
  sandboxUrl: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/proxy-edge.ts'], {
    env: { ...process.env, DELAY_FRONT: JSON.stringify({ target: sandboxUrl, port }) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilOk(`${url}/__sandbox/clock`, () => child.exitCode);
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** `clients` loops each sending `each` GETs of `path(i)` under `base`; latency − delay of each. */
async function load(
  base: string,
  path: () => string,
  headers: Record<string, string>,
  clients: number,
  each: number,
) {
  const extra: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < each; i++) {
        const url = new URL(base + path());
        const begin = performance.now();
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        extra.push(performance.now() - begin - upstreamDelayMs(url.searchParams));
      }
    }),
  );
  return { extra, perSecond: extra.length / ((performance.now() - started) / 1000) };
}

async function measureSlowUpstream(
  sandbox: SandboxProcess,
  front: { url: string },
  proxy: ProxyProcess,
  { clients = 50, each = 30, rounds = 4 } = {},
): Promise<ProxyEdge['slowUpstream']> {
  const apiUrl = `${front.url}/public/api`;
  const bearer = { authorization: await authenticate(apiUrl) };
  // Inventory of one day of the group tour: never cached, the read every booking makes, its
  // answer checked and stripped by the proxy. A random day of the next 101 for each request.
  const clock = (await (await fetch(`${sandbox.url}/__sandbox/clock`)).json()) as { now: number };
  const path = () => {
    const day = new Date(clock.now + (1 + Math.floor(Math.random() * DAYS)) * DAY_MS);
    const date = day.toISOString().slice(0, 10);
    return `/product/94175/item?from=${date}&to=${date}`;
  };
  const targets = [
    { base: apiUrl, headers: bearer },
    { base: proxy.url, headers: {} },
  ];
  // Warm-up: connections open, the proxy's token fetched, and its JIT settled (a few thousand
  // requests; see measureBookings).
  for (const { base, headers } of targets) await load(base, path, headers, clients, 40);
  const extra = targets.map((): number[] => []);
  const seconds = [0, 0];
  for (let round = 0; round < rounds; round++) {
    // Alternating order, so a neighbour's burst of CPU lands on both alike.
    for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const run = await load(targets[i]!.base, path, targets[i]!.headers, clients, each);
      extra[i]!.push(...run.extra);
      seconds[i]! += run.extra.length / run.perSecond;
    }
  }
  const figures = (i: number) => ({
    perSecond: extra[i]!.length / seconds[i]!,
    p50: percentile(extra[i]!, 50),
    p99: percentile(extra[i]!, 99),
  });
  const direct = figures(0);
  const proxied = figures(1);
  return {
    latenciesMs: [50, 150],
    clients,
    addedP50: proxied.p50 - direct.p50,
    addedP99: proxied.p99 - direct.p99,
    throughputPercent: (100 * proxied.perSecond) / direct.perSecond,
    direct,
    proxied,
  };
}

// ---------------------------------------------------------------- whole bookings

const CUSTOMER = {
  email: 'bench@example.com',
  firstName: 'Bench',
  lastName: 'Mark',
  phone: '+1 555 010 1234',
  'Wetsuit Size': ['M'],
};

/**
 * `bookings` bookings through the proxy at `url`, `clients` at once, each as the widget makes it
 * (its own client and cart token; `referenceId` from the cart session's maker). Answers the
 * requests sent.
 */
export async function bookThrough(
  url: string,
  sandbox: { url: string },
  bookings: number,
  clients = 8,
): Promise<number> {
  const clock = (await (await fetch(`${sandbox.url}/__sandbox/clock`)).json()) as { now: number };
  const months = [1, 2, 3].map((offset) => {
    const date = new Date(clock.now);
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() + offset);
    return date.toISOString().slice(0, 7);
  });
  const { client: first } = createProxyClient(url);
  const zones = await first.product.pickups(94175);
  let requests = 0;
  let started = 0;
  async function book(index: number): Promise<void> {
    const { client } = createProxyClient(url);
    // Mostly the group tour (32 seats a slot), every fourth the 10-seat Sunset Paddle.
    const productNumber = index % 4 === 3 ? 94176 : 94175;
    const [product] = await client.product.list({ productNumbers: String(productNumber) });
    const month = months[index % months.length]!;
    const inventory = await client.product.inventory(product!.productNumber, {
      from: month,
      to: month,
    });
    requests += 2;
    const open = inventory.items.flatMap((day) =>
      day.timesAvailable.filter((slot) => (slot.tiersAvailable['*'] ?? 0) > 0),
    );
    const slot = open[Math.floor(Math.random() * open.length)];
    if (!slot) throw new Error(`${productNumber} is sold out in ${month}`);
    const cart = await client.cart.create();
    requests += 2;
    try {
      await client.cart.addItem(cart.id, {
        itemId: slot.activityId,
        participants: productNumber === 94175 ? { Adult: 1 } : { All: 1 },
        ...(productNumber === 94175 ? pickupFor(zones, slot.startTime) : {}),
      });
    } catch (error) {
      // Another loop took the last seat first: book again (the cart stays empty, holding nothing).
      if ((error as { status?: number }).status === 409) return book(index);
      throw error;
    }
    await client.cart.setCustomer(cart.id, CUSTOMER);
    await client.order.create({ id: cart.id, referenceId: newReferenceId() });
    requests += 2;
  }
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (started < bookings) await book(started++);
    }),
  );
  return requests;
}

async function measureBookings(
  sandbox: SandboxProcess,
  proxies: Record<Runtime, ProxyProcess>,
  { bookings = 150, rounds = 3, clients = 8 } = {},
): Promise<ProxyEdge['booking']> {
  const names = Object.keys(proxies) as Runtime[];
  const reset = () => fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  // Warm-up: every runtime's connections, token and JIT. The JIT settles only after a few
  // thousand requests: after 360 the Node proxy still spent 1.4 ms of CPU a request, after 2,400
  // half of that.
  for (const name of names) {
    await bookThrough(proxies[name].url, sandbox, 400, clients);
    await reset();
  }
  const totals = Object.fromEntries(
    names.map((name) => [name, { requests: 0, seconds: 0, cpu: 0, cpuKnown: true }]),
  );
  for (let round = 0; round < rounds; round++) {
    // Alternating order, so a neighbour's burst of CPU lands on all of them alike.
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const { url, pid } = proxies[name];
      const cpuBefore = cpuTimeMs(pid);
      const begin = performance.now();
      const requests = await bookThrough(url, sandbox, Math.ceil(bookings / rounds), clients);
      const total = totals[name]!;
      total.seconds += (performance.now() - begin) / 1000;
      total.requests += requests;
      const cpuAfter = cpuTimeMs(pid);
      if (cpuBefore === undefined || cpuAfter === undefined) total.cpuKnown = false;
      else total.cpu += cpuAfter - cpuBefore;
    }
    // Sold seats come back, so later rounds book the same slots as the first.
    await reset();
  }
  const figures = (name: string): RuntimeFigures => {
    const total = totals[name]!;
    return {
      perSecond: total.requests / total.seconds,
      cpuMs: total.cpuKnown ? total.cpu / total.requests : undefined,
    };
  };
  return {
    node: figures('node'),
    workerd: figures('workerd'),
    deno: figures('deno'),
    passThrough: figures('passThrough'),
  };
}

/** Options of {@link measureProxyEdge}. */
export interface ProxyEdgeOptions {
  /** Bookings per runtime for the booking rows (default 150, in 3 rounds). */
  bookings?: number;
}

/** Starts a sandbox and the proxy on Node, workerd and Deno, measures, stops everything. */
export async function measureProxyEdge(options: ProxyEdgeOptions = {}): Promise<ProxyEdge> {
  const before = loadavg()[0]!;
  const sandbox = await startSandboxProcess();
  const stops: (() => Promise<void>)[] = [];
  try {
    const front = await startDelayFront(sandbox.url);
    stops.push(front.stop);
    const slow = await startNode(`${front.url}/public/api`);
    stops.push(slow.stop);
    const slowUpstream = await measureSlowUpstream(sandbox, front, slow);
    await slow.stop();
    const node = await startNode(sandbox.apiUrl);
    stops.push(node.stop);
    const workerd = await startWorkerdProxy(sandbox.apiUrl);
    stops.push(workerd.stop);
    const deno = await startDeno(sandbox.apiUrl);
    stops.push(deno.stop);
    const passThrough = await startPassThrough(sandbox.apiUrl);
    stops.push(passThrough.stop);
    const bookings = options.bookings ?? 150;
    const booking = await measureBookings(
      sandbox,
      { node, workerd, deno, passThrough },
      { bookings },
    );
    return {
      slowUpstream,
      booking,
      bookings,
      bookingClients: 8,
      load: { before, after: loadavg()[0]! },
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
    await sandbox.stop();
  }
}

/** The budget lines of issue 10 (the edge runtimes' rows are reported, not budgeted). */
export function proxyEdgeFigures(edge: ProxyEdge): EdgeFigure[] {
  const { slowUpstream: slow, booking } = edge;
  const where = `upstream answering in ${slow.latenciesMs.join('–')} ms, ${slow.clients} clients`;
  return [
    {
      name: `checkout proxy (Node), ${where}: p50 latency added`,
      value: slow.addedP50,
      unit: 'ms',
      budget: 2,
      kind: 'max',
    },
    {
      name: `checkout proxy (Node), ${where}: p99 latency added`,
      value: slow.addedP99,
      unit: 'ms',
      budget: 10,
      kind: 'max',
    },
    {
      name: `checkout proxy (Node), ${where}: throughput, % of direct`,
      value: slow.throughputPercent,
      unit: '%',
      budget: 95,
      kind: 'min',
    },
    {
      name: 'checkout proxy (Node): CPU per booking-flow request',
      value: booking.node.cpuMs ?? Number.NaN,
      unit: 'ms',
      budget: 0.3,
      kind: 'max',
    },
  ];
}

/** The raw figures behind {@link proxyEdgeFigures}, the runtimes side by side, and the load. */
export function describeProxyEdge(edge: ProxyEdge): string {
  const { slowUpstream: slow, booking } = edge;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const runtime = (name: Runtime) => {
    const { perSecond, cpuMs } = booking[name];
    return (
      `${name} ${perSecond.toFixed(0)} requests/s (${((100 * perSecond) / booking.node.perSecond).toFixed(0)} % of Node)` +
      (cpuMs === undefined ? '' : `, ${cpuMs.toFixed(3)} ms CPU per request`)
    );
  };
  return [
    `(upstream delayed ${slow.latenciesMs.join('–')} ms, GET inventory of a day, ${slow.clients} clients; ` +
      `latency beyond the delay: direct p50 ${ms(slow.direct.p50)}, p99 ${ms(slow.direct.p99)}, ${slow.direct.perSecond.toFixed(0)}/s; ` +
      `through the proxy p50 ${ms(slow.proxied.p50)}, p99 ${ms(slow.proxied.p99)}, ${slow.proxied.perSecond.toFixed(0)}/s; ` +
      `added p50 ${slow.addedP50.toFixed(2)} ms, p99 ${slow.addedP99.toFixed(2)} ms)`,
    `(booking flow through the proxy, ${edge.bookings} bookings of 6 requests, ${edge.bookingClients} at once, ` +
      `one sandbox: ${runtime('node')}; ${runtime('workerd')}; ${runtime('deno')})`,
    `(the same bookings through a bare pass-through, bench/pass-through.ts, the least any checking ` +
      `proxy does: ${runtime('passThrough')}; the Node proxy's own work is the difference)`,
    `(load average over 1 minute: ${edge.load.before.toFixed(2)} before, ${edge.load.after.toFixed(2)} after, on ${availableParallelism()} cores)`,
  ].join('\n');
}

const delayFront = process.env['DELAY_FRONT'];
const runDirectly = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (delayFront && runDirectly) {
  const { target, port } = JSON.parse(delayFront) as { target: string; port: number };
  serveDelayFront(target, port);
} else if (runDirectly) {
  const edge = await measureProxyEdge();
  console.log(describeProxyEdge(edge));
  console.log('figure | measured | budget | ok');
  let failed = false;
  for (const figure of proxyEdgeFigures(edge)) {
    const ok =
      figure.kind === 'min' ? figure.value >= figure.budget : figure.value <= figure.budget;
    failed ||= !ok;
    const sign = figure.kind === 'min' ? '≥' : '≤';
    console.log(
      `${figure.name} | ${figure.value.toFixed(2)} ${figure.unit} | ${sign} ${figure.budget} ${figure.unit} | ${ok ? 'yes' : 'NO'}`,
    );
  }
  process.exitCode = failed ? 1 : 0;
}
