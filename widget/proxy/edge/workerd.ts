/**
 * `npm run proxy:workerd`: the Worker entry (`worker.ts`) served by raw workerd, Cloudflare's
 * runtime, on `PROXY_PORT` (default 4020), from the same environment variables as the Node entry.
 * Raw workerd rather than `wrangler dev` or miniflare: it is the closest to production and the
 * lightest (wrangler dev's dev server costs ~5 ms of CPU a request, and miniflare takes ~750 ms
 * to start). Like wrangler, it bundles the entry with esbuild first: workerd resolves no bare
 * imports.
 *
 * The configuration is checked here before workerd starts, so a wrong variable stops the run with
 * every problem named, as the Node entry does. The variables reach the Worker as text bindings read
 * from this process's environment by workerd itself (`fromEnvironment`): no secret is written to
 * the generated config.
 */
/* eslint-disable no-restricted-imports -- a Node program that starts workerd, not part of the
   handler: the Worker it serves (worker.ts) imports no node:* module. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ProxyConfigError, readProxyConfig, type ProxyConfig } from '../config.js';

/**
 * The variables `readProxyConfig` reads, recorded while it reads them: a variable added to
 * `config.ts` then reaches the Worker without a second list here to keep in step.
 */
export function proxyVariables(): string[] {
  const names = new Set<string>();
  const recorder = new Proxy<Record<string, string | undefined>>(
    {},
    {
      get(_target, name) {
        if (typeof name === 'string') names.add(name);
        return undefined;
      },
    },
  );
  try {
    readProxyConfig(recorder);
  } catch {
    // An empty environment is refused; the names were recorded on the way.
  }
  return [...names].sort();
}

/** The compatibility date of the workerd the project pins (its newest); wrangler.toml says the same. */
export const COMPATIBILITY_DATE = '2026-04-26';

const here = dirname(fileURLToPath(import.meta.url));

/** The proxy's Worker entry. */
export const WORKER_ENTRY = join(here, 'worker.ts');

/** Bundles a Worker entry (default the proxy's) into `dir/worker.js`, as wrangler would. */
export async function bundleWorker(dir: string, entry = WORKER_ENTRY): Promise<string> {
  const outfile = join(dir, 'worker.js');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    // wrangler's conditions: packages with a Workers build (ofetch) pick it.
    conditions: ['workerd', 'worker', 'browser'],
    // The runtime's own modules.
    external: ['cloudflare:*'],
    target: 'es2022',
    logLevel: 'warning',
  });
  return outfile;
}

/** workerd's config: the Worker on `host:port`, allowed to reach loopback upstreams. */
export function workerdConfig(host: string, port: number, storeDir: string): string {
  const bindings = proxyVariables()
    .map((name) => `      (name = "${name}", fromEnvironment = "${name}"),`)
    .join('\n');
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "proxy", worker = .proxyWorker),
    # Raw workerd refuses connections to private and loopback addresses unless told: without
    # "local" a proxy in front of the local sandbox answers 502 to everything.
    (name = "internet", network = (allow = ["public", "local"])),
    (name = "store", disk = (path = "${storeDir}", writable = true)),
  ],
  sockets = [
    (name = "http", address = "${host.includes(':') ? `[${host}]` : host}:${port}", http = (), service = "proxy"),
  ],
);

const proxyWorker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "${COMPATIBILITY_DATE}",
  bindings = [
${bindings}
    (name = "PROXY_STORE", durableObjectNamespace = "ProxyStoreCounter"),
  ],
  # The shared store (durable-store.ts), SQLite-backed as on Cloudflare, in the run's temporary
  # directory: its counts and hand-overs end with it, as the Node entry's do. Not inMemory: this
  # workerd aborts ("Promise callback destroyed itself") when an in-memory object's alarm fires.
  durableObjectNamespaces = [
    (className = "ProxyStoreCounter", uniqueKey = "resmark-proxy-store", enableSql = true),
  ],
  durableObjectStorage = (localDisk = "store"),
);
`;
}

/** A running workerd proxy. */
export interface RunningWorkerd {
  url: string;
  /** workerd's process id (for CPU figures). */
  pid: number | undefined;
  close(): Promise<void>;
}

/** Options of {@link startWorkerd}. */
export interface WorkerdOptions {
  /** 0 (default) picks a free one. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** workerd's environment, where its bindings are read from. Default this process's. */
  env?: NodeJS.ProcessEnv;
  /** Where workerd's output goes (its access log). Default this process's. */
  stdio?: 'inherit' | 'ignore';
  /** The Worker to serve, with the proxy's bindings. Default the proxy's (`worker.ts`). */
  entry?: string;
}

/**
 * Bundles the Worker, writes workerd's config to a temporary directory and starts workerd on
 * `port` of `host`. Resolves once the socket is open.
 */
export async function startWorkerd(options: WorkerdOptions = {}): Promise<RunningWorkerd> {
  const { host = '127.0.0.1', env = process.env, stdio = 'inherit', entry } = options;
  // workerd never says which port it got for 0: choose a free one here instead.
  const port = options.port || (await freePort(host));
  // On Linux in memory (tmpfs): each new Durable Object is a SQLite file, and on a disk its fsync
  // made a first count take 10-24 ms instead of 2.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'resmark-workerd-'));
  await bundleWorker(dir, entry);
  const configFile = join(dir, 'config.capnp');
  mkdirSync(join(dir, 'store'));
  writeFileSync(configFile, workerdConfig(host, port, join(dir, 'store')));
  // The `workerd` package's main module is the path of the binary its platform package brought.
  const binary = createRequire(import.meta.url)('workerd').default as string;
  const child = spawn(binary, ['serve', configFile], { env, stdio: ['ignore', stdio, stdio] });
  const cleanUp = () => rmSync(dir, { recursive: true, force: true });
  child.once('exit', cleanUp);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  await waitForSocket(url, () => child.exitCode);
  return {
    url,
    pid: child.pid,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A port that is free on `host` now. */
async function freePort(host: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Waits until something answers HTTP at `url` (any status), or the process has exited. */
async function waitForSocket(url: string, exitCode: () => number | null): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (exitCode() !== null) throw new Error(`workerd exited with ${exitCode()}`);
    try {
      // OPTIONS without Origin: answered by the proxy itself (404), nothing goes upstream.
      await (await fetch(url, { method: 'OPTIONS' })).arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  throw new Error(`workerd did not answer at ${url}`);
}

// Run directly (`npm run proxy:workerd`), not imported by a test or a benchmark.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let config: ProxyConfig;
  try {
    config = readProxyConfig(process.env);
  } catch (error) {
    console.error(error instanceof ProxyConfigError ? error.message : error);
    process.exit(1);
  }
  const proxy = await startWorkerd({ port: config.port });
  console.log(
    `Checkout proxy (workerd) on ${proxy.url} → ${config.baseUrl} (order policy: ${config.orderPolicy}; ` +
      `origins: ${config.allowedOrigins.join(', ') || 'none'})`,
  );
  const stop = () => void proxy.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
