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
    --_space: var(--resmark-space, 1rem);
    font-family: var(--resmark-font-family, inherit);
    font-size: var(--resmark-font-size, 1rem);
    color: var(--_text);
    line-height: 1.45;
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
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
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
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
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
    gap: 0.75rem;
  }
  legend {
    font-weight: 600;
    padding: 0;
    /* A legend is not one of its fieldset's grid items: the gap does not reach it. */
    margin-bottom: 0.5rem;
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
