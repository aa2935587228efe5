/**
 * `npm run build:widget`: the two files an operator's page loads.
 * - `dist/widget/resmark-checkout.js`: a classic script, self-contained, for sites that cannot load
 *   modules (many CMS themes);
 * - `dist/widget/resmark-checkout.mjs`: an ES module for `<script type="module">`.
 * Both include Lit's production build and every locale, so one file is the whole widget.
 */
import { build, type BuildOptions } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

/** Where the builds go, and their names. */
export const WIDGET_BUILDS = {
  classic: 'dist/widget/resmark-checkout.js',
  module: 'dist/widget/resmark-checkout.mjs',
} as const;

/**
 * How a browser bundle is made: minified, for current browsers, with Lit's production build. The
 * widget benchmarks bundle their baseline element with the same options, so the two compare.
 */
export const BROWSER_BUNDLE: BuildOptions = {
  bundle: true,
  minify: true,
  platform: 'browser',
  target: 'es2022',
  // Lit's `production` export drops its dev-mode warnings and checks.
  conditions: ['production'],
  legalComments: 'none',
  logLevel: 'warning',
};

const common: BuildOptions = {
  ...BROWSER_BUNDLE,
  entryPoints: ['widget/index.ts'],
  sourcemap: 'linked',
};

/** Writes both builds. */
export async function buildWidget(): Promise<void> {
  await mkdir('dist/widget', { recursive: true });
  await Promise.all([
    build({ ...common, format: 'iife', outfile: WIDGET_BUILDS.classic }),
    build({ ...common, format: 'esm', outfile: WIDGET_BUILDS.module }),
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildWidget();
  console.log(`wrote ${WIDGET_BUILDS.classic} and ${WIDGET_BUILDS.module}`);
}
