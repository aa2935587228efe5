/**
 * For `deno-kv-store.test.ts`, run by Deno with `--unstable-kv`: the proxy's Deno KV store over an
 * in-memory database, served over HTTP on a free port, which it prints.
 */
import { denoKvStore, type Kv } from '../../../../widget/proxy/edge/deno-kv-store.js';
import { storeHandler } from './store-http.js';

declare const Deno: {
  openKv(path: string): Promise<Kv>;
  serve(
    options: { port: number; hostname: string; onListen(address: { port: number }): void },
    handler: (request: Request) => Promise<Response>,
  ): unknown;
};

const kv = await Deno.openKv(':memory:');
Deno.serve(
  {
    port: 0,
    hostname: '127.0.0.1',
    onListen: ({ port }) => console.log(`store on http://127.0.0.1:${port}`),
  },
  storeHandler(denoKvStore(kv)),
);
