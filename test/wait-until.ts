/**
 * `waitUntil` of @open-wc/testing with room for a busy machine. Its 1 s default is a wall-clock
 * limit in disguise: a later step that the test server compiles on its first request, on a CI
 * machine running two browsers' tests at once, can take longer to appear. What a test waits for is
 * something the element must do, not how fast it does it, so the wait gives it 4 s by default.
 */
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

export const waitUntil = (
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> => openWcWaitUntil(predicate, message, { timeout: 4000, ...options });
