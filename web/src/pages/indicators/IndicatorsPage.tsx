// The indicators dashboard: the Kuwait Declaration's unified indicators
// from GET /v1/indicators over a period (in the address), as tiles, charts
// and tables; exported as CSV by the server, and printed (or saved as PDF)
// by the browser with the print stylesheet. Counts only: no purpose.
import { useMemo, useState } from 'preact/hooks';
import { api, apiText, download } from '../../api';
import { ErrorBox, Loading, PageTitle, useLoad } from '../../components/ui';
import { formatDate, formatDateTime, useLocale, useT } from '../../i18n';
import { setQuery, useLocation } from '../../router';
import { Chart, ChartSeries } from './Chart';
import { ByListTable, DesignationsTable, SeriesTable } from './IndicatorTables';
import { m } from './messages';
import { Tiles } from './Tiles';
import { BUCKETS, Indicators } from './types';
import './indicators.css';

const DEFAULT_DAYS = 90;

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function IndicatorsPage(_props: { params: Record<string, string> }) {
  const t = useT(m);
  const locale = useLocale();
  const { query } = useLocation();
  const today = new Date();
  const to = query.get('to') || isoDay(today);
  const from = query.get('from') || isoDay(new Date(Date.parse(to) - (DEFAULT_DAYS - 1) * 86400e3));
  const bucketParam = query.get('bucket');
  const bucket = BUCKETS.find((b) => b === bucketParam) ?? 'week';
  const params = { from, to, bucket };

  const data = useLoad(
    (signal) => api<Indicators>('/v1/indicators', { query: params, signal }),
    [from, to, bucket],
  );
  const [exportError, setExportError] = useState<unknown>(null);
  const exportCsv = async () => {
    setExportError(null);
    try {
      const csv = await apiText('/v1/indicators', { query: { ...params, format: 'csv' } });
      download(`hudud-indicators-${from}-${to}-${bucket}.csv`, csv, 'text/csv');
    } catch (e) {
      setExportError(e);
    }
  };

  return (
    <div class="indicators">
      <PageTitle
        actions={
          <>
            <button type="button" onClick={exportCsv}>
              {t('exportCsv')}
            </button>
            <button type="button" onClick={() => window.print()}>
              {t('print')}
            </button>
          </>
        }
      >
        {t('title')}
      </PageTitle>
      <header class="print-only">
        <p class="print-title">
          {t('printTitle', {
            from: formatDate(locale, from),
            to: formatDate(locale, to),
            bucket: t(`bucket_${bucket}`),
          })}
        </p>
        <p>{t('printedOn', { date: formatDateTime(locale, today.toISOString()) })}</p>
      </header>
      <p class="muted">{t('intro')}</p>
      {exportError !== null && <ErrorBox error={exportError} />}
      <form class="inline-form card no-print" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('from')}
          <input
            type="date"
            name="from"
            value={from}
            max={to}
            onChange={(e) => setQuery({ from: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          {t('to')}
          <input
            type="date"
            name="to"
            value={to}
            min={from}
            onChange={(e) => setQuery({ to: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          {t('bucket')}
          <select
            name="bucket"
            value={bucket}
            onChange={(e) => setQuery({ bucket: (e.target as HTMLSelectElement).value })}
          >
            {BUCKETS.map((b) => (
              <option key={b} value={b}>
                {t(`bucket_${b}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {data.error ? (
        <ErrorBox error={data.error} onRetry={data.reload} />
      ) : !data.data ? (
        <Loading />
      ) : (
        <Dashboard data={data.data} />
      )}
    </div>
  );
}

function Dashboard(props: { data: Indicators }) {
  const t = useT(m);
  const locale = useLocale();
  const d = props.data;
  const periods = useMemo(() => d.series.map((p) => p.period), [d]);
  const charts = useMemo(() => {
    const col = (f: (p: Indicators['series'][number]) => number | null) => d.series.map(f);
    const travellers: ChartSeries[] = [
      { label: t('sDeclared'), values: col((p) => p.travellers_declared), color: '#64748b' },
      { label: t('sScreened'), values: col((p) => p.travellers_screened), color: '#1f6feb' },
    ];
    if (d.coverage.arriving !== null) {
      travellers.push(
        { label: t('sArriving'), values: col((p) => p.arriving), color: '#15803d' },
        { label: t('sDeparting'), values: col((p) => p.departing), color: '#c2570c' },
      );
    }
    return {
      travellers,
      alerts: [
        { label: t('alertsRaised'), values: col((p) => p.alerts_raised), color: '#334155' },
        { label: t('confirmed'), values: col((p) => p.confirmed), color: '#b91c1c' },
        { label: t('falsePositive'), values: col((p) => p.false_positive), color: '#15803d' },
        { label: t('inconclusive'), values: col((p) => p.inconclusive), color: '#7c3aed' },
      ],
      handling: [
        { label: t('sHours'), values: col((p) => p.median_handling_hours), color: '#c2570c' },
      ],
    };
  }, [d, locale]);

  return (
    <>
      <Tiles data={d} />
      <p class="muted small no-print">{t('chartNote')}</p>
      <div class="charts">
        <Chart
          id="chart-travellers"
          title={t('chartTravellers')}
          periodLabel={t('colPeriod')}
          periods={periods}
          series={charts.travellers}
        />
        <Chart
          id="chart-alerts"
          title={t('chartAlerts')}
          periodLabel={t('colPeriod')}
          periods={periods}
          series={charts.alerts}
        />
        <Chart
          id="chart-handling"
          title={t('chartHandling')}
          periodLabel={t('colPeriod')}
          periods={periods}
          series={charts.handling}
        />
      </div>
      <ByListTable data={d} />
      <DesignationsTable data={d} />
      <SeriesTable data={d} />
    </>
  );
}
