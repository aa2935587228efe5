/**
 * The checkout proxy as a Cloudflare Worker: the unchanged handler of `../proxy.ts`, configured
 * from the Worker's bindings (the same variable names as the Node entry's environment). Deployed
 * with `wrangler deploy -c widget/proxy/edge/wrangler.toml`; served locally by raw workerd with
 * `npm run proxy:workerd` (`workerd.ts`). No `node:` import and no `nodejs_compat` flag: ofetch
 * resolves to its web build through the `workerd` export condition.
 */
import { ProxyConfigError, readProxyConfig, type ProxyEnv } from '../config.js';
import { createProxy, type ProxyHandler } from '../proxy.js';
import { memoryStore, type ProxyStore } from '../store.js';
import { durableObjectStore, type CounterNamespace } from './durable-store.js';

// workerd finds a Durable Object class among the main module's exports.
export { ProxyStoreCounter } from './durable-store.js';

/**
 * What the Worker is given: the proxy's variables as text bindings (secrets included), and
 * `PROXY_STORE`, the Durable Object namespace its instances share counts through.
 */
export type WorkerEnv = ProxyEnv & { PROXY_STORE?: CounterNamespace };

/** The part of a Worker's module export that this entry defines. */
export interface WorkerEntry {
  fetch(request: Request, env: WorkerEnv): Promise<Response>;
}

// One proxy per isolate: bindings do not change while an isolate lives, and the proxy's token
// cache and catalogue cache are worth keeping between requests.
let proxy: ProxyHandler | undefined;

/**
 * Cloudflare's edge sets `cf-connecting-ip` on every request and overwrites one a client sends.
 * Raw workerd (`npm run proxy:workerd`) adds none: there every client shares one rate-limit
 * bucket, which is what a local run wants anyway.
 */
const clientAddress = (request: Request) => request.headers.get('cf-connecting-ip') ?? undefined;

/**
 * The Durable Object store when `PROXY_STORE` is bound (wrangler.toml and workerd.ts bind it):
 * Cloudflare runs many isolates of one Worker, in many places, and counts kept in one isolate's
 * memory would let a client start over in each. Without the binding, memory per isolate.
 */
const storeOf = (env: WorkerEnv): ProxyStore =>
  env.PROXY_STORE ? durableObjectStore(env.PROXY_STORE) : memoryStore();

function build(env: WorkerEnv): ProxyHandler {
  return createProxy(readProxyConfig(env), { clientAddress, store: storeOf(env) });
}

const entry: WorkerEntry = {
  async fetch(request, env) {
    try {
      proxy ??= build(env);
    } catch (error) {
      // A Worker cannot refuse to start as the Node entry does: it says why in its log on every
      // request until its variables are fixed, and tells the browser only that it is not set up.
      console.error(error instanceof ProxyConfigError ? error.message : error);
      return Response.json(
        {
          errorMessage: 'The checkout is not set up yet: please contact the operator.',
          data: null,
        },
        { status: 503 },
      );
    }
    return proxy(request, env);
  },
};
export default entry;
