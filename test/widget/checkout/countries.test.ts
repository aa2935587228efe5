import { expect } from '@open-wc/testing';
import { normalizePhone } from '../../../shared/phone.js';
import { COUNTRIES, countryOfDialCode } from '../../../widget/checkout/countries.js';

describe('widget/checkout/countries', () => {
  it('lists every inhabited country and territory once, each with a dial code', () => {
    expect(COUNTRIES.length).to.be.at.least(240);
    expect(new Set(COUNTRIES.map((c) => c.region)).size).to.equal(COUNTRIES.length);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).to.equal(COUNTRIES.length);
    const names = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
    for (const c of COUNTRIES) {
      expect(c.region).to.match(/^[A-Z]{2}$/);
      expect(c.code).to.match(/^[A-Z]{3}$/);
      expect(c.dialCode).to.match(/^\+[1-9]\d{0,3}$/);
      // Intl knows every region by name, so none shows as a bare code.
      expect(names.of(c.region), c.region).to.be.a('string');
      // A number's own +code splits off to this dial code (shared/phone.ts's rule).
      const parsed = normalizePhone({ phone: `${c.dialCode}2015550123` });
      expect(parsed?.ok && parsed.dialCode, `${c.region} ${c.dialCode}`).to.equal(c.dialCode);
    }
  });

  it('names the main country of a shared dial code', () => {
    expect(countryOfDialCode('+1')?.region).to.equal('US');
    expect(countryOfDialCode('+44')?.region).to.equal('GB');
    expect(countryOfDialCode('+7')?.region).to.equal('RU');
    expect(countryOfDialCode('+57')?.region).to.equal('CO');
    expect(countryOfDialCode('+999')).to.equal(undefined);
  });
});
