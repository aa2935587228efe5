/**
 * The demo operator site for `npm start`: a marketing page with the widget inline and as a dialog
 * button, served with a strict Content-Security-Policy so we see the widget work on a careful site.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

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
  app.get('/widget/:file{resmark-checkout\\.(?:mjs|js)(?:\\.map)?}', async (c) => {
    const file = c.req.param('file');
    const type = TYPES[file.slice(file.lastIndexOf('.'))]!;
    try {
      return c.body(await readFile(dist(file)), 200, {
        'content-type': type,
        'cache-control': 'no-cache',
      });
    } catch {
      return c.text('The widget is not built yet: run npm run build:widget', 404);
    }
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
