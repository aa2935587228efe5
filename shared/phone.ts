/**
 * The customer's phone, read the four ways the Cart article allows ("Update Customer", phone number
 * handling) and stored the one way docs/wire.md fixes: `{ dialCode: '+1', phone: '5551234567' }`.
 */

/** The result of {@link normalizePhone}: the stored pair, or a message a person can act on. */
export type PhoneResult =
  { ok: true; dialCode: string; phone: string } | { ok: false; message: string };

// Country codes are prefix-free (ITU E.164), so a `+4420…` number splits without a table of
// countries: 1 and 7 are the one-digit codes, these are the two-digit ones (20 27, 30–34 36 39,
// 40 41 43–49, 51–58, 60–66, 81 82 84 86, 90–95 98), every other code has three digits.
const TWO_DIGIT = /^(2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58])/;

// The national trunk prefix, dialled before the area code inside the country and dropped after
// its dial code ("020 7946 0958" is +44 20 7946 0958). Only where the country uses one: an Italian
// or a Spanish number keeps its leading 0 or 9, as they belong to the number. Default none.
const TRUNK: Record<string, string> = {
  // 8 in Russia, Kazakhstan, Belarus, Lithuania and Turkmenistan; 06 in Hungary.
  '+7': '8',
  '+375': '8',
  '+370': '8',
  '+993': '8',
  '+36': '06',
  ...Object.fromEntries(
    (
      '20 27 31 32 33 40 41 43 44 46 49 51 53 54 55 58 60 61 62 63 64 66 81 82 84 86 90 91 92 93 ' +
      '94 95 98 212 213 218 233 234 250 251 254 255 256 260 263 264 355 358 359 353 373 374 ' +
      '380 381 382 385 386 387 389 421 591 593 595 598 855 856 880 886 961 962 963 964 966 ' +
      '967 970 971 972 976 977 992 994 995 996'
    )
      .split(' ')
      .map((code) => [`+${code}`, '0']),
  ),
};

// What people type between digits: "(555) 123-4567", "555.123.4567", "+44 20 7946 0958".
const SEPARATORS = /[\s().-]/g;

function splitCountryCode(digits: string): [code: string, rest: string] {
  const length = /^[17]/.test(digits) ? 1 : TWO_DIGIT.test(digits) ? 2 : 3;
  return [digits.slice(0, length), digits.slice(length)];
}

/**
 * Normalises a phone given as `phone` or `phoneNumber`, with or without `dialCode`, or prefixed
 * `+<code>`, or neither (US, +1). `undefined` when no number was given.
 */
export function normalizePhone(input: {
  phone?: string;
  phoneNumber?: string;
  dialCode?: string;
}): PhoneResult | undefined {
  const raw = (input.phone?.trim() || input.phoneNumber?.trim()) ?? '';
  // A dial code alone is a form's country picker with an empty number: nothing to store.
  if (raw === '') return undefined;

  let dialCode: string | undefined;
  const dialRaw = input.dialCode?.trim().replace(SEPARATORS, '') ?? '';
  if (dialRaw !== '') {
    if (!/^\+?[1-9]\d{0,3}$/.test(dialRaw))
      return { ok: false, message: 'Enter the dial code as + and 1 to 4 digits, like +1' };
    dialCode = dialRaw.startsWith('+') ? dialRaw : `+${dialRaw}`;
  }

  const compact = raw.replace(SEPARATORS, '');
  if (!/^\+?\d+$/.test(compact))
    return {
      ok: false,
      message: 'Enter the phone number with digits only (spaces, dashes and brackets are fine)',
    };

  let digits = compact;
  if (compact.startsWith('+')) {
    const [code, rest] = splitCountryCode(compact.slice(1));
    if (dialCode !== undefined && dialCode !== `+${code}`)
      return {
        ok: false,
        message: `The number starts with +${code} but the dial code is ${dialCode}: make them match`,
      };
    dialCode = `+${code}`;
    digits = rest;
  }
  dialCode ??= '+1';
  const trunk = TRUNK[dialCode];
  // "+44 (0)20 7946 0958" and "020 7946 0958" under +44 are the same number.
  if (trunk && digits.startsWith(trunk)) digits = digits.slice(trunk.length);

  if (dialCode === '+1') {
    // A North American number is often written with its trunk prefix: 1 555 123 4567.
    if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
    if (digits.length !== 10)
      return { ok: false, message: 'Enter the 10-digit phone number with its area code' };
  } else if (digits.length < 4 || dialCode.length - 1 + digits.length > 15) {
    // E.164 caps a full number at 15 digits.
    return { ok: false, message: 'Enter the whole phone number, without the dial code' };
  }
  return { ok: true, dialCode, phone: digits };
}
