/**
 * Everything the extension keeps, each item defined once with its area: `session:` goes with the
 * browser session (the bearer token, as Resmark's 24 hours would), `local:` stays on this device
 * (settings, the agent's suppliers, favourites, open carts, and the API key only when the agent
 * asked for it). Signing out forgets both areas: {@link forgetEverything}.
 */
import { storage } from 'wxt/utils/storage';
import type { Agency } from '../../shared/agency.js';
import type { SessionSnapshot } from '../../shared/session.js';
import type { Supplier } from '../suppliers/supplier-match.js';

export type { Supplier };

/** The signed-in agent: where, who, and the bearer token with its end (epoch ms). */
export interface StoredSession {
  /** The API base URL the token belongs to. */
  baseUrl: string;
  /** What the agent typed: an e-mail or an AlternativeId. */
  username: string;
  token: string;
  expiresAt: number;
  /** `GET /agency/{userId}` at sign-in: the panel opens without asking again. */
  agencies: Agency[];
}

/** Kept only when the agent ticked "Remember API key on this device". */
export interface RememberedKey {
  baseUrl: string;
  username: string;
  apiKey: string;
}

/** The options page's settings. */
export interface Settings {
  /** `'production'`, `'sandbox'` or a base URL: what the sign-in form starts with. */
  environment: string;
  /** Whether "Remember API key on this device" starts ticked. */
  rememberKey: boolean;
}

/** A supplier's open reseller cart, kept across panel closes and browser restarts while it holds. */
export interface OpenCart {
  snapshot: SessionSnapshot;
  /** Epoch ms. */
  savedAt: number;
}

/** The tab the toolbar button was pressed on (or followed to), for the panel to offer its supplier. */
export interface ActiveTab {
  url: string;
  /** Epoch ms. */
  at: number;
}

/** The session and its token. `session:` so a browser restart, like a shared desk, starts signed out. */
export const agentSession = storage.defineItem<StoredSession | null>('session:agent-session', {
  fallback: null,
  version: 1,
});

/** The API key, only when the agent asked for it to be remembered. */
export const rememberedKey = storage.defineItem<RememberedKey | null>('local:remembered-key', {
  fallback: null,
  version: 1,
});

/** The options page's settings. */
export const settings = storage.defineItem<Settings>('local:settings', {
  fallback: { environment: 'production', rememberKey: false },
  version: 1,
});

/** The agent's named suppliers, as `<resmark-supplier-manager>` edits them. */
export const suppliers = storage.defineItem<Supplier[]>('local:suppliers', {
  fallback: [],
  version: 1,
});

/** Product ids the agent starred. */
export const favourites = storage.defineItem<string[]>('local:favourites', {
  fallback: [],
  version: 1,
});

/** Open reseller carts by supplier entity id. */
export const openCarts = storage.defineItem<Record<string, OpenCart>>('local:open-carts', {
  fallback: {},
  version: 1,
});

/** Whether the panel follows the agent from tab to tab (needs the optional `tabs` permission). */
export const followTabs = storage.defineItem<boolean>('local:follow-tabs', {
  fallback: false,
  version: 1,
});

/** The tab the panel was opened for, written by the background's toolbar button handler. */
export const activeTab = storage.defineItem<ActiveTab | null>('session:active-tab', {
  fallback: null,
  version: 1,
});

/** Signing out: nothing the extension stored survives, on this device or in the session. */
export async function forgetEverything(): Promise<void> {
  await Promise.all([storage.clear('local'), storage.clear('session')]);
}
