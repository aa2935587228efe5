/**
 * The customer a shopper sends, bounded and cleaned before the shared client's checks: a name of
 * 10,000 characters, or one with NUL, ESC, line breaks, bidi overrides or lone surrogates, would
 * otherwise land in the record staff read (and the e-mails sent from it). Line breaks and tabs
 * become one space (a pasted name); every other control, a bidi control or a lone surrogate is
 * refused, with a message per field. Keys that would touch an object's prototype are refused, not
 * dropped: a client that sends one is told.
 */
import { ProxyError } from './errors.js';

// Longest value per field; any other (custom) field's text gets DEFAULT_MAX.
const MAX_LENGTH: Record<string, number> = {
  email: 254,
  firstName: 100,
  lastName: 100,
  middleName: 100,
  nickName: 100,
  title: 50,
  organization: 200,
  phone: 40,
  phoneNumber: 40,
  dialCode: 8,
  birthDate: 10,
  gender: 10,
  streetAddress: 300,
  postalCode: 20,
  state: 100,
  city: 100,
  country: 60,
};
const DEFAULT_MAX = 500;
/** Most options of a checkbox or list custom field. */
const MAX_OPTIONS = 50;
/** Most fields in one customer. */
const MAX_FIELDS = 60;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// C0 and C1 controls other than the whitespace folded below, DEL, and the bidi embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what staff and e-mails show.
const FORBIDDEN_CHARS =
  // eslint-disable-next-line no-control-regex -- matching control characters is this regex's job
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** `text` cleaned, or the problem in the shopper's words. */
function cleanText(name: string, text: string): { value: string } | { problem: string } {
  if (LONE_SURROGATE.test(text) || FORBIDDEN_CHARS.test(text))
    return { problem: `${name} contains characters that cannot be used; please retype it` };
  const value = text
    .replace(/[\r\n\t]+/g, ' ')
    .normalize('NFC')
    .trim();
  const max = MAX_LENGTH[name] ?? DEFAULT_MAX;
  if (value.length > max) return { problem: `${name} must be at most ${max} characters` };
  return { value };
}

/**
 * The customer `body` with every text cleaned; throws a 400 naming each field that cannot be
 * used (`detail.fields`, as the shared client's checks do).
 */
export function cleanCustomer(body: Record<string, unknown>): Record<string, unknown> {
  // No prototype: a `__proto__` key must land as a key, here and in the answer's `fields`.
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  const out: Record<string, unknown> = {};
  const keys = Object.keys(body);
  if (keys.length > MAX_FIELDS)
    throw new ProxyError(400, `A customer has at most ${MAX_FIELDS} fields.`);
  for (const key of keys) {
    const value = body[key];
    if (FORBIDDEN_KEYS.has(key) || key.length > 100 || FORBIDDEN_CHARS.test(key)) {
      fields[key.slice(0, 100)] = 'This is not a customer field';
      continue;
    }
    if (typeof value === 'string') {
      const cleaned = cleanText(key, value);
      if ('problem' in cleaned) fields[key] = cleaned.problem;
      else out[key] = cleaned.value;
    } else if (Array.isArray(value)) {
      if (value.length > MAX_OPTIONS) {
        fields[key] = `${key} has at most ${MAX_OPTIONS} options`;
        continue;
      }
      const options: unknown[] = [];
      for (const option of value) {
        if (typeof option !== 'string') {
          options.push(option);
          continue;
        }
        const cleaned = cleanText(key, option);
        if ('problem' in cleaned) fields[key] = cleaned.problem;
        else options.push(cleaned.value);
      }
      out[key] = options;
    } else out[key] = value;
  }
  if (Object.keys(fields).length)
    throw new ProxyError(400, Object.values(fields).join('; ') + '.', { detail: { fields } });
  return out;
}
