// Durations as the dashboard shows them: hours up to two days, days beyond.
import { formatNumber, Locale, translate } from '../../i18n';
import { m } from './messages';

export function formatHours(locale: Locale, hours: number | null | undefined): string {
  const t = translate(m, locale);
  if (hours === null || hours === undefined) return '—';
  if (hours >= 48) return t('days', { n: formatNumber(locale, hours / 24, 1) });
  return t('hours', { n: formatNumber(locale, hours, 1) });
}

export function formatSeconds(locale: Locale, seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds >= 3600) return formatHours(locale, seconds / 3600);
  return translate(m, locale)('seconds', { n: formatNumber(locale, seconds, 1) });
}
