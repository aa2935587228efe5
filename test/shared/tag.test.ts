import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TagCategory } from '../../shared/tag.js';
import { fakeClient, ok } from './fake-fetch.js';

// GET /tag as the Tags and Resellers article describes it.
const CATEGORIES = [{ id: 'c1', name: 'Season', tags: [{ id: 't1', name: 'Summer' }] }];

describe('tag endpoints', () => {
  it('list returns the categories with their tags', async () => {
    const { client, seen } = fakeClient(() => ok(CATEGORIES));
    assert.deepEqual(await client.tag.list(), CATEGORIES);
    assert.equal(seen[0]!.path, '/tag');
  });

  it('refuses a category without its tags', () => {
    assert.equal(TagCategory.safeParse({ id: 'c1', name: 'Season' }).success, false);
  });
});
