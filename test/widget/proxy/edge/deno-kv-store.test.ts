/**
 * The proxy's shared store on Deno Deploy (`widget/proxy/edge/deno-kv-store.ts`), run by Deno with
 * `--unstable-kv` over an in-memory KV database.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storeContract } from './store-contract.js';

const here = dirname(fileURLToPath(import.meta.url));

storeContract('denoKvStore (in Deno)', async () => {
  const child = spawn(
    'node_modules/.bin/deno',
    ['run', '--allow-net', '--unstable-kv', '--no-lock', join(here, 'deno-kv-server.ts')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      const found = /store on (http:\/\/\S+)/.exec(output)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`deno exited with ${code}: ${output}`)));
  });
  return {
    url,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
});
