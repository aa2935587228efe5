/**
 * Runs Node-side test files with node:test. By default: every `*.test.ts` under `test/` except the
 * widget's element tests (`test/widget/`, run in Chromium by web-test-runner — but its `proxy/`
 * tests are Node's) and the end-to-end runs (`test/e2e/`). `--e2e`: only the end-to-end runs.
 * Explicit file arguments run just those files.
 * Node 20's `--test` does not expand globs itself, and a shell glob would differ between sh and bash.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const E2E = join('test', 'e2e');
const WIDGET = join('test', 'widget');
const PROXY = join('test', 'widget', 'proxy');

const inBrowser = (dir: string) =>
  (dir === WIDGET || dir.startsWith(WIDGET + '/')) && dir !== PROXY && !dir.startsWith(PROXY + '/');

function find(dir: string, skip: (dir: string) => boolean): string[] {
  if (skip(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return find(path, skip);
    return entry.name.endsWith('.test.ts') && !inBrowser(dir) ? [path] : [];
  });
}

const args = process.argv.slice(2);
const files = args.includes('--e2e')
  ? find(E2E, () => false)
  : args.length > 0
    ? args
    : find('test', (dir) => dir === E2E);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...files.sort()],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
