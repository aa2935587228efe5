/**
 * The building blocks every resource's schemas share, the `{ errorMessage, data }` envelope, and the
 * one place that turns zod issues into messages a person can act on (zod/mini ships no locale).
 *
 * Size matters here (shared/ ships in the widget): every rule is a `z.custom`, the primitives too,
 * so the bundle carries one zod check class instead of one per kind (`z.string`, `z.number`,
 * `z.boolean`, `z.enum`, `z.literal`, `z.refine`, `z.superRefine` and `z.record` each cost
 * 0.1–0.6 KiB gzipped), and an issue carries only the tail of its message ("as a date like
 * 2026-11-25"): {@link fieldsOf} puts the verb and the path in front.
 */
import * as z from 'zod/mini';

/** A plain object (not `null`, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A `T` that passes `test`; otherwise the issue says how to give it (`as a date like …`). */
export const where = <T>(test: (value: unknown) => boolean, how: string) => z.custom<T>(test, how);

/** A required string. */
export const str = where<string>((value) => typeof value === 'string', 'as a string');
/** A required number: finite, as JSON carries numbers (what `z.number` accepts). */
export const num = where<number>(Number.isFinite, 'as a number');
/** A `true` or `false`. */
export const bool = where<boolean>((value) => typeof value === 'boolean', 'as a boolean');
/** A string that may be missing. */
export const optStr = z.optional(str);
/** A number that may be missing. */
export const optNum = z.optional(num);
/** A string that may be missing or `null`. */
export const maybeStr = z.nullish(str);
/** A list of strings. */
export const strList = z.array(str);

const stringWhere = (pattern: RegExp, how: string) =>
  where<string>((value) => typeof value === 'string' && pattern.test(value), how);

/** A non-empty string (ids, codes); the message is just "Enter <path>". */
export const someStr = where<string>((value) => typeof value === 'string' && value !== '', '');
/** A calendar date as the query filters take it. */
export const Day = stringWhere(/^\d{4}-\d\d-\d\d$/, 'as a date like 2026-11-25');
/** A month or a day, as the inventory window takes it. */
export const Month = stringWhere(/^\d{4}-\d\d(-\d\d)?$/, 'as a date like 2026-11 or 2026-11-25');

/** One of a few fixed values (the type is their union). */
export const oneOf = <const T extends string | number>(values: readonly T[]) =>
  where<T>((value) => values.includes(value as T), `as one of: ${values.join(', ')}`);

/** The shape `{ id, name }` of tags, pickup details and locations, to spread into an object. */
export const NamedShape = { id: str, name: str };

const wholeFrom = (min: number) =>
  z.optional(
    where<number>(
      (n) => Number.isInteger(n) && (n as number) >= min,
      `as a whole number, ${min} or more`,
    ),
  );
/** Page through a list endpoint: `limit` (default 50) and a 0-based `page` index. */
export const Page = { limit: wholeFrom(1), page: wholeFrom(0) };

/** Name → number (prices and seats by tier). */
export const NumberMap = where<Record<string, number>>(
  (value) => isRecord(value) && Object.values(value).every((n) => typeof n === 'number'),
  'as names with numbers',
);

/** A `csv` query parameter: one string, or a list we join with commas. */
export const Csv = z.optional(
  where<string | readonly (string | number)[]>(
    (value) => typeof value === 'string' || Array.isArray(value),
    'as text or a list',
  ),
);

/**
 * A quantity of guests or units: a whole number 0 or more, or its digits as text ("2"), as real
 * clients send them (docs/wire.md, Carts). `undefined` when it is neither.
 */
export function quantity(value: unknown): number | undefined {
  if (typeof value === 'number')
    return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^\s*\d{1,9}\s*$/.test(value)) return Number(value);
  return undefined;
}

/** Every response but `POST /authenticate` and `GET /cart/{id}/renew`: `{ errorMessage, data }`. */
export const envelope = <T extends z.ZodMiniType>(data: T) =>
  z.looseObject({ errorMessage: z.nullable(str), data });
/** The envelope around data of any shape. */
export const Envelope = envelope(z.unknown());
/** The envelope around data of any shape. */
export type Envelope = z.infer<typeof Envelope>;

/**
 * A zod error map for the issues our own rules do not word: nothing for a missing value, the
 * expected type for a wrong one ("as a number"). Passed to every parse.
 */
export function describeIssue(issue: z.core.$ZodRawIssue): string {
  return issue.code === 'invalid_type' && issue.input !== undefined
    ? `as ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`
    : '';
}

/** A zod path as people write it: `data.items[0].total`. */
export const pathOf = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );

/**
 * The issues as `{ path: "<verb> path how" }` ("Enter participants.Adult as a whole number, 0 or
 * more"), the first issue of each path only.
 */
export function fieldsOf(issues: readonly z.core.$ZodIssue[], verb = 'Enter') {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = pathOf(issue.path) || 'value';
    fields[path] ??= `${verb} ${path} ${issue.message}`.trimEnd();
  }
  return fields;
}
