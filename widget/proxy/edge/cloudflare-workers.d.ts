/**
 * The few parts of the Workers runtime's `cloudflare:workers` module and Durable Object API that
 * `durable-store.ts` uses. The project carries no `@cloudflare/workers-types` (a large package for
 * five signatures); workerd provides the module itself, and esbuild leaves it external.
 */
declare module 'cloudflare:workers' {
  /** A Durable Object's storage (the subset used here; SQLite-backed objects have it too). */
  export interface DurableObjectStorage {
    get<T>(key: string): Promise<T | undefined>;
    put<T>(key: string, value: T): Promise<void>;
    deleteAll(): Promise<void>;
    getAlarm(): Promise<number | null>;
    setAlarm(scheduledTime: number): Promise<void>;
  }

  /** What the runtime gives a Durable Object's constructor. */
  export interface DurableObjectState {
    readonly storage: DurableObjectStorage;
    blockConcurrencyWhile<T>(callback: () => Promise<T>): Promise<T>;
  }

  /** The base class whose public methods a stub can call (RPC). */
  export abstract class DurableObject<Env = unknown> {
    protected readonly ctx: DurableObjectState;
    protected readonly env: Env;
    constructor(ctx: DurableObjectState, env: Env);
  }
}
