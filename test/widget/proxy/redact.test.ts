import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HIDDEN_KEYS, redact, redactedJson } from '../../../widget/proxy/redact.js';

const order = {
  id: 'o1',
  internalComment: 'staff note',
  createdBy: 'Casey Canyon',
  createdByEmail: 'staff@canyon-kayak.test',
  billing: { memo: 'Pay on arrival' },
  reseller: { agentId: 'a', agentName: 'Avery', agentEmail: 'agent@sunset-travel.test' },
  items: [{ activityId: 'a-1', agencyId: 'x', participants: [{ agentId: 'a', tier: 'All' }] }],
  customer: { email: 'ana@example.com', notes: 'says "internalComment": hi' },
};

describe('redact', () => {
  it('drops every hidden key at any depth, in arrays too', () => {
    const text = JSON.stringify(redact(order));
    for (const key of HIDDEN_KEYS) assert.ok(!text.includes(`"${key}"`), key);
    assert.deepEqual(redact(order).items, [{ activityId: 'a-1', participants: [{ tier: 'All' }] }]);
    assert.equal(redact(order).customer.email, 'ana@example.com');
  });
});

describe('redactedJson', () => {
  const cases: Record<string, unknown> = {
    'an order full of hidden keys': { errorMessage: null, data: order },
    'a product without any': {
      errorMessage: null,
      data: [{ id: 'p', name: 'Kayak', location: [{ id: 'l', city: 'Page' }], tags: [] }],
    },
    'a hidden word only inside a value': { data: { note: 'createdBy: nobody', k: '"billing":' } },
    'a key that merely ends in a hidden one': { data: { xbilling: 1, 'a"billing': 2 } },
    'a hidden key deep in arrays of arrays': { data: [[[{ ok: 1, reseller: { id: 'r' } }]]] },
    'scalars and nulls': { errorMessage: null, data: [null, 0, '', false] },
  };
  for (const [name, value] of Object.entries(cases))
    it(`is JSON.stringify(redact(value)) for ${name}`, () => {
      assert.equal(redactedJson(value), JSON.stringify(redact(value)));
    });

  it('leaves no hidden key in what it writes', () => {
    const text = redactedJson({ errorMessage: null, data: order });
    for (const key of HIDDEN_KEYS) assert.ok(!text.includes(`"${key}":`), key);
    assert.ok(!text.includes('staff note'));
    assert.ok(!text.includes('agent@sunset-travel.test'));
  });
});
