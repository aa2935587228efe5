import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { base } from '../../widget/styles.js';
import { stackedList } from '../styles.js';
import { fireSupplierEvent } from './events.js';
import {
  exportSuppliers,
  fallbackName,
  importSuppliers,
  mergeSuppliers,
  parsePattern,
  type ListedSupplier,
  type Supplier,
} from './supplier-match.js';

/** The name an export is downloaded under. */
export const EXPORT_FILE_NAME = 'resmark-suppliers.json';
/** A supplier export is a few KB; anything past this is the wrong file. */
const MAX_IMPORT_BYTES = 1024 * 1024;
const HINT = 'For example *.canyonkayak.com or https://book.canyonkayak.com/tours/*';

type Status = { text: string; tone: 'ok' | 'error' } | undefined;

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The agent's supplier settings: a name for each supplier the API lets them book, the websites
 * (patterns, see `supplier-match.ts`) on which that supplier is offered first, and JSON import and
 * export to move them between browsers or share them with a colleague. Suppliers the API no longer
 * lists stay until the agent forgets them, marked as not bookable now. Forgetting a supplier's
 * settings can be undone until the next change.
 *
 * Patterns are checked at the field, with the message beside it, and saved in their normal form
 * (lower-case host, port left out). Names are saved when the field is left or Enter is pressed.
 * Escape leaves a pattern being edited unchanged.
 * @tag resmark-supplier-manager
 * @summary Names suppliers and their websites; imports and exports them as JSON.
 * @fires resmark-suppliers-change - The agent changed something; `detail.suppliers` is the whole new list to keep.
 * @csspart heading - The "Suppliers" heading.
 * @csspart supplier - Each supplier's settings.
 * @csspart pattern - Each website pattern of a supplier.
 * @csspart status - The line that says what the last change did.
 * @csspart transfer - The import and export controls.
 * @cssprop --resmark-color-danger - A field's message when what was typed is not accepted.
 * @cssprop --resmark-color-success - The status after a change that worked.
 */
export class ResmarkSupplierManager extends LitElement {
  static override properties = {
    suppliers: { attribute: false },
    known: { attribute: false },
  };

  static override styles = [
    base,
    stackedList,
    css`
      section {
        display: grid;
        gap: var(--_space);
      }
      h2 {
        font-size: 1.25em;
      }
      h3 {
        font-size: 1.1em;
      }
      .suppliers {
        gap: var(--_space);
      }
      [part='supplier'],
      [part='transfer'] {
        display: grid;
        gap: 0.75em;
        padding: 0.75em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .field {
        display: grid;
        gap: 0.25em;
      }
      label {
        font-weight: 600;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em;
      }
      .row input {
        flex: 1 1 12em;
        width: auto;
      }
      [part='pattern'] {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em;
      }
      [part='pattern'] > code {
        flex: 1 1 10em;
        overflow-wrap: anywhere;
      }
      textarea {
        min-height: 6em;
        font-family: ui-monospace, monospace;
      }
      .ok {
        color: var(--_success);
      }
      .gone {
        color: var(--_warning);
      }
    `,
  ];

  /** The agent's saved suppliers (as persisted by the panel). Replaced, never mutated. */
  declare suppliers: Supplier[];
  /** The `entityId`s of the suppliers the API lets the agent book now (their products' `entityId`). */
  declare known: string[];

  /** The pattern being edited: its supplier, its place in the list, what is typed, any problem. */
  #editing: { entityId: string; index: number; draft: string; error?: string } | undefined;
  /** What is typed in each supplier's "Add a website" field, and its problem, by entityId. */
  #adding = new Map<string, { draft: string; error?: string }>();
  #listStatus: Status;
  /** What "Undo" puts back after a supplier's settings were forgotten: the list before, and whose. */
  #undo: { suppliers: Supplier[]; entityId: string; name: string } | undefined;
  #transferStatus: Status;
  #paste = '';
  /** Where the last import failed, so that field is marked. */
  #importFailed: 'file' | 'paste' | undefined;

  constructor() {
    super();
    this.suppliers = [];
    this.known = [];
  }

  override willUpdate(changed: PropertyValues<this>) {
    // The panel may replace the list (another window changed it): a pattern being edited that is
    // no longer there is not edited any more.
    const editing = this.#editing;
    if (changed.has('suppliers') && editing) {
      const patterns = this.#saved(editing.entityId)?.patterns ?? [];
      if (editing.index >= patterns.length) this.#editing = undefined;
    }
  }

  override render() {
    const listed = mergeSuppliers(
      this.known.map((entityId) => ({ entityId })),
      this.suppliers,
    );
    return html`<section aria-labelledby="heading">
      <h2 id="heading" part="heading" tabindex="-1">Suppliers</h2>
      ${
        listed.length === 0
          ? html`<p class="empty">
              No suppliers yet. The suppliers you may book appear here once you are signed in; you
              can also import a list you exported before.
            </p>`
          : html`<p class="muted">
                Name each supplier and add the websites where you book it. When you open the panel
                on one of those websites, that supplier is offered first.
              </p>
              <ul class="suppliers">
                ${listed.map((supplier, i) => this.#supplier(supplier, i))}
              </ul>`
      }
      <p part="status" role="status" class=${this.#listStatus?.tone === 'error' ? 'error' : 'ok'}>
        ${this.#listStatus?.text ?? ''}
      </p>
      ${
        this.#undo
          ? html`<div>
              <button
                class="undo"
                aria-label="Undo: restore ${this.#undo.name}"
                @click=${this.#restore}
              >
                Undo
              </button>
            </div>`
          : nothing
      }
      ${this.#transfer()}
    </section>`;
  }

  #supplier(supplier: ListedSupplier, i: number) {
    const id = `s${i}`;
    const saved = this.#saved(supplier.entityId);
    const adding = this.#adding.get(supplier.entityId) ?? { draft: '' };
    return html`<li part="supplier" data-entity=${supplier.entityId}>
      <h3 id="${id}-title">${supplier.name}</h3>
      ${
        supplier.available
          ? nothing
          : html`<p class="gone">
              Your agency cannot book this supplier now. Its settings are kept until you forget
              them.
            </p>`
      }
      <div class="field">
        <label for="${id}-name"
          >Name<span class="visually-hidden"> of ${supplier.name}</span></label
        >
        <input
          id="${id}-name"
          class="name"
          autocomplete="off"
          maxlength="100"
          placeholder=${supplier.named ? '' : supplier.name}
          .value=${live(saved?.name ?? '')}
          @change=${(event: Event) => this.#rename(supplier, event.target as HTMLInputElement)}
        />
      </div>
      ${
        supplier.patterns.length === 0
          ? html`<p class="muted">No websites yet.</p>`
          : html`<ul aria-label="Websites of ${supplier.name}">
              ${supplier.patterns.map((pattern, index) =>
                this.#pattern(supplier, pattern, index, `${id}-p${index}`),
              )}
            </ul>`
      }
      <form class="field add" @submit=${(event: Event) => this.#add(event, supplier)}>
        <label for="${id}-add"
          >Add a website<span class="visually-hidden"> to ${supplier.name}</span></label
        >
        <div class="row">
          <input
            id="${id}-add"
            class="add-pattern"
            autocomplete="off"
            spellcheck="false"
            .value=${live(adding.draft)}
            aria-invalid=${adding.error ? 'true' : 'false'}
            aria-describedby="${id}-add-hint${adding.error ? ` ${id}-add-error` : ''}"
            @input=${(event: Event) =>
              this.#typeAdd(supplier.entityId, (event.target as HTMLInputElement).value)}
          />
          <button type="submit" aria-label="Add website to ${supplier.name}">Add</button>
        </div>
        ${
          adding.error
            ? html`<p id="${id}-add-error" class="error" role="alert">${adding.error}</p>`
            : nothing
        }
        <p id="${id}-add-hint" class="muted">${HINT}</p>
      </form>
      ${
        saved
          ? html`<div>
              <button
                class="forget"
                aria-label="Forget settings of ${supplier.name}"
                @click=${() => this.#forget(supplier)}
              >
                Forget settings
              </button>
            </div>`
          : nothing
      }
    </li>`;
  }

  #pattern(supplier: ListedSupplier, pattern: string, index: number, id: string) {
    const editing = this.#editing;
    if (editing?.entityId === supplier.entityId && editing.index === index)
      return html`<li>
        <form
          class="field edit"
          @submit=${(event: Event) => this.#saveEdit(event, supplier)}
          @keydown=${(event: KeyboardEvent) => {
            if (event.key === 'Escape') this.#cancelEdit(supplier.entityId, index);
          }}
        >
          <label for="${id}-edit">Edit website ${pattern}</label>
          <div class="row">
            <input
              id="${id}-edit"
              class="edit-pattern"
              autocomplete="off"
              spellcheck="false"
              .value=${live(editing.draft)}
              aria-invalid=${editing.error ? 'true' : 'false'}
              aria-describedby="${id}-hint${editing.error ? ` ${id}-error` : ''}"
              @input=${(event: Event) => this.#typeEdit((event.target as HTMLInputElement).value)}
            />
            <button type="submit">Save</button>
            <button type="button" @click=${() => this.#cancelEdit(supplier.entityId, index)}>
              Cancel
            </button>
          </div>
          ${
            editing.error
              ? html`<p id="${id}-error" class="error" role="alert">${editing.error}</p>`
              : nothing
          }
          <p id="${id}-hint" class="muted">${HINT}. Escape cancels.</p>
        </form>
      </li>`;
    return html`<li part="pattern" data-index=${index}>
      <code>${pattern}</code>
      <button
        class="edit"
        aria-label="Edit ${pattern}"
        @click=${() => this.#startEdit(supplier, index)}
      >
        Edit
      </button>
      <button
        class="remove"
        aria-label="Remove ${pattern}"
        @click=${() => this.#removePattern(supplier, index)}
      >
        Remove
      </button>
    </li>`;
  }

  #transfer() {
    const failed = this.#importFailed;
    return html`<section part="transfer" aria-labelledby="transfer-title">
      <h3 id="transfer-title">Import and export</h3>
      <div class="row">
        <button class="download" @click=${this.#download}>Download JSON</button>
        <button class="copy" @click=${this.#copy}>Copy JSON</button>
      </div>
      <div class="field">
        <label for="file">Import from a file</label>
        <input
          id="file"
          type="file"
          accept=".json,application/json"
          aria-invalid=${failed === 'file' ? 'true' : 'false'}
          aria-describedby=${failed === 'file' ? 'transfer-status' : nothing}
          @change=${this.#importFile}
        />
      </div>
      <div class="field">
        <label for="paste">Or paste JSON</label>
        <textarea
          id="paste"
          spellcheck="false"
          .value=${live(this.#paste)}
          aria-invalid=${failed === 'paste' ? 'true' : 'false'}
          aria-describedby=${failed === 'paste' ? 'transfer-status' : nothing}
          @input=${(event: Event) => {
            this.#paste = (event.target as HTMLTextAreaElement).value;
          }}
        ></textarea>
        <div>
          <button class="import" @click=${this.#importPaste}>Import pasted JSON</button>
        </div>
      </div>
      <p
        id="transfer-status"
        part="status"
        role="status"
        class=${this.#transferStatus?.tone === 'error' ? 'error' : 'ok'}
      >
        ${this.#transferStatus?.text ?? ''}
      </p>
    </section>`;
  }

  #saved(entityId: string): Supplier | undefined {
    return this.suppliers.find((entry) => entry.entityId === entityId);
  }

  /**
   * Applies `change` to the supplier's saved entry (a new one if it has none), drops the entry if
   * nothing is left in it, and tells the panel. The one place the list is replaced.
   */
  #change(entityId: string, change: (entry: Supplier) => Supplier | undefined) {
    const current = this.#saved(entityId) ?? { entityId, name: '', patterns: [] };
    const next = change({ ...current, patterns: [...current.patterns] });
    const keep = next && (next.name !== '' || next.patterns.length > 0) ? next : undefined;
    const list = this.suppliers.filter((entry) => entry.entityId !== entityId || keep);
    if (keep) {
      const at = list.findIndex((entry) => entry.entityId === entityId);
      if (at === -1) list.push(keep);
      else list[at] = keep;
    }
    this.#commit(list);
  }

  /** Sets the new list (user input: the one time we set our own public property) and tells. */
  #commit(list: Supplier[]) {
    this.#undo = undefined;
    this.suppliers = list;
    fireSupplierEvent(this, 'resmark-suppliers-change', { suppliers: list });
  }

  #say(text: string, tone: 'ok' | 'error' = 'ok') {
    this.#listStatus = { text, tone };
  }

  async #focus(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #within(entityId: string, selector: string) {
    return `[data-entity="${CSS.escape(entityId)}"] ${selector}`;
  }

  #rename(supplier: ListedSupplier, input: HTMLInputElement) {
    const name = input.value.trim();
    if (name === (this.#saved(supplier.entityId)?.name ?? '')) {
      input.value = name;
      return;
    }
    this.#change(supplier.entityId, (entry) => ({ ...entry, name }));
    this.#say(
      name ? `Named ${name}.` : `Name cleared: listed as ${fallbackName(supplier.entityId)} again.`,
    );
  }

  /** Reads a typed pattern against `others` (the supplier's other patterns). */
  #check(draft: string, others: string[]): { text: string } | { error: string } {
    const parsed = parsePattern(draft);
    if (!parsed.ok) return { error: parsed.message };
    const text = parsed.pattern.text;
    const same = others.some((other) => {
      const known = parsePattern(other);
      return (known.ok ? known.pattern.text : other) === text;
    });
    return same ? { error: `This supplier already has ${text}.` } : { text };
  }

  #typeAdd(entityId: string, draft: string) {
    const before = this.#adding.get(entityId);
    // Once a problem is shown, it follows the typing, so it goes away as soon as it is fixed.
    const error = before?.error
      ? (() => {
          const result = this.#check(draft, this.#saved(entityId)?.patterns ?? []);
          return 'error' in result ? result.error : undefined;
        })()
      : undefined;
    this.#adding.set(entityId, error ? { draft, error } : { draft });
    this.requestUpdate();
  }

  #add(event: Event, supplier: ListedSupplier) {
    event.preventDefault();
    const draft = this.#adding.get(supplier.entityId)?.draft ?? '';
    const result = this.#check(draft, supplier.patterns);
    if ('error' in result) {
      this.#adding.set(supplier.entityId, { draft, error: result.error });
      this.requestUpdate();
      void this.#focus(this.#within(supplier.entityId, '.add-pattern'));
      return;
    }
    this.#adding.delete(supplier.entityId);
    this.#change(supplier.entityId, (entry) => ({
      ...entry,
      patterns: [...entry.patterns, result.text],
    }));
    this.#say(`Added ${result.text} to ${supplier.name}.`);
    void this.#focus(this.#within(supplier.entityId, '.add-pattern'));
  }

  #startEdit(supplier: ListedSupplier, index: number) {
    this.#editing = { entityId: supplier.entityId, index, draft: supplier.patterns[index] ?? '' };
    this.requestUpdate();
    void this.#focus(this.#within(supplier.entityId, '.edit-pattern'));
  }

  #typeEdit(draft: string) {
    const editing = this.#editing;
    if (!editing) return;
    editing.draft = draft;
    if (editing.error) {
      const result = this.#check(draft, this.#othersThan(editing.entityId, editing.index));
      editing.error = 'error' in result ? result.error : undefined;
    }
    this.requestUpdate();
  }

  #othersThan(entityId: string, index: number) {
    return (this.#saved(entityId)?.patterns ?? []).filter((_, i) => i !== index);
  }

  #saveEdit(event: Event, supplier: ListedSupplier) {
    event.preventDefault();
    const editing = this.#editing;
    if (!editing) return;
    const before = supplier.patterns[editing.index] ?? '';
    const result = this.#check(editing.draft, this.#othersThan(editing.entityId, editing.index));
    if ('error' in result) {
      editing.error = result.error;
      this.requestUpdate();
      void this.#focus(this.#within(supplier.entityId, '.edit-pattern'));
      return;
    }
    this.#editing = undefined;
    if (result.text === before) {
      this.requestUpdate();
      this.#say(`${before} is unchanged.`);
    } else {
      this.#change(supplier.entityId, (entry) => ({
        ...entry,
        patterns: entry.patterns.map((p, i) => (i === editing.index ? result.text : p)),
      }));
      this.#say(`Changed ${before} to ${result.text}.`);
    }
    void this.#focus(this.#within(supplier.entityId, `[data-index="${editing.index}"] .edit`));
  }

  #cancelEdit(entityId: string, index: number) {
    this.#editing = undefined;
    this.requestUpdate();
    void this.#focus(this.#within(entityId, `[data-index="${index}"] .edit`));
  }

  #removePattern(supplier: ListedSupplier, index: number) {
    const pattern = supplier.patterns[index];
    if (pattern === undefined) return;
    if (this.#editing?.entityId === supplier.entityId) this.#editing = undefined;
    this.#change(supplier.entityId, (entry) => ({
      ...entry,
      patterns: entry.patterns.filter((_, i) => i !== index),
    }));
    this.#say(`Removed ${pattern} from ${supplier.name}.`);
    void this.#focus(this.#within(supplier.entityId, '.add-pattern'));
  }

  #forget(supplier: ListedSupplier) {
    if (this.#editing?.entityId === supplier.entityId) this.#editing = undefined;
    this.#adding.delete(supplier.entityId);
    const before = this.suppliers;
    this.#change(supplier.entityId, () => undefined);
    this.#undo = { suppliers: before, entityId: supplier.entityId, name: supplier.name };
    this.#say(
      supplier.available
        ? `Forgot the settings of ${supplier.name}: no name and no websites.`
        : `Forgot ${supplier.name}.`,
    );
    // A supplier the API still lists stays, empty; one it does not is gone with its settings.
    void this.#focus(supplier.available ? this.#within(supplier.entityId, '.name') : '#heading');
  }

  #restore = () => {
    const undo = this.#undo;
    if (!undo) return;
    this.#commit(undo.suppliers);
    this.#say(`Restored the settings of ${undo.name}.`);
    void this.#focus(this.#within(undo.entityId, '.name'));
  };

  #exportable(): string | undefined {
    if (this.suppliers.length > 0) return exportSuppliers(this.suppliers);
    this.#transferStatus = {
      text: 'Nothing to export yet: name a supplier or add a website first.',
      tone: 'error',
    };
    this.requestUpdate();
    return undefined;
  }

  #download = () => {
    const text = this.#exportable();
    if (text === undefined) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = EXPORT_FILE_NAME;
    link.hidden = true;
    // In the shadow root, so the click stays inside this element (and a test can see it).
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    // The download has read the Blob by the next tasks; a minute is ample and frees it after.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    this.#transferStatus = {
      text: `Downloaded ${count(this.suppliers.length, 'supplier')} as ${EXPORT_FILE_NAME}.`,
      tone: 'ok',
    };
    this.requestUpdate();
  };

  #copy = async () => {
    const text = this.#exportable();
    if (text === undefined) return;
    try {
      await navigator.clipboard.writeText(text);
      this.#transferStatus = {
        text: `Copied ${count(this.suppliers.length, 'supplier')} as JSON.`,
        tone: 'ok',
      };
    } catch (error) {
      this.#transferStatus = {
        text: `Could not copy (${(error as Error).message || 'the browser refused'}). Download JSON instead.`,
        tone: 'error',
      };
    }
    this.requestUpdate();
  };

  #importFile = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    // Cleared, so choosing the same file again (after fixing it) is a change too.
    input.value = '';
    if (file.size > MAX_IMPORT_BYTES) {
      this.#importDone(
        'file',
        {
          ok: false,
          message: `It is ${(file.size / 1024 / 1024).toFixed(1)} MB; a supplier export is a few KB. Choose the file Download JSON saved.`,
        },
        file.name,
      );
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      this.#importDone(
        'file',
        { ok: false, message: `It could not be read (${(error as Error).message}).` },
        file.name,
      );
      return;
    }
    this.#importDone('file', importSuppliers(text, this.suppliers), file.name);
  };

  #importPaste = () => {
    this.#importDone('paste', importSuppliers(this.#paste, this.suppliers));
  };

  #importDone(source: 'file' | 'paste', result: ReturnType<typeof importSuppliers>, from?: string) {
    if (!result.ok) {
      this.#importFailed = source;
      this.#transferStatus = {
        text: `Nothing imported${from ? ` from ${from}` : ''}. ${result.message}`,
        tone: 'error',
      };
      this.requestUpdate();
      return;
    }
    this.#importFailed = undefined;
    if (source === 'paste') this.#paste = '';
    const total = result.added + result.updated;
    const where = from ? ` from ${from}` : '';
    if (total === 0) {
      this.#transferStatus = {
        text: `The export${where} lists no suppliers: nothing changed.`,
        tone: 'ok',
      };
      this.requestUpdate();
      return;
    }
    // Indexes of patterns may have moved under a field being edited: start it over.
    this.#editing = undefined;
    this.#commit(result.suppliers);
    this.#transferStatus = {
      text: `Imported ${count(total, 'supplier')}${where}: ${result.added} new, ${result.updated} updated.`,
      tone: 'ok',
    };
  }
}

if (!customElements.get('resmark-supplier-manager'))
  customElements.define('resmark-supplier-manager', ResmarkSupplierManager);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-supplier-manager': ResmarkSupplierManager;
  }
}
