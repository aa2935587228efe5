import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatMoney, formatTime } from '../../shared/format.js';

// Intl separates some parts with U+202F or U+00A0; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('formats by currency and locale', () => {
    assert.equal(formatMoney(213.3, 'USD', 'en-US'), '$213.30');
    assert.equal(plain(formatMoney(1234.5, 'EUR', 'de-DE')), '1.234,50 €');
    assert.equal(formatMoney(5000, 'JPY', 'en-US'), '¥5,000');
  });
  it('gives the same answer from a cached formatter', () => {
    assert.equal(formatMoney(89, 'USD', 'en-US'), formatMoney(89, 'USD', 'en-US'));
    assert.equal(formatMoney(89, 'CAD', 'en-US'), 'CA$89.00');
  });
  it('falls back to the host locale on a malformed locale tag', () => {
    assert.equal(formatMoney(1, 'USD', 'not a locale!'), formatMoney(1, 'USD'));
  });
  it('throws on a currency that is not a currency code', () => {
    assert.throws(() => formatMoney(1, 'dollars', 'en-US'), RangeError);
  });
});

describe('formatDate', () => {
  it('formats an inventory date as that day, whatever the host zone', () => {
    assert.equal(formatDate('2026-11-25', 'en-US'), 'Wed, Nov 25, 2026');
  });
  it('takes the time zone into account for an instant', () => {
    assert.equal(formatDate('2026-11-25T03:00:00.000Z', 'en-US'), 'Wed, Nov 25, 2026');
    assert.equal(
      formatDate('2026-11-25T03:00:00.000Z', 'en-US', 'America/Phoenix'),
      'Tue, Nov 24, 2026',
    );
  });
  it('follows the locale', () => {
    assert.equal(formatDate('2026-11-25', 'de-DE'), 'Mi., 25. Nov. 2026');
  });
  it('gives an empty string for something that is not a date', () => {
    assert.equal(formatDate('soon', 'en-US'), '');
  });
});

describe('formatTime', () => {
  it('formats the slot start in UTC by default', () => {
    assert.equal(plain(formatTime('2026-11-25T09:00:00.000Z', 'en-US')), '9:00 AM');
    assert.equal(formatTime('2026-11-25T09:00:00.000Z', 'de-DE'), '09:00');
  });
  it('formats in the given time zone', () => {
    assert.equal(
      plain(formatTime('2026-11-25T16:30:00.000Z', 'en-US', 'America/Phoenix')),
      '9:30 AM',
    );
  });
  it('gives an empty string for something that is not a time', () => {
    assert.equal(formatTime('', 'en-US'), '');
  });
});
