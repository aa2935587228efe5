/**
 * The floor under the proxy's CPU figure (issue 10): the least any checking proxy does per
 * request, on the same machine and the same booking flow. It reads the shopper's request, sends it
 * to Resmark over a kept-alive `node:http` agent with the operator's bearer, reads the answer
 * whole, parses and re-serialises it (as a proxy that checks or strips an answer must), writes it
 * back, and logs one line. No framework, no token, no check, no limit, no redaction: whatever the
 * proxy spends beyond this figure is its own work. `bench/proxy-edge.ts` runs it in its own
 * process beside the proxy and reports it next to the budget.
 * Run directly, it is configured as the proxy is: `RESMARK_BASE_URL`, `RESMARK_USERNAME`,
 * `RESMARK_API_KEY` and `PROXY_PORT`.
 */
import { Agent, createServer, request } from 'node:http';
import { pathToFileURL } from 'node:url';

/** Serves the pass-through of `target` (an API base URL) on `port`, as `username`. */
export async function servePassThrough(
  target: string,
  port: number,
  credentials: { username: string; apikey: string },
): Promise<void> {
  const api = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const answer = await fetch(`${target}/authenticate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const bearer = `Bearer ${await answer.text()}`;
  createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers: Record<string, string | number> = { authorization: bearer };
      if (body.length > 0) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = body.length;
      }
      const upstream = request(
        {
          host: api.hostname,
          port: api.port,
          path: api.pathname + (incoming.url ?? '/'),
          method: incoming.method,
          headers,
          agent,
        },
        (reply) => {
          const parts: Buffer[] = [];
          reply.on('data', (chunk: Buffer) => parts.push(chunk));
          reply.on('end', () => {
            const text = JSON.stringify(JSON.parse(Buffer.concat(parts).toString()));
            // The widget's client keeps the cart token it is answered with: echo the one it sent.
            const token = incoming.headers['x-resmark-cart-token'];
            outgoing.writeHead(reply.statusCode ?? 502, {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(text),
              ...(typeof token === 'string' ? { 'x-resmark-cart-token': token } : {}),
            });
            outgoing.end(text);
            process.stdout.write(
              `${JSON.stringify({ time: new Date().toISOString(), method: incoming.method, status: reply.statusCode })}\n`,
            );
          });
        },
      );
      upstream.on('error', () => outgoing.writeHead(502).end());
      upstream.end(body.length > 0 ? body : undefined);
    });
  }).listen(port, '127.0.0.1');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = process.env;
  await servePassThrough(env['RESMARK_BASE_URL'] ?? '', Number(env['PROXY_PORT']), {
    username: env['RESMARK_USERNAME'] ?? '',
    apikey: env['RESMARK_API_KEY'] ?? '',
  });
}
