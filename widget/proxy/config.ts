/**
 * The proxy's configuration, read from an environment record (`process.env`, a Worker's `env`) and
 * checked as a whole: every problem is named at once, and the proxy refuses to start on any.
 */
import { ENVIRONMENTS } from '../../shared/client.js';
import { LOOPBACK_RANGES, parseRange, type AddressRange } from './client-address.js';
import { DEFAULT_ORDER_POLICY, ORDER_POLICIES, type OrderPolicy } from './order-policy.js';

/** The local sandbox (`npm run sandbox`): the default upstream. */
export const LOCAL_SANDBOX_URL = 'http://127.0.0.1:4010/public/api';

/** A secret shorter than this is refused: HMAC-SHA256 wants at least 256 bits of key. */
export const MIN_SECRET_LENGTH = 32;

/** The checked configuration {@link createProxy} takes. */
export interface ProxyConfig {
  /** The Resmark base URL (`…/public/api`). */
  baseUrl: string;
  username: string;
  apiKey: string;
  /** Signs cart tokens (HMAC-SHA256). */
  secret: string;
  /**
   * The secret before the last rotation: tokens it signed still verify (and are answered with a
   * token signed by `secret`), so carts and orders in flight survive a change of `secret`.
   */
  previousSecret: string | undefined;
  /** Exact origins (`https://example.com`) that get CORS grants. */
  allowedOrigins: string[];
  /** Port of the Node entry. */
  port: number;
  orderPolicy: OrderPolicy;
  rateLimit: {
    /** Requests a client may make at once (the bucket's size). */
    burst: number;
    /** Requests per minute a client may sustain (the refill rate). */
    perMinute: number;
  };
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** The catalogue cache (`catalog-cache.ts`): how long an answer is served again, and how many. */
  catalogCache: {
    /** Seconds an answer stays fresh; 0 turns the cache off. */
    seconds: number;
    /** Most answers kept at once. */
    maxEntries: number;
  };
  /**
   * A header that holds the client's address, set by a reverse proxy in front of this one
   * (`cf-connecting-ip`, `x-forwarded-for`); unset means the socket's address.
   */
  clientAddressHeader: string | undefined;
  /**
   * The hops whose `clientAddressHeader` is believed (the socket's address must lie in one);
   * default loopback. On a host that reports no socket address (Cloudflare), the platform sets
   * the header itself and it is believed.
   */
  trustedProxies: AddressRange[];
  /** What one shopper may hold at once (issue 10, finding 1); refusals are 403 with `detail`. */
  holds: HoldLimits;
}

/** The hold limits: what one cart and one client may hold. */
export interface HoldLimits {
  /** Seats (participants) in one cart. */
  seatsPerCart: number;
  /** Items (time slots) in one cart. */
  itemsPerCart: number;
  /** Carts one client holds at once. */
  cartsPerClient: number;
  /** Seats one client holds at once, over all their carts. */
  seatsPerClient: number;
  /** A cart's hold, from its creation, however often it is renewed, in minutes. */
  maxMinutes: number;
}

/** The environment variables {@link readProxyConfig} reads. */
export type ProxyEnv = Record<string, string | undefined>;

/** Thrown when the environment does not make a usable configuration; the message lists why. */
export class ProxyConfigError extends Error {
  override name = 'ProxyConfigError';
  /** One line per problem. */
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The checkout proxy cannot start:\n- ${problems.join('\n- ')}`);
    this.problems = problems;
  }
}

/** Reads and checks the configuration; throws {@link ProxyConfigError} naming every problem. */
export function readProxyConfig(env: ProxyEnv): ProxyConfig {
  const problems: string[] = [];
  const text = (name: string) => env[name]?.trim() || undefined;
  const whole = (name: string, fallback: number, min: number, max: number) => {
    const value = text(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return n;
  };

  const base = text('RESMARK_BASE_URL') ?? LOCAL_SANDBOX_URL;
  const baseUrl = ENVIRONMENTS[base as keyof typeof ENVIRONMENTS] ?? base.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(baseUrl))
    problems.push(
      `RESMARK_BASE_URL must be "production", "sandbox" or an http(s) URL ending in /public/api (got "${base}")`,
    );

  const username = text('RESMARK_USERNAME') ?? '';
  if (!username)
    problems.push('RESMARK_USERNAME is required (the Resmark user the proxy books as)');
  const apiKey = text('RESMARK_API_KEY') ?? '';
  if (!apiKey) problems.push('RESMARK_API_KEY is required (that user’s API key)');

  const secret = env['PROXY_SECRET'] ?? '';
  if (secret.length < MIN_SECRET_LENGTH)
    problems.push(
      `PROXY_SECRET is required and must be at least ${MIN_SECRET_LENGTH} characters ` +
        `(it signs cart tokens; e.g. \`openssl rand -base64 48\`)`,
    );

  const previousSecret = env['PROXY_SECRET_PREVIOUS'] || undefined;
  if (previousSecret !== undefined && previousSecret.length < MIN_SECRET_LENGTH)
    problems.push(
      `PROXY_SECRET_PREVIOUS, when set, must be at least ${MIN_SECRET_LENGTH} characters ` +
        `(the PROXY_SECRET before the last change)`,
    );

  const trustedProxies: AddressRange[] = [];
  for (const entry of (text('TRUSTED_PROXIES') ?? LOOPBACK_RANGES.join(',')).split(',')) {
    if (!entry.trim()) continue;
    const range = parseRange(entry);
    if (range) trustedProxies.push(range);
    else
      problems.push(
        `TRUSTED_PROXIES entries must be addresses or ranges like 10.0.0.0/8 (got "${entry.trim()}")`,
      );
  }

  const allowedOrigins: string[] = [];
  for (const entry of (text('ALLOWED_ORIGINS') ?? '').split(',')) {
    const origin = entry.trim();
    if (!origin) continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    // Exact origins only: a wildcard would let any page drive carts with the operator's key.
    if (
      !parsed ||
      parsed.origin !== origin.replace(/\/$/, '') ||
      !/^https?:$/.test(parsed.protocol)
    )
      problems.push(
        `ALLOWED_ORIGINS entries must be origins like https://www.example.com (got "${origin}")`,
      );
    else allowedOrigins.push(parsed.origin);
  }

  const policy = text('ORDER_POLICY') ?? DEFAULT_ORDER_POLICY;
  if (!ORDER_POLICIES.includes(policy as OrderPolicy))
    problems.push(`ORDER_POLICY must be one of: ${ORDER_POLICIES.join(', ')} (got "${policy}")`);

  const config: ProxyConfig = {
    baseUrl,
    username,
    apiKey,
    secret,
    previousSecret,
    allowedOrigins,
    port: whole('PROXY_PORT', 4020, 0, 65535),
    orderPolicy: policy as OrderPolicy,
    rateLimit: {
      burst: whole('RATE_LIMIT_BURST', 60, 1, 100_000),
      perMinute: whole('RATE_LIMIT_PER_MINUTE', 120, 1, 1_000_000),
    },
    maxBodyBytes: whole('MAX_BODY_BYTES', 16 * 1024, 256, 1024 * 1024),
    catalogCache: {
      seconds: whole('CATALOG_CACHE_SECONDS', 30, 0, 3600),
      maxEntries: whole('CATALOG_CACHE_ENTRIES', 500, 1, 100_000),
    },
    clientAddressHeader: text('CLIENT_ADDRESS_HEADER')?.toLowerCase(),
    trustedProxies,
    holds: {
      seatsPerCart: whole('HOLD_MAX_SEATS_PER_CART', 20, 1, 10_000),
      itemsPerCart: whole('HOLD_MAX_ITEMS_PER_CART', 10, 1, 1_000),
      cartsPerClient: whole('HOLD_MAX_CARTS_PER_CLIENT', 5, 1, 10_000),
      seatsPerClient: whole('HOLD_MAX_SEATS_PER_CLIENT', 40, 1, 100_000),
      // At least 45: a hold is a 30-minute lock from each add or renew, so less would leave a
      // shopper only a few minutes after their cart was made to add anything.
      maxMinutes: whole('HOLD_MAX_MINUTES', 60, 45, 24 * 60),
    },
  };
  if (problems.length > 0) throw new ProxyConfigError(problems);
  return config;
}
