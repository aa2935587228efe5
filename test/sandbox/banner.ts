/** What `npm start` and `npm run sandbox` print about a running sandbox: where, who, which ids. */
import { AGENCIES, OPERATORS, PRODUCTS, PROMO_CODES, USERS } from './seed.js';

/** The lines to print for a sandbox answering at `url`. */
export function sandboxBanner(url: string): string {
  const lines = [
    `Resmark sandbox   ${url}/public/api`,
    `  control         ${url}/__sandbox/{clock,reset,faults}`,
    '  users (username / apikey):',
    ...USERS.map((u) => `    ${u.email.padEnd(26)} ${u.apiKey.padEnd(22)} ${u.name}`),
    '  entities:',
    ...[...OPERATORS.values()].map((o) => `    ${o.id}  ${o.name} (operator)`),
    ...[...AGENCIES.values()].map((a) => `    ${a.id}  ${a.name} (reseller agency)`),
    '  products:',
    ...PRODUCTS.map((p) => `    ${p.view.productNumber}  ${p.view.id}  ${p.view.name}`),
    `  promo codes:     ${[...PROMO_CODES.keys()].join(', ')}`,
  ];
  return lines.join('\n');
}
