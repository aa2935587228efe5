/** The local Resmark sandbox: build it in-process or serve it over HTTP. */
export { createSandbox } from './app.js';
export type { Sandbox, SandboxOptions } from './app.js';
export { startSandbox } from './server.js';
export type { RunningSandbox, StartOptions } from './server.js';
