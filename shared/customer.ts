/**
 * The rules of `PUT /cart/{id}/customer` (Cart article, "Update Customer"; docs/wire.md, Carts): one
 * function that the widget runs before sending and the sandbox runs on what it receives.
 */
import * as z from 'zod/mini';
import { normalizePhone } from './phone.js';
import { bool, isRecord, oneOf, optStr, str, strList } from './schema.js';

/** One of the account's custom customer fields, as a cart's `customFields` lists it. */
export const CustomField = z.looseObject({
  name: str,
  type: oneOf(['text', 'checkbox', 'list']),
  required: bool,
  options: z.optional(strList),
});
/** One of the account's custom customer fields. */
export type CustomField = z.infer<typeof CustomField>;

// The documented keys that take any text, but for the phone's (normalised by phone.ts).
const TEXT_KEYS = [
  'title',
  'organization',
  'middleName',
  'nickName',
  'phone',
  'phoneNumber',
  'dialCode',
  'birthDate',
  'streetAddress',
  'postalCode',
  'state',
  'city',
  'country',
] as const;

/**
 * Body of `PUT /cart/{id}/customer`. Loose: every other top-level key is a custom field named
 * exactly like it (text → string, checkbox → array, list → array of one).
 */
export const CustomerInput = z.looseObject({
  email: str,
  firstName: str,
  lastName: str,
  gender: z.optional(oneOf(['MALE', 'FEMALE'])),
  ...(Object.fromEntries(TEXT_KEYS.map((key) => [key, optStr])) as Record<
    (typeof TEXT_KEYS)[number],
    typeof optStr
  >),
});
/** Body of `PUT /cart/{id}/customer`. */
export type CustomerInput = z.infer<typeof CustomerInput>;

/** What a cart says the account needs (`requiredCustomerFields`, `customFields`). */
export interface CustomerRules {
  requiredCustomerFields?: readonly string[];
  customFields?: readonly CustomField[];
  /**
   * Refuse a key that is neither documented nor one of `customFields`, instead of passing it on as
   * a custom field: for input from someone who may not write the customer record freely (a shopper
   * through the proxy could otherwise add notes staff would read, like "paid in full").
   */
  announcedOnly?: boolean;
}

/** A customer after {@link validateCustomer}: trimmed, phone as `{ dialCode, phone }`, codes upper-case. */
export interface Customer {
  email: string;
  firstName: string;
  lastName: string;
  title?: string;
  organization?: string;
  middleName?: string;
  nickName?: string;
  dialCode?: string;
  phone?: string;
  birthDate?: string;
  gender?: 'MALE' | 'FEMALE';
  streetAddress?: string;
  postalCode?: string;
  state?: string;
  city?: string;
  country?: string;
  /** Custom fields: text as a string, checkbox and list as arrays of options. */
  [customField: string]: string | string[] | undefined;
}

/** The outcome of {@link validateCustomer}: `fields` maps a field name to what to do about it. */
export type CustomerResult =
  { ok: true; customer: Customer } | { ok: false; fields: Record<string, string> };

/**
 * The documented keys, CustomerInput's, as a list: the rules run without the schema where no
 * schema is carried (shared/schemas.ts).
 */
export const CUSTOMER_KEYS: readonly string[] = [
  'email',
  'firstName',
  'lastName',
  'gender',
  ...TEXT_KEYS,
];
const PHONE_KEYS = ['phone', 'phoneNumber', 'dialCode'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// "postalCode" → "postal code": enough of a label for a message without a table of names.
const label = (key: string) =>
  key === 'phone' ? 'phone number' : key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

// A real calendar day: 2023-02-29 rolls over to March (or is invalid) and does not survive the trip.
function isRealDate(text: string): boolean {
  const date = new Date(text);
  return (
    /^\d{4}-\d\d-\d\d$/.test(text) &&
    !Number.isNaN(date.getTime()) &&
    date.toISOString().startsWith(text)
  );
}

/**
 * Checks and normalises a customer against the documented rules and the account's `rules`.
 * Messages are keyed by field name (custom fields by their own name) and say what to do.
 */
export function validateCustomer(input: unknown, rules: CustomerRules = {}): CustomerResult {
  if (!isRecord(input))
    return { ok: false, fields: { customer: 'Enter the customer’s name and email address' } };
  const fields: Record<string, string> = {};
  const customer: Record<string, string | string[]> = {};
  const text = (key: string) => customer[key] as string | undefined;
  const phoneParts: Record<string, string> = {};
  const custom = new Map((rules.customFields ?? []).map((field) => [field.name, field]));

  for (const [key, value] of Object.entries(input)) {
    // null is what forms and real clients send for "not given", like an empty string.
    if (value === undefined || value === null) continue;
    const documented = CUSTOMER_KEYS.includes(key);
    const field = custom.get(key);
    if (rules.announcedOnly && !documented && !field) {
      fields[key] = `${key} is not a customer field of this checkout`;
      continue;
    }
    // An extra key the cart did not announce is still a custom field (docs/wire.md, Carts): a text
    // one unless it is an array, so an account's new field is not dropped on the way.
    const type = documented
      ? 'text'
      : (field?.type ?? (Array.isArray(value) ? 'checkbox' : 'text'));
    const options = field?.options;
    if (type === 'text') {
      if (typeof value !== 'string') fields[key] = `Enter ${documented ? label(key) : key} as text`;
      else if (PHONE_KEYS.includes(key)) phoneParts[key] = value;
      else if (value.trim()) customer[key] = value.trim();
    } else if (
      !Array.isArray(value) ||
      !value.every((v) => typeof v === 'string' && (!options || options.includes(v)))
    )
      fields[key] =
        `Choose ${type === 'list' ? 'one option' : 'options'} for ${key}` +
        (options ? ` from: ${options.join(', ')}` : '');
    else if (type === 'list' && value.length > 1) fields[key] = `Choose only one option for ${key}`;
    else if (value.length) customer[key] = [...(value as string[])];
  }

  const phone = normalizePhone(phoneParts);
  if (phone?.ok) {
    customer['dialCode'] = phone.dialCode;
    customer['phone'] = phone.phone;
  } else if (phone) {
    // Keyed by the field the form used.
    const key =
      typeof input['phone'] === 'string' || input['phoneNumber'] === undefined
        ? 'phone'
        : 'phoneNumber';
    fields[key] ??= phone.message;
  }

  for (const key of ['gender', 'state', 'country']) {
    const value = text(key);
    if (value) customer[key] = value.toUpperCase();
  }
  const gender = text('gender');
  const country = text('country');
  const state = text('state');
  const birthDate = text('birthDate');
  if (gender && gender !== 'MALE' && gender !== 'FEMALE')
    fields['gender'] = 'Choose MALE or FEMALE for gender, or leave it empty';
  if (country && !/^[A-Z]{3}$/.test(country))
    fields['country'] = 'Enter the 3-letter country code, like USA';
  if (state && country === 'USA' && !/^[A-Z]{2}$/.test(state))
    fields['state'] = 'Enter the 2-letter state code, like UT';
  if (birthDate && !isRealDate(birthDate))
    fields['birthDate'] = 'Enter the birth date as YYYY-MM-DD, like 1980-11-30';
  if (!EMAIL.test(text('email') ?? ''))
    fields['email'] ??= 'Enter an email address like name@example.com';

  for (const field of custom.values())
    if (field.required && customer[field.name] === undefined)
      fields[field.name] ??=
        field.type === 'text'
          ? `Enter ${field.name}`
          : `Choose ${field.type === 'list' ? 'one option' : 'at least one option'} for ${field.name}`;
  for (const key of ['firstName', 'lastName', ...(rules.requiredCustomerFields ?? [])])
    if (customer[key] === undefined && !fields[key] && !(key === 'phone' && fields['phoneNumber']))
      fields[key] = `Enter ${/^[aeiou]/.test(label(key)) ? 'an' : 'a'} ${label(key)}`;

  return Object.keys(fields).length
    ? { ok: false, fields }
    : { ok: true, customer: customer as Customer };
}
