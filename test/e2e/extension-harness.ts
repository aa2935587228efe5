/**
 * End-to-end harness for the reseller extension: the built packages in the real browsers, against
 * the local sandbox. Chromium (Debian's, via playwright-core) loads the `--mode e2e` build, which
 * already reaches 127.0.0.1 (a permission prompt cannot be answered headless); Firefox (Debian's
 * firefox-esr, via puppeteer-core over WebDriver BiDi) runs the production package as shipped and
 * grants the sandbox's host from the sign-in's own click. The panel page is driven as a tab.
 *
 * A test file: `const e2e = await startExtensionE2E()` in `before`, `e2e.close()` in `after`,
 * then `await e2e.chromium()` / `await e2e.firefox()` for a browser with the extension, and
 * `openPanel()` for a panel page (optionally "opened from" a supplier site's tab).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import puppeteer, {
  type Browser as FirefoxBrowser,
  type Page as FirefoxPage,
} from 'puppeteer-core';
import { startSandbox, type RunningSandbox } from '../sandbox/server.js';
import { CHROMIUM_ARGS } from './harness.js';
import { sandboxCalls } from './sandbox-calls.js';

/** The sandbox's reseller agent (README, "Seed"). */
export const AGENT = { username: 'agent@sunset-travel.test', apiKey: 'sandbox-agent-key' };
/** The supplier the agent books first, and its entity id in the seed. */
export const CANYON = { entityId: '5f1a00000000000000000001', name: 'Canyon Kayak' };

/** The Firefox add-on id (wxt.config.ts, `browser_specific_settings.gecko.id`). */
const ADDON_ID = 'resmark-checkout@resmark-checkout.dev';
/** A fixed `moz-extension://` host, so the test knows the panel's URL. */
const FIREFOX_UUID = '00000000-0000-4000-8000-00000000e2e0';
const ROOT = resolve(import.meta.dirname, '../..');
const OUTPUT = {
  chromium: join(ROOT, '.output/chrome-mv3-e2e'),
  firefox: join(ROOT, '.output/firefox-mv2'),
};

/** The panel page in Chromium, with what it reported. */
export interface ChromiumPanel {
  page: Page;
  /** Uncaught errors in the page, in order. */
  errors: Error[];
}

/** Chromium with the extension loaded. */
export interface ChromiumExtension {
  context: BrowserContext;
  /** The extension's id (`chrome-extension://<id>/`). */
  id: string;
  /**
   * Opens the panel page as a tab. With `from`, first opens that URL in a tab and presses the
   * extension's toolbar button on it (CDP `Extensions.triggerAction`): the background opens the
   * side panel and records the tab's URL through the `activeTab` grant, as for an agent.
   */
  openPanel(options?: { from?: string }): Promise<ChromiumPanel>;
  /** Reads one of the extension's storage areas (from its service worker). */
  storage(area: 'local' | 'session'): Promise<Record<string, unknown>>;
  /** Writes keys into one of the extension's storage areas (`suppliers`, `favourites`, …). */
  setStorage(area: 'local' | 'session', items: Record<string, unknown>): Promise<void>;
}

/** Firefox with the extension installed (a temporary add-on). */
export interface FirefoxExtension {
  browser: FirefoxBrowser;
  /** Opens the panel page as a tab and waits for the panel element. */
  openPanel(): Promise<FirefoxPage>;
}

/** The sandbox, a supplier site, and the browsers of one test file. */
export interface ExtensionE2E {
  sandbox: RunningSandbox;
  /**
   * A stand-in for suppliers' websites: any path answers a small HTML page. Its URL uses the host
   * `localhost`, which no build has a host permission for, so only `activeTab` reveals it.
   */
  siteUrl: string;
  /** Calls a sandbox route outside the API (`/__sandbox/...`); fails on a non-2xx answer. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  /** Moves the sandbox clock forward by `ms` (tokens and seat locks age with it). */
  advance(ms: number): Promise<void>;
  /**
   * Calls the sandbox's API as Canyon Kayak's staff (the supplier's back office: its orders, its
   * inventory), logging in again when the token lapsed; answers `data`, fails on a non-2xx answer.
   */
  staff(method: string, path: string, body?: unknown): Promise<unknown>;
  /** Builds (once) the Chromium test package and starts Chromium with it. */
  chromium(): Promise<ChromiumExtension>;
  /** Builds (once) the Firefox package and starts firefox-esr with it. */
  firefox(): Promise<FirefoxExtension>;
  /** Closes the browsers, the site and the sandbox. */
  close(): Promise<void>;
}

/** The extension's `chrome.storage`, as the service worker sees it (typed here only). */
type ExtensionStorage = Record<
  'local' | 'session',
  {
    get(keys: null): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  }
>;
/** The service worker's global, where `chrome` is the extensions API (Node's types lack it). */
type WorkerGlobal = { chrome: { storage: ExtensionStorage } };

/** `wxt build` with these arguments, once per process and arguments. */
const built = new Map<string, void>();
function build(args: string[]): void {
  const key = args.join(' ');
  if (built.has(key)) return;
  const wxt = join(ROOT, 'node_modules/.bin/wxt');
  const result = spawnSync(wxt, ['build', ...args], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`wxt build ${key} failed:\n${result.stdout}\n${result.stderr}`);
  built.set(key);
}

async function startSite(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(
      `<!doctype html><html lang="en"><title>A supplier's site</title><h1>${request.url}</h1></html>`,
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://localhost:${(server.address() as AddressInfo).port}` };
}

/** Starts the sandbox and the supplier site; browsers start on demand. */
export async function startExtensionE2E(): Promise<ExtensionE2E> {
  const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', serveImages: true });
  const closers: (() => Promise<unknown>)[] = [() => sandbox.close()];
  const close = async () => {
    for (const stop of closers.reverse()) await stop().catch(() => undefined);
  };
  try {
    const site = await startSite();
    closers.push(() => new Promise((done) => site.server.close(done)));

    const { control, staff } = sandboxCalls(sandbox.url, sandbox.apiUrl);

    return {
      sandbox,
      siteUrl: site.url,
      control,
      async advance(ms) {
        await control('POST', '/__sandbox/clock', { advanceMs: ms });
      },
      staff,
      async chromium() {
        build(['--mode', 'e2e']);
        const profile = mkdtempSync(join(tmpdir(), 'resmark-extension-'));
        const context = await chromium.launchPersistentContext(profile, {
          executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
          // Chromium >= 132's headless is the new one, which runs extensions.
          headless: true,
          args: [
            ...CHROMIUM_ARGS,
            // Lets CDP press the toolbar button (Extensions.triggerAction).
            '--enable-unsafe-extension-debugging',
            `--disable-extensions-except=${OUTPUT.chromium}`,
            `--load-extension=${OUTPUT.chromium}`,
          ],
        });
        closers.push(async () => {
          await context.close();
          rmSync(profile, { recursive: true, force: true });
        });
        context.setDefaultTimeout(10_000);
        const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
        const id = new URL(worker.url()).host;
        const browser = context.browser()!;
        return {
          context,
          id,
          async openPanel({ from } = {}) {
            if (from) {
              const site = await context.newPage();
              await site.goto(from);
              const cdp = await browser.newBrowserCDPSession();
              // The button acts on a tab target (not the page inside it).
              const { targetInfos } = await cdp.send('Target.getTargets', {
                filter: [{ type: 'tab' }],
              });
              const tab = targetInfos.find((info) => info.url === site.url());
              if (!tab) throw new Error(`no tab target for ${site.url()}`);
              await cdp.send('Extensions.triggerAction', { id, targetId: tab.targetId });
              await cdp.detach();
            }
            const page = await context.newPage();
            const errors: Error[] = [];
            page.on('pageerror', (error) => errors.push(error));
            await page.goto(`chrome-extension://${id}/sidepanel.html`);
            await page.locator('resmark-agent-panel').waitFor();
            return { page, errors };
          },
          async storage(area) {
            return (context.serviceWorkers()[0] ?? worker).evaluate(
              // Serialized into the worker: only what is written inline reaches it.
              (name) => (globalThis as unknown as WorkerGlobal).chrome.storage[name].get(null),
              area,
            );
          },
          async setStorage(area, items) {
            await (context.serviceWorkers()[0] ?? worker).evaluate(
              ([name, values]) =>
                (globalThis as unknown as WorkerGlobal).chrome.storage[name].set(values),
              [area, items] as const,
            );
          },
        };
      },
      async firefox() {
        build(['-b', 'firefox']);
        const browser = await puppeteer.launch({
          browser: 'firefox',
          executablePath: process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr',
          headless: true,
          // Without it BiDi refuses to navigate to moz-extension:// ("not allowed in this context").
          args: ['--remote-allow-system-access'],
          extraPrefsFirefox: {
            'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: FIREFOX_UUID }),
            // A host permission requested from a click is granted without a prompt: the
            // production package is tested as shipped.
            'extensions.webextOptionalPermissionPrompts': false,
          },
        });
        closers.push(() => browser.close());
        await browser.installExtension(OUTPUT.firefox);
        return {
          browser,
          async openPanel() {
            const page = await browser.newPage();
            page.setDefaultTimeout(10_000);
            // The page loads, but puppeteer never sees its load event (the tab changes process).
            await page
              .goto(`moz-extension://${FIREFOX_UUID}/sidepanel.html`, { timeout: 1500 })
              .catch(() => undefined);
            await page.waitForSelector('resmark-agent-panel');
            return page;
          },
        };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Signs in on a Chromium panel page with the sandbox's custom base URL, and waits for the
 * signed-in header. Playwright's locators pierce shadow roots.
 */
export async function signInChromium(page: Page, apiUrl: string, agent = AGENT): Promise<void> {
  const form = page.locator('resmark-agent-sign-in');
  await form.locator('select#environment').selectOption('custom');
  await form.locator('input#baseUrl').fill(apiUrl);
  await form.locator('input#username').fill(agent.username);
  await form.locator('input#apiKey').fill(agent.apiKey);
  await form.locator('button[type=submit]').click();
  await page.locator('resmark-agent-panel [part=header]').waitFor();
}

/** The same on a Firefox panel page, through puppeteer's `>>>` (deep) selectors. */
export async function signInFirefox(
  page: FirefoxPage,
  apiUrl: string,
  agent = AGENT,
): Promise<void> {
  const form = 'resmark-agent-panel >>> resmark-agent-sign-in >>>';
  await page.waitForSelector(`${form} select#environment`);
  await page.select(`${form} select#environment`, 'custom');
  const type = async (selector: string, value: string) => {
    const field = await page.waitForSelector(`${form} ${selector}`);
    await field!.type(value);
  };
  await type('input#baseUrl', apiUrl);
  await type('input#username', agent.username);
  await type('input#apiKey', agent.apiKey);
  // A real click: the sign-in asks for the sandbox's host from it.
  await page.click(`${form} button[type=submit]`);
  await page.waitForSelector('resmark-agent-panel >>> [part=header]');
}
