// The dashboard's tables: hits by list with the false-positive rate, the
// time from a list's publication to its import and re-screen, and every
// figure by period (what the charts draw, readable without them).
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  useLocale,
  useT,
} from '../../i18n';
import { formatHours, formatSeconds } from './format';
import { m } from './messages';
import type { Indicators } from './types';

type Key = keyof (typeof m)['en'];

export function ByListTable(props: { data: Indicators }) {
  const t = useT(m);
  const locale = useLocale();
  const n = (x: number) => formatNumber(locale, x);
  return (
    <section class="card print-block" aria-labelledby="by-list-title">
      <h2 id="by-list-title">{t('byList')}</h2>
      {props.data.by_list.length === 0 ? (
        <p class="muted">{t('noLists')}</p>
      ) : (
        <table class="data" data-testid="by-list">
          <thead>
            <tr>
              <th scope="col">{t('colList')}</th>
              <th scope="col" class="num">{t('colAlerts')}</th>
              <th scope="col" class="num">{t('confirmed')}</th>
              <th scope="col" class="num">{t('falsePositive')}</th>
              <th scope="col" class="num">{t('inconclusive')}</th>
              <th scope="col" class="num">{t('colOpen')}</th>
              <th scope="col" class="num">{t('colFpRate')}</th>
            </tr>
          </thead>
          <tbody>
            {props.data.by_list.map((l) => (
              <tr key={l.list} data-list={l.list}>
                <th scope="row">
                  <bdi>{l.list}</bdi>
                </th>
                <td class="num">{n(l.alerts)}</td>
                <td class="num">{n(l.confirmed)}</td>
                <td class="num" data-testid="fp-count">{n(l.false_positive)}</td>
                <td class="num">{n(l.inconclusive)}</td>
                <td class="num">{n(l.open)}</td>
                <td class="num">{formatPercent(locale, l.false_positive_rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="muted small">{t('fpRateNote')}</p>
    </section>
  );
}

export function DesignationsTable(props: { data: Indicators }) {
  const t = useT(m);
  const locale = useLocale();
  return (
    <section class="card print-block" aria-labelledby="designations-title">
      <h2 id="designations-title">{t('designations')}</h2>
      {props.data.designations.length === 0 ? (
        <p class="muted">{t('noDesignations')}</p>
      ) : (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t('colList')}</th>
              <th scope="col" class="num">{t('colVersion')}</th>
              <th scope="col">{t('colPublished')}</th>
              <th scope="col">{t('colImported')}</th>
              <th scope="col" class="num">{t('colToImport')}</th>
              <th scope="col">{t('colRescreened')}</th>
              <th scope="col" class="num">{t('colToRescreen')}</th>
              <th scope="col" class="num">{t('colRaised')}</th>
            </tr>
          </thead>
          <tbody>
            {props.data.designations.map((d) => (
              <tr key={`${d.list}-${d.version}`}>
                <th scope="row">
                  <bdi>{d.list}</bdi>
                </th>
                <td class="num">{formatNumber(locale, d.version)}</td>
                <td>{formatDate(locale, d.generated_at)}</td>
                <td>{formatDateTime(locale, d.imported_at)}</td>
                <td class="num">{formatHours(locale, d.hours_to_import)}</td>
                <td>{formatDateTime(locale, d.rescreened_at)}</td>
                <td class="num">{formatSeconds(locale, d.seconds_to_rescreen)}</td>
                <td class="num">{formatNumber(locale, d.alerts_raised)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function SeriesTable(props: { data: Indicators }) {
  const t = useT(m);
  const locale = useLocale();
  const n = (x: number | null) => formatNumber(locale, x);
  const outcome = (k: string) => (`outcome_${k}` in m.en ? t(`outcome_${k}` as Key) : k);
  return (
    <section class="card" aria-labelledby="by-period-title">
      <h2 id="by-period-title">{t('byPeriod')}</h2>
      <div class="table-scroll">
        <table class="data series-table">
          <thead>
            <tr>
              <th scope="col">{t('colPeriod')}</th>
              <th scope="col" class="num">{t('colManifests')}</th>
              <th scope="col" class="num">{t('sDeclared')}</th>
              <th scope="col" class="num">{t('sScreened')}</th>
              <th scope="col" class="num">{t('sArriving')}</th>
              <th scope="col" class="num">{t('sDeparting')}</th>
              <th scope="col" class="num">{t('alertsRaised')}</th>
              <th scope="col" class="num">{t('confirmed')}</th>
              <th scope="col" class="num">{t('falsePositive')}</th>
              <th scope="col" class="num">{t('inconclusive')}</th>
              <th scope="col">{t('colOutcomes')}</th>
              <th scope="col" class="num">{t('colMedian')}</th>
            </tr>
          </thead>
          <tbody>
            {props.data.series.map((p) => (
              <tr key={p.period}>
                <th scope="row">{formatDate(locale, p.period)}</th>
                <td class="num">{n(p.manifests)}</td>
                <td class="num">{n(p.travellers_declared)}</td>
                <td class="num">{n(p.travellers_screened)}</td>
                <td class="num">{n(p.arriving)}</td>
                <td class="num">{n(p.departing)}</td>
                <td class="num">{n(p.alerts_raised)}</td>
                <td class="num">{n(p.confirmed)}</td>
                <td class="num">{n(p.false_positive)}</td>
                <td class="num">{n(p.inconclusive)}</td>
                <td>
                  {Object.entries(p.outcomes ?? {})
                    .filter(([, c]) => c > 0)
                    .map(([k, c]) => `${outcome(k)}: ${n(c)}`)
                    .join(', ')}
                </td>
                <td class="num">{formatNumber(locale, p.median_handling_hours, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
