/**
 * The widget as a page downloads it: `npm run build:widget`'s two files (the classic script and the
 * ES module), each minified by the build, then gzip (level 9) and brotli (quality 11). Budget (issue
 * 4): the classic build, everything included, ≤ 30 KiB min+gzip. Standalone:
 * `npx tsx bench/widget-size.ts` (`--modules` adds each input's minified bytes, biggest first);
 * `bench/run.ts` calls {@link measureWidgetSize}.
 */
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildWidget, WIDGET_BUILDS, WIDGET_BUNDLE } from '../scripts/build-widget.js';

/** The budget for the classic build, min+gzip, in bytes. */
export const WIDGET_GZIP_BUDGET = 30 * 1024;

/** One build's sizes, in bytes. */
export interface BuildSize {
  minBytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

/** Sizes in bytes of `bytes` as served: as is (already minified), gzip -9 and brotli q11. */
export function compressedSizes(bytes: Uint8Array): BuildSize {
  return {
    minBytes: bytes.byteLength,
    gzipBytes: gzipSync(bytes, { level: 9 }).byteLength,
    brotliBytes: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).byteLength,
  };
}

/** Builds the widget as `npm run build:widget` does and measures both files. */
export async function measureWidgetSize(): Promise<{ classic: BuildSize; module: BuildSize }> {
  await buildWidget();
  return {
    classic: compressedSizes(await readFile(WIDGET_BUILDS.classic)),
    module: compressedSizes(await readFile(WIDGET_BUILDS.module)),
  };
}

/**
 * Minified bytes each input contributes to the classic build (esbuild's metafile), by path, with
 * scripts/build-widget.ts's options, before the build's terser pass.
 */
export async function widgetModules(): Promise<{ total: number; modules: Record<string, number> }> {
  const result = await build({
    ...WIDGET_BUNDLE,
    format: 'iife',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  return {
    total: result.outputFiles[0]!.contents.byteLength,
    modules: Object.fromEntries(
      Object.entries(output?.inputs ?? {}).map(([path, input]) => [path, input.bytesInOutput]),
    ),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { classic, module } = await measureWidgetSize();
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;
  const ok = classic.gzipBytes <= WIDGET_GZIP_BUDGET;
  for (const [file, size] of [
    [WIDGET_BUILDS.classic, classic],
    [WIDGET_BUILDS.module, module],
  ] as const)
    console.log(
      `${file}: ${kib(size.minBytes)} min, ${kib(size.gzipBytes)} min+gzip, ${kib(size.brotliBytes)} brotli`,
    );
  console.log(`classic min+gzip ≤ ${kib(WIDGET_GZIP_BUDGET)}: ${ok ? 'ok' : 'OVER'}`);
  if (process.argv.includes('--modules')) {
    const { total, modules } = await widgetModules();
    // The breakdown is esbuild's output; the build's terser pass then shaves a little off the whole.
    console.log(
      `esbuild's bundle: ${total} bytes min; after terser, the build: ${classic.minBytes}`,
    );
    for (const [path, bytes] of Object.entries(modules).sort((a, b) => b[1] - a[1]))
      if (bytes > 0) console.log(`${String(bytes).padStart(7)}  ${path}`);
  }
  process.exit(ok ? 0 : 1);
}
