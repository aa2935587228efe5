/**
 * The local services of `npm start`, startable from code so the end-to-end tests run against the
 * very same setup: the Resmark sandbox, the checkout proxy (configured as the sandbox's Canyon Kayak
 * staff user, taking pay-on-arrival bookings) and the demo operator site.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { sandboxBanner } from '../test/sandbox/banner.js';
import { startSandbox } from '../test/sandbox/server.js';
import { startDemo } from '../widget/demo/server.js';
import type { Logger } from '../widget/proxy/access-log.js';
import { MIN_SECRET_LENGTH, readProxyConfig } from '../widget/proxy/config.js';
import { startProxy } from '../widget/proxy/main.js';
import { buildWidget } from './build-widget.js';

/** Ports of the three services; 0 picks free ones (tests). */
export interface ServicePorts {
  sandbox: number;
  proxy: number;
  demo: number;
}

/** The running services, their URLs and one way to stop them all. */
export interface Services {
  sandboxUrl: string;
  apiUrl: string;
  proxyUrl: string;
  demoUrl: string;
  /** What `npm start` prints. */
  banner: string;
  close(): Promise<void>;
}

/** Where `npm start` keeps the demo proxy's secret between runs (git-ignored). */
export const DEMO_SECRET_FILE = '.resmark/proxy-secret';

/**
 * The secret kept in `file`, or a new one written there (owner-only) when there is none yet.
 * Kept, so restarting the demo mid-checkout does not refuse every cart and order token in flight
 * (issue 10, finding 4: a shopper then started again and booked twice).
 */
export async function keptSecret(file: string): Promise<string> {
  const kept = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => '',
  );
  if (kept.length >= MIN_SECRET_LENGTH) return kept;
  const secret = randomBytes(32).toString('base64url');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** `npm start`'s ports (docs: design.md, "Contracts"). */
export const DEFAULT_PORTS: ServicePorts = { sandbox: 4010, proxy: 4020, demo: 4000 };

/**
 * Builds the widget, then starts sandbox → proxy → demo. If one fails, those already started are
 * stopped again before the error is thrown.
 */
export async function startServices(
  ports: ServicePorts = DEFAULT_PORTS,
  options: {
    now?: number;
    rateLimitPerMinute?: number;
    /** The proxy's access log (one line per request); benchmarks and tests pass a quiet one. */
    proxyLogger?: Logger;
    /**
     * Keep the proxy's secret in this file across runs (`npm start`: {@link DEMO_SECRET_FILE});
     * without it (tests), each run makes a fresh one. `PROXY_SECRET` overrides both.
     */
    secretFile?: string;
  } = {},
): Promise<Services> {
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const stop of closers.reverse()) await stop().catch(() => undefined);
  };
  try {
    await buildWidget();
    const sandbox = await startSandbox({
      port: ports.sandbox,
      host: '127.0.0.1',
      // The seed's image host does not resolve offline; the sandbox serves the pictures itself.
      serveImages: true,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    closers.push(() => sandbox.close());

    // The proxy's CORS list needs the demo's origin before either starts, so the demo port is
    // fixed (never 0) and both hostnames a developer might type are allowed.
    const demoPort = ports.demo;
    const demoOrigins = [`http://127.0.0.1:${demoPort}`, `http://localhost:${demoPort}`];
    const config = readProxyConfig({
      RESMARK_BASE_URL: sandbox.apiUrl,
      RESMARK_USERNAME: 'staff@canyon-kayak.test',
      RESMARK_API_KEY: 'sandbox-operator-key',
      PROXY_SECRET:
        process.env['PROXY_SECRET'] ??
        (options.secretFile
          ? await keptSecret(options.secretFile)
          : randomBytes(32).toString('base64url')),
      ALLOWED_ORIGINS: demoOrigins.join(','),
      ORDER_POLICY: 'pay-on-arrival',
      PROXY_PORT: String(ports.proxy),
      ...(options.rateLimitPerMinute === undefined
        ? {}
        : { RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute) }),
    });
    const proxy = await startProxy(config, {
      host: '127.0.0.1',
      ...(options.proxyLogger ? { logger: options.proxyLogger } : {}),
    });
    closers.push(() => proxy.close());

    const demo = await startDemo({
      port: demoPort,
      proxyUrl: proxy.url,
      imageOrigins: [sandbox.url],
    });
    closers.push(() => demo.close());

    return {
      sandboxUrl: sandbox.url,
      apiUrl: sandbox.apiUrl,
      proxyUrl: proxy.url,
      demoUrl: demo.url,
      banner: [
        sandboxBanner(sandbox.url),
        '',
        `Checkout proxy   ${proxy.url}   (as staff@canyon-kayak.test; pay-on-arrival orders; CORS for ${demoOrigins.join(', ')})`,
        `Demo site        ${demo.url}   (the widget inline and as a dialog button)`,
      ].join('\n'),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
