import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { WIDGET_SPLIT_BUNDLE, markModuleLoadPure } from '../../scripts/build-widget.js';

describe('the widget build drops what shared/ builds and the widget does not use', () => {
  it('runs each top-level initializer that does work through a pure call', () => {
    const source = [
      "import * as z from 'zod/mini';",
      'const Page = { limit: z.number() };',
      'export const Query = z.object({ ...Page }).check(() => {});',
      'export const plain = { a: 1 };',
      'export const helper = (x: number) => z.array(x);',
      'const name = other;',
    ].join('\n');
    assert.equal(
      markModuleLoadPure(source),
      [
        "import * as z from 'zod/mini';",
        'const Page = /* @__PURE__ */ (() => ({ limit: z.number() }))();',
        'export const Query = /* @__PURE__ */ (() => (z.object({ ...Page }).check(() => {})))();',
        'export const plain = { a: 1 };',
        'export const helper = (x: number) => z.array(x);',
        'const name = other;',
      ].join('\n'),
    );
  });

  it('carries no zod: the widget names its schemas, the proxy checks with them', async () => {
    const result = await build({
      ...WIDGET_SPLIT_BUNDLE,
      write: false,
      metafile: true,
      outdir: 'dist/widget-test',
    });
    // Every input esbuild read is listed; what reached a file has bytes in it.
    const inputs = Object.values(result.metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path),
    );
    assert.ok(
      inputs.some((path) => path.startsWith('shared/')),
      'the bundle has shared/ in it',
    );
    assert.deepEqual(
      inputs.filter((path) => path.includes('node_modules/zod/')),
      [],
    );
  });
});
