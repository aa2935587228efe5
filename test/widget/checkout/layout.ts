/**
 * Layout checks for the widget elements' tests: on a 320 px phone nothing sticks out sideways,
 * every control is a touch target of at least 44 px, and a page's own typography stays outside.
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

/**
 * A page whose CSS reaches into widgets the common ways: `html { font-size: 62.5% }` (a 10 px rem,
 * and here 10 px body text too) and a centred, uppercase, tracked, italic, unwrapping (a site
 * header's `white-space: nowrap`), small-caps, shadowed ancestor. Pass `parent`
 * as the fixture's `parentNode` (the fixture puts it in the page and removes it); `restore()` puts
 * the root's font size back.
 */
export function loudPage(): { parent: HTMLElement; restore: () => void } {
  const root = document.documentElement;
  const before = root.style.fontSize;
  root.style.fontSize = '62.5%';
  const parent = document.createElement('div');
  parent.style.cssText =
    'text-transform: uppercase; text-align: center; letter-spacing: 0.3em; word-spacing: 1em; font-style: italic; line-height: 3; white-space: nowrap; font-variant: small-caps; text-shadow: 1px 1px red';
  return { parent, restore: () => (root.style.fontSize = before) };
}

/**
 * Checks that `el`, rendered inside `loudPage()`, kept its own typography: text of at least
 * 16 px (the host's, and every control's), nothing uppercase, the page's alignment and spacing
 * reset at the host, and (through `expectFitsPhone`) 44 px targets.
 */
export async function expectOwnTypography(el: LitElement): Promise<void> {
  await el.updateComplete;
  const host = getComputedStyle(el);
  expect(parseFloat(host.fontSize), 'host font size').to.be.at.least(16);
  expect(host.textAlign, 'host text-align').to.equal('start');
  expect(host.letterSpacing, 'host letter-spacing').to.equal('normal');
  expect(host.wordSpacing, 'host word-spacing').to.equal('0px');
  expect(host.fontStyle, 'host font-style').to.equal('normal');
  expect(host.whiteSpace, 'host white-space').to.equal('normal');
  expect(host.fontVariant, 'host font-variant').to.equal('normal');
  expect(host.textShadow, 'host text-shadow').to.equal('none');
  expect(parseFloat(host.lineHeight) / parseFloat(host.fontSize), 'host line-height').to.be.below(
    2,
  );
  const all = [el, ...deep(el.shadowRoot!)];
  for (const node of all) {
    const style = getComputedStyle(node);
    expect(style.textTransform, `${node.tagName} text-transform`).to.equal('none');
    if (node.matches('button, input, select, label'))
      expect(parseFloat(style.fontSize), `${node.tagName} font size`).to.be.at.least(16);
  }
  await expectFitsPhone(el);
}
