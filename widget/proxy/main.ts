/**
 * `tsx widget/proxy/main.ts`: the checkout proxy on Node, configured from the environment (see
 * README.md). Prints its URL, or every configuration problem and exits 1.
 */
import { serve, type HttpBindings } from '@hono/node-server';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { Logger } from './access-log.js';
import type { HmacFactory } from './cart-token.js';
import { ProxyConfigError, readProxyConfig, type ProxyConfig } from './config.js';
import { nodeFetch } from './node-fetch.js';
import { createProxy, type ProxyOptions } from './proxy.js';
import { memoryStore } from './store.js';

/** How often the Node entry drops expired counters: off the request path, on a timer. */
const SWEEP_EVERY_MS = 60_000;

/**
 * The access log on Node: the same JSON line as `jsonLogger`, written to stdout directly.
 * `console.log` formats its arguments and goes through the inspector's console hook first, which
 * made it a third of the log's cost per request.
 */
export const stdoutLogger: Logger = (line) =>
  void process.stdout.write(`${JSON.stringify(line)}\n`);

/**
 * HMAC-SHA256 with `node:crypto`: about 2 µs a token against Web Crypto's 42 µs (issue 10), a
 * large share of the proxy's CPU budget per request. Same bytes as `webCryptoHmac`.
 */
export const nodeHmac: HmacFactory = (secret) => (data) =>
  createHmac('sha256', secret).update(data).digest();

/** A running proxy. */
export interface RunningProxy {
  /** `http://127.0.0.1:PORT` */
  url: string;
  close(): Promise<void>;
}

/** Serves the proxy on `host` (default 127.0.0.1) and the config's port (0 picks a free one). */
export async function startProxy(
  config: ProxyConfig,
  options: ProxyOptions & { host?: string } = {},
): Promise<RunningProxy> {
  const { host = '127.0.0.1', ...proxyOptions } = options;
  const store = memoryStore({ now: proxyOptions.now });
  const sweeper = setInterval(() => store.sweep(), SWEEP_EVERY_MS);
  // The timer must not keep a process alive that has nothing else to do.
  sweeper.unref();
  const proxy = createProxy(config, {
    store,
    hmac: nodeHmac,
    // Cheaper than the global fetch per forwarded request (node-fetch.ts); a test may pass its own.
    fetch: nodeFetch(),
    logger: stdoutLogger,
    clientAddress: (_request, env) => (env as HttpBindings).incoming.socket.remoteAddress,
    ...proxyOptions,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: proxy, hostname: host, port: config.port }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(sweeper);
        // Keep-alive sockets would hold close() open until they time out.
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// Run directly (not imported by `npm start` or a test).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let config: ProxyConfig;
  try {
    config = readProxyConfig(process.env);
  } catch (error) {
    console.error(error instanceof ProxyConfigError ? error.message : error);
    process.exit(1);
  }
  const proxy = await startProxy(config);
  console.log(
    `Checkout proxy on ${proxy.url} → ${config.baseUrl} (order policy: ${config.orderPolicy}; ` +
      `origins: ${config.allowedOrigins.join(', ') || 'none'})`,
  );
  const stop = () => void proxy.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
