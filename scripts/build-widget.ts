/**
 * `npm run build:widget`: the two files an operator's page loads.
 * - `dist/widget/resmark-checkout.js`: a classic script, self-contained, for sites that cannot load
 *   modules (many CMS themes);
 * - `dist/widget/resmark-checkout.mjs`: an ES module for `<script type="module">`.
 * Both include Lit's production build and every locale, so one file is the whole widget.
 */
import { build, transform, type BuildOptions, type Plugin } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { minify } from 'terser';

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

// A `css` tagged template with no `${…}` in it: all of the widget's styles.
const CSS_LITERAL = /\bcss`([^`$]*)`/g;

/**
 * esbuild minifies code but leaves template strings as written, so the widget's `css` literals
 * would ship with their indentation and newlines; this runs each through esbuild's CSS minifier.
 */
export const minifyLitCss: Plugin = {
  name: 'minify-lit-css',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]widget[\\/].*\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const minified = await Promise.all(
        [...source.matchAll(CSS_LITERAL)].map(async ([, text = '']) => {
          const { code } = await transform(text, { loader: 'css', minify: true, sourcefile: path });
          return code.trim();
        }),
      );
      if (!minified.length) return undefined;
      let index = 0;
      return {
        contents: source.replace(CSS_LITERAL, () => `css\`${minified[index++]}\``),
        loader: 'ts',
      };
    });
  },
};

/** The widget's bundle: {@link BROWSER_BUNDLE} from `widget/index.ts`, its styles minified too. */
export const WIDGET_BUNDLE: BuildOptions = {
  ...BROWSER_BUNDLE,
  entryPoints: ['widget/index.ts'],
  plugins: [minifyLitCss],
};

/**
 * The second minify pass every browser build gets after esbuild's: terser's compress takes off
 * what esbuild leaves (about 1 KiB gzip of the widget; Lit recommends terser for production).
 * With `map` (esbuild's source map), the result's map runs through both, back to the TypeScript.
 */
export async function browserMinify(
  code: string,
  { module, map, url }: { module: boolean; map?: string; url?: string },
): Promise<{ code: string; map?: string }> {
  const minified = await minify(code, {
    ecma: 2020,
    module,
    compress: { passes: 2 },
    format: { comments: false },
    ...(map ? { sourceMap: { content: map, ...(url ? { url } : {}) } } : {}),
  });
  if (minified.code === undefined) throw new Error('terser returned no code');
  return typeof minified.map === 'string'
    ? { code: minified.code, map: minified.map }
    : { code: minified.code };
}

/** One build: esbuild bundles and minifies, then {@link browserMinify}. */
async function writeBuild(format: 'iife' | 'esm', outfile: string): Promise<void> {
  const result = await build({
    ...WIDGET_BUNDLE,
    format,
    outfile,
    sourcemap: 'external',
    write: false,
  });
  const code = result.outputFiles.find(
    (file) => file.path.endsWith('.js') || file.path.endsWith('.mjs'),
  );
  const map = result.outputFiles.find((file) => file.path.endsWith('.map'));
  if (!code || !map) throw new Error(`esbuild wrote no code or no source map for ${outfile}`);
  const minified = await browserMinify(code.text, {
    module: format === 'esm',
    map: map.text,
    url: `${basename(outfile)}.map`,
  });
  if (minified.map === undefined) throw new Error(`terser wrote no source map for ${outfile}`);
  await Promise.all([writeFile(outfile, minified.code), writeFile(`${outfile}.map`, minified.map)]);
}

/** Writes both builds. */
export async function buildWidget(): Promise<void> {
  await mkdir(dirname(WIDGET_BUILDS.classic), { recursive: true });
  await Promise.all([
    writeBuild('iife', WIDGET_BUILDS.classic),
    writeBuild('esm', WIDGET_BUILDS.module),
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildWidget();
  console.log(`wrote ${WIDGET_BUILDS.classic} and ${WIDGET_BUILDS.module}`);
}
