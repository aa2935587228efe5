/**
 * The reseller extension's build (WXT): a Chrome MV3 side panel and a Firefox sidebar from one
 * source in `extension/`. Its entrypoints, and the permissions they need, come with the extension
 * issue; until then `wxt prepare` has nothing to prepare, so it is not an install step yet.
 */
import { defineConfig } from 'wxt';

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: 'Resmark Checkout for resellers',
    description:
      'Open a reseller cart for the supplier whose site you are on, and place and manage its orders.',
    // Permissions are listed by the entrypoints that need them, never ahead of them: a store
    // reviewer and an agent's IT department read this list.
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
  zip: {
    // Firefox's review wants the sources: everything but what is built, installed or local.
    excludeSources: ['dist/**', '.output/**', '**/*.log'],
  },
});
