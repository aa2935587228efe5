/**
 * Reads a contact block an agent pastes — an e-mail signature, a booking request, a line copied
 * from a spreadsheet — into the customer form's fields, so nobody retypes a name, an e-mail and a
 * phone number for every booking.
 */
import type { CustomerInput } from '../../shared/customer.js';

/** What a pasted block gave; fields it could not find are absent. */
export type PastedContact = Partial<Pick<CustomerInput, 'firstName' | 'lastName' | 'email'>> & {
  phone?: string;
};

const EMAIL = /[^\s<>()[\]",;:]+@[^\s<>()[\]",;:]+\.[a-z]{2,}/i;
// A phone: an optional +, then digits with the separators people type; at least 7 digits in all.
const PHONE = /\+?\(?\d[\d\s().-]{5,}\d/;
// "Name:", "Phone:", "E-mail:" and the like, which labelled blocks put before a value.
const LABEL = /^\s*(?:full\s+)?(name|e-?mail|phone|tel(?:ephone)?|mobile|cell)\s*[:：-]\s*/i;
// Lines that are clearly not a person's name.
const NOT_A_NAME = /\d|@|https?:|www\./i;

const digitsIn = (text: string) => text.replace(/\D/g, '').length;

/**
 * The contact in `text`: the first e-mail address, the first run of 7 or more digits as the phone
 * (as typed: the form's dial-code rules read it), and a name from a `Name:` line or else the first
 * line that is only words. A name of several words is split at its last space (first names may be
 * two words, "Mary Ann Lopez"); "Lopez, Ana" is read surname first.
 */
export function parseContact(text: string): PastedContact {
  const contact: PastedContact = {};
  // Tabs and semicolons separate a spreadsheet's or a CSV's cells as newlines separate a block's.
  const lines = text
    .split(/[\r\n\t;|]+/)
    .map((line) => line.trim())
    .filter(Boolean);
  let named: string | undefined;
  for (const raw of lines) {
    const label = LABEL.exec(raw)?.[1]?.toLowerCase();
    const line = raw.replace(LABEL, '').trim();
    const email = EMAIL.exec(line)?.[0];
    if (email && !contact.email) contact.email = email.replace(/^mailto:/i, '');
    const phone = PHONE.exec(line.replace(EMAIL, ''))?.[0];
    if (phone && digitsIn(phone) >= 7 && !contact.phone) contact.phone = phone.trim();
    if (label === 'name' && line) named = line;
    else if (!label && !named && line && !NOT_A_NAME.test(line)) named ??= line;
  }
  if (named) Object.assign(contact, splitName(named));
  return contact;
}

function splitName(name: string): Pick<PastedContact, 'firstName' | 'lastName'> {
  const clean = name.replace(/\s+/g, ' ').trim();
  const comma = clean.indexOf(',');
  if (comma > 0) {
    const last = clean.slice(0, comma).trim();
    const first = clean.slice(comma + 1).trim();
    return first ? { firstName: first, lastName: last } : { lastName: last };
  }
  const space = clean.lastIndexOf(' ');
  if (space < 0) return { firstName: clean };
  return { firstName: clean.slice(0, space), lastName: clean.slice(space + 1) };
}
