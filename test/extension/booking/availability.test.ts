import { expect } from '@open-wc/testing';
import { fromTomorrow, tomorrowOf } from '../../../extension/booking/availability.js';
import type { Inventory, InventorySlot } from '../../../shared/product.js';

const slot = (start: string, left: number): InventorySlot => ({
  activityId: `a-${start}`,
  startTime: start,
  endTime: null,
  price: { All: 49 },
  tiersAvailable: { '*': left },
});
const month: Inventory = {
  items: [
    { date: '2026-11-24', timesAvailable: [slot('2026-11-24T17:30:00.000Z', 10)] },
    {
      date: '2026-11-25',
      timesAvailable: [slot('2026-11-25T14:00:00.000Z', 4), slot('2026-11-25T09:00:00.000Z', 16)],
    },
    { date: '2026-11-26', timesAvailable: [slot('2026-11-26T09:00:00.000Z', 0)] },
    { date: '2026-11-27', timesAvailable: [] },
    { date: '2026-11-28', timesAvailable: [slot('2026-11-28T09:00:00.000Z', 2)] },
  ],
};

describe('availability from tomorrow', () => {
  it('takes tomorrow as the next UTC day', () => {
    expect(tomorrowOf(Date.UTC(2026, 10, 24, 23, 59))).to.equal('2026-11-25');
  });

  it('lists tomorrow’s open times, earliest first, and the next open day after it', () => {
    expect(fromTomorrow(month, '2026-11-25')).to.deep.equal({
      tomorrow: ['2026-11-25T09:00:00.000Z', '2026-11-25T14:00:00.000Z'],
      soldOutTomorrow: false,
      next: '2026-11-28',
    });
  });

  it('tells a sold-out tomorrow from one without times, skipping sold-out days for "next"', () => {
    expect(fromTomorrow(month, '2026-11-26')).to.deep.equal({
      tomorrow: [],
      soldOutTomorrow: true,
      next: '2026-11-28',
    });
    expect(fromTomorrow(month, '2026-11-27')).to.include({ soldOutTomorrow: false });
    expect(fromTomorrow(month, '2026-11-28').next).to.equal(undefined);
  });

  it('counts what a dateless product has left', () => {
    const pass: Inventory = {
      items: [{ date: null, timesAvailable: [{ ...slot('x', 178), startTime: null }] }],
    };
    expect(fromTomorrow(pass, '2026-11-25', true)).to.deep.equal({
      tomorrow: [],
      soldOutTomorrow: false,
      passesLeft: 178,
    });
  });
});
