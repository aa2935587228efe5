/**
 * The widget's languages. English is in the source; each other locale is a module that
 * `lit-localize build` writes from `widget/xliff/<locale>.xlf` (`npm run localize`).
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

// A static map, not a template import(): bundlers must see each locale module to include it.
const locales = {
  es: () => import('./generated/locales/es.js'),
} satisfies Record<(typeof targetLocales)[number], () => Promise<unknown>>;

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => locales[locale as keyof typeof locales](),
});

/**
 * Switches every widget element to the best match for a BCP 47 tag (`es-MX` → `es`), or English.
 * Elements re-render through `updateWhenLocaleChanges`.
 */
export async function useLocale(tag: string | undefined): Promise<void> {
  const language = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  const next = (targetLocales as readonly string[]).includes(language) ? language : sourceLocale;
  if (next !== getLocale()) await setLocale(next);
}

export { getLocale };
