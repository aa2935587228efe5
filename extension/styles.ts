/**
 * Styles the panel's own elements share, on top of the widget's theme (widget/styles.ts `base`).
 */
import { css } from 'lit';

/** A list of rows or cards (suppliers, products, open carts, websites): no bullets, evenly spaced. */
export const stackedList = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
`;
