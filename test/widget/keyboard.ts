/**
 * What a keyboard user needs from a button that makes its element busy: the focus stays where
 * they pressed, and pressing again while busy does nothing (the widget's busy buttons are
 * aria-disabled, not disabled, for exactly this).
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LitElement } from 'lit';

/**
 * Presses `button` with Enter (it must fire `event`), lets `busy` make the element busy (the host's
 * part; nothing when the button does it itself), then checks that the focus stayed on the button
 * and that Enter, Space and a click while busy fire nothing more.
 */
export async function expectBusyKeepsFocus(
  el: LitElement,
  button: HTMLElement,
  event: string,
  busy: () => void = () => undefined,
): Promise<void> {
  button.focus();
  const fired = oneEvent(el, event);
  await sendKeys({ press: 'Enter' });
  await fired;
  busy();
  await el.updateComplete;
  // Booleans: chai's report of two elements that differ takes longer than the run.
  expect(el.shadowRoot!.activeElement === button, 'focus stays on the pressed button').to.equal(
    true,
  );
  expect(button.getAttribute('aria-disabled'), 'announced as unavailable').to.equal('true');
  let more = 0;
  const count = () => more++;
  el.addEventListener(event, count);
  await sendKeys({ press: 'Enter' });
  await sendKeys({ press: 'Space' });
  button.click();
  await el.updateComplete;
  el.removeEventListener(event, count);
  expect(more, 'presses while busy').to.equal(0);
  expect(el.shadowRoot!.activeElement === button, 'focus still there').to.equal(true);
}
