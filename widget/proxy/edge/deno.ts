/**
 * `npm run proxy:deno`: the unchanged handler of `../proxy.ts` on Deno, on `PROXY_PORT` (default
 * 4020) of 127.0.0.1, configured from the same environment variables as the Node entry. The same
 * file is the entry on Deno Deploy. `npm run proxy:deno` runs `deno run --allow-net --allow-env
 * --no-lock --unstable-no-legacy-abort widget/proxy/edge/deno.ts`: bare imports resolve from the
 * project's `node_modules` (npm's lock already pins them, hence no deno.lock), the `.js` specifiers
 * map to the `.ts` files because they lie inside `tsconfig.json`'s `include`, and a request's
 * `signal` aborts only when its client goes away, as on Node and workerd (Deno's legacy default
 * also aborts it after every answer, and warns).
 */
import { ProxyConfigError, readProxyConfig, type ProxyConfig } from '../config.js';
import { createProxy } from '../proxy.js';
import { memoryStore, type ProxyStore } from '../store.js';
import { denoKvStore, type Kv } from './deno-kv-store.js';

/** The few parts of Deno's API this entry uses (the project's TypeScript has no Deno types). */
interface DenoApi {
  env: { toObject(): Record<string, string> };
  serve(
    options: {
      port: number;
      hostname: string;
      onListen?: (address: { hostname: string; port: number }) => void;
    },
    handler: (request: Request, info: ServeInfo) => Response | Promise<Response>,
  ): { shutdown(): Promise<void> };
  createHttpClient(options: { poolMaxIdlePerHost?: number }): unknown;
  addSignalListener(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void;
  unrefTimer(id: number): void;
  /** Only on Deno Deploy, or with `--unstable-kv`. */
  openKv?: (path?: string) => Promise<Kv>;
  exit(code: number): never;
}

/** What `Deno.serve` tells the handler about the connection. */
interface ServeInfo {
  remoteAddr: { hostname: string };
}

declare const Deno: DenoApi;

// Methods a repeat cannot harm. Anything else must reach Resmark at most once.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Deno's fetch sends a request a second time when the server took it on a reused keep-alive
 * connection and closed it without answering (denoland/deno#35610; its fix covers only fresh
 * connections). For `POST /order` whose answer was lost, that repeat reached Resmark as a second
 * order of the consumed cart. So every write goes through a client that keeps no idle connection
 * (`poolMaxIdlePerHost: 0`): each write opens a fresh connection, which Deno never resends on.
 * Reads keep the shared pool; a repeated read is harmless. A booking makes four or five writes, so
 * the extra connections cost little.
 */
function fetchWithoutWriteRetry(deno: DenoApi): typeof fetch {
  const fresh = deno.createHttpClient({ poolMaxIdlePerHost: 0 });
  return (input, init) => {
    const method = (
      init?.method ?? (input instanceof Request ? input.method : 'GET')
    ).toUpperCase();
    if (SAFE_METHODS.has(method)) return fetch(input, init);
    // `client` is Deno's own RequestInit field.
    return fetch(input, { ...init, client: fresh } as RequestInit);
  };
}

let config: ProxyConfig;
try {
  config = readProxyConfig(Deno.env.toObject());
} catch (error) {
  console.error(error instanceof ProxyConfigError ? error.message : error);
  Deno.exit(1);
}

/**
 * The shared store (`../store.ts`). Deno KV where Deno offers it (Deno Deploy always; the CLI only
 * with `--unstable-kv`): Deploy runs an app in many isolates, and counts or hand-overs kept in one
 * isolate's memory would let a shopper start over, or an old resume link keep working, in another.
 * Otherwise memory: `npm run proxy:deno` is one process with one isolate, so memory is shared by
 * every request it serves, as on the Node entry, and costs no KV write per request.
 */
async function chooseStore(): Promise<{ store: ProxyStore; kind: string }> {
  if (typeof Deno.openKv === 'function')
    return { store: denoKvStore(await Deno.openKv()), kind: 'Deno KV' };
  const store = memoryStore();
  // Expired counters go on a timer, off the request path, as on the Node entry. (Deno's timer
  // id is a number; the project's types are Node's.)
  Deno.unrefTimer(setInterval(() => store.sweep(), 60_000) as unknown as number);
  return { store, kind: 'memory' };
}
const { store, kind } = await chooseStore();

const proxy = createProxy(config, {
  store,
  fetch: fetchWithoutWriteRetry(Deno),
  // Deno names the peer; behind a reverse proxy or CDN, CLIENT_ADDRESS_HEADER takes precedence.
  clientAddress: (_request, info) => (info as ServeInfo | undefined)?.remoteAddr.hostname,
});

const server = Deno.serve(
  {
    port: config.port,
    hostname: '127.0.0.1',
    onListen: ({ hostname, port }) =>
      console.log(
        `Checkout proxy (Deno) on http://${hostname}:${port} → ${config.baseUrl} (order policy: ` +
          `${config.orderPolicy}; origins: ${config.allowedOrigins.join(', ') || 'none'}; store: ${kind})`,
      ),
  },
  (request, info) => proxy(request, info),
);

const stop = () => void server.shutdown().then(() => Deno.exit(0));
Deno.addSignalListener('SIGINT', stop);
Deno.addSignalListener('SIGTERM', stop);
