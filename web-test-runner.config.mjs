// Browser tests for the widget's and the extension's elements: headless Debian Chromium driven by Playwright.
// No test tool downloads a browser; CHROME_PATH overrides /usr/bin/chromium.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * `wxt/utils/storage` (the extension's storage items) needs `superlock`, which ships CommonJS only;
 * a browser cannot import that, so it is served as an ES module bundled on the fly by esbuild.
 */
const SUPERLOCK = fileURLToPath(new URL('./node_modules/superlock/src/', import.meta.url));
const commonJsAsEsm = {
  name: 'superlock-as-esm',
  async serve(context) {
    if (!context.path.endsWith('/superlock/src/index.js')) return undefined;
    const { outputFiles } = await build({
      stdin: {
        contents: `export { withLock, createLock } from './index.js';`,
        resolveDir: SUPERLOCK,
      },
      bundle: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    return { body: outputFiles[0].text, type: 'js' };
  },
};

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  files: ['test/widget/**/*.test.ts', '!test/widget/proxy/**', 'test/extension/**/*.test.ts'],
  nodeResolve: true,
  plugins: [
    commonJsAsEsm,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // Chromium looks up Google hosts on start; this machine (and CI) has no internet.
          '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1',
        ],
      },
    }),
  ],
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
};
