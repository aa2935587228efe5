/**
 * One cart per page and proxy (issue 11, "One cart per page"): every `<resmark-checkout>` on a page
 * that talks to the same proxy shares one proxy client (so one cart token) and one cart session
 * (so one hold, one timer's end, one order). An inline widget and a "Book now" dialog on the same
 * page would otherwise hold seats twice, with two timers running out at different times.
 *
 * The first widget to start opens the session (restoring the saved cart, settling a lost order);
 * the others join it once it is open. The session's lock timer runs while at least one member is
 * on the page.
 */
import { productEndpoints } from '../shared/product.js';
import type { CartSession } from '../shared/session.js';
import type { OrderPolicy } from './proxy-protocol.js';
import {
  createProxyTransport,
  type ProxyResources,
  type ProxyTransport,
} from './proxy-transport.js';

/** A widget taking part in a page's cart: what the shared client tells it. */
export interface PageCartMember {
  /** The proxy gave a new cart token: keep the cart again with it. */
  token(): void;
  /** The proxy said what it does with orders. */
  policy(policy: OrderPolicy): void;
}

/** The cart the widgets on a page share for one proxy. */
export interface PageCart {
  /** The one request loop for this proxy, holding the cart token. */
  readonly transport: ProxyTransport;
  /** The product endpoints over it: all the product list needs. */
  readonly products: ProxyResources['product'];
  /**
   * The whole client (cart and order too), once a member has loaded the later steps, whose module
   * brings the cart's and order's endpoints (widget/steps.ts).
   */
  client: ProxyResources | undefined;
  /** The session, once the first member opened it; `undefined` before anyone did. */
  session: Promise<CartSession | undefined> | undefined;
  /** The order policy the proxy last stated, for members that join after it said so. */
  policy: OrderPolicy | undefined;
  readonly members: Set<PageCartMember>;
}

const carts = new Map<string, PageCart>();

/**
 * Joins the page's cart for `proxy`, making it (with a client holding `token`, the saved cart's)
 * when this is the first member, or taking back `before`. Call {@link leavePageCart} when the member leaves the page.
 */
export function joinPageCart(
  proxy: string,
  member: PageCartMember,
  token: () => string | undefined,
  /** The cart this member had before it left the page (moved in the DOM): kept when no one made another. */
  before?: PageCart,
): PageCart {
  let cart = carts.get(proxy);
  if (!cart && before) carts.set(proxy, (cart = before));
  if (!cart) {
    const members = new Set<PageCartMember>();
    const transport = createProxyTransport(proxy, {
      token: token(),
      onToken: () => members.forEach((m) => m.token()),
      onPolicy: (policy) => {
        made.policy = policy;
        members.forEach((m) => m.policy(policy));
      },
    });
    const made: PageCart = {
      transport,
      products: productEndpoints(transport.call),
      client: undefined,
      session: undefined,
      policy: undefined,
      members,
    };
    carts.set(proxy, (cart = made));
  }
  const wasEmpty = cart.members.size === 0;
  cart.members.add(member);
  // Back on the page after everyone left: the hold is watched again (and told if it lapsed).
  if (wasEmpty) void cart.session?.then((session) => session?.watch());
  return cart;
}

/**
 * Leaves the page's cart. The last member to go stops the lock timer and forgets the cart (it stays
 * in session storage for a reload); a widget put back on the page joins again.
 */
export function leavePageCart(proxy: string, member: PageCartMember): void {
  const cart = carts.get(proxy);
  if (!cart?.members.delete(member) || cart.members.size) return;
  carts.delete(proxy);
  void cart.session?.then((session) => session?.dispose());
}
