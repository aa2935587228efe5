/**
 * The theme contract every element shares. Operators restyle the widget with these custom
 * properties (documented in the README) and with `::part()`; nothing else crosses the shadow root.
 */
import { css } from 'lit';

/**
 * Base styles: the `--resmark-*` properties with their defaults, and the look of buttons, inputs,
 * focus and the visually-hidden helper. Defaults meet WCAG AA contrast on white.
 */
export const base = css`
  :host {
    --_accent: var(--resmark-color-accent, #0b5f86);
    --_on-accent: var(--resmark-color-on-accent, #ffffff);
    --_text: var(--resmark-color-text, #1b2631);
    --_muted: var(--resmark-color-muted, #4f5d69);
    --_surface: var(--resmark-color-surface, #ffffff);
    --_subtle: var(--resmark-color-subtle, #f2f5f7);
    --_border: var(--resmark-color-border, #8a97a3);
    --_danger: var(--resmark-color-danger, #b3261e);
    --_warning: var(--resmark-color-warning, #8a4b00);
    --_success: var(--resmark-color-success, #1b6e2e);
    --_radius: var(--resmark-radius, 8px);
    --_space: var(--resmark-space, 1em);
    font-family: var(--resmark-font-family, inherit);
    /*
     * Sized from the page around it, not from the root: a page with html { font-size: 62.5% }
     * (10 px rem) and 1.6rem body text would otherwise get 10 px text and 27.5 px buttons. We chose
     * the surrounding text's size, but never under 16 px: smaller is hard to read on a phone, iOS
     * zooms into a field under 16 px, and the 44 px targets below are 2.75em. A page whose text is
     * larger (or a reader who enlarged it) gets larger. --resmark-font-size overrides both.
     */
    font-size: var(--resmark-font-size, max(1em, 16px));
    color: var(--_text);
    /*
     * The page's typography stops here: a centred, uppercase, tracked body is not the widget's.
     * !important because a page's own rules reach the host itself (* { line-height: 3 }) and
     * beat a normal :host rule, whereas an !important :host declaration beats the page's, even an
     * !important one (CSS Cascade 4, context). Inheritance then carries these in. An operator
     * themes the widget through the --resmark-* properties and ::part(). (display stays normal
     * here, so each element's own :host display wins; <resmark-checkout>, the one a page
     * embeds, holds its display with !important.)
     */
    line-height: 1.45 !important;
    font-style: normal !important;
    font-weight: 400 !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    white-space: normal !important;
    word-break: normal !important;
    overflow-wrap: normal !important;
    hyphens: manual !important;
    font-variant: normal !important;
    text-shadow: none !important;
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /*
   * An element inside another one is already at the outer one's size: its :host must not apply
   * --resmark-font-size again (1.2em would grow at every level), so it inherits (1em).
   */
  * {
    --resmark-font-size: 1em;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    min-height: 2.75em;
    padding: 0.5em 1em;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  /* aria-disabled: a busy button keeps the focus a pressed one has (its handler ignores presses). */
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  input,
  select,
  textarea {
    /* A field focused from script (the first one with a problem) shows its label above it too. */
    scroll-margin-top: 3em;
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    width: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  :focus-visible {
    outline: 3px solid var(--resmark-focus-color, var(--_accent));
    outline-offset: 2px;
  }
  /* Layout every element repeats: elements space their parts with gaps, not margins. */
  p,
  h2,
  h3 {
    margin: 0;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  legend {
    font-weight: 600;
    padding: 0;
    /* A legend is not one of its fieldset's grid items: the gap does not reach it. */
    margin-bottom: 0.5em;
  }
  .error {
    color: var(--_danger);
  }
  .muted {
    color: var(--_muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/**
 * The booking flow's frame, the same in both shells (`<resmark-checkout>` and the panel's
 * `<resmark-agent-booking>`): the bar with Back, a row of actions, and the step that hides (and
 * keeps what was typed) while a lapsed hold waits to be renewed.
 */
export const flowLayout = css`
  .bar,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    justify-content: space-between;
  }
  .step {
    display: grid;
    gap: var(--_space);
  }
  .step[hidden] {
    display: none;
  }
`;
