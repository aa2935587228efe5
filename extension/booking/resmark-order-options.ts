import { LitElement, css, html } from 'lit';
import type { PlaceOrderOptions } from '../../shared/session.js';
import { base } from '../../widget/styles.js';

/** How the customer paid, as the agent notes it on the order (`billing.memo`). */
export const PAYMENT_MEMOS = [
  'Collected by the agent',
  'Pay on arrival',
  'Invoice the agency',
] as const;

/** What an agent adds to an order besides the cart. */
export interface AgentOrderFields {
  /** The agent's own reference (their voucher number): the order's `referenceId`. */
  reference: string;
  /** How the customer paid: one of {@link PAYMENT_MEMOS}, or the agent's own words. */
  memo: string;
  /** E-mail Resmark's confirmation to the customer (the API sends none by default). */
  emailCustomer: boolean;
  /** Suppress the product's own notifications (`disableNotification`). */
  noProductNotification: boolean;
  /** Suppress the pending-order notification (`disablePendingOrderNotification`). */
  noPendingNotification: boolean;
  /** Suppress the pending-order response notification (`disablePendingOrderNotificationResponse`). */
  noPendingResponse: boolean;
  /** Add the cart to this existing order (its confirmation number or id) instead of a new one. */
  addTo: string;
}

/** A fresh set of fields: the customer paid the agent, Resmark's defaults for the rest. */
export const emptyOrderFields = (): AgentOrderFields => ({
  reference: '',
  memo: PAYMENT_MEMOS[0],
  emailCustomer: false,
  noProductNotification: false,
  noPendingNotification: false,
  noPendingResponse: false,
  addTo: '',
});

/**
 * The body fields of `POST /order` for `fields` (all but `orderId`, which needs the order's id:
 * see `addTo`). A switch left alone sends nothing, so Resmark's own default applies; the
 * confirmation e-mail is the one whose default the documents give (off through the API: Getting
 * Started, "Important notes"), so it is always sent explicitly.
 */
export function orderOptionsOf(fields: AgentOrderFields): PlaceOrderOptions {
  const memo = fields.memo.trim();
  const reference = fields.reference.trim();
  return {
    ...(reference ? { referenceId: reference } : {}),
    ...(memo ? { billing: { memo } } : {}),
    disableConfirmationEmail: !fields.emailCustomer,
    ...(fields.noProductNotification ? { disableNotification: true } : {}),
    ...(fields.noPendingNotification ? { disablePendingOrderNotification: true } : {}),
    ...(fields.noPendingResponse ? { disablePendingOrderNotificationResponse: true } : {}),
  };
}

/** `detail` of `resmark-order-fields-change`. */
export interface OrderFieldsChange {
  fields: AgentOrderFields;
}

/**
 * What the agent adds to an order: their reference, how the customer paid, the notification
 * switches and "add to an existing order". Agent-only: the panel hides it in customer-facing mode.
 * @tag resmark-order-options
 * @summary An agent's order fields.
 * @fires resmark-order-fields-change - A field changed; `detail.fields` is the whole new set.
 * @csspart error - A field's problem, under it.
 */
export class ResmarkOrderOptions extends LitElement {
  static override properties = { fields: { attribute: false }, errors: { attribute: false } };

  static override styles = [
    base,
    css`
      fieldset {
        display: grid;
        gap: 0.75em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.75em;
        margin: 0;
      }
      legend {
        font-weight: 600;
        padding: 0 0.25em;
      }
      label {
        display: grid;
        gap: 0.25em;
      }
      label.check {
        display: flex;
        align-items: center;
        gap: 0.5em;
      }
      .hint {
        color: var(--_muted);
        font-size: 0.875em;
      }
    `,
  ];

  /** The fields as they stand. */
  declare fields: AgentOrderFields;
  /** Problems by field name (`reference`, `addTo`), shown under the field. */
  declare errors: Partial<Record<keyof AgentOrderFields, string>> | undefined;

  constructor() {
    super();
    this.fields = emptyOrderFields();
  }

  override render() {
    const f = this.fields;
    const custom = !(PAYMENT_MEMOS as readonly string[]).includes(f.memo);
    return html`<fieldset>
      <legend>For the order (not shown to the customer)</legend>
      ${this.#text('reference', 'Your reference', 'Voucher or booking number in your system')}
      <label
        >How the customer paid
        <select @change=${this.#handleMemo}>
          ${PAYMENT_MEMOS.map(
            (memo) => html`<option value=${memo} ?selected=${memo === f.memo}>${memo}</option>`,
          )}
          <option value="" ?selected=${custom}>Other (type it)</option>
        </select>
      </label>
      ${custom ? this.#text('memo', 'Payment note') : ''}
      ${this.#check('emailCustomer', 'E-mail the confirmation to the customer')}
      ${this.#check('noProductNotification', 'Do not send the product’s notifications')}
      ${this.#check('noPendingNotification', 'Do not send the pending-order notification')}
      ${this.#check('noPendingResponse', 'Do not send the pending-order response')}
      ${this.#text(
        'addTo',
        'Add to an existing order',
        'Its confirmation number; leave empty for a new order',
      )}
    </fieldset>`;
  }

  #text(name: 'reference' | 'memo' | 'addTo', label: string, hint?: string) {
    const error = this.errors?.[name];
    return html`<label
      >${label} ${hint ? html`<span class="hint" id=${`${name}-hint`}>${hint}</span>` : ''}
      <input
        name=${name}
        autocomplete="off"
        .value=${this.fields[name]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${[hint ? `${name}-hint` : '', error ? `${name}-error` : '']
          .filter(Boolean)
          .join(' ')}
        @input=${(event: Event) => this.#set(name, (event.target as HTMLInputElement).value)}
      />
      ${error ? html`<span part="error" class="error" id=${`${name}-error`}>${error}</span>` : ''}
    </label>`;
  }

  #check(
    name: 'emailCustomer' | 'noProductNotification' | 'noPendingNotification' | 'noPendingResponse',
    label: string,
  ) {
    return html`<label class="check"
      ><input
        type="checkbox"
        name=${name}
        .checked=${this.fields[name]}
        @change=${(event: Event) => this.#set(name, (event.target as HTMLInputElement).checked)}
      />${label}</label
    >`;
  }

  #handleMemo(event: Event) {
    this.#set('memo', (event.target as HTMLSelectElement).value);
  }

  #set<K extends keyof AgentOrderFields>(name: K, value: AgentOrderFields[K]) {
    // User input: the one time the element sets its own public property.
    this.fields = { ...this.fields, [name]: value };
    this.dispatchEvent(
      new CustomEvent<OrderFieldsChange>('resmark-order-fields-change', {
        detail: { fields: this.fields },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

void (
  customElements.get('resmark-order-options') ??
  customElements.define('resmark-order-options', ResmarkOrderOptions)
);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-order-options': ResmarkOrderOptions;
  }
  interface HTMLElementEventMap {
    'resmark-order-fields-change': CustomEvent<OrderFieldsChange>;
  }
}
