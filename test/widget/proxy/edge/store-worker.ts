/** A Worker for `durable-store.test.ts`: the proxy's Durable Object store over HTTP. */
import {
  durableObjectStore,
  type CounterNamespace,
} from '../../../../widget/proxy/edge/durable-store.js';
import { storeHandler } from './store-http.js';

export { ProxyStoreCounter } from '../../../../widget/proxy/edge/durable-store.js';

export default {
  fetch: (request: Request, env: { PROXY_STORE: CounterNamespace }): Promise<Response> =>
    storeHandler(durableObjectStore(env.PROXY_STORE))(request),
};
