import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useContract } from './harness.js';

const c = await useContract({ reset: false });

describe('tags', () => {
  it('lists every category with its tags', async () => {
    const categories = await c.clients.canyon.client.tag.list();
    assert.deepEqual(
      categories.map((category) => [category.name, category.tags.map((t) => t.name)]),
      [
        ['Activity', ['Kayaking', 'Cycling', 'Flightseeing']],
        ['Duration', ['Half day', 'Evening', 'Flexible']],
        ['Season', ['Summer', 'Year-round']],
      ],
    );
    for (const category of categories) {
      assert.match(category.id, /^[0-9a-f]{24}$/);
      for (const tag of category.tags) assert.match(tag.id, /^[0-9a-f]{24}$/);
    }
  });

  it('the same for a reseller agent', async () => {
    assert.deepEqual(
      await c.clients.agent.client.tag.list(),
      await c.clients.canyon.client.tag.list(),
    );
  });
});
