/**
 * The widget's one client: `shared/`'s endpoints pointed at the operator's proxy, sending and
 * keeping the cart token the proxy binds each cart (and its order) to this browser with.
 */
import { headerSession } from '../shared/auth.js';
import { cartEndpoints } from '../shared/cart.js';
import type { ResmarkClient } from '../shared/client.js';
import { CLIENT_DEFAULTS, createCall, defaultSleep } from '../shared/http.js';
import { orderEndpoints } from '../shared/order.js';
import { productEndpoints } from '../shared/product.js';

/**
 * The header that carries the cart token both ways. Same name as `widget/proxy/cart-token.ts`'s
 * `CART_TOKEN_HEADER`; not imported from there so no proxy code reaches the browser build.
 */
export const CART_TOKEN_HEADER = 'X-Resmark-Cart-Token';

/** The resources a shopper's browser uses through the proxy. */
export type ProxyResources = Pick<ResmarkClient, 'product' | 'cart' | 'order'>;

/** A client for one proxy, with the cart token it currently holds. */
export interface ProxyClient {
  client: ProxyResources;
  /** The newest cart token the proxy gave, if any. */
  token(): string | undefined;
}

/**
 * Builds the client for `proxy` (its base URL). `token` is a token kept from before (session
 * storage, a resume link); `onToken` hears each new one so it can be kept again.
 */
export function createProxyClient(
  proxy: string,
  token?: string,
  onToken?: (token: string) => void,
): ProxyClient {
  // Only the resources the proxy forwards: `createResmarkClient` would also bring the API-key
  // session and the tag and agency endpoints (~0.5 KiB gzip of the widget) that no shopper needs.
  const call = createCall({
    baseURL: proxy,
    session: headerSession((): Record<string, string> =>
      token ? { [CART_TOKEN_HEADER]: token } : {},
    ),
    ...CLIENT_DEFAULTS,
    fetch: undefined,
    now: Date.now,
    sleep: defaultSleep,
    random: Math.random,
    // The proxy sends a token on `POST /cart` and `POST /order` (the order joins the grant);
    // the newest is the one that names everything this browser may see.
    onResponse({ response }) {
      const next = response.headers.get(CART_TOKEN_HEADER);
      if (next && next !== token) onToken?.((token = next));
    },
  });
  return {
    client: {
      product: productEndpoints(call),
      cart: cartEndpoints(call),
      order: orderEndpoints(call),
    },
    token: () => token,
  };
}
