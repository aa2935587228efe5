/**
 * The sandbox's clock. Seat locks and tokens age by it, so a test can move time forward through
 * `POST /__sandbox/clock` instead of waiting 30 minutes.
 */

/** A clock that can be moved forward and put back where it started. */
export interface SandboxClock {
  /** The sandbox's time, epoch ms. */
  now(): number;
  /** Moves the clock forward by `ms` and returns the new time. */
  advance(ms: number): number;
  /** Takes back every `advance`. */
  reset(): void;
}

/**
 * `start` as a number freezes the clock there (tests: nothing moves unless advanced); as a function
 * it is the time source. The default follows the wall clock, so a demo's locks run out for real.
 */
export function createClock(start: number | (() => number) = Date.now): SandboxClock {
  const source = typeof start === 'number' ? () => start : start;
  let offset = 0;
  return {
    now: () => source() + offset,
    advance(ms) {
      offset += ms;
      return source() + offset;
    },
    reset() {
      offset = 0;
    },
  };
}
