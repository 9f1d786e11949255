// The dashboard's headline figures over the chosen period.
import { formatDateTime, formatNumber, formatPercent, useLocale, useT } from '../../i18n';
import { formatHours } from './format';
import { m } from './messages';
import type { Indicators } from './types';

function Tile(props: {
  id: string;
  label: string;
  value: string;
  detail?: string | null;
  tone?: 'ok' | 'bad';
}) {
  return (
    <div class={`tile ${props.tone ?? ''}`} data-testid={`tile-${props.id}`}>
      <dt>{props.label}</dt>
      <dd class="tile-value">{props.value}</dd>
      {props.detail && <dd class="tile-detail">{props.detail}</dd>}
    </div>
  );
}

export function Tiles(props: { data: Indicators }) {
  const t = useT(m);
  const locale = useLocale();
  const d = props.data;
  const n = (x: number | null | undefined) => formatNumber(locale, x);
  const sum = (k: 'alerts_raised' | 'confirmed' | 'false_positive' | 'inconclusive') =>
    d.series.reduce((s, p) => s + p[k], 0);
  // Arriving and departing are known only when the server has home airports.
  const direction = (count: number | null) =>
    count === null ? { value: '—', detail: t('noHomeAirports') } : { value: n(count) };
  const r = d.retention;
  const lastRun = r.last_run_at
    ? t(r.last_run_ok === false ? 'lastRunFailed' : 'lastRun', {
        date: formatDateTime(locale, r.last_run_at),
      })
    : t('neverRun');
  const oldest = d.handling.oldest_open_hours;
  return (
    <section aria-labelledby="tiles-title">
      <h2 id="tiles-title">{t('summary')}</h2>
      <dl class="tiles">
        <Tile
          id="coverage"
          label={t('coverage')}
          value={formatPercent(locale, d.coverage.ratio)}
          detail={t('coverageOf', {
            screened: n(d.coverage.travellers_screened),
            declared: n(d.coverage.travellers_declared),
          })}
        />
        <Tile id="arriving" label={t('arriving')} {...direction(d.coverage.arriving)} />
        <Tile id="departing" label={t('departing')} {...direction(d.coverage.departing)} />
        <Tile id="alerts" label={t('alertsRaised')} value={n(sum('alerts_raised'))} />
        <Tile id="confirmed" label={t('confirmed')} value={n(sum('confirmed'))} />
        <Tile id="false-positive" label={t('falsePositive')} value={n(sum('false_positive'))} />
        <Tile id="inconclusive" label={t('inconclusive')} value={n(sum('inconclusive'))} />
        <Tile
          id="handling"
          label={t('medianHandling')}
          value={formatHours(locale, d.handling.median_hours)}
          detail={`${t('p90Handling')} ${formatHours(locale, d.handling.p90_hours)}`}
        />
        <Tile
          id="open"
          label={t('openAlerts')}
          value={n(d.handling.open)}
          detail={oldest === null ? null : t('oldestOpen', { age: formatHours(locale, oldest) })}
        />
        <Tile
          id="retention"
          label={t('retention')}
          value={r.compliant ? t('compliant') : t('notCompliant', { n: n(r.due_now) })}
          tone={r.compliant ? 'ok' : 'bad'}
          detail={lastRun}
        />
      </dl>
    </section>
  );
}
