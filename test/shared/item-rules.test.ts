import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkAddItem, type PickupZoneRef } from '../../shared/item-rules.js';

const slot = { price: { Adult: 89, Child: 59, Senior: 79 }, seatsLeft: 12 };
const zones: PickupZoneRef[] = [
  {
    id: 'z-town',
    pickupDetails: [{ id: 'pd-0815' }],
    locations: [{ id: 'loc-lodge' }, { id: 'loc-inn' }],
    allowOther: true,
  },
  { id: 'z-airport', pickupDetails: [{ id: 'pd-0700' }], locations: [{ id: 'loc-pga' }] },
];

function refused(result: ReturnType<typeof checkAddItem>) {
  assert.equal(result.ok, false, 'expected the choice to be refused');
  return result.ok ? { reason: undefined, fields: {} as Record<string, string> } : result;
}

describe('checkAddItem', () => {
  describe('participants', () => {
    it('accepts whole numbers and numeric strings, dropping zeros', () => {
      assert.deepEqual(
        checkAddItem({ participants: { Adult: 2, Child: '1', Senior: 0 } }, slot, []),
        {
          ok: true,
          participants: { Adult: 2, Child: 1 },
          seats: 3,
        },
      );
    });
    it('wants at least one guest', () => {
      assert.deepEqual(refused(checkAddItem({ participants: { Adult: 0 } }, slot, [])), {
        ok: false,
        reason: 'invalid',
        fields: { participants: 'Choose at least one guest' },
      });
      assert.ok(
        refused(checkAddItem({ participants: {} }, slot, [])).fields['participants'],
        "expected refused(checkAddItem({ participants: {} }, slot, [])).fields['participants']",
      );
      assert.ok(
        refused(checkAddItem({ participants: null }, slot, [])).fields['participants'],
        "expected refused(checkAddItem({ participants: null }, slot, [])).fields['participants']",
      );
      assert.ok(
        refused(checkAddItem({ participants: [2] }, slot, [])).fields['participants'],
        "expected refused(checkAddItem({ participants: [2] }, slot, [])).fields['participants']",
      );
    });
    it('names the tier with a bad quantity', () => {
      for (const bad of [-1, 1.5, 'two', '', null, Number.NaN]) {
        const { fields } = refused(
          checkAddItem({ participants: { Adult: 1, Child: bad } }, slot, []),
        );
        assert.deepEqual(Object.keys(fields), ['participants.Child'], String(bad));
      }
    });
    it('names a tier the slot does not have, listing the ones it has', () => {
      const { reason, fields } = refused(checkAddItem({ participants: { Infant: 1 } }, slot, []));
      assert.equal(reason, 'invalid');
      assert.match(fields['participants.Infant'] ?? '', /Adult, Child, Senior/);
    });
    it('takes a single-price slot by its All tier', () => {
      const result = checkAddItem(
        { participants: { All: 4 } },
        { price: { All: 30 }, seatsLeft: 4 },
        [],
      );
      assert.deepEqual(result, { ok: true, participants: { All: 4 }, seats: 4 });
    });
  });

  describe('seats', () => {
    it('fits exactly the seats left', () => {
      assert.equal(checkAddItem({ participants: { Adult: 12 } }, slot, []).ok, true);
    });
    it('says how many are left when the choice does not fit', () => {
      const { reason, fields } = refused(
        checkAddItem({ participants: { Adult: 10, Child: 3 } }, slot, []),
      );
      assert.equal(reason, 'not-enough-seats');
      assert.match(fields['participants'] ?? '', /Only 12 seats/);
    });
    it('says sold out when nothing is left', () => {
      const { reason, fields } = refused(
        checkAddItem({ participants: { Adult: 1 } }, { ...slot, seatsLeft: 0 }, []),
      );
      assert.equal(reason, 'not-enough-seats');
      assert.match(fields['participants'] ?? '', /sold out/);
    });
    it('reports an invalid choice before counting seats', () => {
      const { reason } = refused(checkAddItem({ participants: { Adult: 99, Kid: 1 } }, slot, []));
      assert.equal(reason, 'invalid');
    });
  });

  describe('pickups', () => {
    const guests = { participants: { Adult: 2 } };
    it('ignores the pickup fields when the product has none', () => {
      assert.equal(checkAddItem({ ...guests, locationId: 'product-location' }, slot, []).ok, true);
    });
    it('accepts a detail with a location of the same zone', () => {
      assert.equal(
        checkAddItem({ ...guests, pickupDetailId: 'pd-0815', locationId: 'loc-inn' }, slot, zones)
          .ok,
        true,
      );
    });
    it('accepts a typed location where the zone allows other', () => {
      const result = checkAddItem(
        { ...guests, pickupDetailId: 'pd-0815', locationOther: 'Canyon Motel' },
        slot,
        zones,
      );
      assert.equal(result.ok, true);
    });
    it('requires a detail and a location', () => {
      const { fields } = refused(checkAddItem(guests, slot, zones));
      assert.deepEqual(Object.keys(fields).sort(), ['locationId', 'pickupDetailId']);
    });
    it('treats null and empty strings as not chosen', () => {
      const { fields } = refused(
        checkAddItem(
          { ...guests, pickupDetailId: 'pd-0815', locationId: null, locationOther: '' },
          slot,
          zones,
        ),
      );
      assert.deepEqual(Object.keys(fields), ['locationId']);
    });
    it('refuses a detail no zone has', () => {
      const { fields } = refused(
        checkAddItem({ ...guests, pickupDetailId: 'pd-x', locationId: 'loc-inn' }, slot, zones),
      );
      assert.deepEqual(Object.keys(fields), ['pickupDetailId']);
    });
    it('refuses a location from another zone', () => {
      const { fields } = refused(
        checkAddItem({ ...guests, pickupDetailId: 'pd-0700', locationId: 'loc-inn' }, slot, zones),
      );
      assert.match(fields['locationId'] ?? '', /not served/);
    });
    it('refuses an unknown location', () => {
      const { fields } = refused(
        checkAddItem({ ...guests, pickupDetailId: 'pd-0700', locationId: 'loc-x' }, slot, zones),
      );
      assert.match(fields['locationId'] ?? '', /from the list/);
    });
    it('refuses a typed location where the zone does not allow other', () => {
      const { fields } = refused(
        checkAddItem(
          { ...guests, pickupDetailId: 'pd-0700', locationOther: 'My house' },
          slot,
          zones,
        ),
      );
      assert.deepEqual(Object.keys(fields), ['locationOther']);
    });
    it('refuses both a listed and a typed location', () => {
      const { fields } = refused(
        checkAddItem(
          { ...guests, pickupDetailId: 'pd-0815', locationId: 'loc-inn', locationOther: 'Motel' },
          slot,
          zones,
        ),
      );
      assert.deepEqual(Object.keys(fields), ['locationOther']);
    });
    it('reports guest and pickup problems together', () => {
      const { fields } = refused(checkAddItem({ participants: { Adult: 0 } }, slot, zones));
      assert.deepEqual(Object.keys(fields).sort(), [
        'locationId',
        'participants',
        'pickupDetailId',
      ]);
    });
  });
});
