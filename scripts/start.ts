/**
 * `npm start`: the widget built, then the local Resmark sandbox (:4010), the checkout proxy (:4020)
 * and the demo operator site (:4000), each printing where it answers. Ctrl+C stops them all.
 */
import { DEFAULT_PORTS, DEMO_SECRET_FILE, startServices } from './services.js';

const ports = {
  sandbox: Number(process.env['SANDBOX_PORT'] ?? DEFAULT_PORTS.sandbox),
  proxy: Number(process.env['PROXY_PORT'] ?? DEFAULT_PORTS.proxy),
  demo: Number(process.env['DEMO_PORT'] ?? DEFAULT_PORTS.demo),
};

try {
  // The proxy's secret survives a restart: carts and orders in flight keep working.
  const services = await startServices(ports, { secretFile: DEMO_SECRET_FILE });
  console.log(
    `${services.banner}\n\nReady: open ${services.demoUrl} to book. Ctrl+C stops everything.`,
  );
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      void services.close().then(() => process.exit(0));
    });
} catch (error) {
  console.error('Could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
}
