/**
 * Money, dates and times for people, by locale and currency, with `Intl`. Formatters are cached per
 * locale and options: creating one costs far more than using it, and a cart view formats dozens.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(
  cache: Map<string, T>,
  locale: string | undefined,
  options: object,
  make: (locale: string | undefined) => T,
): T {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    try {
      format = make(locale);
    } catch (error) {
      // A malformed locale tag (from a page attribute, say) must not break the checkout: fall back
      // to the host's locale. Anything else (a bad currency or time zone) is the caller's to see.
      if (!(error instanceof RangeError) || locale === undefined) throw error;
      format = make(undefined);
    }
    cache.set(key, format);
  }
  return format;
}

/** `89` in `USD` → "$89.00" (en-US); the currency decides the decimals (JPY has none). */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  const options = { style: 'currency', currency } as const;
  return cached(numberFormats, locale, options, (l) => new Intl.NumberFormat(l, options)).format(
    amount,
  );
}

function formatInstant(
  iso: string,
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): string {
  const date = new Date(iso);
  // "" rather than "Invalid Date": a dateless product's null time shows as nothing.
  if (Number.isNaN(date.getTime())) return '';
  return cached(dateFormats, locale, options, (l) => new Intl.DateTimeFormat(l, options)).format(
    date,
  );
}

/**
 * The day of an ISO date or instant: "Wed, Nov 25, 2026" (en-US). A bare `YYYY-MM-DD` is midnight
 * UTC, so keep the UTC default for inventory dates.
 */
export function formatDate(iso: string, locale?: string, timeZone = 'UTC'): string {
  return formatInstant(iso, locale, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone,
  });
}

/** The time of day of an ISO instant: "9:00 AM" (en-US), "09:00" (de-DE). */
export function formatTime(iso: string, locale?: string, timeZone = 'UTC'): string {
  // timeStyle, not hour/minute: each locale then writes its own usual clock (9:00 AM, 09:00).
  return formatInstant(iso, locale, { timeStyle: 'short', timeZone });
}
