/**
 * The Node entry's way upstream: `fetch` over `node:http`/`node:https` with keep-alive agents.
 * Node's global fetch (undici) builds WHATWG streams, Request and Response objects and abort
 * plumbing per call: this cut the proxy's CPU per uncached forwarded request by a quarter
 * (0.58 → 0.43 ms, `GET /product?limit=50`, README "Performance"). It does only what the shared
 * client asks of fetch. Not a general fetch: what it does not do (a `Request` as input,
 * a streamed body, following a redirect) goes to the global fetch. Node only: edge hosts keep
 * their own fetch, `createProxy` never imports this.
 */
/* eslint-disable no-restricted-imports -- part of the Node entry: only main.ts imports this file,
   so createProxy stays a standard fetch handler that imports no node:* module. */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';

/** Options of {@link nodeFetch}. */
export interface NodeFetchOptions {
  /** For what this fetch does not do itself; default the global fetch. */
  fallback?: typeof globalThis.fetch;
}

// What fetch would ask for and undo: compression saves more on the way from Resmark than it costs.
const ACCEPT_ENCODING = 'gzip, deflate, br';
const DECODERS: Record<string, (body: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};
// Statuses a Response may not have a body with.
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The answer's headers as fetch would give them, read straight from the socket's raw pairs: the
 * shared client only ever asks `get` (content type, Retry-After), and a `Headers` filled for every
 * answer (undici's validation and sorting) cost more than the lookups it serves. Anything else
 * (iteration, a change) is answered by a real `Headers`, built on first need. An instance of
 * `Headers` for `instanceof`, as @hono/node-server's request headers are.
 */
class RawHeaders {
  readonly #raw: readonly string[];
  #native: Headers | undefined;

  constructor(raw: readonly string[]) {
    this.#raw = raw;
  }

  get #headers(): Headers {
    if (!this.#native) {
      const headers = new Headers();
      for (let i = 0; i + 1 < this.#raw.length; i += 2)
        headers.append(this.#raw[i]!, this.#raw[i + 1]!);
      this.#native = headers;
    }
    return this.#native;
  }

  get(name: string): string | null {
    if (this.#native) return this.#native.get(name);
    const wanted = name.toLowerCase();
    let value: string | null = null;
    for (let i = 0; i + 1 < this.#raw.length; i += 2) {
      const key = this.#raw[i]!;
      if (key.length === wanted.length && key.toLowerCase() === wanted) {
        // As fetch does: values trimmed, repeats joined with ", ".
        const one = this.#raw[i + 1]!.trim();
        value = value === null ? one : `${value}, ${one}`;
      }
    }
    return value;
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }
  append(name: string, value: string): void {
    this.#headers.append(name, value);
  }
  set(name: string, value: string): void {
    this.#headers.set(name, value);
  }
  delete(name: string): void {
    this.#headers.delete(name);
  }
  getSetCookie(): string[] {
    return this.#headers.getSetCookie();
  }
  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown) {
    this.#headers.forEach((value, key) => callback.call(thisArg, value, key, this as never));
  }
  entries() {
    return this.#headers.entries();
  }
  keys() {
    return this.#headers.keys();
  }
  values() {
    return this.#headers.values();
  }
  [Symbol.iterator]() {
    return this.#headers.entries();
  }
}
Object.setPrototypeOf(RawHeaders.prototype, Headers.prototype);

/**
 * A Response whose body is already in memory, and which is not a WHATWG Response underneath: the
 * shared client reads every answer whole (ofetch's `text()`), and a Response built on the bytes
 * would fill a `Headers` and wrap the bytes in a web stream only to read them back through it.
 * This one answers `text`, `json`, `arrayBuffer` and `bytes` from the bytes, the headers from the
 * raw pairs ({@link RawHeaders}), and makes the stream only when `body` itself is asked for. An
 * instance of `Response` for `instanceof`, as @hono/node-server's lightweight Response is; it
 * defines every member of `Response.prototype`. Used once, like any Response.
 */
class BufferedResponse {
  // Getters, not fields: Response.prototype's accessors would refuse a field's assignment.
  readonly #init: { status: number; statusText: string; headers: Headers; url: string };
  readonly #bytes: Uint8Array<ArrayBuffer>;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;
  #read = false;

  constructor(
    bytes: Uint8Array<ArrayBuffer>,
    init: { status: number; statusText: string; headers: Headers; url: string },
  ) {
    this.#bytes = bytes;
    this.#init = init;
  }

  get status(): number {
    return this.#init.status;
  }
  get statusText(): string {
    return this.#init.statusText;
  }
  get headers(): Headers {
    return this.#init.headers;
  }
  get url(): string {
    return this.#init.url;
  }
  get redirected(): boolean {
    return false;
  }
  get type(): ResponseType {
    return 'basic';
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get body(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return (this.#stream ??= new ReadableStream({
      start: (controller) => {
        controller.enqueue(copy(this.#bytes));
        controller.close();
      },
    }));
  }

  get bodyUsed(): boolean {
    return this.#read || this.#stream?.locked === true;
  }

  /** The bytes, once: a second read (or one after the stream was taken) fails as fetch's does. */
  #take(): Promise<Uint8Array<ArrayBuffer>> {
    if (this.bodyUsed)
      return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    this.#read = true;
    return Promise.resolve(this.#bytes);
  }

  text(): Promise<string> {
    return this.#take().then((bytes) => utf8.decode(bytes));
  }

  json(): Promise<unknown> {
    return this.text().then((text) => JSON.parse(text) as unknown);
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#take().then((bytes) => copy(bytes).buffer);
  }

  bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#take().then(copy);
  }

  blob(): Promise<Blob> {
    const type = this.headers.get('content-type') ?? '';
    return this.#take().then((bytes) => new Blob([bytes], { type }));
  }

  formData(): Promise<FormData> {
    return this.#take().then((bytes) =>
      new Response(bytes, {
        status: this.status,
        statusText: this.statusText,
        headers: this.headers,
      }).formData(),
    );
  }

  clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    return new BufferedResponse(this.#bytes, {
      status: this.status,
      statusText: this.statusText,
      headers: new Headers(this.headers),
      url: this.url,
    }) as unknown as Response;
  }
}
Object.setPrototypeOf(BufferedResponse.prototype, Response.prototype);

// A copy of its own: a small Buffer is a view into Node's shared pool (and Buffer#slice is a view).
const copy = (bytes: Uint8Array<ArrayBuffer>) => new Uint8Array(bytes);

// Like fetch's own decoding: a bad byte becomes U+FFFD, a BOM is dropped.
const utf8 = new TextDecoder();

/** A fetch over `node:http(s)`; its agents keep connections open between requests. */
export function nodeFetch(options: NodeFetchOptions = {}): typeof globalThis.fetch {
  const fallback = options.fallback ?? globalThis.fetch;
  const agents = {
    'http:': new HttpAgent({ keepAlive: true }),
    'https:': new HttpsAgent({ keepAlive: true }),
  };

  return function fetch(input, init = {}) {
    const body = init.body ?? undefined;
    const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : null;
    if (
      url === null ||
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array))
    )
      return fallback(input, init);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    // ofetch hands over a Headers already: no copy of it to read it.
    const given = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    given.forEach((value, name) => (headers[name] = value));
    headers['accept-encoding'] ??= ACCEPT_ENCODING;
    const signal = init.signal ?? undefined;

    return new Promise<Response>((resolve, reject) => {
      // Like fetch: an abort rejects with the signal's reason; anything else is a TypeError.
      const fail = (error: unknown) =>
        reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(url, {
        method,
        headers,
        agent: agents[url.protocol as keyof typeof agents],
        signal,
      });
      request.on('error', fail);
      request.on('response', (response: IncomingMessage) => {
        const status = response.statusCode ?? 0;
        if (REDIRECTS.has(status) && (method === 'GET' || method === 'HEAD')) {
          // Following is fetch's job; a write is not resent (it may have happened).
          response.resume();
          resolve(fallback(input, init));
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('close', () => {
          if (!response.complete) fail(new Error('the connection closed before the answer ended'));
        });
        response.on('end', () => {
          const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
          const encoding = response.headers['content-encoding']?.trim().toLowerCase();
          const decode = encoding === undefined ? undefined : DECODERS[encoding];
          (decode && raw.length > 0 ? decode(raw) : Promise.resolve(raw)).then((bytes) => {
            const statusText = response.statusMessage ?? '';
            if (NULL_BODY.has(status) || method === 'HEAD' || bytes.length === 0) {
              const pairs: [string, string][] = [];
              const raw = response.rawHeaders;
              for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
              resolve(new Response(null, { status, statusText, headers: pairs }));
              return;
            }
            const answer = new BufferedResponse(
              // Socket and zlib buffers sit on plain ArrayBuffers, never shared ones.
              bytes as Uint8Array<ArrayBuffer>,
              {
                status,
                statusText,
                headers: new RawHeaders(response.rawHeaders) as unknown as Headers,
                url: url.href,
              },
            );
            resolve(answer as unknown as Response);
          }, fail);
        });
      });
      request.end(body);
    });
  };
}
