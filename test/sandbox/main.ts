/** `npm run sandbox`: the sandbox alone on 127.0.0.1 (`SANDBOX_PORT`, default 4010). */
import { sandboxBanner } from './banner.js';
import { startSandbox } from './server.js';

const port = Number(process.env['SANDBOX_PORT'] ?? 4010);
const sandbox = await startSandbox({ port, host: '127.0.0.1' });
console.log(sandboxBanner(sandbox.url));

const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
