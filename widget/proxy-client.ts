/**
 * The widget's one client: `shared/`'s endpoints pointed at the operator's proxy over
 * widget/proxy-transport.ts (the cart token the proxy binds each cart and its order to this
 * browser with, and the proxy's order policy).
 */
import { cartEndpoints } from '../shared/cart.js';
import { orderEndpoints } from '../shared/order.js';
import { productEndpoints } from '../shared/product.js';
import {
  createProxyTransport,
  type ProxyClientOptions,
  type ProxyResources,
} from './proxy-transport.js';

export type { ProxyClientOptions, ProxyResources } from './proxy-transport.js';

/** A client for one proxy, with the cart token it currently holds. */
export interface ProxyClient {
  client: ProxyResources;
  /** The newest cart token the proxy gave, if any. */
  token(): string | undefined;
}

/** Builds the client for `proxy` (its base URL). */
export function createProxyClient(proxy: string, options: ProxyClientOptions = {}): ProxyClient {
  const { call, token } = createProxyTransport(proxy, options);
  return {
    client: {
      product: productEndpoints(call),
      cart: cartEndpoints(call),
      order: orderEndpoints(call),
    },
    token,
  };
}
