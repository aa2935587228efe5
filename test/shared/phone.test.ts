import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizePhone } from '../../shared/phone.js';

const stored = (dialCode: string, phone: string) => ({ ok: true, dialCode, phone });

describe('normalizePhone', () => {
  describe('the four documented ways', () => {
    it('(1) dialCode and a number without the prefix', () => {
      assert.deepEqual(
        normalizePhone({ dialCode: '+44', phoneNumber: '20 7946 0958' }),
        stored('+44', '2079460958'),
      );
    });
    it('(2) no dialCode and a number prefixed +<code>', () => {
      assert.deepEqual(
        normalizePhone({ phoneNumber: '+44 20 7946 0958' }),
        stored('+44', '2079460958'),
      );
      assert.deepEqual(normalizePhone({ phone: '+15551234567' }), stored('+1', '5551234567'));
      assert.deepEqual(normalizePhone({ phone: '+353861234567' }), stored('+353', '861234567'));
      assert.deepEqual(normalizePhone({ phone: '+79161234567' }), stored('+7', '9161234567'));
    });
    it('(3) both, when they agree', () => {
      assert.deepEqual(
        normalizePhone({ dialCode: '+49', phone: '+49 30 1234567' }),
        stored('+49', '301234567'),
      );
    });
    it('(4) neither: US, +1', () => {
      assert.deepEqual(normalizePhone({ phone: '(555) 123-4567' }), stored('+1', '5551234567'));
      assert.deepEqual(normalizePhone({ phone: '555.123.4567' }), stored('+1', '5551234567'));
    });
  });

  it('splits off one-, two- and three-digit country codes from a +<code> prefix', () => {
    const split = (phone: string) => {
      const result = normalizePhone({ phone });
      return result?.ok ? result.dialCode : result;
    };
    assert.equal(split('+7 495 123 4567'), '+7');
    assert.equal(split('+20 2 2345 6789'), '+20');
    assert.equal(split('+36 1 234 5678'), '+36');
    assert.equal(split('+43 1 234 5678'), '+43');
    assert.equal(split('+62 21 2345 6789'), '+62');
    assert.equal(split('+86 10 1234 5678'), '+86');
    assert.equal(split('+98 21 1234 5678'), '+98');
    // 35, 38, 42, 50, 85 and 96 begin three-digit codes (Ireland, Ukraine, Czechia, Belize, Hong
    // Kong, Lebanon).
    assert.equal(split('+353 86 123 4567'), '+353');
    assert.equal(split('+380 44 123 4567'), '+380');
    assert.equal(split('+420 212 345 678'), '+420');
    assert.equal(split('+501 222 3456'), '+501');
    assert.equal(split('+852 2123 4567'), '+852');
    assert.equal(split('+961 1 234 567'), '+961');
  });

  it('accepts a dial code without its +', () => {
    assert.deepEqual(
      normalizePhone({ dialCode: '44', phone: '2079460958' }),
      stored('+44', '2079460958'),
    );
  });

  it('drops the North American trunk prefix 1', () => {
    assert.deepEqual(normalizePhone({ phone: '1 555 123 4567' }), stored('+1', '5551234567'));
  });

  it('is undefined when no number was given, even with a dial code', () => {
    assert.equal(normalizePhone({}), undefined);
    assert.equal(normalizePhone({ phone: '  ', dialCode: '+1' }), undefined);
  });

  it('reads phoneNumber when phone is empty', () => {
    assert.deepEqual(
      normalizePhone({ phone: '', phoneNumber: '5551234567' }),
      stored('+1', '5551234567'),
    );
  });

  describe('refuses, saying what to do', () => {
    const refused = (input: Parameters<typeof normalizePhone>[0]) => {
      const result = normalizePhone(input);
      assert.ok(result && !result.ok, `expected a refusal for ${JSON.stringify(input)}`);
      assert.match(result.message, /^(Enter|The number)/);
      return result.message;
    };
    it('letters in the number', () => assert.match(refused({ phone: '555-CALL-NOW' }), /digits/));
    it('a US number that is not 10 digits', () =>
      assert.match(refused({ phone: '555 1234' }), /10-digit/));
    it('a dial code that is not a dial code', () =>
      assert.match(refused({ dialCode: 'UK', phone: '2079460958' }), /dial code/));
    it('a prefix that disagrees with the dial code', () =>
      assert.match(refused({ dialCode: '+1', phone: '+44 20 7946 0958' }), /\+44.*\+1/));
    it('a number too long for E.164', () =>
      assert.match(refused({ dialCode: '+44', phone: '1234567890123456' }), /whole phone number/));
    it('a number too short', () =>
      assert.match(refused({ dialCode: '+44', phone: '12' }), /whole phone number/));
  });

  describe('the national trunk prefix (issue 11, item 1)', () => {
    it('is dropped where the country dials one before the area code', () => {
      assert.deepEqual(
        normalizePhone({ dialCode: '+44', phone: '020 7946 0958' }),
        stored('+44', '2079460958'),
      );
      assert.deepEqual(
        normalizePhone({ phone: '+44 (0)20 7946 0958' }),
        stored('+44', '2079460958'),
      );
      assert.deepEqual(
        normalizePhone({ dialCode: '+49', phone: '030 1234567' }),
        stored('+49', '301234567'),
      );
      assert.deepEqual(
        normalizePhone({ dialCode: '+7', phone: '8 916 123 45 67' }),
        stored('+7', '9161234567'),
      );
      assert.deepEqual(
        normalizePhone({ dialCode: '+36', phone: '06 1 234 5678' }),
        stored('+36', '12345678'),
      );
    });

    it('is kept where the leading digit belongs to the number (Italy, Spain)', () => {
      assert.deepEqual(
        normalizePhone({ dialCode: '+39', phone: '06 1234 5678' }),
        stored('+39', '0612345678'),
      );
      assert.deepEqual(
        normalizePhone({ dialCode: '+34', phone: '912 345 678' }),
        stored('+34', '912345678'),
      );
    });
  });

  it('takes a Colombian mobile with its own +57', () => {
    assert.deepEqual(normalizePhone({ phone: '+57 300 123 4567' }), stored('+57', '3001234567'));
    assert.deepEqual(
      normalizePhone({ dialCode: '+57', phone: '300 123 4567' }),
      stored('+57', '3001234567'),
    );
  });
});
