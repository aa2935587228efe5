import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { base } from '../../widget/styles.js';
import { stackedList } from '../styles.js';
import { fireSupplierEvent } from './events.js';
import type { ListedSupplier } from './supplier-match.js';

/** From this many bookable suppliers on, the picker offers a field to filter them by name. */
export const FILTER_FROM = 8;

/** Lower case without accents, so "cañon" finds "Canon" and the other way round. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');

/**
 * Lets the agent choose the supplier to book for. The supplier whose website the active tab is on
 * (`offered`) comes first, under "You are on this supplier's site"; the others follow in the
 * order given. Suppliers the API no longer lists (`available: false`) are left out: they cannot
 * be booked. Toggle buttons (`aria-pressed`): Tab or the arrow keys (Home, End) move between
 * them, Enter or Space chooses. A long list (see `FILTER_FROM`) gets a field that filters it by
 * name as the agent types; typing on a supplier goes on in that field, and Enter there chooses
 * the first supplier it shows. A short list jumps to the next name starting with the letter typed.
 * @tag resmark-supplier-picker
 * @summary The suppliers to book for, the one whose site is open first.
 * @fires resmark-supplier-select - The agent chose a supplier; `detail.supplier` is it.
 * @csspart offered - The group of the supplier whose site is open, with its note.
 * @csspart supplier - Each supplier's button.
 * @csspart filter - The field that filters suppliers by name.
 * @cssprop --resmark-color-accent - The chosen supplier's border and the offered one's note.
 */
export class ResmarkSupplierPicker extends LitElement {
  static override properties = {
    suppliers: { attribute: false },
    offered: {},
    selected: {},
  };

  static override styles = [
    base,
    stackedList,
    css`
      :host {
        display: grid;
        gap: 0.75em;
      }
      [part='supplier'] {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        width: 100%;
        text-align: start;
      }
      [aria-pressed='true'] {
        border: 2px solid var(--_accent);
        background: var(--_subtle);
      }
      .name {
        font-weight: 600;
      }
      .sites {
        overflow-wrap: anywhere;
      }
      [part='offered'] {
        display: grid;
        gap: 0.25em;
      }
      .note {
        color: var(--_accent);
        font-weight: 600;
      }
      .field {
        display: grid;
        gap: 0.25em;
      }
      label {
        font-weight: 600;
      }
    `,
  ];

  /** The suppliers to choose from, as `mergeSuppliers` lists them. */
  declare suppliers: ListedSupplier[];
  /** The `entityId` of the supplier whose website the active tab is on, offered first. */
  declare offered: string | undefined;
  /** The chosen supplier's `entityId`. */
  declare selected: string | undefined;

  #filter = '';

  constructor() {
    super();
    this.suppliers = [];
  }

  override render() {
    const bookable = this.suppliers.filter((supplier) => supplier.available !== false);
    if (bookable.length === 0)
      return html`<p class="empty">
        No suppliers to book for yet. Suppliers appear here when your agency may book their
        products.
      </p>`;
    const offered = bookable.find((supplier) => supplier.entityId === this.offered);
    const rest = bookable.filter((supplier) => supplier !== offered);
    const filtering = bookable.length >= FILTER_FROM;
    const wanted = fold(this.#filter.trim());
    const shown =
      filtering && wanted ? rest.filter((supplier) => fold(supplier.name).includes(wanted)) : rest;
    return html`
      ${
        offered
          ? html`<div part="offered" role="group" aria-labelledby="offered-note">
              <p id="offered-note" class="note">You are on this supplier’s site</p>
              ${this.#button(offered)}
            </div>`
          : nothing
      }
      ${
        filtering
          ? html`<div class="field">
              <label for="filter">Find a supplier by name</label>
              <input
                id="filter"
                part="filter"
                type="search"
                autocomplete="off"
                spellcheck="false"
                aria-controls="list"
                aria-describedby="count"
                .value=${live(this.#filter)}
                @input=${this.#handleFilterInput}
                @keydown=${this.#handleFilterKeydown}
              />
              <p id="count" class="muted" role="status">
                ${
                  wanted
                    ? `${shown.length} of ${rest.length} ${offered ? 'other ' : ''}suppliers shown`
                    : ''
                }
              </p>
            </div>`
          : nothing
      }
      ${
        wanted && shown.length === 0
          ? html`<p class="none">No supplier’s name contains “${this.#filter.trim()}”.</p>`
          : nothing
      }
      ${
        offered && rest.length > 0
          ? html`<p id="others" class="muted">Other suppliers</p>`
          : nothing
      }
      <ul
        id="list"
        aria-label=${offered ? nothing : 'Suppliers'}
        aria-labelledby=${offered && rest.length > 0 ? 'others' : nothing}
        ?hidden=${shown.length === 0}
      >
        ${shown.map((supplier) => html`<li>${this.#button(supplier)}</li>`)}
      </ul>
    `;
  }

  #button(supplier: ListedSupplier) {
    return html`<button
      part="supplier"
      data-entity=${supplier.entityId}
      aria-pressed=${String(supplier.entityId === this.selected)}
      @click=${() => this.#choose(supplier)}
      @keydown=${this.#handleButtonKeydown}
    >
      <span class="name">${supplier.name}</span>
      ${
        supplier.patterns.length > 0
          ? html`<span class="sites muted">${supplier.patterns.join(', ')}</span>`
          : nothing
      }
    </button>`;
  }

  #buttons() {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part=supplier]')].filter(
      (button) => !button.closest('[hidden]'),
    );
  }

  #handleFilterInput = (event: Event) => {
    this.#filter = (event.target as HTMLInputElement).value;
    this.requestUpdate();
  };

  #handleFilterKeydown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLButtonElement>('#list [part=supplier]')?.focus();
    } else if (event.key === 'Enter' && this.#filter.trim()) {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLButtonElement>('#list [part=supplier]')?.click();
    }
  };

  #handleButtonKeydown = (event: KeyboardEvent) => {
    const buttons = this.#buttons();
    const at = buttons.indexOf(event.currentTarget as HTMLButtonElement);
    const filter = this.renderRoot.querySelector<HTMLInputElement>('#filter');
    const move = (to: number) => {
      event.preventDefault();
      buttons[Math.max(0, Math.min(buttons.length - 1, to))]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(at + 1);
      case 'ArrowUp':
        // Above the first supplier of the list is the field that filters it.
        if (filter && at === buttons.indexOf(this.#firstListed()!)) {
          event.preventDefault();
          return filter.focus();
        }
        return move(at - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(buttons.length - 1);
    }
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === ' ') return; // Space presses the button.
    event.preventDefault();
    if (filter) {
      // Type-to-filter: the letter goes on in the field, as if it had been typed there.
      this.#filter += event.key;
      this.requestUpdate();
      filter.focus();
      return;
    }
    // A short list: the next supplier whose name starts with the letter, after this one.
    const letter = fold(event.key);
    const order = [...buttons.slice(at + 1), ...buttons.slice(0, at + 1)];
    order
      .find((button) => fold(button.querySelector('.name')?.textContent ?? '').startsWith(letter))
      ?.focus();
  };

  #firstListed() {
    return this.renderRoot.querySelector<HTMLButtonElement>('#list [part=supplier]');
  }

  #choose(supplier: ListedSupplier) {
    this.selected = supplier.entityId; // user input: the one time we set our own public property
    fireSupplierEvent(this, 'resmark-supplier-select', { supplier });
  }
}

if (!customElements.get('resmark-supplier-picker'))
  customElements.define('resmark-supplier-picker', ResmarkSupplierPicker);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-supplier-picker': ResmarkSupplierPicker;
  }
}
