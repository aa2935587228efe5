/**
 * The seat lock's countdown for an element: re-renders its host once a second while connected and
 * reports the moment the lock runs out. It only shows the lock; the rule is `shared/session.ts`'s.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The timer functions the controller ticks with; tests pass a fake one to skip real waiting. */
export interface Clock {
  setInterval(handler: () => void, ms: number): unknown;
  // Method syntax: `globalThis.clearInterval`'s narrower parameter still fits.
  clearInterval(id: unknown): void;
}

/** What the controller reads from its host each time it looks. */
export interface SeatLockOptions {
  /** When the lock ends (epoch ms), or `undefined` when nothing is held. */
  expiresAt(): number | undefined;
  /** The current time (epoch ms). */
  now(): number;
  /** Called once per lock, after the render that first shows it at zero. */
  onExpire(): void;
  /** The timer functions; read on each connect, so a host may swap them before it is attached. */
  clock(): Clock;
}

/** Ticks a seat lock down once a second so its host can show the time left. */
export class SeatLockController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: SeatLockOptions;
  #timer: unknown;
  #clock: Clock | undefined;
  // The lock (by its end) already reported: a renewed lock has a new end and may run out again.
  #expired: number | undefined;

  constructor(host: ReactiveControllerHost, options: SeatLockOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Milliseconds left on the lock: 0 once it ran out, `undefined` when nothing is held. */
  get remaining(): number | undefined {
    const end = this.#options.expiresAt();
    return end === undefined ? undefined : Math.max(0, end - this.#options.now());
  }

  /** Runs when the host is attached: starts ticking. */
  hostConnected(): void {
    this.#clock = this.#options.clock();
    this.#timer = this.#clock.setInterval(() => this.#host.requestUpdate(), 1000);
  }

  /** Runs when the host is detached: a detached element keeps no timer (a closed panel would tick on). */
  hostDisconnected(): void {
    this.#clock?.clearInterval(this.#timer);
    this.#clock = this.#timer = undefined;
  }

  /** Runs after each host render: reports a lock that reached zero, once. */
  hostUpdated(): void {
    const end = this.#options.expiresAt();
    if (end !== undefined && this.remaining === 0 && this.#expired !== end) {
      this.#expired = end;
      this.#options.onExpire();
    }
  }
}
