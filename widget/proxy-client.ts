/**
 * The widget's one client: `shared/`'s Resmark client pointed at the operator's proxy, sending and
 * keeping the cart token the proxy binds each cart (and its order) to this browser with.
 */
import { createResmarkClient, type ResmarkClient } from '../shared/client.js';

/**
 * The header that carries the cart token both ways. Same name as `widget/proxy/cart-token.ts`'s
 * `CART_TOKEN_HEADER`; not imported from there so no proxy code reaches the browser build.
 */
export const CART_TOKEN_HEADER = 'X-Resmark-Cart-Token';

/** A client for one proxy, with the cart token it currently holds. */
export interface ProxyClient {
  client: ResmarkClient;
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
  const client = createResmarkClient({
    environment: proxy,
    auth: { headers: (): Record<string, string> => (token ? { [CART_TOKEN_HEADER]: token } : {}) },
    // The proxy sends a token on `POST /cart` and `POST /order` (the order joins the grant);
    // the newest is the one that names everything this browser may see.
    onResponse({ response }) {
      const next = response.headers.get(CART_TOKEN_HEADER);
      if (next && next !== token) onToken?.((token = next));
    },
  });
  return { client, token: () => token };
}
