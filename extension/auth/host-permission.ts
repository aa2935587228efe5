/**
 * The host permission a custom base URL needs. The two Resmark hosts are granted at install; any
 * other host (a local sandbox, a staging copy) is an optional permission asked for from the click
 * that chooses it, and the agent may take it back at any time in the browser's settings.
 */
import { browser } from 'wxt/browser';
import { ENVIRONMENTS } from '../../shared/client.js';

const GRANTED_AT_INSTALL = Object.values(ENVIRONMENTS).map((url) => new URL(url).origin);

/** Whether `baseUrl`'s host is one the install already granted. */
export function isGrantedAtInstall(baseUrl: string): boolean {
  return GRANTED_AT_INSTALL.includes(new URL(baseUrl).origin);
}

/** The match pattern that covers `baseUrl`; match patterns ignore the port, so none is given. */
export function originPattern(baseUrl: string): string {
  const { protocol, hostname } = new URL(baseUrl);
  return `${protocol}//${hostname}/*`;
}

/** The host the agent would recognise in a message: `127.0.0.1:4010`, `app.resmarksystems.com`. */
export const hostOf = (baseUrl: string) => {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
};

/**
 * Asks for `baseUrl`'s host. Call it synchronously from the click (no await before it): the
 * browser refuses a request outside a user gesture. Resolves false when the agent says no.
 */
export function requestHostPermission(baseUrl: string): Promise<boolean> {
  if (isGrantedAtInstall(baseUrl)) return Promise.resolve(true);
  try {
    return browser.permissions.request({ origins: [originPattern(baseUrl)] });
  } catch (error) {
    // Chrome throws, rather than rejecting, for a pattern outside the optional permissions.
    return Promise.reject(error);
  }
}

/** Whether the extension may still reach `baseUrl` (the agent can revoke an optional host). */
export async function hasHostPermission(baseUrl: string): Promise<boolean> {
  if (isGrantedAtInstall(baseUrl)) return true;
  return browser.permissions.contains({ origins: [originPattern(baseUrl)] });
}

/**
 * Calls `onLost` when a permission removal leaves `baseUrl` out of reach. Returns the way to stop.
 */
export function watchHostPermission(baseUrl: string, onLost: () => void): () => void {
  if (isGrantedAtInstall(baseUrl)) return () => undefined;
  const listener = () => {
    void hasHostPermission(baseUrl).then((granted) => granted || onLost());
  };
  browser.permissions.onRemoved.addListener(listener);
  return () => browser.permissions.onRemoved.removeListener(listener);
}
