/**
 * Back-off on the proxy's own credentials: with a wrong or revoked `RESMARK_API_KEY`, every
 * shopper request would otherwise authenticate upstream again (30 of 30 in the issue), which
 * hammers Resmark and may get the operator's account limited. After a refused `/authenticate` the
 * next ones are answered here, as refused, without asking, for 5 s, then 10, 20, … up to 5 min;
 * one success ends it. The log says why (errors.ts names the credentials).
 */

const FIRST_MS = 5_000;
const MAX_MS = 5 * 60_000;

/** Wraps `fetch` (the proxy's way upstream) with the back-off; `now` is the proxy's clock. */
export function credentialBackoff(
  fetch: typeof globalThis.fetch,
  now: () => number,
): typeof globalThis.fetch {
  let failures = 0;
  let until = 0;
  return async function backoffFetch(input, init) {
    const url = input instanceof Request ? input.url : String(input);
    if (!/\/authenticate(?:[?#]|$)/.test(url)) return fetch(input, init);
    if (now() < until)
      // As Resmark answered last time: the shared client then fails the request as it did.
      return new Response(
        JSON.stringify({
          errorMessage: 'The proxy’s credentials were refused recently; not asked again yet.',
          data: null,
        }),
        { status: 401, headers: { 'content-type': 'application/json' } },
      );
    const response = await fetch(input, init);
    if (response.status === 401 || response.status === 403) {
      failures++;
      until = now() + Math.min(MAX_MS, FIRST_MS * 2 ** (failures - 1));
    } else if (response.ok) failures = 0;
    return response;
  };
}
