/**
 * Everything the sandbox remembers between requests, indexed for O(1) lookups: a benchmark drives
 * hundreds of bookings a second through it.
 */
import { TOKEN_LIFETIME_MS } from '../../shared/limits.js';
import type { SandboxClock } from './clock.js';
import type { Fault } from './faults.js';
import { Inventory } from './inventory.js';
import { OrderIndex } from './order-index.js';
import type { CartRecord, OrderRecord } from './records.js';
import { USERS } from './seed.js';
import type { User } from './seed.js';

/** An issued bearer token. */
export interface TokenRecord {
  user: User;
  expiresAt: number;
}

/** The sandbox's memory. `reset()` puts it back to the seed. */
export class SandboxState {
  readonly clock: SandboxClock;
  readonly inventory = new Inventory();
  readonly tokens = new Map<string, TokenRecord>();
  readonly carts = new Map<string, CartRecord>();
  readonly orders = new Map<string, OrderRecord>();
  readonly ordersByConfirmation = new Map<number, OrderRecord>();
  readonly ordersByReference = new Map<string, OrderRecord[]>();
  /** The orders each caller may list, so `GET /order` never scans them all. */
  readonly orderIndex = new OrderIndex();
  faults: Fault[] = [];
  /** Set by `startSandbox({ serveImages })`: product pictures are served from this origin. */
  imageOrigin: string | undefined;
  #idCounter = 0;
  #orderCounter = 0;

  constructor(clock: SandboxClock) {
    this.clock = clock;
    this.reset();
  }

  /**
   * Restores the seed data and the clock. Tokens survive: they are credentials, not bookings, and a
   * test suite authenticates once and resets between tests.
   */
  reset(): void {
    this.clock.reset();
    this.inventory.reset(this.clock.now());
    this.carts.clear();
    this.orders.clear();
    this.ordersByConfirmation.clear();
    this.ordersByReference.clear();
    this.orderIndex.clear();
    this.faults = [];
    this.#idCounter = 0;
    this.#orderCounter = 0;
  }

  /** The user with this username (email, or AlternativeId: their user id) and API key. */
  findUser(username: unknown, apiKey: unknown): User | undefined {
    if (typeof username !== 'string' || typeof apiKey !== 'string') return undefined;
    const name = username.trim();
    return USERS.find(
      (u) => (u.email === name.toLowerCase() || u.id === name) && u.apiKey === apiKey,
    );
  }

  /** Issues a bearer token good for 24 hours of sandbox time (Getting Started, "Token Details"). */
  issueToken(user: User): string {
    // Web Crypto, not node:crypto: the sandbox also runs inside the browser tests' page.
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    const token = `sbx_${btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')}`;
    this.tokens.set(token, { user, expiresAt: this.clock.now() + TOKEN_LIFETIME_MS });
    return token;
  }

  /** A new 24-hex id with a two-letter family prefix (`6b…` lines), unique until the next reset. */
  nextId(prefix: string): string {
    this.#idCounter += 1;
    return prefix + this.#idCounter.toString(16).padStart(22, '0');
  }

  /** The next order id and confirmation number; confirmations start at 100001. */
  nextOrder(): { id: string; confirmation: number } {
    this.#orderCounter += 1;
    return {
      id: '6a' + this.#orderCounter.toString(16).padStart(22, '0'),
      confirmation: 100000 + this.#orderCounter,
    };
  }
}
