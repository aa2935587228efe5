/**
 * A small stand-in for the WebExtension APIs the panel uses (storage, permissions, tabs), for
 * element tests in a plain page. Import it FIRST in a test file: `wxt/browser` picks its `browser`
 * when it is first evaluated, and takes `globalThis.browser` only when it has a `runtime.id`.
 */

type Listener = (...args: never[]) => void;

/** An event with add/remove/has, and a way for the test to fire it. */
export class FakeEvent<L extends Listener> {
  readonly listeners = new Set<L>();
  addListener(listener: L) {
    this.listeners.add(listener);
  }
  removeListener(listener: L) {
    this.listeners.delete(listener);
  }
  hasListener(listener: L) {
    return this.listeners.has(listener);
  }
  fire(...args: Parameters<L>) {
    for (const listener of this.listeners) listener(...args);
  }
}

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/** One storage area (`local`, `session`), JSON-cloned as the real ones are. */
export class FakeStorageArea {
  readonly data = new Map<string, unknown>();
  readonly onChanged = new FakeEvent<(changes: Changes) => void>();

  async get(keys?: string | string[] | Record<string, unknown> | null) {
    const wanted =
      keys == null
        ? [...this.data.keys()]
        : typeof keys === 'string'
          ? [keys]
          : Array.isArray(keys)
            ? keys
            : Object.keys(keys);
    const result: Record<string, unknown> = {};
    for (const key of wanted)
      if (this.data.has(key)) result[key] = structuredClone(this.data.get(key));
    return result;
  }
  async set(items: Record<string, unknown>) {
    const changes: Changes = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: this.data.get(key), newValue: structuredClone(value) };
      this.data.set(key, structuredClone(value));
    }
    this.onChanged.fire(changes);
  }
  async remove(keys: string | string[]) {
    const changes: Changes = {};
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      if (!this.data.has(key)) continue;
      changes[key] = { oldValue: this.data.get(key) };
      this.data.delete(key);
    }
    if (Object.keys(changes).length) this.onChanged.fire(changes);
  }
  async clear() {
    await this.remove([...this.data.keys()]);
  }
}

interface PermissionSet {
  origins?: string[];
  permissions?: string[];
}

/** Optional permissions: what is granted, what a request answers, and who asked. */
export class FakePermissions {
  readonly granted = new Set<string>();
  /** What the next requests answer (the agent's click on Allow or Deny). */
  answer = true;
  /** Every request, in order. */
  readonly requests: PermissionSet[] = [];
  readonly onAdded = new FakeEvent<(permissions: PermissionSet) => void>();
  readonly onRemoved = new FakeEvent<(permissions: PermissionSet) => void>();

  #all = (p: PermissionSet) => [...(p.origins ?? []), ...(p.permissions ?? [])];
  async contains(p: PermissionSet) {
    return this.#all(p).every((name) => this.granted.has(name));
  }
  async request(p: PermissionSet) {
    this.requests.push(p);
    if (this.answer) {
      for (const name of this.#all(p)) this.granted.add(name);
      this.onAdded.fire(p);
    }
    return this.answer;
  }
  async remove(p: PermissionSet) {
    for (const name of this.#all(p)) this.granted.delete(name);
    this.onRemoved.fire(p);
    return true;
  }
}

/** The fake `browser`. */
export const fakeBrowser = {
  runtime: { id: 'fake-extension-id' },
  storage: {
    local: new FakeStorageArea(),
    session: new FakeStorageArea(),
    sync: new FakeStorageArea(),
  },
  permissions: new FakePermissions(),
  tabs: {
    onActivated: new FakeEvent<(info: { tabId: number }) => void>(),
    onUpdated: new FakeEvent<(tabId: number, change: { url?: string }) => void>(),
    async query() {
      return [];
    },
  },
};

/** Empties every area and forgets every grant and request: call it in `beforeEach`. */
export async function resetFakeBrowser(): Promise<void> {
  for (const area of Object.values(fakeBrowser.storage)) await area.clear();
  const { permissions } = fakeBrowser;
  permissions.granted.clear();
  permissions.requests.length = 0;
  permissions.answer = true;
}

(globalThis as unknown as { browser: typeof fakeBrowser }).browser = fakeBrowser;
