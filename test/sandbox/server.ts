/** Serves a sandbox over HTTP (Node), for `npm start`, `npm run sandbox` and the tests. */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createSandbox } from './app.js';
import type { SandboxOptions } from './app.js';

/** Options of {@link startSandbox}: port 0 picks any free port (tests). */
export interface StartOptions extends SandboxOptions {
  port?: number;
  host?: string;
  /** Serve product pictures from this server instead of the seed's unreachable image host. */
  serveImages?: boolean;
}

/** A running sandbox. */
export interface RunningSandbox {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `http://127.0.0.1:PORT/public/api` */
  apiUrl: string;
  close(): Promise<void>;
}

/** Starts a sandbox server and resolves once it listens. */
export async function startSandbox(options: StartOptions = {}): Promise<RunningSandbox> {
  const { app, state } = createSandbox(options);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 4010 }, () =>
      resolve(s),
    );
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (options.serveImages) state.imageOrigin = url;
  return {
    url,
    apiUrl: `${url}/public/api`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets would hold close() open until they time out.
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
