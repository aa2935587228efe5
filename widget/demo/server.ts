/**
 * The demo operator site for `npm start`: a marketing page with the widget inline and as a dialog
 * button, served with a strict Content-Security-Policy so we see the widget work on a careful site.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const dist = (path: string) => fileURLToPath(new URL(`../../dist/widget/${path}`, import.meta.url));

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The demo site as a Hono app; `proxyUrl` is where the widget on its pages talks. */
export function createDemo(options: { proxyUrl: string; imageOrigins?: string[] }): Hono {
  const app = new Hono();
  const proxyOrigin = new URL(options.proxyUrl).origin;
  // Only the proxy may be fetched; images may come from any https host (the operator's CDN).
  const csp = [
    "default-src 'self'",
    `connect-src 'self' ${proxyOrigin}`,
    ['img-src', "'self'", 'https:', 'data:', ...(options.imageOrigins ?? [])].join(' '),
    "style-src 'self'",
    "script-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  app.get('/', async (c) => {
    const page = await readFile(here('./index.html'), 'utf8');
    c.header('content-security-policy', csp);
    return c.html(page.replaceAll('{{PROXY_URL}}', options.proxyUrl));
  });
  app.get('/demo.css', async (c) =>
    c.body(await readFile(here('./demo.css')), 200, { 'content-type': TYPES['.css']! }),
  );
  // The loader, the module entry, its chunks and locales (scripts/build-widget.ts names them), and
  // their source maps. Gzipped when the browser takes it, as a CDN serves them: the sizes and the
  // slow-network benchmark (bench/widget-first-view.ts) are of what a shopper downloads.
  app.get('/widget/:file{[A-Za-z0-9_-]+\\.(?:mjs|js)(?:\\.map)?}', async (c) => {
    const file = c.req.param('file');
    const type = TYPES[file.slice(file.lastIndexOf('.'))]!;
    let body: Buffer<ArrayBuffer>;
    try {
      body = await readFile(dist(file));
    } catch {
      return c.text('The widget is not built yet: run npm run build:widget', 404);
    }
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': 'no-cache',
      // A page on another origin loads the module chunks with CORS (README, "CDN").
      'access-control-allow-origin': '*',
      vary: 'accept-encoding',
    };
    if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return c.body(body, 200, headers);
    return c.body(new Uint8Array(gzipSync(body)), 200, { ...headers, 'content-encoding': 'gzip' });
  });
  return app;
}

/** Serves the demo site on `port` (0: any free port). */
export async function startDemo(options: {
  port: number;
  host?: string;
  proxyUrl: string;
  imageOrigins?: string[];
}) {
  const app = createDemo(options);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
