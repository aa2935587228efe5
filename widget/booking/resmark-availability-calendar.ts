import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { fire } from '../events.js';
import { base } from '../styles.js';
import { FEW_LEFT, addMonths, dayOf, utcFormat } from './booking-helpers.js';

const DAY_MS = 86_400_000;

// Keys of the ARIA grid pattern (WAI-ARIA APG, date picker dialog) → how far they move, in days,
// or 'week-start'/'week-end', or a month step.
const MOVES: Record<string, number | 'start' | 'end' | { months: number }> = {
  ArrowLeft: -1,
  ArrowRight: 1,
  ArrowUp: -7,
  ArrowDown: 7,
  Home: 'start',
  End: 'end',
  PageUp: { months: -1 },
  PageDown: { months: 1 },
};

type WeekLocale = Intl.Locale & {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
};

/** First day of the week for a locale, 1 (Monday) … 7 (Sunday); Monday when `Intl` cannot say. */
function firstDayOfWeek(locale: string | undefined): number {
  try {
    const resolved = new Intl.DateTimeFormat(locale).resolvedOptions().locale;
    const info = new Intl.Locale(resolved) as WeekLocale;
    // getWeekInfo() is the current name; Chromium shipped the weekInfo getter first.
    return (info.getWeekInfo?.() ?? info.weekInfo)?.firstDay ?? 1;
  } catch {
    return 1;
  }
}

/** ISO weekday of a UTC epoch-ms day, 1 (Monday) … 7 (Sunday). */
const isoWeekday = (ms: number) => new Date(ms).getUTCDay() || 7;

/**
 * A month of days to pick from: only days with seats are choosable; few-left and sold-out days are
 * marked. An ARIA grid with one tab stop; arrows, Home/End (week), PageUp/PageDown (month) move.
 * @tag resmark-availability-calendar
 * @summary Month grid of bookable days.
 * @fires resmark-month-change - The shopper went to another month; `detail.month` is `YYYY-MM`.
 * @fires resmark-date-select - The shopper chose a day; `detail.date` is `YYYY-MM-DD`.
 * @csspart header - The month name with the previous/next buttons.
 * @csspart grid - The table of days.
 * @csspart day - Each day's button.
 * @csspart legend - What the days' marks mean (few left, sold out, no times).
 * @cssprop --resmark-color-accent - The chosen day's background.
 * @cssprop --resmark-color-warning - The few-left mark.
 */
export class ResmarkAvailabilityCalendar extends LitElement {
  static override properties = {
    month: {},
    days: { attribute: false },
    selected: {},
    min: {},
    max: {},
    loading: { type: Boolean },
    locale: {},
  };

  static override styles = [
    base,
    css`
      :host {
        /* Compact however wide the page: seven 44 px days and their gaps (issue 11, item 11). */
        max-width: 24em;
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5em;
      }
      h3 {
        font-size: 1.1em;
        text-align: center;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        table-layout: fixed;
      }
      th {
        font-size: 0.8em;
        font-weight: 600;
        color: var(--_muted);
        padding: 0.25em 0;
      }
      td {
        padding: 0;
        text-align: center;
      }
      td button {
        width: 100%;
        padding: 0;
        position: relative;
      }
      /* A day without slots reads as a plain number: not dimmed like a busy button (base). */
      button[aria-disabled='true'] {
        border-color: transparent;
        background: none;
        color: var(--_muted);
        cursor: default;
        opacity: 1;
      }
      .sold-out {
        text-decoration: line-through;
      }
      .few::after {
        content: '';
        position: absolute;
        bottom: 4px;
        left: calc(50% - 3px);
        width: 6px;
        height: 6px;
        border-radius: 50%;
        background: var(--_warning);
      }
      [aria-pressed='true'] {
        background: var(--_accent);
        border-color: var(--_accent);
        color: var(--_on-accent);
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em var(--_space);
        margin: 0.5em 0 0;
        padding: 0;
        list-style: none;
        font-size: 0.875em;
        color: var(--_muted);
      }
      .legend li {
        display: flex;
        align-items: center;
        gap: 0.4em;
      }
      /* A small copy of a day's look beside its meaning. */
      .key {
        position: relative;
        display: inline-grid;
        place-items: center;
        width: 2em;
        height: 2em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        color: var(--_text);
      }
      .key.none {
        border-color: transparent;
        color: var(--_muted);
      }
    `,
  ];

  /** The month shown, `YYYY-MM`. */
  declare month: string;
  /** Seats left by `YYYY-MM-DD`; a day absent has no slots. */
  declare days: Record<string, { seatsLeft: number }>;
  /** The chosen day, `YYYY-MM-DD`. */
  declare selected: string | undefined;
  /** The first month the shopper may go to, `YYYY-MM`. */
  declare min: string | undefined;
  /** The last month the shopper may go to, `YYYY-MM`. */
  declare max: string | undefined;
  /** The month's inventory is loading. */
  declare loading: boolean;
  /** BCP 47 tag for names and the first day of the week; the browser's when unset. */
  declare locale: string | undefined;

  // The day holding the grid's one tab stop (roving tabindex), and whether it should take focus
  // after the next render (only after a key moved it).
  #focusDay: string | undefined;
  #moveFocus = false;
  #dayName = utcFormat(undefined, {});

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.month = dayOf(Date.now()).slice(0, 7);
    this.days = {};
    this.loading = false;
  }

  override render() {
    const [year = 1970, month = 1] = this.month.split('-').map(Number);
    const first = Date.UTC(year, month - 1, 1);
    const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const weekStart = firstDayOfWeek(this.locale);
    const lead = (isoWeekday(first) - weekStart + 7) % 7;
    const focus = this.#tabStop(length);
    const cells: (number | undefined)[] = [
      ...Array<undefined>(lead),
      ...Array.from({ length }, (_, i) => first + i * DAY_MS),
    ];
    while (cells.length % 7) cells.push(undefined);
    const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
    const long = utcFormat(this.locale, { weekday: 'long' });
    const short = utcFormat(this.locale, { weekday: 'short' });
    this.#dayName = utcFormat(this.locale, { weekday: 'long', month: 'long', day: 'numeric' });
    // 2024-01-01 was a Monday: weekday n (1 = Monday) is 2024-01-0n.
    const weekdays = Array.from({ length: 7 }, (_, i) =>
      Date.UTC(2024, 0, ((weekStart + i - 1) % 7) + 1),
    );

    return html`<header part="header">
        <button
          aria-label=${msg('Previous month')}
          ?disabled=${!!this.min && this.month <= this.min}
          @click=${() => this.#goTo(addMonths(this.month, -1))}
        >
          ‹
        </button>
        <h3 id="title">
          ${utcFormat(this.locale, { month: 'long', year: 'numeric' }).format(first)}
        </h3>
        <button
          aria-label=${msg('Next month')}
          ?disabled=${!!this.max && this.month >= this.max}
          @click=${() => this.#goTo(addMonths(this.month, 1))}
        >
          ›
        </button>
      </header>
      <p role="status" class="visually-hidden">
        ${this.loading ? msg('Loading availability…') : ''}
      </p>
      <table
        role="grid"
        part="grid"
        aria-labelledby="title"
        aria-busy=${this.loading ? 'true' : 'false'}
        @keydown=${this.#handleKey}
      >
        <thead>
          <tr>
            ${weekdays.map(
              (d) => html`<th scope="col" abbr=${long.format(d)}>${short.format(d)}</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week) =>
              html`<tr>
                ${week.map((ms) => html`<td>${ms === undefined ? nothing : this.#day(ms, focus)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
      <ul part="legend" class="legend" aria-label=${msg('What the days show')}>
        <li><span class="key" aria-hidden="true">8</span>${msg('Times to book')}</li>
        <li><span class="key few" aria-hidden="true">8</span>${msg('Few seats left')}</li>
        <li><span class="key sold-out" aria-hidden="true">8</span>${msg('Sold out')}</li>
        <li><span class="key none" aria-hidden="true">8</span>${msg('No times')}</li>
      </ul>`;
  }

  override updated() {
    if (!this.#moveFocus) return;
    this.#moveFocus = false;
    this.renderRoot.querySelector<HTMLElement>('td [tabindex="0"]')?.focus();
  }

  #day(ms: number, focus: string) {
    const date = dayOf(ms);
    const seats = this.loading ? undefined : this.days[date]?.seatsLeft;
    const open = seats !== undefined && seats > 0;
    const name = this.#dayName.format(ms);
    const label =
      seats === undefined
        ? msg(str`${name}, unavailable`)
        : seats === 0
          ? msg(str`${name}, sold out`)
          : seats <= FEW_LEFT
            ? msg(str`${name}, few left`)
            : name;
    return html`<button
      part="day"
      data-date=${date}
      class=${seats === 0 ? 'sold-out' : open && seats <= FEW_LEFT ? 'few' : ''}
      tabindex=${date === focus ? 0 : -1}
      aria-label=${label}
      aria-disabled=${open ? 'false' : 'true'}
      aria-pressed=${open ? String(date === this.selected) : nothing}
      @click=${() => this.#choose(date, open)}
    >
      ${new Date(ms).getUTCDate()}
    </button>`;
  }

  // The tab stop stays where the keys left it; otherwise the chosen day, else the first open day.
  #tabStop(length: number): string {
    const inMonth = (d: string | undefined) => d?.startsWith(this.month) && d;
    const firstOpen = Array.from(
      { length },
      (_, i) => `${this.month}-${String(i + 1).padStart(2, '0')}`,
    ).find((d) => (this.days[d]?.seatsLeft ?? 0) > 0);
    return inMonth(this.#focusDay) || inMonth(this.selected) || firstOpen || `${this.month}-01`;
  }

  #choose(date: string, open: boolean) {
    this.#focusDay = date;
    if (!open) return;
    this.selected = date;
    fire(this, 'resmark-date-select', { date });
  }

  #goTo(month: string) {
    if ((this.min && month < this.min) || (this.max && month > this.max)) return false;
    this.month = month;
    fire(this, 'resmark-month-change', { month });
    return true;
  }

  #handleKey(event: KeyboardEvent) {
    const move = MOVES[event.key];
    const from = (event.composedPath()[0] as HTMLElement).dataset?.['date'];
    if (move === undefined || !from) return;
    event.preventDefault();
    const ms = Date.parse(from);
    let to: string;
    if (typeof move === 'number') to = dayOf(ms + move * DAY_MS);
    else if (typeof move === 'string') {
      const offset = (isoWeekday(ms) - firstDayOfWeek(this.locale) + 7) % 7;
      to = dayOf(ms + (move === 'start' ? -offset : 6 - offset) * DAY_MS);
    } else {
      // Same day number in the other month, or its last day (31 Jan → 28 Feb).
      const month = addMonths(from.slice(0, 7), move.months);
      const [y = 1970, m = 1] = month.split('-').map(Number);
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      to = `${month}-${String(Math.min(Number(from.slice(8)), last)).padStart(2, '0')}`;
    }
    const month = to.slice(0, 7);
    if (month !== this.month && !this.#goTo(month)) return;
    this.#focusDay = to;
    this.#moveFocus = true;
    this.requestUpdate();
  }
}

if (!customElements.get('resmark-availability-calendar'))
  customElements.define('resmark-availability-calendar', ResmarkAvailabilityCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'resmark-availability-calendar': ResmarkAvailabilityCalendar;
  }
}
