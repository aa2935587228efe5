/**
 * The building blocks every resource's schemas share, the `{ errorMessage, data }` envelope, and the
 * one place that turns zod issues into messages a person can act on (zod/mini ships no locale).
 */
import * as z from 'zod/mini';

/** A required string. */
export const str = z.string();
/** A required number. */
export const num = z.number();
/** A string that may be missing. */
export const optStr = z.optional(str);
/** A number that may be missing. */
export const optNum = z.optional(num);
/** A string that may be missing or `null`. */
export const maybeStr = z.nullish(str);
/** A list of strings. */
export const strList = z.array(str);

// Every input rule is a refine: one zod check class in the bundle instead of one per kind.
/** A string that passes `test`, else the issue says `message`. */
export const strWhere = (test: (value: string) => boolean, message: string) =>
  str.check(z.refine(test, message));
/** A non-empty string (ids, codes). */
export const someStr = strWhere(Boolean, 'is required');
/** A calendar date as the query filters take it. */
export const Day = strWhere(
  (value) => /^\d{4}-\d\d-\d\d$/.test(value),
  'must be a date like 2026-11-25',
);
/** The shape `{ id, name }` of tags, pickup details and locations, to spread into an object. */
export const NamedShape = { id: str, name: str };

const wholeFrom = (min: number) =>
  z.optional(
    num.check(
      z.refine((n) => Number.isInteger(n) && n >= min, `must be a whole number, ${min} or more`),
    ),
  );
/** Page through a list endpoint: `limit` (default 50) and a 0-based `page` index. */
export const Page = { limit: wholeFrom(1), page: wholeFrom(0) };

/** A plain object (not `null`, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Name → number (prices and seats by tier). A custom check: `z.record` costs 0.6 KiB gzipped. */
export const NumberMap = z.custom<Record<string, number>>(
  (value) => isRecord(value) && Object.values(value).every((n) => typeof n === 'number'),
  'must map names to numbers',
);

/** A `csv` query parameter: one string, or a list we join with commas. */
export const Csv = z.optional(
  z.custom<string | readonly (string | number)[]>(
    (value) => typeof value === 'string' || Array.isArray(value),
    'must be text or a list',
  ),
);

/** Every response but `POST /authenticate` and `GET /cart/{id}/renew`: `{ errorMessage, data }`. */
export const envelope = <T extends z.ZodMiniType>(data: T) =>
  z.looseObject({ errorMessage: z.nullable(str), data });
/** The envelope around data of any shape. */
export const Envelope = envelope(z.unknown());
/** The envelope around data of any shape. */
export type Envelope = z.infer<typeof Envelope>;

type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  int: 'a whole number',
  string: 'text',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  boolean: 'true or false',
};

/**
 * A zod error map: the issue as a phrase that follows the field's path ("is required",
 * "must be a whole number"). Passed to every parse, so our schemas carry almost no message text.
 */
export function describeIssue(issue: Issue): string {
  if (issue.code === 'invalid_type')
    return issue.input === undefined
      ? 'is required'
      : `must be ${TYPE_NAMES[issue.expected] ?? `a ${issue.expected}`}`;
  if (issue.code === 'too_small')
    return `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
  if (issue.code === 'invalid_value') return `must be one of: ${issue.values.join(', ')}`;
  return 'is invalid';
}

/** A zod path as people write it: `data.items[0].total`. */
export const pathOf = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );

/** The issues as `{ path: "path phrase" }`, the first issue of each path only. */
export function fieldsOf(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = pathOf(issue.path) || 'value';
    fields[path] ??= `${path} ${issue.message}`;
  }
  return fields;
}
