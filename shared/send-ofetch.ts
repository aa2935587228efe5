/**
 * The default {@link Send} of every client: ofetch, which joins the base URL, writes the query and
 * the JSON body, and parses the answer (JSON by its content type, safely against `__proto__` keys).
 */
import { ofetch } from 'ofetch';
import type { SendFactory } from './http.js';

export const ofetchSend: SendFactory = (baseURL, fetch) => {
  const $fetch = ofetch.create(
    // retry 0: the request loop decides, so only safe requests are repeated (http.ts).
    { baseURL, retry: 0, ignoreResponseError: true },
    fetch ? { fetch } : {},
  );
  // Its response is an Answer as it is (http.ts).
  return $fetch.raw;
};
