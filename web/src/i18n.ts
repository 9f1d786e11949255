// The console's four languages: which one is in force, the document's
// direction, number and date formats, and typed message tables. Each page
// keeps its own table (defineMessages) so that a missing translation is a
// type error, not an English word in an Arabic screen.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Lang = 'ar' | 'en' | 'ru' | 'fr';
export const LANGS: readonly Lang[] = ['ar', 'en', 'ru', 'fr'];
export const LANG_NAMES: Record<Lang, string> = {
  ar: 'العربية',
  en: 'English',
  ru: 'Русский',
  fr: 'Français',
};

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

export function dirOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

// The language the browser prefers, among ours; English otherwise.
export function browserLang(): Lang {
  for (const l of navigator.languages ?? [navigator.language]) {
    const base = l.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

// `?lang=` on the current address, if it names one of ours.
export function linkLang(): Lang | null {
  const l = new URLSearchParams(location.search).get('lang');
  return isLang(l) ? l : null;
}

export interface Locale {
  lang: Lang;
  // Arabic-Indic digits (٠١٢…) in Arabic; Latin digits otherwise.
  arabicDigits: boolean;
}

export const LocaleContext = createContext<Locale>({ lang: 'en', arabicDigits: false });

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function intlLocale(l: Locale): string {
  if (l.lang === 'ar') return l.arabicDigits ? 'ar-u-nu-arab' : 'ar-u-nu-latn';
  return l.lang;
}

export function formatNumber(l: Locale, n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return new Intl.NumberFormat(intlLocale(l), {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(n);
}

export function formatPercent(l: Locale, ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—';
  return new Intl.NumberFormat(intlLocale(l), { style: 'percent', maximumFractionDigits: 1 }).format(
    ratio,
  );
}

// Times arrive as ISO 8601 (UTC); shown in the user's time zone.
export function formatDateTime(l: Locale, iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(l), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatDate(l: Locale, iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}(-\d{2})?$/.test(iso)) return iso; // partial dates stay as written
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(l), { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

// A message table: English first, and the three others with exactly its keys.
// Placeholders are {name}.
export type Messages<K extends string> = Record<Lang, Record<K, string>>;

export function defineMessages<T extends Record<string, string>>(
  en: T,
  others: Record<Exclude<Lang, 'en'>, { [k in keyof T]: string }>,
): Messages<Extract<keyof T, string>> {
  return { en, ...others } as Messages<Extract<keyof T, string>>;
}

export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

export function translate<K extends string>(
  table: Messages<K>,
  locale: Locale,
): Translate<K> {
  return (key, vars) => {
    let s = table[locale.lang][key] ?? table.en[key] ?? key;
    if (vars) {
      for (const [k, v] of Object.entries(vars)) {
        s = s.split(`{${k}}`).join(typeof v === 'number' ? formatNumber(locale, v, 2) : v);
      }
    }
    return s;
  };
}

// The hook pages use: const t = useT(messages); t('title').
export function useT<K extends string>(table: Messages<K>): Translate<K> {
  return translate(table, useLocale());
}
