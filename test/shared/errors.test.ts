import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResmarkError } from '../../shared/errors.js';

describe('ResmarkError', () => {
  it('carries its kind, status, endpoint, fields, data, detail and cause', () => {
    const cause = new Error('underlying');
    const error = new ResmarkError('api', 'Seats are gone', {
      status: 409,
      endpoint: 'POST /cart/{id}/item',
      fields: { participants: 'Only 2 seats left' },
      data: null,
      detail: { seatsLeft: 2 },
      cause,
    });
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'ResmarkError');
    assert.equal(error.kind, 'api');
    assert.equal(error.message, 'Seats are gone');
    assert.equal(error.status, 409);
    assert.equal(error.endpoint, 'POST /cart/{id}/item');
    assert.deepEqual(error.fields, { participants: 'Only 2 seats left' });
    assert.equal(error.data, null);
    assert.deepEqual(error.detail, { seatsLeft: 2 });
    assert.equal(error.cause, cause);
  });

  it('leaves what it was not given undefined', () => {
    const error = new ResmarkError('network', 'Could not reach Resmark');
    assert.equal(error.status, undefined);
    assert.equal(error.fields, undefined);
    assert.equal(error.detail, undefined);
  });
});
