/**
 * The reseller extension's build (WXT): a Chrome MV3 side panel and a Firefox sidebar from one
 * source in `extension/`. `wxt build --mode e2e` is the Chromium test build: it also reaches the
 * local sandbox on 127.0.0.1, because a permission prompt cannot be answered headless.
 */
import { defineConfig } from 'wxt';

/** The two Resmark hosts (Getting Started, "Base URLs"): the only hosts granted at install. */
const RESMARK_HOSTS = ['https://app.resmarksystems.com/*', 'https://sandbox.resmarksystems.com/*'];

/**
 * A custom base URL (a local sandbox, a staging copy) is any host: asked for at run time from the
 * click that sets it, so the install dialog says nothing about it.
 */
const OPTIONAL_HOSTS = ['*://*/*'];

/**
 * The pages' CSP: our own scripts and styles only, no eval, no plugins. Requests go to https hosts,
 * or to a loopback host (the local sandbox); the host permissions decide which of them answer.
 * The dev server's websocket is added in `wxt dev` only.
 */
function extensionPagesCsp(dev: boolean): string {
  const local = 'http://127.0.0.1:* http://localhost:*';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: https: ${local}`,
    `connect-src https: ${local}${dev ? ' ws://localhost:*' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  // WXT 0.20 looks for public/ at the project root, not in srcDir: without this, no icons.
  publicDir: 'extension/public',
  // Explicit imports, as everywhere else in the repo: no auto-import globals over the whole tree.
  imports: false,
  manifest: ({ browser, manifestVersion, mode, command }) => ({
    name: 'Resmark Checkout for resellers',
    description:
      'Open a reseller cart for the supplier whose site you are on, and place and manage its orders.',
    // WXT adds an action only for a popup: without one there is no toolbar button to open the panel.
    action: { default_title: 'Resmark for resellers' },
    // Each one is used, and no other: a store reviewer and an agent's IT department read this list.
    // storage: the session, settings, suppliers and open carts. activeTab: the URL of the tab the
    // toolbar button was pressed on, to offer that site's supplier (no install warning).
    permissions: ['storage', 'activeTab'],
    host_permissions: [...RESMARK_HOSTS, ...(mode === 'e2e' ? ['http://127.0.0.1/*'] : [])],
    // tabs: only for the opt-in that follows the agent from tab to tab ("Read your browsing
    // history" in the prompt). Firefox MV2 has no optional_host_permissions (WXT would drop the
    // key): its optional hosts go in optional_permissions.
    ...(manifestVersion === 3
      ? { optional_host_permissions: OPTIONAL_HOSTS, optional_permissions: ['tabs'] }
      : { optional_permissions: ['tabs', ...OPTIONAL_HOSTS] }),
    content_security_policy: { extension_pages: extensionPagesCsp(command === 'serve') },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'resmark-checkout@resmark-checkout.dev',
          // Firefox asks new extensions to say what they collect: nothing leaves for anyone but
          // Resmark, which the agent signs in to.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  // `npm run dev:extension` opens a browser with the dev build (CHROME_PATH / FIREFOX_PATH pick
  // which); on a Linux machine without a display (a server, CI) it only builds and serves it, to
  // load by hand, instead of failing to start a browser.
  webExt: {
    disabled:
      process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY'],
    binaries: {
      ...(process.env['CHROME_PATH'] && { chrome: process.env['CHROME_PATH'] }),
      ...(process.env['FIREFOX_PATH'] && { firefox: process.env['FIREFOX_PATH'] }),
    },
  },
  zip: {
    // Firefox's review wants the sources: everything but what is built, installed or local.
    excludeSources: ['dist/**', '.output/**', '**/*.log', 'stats.html'],
  },
});
