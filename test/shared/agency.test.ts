import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AgencyInfo } from '../../shared/agency.js';
import { fakeClient, ok } from './fake-fetch.js';

// GET /agency/{userId}, the Tags and Resellers article's example.
const AGENCIES = [
  {
    name: 'Sample Travel Agency',
    entityId: '6143bcca7fb4eb0011b58159',
    agentId: '61ca43f8ec8b040018883c97',
  },
];
// GET /agency/{agencyId}/agencyInfo, with the fields the article lists.
const INFO = {
  name: 'Sunset Travel',
  country: { name: 'United States' },
  addressOne: '1 Beach Rd',
  postalCode: '92101',
  locality: 'San Diego',
  state: { name: 'California' },
  businessEmail: 'hello@sunset-travel.test',
  website: 'https://sunset-travel.test',
  phoneList: [{ phoneType: 'office', phoneNumber: '+1 555 010 0000' }],
  resmarkUrl: 'https://sunset.resmarksystems.com',
};

describe('agency endpoints', () => {
  it('forUser lists a user’s reseller businesses', async () => {
    const { client, seen } = fakeClient(() => ok(AGENCIES));
    assert.deepEqual(await client.agency.forUser('agent@sunset-travel.test'), AGENCIES);
    assert.equal(seen[0]!.path, '/agency/agent%40sunset-travel.test');
  });

  it('info returns a connected reseller’s details', async () => {
    const { client, seen } = fakeClient(() => ok(INFO));
    assert.deepEqual(await client.agency.info('5f1a00000000000000000003'), INFO);
    assert.equal(seen[0]!.path, '/agency/5f1a00000000000000000003/agencyInfo');
  });

  it('refuses details without the reseller’s name', () => {
    const { name: _, ...broken } = INFO;
    assert.equal(AgencyInfo.safeParse(broken).success, false);
  });
});
