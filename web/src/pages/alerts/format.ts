// Scores, signed contributions and ages in the user's locale, and message
// keys made from server codes ("how_skeleton") that fall back to the code.
import { intlLocale, Locale, Messages, Translate } from '../../i18n';

export function formatScore(l: Locale, n: number): string {
  return new Intl.NumberFormat(intlLocale(l), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(n);
}

export function formatDelta(l: Locale, n: number): string {
  return new Intl.NumberFormat(intlLocale(l), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 3,
    signDisplay: 'exceptZero',
  }).format(n);
}

// "3 hours ago", "2 days ago": how long an alert has waited.
export function formatAge(l: Locale, iso: string, now = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  if (Number.isNaN(seconds)) return iso;
  const rtf = new Intl.RelativeTimeFormat(intlLocale(l), { numeric: 'auto', style: 'short' });
  const abs = Math.abs(seconds);
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}

// t(`${prefix}${code}`) when the table has it, the code as the server wrote it otherwise.
export function codeLabel<K extends string>(
  t: Translate<K>,
  table: Messages<K>,
  prefix: string,
  code: string,
): string {
  const key = prefix + code;
  return key in table.en ? t(key as K) : code;
}
