/**
 * Money arithmetic where the project needs its own (the sandbox pricing a cart, a fee shown before
 * the API confirms it). A cart's totals on screen always come from the API, never from here.
 */

/**
 * Rounds to cents, half away from zero, the way a person would: 1.005 → 1.01, -2.675 → -2.68.
 * `NaN` and infinities come back unchanged.
 */
export function roundMoney(amount: number): number {
  if (!Number.isFinite(amount)) return amount;
  // 1.005 * 100 is 100.49999999999999 in binary floating point; 15 significant digits is past any
  // cent amount we will see and drops that noise, so the half rounds the way it was written.
  const cents = Math.round(Number((Math.abs(amount) * 100).toPrecision(15)));
  return cents === 0 ? 0 : (Math.sign(amount) * cents) / 100;
}

/** `percent` % of `amount`, rounded to cents: `percentOf(237, 10)` → 23.7. */
export function percentOf(amount: number, percent: number): number {
  return roundMoney((amount * percent) / 100);
}
