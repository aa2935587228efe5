import { expect } from '@open-wc/testing';
import { parseContact } from '../../../extension/booking/contact-paste.js';

describe('parseContact', () => {
  it('reads an e-mail signature', () => {
    expect(parseContact('Ana Lopez\nana.lopez@example.com\n(555) 123-4567')).to.deep.equal({
      firstName: 'Ana',
      lastName: 'Lopez',
      email: 'ana.lopez@example.com',
      phone: '(555) 123-4567',
    });
  });

  it('reads a labelled block, whatever order its lines come in', () => {
    expect(
      parseContact('Phone: +44 20 7946 0958\nE-mail: kim@example.co.uk\nName: Kim Ng'),
    ).to.deep.equal({
      firstName: 'Kim',
      lastName: 'Ng',
      email: 'kim@example.co.uk',
      phone: '+44 20 7946 0958',
    });
  });

  it('reads a spreadsheet row (tabs) and a CSV-like line (semicolons)', () => {
    expect(parseContact('Mary Ann Smith\tmary@example.com\t555 987 6543')).to.deep.equal({
      firstName: 'Mary Ann',
      lastName: 'Smith',
      email: 'mary@example.com',
      phone: '555 987 6543',
    });
    expect(parseContact('Lopez, Ana; ana@example.com')).to.deep.equal({
      firstName: 'Ana',
      lastName: 'Lopez',
      email: 'ana@example.com',
    });
  });

  it('takes the address out of "Name <address>" and a mailto:', () => {
    expect(parseContact('Ana Lopez <ana@example.com>').email).to.equal('ana@example.com');
    expect(parseContact('mailto:ana@example.com').email).to.equal('ana@example.com');
  });

  it('takes no short number for a phone, nor a street line for a name', () => {
    expect(parseContact('Ana Lopez\n12 Main St\nRoom 214')).to.deep.equal({
      firstName: 'Ana',
      lastName: 'Lopez',
    });
  });

  it('finds nothing in text without a contact', () => {
    expect(parseContact('   \n\n')).to.deep.equal({});
    expect(parseContact('see you at 9')).to.deep.equal({});
  });
});
