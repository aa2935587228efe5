/**
 * The agent's suppliers and the websites that identify them: which supplier the site being browsed
 * belongs to, the list the side panel shows, and the JSON an agent exports and imports. Pure and
 * framework-free (no DOM beyond `URL`, no Lit, no extension APIs), so it is tested exhaustively.
 */
import * as z from 'zod/mini';

/**
 * A supplier as the agent keeps it: the operator's `entityId` (the one its products carry), the
 * name the agent gave it, and its website patterns as typed (see {@link parsePattern}).
 */
export const Supplier = z.object({
  entityId: z.string().check(z.trim(), z.minLength(1)),
  name: z.string(),
  patterns: z.array(z.string()),
});
/** A supplier as the agent keeps it. */
export type Supplier = z.infer<typeof Supplier>;

/** A supplier as the panel shows it: saved settings merged with what the API lists. */
export interface ListedSupplier extends Supplier {
  /** The API lists this supplier's products: the agent may book it now. */
  available: boolean;
  /** The agent named it; otherwise `name` is a fallback such as "Supplier …0001". */
  named: boolean;
}

/**
 * One website pattern, parsed. It matches a page when the scheme (if given), the host and the
 * path prefix (if given) all match; the port is ignored, as browsers' match patterns ignore it.
 */
export interface SitePattern {
  /** `http` or `https` when the agent wrote one; either matches when absent. */
  scheme: 'http' | 'https' | undefined;
  /** The host, lower case, internationalised names in their `xn--` form, without `*.`. */
  host: string;
  /** `*.` was given: subdomains of `host` match too (and `host` itself). */
  subdomains: boolean;
  /** The path the page's path must start with; `''` for any path. */
  path: string;
  /** The path ended in `*`: any continuation matches, not only the path and what is below it. */
  pathWildcard: boolean;
  /** The pattern written back in its normal form (lower-case host, no port, no trailing `/*`). */
  text: string;
}

/** What {@link parsePattern} answers: the pattern, or why it is not one, in the agent's words. */
export type PatternResult = { ok: true; pattern: SitePattern } | { ok: false; message: string };

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const EXAMPLE = 'for example *.canyonkayak.com or https://book.canyonkayak.com/tours/*';

/**
 * Reads a website pattern as an agent types it: a host (`canyonkayak.com`, `127.0.0.1`,
 * `localhost`, `[::1]`), optionally `*.` before it for its subdomains, optionally `http://`,
 * `https://` or `*://` before that, a port (ignored), and a path prefix (`/tours/*`, `/tours`).
 * Whole URLs pasted from the address bar work when they have no `?` or `#` part.
 */
export function parsePattern(input: string): PatternResult {
  const fail = (message: string): PatternResult => ({ ok: false, message });
  let rest = input.trim();
  if (rest === '') return fail(`Enter a website, ${EXAMPLE}.`);
  if (/\s/.test(rest)) return fail('A website pattern has no spaces.');
  if (/[?#]/.test(rest)) return fail('Leave out the part from ? or # on: patterns match by path.');

  let scheme: SitePattern['scheme'];
  const schemeMatch = /^([a-z][a-z0-9+.-]*|\*):\/\//i.exec(rest);
  if (schemeMatch) {
    const written = schemeMatch[1]!.toLowerCase();
    if (written === 'http' || written === 'https') scheme = written;
    else if (written !== '*')
      return fail(`Only http and https sites can be matched, not ${written}.`);
    rest = rest.slice(schemeMatch[0].length);
  } else if (/^[a-z][a-z0-9+.-]*:(?!\d*(?:\/|$))/i.test(rest)) {
    // "mailto:…", "javascript:…": a scheme without //, where a host would have a port. A dot
    // before the colon ("canyonkayak.com:abc") is a host: what follows it is a bad port.
    if (/^[^:]*\.[^:]*:|^localhost:/i.test(rest)) return fail('A port is a number, such as :8080.');
    return fail(`Only http and https sites can be matched, ${EXAMPLE}.`);
  }

  const slash = rest.indexOf('/');
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const rawPath = slash === -1 ? '' : rest.slice(slash);
  if (authority.includes('@')) return fail('Leave out the user name and @ before the host.');

  // Split off the port: after the last ':' unless that ':' is inside an IPv6 address's brackets.
  let hostPart = authority;
  const portMatch = /:(\d*)$/.exec(authority);
  if (portMatch && !/^\[[^\]]*$/.test(authority.slice(0, portMatch.index))) {
    hostPart = authority.slice(0, portMatch.index);
    const port = portMatch[1]!;
    if (port !== '' && Number(port) > 65535) return fail(`${port} is not a port number.`);
  } else if (/:[^\]]*$/.test(authority) && !authority.startsWith('[')) {
    return fail('A port is a number, such as :8080.');
  }

  let subdomains = false;
  if (hostPart.startsWith('*.')) {
    subdomains = true;
    hostPart = hostPart.slice(2);
  }
  if (hostPart === '*' || hostPart === '')
    return fail(
      hostPart === '*'
        ? 'A pattern for every site would match any supplier: name the supplier’s host.'
        : `Name the supplier’s host, ${EXAMPLE}.`,
    );
  if (hostPart.includes('*'))
    return fail('A * in the host goes only at its start, as in *.canyonkayak.com.');

  const host = normalHost(hostPart);
  if (host === undefined) return fail(`${hostPart} is not a host name, ${EXAMPLE}.`);
  if (subdomains && (host.startsWith('[') || /^[\d.]+$/.test(host)))
    return fail('An IP address has no subdomains: leave out the *. before it.');
  // We chose not to ship a public-suffix list: one label (*.com) is the case an agent can type.
  if (subdomains && !host.includes('.'))
    return fail(
      `*.${host} would match every site under .${host}: name the supplier’s own domain, as in *.canyonkayak.com.`,
    );

  const star = rawPath.indexOf('*');
  if (star !== -1 && star !== rawPath.length - 1)
    return fail('A * in the path goes only at its end, as in /tours/*.');
  let path = normalPath(star === -1 ? rawPath : rawPath.slice(0, -1));
  // "/" and "/*" are every path: the same as none. "/tours/" is everything below it: "/tours/*".
  if (path === '/') path = '';
  const pathWildcard = path !== '' && (star !== -1 || path.endsWith('/'));

  const text =
    (scheme ? `${scheme}://` : '') +
    (subdomains ? '*.' : '') +
    host +
    path +
    (pathWildcard ? '*' : '');
  return { ok: true, pattern: { scheme, host, subdomains, path, pathWildcard, text } };
}

/** Why `input` is not a website pattern, or `undefined` when it is one. */
export function patternProblem(input: string): string | undefined {
  const result = parsePattern(input);
  return result.ok ? undefined : result.message;
}

/** A host in the form `URL` gives a page's host, or `undefined` when it is not one. */
function normalHost(written: string): string | undefined {
  if (written.startsWith('[')) {
    try {
      const host = new URL(`http://${written}/`).hostname;
      return host.startsWith('[') ? host : undefined;
    } catch {
      return undefined;
    }
  }
  let host: string;
  try {
    host = new URL(`http://${written}/`).hostname;
  } catch {
    return undefined;
  }
  // URL accepts "a..b", "_x" and a few others that no site is served from: check what it made.
  const labels = host.replace(/\.$/, '').split('.');
  if (!labels.every((label) => HOST_LABEL.test(label))) return undefined;
  return labels.join('.');
}

/** A path in the form `URL` gives a page's path (percent-encoded the same way). */
function normalPath(written: string): string {
  if (written === '') return '';
  return new URL(written, 'http://h/').pathname;
}

/** Does the parsed `pattern` match the page at `url` (already parsed)? */
function matches(pattern: SitePattern, url: URL): boolean {
  const scheme = url.protocol.slice(0, -1);
  if (pattern.scheme && pattern.scheme !== scheme) return false;
  const host = url.hostname.replace(/\.$/, '');
  const hostMatches =
    host === pattern.host || (pattern.subdomains && host.endsWith(`.${pattern.host}`));
  if (!hostMatches) return false;
  if (pattern.path === '') return true;
  const path = url.pathname;
  if (pattern.pathWildcard) return path.startsWith(pattern.path);
  // "/tours" is that page and what is below it, not "/tours-old".
  return path === pattern.path || path.startsWith(`${pattern.path}/`);
}

/**
 * How specific a matching pattern is, compared element by element: the longer host first (a
 * subdomain's pattern beats its parent's), then an exact host over `*.`, then the longer path,
 * then a written scheme over none.
 */
function specificity(pattern: SitePattern): [number, number, number, number] {
  return [
    pattern.host.length,
    pattern.subdomains ? 0 : 1,
    pattern.path.length,
    pattern.scheme ? 1 : 0,
  ];
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * The supplier whose website the page at `url` is on, or `undefined`. The most specific pattern
 * wins (see `specificity`); between equally specific ones, the supplier listed first. Entries
 * marked `available: false` are never offered (the agent cannot book them), patterns that do not
 * parse are skipped, and pages other than http and https match nothing.
 */
export function supplierForUrl<S extends Supplier & { available?: boolean }>(
  url: string,
  suppliers: readonly S[],
): S | undefined {
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return undefined;
  }
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return undefined;
  let best: { supplier: S; rank: number[] } | undefined;
  for (const supplier of suppliers) {
    if (supplier.available === false) continue;
    for (const written of supplier.patterns) {
      const parsed = parsePattern(written);
      if (!parsed.ok || !matches(parsed.pattern, page)) continue;
      const rank = specificity(parsed.pattern);
      if (!best || compare(rank, best.rank) > 0) best = { supplier, rank };
    }
  }
  return best?.supplier;
}

/** The name a supplier the agent has not named goes by: "Supplier …" and its id's last 4 characters. */
export function fallbackName(entityId: string): string {
  return `Supplier …${entityId.slice(-4)}`;
}

const byName = (a: ListedSupplier, b: ListedSupplier) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true }) ||
  a.entityId.localeCompare(b.entityId);

/**
 * The suppliers the panel lists: every supplier the API says the agent may book (`known`, the
 * `entityId`s of their products), named as the agent named it, else by its `fallbackName` or
 * {@link fallbackName}; then the saved ones the API no longer lists, kept (the agent's patterns
 * are not thrown away because a contract lapsed) but `available: false`. Each group is sorted by
 * name; a supplier appears once even if `known` repeats it.
 */
export function mergeSuppliers(
  known: readonly { entityId: string; fallbackName?: string }[],
  saved: readonly Supplier[],
): ListedSupplier[] {
  const savedById = new Map(saved.map((entry) => [entry.entityId, entry]));
  const seen = new Set<string>();
  const available: ListedSupplier[] = [];
  for (const { entityId, fallbackName: fallback } of known) {
    if (seen.has(entityId)) continue;
    seen.add(entityId);
    const entry = savedById.get(entityId);
    const name = entry?.name.trim() ?? '';
    available.push({
      entityId,
      name: name || fallback?.trim() || fallbackName(entityId),
      patterns: [...(entry?.patterns ?? [])],
      available: true,
      named: name !== '',
    });
  }
  const gone: ListedSupplier[] = [];
  for (const entry of saved) {
    if (seen.has(entry.entityId)) continue;
    seen.add(entry.entityId);
    const name = entry.name.trim();
    gone.push({
      entityId: entry.entityId,
      name: name || fallbackName(entry.entityId),
      patterns: [...entry.patterns],
      available: false,
      named: name !== '',
    });
  }
  return [...available.sort(byName), ...gone.sort(byName)];
}

/** The format version {@link exportSuppliers} writes and {@link importSuppliers} reads. */
export const EXPORT_VERSION = 1;

/** The file an export is: `{ "version": 1, "suppliers": [...] }`. */
export const SupplierExport = z.object({
  version: z.literal(EXPORT_VERSION),
  suppliers: z.array(Supplier),
});
/** The file an export is. */
export type SupplierExport = z.infer<typeof SupplierExport>;

/**
 * The agent's suppliers as JSON to save or share: only what the agent set (id, name, patterns),
 * never whether the API lists them today.
 */
export function exportSuppliers(list: readonly Supplier[]): string {
  const file: SupplierExport = {
    version: EXPORT_VERSION,
    suppliers: list.map(({ entityId, name, patterns }) => ({
      entityId,
      name,
      patterns: [...patterns],
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** What {@link importSuppliers} answers. */
export type ImportResult =
  | {
      ok: true;
      /** The whole list after the import: `into` with the imported entries merged in. */
      suppliers: Supplier[];
      /** How many imported suppliers were new. */
      added: number;
      /** How many imported suppliers were already in `into`, and merged. */
      updated: number;
    }
  | { ok: false; message: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;

/** The first thing wrong with one entry of `suppliers`, or `undefined`. */
function entryProblem(entry: unknown): string | undefined {
  if (!isRecord(entry)) return `it is ${kindOf(entry)}, not a supplier object`;
  const { entityId, name, patterns } = entry;
  if (entityId === undefined) return '"entityId" is missing';
  if (typeof entityId !== 'string') return `"entityId" is ${kindOf(entityId)}, not text`;
  if (entityId.trim() === '') return '"entityId" is empty';
  if (name === undefined) return '"name" is missing';
  if (typeof name !== 'string') return `"name" is ${kindOf(name)}, not text`;
  if (patterns === undefined) return '"patterns" is missing';
  if (!Array.isArray(patterns)) return `"patterns" is ${kindOf(patterns)}, not a list`;
  for (const [i, pattern] of patterns.entries()) {
    if (typeof pattern !== 'string') return `pattern ${i + 1} is ${kindOf(pattern)}, not text`;
    const problem = patternProblem(pattern);
    // The sentence ends where the whole message ends: one full stop.
    if (problem)
      return `pattern ${i + 1} (${JSON.stringify(pattern)}): ${problem.replace(/\.$/, '')}`;
  }
  return undefined;
}

/**
 * Reads an export (from a file or pasted) and merges it into `into` by `entityId`: a new supplier
 * is added at the end; a known one takes the imported name unless that is empty, and gains the
 * imported patterns it lacks (its own are kept, so an import never loses what the agent typed).
 * Nothing is merged unless the whole text is valid; the error names what is wrong: not JSON, not
 * an export, another version, or which entry (counted from 1) and which of its fields.
 */
export function importSuppliers(text: string, into: readonly Supplier[] = []): ImportResult {
  const fail = (message: string): ImportResult => ({ ok: false, message });
  if (text.trim() === '') return fail('Nothing to import: the text is empty.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`This is not valid JSON (${(error as Error).message}).`);
  }
  const shape = 'an export looks like { "version": 1, "suppliers": [ … ] }';
  if (!isRecord(data)) return fail(`This is JSON but not a supplier export: ${shape}.`);
  if (data.version === undefined || data.suppliers === undefined)
    return fail(
      `This is JSON but not a supplier export: "${data.version === undefined ? 'version' : 'suppliers'}" is missing (${shape}).`,
    );
  if (data.version !== EXPORT_VERSION)
    return fail(
      `This export is version ${JSON.stringify(data.version)}; this extension reads version ${EXPORT_VERSION}.`,
    );
  if (!Array.isArray(data.suppliers))
    return fail(`"suppliers" is ${kindOf(data.suppliers)}, not a list (${shape}).`);
  for (const [i, entry] of data.suppliers.entries()) {
    const problem = entryProblem(entry);
    if (problem) return fail(`Supplier ${i + 1} of ${data.suppliers.length}: ${problem}.`);
  }
  // Everything was checked above; the schema strips fields we do not keep and trims the ids.
  const parsed = SupplierExport.parse(data);

  const result = into.map((entry) => ({ ...entry, patterns: [...entry.patterns] }));
  const index = new Map(result.map((entry, i) => [entry.entityId, i]));
  const before = new Set(index.keys());
  const added = new Set<string>();
  const updated = new Set<string>();
  for (const entry of parsed.suppliers) {
    const at = index.get(entry.entityId);
    const patterns = entry.patterns.map((p) => p.trim());
    if (at === undefined) {
      index.set(entry.entityId, result.length);
      result.push({
        entityId: entry.entityId,
        name: entry.name.trim(),
        patterns: unique(patterns),
      });
      added.add(entry.entityId);
      continue;
    }
    const current = result[at]!;
    result[at] = {
      entityId: current.entityId,
      name: entry.name.trim() || current.name,
      patterns: unique([...current.patterns, ...patterns]),
    };
    if (before.has(entry.entityId)) updated.add(entry.entityId);
  }
  return { ok: true, suppliers: result, added: added.size, updated: updated.size };
}

/** `patterns` without repeats, two being the same when their normal forms are. */
export function unique(patterns: readonly string[]): string[] {
  const seen = new Set<string>();
  return patterns.filter((written) => {
    const parsed = parsePattern(written);
    const key = parsed.ok ? parsed.pattern.text : written.trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
