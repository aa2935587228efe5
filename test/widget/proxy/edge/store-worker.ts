/**
 * A Worker for `durable-store.test.ts`: the proxy's Durable Object store, called over HTTP so a
 * Node test can drive it inside workerd. `GET /get?key=`, `POST /increment?key=&delta=&ttlMs=`,
 * `POST /delete?key=`; each answers `{ value }`.
 */
import {
  durableObjectStore,
  type CounterNamespace,
} from '../../../../widget/proxy/edge/durable-store.js';

export { ProxyStoreCounter } from '../../../../widget/proxy/edge/durable-store.js';

export default {
  async fetch(request: Request, env: { PROXY_STORE: CounterNamespace }): Promise<Response> {
    const store = durableObjectStore(env.PROXY_STORE);
    const url = new URL(request.url);
    const key = url.searchParams.get('key') ?? '';
    const number = (name: string) => Number(url.searchParams.get(name));
    switch (url.pathname) {
      case '/get':
        return Response.json({ value: (await store.get(key)) ?? null });
      case '/increment':
        return Response.json({
          value: await store.increment(key, number('delta'), number('ttlMs')),
        });
      case '/delete':
        await store.delete(key);
        return Response.json({ value: null });
      default:
        return new Response('not found', { status: 404 });
    }
  },
};
