/**
 * The widget as a page downloads it (issue 11, "The first view"): `npm run build:widget`'s files,
 * each minified by the build, then gzip (level 9) and brotli (quality 11), each file on its own as
 * a server sends it. Figures, on an English page (no locale's strings):
 * - the first view: what the browser fetches before the product list works, for the classic
 *   embed (the loader, the module entry and the chunks it imports statically) and for the module
 *   one (the same without the loader): ≤ 25 KiB min+gzip each;
 * - the whole flow: every file but the locales' strings: ≤ 45 KiB min+gzip.
 * Standalone: `npx tsx bench/widget-size.ts` (`--modules` adds each input's minified bytes,
 * biggest first); `bench/run.ts` calls {@link measureWidgetSize}.
 */
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildWidget, WIDGET_BUILDS, WIDGET_SPLIT_BUNDLE } from '../scripts/build-widget.js';

/** The budget for the first view (classic and module), min+gzip, in bytes. */
export const FIRST_VIEW_GZIP_BUDGET = 25 * 1024;

/** The budget for the whole flow's JavaScript, min+gzip, in bytes. */
export const FLOW_GZIP_BUDGET = 45 * 1024;

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

/** What {@link measureWidgetSize} measured: sums over files, each compressed on its own. */
export interface WidgetSize {
  /** The classic embed's first view: the loader and the module files it imports. */
  classic: BuildSize;
  /** The module embed's first view. */
  module: BuildSize;
  /** Every file an English page may load, loader included. */
  flow: BuildSize;
  /** Each file's sizes, by name. */
  files: Record<string, BuildSize>;
  /** The first view's files (module embed), by name. */
  firstView: string[];
}

const sum = (sizes: BuildSize[]): BuildSize => ({
  minBytes: sizes.reduce((total, size) => total + size.minBytes, 0),
  gzipBytes: sizes.reduce((total, size) => total + size.gzipBytes, 0),
  brotliBytes: sizes.reduce((total, size) => total + size.brotliBytes, 0),
});

/** Builds the widget as `npm run build:widget` does and measures its files. */
export async function measureWidgetSize(): Promise<WidgetSize> {
  const built = await buildWidget();
  const files: Record<string, BuildSize> = {};
  for (const path of [WIDGET_BUILDS.classic, ...built.flow, ...Object.values(built.locales)])
    files[basename(path)] = compressedSizes(await readFile(path));
  const of = (paths: string[]) => paths.map((path) => files[basename(path)]!);
  const loader = files[basename(WIDGET_BUILDS.classic)]!;
  return {
    classic: sum([loader, ...of(built.firstView)]),
    module: sum(of(built.firstView)),
    flow: sum([loader, ...of(built.flow)]),
    files,
    firstView: built.firstView.map((path) => basename(path)),
  };
}

/**
 * Minified bytes each input contributes to each output file (esbuild's metafile), by output and
 * path, with scripts/build-widget.ts's options, before the build's terser pass.
 */
export async function widgetModules(): Promise<Record<string, Record<string, number>>> {
  const result = await build({
    ...WIDGET_SPLIT_BUNDLE,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.fromEntries(
    Object.entries(result.metafile.outputs)
      .filter(([path]) => path.endsWith('.mjs'))
      .map(([path, output]) => [
        basename(path),
        Object.fromEntries(
          Object.entries(output.inputs).map(([input, { bytesInOutput }]) => [input, bytesInOutput]),
        ),
      ]),
  );
}

/** The figures in a few lines, for `npm run bench`. */
export function describeWidgetSize(size: WidgetSize): string {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  return (
    `(widget first view, ${size.firstView.join(' + ')}: classic ${kib(size.classic.gzipBytes)} gzip ` +
    `(${kib(size.classic.minBytes)} min, ${kib(size.classic.brotliBytes)} brotli), module ` +
    `${kib(size.module.gzipBytes)} gzip; whole flow ${kib(size.flow.gzipBytes)} gzip ` +
    `(${kib(size.flow.minBytes)} min); per file, gzip: ` +
    Object.entries(size.files)
      .map(([name, file]) => `${name} ${kib(file.gzipBytes)}`)
      .join(', ') +
    ')'
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const size = await measureWidgetSize();
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;
  const checks = [
    ['classic first view', size.classic.gzipBytes, FIRST_VIEW_GZIP_BUDGET],
    ['module first view', size.module.gzipBytes, FIRST_VIEW_GZIP_BUDGET],
    ['whole flow', size.flow.gzipBytes, FLOW_GZIP_BUDGET],
  ] as const;
  for (const [name, file] of Object.entries(size.files))
    console.log(
      `${name}: ${kib(file.minBytes)} min, ${kib(file.gzipBytes)} min+gzip, ${kib(file.brotliBytes)} brotli`,
    );
  for (const [name, bytes, budget] of checks)
    console.log(
      `${name}: ${kib(bytes)} min+gzip ≤ ${kib(budget)}: ${bytes <= budget ? 'ok' : 'OVER'}`,
    );
  if (process.argv.includes('--modules'))
    for (const [output, inputs] of Object.entries(await widgetModules())) {
      console.log(`${output} (esbuild's bytes, before terser):`);
      for (const [path, bytes] of Object.entries(inputs).sort((a, b) => b[1] - a[1]))
        if (bytes > 0) console.log(`${String(bytes).padStart(7)}  ${path}`);
    }
  process.exit(checks.every(([, bytes, budget]) => bytes <= budget) ? 0 : 1);
}
