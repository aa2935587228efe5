/**
 * `npm start`: every local service, each printing where it answers. For now the sandbox; the proxy
 * and the demo page join the list. Services stop in reverse order on SIGINT or SIGTERM.
 */
import { sandboxBanner } from '../test/sandbox/banner.js';
import { startSandbox } from '../test/sandbox/server.js';

/** One local service: how to start it and what to print once it runs. */
interface Service {
  name: string;
  start(): Promise<{ banner: string; close(): Promise<void> }>;
}

const services: Service[] = [
  {
    name: 'sandbox',
    async start() {
      const port = Number(process.env['SANDBOX_PORT'] ?? 4010);
      const sandbox = await startSandbox({ port, host: '127.0.0.1' });
      return { banner: sandboxBanner(sandbox.url), close: () => sandbox.close() };
    },
  },
];

const running: { name: string; close(): Promise<void> }[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  stopping = true;
  for (const service of running.reverse()) {
    try {
      await service.close();
    } catch (error) {
      console.error(`${service.name} did not close cleanly:`, error);
    }
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    if (!stopping) void stopAll(0);
  });

try {
  for (const service of services) {
    const started = await service.start();
    running.push({ name: service.name, close: started.close });
    console.log(started.banner + '\n');
  }
  console.log('Ready. Ctrl+C stops everything.');
} catch (error) {
  console.error('Could not start:', error);
  await stopAll(1);
}
