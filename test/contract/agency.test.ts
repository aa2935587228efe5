import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CANYON, SUNSET, USERS, rejectsWith, useContract } from './harness.js';

const c = await useContract({ reset: false });

const SUNSET_INFO = {
  name: 'Sunset Travel',
  country: { name: 'United States' },
  addressOne: '200 Lakeshore Dr',
  postalCode: '86040',
  locality: 'Page',
  state: { name: 'Arizona' },
  businessEmail: 'hello@sunset-travel.test',
  website: 'https://sunset-travel.test',
  phoneList: [{ phoneType: 'office', phoneNumber: '+1 928 555 0100' }],
  resmarkUrl: 'https://sunset-travel.resmarksystems.com',
};

describe('agencies', () => {
  it('names the agent’s agency and agent id, the same agent id a reseller cart records', async () => {
    const agent = c.clients.agent.client;
    const agencies = await agent.agency.forUser(USERS.agent.username);
    assert.equal(agencies.length, 1);
    assert.equal(agencies[0]?.name, 'Sunset Travel');
    assert.equal(agencies[0]?.entityId, SUNSET);
    const cart = await agent.cart.create({ supplierId: CANYON });
    assert.equal(agencies[0]?.agentId, cart.agentId);
  });

  it('a user in no agency has none', async () => {
    const staff = c.clients.canyon.client;
    assert.deepEqual(await staff.agency.forUser(USERS.canyon.username), []);
  });

  it('gives a connected reseller’s details to the agency and to a connected supplier', async () => {
    assert.deepEqual(await c.clients.agent.client.agency.info(SUNSET), SUNSET_INFO);
    assert.deepEqual(await c.clients.canyon.client.agency.info(SUNSET), SUNSET_INFO);
  });

  it('an unknown agency is a 404', async () => {
    await rejectsWith(c.clients.canyon.client.agency.info('5f1a000000000000000000ff'), {
      kind: 'api',
      status: 404,
    });
  });
});
