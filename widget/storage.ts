/**
 * Where a shopper's cart survives a reload: the cart session's snapshot and the cart token in
 * `sessionStorage` (one tab, gone with it, as the seat lock would be), and the resume link an agent
 * or an email hands over. No cookies, no localStorage. Storage that refuses (Safari's private mode,
 * a sandboxed frame) only costs the reload, never the booking.
 */
import type { SessionSnapshot } from '../shared/session.js';

/** What is kept per proxy: the session's snapshot (ids, state, lock time) and the cart token. */
export interface SavedCart {
  snapshot: SessionSnapshot;
  token?: string | undefined;
}

/** The page URL's resume-link parameters. */
export const RESUME_PARAMS = { cart: 'resmark-cart', token: 'resmark-token' } as const;

// One cart per proxy: the widgets on a page that share a proxy share its cart (widget/page-cart.ts),
// and two widgets of two operators on one page keep two carts.
const keyOf = (key: string) => `resmark-checkout:${key}`;

function store(): Storage | undefined {
  try {
    // Reading the property itself throws where storage is blocked.
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The cart kept for `proxy`, or `undefined` (none, unreadable, or not ours). */
export function readCart(proxy: string): SavedCart | undefined {
  try {
    const saved = JSON.parse(store()?.getItem(keyOf(proxy)) ?? 'null') as SavedCart | null;
    // The snapshot is checked again by CartSession.restore; this only keeps junk out.
    return saved && typeof saved.snapshot === 'object' ? saved : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the cart for `proxy`; returns false when storage refused it. */
export function writeCart(proxy: string, saved: SavedCart): boolean {
  try {
    store()?.setItem(keyOf(proxy), JSON.stringify(saved));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the cart kept for `proxy`. */
export function clearCart(proxy: string): void {
  try {
    store()?.removeItem(keyOf(proxy));
  } catch {
    // Nothing kept, or nothing we may touch: either way nothing to forget.
  }
}

/**
 * Reads a resume link (`#resmark-cart=<id>&resmark-token=<token>`, or the same as query
 * parameters) from the page URL and removes both with `history.replaceState`, so the token does not
 * linger in the address bar, the history or a shared link. Everything else in the URL stays.
 */
export function takeResumeLink(): SavedCart | undefined {
  const url = new URL(location.href);
  // The fragment first: it never reaches a server's logs, a Referer or a page-view hit, and the
  // token in it can read the customer and place the order. The query form still opens.
  const parts = url.hash.slice(1).split('&');
  const ours = (part: string) => Object.values(RESUME_PARAMS).some((p) => part.startsWith(`${p}=`));
  const inFragment = parts.some(ours);
  const from = inFragment ? new URLSearchParams(parts.filter(ours).join('&')) : url.searchParams;
  const cartId = from.get(RESUME_PARAMS.cart);
  const token = from.get(RESUME_PARAMS.token) ?? undefined;
  if (!cartId && !token) return undefined;
  // The page's own anchor (`#tours`) stays as it was.
  if (inFragment) url.hash = parts.filter((part) => !ours(part)).join('&');
  url.searchParams.delete(RESUME_PARAMS.cart);
  url.searchParams.delete(RESUME_PARAMS.token);
  try {
    history.replaceState(history.state, '', url);
  } catch {
    // A sandboxed frame may refuse; the cart still opens.
  }
  // `holding` is a guess the restore corrects: it reads the cart and derives the real state.
  return cartId ? { snapshot: { version: 1, state: 'holding', cartId }, token } : undefined;
}
