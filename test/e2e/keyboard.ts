/**
 * Keyboard helpers for end-to-end runs: move focus the way a shopper does (Tab, Shift+Tab, arrows)
 * until a wanted control has it, instead of counting key presses that break whenever a control is
 * added or moved.
 */
import type { Locator, Page } from 'playwright-core';

/** How many key presses a focus walk may take before it gives up. */
const MAX_PRESSES = 60;

/**
 * Whether `target` is the focused element, looking through open shadow roots (the page's
 * `document.activeElement` is only the outermost host).
 */
export async function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((element) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === element;
  });
}

/** A short description of the focused element (deepest), for failure messages. */
export async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return 'nothing';
    const label =
      active.getAttribute('aria-label') ??
      (active as HTMLElement).innerText?.trim().replace(/\s+/g, ' ').slice(0, 60) ??
      '';
    return `<${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}> "${label}"`;
  });
}

/**
 * Presses `key` (Tab by default) until `target` has focus; fails after `max` presses with what
 * has focus instead. Returns how many presses it took. `target` is first waited for, unless
 * `appears` says the presses themselves bring it on screen (arrows into another month).
 */
export async function pressUntilFocused(
  page: Page,
  target: Locator,
  options: { key?: string; max?: number; appears?: boolean } = {},
): Promise<number> {
  const { key = 'Tab', max = MAX_PRESSES, appears = false } = options;
  if (!appears) await target.waitFor();
  for (let presses = 0; presses <= max; presses++) {
    if ((await target.count()) > 0 && (await hasFocus(target))) return presses;
    if (presses < max) await page.keyboard.press(key);
  }
  throw new Error(
    `${key} ×${max} never reached ${target.toString()}; focus is on ${await describeFocus(page)}`,
  );
}

/** Tabs to `target` and presses `key` on it (Enter by default). */
export async function activate(
  page: Page,
  target: Locator,
  key: 'Enter' | 'Space' = 'Enter',
): Promise<void> {
  await pressUntilFocused(page, target);
  await page.keyboard.press(key);
}

/** Waits for `target` to take focus by itself (a step heading after the step changes). */
export async function waitForFocus(target: Locator, timeoutMs = 5_000): Promise<void> {
  await until(() => hasFocus(target), `${target.toString()} to take focus`, timeoutMs);
}

/**
 * Polls `check` until it is true (no fixed sleep: the next look follows the previous one, a
 * frame apart), failing after `timeoutMs` with `what`.
 */
export async function until(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
