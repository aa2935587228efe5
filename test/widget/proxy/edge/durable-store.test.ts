/**
 * The proxy's shared store on Cloudflare (`widget/proxy/edge/durable-store.ts`), run by raw
 * workerd with its Durable Objects (on local disk, as `npm run proxy:workerd` keeps them). The
 * expiry case also has the object's alarm fire, which an in-memory object's alarm would not survive.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWorkerd } from '../../../../widget/proxy/edge/workerd.js';
import { storeContract } from './store-contract.js';

const here = dirname(fileURLToPath(import.meta.url));

storeContract('durableObjectStore (in workerd)', () =>
  startWorkerd({ entry: join(here, 'store-worker.ts'), stdio: 'ignore' }),
);
