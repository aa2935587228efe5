/**
 * Runs every Node-side test file with node:test: all `*.test.ts` under `test/` except the widget's
 * element tests (`test/widget/`, run in Chromium by web-test-runner; its `proxy/` tests are Node's)
 * and the end-to-end runs (`test/e2e/`).
 * Node 20's `--test` does not expand globs itself, and a shell glob would differ between sh and bash.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function find(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'browser' || entry.name === 'e2e' ? [] : find(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : find('test').sort();
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
