/**
 * The rules of `PUT /cart/{id}/customer` (Cart article, "Update Customer"; docs/wire.md, Carts): one
 * function that the widget runs before sending and the sandbox runs on what it receives.
 */
import * as z from 'zod/mini';
import { normalizePhone } from './phone.js';
import { oneOf } from './schema.js';

/** One of the account's custom customer fields, as a cart's `customFields` lists it. */
export const CustomField = z.looseObject({
  name: z.string(),
  type: oneOf(['text', 'checkbox', 'list']),
  required: z.boolean(),
  options: z.optional(z.array(z.string())),
});
/** One of the account's custom customer fields. */
export type CustomField = z.infer<typeof CustomField>;

/**
 * Body of `PUT /cart/{id}/customer`. Loose: every other top-level key is a custom field named
 * exactly like it (text → string, checkbox → array, list → array of one).
 */
export const CustomerInput = z.looseObject({
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  title: z.optional(z.string()),
  organization: z.optional(z.string()),
  middleName: z.optional(z.string()),
  nickName: z.optional(z.string()),
  phone: z.optional(z.string()),
  phoneNumber: z.optional(z.string()),
  dialCode: z.optional(z.string()),
  birthDate: z.optional(z.string()),
  gender: z.optional(oneOf(['MALE', 'FEMALE'])),
  streetAddress: z.optional(z.string()),
  postalCode: z.optional(z.string()),
  state: z.optional(z.string()),
  city: z.optional(z.string()),
  country: z.optional(z.string()),
});
/** Body of `PUT /cart/{id}/customer`. */
export type CustomerInput = z.infer<typeof CustomerInput>;

/** What a cart says the account needs (`requiredCustomerFields`, `customFields`). */
export interface CustomerRules {
  requiredCustomerFields?: readonly string[];
  customFields?: readonly CustomField[];
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

const TEXT_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'title',
  'organization',
  'middleName',
  'nickName',
  'birthDate',
  'gender',
  'streetAddress',
  'postalCode',
  'state',
  'city',
  'country',
] as const;
const PHONE_KEYS = new Set(['phone', 'phoneNumber', 'dialCode']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// "postalCode" → "postal code": enough of a label for a message without a table of names.
const label = (field: string) => field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2023-02-30 over to March; a real date survives the round trip.
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function checkCustomField(
  field: CustomField,
  value: unknown,
): { value?: string | string[]; message?: string } {
  if (value === undefined || value === null) return {};
  if (field.type === 'text') {
    if (typeof value !== 'string') return { message: `Enter ${field.name} as text` };
    return value.trim() === '' ? {} : { value: value.trim() };
  }
  const verb = field.type === 'list' ? 'Choose one option' : 'Choose options';
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string'))
    return { message: `${verb} for ${field.name} from the list` };
  if (field.options && !value.every((v) => field.options?.includes(v)))
    return { message: `${verb} for ${field.name} from: ${field.options.join(', ')}` };
  if (field.type === 'list' && value.length > 1)
    return { message: `Choose only one option for ${field.name}` };
  return value.length === 0 ? {} : { value: [...value] };
}

/**
 * Checks and normalises a customer against the documented rules and the account's `rules`.
 * Messages are keyed by field name (custom fields by their own name) and say what to do.
 */
export function validateCustomer(input: unknown, rules: CustomerRules = {}): CustomerResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, fields: { customer: 'Enter the customer’s name and email address' } };
  const source = input as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const customer: Record<string, string | string[]> = {};

  for (const key of TEXT_FIELDS) {
    const value = source[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') fields[key] = `Enter the ${label(key)} as text`;
    else if (value.trim() !== '') customer[key] = value.trim();
  }

  const email = customer['email'];
  if (typeof email !== 'string' || !EMAIL.test(email))
    fields['email'] ??= 'Enter an email address like name@example.com';
  if (customer['firstName'] === undefined) fields['firstName'] ??= 'Enter a first name';
  if (customer['lastName'] === undefined) fields['lastName'] ??= 'Enter a last name';

  const phoneKey =
    typeof source['phone'] === 'string' || source['phoneNumber'] === undefined
      ? 'phone'
      : 'phoneNumber';
  const phoneParts: { phone?: string; phoneNumber?: string; dialCode?: string } = {};
  for (const key of PHONE_KEYS) {
    const value = source[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') phoneParts[key as keyof typeof phoneParts] = value;
    else fields[key] = `Enter the ${label(key)} as text`;
  }
  const phone = normalizePhone(phoneParts);
  if (phone?.ok) {
    customer['dialCode'] = phone.dialCode;
    customer['phone'] = phone.phone;
  } else if (phone) fields[phoneKey] ??= phone.message;

  const gender = customer['gender'];
  if (typeof gender === 'string') {
    const upper = gender.toUpperCase();
    if (upper === 'MALE' || upper === 'FEMALE') customer['gender'] = upper;
    else fields['gender'] = 'Choose MALE or FEMALE for gender, or leave it empty';
  }
  const country = customer['country'];
  if (typeof country === 'string') {
    customer['country'] = country.toUpperCase();
    if (!/^[A-Z]{3}$/.test(customer['country']))
      fields['country'] = 'Enter the 3-letter country code, like USA';
  }
  const state = customer['state'];
  if (typeof state === 'string') {
    customer['state'] = state.toUpperCase();
    if (customer['country'] === 'USA' && !/^[A-Z]{2}$/.test(customer['state']))
      fields['state'] = 'Enter the 2-letter state code, like UT';
  }
  const birthDate = customer['birthDate'];
  if (typeof birthDate === 'string' && !isRealDate(birthDate))
    fields['birthDate'] = 'Enter the birth date as YYYY-MM-DD, like 1980-11-30';

  const custom = new Map((rules.customFields ?? []).map((field) => [field.name, field]));
  for (const [key, value] of Object.entries(source)) {
    if (PHONE_KEYS.has(key) || (TEXT_FIELDS as readonly string[]).includes(key)) continue;
    const field = custom.get(key) ?? { name: key, type: 'text', required: false };
    // An extra key the cart did not announce is still a custom field (docs/wire.md, Carts): a text
    // one unless it is an array, so an account's new field is not dropped on the way.
    const checked =
      custom.has(key) || !Array.isArray(value)
        ? checkCustomField(field, value)
        : checkCustomField({ ...field, type: 'checkbox' }, value);
    if (checked.message) fields[key] = checked.message;
    else if (checked.value !== undefined) customer[key] = checked.value;
  }

  for (const field of custom.values()) {
    if (field.required && customer[field.name] === undefined)
      fields[field.name] ??=
        field.type === 'text'
          ? `Enter ${field.name}`
          : `${field.type === 'list' ? 'Choose one option' : 'Choose at least one option'} for ${field.name}`;
  }
  for (const name of rules.requiredCustomerFields ?? []) {
    if (customer[name] !== undefined || fields[name] !== undefined) continue;
    if (name === 'phone' && fields['phoneNumber'] !== undefined) continue;
    fields[name] = name === 'phone' ? 'Enter a phone number' : `Enter the ${label(name)}`;
  }

  return Object.keys(fields).length > 0
    ? { ok: false, fields }
    : { ok: true, customer: customer as Customer };
}
