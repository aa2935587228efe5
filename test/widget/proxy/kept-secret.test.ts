import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keptSecret } from '../../../scripts/services.js';

describe('npm start keeps the demo proxy’s secret (issue 10, finding 4)', () => {
  it('makes one on the first run and gives the same one after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'resmark-secret-'));
    try {
      const file = join(dir, '.resmark', 'proxy-secret');
      const first = await keptSecret(file);
      assert.ok(first.length >= 32);
      assert.equal(await keptSecret(file), first, 'the same after a restart');
      assert.equal((await readFile(file, 'utf8')).trim(), first);
      assert.equal((await stat(file)).mode & 0o077, 0, 'readable by its owner only');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
