/**
 * A proxy store (`widget/proxy/store.ts`) over HTTP, so a Node test can drive a store that lives
 * in another runtime: `GET /get?key=`, `POST /increment?key=&delta=&ttlMs=`, `POST /delete?key=`,
 * each answering `{ value }` (`null` for none).
 */
import type { ProxyStore } from '../../../../widget/proxy/store.js';

/** The fetch handler serving `store`. */
export function storeHandler(store: ProxyStore): (request: Request) => Promise<Response> {
  return async (request) => {
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
  };
}
