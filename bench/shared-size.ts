/**
 * The size of `shared/` as a page downloads it: `shared/index.ts` bundled for the browser with
 * every export kept (it is the public API), minified, then gzip (level 9) and brotli (quality 11).
 * Run directly (`npx tsx bench/shared-size.ts`) it prints the figure beside the 15 KiB budget;
 * `--modules` adds each module's minified bytes (esbuild's metafile), biggest first.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { browserMinify } from '../scripts/build-widget.js';

/** The budget for the min+gzip browser build of `shared/`, in bytes. */
export const SHARED_GZIP_BUDGET = 15 * 1024;

/** The modules of the client and its schemas; the rest of `shared/` is the session and its helpers. */
const CLIENT_MODULES = [
  'client',
  'errors',
  'schema',
  'auth',
  'product',
  'cart',
  'order',
  'tag',
  'agency',
  'customer',
  'phone',
  'limits',
];

/**
 * What the budget measures, in the foundation issue's words: "all schemas and the client, ofetch and
 * zod/mini included" — the client with every endpoint's schema and the input rules it runs. The
 * cart session, the add-item rules and the formatters are `shared/` too but not the client; they
 * are measured with everything else as the `all` figure, printed beside it for the widget's sake.
 *
 * The entry is `shared/index.ts`'s own export statements for the client's modules, so it keeps the
 * names a page's build keeps: the internal building blocks (`str`, `createCall`, the endpoint
 * factories…) are bundled because the client uses them, but `index.ts` does not export them, so
 * their names are not in any page's build (`export *` of each module kept ~0.2 KiB gz of them).
 */
export const CLIENT_AND_SCHEMAS = clientExports();

function clientExports(): string {
  const index = readFileSync(new URL('../shared/index.ts', import.meta.url), 'utf8');
  const statements = (index.match(/^export [^;]* from '\.\/[\w-]+\.js';$/gm) ?? []).filter(
    (statement) => CLIENT_MODULES.some((name) => statement.endsWith(` from './${name}.js';`)),
  );
  // A statement the pattern missed would shrink the figure without a word: refuse instead.
  const missing = CLIENT_MODULES.filter(
    (name) => !statements.some((statement) => statement.endsWith(` from './${name}.js';`)),
  );
  if (missing.length)
    throw new Error(`shared/index.ts exports nothing read from ${missing.join(', ')}`);
  return statements.join('\n');
}

/**
 * Bundles `shared/` for the browser as every browser build is made (esbuild, then
 * {@link browserMinify}, as `npm run build:widget` does) and returns its minified, gzip and brotli
 * sizes in bytes: `'client'` is {@link CLIENT_AND_SCHEMAS}, `'all'` is the whole public entry
 * `shared/index.ts`.
 */
export async function measureSharedSize(scope: 'client' | 'all' = 'client'): Promise<{
  minBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** gzip bytes of esbuild's output alone, before the second minify pass. */
  esbuildGzipBytes: number;
  /** Minified bytes each input module contributes, by path. */
  modules: Record<string, number>;
}> {
  const shared = fileURLToPath(new URL('../shared/', import.meta.url));
  const result = await build({
    stdin: {
      contents: scope === 'all' ? "export * from './index.js';" : CLIENT_AND_SCHEMAS,
      resolveDir: shared,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  const [output] = Object.values(result.metafile.outputs);
  const esbuilt = result.outputFiles[0]!;
  const code = new TextEncoder().encode((await browserMinify(esbuilt.text, { module: true })).code);
  return {
    esbuildGzipBytes: gzipSync(esbuilt.contents, { level: 9 }).byteLength,
    minBytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    brotliBytes: brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).byteLength,
    modules: Object.fromEntries(
      Object.entries(output?.inputs ?? {}).map(([path, input]) => [path, input.bytesInOutput]),
    ),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const size = await measureSharedSize('client');
  const all = await measureSharedSize('all');
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;
  const ok = size.gzipBytes <= SHARED_GZIP_BUDGET;
  console.log(
    `shared/ schemas + client: ${kib(size.minBytes)} min, ${kib(size.gzipBytes)} min+gzip ` +
      `(budget ${kib(SHARED_GZIP_BUDGET)}: ${ok ? 'ok' : 'OVER'}), ${kib(size.brotliBytes)} brotli; ` +
      `esbuild alone ${kib(size.esbuildGzipBytes)} min+gzip`,
  );
  console.log(
    `all of shared/ (with session, add-item rules, formatters): ${kib(all.minBytes)} min, ` +
      `${kib(all.gzipBytes)} min+gzip, ${kib(all.brotliBytes)} brotli (no budget of its own)`,
  );
  if (process.argv.includes('--modules'))
    for (const [path, bytes] of Object.entries(size.modules).sort((a, b) => b[1] - a[1]))
      if (bytes > 0) console.log(`${String(bytes).padStart(7)}  ${path}`);
  process.exit(ok ? 0 : 1);
}
