/** What the Orders view's two elements share on top of the widget's `base`: statuses, actions, tables. */
import { css } from 'lit';

/** Status badges, the danger button, rows of actions, tables of people and units. */
export const ordersStyles = css`
  :host {
    display: grid;
    gap: var(--_space);
  }
  h2 {
    font-size: 1.35em;
  }
  h3 {
    font-size: 1.1em;
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-accent);
    font-weight: 600;
  }
  button.link {
    min-height: 2.75em;
    border: 0;
    background: none;
    padding: 0.5em 0;
    color: var(--_accent);
    text-decoration: underline;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .status {
    font-weight: 600;
  }
  .status[data-status='Cancelled'] {
    color: var(--_danger);
  }
  .status[data-status='Partly cancelled'] {
    color: var(--_warning);
  }
  .status[data-status='Active'] {
    color: var(--_success);
  }
  .notice {
    padding: calc(var(--_space) * 0.75);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.25em;
  }
  th,
  td {
    text-align: start;
    padding: 0.25em 0.5em 0.25em 0;
    vertical-align: middle;
  }
  .amount {
    text-align: end;
    white-space: nowrap;
  }
  thead th {
    font-weight: 600;
    border-bottom: 1px solid var(--_border);
  }
`;
