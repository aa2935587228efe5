/**
 * The referenceId a browser sends, namespaced by its cart before it goes upstream, so one browser's
 * lookup can never find another's order. Stateless: the cart comes from the signed cart token.
 *
 * Upstream it is `${referenceId}~${cartId}`: readable by staff in Resmark (which checkout, which
 * cart), and since the suffix always comes from the verified token, a browser that sends someone
 * else's referenceId still only searches its own cart's namespace.
 */
import { ProxyError } from './errors.js';

const SEPARATOR = '~';
// The session's `chk_…` ids fit easily; the bound keeps the upstream value short and printable.
const SHAPE = /^[A-Za-z0-9_.:-]{1,64}$/;

/** The upstream referenceId for a browser's `referenceId` (`undefined` stays `undefined`); 400 when odd. */
export function toUpstreamReference(referenceId: unknown, cartId: string): string | undefined {
  if (referenceId === undefined || referenceId === null) return undefined;
  if (typeof referenceId !== 'string' || !SHAPE.test(referenceId))
    throw new ProxyError(400, 'referenceId must be 1 to 64 letters, digits or _ . : -', {
      detail: { fields: { referenceId: 'referenceId must be 1 to 64 letters, digits or _ . : -' } },
    });
  return `${referenceId}${SEPARATOR}${cartId}`;
}

/** The referenceId as the browser sent it, from the upstream value of an order of `cartId`. */
export function fromUpstreamReference(
  upstream: string | null | undefined,
  cartId: string,
): string | null {
  if (upstream === undefined || upstream === null) return null;
  const suffix = `${SEPARATOR}${cartId}`;
  return upstream.endsWith(suffix) ? upstream.slice(0, -suffix.length) : upstream;
}

/**
 * A referenceId for an order whose client sent none (`px_` and 32 hex digits): every order can
 * then be looked up after a lost answer.
 */
export function newReferenceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `px_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * A referenceId long enough to be unguessable (at least 32 characters: the widget's `chk_` and
 * 32 hex digits, the proxy's `px_` and 32), so knowing it proves the checkout when its token no
 * longer does.
 */
export function isStrongReference(referenceId: unknown): referenceId is string {
  return typeof referenceId === 'string' && referenceId.length >= 32 && SHAPE.test(referenceId);
}
