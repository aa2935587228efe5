/**
 * A {@link Send} on the platform's fetch alone, for where ofetch costs more than it gives: the
 * widget's download (ofetch with ufo and destr is 3.7 KiB of its 45 KiB gzip budget) and the
 * proxy's CPU per request (ofetch's option merge, a `Headers` per call and destr's scans were a
 * tenth of it). The request loop needs only a URL, a JSON body and the answer parsed, which this
 * does as ofetch does: `accept` and `content-type` set for a JSON body, a JSON answer parsed (one
 * that is not JSON kept as text), and a `__proto__` key dropped rather than kept.
 */
import type { SendFactory } from './http.js';

// Keys that could reach an object's prototype when the parsed value is copied key by key
// (a `constructor` only with a `prototype` under it), as destr drops them; the reviver runs
// only when the text may hold one, written plainly or with a \u escape.
const SUSPECT = /__proto__|constructor|\\u/;
const dropProtoKeys = (key: string, value: unknown) =>
  key === '__proto__' ||
  (key === 'constructor' && typeof value === 'object' && value !== null && 'prototype' in value)
    ? undefined
    : value;

/** The answer's body as data: JSON when it parses as JSON, else the text; `undefined` when empty. */
export function parseBody(text: string, contentType: string | null): unknown {
  if (!text) return undefined;
  // What ofetch parses as JSON: a JSON type, or no type at all.
  if (contentType && !/[/+]json\b/i.test(contentType)) return text;
  try {
    return SUSPECT.test(text) ? JSON.parse(text, dropProtoKeys) : JSON.parse(text);
  } catch {
    return text;
  }
}

export const fetchSend: SendFactory = (baseURL, fetch) => {
  const base = baseURL.replace(/\/+$/, '');
  return async (path, { method, query, body, headers, signal }) => {
    const search = query && new URLSearchParams(query).toString();
    const response = await (fetch ?? globalThis.fetch)(
      `${base}${path}${search ? `?${search}` : ''}`,
      body === undefined
        ? { method, headers, signal }
        : {
            method,
            headers: { accept: 'application/json', 'content-type': 'application/json', ...headers },
            body: JSON.stringify(body),
            signal,
          },
    );
    const text = await response.text();
    return {
      status: response.status,
      ok: response.ok,
      headers: response.headers,
      _data: parseBody(text, response.headers.get('content-type')),
    };
  };
};
