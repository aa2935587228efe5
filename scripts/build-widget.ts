/**
 * `npm run build:widget`: what an operator's page loads, all in `dist/widget/` (issue 11, "The
 * first view"):
 * - `resmark-checkout.mjs`: the ES module for `<script type="module">`: the shell and the product
 *   list, with Lit's production build, the proxy client, ofetch and zod;
 * - `chunk-*.mjs`, `steps-*.mjs`, `es-*.mjs`: the code the entry shares with the later steps, the
 *   later steps themselves (widget/steps.ts, loaded when the shopper moves towards a product or
 *   the browser is idle), and each locale's strings (loaded only on a page in that locale);
 * - `resmark-checkout.js`: a small classic script for sites that cannot write a module tag (many
 *   CMS themes): it imports the entry and its chunks from beside itself, all at once rather than
 *   one after another, so one `<script src>` still works.
 * The module files are fetched with CORS from wherever the loader is: README, "Embed the widget".
 */
import { build, transform, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { minify } from 'terser';
import ts from 'typescript';

/** Where the builds go, and the two files a page names. */
export const WIDGET_BUILDS = {
  dir: 'dist/widget',
  classic: 'dist/widget/resmark-checkout.js',
  module: 'dist/widget/resmark-checkout.mjs',
} as const;

/** What {@link buildWidget} wrote, as paths under `dist/widget/`'s parent (`dist/widget/…`). */
export interface WidgetFiles {
  /** The module entry and the chunks it imports statically: what the product list needs. */
  firstView: string[];
  /** Every module file but the locales' strings: the whole flow on an English page. */
  flow: string[];
  /** Each target locale's strings, by locale. */
  locales: Record<string, string>;
}

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
 * The text parts of every `html` and `svg` tagged template in `source` (between a template's
 * backtick or `}` and its next `${` or backtick), as [start, end) offsets, found by TypeScript's
 * parser rather than a pattern, so nested templates and backticks in expressions are no trouble.
 */
export function htmlTemplateTexts(source: string, fileName = 'widget.ts'): [number, number][] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const parts: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      (node.tag.text === 'html' || node.tag.text === 'svg')
    ) {
      const { template } = node;
      const literals = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const literal of literals) {
        // Each literal's own delimiters: ` or } before, ${ or ` after.
        const closing = ts.isTemplateHead(literal) || ts.isTemplateMiddle(literal) ? 2 : 1;
        parts.push([literal.getStart(file) + 1, literal.getEnd() - closing]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return parts;
}

/**
 * `source` with the line breaks and indentation of its `html` templates collapsed to one space,
 * which is how HTML renders them (the widget has no `<pre>`, `<textarea>` or `white-space: pre`):
 * the templates' indentation was 0.7 KiB gzip of the whole flow.
 */
export function collapseTemplateWhitespace(source: string, fileName?: string): string {
  let result = source;
  // From the last part back, so each replacement leaves the offsets before it as they were (an
  // outer template's later part can come after a nested template's).
  const parts = htmlTemplateTexts(source, fileName).sort((a, b) => b[0] - a[0]);
  for (const [start, end] of parts)
    result =
      result.slice(0, start) +
      result.slice(start, end).replace(/\s*\n\s*/g, ' ') +
      result.slice(end);
  return result;
}

/**
 * The [start, end) of each top-level declaration's initializer in `source` that does work as the
 * module loads: a call, a `new` or a spread outside any function.
 */
export function moduleLoadInitializers(source: string, fileName = 'module.ts'): [number, number][] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const works = (node: ts.Node): boolean =>
    // What a function does runs when it is called, not when the module loads.
    !ts.isFunctionLike(node) &&
    !ts.isClassLike(node) &&
    (ts.isCallExpression(node) ||
      ts.isNewExpression(node) ||
      ts.isSpreadAssignment(node) ||
      ts.isSpreadElement(node) ||
      (ts.forEachChild(node, (child) => works(child) || undefined) ?? false));
  const ranges: [number, number][] = [];
  for (const statement of file.statements)
    if (ts.isVariableStatement(statement))
      for (const { initializer } of statement.declarationList.declarations)
        if (initializer && works(initializer))
          ranges.push([initializer.getStart(file), initializer.getEnd()]);
  return ranges;
}

/**
 * `source` with each initializer of {@link moduleLoadInitializers} run by a function call marked
 * `/* @__PURE__ *\/`, so esbuild drops the declaration when nothing uses it, spreads and chained
 * calls included. For `shared/`, whose module-level work only builds values (schemas, tables,
 * formatters): the widget names its endpoints' schemas without carrying them (shared/schemas.ts),
 * and this is what lets the schemas, and zod with them, fall out of its bundle.
 */
export function markModuleLoadPure(source: string, fileName?: string): string {
  let result = source;
  for (const [start, end] of moduleLoadInitializers(source, fileName).reverse())
    result = `${result.slice(0, start)}/* @__PURE__ */ (() => (${result.slice(start, end)}))()${result.slice(end)}`;
  return result;
}

// This project's shared/, not a dependency's folder of the same name.
const SHARED_DIR = fileURLToPath(new URL('../shared/', import.meta.url));

/** {@link markModuleLoadPure} for `shared/`'s modules, in the widget's bundle. */
export const pureSharedModules: Plugin = {
  name: 'pure-shared-modules',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]shared[\\/][\w-]+\.ts$/ }, async ({ path }) =>
      path.startsWith(SHARED_DIR)
        ? { contents: markModuleLoadPure(await readFile(path, 'utf8'), path), loader: 'ts' }
        : undefined,
    );
  },
};

/**
 * esbuild minifies code but leaves template strings as written, so the widget's `css` and `html`
 * literals would ship with their indentation and newlines: the styles go through esbuild's CSS
 * minifier, the markup through {@link collapseTemplateWhitespace}.
 */
export const minifyLitTemplates: Plugin = {
  name: 'minify-lit-templates',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]widget[\\/].*\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const minified = await Promise.all(
        [...source.matchAll(CSS_LITERAL)].map(async ([, text = '']) => {
          const { code } = await transform(text, { loader: 'css', minify: true, sourcefile: path });
          return code.trim();
        }),
      );
      let index = 0;
      const styled = source.replace(CSS_LITERAL, () => `css\`${minified[index++]}\``);
      return { contents: collapseTemplateWhitespace(styled, path), loader: 'ts' };
    });
  },
};

/** The widget's bundle: {@link BROWSER_BUNDLE} from `widget/index.ts`, its templates minified too. */
export const WIDGET_BUNDLE: BuildOptions = {
  ...BROWSER_BUNDLE,
  entryPoints: ['widget/index.ts'],
  plugins: [minifyLitTemplates, pureSharedModules],
};

/**
 * The split ES build: {@link WIDGET_BUNDLE} with esbuild's code splitting, so every dynamic
 * `import()` (the later steps, a locale) is a file of its own and what both sides use is a shared
 * chunk. Every file is `.mjs`, so a server that types by extension serves JavaScript.
 */
export const WIDGET_SPLIT_BUNDLE: BuildOptions = {
  ...WIDGET_BUNDLE,
  entryPoints: { 'resmark-checkout': 'widget/index.ts' },
  format: 'esm',
  splitting: true,
  outdir: WIDGET_BUILDS.dir,
  outExtension: { '.js': '.mjs' },
  chunkNames: '[name]-[hash]',
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

/** The files `output` imports statically, itself first, following the chunks' imports. */
function staticGraph(metafile: Metafile, output: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of metafile.outputs[path]?.imports ?? [])
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(output);
  return [...seen];
}

/**
 * The classic loader: imports the module entry and its static chunks from beside itself (the
 * script's own URL), in parallel, so the chunks do not wait for the entry to be parsed first.
 * `import()` is in every browser that runs the widget (it needs ES2022 anyway). A file that fails to
 * load is the browser's own console error (an unhandled rejection naming the URL).
 */
export function classicLoader(files: readonly string[]): string {
  return `(()=>{var s=document.currentScript,b=s&&s.src||location.href;${JSON.stringify(
    files.map((file) => basename(file)),
  )}.forEach(function(f){import(new URL(f,b).href)})})();\n`;
}

/** Writes the split ES build and the classic loader; answers which files are which. */
export async function buildWidget(): Promise<WidgetFiles> {
  // Chunk names carry hashes: an earlier build's files would linger and be counted.
  await rm(WIDGET_BUILDS.dir, { recursive: true, force: true });
  await mkdir(WIDGET_BUILDS.dir, { recursive: true });
  const result = await build({
    ...WIDGET_SPLIT_BUNDLE,
    sourcemap: 'external',
    write: false,
    metafile: true,
  });
  const maps = new Map(
    result.outputFiles
      .filter((file) => file.path.endsWith('.map'))
      .map((file) => [file.path.slice(0, -'.map'.length), file.text]),
  );
  await Promise.all(
    result.outputFiles
      .filter((file) => file.path.endsWith('.mjs'))
      .map(async (file) => {
        const map = maps.get(file.path);
        if (map === undefined) throw new Error(`esbuild wrote no source map for ${file.path}`);
        const minified = await browserMinify(file.text, {
          module: true,
          map,
          url: `${basename(file.path)}.map`,
        });
        if (minified.map === undefined)
          throw new Error(`terser wrote no source map for ${file.path}`);
        await Promise.all([
          writeFile(file.path, minified.code),
          writeFile(`${file.path}.map`, minified.map),
        ]);
      }),
  );
  const metafile = result.metafile;
  const outputs = Object.keys(metafile.outputs).filter((path) => path.endsWith('.mjs'));
  const locales: Record<string, string> = {};
  for (const path of outputs) {
    const input = Object.keys(metafile.outputs[path]?.inputs ?? {}).find((name) =>
      /widget\/generated\/locales\/[^/]+\.ts$/.test(name),
    );
    const entry = metafile.outputs[path]?.entryPoint;
    if (input && entry === input) locales[basename(input, '.ts')] = path;
  }
  const localeFiles = new Set(Object.values(locales));
  const firstView = staticGraph(metafile, join(WIDGET_BUILDS.dir, 'resmark-checkout.mjs'));
  await writeFile(WIDGET_BUILDS.classic, classicLoader(firstView));
  return { firstView, flow: outputs.filter((path) => !localeFiles.has(path)), locales };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = await buildWidget();
  console.log(
    `wrote ${WIDGET_BUILDS.classic} (the loader) and ${files.flow.length} module files; ` +
      `the first view is ${files.firstView.join(', ')}`,
  );
}
