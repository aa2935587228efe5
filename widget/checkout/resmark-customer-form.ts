import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import {
  validateCustomer,
  type CustomField,
  type CustomerInput,
  type CustomerRules,
} from '../../shared/customer.js';
import { normalizePhone } from '../../shared/phone.js';
import { COUNTRIES, countryOfDialCode } from './countries.js';
import { fire } from '../events.js';
import { sourceLocale } from '../generated/locale-codes.js';
import { getLocale } from '../localize.js';
import { base } from '../styles.js';

type Draft = Record<string, string | string[]>;
/** A field's problem: the control's `aria-invalid` and `aria-describedby`, and the message. */
interface Problem {
  invalid: string;
  describedBy: string | typeof nothing;
  note: unknown;
}

// The fields every shopper sees, in order. The state shows only when required: for the USA, or
// by the account.
const STANDARD = ['firstName', 'lastName', 'email', 'phone', 'country', 'state'];

// Each standard field's label, autocomplete token and input type; any other key is its own label.
const standardFields = (): Record<string, [string, string?, string?]> => ({
  firstName: [msg('First name'), 'given-name'],
  lastName: [msg('Last name'), 'family-name'],
  email: [msg('Email'), 'email', 'email'],
  phone: [msg('Phone'), 'tel-national', 'tel'],
  country: [msg('Country')],
  state: [msg('State'), 'address-level1'],
  streetAddress: [msg('Street address'), 'street-address'],
  city: [msg('City'), 'address-level2'],
  postalCode: [msg('Postal code'), 'postal-code'],
  birthDate: [msg('Date of birth'), 'bday', 'date'],
});
const labelOf = (key: string) =>
  standardFields()[key]?.[0] ?? key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

/**
 * Which of shared/phone.ts's problems a typed number has, re-checked here because the rules name
 * only the field: the same order of checks, and the number's own `+code` read by the rules.
 */
function phoneWords(phone: string, dial: string): string {
  const compact = phone.replace(/[\s().-]/g, '');
  const own = normalizePhone({ phone: compact });
  if (!compact) return msg('Enter a phone number');
  if (!/^\+?[1-9]\d{0,3}$/.test(dial))
    return msg('Enter the dial code as + and 1 to 4 digits, like +1');
  if (!/^\+?\d+$/.test(compact))
    return msg('Enter the phone number with digits only (spaces, dashes and brackets are fine)');
  if (compact[0] === '+' && own?.ok && own.dialCode !== dial)
    return msg(
      str`The number starts with ${own.dialCode} but the dial code is ${dial}: make them match`,
    );
  // The rules take it: the API refused it for a reason of its own.
  if (normalizePhone({ phone, dialCode: dial })?.ok)
    return msg('Enter the phone number with its area code');
  return (compact[0] === '+' ? compact.startsWith('+1') : dial === '+1')
    ? msg('Enter the 10-digit phone number with its area code')
    : msg('Enter the whole phone number, without the dial code');
}

/** Reads the form's current value of a field, as text (an array of options joined). */
type Get = (key: string) => string;

/**
 * A problem in the shopper's language, by the field it is about (custom fields by their type),
 * with the same meaning as shared/customer.ts's English for that field. `''` or `undefined`: no
 * sentence of its own (the field's generic one, or the English as given).
 */
const WORDS: Record<string, (value: string, get: Get, name: string) => string | undefined> = {
  firstName: () => msg('Enter a first name'),
  lastName: () => msg('Enter a last name'),
  email: () => msg('Enter an email address like name@example.com'),
  phone: (_, get) => phoneWords(get('phone'), get('dialCode')),
  phoneNumber: (_, get) => phoneWords(get('phone'), get('dialCode')),
  country: (value) =>
    value ? msg('Enter the 3-letter country code, like USA') : msg('Choose a country'),
  state: () => msg('Enter the 2-letter state code, like UT'),
  birthDate: (value) => value && msg('Enter the birth date as YYYY-MM-DD, like 1980-11-30'),
  gender: (value) => value && msg('Choose MALE or FEMALE for gender, or leave it empty'),
  text: (_, __, name) => msg(str`Enter ${name}`),
  list: (_, __, name) => msg(str`Choose one option for ${name}`),
  checkbox: (value, _, name) =>
    value
      ? msg(str`Choose options for ${name} from the list`)
      : msg(str`Choose at least one option for ${name}`),
};

/**
 * The customer's details (step 8): name, email, phone with a dial code, country and US state, the
 * account's other required fields and its custom fields. On submit it checks them with
 * `validateCustomer` (the API's rules) and names every problem at its field and in a summary.
 * @tag resmark-customer-form
 * @summary The customer details form, checked by the API's rules before it is sent.
 * @fires resmark-customer-submit - The details passed the checks; `detail.customer` is what was typed (custom fields as arrays).
 * @csspart form - The form.
 * @csspart error-summary - The list of problems shown after a refused submit.
 * @csspart error - A failure of the last save that names no field, right after "Continue".
 * @csspart submit - The submit button.
 * @cssprop --resmark-color-danger - Problems and their fields' borders.
 */
export class ResmarkCustomerForm extends LitElement {
  static override properties = {
    rules: { attribute: false },
    value: { attribute: false },
    errors: { attribute: false },
    busy: { type: Boolean },
    error: {},
    locale: {},
    _shown: { state: true },
  };

  static override styles = [
    base,
    css`
      form,
      .grid,
      fieldset {
        display: grid;
        gap: var(--_space);
      }
      .grid {
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
      }
      label,
      legend {
        display: block;
        font-weight: 600;
        margin-bottom: 0.25em;
      }
      fieldset {
        gap: 0;
      }
      fieldset label {
        display: flex;
        align-items: center;
        gap: 0.5em;
        min-height: 2.75em;
        font-weight: 400;
        margin: 0;
      }
      input[type='checkbox'] {
        width: 1.25em;
        min-height: 1.25em;
      }
      .tel {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      /* Country names are long ("Bosnia and Herzegovina (+387)"): the number wraps below on a phone. */
      .tel select {
        flex: 1 1 12em;
        min-width: 0;
      }
      .tel input {
        flex: 1 1 10em;
        min-width: 0;
      }
      p {
        margin: 0.25em 0 0;
      }
      [part='error-summary'] {
        border: 2px solid var(--_danger);
        border-radius: var(--_radius);
        padding: var(--_space);
      }
      [part='error-summary'] ul {
        margin: 0.5em 0 0;
        padding-inline-start: 1.25em;
      }
      a {
        color: var(--_danger);
        /* WCAG 2.2's 24 px targets: an inline link is only as tall as its text (19 px). */
        display: inline-block;
        min-height: 24px;
        padding-block: 0.25em;
      }
      button {
        justify-self: start;
      }
    `,
  ];

  /** What the account asks for: `requiredCustomerFields` and `customFields` (a cart carries both). */
  declare rules: CustomerRules;
  /** Details to start from (the cart's customer); what the shopper types wins. */
  declare value: Partial<CustomerInput> | undefined;
  /** The API's field problems (its `fields`), shown like the form's own. */
  declare errors: Record<string, string> | undefined;
  /** The details are being sent: submit waits. */
  declare busy: boolean;
  /** A failure of the last save that names no field (the connection, say), in the shopper's words. */
  declare error: string | undefined;
  /** BCP 47 tag for country names; the browser's when unset. */
  declare locale: string | undefined;
  declare private _shown: Record<string, string>;

  // Only what the shopper typed: a new `value` (a re-fetched cart) must not wipe it.
  #draft: Draft = {};
  #focusFirst = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.rules = {};
    this.busy = false;
    this._shown = {};
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('errors') && this.errors) {
      this._shown = { ...this.errors };
      this.#focusFirst = Object.keys(this.errors).length > 0;
    }
  }

  override updated() {
    if (!this.#focusFirst) return;
    this.#focusFirst = false;
    const first = this.#order().find(([key]) => this._shown[key]);
    if (first) this.#control(first[1])?.focus();
  }

  /** The standard fields on screen, in order: the usual ones and any other the account requires. */
  #keys(): string[] {
    return [
      ...STANDARD.filter((key) => key !== 'state' || this.#required(key)),
      ...(this.rules.requiredCustomerFields ?? []).filter(
        (key) => !STANDARD.includes(key) && key !== 'phoneNumber' && key !== 'dialCode',
      ),
    ];
  }

  /** Every problem's key with the id of the control to show it at, in screen order. */
  #order(): [string, string][] {
    return [
      ...this.#keys().map((key): [string, string] => [key, key]),
      ['phoneNumber', 'phone'],
      ['dialCode', 'dialCode'],
      ...(this.rules.customFields ?? []).map((field, i): [string, string] => [field.name, `x${i}`]),
    ];
  }

  #control(id: string) {
    return this.renderRoot.querySelector<HTMLElement>(`#${id}, #${id}-0`);
  }

  #get(key: string): string | string[] {
    const value = this.#draft[key] ?? this.value?.[key];
    return typeof value === 'string' || Array.isArray(value)
      ? value
      : key === 'dialCode'
        ? '+1'
        : '';
  }

  #required(key: string) {
    return (
      ['firstName', 'lastName', 'email'].includes(key) ||
      (key === 'state' && this.#get('country') === 'USA') ||
      (this.rules.requiredCustomerFields ?? []).includes(key)
    );
  }

  override render() {
    const order = this.#order();
    const problems = [
      ...order.filter(([key]) => this._shown[key]),
      ...Object.keys(this._shown)
        .filter((key) => !order.some(([known]) => known === key))
        .map((key): [string, string] => [key, '']),
    ];
    return html`<form
      part="form"
      novalidate
      aria-busy=${this.busy}
      @input=${this.#edit}
      @change=${this.#edit}
      @submit=${this.#submit}
    >
      ${
        problems.length
          ? html`<div part="error-summary" role="alert">
              <strong>${msg('Please check these details')}</strong>
              <ul>
                ${problems.map(
                  ([key, id]) =>
                    html`<li>
                      ${
                        id
                          ? html`<a
                              href="#${id}"
                              @click=${(event: Event) => {
                                event.preventDefault();
                                this.#control(id)?.focus();
                              }}
                              >${this.#say(key)}</a
                            >`
                          : this.#say(key)
                      }
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
      <p class="muted">${msg('Fields marked * are required')}</p>
      <div class="grid">
        ${this.#keys().map((key) => this.#standard(key))}
        ${(this.rules.customFields ?? []).map((field, i) => this.#custom(field, `x${i}`))}
      </div>
      <button
        part="submit"
        class="primary"
        aria-disabled=${this.busy}
        aria-describedby=${this.error ? 'submit-error' : nothing}
      >
        ${this.busy ? msg('Saving…') : msg('Continue')}
      </button>
      ${
        this.error
          ? html`<p id="submit-error" part="error" class="error" role="alert">${this.error}</p>`
          : nothing
      }
    </form>`;
  }

  /**
   * A problem in the page's language. In English the rules' (or the API's) own sentence, the most
   * precise; in another language the field it is about and what was typed pick the sentence, and a
   * field the form does not know keeps the English it came with.
   */
  #say(key: string): string {
    const english = this._shown[key] ?? '';
    if (getLocale() === sourceLocale) return english;
    const field = this.rules.customFields?.find((f) => f.name === key);
    const get = (k: string) => String(this.#get(k));
    return (
      WORDS[field?.type ?? key]?.(get(key), get, key) ||
      (this.#keys().includes(key) ? msg(str`Check ${labelOf(key)}`) : english)
    );
  }

  /** The field's problem, if any, and the attributes that tie it to the control. */
  #problem(key: string, id: string): Problem {
    const shown = key in this._shown ? key : key === 'phone' ? 'phoneNumber' : '';
    const message = this._shown[shown] && this.#say(shown);
    return {
      invalid: message ? 'true' : 'false',
      describedBy: message ? `${id}-e` : nothing,
      note: message ? html`<p id="${id}-e" class="error">${message}</p>` : nothing,
    };
  }

  /**
   * One field: its label (the `*` is hidden from screen readers: the control says `required`),
   * its control, and its problem.
   */
  #row(id: string, text: string, required: boolean, control: unknown, notes: unknown) {
    return html`<div>
      <label for=${id}
        >${text}${required ? html`<span aria-hidden="true"> *</span>` : nothing}</label
      >
      ${control} ${notes}
    </div>`;
  }

  #input(
    id: string,
    name: string,
    value: string,
    required: boolean,
    problem: Problem,
    [type = 'text', autocomplete]: (string | undefined)[] = [],
  ) {
    return html`<input
      id=${id}
      name=${name}
      type=${type}
      autocomplete=${autocomplete ?? nothing}
      .value=${value}
      ?required=${required}
      aria-invalid=${problem.invalid}
      aria-describedby=${problem.describedBy}
    />`;
  }

  #standard(key: string): TemplateResult {
    const [text, autocomplete, type] = standardFields()[key] ?? [labelOf(key)];
    const required = this.#required(key);
    const problem = this.#problem(key, key);
    const value = this.#get(key) as string;
    if (key === 'country')
      return this.#row(
        key,
        text,
        required,
        this.#select(key, key, value, this.#countries(), required, problem, 'country'),
        problem.note,
      );
    const input = this.#input(key, key, value, required, problem, [type, autocomplete]);
    if (key !== 'phone') return this.#row(key, text, required, input, problem.note);
    const dial = this.#problem('dialCode', 'dialCode');
    return this.#row(
      key,
      text,
      required,
      html`<div class="tel">
        <select
          id="dialCode"
          name="dialCode"
          aria-label=${msg('Dial code')}
          autocomplete="tel-country-code"
          aria-invalid=${dial.invalid}
        >
          ${this.#dialOptions()}
        </select>
        ${input}
      </div>`,
      html`${problem.note} ${dial.note}`,
    );
  }

  /** Every country with its name in the shopper's language, the USA first, then by name. */
  #named(): { region: string; code: string; dialCode: string; name: string }[] {
    const names = new Intl.DisplayNames(this.locale, { type: 'region' });
    const list = COUNTRIES.map((c) => ({ ...c, name: names.of(c.region) ?? c.code }));
    list.sort((a, b) =>
      a.region === 'US' ? -1 : b.region === 'US' ? 1 : a.name.localeCompare(b.name, this.locale),
    );
    return list;
  }

  #countries(): [string, string][] {
    return [['', msg('Choose…')], ...this.#named().map((c): [string, string] => [c.code, c.name])];
  }

  /**
   * One option per country, "Colombia (+57)": a shopper finds their country by name, and the value
   * is its dial code. Several countries share one (+1, +44), so which of them shows as chosen is
   * kept apart from the code.
   */
  #dialOptions() {
    const dial = this.#get('dialCode') as string;
    const region = this.#dialRegion(dial);
    const options = this.#named().map(
      (c) =>
        html`<option value=${c.dialCode} data-region=${c.region} .selected=${c.region === region}>
          ${c.name} (${c.dialCode})
        </option>`,
    );
    // A saved code no country has still shows, so submitting does not lose it.
    return region ? options : [...options, html`<option .selected=${true}>${dial}</option>`];
  }

  /** The country whose dial code is chosen: the shopper's pick, their country's, or the code's main one. */
  #dialRegion(dial: string): string | undefined {
    const picked = this.#draft['dialRegion'];
    const mine = COUNTRIES.find((c) => c.code === this.#get('country'));
    if (
      typeof picked === 'string' &&
      COUNTRIES.some((c) => c.region === picked && c.dialCode === dial)
    )
      return picked;
    if (mine?.dialCode === dial) return mine.region;
    return countryOfDialCode(dial)?.region;
  }

  /** The options; a saved value the list lacks still shows, so submitting does not lose it. */
  #options(list: (string | [string, string])[], value: string) {
    const pairs = list.map((o): [string, string] => (typeof o === 'string' ? [o, o] : o));
    if (value && !pairs.some(([v]) => v === value)) pairs.push([value, value]);
    return pairs.map(
      ([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`,
    );
  }

  #select(
    id: string,
    name: string,
    value: string,
    options: [string, string][],
    required: boolean,
    problem: Problem,
    autocomplete = 'off',
  ) {
    return html`<select
      id=${id}
      name=${name}
      autocomplete=${autocomplete}
      ?required=${required}
      ?data-list=${id !== 'country'}
      aria-invalid=${problem.invalid}
      aria-describedby=${problem.describedBy}
    >
      ${this.#options(options, value)}
    </select>`;
  }

  #custom(field: CustomField, id: string): TemplateResult {
    const { name, required } = field;
    const problem = this.#problem(name, id);
    const value = this.#get(name);
    if (field.type === 'checkbox')
      return html`<fieldset aria-describedby=${problem.describedBy}>
        <legend>
          ${name}${
            required
              ? html`<span aria-hidden="true"> *</span
                  ><span class="visually-hidden"> ${msg('(required)')}</span>`
              : nothing
          }
        </legend>
        ${(field.options ?? []).map(
          (option, i) =>
            html`<label
              ><input
                id="${id}-${i}"
                type="checkbox"
                name=${name}
                value=${option}
                .checked=${value.includes(option)}
                aria-invalid=${problem.invalid}
              />${option}</label
            >`,
        )}
        ${problem.note}
      </fieldset>`;
    const control =
      field.type === 'list'
        ? this.#select(
            id,
            name,
            (value[0] as string | undefined) ?? '',
            [['', msg('Choose…')], ...(field.options ?? []).map((o): [string, string] => [o, o])],
            required,
            problem,
          )
        : this.#input(id, name, value as string, required, problem);
    return this.#row(id, name, required, control, problem.note);
  }

  #edit(event: Event) {
    const target = event.target as HTMLInputElement;
    const { name } = target;
    if (!name) return;
    this.#draft[name] =
      target.type === 'checkbox'
        ? [...this.renderRoot.querySelectorAll<HTMLInputElement>('[type=checkbox]')]
            .filter((box) => box.name === name && box.checked)
            .map((box) => box.value)
        : target.dataset['list'] !== undefined
          ? target.value
            ? [target.value]
            : []
          : target.value;
    if (name === 'dialCode')
      this.#draft['dialRegion'] =
        (target as unknown as HTMLSelectElement).selectedOptions[0]?.dataset['region'] ?? '';
    if (name === 'phone') this.#followNumber(target.value);
    if (name === 'country') this.#followCountry();
    // The country (the state field) and the dial code change what is on screen; typing does not.
    if (name === 'country' || name === 'dialCode' || name === 'phone') this.requestUpdate();
  }

  // A number typed or pasted with its own +code (+57 300 123 4567) chooses that code, instead of
  // being refused for not matching the one shown.
  #followNumber(phone: string) {
    const compact = phone.replace(/[\s().-]/g, '');
    if (!compact.startsWith('+')) return;
    const own = normalizePhone({ phone: compact });
    if (!own?.ok || own.dialCode === this.#get('dialCode')) return;
    this.#draft['dialCode'] = own.dialCode;
    this.#draft['dialRegion'] = countryOfDialCode(own.dialCode)?.region ?? '';
  }

  // Before a number is typed, the dial code follows the country chosen (a shopper from Colombia
  // gets +57); never once a number is there, which may be another country's.
  #followCountry() {
    const country = COUNTRIES.find((c) => c.code === this.#get('country'));
    if (!country || this.#get('phone')) return;
    this.#draft['dialCode'] = country.dialCode;
    this.#draft['dialRegion'] = country.region;
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const customer: Draft = {};
    const keys = [
      ...this.#keys(),
      ...(this.#get('phone') ? ['dialCode'] : []),
      ...(this.rules.customFields ?? []).map((field) => field.name),
    ];
    for (const key of keys) {
      const value = this.#get(key);
      if (value.length && (typeof value !== 'string' || value.trim())) customer[key] = value;
    }
    const result = validateCustomer(customer, this.rules);
    const fields: Record<string, string> = result.ok ? {} : result.fields;
    if (customer['country'] === 'USA' && !customer['state'])
      fields['state'] ??= msg('Enter the 2-letter state code, like UT');
    this._shown = fields;
    if (Object.keys(fields).length) this.#focusFirst = true;
    // Raw, as typed: the session sends it through validateCustomer again, which normalises it.
    else fire(this, 'resmark-customer-submit', { customer: customer as CustomerInput });
  }
}

// `void`: the lint rule against unused expressions does not read `??` as a statement.
void (
  customElements.get('resmark-customer-form') ??
  customElements.define('resmark-customer-form', ResmarkCustomerForm)
);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-customer-form': ResmarkCustomerForm;
  }
}
