/**
 * The request loop under the widget's client (widget/proxy-client.ts): `shared/`'s transport
 * pointed at the operator's proxy, sending and keeping the cart token the proxy binds each cart
 * (and its order) to this browser with, and hearing the proxy's order policy. A module of its own
 * so the first view (the product list) takes the transport and the product endpoints without the
 * cart's and order's schemas, which come with the later steps (widget/steps.ts).
 */
import type { ResmarkClient } from '../shared/client.js';
import { CLIENT_DEFAULTS, createCall, defaultSleep, type Call } from '../shared/http.js';
import { fetchSend } from '../shared/send-fetch.js';
import {
  CART_TOKEN_HEADER,
  HAND_OVER_PATH,
  ORDER_POLICIES,
  ORDER_POLICY_HEADER,
  REVIEWED_CART_HEADER,
  cartFingerprint,
  type OrderPolicy,
} from './proxy-protocol.js';

/** The resources a shopper's browser uses through the proxy. */
export type ProxyResources = Pick<ResmarkClient, 'product' | 'cart' | 'order'>;

/** The request loop for one proxy, with the cart token it currently holds. */
export interface ProxyTransport {
  /** Sends one endpoint's request (give it to `shared/`'s endpoint factories). */
  call: Call;
  /** The newest cart token the proxy gave, if any. */
  token(): string | undefined;
}

/** What {@link createProxyTransport} tells its host. */
export interface ProxyClientOptions {
  /**
   * A token kept from before (session storage, a resume link). It is handed over first
   * (`POST /token`): this browser gets a token of its own, and the one given (perhaps a link
   * someone else made) no longer reads or changes the cart.
   */
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

// The answers that are the cart as the shopper then sees it (not renew: not a cart).
const CART_ANSWERS =
  /^(?:POST \/cart|GET \/cart\/\{id\}|POST \/cart\/\{id\}\/(?:item|discount)|DELETE \/cart\/\{id\}\/item\/\{itemId\}|PUT \/cart\/\{id\}\/customer)$/;

const isCart = (value: unknown): value is { items: object[] } =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as { items?: unknown }).items);

/** Builds the request loop for `proxy` (its base URL). */
export function createProxyTransport(
  proxy: string,
  { token, onToken, onPolicy }: ProxyClientOptions = {},
): ProxyTransport {
  let policy: OrderPolicy | undefined;
  const base = proxy.replace(/\/+$/, '');
  const keep = (next: string | null) => {
    if (next && next !== token) {
      token = next;
      onToken?.(next);
    }
  };
  // A token this page did not receive is handed over before anything uses it. A proxy that does
  // not know the hand-over (404) or cannot be reached leaves the token as it is: the next request
  // fails or works as it would have, and a later load hands it over.
  const handingOver: Promise<void> | undefined = token
    ? fetch(`${base}${HAND_OVER_PATH}`, {
        method: 'POST',
        headers: { [CART_TOKEN_HEADER]: token },
      }).then(
        (response) => keep(response.ok ? response.headers.get(CART_TOKEN_HEADER) : null),
        () => undefined,
      )
    : undefined;
  // The cart this browser last showed (any cart answer): the one the shopper reviewed when they
  // place the order, so the proxy can refuse an order for a cart changed since (issue 10).
  let shown: string | undefined;
  // Only the resources the proxy forwards: `createResmarkClient` would also bring the API-key
  // session and the tag and agency endpoints (~0.5 KiB gzip of the widget) that no shopper needs.
  // Over the page's fetch alone: ofetch (and its ufo and destr) would be 3.7 KiB gzip of the
  // widget's download for what send-fetch.ts does in a few lines. And without `checks`: the proxy
  // checks every input and every answer with shared/'s schemas before an answer leaves it, so the
  // page carries neither the schemas nor zod (5.5 KiB gzip); an answer must still be an envelope.
  const call = createCall({
    session: {
      async headers(): Promise<Record<string, string>> {
        await handingOver;
        return token ? { [CART_TOKEN_HEADER]: token } : {};
      },
    },
    ...CLIENT_DEFAULTS,
    // Only to add the reviewed cart's fingerprint to `POST /order`; the page's fetch at call time.
    send: fetchSend(proxy, (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (shown === undefined || init?.method !== 'POST' || !/\/order(?:\?|$)/.test(url))
        return fetch(input, init);
      const headers = new Headers(init.headers);
      headers.set(REVIEWED_CART_HEADER, shown);
      return fetch(input, { ...init, headers });
    }),
    now: Date.now,
    sleep: defaultSleep,
    random: Math.random,
    // The proxy sends a token on `POST /cart` and `POST /order` (the order joins the grant);
    // the newest is the one that names everything this browser may see.
    onResponse({ endpoint, response }) {
      keep(response.headers.get(CART_TOKEN_HEADER));
      if (response.ok && CART_ANSWERS.test(endpoint)) {
        const cart = (response._data as { data?: unknown } | undefined)?.data;
        if (isCart(cart)) shown = cartFingerprint(cart);
      }
      const said = response.headers.get(ORDER_POLICY_HEADER);
      if (isPolicy(said) && said !== policy) onPolicy?.((policy = said));
    },
  });
  return { call, token: () => token };
}
