/**
 * Layout checks for the checkout elements' tests: on a 320 px phone nothing sticks out sideways,
 * and every control is a touch target of at least 44 px.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { LitElement } from 'lit';

/** Every element under `root`, through open shadow roots. */
function* deep(root: Element | ShadowRoot): Generator<Element> {
  for (const child of root.children) {
    yield child;
    if (child.shadowRoot) yield* deep(child.shadowRoot);
    yield* deep(child);
  }
}

/** Checks `el` at 320 × 640, then puts the desktop viewport back. */
export async function expectFitsPhone(el: LitElement): Promise<void> {
  await setViewport({ width: 320, height: 640 });
  try {
    await el.updateComplete;
    const all = [el, ...deep(el.shadowRoot!)];
    for (const node of all) {
      const box = node.getBoundingClientRect();
      // Visually hidden helpers are 1 px boxes clipped away; they cannot stick out.
      if (box.width <= 1) continue;
      expect(box.right, `${node.tagName}.${node.className} right edge`).to.be.at.most(320.5);
    }
    for (const control of all.filter((node) => node.matches('button, select, input'))) {
      if ((control as HTMLInputElement).type === 'checkbox') {
        // A checkbox is pressed through its label, which is the target.
        const label = control.closest('label')!;
        expect(label.getBoundingClientRect().height, 'checkbox label height').to.be.at.least(44);
      } else
        expect(control.getBoundingClientRect().height, `${control.tagName} height`).to.be.at.least(
          44,
        );
    }
  } finally {
    await setViewport({ width: 800, height: 600 });
  }
}
