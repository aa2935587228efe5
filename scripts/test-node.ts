/**
 * Runs Node-side test files with node:test.
 * - No arguments: every `*.test.ts` under `test/` except the widget's and the extension's element
 *   tests (`test/widget/` and `test/extension/`, run in Chromium by web-test-runner; the widget's
 *   `proxy/` tests are Node's) and the end-to-end runs (`test/e2e/`).
 * - `--e2e`: every `test/e2e/*.test.ts` (each starts `npm start`'s services and Chromium).
 * - Paths: just those files.
 * Node 20's `--test` does not expand globs itself, and a shell glob would differ between sh and bash.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const E2E = join('test', 'e2e');
const WIDGET = join('test', 'widget');
const PROXY = join('test', 'widget', 'proxy');
const EXTENSION = join('test', 'extension');

const within = (dir: string, root: string) => dir === root || dir.startsWith(root + '/');

// Element tests need a browser; the widget's proxy tests are plain Node.
const inBrowser = (dir: string) =>
  (within(dir, WIDGET) && !within(dir, PROXY)) || within(dir, EXTENSION);

function find(dir: string): string[] {
  if (dir === E2E) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return find(path);
    return entry.name.endsWith('.test.ts') && !inBrowser(dir) ? [path] : [];
  });
}

const args = process.argv.slice(2);
const e2e = args.includes('--e2e');
const only = args.filter((arg) => arg !== '--e2e');
const files =
  only.length > 0
    ? only
    : e2e
      ? readdirSync(E2E)
          .filter((name) => name.endsWith('.test.ts'))
          .sort()
          .map((name) => join(E2E, name))
      : find('test').sort();
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    // One end-to-end file at a time: each builds the widget into dist/ and runs a browser, and
    // two at once on a small machine only make each other's waits time out.
    ...(e2e ? ['--test-concurrency=1'] : []),
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
