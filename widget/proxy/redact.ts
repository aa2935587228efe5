/** Strips what a shopper must not see from every answer the proxy passes on. */

/**
 * Keys removed at any depth: internal comments, the staff user who made the cart or order, agent
 * and agency data, and the billing memo (the operator's own note on how the order is paid).
 */
export const HIDDEN_KEYS: ReadonlySet<string> = new Set([
  'internalComment',
  'createdBy',
  'createdByEmail',
  'reseller',
  'agentId',
  'agencyId',
  'agentEmail',
  'agentName',
  'billing',
]);

/** A deep copy of `value` without {@link HIDDEN_KEYS}. */
export function redact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(redact) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value))
    if (!HIDDEN_KEYS.has(key)) copy[key] = redact(field);
  return copy as T;
}

// JSON.stringify writes every key of every object as `"key":`, and none of HIDDEN_KEYS needs
// escaping, so text without this pattern has none of them at any depth. A match can be a false
// alarm (the words inside a string value or a longer key): that only costs the full walk.
const HIDDEN_KEY_TEXT = new RegExp(`"(?:${[...HIDDEN_KEYS].join('|')})":`);

/**
 * `JSON.stringify(redact(value))`, but the walk and its copy are made only when the plain text
 * shows a hidden key: catalogue answers, the proxy's busiest, almost never have one.
 */
export function redactedJson(value: unknown): string {
  const text = JSON.stringify(value);
  return HIDDEN_KEY_TEXT.test(text) ? JSON.stringify(redact(value)) : text;
}
