import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { formatDate, formatMoney, formatTime } from '../../shared/format.js';
import { roundMoney } from '../../shared/money.js';
import type { Order, OrderItem } from '../../shared/order.js';
import {
  discountLabel,
  lineStyles,
  lineTemplate,
  pickupTemplate,
  totalsTemplate,
  when,
  type PickupsByProduct,
} from '../../widget/checkout/lines.js';
import { base } from '../../widget/styles.js';
import { agentProblem, reportError, type AgentProblem } from './agent-message.js';
import {
  describeCancel,
  isActive,
  isRental,
  lineName,
  linesOf,
  orderStatusWord,
  sendCancel,
  statusOf,
  statusWord,
  type CancelTarget,
  type OrdersClient,
} from './cancel.js';
import { fireOrderEvent } from './events.js';
import { ordersStyles } from './orders.styles.js';

/** The cancellation the dialog is asking about. */
interface PendingCancel {
  target: CancelTarget;
  /** The agent ticked "Waive the cancellation fee". */
  waive: boolean;
  busy: boolean;
  problem?: AgentProblem | undefined;
}

/** A sentence above the order: what a cancellation or a reload did, or why a reload failed. */
interface Notice {
  text: string;
  error?: boolean;
}

/**
 * One order as an agent manages it: its items with their people (activities) or units (rentals),
 * each with price and status, what was paid, any cancellation fee, the reseller block and the
 * agent's reference. The confirmation number copies in one click, the order prints on its own
 * (the print styles leave out every control), and the whole order, one item, one participant or
 * one unit is cancelled behind a confirmation that says what goes and whether the fee applies.
 * What a cancellation did is read from Resmark's answer, never fetched again.
 * @tag resmark-agent-order
 * @summary An order's detail, with copy, print and the four levels of cancellation.
 * @fires resmark-order-cancel - Resmark cancelled what the agent confirmed; `detail.order` is its answer.
 * @fires resmark-error - A cancellation or a reload failed; the agent was told beside the control.
 * @csspart heading - The "Order 100001" heading.
 * @csspart status - The order's status.
 * @csspart number - The confirmation number.
 * @csspart copy - The "Copy" button for the confirmation number.
 * @csspart copy-status - "Copied" (or why not) after a copy.
 * @csspart print - The "Print" button.
 * @csspart facts - Created, customer, reseller, reference and payment note.
 * @csspart items - The list of items.
 * @csspart item - One item.
 * @csspart product - An item's product name.
 * @csspart item-total - An item's amount.
 * @csspart item-status - An item's status.
 * @csspart pickup - An item's pickup.
 * @csspart lines - An item's table of participants or units.
 * @csspart cancel-item - An item's "Cancel item" button.
 * @csspart cancel-line - A participant's or unit's "Cancel" button.
 * @csspart totals - Subtotal, discount, cancellation fee and total.
 * @csspart paid - What was paid.
 * @csspart cancel-order - The "Cancel the whole order" button.
 * @csspart notice - What the last cancellation or reload did.
 * @csspart cancel-dialog - The confirmation dialog.
 * @csspart waive - The "Waive the cancellation fee" checkbox.
 * @csspart confirm - The dialog's button that sends the cancellation.
 * @csspart keep - The dialog's button that closes it with nothing cancelled.
 * @csspart cancel-error - Why a cancellation failed, beside the dialog's buttons.
 * @cssprop --resmark-color-danger - Cancel buttons, the cancelled status and errors.
 */
export class ResmarkAgentOrder extends LitElement {
  static override properties = {
    client: { attribute: false },
    order: { attribute: false },
    pickups: { attribute: false },
    customerFacing: { type: Boolean, attribute: 'customer-facing', reflect: true },
    locale: {},
    currency: {},
    timeZone: { attribute: 'time-zone' },
    _pending: { state: true },
    _notice: { state: true },
    _copy: { state: true },
    _reloading: { state: true },
  };

  static override styles = [
    base,
    lineStyles,
    ordersStyles,
    css`
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 0 var(--_space);
      }
      [part='number'] {
        font-size: 1.5em;
        letter-spacing: 0.05em;
      }
      [part='facts'] {
        display: grid;
        grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
        gap: 0.25em var(--_space);
        margin: 0;
      }
      [part='facts'] dt {
        color: var(--_muted);
      }
      [part='facts'] dd {
        margin: 0;
        /* A 24-hex id or a long e-mail must wrap, not widen a narrow side panel. */
        overflow-wrap: anywhere;
      }
      [part='items'] li {
        gap: 0.5em;
      }
      dialog {
        width: min(30em, 100vw - 1em);
        max-height: calc(100dvh - 1em);
        border: 0;
        border-radius: var(--_radius);
        padding: var(--_space);
        color: var(--_text);
        background: var(--_surface);
      }
      dialog[open] {
        display: grid;
        gap: var(--_space);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.55);
      }
      label {
        display: flex;
        align-items: center;
        gap: 0.5em;
        min-height: 2.75em;
      }
      input[type='checkbox'] {
        width: 1.25em;
        min-height: 1.25em;
        margin: 0;
      }
      @media print {
        button,
        dialog,
        [part='copy-status'],
        [part='notice'] {
          display: none !important;
        }
        .action {
          display: none;
        }
      }
    `,
  ];

  /** Sends the cancellations (and a reload the agent asks for): the agent's `ResmarkClient`. */
  declare client: OrdersClient | undefined;
  /** The order as Resmark answered it; a cancellation replaces it with Resmark's answer. */
  declare order: Order | undefined;
  /** The pickup zones of the order's products, by product number, to name each pickup. */
  declare pickups: PickupsByProduct | undefined;
  /** The screen is turned to the customer: the reference, payment note and comments are hidden. */
  declare customerFacing: boolean;
  /** BCP 47 tag for money, dates and times; the browser's when unset. */
  declare locale: string | undefined;
  /** ISO 4217 code for an order that names none. */
  declare currency: string;
  /** IANA time zone for when the order was made; the browser's when unset. */
  declare timeZone: string | undefined;

  declare _pending: PendingCancel | undefined;
  declare _notice: Notice | undefined;
  declare _copy: 'copied' | 'failed' | undefined;
  declare _reloading: boolean;

  /** The button that opened the dialog, to take the focus back when nothing was cancelled. */
  #opener: HTMLElement | undefined;
  #abort: AbortController | undefined;
  #copyTimer: ReturnType<typeof setTimeout> | undefined;
  #focusNotice = false;

  constructor() {
    super();
    this.currency = 'USD';
    this.customerFacing = false;
    this._reloading = false;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    // A closed panel must not finish a reload into an element nobody sees, nor keep a timer.
    this.#abort?.abort();
    clearTimeout(this.#copyTimer);
  }

  override willUpdate(changed: PropertyValues<this>) {
    const before = changed.get('order');
    if (changed.has('order') && before?.id !== this.order?.id) {
      // Another order: nothing said about the previous one still applies.
      this._pending = this._notice = this._copy = undefined;
    }
  }

  override updated(changed: PropertyValues<this>) {
    const before = changed.get('order');
    if (changed.has('order') && this.order && before?.id !== this.order.id)
      this.renderRoot.querySelector<HTMLElement>('[part=heading]')?.focus();
    // Another order came while the dialog asked about this one: the question no longer stands.
    const dialog = this.renderRoot.querySelector('dialog');
    if (!this._pending && dialog?.open) {
      this.#opener = undefined; // the focus is the new order's heading's
      dialog.close();
    }
    if (this.#focusNotice) {
      this.#focusNotice = false;
      this.renderRoot.querySelector<HTMLElement>('[part=notice]')?.focus();
    }
  }

  get #currency() {
    return this.order?.currency || this.currency;
  }

  #money(amount: number) {
    return formatMoney(amount, this.#currency, this.locale);
  }

  #created(order: Order) {
    // The browser's zone when unset: an empty option would make Intl refuse the zone.
    const zone = this.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
    const day = formatDate(order.createdDate, this.locale, zone);
    return day ? `${day}, ${formatTime(order.createdDate, this.locale, zone)}` : order.createdDate;
  }

  override render() {
    const { order } = this;
    if (!order) return nothing;
    const cancellable = Boolean(this.client) && isActive(order);
    const status = orderStatusWord(order);
    return html`<header>
        <h2 part="heading" tabindex="-1">Order ${order.confirmation}</h2>
        <p part="status" class="status" data-status=${status}>${status}</p>
      </header>
      ${this.#noticeTemplate()}
      <div class="actions">
        <p>Confirmation number <strong part="number">${order.confirmation}</strong></p>
        <button part="copy" @click=${this.#copyConfirmation}>
          Copy<span class="visually-hidden"> confirmation number</span>
        </button>
        <button part="print" @click=${() => window.print()}>
          Print<span class="visually-hidden"> order</span>
        </button>
        <span part="copy-status" role="status" class=${this._copy === 'failed' ? 'error' : ''}
          >${
            this._copy === 'copied'
              ? 'Copied'
              : this._copy === 'failed'
                ? 'Could not copy: select the number and copy it.'
                : ''
          }</span
        >
      </div>
      ${this.#factsTemplate(order)}
      <h3>Items</h3>
      <ul part="items">
        ${order.items.map((item) => this.#itemTemplate(item, cancellable))}
      </ul>
      ${totalsTemplate(
        [
          // The items show amounts before any discount; the subtotal makes the list add up.
          ['Subtotal', order.discount || order.cancellationFee ? (order.subtotal ?? null) : null],
          [discountLabel(order.promoCode), order.discount ? -order.discount : null],
          ['Cancellation fee', order.cancellationFee || null],
          ['Total', order.total],
        ],
        this.#currency,
        this.locale,
      )}
      ${
        order.amountPaid === undefined
          ? nothing
          : html`<p part="paid">
              Paid <strong>${this.#money(order.amountPaid)}</strong>${
                order.paymentSource === 'external' ? ', recorded as paid outside Resmark' : ''
              }
            </p>`
      }
      ${
        cancellable
          ? html`<div class="actions">
              <button
                part="cancel-order"
                class="danger"
                @click=${(event: Event) => this.#ask({ level: 'order' }, event)}
              >
                Cancel the whole order
              </button>
            </div>`
          : nothing
      }
      ${this.#dialogTemplate(order)}`;
  }

  #noticeTemplate() {
    const notice = this._notice;
    if (this._reloading)
      return html`<p part="notice" class="notice" role="status" tabindex="-1">
        Reloading the order…
      </p>`;
    if (!notice) return nothing;
    return html`<div class="actions">
      <p
        part="notice"
        class=${notice.error ? 'notice error' : 'notice'}
        role=${notice.error ? 'alert' : 'status'}
        tabindex="-1"
      >
        ${notice.text}
      </p>
      ${notice.error ? html`<button @click=${this.#reload}>Reload order</button>` : nothing}
    </div>`;
  }

  #factsTemplate(order: Order) {
    const { customer, reseller } = order;
    const agentOnly = !this.customerFacing;
    const phone = customer && [customer['dialCode'], customer['phone']].filter(Boolean).join(' ');
    const fact = (term: string, value: unknown) =>
      html`<dt>${term}</dt>
        <dd>${value}</dd>`;
    return html`<dl part="facts">
      ${fact('Created', this.#created(order))}
      ${
        customer
          ? fact(
              'Customer',
              [`${customer.firstName} ${customer.lastName}`.trim(), customer.email, phone]
                .filter(Boolean)
                .join(', '),
            )
          : nothing
      }
      ${
        reseller
          ? fact(
              'Booked through',
              `${reseller.agencyName}, by ${reseller.agentName} (${reseller.agentEmail})`,
            )
          : nothing
      }
      ${agentOnly && order.referenceId ? fact('Your reference', order.referenceId) : nothing}
      ${agentOnly && order.billing?.memo ? fact('Payment note', order.billing.memo) : nothing}
      ${agentOnly ? fact('Session (order) id', order.id) : nothing}
    </dl>`;
  }

  #itemTemplate(item: OrderItem, orderCancellable: boolean) {
    const cancellable = orderCancellable && isActive(item);
    const status = statusWord(item.status, linesOf(item));
    const comment = item['internalComment'];
    const extra = html`<p part="item-status" class="status" data-status=${status}>${status}</p>
      ${pickupTemplate(item, this.pickups)}
      ${
        !this.customerFacing && typeof comment === 'string' && comment
          ? html`<p>Internal comment: ${comment}</p>`
          : nothing
      }
      ${this.#linesTemplate(item, cancellable)}
      ${
        cancellable
          ? html`<div class="actions">
              <button
                part="cancel-item"
                @click=${(event: Event) => this.#ask({ level: 'item', itemId: item.itemId }, event)}
              >
                Cancel item<span class="visually-hidden"> ${item.productName}</span>
              </button>
            </div>`
          : nothing
      }`;
    return lineTemplate(
      item,
      when(item.date.startTime, item.date.endTime, this.locale),
      this.#currency,
      this.locale,
      extra,
    );
  }

  #linesTemplate(item: OrderItem, cancellable: boolean) {
    const lines = linesOf(item);
    if (lines.length === 0) return nothing;
    const level = isRental(item) ? 'unit' : 'participant';
    const actions = cancellable && lines.some(isActive);
    return html`<table part="lines">
      <caption>
        ${level === 'unit' ? 'Units' : 'Participants'}
      </caption>
      <thead>
        <tr>
          <th scope="col">${level === 'unit' ? 'Unit' : 'Participant'}</th>
          <th scope="col" class="amount">Price</th>
          <th scope="col">Status</th>
          ${
            actions
              ? html`<th scope="col" class="action">
                  <span class="visually-hidden">Action</span>
                </th>`
              : nothing
          }
        </tr>
      </thead>
      <tbody>
        ${lines.map((line) => {
          const name = lineName(item, line);
          const status = statusWord(line.status);
          return html`<tr>
            <th scope="row">${name}</th>
            <td class="amount">${this.#money(line.total)}</td>
            <td class="status" data-status=${status}>${status}</td>
            ${
              actions
                ? html`<td class="action">
                    ${
                      isActive(line)
                        ? html`<button
                            part="cancel-line"
                            @click=${(event: Event) =>
                              this.#ask({ level, itemId: item.itemId, lineId: line.id }, event)}
                          >
                            Cancel<span class="visually-hidden"> ${name}, ${item.productName}</span>
                          </button>`
                        : nothing
                    }
                  </td>`
                : nothing
            }
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  #dialogTemplate(order: Order) {
    const pending = this._pending;
    const words = pending && describeCancel(order, pending.target, this.#currency, this.locale);
    return html`<dialog
      part="cancel-dialog"
      aria-labelledby=${words ? 'cancel-title' : nothing}
      aria-describedby=${words ? 'cancel-what cancel-fee' : nothing}
      @cancel=${this.#dialogCancel}
      @close=${this.#dialogClosed}
    >
      ${
        pending && words
          ? html`<h2 id="cancel-title">${words.title}</h2>
              <p id="cancel-what">${words.what}</p>
              <label>
                <input
                  type="checkbox"
                  part="waive"
                  .checked=${pending.waive}
                  ?disabled=${pending.busy}
                  @change=${(event: Event) =>
                    (this._pending = {
                      ...pending,
                      waive: (event.target as HTMLInputElement).checked,
                    })}
                />
                Waive the cancellation fee
              </label>
              <p id="cancel-fee">
                ${
                  pending.waive
                    ? 'No cancellation fee will be charged for this.'
                    : `The supplier’s cancellation fee applies: Resmark adds its share of ${this.#money(words.amount)} to the order.`
                }
              </p>
              <div class="actions">
                <button
                  part="keep"
                  aria-disabled=${pending.busy ? 'true' : 'false'}
                  @click=${this.#keep}
                >
                  Keep it
                </button>
                <button
                  part="confirm"
                  class="danger"
                  aria-disabled=${pending.busy ? 'true' : 'false'}
                  aria-describedby=${pending.problem ? 'cancel-error' : nothing}
                  @click=${this.#confirm}
                >
                  ${pending.busy ? 'Cancelling…' : words.confirm}
                </button>
              </div>
              ${
                pending.problem
                  ? html`<p id="cancel-error" part="cancel-error" class="error" role="alert">
                        ${pending.problem.message}
                      </p>
                      ${
                        pending.problem.reload
                          ? html`<button @click=${this.#reload}>Reload order</button>`
                          : nothing
                      }`
                  : nothing
              }`
          : nothing
      }
    </dialog>`;
  }

  async #copyConfirmation() {
    const order = this.order;
    if (!order) return;
    clearTimeout(this.#copyTimer);
    try {
      await navigator.clipboard.writeText(String(order.confirmation));
      this._copy = 'copied';
    } catch {
      // No clipboard permission, or the panel lost focus: say so rather than pretend.
      this._copy = 'failed';
    }
    // "Copied" fades after a while, so a second copy is announced again.
    this.#copyTimer = setTimeout(() => (this._copy = undefined), 4000);
  }

  async #ask(target: CancelTarget, event: Event) {
    this.#opener = event.currentTarget as HTMLElement;
    this._pending = { target, waive: false, busy: false };
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return;
    dialog.showModal();
    // The safe choice first: Enter on an opened dialog must not cancel anything.
    dialog.querySelector<HTMLElement>('[part=keep]')?.focus();
  }

  #keep() {
    if (this._pending?.busy) return;
    this.renderRoot.querySelector('dialog')?.close();
  }

  #dialogCancel(event: Event) {
    // Escape while the cancellation is on its way would hide its answer: the dialog stays.
    if (this._pending?.busy) event.preventDefault();
  }

  #dialogClosed() {
    this._pending = undefined;
    const opener = this.#opener;
    this.#opener = undefined;
    // Nothing was cancelled: back to the button the agent pressed.
    if (opener?.isConnected) opener.focus();
  }

  async #confirm() {
    const { client, order } = this;
    const pending = this._pending;
    if (!client || !order || !pending || pending.busy) return;
    const { target } = pending;
    const applyCancellationFee = !pending.waive;
    this._pending = { ...pending, busy: true, problem: undefined };
    this.#abort = new AbortController();
    try {
      const answer = await sendCancel(client, order, target, applyCancellationFee, {
        signal: this.#abort.signal,
      });
      this.#notify(order, answer, target, applyCancellationFee);
      this.order = answer; // the agent's own action: the one time this element sets it
      // The focus goes to what was done (the notice), not back to the pressed button.
      this.#opener = undefined;
      this.renderRoot.querySelector('dialog')?.close();
      fireOrderEvent(this, 'resmark-order-cancel', {
        order: answer,
        target,
        applyCancellationFee,
      });
    } catch (error) {
      if (this.#abort.signal.aborted) return;
      const problem = agentProblem(error, 'cancel');
      this._pending = { ...pending, busy: false, problem };
      reportError(this, error, problem.message);
    }
  }

  /** Says what the answer shows: the thing's new status, the fee it added, the new total. */
  #notify(before: Order, after: Order, target: CancelTarget, applied: boolean) {
    const words = describeCancel(before, target, this.#currency, this.locale);
    const thing = words?.name ?? `The ${target.level}`;
    const cancelled = statusOf(after, target) === 'cancelled';
    const fee = roundMoney((after.cancellationFee ?? 0) - (before.cancellationFee ?? 0));
    const feeText = !applied
      ? 'The cancellation fee was waived.'
      : fee > 0
        ? `A cancellation fee of ${this.#money(fee)} was added.`
        : 'No cancellation fee was added.';
    this._notice = {
      text: cancelled
        ? `${thing} is cancelled. ${feeText} The order’s total is now ${this.#money(after.total)}.`
        : `Resmark accepted the cancellation, but its answer does not show ${thing} as cancelled. The order’s total is ${this.#money(after.total)}.`,
    };
    this.#focusNotice = true;
  }

  async #reload() {
    const { client, order } = this;
    if (!client || !order || this._reloading) return;
    this._reloading = true;
    this.#focusNotice = true;
    this.#opener = undefined;
    this.renderRoot.querySelector('dialog')?.close();
    this.#abort = new AbortController();
    try {
      const fresh = await client.order.get(order.id, { signal: this.#abort.signal });
      this.order = fresh; // the agent asked for it
      this._notice = { text: 'The order is shown as Resmark has it now.' };
    } catch (error) {
      if (this.#abort.signal.aborted) return;
      const problem = agentProblem(error, 'reload');
      this._notice = { text: `The order could not be reloaded. ${problem.message}`, error: true };
      reportError(this, error, problem.message);
    } finally {
      this._reloading = false;
      this.#focusNotice = true;
    }
  }
}

// `void`: the lint rule against unused expressions does not read `??` as a statement.
void (
  customElements.get('resmark-agent-order') ??
  customElements.define('resmark-agent-order', ResmarkAgentOrder)
);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-agent-order': ResmarkAgentOrder;
  }
}
