/**
 * Proxy overhead on loopback: the same `GET /product` straight to the sandbox and through the
 * checkout proxy, p50 latency (one request at a time) and throughput (several at once). The sandbox
 * and the proxy each run in their own Node process, as they would in production; this process only
 * sends requests. Budget (issue 4): p50 ≤ direct + 2 ms, throughput ≥ 70 % of direct.
 * Standalone: `npx tsx bench/proxy-overhead.ts`; `bench/run.ts` calls {@link measureProxyOverhead}.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
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

/** What {@link measureProxyOverhead} measured. */
export interface ProxyOverhead {
  direct: PathFigures;
  proxied: PathFigures;
}

/** Options of {@link measureProxyOverhead}. */
export interface OverheadOptions {
  /** Sequential requests for the latency figure (after a warm-up of the same size). */
  sequential?: number;
  /** Requests for the throughput figure. */
  requests?: number;
  /** Requests in flight at once for the throughput figure. */
  concurrency?: number;
  /**
   * `process` (default): the proxy in its own Node process, as deployed. `in-process`: in this
   * one, sharing the client's event loop (fewer processes than cores on a two-core machine).
   */
  proxy?: 'process' | 'in-process';
}

const PATH = '/product?limit=50';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

const proxyEnv = (apiUrl: string, port: number) => ({
  RESMARK_BASE_URL: apiUrl,
  RESMARK_USERNAME: 'staff@canyon-kayak.test',
  RESMARK_API_KEY: 'sandbox-operator-key',
  PROXY_SECRET: 'bench-secret-not-for-production-0123456789',
  PROXY_PORT: String(port),
  // The benchmark is one client hammering on purpose.
  RATE_LIMIT_BURST: '100000',
  RATE_LIMIT_PER_MINUTE: '1000000',
});

/** The proxy in this process; its log lines are built as always, then dropped (not printed). */
async function startProxyHere(apiUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const proxy = await startProxy(readProxyConfig(proxyEnv(apiUrl, 0)), {
    logger: (line) => void JSON.stringify(line),
  });
  return { url: proxy.url, stop: () => proxy.close() };
}

/** Spawns `widget/proxy/main.ts` in front of `apiUrl` and waits until it answers. */
async function startProxyProcess(apiUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'widget/proxy/main.ts'], {
    env: { ...process.env, ...proxyEnv(apiUrl, port) },
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
 * Measures both paths in alternating rounds, so a neighbour's burst of CPU (the CI machine has two
 * cores) lands on both rather than on one: the p50 of all sequential requests per path, and the
 * median of the rounds' throughputs.
 */
async function measure(
  paths: { url: string; headers: Record<string, string> }[],
  { sequential = 500, requests = 3000, concurrency = 8 }: OverheadOptions,
): Promise<PathFigures[]> {
  const rounds = 5;
  // Warm-up: the JIT of all three processes settles only after a few thousand requests.
  for (const { url, headers } of paths) await perSecond(url, headers, 3000, concurrency);
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

/** Starts a sandbox and a proxy process, measures both paths, stops both. */
export async function measureProxyOverhead(options: OverheadOptions = {}): Promise<ProxyOverhead> {
  const sandbox = await startSandboxProcess();
  try {
    const proxy =
      options.proxy === 'in-process'
        ? await startProxyHere(sandbox.apiUrl)
        : await startProxyProcess(sandbox.apiUrl);
    try {
      const auth = await fetch(`${sandbox.apiUrl}/authenticate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: 'staff@canyon-kayak.test',
          apikey: 'sandbox-operator-key',
        }),
      });
      const bearer = { authorization: `Bearer ${await auth.text()}` };
      const [direct, proxied] = await measure(
        [
          { url: sandbox.apiUrl + PATH, headers: bearer },
          { url: proxy.url + PATH, headers: {} },
        ],
        options,
      );
      return { direct: direct!, proxied: proxied! };
    } finally {
      await proxy.stop();
    }
  } finally {
    await sandbox.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const where = process.argv.includes('--in-process') ? 'in-process' : 'process';
  const { direct, proxied } = await measureProxyOverhead({ proxy: where });
  console.log(`(proxy: ${where})`);
  const p50Budget = direct.p50 + 2;
  const rateBudget = direct.perSecond * 0.7;
  console.log('figure | direct | through the proxy | budget | ok');
  console.log(
    `p50 latency, GET ${PATH} | ${direct.p50.toFixed(2)} ms | ${proxied.p50.toFixed(2)} ms | ≤ ${p50Budget.toFixed(2)} ms | ${proxied.p50 <= p50Budget ? 'yes' : 'NO'}`,
  );
  console.log(
    `throughput, 8 in flight | ${direct.perSecond.toFixed(0)} /s | ${proxied.perSecond.toFixed(0)} /s | ≥ ${rateBudget.toFixed(0)} /s | ${proxied.perSecond >= rateBudget ? 'yes' : 'NO'}`,
  );
}
