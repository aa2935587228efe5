/**
 * The widget's one client: `shared/`'s endpoints pointed at the operator's proxy, sending and
 * keeping the cart token the proxy binds each cart (and its order) to this browser with, and
 * hearing the proxy's order policy.
 */
import { headerSession } from '../shared/auth.js';
import { cartEndpoints } from '../shared/cart.js';
import type { ResmarkClient } from '../shared/client.js';
import { CLIENT_DEFAULTS, createCall, defaultSleep } from '../shared/http.js';
import { orderEndpoints } from '../shared/order.js';
import { productEndpoints } from '../shared/product.js';
import {
  CART_TOKEN_HEADER,
  ORDER_POLICIES,
  ORDER_POLICY_HEADER,
  type OrderPolicy,
} from './proxy-protocol.js';

/** The resources a shopper's browser uses through the proxy. */
export type ProxyResources = Pick<ResmarkClient, 'product' | 'cart' | 'order'>;

/** A client for one proxy, with the cart token it currently holds. */
export interface ProxyClient {
  client: ProxyResources;
  /** The newest cart token the proxy gave, if any. */
  token(): string | undefined;
}

/** What {@link createProxyClient} tells its host. */
export interface ProxyClientOptions {
  /** A token kept from before (session storage, a resume link). */
  token?: string | undefined;
  /** Hears each new token, so it can be kept again. */
  onToken?: (token: string) => void;
  /**
   * Hears the proxy's order policy when it first says it or changes it. A proxy that does not say
   * (an operator's own) is never heard: the widget then learns at "Place order".
   */
  onPolicy?: (policy: OrderPolicy) => void;
}

const isPolicy = (value: string | null): value is OrderPolicy =>
  (ORDER_POLICIES as readonly (string | null)[]).includes(value);

/** Builds the client for `proxy` (its base URL). */
export function createProxyClient(
  proxy: string,
  { token, onToken, onPolicy }: ProxyClientOptions = {},
): ProxyClient {
  let policy: OrderPolicy | undefined;
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
      if (next && next !== token) {
        token = next;
        onToken?.(next);
      }
      const said = response.headers.get(ORDER_POLICY_HEADER);
      if (isPolicy(said) && said !== policy) onPolicy?.((policy = said));
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
